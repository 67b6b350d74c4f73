"""Custo de um reajuste retroativo por servidor e competência (issue 13, item 3): no relatório de impacto,
antes de aplicar, cada servidor em cada competência fechada com o pago, o devido e a diferença — e a
diferença de cada um é exatamente a rubrica 065 paga depois na competência aberta."""
import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from desktop.rules.magisterio.reajuste_impacto import remuneracao_bruta
from desktop.services import acesso, demo
from desktop.services.magisterio import cadastro, documentos, folha, tabelas

AGOSTO, SETEMBRO, OUTUBRO, NOVEMBRO = (date(2026, m, 1) for m in (8, 9, 10, 11))


@pytest.fixture
def base(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    # uma falta em setembro de quem recebe o complemento do mínimo: com a tabela nova o dia de falta vale mais
    # e o complemento cai — a tabela nova pagaria menos nesse mês, o que não se desconta
    no_piso = next(i.contracheque.pessoa_id for i in folha.previa(s, SETEMBRO).itens
                   if any(l.codigo == "050" for l in i.contracheque.linhas))
    cadastro.adicionar(s, "faltas", no_piso, data=date(2026, 9, 15), codigo="FI")
    for mes in (AGOSTO, SETEMBRO, OUTUBRO):
        folha.fechar(s, mes, aceitar_pendencias=True)
    yield s
    s.fechar()


def test_custo_por_servidor_e_mes(base):
    s = base
    sim = tabelas.simular_reajuste(s, AGOSTO, percentual="10", fundamento="Lei Municipal 9.999/2026 (teste)")
    imp = tabelas.impacto_reajuste(s, sim)
    assert imp.retroativos_servidores
    for m in imp.retroativos:  # o detalhe soma o total de cada mês
        assert sum((r.diferenca for r in imp.retroativos_servidores if r.competencia == m.competencia),
                   Decimal("0.00")) == m.diferenca
    for r in imp.retroativos_servidores:  # pago = a remuneração gravada no contracheque do mês (sem 13º em ago-out)
        cc = folha.contracheque(s, r.competencia, r.servidor_id).contracheque
        assert r.pago == remuneracao_bruta(cc.linhas) and r.diferenca > 0
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        documentos.emitir_impacto_reajuste(s, sim).pdf)).pages).split())
    assert "Diferenças por servidor e competência fechada" in texto
    primeiro = imp.retroativos_servidores[0]
    assert primeiro.matricula in texto and f"{primeiro.competencia:%m/%Y}" in texto

    tabelas.aplicar_reajuste(s, sim, "Lei Municipal 9.999/2026, art. 1º (teste)")
    pagas = {(i.contracheque.pessoa_id, l.referencia): l.valor for i in folha.previa(s, NOVEMBRO).itens
             for l in i.contracheque.linhas if l.codigo == "065"}
    assert pagas == {(r.servidor_id, f"reajuste:{r.competencia:%Y-%m}"): r.diferenca
                     for r in imp.retroativos_servidores}
    # o custo retroativo simulado é o que se paga (a diferença negativa da falta no piso não entra nem é descontada)
    assert imp.retroativo == sum(pagas.values()) == sum((r.diferenca for r in imp.retroativos_servidores),
                                                         Decimal("0.00"))
