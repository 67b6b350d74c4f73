"""Contracheque do Magistério: o de um servidor e o lote da folha inteira num só PDF.

Cada rubrica sai com código, descrição, fundamento legal (o artigo que a produziu), base,
percentual, quantidade e valor; depois os totais, as bases de previdência e IRRF e os avisos do
cálculo (os avisos do cálculo ficam na prévia: o contracheque oficial é de competência fechada). O
lote é UM documento registrado (um código de verificação em todos os rodapés); cada contracheque
começa numa página nova, com numeração própria ("Página 1 de 2") e a identificação (nome,
matrícula, CPF, competência) repetida no alto de cada página. Um contracheque pedido avulso é outro
documento registrado, com o seu próprio código.

A grade das rubricas e o quadro de bases e totais são os comuns às folhas (``reports.folha``).

Desempenho: as tabelas são desenhadas direto no canvas (``grade.Grade``), as fontes registradas uma
vez, o documento montado numa só passada e o QR desenhado como caminho (``layout``).
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.reports.folha import Resumo, competencia_extenso, grade_de_rubricas
from desktop.reports.grade import Campos, Nota, Titulo
from desktop.reports.layout import Cabecalho, Rodape, Segmento, gerar_pdf
from desktop.rules.folha.tipos import Contracheque

from .dados import DadosServidorContracheque, ItemFolha

TITULO = "Contracheque"
TITULO_LOTE = "Contracheques da folha"

Andamento = Callable[[int, int], None]  # andamento(feito, total); o Progresso das telas (widgets.tarefa) é outra coisa
"""``progresso(feitos, total)``: chamado depois de desenhar cada contracheque; pode levantar uma
exceção para cancelar (nada é devolvido e a exceção chega a quem chamou ``gerar_lote``)."""

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


def _corpo(servidor: DadosServidorContracheque, cc: Contracheque, especie: str = "") -> list[Flowable]:
    """O contracheque oficial (só de competência fechada): sem os avisos do cálculo, que são para quem
    confere a prévia (tela de pendências), não para o servidor. ``especie``: "folha complementar"."""
    titulo_ = titulo_documento(cc.competencia) + (f" — {especie}" if especie else "")
    return [Segmento(identificacao_da_pagina(servidor, cc)), Titulo(titulo_, _SUBTITULO),
            _identificacao(servidor), Spacer(1, 8),
            grade_de_rubricas(cc, f"Contracheque de {servidor.nome} (matrícula {servidor.matricula}) — continuação"),
            Resumo(cc), Spacer(1, 6), Nota(_LEGENDA)]


def gerar(cabecalho: Cabecalho, rodape: Rodape, servidor: DadosServidorContracheque,
          contracheque: Contracheque) -> bytes:
    """O contracheque de um servidor numa competência (documento avulso, com o seu código)."""
    return gerar_pdf(cabecalho, rodape, titulo_documento(contracheque.competencia),
                     _corpo(servidor, contracheque))


def gerar_lote(cabecalho: Cabecalho, rodape: Rodape,
               itens: Iterable[ItemFolha | tuple[DadosServidorContracheque, Contracheque]],
               progresso: Andamento | None = None, *, especie: str = "") -> bytes:
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
        fluxo += _corpo(servidor, cc, especie)
        if progresso is not None:
            fluxo.append(_Marco(n, total, progresso))
    nome = (f"{TITULO_LOTE} — competência {competencia_extenso(competencias[0])}"
            if len(competencias) == 1 else TITULO_LOTE) + (f" — {especie}" if especie else "")
    return gerar_pdf(cabecalho, rodape, nome, fluxo)
