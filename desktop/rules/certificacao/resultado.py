"""Resultado do processo, documentos devidos, vias, recurso e o que os documentos não podem dizer.

Portaria MEC 902/2024: documento por tipo (art. 14), histórico (arts. 15 e 16), código Sistec do
diploma de técnico (art. 15 §1º), silêncio sobre a forma e a modalidade (arts. 15 §2º e 16 §ún),
atestado (art. 24 §7º), primeira via gratuita (art. 26 §2º), recurso (art. 13 XI) e o prazo
em dias úteis (Lei 9.784/1999, art. 66).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable

import holidays
from dateutil.easter import easter

from desktop.rules import calendario, formato
from desktop.rules.calendario import FeriadoMunicipal

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
                  "certificacao", "unidade certificadora", "certificador", "portaria")
"""Palavras que denunciam a forma de obtenção ou a modalidade (arts. 15 §2º e 16 §ún), sem acentos.
Casam no início da palavra: "certificação" é vedada, "certificado" (o nome do título) não."""


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


def termos_vedados(texto: str, palavra_inteira: bool = False) -> list[str]:
    """Os termos vedados presentes no texto (arts. 15 §2º e 16 §ún); lista vazia se está limpo.

    ``palavra_inteira`` (nomes de pessoas): só a palavra toda, para não recusar "Previato"."""
    limpo = _sem_acento(texto)
    fim = r"\b" if palavra_inteira else ""
    return [t for t in TERMOS_VEDADOS if re.search(rf"\b{re.escape(t)}{fim}", limpo)]


def exigir_texto_limpo(texto: str, onde: str = "O texto do documento", palavra_inteira: bool = False) -> None:
    """Recusa, nomeando a palavra, o texto de título ou histórico que revela a forma de obtenção."""
    achados = termos_vedados(texto, palavra_inteira)
    if achados:
        raise Impedimento(f"{onde} vai impresso no certificado, diploma ou histórico e não pode mencionar a forma "
                          f"de obtenção nem a modalidade (encontrado: {', '.join(achados)}); reescreva sem essa "
                          "palavra.", f"{FUNDAMENTO}, art. 15, §2º e art. 16, parágrafo único")


def exigir_campos_limpos(campos: dict[str, str | None], palavra_inteira: bool = False) -> None:
    """Confere no cadastro (não só na emissão) os campos que vão impressos nos títulos e históricos:
    {rótulo: valor}; a recusa diz o campo e a palavra (arts. 15 §2º e 16 §ún)."""
    for rotulo, valor in campos.items():
        if valor:
            exigir_texto_limpo(valor, f"O campo {rotulo} (\"{' '.join(valor.split())}\")", palavra_inteira)


def verificar_nova_via(via: int, motivo: str | None) -> str:
    """A 1ª via é gratuita (art. 26 §2º); da 2ª em diante registra-se o motivo. Devolve a observação."""
    if via <= 1:  # impresso no título: sem citar a Portaria (arts. 15 §2º e 16 §ún)
        return "1ª via, sem cobrança de taxa."
    if len(" ".join((motivo or "").split())) < 10:
        raise Impedimento(f"Explique o motivo da {via}ª via (pelo menos 10 caracteres), por exemplo "
                          "\"extravio da 1ª via\".", f"{FUNDAMENTO}, art. 26, §2º")
    exigir_texto_limpo(motivo, "O motivo da via")
    return f"{via}ª via: {' '.join(motivo.split())}"


def exigir_titulo_valido(numero_registro: int, vias: list[dict]) -> None:
    """Nova via só de título que ainda vale: com todas as vias canceladas (``cancelado_em``), o título foi
    cancelado e não renasce por uma via nova. Uma via substituída tem a sucessora válida (ou volta a valer
    quando a sucessora é cancelada), então basta uma via nem cancelada nem substituída."""
    if any(not v.get("cancelado_em") and not v.get("substituido_em") for v in vias):
        return
    canceladas = sorted((v for v in vias if v.get("cancelado_em")), key=lambda v: v["via"])
    ultima = canceladas[-1] if canceladas else None
    quando = ""
    if ultima:
        quando = f": a {ultima['via']}ª via foi cancelada em {formato.data(str(ultima['cancelado_em'])[:10])}" + (
            f" ({' '.join(str(ultima['motivo_cancelamento']).split())})" if ultima.get("motivo_cancelamento") else "")
    raise Impedimento(f"O documento de registro nº {numero_registro} está cancelado{quando} e nenhuma via vale. "
                      "Não se emite nova via de documento cancelado: o cancelamento é definitivo e fica na "
                      "verificação do código.", f"{FUNDAMENTO}, art. 26, §2º")


def verificar_cancelamento_via(via: int, vias_validas: list[int]) -> None:
    """Só a via mais recente ainda válida pode ser cancelada (a anterior foi substituída por ela)."""
    if via not in vias_validas:
        raise Impedimento(f"A {via}ª via já está cancelada.", f"{FUNDAMENTO}, art. 26, §2º")
    if via != max(vias_validas):
        raise Impedimento(f"Só a via mais recente ({max(vias_validas)}ª) pode ser cancelada; a {via}ª "
                          "via não.", f"{FUNDAMENTO}, art. 26, §2º (numeração das vias)")


def _dia_util(uf: str | None, municipais: Iterable[FeriadoMunicipal]) -> Callable[[date], bool]:
    """Dia útil no calendário do emissor; sem UF (calculadora sem base), só os feriados nacionais."""
    if uf:
        return lambda d: calendario.eh_dia_util(d, uf, municipais)
    nacionais: dict[int, set[date]] = {}

    def util(d: date) -> bool:
        if d.year not in nacionais:
            nacionais[d.year] = set(holidays.Brazil(years=d.year)) | {easter(d.year) - timedelta(days=2)}
        return d.weekday() < 5 and d not in nacionais[d.year]
    return util


def prazo_recurso(resultado_em: date, prazos: Prazos, uf: str | None = None,
                  municipais: Iterable[FeriadoMunicipal] = ()) -> date:
    """Último dia para recorrer do resultado (art. 13 XI; prazo em dias da regulamentação interna).

    Conta-se em dias úteis do calendário do emissor, excluído o dia do resultado (Lei 9.784/1999,
    art. 66, caput): o prazo nunca termina em sábado, domingo ou feriado (art. 66 §1º). Ver
    docs/interpretacoes.md (Certificação: prazo de recurso em dias úteis)."""
    util = _dia_util(uf, municipais)
    d, faltam = resultado_em, prazos.recurso_dias
    while faltam:
        d += timedelta(days=1)
        if util(d):
            faltam -= 1
    return d


FUNDAMENTO_PRAZO = f"{FUNDAMENTO}, art. 13, XI; Lei 9.784/1999, art. 66"


def verificar_recurso(resultado_em: date, interposto_em: date, prazos: Prazos, uf: str | None = None,
                      municipais: Iterable[FeriadoMunicipal] = (), renuncia_em: date | None = None) -> None:
    """O recurso cabe do dia do resultado até o último dia do prazo, salvo renúncia escrita registrada."""
    if renuncia_em:
        raise Impedimento(f"O trabalhador renunciou por escrito ao recurso em {formato.data(renuncia_em)}.",
                          f"{FUNDAMENTO}, art. 13, XI; Lei 9.784/1999, art. 51")
    limite = prazo_recurso(resultado_em, prazos, uf, municipais)
    if interposto_em > limite:
        raise Impedimento(f"O prazo de recurso terminou em {formato.data(limite)} ({prazos.recurso_dias} dias úteis "
                          "após o resultado).", FUNDAMENTO_PRAZO)
    if interposto_em < resultado_em:
        raise Impedimento("O recurso não pode ser anterior ao resultado.", f"{FUNDAMENTO}, art. 13, XI")


def verificar_emissao(resultado_em: date, emitir_em: date, limite: date, recursos: list[tuple[date, date | None]],
                      renuncia_em: date | None = None) -> str:
    """Os documentos de um resultado só saem depois que o direito de recurso (art. 13 XI) se esgotou:
    recurso decidido, prazo vencido sem recurso, ou renúncia escrita registrada (Lei 9.784/1999, art. 51).

    ``recursos``: (interposto_em, decidido_em) de cada recurso. Recurso sem decisão suspende a
    emissão. Devolve o motivo pelo qual a emissão pode acontecer."""
    pendentes = [i for i, decidido in recursos if decidido is None]
    if pendentes:
        raise Impedimento(f"Há recurso contra o resultado, interposto em {formato.data(pendentes[0])}, ainda sem decisão: "
                          "a emissão fica suspensa até a decisão.", f"{FUNDAMENTO}, art. 13, XI")
    if recursos:
        ultima = max(decidido for _, decidido in recursos)
        if emitir_em < ultima:
            raise Impedimento(f"A emissão não pode ser anterior à decisão do recurso ({formato.data(ultima)}).",
                              f"{FUNDAMENTO}, art. 13, XI")
        return f"recurso decidido em {formato.data(ultima)}"
    if renuncia_em:
        if emitir_em < renuncia_em:
            raise Impedimento(f"A emissão não pode ser anterior à renúncia ao recurso ({formato.data(renuncia_em)}).",
                              f"{FUNDAMENTO}, art. 13, XI")
        return f"renúncia escrita ao recurso em {formato.data(renuncia_em)}"
    if emitir_em <= limite:
        raise Impedimento(f"O prazo de recurso contra o resultado de {formato.data(resultado_em)} vai até {formato.data(limite)}: "
                          "os documentos só podem ser emitidos a partir do dia útil seguinte, depois da decisão de "
                          "um recurso ou com a renúncia escrita do trabalhador registrada.", FUNDAMENTO_PRAZO)
    return f"prazo de recurso vencido em {formato.data(limite)} sem recurso"
