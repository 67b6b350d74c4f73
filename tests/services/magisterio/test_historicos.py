"""Históricos da ficha funcional: validações em português, encadeamento de períodos, correção e diário."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.magisterio import cadastro
from desktop.services.sessao import ErroNegocio
from desktop.store import diario as diario_store

from .conftest import CPF_JOSE, diario, maria


@pytest.fixture
def m(sessao, escolas):
    return maria(sessao, escolas)["id"]


def _periodos(sessao, historico, sid, *campos):
    return [tuple(i[c] for c in ("inicio", "fim", *campos)) for i in cadastro.itens(sessao, historico, sid)]


def test_periodo_invertido_antes_da_admissao_e_campos(sessao, escolas, m):
    with pytest.raises(ErroNegocio, match=r"Regência: o fim \(01/01/2020\) não pode ser anterior ao início \(01/02/2020\)"):
        cadastro.adicionar(sessao, "regencias", m, inicio=date(2020, 2, 1), fim=date(2020, 1, 1), etapa="educacao_infantil")
    with pytest.raises(ErroNegocio, match=r"Regência: a data 01/02/2000 é anterior à admissão do servidor \(01/03/2001\)"):
        cadastro.adicionar(sessao, "regencias", m, inicio=date(2000, 2, 1), etapa="educacao_infantil")
    with pytest.raises(EntradaInvalida, match="Regência: informe a etapa"):
        cadastro.adicionar(sessao, "regencias", m, inicio=date(2020, 2, 1))
    with pytest.raises(EntradaInvalida, match="Valor inválido para etapa: 'ensino_medio'"):
        cadastro.adicionar(sessao, "regencias", m, inicio=date(2020, 2, 1), etapa="ensino_medio")
    with pytest.raises(EntradaInvalida, match="Regência, início: Data deve estar no formato dd/mm/aaaa"):
        cadastro.adicionar(sessao, "regencias", m, inicio="2020/02/01", etapa="educacao_infantil")
    with pytest.raises(ErroNegocio, match="Campo desconhecido em regência: turma"):
        cadastro.adicionar(sessao, "regencias", m, inicio=date(2020, 2, 1), etapa="educacao_infantil", turma="3A")
    with pytest.raises(ErroNegocio, match="Histórico desconhecido: salarios"):
        cadastro.adicionar(sessao, "salarios", m)
    # Datas dd/mm/aaaa em texto também servem.
    r = cadastro.adicionar(sessao, "regencias", m, inicio="03/02/2020", etapa="fundamental_iniciais", alunos_nee="3")
    assert (r["inicio"], r["alunos_nee"]) == (date(2020, 2, 3), 3)


def test_lotacao_nova_encerra_a_anterior_e_sobreposicao_e_recusada(sessao, escolas, m):
    cadastro.adicionar(sessao, "lotacoes", m, unidade_id=escolas["itajuru"], inicio=date(2020, 2, 1),
                       reside_em_local_diverso=True)
    assert _periodos(sessao, "lotacoes", m, "unidade_id") == [
        (date(2001, 3, 1), date(2020, 1, 31), escolas["castro"]), (date(2020, 2, 1), None, escolas["itajuru"])]
    assert diario(sessao, "magisterio_lotacoes")[-2]["acao"] == "alterar"  # a anterior foi encerrada no diário
    with pytest.raises(ErroNegocio, match=r"Lotação: o período de 01/01/2019 a 31/12/2020 se sobrepõe a outro registro "
                                          r"de lotação \(de 01/03/2001 a 31/01/2020, Escola Municipal Castro Alves\)"):
        cadastro.adicionar(sessao, "lotacoes", m, unidade_id=escolas["smec"], inicio=date(2019, 1, 1),
                           fim=date(2020, 12, 31))
    pessoa = sessao.db.execute("SELECT pessoa_id FROM magisterio_servidores").fetchone()[0]
    with pytest.raises(ErroNegocio, match="escolha uma escola ou um setor"):
        cadastro.adicionar(sessao, "lotacoes", m, unidade_id=pessoa, inicio=date(2021, 1, 1))


def test_jornada_desdobramento_interrompe_e_retoma_a_base(sessao, escolas, m):
    """Lei 1.613/2004, art. 29: desdobramento de 40 h ao professor de 20 h; §2º: cessando, volta à jornada normal."""
    cadastro.adicionar(sessao, "jornadas", m, inicio=date(2024, 2, 5), fim=date(2024, 12, 20), motivo="desdobramento")
    assert _periodos(sessao, "jornadas", m, "horas", "motivo") == [
        (date(2001, 3, 1), date(2024, 2, 4), 20, "base"),
        (date(2024, 2, 5), date(2024, 12, 20), 40, "desdobramento"),
        (date(2024, 12, 21), None, 20, "base"),
    ]
    # Em aberto: a base fica encerrada até o fim do desdobramento ser informado.
    d = cadastro.adicionar(sessao, "jornadas", m, inicio=date(2026, 2, 9), motivo="regime_diferenciado")
    assert _periodos(sessao, "jornadas", m, "motivo")[-2:] == [
        (date(2024, 12, 21), date(2026, 2, 8), "base"), (date(2026, 2, 9), None, "regime_diferenciado")]
    cadastro.encerrar(sessao, "jornadas", d["id"], date(2026, 6, 30))
    assert _periodos(sessao, "jornadas", m, "horas", "motivo")[-1] == (date(2026, 7, 1), None, 20, "base")
    with pytest.raises(ErroNegocio, match="já terminou em 30/06/2026"):
        cadastro.encerrar(sessao, "jornadas", d["id"], date(2026, 7, 30))
    with pytest.raises(ErroNegocio, match="20 ou de 40 horas"):
        cadastro.adicionar(sessao, "jornadas", m, inicio=date(2026, 8, 1), horas=30)
    with pytest.raises(ErroNegocio, match="são de 40 horas"):
        cadastro.adicionar(sessao, "jornadas", m, inicio=date(2026, 8, 1), horas=20, motivo="desdobramento")
    # Transposição para 40 h (art. 30) e depois desdobramento: recusado, já é de 40 h.
    cadastro.adicionar(sessao, "jornadas", m, inicio=date(2026, 8, 1), horas=40, ato="Portaria 40/2026")
    with pytest.raises(ErroNegocio, match="servidor de 20 horas"):
        cadastro.adicionar(sessao, "jornadas", m, inicio=date(2026, 9, 1), fim=date(2026, 9, 30), motivo="desdobramento")
    with pytest.raises(ErroNegocio, match="art. 39 é do diretor"):
        cadastro.adicionar(sessao, "jornadas", m, inicio=date(2026, 9, 1), motivo="direcao")


def test_funcao_gratificada_porte_e_um_diretor_por_escola(sessao, escolas, m):
    nova = cadastro.cadastrar_escola(sessao, nome="Escola Sem Porte")
    with pytest.raises(ErroNegocio, match="Escola Sem Porte não tem porte cadastrado em 01/02/2020"):
        cadastro.adicionar(sessao, "funcoes", m, unidade_id=nova["id"], funcao="diretor", inicio=date(2020, 2, 1))
    cadastro.adicionar(sessao, "funcoes", m, unidade_id=escolas["castro"], funcao="vice_diretor", inicio=date(2018, 2, 1))
    cadastro.adicionar(sessao, "funcoes", m, unidade_id=escolas["castro"], funcao="diretor", inicio=date(2022, 1, 3))
    assert _periodos(sessao, "funcoes", m, "funcao") == [
        (date(2018, 2, 1), date(2022, 1, 2), "vice_diretor"), (date(2022, 1, 3), None, "diretor")]
    jose = cadastro.cadastrar_servidor(sessao, nome="José Brito", cpf=CPF_JOSE, matricula="2", cargo="professor",
                                       admissao=date(2005, 2, 1), titulo="licenciatura_plena")
    with pytest.raises(ErroNegocio, match="já tem diretor\\(a\\) nesse período: Maria da Silva Souza"):
        cadastro.adicionar(sessao, "funcoes", jose["id"], unidade_id=escolas["castro"], funcao="diretor",
                           inicio=date(2025, 1, 1))
    cadastro.adicionar(sessao, "funcoes", jose["id"], unidade_id=escolas["castro"], funcao="vice_diretor",
                       inicio=date(2025, 1, 1))
    # Direção de escola com mais de um turno: jornada de 40 h (art. 39).
    cadastro.adicionar(sessao, "jornadas", m, inicio=date(2022, 1, 3), motivo="direcao")
    assert _periodos(sessao, "jornadas", m, "horas", "motivo")[-1] == (date(2022, 1, 3), None, 40, "direcao")
    # O porte não pode sumir de baixo de uma função gratificada.
    primeira, segunda = cadastro.situacoes_escola(sessao, escolas["castro"])
    cadastro.excluir_situacao(sessao, segunda["id"])  # a de 2000 continua cobrindo as funções
    with pytest.raises(ErroNegocio, match="ficaria sem porte em 01/02/2018, quando Maria da Silva Souza"):
        cadastro.excluir_situacao(sessao, primeira["id"])
    assert [f.porte for f in cadastro.ficha(sessao, m).funcoes] == ["grande", "grande"]


def test_titulacao_cursos_averbacao(sessao, escolas, m):
    with pytest.raises(ErroNegocio, match=r"Titulação: a data do requerimento \(01/01/2099\) está no futuro"):
        cadastro.adicionar(sessao, "titulacoes", m, titulo="mestrado", data_requerimento=date(2099, 1, 1))
    with pytest.raises(ErroNegocio, match="use a data de admissão"):
        cadastro.adicionar(sessao, "titulacoes", m, titulo="mestrado", data_requerimento=date(1999, 1, 1))
    with pytest.raises(EntradaInvalida, match="Valor inválido para título"):
        cadastro.adicionar(sessao, "titulacoes", m, titulo="bacharelado", data_requerimento=date(2010, 1, 1))
    t = cadastro.adicionar(sessao, "titulacoes", m, titulo="pos_lato_sensu", data_requerimento=date(2010, 5, 3),
                           curso="Especialização em Gestão Escolar", carga_horaria=360)
    assert t["area_educacao"] is True
    with pytest.raises(ErroNegocio, match="concessão da gratificação não pode ser anterior à conclusão"):
        cadastro.adicionar(sessao, "cursos", m, tipo="aperfeicoamento", conclusao=date(2019, 6, 1), carga_horaria=80,
                           concessao=date(2019, 5, 1))
    c = cadastro.adicionar(sessao, "cursos", m, tipo="aperfeicoamento", conclusao=date(2019, 6, 1), carga_horaria=80,
                           concessao=date(2019, 9, 1))
    assert c["usado_para_nivel"] is False
    with pytest.raises(ErroNegocio, match="paralelo ao exercício no Município"):
        cadastro.adicionar(sessao, "averbacoes", m, dias=400, descricao="Rede estadual", origem_inicio=date(2000, 1, 1),
                           origem_fim=date(2001, 6, 30))
    with pytest.raises(ErroNegocio, match="400 dias é mais do que o período de origem \\(366 dias\\)"):
        cadastro.adicionar(sessao, "averbacoes", m, dias=400, descricao="Escola particular",
                           origem_inicio=date(2000, 1, 1), origem_fim=date(2000, 12, 31))
    a = cadastro.adicionar(sessao, "averbacoes", m, dias=366, descricao="Escola particular",
                           origem_inicio=date(2000, 1, 1), origem_fim=date(2000, 12, 31), data_averbacao=date(2003, 4, 1))
    assert a["dias"] == 366


def test_faltas_so_em_dia_de_exercicio(sessao, escolas, m):
    cadastro.adicionar(sessao, "ferias", m, inicio=date(2026, 1, 5), fim=date(2026, 2, 3))
    cadastro.adicionar(sessao, "afastamentos", m, tipo="LTS", inicio=date(2026, 3, 2), fim=date(2026, 3, 13))
    with pytest.raises(ErroNegocio, match="Falta: 08/03/2026 é domingo"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2026, 3, 8))
    with pytest.raises(ErroNegocio, match=r"Falta: 21/04/2026 é feriado \(Tiradentes\)"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2026, 4, 21))
    with pytest.raises(ErroNegocio, match="o servidor está afastado \\(LTS"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2026, 3, 4))
    with pytest.raises(ErroNegocio, match="está de férias"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2026, 1, 20))
    with pytest.raises(ErroNegocio, match="está no futuro"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2099, 3, 4))
    with pytest.raises(ErroNegocio, match="código de justificativa desconhecido: 'XX'"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2026, 3, 16), codigo="XX")
    with pytest.raises(ErroNegocio, match="vão de 1 a 4 num dia de jornada de 20 horas"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2026, 3, 16), horas=5)
    f = cadastro.adicionar(sessao, "faltas", m, data=date(2026, 3, 16), codigo="FI")
    cadastro.adicionar(sessao, "faltas", m, data=date(2026, 3, 17), horas=2, codigo="")  # sem código: apontada no fechamento
    with pytest.raises(ErroNegocio, match="já há falta registrada em 16/03/2026"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2026, 3, 16), horas=1)
    with pytest.raises(ErroNegocio, match="há falta registrada em 16/03/2026, dentro do período"):
        cadastro.adicionar(sessao, "ferias", m, inicio=date(2026, 3, 16), fim=date(2026, 3, 20))
    # Correção: o atestado chegou depois.
    corrigida = cadastro.corrigir(sessao, "faltas", f["id"], codigo="am")
    assert corrigida["codigo"] == "AM"
    ficha = cadastro.ficha(sessao, m)
    assert [(x.data, x.horas, x.codigo, x.justificada) for x in ficha.faltas] == [
        (date(2026, 3, 16), None, "AM", True), (date(2026, 3, 17), 2, None, False)]
    ultima = diario(sessao, "magisterio_faltas")[-1]
    assert ultima["acao"] == "alterar" and '"codigo": "FI"' in ultima["antes"] and '"codigo": "AM"' in ultima["depois"]


def test_ferias_e_afastamentos_sem_sobreposicao(sessao, escolas, m):
    cadastro.adicionar(sessao, "ferias", m, inicio=date(2025, 1, 6), fim=date(2025, 2, 4))
    with pytest.raises(ErroNegocio, match="se sobrepõe a outro registro de férias \\(de 06/01/2025 a 04/02/2025\\)"):
        cadastro.adicionar(sessao, "ferias", m, inicio=date(2025, 2, 1), fim=date(2025, 3, 2))
    with pytest.raises(EntradaInvalida, match="Férias: informe o fim"):
        cadastro.adicionar(sessao, "ferias", m, inicio=date(2025, 7, 1))
    with pytest.raises(ErroNegocio, match="coincide com férias"):
        cadastro.adicionar(sessao, "afastamentos", m, tipo="LIP", inicio=date(2025, 2, 1))
    with pytest.raises(ErroNegocio, match="tipo desconhecido ou desativado: 'ZZ'"):
        cadastro.adicionar(sessao, "afastamentos", m, tipo="ZZ", inicio=date(2025, 6, 1))
    a = cadastro.adicionar(sessao, "afastamentos", m, tipo="LIP", inicio=date(2025, 6, 1))
    with pytest.raises(ErroNegocio, match="se sobrepõe a outro registro de afastamento"):
        cadastro.adicionar(sessao, "afastamentos", m, tipo="LTS", inicio=date(2025, 9, 1), fim=date(2025, 9, 10))
    cadastro.encerrar(sessao, "afastamentos", a["id"], date(2025, 8, 31))
    cadastro.adicionar(sessao, "afastamentos", m, tipo="LTS", inicio=date(2025, 9, 1), fim=date(2025, 9, 10))
    afast = cadastro.ficha(sessao, m).afastamentos
    assert [(x.inicio, x.fim, x.remunerado, x.conta_exercicio, x.suspende_dificil_acesso) for x in afast] == [
        (date(2025, 6, 1), date(2025, 8, 31), False, False, True), (date(2025, 9, 1), date(2025, 9, 10), True, True, False)]


def test_horas_noturnas_exigem_regencia(sessao, escolas, m):
    with pytest.raises(ErroNegocio, match="não há regência de classe em 03/2026"):
        cadastro.adicionar(sessao, "horas_noturnas", m, competencia=date(2026, 3, 1), horas="6,5")
    cadastro.adicionar(sessao, "regencias", m, inicio=date(2026, 2, 2), etapa="fundamental_finais")
    n = cadastro.adicionar(sessao, "horas_noturnas", m, competencia="03/2026", horas="6,5")
    assert (n["competencia"], n["horas"]) == (date(2026, 3, 1), Decimal("6.5"))
    assert sessao.db.execute("SELECT competencia, horas FROM magisterio_horas_noturnas").fetchone() == ("2026-03", "6.5")
    with pytest.raises(ErroNegocio, match="já há horas lançadas em 03/2026"):
        cadastro.adicionar(sessao, "horas_noturnas", m, competencia=date(2026, 3, 15), horas=2)
    assert cadastro.ficha(sessao, m).horas_noturnas == {date(2026, 3, 1): Decimal("6.5")}
    # a competência é lida pelo leitor único (formato.ler_competencia): mês 13 é competência inválida
    with pytest.raises(EntradaInvalida, match="Horas noturnas, competência: Competência inválida: '13/2026'"):
        cadastro.adicionar(sessao, "horas_noturnas", m, competencia="13/2026", horas=2)


def test_corrigir_e_excluir_com_diario(sessao, escolas, m):
    r = cadastro.adicionar(sessao, "regencias", m, inicio=date(2020, 2, 3), etapa="fundamental_iniciais", alunos_nee=2)
    depois = cadastro.corrigir(sessao, "regencias", r["id"], alunos_nee=3)
    assert depois["alunos_nee"] == 3 and depois["inicio"] == date(2020, 2, 3)
    with pytest.raises(EntradaInvalida, match="Regência: informe a etapa"):
        cadastro.corrigir(sessao, "regencias", r["id"], etapa="")
    cadastro.excluir(sessao, "regencias", r["id"])
    assert cadastro.itens(sessao, "regencias", m) == []
    acoes = [(d["acao"], d["registro_id"]) for d in diario(sessao, "magisterio_regencias")]
    assert acoes == [("inserir", r["id"]), ("alterar", r["id"]), ("excluir", r["id"])]
    assert '"alunos_nee": 3' in diario(sessao, "magisterio_regencias")[-1]["antes"]
    with pytest.raises(ErroNegocio, match="Registro de regência não encontrado"):
        cadastro.excluir(sessao, "regencias", r["id"])
    assert diario_store.verificar(sessao.db).ok
