"""Tela da dupla digitação: dois usuários digitam, a divergência aparece lado a lado e o supervisor resolve."""
import random

from PySide6.QtCore import Qt

from desktop.rules.papeis import Papel
from desktop.services.eleicao import resultado, votacao
from desktop.screens.conselho.painel import ABAS, PainelConselho
from tests.screens.apoio_janelas import esperar_leituras
from tests.services.eleicao.conftest import dia_eleicao, designar, homologado, proc, sessao_de  # noqa: F401 (fixtures)


def _digitar(qtbot, tela, comparecimento, brancos, nulos, votos):
    for campo, valor in ((tela.comparecimento, comparecimento), (tela.brancos, brancos), (tela.nulos, nulos)):
        campo.edit.clear()
        qtbot.keyClicks(campo.edit, str(valor))
    for i in range(tela.votos.rowCount()):
        numero = int(tela.votos.item(i, 0).text())
        tela.votos.item(i, 2).setText(str(votos[numero]))
    qtbot.mouseClick(tela.gravar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tela.tarefa is None, timeout=15000)  # grava fora da thread da interface
    esperar_leituras(qtbot)


def test_dupla_digitacao_com_supervisor(qtbot, sessao_admin, homologado, dia_eleicao):  # noqa: F811
    proc, _ = homologado
    votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola Municipal", aptos=300)
    m1 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa1"), "mesario")
    m2 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa2"), "mesario")
    votos = {n: 10 for n in range(11, 21)}  # 100
    errado = {**votos, 11: 12, 12: 8}

    p1 = PainelConselho(m1)
    qtbot.addWidget(p1)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    assert p1.abas.tabText(0) == "Processo de escolha" and ABAS[0].titulo == "Processo de escolha"
    t1 = p1.widgets["Processo de escolha"].digitacao
    _digitar(qtbot, t1, 120, 15, 6, votos)   # 100 + 15 + 6 = 121: recusado
    assert "diferente do comparecimento" in t1.mensagem.text()
    _digitar(qtbot, t1, 120, 15, 5, votos)
    assert "Primeira digitação gravada" in t1.mensagem.text()

    p2 = PainelConselho(m2)
    qtbot.addWidget(p2)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    t2 = p2.widgets["Processo de escolha"].digitacao
    _digitar(qtbot, t2, 120, 15, 5, errado)
    assert "diferem em 2 campo(s)" in t2.mensagem.text()
    assert not t2.grupo_divergencia.isHidden() and not t2.resolver.isEnabled()  # quem digitou não resolve
    linhas = {t2.comparacao.item(i, 0).text(): (t2.comparacao.item(i, 1).text(), t2.comparacao.item(i, 2).text())
              for i in range(t2.comparacao.rowCount())}
    assert linhas["Candidato 11"] == ("10", "12") and linhas["Candidato 12"] == ("10", "8")
    assert t2.comparacao.horizontalHeaderItem(1).text() == "1ª digitação (mesa1)"

    supervisor = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "supervisora"), "supervisor")
    ps = PainelConselho(supervisor)
    qtbot.addWidget(ps)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    aba = ps.widgets["Processo de escolha"]
    ts = aba.digitacao
    assert not ts.grupo_divergencia.isHidden() and ts.resolver.isEnabled()
    for campo, valor in ((ts.comparecimento, 120), (ts.brancos, 15), (ts.nulos, 5)):
        qtbot.keyClicks(campo.edit, str(valor))
    for i in range(ts.votos.rowCount()):
        ts.votos.item(i, 2).setText("10")
    qtbot.keyClicks(ts.justificativa, "Conferido com o boletim impresso da urna")
    qtbot.mouseClick(ts.resolver, Qt.MouseButton.LeftButton)  # sem dizer qual papel foi recontado: recusa
    qtbot.waitUntil(lambda: ts.tarefa is None, timeout=15000)  # grava fora da thread da interface
    esperar_leituras(qtbot)
    assert "boletim de papel" in ts.mensagem.text()
    qtbot.keyClicks(ts.boletim_papel, "Boletim impresso da urna, via da comissao")
    with qtbot.waitSignal(ts.sig_apurada):
        qtbot.mouseClick(ts.resolver, Qt.MouseButton.LeftButton)
    esperar_leituras(qtbot)
    assert "resolvida pelo supervisor" in ts.mensagem.text()
    a = resultado.apurar(sessao_admin, proc["id"])
    assert a.completa and a.totais.votos[11] == 10 and a.totais.comparecimento == 120
    assert "Seções apuradas: 1 de 1" in aba.painel.resumo.text()
    assert aba.painel.ranking.rowCount() == 10 and len(aba.painel.grafico.barras) == 10
    aba.painel.grafico.grab()  # desenha o gráfico (QPainter)


