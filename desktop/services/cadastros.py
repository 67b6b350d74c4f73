"""Cadastros comuns: pessoas e unidades (escolas, conselho, unidade certificadora), com diário.

Cada módulo usa estes registros em vez de repetir nome, CPF e endereço nas suas tabelas.
"""
from __future__ import annotations

from datetime import date

from desktop.rules import validacao
from desktop.rules.papeis import Permissao
from desktop.store import cadastros as armazem
from desktop.store.ids import agora, novo_id

from .sessao import ErroNegocio, Sessao

# Quem cadastra cada tipo de unidade: a permissão vem do tipo, nunca de quem chama.
PERMISSAO_DA_UNIDADE = {
    "escola": Permissao.MAGISTERIO_EDITAR,
    "conselho_tutelar": Permissao.ESCRITORIO_EDITAR,
    "cmdca": Permissao.ESCRITORIO_EDITAR,
    "unidade_certificadora": Permissao.CERTIFICACAO_EDITAR,
    "secretaria": Permissao.ESCRITORIO_EDITAR,
}

TIPOS_UNIDADE = {
    "escola": "Escola",
    "conselho_tutelar": "Conselho Tutelar",
    "cmdca": "CMDCA",
    "unidade_certificadora": "Unidade certificadora",
    "secretaria": "Secretaria",
}


def cadastrar_pessoa(sessao: Sessao, *, nome: str, cpf: str | None = None,
                     nascimento: date | None = None, **outros) -> dict:
    """Cadastra uma pessoa. CPF, quando informado, deve ser válido e único.

    Exige ``PESSOAS_CADASTRAR`` do papel da sessão (nunca uma permissão dada por quem chama).
    """
    sessao.exigir(Permissao.PESSOAS_CADASTRAR)
    nome = validacao.obrigatorio(nome, "o nome")
    cpf = validacao.cpf(cpf) if cpf else None
    if nascimento and nascimento > date.today():
        raise validacao.EntradaInvalida("A data de nascimento não pode estar no futuro.")
    if cpf and armazem.cpf_em_uso(sessao.db, cpf):
        raise ErroNegocio(f"Já existe uma pessoa com o CPF {validacao.formatar_cpf(cpf)}.")
    momento = agora()
    linha = {"id": novo_id(), "nome": nome, "cpf": cpf,
             "nascimento": nascimento.isoformat() if nascimento else None,
             **outros, "criado_em": momento, "atualizado_em": momento}
    with sessao.mudanca(Permissao.PESSOAS_CADASTRAR) as m:
        m.inserir("pessoas", linha)
    return linha


def cadastrar_unidade(sessao: Sessao, *, tipo: str, nome: str, **outros) -> dict:
    """Cadastra uma unidade; a permissão exigida é a do módulo dono do tipo (``PERMISSAO_DA_UNIDADE``:
    escolas pelo Magistério, unidades certificadoras pela Certificação, as demais pelo órgão)."""
    if tipo not in TIPOS_UNIDADE:
        raise ErroNegocio(f"Tipo de unidade desconhecido: {tipo}.")
    permissao = PERMISSAO_DA_UNIDADE[tipo]
    sessao.exigir(permissao)
    nome = validacao.obrigatorio(nome, "o nome da unidade")
    if armazem.nome_de_unidade_em_uso(sessao.db, tipo, nome):
        raise ErroNegocio(f"Já existe {TIPOS_UNIDADE[tipo].lower()} com o nome {nome}.")
    momento = agora()
    linha = {"id": novo_id(), "tipo": tipo, "nome": nome, **outros,
             "criado_em": momento, "atualizado_em": momento}
    with sessao.mudanca(permissao) as m:
        m.inserir("unidades", linha)
    return linha


def listar_unidades(sessao: Sessao, tipo: str | None = None) -> list[dict]:
    return armazem.unidades_ativas(sessao.db, tipo)


def contar_pessoas(sessao: Sessao) -> int:
    return armazem.contar_pessoas(sessao.db)
