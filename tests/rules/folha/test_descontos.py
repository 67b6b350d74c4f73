"""Descontos além dos tributos (rules.folha.descontos) pelo motor comum: casos feitos à mão em
tests/rules/folha/casos/descontos.toml (pensão sobre o bruto e sobre o líquido com o efeito no IRRF,
consignações na margem e além dela, sindical e rubricas avulsas)."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.folha import descontos as d
from desktop.rules.folha import motor
from desktop.rules.folha.regras import PrevidenciaRPPS
from desktop.rules.folha.tipos import Linha, Natureza
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import casos
from ..magisterio.apoio_folha import parametros

MARCO = date(2026, 3, 1)
RPPS = PrevidenciaRPPS(Decimal(14), "lei municipal (teste)")


def _descontos(c: dict) -> d.Descontos:
    return d.Descontos(
        tuple(d.PensaoAlimenticia(f"p{n}", p["beneficiario"], p["forma"], Decimal(p["quantidade"]), p["processo"])
              for n, p in enumerate(c.get("pensoes", []))),
        tuple(d.ContribuicaoSindical(f"s{n}", s["entidade"], s["forma"], Decimal(s["quantidade"]))
              for n, s in enumerate(c.get("sindicais", []))),
        tuple(d.Consignacao(f"c{n}", x["consignataria"], Decimal(x["valor"]), x["prioridade"])
              for n, x in enumerate(c.get("consignacoes", []))),
        tuple(d.RubricaAvulsa(f"a{n}", Natureza(a["natureza"]), a["descricao"], a["fundamento"], Decimal(a["valor"]),
                              a["previdencia"], a["irrf"]) for n, a in enumerate(c.get("avulsas", []))),
    )


def _calcular(c: dict):
    p = parametros(MARCO)
    linhas = [Linha("001", "Vencimento", Natureza.PROVENTO, Decimal(v), "teste") for v in c["proventos"]]
    return motor.fechar(MARCO, "x", linhas, RPPS, p.irrf, c.get("dependentes", 0), descontos_=_descontos(c),
                        salario_minimo=p.salario_minimo, margem=p.margem_consignavel)


@pytest.mark.parametrize("caso", casos("folha/descontos"))
def test_caso_a_mao(caso):
    cc = _calcular(caso)
    por_codigo: dict[str, Decimal] = {}
    for l in cc.linhas:
        por_codigo[l.codigo] = por_codigo.get(l.codigo, Decimal("0.00")) + l.valor
    for codigo, valor in caso["esperado"].items():
        if codigo == "liquido":
            assert cc.liquido == Decimal(valor), cc.linhas
        else:
            assert por_codigo.get(codigo, Decimal("0.00")) == Decimal(valor), (codigo, cc.linhas)
    for trecho in caso.get("avisos", []):
        assert any(trecho in a for a in cc.avisos), (trecho, cc.avisos)


def test_pensao_tem_fundamento_beneficiario_e_referencia():
    caso = {"proventos": ["8000.00"], "pensoes": [{"beneficiario": "Ana", "forma": "bruto", "quantidade": "30",
                                                    "processo": "0001234-56.2025.8.05.0141"}]}
    cc = _calcular(caso)
    pensao = next(l for l in cc.linhas if l.codigo == d.PENSAO_ALIMENTICIA)
    assert "Ana" in pensao.descricao and "30 % do bruto" in pensao.descricao
    assert "Lei 9.250/1995, art. 4º, II" in pensao.fundamento and "0001234-56.2025.8.05.0141" in pensao.fundamento
    assert pensao.referencia == "p0" and not pensao.incide_irrf
    irrf = next(l for l in cc.linhas if l.codigo == "205")
    assert "pensão alimentícia de R$ 2.400,00" in irrf.fundamento


def test_sem_margem_vigente_nenhuma_consignacao_e_descontada():
    p = parametros(MARCO)
    linhas = [Linha("001", "Vencimento", Natureza.PROVENTO, Decimal("3000.00"), "teste")]
    cc = motor.fechar(MARCO, "x", linhas, RPPS, p.irrf, 0,
                      descontos_=d.Descontos(consignacoes=(d.Consignacao("c", "Banco", Decimal("10.00"), 1),)),
                      salario_minimo=p.salario_minimo, margem=None)
    assert not any(l.codigo == d.CONSIGNACAO for l in cc.linhas)
    assert any("margem consignável vigente" in a for a in cc.avisos)


@pytest.mark.parametrize("forma, q", [("bruto", "0"), ("liquido", "101"), ("meio", "10"), ("fixo", "-1")])
def test_pensao_invalida_recusada(forma, q):
    with pytest.raises(EntradaInvalida):
        d.validar_pensao(forma, Decimal(q))


def test_pensao_que_voltaria_ao_devedor():
    """CPF do beneficiário igual ao de quem paga, ou conta que é a de pagamento dele: recusa com o motivo;
    a conta de outra pessoa (mesmo servidora) passa."""
    from desktop.rules.folha import entrada_descontos as entrada
    from desktop.rules.pagamento.banco import dv_modulo11_bb

    conta = {"banco": "001", "agencia": "1234", "conta": "424242"}
    v = entrada.pensao(beneficiario="Beto", cpf="529.982.247-25", forma="bruto", quantidade="10", processo="P-1",
                       banco="1", agencia="1234", agencia_dv="3", conta="00424242",
                       conta_dv=dv_modulo11_bb("00424242"), tipo_conta="corrente")
    assert "conta de pagamento do próprio servidor Rui" in entrada.pensao_ao_devedor(
        v, nome="servidor Rui", cpf="111.444.777-35", conta=conta)
    assert "é o do próprio servidor Rui" in entrada.pensao_ao_devedor(
        v, nome="servidor Rui", cpf="52998224725", conta=None)
    assert entrada.pensao_ao_devedor(v, nome="servidor Rui", cpf="111.444.777-35",
                                     conta=conta | {"conta": "424243"}) == ""


def test_desconto_avulso_que_deixa_o_liquido_negativo_recusado():
    """Proventos 1.000,00 e desconto avulso (sem incidência) de 1.200,00: previdência 140,00, líquido −340,00."""
    from desktop.rules.folha import entrada_descontos as entrada

    caso = {"proventos": ["1000.00"], "avulsas": [{"natureza": "D", "descricao": "Reposição",
                                                    "fundamento": "Processo 1/2026", "valor": "1200.00",
                                                    "previdencia": False, "irrf": False}]}
    cc = _calcular(caso)
    assert cc.liquido == Decimal("-340.00")
    v = entrada.avulsa(natureza="desconto", descricao="Reposição", fundamento="Processo 1/2026", valor="1200.00",
                       incide_previdencia=False, incide_irrf=False)
    refs = [l.referencia for l in cc.linhas]
    motivo = entrada.recusa(v, cc.avisos, refs, MARCO, cc.liquido)
    assert motivo.startswith("Desconto avulso recusado em 03/2026: Reposição de R$ 1.200,00 não cabe no mês. "
                             "O líquido ficou negativo (-R$ 340,00): os descontos (R$ 1.340,00) passam dos proventos "
                             "(R$ 1.000,00).")
    assert entrada.recusa(v, cc.avisos, refs, MARCO) is None  # sem o líquido (folha que ainda não confere)
    provento = entrada.avulsa(natureza="provento", descricao="Abono", fundamento="Lei 1/2026", valor="10.00",
                              incide_previdencia=True, incide_irrf=True)
    assert entrada.recusa(provento, cc.avisos, refs, MARCO, cc.liquido) is None
