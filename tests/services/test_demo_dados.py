"""Os dados da demonstração em resources/demo/ (issue 18, item 6): cada arquivo lê e se refere só ao que existe.

A base gerada é conferida em test_demo.py e nos testes de demonstração de cada módulo; aqui, a coerência
interna dos arquivos, que antes ficava ao lado do código que os usava."""
from desktop.services import demo
from desktop.services.demo_comum import PASTA_DEMO, dados_demo


def test_arquivos_da_demonstracao_ficam_em_resources():
    assert {p.stem for p in PASTA_DEMO.glob("*.toml")} >= {"comum", "magisterio", "eleicao", "certificacao", "conselho"}
    assert PASTA_DEMO.parent.name == "resources"  # resources/ vai inteira no instalador (installer.spec)


def test_magisterio_situacao_de_cada_escola_da_rede():
    d = dados_demo("magisterio")
    nomes = [e["nome"] for e in d["escolas"]["situacao"]]
    assert nomes == [nome for nome, _bairro, _zona in demo.ESCOLAS]
    portes = set(d["escolas"]["peso"])
    assert {e["porte"] for e in d["escolas"]["situacao"]} | set(d["escolas"]["rodizio"]) <= portes
    for mud in d["escolas"]["mudancas"]:
        assert mud["nome"] in nomes and mud["porte"] in portes and mud["inicio"] > d["lei"]
    assert set(d["funcoes"]) == {"diretor", "vice_diretor", "ex_diretor"}


def test_eleicao_votos_parentes_e_indeferidos_se_referem_aos_candidatos():
    d = dados_demo("eleicao")
    n = len(d["candidatos"])
    votos = {int(i) for i in d["votos"]}
    indeferidos = {d["indeferimento"]["por_idade"], d["indeferimento"]["candidato"]}
    assert votos | indeferidos == set(range(n)) and not votos & indeferidos
    assert set(d["parentesco"]["candidatos"]) <= votos and d["impugnacao"]["candidato"] in votos
    assert d["indeferimento"]["requisito"] in d["documentos"]
    div = d["divergencia"]
    assert {div["de"] - 101, div["para"] - 101} <= votos and div["secao"] < d["secoes"]["quantas"]


def test_certificacao_competencias_dentro_da_matriz_e_roteiro_completo():
    d = dados_demo("certificacao")
    assert [p["tipo"] for p in d["perfis"]] == ["tecnico", "qualificacao", "tecnologia"]
    for p in d["perfis"]:
        componentes = {nome for nome, _horas in p["matriz"]}
        assert all(comp in componentes for _nome, comp, _horas in p["competencias"]), p["tipo"]
        assert [area for _nome, area in p["equipe"]].count("educacao") == 1
        assert p["unidade"] in {"principal", *d["unidades"]}
    assert len(d["roteiro"]) == 20  # 60 trabalhadores em ciclo nas 3 ofertas
    assert {r["etapas"] for r in d["roteiro"]} == set(range(6))
    assert {r.get("extra") for r in d["roteiro"]} - {None} <= {"curso", "desistir", "recurso", "deferido",
                                                               "indeferido", "via"}


def test_conselho_mandato_entidades_e_sorteios():
    from desktop.rules.conselho.atendimentos import SITUACOES, TIPOS
    from desktop.services.conselho.fiscalizacao import REGIMES

    d = dados_demo("conselho")
    condicoes = [c for _nome, c in d["mandato"]["conselheiros"]]
    assert condicoes == ["titular"] * 5 + ["suplente"] * 2  # 5 titulares (art. 132 do ECA) e os suplentes
    assert d["mandato"]["inicio"] < d["mandato"]["fim"]
    assert {e["tipo"] for e in d["entidades"]} <= set(REGIMES)
    a, c = d["atendimentos"], d["acompanhamento"]
    assert set(a["tipos"]) <= set(TIPOS) and set(c["situacoes_antigas"]) <= set(SITUACOES)
    assert 0 < c["chance_requisicao"] < c["chance_encaminhamento"] < 1
    assert a["idade_dias"][0] < a["idade_dias"][1] < 18 * 365
