"""Fuzz (hypothesis) da importação: planilhas CSV com células hostis nunca dão rastro do Python.

Cada exemplo é um CSV com o cabeçalho do modelo e algumas linhas de células sorteadas (texto com
caracteres de controle, fórmulas, aspas, separadores, números enormes, datas impossíveis, textos
longos), numa codificação sorteada. A análise devolve sempre um relatório em português; cada erro
de linha diz a linha; o relatório exportado em CSV não tem célula que uma planilha execute.
"""
import csv
import io
import random

from hypothesis import HealthCheck, given, settings, strategies as st

from desktop.rules.validacao import formatar_cpf
from desktop.services.demo import cpf_ficticio
from desktop.services.magisterio import importacao
from tests.services.magisterio.conftest import ler_csv

CABECALHO = ["Nome", "CPF", "Matrícula", "Cargo", "Admissão", "Jornada", "Titulação", "Nível", "Escola",
             "Nascimento", "Data da lotação", "Dependentes IRRF", "Sexo", "Telefone", "E-mail"]
_RND = random.Random(19)
BOAS = ["Ana Souza", formatar_cpf(cpf_ficticio(_RND)), "7001", "professora", "03/02/2015", "20",
        "licenciatura plena", "3", "Escola Municipal Castro Alves", "12/05/1985", "03/02/2015", "0", "F",
        "(73) 3525-0000", "ana@exemplo.org"]
_HOSTIS = st.sampled_from([
    "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "\x00", "a\x00b", "\x1b[31m", "\t=1", "\r\n",
    "9" * 40, "1e999", "-1", "31/02/2020", "00/00/0000", "2026-13-01", "'", "\"", ";", ",", "A" * 1500,
    "ção", "🙂", "\ufeff", "NE", "IV", "auxiliar de ensino", "40 horas", "", " "])
CELULAS = st.one_of(_HOSTIS, st.text(max_size=30), st.integers(-10 ** 30, 10 ** 30).map(str))


def _csv(linhas: list[list[str]], separador: str) -> str:
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter=separador, lineterminator="\r\n")
    w.writerow(CABECALHO)
    w.writerows(linhas)
    return buffer.getvalue()


@settings(max_examples=400, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(linhas=st.lists(st.lists(st.tuples(st.integers(0, len(CABECALHO) - 1), CELULAS), max_size=4),
                       min_size=1, max_size=4),
       codificacao=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
       separador=st.sampled_from([";", ",", "\t"]))
def test_importacao_nunca_da_rastro(sessao, tmp_path_factory, linhas, codificacao, separador):
    planilha = []
    for trocas in linhas:
        linha = list(BOAS)
        for coluna, valor in trocas:
            linha[coluna] = valor
        planilha.append(linha)
    texto = _csv(planilha, separador)
    try:
        bruto = texto.encode(codificacao)
    except UnicodeEncodeError:
        bruto = texto.encode("utf-8")
    pasta = tmp_path_factory.mktemp("fuzz")
    arq = pasta / "servidores.csv"
    arq.write_bytes(bruto)
    rel = importacao.analisar(sessao, arq)           # nunca levanta
    assert rel.resumo()
    for e in rel.erros:
        assert e.mensagem and "Traceback" not in e.mensagem and "Error" not in e.mensagem
    for x in rel.linhas:
        assert all(e.linha == x.numero for e in x.erros)
        if x.ok:
            assert not x.dados["nome"].startswith(("=", "+", "-", "@")) and "\x00" not in x.dados["nome"]
    for linha in ler_csv(importacao.relatorio_csv(rel)):
        assert not [c for c in linha if c[:1] in ("=", "+", "-", "@", "\t", "\r")], linha
