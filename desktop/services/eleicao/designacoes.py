"""Designação de mesários e supervisores da apuração pela comissão especial (Lei 320/2023, arts. 7º §1º d e 9º)."""
from __future__ import annotations

from desktop.rules import validacao
from desktop.rules.papeis import NOMES_FUNCAO, FuncaoApuracao, Permissao, pode
from desktop.rules.validacao import EntradaInvalida
from desktop.store import usuarios as armazem_usuarios
from desktop.store.eleicao import designacoes as armazem
from desktop.store.ids import agora, novo_id

from ..sessao import ErroNegocio, Sessao
from .comum import exigir_apuracao, exigir_fase, processo_ou_erro


def designar(sessao: Sessao, processo_id: str, *, login: str, funcao: str, ato: str) -> dict:
    """A comissão designa ``login`` como mesário ou supervisor da apuração, pelo ``ato`` (resolução/portaria).

    Só usuários cujo papel altera o processo de escolha podem ser designados (os que digitam e
    decidem precisam gravar); a mesma pessoa pode ser mesário e supervisor, mas nunca supervisiona
    uma seção que ela digitou (verificado em cada ação).
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_apuracao(proc, "designar")
    exigir_fase(proc, "inscricoes", "analise", "homologado", "apuracao", acao="designar a apuração")
    try:
        f = FuncaoApuracao(funcao)
    except ValueError:
        raise EntradaInvalida("Função da apuração: 'mesario' ou 'supervisor'.") from None
    ato = validacao.obrigatorio(" ".join((ato or "").split()), "o ato de designação (resolução ou portaria da comissão)")
    u = armazem_usuarios.por_login(sessao.db, (login or "").strip())
    if not u or not u["ativo"]:
        raise ErroNegocio(f"Usuário {login!r} não encontrado ou inativo.")
    if not pode(u["papel"], Permissao.ELEICAO_EDITAR):
        raise ErroNegocio(f"{u['nome']} tem um papel que não grava no processo de escolha; designe um "
                          "usuário da comissão eleitoral.")
    if armazem.designado(sessao.db, processo_id, u["id"], str(f)):
        raise ErroNegocio(f"{u['nome']} já é {NOMES_FUNCAO[f].lower()} deste processo.")
    linha = {"id": novo_id(), "processo_id": processo_id, "usuario_id": u["id"], "funcao": str(f), "ato": ato,
             "designado_por": sessao.usuario.id, "designado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.inserir("eleicao_designacoes", linha)
    return linha


def listar(sessao: Sessao, processo_id: str) -> list[dict]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.do_processo(sessao.db, processo_id)
