"""Comunicado do resultado ao trabalhador, com o prazo de recurso (Portaria MEC 902/2024, art. 13 XI)."""
from __future__ import annotations

from desktop.reports.certificacao.comunicado import TITULO, DadosComunicado, gerar_comunicado
from desktop.reports.certificacao.dados import LinhaHistorico
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
                             referencia=f"{p['nome']} — resultado de {resultado_em:%d/%m/%Y}", titular=p["nome"],
                             cpf=p["cpf"], emissor_id=emissores.da_unidade(sessao.db, p["unidade_id"]))