def test_papel_sem_permissao_ve_aviso(qtbot, sessao_admin):
    rh = sessao_de(sessao_admin, "rh", Papel.FOLHA_RH)
    p = PainelConselho(rh)
    qtbot.addWidget(p)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    assert p.abas.count() == 0


def test_contagem_nao_numerica_na_tela(qtbot, sessao_admin, homologado, dia_eleicao):  # noqa: F811
    proc, _ = homologado
    designar(sessao_admin, proc["id"], sessao_admin, "mesario")
    votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola Municipal", aptos=300)
    p = PainelConselho(sessao_admin)
    qtbot.addWidget(p)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    t = p.widgets["Processo de escolha"].digitacao
    qtbot.keyClicks(t.comparecimento.edit, "cento e vinte")
    assert "só com algarismos" in t.comparecimento.erro.text() and "art. 9º" in t.comparecimento.erro.text()
    assert not t.comparecimento.erro.isHidden()  # o erro aparece enquanto se digita
    qtbot.keyClicks(t.brancos.edit, "-3")
    assert "não pode ser negativo" in t.brancos.erro.text()
    qtbot.keyClicks(t.nulos.edit, "5")
    assert t.nulos.erro.isHidden()
    for i in range(t.votos.rowCount()):
        t.votos.item(i, 2).setText("10")
    qtbot.mouseClick(t.gravar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: t.tarefa is None, timeout=15000)  # grava fora da thread da interface
    esperar_leituras(qtbot)
    assert "informe um número inteiro" in t.mensagem.text() and "art. 9º" in t.mensagem.text()
    assert sessao_admin.db.execute("SELECT count(*) FROM eleicao_digitacoes").fetchone()[0] == 0


def test_painel_da_apuracao_recarrega_quando_chega_um_pacote(qtbot, sessao_admin, homologado, dia_eleicao):  # noqa: F811
    """O painel aberto não vê as seções que entram por fora da tela (um pacote importado) até o aviso que a
    janela principal dá ao receber ``sig_pacote_importado`` do painel de Administração."""
    from desktop.screens.widgets.recebidos import avisar_dados_recebidos

    proc, _ = homologado
    s = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola Municipal", aptos=300)
    m1 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa1"), "mesario")
    m2 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa2"), "mesario")
    p = PainelConselho(sessao_admin)
    qtbot.addWidget(p)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    painel = p.widgets["Processo de escolha"].painel
    assert "Seções apuradas: 0 de 1" in painel.resumo.text()
    votos = {n: 10 for n in range(11, 21)}
    for m in (m1, m2):  # as duas digitações que conferem chegam sem passar por esta tela
        votacao.digitar(m, s["id"], comparecimento=120, brancos=15, nulos=5, votos=votos)
    assert "Seções apuradas: 0 de 1" in painel.resumo.text()
    assert avisar_dados_recebidos(p) >= 1
    esperar_leituras(qtbot)
    assert "Seções apuradas: 1 de 1" in painel.resumo.text()
