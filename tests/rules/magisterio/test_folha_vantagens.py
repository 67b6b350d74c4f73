"""Condições de cada vantagem da Lei 1.613/2004 na folha, com contas à mão.

Matriz de teste de 2026 (Anexo I × 10, casos/folha.toml): N1 A 20 h = 3.000,00; N3 A 20 h =
3.895,00; N3 A 40 h = 7.790,00. Valorização N1 A = 11,5 %; N3 A = 38 %.
"""
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.rules.magisterio.tipos import (Afastamento, Cargo, Curso, Etapa, Falta, Ferias,
                                            Funcao, FuncaoGratificada, JornadaPeriodo, Lotacao, Porte, Regencia,
                                            TipoCurso, Titulacao, Titulo)
from desktop.rules.validacao import EntradaInvalida

from .apoio_ficha import config_de, ficha_de
from .apoio_folha import ARQUIVO_ANEXO1, parametros

MAR = date(2026, 3, 1)


def ficha(cargo=Cargo.PROFESSOR, admissao=date(2025, 2, 1), titulo=Titulo.MEDIO_NORMAL, horas=20, **hist):
    """A ficha padrão destes testes (professor de 20 h, nível médio normal desde a admissão) pelo construtor único."""
    return ficha_de({"cargo": cargo, "admissao": admissao, "titulacoes": [Titulacao(titulo, admissao)],
                     "jornadas": [JornadaPeriodo(admissao, horas=horas)], **hist}, "t")


def calcular(f, competencia=MAR, **config):
    return calcular_contracheque(f, competencia, parametros(competencia, ARQUIVO_ANEXO1), config_de(config))


def valores(c) -> dict[str, D]:
    saida: dict[str, D] = {}
    for l in c.linhas:
        saida[l.codigo] = saida.get(l.codigo, D(0)) + l.valor
    return saida


# -- art. 42 e 43: difícil acesso --------------------------------------------------------------
def test_dificil_acesso_exige_residir_em_local_diverso():
    """Art. 42: 15 % de 3.000,00 = 450,00; §3º: quem mora no local não recebe."""
    mora_fora = Lotacao(date(2025, 2, 1), dificil_acesso=True, reside_em_local_diverso=True)
    mora_la = Lotacao(date(2025, 2, 1), dificil_acesso=True, reside_em_local_diverso=False)
    assert valores(calcular(ficha(lotacoes=[mora_fora])))["005"] == D("450.00")
    assert "005" not in valores(calcular(ficha(lotacoes=[mora_la])))
    assert "005" not in valores(calcular(ficha(lotacoes=[mora_fora]), art42_implantado=False))


def test_afastamento_do_art_43_suspende_o_dificil_acesso_nos_seus_dias():
    """Licença de 01 a 10/03 que suspende (art. 43): 450,00 × 20/30 = 300,00 (11 a 31/03)."""
    f = ficha(lotacoes=[Lotacao(date(2025, 2, 1), dificil_acesso=True, reside_em_local_diverso=True)],
              afastamentos=[Afastamento(date(2026, 3, 1), date(2026, 3, 10), tipo="licença", suspende_dificil_acesso=True)])
    c = calcular(f)
    linha = next(l for l in c.linhas if l.codigo == "005")
    assert (linha.valor, linha.quantidade) == (D("300.00"), D(20))
    assert valores(c)["001"] == D("3000.00")  # licença remunerada: o vencimento é inteiro


# -- art. 44, 45, 49 ---------------------------------------------------------------------------
def test_nee_a_partir_de_tres_alunos():
    """Art. 44: 20 % de 3.000,00 = 600,00 com 3 alunos com NEE; com 2, nada."""
    assert valores(calcular(ficha(regencias=[Regencia(date(2025, 2, 1), alunos_nee=3)])))["007"] == D("600.00")
    assert "007" not in valores(calcular(ficha(regencias=[Regencia(date(2025, 2, 1), alunos_nee=2)])))


def test_cet_so_para_pedagogo_lotado():
    """Art. 45: 30 % de 3.895,00 = 1.168,50 para a pedagoga lotada; professor não tem CET."""
    lot = [Lotacao(date(2025, 2, 1), escola="SMEC", unidade_tecnica_smec=True)]
    ped = ficha(Cargo.PEDAGOGO, titulo=Titulo.LICENCIATURA_PLENA, lotacoes=lot)
    assert valores(calcular(ped))["008"] == D("1168.50")
    assert "008" not in valores(calcular(ficha(Cargo.PEDAGOGO, titulo=Titulo.LICENCIATURA_PLENA)))
    assert "008" not in valores(calcular(ficha(lotacoes=lot)))


