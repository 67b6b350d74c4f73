"""Arquivo do banco (CNAB 240, pagamento de salários) a partir da folha fechada do Magistério ou da
folha dos conselheiros tutelares.

- ``convenio``/``definir_convenio``: o convênio do órgão com o banco (código de 20 posições, agência e
  conta debitada; na Caixa, convênio de 6 dígitos, parâmetro de transmissão e tipo e código do
  compromisso — rules.pagamento.convenio), guardado em ``configuracoes`` por folha e banco, com diário.
- ``conferir`` diz, sem gravar nada, quem entra no arquivo, quem fica de fora por não ter conta
  (``sem_conta``) e quem não tem líquido a receber.
- ``gerar`` monta o arquivo (``rules.pagamento.cnab240``). Havendo servidores sem conta, recusa com
  ``FaltamDadosBancarios`` (que traz a lista) até que ``deixar_de_fora_sem_conta=True`` confirme; o
  número sequencial do arquivo (NSA) avança por banco e folha, e a geração vai ao diário com o total
  e o SHA-256 do arquivo. O total do arquivo é a soma dos líquidos de quem entrou e das pensões
  alimentícias descontadas (nas duas folhas), cada uma creditada na conta do beneficiário.
Magistério: só de competência FECHADA (``MAGISTERIO_LER`` para conferir, ``MAGISTERIO_EDITAR`` para
gerar). Conselho: também só da competência FECHADA da folha dos conselheiros (``services.conselho.folha``;
``CONSELHO_LER`` para conferir, ``CONSELHO_MANDATOS`` para gerar).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Callable

from desktop.rules import formato
from desktop.rules.pagamento import banco as regras_banco
from desktop.rules.pagamento import cnab240
from desktop.rules.pagamento import convenio as regras_convenio
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import pagamento as armazem
from desktop.store.conselho import folha as armazem_conselho
from desktop.store.magisterio import complementar as armazem_complementar
from desktop.store.magisterio import descontos as armazem_descontos
from desktop.store.magisterio import folha as armazem_folha
from desktop.store.ids import novo_id

from .. import emissores
from ..folha_ciclo import mes
from ..sessao import ErroNegocio, Sessao

FOLHAS = {"magisterio": (Permissao.MAGISTERIO_LER, Permissao.MAGISTERIO_EDITAR),
          # a folha complementar do Magistério (services.magisterio.complementar): mesmo convênio e NSA
          "magisterio_complementar": (Permissao.MAGISTERIO_LER, Permissao.MAGISTERIO_EDITAR),
          "conselho": (Permissao.CONSELHO_LER, Permissao.CONSELHO_MANDATOS)}  # a folha é da administração
BANCOS_CNAB = ("001", "104")


class FaltamDadosBancarios(ErroNegocio):
    """Há quem não tenha conta cadastrada; ``pessoas`` lista (nome, identificação, líquido)."""

    def __init__(self, mensagem: str, pessoas: list[dict]):
        super().__init__(mensagem)
        self.pessoas = pessoas


@dataclass
class Conferencia:
    folha: str
    competencia: date
    creditos: list[cnab240.Credito] = field(default_factory=list)
    sem_conta: list[dict] = field(default_factory=list)      # {nome, identificacao, liquido}
    sem_liquido: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((c.valor for c in self.creditos), Decimal("0.00"))


@dataclass(frozen=True)
class ArquivoGerado:
    conteudo: bytes
    nome_sugerido: str
    nsa: int
    total: Decimal
    creditos: int
    deixados_de_fora: tuple[str, ...]
    sha256: str


def _folha(folha: str) -> tuple[Permissao, Permissao]:
    if folha not in FOLHAS:
        raise EntradaInvalida(f"Folha desconhecida: {folha!r}; use magisterio ou conselho.")
    return FOLHAS[folha]


def _linhas(sessao: Sessao, folha: str, comp: date) -> list[dict]:
    if folha == "magisterio_complementar":
        linhas = armazem_complementar.liquidos(sessao.db, f"{comp:%Y-%m}")
        if not linhas:
            raise ErroNegocio(f"A competência {formato.competencia(comp)} não tem folha complementar fechada.")
        for r in linhas:
            r["liquido"] = Decimal(r["liquido"]) / 100
            r["identificacao"] = f"{r['identificacao']} COMPL"
        return linhas
    if folha == "magisterio":
        k = armazem_folha.competencia(sessao.db, comp)
        if k is None or k["situacao"] != "fechada":
            raise ErroNegocio(f"A competência {formato.competencia(comp)} do Magistério não está fechada: o arquivo do banco sai "
                              "só da folha fechada (o que foi pago é o que foi gravado).")
        linhas = armazem.liquidos_magisterio(sessao.db, f"{comp:%Y-%m}")
        for r in linhas:
            r["liquido"] = Decimal(r["liquido"]) / 100
        return linhas
    k = armazem_conselho.competencia(sessao.db, comp)
    if k is None or k["situacao"] != "fechada":
        raise ErroNegocio(f"A competência {formato.competencia(comp)} da folha dos conselheiros não está fechada: o arquivo do banco "
                          "sai só da folha fechada (feche-a na aba Remuneração).")
    linhas = armazem_conselho.liquidos(sessao.db, f"{comp:%Y-%m}")
    for r in linhas:
        r["liquido"] = Decimal(r["liquido"]) / 100
        r["identificacao"] = f"CT {r['condicao'][:3].upper()} {r['ordem']}"
    return linhas


def conferir(sessao: Sessao, folha: str, competencia) -> Conferencia:
    """Quem entra no arquivo e quem fica de fora, sem gravar nada."""
    ler, _editar = _folha(folha)
    sessao.exigir(ler)
    comp = mes(competencia)
    c = Conferencia(folha, comp)
    for r in _linhas(sessao, folha, comp):
        if r["liquido"] <= 0:
            c.sem_liquido.append(r["nome"])
        elif not r["banco"]:
            c.sem_conta.append({"nome": r["nome"], "identificacao": r["identificacao"], "liquido": r["liquido"]})
        else:
            c.creditos.append(cnab240.Credito(
                r["nome"], r["cpf"] or "", r["banco"], r["agencia"], r["agencia_dv"] or "", r["conta"],
                r["conta_dv"] or "", r["tipo_conta"], r["liquido"], f"{r['identificacao']} {comp:%m%Y}"))
    if folha != "magisterio_complementar":  # a complementar não desconta pensão (docs/interpretacoes.md)
        _pensoes(sessao, folha, comp, c)
    return c


def _pensoes(sessao: Sessao, folha: str, comp: date, c: Conferencia) -> None:
    """O beneficiário de pensão alimentícia recebe o valor descontado na sua própria conta (crédito à parte
    do líquido do servidor ou do conselheiro); sem conta cadastrada, fica de fora como quem não tem conta."""
    if folha == "magisterio":
        pagas = [r | {"valor": Decimal(r["valor"]) / 100, "ident": f"PA {r['matricula']}"}
                 for r in armazem_descontos.pensoes_pagas(sessao.db, f"{comp:%Y-%m}")]
    else:
        pagas = [r | {"valor": Decimal(r["valor"]) / 100, "ident": f"PA CT {r['condicao'][:3].upper()} {r['ordem']}"}
                 for r in armazem_conselho.pensoes_pagas(sessao.db, f"{comp:%Y-%m}")]
    for r in pagas:
        valor, ident = r["valor"], r["ident"]
        if not r["banco"]:
            c.sem_conta.append({"nome": r["nome"], "identificacao": f"{ident} (pensão de {r['servidor']})",
                                "liquido": valor})
            continue
        c.creditos.append(cnab240.Credito(r["nome"], r["cpf"] or "", r["banco"], r["agencia"], r["agencia_dv"] or "",
                                          r["conta"], r["conta_dv"] or "", r["tipo_conta"], valor,
                                          f"{ident} {comp:%m%Y}"))


# -- convênio ------------------------------------------------------------------------------------------
def _chave(folha: str, banco: str) -> str:
    folha = "magisterio" if folha == "magisterio_complementar" else folha  # a complementar usa o mesmo convênio
    return f"pagamento.convenio.{folha}.{banco}"


def convenio(sessao: Sessao, folha: str, banco: str) -> dict | None:
    """O convênio gravado ({convenio, agencia, agencia_dv, conta, conta_dv}; na Caixa também
    parametro_transmissao, tipo_compromisso e codigo_compromisso) ou None."""
    sessao.exigir(_folha(folha)[0])
    valor = armazem.configuracao(sessao.db, _chave(folha, regras_banco.banco(banco)))
    return json.loads(valor) if valor else None


def definir_convenio(sessao: Sessao, folha: str, banco: str, *, convenio: str, agencia: str, agencia_dv: str,
                     conta: str, conta_dv: str, parametro_transmissao: str = "",
                     tipo_compromisso: str = regras_convenio.TIPO_COMPROMISSO_SALARIOS,
                     codigo_compromisso: str = "") -> dict:
    """Grava o convênio e a conta debitada do órgão para a folha e o banco (dígitos conferidos). Na Caixa o
    convênio tem 6 dígitos e vêm junto o parâmetro de transmissão e o tipo e o código do compromisso."""
    _ler, editar = _folha(folha)
    sessao.exigir(editar)
    b = regras_banco.banco(banco)
    if b not in BANCOS_CNAB:
        raise EntradaInvalida("O arquivo do banco é gerado para o Banco do Brasil (001) e a Caixa (104).")
    if b == regras_convenio.CAIXA:
        dados = regras_convenio.da_caixa(convenio, parametro_transmissao, tipo_compromisso, codigo_compromisso)
    else:
        dados = {"convenio": regras_convenio.codigo(b, convenio)}
    ag, agdv = regras_banco.agencia(b, agencia, agencia_dv)
    cc, ccdv = regras_banco.conta(b, conta, conta_dv)
    dados |= {"agencia": ag, "agencia_dv": agdv, "conta": cc, "conta_dv": ccdv}
    with sessao.mudanca(editar) as m:
        _gravar_configuracao(m, _chave(folha, b), json.dumps(dados, sort_keys=True))
    return dados


def _gravar_configuracao(m, chave: str, valor: str) -> None:
    """Grava em ``configuracoes`` e registra no diário a linha inteira (a conferência das tabelas contra o
    diário compara a linha atual com a última imagem)."""
    m.gravar("configuracoes", {"chave": chave, "valor": valor}, chave="chave")


# -- geração -------------------------------------------------------------------------------------------
def _lista(pessoas: list[dict], limite: int = 8) -> str:
    nomes = [f"{p['nome']} ({p['identificacao']})" for p in pessoas[:limite]]
    resto = len(pessoas) - limite
    return ", ".join(nomes) + (f" e mais {resto}" if resto > 0 else "")


def gerar(sessao: Sessao, folha: str, competencia, *, banco: str, data_pagamento: date,
          deixar_de_fora_sem_conta: bool = False, agora: Callable[[], datetime] = datetime.now) -> ArquivoGerado:
    """O arquivo CNAB 240 de pagamento de salários da folha; vai ao diário (total, NSA, SHA-256)."""
    _ler, editar = _folha(folha)
    sessao.exigir(editar)
    b = regras_banco.banco(banco)
    if b not in BANCOS_CNAB:
        raise EntradaInvalida("O arquivo do banco é gerado para o Banco do Brasil (001) e a Caixa (104).")
    if not isinstance(data_pagamento, date):
        raise EntradaInvalida("Informe a data do pagamento (dd/mm/aaaa).")
    if data_pagamento < agora().date():
        raise ErroNegocio(f"A data do pagamento ({formato.data(data_pagamento)}) já passou: o banco recusa crédito "
                          "com data anterior ao envio do arquivo.")
    conf = conferir(sessao, folha, competencia)
    if conf.sem_conta and not deixar_de_fora_sem_conta:
        total = sum((p["liquido"] for p in conf.sem_conta), Decimal("0"))
        raise FaltamDadosBancarios(
            f"{len(conf.sem_conta)} pessoa(s) sem conta bancária cadastrada ({formato.reais(total)} de líquido): "
            f"{_lista(conf.sem_conta)}. Cadastre os dados de pagamento ou confirme que ficam de fora do arquivo "
            "(o pagamento delas terá de ser feito à parte).", conf.sem_conta)
    if not conf.creditos:
        raise ErroNegocio("Ninguém desta folha tem conta cadastrada e líquido a receber: não há o que enviar ao banco.")
    convenio_de = "magisterio" if folha == "magisterio_complementar" else folha  # o mesmo convênio e NSA
    conv = convenio(sessao, convenio_de, b)
    if conv is None:
        raise ErroNegocio(f"Cadastre antes o convênio do órgão com o banco {b} (código, agência e conta debitada).")
    if b == regras_convenio.CAIXA and "codigo_compromisso" not in conv:
        raise ErroNegocio("O convênio da Caixa gravado é do leiaute antigo: informe de novo o convênio (6 dígitos), "
                          "o parâmetro de transmissão e o tipo e o código do compromisso que a agência deu ao órgão.")
    modulo = "conselho" if folha == "conselho" else "magisterio"
    orgao = emissores.do_modulo(sessao.db, modulo)
    pagador = cnab240.Pagador(b, orgao.cnpj, orgao.nome, conv["convenio"], conv["agencia"], conv["agencia_dv"],
                              conv["conta"], conv["conta_dv"], orgao.municipio, orgao.uf,
                              conv.get("parametro_transmissao", ""), conv.get("tipo_compromisso", ""),
                              conv.get("codigo_compromisso", ""))
    chave_nsa = f"pagamento.nsa.{convenio_de}.{b}"
    with sessao.mudanca(editar) as m:
        nsa = int(armazem.configuracao(m.db, chave_nsa) or 0) + 1
        try:
            remessa = cnab240.gerar(pagador, conf.creditos, data_pagamento, nsa, agora())
        except cnab240.ErroRemessa as e:
            raise ErroNegocio(f"O arquivo não pôde ser montado: {e}") from None
        _gravar_configuracao(m, chave_nsa, str(nsa))
        sha = hashlib.sha256(remessa.conteudo).hexdigest()
        m.registrar("pagamento_remessas", novo_id(), "evento", depois={
            "folha": folha, "competencia": f"{conf.competencia:%Y-%m}", "banco": b, "nsa": nsa,
            "data_pagamento": data_pagamento.isoformat(), "creditos": remessa.creditos, "total": str(remessa.total),
            "deixados_de_fora": [p["nome"] for p in conf.sem_conta], "sha256": sha})
    nome = f"remessa-{folha}-{conf.competencia:%Y-%m}-banco{b}-{nsa:06d}.rem"
    return ArquivoGerado(remessa.conteudo, nome, nsa, remessa.total, remessa.creditos,
                         tuple(p["nome"] for p in conf.sem_conta), sha)
