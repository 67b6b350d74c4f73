"""Oferta do processo de certificação e o seu aviso público (Portaria MEC 902/2024, arts. 11 III, 23 e 27 §ún)."""
from __future__ import annotations

import json
from datetime import date

from desktop.reports.certificacao.dados import DadosEdital
from desktop.reports.certificacao.edital import TITULO, gerar_edital
from desktop.rules.certificacao.resultado import DOCUMENTO_POR_TIPO
from desktop.rules.certificacao.tipos import (ETAPAS, ROTULOS_ETAPA, ROTULOS_TIPO, TITULOS_DOCUMENTO,
                                              TipoCertificacao, TipoDocumento)
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem

from .. import documentos
from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, data_de, iso, obrigatorio, prazos
from .instituicao import exigir_adesao

CAMPOS_ART_23 = {
    "ocupacoes": "as profissões ou ocupações a certificar (art. 23, I)",
    "inscricao": "os procedimentos e orientações da inscrição (art. 23, IV)",
    "matricula": "os critérios e documentos da matrícula (art. 23, V)",
    "cronograma": "o cronograma de atendimento com etapas e prazos (art. 23, VII)",
    "criterios_aprovacao": "os critérios de aprovação (art. 23, VIII)",
}


def cadastrar_oferta(sessao: Sessao, *, ppcp_id: str, titulo: str, conteudos: dict[str, str],
                     inscricoes_de: date, inscricoes_ate: date, vagas: int | None = None,
                     hoje: date | None = None) -> dict:
    """Cadastra a oferta de um PPCP aprovado (art. 11 III), com o que o art. 23 manda publicar.
    Recusa sem adesão vigente (art. 27 §ún)."""
    sessao.exigir(EDITAR)
    faltam = [d for c, d in CAMPOS_ART_23.items() if not str(conteudos.get(c) or "").strip()]
    if faltam:
        raise ErroNegocio("Para publicar a oferta, informe " + "; ".join(faltam) + ".")
    if inscricoes_ate < inscricoes_de:
        raise ErroNegocio("O fim das inscrições deve ser depois do início.")
    with sessao.mudanca(EDITAR) as m:
        p = armazem.ppcp(m.db, ppcp_id)
        if not p["aprovado_em"]:
            raise ErroNegocio("O PPCP ainda não foi aprovado pelo órgão competente; registre a aprovação "
                              "antes de ofertar (Portaria MEC 902/2024, art. 11, III).")
        exigir_adesao(sessao, m.db, p["unidade_id"], "ofertar novo processo de certificação", hoje)
        linha = m.inserir("cert_ofertas", armazem_linhas.linha_nova(m.db, "cert_ofertas", {
            "ppcp_id": ppcp_id, "titulo": obrigatorio(titulo, "o título da oferta"),
            "conteudos": json.dumps(conteudos, ensure_ascii=False), "inscricoes_de": iso(inscricoes_de),
            "inscricoes_ate": iso(inscricoes_ate), "vagas": vagas}))
    return linha


def listar_ofertas(sessao: Sessao) -> list[dict]:
    sessao.exigir(LER)
    return armazem.ofertas(sessao.db)


def dados_edital(sessao: Sessao, oferta_id: str) -> DadosEdital:
    sessao.exigir(LER)
    o = armazem.oferta(sessao.db, oferta_id)
    p = armazem.ppcp(sessao.db, o["ppcp_id"])
    inst = armazem.instituicao_da_unidade(sessao.db, p["unidade_id"])
    tipo = TipoCertificacao(p["tipo"])
    doc = DOCUMENTO_POR_TIPO[tipo][0]
    c = o["conteudos"]
    dias = prazos(sessao).recurso_dias
    return DadosEdital(
        titulo=o["titulo"], unidade=p["unidade"], instituicao=inst["nome"], perfil=p["perfil"],
        tipo=ROTULOS_TIPO[tipo], ocupacoes=c["ocupacoes"],
        competencias=tuple(x["nome"] for x in armazem.competencias(sessao.db, p["id"])),
        inscricao=c["inscricao"], matricula=c["matricula"],
        etapas=tuple(ROTULOS_ETAPA[e] for e in ETAPAS), cronograma=c["cronograma"],
        criterios_aprovacao=c["criterios_aprovacao"],
        recurso=c.get("recurso") or (f"O trabalhador pode recorrer do resultado da avaliação em até {dias} dias "
                                     "úteis após a divulgação, por escrito, à secretaria da unidade; os "
                                     "documentos só são emitidos depois do prazo, da decisão do recurso ou da "
                                     "renúncia escrita (Lei 9.784/1999, arts. 51 e 66)."),
        documentos=(f"{TITULOS_DOCUMENTO[doc]} com histórico escolar, quando todas as competências forem "
                    f"reconhecidas; {TITULOS_DOCUMENTO[TipoDocumento.ATESTADO].lower()}, quando parte delas."),
        inscricoes_de=data_de(o["inscricoes_de"]), inscricoes_ate=data_de(o["inscricoes_ate"]), vagas=o["vagas"],
        acessibilidade=p["conteudos"].get("acessibilidade", ""))


def emitir_edital(sessao: Sessao, oferta_id: str) -> documentos.Emitido:
    """Emite o aviso público (art. 23), registrado e verificável; marca a oferta como publicada."""
    sessao.exigir(EDITAR)
    d = dados_edital(sessao, oferta_id)
    with sessao.mudanca(EDITAR) as m:
        e = documentos.emitir(sessao, tipo=TipoDocumento.EDITAL.value, titulo=TITULO, referencia=d.titulo,
                              montar=lambda cab, rod: gerar_edital(cab, rod, d))
        if not armazem.oferta(m.db, oferta_id)["publicada_em"]:
            m.alterar("cert_ofertas", oferta_id, armazem_linhas.carimbado(m.db, "cert_ofertas",
                                                                 {"publicada_em": date.today().isoformat()}))
    return e
