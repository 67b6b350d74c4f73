"""Diploma e certificado em A4 paisagem, frente e verso, como a secretaria escolar os registra e assina.

Frente: brasão, "República Federativa do Brasil", instituição e unidade, o título, o texto com a
identificação completa do titular (nome, nacionalidade, naturalidade, nascimento, documento de identidade
com órgão expedidor, CPF), a habilitação, o curso com a carga horária da sua matriz curricular, lugar e
data e as assinaturas (nomes e cargos dos signatários do emissor e o titular). Verso: dados do curso (ato
de autorização, código e mínimo do catálogo, carga horária), o registro (número, livro, folha, data), o
código autenticador do Sistec (diploma de técnico, art. 15 §1º), o responsável pelo registro e o bloco de
verificação (QR assinado e código). Nada diz como o título foi obtido nem a modalidade (arts. 15 §2º e
16 §ún): o texto é conferido por ``exigir_texto_limpo`` antes de desenhar.
"""
from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph

from desktop.rules.certificacao.curriculo import horas
from desktop.rules.certificacao.resultado import exigir_texto_limpo

from .. import fontes
from ..fontes import MONO, NEGRITO, NORMAL
from ..layout import (CAIXA_ASSINATURA, COR_LINHA, COR_SECUNDARIA, COR_TEXTO, Cabecalho, Rodape, _aviso,
                      _desenhar_qr, palavras_chave)
from .dados import DadosTitulo
from .pecas import por_extenso
from desktop.rules import formato

LARGURA, ALTURA = landscape(A4)
MARGEM = 16 * mm            # da borda do papel ao texto
CORPO = ParagraphStyle("cert_corpo_titulo", fontName=NORMAL, fontSize=12.5, leading=19, alignment=TA_JUSTIFY,
                       textColor=COR_TEXTO, firstLineIndent=28)
NOTA = ParagraphStyle("cert_nota_titulo", fontName=NORMAL, fontSize=9.5, leading=13, alignment=TA_CENTER,
                      textColor=COR_SECUNDARIA)
ROTULO = ParagraphStyle("cert_rotulo_verso", fontName=NORMAL, fontSize=8, leading=10, textColor=COR_SECUNDARIA)
VALOR = ParagraphStyle("cert_valor_verso", fontName=NORMAL, fontSize=10.5, leading=13.5, textColor=COR_TEXTO,
                       alignment=TA_LEFT)
ASSINA = ParagraphStyle("cert_assina", fontName=NORMAL, fontSize=9, leading=11.5, alignment=TA_CENTER,
                        textColor=COR_TEXTO)

SIGNATARIOS_PADRAO = (("", "Diretor(a)"), ("", "Secretário(a) escolar"))
"""Sem signatários cadastrados no emissor: só os cargos, sem nomear a forma de obtenção (art. 15 §2º)."""


def _e(t: str | None) -> str:
    return escape(t or "")


def textos_do_titulo(d: DadosTitulo) -> list[str]:
    """Tudo o que vem dos cadastros e vai impresso (conferido pelas palavras vedadas antes de desenhar)."""
    return [d.titulo, d.nome, d.curso, d.perfil, d.unidade, d.instituicao, d.eixo or "", d.codigo_catalogo or "",
            d.registro.observacao_via, d.nacionalidade, d.naturalidade, d.rg_orgao,
            *(f"{l.componente} {l.competencia}" for l in d.linhas), *(n for n, _h in d.componentes),
            *(f"{n} {c}" for n, c in d.signatarios)]


def _moldura(c: rl_canvas.Canvas) -> None:
    c.saveState()
    c.setStrokeColor(COR_LINHA)
    c.setLineWidth(2.2)
    c.rect(8 * mm, 8 * mm, LARGURA - 16 * mm, ALTURA - 16 * mm)
    c.setLineWidth(0.6)
    c.rect(10 * mm, 10 * mm, LARGURA - 20 * mm, ALTURA - 20 * mm)
    c.restoreState()


