"""Decisões e o andamento do caso: comunicação, requisições, encaminhamentos, acompanhamento, impedimentos
e o painel de prazos. A ratificação ou retificação é do colegiado, em sessão com quórum
(``services.conselho.colegiado``); a comunicação do acolhimento ao juiz, em ``acolhimento``.

Lei 320/2023, art. 21 §1º (medida de plantão ratificada ou retificada no primeiro dia útil), §2º
(comunicação escrita em 48 horas), art. 44 (impedimento e suspeição); ECA, art. 136, III, a
(requisição de serviços públicos), art. 101 e 129 (medidas). Cada ação passa pelo sigilo do caso.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.rules.conselho import prazos as regra_prazos
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import atendimentos as armazem
from desktop.store.conselho import mandatos as armazem_m
from desktop.store.ids import agora, novo_id

from .. import parametros
from ..sessao import ErroNegocio, Sessao
from .atendimentos import _decisao, _momento, _validar_decisao, inserir_medidas, validar_medidas
from . import acolhimento
from .comum import agora_local, exigir_conteudo, iso_local, registrar_leitura

EDITAR = Permissao.CONSELHO_CASOS_EDITAR


def _existe(sessao: Sessao, atendimento_id: str) -> None:
    if not armazem.existe(sessao.db, atendimento_id):
        raise ErroNegocio("Atendimento não encontrado.")


def _linha(sessao: Sessao, tabela: str, id_: str) -> dict:
    exigir_conteudo(sessao, editar=True)  # antes de qualquer consulta ao arquivo sigiloso
    r = armazem.linha_do_caso(sessao.db, tabela, id_)
    if r is None:
        raise ErroNegocio("Registro não encontrado.")
    return r


def _inserir(sessao: Sessao, tabela: str, linha: dict) -> dict:
    with sessao.mudanca(EDITAR) as m:
        return m.inserir(tabela, linha)


def _alterar(sessao: Sessao, tabela: str, id_: str, valores: dict) -> dict:
    with sessao.mudanca(EDITAR) as m:
        return m.alterar(tabela, id_, valores)


def registrar_decisao(sessao: Sessao, atendimento_id: str, *, descricao: str, motivacao: str,
                      decidida_em: datetime | None = None, medidas: list[dict] | None = None,
                      emergencial: bool = False) -> dict:
    """Decisão do colegiado (ou emergencial, de plantão) com as medidas do ECA e os prazos do art. 21."""
    c = exigir_conteudo(sessao, atendimento_id, editar=True)
    _existe(sessao, atendimento_id)
    _validar_decisao(descricao, motivacao)
    criancas = armazem.criancas_vigentes(sessao.db, atendimento_id)
    medidas_ok = validar_medidas(medidas or [], len(criancas))
    quando = _momento(decidida_em or agora_local(), "Decidida em")
    with sessao.mudanca(EDITAR) as m:
        d = _decisao(m, sessao, atendimento_id, descricao, motivacao, quando, emergencial, c["id"])
        inserir_medidas(m, atendimento_id, d["id"], medidas_ok, criancas, quando)
    return d


def registrar_comunicacao(sessao: Sessao, decisao_id: str, comunicada_a: str, em: datetime | None = None) -> dict:
    """A decisão foi comunicada por escrito aos interessados (art. 21 §2º)."""
    exigir_conteudo(sessao, editar=True)
    d = _linha(sessao, "conselho_decisoes", decisao_id)
    exigir_conteudo(sessao, d["atendimento_id"], editar=True)
    if not (comunicada_a or "").strip():
        raise EntradaInvalida("Informe a quem a decisão foi comunicada (os interessados, art. 21 §6º).")
    if d["comunicada_em"]:
        raise ErroNegocio("A comunicação desta decisão já foi registrada.")
    return _alterar(sessao, "conselho_decisoes", decisao_id, {"comunicada_em": iso_local(em or agora_local()),
                                                              "comunicada_a": comunicada_a.strip()})


def registrar_requisicao(sessao: Sessao, atendimento_id: str, *, orgao: str, servico: str,
                         emitida_em: date | None = None, prazo: date | None = None) -> dict:
    """Requisição de serviço público (ECA, art. 136, III, a; Lei 320/2023, art. 37) com prazo."""
    exigir_conteudo(sessao, atendimento_id, editar=True)
    _existe(sessao, atendimento_id)
    if not (orgao or "").strip() or not (servico or "").strip():
        raise EntradaInvalida("Informe o órgão requisitado e o serviço requisitado.")
    emitida = emitida_em or date.today()
    prazo = prazo or emitida + timedelta(days=parametros.vigente(sessao, "conselho_prazos", emitida).prazo_requisicao_dias)
    if prazo < emitida:
        raise EntradaInvalida("O prazo da requisição não pode ser anterior à emissão.")
    return _inserir(sessao, "conselho_requisicoes", {
        "id": novo_id(), "atendimento_id": atendimento_id, "orgao": orgao.strip(), "servico": servico.strip(),
        "emitida_em": emitida.isoformat(), "prazo": prazo.isoformat(), "atendida_em": None, "resposta": None,
        "criado_em": agora()})


def responder_requisicao(sessao: Sessao, requisicao_id: str, resposta: str, em: date | None = None) -> dict:
    exigir_conteudo(sessao, editar=True)
    r = _linha(sessao, "conselho_requisicoes", requisicao_id)
    exigir_conteudo(sessao, r["atendimento_id"], editar=True)
    if not (resposta or "").strip():
        raise EntradaInvalida("Resuma a resposta do órgão requisitado.")
    return _alterar(sessao, "conselho_requisicoes", requisicao_id,
                    {"atendida_em": (em or date.today()).isoformat(), "resposta": resposta.strip()})


def registrar_encaminhamento(sessao: Sessao, atendimento_id: str, destino: str, motivo: str = "",
                             em: date | None = None) -> dict:
    exigir_conteudo(sessao, atendimento_id, editar=True)
    _existe(sessao, atendimento_id)
    if not (destino or "").strip():
        raise EntradaInvalida("Informe para onde o caso foi encaminhado.")
    return _inserir(sessao, "conselho_encaminhamentos", {
        "id": novo_id(), "atendimento_id": atendimento_id, "destino": destino.strip(), "motivo": (motivo or "").strip(),
        "encaminhado_em": (em or date.today()).isoformat()})


def registrar_acompanhamento(sessao: Sessao, atendimento_id: str, texto: str, em: datetime | None = None) -> dict:
    c = exigir_conteudo(sessao, atendimento_id, editar=True)
    _existe(sessao, atendimento_id)
    if not (texto or "").strip():
        raise EntradaInvalida("Escreva o que foi feito no acompanhamento.")
    return _inserir(sessao, "conselho_acompanhamentos", {
        "id": novo_id(), "atendimento_id": atendimento_id, "registrado_em": iso_local(em or agora_local()),
        "texto": texto.strip(), "conselheiro_id": c["id"]})


def declarar_impedimento(sessao: Sessao, atendimento_id: str, tipo: str, motivo: str,
                         conselheiro_id: str | None = None) -> dict:
    """Impedimento (art. 44, I-IV) ou suspeição por foro íntimo (§1º). Sem ``conselheiro_id``, é o próprio
    usuário quem declara; com ele, o colegiado registra o afastamento pedido pelo interessado (§2º).
    Depois disso o impedido não vê nem age no caso."""
    c = exigir_conteudo(sessao, atendimento_id, editar=True)
    _existe(sessao, atendimento_id)
    if tipo not in ("impedimento", "suspeicao"):
        raise EntradaInvalida("Declare impedimento ou suspeição (art. 44).")
    if tipo == "impedimento" and not (motivo or "").strip():
        raise EntradaInvalida("Indique o motivo do impedimento (art. 44, I a IV).")
    alvo = conselheiro_id or c["id"]
    if armazem_m.conselheiro(sessao.db, alvo) is None:
        raise ErroNegocio("Conselheiro não encontrado.")
    if armazem.impedido(sessao.db, atendimento_id, alvo):
        raise ErroNegocio("O impedimento ou a suspeição deste conselheiro neste caso já foi registrado.")
    return _inserir(sessao, "conselho_impedimentos", {
        "id": novo_id(), "atendimento_id": atendimento_id, "conselheiro_id": alvo, "tipo": tipo,
        "motivo": (motivo or "foro íntimo").strip(), "declarado_em": agora()})


def painel_prazos(sessao: Sessao, momento: datetime | None = None, *, incluir_no_prazo: bool = True) -> list[dict]:
    """O que está por vencer e o que venceu: comunicação (48 h), ratificação de plantão, requisições e a
    comunicação do acolhimento ao juiz (24 h, ECA art. 93).

    Cada item: tipo ('comunicacao' | 'ratificacao' | 'requisicao' | 'juizo'), atendimento (nº/ano), atendimento_id,
    registro_id, limite (texto ISO), situacao ('no_prazo' | 'vence_hoje' | 'vencido') e a descrição.
    """
    c = exigir_conteudo(sessao)
    agora_ = momento or agora_local()
    itens = []
    for r in armazem.prazos(sessao.db, excluir_de=c["id"] if c else None):
        numero = f"{r['numero']}/{r['ano']}"
        if r.get("_requisicao"):
            itens.append(("requisicao", r, date.fromisoformat(r["prazo"]), f"Requisição a {r['orgao']}"))
            continue
        if r["comunicada_em"] is None:
            itens.append(("comunicacao", r, datetime.fromisoformat(r["comunicar_ate"]),
                          "Comunicar a decisão por escrito (art. 21 §2º)"))
        if r["emergencial"] and r["colegiado"] is None:
            itens.append(("ratificacao", r, date.fromisoformat(r["ratificar_ate"]),
                          "Levar a medida de plantão ao colegiado (art. 21 §1º)"))
    for r in acolhimento.a_comunicar(sessao.db, excluir_de=c["id"] if c else None):
        itens.append(("juizo", {**r, "atendimento_id": r["atendimento_id"]}, datetime.fromisoformat(r["limite"]),
                      "Comunicar o acolhimento ao juiz em 24 horas (ECA, art. 93)"))
    saida = []
    for tipo, r, limite, descricao in itens:
        sit = regra_prazos.situacao(limite, None, agora_)
        if sit == regra_prazos.NO_PRAZO and not incluir_no_prazo:
            continue
        saida.append({"tipo": tipo, "atendimento": f"{r['numero']}/{r['ano']}", "atendimento_id": r["atendimento_id"],
                      "registro_id": r["id"], "limite": limite.isoformat(), "situacao": sit, "descricao": descricao})
    ordem = {regra_prazos.VENCIDO: 0, regra_prazos.VENCE_HOJE: 1, regra_prazos.NO_PRAZO: 2}
    saida.sort(key=lambda x: (ordem[x["situacao"]], x["limite"]))
    registrar_leitura(sessao, "painel", {"acao": "painel_prazos", "itens": len(saida)})
    return saida
