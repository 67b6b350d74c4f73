"""Tela do processo e dos cadastros (issue 12, itens 5 e 6): a etapa registrada com a data em que de fato
aconteceu e os avaliadores marcados na equipe do PPCP; competências do PPCP corrigidas pela tela, com a
palavra vedada recusada ao digitar e a correção no diário; matriz curricular abaixo do CNCT recusada."""
from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.screens.certificacao.painel import PainelCertificacao
from tests.screens.apoio_janelas import digitar
from tests.screens.apoio_tabelas import editar_celula, marcar_todas, textos
from desktop.services.certificacao import processos
from tests.services.certificacao.apoio import (ACOLHIMENTO, HOJE, MATRICULA, montar_cenario, novo_trabalhador)


def _abrir(qtbot, botao, aba):
    _lida(qtbot, aba)  # a aba relê a lista fora da thread da interface (a escolha volta ao chegar)
    assert botao.isEnabled()
    qtbot.mouseClick(botao, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=30000)
    _lida(qtbot, aba.dialogo)
    return aba.dialogo


def _lida(qtbot, *telas) -> None:
    """Espera as listas lidas fora da thread da interface (comum.ler) chegarem à aba ou ao diálogo."""
    qtbot.waitUntil(lambda: not any(getattr(t, "lendo", False) for t in telas), timeout=30000)



def test_etapa_com_data_real_e_avaliadores_da_equipe(qtbot, sessao_admin, monkeypatch):
    s = sessao_admin
    avisos = []  # a recusa da regra, que a tela mostra numa caixa de aviso
    monkeypatch.setattr("desktop.screens.certificacao.processos.avisar", lambda _p, erro: avisos.append(str(erro)))
    c = montar_cenario(s)
    t = novo_trabalhador(s)
    p = processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"], inscrito_em=HOJE - timedelta(days=12))
    processos.registrar_etapa(s, p["id"], "acolhimento", dados=ACOLHIMENTO, realizada_em=HOJE - timedelta(days=10))
    processos.registrar_etapa(s, p["id"], "matricula", dados=MATRICULA, realizada_em=HOJE - timedelta(days=9))
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ap = painel.processos
    ap.selecionar(p["id"])
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    assert ap.detalhe["proxima"].value == "avaliacao"
    lista = ap.campos["avaliadores"]
    assert [lista.item(i).data(Qt.UserRole) for i in range(lista.count())] == ["Lúcia", "Paulo", "Sérgio"]
    ap.campos["teorico_pratica"].setChecked(True)
    marcar_todas(qtbot, ap.avaliacao.visao, 1)  # "Reconhecida", pela barra de espaço
    quando = HOJE - timedelta(days=5)
    ap.data_etapa.edit.clear()
    qtbot.keyClicks(ap.data_etapa.edit, quando.strftime("%d/%m/%Y"))
    qtbot.mouseClick(ap.botao_registrar, Qt.LeftButton)  # sem avaliador marcado: recusado, nada gravado
    qtbot.waitUntil(lambda: ap.tarefa is None and not ap.lendo, timeout=60_000)  # grava e relê fora da interface
    assert s.db["cert_avaliacoes"].count == 0 and ap.detalhe["proxima"].value == "avaliacao"
    assert "Registre os avaliadores da equipe multiprofissional" in avisos[-1]
    ap.data_etapa.edit.clear()
    qtbot.keyClicks(ap.data_etapa.edit, quando.strftime("%d/%m/%Y"))
    ap.campos["teorico_pratica"].setChecked(True)
    marcar_todas(qtbot, ap.avaliacao.visao, 1)  # "Reconhecida", pela barra de espaço
    ap.marcar_avaliadores("Paulo", "Sérgio")
    qtbot.mouseClick(ap.botao_registrar, Qt.LeftButton)
    qtbot.waitUntil(lambda: ap.tarefa is None and not ap.lendo, timeout=60_000)  # grava e relê fora da interface
    etapa = s.db.execute("SELECT realizada_em, dados FROM cert_etapas WHERE processo_id = ? AND etapa = 'avaliacao'",
                         [p["id"]]).fetchone()
    assert etapa[0] == quando.isoformat() and '"avaliadores": "Paulo; Sérgio"' in etapa[1]
    assert s.db.execute("SELECT resultado_em FROM cert_processos WHERE id = ?", [p["id"]]).fetchone()[0] == quando.isoformat()
    linha = {t[0]: t[1] for t in textos(ap.etapas.visao)}
    assert linha["Avaliação"] == quando.strftime("%d/%m/%Y")


