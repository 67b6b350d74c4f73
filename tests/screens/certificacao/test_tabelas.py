"""As tabelas da Certificação são a tabela comum (widgets.tabela.Lista), dirigidas como o usuário faz: ordenar pelo
cabeçalho, escolher a linha com as setas, Enter para abrir; o que a tela faz em seguida vale para a linha escolhida
(pelo id, não pela posição — que muda com a ordenação) e chega à base."""
import hashlib
from datetime import timedelta

from PySide6.QtCore import QPoint, Qt

from desktop.screens.certificacao.painel import PainelCertificacao
from desktop.services.certificacao import processos, trabalhadores
from tests.screens.apoio_tabelas import ir_para, textos
from tests.services.certificacao.apoio import HOJE, IDENTIFICACAO, ate_avaliacao, cpf_valido, montar_cenario


def _clicar_cabecalho(qtbot, visao, coluna: int) -> None:
    cab = visao.horizontalHeader()
    x = cab.sectionViewportPosition(coluna) + cab.sectionSize(coluna) // 2
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, cab.height() // 2))


def _inscrever(s, c, nome: str, cpf: str) -> dict:
    t = trabalhadores.cadastrar_trabalhador(s, nome=nome, cpf=cpf, nascimento=HOJE.replace(year=HOJE.year - 40),
                                            escolaridade="medio", comprovante="Certificado do ensino médio",
                                            **IDENTIFICACAO)
    return processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"],
                               inscrito_em=HOJE - timedelta(days=5))


def test_processo_escolhido_pelo_teclado_na_lista_ordenada_e_a_etapa_gravada_nele(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    ana = _inscrever(s, c, "Ana Beatriz Costa", cpf_valido(111222333))
    zelia = _inscrever(s, c, "Zélia Moraes", cpf_valido(444555666))
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    with qtbot.waitExposed(painel):
        painel.show()
    painel.abas.setCurrentWidget(painel.processos)
    ap = painel.processos
    visao = ap.lista.visao
    qtbot.waitUntil(lambda: not ap.lendo and ap.lista.modelo.rowCount() == 2, timeout=30000)  # lida fora da interface
    _clicar_cabecalho(qtbot, visao, 0)  # Trabalhador: A→Z
    assert [t[0] for t in textos(visao)] == ["Ana Beatriz Costa", "Zélia Moraes"]
    _clicar_cabecalho(qtbot, visao, 0)  # de novo: Z→A
    assert [t[0] for t in textos(visao)] == ["Zélia Moraes", "Ana Beatriz Costa"]
    ir_para(qtbot, visao, 0)  # Ctrl+Home: a primeira linha da lista ordenada
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == zelia["id"], timeout=30000)  # lido fora da interface
    assert ap.titulo.text().startswith("Zélia Moraes")
    qtbot.keyClick(visao, Qt.Key.Key_Down)  # a segunda linha mostrada é a Ana, não o 2º processo lido
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == ana["id"], timeout=30000)
    assert ap.titulo.text().startswith("Ana Beatriz Costa") and ap.detalhe["proxima"].value == "acolhimento"
    assert [t[0] for t in textos(ap.etapas.visao)] == ["Inscrição"]
    qtbot.keyClick(visao, Qt.Key.Key_Return)  # Enter abre o processo: o teclado vai para a próxima etapa
    qtbot.waitUntil(lambda: ap.data_etapa.edit.hasFocus())
    ap.campos["apresentacao"].setChecked(True)
    for chave, texto in (("entrevista", "Costureira ha 15 anos"), ("memorial", "Memorial entregue"),
                         ("orientacao", "Seguir para a matricula")):
        qtbot.keyClicks(ap.campos[chave], texto)
    qtbot.mouseClick(ap.botao_registrar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ap.tarefa is None and not ap.lendo and ap.detalhe is not None
                    and ap.detalhe["proxima"].value == "matricula", timeout=60_000)  # grava e relê fora da interface
    gravadas = {pid: [e for (e,) in s.db.execute("SELECT etapa FROM cert_etapas WHERE processo_id = ? ORDER BY rowid",
                                                 [pid])] for pid in (ana["id"], zelia["id"])}
    assert gravadas == {ana["id"]: ["inscricao", "acolhimento"], zelia["id"]: ["inscricao"]}
    # relida a lista, a ordem e a escolha continuam: a Ana, na segunda linha
    assert ap.lista.selecionada()["id"] == ana["id"] and visao.currentIndex().row() == 1
    assert [t[0] for t in textos(visao)] == ["Zélia Moraes", "Ana Beatriz Costa"]
    assert [t[0] for t in textos(ap.etapas.visao)] == ["Inscrição", "Acolhimento"]


