"""Códigos do Sistec da unidade, do curso e do ciclo: preenchidos uma vez e levados à exportação (issue 12, item 7)."""
import pytest

from desktop.services.certificacao import acompanhamento
from desktop.services.sessao import ErroNegocio

from .apoio import ate_avaliacao, montar_cenario


def test_codigos_preenchidos_uma_vez_vao_na_exportacao(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    ate_avaliacao(s, c, 3)
    tabela = acompanhamento.codigos_sistec(s)
    assert {(r["tipo"], r["referencia_id"]) for r in tabela} == {
        ("unidade", c["unidade"]["id"]), ("curso", c["curso"]["id"]), ("ciclo", c["oferta"]["id"])}
    assert all(r["codigo"] is None for r in tabela)
    linha = acompanhamento.csv_sistec(s).splitlines()[1].split(";")
    assert linha[3:6] == ["", "", ""]  # sem código ainda: vazio, não o nome
    with pytest.raises(ErroNegocio, match="só dígitos"):
        acompanhamento.definir_codigo_sistec(s, "unidade", c["unidade"]["id"], "Unidade de Teste")
    acompanhamento.definir_codigo_sistec(s, "unidade", c["unidade"]["id"], "45123")
    acompanhamento.definir_codigo_sistec(s, "curso", c["curso"]["id"], "1023")
    acompanhamento.definir_codigo_sistec(s, "ciclo", c["oferta"]["id"], "7788001")
    acompanhamento.definir_codigo_sistec(s, "ciclo", c["oferta"]["id"], "7788002")  # troca, não duplica
    cab, linha = acompanhamento.csv_sistec(s).splitlines()[:2]
    assert cab.split(";")[3:6] == ["codigo_unidade_sistec", "codigo_curso_sistec", "codigo_ciclo_sistec"]
    assert linha.split(";")[3:6] == ["45123", "1023", "7788002"]
    assert s.db.execute("SELECT count(*) FROM cert_sistec_codigos").fetchone()[0] == 3
    assert s.db.execute("SELECT count(*) FROM diario WHERE tabela = 'cert_sistec_codigos'").fetchone()[0] == 4
