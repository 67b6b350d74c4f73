"""O texto das leis como dado: localizar um dispositivo (artigo, parágrafo, inciso) no texto integral.

Os textos ficam em ``db/legislacao`` (cópia dos publicados); aqui só há funções puras sobre texto,
usadas pelo catálogo de rubricas para conferir que cada artigo citado existe e que o texto
guardado ao lado do código é o da lei, palavra por palavra.
"""
from __future__ import annotations

import re

ARQUIVOS = {
    "Lei 1.613/2004": "lei-1613-2004-jequie-magisterio.txt",
    "Lei 320/2023": "lei-320-2023-itapiranga-conselho-tutelar.txt",
    "Portaria MEC 902/2024": "portaria-mec-902-2024-rede-certifica.txt",
}
"""As normas cujo texto integral acompanha o programa (as federais são citadas pela fonte)."""

_INICIO_ARTIGO = re.compile(r"^Art\.?\s*\d")


class DispositivoAusente(LookupError):
    """O artigo, parágrafo ou inciso citado não está no texto da norma."""


def normalizar(linha: str) -> str:
    """A linha sem a marcação do texto publicado (negrito, itálico, marcador de lista) e com os
    espaços simplificados: é assim que o texto de um dispositivo é guardado e comparado."""
    s = linha.replace("**", "").replace("*", "")
    s = re.sub(r"^\s*-\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


def dispositivo(texto_lei: str, artigo: str, paragrafo: str | None = None, inciso: str | None = None) -> str:
    """O texto (uma linha normalizada) do dispositivo: o caput do artigo, o parágrafo (``"1"`` para
    §1º, ``"ún"`` para o parágrafo único) ou o inciso (romano), dentro do parágrafo se dado."""
    linhas = [normalizar(l) for l in texto_lei.splitlines()]
    padrao = re.compile(rf"^Art\.?\s*{re.escape(artigo)}(\.|º|\b)")
    inicio = next((k for k, l in enumerate(linhas) if padrao.match(l)), None)
    if inicio is None:
        raise DispositivoAusente(f"art. {artigo} não encontrado")
    fim = next((k for k in range(inicio + 1, len(linhas)) if _INICIO_ARTIGO.match(linhas[k])), len(linhas))
    regiao = linhas[inicio:fim]
    if paragrafo is None and inciso is None:
        return regiao[0]
    if paragrafo is not None:
        if paragrafo == "ún":
            alvo = next((l for l in regiao if l.startswith("Parágrafo único")), None)
        else:
            alvo = next((l for l in regiao if re.match(rf"^§\s*{re.escape(paragrafo)}º", l)), None)
        if alvo is None:
            raise DispositivoAusente(f"art. {artigo}, § {paragrafo} não encontrado")
        if inciso is None:
            return alvo
        regiao = regiao[regiao.index(alvo):]
    achado = next((l for l in regiao[1:] if re.match(rf"^{re.escape(inciso)}\s*[.–\-_]", l)), None)
    if achado is None:
        raise DispositivoAusente(f"art. {artigo}, inciso {inciso} não encontrado")
    return achado
