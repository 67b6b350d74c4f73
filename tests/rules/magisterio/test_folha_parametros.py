"""Parâmetros da folha do magistério: os dois construtores e a validação das gratificações."""
from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha_gratificacoes import GratificacoesMagisterio
from desktop.rules.magisterio.folha_parametros import NOMES, NOMES_BASE, ParametrosFolhaMagisterio
from desktop.rules.magisterio.tipos import Nivel, Porte
from desktop.rules.parametros import SemVigencia
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import parametro_padrao, vigente_padrao

MAR = date(2026, 3, 1)


def _valor_padrao():
    return parametro_padrao("magisterio_gratificacoes").vigente_em(MAR).valor


def test_padroes_da_lei():
    g = GratificacoesMagisterio.de_valor(_valor_padrao(), "Lei 1.613/2004")
    assert (g.art27_atividades_complementares, g.art41_minimo, g.art41_maximo, g.art42_dificil_acesso,
            g.art44_nee, g.art44_alunos_minimos, g.art45_cet, g.art49_zona_rural, g.art50_noturno) == (
        D(15), D(15), D(30), D(15), D(20), 3, D(30), D(30), D(20))
    assert (g.art34_divisor_dia, g.art34_divisor_hora) == (D(30), D(100))
    assert g.art38_referencia == (Nivel.N3, "A")
    assert g.art38_fg[40] == {Porte.GRANDE: D(40), Porte.MEDIO: D(30), Porte.PEQUENO: D(20), Porte.ESPECIAL: D(10)}
    assert Porte.ESPECIAL not in g.art38_fg[20]
    a = g.art47
    assert (a.horas_i, a.percentual_i, a.horas_ii, a.percentual_ii, a.horas_especializacao,
            a.percentual_especializacao, a.percentual_mestrado, a.percentual_doutorado, a.teto,
            a.conclusao_desde, a.intersticio_anos) == (D(80), D(5), D(180), D(10), D(360), D(15), D(20), D(30),
                                                        D(50), date(1999, 1, 1), 3)
    assert (g.art40_incorporacao_anos, g.art40_maior_valor_anos, g.art52_incorporacao_anos) == (10, 2, 10)
    assert g.lei_inicio == date(2004, 5, 21)


@pytest.mark.parametrize("mudanca, mensagem", [
    ({"art45_cet": "130"}, "art. 45"),
    ({"art41_minimo": "31"}, "mínimo não pode passar do máximo"),
    ({"art38_fg": {"30": {"grande": "40"}}}, "jornadas"),
    ({"art38_fg": {"40": {"enorme": "40"}}}, "porte desconhecido"),
    ({"art38_referencia": {"nivel": "9", "classe": "A"}}, "referência do art. 38"),
    ({"art44_alunos_minimos": "2.5"}, "inteiro"),
    ({"lei_inicio": "21/05/2004"}, "aaaa-mm-dd"),
])
def test_validacao_com_mensagem(mudanca, mensagem):
    with pytest.raises(EntradaInvalida, match=mensagem):
        GratificacoesMagisterio.de_valor(_valor_padrao() | mudanca)


def test_campo_faltando():
    valor = _valor_padrao()
    del valor["art49_zona_rural"]
    with pytest.raises(EntradaInvalida, match="art49_zona_rural"):
        GratificacoesMagisterio.de_valor(valor)


def test_percentual_do_art_41_fora_da_faixa_e_ajustado_com_aviso():
    g = GratificacoesMagisterio.de_valor(_valor_padrao())
    assert g.percentual_art41(D(20)) == (D(20), None)
    ajustado, aviso = replace(g, art41_maximo=D(25)).percentual_art41(D(30))
    assert ajustado == D(25) and "fora da faixa" in aviso


def test_de_vigentes_aceita_o_que_o_servico_vigente_devolve():
    """O serviço chama vigente(sessao, nome, data) para cada nome: a mesma leitura de vigente_padrao."""
    vigentes = {nome: vigente_padrao(nome, MAR) for nome in NOMES}
    a = ParametrosFolhaMagisterio.de_vigentes(date(2026, 3, 15), vigentes)
    b = ParametrosFolhaMagisterio.de_parametros(MAR, {n: parametro_padrao(n) for n in NOMES_BASE})
    assert a == b
    assert a.competencia == MAR and a.rpps_aliquota.valor == D(14)
    assert a.previdencia(ConfiguracaoMagisterio()).aliquota == D(14)
    assert a.previdencia(ConfiguracaoMagisterio(previdencia="inss")).tabela == a.inss
    assert a.matriz.vencimento(Nivel.N1, "A", 20) == D("300.00")  # Anexo I da lei


def test_de_parametros_aceita_listas_de_vigencias_e_diz_o_que_falta():
    todos = {n: parametro_padrao(n).vigencias for n in NOMES_BASE}
    assert ParametrosFolhaMagisterio.de_parametros(MAR, todos).regras.dias_mes == 30
    del todos["rpps_aliquota"]
    with pytest.raises(EntradaInvalida, match="rpps_aliquota"):
        ParametrosFolhaMagisterio.de_parametros(MAR, todos)


def test_competencia_sem_tabela_de_imposto():
    with pytest.raises(SemVigencia, match="RPPS"):
        ParametrosFolhaMagisterio.de_parametros(date(2019, 3, 1), {n: parametro_padrao(n) for n in NOMES_BASE})