def test_zona_rural_exige_residencia_fixada_e_implantacao():
    """Art. 49: 30 % de 3.000,00 = 900,00."""
    fixou = [Lotacao(date(2025, 2, 1), zona_rural=True, fixou_residencia_rural=True)]
    assert valores(calcular(ficha(lotacoes=fixou)))["010"] == D("900.00")
    assert "010" not in valores(calcular(ficha(lotacoes=[Lotacao(date(2025, 2, 1), zona_rural=True)])))
    assert "010" not in valores(calcular(ficha(lotacoes=fixou), art49_implantado=False))


# -- art. 27 e 41 ------------------------------------------------------------------------------
def test_atividades_complementares_so_na_educacao_infantil_e_anos_iniciais_e_se_implantado():
    """Art. 27: 15 % de 3.000,00 = 450,00; art. 41 com 30 % configurado: 900,00."""
    ei = [Regencia(date(2025, 2, 1), etapa=Etapa.EDUCACAO_INFANTIL)]
    finais = [Regencia(date(2025, 2, 1), etapa=Etapa.FUNDAMENTAL_FINAIS)]
    v = valores(calcular(ficha(regencias=ei), art27_implantado=True, art41_percentual="30"))
    assert (v["003"], v["004"]) == (D("450.00"), D("900.00"))
    assert "003" not in valores(calcular(ficha(regencias=finais), art27_implantado=True))
    assert "003" not in valores(calcular(ficha(regencias=ei)))


# -- art. 46 e 47: aperfeiçoamento -------------------------------------------------------------
def _curso(tipo, horas, concessao, conclusao=date(2019, 1, 1), **kw):
    return Curso(tipo, conclusao, horas, concessao=concessao, **kw)


@pytest.mark.parametrize("cursos, percentual", [
    ([_curso(TipoCurso.APERFEICOAMENTO, 80, date(2025, 3, 1))], "5"),
    ([_curso(TipoCurso.APERFEICOAMENTO, 50, date(2020, 3, 1)), _curso(TipoCurso.APERFEICOAMENTO, 40, date(2020, 3, 1))], "5"),
    ([_curso(TipoCurso.APERFEICOAMENTO, 79, date(2025, 3, 1))], None),
    ([_curso(TipoCurso.APERFEICOAMENTO, 180, date(2025, 3, 1))], "10"),
    # concluído antes de 1999 (art. 46, §1º), título do nível (§2º), não concedido (art. 48), concedido depois
    ([_curso(TipoCurso.ESPECIALIZACAO, 360, date(2025, 3, 1), conclusao=date(1998, 12, 31))], None),
    ([_curso(TipoCurso.ESPECIALIZACAO, 360, date(2025, 3, 1), usado_para_nivel=True)], None),
    ([_curso(TipoCurso.ESPECIALIZACAO, 360, None)], None),
    ([_curso(TipoCurso.ESPECIALIZACAO, 360, date(2026, 4, 1))], None),
    ([_curso(TipoCurso.ESPECIALIZACAO, 359, date(2025, 3, 1))], None),
    ([_curso(TipoCurso.MESTRADO, 360, date(2025, 3, 1), area_educacao=False)], None),
    # 10 % + 15 % = 25 %, cursos diferentes no mesmo ato (§1º)
    ([_curso(TipoCurso.APERFEICOAMENTO, 200, date(2020, 1, 1)), _curso(TipoCurso.ESPECIALIZACAO, 400, date(2020, 1, 1))], "25"),
    # 30 + 20 + 15 = 65 % → teto de 50 % (§1º); concessões a 3 anos ou mais uma da outra (§3º)
    ([_curso(TipoCurso.DOUTORADO, 0, date(2023, 1, 1)), _curso(TipoCurso.MESTRADO, 0, date(2019, 1, 1)),
      _curso(TipoCurso.ESPECIALIZACAO, 360, date(2015, 1, 1))], "50"),
])
def test_aperfeicoamento(cursos, percentual):
    """Art. 47 sobre o vencimento de 3.000,00 (Nível 1, classe A)."""
    v = valores(calcular(ficha(cursos=cursos)))
    if percentual is None:
        assert "009" not in v
    else:
        assert v["009"] == D("3000.00") * D(percentual) / 100


