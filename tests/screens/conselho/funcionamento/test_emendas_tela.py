"""Emendas pela tela do caso (pytest-qt): campos validados enquanto se digita, gravação conferida no banco e no
histórico; a consulta do MP/juízo vê o caso com todos os botões de ação desligados."""
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.screens.conselho.funcionamento.atendimentos import AbaAtendimentos
from desktop.screens.conselho.funcionamento.caso import DialogoCaso
from desktop.screens.conselho.funcionamento.comum import DialogoAcao
from desktop.services.conselho import atendimentos
from tests.screens.apoio_janelas import digitar, quando_modal

from .apoio import responder

CASO = {"tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Centro",
        "criancas": [{"nome": "Kaua Tavares", "nascimento": date(2016, 4, 2)}],
        "violacoes": [{"especifico": "CFC.3.1", "agente": "pais_responsaveis"}]}


def _abrir(qtbot, sessao, at_id) -> DialogoCaso:
    caso = DialogoCaso(sessao, at_id, None, atendimentos.obter_atendimento(sessao, at_id))
    qtbot.addWidget(caso)
    caso.show()
    return caso


def _clicar(qtbot, caso, rotulo):
    qtbot.mouseClick(caso.botoes[rotulo], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not caso.ocupada, timeout=20000)  # releitura do caso fora da thread da interface


def test_incluir_crianca_valida_enquanto_digita_e_grava(qtbot, conselheira):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])
    vistos = {}

    def _acao(d: DialogoAcao):
        nome, nasc, motivo = d.widgets["nome"], d.widgets["nascimento"], d.widgets["motivo"]
        digitar(qtbot, nome.edit, "Y")
        vistos["nome_curto"] = (nome.erro.isVisible(), nome.erro.text(), d.botao_ok.isEnabled())
        digitar(qtbot, nome.edit, "asmin Tavares")
        digitar(qtbot, nasc.edit, "31/02/2020")
        vistos["data_ruim"] = (nasc.erro.isVisible(), d.botao_ok.isEnabled())
        nasc.edit.clear()
        digitar(qtbot, nasc.edit, "10/01/2020")
        digitar(qtbot, d.widgets["mae"].edit, "Rosa Tavares")
        vistos["sem_motivo"] = d.botao_ok.isEnabled()
        digitar(qtbot, motivo.edit, "irmã encontrada na diligência")
        vistos["pronto"] = d.botao_ok.isEnabled()
        vistos["tamanho"] = d.sizeHint()
        d.botao_ok.click()

    quando_modal(_acao, tipo=DialogoAcao)
    _clicar(qtbot, caso, "Incluir criança")
    assert vistos["tamanho"].width() <= 1366 and vistos["tamanho"].height() <= 720  # cabe em 1366×768
    assert caso.width() <= 1366 and caso.height() <= 720
    assert vistos["nome_curto"][0] and "duas letras" in vistos["nome_curto"][1] and not vistos["nome_curto"][2]
    assert vistos["data_ruim"] == (True, False)
    assert vistos["sem_motivo"] is False and vistos["pronto"] is True
    linha = conselheira.db.execute("SELECT nome, nascimento, mae FROM conselho_criancas WHERE nome = 'Yasmin Tavares'"
                                   ).fetchone()
    assert tuple(linha) == ("Yasmin Tavares", "2020-01-10", "Rosa Tavares")
    h = conselheira.db.execute("SELECT tipo, motivo FROM conselho_emendas").fetchall()
    assert [tuple(x) for x in h] == [("crianca_incluida", "irmã encontrada na diligência")]
    assert "Histórico de emendas" in caso.texto.toPlainText() and "Yasmin Tavares" in caso.texto.toPlainText()


def test_hora_real_da_chamada_e_nome_corrigido(qtbot, conselheira):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])
    vistos = {}

    def _acao(d: DialogoAcao):
        m = d.widgets["momento"]
        assert m.texto() == "06/03/2026 22:30"  # a hora gravada, para corrigir
        m.edit.clear()
        digitar(qtbot, m.edit, (datetime.now() + timedelta(days=2)).strftime("%d/%m/%Y %H:%M"))
        vistos["futuro"] = (m.erro.text(), d.botao_ok.isEnabled())
        m.edit.clear()
        digitar(qtbot, m.edit, "06/03/2026 21:50")
        digitar(qtbot, d.widgets["motivo"].edit, "chamada recebida antes; gravada depois")
        d.botao_ok.click()

    quando_modal(_acao, tipo=DialogoAcao)
    _clicar(qtbot, caso, "Hora real da chamada")
    assert "futuro" in vistos["futuro"][0] and vistos["futuro"][1] is False
    assert conselheira.db.execute("SELECT recebido_em FROM conselho_atendimentos").fetchone()[0] == "2026-03-06T21:50"

    r = responder(qtbot, {"nome": "Kauã Matheus Tavares", "motivo": "conforme certidão"})
    _clicar(qtbot, caso, "Corrigir nome")
    assert r.erro is None, r.erro
    assert conselheira.db.execute("SELECT nome FROM conselho_criancas").fetchone()[0] == "Kauã Matheus Tavares"
    tipos = [x[0] for x in conselheira.db.execute("SELECT tipo FROM conselho_emendas ORDER BY rowid")]
    assert tipos == ["momento_da_chamada", "nome_corrigido"]