def _centro(c: rl_canvas.Canvas, texto: str, y: float, fonte: str, tamanho: float, cor=COR_TEXTO,
            espaco: float = 0) -> None:
    c.saveState()  # o espaçamento entre letras não vaza para o resto da página
    c.setFont(fonte, tamanho)
    c.setFillColor(cor)
    if espaco:
        largura = c.stringWidth(texto, fonte, tamanho) + espaco * (len(texto) - 1)
        t = c.beginText(LARGURA / 2 - largura / 2, y)
        t.setFont(fonte, tamanho)
        t.setCharSpace(espaco)
        t.textOut(texto)
        c.drawText(t)
    else:
        c.drawCentredString(LARGURA / 2, y, texto)
    c.restoreState()


def _paragrafo(c: rl_canvas.Canvas, p: Paragraph, x: float, topo: float, largura: float) -> float:
    """Desenha o parágrafo com o topo em ``topo``; devolve o y logo abaixo dele."""
    _w, h = p.wrapOn(c, largura, ALTURA)
    p.drawOn(c, x, topo - h)
    return topo - h


def _linhas_do_emissor(cab: Cabecalho, d: DadosTitulo) -> list[str]:
    """Instituição e unidade, sem repetir o que uma linha anterior já diz."""
    linhas: list[str] = []
    for t in (d.instituicao, d.unidade, cab.nome):
        t = " ".join((t or "").split())
        if t and not any(t.lower() in x.lower() or x.lower() in t.lower() for x in linhas):
            linhas.append(t)
    return linhas[:3]


def _assinaturas(c: rl_canvas.Canvas, pessoas: list[tuple[str, str]], y: float) -> None:
    """Linhas de assinatura lado a lado na largura útil; nome sobre o cargo, abaixo do filete."""
    largura_util = LARGURA - 2 * (MARGEM + 10 * mm)
    n = len(pessoas)
    vao = 14 * mm
    largura = min(78 * mm, (largura_util - vao * (n - 1)) / n)
    total = n * largura + (n - 1) * vao
    x = LARGURA / 2 - total / 2
    c.setStrokeColor(COR_TEXTO)
    c.setLineWidth(0.6)
    for nome, cargo in pessoas:
        c.line(x, y, x + largura, y)
        texto = (f"<b>{_e(nome)}</b><br/>" if nome else "") + _e(cargo)
        _paragrafo(c, Paragraph(texto, ASSINA), x, y - 3, largura)
        x += largura + vao


def _signatarios(d: DadosTitulo) -> list[tuple[str, str]]:
    return list(d.signatarios or SIGNATARIOS_PADRAO)


def _local(cab: Cabecalho, d: DadosTitulo) -> str:
    return f"{cab.municipio}/{cab.uf}" if cab.municipio else d.unidade


def _titulo_grande(d: DadosTitulo) -> tuple[str, str]:
    """("DIPLOMA", "de técnico de nível médio") a partir do nome do título."""
    primeira, _, resto = d.titulo.partition(" ")
    return primeira.upper(), resto


def _corpo(d: DadosTitulo) -> str:
    ident = [f"de nacionalidade {_e(d.nacionalidade)}" if d.nacionalidade else "",
             f"natural de {_e(d.naturalidade)}" if d.naturalidade else "",
             f"nascido(a) em {por_extenso(d.nascimento)}",
             (f"portador(a) do documento de identidade nº {_e(d.rg)}" + (f", expedido por {_e(d.rg_orgao)}" if d.rg_orgao
                                                                          else "")) if d.rg else "",
             f"inscrito(a) no CPF sob o nº {_e(d.cpf)}"]
    habil = "o título de" if d.diploma or d.tipo_documento.endswith("especialista") else "a qualificação profissional de"
    eixo = f", do eixo tecnológico {_e(d.eixo)}" if d.eixo else ""
    return (f"{_e(d.instituicao)}, por meio de {_e(d.unidade)}, confere a <b>{_e(d.nome.upper())}</b>, "
            f"{', '.join(x for x in ident if x)}, o presente {_e(d.titulo.lower())}, por haver concluído o "
            f"{_e(d.curso)}{eixo}, com carga horária de {horas(d.horas)} horas, em {por_extenso(d.data_conclusao)}, "
            f"conferindo-lhe {habil} <b>{_e(d.perfil)}</b>, com todos os direitos e prerrogativas legais.")