def test_concessao_antes_do_intersticio_so_vale_quando_ele_se_completa():
    """Art. 47, §3º: especialização concedida em 01/06/2023; mestrado concedido em 01/01/2026 só
    vale a partir de 01/06/2026 (3 anos depois). Em março: 15 % = 450,00; em junho: 35 % = 1.050,00."""
    cursos = [_curso(TipoCurso.ESPECIALIZACAO, 360, date(2023, 6, 1)), _curso(TipoCurso.MESTRADO, 0, date(2026, 1, 1))]
    assert valores(calcular(ficha(cursos=cursos)))["009"] == D("450.00")
    assert valores(calcular(ficha(cursos=cursos), date(2026, 6, 1)))["009"] == D("1050.00")


# -- art. 50: adicional noturno ----------------------------------------------------------------
def test_adicional_noturno_em_regencia():
    """Art. 50: hora = 3.000,00 / (20 × 5) = 30,00; 10 h × 30,00 × 20 % = 60,00."""
    f = ficha(regencias=[Regencia(date(2025, 2, 1))], horas_noturnas={MAR: D(10)})
    linha = next(l for l in calcular(f).linhas if l.codigo == "011")
    assert (linha.valor, linha.base, linha.quantidade, linha.percentual) == (D("60.00"), D("30.00"), D(10), D(20))


def test_adicional_noturno_sem_regencia_avisa():
    c = calcular(ficha(horas_noturnas={MAR: D(10)}))
    assert "011" not in valores(c)
    assert any("art. 50" in a for a in c.avisos)


# -- art. 51 -----------------------------------------------------------------------------------
def test_art51_como_adicional_paga_5_por_cento_por_quinquenio():
    """Admitido em 01/02/2015: classe C (2 quinquênios) desde 01/02/2025; 2 × 5 % = 10 % de
    3.307,50 = 330,75. Na leitura padrão (a mesma vantagem do art. 22), nada a mais."""
    f = ficha(admissao=date(2015, 2, 1))
    assert valores(calcular(f, art51="adicional"))["012"] == D("330.75")
    assert "012" not in valores(calcular(f))


# -- arts. 40 e 52: incorporações --------------------------------------------------------------
def _diretor(grande_ate: date):
    """Diretor (40 h) de escola média de 2010 a 2017 e de escola grande de 2018 até ``grande_ate``."""
    return ficha(admissao=date(2005, 3, 1), titulo=Titulo.LICENCIATURA_PLENA, horas=40, funcoes=[
        FuncaoGratificada(date(2010, 1, 1), date(2017, 12, 31), funcao=Funcao.DIRETOR, porte=Porte.MEDIO),
        FuncaoGratificada(date(2018, 1, 1), grande_ate, funcao=Funcao.DIRETOR, porte=Porte.GRANDE)])


def test_fg_incorporada_pelo_maior_valor_percebido_por_dois_anos():
    """Art. 40: 8 anos na escola média + 2 na grande = 10 anos em 31/12/2019. Parágrafo único:
    a maior, a da escola grande, foi percebida por 2 anos: 40 % de 7.790,00 = 3.116,00."""
    c = calcular(_diretor(date(2019, 12, 31)))
    linha = next(l for l in c.linhas if l.codigo == "020")
    assert linha.valor == D("3116.00") and "arts. 40 e 52, III" in linha.fundamento
    assert "006" not in valores(c)


def test_fg_incorporada_pela_media_se_a_maior_nao_chegou_a_dois_anos():
    """Média 2010-2017 (2.922 dias), grande até 30/11/2019 (699 dias, menos de 2 anos) e média de
    novo em 2020: os 10 anos (3.652 dias desde 01/01/2010) fecham em 31/01/2020. A grande não chegou
    a 2 anos (parágrafo único): incorpora-se a média, 30 % de 7.790,00 = 2.337,00."""
    f = _diretor(date(2019, 11, 30))
    f.funcoes.append(FuncaoGratificada(date(2020, 1, 1), date(2020, 3, 31), funcao=Funcao.DIRETOR, porte=Porte.MEDIO))
    assert valores(calcular(f))["020"] == D("2337.00")


def test_sem_dez_anos_nao_incorpora():
    f = _diretor(date(2019, 12, 30))
    assert "020" not in valores(calcular(f))