def test_incluir_violacao_pela_lista_do_sipia(qtbot, conselheira):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])
    r = responder(qtbot, {"especifico": "LRD.5.3", "agente": "familiares", "descricao": "tio",
                          "motivo": "relato da escola"})
    _clicar(qtbot, caso, "Incluir violação e agente")
    assert r.erro is None, r.erro
    assert any("Violência física › Castigo corporal" in o for o in r.opcoes["especifico"])
    v = conselheira.db.execute("SELECT direito, grupo, especifico, agente FROM conselho_violacoes "
                               "WHERE especifico = 'LRD.5.3'").fetchone()
    assert tuple(v) == ("liberdade_respeito_dignidade", "LRD.5", "LRD.5.3", "familiares")
    assert "Castigo corporal" in caso.texto.toPlainText()


def test_consulta_do_mp_ve_o_caso_sem_acao_de_escrita(qtbot, conselheira, entrar):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    mp = entrar("mp", "consulta")
    aba = AbaAtendimentos(mp)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    assert aba.modelo.rowCount() == 1 and aba.botao_novo.isHidden() and not aba.botao_novo.isEnabled()
    caso = _abrir(qtbot, mp, at["id"])
    assert "Kaua Tavares" in caso.texto.toPlainText()
    assert len(caso.botoes) >= 20
    ligados = [r for r, b in caso.botoes.items() if b.isEnabled()]
    assert ligados == [], ligados
    antes = mp.db.execute("SELECT count(*) FROM sigilo.diario WHERE acao <> 'evento'").fetchone()[0]
    for b in caso.botoes.values():  # clicar num botão desligado não abre nada nem grava nada
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    assert mp.db.execute("SELECT count(*) FROM sigilo.diario WHERE acao <> 'evento'").fetchone()[0] == antes


def test_plantao_grava_a_hora_real_da_chamada(qtbot, conselheira):
    """No registro rápido, a hora da chamada é um campo (validado ao digitar): a gravação mais tarde não a muda."""
    from desktop.screens.conselho.funcionamento.plantao import AbaPlantao

    aba = AbaPlantao(conselheira)
    qtbot.addWidget(aba)
    aba.show()
    qtbot.waitUntil(lambda: not aba.restaurando, timeout=20000)  # o rascunho guardado é lido ao abrir
    aba.novo()
    f = aba.form
    chamada = (datetime.now() - timedelta(minutes=40)).replace(second=0, microsecond=0)
    f.chamada.edit.clear()
    digitar(qtbot, f.chamada.edit, (datetime.now() + timedelta(hours=3)).strftime("%d/%m/%Y %H:%M"))
    assert f.chamada.erro.isVisible() and "futuro" in f.chamada.erro.text()
    f.chamada.edit.clear()
    digitar(qtbot, f.chamada.edit, chamada.strftime("%d/%m/%Y %H:%M"))
    assert not f.chamada.erro.isVisible()
    digitar(qtbot, f.crianca, "Joana Pereira")
    f.direito.setCurrentIndex(f.direito.findData("LRD.6.1"))
    f.agente.setCurrentIndex(f.agente.findData("desconhecido"))
    qtbot.mouseClick(f.botao_salvar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.form is None, timeout=20000)  # grava fora da thread da interface
    r = conselheira.db.execute("SELECT recebido_em, criado_em FROM conselho_atendimentos").fetchone()
    assert r[0] == chamada.isoformat(timespec="minutes")
    v = conselheira.db.execute("SELECT grupo, especifico FROM conselho_violacoes").fetchone()
    assert tuple(v) == ("LRD.6", "LRD.6.1")


