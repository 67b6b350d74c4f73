"""Comunicado do resultado ao trabalhador, com o prazo de recurso (Portaria MEC 902/2024, art. 13 XI), e a
pasta do processo impressa (art. 12 XIV)."""
from __future__ import annotations

from desktop.reports.certificacao.comunicado import TITULO, DadosComunicado, gerar_comunicado
from desktop.reports.certificacao.dados import LinhaHistorico
from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import formatar_cpf

from .. import documentos, emissores
from ..sessao import ErroNegocio, Sessao
from .comum import data_de, prazos
from .processos import detalhar_processo


def emitir_comunicado(sessao: Sessao, processo_id: str) -> documentos.Emitido:
    """Emite (registrado e verificável) o comunicado do resultado com o último dia do recurso, contado
    em dias úteis do calendário do emissor da unidade (Lei 9.784/1999, art. 66)."""
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    p = detalhar_processo(sessao, processo_id)
    if not p["resultado_em"]:
        raise ErroNegocio("Ainda não há resultado de avaliação a comunicar (Portaria MEC 902/2024, art. 24, IV).")
    resultado_em = data_de(p["resultado_em"])
    d = DadosComunicado(
        nome=p["nome"], cpf=formatar_cpf(p["cpf"]), perfil=p["perfil"], curso=p["curso"], unidade=p["unidade"],
        resultado=p["resultado"], resultado_em=resultado_em, prazo_dias=prazos(sessao, resultado_em).recurso_dias,
        prazo_ate=p["prazo_recurso"],
        linhas=tuple(LinhaHistorico(a["componente"], a["nome"], a["carga_horaria"], bool(a["reconhecida"]))
                     for a in p["avaliacoes"]))
    return documentos.emitir(sessao, tipo="cert_comunicado_resultado", titulo=TITULO,
                             montar=lambda cab, rod: gerar_comunicado(cab, rod, d),
                             referencia=f"{p['nome']} — resultado de {formato.data(resultado_em)}", titular=p["nome"],
                             cpf=p["cpf"], emissor_id=emissores.da_unidade(sessao.db, p["unidade_id"]))


def emitir_pasta(sessao: Sessao, processo_id: str) -> documentos.Emitido:
    """A pasta do processo inteira em PDF (registrado): etapas com o que registraram, recursos, documentos."""
    from desktop.reports.certificacao.pasta import TITULO as TITULO_PASTA, DadosPasta, gerar_pasta
    from desktop.rules.certificacao.tipos import (ROTULOS_ETAPA, ROTULOS_RESULTADO, ROTULOS_SITUACAO, TITULOS_DOCUMENTO, Etapa,
                                                  TipoDocumento)

    from .anexos import TIPOS as TIPOS_ANEXO, listar_anexos

    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    p = detalhar_processo(sessao, processo_id)

    recursos = [f"Interposto em {formato.data(r['interposto_em'])}: {r['fundamentacao'].rstrip('.')}. "
                + (f"{'Deferido' if r['deferido'] else 'Indeferido'} em {formato.data(r['decidido_em'])}: {r['decisao']}."
                   if r["decidido_em"] else "Sem decisão.") for r in p["recursos"]]
    if p.get("renuncia_recurso_em"):
        recursos.append(f"Renúncia escrita ao recurso em {formato.data(p['renuncia_recurso_em'])}: {p['renuncia_recurso_termo']}.")
    d = DadosPasta(
        identificacao=(("Trabalhador", p["nome"]), ("CPF", formatar_cpf(p["cpf"])), ("Perfil", p["perfil"]),
                       ("Curso", p["curso"]), ("Unidade", p["unidade"]), ("Situação", ROTULOS_SITUACAO.get(p["situacao"], p["situacao"])),
                       ("Inscrito em", formato.data(p["inscrito_em"])), ("Resultado", ROTULOS_RESULTADO.get(p["resultado"] or "", p["resultado"]))),
        etapas=tuple((ROTULOS_ETAPA[Etapa(e["etapa"])], formato.data(e["realizada_em"]), e["registrado_por"], e["resumo"] or "—")
                     for e in p["etapas"]),
        recursos=tuple(recursos),
        documentos=tuple((TITULOS_DOCUMENTO.get(TipoDocumento(e["tipo_documento"]), e["tipo_documento"]), f"{e['via']}ª",
                          f"nº {e['numero_registro']}, livro {e['livro']}, folha {e['folha']}",
                          "cancelado" if e["cancelado_em"] else "substituído" if e["substituido_em"] else "válido")
                         for e in p["emissoes"]),
        anexos=tuple((TIPOS_ANEXO[a["tipo"]], a["descricao"], f"{a['nome_arquivo']} ({max(1, a['tamanho'] // 1024)} KB)",
                      f"{formato.data(a['anexado_em'][:10])} por {a['anexado_por']} · {a['sha256'][:16]}…")
                     for a in listar_anexos(sessao, processo_id)))
    return documentos.emitir(sessao, tipo="cert_pasta_processo", titulo=TITULO_PASTA,
                             montar=lambda cab, rod: gerar_pasta(cab, rod, d),
                             referencia=f"{p['nome']} — pasta do processo", titular=p["nome"], cpf=p["cpf"],
                             emissor_id=emissores.da_unidade(sessao.db, p["unidade_id"]))
