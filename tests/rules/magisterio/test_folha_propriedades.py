"""Propriedades do contracheque do magistério (hypothesis), sobre fichas geradas ao acaso."""
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.rules.folha import motor
from desktop.rules.folha.tipos import Natureza
from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.rules.magisterio.tipos import (Afastamento, Cargo, Curso, Etapa, Falta, Ferias, Funcao,
                                            FuncaoGratificada, JornadaPeriodo, Lotacao, MotivoJornada, Porte, Regencia,
                                            TipoCurso, Titulacao, Titulo)

from .apoio_ficha import ficha_de
from .apoio_folha import ARQUIVO_ANEXO1, parametros

COMPETENCIAS = [date(2026, m, 1) for m in range(1, 13)]
PARAMETROS = {c: parametros(c, ARQUIVO_ANEXO1) for c in COMPETENCIAS}
DIA = st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 12, 31))
NO_ANO = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31))


def _periodo(draw, inicio_min):
    inicio = draw(st.dates(min_value=inicio_min, max_value=date(2026, 12, 31)))
    fim = draw(st.one_of(st.none(), st.dates(min_value=inicio, max_value=date(2027, 6, 30))))
    return inicio, fim


@st.composite
def fichas(draw):
    cargo = draw(st.sampled_from(list(Cargo)))
    adm = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 11, 30)))
    titulo = Titulo.LEIGO if cargo is Cargo.AUXILIAR_ENSINO else draw(
        st.sampled_from([Titulo.MEDIO_NORMAL, Titulo.LICENCIATURA_PLENA, Titulo.POS_LATO_SENSU]))
    f = ficha_de({"nome": "Hipótese", "cargo": cargo, "admissao": adm, "dependentes_irrf": draw(st.integers(0, 3)),
                  "titulacoes": [Titulacao(titulo, adm)],
                  "jornadas": [JornadaPeriodo(adm, horas=draw(st.sampled_from([20, 40])))]}, "h")
    if draw(st.booleans()):
        i, fim = _periodo(draw, adm)
        f.jornadas.append(JornadaPeriodo(i, fim, horas=40, motivo=draw(st.sampled_from(list(MotivoJornada)[1:]))))
    for _ in range(draw(st.integers(0, 2))):
        i, fim = _periodo(draw, adm)
        f.lotacoes.append(Lotacao(i, fim, porte=draw(st.sampled_from(list(Porte))), dificil_acesso=draw(st.booleans()),
                                  reside_em_local_diverso=draw(st.booleans()), zona_rural=draw(st.booleans()),
                                  fixou_residencia_rural=draw(st.booleans())))
    for _ in range(draw(st.integers(0, 2))):
        i, fim = _periodo(draw, adm)
        f.regencias.append(Regencia(i, fim, etapa=draw(st.sampled_from(list(Etapa))), alunos_nee=draw(st.integers(0, 5))))
    for _ in range(draw(st.integers(0, 2))):
        i, fim = _periodo(draw, adm)
        f.funcoes.append(FuncaoGratificada(i, fim, funcao=draw(st.sampled_from(list(Funcao))),
                                           porte=draw(st.sampled_from(list(Porte)))))
    for _ in range(draw(st.integers(0, 3))):
        concl = draw(DIA)
        f.cursos.append(Curso(draw(st.sampled_from(list(TipoCurso))), concl, draw(st.integers(0, 500)),
                              concessao=draw(st.one_of(st.none(), st.dates(min_value=concl, max_value=date(2027, 1, 1))))))
    for _ in range(draw(st.integers(0, 2))):
        i, fim = _periodo(draw, adm)
        f.afastamentos.append(Afastamento(i, fim or i + timedelta(days=20), remunerado=draw(st.booleans()),
                                          conta_exercicio=draw(st.booleans()),
                                          suspende_dificil_acesso=draw(st.booleans())))
    for _ in range(draw(st.integers(0, 6))):
        f.faltas.append(Falta(draw(NO_ANO), horas=draw(st.one_of(st.none(), st.integers(1, 8))),
                              codigo=draw(st.sampled_from([None, "FI", "AM"])), justificada=draw(st.booleans())))
    if draw(st.booleans()):
        i = draw(NO_ANO)
        f.ferias.append(Ferias(i, i + timedelta(days=29)))
    if draw(st.booleans()):
        f.horas_noturnas[draw(st.sampled_from(COMPETENCIAS))] = Decimal(draw(st.integers(1, 40)))
    if draw(st.booleans()):
        f.desligamento = draw(st.dates(min_value=adm, max_value=date(2027, 1, 31)))
    return f


@st.composite
def configuracoes(draw):
    return ConfiguracaoMagisterio(
        art27_implantado=draw(st.booleans()), art41_percentual=Decimal(draw(st.integers(15, 30))),
        art42_implantado=draw(st.booleans()), art49_implantado=draw(st.booleans()),
        fg_fonte=draw(st.sampled_from(["art38", "anexo_iii"])), art51=draw(st.sampled_from(["mesma_vantagem", "adicional"])),
        previdencia=draw(st.sampled_from(["rpps", "inss"])),
        decimo_terceiro_adiantamento_mes=draw(st.one_of(st.none(), st.integers(1, 11))))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fichas(), st.sampled_from(COMPETENCIAS), configuracoes())
def test_contracheque(ficha, competencia, config):
    p = PARAMETROS[competencia]
    c = calcular_contracheque(ficha, competencia, p, config)
    event("com linhas" if c.linhas else "sem vínculo")
    event("13º" if any(l.grupo == "13" for l in c.linhas) else "sem 13º")
    assert all(l.valor > 0 for l in c.linhas), c.linhas
    assert all(l.fundamento and l.descricao for l in c.linhas)
    assert c.proventos == sum((l.valor for l in c.linhas if l.natureza is Natureza.PROVENTO), Decimal(0))
    assert c.descontos == sum((l.valor for l in c.linhas if l.natureza is Natureza.DESCONTO), Decimal(0))
    assert c.liquido == c.proventos - c.descontos
    assert (c.liquido < 0) == any("líquido ficou negativo" in a for a in c.avisos)
    assert all((l.natureza is Natureza.PROVENTO) == (l.codigo < "100") for l in c.linhas)
    # o 13º é tributado à parte: os tributos do grupo 13 vêm só das linhas do grupo 13
    do_13 = [l for l in c.linhas if l.grupo == "13" and l.codigo < "200"]
    sozinho = motor.fechar(competencia, ficha.id, do_13, p.previdencia(config), p.irrf, ficha.dependentes_irrf)
    assert [l for l in c.linhas if l.grupo == "13"] == [l for l in sozinho.linhas]
    # o vencimento nunca passa de 30 dias no mês
    assert sum((l.quantidade for l in c.linhas if l.codigo == "001"), Decimal(0)) <= 30