def _frente(c: rl_canvas.Canvas, cab: Cabecalho, rod: Rodape, d: DadosTitulo, brasao) -> None:
    _moldura(c)
    y = ALTURA - 14 * mm
    if brasao is not None:
        lado = 19 * mm
        c.drawImage(brasao, LARGURA / 2 - lado / 2, y - lado, lado, lado, preserveAspectRatio=True, anchor="c",
                    mask="auto")
        y -= lado + 5 * mm
    else:
        y -= 6 * mm
    _centro(c, "REPÚBLICA FEDERATIVA DO BRASIL", y, NEGRITO, 12.5, espaco=1.2)
    y -= 6 * mm
    for i, linha in enumerate(_linhas_do_emissor(cab, d)):
        _centro(c, linha, y, NEGRITO if i == 0 else NORMAL, 11 if i == 0 else 10)
        y -= 5 * mm
    if cab.cnpj:  # o emissor identificado pelo CNPJ, como no timbre dos demais documentos
        _centro(c, f"CNPJ {cab.cnpj}", y + 1 * mm, NORMAL, 8.5, COR_SECUNDARIA)
        y -= 3.5 * mm
    grande, resto = _titulo_grande(d)
    y -= 9 * mm
    _centro(c, grande, y, NEGRITO, 30, COR_LINHA, espaco=6)
    y -= 7.5 * mm
    _centro(c, resto, y, NORMAL, 12.5, COR_LINHA)
    y -= 8 * mm
    x = MARGEM + 16 * mm
    y = _paragrafo(c, Paragraph(_corpo(d), CORPO), x, y, LARGURA - 2 * x)
    notas = [f"Curso autorizado por {_e(d.ato_autorizacao)}." if d.ato_autorizacao else "",
             f"Código do curso no catálogo: {_e(d.codigo_catalogo)}." if d.codigo_catalogo else ""]
    if any(notas):
        y = _paragrafo(c, Paragraph(" ".join(n for n in notas if n), NOTA), x, y - 2 * mm, LARGURA - 2 * x)
    c.setFont(NORMAL, 11)
    c.setFillColor(COR_TEXTO)
    c.drawRightString(LARGURA - x, y - 8 * mm, f"{_local(cab, d)}, {por_extenso(rod.emitido_em.date())}.")
    titular = "Diplomado(a)" if d.diploma else "Certificado(a)"
    # as assinaturas logo abaixo da data (espaço para assinar), nunca sobre o código de verificação
    _assinaturas(c, [*_signatarios(d), (d.nome, titular)], max(34 * mm, y - 34 * mm))
    c.setFont(NORMAL, 7.5)
    c.setFillColor(COR_SECUNDARIA)
    c.drawString(13 * mm, 13 * mm, f"Código de verificação: {rod.codigo} · registro e verificação no verso")


def _campo(c: rl_canvas.Canvas, rotulo: str, valor: str, x: float, y: float, largura: float) -> float:
    y = _paragrafo(c, Paragraph(_e(rotulo), ROTULO), x, y, largura)
    return _paragrafo(c, Paragraph(_e(valor or "—"), VALOR), x, y - 0.5 * mm, largura) - 2.6 * mm


