"""Comunicado do resultado da avaliação ao trabalhador, com o prazo de recurso (Portaria MEC 902/2024, art. 13 XI)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Spacer

from ..layout import Cabecalho, LARGURA_UTIL, Rodape, gerar_pdf, paragrafo, quadro, tabela, titulo
from .dados import LinhaHistorico
from .pecas import assinaturas, celula, identificacao, local_e_data, por_extenso
from desktop.rules import formato

TITULO = "Comunicado de resultado da avaliação"
RESULTADOS = {"integral": "todas as competências do perfil foram reconhecidas",
              "parcial": "parte das competências do perfil foi reconhecida",
              "nenhum": "nenhuma competência do perfil foi reconhecida"}


@dataclass(frozen=True)
class DadosComunicado:
    nome: str
    cpf: str
    perfil: str
    curso: str
    unidade: str
    resultado: str          # integral, parcial, nenhum
    resultado_em: date
    prazo_dias: int
    prazo_ate: date
    linhas: tuple[LinhaHistorico, ...]


def gerar_comunicado(cab: Cabecalho, rod: Rodape, d: DadosComunicado) -> bytes:
    """O resultado por competência e até quando o trabalhador pode recorrer (art. 13 XI), em dias úteis
    (Lei 9.784/1999, art. 66); os documentos só saem depois do prazo, da decisão ou da renúncia (art. 51)."""
    itens = [*titulo("COMUNICADO DE RESULTADO", "da avaliação de conhecimentos e competências"),
             identificacao([("Nome", d.nome), ("CPF", d.cpf), ("Perfil profissional", d.perfil), ("Curso", d.curso),
                            ("Unidade", d.unidade), ("Data do resultado", formato.data(d.resultado_em))]),
             Spacer(1, 6),
             paragrafo(f"Resultado: {RESULTADOS.get(d.resultado, d.resultado)}."),
             tabela(["Competência profissional", "Unidade curricular / módulo", "Reconhecida"],
                    [(celula(l.competencia), celula(l.componente), "sim" if l.aprovada else "não") for l in d.linhas],
                    [LARGURA_UTIL * 0.55, LARGURA_UTIL * 0.3, LARGURA_UTIL * 0.15], tamanho=9),
             Spacer(1, 8),
             quadro([paragrafo(f"Prazo de recurso: até {por_extenso(d.prazo_ate)} ({formato.data(d.prazo_ate)}), "
                               f"{d.prazo_dias} dias úteis contados do dia seguinte ao resultado. O recurso é "
                               "apresentado por escrito à secretaria da unidade (Portaria MEC 902/2024, art. 13, XI; "
                               "Lei 9.784/1999, art. 66)."),
                     paragrafo("Os documentos deste resultado só são emitidos depois do fim do prazo sem recurso, da "
                               "decisão do recurso ou de renúncia escrita ao recurso, se o trabalhador assim quiser "
                               "(Lei 9.784/1999, art. 51).", "pequeno")]),
             Spacer(1, 8), local_e_data(d.unidade, rod.emitido_em.date()),
             assinaturas("Secretaria acadêmica", f"Ciente: {d.nome}")]
    return gerar_pdf(cab, rod, TITULO, itens)
