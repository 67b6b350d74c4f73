"""Arquivo de remessa CNAB 240 (leiaute FEBRABAN) de pagamento de salários: serviço 30, segmentos A e B.

Estrutura: header de arquivo (registro 0), um lote por forma de lançamento — 01 crédito em
conta-corrente/salário e 05 crédito em poupança no próprio banco, 41 TED a outro banco (outra
titularidade) — cada um com header de lote (1), segmento A (3) e segmento B (3) por favorecido e
trailer de lote (5); trailer de arquivo (9). Linhas de 240 caracteres em ASCII maiúsculo sem acento,
terminadas em CR LF. O total de cada lote é a soma dos valores dos seus segmentos A.
Posições: "Layout Padrão FEBRABAN 240 posições", versão 10 (arquivo 103, lote 046) para o Banco do
Brasil, com o código do convênio no campo de 20 posições (033-052) no formato que o banco entregou.
A Caixa (104) lê o seu próprio leiaute do SIACC, "Pagamento de Salários" (arquivo 080, lote 041), que
muda o que o FEBRABAN deixa livre: nos headers, convênio de 6 dígitos (033-038) e, no do arquivo,
parâmetro de transmissão (039-040), ambiente "P" de produção (041) e versão 0000 (046-049); no do lote,
tipo e código do compromisso (039-044), o parâmetro (045-046) e o complemento do CEP em branco
(218-220, alfanumérico); no segmento A, número do documento de 6 dígitos (074-079: aqui, a ordem do
crédito no arquivo), tipo de conta do favorecido (093: 1 conta-corrente ou salário, 2 poupança), parcela
única à vista (147-154) e finalidade do DOC 00 (218-219: o DOC acabou em 2024); no segmento B, 226-240 em
branco (uso FEBRABAN na Caixa; o FEBRABAN genérico tem ali aviso, UG/SIAPE e ISPB).
Fontes da Caixa conferidas campo a campo (o manual oficial "Leiaute de Arquivo Padrão CNAB 240 —
Pagamento de Salários, Pagamento/Crédito a Fornecedor e Autopagamento" da Caixa não foi achado para
leitura): a especificação "Folha de Pagamento" da Caixa v036 do farialimer 0.1.0 (PyPI, MIT:
farialimer/specs/caixa/folha_pagamento.yaml) e os modelos do leiaute v032 (fev/2024) de RJ-SMTR/api-cct
(GitHub, commit 5735dc8: src/cnab/templates/cnab-240/104/ e src/cnab/enums/104/; a finalidade 00 vem do
commit 3a236ac6, "fix: invalid CNAB data for Caixa"). Ver docs/interpretacoes.md, "Arquivo do banco".
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

VERSAO_ARQUIVO = "103"   # FEBRABAN 240 v10.x
VERSAO_LOTE = "046"
CAIXA = "104"
VERSAO_ARQUIVO_CAIXA, VERSAO_LOTE_CAIXA = "080", "041"  # SIACC, Pagamento de Salários
AMBIENTE_PRODUCAO = "P"
SERVICO_SALARIOS = "30"
FORMA_CORRENTE, FORMA_POUPANCA, FORMA_TED = "01", "05", "41"
# Caixa, segmento A: tipo de conta do favorecido / finalidade da TED (093) e finalidade do DOC (218-219)
TIPO_CONTA_CAIXA = {"corrente": "1", "salario": "1", "poupanca": "2"}
FINALIDADE_DOC_CAIXA = "00"
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
    # só a Caixa: rules.pagamento.convenio
    parametro_transmissao: str = ""
    tipo_compromisso: str = ""
    codigo_compromisso: str = ""


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


def _conta_empresa(p: Pagador, convenio: str) -> str:
    """Convênio (20 posições, 033-052) e a conta debitada; na Caixa o DV da agência é numérico (0 sem dígito)."""
    agencia_dv = (p.agencia_dv or "0") if p.banco == CAIXA else alfa(p.agencia_dv, 1)
    return convenio + num(p.agencia, 5) + agencia_dv + num(p.conta, 12) + alfa(p.conta_dv, 1) + " "


def header_arquivo(p: Pagador, nsa: int, quando: datetime) -> str:
    if p.banco == CAIXA:
        convenio = (num(p.convenio, 6) + num(p.parametro_transmissao, 2) + AMBIENTE_PRODUCAO + " " + " " * 3
                    + "0000" + " " * 3)
        versao, fim = VERSAO_ARQUIVO_CAIXA, " " * 20 + " " * 20 + " " * 11 + " " * 3 + "000" + " " * 2 + " " * 10
    else:
        convenio, versao, fim = alfa(p.convenio, 20), VERSAO_ARQUIVO, " " * 20 + " " * 20 + " " * 29
    r = (num(p.banco, 3) + "0000" + "0" + " " * 9 + "2" + num(p.cnpj, 14) + _conta_empresa(p, convenio)
         + alfa(p.nome, 30) + alfa(NOMES_BANCOS.get(p.banco, ""), 30) + " " * 10 + "1"
         + quando.strftime("%d%m%Y") + quando.strftime("%H%M%S") + num(nsa, 6) + versao + "01600" + fim)
    return r


def header_lote(p: Pagador, lote: int, forma: str) -> str:
    if p.banco == CAIXA:
        convenio = (num(p.convenio, 6) + num(p.tipo_compromisso, 2) + num(p.codigo_compromisso, 4)
                    + num(p.parametro_transmissao, 2) + " " * 6)
        versao, uso_febraban, complemento_cep = VERSAO_LOTE_CAIXA, " " * 8, alfa("", 3)  # 218-220 X(003)
    else:
        convenio, versao, uso_febraban, complemento_cep = alfa(p.convenio, 20), VERSAO_LOTE, "01" + " " * 6, num(0, 3)
    return (num(p.banco, 3) + num(lote, 4) + "1" + "C" + SERVICO_SALARIOS + forma + versao + " " + "2"
            + num(p.cnpj, 14) + _conta_empresa(p, convenio) + alfa(p.nome, 30) + alfa("PAGAMENTO DE SALARIOS", 40)
            + alfa("", 30) + num(0, 5) + alfa("", 15) + alfa(p.municipio, 20) + num(0, 5) + complemento_cep
            + alfa(p.uf, 2) + uso_febraban + " " * 10)


def segmento_a(p: Pagador, lote: int, seq: int, c: Credito, forma: str, pagamento: date, documento: int = 0) -> str:
    """``documento``: a ordem do crédito no arquivo (1, 2, ...), o número do documento da Caixa (074-079)."""
    camara = "018" if forma == FORMA_TED else "000"
    inicio = (num(p.banco, 3) + num(lote, 4) + "3" + num(seq, 5) + "A" + "0" + "00" + camara + num(c.banco, 3)
              + num(c.agencia, 5) + alfa(c.agencia_dv, 1) + num(c.conta, 12) + alfa(c.conta_dv, 1) + " "
              + alfa(c.nome, 30))
    if p.banco == CAIXA:
        return (inicio + num(documento, 6) + " " * 13 + TIPO_CONTA_CAIXA.get(c.tipo_conta, "1")
                + pagamento.strftime("%d%m%Y") + "BRL" + num(0, 15)
                + centavos(c.valor, 15) + num(0, 9) + " " * 3 + "01" + "N" + "1" + pagamento.strftime("%d")
                + "00" + num(0, 8) + num(0, 15) + alfa("", 40) + FINALIDADE_DOC_CAIXA + " " * 10 + "0" + " " * 10)
    return (inicio + alfa(c.seu_numero, 20) + pagamento.strftime("%d%m%Y") + "BRL" + num(0, 15)
            + centavos(c.valor, 15) + alfa("", 20) + num(0, 8) + num(0, 15) + alfa("", 40) + alfa("", 2)
            + alfa("", 5) + alfa("", 2) + " " * 3 + "0" + " " * 10)


def segmento_b(p: Pagador, lote: int, seq: int, c: Credito) -> str:
    # 226-240: na Caixa, uso FEBRABAN em branco; no FEBRABAN genérico, aviso (226), UG/SIAPE e ISPB
    fim = " " * 15 if p.banco == CAIXA else "0" + alfa("", 6) + num(0, 8)
    return (num(p.banco, 3) + num(lote, 4) + "3" + num(seq, 5) + "B" + " " * 3 + "1" + num(c.cpf, 14)
            + alfa("", 30) + num(0, 5) + alfa("", 15) + alfa("", 15) + alfa("", 20) + num(0, 5) + num(0, 3)
            + alfa("", 2) + num(0, 8) + num(0, 15) * 5 + alfa("", 15) + fim)


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
    if pagador.banco == CAIXA and not (pagador.convenio.isdigit() and pagador.parametro_transmissao
                                       and pagador.tipo_compromisso and pagador.codigo_compromisso):
        raise ErroRemessa("O arquivo da Caixa pede o convênio de 6 dígitos, o parâmetro de transmissão e o tipo e "
                          "o código do compromisso.")
    grupos: dict[str, list[Credito]] = {}
    for c in creditos:
        if c.valor <= 0:
            raise ErroRemessa(f"Crédito de {c.nome} sem valor positivo ({c.valor}).")
        grupos.setdefault(forma_de(pagador, c), []).append(c)
    linhas = [header_arquivo(pagador, nsa, quando)]
    resumo: dict[str, tuple[int, Decimal]] = {}
    documento = 0
    for lote, forma in enumerate(sorted(grupos), 1):
        itens = grupos[forma]
        linhas.append(header_lote(pagador, lote, forma))
        seq, total = 0, Decimal("0.00")
        for c in itens:
            seq += 1
            documento += 1
            linhas.append(segmento_a(pagador, lote, seq, c, forma, pagamento, documento))
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
