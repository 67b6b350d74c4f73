"""Livro de registro dos títulos da Certificação: termo de abertura, registros folha a folha, termo de encerramento."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import PageBreak, Spacer

from ..layout import Cabecalho, LARGURA_UTIL, Rodape, gerar_pdf, paragrafo, quadro, tabela, titulo
from .pecas import assinaturas, celula, local_e_data
from desktop.rules import formato


@dataclass(frozen=True)
class LinhaLivro:
    numero: int
    folha: int
    registrado_em: date
    nome: str
    cpf: str
    perfil: str
    curso: str


@dataclass(frozen=True)
class DadosLivro:
    numero: int
    tipo: str
    folhas: int
    termo_abertura: str
    aberto_em: date
    linhas: tuple[LinhaLivro, ...]
    termo_encerramento: str | None = None
    encerrado_em: date | None = None


def gerar_livro(cab: Cabecalho, rod: Rodape, d: DadosLivro) -> bytes:
    itens = [*titulo(f"LIVRO DE REGISTRO Nº {d.numero}", d.tipo),
             paragrafo("Termo de abertura", "secao"), quadro([paragrafo(d.termo_abertura)]),
             local_e_data(cab.municipio, d.aberto_em), assinaturas("Secretário(a) escolar", "Diretor(a)"),
             PageBreak(), paragrafo("Registros", "secao")]
    if d.linhas:
        itens.append(tabela(["Nº", "Folha", "Data", "Titular", "CPF", "Habilitação / curso"],
                            [(str(l.numero), str(l.folha), formato.data(l.registrado_em), celula(l.nome), l.cpf,
                              celula(f"{l.perfil} — {l.curso}")) for l in d.linhas],
                            [LARGURA_UTIL * x for x in (0.07, 0.07, 0.12, 0.26, 0.16, 0.32)], tamanho=8))
    else:
        itens.append(paragrafo("Nenhum registro lançado neste livro."))
    itens += [Spacer(1, 12), paragrafo("Termo de encerramento", "secao")]
    if d.termo_encerramento:
        itens += [quadro([paragrafo(d.termo_encerramento)]), local_e_data(cab.municipio, d.encerrado_em),
                  assinaturas("Secretário(a) escolar", "Diretor(a)")]
    else:
        itens.append(paragrafo(f"Livro em uso: {len(d.linhas)} de {d.folhas} folhas utilizadas até esta impressão.",
                               "pequeno"))
    return gerar_pdf(cab, rod, f"Livro de registro nº {d.numero}", itens)
