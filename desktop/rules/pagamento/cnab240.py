"""Arquivo de remessa CNAB 240 (leiaute FEBRABAN) de pagamento de salários: serviço 30, segmentos A e B.

Estrutura: header de arquivo (registro 0), um lote por forma de lançamento — 01 crédito em
conta-corrente/salário e 05 crédito em poupança no próprio banco, 41 TED a outro banco (outra
titularidade) — cada um com header de lote (1), segmento A (3) e segmento B (3) por favorecido e
trailer de lote (5); trailer de arquivo (9). Linhas de 240 caracteres em ASCII maiúsculo sem acento,
terminadas em CR LF. O total de cada lote é a soma dos valores dos seus segmentos A.
Posições: "Layout Padrão FEBRABAN 240 posições", versão 10 (arquivo 103, lote 046); o Banco do
Brasil e a Caixa aceitam o padrão com o código do convênio no campo de 20 posições (033-052) no
formato que o banco entregou ao órgão (docs/interpretacoes.md, "Arquivo do banco").
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

VERSAO_ARQUIVO = "103"   # FEBRABAN 240 v10.x
VERSAO_LOTE = "046"
SERVICO_SALARIOS = "30"
FORMA_CORRENTE, FORMA_POUPANCA, FORMA_TED = "01", "05", "41"
NOMES_FORMAS = {FORMA_CORRENTE: "crédito em conta-corrente ou conta-salário", FORMA_POUPANCA: "crédito em poupança",
                FORMA_TED: "TED para outro banco"}
NOMES_BANCOS = {"001": "BANCO DO BRASIL S.A.", "104": "CAIXA ECONOMICA FEDERAL"}


class ErroRemessa(ValueError):
    """Dado que não cabe no arquivo (valor grande demais, campo obrigatório vazio)."""


@dataclass(frozen=True)
class Pagador:
    banco: str          # 001 ou 104
    cnpj: str           # 14 dígitos
    nome: str
    convenio: str       # até 20 caracteres, como o banco entregou
    agencia: str
    agencia_dv: str
    conta: str
    conta_dv: str
    municipio: str = ""
    uf: str = ""


@dataclass(frozen=True)
class Credito:
    nome: str
    cpf: str            # 11 dígitos
    banco: str
    agencia: str
    agencia_dv: str
    conta: str
    conta_dv: str
    tipo_conta: str     # corrente | poupanca | salario
    valor: Decimal      # líquido, > 0
    seu_numero: str     # identificação no órgão (matrícula/competência)


def _ascii(texto: str) -> str:
    t = unicodedata.normalize("NFKD", str(texto or "")).encode("ascii", "ignore").decode("ascii")
    return "".join(c if 32 <= ord(c) < 127 else " " for c in t).upper()


def alfa(texto: str, tamanho: int) -> str:
    return _ascii(texto)[:tamanho].ljust(tamanho)


def num(valor, tamanho: int) -> str:
    t = str(valor or "0")
    if not t.isdigit():
        raise ErroRemessa(f"Campo numérico com caracteres não numéricos: {t!r}.")
    if len(t) > tamanho:
        raise ErroRemessa(f"O número {t} não cabe em {tamanho} posições.")
    return t.zfill(tamanho)


def centavos(valor: Decimal, tamanho: int) -> str:
    c = int((Decimal(valor) * 100).to_integral_value())
    return num(c, tamanho)


def forma_de(pagador: Pagador, c: Credito) -> str:
    if c.banco != pagador.banco:
        return FORMA_TED
    return FORMA_POUPANCA if c.tipo_conta == "poupanca" else FORMA_CORRENTE


def _conta_empresa(p: Pagador) -> str:
    return (alfa(p.convenio, 20) + num(p.agencia, 5) + alfa(p.agencia_dv, 1) + num(p.conta, 12)
            + alfa(p.conta_dv, 1) + " ")


def header_arquivo(p: Pagador, nsa: int, quando: datetime) -> str:
    r = (num(p.banco, 3) + "0000" + "0" + " " * 9 + "2" + num(p.cnpj, 14) + _conta_empresa(p)
         + alfa(p.nome, 30) + alfa(NOMES_BANCOS.get(p.banco, ""), 30) + " " * 10 + "1"
         + quando.strftime("%d%m%Y") + quando.strftime("%H%M%S") + num(nsa, 6) + VERSAO_ARQUIVO + "01600"
         + " " * 20 + " " * 20 + " " * 29)
    return r


def header_lote(p: Pagador, lote: int, forma: str) -> str:
    return (num(p.banco, 3) + num(lote, 4) + "1" + "C" + SERVICO_SALARIOS + forma + VERSAO_LOTE + " " + "2"
            + num(p.cnpj, 14) + _conta_empresa(p) + alfa(p.nome, 30) + alfa("PAGAMENTO DE SALARIOS", 40)
            + alfa("", 30) + num(0, 5) + alfa("", 15) + alfa(p.municipio, 20) + num(0, 5) + num(0, 3)
            + alfa(p.uf, 2) + "01" + " " * 6 + " " * 10)


def segmento_a(p: Pagador, lote: int, seq: int, c: Credito, forma: str, pagamento: date) -> str:
    camara = "018" if forma == FORMA_TED else "000"
    return (num(p.banco, 3) + num(lote, 4) + "3" + num(seq, 5) + "A" + "0" + "00" + camara + num(c.banco, 3)
            + num(c.agencia, 5) + alfa(c.agencia_dv, 1) + num(c.conta, 12) + alfa(c.conta_dv, 1) + " "
            + alfa(c.nome, 30) + alfa(c.seu_numero, 20) + pagamento.strftime("%d%m%Y") + "BRL" + num(0, 15)
            + centavos(c.valor, 15) + alfa("", 20) + num(0, 8) + num(0, 15) + alfa("", 40) + alfa("", 2)
            + alfa("", 5) + alfa("", 2) + " " * 3 + "0" + " " * 10)


def segmento_b(p: Pagador, lote: int, seq: int, c: Credito) -> str:
    return (num(p.banco, 3) + num(lote, 4) + "3" + num(seq, 5) + "B" + " " * 3 + "1" + num(c.cpf, 14)
            + alfa("", 30) + num(0, 5) + alfa("", 15) + alfa("", 15) + alfa("", 20) + num(0, 5) + num(0, 3)
            + alfa("", 2) + num(0, 8) + num(0, 15) * 5 + alfa("", 15) + "0" + alfa("", 6) + num(0, 8))


def trailer_lote(p: Pagador, lote: int, registros: int, total: Decimal) -> str:
    return (num(p.banco, 3) + num(lote, 4) + "5" + " " * 9 + num(registros, 6) + centavos(total, 18) + num(0, 18)
            + num(0, 6) + " " * 165 + " " * 10)


def trailer_arquivo(p: Pagador, lotes: int, registros: int) -> str:
    return num(p.banco, 3) + "9999" + "9" + " " * 9 + num(lotes, 6) + num(registros, 6) + num(0, 6) + " " * 205


@dataclass(frozen=True)
class Remessa:
    conteudo: bytes
    total: Decimal
    creditos: int
    lotes: dict[str, tuple[int, Decimal]]  # forma → (quantidade, total)


def gerar(pagador: Pagador, creditos: list[Credito], pagamento: date, nsa: int, quando: datetime) -> Remessa:
    """O arquivo inteiro. Valores não positivos não entram (quem não tem líquido não recebe crédito)."""
    if not creditos:
        raise ErroRemessa("Não há crédito a pagar: o arquivo ficaria vazio.")
    grupos: dict[str, list[Credito]] = {}
    for c in creditos:
        if c.valor <= 0:
            raise ErroRemessa(f"Crédito de {c.nome} sem valor positivo ({c.valor}).")
        grupos.setdefault(forma_de(pagador, c), []).append(c)
    linhas = [header_arquivo(pagador, nsa, quando)]
    resumo: dict[str, tuple[int, Decimal]] = {}
    for lote, forma in enumerate(sorted(grupos), 1):
        itens = grupos[forma]
        linhas.append(header_lote(pagador, lote, forma))
        seq, total = 0, Decimal("0.00")
        for c in itens:
            seq += 1
            linhas.append(segmento_a(pagador, lote, seq, c, forma, pagamento))
            seq += 1
            linhas.append(segmento_b(pagador, lote, seq, c))
            total += c.valor
        linhas.append(trailer_lote(pagador, lote, seq + 2, total))
        resumo[forma] = (len(itens), total)
    linhas.append(trailer_arquivo(pagador, len(grupos), len(linhas) + 1))
    for n, linha in enumerate(linhas, 1):
        if len(linha) != 240:
            raise AssertionError(f"registro {n} com {len(linha)} posições")  # defeito do gerador, não do usuário
    total = sum((t for _q, t in resumo.values()), Decimal("0.00"))
    return Remessa(("\r\n".join(linhas) + "\r\n").encode("ascii"), total, len(creditos), resumo)
