"""Parâmetros legais e calendário do órgão: semear padrões, consultar, cadastrar com diário."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.inss import TabelaINSS, calcular_inss
from desktop.rules.irrf import TabelaIRRF, calcular_irrf
from desktop.rules.papeis import Papel
from desktop.rules.parametros import ValorLegal
from desktop.rules.validacao import EntradaInvalida
from desktop.services import parametros as svc
from desktop.services.sessao import ErroNegocio, SemPermissao, Sessao, Usuario
from desktop.store import diario
from desktop.store import parametros as armazem

SALARIOS_MINIMOS = {
    "2019-01-01": "998.00", "2020-01-01": "1039.00", "2020-02-01": "1045.00", "2021-01-01": "1100.00",
    "2022-01-01": "1212.00", "2023-01-01": "1302.00", "2023-05-01": "1320.00", "2024-01-01": "1412.00",
    "2025-01-01": "1518.00", "2026-01-01": "1621.00",
}


@pytest.fixture
def sessao(sessao_admin):
    svc.semear_padroes(sessao_admin)
    return sessao_admin


def _sessao_com_papel(sessao: Sessao, papel: Papel) -> Sessao:
    """Outro usuário na mesma base aberta (o papel decide as permissões)."""
    return Sessao(sessao.base, Usuario("id-" + papel.value, papel.value[:10], "Outro", papel))


def _diario(sessao, tabela):
    return list(sessao.db.query("SELECT * FROM diario WHERE tabela = ? ORDER BY seq", [tabela]))


def _linhas(sessao) -> int:
    return sessao.db.execute(
        "SELECT (SELECT count(*) FROM parametros) + (SELECT count(*) FROM parametros_definicao)"
    ).fetchone()[0]


def test_semear_e_completo_idempotente_e_no_diario(sessao_admin):
    ja_havia = _linhas(sessao_admin)  # a instalação ou a entrada podem já ter semeado
    gravadas = svc.semear_padroes(sessao_admin)
    nomes = {d["nome"] for d in svc.listar_definicoes(sessao_admin)}
    assert {"salario_minimo", "inss", "irrf", "irrf_dependente", "piso_magisterio"} <= nomes
    enviados = {p.definicao.nome: len(p.vigencias) for p in armazem.padroes()}  # db/parametros/*.toml
    assert nomes == set(enviados)
    vig = {v["inicio"]: v for v in svc.listar_vigencias(sessao_admin, "salario_minimo")}
    assert {k: v["valor"] for k, v in vig.items()} == SALARIOS_MINIMOS
    assert vig["2025-01-01"]["status"] == "S" and vig["2026-01-01"]["fundamento"] == "Decreto 12.797/2025"
    assert {v["origem"] for v in vig.values()} == {"padrao"}
    total = sessao_admin.db.execute("SELECT count(*) FROM parametros").fetchone()[0]
    assert total == sum(enviados.values())
    assert [enviados[n] for n in ("salario_minimo", "inss", "irrf", "irrf_dependente", "piso_magisterio")] == [10, 5, 5, 1, 7]
    assert gravadas + ja_havia == len(enviados) + total
    assert len(_diario(sessao_admin, "parametros")) == total
    assert len(_diario(sessao_admin, "parametros_definicao")) == len(enviados)
    assert svc.semear_padroes(sessao_admin) == 0
    assert sessao_admin.db.execute("SELECT count(*) FROM parametros").fetchone()[0] == total
    assert diario.verificar(sessao_admin.db).ok


def test_semear_sem_faltas_faz_uma_so_consulta(sessao):
    comandos = []
    sessao.base.conexao.set_trace_callback(comandos.append)
    try:
        assert svc.semear_padroes(sessao) == 0
    finally:
        sessao.base.conexao.set_trace_callback(None)
    assert len(comandos) == 1 and comandos[0].startswith("SELECT")


def test_semear_repoe_o_que_falta_e_nao_sobrescreve(sessao):
    db = sessao.db
    with sessao.base.transacao():
        db.execute("DELETE FROM parametros WHERE nome = 'salario_minimo' AND inicio = '2019-01-01'")
        db.execute("UPDATE parametros SET valor = '\"1000.00\"' WHERE nome = 'salario_minimo' "
                   "AND inicio = '2020-01-01'")
    assert svc.semear_padroes(sessao) == 1
    vig = {v["inicio"]: v["valor"] for v in svc.listar_vigencias(sessao, "salario_minimo")}
    assert vig["2019-01-01"] == "998.00" and vig["2020-01-01"] == "1000.00"


def test_vigente_escolhe_pela_data(sessao):
    assert svc.vigente(sessao, "salario_minimo", date(2020, 1, 31)).valor == Decimal("1039.00")
    sm = svc.vigente(sessao, "salario_minimo", date(2020, 2, 1))
    assert isinstance(sm, ValorLegal) and sm.valor == Decimal("1045.00")
    assert sm.fundamento.startswith("MP 919/2020")
    assert svc.vigente(sessao, "piso_magisterio", date(2024, 7, 1)).valor == Decimal("4580.57")
    with pytest.raises(ErroNegocio, match="01/01/2019"):
        svc.vigente(sessao, "salario_minimo", date(2018, 12, 31))
    with pytest.raises(ErroNegocio, match="desconhecido"):
        svc.vigente(sessao, "vale_cultura", date(2026, 1, 1))


def test_tabelas_do_inss_e_do_irrf_para_a_folha(sessao):
    inss = svc.tabela_inss(sessao, date(2026, 3, 1))
    assert isinstance(inss, TabelaINSS) and inss.teto == Decimal("8475.55")
    assert calcular_inss(Decimal("9000.00"), inss).valor == Decimal("988.09")
    irrf = svc.tabela_irrf(sessao, date(2026, 3, 1))
    assert isinstance(irrf, TabelaIRRF) and irrf.dependente == Decimal("189.59")
    assert "Lei 15.270/2025" in irrf.fundamento and "Lei 13.149/2015" in irrf.fundamento
    # R$ 6.000,00, INSS 641,51: base 5.358,49 × 27,5% − 908,73 = 564,85; redução 179,75 → 385,10
    assert calcular_irrf(Decimal("6000.00"), Decimal("641.51"), 0, irrf).valor == Decimal("385.10")
    assert svc.tabela_irrf(sessao, date(2025, 4, 30)).desconto_simplificado == Decimal("564.80")


def test_adicionar_vigencia_com_diario(sessao):
    linha = svc.adicionar_vigencia(sessao, "salario_minimo", date(2027, 1, 1), Decimal("1700"),
                                   "Decreto hipotético de teste", status="NV")
    assert (linha["valor"], linha["origem"], linha["status"]) == ('"1700.00"', "usuario", "NV")
    ultimo = _diario(sessao, "parametros")[-1]
    assert (ultimo["registro_id"], ultimo["acao"], ultimo["usuario"]) == (linha["id"], "inserir", "admin")
    assert svc.vigente(sessao, "salario_minimo", date(2027, 3, 1)).valor == Decimal("1700.00")
    assert svc.vigente(sessao, "salario_minimo", date(2026, 12, 31)).valor == Decimal("1621.00")
    assert diario.verificar(sessao.db).ok


def test_adicionar_tabela_do_inss(sessao):
    faixas = [{"ate": "1700.00", "percentual": "7.5"}, {"ate": "3000.00", "percentual": "9"},
              {"ate": Decimal("4500"), "percentual": Decimal("12.0")}, {"ate": "8800.00", "percentual": "14"}]
    svc.adicionar_vigencia(sessao, "inss", date(2027, 1, 1), {"faixas": faixas}, "Portaria de teste")
    t = svc.tabela_inss(sessao, date(2027, 1, 1))
    assert t.faixas[2].ate == Decimal("4500.00") and t.teto == Decimal("8800.00")
    gravada = svc.listar_vigencias(sessao, "inss")[-1]["valor"]
    assert gravada["faixas"][2] == {"ate": "4500.00", "percentual": "12"}


@pytest.mark.parametrize("nome, inicio, valor, fundamento, erro, mensagem", [
    ("salario_minimo", date(2027, 1, 1), "1700.00", "  ", EntradaInvalida, "fundamento"),
    ("salario_minimo", date(2026, 1, 1), "1700.00", "Decreto X", ErroNegocio, "Já existe.*01/01/2026"),
    ("salario_minimo", date(2027, 1, 1), "0", "Decreto X", EntradaInvalida, "maior que zero"),
    ("salario_minimo", date(2027, 1, 1), "-5.00", "Decreto X", EntradaInvalida, "maior que zero"),
    ("salario_minimo", date(2027, 1, 1), "mil", "Decreto X", EntradaInvalida, "não é um número"),
    ("salario_minimo", date(2027, 1, 1), "1700.001", "Decreto X", EntradaInvalida, "dois centavos"),
    ("salario_minimo", "2027-01-01", "1700.00", "Decreto X", EntradaInvalida, "data de início"),
    ("inss", date(2027, 1, 1), {"faixas": [{"ate": "3000.00", "percentual": "7.5"},
                                           {"ate": "2000.00", "percentual": "9"}]},
     "Portaria X", EntradaInvalida, "ordem crescente"),
    ("inss", date(2027, 1, 1), "1700.00", "Portaria X", EntradaInvalida, "lista de faixas"),
    ("irrf", date(2027, 1, 1), {"faixas": [{"ate": "2500.00", "percentual": "0"},
                                           {"ate": "2400.00", "percentual": "7.5", "deduzir": "1"},
                                           {"percentual": "15", "deduzir": "2"}]},
     "Lei X", EntradaInvalida, "ordem crescente"),
    ("nao_existe", date(2027, 1, 1), "1.00", "Lei X", ErroNegocio, "desconhecido"),
])
def test_adicionar_vigencia_recusa_entrada_ruim(sessao, nome, inicio, valor, fundamento, erro, mensagem):
    antes = sessao.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    with pytest.raises(erro, match=mensagem):
        svc.adicionar_vigencia(sessao, nome, inicio, valor, fundamento)
    assert sessao.db.execute("SELECT count(*) FROM diario").fetchone()[0] == antes


def test_adicionar_vigencia_exige_permissao(sessao):
    folha = _sessao_com_papel(sessao, Papel.FOLHA_RH)
    with pytest.raises(SemPermissao, match="cadastrar vigências"):
        svc.adicionar_vigencia(folha, "salario_minimo", date(2027, 1, 1), "1700.00", "Decreto X")
    assert svc.vigente(folha, "salario_minimo", date(2026, 6, 1)).valor == Decimal("1621.00")


def test_feriados_municipais_no_calendario_do_orgao(sessao):
    """O órgão de teste é de Jequié-BA: 02/07 é feriado estadual; 24/06 entra como municipal."""
    assert svc.eh_dia_util(sessao, date(2025, 6, 24))
    assert not svc.eh_dia_util(sessao, date(2025, 7, 2))
    f = svc.adicionar_feriado_municipal(sessao, date(2020, 6, 24), "São João")
    assert not svc.eh_dia_util(sessao, date(2025, 6, 24))
    assert svc.feriados_do_ano(sessao, 2025)[date(2025, 6, 24)] == "São João"
    # segunda 23/06/2025 + 1 dia útil pula o São João → quarta 25/06
    assert svc.somar_dias_uteis(sessao, date(2025, 6, 23), 1) == date(2025, 6, 25)
    # junho de 2025: 21 dias de segunda a sexta, menos 24/06 = 20
    assert svc.dias_uteis_entre(sessao, date(2025, 6, 1), date(2025, 6, 30)) == 20
    with pytest.raises(ErroNegocio, match="Já há um feriado municipal"):
        svc.adicionar_feriado_municipal(sessao, date(2026, 6, 24), "Outro", anual=False)
    assert [x["descricao"] for x in svc.listar_feriados_municipais(sessao)] == ["São João"]
    depois = svc.desativar_feriado_municipal(sessao, f["id"])
    assert depois["ativo"] == 0 and svc.eh_dia_util(sessao, date(2025, 6, 24))
    assert svc.listar_feriados_municipais(sessao) == []
    assert [x["ativo"] for x in svc.listar_feriados_municipais(sessao, incluir_inativos=True)] == [0]
    acoes = [(d["acao"], d["registro_id"]) for d in _diario(sessao, "feriados_municipais")]
    assert acoes == [("inserir", f["id"]), ("alterar", f["id"])]
    with pytest.raises(ErroNegocio, match="já está desativado"):
        svc.desativar_feriado_municipal(sessao, f["id"])


def test_feriado_municipal_recusa_e_permissao(sessao):
    with pytest.raises(EntradaInvalida, match="descrição"):
        svc.adicionar_feriado_municipal(sessao, date(2026, 10, 25), "  ")
    consulta = _sessao_com_papel(sessao, Papel.CONSULTA)
    with pytest.raises(SemPermissao):
        svc.adicionar_feriado_municipal(consulta, date(2026, 10, 25), "Aniversário da cidade")
    folha = _sessao_com_papel(sessao, Papel.FOLHA_RH)
    f = svc.adicionar_feriado_municipal(folha, date(2026, 10, 25), "Aniversário da cidade", anual=True)
    with pytest.raises(SemPermissao):
        svc.desativar_feriado_municipal(consulta, f["id"])
    with pytest.raises(ErroNegocio, match="não encontrado"):
        svc.desativar_feriado_municipal(sessao, "nao-existe")
