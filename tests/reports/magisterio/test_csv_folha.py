"""CSV da folha: UTF-8 com BOM, ";" e vírgula decimal; lido pelo módulo csv, somas conferem."""
import csv
from dataclasses import replace
from decimal import Decimal as D
from io import StringIO

import pytest

from desktop.reports.magisterio import csv_folha
from desktop.reports.magisterio.dados import ItemFolha
from desktop.rules.folha.tipos import Linha

from . import amostras as a


def _ler(dados: bytes) -> list[dict]:
    assert dados.startswith(b"\xef\xbb\xbf")  # BOM: o Excel abre em UTF-8
    texto = dados.decode("utf-8-sig")
    assert "\r\n" in texto
    return list(csv.DictReader(StringIO(texto, newline=""), delimiter=";"))


def _d(texto: str) -> D:
    assert "." not in texto  # sem separador de milhar
    return D(texto.replace(",", ".")) if texto else D("0")


def _itens():
    itens = a.folha_pequena() + [ItemFolha(a.servidora(), a.contracheque_maria())]
    return itens


def test_formato_linhas_uma_por_servidor_e_rubrica_somas_conferem():
    itens = _itens()
    linhas = _ler(csv_folha.gerar(itens))
    assert len(linhas) == sum(len(cc.linhas) for _, cc in itens)
    assert sum(_d(l["Provento"]) for l in linhas) == sum(cc.proventos for _, cc in itens)
    assert sum(_d(l["Desconto"]) for l in linhas) == sum(cc.descontos for _, cc in itens)
    maria = [l for l in linhas if l["Matrícula"] == "004512"]
    assert len(maria) == 8
    venc = maria[0]
    assert venc == {
        "Competência": "03/2026", "Matrícula": "004512", "Nome": "Maria da Conceição Araújo",
        "CPF": "529.982.247-25", "Cargo": "Professor", "Nível": "Nível 3", "Classe": "B",
        "Jornada (h)": "40", "Lotação": "Escola Municipal Joaquim Nabuco", "Código": "001",
        "Rubrica": "Vencimento", "Natureza": "Provento", "Grupo": "Mensal", "Base": "3364,52",
        "Percentual (%)": "", "Quantidade": "30", "Provento": "3364,52", "Desconto": "",
        "Fundamento legal": "Lei 1.613/2004, arts. 20, 22 e Anexo I, tabela B",
    }
    irrf = next(l for l in maria if l["Código"] == "210")
    assert (irrf["Percentual (%)"], irrf["Desconto"], irrf["Provento"]) == ("27,5", "712,46", "")
    decimo = next(l for l in linhas if l["Código"] == "070")
    assert decimo["Grupo"] == "13º salário"


def test_formato_colunas_uma_linha_por_servidor_e_coluna_por_rubrica():
    itens = _itens()
    linhas = _ler(csv_folha.gerar(itens, formato="colunas"))
    assert len(linhas) == len(itens)
    colunas = list(linhas[0])
    assert "001 Vencimento (provento)" in colunas and "210 Imposto de renda retido na fonte (desconto)" in colunas
    assert colunas[-3:] == ["Total de proventos", "Total de descontos", "Líquido"]
    por_rubrica = {}
    for _, cc in itens:
        for l in cc.linhas:
            por_rubrica[l.codigo] = por_rubrica.get(l.codigo, D(0)) + l.valor
    for coluna in colunas[9:-3]:
        assert sum(_d(l[coluna]) for l in linhas) == por_rubrica[coluna[:3]], coluna
    assert sum(_d(l["Líquido"]) for l in linhas) == sum(cc.liquido for _, cc in itens)
    maria = next(l for l in linhas if l["Matrícula"] == "004512")
    assert maria["020 Gratificação de estímulo à regência (provento)"] == "504,68"
    assert maria["070 13º salário (provento)"] == ""
    assert maria["Líquido"] == "4638,66"


def test_texto_que_parece_formula_e_neutralizado():
    s, cc = a.folha_pequena()[0]
    cc = replace(cc, linhas=[*cc.linhas, Linha("150", "=HYPERLINK(\"x\")", a.DESC, D("1.00"), "-art. 1")])
    itens = [ItemFolha(a.servidora(nome="@Maria", lotacao="+Escola"), cc)]
    linhas = _ler(csv_folha.gerar(itens))
    assert linhas[0]["Nome"] == "'@Maria" and linhas[0]["Lotação"] == "'+Escola"
    ultima = next(l for l in linhas if l["Código"] == "150")
    assert ultima["Rubrica"] == "'=HYPERLINK(\"x\")" and ultima["Fundamento legal"] == "'-art. 1"


def test_formato_desconhecido():
    with pytest.raises(ValueError, match="linhas"):
        csv_folha.gerar(_itens(), formato="xlsx")