def test_incorporacao_nao_paga_em_dobro_a_fg_atual():
    """Incorporou a FG grande (3.116,00) e voltou a dirigir escola pequena (20 % = 1.558,00): paga
    só a incorporada, a maior."""
    f = _diretor(date(2019, 12, 31))
    f.funcoes.append(FuncaoGratificada(date(2026, 1, 1), funcao=Funcao.DIRETOR, porte=Porte.PEQUENO))
    v = valores(calcular(f))
    assert v["020"] == D("3116.00") and "006" not in v


def test_estimulo_a_regencia_incorpora_apos_dez_anos_de_percepcao():
    """Art. 52, I: regência de 01/03/2014 a 28/02/2024 = 10 anos; sem regência em 2026, recebe a
    incorporação: 15 % de 3.307,50 (N1 classe C) = 496,13 (496,125)."""
    f = ficha(admissao=date(2014, 3, 1), regencias=[Regencia(date(2014, 3, 1), date(2024, 2, 29))])
    v = valores(calcular(f))
    assert v["021"] == D("496.13") and "004" not in v


# -- dias e vínculo ----------------------------------------------------------------------------
def test_admissao_no_meio_do_mes_e_licenca_sem_vencimento():
    """Admitida em 16/03/2026: 15 dias comerciais: 3.000,00 / 2 = 1.500,00; 345,00 / 2 = 172,50.
    Licença sem vencimento de 01 a 10/04: 20 dias pagos: 2.000,00 e 230,00."""
    f = ficha(admissao=date(2026, 3, 16))
    assert (valores(calcular(f))["001"], valores(calcular(f))["002"]) == (D("1500.00"), D("172.50"))
    f.afastamentos = [Afastamento(date(2026, 4, 1), date(2026, 4, 10), remunerado=False, conta_exercicio=False)]
    v = valores(calcular(f, date(2026, 4, 1)))
    assert (v["001"], v["002"]) == (D("2000.00"), D("230.00"))


def test_faltas_maiores_que_os_dias_pagos_avisam_sem_linha_negativa():
    """Admitida em 16/03 (15 dias comerciais pagos: 1.672,50); faltas de 16 a 31/03 (16 dias):
    3.345,00 × 16/30 = 1.784,00. Líquido −111,50, com aviso; nenhuma linha negativa."""
    f = ficha(admissao=date(2026, 3, 16), faltas=[Falta(date(2026, 3, d), codigo="FI") for d in range(16, 32)])
    c = calcular(f)
    assert valores(c)["101"] == D("1784.00") and c.liquido == D("-111.50")
    assert all(l.valor > 0 for l in c.linhas)
    assert any("negativo" in a for a in c.avisos)


def test_falta_sem_codigo_avisa_e_falta_fora_do_vinculo_nao_desconta():
    f = ficha(admissao=date(2026, 3, 10), faltas=[Falta(date(2026, 3, 5)), Falta(date(2026, 3, 12))])
    c = calcular(f)
    assert valores(c)["101"] == D("111.50")  # 3.345,00 / 30
    assert any("12/03/2026 sem código" in a for a in c.avisos)
    assert any("05/03/2026 em dia sem remuneração" in a for a in c.avisos)


def test_terco_so_no_mes_anterior_as_ferias():
    f = ficha(ferias=[Ferias(date(2026, 5, 4), date(2026, 6, 2))])
    assert "030" not in valores(calcular(f, date(2026, 3, 1)))
    assert valores(calcular(f, date(2026, 4, 1)))["030"] == D("1115.00")  # 3.345,00 / 3


def test_desligamento_quita_o_13_proporcional():
    """Desligada em 20/05/2026 (admitida em 2025): 1º a 20/05 = 20 dias pagos: 2.230,00; 13º de
    5/12 (maio tem 20 dias ≥ 15) de 3.345,00 = 1.393,75."""
    f = ficha()
    f.desligamento = date(2026, 5, 20)
    c = calcular(f, date(2026, 5, 1))
    v = valores(c)
    assert (v["001"] + v["002"], v["041"]) == (D("2230.00"), D("1393.75"))
    assert "211" in v


def test_sem_vinculo_no_mes():
    c = calcular(ficha(admissao=date(2026, 5, 1)))
    assert c.linhas == () and c.avisos


def test_erro_de_cadastro_vira_entrada_invalida():
    f = ficha()
    f.jornadas = []
    with pytest.raises(EntradaInvalida, match="jornada"):
        calcular(f)
