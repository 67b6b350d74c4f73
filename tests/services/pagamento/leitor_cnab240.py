"""Leitor de CNAB 240 para os testes, escrito da tabela de posições FEBRABAN (v10), sem usar o gerador.

Segundo caminho de código, ao lado do leitor mantido ``farialimer`` (PyPI, especificação Folha de
Pagamento do BB, usado em test_remessa.py::test_remessa_lida_pelo_farialimer): campos descritos por
(início, fim) 1-based como no manual, fatiados da linha, conferindo a estrutura que o banco confere
(tamanho, sequência, contagens e somas dos trailers) e também os lotes de TED e da Caixa.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# (nome, início, fim) — posições do manual FEBRABAN 240, inclusive
HEADER_ARQUIVO = [("banco", 1, 3), ("lote", 4, 7), ("registro", 8, 8), ("tipo_inscricao", 18, 18),
                  ("inscricao", 19, 32), ("convenio", 33, 52), ("agencia", 53, 57), ("agencia_dv", 58, 58),
                  ("conta", 59, 70), ("conta_dv", 71, 71), ("empresa", 73, 102), ("nome_banco", 103, 132),
                  ("remessa", 143, 143), ("data", 144, 151), ("hora", 152, 157), ("nsa", 158, 163),
                  ("versao", 164, 166), ("densidade", 167, 171)]
HEADER_LOTE = [("banco", 1, 3), ("lote", 4, 7), ("registro", 8, 8), ("operacao", 9, 9), ("servico", 10, 11),
               ("forma", 12, 13), ("versao", 14, 16), ("inscricao", 19, 32), ("empresa", 73, 102)]
SEGMENTO_A = [("banco", 1, 3), ("lote", 4, 7), ("registro", 8, 8), ("seq", 9, 13), ("segmento", 14, 14),
              ("movimento", 15, 15), ("camara", 18, 20), ("banco_fav", 21, 23), ("agencia", 24, 28),
              ("agencia_dv", 29, 29), ("conta", 30, 41), ("conta_dv", 42, 42), ("nome", 44, 73),
              ("seu_numero", 74, 93), ("data_pagamento", 94, 101), ("moeda", 102, 104), ("valor", 120, 134)]
SEGMENTO_B = [("registro", 8, 8), ("seq", 9, 13), ("segmento", 14, 14), ("tipo_inscricao", 18, 18),
              ("inscricao", 19, 32)]
TRAILER_LOTE = [("lote", 4, 7), ("registro", 8, 8), ("quantidade", 18, 23), ("soma", 24, 41)]
TRAILER_ARQUIVO = [("lote", 4, 7), ("registro", 8, 8), ("lotes", 18, 23), ("registros", 24, 29)]


def _campos(linha: str, tabela) -> dict:
    return {nome: linha[ini - 1:fim].strip() for nome, ini, fim in tabela}


@dataclass
class Pagamento:
    nome: str
    cpf: str
    banco: str
    agencia: str
    conta: str
    conta_dv: str
    valor: Decimal
    data: date
    forma: str


@dataclass
class Arquivo:
    header: dict
    pagamentos: list[Pagamento]
    somas_lotes: list[Decimal]

    @property
    def total(self) -> Decimal:
        return sum((p.valor for p in self.pagamentos), Decimal("0"))


def ler(conteudo: bytes) -> Arquivo:
    texto = conteudo.decode("ascii")
    assert texto.endswith("\r\n")
    linhas = texto[:-2].split("\r\n")
    assert all(len(x) == 240 for x in linhas), "todo registro tem 240 posições"
    header = _campos(linhas[0], HEADER_ARQUIVO)
    assert header["registro"] == "0" and header["lote"] == "0000" and header["remessa"] == "1"
    trailer = _campos(linhas[-1], TRAILER_ARQUIVO)
    assert trailer["registro"] == "9" and trailer["lote"] == "9999"
    assert int(trailer["registros"]) == len(linhas)
    pagamentos, somas, lotes = [], [], 0
    i = 1
    while i < len(linhas) - 1:
        hl = _campos(linhas[i], HEADER_LOTE)
        assert hl["registro"] == "1" and hl["operacao"] == "C" and hl["servico"] == "30"
        lotes += 1
        assert int(hl["lote"]) == lotes
        inicio, i, seq, soma = i, i + 1, 0, Decimal("0")
        while linhas[i][7] == "3":
            a = _campos(linhas[i], SEGMENTO_A)
            b = _campos(linhas[i + 1], SEGMENTO_B)
            assert a["segmento"] == "A" and b["segmento"] == "B"
            assert int(a["seq"]) == seq + 1 and int(b["seq"]) == seq + 2
            seq += 2
            valor = Decimal(int(a["valor"])) / 100
            soma += valor
            d = a["data_pagamento"]
            pagamentos.append(Pagamento(a["nome"], b["inscricao"][-11:], a["banco_fav"], a["agencia"].lstrip("0"),
                                        a["conta"].lstrip("0"), a["conta_dv"], valor,
                                        date(int(d[4:]), int(d[2:4]), int(d[:2])), hl["forma"]))
            i += 2
        tl = _campos(linhas[i], TRAILER_LOTE)
        assert tl["registro"] == "5" and int(tl["lote"]) == lotes
        assert int(tl["quantidade"]) == i - inicio + 1
        assert Decimal(int(tl["soma"])) / 100 == soma
        somas.append(soma)
        i += 1
    assert int(trailer["lotes"]) == lotes
    return Arquivo(header, pagamentos, somas)
