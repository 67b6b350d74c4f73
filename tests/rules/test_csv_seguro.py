"""CSV que uma planilha não executa (OWASP, CSV injection): o apóstrofo na frente de =, +, -, @, tab e CR."""
import csv
import io

import pytest

from desktop.reports.conselho.relatorio import CAMPOS_CSV, csv_sipia
from desktop.rules import csv_seguro


@pytest.mark.parametrize("valor, esperado", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Ana = Bia", "Ana = Bia"), ("", ""),
    (12, 12), (None, None), ("1234,56", "1234,56"),
])
def test_celula(valor, esperado):
    assert csv_seguro.celula(valor) == esperado


def test_escritor_e_relatorio_sipia_neutralizam():
    saida = io.StringIO()
    csv_seguro.escritor(saida, delimiter=";").writerows([["=1+1", "ok", 3], ["@x", "-y", "+z"]])
    linhas = list(csv.reader(io.StringIO(saida.getvalue()), delimiter=";"))
    assert linhas == [["'=1+1", "ok", "3"], ["'@x", "'-y", "'+z"]]
    texto = csv_sipia([{k: "=cmd|' /C calc'!A0" for k in CAMPOS_CSV}])
    celulas = [c for l in csv.reader(io.StringIO(texto.lstrip("\ufeff")), delimiter=";") for c in l]
    assert not [c for c in celulas if c[:1] in "=+-@"] and "'=cmd|' /C calc'!A0" in celulas
