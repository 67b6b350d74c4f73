"""Documentos do processo: certificado ou diploma com histórico, atestado, vias e cancelamento.

Portaria MEC 902/2024: arts. 14, 15, 16, 24 §7º e 26 §2º. Cada documento é registrado e
verificável (``services.documentos.emitir``) e ganha registro em livro, folha e número.
"""
from __future__ import annotations

from datetime import date

from desktop.reports.certificacao.atestado import TITULO as TITULO_ATESTADO, gerar_atestado
from desktop.reports.certificacao.dados import DadosAtestado, DadosTitulo, LinhaHistorico, Registro
from desktop.reports.certificacao.titulos import gerar_historico, gerar_titulo
from desktop.rules.certificacao import curriculo, resultado as regras_resultado
from desktop.rules.certificacao.tipos import DIPLOMAS, TITULOS_DOCUMENTO, TipoCertificacao, TipoDocumento as D
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import formatar_cpf
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem
from desktop.store.certificacao import livros as consultas_livros
from desktop.store.certificacao import processos as consultas

from .. import documentos, documentos_vias, emissores
from . import livros
from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, data_de, pisos, regras


def _signatarios(db, unidade_id: str) -> tuple[tuple[str, str], ...]:
    """Nome e cargo dos signatários do emissor da unidade (sem o ato de designação, que cita portarias)."""
    emissor_id = emissores.resolver(db, tipo="cert_", emissor_id=emissores.da_unidade(db, unidade_id)).id
    return tuple((s["nome"], s["cargo"]) for s in emissores.signatarios(db, emissor_id))[:2]


def _montador(sessao: Sessao, processo_id: str, doc: D, registro: Registro, data_conclusao: date,
              principal: D | None = None):
    """A função que monta o PDF do documento a partir do processo (sem gravar nada)."""
    p = consultas.processo(sessao.db, processo_id)
    curso = armazem.curso(sessao.db, armazem.ppcp(sessao.db, p["ppcp_id"])["curso_id"])
    inst = armazem.instituicao_da_unidade(sessao.db, p["unidade_id"])
    aval = consultas.avaliacoes(sessao.db, processo_id)
    linhas = tuple(LinhaHistorico(a["componente"], a["nome"], a["carga_horaria"], bool(a["reconhecida"])) for a in aval)
    if doc is D.ATESTADO:
        d = DadosAtestado(p["nome"], formatar_cpf(p["cpf"]), p["perfil"], curso["nome"], p["unidade"], inst["nome"],
                          data_de(p["resultado_em"]), registro, tuple(l for l in linhas if l.aprovada), len(linhas))
        return TITULO_ATESTADO, lambda cab, rod: gerar_atestado(cab, rod, d)
    base = principal or doc
    t = armazem.trabalhador(sessao.db, p["trabalhador_id"])
    matriz = armazem.componentes_curso(sessao.db, curso["id"])
    with regras():
        curriculo.exigir_identificacao(t)
        carga = None
        if curso["tipo"] == p["tipo"]:  # o título é do próprio curso: horas da matriz (arts. 14-17)
            carga = curriculo.verificar_matriz(curso["tipo"], [curriculo.Componente(m["nome"], m["carga_horaria"])
                                                              for m in matriz], curso["carga_horaria_minima"],
                                              pisos(sessao))
    naturalidade = f"{t['naturalidade']}/{t['naturalidade_uf']}" if t["naturalidade_uf"] else t["naturalidade"]
    d = DadosTitulo(tipo_documento=base.value, titulo=TITULOS_DOCUMENTO[base], nome=p["nome"],
                    cpf=formatar_cpf(p["cpf"]), nascimento=data_de(p["nascimento"]), curso=curso["nome"],
                    perfil=p["perfil"], unidade=p["unidade"], instituicao=inst["nome"], data_conclusao=data_conclusao,
                    registro=registro, linhas=linhas, codigo_catalogo=curso["codigo_catalogo"],
                    sistec_codigo=p["sistec_codigo"] if base is D.DIPLOMA_TECNICO else None,
                    eixo=curso["eixo"], diploma=base in DIPLOMAS, signatarios=_signatarios(sessao.db, p["unidade_id"]),
                    nacionalidade=t["nacionalidade"] or "", naturalidade=naturalidade or "", rg=t["rg"] or "",
                    rg_orgao=t["rg_orgao"] or "", ato_autorizacao=curso["ato_autorizacao"] or "",
                    componentes=tuple((m["nome"], m["carga_horaria"]) for m in matriz) if carga else (),
                    carga_horaria=carga, carga_horaria_minima=curso["carga_horaria_minima"] if carga else None,
                    catalogo=curriculo.CATALOGO.get(TipoCertificacao(curso["tipo"]), ""))
    if doc is D.HISTORICO:
        return TITULOS_DOCUMENTO[D.HISTORICO], lambda cab, rod: gerar_historico(cab, rod, d)
    return TITULOS_DOCUMENTO[doc], lambda cab, rod: gerar_titulo(cab, rod, d)


