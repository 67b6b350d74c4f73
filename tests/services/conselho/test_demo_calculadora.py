"""Demonstração do Conselho e calculadora JSON."""
import json
import random
from pathlib import Path

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.conselho import atendimentos, calculadora, colegiado, decisoes, mandatos
from desktop.services.conselho.demo import criar_demo_conselho
from desktop.services import acesso
from desktop.services.demo import SENHA_DEMO

EXEMPLO = Path(__file__).parents[3] / "docs" / "exemplos" / "conselheiro-presidente-2026.json"


def test_demo(sessao_admin):
    r = criar_demo_conselho(sessao_admin, random.Random(7))
    assert r["atendimentos"] == 200
    comp = mandatos.composicao(sessao_admin)
    assert [c["condicao"] for c in comp].count("titular") == 5 and len(comp) == 7
    assert {c["funcao"] for c in comp} >= {"presidente", "vice"}
    ct = acesso.outra_sessao(sessao_admin, "conselheira", SENHA_DEMO)  # com o arquivo sigiloso
    assert len(atendimentos.listar_atendimentos(ct, limite=500)) == 200
    situacoes = {a["situacao"] for a in atendimentos.listar_atendimentos(ct, limite=500)}
    assert situacoes == {"aberto", "acompanhamento", "arquivado"}
    decisoes.painel_prazos(ct)
    # o Colegiado como num conselho de verdade: as sessões passadas encerradas com a ata emitida; no máximo a mais
    # recente aberta (a ata pendente). Antes, as das últimas três semanas ficavam todas abertas, com os itens votados.
    sessoes = colegiado.sessoes(ct)  # das mais recentes às mais antigas
    assert len(sessoes) > 1 and all(s["itens"] > 0 for s in sessoes)
    assert [s["situacao"] for s in sessoes[1:]] == ["encerrada"] * (len(sessoes) - 1)
    assert all(s["ata_documento_id"] for s in sessoes if s["situacao"] == "encerrada")
    atas = {r[0] for r in sessao_admin.db.execute("SELECT id FROM documentos WHERE tipo = ?", [colegiado.TIPO_ATA])}
    assert {s["ata_documento_id"] for s in sessoes if s["ata_documento_id"]} <= atas
    tipos = {r[0] for r in sessao_admin.db.execute("SELECT DISTINCT tipo FROM documentos")}
    assert {"conselho_contracheque", "conselho_relatorio_trimestral"} <= tipos


def test_calculadora_exemplo_e_erros():
    r = calculadora.calcular(json.loads(EXEMPLO.read_text()))
    assert r["totais"] == {"proventos": "5187.20", "descontos": "594.76", "liquido": "4592.44"}
    assert r["salario_base"] == "3242.00" and r["versao"] == 1
    assert [l["codigo"] for l in r["linhas"]] == ["001", "010", "011", "201", "205"]
    assert r["linhas"][0]["fundamento"].startswith("Lei 320/2023, art. 40")
    with pytest.raises(EntradaInvalida, match="em salario: campo desconhecido"):
        calculadora.calcular({"competencia": "2026-03-01", "exercicio": [], "salario": 1})
    with pytest.raises(EntradaInvalida, match=r"exercicio\[1\]\.fim"):  # itens contados a partir de 1
        calculadora.calcular({"competencia": "2026-03-01", "exercicio": [{"inicio": "2026-01-01", "fim": "ontem"}]})
    with pytest.raises(EntradaInvalida, match="Não há valor de .* em 01/03/2010: .* cobrem de .*\"parametros\""):
        calculadora.calcular({"competencia": "2010-03-01", "exercicio": [{"inicio": "2010-01-01", "fim": "2010-12-31"}]})
