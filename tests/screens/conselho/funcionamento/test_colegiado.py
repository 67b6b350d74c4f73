"""Aba Colegiado dirigida como o usuário: sem quórum a sessão é recusada; com quórum, a pauta traz a medida de
plantão, cada presente vota, a maioria ratifica, a ata sai em PDF; a consulta (MP) só lê."""
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pypdf import PdfReader

from desktop.rules.papeis import Papel
from desktop.services.conselho import atendimentos
from desktop.screens.conselho.funcionamento.colegiado import AbaColegiado
from desktop.screens.conselho.funcionamento.comum import ALTURA_MAX, LARGURA_MAX, DialogoAcao
from tests.screens.apoio_janelas import quando_modal
from tests.screens.apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação

from .apoio import responder, salvar_em

CASO = {"tipo": "denuncia", "recebido_em": datetime(2025, 3, 10, 22, 15), "bairro": "Centro", "plantao": True,
        "criancas": [{"nome": "Lia Souza", "nascimento": "2015-01-02"}],
        "medidas": [{"codigo": "101-VII", "crianca": 0}],
        "decisao": {"descricao": "Acolhimento emergencial na Casa Esperança", "motivacao": "Criança sozinha à noite"}}


def _pronta(qtbot, aba) -> None:
    """A aba lê e emite fora da thread da interface (widgets.servicos): espera terminar."""
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=20000)


def _clicar(qtbot, aba, texto: str) -> None:
    b = next(b for b in aba.findChildren(QPushButton) if b.text().replace("&", "") == texto)
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)


def _cabe(w) -> None:
    dica = w.minimumSizeHint()
    assert dica.width() <= LARGURA_MAX and dica.height() <= ALTURA_MAX, (type(w).__name__, dica)


def test_ratificacao_so_em_sessao_com_quorum_e_ata(qtbot, conselheira, conselho, entrar, tmp_path, monkeypatch):
    db = conselheira.db
    salvos = salvar_em(monkeypatch, tmp_path)
    decisao = atendimentos.registrar_atendimento(conselheira, CASO)["decisoes"][0]
    aba = AbaColegiado(conselheira)
    qtbot.addWidget(aba)
    aba.resize(LARGURA_MAX, ALTURA_MAX)
    aba.show()
    _pronta(qtbot, aba)
    _cabe(aba)
    assert "Nenhuma sessão" in aba.detalhe.toPlainText() and "1 decisão(ões) aguardam" in aba.detalhe.toPlainText()
    assert [p["decisao_id"] for p in aba.modelo_p.linhas()] == [decisao["id"]]  # o que espera, já à vista

    # Sozinha, a conselheira não abre sessão (nem ratifica a própria medida): recusa no diálogo, nada gravado.
    r = responder(qtbot, {"tipo": "extraordinaria", "em": datetime(2025, 3, 11, 4, 16), "presentes": [conselho[0]]})
    _clicar(qtbot, aba, "Nova sessão…")
    assert r.erro and "Sem quórum" in r.erro
    assert db.execute("SELECT count(*) FROM conselho_sessoes").fetchone()[0] == 0

    tamanhos_sessao = []
    quando_modal(lambda d: tamanhos_sessao.append(d.minimumSizeHint()), tipo=DialogoAcao)
    r = responder(qtbot, {"tipo": "ordinaria", "em": datetime(2025, 3, 11, 9, 0), "presentes": conselho[:3]})
    _clicar(qtbot, aba, "Nova sessão…")
    assert r.erro is None, r.erro
    assert tamanhos_sessao and all(t.height() <= ALTURA_MAX and t.width() <= LARGURA_MAX for t in tamanhos_sessao)
    assert db.execute("SELECT tipo, realizada_em, quorum FROM conselho_sessoes").fetchall() == [
        ("ordinaria", "2025-03-11T09:00", 3)]
    assert aba.modelo_s.rowCount() == 1 and aba.modelo_p.rowCount() == 1
    assert aba.modelo_p.linha(0)["decisao_id"] == decisao["id"]

    # Votação: um combo por presente apto; a dialog cabe em 1366×720; 2 de 3 ratificam.
    tamanhos = []
    quando_modal(lambda d: tamanhos.append(d.minimumSizeHint()), tipo=DialogoAcao)
    r = responder(qtbot, {conselho[0]: "ratificar", conselho[1]: "ratificar", conselho[2]: "abstencao"})
    aba.visao_p.selectRow(0)
    _clicar(qtbot, aba, "Votar item da pauta…")
    assert r.erro is None, r.erro
    assert tamanhos and all(t.height() <= ALTURA_MAX and t.width() <= LARGURA_MAX for t in tamanhos)
    assert db.execute("SELECT colegiado, colegiado_em FROM conselho_decisoes WHERE id = ?",
                      [decisao["id"]]).fetchone() == ("ratificada", "2025-03-11T09:00")
    assert sorted(db.execute("SELECT voto FROM conselho_sessao_votos").fetchall()) == [
        ("abstencao",), ("ratificar",), ("ratificar",)]
    assert aba.modelo_p.rowCount() == 0 and "Ratificada" in aba.detalhe.toPlainText()

    # Encerrar: a ata é emitida, registrada e salva (depois do aviso de documento sigiloso).
    _clicar(qtbot, aba, "Encerrar e emitir a ata")
    assert len(salvos) == 1 and salvos[0].exists()
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(salvos[0]).pages).split())
    for trecho in ("Ata de sessão do colegiado", "Sessão ordinária de 11/03/2025 às 09:00", "Ana Beatriz Souza",
                   "Bruno Carvalho Lima", "Carla Dias Moreira", "Acolhimento emergencial na Casa Esperança",
                   "Ratificada", "2 por ratificar"):
        assert trecho in texto, trecho
    assert db.execute("SELECT situacao FROM conselho_sessoes").fetchone()[0] == "encerrada"
    assert "código de verificação" in aba.mensagem.text()

    # A consulta do MP lê a sessão e a ata, mas não tem botão de registrar habilitado.
    mp = entrar("mp", Papel.CONSULTA)
    leitura = AbaColegiado(mp)
    qtbot.addWidget(leitura)
    _pronta(qtbot, leitura)
    assert leitura.modelo_s.rowCount() == 1 and "Ratificada" in leitura.detalhe.toPlainText()
    assert not any(b.isEnabled() for b in (leitura.b_nova, leitura.b_votar, leitura.b_encerrar))


