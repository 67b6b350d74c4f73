"""Históricos da ficha funcional do magistério: acrescentar, corrigir, encerrar e excluir itens.

Históricos (nome → campos): ``titulacoes``, ``lotacoes``, ``regencias``, ``jornadas``,
``funcoes``, ``cursos``, ``afastamentos``, ``faltas``, ``ferias``, ``averbacoes``,
``horas_noturnas`` — os campos de cada um estão em ``desktop.store.magisterio.historicos``.
Cada escrita verifica ``Permissao.MAGISTERIO_EDITAR``, valida (mensagens em português) e
registra no diário na mesma transação.

Encadeamento: uma nova lotação, função ou jornada que começa depois de outra em aberto encerra
a anterior na véspera (transferência, troca de função). Uma jornada temporária (desdobramento,
regime diferenciado, direção) com fim interrompe a jornada base, que recomeça no dia seguinte
ao fim; encerrar uma jornada temporária em aberto também devolve o servidor à jornada base
(Lei 1.613/2004, art. 29 §2º: cessando os motivos, retorna automaticamente à jornada normal).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum

from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida, data_br
from desktop.store.magisterio import folha as armazem_folha
from desktop.store.magisterio import historicos as armazem
from desktop.store.magisterio.historicos import COMPETENCIA, DATA, DECIMAL, INTEIRO, LOGICO, OBRIGATORIO

from ..sessao import ErroNegocio, Mudanca, Sessao

from . import anteriores, validacoes
from .comum import servidor as obter_servidor, substituir_documentos_da_ficha

NOMES = tuple(armazem.HISTORICOS)
_ENCADEADOS = ("lotacoes", "funcoes", "jornadas")


def _historico(nome: str) -> armazem.Historico:
    try:
        return armazem.HISTORICOS[nome]
    except KeyError:
        raise ErroNegocio(f"Histórico desconhecido: {nome}. Use um destes: {', '.join(NOMES)}.") from None


def _sem_artigo(rotulo: str) -> str:
    return re.sub(r"^(o|a|os|as) ", "", rotulo)


def _converter(h: armazem.Historico, c: armazem.Coluna, valor):
    erro = f"{h.rotulo[0].upper() + h.rotulo[1:]}, {_sem_artigo(c.rotulo)}"
    if isinstance(valor, str):
        valor = valor.strip()
        if valor == "":
            return "" if c.tipo == armazem.TEXTO and c.padrao is not None else None
    if valor is None:
        return None
    try:
        if c.tipo == DATA:
            if isinstance(valor, datetime):
                return valor.date()
            return valor if isinstance(valor, date) else data_br(str(valor))
        if c.tipo == COMPETENCIA:
            return formato.ler_competencia(valor)
        if c.tipo == INTEIRO:
            if isinstance(valor, bool) or (isinstance(valor, str) and not valor.lstrip("-").isdigit()):
                raise EntradaInvalida("informe um número inteiro.")
            return int(valor)
        if c.tipo == LOGICO:
            return bool(valor)
        if c.tipo == DECIMAL:
            if isinstance(valor, float):
                valor = str(valor)
            return Decimal(str(valor).replace(",", "."))
        return valor.value if isinstance(valor, Enum) else str(valor)
    except EntradaInvalida as e:
        raise EntradaInvalida(f"{erro}: {e}") from None
    except (ValueError, InvalidOperation):
        raise EntradaInvalida(f"{erro}: valor inválido ({valor!r}).") from None


def normalizar(h: armazem.Historico, campos: dict, *, completo: bool) -> dict:
    """Converte os campos informados; com ``completo``, preenche padrões e exige os obrigatórios."""
    desconhecidos = set(campos) - set(h.nomes)
    if desconhecidos:
        raise ErroNegocio(f"Campo desconhecido em {h.rotulo}: {', '.join(sorted(desconhecidos))}.")
    valores = {nome: _converter(h, h.coluna(nome), v) for nome, v in campos.items()}
    if completo:
        for c in h.colunas:
            if valores.get(c.nome) is None and c.padrao is not OBRIGATORIO:
                valores[c.nome] = c.padrao
    for c in h.colunas:
        if c.padrao is OBRIGATORIO and c.nome in valores and valores[c.nome] in (None, ""):
            raise EntradaInvalida(f"{h.rotulo[0].upper() + h.rotulo[1:]}: informe {c.rotulo}.")
    if completo:
        faltando = [c for c in h.colunas if c.padrao is OBRIGATORIO and c.nome not in valores]
        if faltando:
            raise EntradaInvalida(f"{h.rotulo[0].upper() + h.rotulo[1:]}: informe {faltando[0].rotulo}.")
    return valores


# -- dentro de uma transação (usadas também pelo cadastro e pela importação) -------------------------
def adicionar_em(m: Mudanca, historico: str, servidor_id: str, campos: dict) -> dict:
    h = _historico(historico)
    ctx = validacoes.Contexto(m, obter_servidor(m.db, servidor_id))
    valores = normalizar(h, campos, completo=True)
    if h.nome in _ENCADEADOS and valores.get("inicio"):
        _encadear(ctx, h, valores)
    validacoes.VALIDADORES[h.nome](ctx, valores, None)
    novo = armazem.item_novo(h, servidor_id, valores)
    m.inserir(h.tabela, armazem.linha(h, novo))
    if h.nome == "faltas":
        return _falta_de_mes_fechado(m, h, novo)
    return _com_aviso(novo, anteriores.marcar_em(m, h.nome, servidor_id, None, novo))


def _com_aviso(item: dict, aviso: str | None) -> dict:
    """O item gravado, com o aviso de competências fechadas alcançadas (afastamento, titulação)."""
    return item | {"aviso": aviso} if aviso else item


def _falta_de_mes_fechado(m: Mudanca, h: armazem.Historico, item: dict) -> dict:
    """Falta cuja competência já foi fechada: aceita, com aviso, e marcada para ser descontada como
    diferença de mês anterior na primeira competência aberta depois dela (Lei 1.613/2004, art. 34);
    continua na ficha com a sua data (conta no tempo de serviço). Falta movida para mês aberto: desmarca."""
    data = item["data"]
    fechadas = armazem_folha.fechadas(m.db)
    mes = f"{data.year:04d}-{data.month:02d}"
    if item.get("liquidar_em") in fechadas:  # já descontada como diferença numa competência fechada
        return item
    alvo = None
    if mes in fechadas:
        ano, num = data.year, data.month
        while f"{ano:04d}-{num:02d}" in fechadas:
            ano, num = (ano + 1, 1) if num == 12 else (ano, num + 1)
        alvo = f"{ano:04d}-{num:02d}"
    if item.get("liquidar_em") == alvo:
        return item
    antes = dict(item)
    armazem_folha.marcar_liquidacao_falta(m.db, item["id"], alvo)
    depois = armazem.obter(m.db, h, item["id"])
    m.registrar(h.tabela, item["id"], "alterar", antes=armazem.linha(h, antes), depois=armazem.linha(h, depois))
    if alvo is not None:
        depois["aviso"] = (f"A competência {formato.competencia(data)} já está fechada: a falta de {formato.data(data)} fica "
                           f"registrada (e conta no tempo de serviço) e será descontada como diferença de mês "
                           f"anterior na competência {alvo[5:]}/{alvo[:4]} (Lei 1.613/2004, art. 34).")
    return depois


def _encadear(ctx: validacoes.Contexto, h: armazem.Historico, v: dict) -> None:
    """Encerra na véspera o período em aberto que começou antes; retoma a jornada base depois."""
    for o in ctx.outros(h.nome):
        if o["fim"] is None and o["inicio"] < v["inicio"]:
            _gravar_fim(ctx.mudanca, h, o, v["inicio"] - timedelta(days=1))
            temporaria = h.nome == "jornadas" and (v.get("motivo") or "base") != "base"
            if temporaria and o["motivo"] == "base" and v["fim"] is not None:
                _retomar_base(ctx, o, v["fim"] + timedelta(days=1))


def alterar_item(m: Mudanca, h: armazem.Historico, item_id: str, valores: dict) -> dict:
    """Altera colunas de um item e escreve o diário na mesma chamada (``Mudanca.alterar``: antes e depois como
    gravados); devolve o item completo depois da alteração (valores Python)."""
    return armazem.item(h, m.alterar(h.tabela, item_id, armazem.alteracao(h, valores)))


def _gravar_fim(m: Mudanca, h: armazem.Historico, item: dict, fim: date) -> dict:
    return alterar_item(m, h, item["id"], {"fim": fim})


def _retomar_base(ctx: validacoes.Contexto, base: dict, inicio: date) -> None:
    """Volta à jornada base (art. 29 §2º) a partir de ``inicio``, se nada começa ali e há vínculo."""
    desl = ctx.servidor["desligamento"]
    if desl and inicio > desl:
        return
    h = armazem.HISTORICOS["jornadas"]
    if any(j["inicio"] <= inicio and (j["fim"] is None or inicio <= j["fim"]) for j in ctx.outros("jornadas")):
        return
    valores = {"inicio": inicio, "fim": desl, "horas": base["horas"], "motivo": "base", "ato": base["ato"]}
    ctx.mudanca.inserir(h.tabela, armazem.linha(h, armazem.item_novo(h, ctx.servidor["id"], valores)))


def corrigir_em(m: Mudanca, historico: str, item_id: str, campos: dict) -> dict:
    h = _historico(historico)
    atual = _item(m, h, item_id)
    ctx = validacoes.Contexto(m, obter_servidor(m.db, atual["servidor_id"]))
    valores = {c: atual[c] for c in h.nomes} | normalizar(h, campos, completo=False)
    validacoes.VALIDADORES[h.nome](ctx, valores, atual)
    depois = alterar_item(m, h, item_id, valores)
    substituir_documentos_da_ficha(m, atual["servidor_id"], f"registro de {h.rotulo} corrigido")
    if h.nome == "faltas":
        return _falta_de_mes_fechado(m, h, depois)
    return _com_aviso(depois, anteriores.marcar_em(m, h.nome, atual["servidor_id"], atual, depois))


def _item(m: Mudanca, h: armazem.Historico, item_id: str) -> dict:
    atual = armazem.obter(m.db, h, item_id)
    if atual is None:
        raise ErroNegocio(f"Registro de {h.rotulo} não encontrado; atualize a ficha e tente de novo.")
    return atual


# -- casos de uso ---------------------------------------------------------------------------------
def itens(sessao: Sessao, historico: str, servidor_id: str) -> list[dict]:
    """Os itens de um histórico do servidor (com ``id``), em ordem de data."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    h = _historico(historico)
    obter_servidor(sessao.db, servidor_id)
    return armazem.listar(sessao.db, h, servidor_id)


