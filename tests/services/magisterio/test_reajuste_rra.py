"""Reajuste que alcança competências fechadas do ANO ANTERIOR (11/2025 e 12/2025, com o 13º quitado em
dezembro), pago em 01/2026: as diferenças do mês (066) e do 13º (068) são rendimentos recebidos
acumuladamente — fora do IRRF do mês e tributados em separado pela tabela mensal × 2 meses (rubrica 206,
Lei 7.713/1988, art. 12-A); pagas uma vez só."""
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from desktop.rules.folha import rra
from desktop.rules.irrf import calcular_irrf
from desktop.services import acesso, demo
from desktop.services.magisterio import folha, tabelas

NOVEMBRO, DEZEMBRO, JANEIRO, FEVEREIRO = date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)


@pytest.fixture
def base(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    for mes in (NOVEMBRO, DEZEMBRO):
        folha.fechar(s, mes, aceitar_pendencias=True)
    yield s
    s.fechar()


def _c(v: Decimal) -> Decimal:
    return v.quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_diferencas_de_ano_anterior_sao_rra_com_13(base):
    s = base
    # 200 % para que o RRA passe da faixa isenta (2.428,80 × 2 meses) e o imposto apareça
    sim = tabelas.simular_reajuste(s, NOVEMBRO, percentual="200", fundamento="Lei Municipal 9.998/2025 (teste)")
    tabelas.aplicar_reajuste(s, sim, "Lei Municipal 9.998/2025, art. 1º (teste)")
    pagos = {mes: {i.contracheque.pessoa_id: i.contracheque for i in folha.contracheques(s, mes)}
             for mes in (NOVEMBRO, DEZEMBRO)}
    tabela = folha.parametros_da_competencia(s, JANEIRO).irrf
    dezembro_novo = {i.contracheque.pessoa_id: i.contracheque for i in folha.previa(s, DEZEMBRO).itens}
    com_imposto = 0
    previa = folha.previa(s, JANEIRO)
    for item in previa.itens:
        cc, sid = item.contracheque, item.contracheque.pessoa_id
        linhas = {(l.codigo, l.referencia): l for l in cc.linhas}
        assert not any(l.codigo in ("065", "067") for l in cc.linhas)  # ano anterior: nada como diferença do mês
        dif13 = linhas.get(("068", "rra:2025-12:13"))
        treze_pago = sum(l.valor for l in pagos[DEZEMBRO][sid].linhas if l.codigo == "041")
        assert dif13 is not None and dif13.valor > 0 and not dif13.incide_irrf
        # 13º devido: o 041 de dezembro recalculado com a tabela nova (avos × remuneração ÷ 12); a diferença é
        # devido − pago; com a tabela × 3, o devido é o triplo do pago a menos do arredondamento das rubricas
        devido13 = sum(l.valor for l in dezembro_novo[sid].linhas if l.codigo == "041")
        assert dif13.base == devido13 and dif13.valor == devido13 - treze_pago
        assert abs(devido13 - 3 * treze_pago) <= Decimal("0.20")
        rras = [l for l in cc.linhas if rra.eh_rra(l) and l.natureza.value == "P"]
        meses = rra.meses_de(l.referencia for l in rras)
        assert meses == len({l.referencia for l in rras if not l.referencia.endswith(":13")}) <= 2
        # a previdência do mês incide sobre tudo; a parte do RRA sai do IRRF mensal e entra no do RRA
        contrib = next(l for l in cc.linhas if l.codigo == "201")
        base_prev = contrib.base
        total_rra = sum(l.valor for l in rras)
        parcela = _c(contrib.valor * total_rra / base_prev)
        # IRRF do mês: só os rendimentos do mês (sem o RRA) e a previdência menos a parcela do RRA
        mensal = [l for l in cc.linhas if l.grupo == "mensal" and l.incide_irrf]
        rendimento = (sum(l.valor for l in mensal if l.natureza.value == "P")
                      - sum(l.valor for l in mensal if l.natureza.value == "D"))
        irrf_mes = sum(l.valor for l in cc.linhas if l.codigo == "205")
        assert irrf_mes == calcular_irrf(rendimento, contrib.valor - parcela, previa.fichas[sid].dependentes_irrf,
                                         tabela).valor, item.servidor.nome
        # IRRF do RRA à mão: base = RRA − parcela da previdência; faixa com limite × meses; parcela × meses
        base_rra = total_rra - parcela
        meses = max(1, meses)  # só a diferença do 13º: conta como 1 mês (docs/interpretacoes.md)
        faixa = next(f for f in tabela.faixas if f.ate is None or base_rra <= f.ate * meses)
        esperado = max(Decimal("0.00"), _c(base_rra * faixa.percentual / 100 - faixa.deduzir * meses))
        l206 = next((l for l in cc.linhas if l.codigo == "206"), None)
        assert (l206.valor if l206 else Decimal("0.00")) == esperado, item.servidor.nome
        if l206:
            com_imposto += 1
            assert "art. 12-A" in l206.fundamento and l206.quantidade == meses
    assert com_imposto >= 2

    folha.fechar(s, JANEIRO, aceitar_pendencias=True)
    fevereiro = folha.previa(s, FEVEREIRO)
    assert not any(l.codigo in ("066", "068", "206") for i in fevereiro.itens for l in i.contracheque.linhas)