def _verso(c: rl_canvas.Canvas, cab: Cabecalho, rod: Rodape, d: DadosTitulo) -> None:
    _moldura(c)
    esquerda, meio = MARGEM + 4 * mm, LARGURA / 2 + 4 * mm
    largura = LARGURA / 2 - MARGEM - 12 * mm
    topo = ALTURA - 22 * mm
    c.setFont(NEGRITO, 12)
    c.setFillColor(COR_LINHA)
    c.drawString(esquerda, topo, "DADOS DO CURSO")
    c.drawString(meio, topo, f"REGISTRO DO {_titulo_grande(d)[0]}")
    y = topo - 6 * mm
    horas_curso = f"{horas(d.horas)} horas"
    minimo = (f"{horas(d.carga_horaria_minima)} horas ({d.catalogo or 'catálogo nacional'})"
              if d.carga_horaria_minima else "")
    for rotulo, valor in (("Curso", d.curso), ("Habilitação", d.perfil), ("Eixo tecnológico", d.eixo or ""),
                          ("Ato de autorização do curso", d.ato_autorizacao),
                          ("Código do curso no catálogo", d.codigo_catalogo or ""),
                          ("Carga horária do curso", horas_curso), ("Carga horária mínima do catálogo", minimo),
                          ("Data de conclusão", formato.data(d.data_conclusao))):
        if valor:
            y = _campo(c, rotulo, valor, esquerda, y, largura)
    r = d.registro
    em = f", em {formato.data(r.registrado_em)}" if r.registrado_em else ""
    y2 = topo - 6 * mm
    y2 = _campo(c, "Registro", f"{d.titulo} registrado sob o nº {r.numero}, no livro nº {r.livro}, "
                               f"folha {r.folha}{em}.", meio, y2, largura)
    y2 = _campo(c, "Via", r.observacao_via, meio, y2, largura)
    if d.sistec_codigo:
        y2 = _campo(c, "Código autenticador do registro no Sistec", d.sistec_codigo, meio, y2, largura)
    y2 = _campo(c, "Titular", f"{d.nome} — CPF {d.cpf}", meio, y2, largura)
    c.setFont(NORMAL, 10)
    c.setFillColor(COR_TEXTO)
    c.drawString(meio, y2 - 2 * mm, f"{_local(cab, d)}, {r.registrado_em and por_extenso(r.registrado_em) or ''}"
                 .rstrip(", ") + ".")
    registrador = next(((n, cg) for n, cg in _signatarios(d) if "secret" in cg.lower()), ("", "Secretário(a) escolar"))
    linha_y = y2 - 22 * mm
    c.setLineWidth(0.6)
    c.setStrokeColor(COR_TEXTO)
    c.line(meio, linha_y, meio + 80 * mm, linha_y)
    texto = (f"<b>{_e(registrador[0])}</b><br/>" if registrador[0] else "") + \
        f"{_e(registrador[1])} — responsável pelo registro"
    _paragrafo(c, Paragraph(texto, ASSINA), meio, linha_y - 3, 80 * mm)
    _verificacao(c, rod)


def _verificacao(c: rl_canvas.Canvas, rod: Rodape) -> None:
    """O QR assinado, o código e o aviso de como conferir, no pé do verso."""
    lado = 24 * mm
    x0, y0 = 13 * mm, 13 * mm
    _desenhar_qr(c, rod.selo or f"PACO:{rod.codigo}", x0, y0, lado)
    x = x0 + lado + 4 * mm
    direita = CAIXA_ASSINATURA[0] - 4 * mm if rod.reservar_assinatura else LARGURA - 13 * mm
    largura = direita - x
    y = y0 + lado - 3 * mm
    c.setFillColor(COR_TEXTO)
    c.setFont(NORMAL, 8.5)
    c.drawString(x, y, "Código de verificação: ")
    c.setFont(MONO, 11)
    c.drawString(x + c.stringWidth("Código de verificação: ", NORMAL, 8.5), y, rod.codigo)
    c.setFont(NORMAL, 7)
    y -= 4.5 * mm
    for linha in simpleSplit(_aviso(rod), NORMAL, 7, largura):
        c.drawString(x, y, linha)
        y -= 8.5
    c.setFillColor(COR_SECUNDARIA)
    c.setFont(NORMAL, 6.5)
    dados = f"{rod.identificacao} · emitido em {formato.momento(rod.emitido_em)} por {rod.emitido_por} · Paço {rod.versao}"
    for linha in simpleSplit(dados, NORMAL, 6.5, largura):
        c.drawString(x, y, linha)
        y -= 8


def gerar_titulo_paisagem(cab: Cabecalho, rod: Rodape, d: DadosTitulo) -> bytes:
    """Diploma ou certificado em duas páginas A4 paisagem: frente e verso (imprima frente e verso)."""
    exigir_texto_limpo(" ".join(textos_do_titulo(d)))
    fontes.registrar()
    brasao = None
    if cab.brasao:
        try:
            brasao = ImageReader(BytesIO(cab.brasao))
            brasao.getSize()
        except Exception:  # imagem ilegível: o título sai sem o brasão
            brasao = None
    saida = BytesIO()
    c = rl_canvas.Canvas(saida, pagesize=(LARGURA, ALTURA), pageCompression=1)
    c.setTitle(d.titulo)
    c.setAuthor(cab.nome)
    c.setSubject(f"{rod.identificacao} — código de verificação {rod.codigo}")
    c.setKeywords(palavras_chave(rod))
    c.setCreator(f"Paço {rod.versao}")
    c.setProducer(f"Paço {rod.versao} (reportlab)")
    _frente(c, cab, rod, d, brasao)
    c.showPage()
    _verso(c, cab, rod, d)
    c.showPage()
    c.save()
    return saida.getvalue()
