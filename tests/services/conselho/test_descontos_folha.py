"""Descontos na folha dos conselheiros tutelares (issue 13, capacidade 8): as mesmas regras da folha do
Magistério — consignação dentro da margem consignável, pensão alimentícia sobre o bruto e sobre o líquido
com a dedução na base do IRRF, rubrica avulsa com fundamento — e as recusas com os números.

Caso à mão (todos os testes): conselheira titular que optou pela remuneração do cargo municipal
(Lei 320/2023, art. 41) de R$ 6.000,00, mês inteiro de junho de 2025 (30 dias de exercício).
- INSS 2025 (Portaria Interministerial MPS/MF 6/2025), faixa a faixa, soma arredondada no fim:
  1.518,00 × 7,5 % = 113,85; (2.793,88 − 1.518,00) × 9 % = 114,8292; (4.190,83 − 2.793,88) × 12 % = 167,634;
  (6.000,00 − 4.190,83) × 14 % = 253,2838 → 649,5970 → **649,60**.
- IRRF (tabela de 05/2025; deduções legais 649,60 > simplificado 607,20): base 6.000,00 − 649,60 = 5.350,40;
  5.350,40 × 27,5 % − 908,73 = 1.471,36 − 908,73 = **562,63**.
- Líquido sem descontos: 6.000,00 − 649,60 − 562,63 = **4.787,77**.
"""
import json
from datetime import date
from decimal import Decimal

import pytest

from desktop.services.conselho import descontos, folha, mandatos, remuneracao
from desktop.rules.validacao import EntradaInvalida

JUNHO = date(2025, 6, 1)
CPF_BENEFICIARIO = "111.444.777-35"


@pytest.fixture
def carla(sessao_admin):
    return mandatos.cadastrar_conselheiro(
        sessao_admin, nome="Carla Dias Moreira", condicao="titular", ordem=1, inicio_mandato=date(2024, 1, 10),
        fim_mandato=date(2028, 1, 9), cpf="529.982.247-25", servidor_municipal=True,
        remuneracao_cargo=Decimal("6000.00"))["id"]


def _valores(cc) -> dict[str, Decimal]:
    soma: dict[str, Decimal] = {}
    for l in cc.linhas:
        soma[l.codigo] = soma.get(l.codigo, Decimal("0")) + l.valor
    return soma


def _quantos(s) -> int:
    return s.db.execute("SELECT count(*) FROM conselho_descontos").fetchone()[0]


def test_caso_base_sem_descontos(sessao_admin, carla):
    cc = remuneracao.calcular_contracheque(sessao_admin, carla, JUNHO)
    assert _valores(cc) == {"002": Decimal("6000.00"), "201": Decimal("649.60"), "205": Decimal("562.63")}
    assert cc.liquido == Decimal("4787.77")


def test_consignacao_no_limite_e_alem_da_margem(sessao_admin, carla):
    """Margem (parâmetro margem_consignavel, 30 %): 30 % × (6.000,00 − 649,60 − 562,63) = 30 % × 4.787,77
    = 1.436,331 → R$ 1.436,33. Uma parcela de 1.436,34 passa 1 centavo: recusada com os números, nada
    gravado; a de 1.436,33 cabe exatamente: líquido 4.787,77 − 1.436,33 = 3.351,44. Uma segunda, de
    R$ 0,01, já não cabe (comprometidos 1.436,33, disponível 0,00)."""
    s = sessao_admin
    with pytest.raises(EntradaInvalida) as e:
        descontos.cadastrar_consignacao(s, carla, consignataria="Banco A", valor="1.436,34", prioridade=1,
                                        inicio="06/2025")
    msg = str(e.value)
    assert "R$ 1.436,34" in msg and "margem consignável de R$ 1.436,33" in msg and "30 % de R$ 4.787,77" in msg
    assert _quantos(s) == 0
    r = descontos.cadastrar_consignacao(s, carla, consignataria="Banco A", valor="1436.33", prioridade=1,
                                        contrato="123/2025", inicio="06/2025")
    assert r["valor_no_mes"] == Decimal("1436.33") and r["liquido_no_mes"] == Decimal("3351.44")
    with pytest.raises(EntradaInvalida, match=r"já comprometidos R\$ 1\.436,33, disponível R\$ 0,00"):
        descontos.cadastrar_consignacao(s, carla, consignataria="Banco B", valor="0,01", prioridade=2,
                                        inicio="06/2025")
    assert _quantos(s) == 1
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    assert _valores(cc)["180"] == Decimal("1436.33") and cc.liquido == Decimal("3351.44")
    # no mês seguinte continua (sem fim); encerrado em 06/2025, julho volta ao líquido cheio (mesmo mês comercial)
    encerrado = descontos.encerrar(s, r["id"], "06/2025")
    alteracao = s.db.execute("SELECT acao, antes, depois FROM diario WHERE tabela = 'conselho_descontos' "
                             "AND registro_id = ? ORDER BY seq DESC LIMIT 1", [r["id"]]).fetchone()
    assert alteracao[0] == "alterar" and json.loads(alteracao[1])["fim"] is None
    assert json.loads(alteracao[2]) == encerrado and encerrado["fim"] == "2025-06"
    assert "180" not in _valores(remuneracao.calcular_contracheque(s, carla, date(2025, 7, 1)))


