"""Contracheque do conselheiro tutelar: a identificação do mandato e as peças comuns às folhas.

A grade das rubricas (código, descrição, fundamento, base, %, qtd., proventos, descontos) e o quadro de
bases e totais são os de ``reports.folha``, os mesmos do contracheque do Magistério.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from desktop.reports.layout import Cabecalho, Rodape, gerar_pdf, marcado, quadro
from desktop.reports.folha import Resumo, competencia_extenso, grade_de_rubricas
from desktop.reports.grade import Campos, Nota, Titulo
from desktop.rules.folha.tipos import Contracheque
from desktop.rules.validacao import formatar_cpf

TITULO = "Contracheque de conselheiro tutelar"
_SUBTITULO = "Conselho Tutelar — Lei Municipal nº 320/2023, arts. 39 a 41"
_LEGENDA = ("Valores em reais (R$). Base: valor sobre o qual incide o percentual. Qtd.: dias, plantões, avos ou "
            "dependentes. Conselheiro tutelar é contribuinte do INSS durante o mandato (art. 40 §3º).")


@dataclass(frozen=True)
class DadosConselheiro:
    nome: str
    cpf: str
    condicao: str  # titular | suplente
    ordem: int
    funcao: str
    mandato: str
    opcao_cargo: bool = False

    @property
    def matricula(self) -> str:  # na continuação da grade, como a matrícula no contracheque do Magistério
        return f"{self.condicao} nº {self.ordem}"


def titulo_documento(competencia) -> str:
    return f"{TITULO} — competência {competencia_extenso(competencia)}"


def corpo(c: DadosConselheiro, cc: Contracheque) -> list[Flowable]:
    cpf = formatar_cpf(c.cpf) if len(c.cpf) == 11 else (c.cpf or "—")
    campos = Campos([[("Nome", c.nome, 0.72), ("CPF", cpf, 0.28)],
                     [("Condição", f"{c.condicao.title()} nº {c.ordem}", 0.25), ("Função", c.funcao, 0.25),
                      ("Mandato", c.mandato, 0.3),
                      ("Remuneração", "Do cargo municipal (art. 41)" if c.opcao_cargo else "Subsídio (art. 40)", 0.2)]])
    itens: list[Flowable] = [Titulo(titulo_documento(cc.competencia), _SUBTITULO), campos, Spacer(1, 8),
                             grade_de_rubricas(cc, f"Contracheque de {c.nome} (matrícula {c.matricula}) — continuação"),
                             Resumo(cc)]
    if cc.avisos:
        texto = "<br/>".join(f"• {escape(a)}" for a in cc.avisos)
        itens += [Spacer(1, 6), quadro([marcado("<b>Avisos do cálculo</b>", "pequeno"), marcado(texto, "pequeno")], espaco=5)]
    return itens + [Spacer(1, 6), Nota(_LEGENDA)]


def gerar(cabecalho: Cabecalho, rodape: Rodape, conselheiro: DadosConselheiro, cc: Contracheque) -> bytes:
    return gerar_pdf(cabecalho, rodape, titulo_documento(cc.competencia), corpo(conselheiro, cc))
