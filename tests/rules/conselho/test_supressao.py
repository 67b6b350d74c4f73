"""Relatório trimestral: nenhuma célula publicada identifica uma criança (Lei 320/2023, art. 36).

Para cada tabela publicada, enumeram-se TODAS as tabelas verdadeiras compatíveis com o que foi publicado
(células visíveis, "< k" = 1 a k-1, "*" = k ou mais, a soma = o total publicado): nenhuma célula
suprimida pode ter um único valor possível. Os casos vêm de um gerador com semente (pequenas cidades).
"""
import itertools
import random
from datetime import date

import pytest

from desktop.rules.conselho.relatorio import (COMPLEMENTAR, PRIMARIA, Registro, agregar, publicar, suprimir,
                                              trimestre)

K = 5


def _possiveis(tab, total):
    """Os valores possíveis de cada célula suprimida, dado o que a tabela publicada mostra."""
    sup = [c for c in tab.celulas if c.marca]
    resto = total - sum(c.valor for c in tab.celulas if not c.marca)
    faixas = [range(1, K) if c.marca == PRIMARIA else range(K, resto + 1) for c in sup]
    valores = {c.rotulo: set() for c in sup}
    for combinacao in itertools.product(*faixas):
        if sum(combinacao) == resto:
            for c, v in zip(sup, combinacao):
                valores[c.rotulo].add(v)
    return valores


def _conferir(tab, linhas, total):
    verdade = dict(linhas)
    if tab.omitida:
        assert tab.celulas == ()
        return
    for c in tab.celulas:
        if c.marca == "":
            assert c.valor == verdade[c.rotulo] and (c.valor >= K or c.valor == 0)
        elif c.marca == PRIMARIA:
            assert 0 < verdade[c.rotulo] < K and c.texto(K) == "< 5"
        else:
            assert c.marca == COMPLEMENTAR and c.texto(K) == "*"
    if total is not None:
        for rotulo, possiveis in _possiveis(tab, total).items():
            assert verdade[rotulo] in possiveis
            assert len(possiveis) >= 2, (tab, rotulo, possiveis)  # nunca determinada pelo total


@pytest.mark.parametrize("semente", range(300))
def test_nenhuma_celula_identifica_uma_crianca(semente):
    rnd = random.Random(semente)
    n = rnd.randint(1, 6)
    linhas = [(f"Bairro {i}", rnd.choice((1, 1, 2, 3, 4, 5, 6, 9, 14))) for i in range(n)]
    total = sum(v for _, v in linhas)
    _conferir(suprimir("Registros por bairro", linhas, K, total), linhas, total)
    _conferir(suprimir("Direitos", linhas, K, None), linhas, None)


def test_casos_escritos_a_mao():
    # uma célula pequena e o total: a menor das outras é suprimida junto (senão 20 - 18 = 2 revelaria)
    t = suprimir("Por mês", [("jan", 10), ("fev", 2), ("mar", 8)], K, 20)
    assert [c.texto(K) for c in t.celulas] == ["10", "< 5", "*"]
    # duas pequenas que somam 2: cada uma seria 1 — suprime-se mais uma
    t = suprimir("Por bairro", [("A", 1), ("B", 1), ("C", 7), ("D", 9)], K, 18)
    assert [c.texto(K) for c in t.celulas] == ["< 5", "< 5", "*", "9"]
    # total abaixo do limiar: a tabela inteira é omitida (nem as categorias aparecem)
    assert suprimir("Por sexo", [("Feminino", 2), ("Masculino", 1)], K, 3).omitida
    # tudo grande: nada suprimido
    assert [c.texto(K) for c in suprimir("X", [("a", 5), ("b", 7)], K, 12).celulas] == ["5", "7"]
    # limiar 1: nada suprimido
    assert [c.texto(1) for c in suprimir("X", [("a", 1), ("b", 2)], 1, 3).celulas] == ["1", "2"]


def test_relatorio_inteiro_so_com_marginais_e_sem_celula_pequena():
    regs = [Registro(date(2026, 1, 5 + i % 20), "denuncia", ("Centro", "Vila Nova", "Ilha")[i % 3 if i < 12 else 0],
                     (date(2016, 1, 1) if i % 4 else date(2022, 1, 1),), ("vida_saude",), ("estado",), ("101-II",),
                     ("F" if i % 5 else "M",)) for i in range(23)]
    e = agregar(regs, *trimestre(2026, 1))
    publicadas = {t.nome: t for t in publicar(e, K)}
    totais = e.totais()
    for nome, linhas in e.tabelas():
        _conferir(publicadas[nome], linhas, totais.get(nome))
        for c in publicadas[nome].celulas:
            assert c.valor is None or c.valor >= K  # nenhuma contagem de 1 a 4 à mostra
    assert "Crianças e adolescentes por sexo" in publicadas
    assert not any("×" in n or " por bairro e " in n for n in publicadas)  # nenhum cruzamento