def test_pensao_sobre_o_bruto_deduzida_na_base_do_irrf(sessao_admin, carla):
    """20 % do bruto: 6.000,00 × 20 % = 1.200,00. Dedutível da base do IRRF (Lei 9.250/1995, art. 4º, II):
    base 6.000,00 − 649,60 − 1.200,00 = 4.150,40 → 4.150,40 × 22,5 % − 675,49 = 933,84 − 675,49 = 258,35
    (sem a dedução seria 562,63: a pensão baixa o IRRF em 304,28). Líquido: 6.000,00 − 649,60 − 1.200,00
    − 258,35 = 3.892,05."""
    s = sessao_admin
    r = descontos.cadastrar_pensao(s, carla, beneficiario="João Pedro Moreira", cpf=CPF_BENEFICIARIO, forma="bruto",
                                   quantidade="20", processo="0000123-45.2025.8.04.4700", inicio="06/2025")
    assert r["valor_no_mes"] == Decimal("1200.00") and r["liquido_no_mes"] == Decimal("3892.05")
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    v = _valores(cc)
    assert v["170"] == Decimal("1200.00") and v["205"] == Decimal("258.35") and v["201"] == Decimal("649.60")
    assert cc.liquido == Decimal("3892.05")
    irrf = next(l for l in cc.linhas if l.codigo == "205")
    assert "pensão alimentícia de R$ 1.200,00 (Lei 9.250/1995, art. 4º, II)" in irrf.fundamento
    pensao = next(l for l in cc.linhas if l.codigo == "170")
    assert "0000123-45.2025.8.04.4700" in pensao.fundamento


def test_pensao_sobre_o_liquido_ponto_fixo(sessao_admin, carla):
    """30 % do líquido (bruto − INSS − IRRF), com o IRRF já deduzido da própria pensão: o ponto fixo
    P = 30 % × (5.350,40 − IR(P)), IR(P) = (5.350,40 − P) × 22,5 % − 675,49.
    P = 1.551,33: base 5.350,40 − 1.551,33 = 3.799,07 → 854,79075 − 675,49 = 179,30075 → IR 179,30;
    líquido 5.350,40 − 179,30 = 5.171,10 → 30 % = 1.551,33 (confere: é ponto fixo; 1.551,32 e 1.551,34 dão
    1.551,33, não a si mesmos). Líquido final: 5.171,10 − 1.551,33 = 3.619,77."""
    s = sessao_admin
    descontos.cadastrar_pensao(s, carla, beneficiario="João Pedro Moreira", cpf=CPF_BENEFICIARIO, forma="liquido",
                               quantidade="30", processo="0000123-45.2025.8.04.4700", inicio=JUNHO)
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    v = _valores(cc)
    assert v["170"] == Decimal("1551.33") and v["205"] == Decimal("179.30")
    assert cc.liquido == Decimal("3619.77")


def test_pensao_acima_do_liquido_recusada(sessao_admin, carla):
    """Fixa de R$ 5.400,00: deduzida, zera a base do IRRF (5.350,40 − 5.400,00 < 0 → IR 0,00); o líquido
    depois dos tributos é 6.000,00 − 649,60 − 0,00 = 5.350,40 < 5.400,00: recusada com as contas."""
    s = sessao_admin
    with pytest.raises(EntradaInvalida) as e:
        descontos.cadastrar_pensao(s, carla, beneficiario="João Pedro Moreira", cpf=CPF_BENEFICIARIO, forma="fixo",
                                   quantidade="5400", processo="0000123-45.2025.8.04.4700", inicio="06/2025")
    assert "Pensão recusada em 06/2025" in str(e.value)
    assert "R$ 6.000,00 − R$ 649,60 − R$ 0,00 = R$ 5.350,40" in str(e.value)
    assert _quantos(s) == 0