def test_consulta_sem_acao_de_escrita_nas_abas_de_casos(qtbot, conselheira, entrar):
    """MP/juízo: Relatório (ver e CSV sim; emitir não), Fiscalização (só lê) e Prazos: nenhum botão de escrita
    ligado; e o serviço recusa a emissão abaixo da tela."""
    import pytest

    from desktop.screens.conselho.funcionamento.fiscalizacao import AbaFiscalizacao
    from desktop.screens.conselho.funcionamento.prazos import AbaPrazos
    from desktop.screens.conselho.funcionamento.relatorio import AbaRelatorio
    from desktop.services.conselho import relatorio
    from desktop.services.sessao import SemPermissao
    from PySide6.QtWidgets import QPushButton

    atendimentos.registrar_atendimento(conselheira, CASO)
    mp = entrar("mp", "consulta")
    rel = AbaRelatorio(mp)
    qtbot.addWidget(rel)
    qtbot.waitUntil(lambda: not rel.ocupada, timeout=10000)  # monta fora da thread da interface
    assert rel.botao_ver.isEnabled() and rel.botao_csv.isEnabled() and not rel.botao_pdf.isEnabled()
    with pytest.raises(SemPermissao):
        relatorio.emitir_relatorio_trimestral(mp, 2026, 1)
    fis = AbaFiscalizacao(mp)
    qtbot.addWidget(fis)
    qtbot.waitUntil(lambda: not fis.ocupada, timeout=10000)  # lê fora da thread da interface
    ligados = [b.text() for b in fis.findChildren(QPushButton) if b.isEnabled()]
    assert ligados == [], ligados
    prazos = AbaPrazos(mp)
    qtbot.addWidget(prazos)
    qtbot.waitUntil(lambda: not prazos.lendo, timeout=10000)  # lê fora da thread da interface
    assert [b.text() for b in prazos.findChildren(QPushButton) if b.isEnabled()] == ["A&tualizar (F5)"]


def test_retirar_violacao_pela_tela(qtbot, conselheira):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])
    _clicar(qtbot, caso, "Retirar familiar")
    assert "Não há familiar" in caso.mensagem.text()
    r = responder(qtbot, {"motivo": "registrada no caso errado"})
    _clicar(qtbot, caso, "Retirar violação")
    assert r.erro is None, r.erro
    assert conselheira.db.execute("SELECT count(*) FROM conselho_violacoes WHERE removido_em IS NOT NULL"
                                  ).fetchone()[0] == 1
    assert "Violação retirada: registrada no caso errado" in caso.texto.toPlainText()
    assert "Negligência familiar" not in caso.texto.toPlainText().split("Histórico de emendas")[0]


def test_retirar_crianca_pelo_teclado(qtbot, conselheira):
    """Retirar a criança incluída por engano: o caso de uma criança só recusa com a razão; com duas, o diálogo
    (aberto pelo teclado) grava a retirada, que some do resumo e fica no histórico; a violação fora da faixa
    etária do grupo do SIPIA CT é recusada no próprio diálogo."""
    from desktop.services.conselho import emendas

    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])
    botao = caso.botoes["Retirar criança"]
    assert botao.focusPolicy() & Qt.FocusPolicy.TabFocus  # alcançável pelo Tab
    botao.setFocus()
    qtbot.keyClick(botao, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not caso.ocupada, timeout=20000)
    assert "ao menos uma criança" in caso.mensagem.text()

    a = emendas.incluir_crianca(conselheira, at["id"], {"nome": "Yasmin Engano", "nascimento": "2012-05-01"},
                                "informada pela escola")
    yasmin = a["criancas"][1]["id"]
    caso.recarregar()
    qtbot.waitUntil(lambda: not caso.ocupada, timeout=20000)
    r = responder(qtbot, {"crianca": yasmin, "motivo": "homônima: é de outro caso"})
    botao.setFocus()
    qtbot.keyClick(botao, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not caso.ocupada, timeout=20000)
    assert r.erro is None, r.erro
    assert any("Yasmin Engano" in o for o in r.opcoes["crianca"])
    linha = conselheira.db.execute("SELECT removido_em FROM conselho_criancas WHERE id = ?", [yasmin]).fetchone()
    assert linha[0] is not None
    h = conselheira.db.execute("SELECT tipo, motivo FROM conselho_emendas ORDER BY rowid").fetchall()
    assert [tuple(x) for x in h][-1] == ("crianca_retirada", "homônima: é de outro caso")
    resumo, historico = caso.texto.toPlainText().split("Histórico de emendas")
    assert "Yasmin" not in resumo and "Kaua Tavares" in resumo
    assert "Criança ou adolescente retirado: homônima: é de outro caso" in historico

    r = responder(qtbot, {"especifico": "ECEL.1.1", "agente": "familiares", "motivo": "relato da escola"})
    _clicar(qtbot, caso, "Incluir violação e agente")
    assert r.erro and "0 a 5 anos" in r.erro, r.erro
    assert conselheira.db.execute("SELECT count(*) FROM conselho_violacoes WHERE grupo = 'ECEL.1'").fetchone()[0] == 0
