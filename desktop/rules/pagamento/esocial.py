"""Eventos do eSocial (leiaute S-1.3, ``v_S_01_03_00``) de uma folha: S-1010, S-1200, S-1202, S-1210, S-1299.

Cada evento é um documento XML próprio (raiz ``eSocial`` no namespace do evento), montado com lxml a
partir de dados simples; nada de base nem de arquivo aqui. A validação contra os XSD oficiais e a
assinatura ficam em ``desktop.services.pagamento.esocial``.

- S-1010 (tabela de rubricas): natureza (Tabela 03) e incidências vêm do catálogo de rubricas
  (``db/rubricas``): ``codIncCP``/``codIncCPRP``/``codIncIRRF`` pelo mapa de ``incidencias`` abaixo.
- S-1200 (remuneração RGPS) e S-1202 (remuneração RPPS): um demonstrativo (``dmDev``) por
  trabalhador, com as rubricas de valor positivo do contracheque.
- S-1210 (pagamentos): o líquido de cada demonstrativo, na data do pagamento.
- S-1299 (fechamento): declara que há remuneração e pagamentos no período.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Sequence

from lxml import etree

VERSAO = "v_S_01_03_00"
NS = "http://www.esocial.gov.br/schema/evt/{evento}/" + VERSAO
EVENTOS = {"S-1010": "evtTabRubrica", "S-1200": "evtRemun", "S-1202": "evtRmnRPPS", "S-1210": "evtPgtos",
           "S-1299": "evtFechaEvPer"}
CATEGORIA_ESTATUTARIO = "301"   # servidor titular de cargo efetivo (Tabela 01)
CATEGORIA_CONSELHEIRO = "771"
CR_MENSAL = "056107"            # IRRF mensal, 13º e férias do trabalho assalariado (TS_CR_IR)
CR_RRA = "188901"               # rendimentos recebidos acumuladamente
TP_REND_RRA = "18"   # membro de conselho tutelar (Lei 8.069/1990) — contribuinte individual
TP_PGTO = {"S-1200": "1", "S-1202": "4"}


@dataclass(frozen=True)
class Empregador:
    cnpj: str             # 14 dígitos; ideEmpregador leva a raiz (8): órgão municipal não é da adm. direta federal
    tp_amb: str = "2"     # 1 produção; 2 produção restrita (testes)
    ver_proc: str = "Paco"


@dataclass(frozen=True)
class Rubrica:
    """Uma rubrica do catálogo, com o que o S-1010 pede."""
    codigo: str
    tabela: str
    nome: str
    natureza: str          # P ou D
    natureza_esocial: str
    incide_previdencia: str  # sim | nao | regime
    incide_irrf: str         # mensal | 13 | nao
    grupo_13: bool = False   # rubrica do 13º (base 12 em vez de 11)


@dataclass(frozen=True)
class ItemRemuneracao:
    codigo: str
    tabela: str
    valor: Decimal


@dataclass(frozen=True)
class PensaoIR:
    """Pensão alimentícia descontada no demonstrativo e deduzida da base do IRRF (Lei 9.250/1995, art. 4º, II):
    vai ao S-1210 em ``infoIRComplem/infoIRCR/penAlim`` e o alimentando em ``infoDep``."""
    cpf: str                # do alimentando (11 dígitos)
    nome: str
    valor: Decimal
    tp_rend: str = "11"     # 11 mensal, 12 13º, 13 férias, 14 PLR; num demonstrativo de RRA vira 18


@dataclass(frozen=True)
class InfoRRA:
    """Demonstrativo de rendimentos recebidos acumuladamente (Lei 7.713/1988, art. 12-A): ``indRRA`` e
    ``infoRRA`` no S-1200/S-1202, código de receita 188901 no S-1210."""
    descricao: str
    meses: int
    tp_proc: str = "1"            # 1 administrativo, 2 judicial
    nr_proc: str | None = None    # obrigatório no judicial (20 dígitos)


@dataclass(frozen=True)
class Demonstrativo:
    """Um demonstrativo de valores devidos (dmDev), de qualquer folha (magistério, conselho)."""
    cpf: str
    ide_dm_dev: str
    categoria: str
    itens: tuple[ItemRemuneracao, ...]
    liquido: Decimal
    matricula: str | None = None
    lotacao: str = ""       # codLotacao (S-1200): o código da tabela S-1020 do órgão
    pensoes: tuple[PensaoIR, ...] = ()
    rra: InfoRRA | None = None


# Códigos das rubricas que são o próprio desconto previdenciário e o IRRF (catálogo comum).
_DESCONTO_PREVIDENCIA = {"9201"}
_DESCONTO_IRRF = {"9203"}
_PENSAO_ALIMENTICIA = {"9213"}  # dedução da base do IRRF (Lei 9.250/1995, art. 4º, II): codIncIRRF 51/52


def incidencias(r: Rubrica) -> dict[str, str]:
    """codIncCP (RGPS), codIncCPRP (RPPS), codIncIRRF (Tabela 21) e codIncFGTS da rubrica.

    Proventos e descontos que mexem na base (faltas): 11 mensal / 12 13º; 'regime' (terço de férias):
    base do INSS, não do RPPS; os descontos da própria contribuição: 31/32 (CP e RPPS) e 41/42 no IRRF
    (previdência oficial, dedutível); o IRRF retido: 31/32; a pensão alimentícia (9213): 51/52 no IRRF. FGTS: 00 (estatutários e conselheiros)."""
    treze = r.grupo_13
    if r.natureza_esocial in _DESCONTO_PREVIDENCIA:
        cp = rp = "32" if treze else "31"
        ir = "42" if treze else "41"
    elif r.natureza_esocial in _DESCONTO_IRRF:
        cp = rp = "00"
        ir = "32" if treze else "31"
    elif r.natureza_esocial in _PENSAO_ALIMENTICIA:
        cp = rp = "00"
        ir = "52" if treze else "51"
    else:
        base = "12" if treze else "11"
        cp = base if r.incide_previdencia in ("sim", "regime") else "00"
        rp = base if r.incide_previdencia == "sim" else "00"
        ir = {"mensal": "11", "13": "12"}.get(r.incide_irrf, "00")
    return {"codIncCP": cp, "codIncCPRP": rp, "codIncIRRF": ir, "codIncFGTS": "00"}


def id_evento(cnpj: str, quando: datetime, sequencia: int) -> str:
    """ID + tipo de inscrição (1) + inscrição em 14 posições (a raiz do CNPJ completada com zeros, como
    em ideEmpregador) + aaaammddhhmmss + sequencial (5): 36 caracteres."""
    return f"ID1{cnpj[:8]}000000{quando:%Y%m%d%H%M%S}{sequencia:05d}"


def _empregador(ev, emp: Empregador) -> None:
    ide = _q(ev, "ideEmpregador")
    _q(ide, "tpInsc", "1")
    _q(ide, "nrInsc", emp.cnpj[:8])


def _q(pai, nome: str, texto=None):
    ns = etree.QName(pai).namespace
    el = etree.SubElement(pai, f"{{{ns}}}{nome}" if ns else nome)
    if texto is not None:
        el.text = str(texto)
    return el


def _novo(evento: str, id_: str):
    tag = EVENTOS[evento]
    ns = NS.format(evento=tag)
    raiz = etree.Element(f"{{{ns}}}eSocial", nsmap={None: ns})
    ev = etree.SubElement(raiz, f"{{{ns}}}{tag}")
    ev.set("Id", id_)
    return raiz, ev


def _valor(v: Decimal) -> str:
    return f"{Decimal(v).quantize(Decimal('0.01'))}"


def s1010(emp: Empregador, r: Rubrica, ini_valid: str, id_: str):
    raiz, ev = _novo("S-1010", id_)
    ide = _q(ev, "ideEvento")
    _q(ide, "tpAmb", emp.tp_amb)
    _q(ide, "procEmi", "1")
    _q(ide, "verProc", emp.ver_proc)
    _empregador(ev, emp)
    inclusao = _q(_q(ev, "infoRubrica"), "inclusao")
    ider = _q(inclusao, "ideRubrica")
    _q(ider, "codRubr", r.codigo)
    _q(ider, "ideTabRubr", r.tabela)
    _q(ider, "iniValid", ini_valid)
    dados = _q(inclusao, "dadosRubrica")
    _q(dados, "dscRubr", r.nome[:100])
    _q(dados, "natRubr", r.natureza_esocial)
    _q(dados, "tpRubr", "1" if r.natureza == "P" else "2")
    inc = incidencias(r)
    _q(dados, "codIncCP", inc["codIncCP"])
    _q(dados, "codIncIRRF", inc["codIncIRRF"])
    _q(dados, "codIncFGTS", inc["codIncFGTS"])
    _q(dados, "codIncCPRP", inc["codIncCPRP"])
    return raiz


def _ide_folha(ev, emp: Empregador, per_apur: str, *, retificacao: bool = True, apuracao: bool = True):
    ide = _q(ev, "ideEvento")
    if retificacao:
        _q(ide, "indRetif", "1")
    if apuracao:
        _q(ide, "indApuracao", "1")
    _q(ide, "perApur", per_apur)
    _q(ide, "tpAmb", emp.tp_amb)
    _q(ide, "procEmi", "1")
    _q(ide, "verProc", emp.ver_proc)


def _itens(pai, d: Demonstrativo) -> None:
    for i in d.itens:
        if i.valor <= 0:
            continue
        it = _q(pai, "itensRemun")
        _q(it, "codRubr", i.codigo)
        _q(it, "ideTabRubr", i.tabela)
        _q(it, "vrRubr", _valor(i.valor))
        _q(it, "indApurIR", "0")


def _lista(d: "Demonstrativo | Sequence[Demonstrativo]") -> list["Demonstrativo"]:
    dms = [d] if isinstance(d, Demonstrativo) else list(d)
    if not dms or len({x.cpf for x in dms}) != 1:
        raise ValueError("Informe os demonstrativos de UM trabalhador.")
    return dms


def s1200(emp: Empregador, per_apur: str, d: Demonstrativo | Sequence[Demonstrativo], id_: str):
    """Remuneração de trabalhador vinculado ao RGPS (aqui: o conselheiro tutelar, ou o servidor quando a
    folha do magistério recolhe ao INSS). Um evento por trabalhador e período, com todos os demonstrativos."""
    dms = _lista(d)
    raiz, ev = _novo("S-1200", id_)
    _ide_folha(ev, emp, per_apur)
    _empregador(ev, emp)
    _q(_q(ev, "ideTrabalhador"), "cpfTrab", dms[0].cpf)
    for x in dms:
        dm = _q(ev, "dmDev")
        _q(dm, "ideDmDev", x.ide_dm_dev)
        _q(dm, "codCateg", x.categoria)
        _rra(dm, x)
        estab = _q(_q(dm, "infoPerApur"), "ideEstabLot")
        _q(estab, "tpInsc", "1")
        _q(estab, "nrInsc", emp.cnpj)
        _q(estab, "codLotacao", x.lotacao or "1")
        remun = _q(estab, "remunPerApur")
        if x.matricula and x.categoria != CATEGORIA_CONSELHEIRO:
            _q(remun, "matricula", x.matricula)
        _itens(remun, x)
    return raiz


def s1202(emp: Empregador, per_apur: str, d: Demonstrativo | Sequence[Demonstrativo], id_: str):
    """Remuneração de servidor vinculado a RPPS: um evento por servidor e período, com todos os demonstrativos."""
    dms = _lista(d)
    raiz, ev = _novo("S-1202", id_)
    _ide_folha(ev, emp, per_apur)
    _empregador(ev, emp)
    _q(_q(ev, "ideTrabalhador"), "cpfTrab", dms[0].cpf)
    for x in dms:
        dm = _q(ev, "dmDev")
        _q(dm, "ideDmDev", x.ide_dm_dev)
        _q(dm, "codCateg", x.categoria)
        _rra(dm, x)
        estab = _q(_q(dm, "infoPerApur"), "ideEstab")
        _q(estab, "tpInsc", "1")
        _q(estab, "nrInsc", emp.cnpj)
        remun = _q(estab, "remunPerApur")
        if x.matricula:
            _q(remun, "matricula", x.matricula)
        _itens(remun, x)
    return raiz


def _rra(dm, d: Demonstrativo) -> None:
    if d.rra is None:
        return
    _q(dm, "indRRA", "S")
    info = _q(dm, "infoRRA")
    _q(info, "tpProcRRA", d.rra.tp_proc)
    if d.rra.nr_proc:
        _q(info, "nrProcRRA", d.rra.nr_proc)
    _q(info, "descRRA", d.rra.descricao[:50])
    _q(info, "qtdMesesRRA", str(max(1, d.rra.meses)))


def s1210(emp: Empregador, per_apur: str, d: Demonstrativo | Sequence[Demonstrativo], origem: str,
          data_pagamento: date, id_: str):
    """Pagamento do líquido de cada demonstrativo do beneficiário (``origem``: S-1200 ou S-1202) — um
    evento por CPF e período, com todos os demonstrativos dele (o mensal, o de RRA, o de uma folha
    complementar). Havendo pensão alimentícia, ``infoIRComplem``: o alimentando em ``infoDep`` e a
    dedução em ``infoIRCR/penAlim`` (obrigatórios desde 2025-01, quando a rubrica tem codIncIRRF 51-54),
    no código de receita do demonstrativo (056107 ou, no RRA, 188901 com tpRend 18)."""
    dms = _lista(d)
    raiz, ev = _novo("S-1210", id_)
    _ide_folha(ev, emp, per_apur, apuracao=False)
    _empregador(ev, emp)
    benef = _q(ev, "ideBenef")
    _q(benef, "cpfBenef", dms[0].cpf)
    for x in dms:
        pg = _q(benef, "infoPgto")
        _q(pg, "dtPgto", data_pagamento.isoformat())
        _q(pg, "tpPgto", TP_PGTO[origem])
        _q(pg, "perRef", per_apur)
        _q(pg, "ideDmDev", x.ide_dm_dev)
        _q(pg, "vrLiq", _valor(max(x.liquido, Decimal("0"))))
    _ir_complementar(benef, dms)
    return raiz


def _ir_complementar(benef, dms: list[Demonstrativo]) -> None:
    """``infoIRComplem`` com as pensões alimentícias dos demonstrativos (somadas por CR, tipo e alimentando)."""
    por_cr: dict[str, dict[tuple[str, str], Decimal]] = {}
    nomes: dict[str, str] = {}
    for x in dms:
        cr = CR_RRA if x.rra is not None else CR_MENSAL
        for p in x.pensoes:
            if p.valor <= 0:
                continue
            tp = TP_REND_RRA if x.rra is not None else p.tp_rend
            chave = (tp, p.cpf)
            por_cr.setdefault(cr, {})[chave] = por_cr.get(cr, {}).get(chave, Decimal("0")) + p.valor
            nomes.setdefault(p.cpf, p.nome)
    if not por_cr:
        return
    comp = _q(benef, "infoIRComplem")
    for cpf, nome in nomes.items():
        dep = _q(comp, "infoDep")
        _q(dep, "cpfDep", cpf)
        if nome and len(nome.strip()) >= 2:
            _q(dep, "nome", nome.strip()[:70])
    for cr in sorted(por_cr):
        ircr = _q(comp, "infoIRCR")
        _q(ircr, "tpCR", cr)
        for (tp, cpf), valor in sorted(por_cr[cr].items()):
            pen = _q(ircr, "penAlim")
            _q(pen, "tpRend", tp)
            _q(pen, "cpfDep", cpf)
            _q(pen, "vlrDedPenAlim", _valor(valor))


def s1299(emp: Empregador, per_apur: str, remuneracao: bool, pagamentos: bool, id_: str):
    raiz, ev = _novo("S-1299", id_)
    _ide_folha(ev, emp, per_apur, retificacao=False)
    _empregador(ev, emp)
    info = _q(ev, "infoFech")
    _q(info, "evtRemun", "S" if remuneracao else "N")
    _q(info, "evtPgtos", "S" if pagamentos else "N")
    _q(info, "evtComProd", "N")
    _q(info, "evtContratAvNP", "N")
    _q(info, "evtInfoComplPer", "N")
    return raiz


def bytes_xml(raiz) -> bytes:
    return etree.tostring(raiz, xml_declaration=True, encoding="UTF-8")