def test_desconto_avulso_e_avulsa_sem_fundamento(sessao_admin, carla):
    """Reposição ao erário de R$ 250,00, sem incidência: não mexe no INSS nem no IRRF; líquido
    4.787,77 − 250,00 = 4.537,77. Sem fundamento legal: recusada, nada gravado."""
    s = sessao_admin
    with pytest.raises(EntradaInvalida, match="fundamento legal"):
        descontos.lancar_avulsa(s, carla, natureza="desconto", descricao="Reposição ao erário", fundamento=" ",
                                valor="250", incide_previdencia=False, incide_irrf=False, competencia="06/2025")
    assert _quantos(s) == 0
    descontos.lancar_avulsa(s, carla, natureza="desconto", descricao="Reposição ao erário",
                            fundamento="Lei 8.112/1990, art. 46 (por analogia); Processo adm. 12/2025", valor="250",
                            incide_previdencia=False, incide_irrf=False, competencia="06/2025")
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    v = _valores(cc)
    assert v["160"] == Decimal("250.00") and v["201"] == Decimal("649.60") and v["205"] == Decimal("562.63")
    assert cc.liquido == Decimal("4537.77")
    # um mês só: julho sem a rubrica
    assert "160" not in _valores(remuneracao.calcular_contracheque(s, carla, date(2025, 7, 1)))
    lista = descontos.listar(s, carla)
    assert [(r["tipo_nome"], r["valor_texto"]) for r in lista] == [("Rubrica avulsa", "R$ 250,00")]


def test_sindical_do_conselheiro_com_o_fundamento_dele(sessao_admin, carla):
    """Mensalidade de 1 % do bruto: 6.000,00 × 1 % = 60,00; fundamento da CF (não o estatuto do Magistério)."""
    s = sessao_admin
    descontos.cadastrar_sindical(s, carla, entidade="Associação dos Conselheiros Tutelares do Amazonas",
                                 forma="percentual", quantidade="1", inicio="06/2025")
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    linha = next(l for l in cc.linhas if l.codigo == "190")
    assert linha.valor == Decimal("60.00") and "1.613" not in linha.fundamento and "art. 8º, IV" in linha.fundamento
    assert cc.liquido == Decimal("4727.77")


def test_contracheque_emitido_guarda_os_descontos(sessao_admin, carla):
    s = sessao_admin
    descontos.cadastrar_pensao(s, carla, beneficiario="João Pedro Moreira", cpf=CPF_BENEFICIARIO, forma="bruto",
                               quantidade="20", processo="0000123-45.2025.8.04.4700", inicio="06/2025")
    folha.fechar(s, JUNHO)
    remuneracao.emitir_contracheque(s, carla, JUNHO)
    (emitido,) = remuneracao.contracheques_emitidos(s, JUNHO)
    assert Decimal(emitido["liquido"]) == Decimal("3892.05") and Decimal(emitido["descontos"]) == Decimal("2107.95")
    r = descontos.cadastrar_sindical(s, carla, entidade="Associação dos Conselheiros", forma="fixo", quantidade="10",
                                     inicio="06/2025")
    assert r["reemitir"] is True


def test_provento_avulso_com_e_sem_incidencias(sessao_admin, carla):
    """Provento avulso de R$ 500,00.
    Com incidência de INSS e IRRF: bruto 6.500,00; INSS 113,85 + 114,8292 + 167,634 + (6.500,00 − 4.190,83) ×
    14 % = 323,2838 → 719,5970 → 719,60; IRRF (6.500,00 − 719,60) = 5.780,40 × 27,5 % − 908,73 = 1.589,61 −
    908,73 = 680,88; líquido 6.500,00 − 719,60 − 680,88 = 5.099,52.
    Sem incidência (indenização, p. ex.): tributos do caso base (649,60 e 562,63), líquido 4.787,77 + 500,00
    = 5.287,77 (o de julho, noutro lançamento, para não somar os dois)."""
    s = sessao_admin
    descontos.lancar_avulsa(s, carla, natureza="provento", descricao="Diferença de remuneração de maio",
                            fundamento="Lei 320/2023, art. 41; Processo adm. 15/2025", valor="500,00",
                            incide_previdencia=True, incide_irrf=True, competencia="06/2025")
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    v = _valores(cc)
    assert (v["060"], v["201"], v["205"], cc.liquido) == (Decimal("500.00"), Decimal("719.60"), Decimal("680.88"),
                                                          Decimal("5099.52"))
    descontos.lancar_avulsa(s, carla, natureza="provento", descricao="Ressarcimento de despesa de plantão",
                            fundamento="Lei 320/2023, art. 40 §2º; nota de despesa 3/2025", valor="500",
                            incide_previdencia=False, incide_irrf=False, competencia="07/2025")
    cc = remuneracao.calcular_contracheque(s, carla, date(2025, 7, 1))
    v = _valores(cc)
    assert (v["060"], v["201"], v["205"], cc.liquido) == (Decimal("500.00"), Decimal("649.60"), Decimal("562.63"),
                                                          Decimal("5287.77"))


