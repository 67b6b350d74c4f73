"""Seções e apuração por dupla digitação: dois mesários digitam cada boletim; diferenças vão ao supervisor (art. 9º).

O boletim só conta quando as duas digitações são iguais ("conferido") ou quando um supervisor —
designado pela comissão, que não digitou a seção — decide os valores depois de recontar o boletim
de papel, com justificativa ("supervisor"). Contas e votos só para habilitados são conferidos já na
digitação (rules.eleicao.apuracao); boletim fora dos limites de plausibilidade vai à fila de
auditoria (rules.eleicao.auditoria; serviços em ``auditoria``). Nada se digita antes do dia da
eleição (art. 5º I).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from desktop.rules import validacao
from desktop.rules.eleicao import apuracao
from desktop.rules.eleicao import atos as regra_atos
from desktop.rules.eleicao import auditoria as regra_auditoria
from desktop.rules.papeis import FuncaoApuracao, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.eleicao import candidaturas as armazem_cand
from desktop.store import sync_registro
from desktop.store.eleicao import votacao as armazem
from desktop.store.ids import agora, novo_id

from .. import parametros, replicas
from ..sessao import ErroNegocio, Sessao
from .comum import exigir_apuracao, exigir_fase, exigir_funcao, hoje, processo_ou_erro

AGUARDANDO, CONFERIDO, DIVERGENTE = "aguardando_segunda", "conferido", "divergente"
CONFERE_ENVIAR = "confere_enviar"  # numa máquina de mesário (réplica): o boletim entra no PC da comissão


@dataclass(frozen=True)
class Digitacao:
    situacao: str  # aguardando_segunda | conferido | divergente
    diferencas: tuple[apuracao.Diferenca, ...] = ()

    def mensagem(self) -> str:
        if self.situacao == AGUARDANDO:
            return "Primeira digitação gravada. A seção conta depois da digitação de outro usuário."
        if self.situacao == CONFERIDO:
            return "As duas digitações conferem: o boletim da seção entrou na apuração."
        if self.situacao == CONFERE_ENVIAR:
            return ("As duas digitações conferem. O boletim entra na apuração no PC da comissão quando ele "
                    "receber o pacote desta máquina.")
        return (f"As digitações diferem em {len(self.diferencas)} campo(s). Um supervisor (outro usuário) "
                "deve decidir os valores antes de a seção contar.")


def cadastrar_secao(sessao: Sessao, processo_id: str, *, numero: int, local: str, aptos: int,
                    tipo: str = "urna") -> dict:
    """Seção de votação com seus eleitores aptos; ``tipo``: urna eletrônica ou votação manual (art. 9º §ún.)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    if motivo := regra_atos.recusa_secao(regra_atos.Atos.do_processo(proc)):
        raise ErroNegocio(motivo)
    numero = apuracao.inteiro(numero, "o número da seção", "Lei 320/2023, art. 10 II: locais de votação")
    aptos = apuracao.inteiro(aptos, "os eleitores aptos", "Lei 320/2023, art. 9º: listas de eleitores")
    if numero == 0:
        raise EntradaInvalida("O número da seção deve ser maior que zero.")
    if tipo not in ("urna", "manual"):
        raise EntradaInvalida("Tipo da seção: 'urna' (eletrônica) ou 'manual' (cédulas, art. 9º §ún.).")
    if armazem.numero_de_secao_em_uso(sessao.db, processo_id, numero):
        raise ErroNegocio(f"A seção {numero} já está cadastrada neste processo; confira o número "
                          "(Lei 320/2023, art. 10 II).")
    linha = {"id": novo_id(), "processo_id": processo_id, "numero": numero,
             "local": validacao.obrigatorio(local, "o local de votação"), "aptos": aptos, "tipo": tipo,
             "criado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.inserir("eleicao_secoes", linha)
    return linha


def por_que_sem_secao(sessao: Sessao, processo_id: str) -> str | None:
    """Para a aba Seções, antes de abrir o formulário: por que a fase não admite seção nova (edital não publicado,
    art. 7º; apuração começada, art. 14 §1º), com o artigo; ``None`` se admite (o número e o local são conferidos ao
    gravar)."""
    sessao.exigir(Permissao.ELEICAO_LER)
    return regra_atos.recusa_secao(regra_atos.Atos.do_processo(processo_ou_erro(sessao.db, processo_id)))


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
    exigir_apuracao(proc, "digitar")
    exigir_fase(proc, "homologado", "apuracao", acao="apurar boletins")
    exigir_dia_da_eleicao(proc, "digitar")
    return s, proc


def exigir_dia_da_eleicao(proc: dict, acao: str) -> None:
    """Recusa boletim, sessão de apuração ou resultado (``acao``: "digitar", "sessao" ou "publicar", de
    ``rules.eleicao.atos.ACOES_APURACAO``) antes do dia da eleição (Lei 320/2023, arts. 5º I e 9º) — a mesma trava que
    a tela mostra antes (``resultado.situacao_da_apuracao``)."""
    if motivo := regra_atos.recusa_apuracao_no_dia(regra_atos.Atos.do_processo(proc), acao,
                                                   date.fromisoformat(proc["eleicao"]), None, hoje()):
        raise ErroNegocio(motivo)


def _boletim(sessao: Sessao, s: dict, comparecimento, brancos, nulos, votos) -> apuracao.Boletim:
    b = apuracao.montar(s["numero"], s["aptos"], comparecimento, brancos, nulos, votos)
    apuracao.exigir_certo(b, habilitados(sessao.db, s["processo_id"]))
    return b


def _gravar_boletim(m, s: dict, proc: dict, b: apuracao.Boletim, origem: str, por: str | None,
                    justificativa: str | None) -> None:
    linha = {"secao_id": s["id"], "comparecimento": b.comparecimento, "brancos": b.brancos, "nulos": b.nulos,
             "votos": armazem.votos_para_json(b.votos), "origem": origem, "resolvido_por": por,
             "justificativa": justificativa, "apurado_em": agora()}
    m.inserir("eleicao_boletins", linha, pk="secao_id")
    auditar(m, s, proc, b)
    if proc["fase"] == "homologado":
        m.alterar("eleicao_processos", proc["id"], {"fase": "apuracao", "atualizado_em": agora()}, so_os_campos=True)


def auditar(m, s: dict, proc: dict, b: apuracao.Boletim) -> list[regra_auditoria.Alerta]:
    """Confere a plausibilidade do boletim; fora dos limites, abre um item na fila de auditoria."""
    regras = parametros.vigente(m.sessao, "eleicao_apuracao", date.fromisoformat(proc["eleicao"]))
    alertas = regra_auditoria.verificar(b, regras)
    if alertas:
        item = {"id": novo_id(), "secao_id": s["id"], "situacao": "pendente", "aberta_em": agora(),
                "alertas": json.dumps([{"codigo": a.codigo, "mensagem": a.mensagem} for a in alertas],
                                      ensure_ascii=False)}
        m.inserir("eleicao_auditorias", item)
    return alertas


def _para_boletim(d: dict, s: dict) -> apuracao.Boletim:
    return apuracao.Boletim(s["numero"], s["aptos"], d["comparecimento"], d["brancos"], d["nulos"], d["votos"])


def digitar(sessao: Sessao, secao_id: str, *, comparecimento, brancos, nulos, votos: dict) -> Digitacao:
    """Grava a digitação do boletim pelo usuário da sessão; na segunda, compara com a primeira."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    s, proc = _secao_e_processo(sessao, secao_id)
    exigir_funcao(sessao, proc["id"], FuncaoApuracao.MESARIO, "digitar boletins")
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
        m.inserir("eleicao_digitacoes", linha)
        if not anteriores:
            return Digitacao(AGUARDANDO)
        difs = apuracao.comparar(_para_boletim(anteriores[0], s), b)
        if difs:
            return Digitacao(DIVERGENTE, tuple(difs))
        if sync_registro.designada(m.db) is not None:
            return Digitacao(CONFERE_ENVIAR)  # o boletim é gravado só na máquina da comissão (ato único)
        _gravar_boletim(m, s, proc, b, "conferido", None, None)
    return Digitacao(CONFERIDO)


def conferir_recebidas(sessao: Sessao) -> int:
    """No PC da comissão (a réplica designada): as seções cujas duas digitações — feitas por usuários
    diferentes, em máquinas diferentes — chegaram em pacotes e conferem entram na apuração; as que
    divergem esperam o supervisor (``divergencias``/``resolver``). Devolve quantas entraram."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    if sync_registro.designada(sessao.db) is not None:
        return 0
    secoes = armazem.secoes_com_duas_digitacoes(sessao.db)
    feitas = 0
    for secao_id in secoes:
        s, proc = _secao_e_processo(sessao, secao_id)
        ds = armazem.digitacoes(sessao.db, secao_id)
        segunda = next(d for d in ds[1:] if d["usuario_id"] != ds[0]["usuario_id"])
        primeira, b = _para_boletim(ds[0], s), _para_boletim(segunda, s)
        if len(ds) > 2 or apuracao.comparar(primeira, b):
            continue  # divergem (ou mais de duas): o supervisor decide
        with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
            _gravar_boletim(m, s, proc, b, "conferido", None, None)
        feitas += 1
    return feitas


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
             justificativa: str, boletim_papel: str) -> None:
    """O supervisor decide os valores de uma seção divergente (não pode ter digitado a seção).

    Os valores são os da recontagem do boletim de papel (``boletim_papel``: qual papel foi conferido,
    por exemplo "boletim impresso da urna 0012, via da comissão"), gravada em ``eleicao_recontagens``.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    replicas.exigir_designada(sessao.db, "Resolver a divergência de um boletim")
    s, proc = _secao_e_processo(sessao, secao_id)
    exigir_funcao(sessao, proc["id"], FuncaoApuracao.SUPERVISOR, "resolver divergências")
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
    papel = " ".join((boletim_papel or "").split())
    if len(papel) < 5:
        raise EntradaInvalida("Registre a recontagem do boletim de papel: qual boletim foi conferido "
                              "(por exemplo, \"boletim impresso da urna, via da comissão\") — a divergência "
                              "só se resolve pelo papel (Lei 320/2023, art. 9º e §ún.).")
    b = _boletim(sessao, s, comparecimento, brancos, nulos, votos)
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        _gravar_boletim(m, s, proc, b, "supervisor", sessao.usuario.id, justificativa)
        registrar_recontagem(m, s, "divergencia", None, b, papel, justificativa)


def registrar_recontagem(m, s: dict, tipo: str, antes: dict | None, b: apuracao.Boletim, boletim_papel: str,
                         motivo: str) -> dict:
    """Grava a recontagem do boletim de papel (trilha: quem, quando, o que contava e o que ficou).

    ``boletim_papel`` descreve o boletim impresso conferido (não é papel de usuário: quem recontou
    vem da sessão da mudança ``m``)."""
    def numeros(x):
        return {"comparecimento": x["comparecimento"], "brancos": x["brancos"], "nulos": x["nulos"],
                "votos": {str(k): v for k, v in sorted(x["votos"].items())}}
    linha = {"id": novo_id(), "secao_id": s["id"], "tipo": tipo,
             "antes": json.dumps(numeros(antes)) if antes else None,
             "depois": json.dumps(numeros({"comparecimento": b.comparecimento, "brancos": b.brancos,
                                           "nulos": b.nulos, "votos": b.votos})),
             "boletim_papel": boletim_papel, "motivo": motivo, "feita_por": m.sessao.usuario.id, "feita_em": agora()}
    m.inserir("eleicao_recontagens", linha)
    return linha
