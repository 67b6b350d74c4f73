"""Históricos datados dos servidores do magistério: a forma de cada tabela e o SQL comum a todas.

Cada histórico (titulações, lotações, regências...) é descrito por um ``Historico``: tabela,
colunas e o tipo de cada coluna. As funções daqui convertem valores Python (date, bool, Decimal,
enums) para as colunas e de volta, e inserem, alteram, excluem e listam. Os itens lidos são
dicionários com valores Python; ``linha`` dá a forma gravada (ISO, 0/1), própria para o diário.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

import sqlite_utils

from ..ids import agora, novo_id

DATA, TEXTO, INTEIRO, LOGICO, DECIMAL, COMPETENCIA = "data", "texto", "inteiro", "logico", "decimal", "competencia"
OBRIGATORIO = object()
"""Marca de coluna sem valor padrão: o serviço exige que seja informada."""


@dataclass(frozen=True)
class Coluna:
    nome: str
    tipo: str
    rotulo: str            # com artigo: "o início", "a escola"
    padrao: object = None  # None = opcional (NULL); OBRIGATORIO = deve ser informada


@dataclass(frozen=True)
class Historico:
    nome: str
    tabela: str
    rotulo: str          # "lotação", para as mensagens
    colunas: tuple[Coluna, ...]
    ordem: str           # coluna que ordena o histórico
    periodo: bool = False  # tem inicio/fim

    def coluna(self, nome: str) -> Coluna:
        for c in self.colunas:
            if c.nome == nome:
                return c
        raise KeyError(nome)

    @property
    def nomes(self) -> tuple[str, ...]:
        return tuple(c.nome for c in self.colunas)


def _c(nome, tipo, rotulo, padrao=None) -> Coluna:
    return Coluna(nome, tipo, rotulo, padrao)


_INICIO = _c("inicio", DATA, "o início", OBRIGATORIO)
_FIM = _c("fim", DATA, "o fim")
_ATO = _c("ato", TEXTO, "o ato", "")
_OBS = _c("observacao", TEXTO, "a observação", "")

HISTORICOS: dict[str, Historico] = {h.nome: h for h in (
    Historico("titulacoes", "magisterio_titulacoes", "titulação", (
        _c("titulo", TEXTO, "o título", OBRIGATORIO), _c("data_requerimento", DATA, "a data do requerimento", OBRIGATORIO),
        _c("curso", TEXTO, "o curso", ""), _c("instituicao", TEXTO, "a instituição", ""),
        _c("carga_horaria", INTEIRO, "a carga horária"), _c("area_educacao", LOGICO, "a área de educação", True), _ATO,
    ), "data_requerimento"),
    Historico("lotacoes", "magisterio_lotacoes", "lotação", (
        _c("unidade_id", TEXTO, "a escola ou o setor", OBRIGATORIO), _INICIO, _FIM,
        _c("reside_em_local_diverso", LOGICO, "a residência em local diverso", False),
        _c("fixou_residencia_rural", LOGICO, "a residência fixada na zona rural", False), _ATO,
    ), "inicio", periodo=True),
    Historico("regencias", "magisterio_regencias", "regência", (
        _INICIO, _FIM, _c("etapa", TEXTO, "a etapa", OBRIGATORIO),
        _c("alunos_nee", INTEIRO, "o número de alunos com necessidades especiais", 0), _ATO,
    ), "inicio", periodo=True),
    Historico("jornadas", "magisterio_jornadas", "jornada", (
        _INICIO, _FIM, _c("horas", INTEIRO, "as horas semanais"),
        _c("motivo", TEXTO, "o motivo", "base"), _ATO,
    ), "inicio", periodo=True),
    Historico("funcoes", "magisterio_funcoes", "função gratificada", (
        _c("unidade_id", TEXTO, "a escola", OBRIGATORIO), _c("funcao", TEXTO, "a função", OBRIGATORIO),
        _INICIO, _FIM, _ATO,
    ), "inicio", periodo=True),
    Historico("cursos", "magisterio_cursos", "curso", (
        _c("tipo", TEXTO, "o tipo de curso", OBRIGATORIO), _c("descricao", TEXTO, "a descrição", ""),
        _c("instituicao", TEXTO, "a instituição", ""), _c("conclusao", DATA, "a conclusão", OBRIGATORIO),
        _c("carga_horaria", INTEIRO, "a carga horária", OBRIGATORIO),
        _c("area_educacao", LOGICO, "a área de educação", True),
        _c("usado_para_nivel", LOGICO, "o uso para o nível", False),
        _c("concessao", DATA, "a concessão"), _ATO,
    ), "conclusao"),
    Historico("afastamentos", "magisterio_afastamentos", "afastamento", (
        _c("tipo", TEXTO, "o tipo de afastamento", OBRIGATORIO), _INICIO, _FIM, _ATO, _OBS,
    ), "inicio", periodo=True),
    Historico("faltas", "magisterio_faltas", "falta", (
        _c("data", DATA, "a data", OBRIGATORIO), _c("horas", INTEIRO, "as horas"),
        _c("codigo", TEXTO, "o código de justificativa"), _OBS,
    ), "data"),
    Historico("ferias", "magisterio_ferias", "férias", (
        _INICIO, _c("fim", DATA, "o fim", OBRIGATORIO), _OBS,
    ), "inicio", periodo=True),
    Historico("averbacoes", "magisterio_averbacoes", "averbação", (
        _c("dias", INTEIRO, "os dias", OBRIGATORIO), _c("descricao", TEXTO, "a descrição", OBRIGATORIO),
        _c("origem_inicio", DATA, "o início do tempo averbado"), _c("origem_fim", DATA, "o fim do tempo averbado"),
        _c("data_averbacao", DATA, "a data da averbação"), _ATO,
    ), "data_averbacao"),
    Historico("horas_noturnas", "magisterio_horas_noturnas", "horas noturnas", (
        _c("competencia", COMPETENCIA, "a competência", OBRIGATORIO), _c("horas", DECIMAL, "as horas", OBRIGATORIO),
    ), "competencia"),
)}


# -- conversões -------------------------------------------------------------------------------------
def para_coluna(tipo: str, valor):
    """Valor Python → valor gravado."""
    if valor is None:
        return None
    if isinstance(valor, Enum):
        valor = valor.value
    if tipo == DATA:
        return valor.isoformat()
    if tipo == COMPETENCIA:
        return f"{valor.year:04d}-{valor.month:02d}"
    if tipo == LOGICO:
        return 1 if valor else 0
    if tipo == DECIMAL:
        return format(Decimal(valor).normalize(), "f")
    return valor


def de_coluna(tipo: str, valor):
    """Valor gravado → valor Python."""
    if valor is None:
        return None
    if tipo == DATA:
        return date.fromisoformat(valor)
    if tipo == COMPETENCIA:
        ano, mes = valor.split("-")
        return date(int(ano), int(mes), 1)
    if tipo == LOGICO:
        return bool(valor)
    if tipo == DECIMAL:
        return Decimal(valor)
    return valor


def item(h: Historico, registro: dict) -> dict:
    """Linha gravada → item com valores Python (mantém id, servidor_id e as datas de registro)."""
    convertido = dict(registro)
    for c in h.colunas:
        convertido[c.nome] = de_coluna(c.tipo, registro[c.nome])
    return convertido


def linha(h: Historico, valores: dict) -> dict:
    """Item com valores Python → forma gravada (para a tabela e o diário)."""
    convertido = dict(valores)
    for c in h.colunas:
        if c.nome in valores:
            convertido[c.nome] = para_coluna(c.tipo, valores[c.nome])
    return convertido


# -- escrita ----------------------------------------------------------------------------------------
def item_novo(h: Historico, servidor_id: str, valores: dict) -> dict:
    """Um item novo (valores Python já validados) com id e momento; grava-o ``Mudanca.inserir`` na forma
    de ``linha(h, item)``."""
    momento = agora()
    return {"id": novo_id(), "servidor_id": servidor_id, **{c.nome: valores.get(c.nome) for c in h.colunas},
            "criado_em": momento, "atualizado_em": momento}


def alteracao(h: Historico, valores: dict) -> dict:
    """As colunas de um item a alterar (valores Python → forma gravada) com o ``atualizado_em`` de agora; grava-as
    ``Mudanca.alterar``, que lê a linha antes e depois e escreve o diário na mesma chamada."""
    return linha(h, {k: v for k, v in valores.items() if k in h.nomes}) | {"atualizado_em": agora()}


def excluir(db: sqlite_utils.Database, h: Historico, item_id: str) -> None:
    db.execute(f"DELETE FROM {h.tabela} WHERE id = ?", [item_id])


# -- leitura ----------------------------------------------------------------------------------------
def obter(db: sqlite_utils.Database, h: Historico, item_id: str) -> dict | None:
    for r in db.query(f"SELECT * FROM {h.tabela} WHERE id = ?", [item_id]):
        return item(h, r)
    return None


def listar(db: sqlite_utils.Database, h: Historico, servidor_id: str) -> list[dict]:
    """Itens de um servidor, em ordem (datas iguais: ordem de cadastro)."""
    return [item(h, r) for r in db.query(
        f"SELECT * FROM {h.tabela} WHERE servidor_id = ? ORDER BY {h.ordem}, id", [servidor_id])]


def listar_de_varios(db: sqlite_utils.Database, h: Historico, ids: list[str] | None) -> dict[str, list[dict]]:
    """Numa consulta, os itens de vários servidores (ou de todos, com None), por servidor."""
    sql, args = f"SELECT * FROM {h.tabela}", []
    if ids is not None:
        sql, args = sql + " WHERE servidor_id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
    por_servidor: dict[str, list[dict]] = {}
    for r in db.query(sql + f" ORDER BY servidor_id, {h.ordem}, id", args):
        por_servidor.setdefault(r["servidor_id"], []).append(item(h, r))
    return por_servidor