def test_pensao_em_salarios_minimos(sessao_admin, carla):
    """Um salário mínimo de 2025 (Decreto 12.342/2024): R$ 1.518,00; IRRF (5.350,40 − 1.518,00) = 3.832,40 ×
    22,5 % − 675,49 = 862,29 − 675,49 = 186,80; líquido 6.000,00 − 649,60 − 1.518,00 − 186,80 = 3.645,60."""
    s = sessao_admin
    descontos.cadastrar_pensao(s, carla, beneficiario="João Pedro Moreira", cpf=CPF_BENEFICIARIO,
                               forma="salarios_minimos", quantidade="1", processo="0000123-45.2025.8.04.4700",
                               inicio="06/2025")
    cc = remuneracao.calcular_contracheque(s, carla, JUNHO)
    v = _valores(cc)
    assert (v["170"], v["205"], cc.liquido) == (Decimal("1518.00"), Decimal("186.80"), Decimal("3645.60"))


def test_pdf_do_contracheque_mostra_os_descontos(sessao_admin, carla):
    """O PDF registrado traz a pensão com o processo, a consignação e o líquido com os descontos
    (20 % do bruto = 1.200,00; consignação 300,00; líquido 3.892,05 − 300,00 = 3.592,05)."""
    from io import BytesIO

    from pypdf import PdfReader

    s = sessao_admin
    descontos.cadastrar_pensao(s, carla, beneficiario="João Pedro Moreira", cpf=CPF_BENEFICIARIO, forma="bruto",
                               quantidade="20", processo="0000123-45.2025.8.04.4700", inicio="06/2025")
    descontos.cadastrar_consignacao(s, carla, consignataria="Banco do Povo", valor="300", prioridade=1,
                                    inicio="06/2025")
    folha.fechar(s, JUNHO)
    emitido = remuneracao.emitir_contracheque(s, carla, JUNHO)
    texto = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(emitido.pdf)).pages)
    assert "Pensão alimentícia" in texto and "João Pedro Moreira" in texto and "1.200,00" in texto
    assert "Consignação" in texto and "Banco do Povo" in texto and "300,00" in texto
    assert "3.592,05" in texto


def test_pensao_com_cpf_ou_conta_do_beneficiario_errados_recusada(sessao_admin, carla):
    """CPF com dígito errado e conta do Banco do Brasil com o dígito errado — módulo 11 de 00000777 com pesos
    9 a 2: 7 × 4 + 7 × 3 + 7 × 2 = 63; 63 mod 11 = 8; 11 − 8 = 3, não 4: recusados com a mensagem, nada gravado."""
    s = sessao_admin
    base = dict(beneficiario="João Pedro Moreira", forma="bruto", quantidade="20",
                processo="0000123-45.2025.8.04.4700", inicio="06/2025")
    with pytest.raises(EntradaInvalida):
        descontos.cadastrar_pensao(s, carla, cpf="111.444.777-36", **base)
    with pytest.raises(EntradaInvalida, match="informado 4, .* dá 3"):
        descontos.cadastrar_pensao(s, carla, cpf=CPF_BENEFICIARIO, banco="001", agencia="1234", agencia_dv="3",
                                   conta="777", conta_dv="4", tipo_conta="corrente", **base)
    assert _quantos(s) == 0


def test_pensao_ao_proprio_conselheiro_recusada(sessao_admin, carla):
    """A pensão vai à conta do alimentando indicada no ofício (CPC, art. 529, §2º): com o CPF da própria
    conselheira como beneficiária, recusada e nada gravado."""
    s = sessao_admin
    with pytest.raises(EntradaInvalida) as e:
        descontos.cadastrar_pensao(s, carla, beneficiario="Carla Dias Moreira", cpf="529.982.247-25", forma="bruto",
                                   quantidade="20", processo="0000123-45.2025.8.04.4700", inicio="06/2025")
    assert "Pensão recusada" in str(e.value) and "conselheiro Carla Dias Moreira" in str(e.value)
    assert "art. 529" in str(e.value)
    assert _quantos(s) == 0


def test_desconto_avulso_maior_que_o_liquido_recusado(sessao_admin, carla):
    """Desconto avulso de R$ 5.000,00, sem incidência: líquido 4.787,77 − 5.000,00 = −212,23 < 0 → recusado
    com o líquido do mês, nada gravado (como na folha do Magistério)."""
    s = sessao_admin
    with pytest.raises(EntradaInvalida) as e:
        descontos.lancar_avulsa(s, carla, natureza="desconto", descricao="Reposição ao erário",
                                fundamento="Lei 8.112/1990, art. 46 (por analogia)", valor="5000",
                                incide_previdencia=False, incide_irrf=False, competencia="06/2025")
    assert "Desconto avulso recusado em 06/2025" in str(e.value) and "R$ 5.000,00" in str(e.value)
    assert "212,23" in str(e.value)
    assert _quantos(s) == 0