def test_competencias_corrigidas_pela_tela_com_palavra_vedada_recusada_ao_digitar(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    aba = painel.cursos
    _lida(qtbot, aba)
    aba.lista_ppcps.selecionar(c["ppcp"]["id"])
    dlg = _abrir(qtbot, aba.botao_competencias, aba)
    tabela = dlg.competencias.visao
    assert len(textos(tabela)) == 3 and textos(tabela)[0][0] == "Interpretar projetos elétricos"
    digitar(qtbot, dlg.motivo.edit, "Erro de digitação na competência 1")  # acentos: keyClicks aborta o Qt
    editar_celula(qtbot, tabela, 0, 0, "Interpretar projetos elétricos (saberes prévios)")  # F2, digita, Enter
    assert not dlg.botao_ok.isEnabled()
    assert "Linha 1" in dlg.aviso_termos.text() and "saberes" in dlg.aviso_termos.text()
    editar_celula(qtbot, tabela, 0, 0, "Interpretar projetos elétricos prediais", tecla=Qt.Key.Key_Return)
    editar_celula(qtbot, tabela, 0, 2, "80")
    assert dlg.aviso_termos.text() == "" and dlg.botao_ok.isEnabled()
    with qtbot.waitSignal(dlg.accepted, timeout=60_000):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    linha = s.db.execute("SELECT nome, carga_horaria FROM cert_competencias WHERE ppcp_id = ? AND ordem = 1",
                         [c["ppcp"]["id"]]).fetchone()
    assert tuple(linha) == ("Interpretar projetos elétricos prediais", 80)
    assert s.db.execute("SELECT carga_horaria_total FROM cert_ppcps WHERE id = ?", [c["ppcp"]["id"]]).fetchone()[0] == 240
    diario = s.db.execute("SELECT depois FROM diario WHERE tabela = 'cert_competencias' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert "Erro de digitação na competência 1" in diario


def test_matriz_curricular_pela_tela_recusa_abaixo_do_cnct(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    aba = painel.cursos
    _lida(qtbot, aba)
    aba.lista_cursos.selecionar(c["curso"]["id"])
    dlg = _abrir(qtbot, aba.botao_matriz, aba)
    assert dlg.minimo.texto() == "1200" and "Instalações elétricas; 360" in dlg.matriz.toPlainText()
    dlg.matriz.setPlainText("Desenho técnico; 120\nInstalações elétricas; 800")
    assert "Total: 920 horas" in dlg.total.text()
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)  # o serviço roda fora da thread da interface
    qtbot.waitUntil(lambda: dlg.tarefa is None and dlg.rotulo_erro.isVisible(), timeout=60_000)
    assert dlg.isVisible() and "abaixo das 1.200 horas mínimas" in dlg.rotulo_erro.text()
    assert s.db.execute("SELECT sum(carga_horaria) FROM cert_curso_componentes WHERE curso_id = ?",
                        [c["curso"]["id"]]).fetchone()[0] == 1200
    dlg.matriz.setPlainText(dlg.matriz.toPlainText() + "\nMáquinas elétricas; 400")
    with qtbot.waitSignal(dlg.accepted, timeout=60_000):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    assert s.db.execute("SELECT sum(carga_horaria) FROM cert_curso_componentes WHERE curso_id = ?",
                        [c["curso"]["id"]]).fetchone()[0] == 1320
