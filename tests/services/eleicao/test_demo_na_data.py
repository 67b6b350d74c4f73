"""A demonstração do processo de escolha na data em que a base é criada: só o que o calendário de 2027 já permite
(Lei 320/2023: edital com seis meses de antecedência, art. 7º; eleição no primeiro domingo de outubro, art. 5º I;
posse em 10 de janeiro, art. 5º IV). Criada em 12/2026, mostrava a eleição de 2027 encerrada e os eleitos passados
ao Conselho."""
import random
from datetime import date

from desktop.services import acesso, chaveiro
from desktop.services.eleicao import demo


def _contar(sessao, tabela: str) -> int:
    return sessao.db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]  # noqa: S608 — nomes fixos, do teste


def test_em_dezembro_de_2026_so_o_processo_aberto_com_o_calendario(sessao_admin):
    p = demo.criar_demo_eleicao(sessao_admin, random.Random(5), ate=date(2026, 12, 3))
    # o edital ainda não saiu: a fase gravada é a de preparação, não "inscricoes" (Lei 320/2023, art. 7º)
    assert (p["ano"], p["fase"], p["eleicao"], p["posse"]) == (2027, "preparacao", "2027-10-03", "2028-01-10")
    assert (p["edital_publicado_em"], p["inscritos_publicados_em"]) == (None, None)
    assert "2026-12-03" < p["data_edital"] <= "2027-04-03"  # o edital ainda vai sair, seis meses antes (art. 7º)
    for tabela in ("eleicao_candidaturas", "eleicao_impugnacoes", "eleicao_secoes", "eleicao_designacoes",
                   "eleicao_boletins", "conselheiros_eleitos"):
        assert _contar(sessao_admin, tabela) == 0, tabela


def test_em_agosto_de_2027_habilitados_e_secoes_sem_votos(sessao_admin):
    """Depois da lista de habilitados (22/07/2027) e antes da eleição: candidatos analisados, impugnação julgada,
    notas, homologação, seções e mesários designados; nenhum boletim, nenhum eleito."""
    p = demo.criar_demo_eleicao(sessao_admin, random.Random(5), ate=date(2027, 8, 1))
    assert p["fase"] == "homologado"
    # os atos que abriram as etapas ficaram registrados no dia previsto (arts. 7º e 11 §2º)
    assert (p["edital_publicado_em"], p["inscritos_publicados_em"]) == (p["data_edital"], p["publicacao_inscritos"])
    assert (p["data_edital"], p["publicacao_inscritos"]) == ("2027-04-03", "2027-05-18")
    assert _contar(sessao_admin, "eleicao_candidaturas") == 14 and _contar(sessao_admin, "eleicao_secoes") == 25
    assert _contar(sessao_admin, "eleicao_impugnacoes") == 1 and _contar(sessao_admin, "eleicao_designacoes") == 3
    assert _contar(sessao_admin, "eleicao_boletins") == 0 and _contar(sessao_admin, "conselheiros_eleitos") == 0
    ultima = sessao_admin.db.execute("SELECT max(inscrito_em) FROM eleicao_candidaturas").fetchone()[0]
    assert ultima[:10] <= "2027-08-01"


def test_parar_na_data_nao_muda_os_sorteios_seguintes(sessao_admin, tmp_path, escritorio):
    """Os sorteios da eleição (CPFs, votos, brancos e nulos, aptos) são os mesmos com ou sem data: as demonstrações
    do Conselho e da Certificação, criadas depois com o mesmo gerador, não mudam."""
    cedo = random.Random(5)
    demo.criar_demo_eleicao(sessao_admin, cedo, ate=date(2026, 12, 3))
    caminho = tmp_path / "outra" / "paco.db"
    outra, recuperacao = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Ana Administradora",
                                                 senha="senha-de-teste-longa")
    try:
        chaveiro.usar_recuperacao(outra, recuperacao)
        inteira = random.Random(5)
        p = demo.criar_demo_eleicao(outra, inteira)
        assert p["fase"] == "encerrado"
        assert cedo.getstate() == inteira.getstate()
    finally:
        outra.fechar()