def test_documento_aberto_pelo_enter_e_o_pdf_guardado_na_base(qtbot, sessao_admin, tmp_path, monkeypatch):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-7"})
    salvos = []

    def _salvar(_parent, nome, pdf, seguir, **_k):
        destino = tmp_path / nome
        destino.write_bytes(pdf)
        salvos.append(destino)
        seguir(destino)
        return destino

    monkeypatch.setattr("desktop.screens.certificacao.documentos.salvar_e_abrir", _salvar)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ad = painel.documentos
    qtbot.waitUntil(lambda: not ad.lendo and ad.modelo.rowCount() >= 2, timeout=30000)  # lida fora da interface
    _clicar_cabecalho(qtbot, ad.tabela, 4)  # Código
    ir_para(qtbot, ad.tabela, 1)
    escolhido = ad.lista.selecionada()
    assert escolhido["codigo"] == sorted(e["codigo"] for e in ad.lista.linhas())[1]
    assert ad.botao_abrir.isEnabled()
    qtbot.keyClick(ad.tabela, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ad.ultimo_arquivo is not None, timeout=30000)  # o PDF é lido fora da interface
    assert salvos == [ad.ultimo_arquivo] and escolhido["codigo"] in ad.ultimo_arquivo.name
    sha = s.db.execute("SELECT sha256 FROM documentos WHERE id = ?", [escolhido["documento_id"]]).fetchone()[0]
    assert hashlib.sha256(ad.ultimo_arquivo.read_bytes()).hexdigest() == sha  # idêntico ao emitido
    assert "idêntico ao emitido" in ad.situacao.text()


def test_grade_da_equipe_do_ppcp_pelo_teclado(qtbot, sessao_admin):
    """A grade da equipe (art. 20 XII) é a tabela comum: Adicionar membro já abre o nome para digitar, F2 na área
    abre a lista (seta para baixo escolhe), Remover linha tira a escolhida; a contagem acompanha."""
    from PySide6.QtWidgets import QComboBox, QPushButton

    from desktop.screens.certificacao.dialogo_ppcp import DialogoPpcp
    from tests.screens.apoio_tabelas import editar_celula

    dlg = DialogoPpcp(sessao_admin)
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg):
        dlg.show()
    dlg.abas.setCurrentIndex(3)  # Equipe (XII)
    visao = dlg.equipe.visao
    aba = dlg.abas.currentWidget()
    mais = next(b for b in aba.findChildren(QPushButton) if b.text() == "Adicionar membro")
    menos = next(b for b in aba.findChildren(QPushButton) if b.text() == "Remover linha")
    for nome in ("Eng. Rui Paz", "Pedagoga Eva Reis"):
        qtbot.mouseClick(mais, Qt.MouseButton.LeftButton)  # o editor do nome já está aberto
        editor = next(e for e in visao.viewport().findChildren(type(dlg.perfil.edit)) if e.isVisibleTo(visao.viewport()))
        qtbot.keyClicks(editor, nome)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: visao.state() == visao.State.NoState)
    assert textos(visao) == [["Eng. Rui Paz", "Profissional de educação"], ["Pedagoga Eva Reis", "Profissional de educação"]]
    assert dlg.resumo_equipe.text() == "2 profissional(is) de educação e 0 da área específica."
    ir_para(qtbot, visao, 0, 1)
    qtbot.keyClick(visao, Qt.Key.Key_F2)
    [combo] = [c for c in visao.viewport().findChildren(QComboBox) if c.isVisibleTo(visao.viewport())]
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # escolher já grava a célula
    qtbot.waitUntil(lambda: visao.state() == visao.State.NoState)
    assert textos(visao)[0] == ["Eng. Rui Paz", "Profissional da área"]
    assert dlg.resumo_equipe.text() == "1 profissional(is) de educação e 1 da área específica."
    editar_celula(qtbot, visao, 1, 0, "Pedagoga Eva Reis Lima", tecla=Qt.Key.Key_Return)
    assert [(m.nome, m.area) for m in dlg.lista_equipe()] == [("Eng. Rui Paz", "especifica"),
                                                               ("Pedagoga Eva Reis Lima", "educacao")]
    ir_para(qtbot, visao, 0)
    qtbot.mouseClick(menos, Qt.MouseButton.LeftButton)
    assert [(m.nome, m.area) for m in dlg.lista_equipe()] == [("Pedagoga Eva Reis Lima", "educacao")]
    assert dlg.resumo_equipe.text() == "1 profissional(is) de educação e 0 da área específica."
