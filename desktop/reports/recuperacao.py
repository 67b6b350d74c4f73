"""Folha da chave de recuperação: a chave em letras grandes e onde guardá-la, para imprimir.

A chave aparece só neste PDF: o registro de documentos guarda o hash do arquivo e o código de
verificação, nunca a chave.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer, Table, TableStyle

from . import fontes
from .fontes import MONO
from .layout import COR_LINHA, LARGURA_UTIL, Cabecalho, Rodape, gerar_pdf, marcado, paragrafo, quadro, titulo
from desktop.rules import formato

TITULO = "Folha da chave de recuperação"

_ESTILO_CHAVE = ParagraphStyle("chave", fontName=MONO, fontSize=24, leading=34,
                               alignment=TA_CENTER, textColor=colors.black)

_ONDE_GUARDAR = (
    "Guarde esta folha num envelope lacrado, dentro de cofre ou armário trancado do órgão, "
    "longe do computador onde o Paço está instalado.",
    "Não fotografe, não digitalize e não envie a chave por e-mail, WhatsApp ou outro aplicativo. "
    "Não a salve em arquivo no computador nem no pen drive das cópias de segurança.",
    "Quem tiver esta chave e uma cópia da base consegue ler todos os dados, inclusive dados "
    "pessoais protegidos pela LGPD e os atendimentos do Conselho Tutelar (ECA, arts. 17 e 100). "
    "Trate-a como a chave do arquivo do órgão.",
    "Quando o responsável pela guarda mudar, entregue a folha ao substituto mediante recibo.",
)

_COMO_USAR = (
    "Na tela de entrada do Paço, escolha a opção da chave de recuperação, digite a chave e "
    "defina uma nova senha para um administrador. Os hífens podem ser omitidos.",
    "A chave também abre as cópias de segurança desta base, se o arquivo de chaves se perder.",
    "A chave usa só letras maiúsculas e algarismos: não há as letras I e O nem os algarismos 0 "
    "e 1, para não haver confusão na leitura.",
)


def _lista(itens: tuple[str, ...]) -> ListFlowable:
    return ListFlowable(
        [ListItem(paragrafo(t, "corpo"), leftIndent=14) for t in itens],
        bulletType="1", bulletFormat="%s.", bulletFontName=fontes.NEGRITO, bulletFontSize=9.5,
        leftIndent=14,
    )


def _chave_em_linhas(chave: str) -> str:
    grupos = chave.split("-")
    meio = (len(grupos) + 1) // 2
    return "<br/>".join(escape("-".join(g)) for g in (grupos[:meio], grupos[meio:]) if g)


def _assinaturas() -> Table:
    linha = "_" * 38
    t = Table(
        [["Guardada por (nome e cargo)", "Local de guarda"], [linha, linha],
         ["Data", "Assinatura"], ["____/____/________", linha]],
        colWidths=[LARGURA_UTIL / 2] * 2, hAlign="LEFT",
    )
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fontes.NORMAL, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor("#555555")),
        ("TEXTCOLOR", (0, 2), (-1, 2), colors.HexColor("#555555")),
        ("TOPPADDING", (0, 1), (-1, 1), 10),
        ("TOPPADDING", (0, 3), (-1, 3), 10),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 10),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return t


def gerar(cabecalho: Cabecalho, rodape: Rodape, chave: str) -> bytes:
    """A folha para imprimir, com a chave de recuperação já normalizada (8 grupos de 4)."""
    fontes.registrar()
    itens = titulo(TITULO, f"Base de dados do Paço · gerada em {formato.data(rodape.emitido_em, hora_local=True)}")
    itens.append(paragrafo(
        "Esta folha guarda a chave de recuperação da base de dados do Paço instalada para "
        f"{cabecalho.nome} ({cabecalho.municipio} – {cabecalho.uf}). Ela é o único meio de abrir a base se todas "
        "as senhas de administrador forem esquecidas ou se o arquivo de chaves se perder. A chave "
        "foi mostrada uma única vez, na instalação, e não fica gravada em nenhum outro lugar: "
        "nem no computador, nem na base de dados."
    ))
    itens.append(Spacer(1, 4))
    itens.append(quadro([
        marcado("<b>CHAVE DE RECUPERAÇÃO</b>", "pequeno"),
        Paragraph(_chave_em_linhas(chave), _ESTILO_CHAVE),
    ], fundo=colors.white, borda=COR_LINHA, espaco=10))
    itens.append(Spacer(1, 6))
    itens.append(paragrafo("Onde e como guardar", "secao"))
    itens.append(_lista(_ONDE_GUARDAR))
    itens.append(paragrafo("Como usar", "secao"))
    itens.append(_lista(_COMO_USAR))
    itens.append(Spacer(1, 14))
    itens.append(paragrafo("Registro da guarda", "secao"))
    itens.append(_assinaturas())
    return gerar_pdf(cabecalho, rodape, TITULO, itens)

