"""Livros de registro dos títulos: um livro por emissor e tipo de título, folhas contadas, um título por folha.

O número do livro não se repete entre tipos no mesmo emissor (o livro 1 é de um só tipo), o número do
registro não se repete na instalação e o histórico acompanha o registro do seu certificado ou diploma
(arts. 14-16 da Portaria MEC 902/2024: o histórico é parte do título, não um título à parte).
"""
from __future__ import annotations

from .tipos import FUNDAMENTO, TITULOS_DOCUMENTO, Impedimento, TipoDocumento as D

REGISTRAVEIS = (D.CERTIFICADO_QUALIFICACAO, D.DIPLOMA_TECNICO, D.CERTIFICADO_ESPECIALISTA, D.DIPLOMA_TECNOLOGO,
                D.ATESTADO)
"""Tipos com livro próprio; o histórico (``D.HISTORICO``) vai no registro do título que acompanha."""
FOLHAS_PADRAO = 200
FUNDAMENTO_LIVRO = f"{FUNDAMENTO}, arts. 14 a 16 e art. 12, XIV (registro e guarda)"


def rotulo_livro(tipo: D | str) -> str:
    return f"Livro de registro — {TITULOS_DOCUMENTO[D(tipo)].lower()}"


def exigir_registravel(tipo: D | str) -> D:
    try:
        t = D(tipo)
    except ValueError:
        raise Impedimento(f"Tipo de documento desconhecido: {tipo}.", FUNDAMENTO_LIVRO) from None
    if t not in REGISTRAVEIS:
        raise Impedimento(f"{TITULOS_DOCUMENTO[t]} não tem livro próprio: "
                          + ("vai no registro do certificado ou diploma que acompanha." if t is D.HISTORICO
                             else "não é registrado em livro."), FUNDAMENTO_LIVRO)
    return t


def exigir_folhas(folhas: int) -> int:
    if not isinstance(folhas, int) or not 1 <= folhas <= 2000:
        raise Impedimento("Informe o número de folhas do livro (de 1 a 2.000).", FUNDAMENTO_LIVRO)
    return folhas


def proxima_folha(ultima_usada: int, folhas: int, numero_livro: int, tipo: D | str) -> int:
    """A folha seguinte do livro; recusa quando o livro está completo (um título por folha)."""
    folha = ultima_usada + 1
    if folha > folhas:
        raise Impedimento(f"O livro nº {numero_livro} ({TITULOS_DOCUMENTO[D(tipo)].lower()}) está completo: as "
                          f"{folhas} folhas foram usadas. Encerre-o e abra o livro seguinte em Certificação › "
                          "Livros de registro antes de emitir.", FUNDAMENTO_LIVRO)
    return folha


def termo_abertura(numero: int, tipo: D | str, folhas: int, emissor: str) -> str:
    return (f"Este livro nº {numero}, com {folhas} folhas numeradas, destina-se ao registro dos documentos do "
            f"tipo \"{TITULOS_DOCUMENTO[D(tipo)]}\" expedidos por {emissor}, um documento por folha.")


def termo_encerramento(numero: int, usadas: int, folhas: int) -> str:
    return (f"Encerra-se este livro nº {numero} com {usadas} de {folhas} folhas utilizadas"
            + (f"; as folhas {usadas + 1} a {folhas} ficam inutilizadas." if usadas < folhas else "."))
