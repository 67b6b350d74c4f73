"""Seções e apuração por dupla digitação: dois usuários digitam cada boletim; diferenças vão ao supervisor (art. 9º).

O boletim só conta quando as duas digitações são iguais ("conferido") ou quando um supervisor —
um terceiro usuário, que não digitou a seção — decide os valores, com justificativa ("supervisor").
Contas e votos só para habilitados são conferidos já na digitação (rules.eleicao.apuracao).
"""
from __future__ import annotations

from dataclasses import dataclass

from desktop.rules import validacao
from desktop.rules.eleicao import apuracao
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.eleicao import candidaturas as armazem_cand
from desktop.store.eleicao import votacao as armazem
from desktop.store.ids import agora, novo_id

from ..sessao import ErroNegocio, Sessao
from .comum import exigir_fase, processo_ou_erro

AGUARDANDO, CONFERIDO, DIVERGENTE = "aguardando_segunda", "conferido", "divergente"


@dataclass(frozen=True)
class Digitacao:
    situacao: str  # aguardando_segunda | conferido | divergente
    diferencas: tuple[apuracao.Diferenca, ...] = ()

    def mensagem(self) -> str:
        if self.situacao == AGUARDANDO:
            return "Primeira digitação gravada. A seção conta depois da digitação de outro usuário."
        if self.situacao == CONFERIDO:
            return "As duas digitações conferem: o boletim da seção entrou na apuração."
        return (f"As digitações diferem em {len(self.diferencas)} campo(s). Um supervisor (outro usuário) "
                "deve decidir os valores antes de a seção contar.")


