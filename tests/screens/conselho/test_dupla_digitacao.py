"""Tela da dupla digitação: dois usuários digitam, a divergência aparece lado a lado e o supervisor resolve."""
import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from desktop.rules.papeis import Papel
from desktop.services.eleicao import resultado, votacao
from desktop.screens.conselho.painel import ABAS, PainelConselho
from tests.screens.apoio_janelas import esperar_leituras
from tests.screens.apoio_tabelas import editar_celula, ir_para, textos
from tests.services.eleicao.conftest import dia_eleicao, designar, homologado, proc, sessao_de  # noqa: F401 (fixtures)


def _digitar(qtbot, tela, comparecimento, brancos, nulos, votos):
    for campo, valor in ((tela.comparecimento, comparecimento), (tela.brancos, brancos), (tela.nulos, nulos)):
        campo.edit.clear()
        qtbot.keyClicks(campo.edit, str(valor))
    for i, linha in enumerate(textos(tela.votos.visao)):  # na coluna Votos, pelo teclado
        editar_celula(qtbot, tela.votos.visao, i, 2, str(votos[int(linha[0])]))
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
    linhas = {campo: (a, b) for campo, a, b, _confere in textos(t2.comparacao.visao)}
    assert linhas["Candidato 11"] == ("10", "12") and linhas["Candidato 12"] == ("10", "8")
    assert {l[0] for l in textos(t2.comparacao.visao) if l[3] == "DIFERE"} == {"Candidato 11", "Candidato 12"}
    assert t2.comparacao.proxy.headerData(1, Qt.Orientation.Horizontal) == "1ª digitação (mesa1)"
    vermelhas = {t2.comparacao.proxy.index(i, 0).data() for i in range(t2.comparacao.proxy.rowCount())
                 if t2.comparacao.proxy.index(i, 1).data(Qt.ItemDataRole.ForegroundRole) is not None}
    assert vermelhas == {"Candidato 11", "Candidato 12"}  # "Campos em vermelho diferem"

    supervisor = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "supervisora"), "supervisor")
    ps = PainelConselho(supervisor)
    qtbot.addWidget(ps)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    aba = ps.widgets["Processo de escolha"]
    ts = aba.digitacao
    assert not ts.grupo_divergencia.isHidden() and ts.resolver.isEnabled()
    for campo, valor in ((ts.comparecimento, 120), (ts.brancos, 15), (ts.nulos, 5)):
        qtbot.keyClicks(campo.edit, str(valor))
    for i in range(ts.votos.proxy.rowCount()):
        editar_celula(qtbot, ts.votos.visao, i, 2, "10")
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
    assert len(textos(aba.painel.ranking.visao)) == 10 and len(aba.painel.grafico.barras) == 10
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
    for i in range(t.votos.proxy.rowCount()):
        editar_celula(qtbot, t.votos.visao, i, 2, "10")
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


def test_votos_digitados_como_numa_planilha_e_classificacao_ordena_pelos_votos(qtbot, sessao_admin, homologado,
                                                                               dia_eleicao):  # noqa: F811
    """Os votos por candidato são a grade de entrada da tabela comum: digitar o número já edita a célula (como na
    QTableWidget de antes) e Enter grava e desce ao próximo candidato; o que foi digitado vai ao serviço. O painel
    ordena a classificação pelos votos como número (6 antes de 10)."""
    from desktop.screens.conselho.apuracao import DigitacaoBoletim, PainelApuracao

    proc, _ = homologado
    s = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola Municipal", aptos=300)
    m1 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa1"), "mesario")
    m2 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa2"), "mesario")
    votos = {n: n - 5 for n in range(11, 21)}  # 6 a 15: 105
    tela = DigitacaoBoletim(m1, proc["id"])
    qtbot.addWidget(tela)
    tela.show()
    esperar_leituras(qtbot)
    for campo, valor in ((tela.comparecimento, 125), (tela.brancos, 15), (tela.nulos, 5)):
        qtbot.keyClicks(campo.edit, str(valor))
    visao = tela.votos.visao
    ir_para(qtbot, visao, 0, 2)
    for i, linha in enumerate(textos(visao)):
        assert (visao.currentIndex().row(), visao.currentIndex().column()) == (i, 2)  # Enter desceu
        texto = str(votos[int(linha[0])])
        qtbot.keyClick(visao, texto[0])  # o primeiro algarismo já abre o editor com ele
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == texto[0]
        qtbot.keyClicks(editor, texto[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: visao.state() != QAbstractItemView.State.EditingState)
    assert [l[2] for l in textos(visao)] == [str(votos[int(l[0])]) for l in textos(visao)]
    qtbot.mouseClick(tela.gravar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tela.tarefa is None, timeout=15000)
    esperar_leituras(qtbot)
    assert "Primeira digitação gravada" in tela.mensagem.text(), tela.mensagem.text()
    gravada = votacao.divergencias(sessao_admin, s["id"])["digitacoes"][0]["votos"]
    assert {int(n): int(v) for n, v in gravada.items()} == votos

    votacao.digitar(m2, s["id"], comparecimento=125, brancos=15, nulos=5, votos=votos)
    painel = PainelApuracao(sessao_admin, proc["id"])
    qtbot.addWidget(painel)
    esperar_leituras(qtbot)
    assert [l[1] for l in textos(painel.ranking.visao)][:3] == ["20", "19", "18"]  # a classificação
    painel.ranking.visao.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [l[3] for l in textos(painel.ranking.visao)] == [str(v) for v in range(6, 16)]


def test_rotulo_do_grafico_mostra_numero_e_primeiro_nome_quando_o_nome_nao_cabe(qtbot):
    """No painel da apuração a 1366×768 o gráfico tem ~120 pontos para o rótulo: saía '101 Francisc…'; agora o
    número e o primeiro nome ('101 Francisca'), e o nome inteiro quando cabe (a tabela ao lado tem o nome inteiro)."""
    from PySide6.QtWidgets import QWidget

    from desktop.screens.conselho.grafico import rotulo_que_cabe

    fm = QWidget().fontMetrics()
    longo = "101 Francisca Nogueira Lins"
    assert rotulo_que_cabe(fm, longo, fm.horizontalAdvance(longo)) == longo
    assert rotulo_que_cabe(fm, longo, fm.horizontalAdvance("101 Francisca") + 2) == "101 Francisca"
    assert rotulo_que_cabe(fm, longo, fm.horizontalAdvance("101 Fr")).startswith("101")
