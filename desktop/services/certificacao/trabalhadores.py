"""Trabalhadores que buscam certificação: pessoa (CPF validado em cadastros), escolaridade e acessibilidade."""
from __future__ import annotations

from datetime import date

from desktop.rules.certificacao.curriculo import normalizar_identificacao

from desktop.rules.certificacao.resultado import exigir_campos_limpos
from desktop.rules.certificacao.tipos import Escolaridade
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem

from .. import cadastros
from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, obrigatorio, regras


def cadastrar_trabalhador(sessao: Sessao, *, nome: str, cpf: str, nascimento: date, escolaridade: str,
                          comprovante: str | None = None, diploma_tecnico: str | None = None,
                          acessibilidade: str | None = None, nacionalidade: str | None = None,
                          naturalidade: str | None = None, naturalidade_uf: str | None = None, rg: str | None = None,
                          rg_orgao: str | None = None, **pessoa) -> dict:
    """Cadastra a pessoa (CPF obrigatório e válido, via ``cadastros.cadastrar_pessoa``) e os dados
    do trabalhador, numa só transação. A idade e a escolaridade exigidas são conferidas na inscrição;
    nacionalidade, naturalidade e RG com órgão expedidor são exigidos na emissão do título."""
    sessao.exigir(EDITAR)
    if nascimento is None:
        raise ErroNegocio("Informe a data de nascimento (Portaria MEC 902/2024, art. 2º, parágrafo único).")
    obrigatorio(cpf, "o CPF do trabalhador")
    with regras():  # o nome vai impresso no título (arts. 15 §2º e 16 §ún)
        exigir_campos_limpos({"nome do trabalhador": nome}, palavra_inteira=True)
    with regras():
        ident = normalizar_identificacao(nacionalidade=nacionalidade, naturalidade=naturalidade,
                                         naturalidade_uf=naturalidade_uf, rg=rg, rg_orgao=rg_orgao)
    try:
        esc = Escolaridade(escolaridade).value
    except ValueError:
        raise ErroNegocio("Escolaridade inválida.") from None
    with sessao.mudanca(EDITAR) as m:
        p = cadastros.cadastrar_pessoa(sessao, nome=nome, cpf=cpf, nascimento=nascimento, **pessoa)
        linha = m.inserir("cert_trabalhadores", armazem_linhas.linha_nova(m.db, "cert_trabalhadores", {
            "pessoa_id": p["id"], "escolaridade": esc, "comprovante": comprovante,
            "diploma_tecnico": diploma_tecnico, "acessibilidade": acessibilidade, **ident}))
    return {**linha, "nome": p["nome"], "cpf": p["cpf"], "nascimento": p["nascimento"]}


def atualizar_escolaridade(sessao: Sessao, trabalhador_id: str, *, escolaridade: str, comprovante: str | None,
                           diploma_tecnico: str | None = None) -> dict:
    sessao.exigir(EDITAR)
    try:
        esc = Escolaridade(escolaridade).value
    except ValueError:
        raise ErroNegocio("Escolaridade inválida.") from None
    with sessao.mudanca(EDITAR) as m:
        if armazem.trabalhador(m.db, trabalhador_id) is None:
            raise ErroNegocio("Trabalhador não encontrado; atualize a lista.")
        depois = m.alterar("cert_trabalhadores", trabalhador_id, armazem_linhas.carimbado(m.db, "cert_trabalhadores", {
            "escolaridade": esc, "comprovante": comprovante, "diploma_tecnico": diploma_tecnico}))
    return depois


def listar_trabalhadores(sessao: Sessao) -> list[dict]:
    sessao.exigir(LER)
    return armazem.trabalhadores(sessao.db)