def adicionar(sessao: Sessao, historico: str, servidor_id: str, **campos) -> dict:
    """Acrescenta um item ao histórico; devolve o item gravado (valores Python, com ``id``)."""
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        return adicionar_em(m, historico, servidor_id, campos)


def corrigir(sessao: Sessao, historico: str, item_id: str, **campos) -> dict:
    """Corrige campos de um item (os não informados ficam como estão)."""
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        return corrigir_em(m, historico, item_id, campos)


def encerrar(sessao: Sessao, historico: str, item_id: str, fim: date) -> dict:
    """Encerra um período em aberto em ``fim``; jornada temporária encerrada devolve à base (art. 29 §2º)."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    h = _historico(historico)
    if not h.periodo:
        raise ErroNegocio(f"{h.rotulo[0].upper() + h.rotulo[1:]} não é um período; use corrigir.")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        atual = _item(m, h, item_id)
        if atual["fim"] is not None:
            raise ErroNegocio(f"Este período de {h.rotulo} já terminou em {formato.data(atual['fim'])}; para mudar o fim, "
                              "use corrigir.")
        depois = corrigir_em(m, historico, item_id, {"fim": fim})
        if h.nome == "jornadas" and depois["motivo"] != "base":
            ctx = validacoes.Contexto(m, obter_servidor(m.db, atual["servidor_id"]))
            bases = [j for j in ctx.outros("jornadas") if j["motivo"] == "base" and j["inicio"] < depois["inicio"]]
            if bases:
                _retomar_base(ctx, bases[-1], depois["fim"] + timedelta(days=1))
        return depois


def excluir(sessao: Sessao, historico: str, item_id: str) -> dict | None:
    """Exclui um item lançado por engano (o diário guarda como era). Afastamento ou titulação que alcançava
    competências fechadas: devolve ``{"aviso": ...}`` (os meses são recalculados e acertados na seguinte)."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    h = _historico(historico)
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        atual = _item(m, h, item_id)
        armazem.excluir(m.db, h, item_id)
        m.registrar(h.tabela, item_id, "excluir", antes=armazem.linha(h, atual))
        substituir_documentos_da_ficha(m, atual["servidor_id"], f"registro de {h.rotulo} excluído por engano")
        aviso = anteriores.marcar_em(m, h.nome, atual["servidor_id"], atual, None)
    return {"aviso": aviso} if aviso else None
