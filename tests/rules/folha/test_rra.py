"""IRRF sobre rendimentos recebidos acumuladamente (Lei 7.713/1988, art. 12-A; IN RFB 1.500/2014, arts. 36-45):
contas feitas à mão com a tabela mensal de 2026 (db/parametros/irrf.toml) multiplicada pelos meses."""
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.rules.folha import motor, rra
from desktop.rules.folha.regras import PrevidenciaRPPS
from desktop.rules.folha.tipos import Linha, Natureza
from desktop.rules.irrf import TabelaIRRF

TABELA_2026 = TabelaIRRF.de_valor({
    "desconto_simplificado": "607.20",
    "faixas": [{"ate": "2428.80", "percentual": "0", "deduzir": "0"},
               {"ate": "2826.65", "percentual": "7.5", "deduzir": "182.16"},
               {"ate": "3751.05", "percentual": "15", "deduzir": "394.16"},
               {"ate": "4664.68", "percentual": "22.5", "deduzir": "675.49"},
               {"percentual": "27.5", "deduzir": "908.73"}],
    "reducao": {"limite_isencao": "5000.00", "reducao_maxima": "312.89", "limite_reducao": "7350.00",
                "constante": "978.62", "coeficiente": "0.133145"}},
    dependente=D("189.59"), inicio=date(2026, 1, 1), fundamento="teste")


def test_dois_meses_na_ultima_faixa():
    # rendimento 12.000,00 de 2 meses; previdência 14 % = 1.680,00 → base 10.320,00.
    # Tabela × 2: limite da 4ª faixa 4.664,68 × 2 = 9.329,36 < 10.320,00 → 27,5 %, parcela 908,73 × 2 = 1.817,46.
    # Imposto = 10.320,00 × 27,5 % − 1.817,46 = 2.838,00 − 1.817,46 = 1.020,54.
    r = rra.irrf_rra(D("12000.00"), 2, TABELA_2026, previdencia=D("1680.00"))
    assert (r.base, r.aliquota, r.deduzir, r.valor) == (D("10320.00"), D("27.5"), D("1817.46"), D("1020.54"))


def test_tres_meses_faixa_de_15_por_cento():
    # rendimento 10.000,00 de 3 meses, sem dedução: limites × 3 = 7.286,40 / 8.479,95 / 11.253,15 →
    # 10.000,00 cai na 3ª faixa (15 %, parcela 394,16 × 3 = 1.182,48). Imposto = 1.500,00 − 1.182,48 = 317,52.
    # Somado a um mês comum seria 27,5 %: o RRA tributa como se o valor fosse espalhado pelos meses.
    r = rra.irrf_rra(D("10000.00"), 3, TABELA_2026)
    assert (r.aliquota, r.deduzir, r.valor) == (D("15"), D("1182.48"), D("317.52"))


def test_isento_quando_a_base_cabe_na_primeira_faixa_vezes_os_meses():
    # 4.000,00 em 2 meses: 4.000,00 ≤ 2.428,80 × 2 = 4.857,60 → alíquota zero.
    assert rra.irrf_rra(D("4000.00"), 2, TABELA_2026).valor == D("0.00")


def test_meses_contam_os_meses_distintos_e_nao_o_13():
    assert rra.meses_de(["rra:2025-11", "rra:2025-12", "rra:2025-12:13", "rra:2025-11"]) == 2


def test_motor_tributa_o_rra_em_separado_e_tira_a_parcela_da_previdencia_do_mes():
    # Mês: vencimento 3.000,00; RRA: diferenças de 11/2025 e 12/2025, 6.000,00 cada (12.000,00, 2 meses).
    # RPPS 14 % sobre 15.000,00 = 2.100,00; parcela do RRA = 2.100,00 × 12.000/15.000 = 1.680,00.
    # IRRF do mês: rendimento 3.000,00; deduções legais = 2.100,00 − 1.680,00 = 420,00 < simplificado 607,20 →
    #   base 3.000,00 − 607,20 = 2.392,80 ≤ 2.428,80 → zero.
    # IRRF do RRA: base 12.000,00 − 1.680,00 = 10.320,00 → 1.020,54 (como no primeiro teste), na rubrica 206.
    mes = date(2026, 1, 1)
    venc = Linha("001", "Vencimento", Natureza.PROVENTO, D("3000.00"), "Lei 1.613/2004, art. 37")
    rras = [Linha("066", "dif", Natureza.PROVENTO, D("6000.00"), "x", incide_irrf=False, referencia=f"rra:2025-{m}")
            for m in ("11", "12")]
    cc = motor.fechar(mes, "p", [venc, *rras], PrevidenciaRPPS(D("14"), "rpps"), TABELA_2026, 0)
    linhas = {l.codigo: l for l in cc.linhas}
    assert linhas["201"].valor == D("2100.00")
    assert "205" not in linhas  # o mês sozinho fica isento (base 2.392,80)
    assert linhas["206"].valor == D("1020.54") and linhas["206"].quantidade == 2
    assert "art. 12-A" in linhas["206"].fundamento
    assert cc.liquido == D("15000.00") - D("2100.00") - D("1020.54")


@pytest.mark.parametrize("meses", [0, -1])
def test_sem_meses_e_erro(meses):
    with pytest.raises(ValueError):
        rra.irrf_rra(D("100"), meses, TABELA_2026)