def _emitir(sessao: Sessao, m, processo_id: str, doc: D, registro: Registro, data_conclusao: date,
            referencia: str, principal: D | None, registro_id: str | None = None) -> documentos.Emitido:
    titulo, montar = _montador(sessao, processo_id, doc, registro, data_conclusao, principal)
    with regras():
        p = consultas.processo(m.db, processo_id)
        e = documentos.emitir(sessao, tipo=doc.value, titulo=titulo, montar=montar, referencia=referencia,
                              via=registro.via, titular=p["nome"], cpf=p["cpf"],
                              emissor_id=emissores.da_unidade(m.db, p["unidade_id"]))
    m.inserir("cert_emissoes", armazem_linhas.linha_nova(m.db, "cert_emissoes", {
        "processo_id": processo_id, "documento_id": e.id, "tipo_documento": doc.value, "livro": registro.livro,
        "folha": registro.folha, "numero_registro": registro.numero, "via": registro.via,
        "observacao_via": registro.observacao_via, "referencia": referencia, "registro_id": registro_id}))
    return e


def emitir_documentos_do_processo(sessao: Sessao, processo_id: str, data_conclusao: date, *,
                                  sistec_codigo: str | None = None) -> list[documentos.Emitido]:
    """Emite a 1ª via (gratuita, art. 26 §2º) do que o resultado exige (arts. 14 e 24 §7º):
    o certificado ou diploma e o histórico (arts. 15-16), ou o atestado. O diploma de técnico exige
    o código do Sistec (art. 15 §1º). Chamado pela etapa de certificação, na mesma transação. O título
    ganha um registro no livro aberto do emissor (``livros.registrar_titulo``); o histórico, o mesmo."""
    with sessao.mudanca(EDITAR) as m:
        p = consultas.processo(m.db, processo_id)
        if not p["resultado"]:
            raise ErroNegocio("Registre a avaliação antes de emitir os documentos (Portaria MEC 902/2024, art. 24, IV-V).")
        if sistec_codigo:
            consultas.gravar_sistec_do_processo(m.db, processo_id, sistec_codigo)
        devidos = regras_resultado.documentos_devidos(p["tipo"], p["resultado"])
        principal = devidos.documentos[0] if devidos.documentos and devidos.documentos[0] is not D.ATESTADO else None
        if principal:
            with regras():
                regras_resultado.exigir_codigo_sistec(principal, sistec_codigo or p["sistec_codigo"])
        emitidos = []
        registro = None
        for doc in devidos.documentos:  # o histórico vai no registro do seu título (não é registrado à parte)
            if registro is None:
                lanc = livros.registrar_titulo(m, p, doc, data_conclusao)
                registro = Registro(str(lanc.livro), lanc.folha, lanc.numero, 1,
                                    regras_resultado.verificar_nova_via(1, None), lanc.registrado_em)
                registro_id = lanc.id
            referencia = f"{p['nome']} — registro nº {registro.numero}, livro {registro.livro}, folha {registro.folha}"
            emitidos.append(_emitir(sessao, m, processo_id, doc, registro, data_conclusao, referencia, principal,
                                    registro_id))
    return emitidos