def test_admin_nao_ve_o_colegiado(qtbot, sessao_admin, conselheira):
    aba = AbaColegiado(sessao_admin)
    qtbot.addWidget(aba)
    _pronta(qtbot, aba)
    assert not aba.sigilo.isHidden() and "sigilosos" in aba.sigilo.text()
    assert aba.modelo_s.rowCount() == 0


def test_sessoes_e_pauta_sem_rolar_a_1366(qtbot, conselheira, conselho, estilo):  # noqa: F811
    """O título da pauta, numa linha só (~750 pontos), era o mínimo do lado direito: as sessões ficavam com ~365
    pontos e rolavam na horizontal (a situação fora, à direita). O título quebra linha, as tabelas não ordenam pelo
    cabeçalho (as sessões já vêm da mais recente) e o divisor dá às sessões o que as cinco colunas pedem: inteiras,
    sem rolar, na largura da aba a 1366×768 com a folha de estilo. A pauta, com seis colunas, rolava um pouco a essa
    largura (mesmo vazia): o divisor agora reparte pela largura medida das colunas e o tipo da sessão e as medidas
    alargam pelo texto; 'Impedidos' ficou curto, com o artigo na dica do cabeçalho."""
    from PySide6.QtWidgets import QApplication

    from desktop.services.conselho import colegiado
    from tests.screens.apoio_tela import cortadas

    atendimentos.registrar_atendimento(conselheira, CASO)
    colegiado.abrir_sessao(conselheira, tipo="extraordinaria", realizada_em=datetime(2025, 3, 11, 9, 0),
                           presentes=conselho[:3])
    aba = AbaColegiado(conselheira)
    qtbot.addWidget(aba)
    aba.resize(1366 - 230, 768 - 60 - 40)  # 230: a lista de módulos; 60: menu e barra de estado; 40: as abas
    aba.show()
    _pronta(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo_s.rowCount() == 1 and aba.modelo_p.rowCount() == 1)
    QApplication.processEvents()
    cab = aba.visao_s.horizontalHeader()
    assert cortadas(aba.visao_s) == [], (aba.visao_s.viewport().width(), [cab.sectionSize(i) for i in range(cab.count())])
    assert aba.visao_s.horizontalScrollBar().maximum() == 0
    # a pauta também, com o divisor repartido pela largura medida das colunas (rolava mesmo vazia); a decisão, que
    # estica, fica com o resto (inteira na dica)
    cab_p = aba.visao_p.horizontalHeader()
    assert aba.visao_p.horizontalScrollBar().maximum() == 0, (aba.visao_p.viewport().width(),
                                                              [cab_p.sectionSize(i) for i in range(cab_p.count())])
    assert [c for c in cortadas(aba.visao_p) if not c.startswith("Decisão")] == []
    assert aba.visao_p.model().headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == \
        "Impedidos (art. 44)"


