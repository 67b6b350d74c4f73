"""Aba Prazos: o que vence hoje e o que venceu, com o relógio do painel movido; F5 relê; Enter abre o caso."""
from datetime import date, datetime

from PySide6.QtCore import Qt

from desktop.services.conselho import atendimentos, decisoes
from desktop.screens.conselho.funcionamento.caso import DialogoCaso
from desktop.screens.conselho.funcionamento.prazos import AbaPrazos
from tests.screens.apoio_janelas import quando_modal

CASO = {"tipo": "denuncia", "recebido_em": datetime(2025, 3, 10, 21, 0), "bairro": "Centro",
        "criancas": [{"nome": "Lia Souza", "nascimento": date(2015, 1, 2)}]}
DECIDIDA = datetime(2025, 3, 10, 22, 15)  # segunda-feira, à noite


def _lida(qtbot, aba: AbaPrazos) -> AbaPrazos:
    """A aba lê fora da thread da interface (widgets.servicos.consulta): espera a leitura chegar."""
    qtbot.waitUntil(lambda: not aba.lendo, timeout=10000)
    return aba


def _linhas(aba: AbaPrazos) -> list[tuple]:
    m = aba.visao.model()
    return [tuple(m.index(i, j).data() for j in range(4)) for i in range(m.rowCount())]


def test_painel_de_prazos_com_o_relogio_movido(qtbot, conselheira):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    decisoes.registrar_decisao(conselheira, at["id"], descricao="Orientação à família", motivacao="Negligência",
                               decidida_em=DECIDIDA)  # sem comunicação
    decisoes.registrar_decisao(conselheira, at["id"], descricao="Acolhimento", motivacao="Criança sozinha",
                               decidida_em=DECIDIDA, emergencial=True, medidas=[{"codigo": "101-VII"}])
    decisoes.registrar_requisicao(conselheira, at["id"], orgao="CRAS", servico="Visita", emitida_em=date(2025, 3, 11),
                                  prazo=date(2025, 3, 13))
    relogio = [datetime(2025, 3, 11, 10, 0)]
    aba = AbaPrazos(conselheira, agora=lambda: relogio[0])
    qtbot.addWidget(aba)
    aba.show()
    _lida(qtbot, aba)
    # Terça 10 h: a ratificação vence hoje (primeiro dia útil, art. 21 §1º); comunicações até quarta 22:15 (48 h);
    # o acolhimento é comunicado ao juiz até terça 22:15 (24 h, ECA art. 93 — linha nova, issue 14).
    assert _linhas(aba) == [
        ("Vence hoje", "11/03/2025", "1/2025", "Ratificação no colegiado"),
        ("Vence hoje", "11/03/2025 22:15", "1/2025", "Acolhimento ao juiz (24 h)"),
        ("No prazo", "12/03/2025 22:15", "1/2025", "Comunicação (48 h)"),
        ("No prazo", "12/03/2025 22:15", "1/2025", "Comunicação (48 h)"),
        ("No prazo", "13/03/2025", "1/2025", "Requisição"),
    ]
    assert "0 vencido(s)" in aba.resumo.text() and "2 vence(m) hoje" in aba.resumo.text()
    assert "3 no prazo" in aba.resumo.text() and "atualizado às 10:00" in aba.resumo.text()

    # Quarta 23 h, F5: as comunicações, a ratificação e a comunicação ao juiz venceram; a requisição segue no prazo.
    relogio[0] = datetime(2025, 3, 12, 23, 0)
    aba.activateWindow()
    qtbot.waitUntil(aba.isActiveWindow)
    qtbot.keyClick(aba.visao, Qt.Key.Key_F5)
    _lida(qtbot, aba)
    assert [l[0] for l in _linhas(aba)] == ["Vencido", "Vencido", "Vencido", "Vencido", "No prazo"]
    assert "4 vencido(s)" in aba.resumo.text() and "atualizado às 23:00" in aba.resumo.text()
    cores = {aba.visao.model().index(i, 0).data(Qt.ItemDataRole.ForegroundRole).name()
             for i in range(4)}
    assert cores == {"#b00020"}

    # Só o que pede ação: sem os que estão no prazo.
    qtbot.mouseClick(aba.no_prazo, Qt.MouseButton.LeftButton)
    _lida(qtbot, aba)
    assert [l[0] for l in _linhas(aba)] == ["Vencido"] * 4

    # Comunicação registrada fora da aba: F5 tira a linha.
    d = conselheira.db.execute("SELECT id FROM conselho_decisoes WHERE emergencial = 0").fetchone()[0]
    decisoes.registrar_comunicacao(conselheira, d, "Rosa Lima", datetime(2025, 3, 12, 9, 0))
    qtbot.keyClick(aba.visao, Qt.Key.Key_F5)
    _lida(qtbot, aba)
    assert [l[3] for l in _linhas(aba)] == ["Ratificação no colegiado", "Acolhimento ao juiz (24 h)",
                                           "Comunicação (48 h)"]

    # Enter na linha abre o caso.
    aba.visao.selectRow(0)
    abertos = []

    def _fechar(dlg):
        abertos.append(dlg.windowTitle())
        dlg.reject()

    quando_modal(_fechar, tipo=DialogoCaso)
    aba.visao.setFocus()
    qtbot.keyClick(aba.visao, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: abertos == ["Atendimento nº 1/2025"], timeout=10000)


def test_sem_itens_diz_que_nada_esta_pendente(qtbot, conselheira):
    aba = AbaPrazos(conselheira, agora=lambda: datetime(2025, 3, 11, 10, 0))
    qtbot.addWidget(aba)
    _lida(qtbot, aba)
    assert aba.modelo.rowCount() == 0 and "nada pendente" in aba.resumo.text()


def test_caso_aberto_marca_prazo_vencido(qtbot, conselheira):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = DialogoCaso(conselheira, at["id"], None, atendimentos.obter_atendimento(conselheira, at["id"]))
    qtbot.addWidget(caso)
    assert "Nenhuma decisão registrada" in caso.texto.toPlainText()
    decisoes.registrar_decisao(conselheira, at["id"], descricao="Orientação", motivacao="Negligência",
                               decidida_em=DECIDIDA, emergencial=True)  # março de 2025: já venceu
    caso.recarregar()
    qtbot.waitUntil(lambda: not caso.ocupada, timeout=10000)  # relê fora da thread da interface
    texto = caso.texto.toPlainText()
    assert "VENCIDO: comunicar até 12/03/2025 22:15" in texto
    assert "VENCIDO: levar ao colegiado (ratificar) até 11/03/2025" in texto
    assert "#b00020" in caso.texto.toHtml()
