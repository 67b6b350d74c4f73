"""Resultado do processo, documentos devidos, vias, recurso e o que os documentos não podem dizer.

Portaria MEC 902/2024: documento por tipo (art. 14), histórico (arts. 15 e 16), código Sistec do
diploma de técnico (art. 15 §1º), silêncio sobre a forma e a modalidade (arts. 15 §2º e 16 §ún),
atestado (art. 24 §7º), primeira via gratuita (art. 26 §2º), recurso (art. 13 XI).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .tipos import (DIPLOMAS, FUNDAMENTO, Impedimento, Prazos, Resultado, TipoCertificacao as T,
                    TipoDocumento as D)

DOCUMENTO_POR_TIPO = {
    T.QUALIFICACAO: (D.CERTIFICADO_QUALIFICACAO, f"{FUNDAMENTO}, art. 14, I"),
    T.TECNICO: (D.DIPLOMA_TECNICO, f"{FUNDAMENTO}, art. 14, II"),
    T.ESPECIALIZACAO: (D.CERTIFICADO_ESPECIALISTA, f"{FUNDAMENTO}, art. 14, III"),
    T.TECNOLOGIA: (D.DIPLOMA_TECNOLOGO, f"{FUNDAMENTO}, art. 14, IV"),
}

TERMOS_VEDADOS = ("reconhecimento", "reconhecid", "saberes", "experiencia", "previa", "previo",
                  "modalidade", "distancia", "presencial", "ead", "semipresencial", "rede certifica",
                  "certificacao profissional", "portaria")
"""Palavras que denunciam a forma de obtenção ou a modalidade (arts. 15 §2º e 16 §ún), sem acentos."""


def classificar(reconhecidas: int, total: int) -> Resultado:
    """Todas as competências do perfil → integral; algumas → parcial; nenhuma → nenhum (arts. 14, 24 §7º)."""
    if total <= 0:
        raise ValueError("o perfil não tem competências")
    if reconhecidas >= total:
        return Resultado.INTEGRAL
    return Resultado.PARCIAL if reconhecidas > 0 else Resultado.NENHUM


@dataclass(frozen=True)
class Devidos:
    documentos: tuple[D, ...]
    fundamento: str
    explicacao: str


def documentos_devidos(tipo: T, resultado: Resultado) -> Devidos:
    """O que emitir: integral → certificado ou diploma do tipo (art. 14) com histórico (arts. 15-16);
    parcial → atestado de reconhecimento (art. 24 §7º); nenhum → nada a emitir."""
    resultado = Resultado(resultado)
    if resultado is Resultado.INTEGRAL:
        doc, fund = DOCUMENTO_POR_TIPO[T(tipo)]
        hist = "art. 15" if doc in DIPLOMAS else "art. 16"
        return Devidos((doc, D.HISTORICO), f"{fund}; {hist}",
                       "Todas as competências do perfil foram reconhecidas.")
    if resultado is Resultado.PARCIAL:
        return Devidos((D.ATESTADO,), f"{FUNDAMENTO}, art. 24, §7º",
                       "Parte das competências foi reconhecida: insuficiente para certificado ou "
                       "diploma, o atestado registra o que foi reconhecido.")
    return Devidos((), f"{FUNDAMENTO}, art. 24, V e §7º",
                   "Nenhuma competência foi reconhecida: não há documento a emitir; oriente o "
                   "trabalhador sobre cursos e nova avaliação.")


def exigir_codigo_sistec(doc: D, codigo: str | None) -> None:
    """O diploma de técnico leva o código autenticador do registro no Sistec (art. 15 §1º)."""
    if D(doc) is D.DIPLOMA_TECNICO and not (codigo or "").strip():
        raise Impedimento("Informe o código autenticador do registro do diploma no Sistec antes de emiti-lo.",
                          f"{FUNDAMENTO}, art. 15, §1º")


def _sem_acento(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto.lower()) if unicodedata.category(c) != "Mn")


def termos_vedados(texto: str) -> list[str]:
    """Os termos vedados presentes no texto (arts. 15 §2º e 16 §ún); lista vazia se está limpo."""
    limpo = _sem_acento(texto)
    return [t for t in TERMOS_VEDADOS if re.search(rf"\b{re.escape(t)}", limpo)]


def exigir_texto_limpo(texto: str) -> None:
    achados = termos_vedados(texto)
    if achados:
        raise Impedimento("O texto do documento não pode mencionar a forma de obtenção nem a "
                          f"modalidade (encontrado: {', '.join(achados)}); ajuste os nomes cadastrados.",
                          f"{FUNDAMENTO}, art. 15, §2º e art. 16, parágrafo único")


def verificar_nova_via(via: int, motivo: str | None) -> str:
    """A 1ª via é gratuita (art. 26 §2º); da 2ª em diante registra-se o motivo. Devolve a observação."""
    if via <= 1:
        return "1ª via, sem cobrança de taxa (Portaria MEC 902/2024, art. 26, §2º)."
    if len(" ".join((motivo or "").split())) < 10:
        raise Impedimento(f"Explique o motivo da {via}ª via (pelo menos 10 caracteres), por exemplo "
                          "\"extravio da 1ª via\".", f"{FUNDAMENTO}, art. 26, §2º")
    return f"{via}ª via: {' '.join(motivo.split())}"


def verificar_cancelamento_via(via: int, vias_validas: list[int]) -> None:
    """Só a via mais recente ainda válida pode ser cancelada (a anterior foi substituída por ela)."""
    if via not in vias_validas:
        raise Impedimento(f"A {via}ª via já está cancelada.", f"{FUNDAMENTO}, art. 26, §2º")
    if via != max(vias_validas):
        raise Impedimento(f"Só a via mais recente ({max(vias_validas)}ª) pode ser cancelada; a {via}ª "
                          "via não.", f"{FUNDAMENTO}, art. 26, §2º (numeração das vias)")


def prazo_recurso(resultado_em: date, prazos: Prazos) -> date:
    """Último dia para recorrer do resultado (art. 13 XI; prazo da regulamentação interna)."""
    return resultado_em + timedelta(days=prazos.recurso_dias)


def verificar_recurso(resultado_em: date, interposto_em: date, prazos: Prazos) -> None:
    limite = prazo_recurso(resultado_em, prazos)
    if interposto_em > limite:
        raise Impedimento(f"O prazo de recurso terminou em {limite:%d/%m/%Y} ({prazos.recurso_dias} dias "
                          "após o resultado).", f"{FUNDAMENTO}, art. 13, XI")
    if interposto_em < resultado_em:
        raise Impedimento("O recurso não pode ser anterior ao resultado.", f"{FUNDAMENTO}, art. 13, XI")
