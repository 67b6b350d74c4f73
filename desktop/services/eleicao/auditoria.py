"""Fila de auditoria dos boletins e recontagem de boletim aceito, pelo supervisor da apuração (art. 9º).

Como no onaio/tally-ho: o boletim que as verificações de plausibilidade (rules.eleicao.auditoria)
marcam fica fora da apuração até um supervisor designado — que não digitou a seção — liberá-lo com o
motivo (depois de conferir o boletim de papel). Um boletim já aceito pode ser recontado pelo
supervisor até a publicação do resultado: os números recontados substituem os anteriores, e a trilha
(antes, depois, papel conferido, motivo, quem e quando) fica em ``eleicao_recontagens`` e no diário.
"""
from __future__ import annotations

from desktop.rules.papeis import FuncaoApuracao, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.eleicao import votacao as armazem
from desktop.store.ids import agora

from ..sessao import ErroNegocio, Sessao
from .comum import exigir_funcao
from .votacao import _boletim, _secao_e_processo, registrar_recontagem


def _motivo(texto: str, exemplo: str) -> str:
    texto = " ".join((texto or "").split())
    if len(texto) < 10:
        raise EntradaInvalida(f"Explique a decisão (pelo menos 10 caracteres), por exemplo: \"{exemplo}\".")
    return texto


def _nao_digitou(sessao: Sessao, s: dict, acao: str) -> None:
    if any(d["usuario_id"] == sessao.usuario.id for d in armazem.digitacoes(sessao.db, s["id"])):
        raise ErroNegocio(f"Quem digitou a seção {s['numero']} não pode {acao}: chame outro supervisor "
                          "designado pela comissão especial.")


def fila(sessao: Sessao, processo_id: str, *, pendentes: bool = False) -> list[dict]:
    """Os boletins na fila de auditoria, com os alertas e, se liberados, quem liberou e por quê."""
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.auditorias(sessao.db, processo_id, pendentes=pendentes)


def liberar(sessao: Sessao, auditoria_id: str, *, motivo: str) -> dict:
    """O supervisor libera o boletim da auditoria: ele passa a contar na apuração."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    item = armazem.auditoria(sessao.db, auditoria_id)
    if item is None:
        raise ErroNegocio("Item da fila de auditoria não encontrado.")
    if item["situacao"] != "pendente":
        raise ErroNegocio("Este boletim já foi liberado da auditoria.")
    s, proc = _secao_e_processo(sessao, item["secao_id"])
    exigir_funcao(sessao, proc["id"], FuncaoApuracao.SUPERVISOR, "liberar boletins da auditoria")
    _nao_digitou(sessao, s, "liberá-la da auditoria")
    novos = {"situacao": "liberada", "liberada_por": sessao.usuario.id,
             "motivo": _motivo(motivo, "conferido com o boletim impresso; comparecimento confirmado pela lista"),
             "liberada_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return m.alterar("eleicao_auditorias", auditoria_id, novos)


def recontar(sessao: Sessao, secao_id: str, *, comparecimento, brancos, nulos, votos: dict,
             boletim_papel: str, motivo: str) -> dict:
    """Recontagem de um boletim já aceito: os números do papel recontado passam a contar (com trilha).

    Só antes da publicação do resultado (depois, a via é a contestação do art. 14 §1º). Os números
    novos passam de novo pelas contas; como vêm do papel conferido pelo supervisor, a pendência de
    auditoria aberta antes é encerrada pela própria recontagem (o motivo dela vale como liberação).
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    s, proc = _secao_e_processo(sessao, secao_id)
    exigir_funcao(sessao, proc["id"], FuncaoApuracao.SUPERVISOR, "recontar boletins")
    if proc.get("resultado_publicado_em"):
        raise ErroNegocio("O resultado já foi publicado: a recontagem agora só por contestação ao CMDCA "
                          "(Lei 320/2023, art. 14 §1º).")
    antes = armazem.boletim(sessao.db, secao_id)
    if antes is None:
        raise ErroNegocio(f"A seção {s['numero']} ainda não tem boletim aceito: conclua a dupla digitação.")
    _nao_digitou(sessao, s, "recontá-la")
    papel = " ".join((boletim_papel or "").split())
    if len(papel) < 5:
        raise EntradaInvalida("Diga qual boletim de papel foi recontado (Lei 320/2023, art. 9º e §ún.).")
    motivo = _motivo(motivo, "recontagem pedida pelo fiscal do candidato 12; cédulas recontadas")
    b = _boletim(sessao, s, comparecimento, brancos, nulos, votos)
    novos = {"comparecimento": b.comparecimento, "brancos": b.brancos, "nulos": b.nulos,
             "votos": armazem.votos_para_json(b.votos), "apurado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.alterar("eleicao_boletins", secao_id, novos, pk="secao_id", no_diario=(
            {**antes, "votos": armazem.votos_para_json(antes["votos"])}, {**antes, **novos}))
        linha = registrar_recontagem(m, s, "recontagem", antes, b, papel, motivo)
        for item in armazem.auditorias_pendentes_da_secao(m.db, secao_id):
            fim = {"situacao": "liberada", "liberada_por": sessao.usuario.id,
                   "motivo": f"Recontagem do boletim de papel: {motivo}", "liberada_em": agora()}
            m.alterar("eleicao_auditorias", item["id"], fim)
    return linha
