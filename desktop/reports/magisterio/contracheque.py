"""Contracheque do Magistério: o de um servidor e o lote da folha inteira num só PDF.

Cada rubrica sai com código, descrição, fundamento legal (o artigo que a produziu), base,
percentual, quantidade e valor; depois os totais, as bases de previdência e IRRF e os avisos do
cálculo (os avisos do cálculo ficam na prévia: o contracheque oficial é de competência fechada). O
lote é UM documento registrado (um código de verificação em todos os rodapés); cada contracheque
começa numa página nova, com numeração própria ("Página 1 de 2") e a identificação (nome,
matrícula, CPF, competência) repetida no alto de cada página. Um contracheque pedido avulso é outro
documento registrado, com o seu próprio código.

Desempenho: as tabelas são desenhadas direto no canvas (``grade.Grade``), as fontes registradas uma
vez, o documento montado numa só passada e o QR desenhado como caminho (``layout``).
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.reports import fontes
from desktop.reports.fontes import NEGRITO, NORMAL
from desktop.reports.layout import (COR_CABECALHO_TABELA, COR_LINHA, COR_SECUNDARIA,
                                    LARGURA_UTIL, Cabecalho, Rodape, Segmento, caber, gerar_pdf)
from desktop.rules.folha.tipos import Contracheque

from .dados import (DadosServidorContracheque, ItemFolha, bases_de_calculo, competencia_extenso,
                    decimal_curto, descricao_rubrica, dinheiro, eh_provento, numero, ordenar_linhas,
                    percentual_legivel)
from desktop.reports.grade import Campos, Coluna, Escrita, Grade, Nota, Titulo

TITULO = "Contracheque"
TITULO_LOTE = "Contracheques da folha"

Andamento = Callable[[int, int], None]  # andamento(feito, total); o Progresso das telas (widgets.tarefa) é outra coisa
"""``progresso(feitos, total)``: chamado depois de desenhar cada contracheque; pode levantar uma
exceção para cancelar (nada é devolvido e a exceção chega a quem chamou ``gerar_lote``)."""

_COLUNAS = (
    Coluna("Cód.", 22, "C"),
    Coluna("Descrição", 114, quebrar=True),
    Coluna("Fundamento legal", 123, tamanho=6.3, quebrar=True, cor=COR_SECUNDARIA),
    Coluna("Base", 52, "D"),
    Coluna("%", 34, "D"),
    Coluna("Qtd.", 26, "D"),
    Coluna("Proventos", 61, "D"),
    Coluna("Descontos", 61, "D"),
)

_SUBTITULO = "Plano de Carreira e Remuneração do Magistério Público Municipal — Lei nº 1.613/2004"
_LEGENDA = ("Valores em reais (R$). Base: valor sobre o qual incide o percentual. "
            "Qtd.: dias, horas, avos ou dependentes. "
            "Fundamento: o artigo da lei ou o ato que determina cada rubrica.")


def titulo_documento(competencia) -> str:
    """"Contracheque — competência março de 2026"."""
    return f"{TITULO} — competência {competencia_extenso(competencia)}"


def _identificacao(s: DadosServidorContracheque) -> Campos:
    linhas = [
        [("Nome", s.nome, 0.72), ("CPF", s.cpf_formatado, 0.28)] if not s.nit else
        [("Nome", s.nome, 0.5), ("CPF", s.cpf_formatado, 0.24), ("PIS/PASEP/NIT", s.nit, 0.26)],
        [("Matrícula", s.matricula, 0.17), ("Cargo", s.cargo_rotulo, 0.27),
         ("Nível e classe", s.nivel_classe, 0.31), ("Jornada", s.jornada_rotulo, 0.25)],
        [("Lotação", s.lotacao, 1.0)],
    ]
    if s.banco or s.agencia or s.conta:
        linhas.append([("Banco", s.banco, 0.5), ("Agência", s.agencia, 0.22), ("Conta", s.conta, 0.28)])
    return Campos(linhas)


def _grade(cc: Contracheque, s: DadosServidorContracheque) -> Grade:
    grade = Grade(_COLUNAS, continuacao=f"Contracheque de {s.nome} (matrícula {s.matricula}) — continuação")
    linhas = ordenar_linhas(cc.linhas)
    tem_13 = any(l.grupo == "13" for l in linhas)
    grupo_atual = None
    for l in linhas:
        if tem_13 and l.grupo != grupo_atual:
            grupo_atual = l.grupo
            grade.grupo("13º salário" if l.grupo == "13" else "Remuneração do mês")
        valor = numero(l.valor)
        provento = eh_provento(l)
        grade.dado([
            l.codigo, descricao_rubrica(l), l.fundamento,
            numero(l.base) if l.base is not None else "",
            percentual_legivel(l.percentual), decimal_curto(l.quantidade),
            valor if provento else "", "" if provento else valor,
        ])
    if not linhas:
        grade.dado(["", "Nenhuma rubrica nesta competência.", "", "", "", "", "", ""])
    grade.total(["", "Totais", "", "", "", "", numero(cc.proventos), numero(cc.descontos)])
    return grade


class _Resumo(Flowable):
    """Bases de cálculo à esquerda; totais e líquido a receber à direita, num quadro."""

    _LINHA = 13.0

    def __init__(self, cc: Contracheque):
        super().__init__()
        fontes.registrar()
        self.bases = [(caber(r, 215, NORMAL, 7.5), dinheiro(v)) for r, v in bases_de_calculo(cc)]
        self.totais = [("Total de proventos", dinheiro(cc.proventos)),
                       ("Total de descontos", dinheiro(cc.descontos))]
        self.liquido = dinheiro(cc.liquido)

    def wrap(self, *_):
        self.width = LARGURA_UTIL
        self.height = max(len(self.bases) * self._LINHA + 14, 3 * self._LINHA + 10) + 6
        return self.width, self.height

    def draw(self):
        c = self.canv
        e = Escrita(c)
        topo = self.height - 6
        if self.bases:  # bases, à esquerda
            e.fonte(NEGRITO, 7.5, COR_LINHA)
            e.esquerda(0, topo - 8, "Bases de cálculo")
            y = topo - 8 - self._LINHA
            e.fonte(NORMAL, 7.5)
            for rotulo, valor in self.bases:
                e.esquerda(0, y, rotulo)
                e.direita(285, y, valor)
                y -= self._LINHA
        largura = 190  # totais, à direita, num quadro
        x = LARGURA_UTIL - largura
        altura = 3 * self._LINHA + 10
        base = topo - altura
        c.setFillColor(COR_CABECALHO_TABELA)
        c.rect(x, base, largura, self._LINHA + 5, stroke=0, fill=1)
        c.setStrokeColor(COR_LINHA)
        c.setLineWidth(0.8)
        c.rect(x, base, largura, altura, stroke=1, fill=0)
        c.setLineWidth(1.2)
        c.line(x, base + self._LINHA + 5, x + largura, base + self._LINHA + 5)
        y = topo - 10
        e.fonte(NORMAL, 8)
        for rotulo, valor in self.totais:
            e.esquerda(x + 6, y, rotulo)
            e.direita(x + largura - 6, y, valor)
            y -= self._LINHA
        e.fonte(NEGRITO, 10)
        e.esquerda(x + 6, base + 5.5, "Líquido a receber")
        e.direita(x + largura - 6, base + 5.5, self.liquido)
        e.fim()


class _Marco(Flowable):
    """Marca sem tamanho: ao ser desenhada, avisa o progresso do lote."""

    def __init__(self, feito: int, total: int, progresso: Andamento):
        super().__init__()
        self.feito, self.total, self.progresso = feito, total, progresso

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.progresso(self.feito, self.total)


def identificacao_da_pagina(servidor: DadosServidorContracheque, cc: Contracheque) -> str:
    """Repetida no alto de cada página do contracheque (a 2ª página não fica sem dono)."""
    return (f"{servidor.nome} · matrícula {servidor.matricula} · CPF {servidor.cpf_formatado} · "
            f"competência {competencia_extenso(cc.competencia)}")


def _corpo(servidor: DadosServidorContracheque, cc: Contracheque) -> list[Flowable]:
    """O contracheque oficial (só de competência fechada): sem os avisos do cálculo, que são para quem
    confere a prévia (tela de pendências), não para o servidor."""
    return [Segmento(identificacao_da_pagina(servidor, cc)), Titulo(titulo_documento(cc.competencia), _SUBTITULO),
            _identificacao(servidor), Spacer(1, 8), _grade(cc, servidor), _Resumo(cc), Spacer(1, 6),
            Nota(_LEGENDA)]


def gerar(cabecalho: Cabecalho, rodape: Rodape, servidor: DadosServidorContracheque,
          contracheque: Contracheque) -> bytes:
    """O contracheque de um servidor numa competência (documento avulso, com o seu código)."""
    return gerar_pdf(cabecalho, rodape, titulo_documento(contracheque.competencia),
                     _corpo(servidor, contracheque))


def gerar_lote(cabecalho: Cabecalho, rodape: Rodape,
               itens: Iterable[ItemFolha | tuple[DadosServidorContracheque, Contracheque]],
               progresso: Andamento | None = None) -> bytes:
    """Todos os contracheques da folha num só PDF, um por página (mais, se as rubricas não couberem).

    O lote inteiro é um documento registrado: o mesmo código em todos os rodapés. ``progresso``
    (opcional) recebe ``(feitos, total)`` a cada contracheque desenhado; se levantar uma exceção,
    a geração para e a exceção sobe, sem PDF.
    """
    lista: Sequence = list(itens)
    if not lista:
        raise ValueError("O lote de contracheques está vazio: não há servidores na folha.")
    total = len(lista)
    competencias = sorted({cc.competencia for _, cc in lista})
    fluxo: list[Flowable] = []
    for n, (servidor, cc) in enumerate(lista, start=1):
        if n > 1:
            fluxo.append(PageBreak())
        fluxo += _corpo(servidor, cc)
        if progresso is not None:
            fluxo.append(_Marco(n, total, progresso))
    nome = (f"{TITULO_LOTE} — competência {competencia_extenso(competencias[0])}"
            if len(competencias) == 1 else TITULO_LOTE)
    return gerar_pdf(cabecalho, rodape, nome, fluxo)
