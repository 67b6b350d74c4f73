"""O Processo de escolha na base de demonstração (12/2026): os dois processos, o de 2027 em andamento (aberto primeiro)
e o de 2023 inteiro, com a apuração por dupla digitação, o resultado e a posse (Lei 320/2023, arts. 5º I e IV, 14)."""
import pytest

from desktop.screens.conselho.eleicao import ProcessoEscolha
from desktop.services import acesso, demo
from tests.screens.apoio_janelas import esperar_leituras


@pytest.fixture
def sessao_comissao(tmp_path):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)  # a cópia da base de demonstração da sessão de testes
    s = acesso.entrar(caminho, "comissao", demo.SENHA_DEMO)
    yield s
    s.fechar()


def test_abre_no_processo_em_andamento_e_deixa_escolher_o_de_2023(qtbot, sessao_comissao):
    tela = ProcessoEscolha(sessao_comissao)
    qtbot.addWidget(tela)
    tela.resize(1366, 720)
    tela.show()
    esperar_leituras(qtbot)
    itens = [tela.processos.itemText(i) for i in range(tela.processos.count())]
    assert itens == ["2027 — eleição em 03/10/2027", "2023 — eleição em 01/10/2023"]
    assert tela.processos.currentIndex() == 0 and tela.fase.text().startswith("Fase: Edital a publicar")
    tela.processos.setCurrentIndex(1)
    esperar_leituras(qtbot)
    assert tela.fase.text().startswith("Fase: Encerrado")
    assert "posse 10/01/2024 · mandato até 09/01/2028" in tela.fase.text()
    # o painel da apuração: 20 seções apuradas, a classificação com os eleitos da demonstração do Conselho
    tela.abas.setCurrentWidget(tela.painel)
    esperar_leituras(qtbot)
    ranking = tela.painel.ranking.modelo.linhas()
    assert len(ranking) == 10 and ranking[0]["nome"] == "Joana Batista Ferreira"
    assert "20" in tela.painel.resumo.text()