def cadastrar_secao(sessao: Sessao, processo_id: str, *, numero: int, local: str, aptos: int,
                    tipo: str = "urna") -> dict:
    """Seção de votação com seus eleitores aptos; ``tipo``: urna eletrônica ou votação manual (art. 9º §ún.)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_fase(proc, "inscricoes", "analise", "homologado", acao="cadastrar seções")
    numero = apuracao.inteiro(numero, "o número da seção", "Lei 320/2023, art. 10 II: locais de votação")
    aptos = apuracao.inteiro(aptos, "os eleitores aptos", "Lei 320/2023, art. 9º: listas de eleitores")
    if numero == 0:
        raise EntradaInvalida("O número da seção deve ser maior que zero.")
    if tipo not in ("urna", "manual"):
        raise EntradaInvalida("Tipo da seção: 'urna' (eletrônica) ou 'manual' (cédulas, art. 9º §ún.).")
    if list(sessao.db.query("SELECT 1 FROM eleicao_secoes WHERE processo_id = ? AND numero = ?",
                            [processo_id, numero])):
        raise ErroNegocio(f"A seção {numero} já está cadastrada neste processo; confira o número "
                          "(Lei 320/2023, art. 10 II).")
    linha = {"id": novo_id(), "processo_id": processo_id, "numero": numero,
             "local": validacao.obrigatorio(local, "o local de votação"), "aptos": aptos, "tipo": tipo,
             "criado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.db["eleicao_secoes"].insert(linha)
        m.registrar("eleicao_secoes", linha["id"], "inserir", depois=linha)
    return linha


def listar_secoes(sessao: Sessao, processo_id: str) -> list[dict]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.secoes(sessao.db, processo_id)


def habilitados(db, processo_id: str) -> set[int]:
    return {c["numero"] for c in armazem_cand.candidaturas(db, processo_id, "habilitado")}


def _secao_e_processo(sessao: Sessao, secao_id: str) -> tuple[dict, dict]:
    s = armazem.secao(sessao.db, secao_id)
    if s is None:
        raise ErroNegocio("Seção não encontrada.")
    proc = processo_ou_erro(sessao.db, s["processo_id"])
    exigir_fase(proc, "homologado", "apuracao", acao="apurar boletins")
    return s, proc


def _boletim(sessao: Sessao, s: dict, comparecimento, brancos, nulos, votos) -> apuracao.Boletim:
    b = apuracao.montar(s["numero"], s["aptos"], comparecimento, brancos, nulos, votos)
    apuracao.exigir_certo(b, habilitados(sessao.db, s["processo_id"]))
    return b


def _gravar_boletim(m, s: dict, proc: dict, b: apuracao.Boletim, origem: str, por: str | None,
                    justificativa: str | None) -> None:
    linha = {"secao_id": s["id"], "comparecimento": b.comparecimento, "brancos": b.brancos, "nulos": b.nulos,
             "votos": armazem.votos_para_json(b.votos), "origem": origem, "resolvido_por": por,
             "justificativa": justificativa, "apurado_em": agora()}
    m.db["eleicao_boletins"].insert(linha)
    m.registrar("eleicao_boletins", s["id"], "inserir", depois=linha)
    if proc["fase"] == "homologado":
        quando = agora()
        m.db.execute("UPDATE eleicao_processos SET fase = 'apuracao', atualizado_em = ? WHERE id = ?",
                     [quando, proc["id"]])
        m.registrar("eleicao_processos", proc["id"], "alterar", antes={"fase": "homologado"},
                    depois={"fase": "apuracao", "atualizado_em": quando})


def _para_boletim(d: dict, s: dict) -> apuracao.Boletim:
    return apuracao.Boletim(s["numero"], s["aptos"], d["comparecimento"], d["brancos"], d["nulos"], d["votos"])


def digitar(sessao: Sessao, secao_id: str, *, comparecimento, brancos, nulos, votos: dict) -> Digitacao:
    """Grava a digitação do boletim pelo usuário da sessão; na segunda, compara com a primeira."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    s, proc = _secao_e_processo(sessao, secao_id)
    b = _boletim(sessao, s, comparecimento, brancos, nulos, votos)
    if armazem.boletim(sessao.db, secao_id):
        raise ErroNegocio(f"A seção {s['numero']} já foi apurada; o boletim não pode ser digitado de novo.")
    anteriores = armazem.digitacoes(sessao.db, secao_id)
    if any(d["usuario_id"] == sessao.usuario.id for d in anteriores):
        raise ErroNegocio(f"Você já digitou a seção {s['numero']}: a segunda digitação deve ser feita por "
                          "outro usuário (dupla digitação, para que o resultado publicado seja conferido e "
                          "reproduzível — Lei 320/2023, arts. 5º III e 14 §1º).")
    if len(anteriores) >= 2:
        raise ErroNegocio(f"A seção {s['numero']} já tem duas digitações divergentes; aguarda o supervisor.")
    linha = {"id": novo_id(), "secao_id": secao_id, "usuario_id": sessao.usuario.id,
             "comparecimento": b.comparecimento, "brancos": b.brancos, "nulos": b.nulos,
             "votos": armazem.votos_para_json(b.votos), "digitado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.db["eleicao_digitacoes"].insert(linha)
        m.registrar("eleicao_digitacoes", linha["id"], "inserir", depois=linha)
        if not anteriores:
            return Digitacao(AGUARDANDO)
        difs = apuracao.comparar(_para_boletim(anteriores[0], s), b)
        if difs:
            return Digitacao(DIVERGENTE, tuple(difs))
        _gravar_boletim(m, s, proc, b, "conferido", None, None)
    return Digitacao(CONFERIDO)


def divergencias(sessao: Sessao, secao_id: str) -> dict:
    """As duas digitações lado a lado e os campos que diferem."""
    sessao.exigir(Permissao.ELEICAO_LER)
    s = armazem.secao(sessao.db, secao_id)
    if s is None:
        raise ErroNegocio("Seção não encontrada.")
    ds = armazem.digitacoes(sessao.db, secao_id)
    difs = apuracao.comparar(_para_boletim(ds[0], s), _para_boletim(ds[1], s)) if len(ds) == 2 else []
    return {"secao": s, "digitacoes": ds, "diferencas": difs, "boletim": armazem.boletim(sessao.db, secao_id)}


def resolver(sessao: Sessao, secao_id: str, *, comparecimento, brancos, nulos, votos: dict,
             justificativa: str) -> None:
    """O supervisor decide os valores de uma seção divergente (não pode ter digitado a seção)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    s, proc = _secao_e_processo(sessao, secao_id)
    ds = armazem.digitacoes(sessao.db, secao_id)
    if armazem.boletim(sessao.db, secao_id) or len(ds) < 2:
        raise ErroNegocio(f"A seção {s['numero']} não tem divergência a resolver.")
    if any(d["usuario_id"] == sessao.usuario.id for d in ds):
        raise ErroNegocio("Quem digitou a seção não pode resolver a divergência: chame um supervisor "
                          "(outro usuário da comissão).")
    justificativa = " ".join((justificativa or "").split())
    if len(justificativa) < 10:
        raise EntradaInvalida("Explique a decisão (pelo menos 10 caracteres), por exemplo: "
                              "\"conferido com o boletim impresso da urna\".")
    b = _boletim(sessao, s, comparecimento, brancos, nulos, votos)
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        _gravar_boletim(m, s, proc, b, "supervisor", sessao.usuario.id, justificativa)