def _data_conclusao(db, processo_id: str) -> date:
    for e in consultas.etapas(db, processo_id):
        if e["etapa"] == "certificacao":
            return data_de(e["realizada_em"])
    raise ErroNegocio("O processo ainda não passou pela etapa de certificação.")


def emitir_nova_via(sessao: Sessao, emissao_id: str, motivo: str, *, perdida: bool = False) -> documentos.Emitido:
    """Emite a via seguinte do mesmo registro (mesmo número do documento), com o motivo (art. 26 §2º).

    As vias anteriores ainda válidas deixam de valer no mesmo ato: ``perdida`` (extravio) as cancela;
    senão ficam "substituídas" pela nova. Só uma via vale de cada vez, e repetir o pedido não deixa
    duas válidas."""
    with sessao.mudanca(EDITAR) as m:
        e = consultas.emissao(m.db, emissao_id)
        if e is None:
            raise ErroNegocio("Documento não encontrado.")
        vias = consultas.vias(m.db, e["tipo_documento"], e["numero_registro"])
        via = max(v["via"] for v in vias) + 1
        with regras():
            regras_resultado.exigir_titulo_valido(e["numero_registro"], vias)
            obs = regras_resultado.verificar_nova_via(via, motivo)
        doc = D(e["tipo_documento"])
        p = consultas.processo(m.db, e["processo_id"])
        principal = None
        if doc is D.HISTORICO:
            principal = regras_resultado.documentos_devidos(p["tipo"], p["resultado"]).documentos[0]
        lanc = consultas_livros.registro(m.db, e["registro_id"]) if e.get("registro_id") else None
        registro = Registro(e["livro"], e["folha"], e["numero_registro"], via, obs,
                            data_de(lanc["registrado_em"]) if lanc else None)
        primeira = next(v for v in vias if v["via"] == 1)
        nova = _emitir(sessao, m, e["processo_id"], doc, registro, _data_conclusao(m.db, e["processo_id"]),
                       primeira["referencia"], principal, e.get("registro_id"))
        for v in vias:
            if v["cancelado_em"] or v["substituido_em"]:
                continue
            if perdida:
                documentos_vias.cancelar_no_ato(m, v["documento_id"], f"{v['via']}ª via extraviada: cancelada ao "
                                                f"emitir a {via}ª via (código {nova.codigo}). {' '.join(motivo.split())}")
            else:
                documentos_vias.substituir_por(m, v["documento_id"], nova.id,
                                               f"substituída pela {via}ª via: {' '.join(motivo.split())}")
        return nova


def cancelar_via(sessao: Sessao, emissao_id: str, motivo: str) -> dict:
    """Cancela uma via; só a mais recente ainda válida pode ser cancelada."""
    sessao.exigir(EDITAR)
    e = consultas.emissao(sessao.db, emissao_id)
    if e is None:
        raise ErroNegocio("Documento não encontrado.")
    vias = consultas.vias(sessao.db, e["tipo_documento"], e["numero_registro"])
    with regras():
        regras_resultado.verificar_cancelamento_via(e["via"], [v["via"] for v in vias if not v["cancelado_em"]])
    with sessao.mudanca(Permissao.DOCUMENTOS_CANCELAR) as m:
        cancelado = documentos.cancelar(sessao, e["codigo"], motivo)
        documentos_vias.restaurar_substituidos(m, cancelado["id"])  # a via anterior volta a valer
    return cancelado


def listar_emissoes(sessao: Sessao, processo_id: str | None = None) -> list[dict]:
    sessao.exigir(LER)
    return consultas.emissoes(sessao.db, processo_id)
