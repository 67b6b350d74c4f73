"""A demonstração traz o processo de escolha de 2023 inteiro (eleição unificada em 01/10/2023, Lei 320/2023, art. 5º I;
posse em 10/01/2024, art. 5º IV; mandato até 09/01/2028), cada ato no seu dia, sem mudar o que se sorteia depois."""
import random

from desktop.services.eleicao import demo, resultado


def _um(sessao, sql: str, *args):
    return sessao.db.execute(sql, args).fetchone()


def test_o_processo_de_2023_inteiro_com_posse_dos_conselheiros_da_demonstracao(sessao_admin):
    rnd = random.Random(5)
    antes = rnd.getstate()
    p = demo.criar_demo_eleicao_2023(sessao_admin, rnd)
    assert rnd.getstate() == antes  # gerador próprio: as demonstrações seguintes sorteiam o mesmo
    assert (p["ano"], p["fase"], p["eleicao"], p["posse"], p["fim_mandato"]) == (
        2023, "encerrado", "2023-10-01", "2024-01-10", "2028-01-09")
    assert p["posse_dada_em"] and p["resultado_publicado_em"]
    # os atos de abertura no dia previsto (arts. 7º e 11 §2º), seis meses antes do pleito
    assert p["edital_publicado_em"] == p["data_edital"] <= "2023-04-01"
    assert p["inscritos_publicados_em"] == p["publicacao_inscritos"]
    assert _um(sessao_admin, "SELECT count(*) FROM eleicao_candidaturas WHERE processo_id = ?", p["id"])[0] == 11
    assert _um(sessao_admin, "SELECT count(*) FROM eleicao_candidaturas WHERE processo_id = ? AND situacao = 'habilitado'",
               p["id"])[0] == 10
    imp = _um(sessao_admin, "SELECT i.decisao, i.recurso_decisao FROM eleicao_impugnacoes i JOIN eleicao_candidaturas c "
                            "ON c.id = i.candidatura_id WHERE c.processo_id = ?", p["id"])
    assert imp is not None and imp[0] and imp[1]
    # 20 seções digitadas duas vezes por mesários diferentes, uma divergência decidida pelo supervisor
    assert _um(sessao_admin, "SELECT count(*) FROM eleicao_secoes WHERE processo_id = ?", p["id"])[0] == 20
    for login in ("mesario1", "mesario2"):
        assert _um(sessao_admin, "SELECT count(*) FROM usuarios WHERE login = ?", login)[0] == 1
    eleitos = resultado.eleitos(sessao_admin, p["id"])
    titulares = [e for e in eleitos if e["condicao"] == "titular"]
    assert len(titulares) == 5 and len(eleitos) == 10
    # os eleitos são os conselheiros da demonstração do Conselho, na mesma ordem (resources/demo/conselho.toml)
    from desktop.services.conselho.demo import CONSELHO

    nomes = [_um(sessao_admin, "SELECT nome FROM pessoas WHERE id = ?", e["pessoa_id"])[0] for e in eleitos]
    assert [(n, e["condicao"]) for n, e in zip(nomes, eleitos)][:7] == CONSELHO
    # a posse criou os mandatos 2024-2028 no Conselho
    assert _um(sessao_admin, "SELECT count(*) FROM conselho_conselheiros WHERE inicio_mandato = '2024-01-10' "
                             "AND fim_mandato = '2028-01-09'")[0] == 10
