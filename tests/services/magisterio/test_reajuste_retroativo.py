"""Reajuste cuja vigência alcança três competências fechadas: o relatório de impacto (PDF) antes de
aplicar, e depois as diferenças de cada servidor e mês (rubrica 065) na competência aberta seguinte,
pagas uma vez só."""
import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from pypdf import PdfReader

from desktop.rules.magisterio.tipos import Nivel
from desktop.services import acesso, demo
from desktop.services.magisterio import documentos, folha, tabelas

AGOSTO, SETEMBRO, OUTUBRO, NOVEMBRO, DEZEMBRO = (date(2026, m, 1) for m in (8, 9, 10, 11, 12))
FECHADAS = (AGOSTO, SETEMBRO, OUTUBRO)
PERCENTUAIS = {"001", "002", "003", "004", "005", "007", "008", "009", "010", "012"}  # base = vencimento


@pytest.fixture
def base(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    for mes in FECHADAS:
        folha.fechar(s, mes, aceitar_pendencias=True)
    yield s
    s.fechar()


def _novo(linhas, jornada: int, base20: Decimal) -> Decimal:
    """À mão: célula de 20 h × 1,10 ao centavo (40 h = o dobro, art. 37 §4º); cada rubrica percentual sobre a
    nova base."""
    def c(v):
        return v.quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = Decimal("0.00")
    nova = c(base20 * Decimal("1.10")) * (1 if jornada == 20 else 2)
    for l in linhas:
        total += nova if l.codigo == "001" else c(nova * l.percentual / 100)
    return total


def test_reajuste_retroativo_de_tres_meses(base, tmp_path):
    s = base
    sim = tabelas.simular_reajuste(s, AGOSTO, percentual="10", fundamento="Lei Municipal 9.999/2026 (teste)")
    assert any("08/2026, 09/2026, 10/2026" in a and "065" in a for a in sim.avisos)
    imp = tabelas.impacto_reajuste(s, sim)
    assert imp.servidores == 12 and [m.competencia for m in imp.retroativos] == list(FECHADAS)
    assert imp.mensal > 0 and imp.anual == (imp.mensal * (Decimal(12) + 1 + Decimal(1) / 3)).quantize(Decimal("0.01"))
    pdf = documentos.emitir_impacto_reajuste(s, sim).pdf
    (tmp_path / "impacto.pdf").write_bytes(pdf)
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Impacto do reajuste na folha" in texto and "Impacto anual estimado" in texto and "09/2026" in texto

    tabelas.aplicar_reajuste(s, sim, "Lei Municipal 9.999/2026, art. 1º (teste)")
    previa = folha.previa(s, NOVEMBRO)
    # servidores cujo mês inteiro é de rubricas percentuais sobre o vencimento e sem complemento do mínimo
    conferidos = 0
    for mes in FECHADAS:
        for item in folha.contracheques(s, mes):
            cc = item.contracheque
            proventos = [l for l in cc.linhas if l.natureza.value == "P"]
            if not all(l.codigo in PERCENTUAIS and l.quantidade == 30 for l in proventos) or cc.descontos == 0:
                continue
            base20 = sim.atual.vencimento(Nivel(item.servidor.nivel), item.servidor.classe, 20)
            esperado = _novo(proventos, item.servidor.jornada, base20) - sum((l.valor for l in proventos), Decimal(0))
            novo = next(i.contracheque for i in previa.itens if i.contracheque.pessoa_id == cc.pessoa_id)
            linhas = [l for l in novo.linhas if l.codigo == "065" and l.referencia == f"reajuste:{mes:%Y-%m}"]
            assert len(linhas) == 1 and linhas[0].valor == esperado, (item.servidor.nome, mes)
            conferidos += 1
    assert conferidos >= 3
    retro = sum((l.valor for i in previa.itens for l in i.contracheque.linhas if l.codigo == "065"), Decimal(0))
    assert retro == imp.retroativo

    folha.fechar(s, NOVEMBRO, aceitar_pendencias=True)
    dezembro = folha.previa(s, DEZEMBRO)
    assert not any(l.codigo == "065" for i in dezembro.itens for l in i.contracheque.linhas)  # pagas uma vez só
