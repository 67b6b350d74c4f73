"""Cabeçalho do processo de escolha: a fase gravada, que segue os atos (edital, lista de inscritos, homologação), e
onde o processo está no calendário do dia (Lei 320/2023, art. 7º) — nunca "inscrições" antes do edital."""
from datetime import date

from desktop.screens.conselho.eleicao import ProcessoEscolha
from desktop.services.eleicao.comum import simulando_dia
from tests.services.eleicao.conftest import homologado, proc, proc_aberto  # noqa: F401
from tests.screens.apoio_janelas import esperar_leituras


def _cabecalho(qtbot, sessao, dia: date) -> str:
    with simulando_dia(dia):  # vale nas threads das leituras também
        tela = ProcessoEscolha(sessao)
        qtbot.addWidget(tela)
        tela.resize(1366, 720)
        tela.show()
        esperar_leituras(qtbot)
        return tela.fase.text()


def test_antes_do_edital_mostra_as_inscricoes_que_virao(qtbot, sessao_admin, proc_aberto):  # noqa: F811
    texto = _cabecalho(qtbot, sessao_admin, date(2026, 12, 3))
    # a fase gravada é a de preparação (antes dizia "Inscrições e análise" já em 12/2026)
    assert texto.startswith("Fase: Edital a publicar · Inscrições de 13/04/2027 a 13/05/2027 (edital em 03/04/2027) "
                            "— Lei 320/2023, art. 7º")
    assert "posse 10/01/2028 · mandato até 09/01/2032" in texto


def test_inscricoes_abertas_no_periodo(qtbot, sessao_admin, proc):  # noqa: F811
    texto = _cabecalho(qtbot, sessao_admin, date(2027, 4, 20))
    assert texto.startswith("Fase: Inscrições (edital publicado) · Inscrições abertas até 13/05/2027 — "
                            "Lei 320/2023, art. 7º ·")


def test_depois_da_homologacao_mostra_a_fase_e_o_calendario(qtbot, sessao_admin, homologado):  # noqa: F811
    texto = _cabecalho(qtbot, sessao_admin, date(2027, 10, 3))
    assert texto.startswith("Fase: Lista homologada · Dia da eleição — Lei 320/2023, arts. 5º I e 7º ·")


def test_depois_do_curso_a_posse_dita_uma_vez(qtbot, sessao_admin, homologado):  # noqa: F811
    """Entre o curso de formação e a posse o calendário já diz a data da posse: o cabeçalho não a repete."""
    texto = _cabecalho(qtbot, sessao_admin, date(2027, 11, 3))
    assert texto.endswith("Posse em 10/01/2028 — Lei 320/2023, arts. 7º e 14 §2º · mandato até 09/01/2032"), texto
    assert texto.count("10/01/2028") == 1
