"""Eventos periódicos do eSocial de uma folha fechada, gerados offline e validados nos XSD oficiais S-1.3.

- Magistério (competência FECHADA): S-1202 por servidor quando a competência foi fechada com RPPS
  (``configuracao.previdencia == 'rpps'``), S-1200 quando com INSS; categoria 301.
- Conselho Tutelar (competência FECHADA da folha dos conselheiros): S-1200 por conselheiro (categoria 771, RGPS).
- Em ambos: S-1210 com o líquido de cada demonstrativo na data do pagamento, S-1299 de fechamento e
  S-1010 com cada rubrica do catálogo (natureza e incidências de ``db/rubricas``).
Cada evento é validado contra o XSD do leiaute ``v_S_01_03_00`` (lxml); com um certificado A1 (.pfx) os
eventos saem assinados (signxml, RSA-SHA256, como o eSocial pede). Sem certificado, saem sem assinatura
— o XSD oficial exige ``ds:Signature``, e essa é a única falta tolerada, dita no resultado — para o
programa de transmissão do órgão assinar. A transmissão fica fora do Paço.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Callable

from lxml import etree

from desktop import PASTA_RECURSOS
from desktop.rules.folha.codigos import IRRF_RRA, PENSAO_ALIMENTICIA
from desktop.rules.magisterio.codigos import DIFERENCA_13_RRA, DIFERENCA_REAJUSTE_RRA
from desktop.rules.pagamento import esocial as ev
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import rubricas as armazem_rubricas
from desktop.store.conselho import folha as armazem_conselho
from desktop.store.magisterio import descontos as armazem_descontos
from desktop.store.magisterio import complementar as armazem_complementar
from desktop.store.magisterio import folha as armazem_folha
from desktop.store.ids import novo_id

from .. import emissores
from ..sessao import ErroNegocio, Sessao
from desktop.rules import formato

ENV_XSD = "PACO_ESOCIAL_XSD"
_FALTA_ASSINATURA = "Missing child element(s). Expected is ( {http://www.w3.org/2000/09/xmldsig#}Signature )"
Andamento = Callable[[int, int], None]  # andamento(feito, total); o Progresso das telas (widgets.tarefa) é outra coisa


def pasta_xsd() -> Path | None:
    """Onde estão os XSD do leiaute: ``PACO_ESOCIAL_XSD``, ``resources/esocial/xsd/v_S_01_03_00`` ou None."""
    for candidato in (os.environ.get(ENV_XSD), PASTA_RECURSOS / "esocial" / "xsd" / ev.VERSAO):
        if candidato and (Path(candidato) / "tipos.xsd").is_file():
            return Path(candidato)
    return None


@cache
def _esquema(pasta: str, evento: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(Path(pasta) / f"{ev.EVENTOS[evento]}.xsd")))


def validar(evento: str, xml: bytes) -> list[str]:
    """Erros do XML contra o XSD oficial do evento (lista vazia = válido). A falta da assinatura não
    conta como erro (o evento sem certificado é assinado por quem transmite)."""
    pasta = pasta_xsd()
    if pasta is None:
        raise ErroNegocio("Os esquemas XSD do eSocial (leiaute S-1.3, v_S_01_03_00) não estão instalados: veja "
                          "resources/esocial/xsd/README.md. Sem eles os eventos não são validados.")
    esquema = _esquema(str(pasta), evento)
    esquema.validate(etree.fromstring(xml))
    return [f"linha {e.line}: {e.message}" for e in esquema.error_log if _FALTA_ASSINATURA not in e.message]


@dataclass
class LoteESocial:
    competencia: date
    eventos: list[tuple[str, bytes]] = field(default_factory=list)   # (nome do arquivo, XML)
    assinados: bool = False
    sem_cpf: list[str] = field(default_factory=list)
    validados: int = 0

    def zip(self) -> bytes:
        saida = io.BytesIO()
        with zipfile.ZipFile(saida, "w", zipfile.ZIP_DEFLATED) as z:
            for nome, xml in self.eventos:
                z.writestr(nome, xml)
        return saida.getvalue()

    def contagem(self) -> dict[str, int]:
        c: dict[str, int] = {}
        for nome, _x in self.eventos:
            tipo = nome.split("-")[0] + "-" + nome.split("-")[1]
            c[tipo] = c.get(tipo, 0) + 1
        return c


class _Assinador:
    """O certificado A1 aberto uma vez. A chave vai à signxml como objeto já carregado: em PEM, ela é
    relida e conferida a cada evento (~65 ms por assinatura aqui, contra ~0,5 ms)."""

    def __init__(self, pfx: bytes, senha: str):
        from cryptography.hazmat.primitives.serialization import pkcs12
        from signxml import XMLSigner, methods

        try:
            chave, cert, _outros = pkcs12.load_key_and_certificates(pfx, (senha or "").encode() or None)
        except (ValueError, TypeError):
            raise EntradaInvalida("Não foi possível abrir o certificado A1: confira o arquivo .pfx e a senha.") from None
        if chave is None or cert is None:
            raise EntradaInvalida("O arquivo .pfx não traz a chave e o certificado.")
        self.chave, self.cert = chave, [cert]
        self._signer = XMLSigner(method=methods.enveloped, signature_algorithm="rsa-sha256", digest_algorithm="sha256",
                                 c14n_algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315")

    def assinar(self, raiz):
        return self._signer.sign(raiz, key=self.chave, cert=self.cert)


def _rubricas(folha: str) -> list[ev.Rubrica]:
    cat = armazem_rubricas.catalogo(folha)
    saida = []
    for r in cat.rubricas.values():
        treze = r.incide_irrf == "13" or ("13º" in r.nome and r.natureza_esocial in ("9201", "9203"))
        saida.append(ev.Rubrica(r.codigo, cat.tabela, r.nome, r.natureza, r.natureza_esocial, r.incide_previdencia,
                                r.incide_irrf, treze))
    return saida


_RRA_MAGISTERIO = {DIFERENCA_REAJUSTE_RRA, DIFERENCA_13_RRA, IRRF_RRA}  # diferenças de ano anterior e o IRRF delas


def _demonstrativos_magisterio(sessao: Sessao, comp: date) -> tuple[list[ev.Demonstrativo], str, list[str]]:
    k = armazem_folha.competencia(sessao.db, comp)
    if k is None or k["situacao"] != "fechada":
        raise ErroNegocio(f"A competência {formato.competencia(comp)} do Magistério não está fechada: os eventos do eSocial saem só "
                          "da folha fechada.")
    previdencia = k["configuracao"].get("previdencia", "rpps")
    origem = "S-1202" if previdencia == "rpps" else "S-1200"
    tabela = armazem_rubricas.catalogo("magisterio").tabela
    cabecas = armazem_folha.liquidos_gravados(sessao.db, k["id"])
    linhas: dict[str, list[dict]] = {c["id"]: [] for c in cabecas}
    for r in armazem_folha.linhas_gravadas(sessao.db, k["id"]):
        linhas[r["contracheque_id"]].append(dict(r))
    pensoes = {r["desconto_id"]: r for r in armazem_descontos.pensoes_pagas(sessao.db, f"{comp:%Y-%m}")}
    fontes = [(c, linhas[c["id"]], "") for c in cabecas] + _complementar(sessao, comp)
    dms, sem_cpf = [], []
    for c, ls, sufixo in fontes:  # a ordem da folha; a complementar depois (gerar agrupa por CPF)
        if not c["cpf"]:
            sem_cpf.append(c["matricula"])
            continue
        ide = f"MAG{c['matricula']}{comp:%Y%m}{sufixo}"
        mensal = [l for l in ls if l["codigo"] not in _RRA_MAGISTERIO]
        rra = [l for l in ls if l["codigo"] in _RRA_MAGISTERIO]
        liquido_rra = sum((_sinal(l) for l in rra), Decimal("0"))
        dms.append(ev.Demonstrativo(c["cpf"], ide[:30], ev.CATEGORIA_ESTATUTARIO, tuple(_somar(_itens(mensal, tabela))),
                                    Decimal(c["liquido"]) / 100 - liquido_rra, c["matricula"], "MAGISTERIO",
                                    pensoes=tuple(_pensoes(mensal, pensoes))))
        if rra:
            meses = next((int(Decimal(l["quantidade"])) for l in rra if l["codigo"] == IRRF_RRA and l["quantidade"]),
                         None) or len({l["referencia"] for l in rra if l["codigo"] == DIFERENCA_REAJUSTE_RRA}) or 1
            dms.append(ev.Demonstrativo(
                c["cpf"], f"{ide[:26]}RRA", ev.CATEGORIA_ESTATUTARIO, tuple(_somar(_itens(rra, tabela))), liquido_rra,
                c["matricula"], "MAGISTERIO",
                rra=ev.InfoRRA("Diferencas de reajuste de anos anteriores", meses)))
    return dms, origem, sem_cpf


def _complementar(sessao: Sessao, comp: date) -> list[tuple[dict, list[dict], str]]:
    """Os contracheques da folha complementar da competência, como demonstrativos à parte (sufixo C no
    ``ideDmDev``) no mesmo S-1202/S-1210 do servidor (docs/interpretacoes.md)."""
    k = armazem_complementar.obter(sessao.db, comp)
    if k is None:
        return []
    cabecas = armazem_complementar.liquidos_gravados(sessao.db, k["id"])
    linhas: dict[str, list[dict]] = {c["id"]: [] for c in cabecas}
    for r in armazem_complementar.linhas_gravadas(sessao.db, k["id"]):
        linhas[r["contracheque_id"]].append(dict(r))
    return [(c, linhas[c["id"]], "C") for c in cabecas]


def _sinal(l: dict) -> Decimal:
    v = Decimal(l["valor"]) / 100
    return v if l["natureza"] == "P" else -v


def _itens(linhas: list[dict], tabela: str) -> list[ev.ItemRemuneracao]:
    return [ev.ItemRemuneracao(l["codigo"], tabela, Decimal(l["valor"]) / 100) for l in linhas]


def _pensoes(linhas: list[dict], cadastro: dict[str, dict]) -> list[ev.PensaoIR]:
    """As pensões alimentícias (rubrica 170) do demonstrativo, com o CPF e o nome do alimentando."""
    saida = []
    for l in linhas:
        p = cadastro.get(l["referencia"] or "")
        if l["codigo"] == PENSAO_ALIMENTICIA and p is not None and p["cpf"]:
            saida.append(ev.PensaoIR("".join(ch for ch in p["cpf"] if ch.isdigit()), p["nome"] or "",
                                     Decimal(l["valor"]) / 100))
    return saida


def _somar(itens: list[ev.ItemRemuneracao]) -> list[ev.ItemRemuneracao]:
    """Uma rubrica por código no demonstrativo (o eSocial recusa a mesma rubrica duas vezes)."""
    soma: dict[tuple[str, str], Decimal] = {}
    for i in itens:
        soma[(i.codigo, i.tabela)] = soma.get((i.codigo, i.tabela), Decimal("0")) + i.valor
    return [ev.ItemRemuneracao(c, t, v) for (c, t), v in soma.items()]


def _demonstrativos_conselho(sessao: Sessao, comp: date) -> tuple[list[ev.Demonstrativo], str, list[str]]:
    """Os contracheques GRAVADOS na competência fechada da folha dos conselheiros (``services.conselho.folha``)."""
    k = armazem_conselho.competencia(sessao.db, comp)
    if k is None or k["situacao"] != "fechada":
        raise ErroNegocio(f"A competência {formato.competencia(comp)} da folha dos conselheiros não está fechada: os eventos do "
                          "eSocial saem só da folha fechada.")
    chave = f"{comp:%Y-%m}"
    tabela = armazem_rubricas.catalogo("conselho").tabela
    pensoes = {p["desconto_id"]: p for p in armazem_conselho.pensoes_pagas(sessao.db, chave)}
    linhas = armazem_conselho.linhas_fechadas(sessao.db, chave)
    dms, sem_cpf = [], []
    for r in armazem_conselho.liquidos(sessao.db, chave):
        if not r["cpf"]:
            sem_cpf.append(r["nome"])
            continue
        ls = linhas.get(r["contracheque_id"], [])
        # a pensão do conselheiro (linha 170 com a referência do lançamento) vai ao penAlim do S-1210
        dms.append(ev.Demonstrativo(r["cpf"], f"CT{r['ordem']}{r['condicao'][:3].upper()}{comp:%Y%m}",
                                    ev.CATEGORIA_CONSELHEIRO, tuple(_somar(_itens(ls, tabela))),
                                    Decimal(r["liquido"]) / 100, None, "CONSELHO", pensoes=tuple(_pensoes(ls, pensoes))))
    return dms, "S-1200", sem_cpf


def gerar(sessao: Sessao, folha: str, competencia: date, *, data_pagamento: date, pfx: bytes | None = None,
          senha: str = "", ambiente: str = "2", progresso: Andamento | None = None,
          agora: Callable[[], datetime] = datetime.now) -> LoteESocial:
    """Os eventos do mês (S-1010, S-1200/S-1202, S-1210, S-1299), cada um validado no XSD; vai ao diário.

    ``ambiente``: 1 produção, 2 produção restrita. Um evento inválido interrompe com a mensagem do XSD."""
    permissoes = {"magisterio": Permissao.MAGISTERIO_EDITAR, "conselho": Permissao.CONSELHO_MANDATOS}
    if folha not in permissoes:
        raise EntradaInvalida("Folha desconhecida; use magisterio ou conselho.")
    sessao.exigir(permissoes[folha])
    if ambiente not in ("1", "2"):
        raise EntradaInvalida("Ambiente do eSocial: 1 (produção) ou 2 (produção restrita).")
    comp = competencia.replace(day=1)
    dms, origem, sem_cpf = (_demonstrativos_magisterio if folha == "magisterio" else _demonstrativos_conselho)(
        sessao, comp)
    assinador = _Assinador(pfx, senha) if pfx else None
    orgao = emissores.do_modulo(sessao.db, folha)
    emp = ev.Empregador(orgao.cnpj, ambiente)
    per = f"{comp:%Y-%m}"
    quando = agora()
    lote = LoteESocial(comp, assinados=assinador is not None, sem_cpf=sem_cpf)
    seq = 0
    tarefas: list[tuple[str, str, Callable[[str], object]]] = []
    for r in _rubricas(folha):
        tarefas.append(("S-1010", f"rubrica{r.codigo}", lambda i, r=r: ev.s1010(emp, r, per, i)))
    por_cpf: dict[str, list[ev.Demonstrativo]] = {}
    for d in dms:  # um evento por trabalhador e período, com todos os demonstrativos dele
        por_cpf.setdefault(d.cpf, []).append(d)
    construtor = ev.s1202 if origem == "S-1202" else ev.s1200
    for grupo in por_cpf.values():
        tarefas.append((origem, grupo[0].ide_dm_dev, lambda i, g=grupo: construtor(emp, per, g, i)))
    for grupo in por_cpf.values():  # um S-1210 por beneficiário, com todos os demonstrativos dele
        tarefas.append(("S-1210", grupo[0].ide_dm_dev,
                        lambda i, g=grupo: ev.s1210(emp, per, g, origem, data_pagamento, i)))
    tarefas.append(("S-1299", per, lambda i: ev.s1299(emp, per, bool(dms), bool(dms), i)))
    for n, (evento, rotulo, montar) in enumerate(tarefas, 1):
        seq += 1
        raiz = montar(ev.id_evento(emp.cnpj, quando, seq))
        if assinador:
            raiz = assinador.assinar(raiz)
        xml = ev.bytes_xml(raiz)
        erros = validar(evento, xml)
        if erros:
            raise ErroNegocio(f"O evento {evento} ({rotulo}) não passou no XSD oficial do eSocial: {erros[0]}")
        lote.eventos.append((f"{evento}-{seq:05d}-{rotulo}.xml", xml))
        lote.validados += 1
        if progresso is not None and n % 50 == 0:
            progresso(n, len(tarefas))
    with sessao.mudanca(permissoes[folha]) as m:
        m.registrar("pagamento_esocial", novo_id(), "evento", depois={
            "folha": folha, "competencia": per, "eventos": lote.contagem(), "assinados": lote.assinados,
            "ambiente": ambiente, "data_pagamento": data_pagamento.isoformat(), "sem_cpf": sem_cpf})
    return lote