def test_pauta_vazia_diz_por_que_e_o_que_fazer(qtbot, conselheira, conselho, entrar):
    """Votados todos os itens da sessão aberta, a pauta ficava em branco sem explicação (visto na demonstração a
    1366×768): agora diz que os itens já foram votados e que se encerra a sessão para emitir a ata; encerrada, diz
    que a ata foi emitida. Com itens na pauta, nada se diz. A consulta (MP) lê o porquê sem a instrução de encerrar,
    que não é dela."""
    from desktop.services.conselho import colegiado

    decisao = atendimentos.registrar_atendimento(conselheira, CASO)["decisoes"][0]
    s = colegiado.abrir_sessao(conselheira, tipo="ordinaria", realizada_em=datetime(2025, 3, 11, 9, 0),
                               presentes=conselho[:3])
    aba = AbaColegiado(conselheira)
    qtbot.addWidget(aba)
    aba.show()
    _pronta(qtbot, aba)
    assert aba.modelo_p.rowCount() == 1 and aba.pauta_vazia.isHidden()

    colegiado.deliberar_item(conselheira, s["id"], decisao["id"],
                             {conselho[0]: "ratificar", conselho[1]: "ratificar", conselho[2]: "ratificar"})
    aba.recarregar(manter=s["id"])
    _pronta(qtbot, aba)
    assert aba.modelo_p.rowCount() == 0 and aba.pauta_vazia.isVisible()
    texto = aba.pauta_vazia.text()
    assert texto.startswith("Pauta vazia: o item dela foi votado") and "Encerrar e emitir a ata" in texto

    mp = AbaColegiado(entrar("mp", Papel.CONSULTA))
    qtbot.addWidget(mp)
    mp.show()
    _pronta(qtbot, mp)
    assert "o item dela foi votado" in mp.pauta_vazia.text() and "Encerr" not in mp.pauta_vazia.text()

    colegiado.encerrar_sessao(conselheira, s["id"], datetime(2025, 3, 11, 10, 0))
    aba.recarregar(manter=s["id"])
    _pronta(qtbot, aba)
    assert aba.modelo_p.rowCount() == 0 and aba.pauta_vazia.isVisible()
    assert aba.pauta_vazia.text().startswith("Sessão encerrada, ata emitida: o item dela foi votado")


def test_pauta_vazia_sem_rolar_e_com_os_titulos_inteiros_a_1366(qtbot, conselheira, conselho, estilo):  # noqa: F811
    """Sessão aberta sem nada na pauta: a pauta vazia não rola na horizontal e os títulos das colunas cabem (a
    largura das colunas sem linhas é a do título)."""
    from PySide6.QtWidgets import QApplication

    from desktop.services.conselho import colegiado

    colegiado.abrir_sessao(conselheira, tipo="ordinaria", realizada_em=datetime(2025, 3, 11, 9, 0),
                           presentes=conselho[:3])
    aba = AbaColegiado(conselheira)
    qtbot.addWidget(aba)
    aba.resize(1366 - 230, 768 - 60 - 40)
    aba.show()
    _pronta(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo_s.rowCount() == 1 and aba.pauta_vazia.isVisible())
    QApplication.processEvents()
    assert aba.modelo_p.rowCount() == 0 and aba.visao_p.horizontalScrollBar().maximum() == 0
    cab = aba.visao_p.horizontalHeader()
    assert [c.titulo for i, c in enumerate(aba.modelo_p.colunas) if cab.sectionSize(i) < cab.sectionSizeHint(i)] == []
