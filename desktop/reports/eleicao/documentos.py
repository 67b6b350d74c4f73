"""PDFs do processo de escolha (Lei 320/2023): edital/lista de inscritos, habilitados, boletim de seção, ata de apuração e resultado oficial.

Dados simples entram, PDF sai (``layout.gerar_pdf``: timbre, rodapé com código e QR). Sem base e
sem Qt: os serviços montam os dados e registram o documento em ``documentos.emitir``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.reports.fontes import NEGRITO
from desktop.rules import formato
from desktop.reports.layout import (LARGURA_UTIL, Cabecalho, Rodape, gerar_pdf, paragrafo, quadro,
                                    tabela, titulo)


def _br(d: date | str | None) -> str:
    """``formato.data`` (ISO com hora vale o dia), com travessão para a data que não há."""
    return "—" if d is None else formato.data(d)


def _n(v: int) -> str:
    return formato.numero(v)


@dataclass(frozen=True)
class Processo:
    ano: int
    eleicao: date
    posse: date
    fim_mandato: date
    datas: list[tuple[str, date]] = field(default_factory=list)  # (etapa, data) do calendário
    impugnacao: tuple[date, date] | None = None  # publicação dos inscritos e último dia para impugnar


def _assinaturas(cab: Cabecalho, quem: list[str], em: date, junto: list[Flowable] = ()) -> list[Flowable]:
    """Local e data por extenso e as linhas de assinatura lado a lado (o documento vai ao Diário Oficial). A data
    é a do ato (``em``), não a do relógio: a 2ª via de uma ata sai com o dia da sessão, como a 1ª."""
    local = paragrafo(f"{cab.municipio} – {cab.uf}, {formato.data_extenso(em)}.")
    largura = LARGURA_UTIL / len(quem)
    traco = "_" * (int(34 * largura / (LARGURA_UTIL / 2)) - 2)
    linhas = Table([[traco] * len(quem), [paragrafo(q, "pequeno") for q in quem]],
                   colWidths=[largura] * len(quem), hAlign="CENTER")
    linhas.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("TOPPADDING", (0, 0), (-1, 0), 18)]))
    return [CondPageBreak(30 * mm), KeepTogether([*junto, Spacer(1, 4), local, linhas])]


ASSINAM = ["Presidente da Comissão Especial do Processo de Escolha", "Presidente do CMDCA"]


@dataclass(frozen=True)
class LinhaCandidato:
    numero: int
    nome: str
    situacao: str
    motivo: str = ""


def lista_candidatos(cab: Cabecalho, rod: Rodape, proc: Processo, linhas: list[LinhaCandidato], *,
                     habilitados: bool, substitui: list[str] = ()) -> bytes:
    """Edital com a lista de inscritos (art. 11 §2º) ou a lista de habilitados (art. 11 §6º). ``substitui``: os
    documentos que este substitui (a data de uma publicação retificada), citados logo abaixo do título."""
    nome = "Relação dos candidatos habilitados" if habilitados else "Edital — relação dos inscritos"
    itens: list[Flowable] = titulo(nome, f"Processo de escolha dos membros do Conselho Tutelar — {proc.ano}")
    if substitui:
        itens.append(quadro([paragrafo(f"Este documento substitui {s}.", "pequeno")
                             for s in substitui]))
        itens.append(Spacer(1, 4))
    if habilitados:
        itens.append(paragrafo(
            "Esgotada a fase recursal, a comissão especial torna pública a relação dos candidatos "
            "habilitados, com cópia ao Ministério Público (Lei 320/2023, art. 11 §6º). A propaganda só é "
            "permitida a partir desta publicação (art. 8º §5º)."))
    else:
        prazo = (f", de {_br(proc.impugnacao[0])} a {_br(proc.impugnacao[1])}," if proc.impugnacao else "")
        itens.append(paragrafo(
            "A comissão especial torna pública a relação dos pretendentes inscritos. Qualquer cidadão pode "
            f"impugnar, no prazo de 5 (cinco) dias contados desta publicação{prazo} candidatos que não atendam aos "
            "requisitos, indicando os elementos probatórios (Lei 320/2023, art. 11 §2º)."))
        if proc.datas:
            itens.append(paragrafo("Calendário (art. 7º §1º)", "secao"))
            itens.append(tabela(["Etapa", "Data"], [(e, _br(d)) for e, d in proc.datas],
                                [LARGURA_UTIL - 30 * mm, 30 * mm]))
    itens.append(paragrafo("Candidatos", "secao"))
    itens.append(tabela(["Nº", "Nome", "Situação", "Observação"],
                        [(str(l.numero), l.nome, l.situacao, paragrafo(l.motivo, "celula")) for l in linhas],
                        [14 * mm, 62 * mm, 24 * mm, LARGURA_UTIL - 100 * mm]))
    itens.append(Spacer(1, 6))
    itens.append(paragrafo(f"Total: {len(linhas)} candidato(s). Eleição em {_br(proc.eleicao)}; posse em "
                           f"{_br(proc.posse)} (Lei 320/2023, arts. 5º I e IV).", "pequeno"))
    itens += _assinaturas(cab, ASSINAM[:1], rod.emitido_em.date())
    return gerar_pdf(cab, rod, nome, itens)


@dataclass(frozen=True)
class DadosBoletim:
    secao: int
    local: str
    tipo: str  # urna | manual
    aptos: int
    comparecimento: int
    brancos: int
    nulos: int
    votos: list[tuple[int, str, int]]  # (número, nome, votos)
    origem: str  # conferido | supervisor
    digitadores: list[str]
    supervisor: str | None = None
    justificativa: str | None = None
    recontagens: list[str] = field(default_factory=list)  # recontagens do boletim já aceito, com a trilha


def boletim(cab: Cabecalho, rod: Rodape, proc: Processo, b: DadosBoletim) -> bytes:
    nome = f"Boletim da seção {b.secao}"
    itens = titulo(nome, f"Processo de escolha do Conselho Tutelar — {proc.ano} — eleição de {_br(proc.eleicao)}")
    itens.append(paragrafo(f"Local: {b.local}. Apuração: {'urna eletrônica' if b.tipo == 'urna' else 'cédulas (art. 9º §ún.)'}."))
    itens.append(tabela(["Eleitores aptos", "Comparecimento", "Abstenção", "Brancos", "Nulos"],
                        [(_n(b.aptos), _n(b.comparecimento), _n(b.aptos - b.comparecimento), _n(b.brancos),
                          _n(b.nulos))], [LARGURA_UTIL / 5] * 5, alinhar_direita=range(5)))
    itens.append(paragrafo("Votos por candidato", "secao"))
    nominais = sum(v for _, _, v in b.votos)
    linhas = [(str(n), nm, _n(v)) for n, nm, v in b.votos]
    linhas += [("", "Total de votos nominais", _n(nominais)), ("", "Brancos", _n(b.brancos)), ("", "Nulos", _n(b.nulos)),
               ("", "Comparecimento (nominais + brancos + nulos)", _n(nominais + b.brancos + b.nulos))]
    itens.append(tabela(["Nº", "Candidato", "Votos"], linhas, [16 * mm, LARGURA_UTIL - 46 * mm, 30 * mm],
                        alinhar_direita=[2], extra=[("FONT", (1, len(b.votos) + 1), (-1, -1), NEGRITO, 7.5),
                                                    ("LINEABOVE", (0, len(b.votos) + 1), (-1, len(b.votos) + 1), 0.8,
                                                     "#1f3b5c")]))
    origem = (f"Digitado por {' e '.join(b.digitadores)}; as duas digitações conferem." if b.origem == "conferido"
              else f"Digitado por {' e '.join(b.digitadores)}; as digitações divergiram e o supervisor "
                   f"{b.supervisor} decidiu os valores: {b.justificativa}")
    itens.append(Spacer(1, 6))
    itens.append(quadro([paragrafo(origem, "pequeno")] + [paragrafo(r, "pequeno") for r in b.recontagens]))
    return gerar_pdf(cab, rod, nome, itens)


@dataclass(frozen=True)
class LinhaResultado:
    posicao: int
    numero: int
    nome: str
    votos: int
    percentual: str
    situacao: str
    observacao: str = ""


@dataclass(frozen=True)
class DadosResultado:
    linhas: list[LinhaResultado]
    secoes: int
    aptos: int
    comparecimento: int
    brancos: int
    nulos: int
    validos: int
    empates: list[str]
    impedimentos: list[str]
    avisos: list[str]
    fora: list[LinhaCandidato] = field(default_factory=list)  # não habilitados (indeferidos etc.)
    publicado_em: date | None = None       # publicação do resultado (art. 14 §1º)
    contestacao_fim: date | None = None    # último dia para contestar


def _corpo_resultado(d: DadosResultado) -> list[Flowable]:
    itens: list[Flowable] = [tabela(
        ["Seções", "Aptos", "Comparec.", "Abstenção", "Brancos", "Nulos", "Válidos"],
        [(_n(d.secoes), _n(d.aptos), _n(d.comparecimento), _n(d.aptos - d.comparecimento), _n(d.brancos),
          _n(d.nulos), _n(d.validos))], [LARGURA_UTIL / 7] * 7, alinhar_direita=range(7))]
    itens.append(paragrafo("Classificação (Lei 320/2023, art. 6º)", "secao"))
    itens.append(tabela(["Pos.", "Nº", "Candidato", "Votos", "% válidos", "Situação", "Observação"],
                        [(str(l.posicao), str(l.numero), l.nome, _n(l.votos), l.percentual.replace(".", ","),
                          l.situacao, paragrafo(l.observacao, "celula")) for l in d.linhas],
                        [10 * mm, 12 * mm, 52 * mm, 16 * mm, 17 * mm, 20 * mm, LARGURA_UTIL - 127 * mm],
                        alinhar_direita=[3, 4]))
    if d.fora:
        itens.append(paragrafo("Candidatos não habilitados", "secao"))
        itens.append(tabela(["Nº", "Nome", "Situação", "Motivo"],
                            [(str(l.numero), l.nome, l.situacao, paragrafo(l.motivo, "celula")) for l in d.fora],
                            [14 * mm, 55 * mm, 22 * mm, LARGURA_UTIL - 91 * mm]))
    for rotulo, textos in (("Empates e desempate", d.empates), ("Impedimentos (art. 15)", d.impedimentos),
                           ("Avisos", d.avisos)):
        if textos:
            itens.append(paragrafo(rotulo, "secao"))
            itens.extend(paragrafo(t) for t in textos)
    return itens


def resultado_oficial(cab: Cabecalho, rod: Rodape, proc: Processo, d: DadosResultado) -> bytes:
    """Resultado oficial para o Diário Oficial (art. 14 §1º)."""
    nome = "Resultado oficial do processo de escolha"
    itens = titulo(nome, f"Conselho Tutelar — eleição de {_br(proc.eleicao)}")
    if d.publicado_em:
        itens.append(quadro(paragrafo(
            f"Resultado publicado em {_br(d.publicado_em)}. Qualquer interessado pode contestá-lo perante a "
            f"comissão especial, com recurso à plenária do CMDCA, até {_br(d.contestacao_fim)} (Lei 320/2023, "
            "arts. 11 §5º e 14 §1º; prazo do edital, art. 7º §1º a). Só depois desse prazo a comissão encerra "
            "o processo e dá posse.")))
        itens.append(Spacer(1, 4))
    itens += _corpo_resultado(d)
    publicado = d.publicado_em or rod.emitido_em.date()  # antes da publicação, a data da emissão
    itens += _assinaturas(cab, ASSINAM, publicado, [Spacer(1, 6), quadro(paragrafo(
        f"Os cinco mais votados são nomeados e empossados em {_br(proc.posse)}, para mandato até "
        f"{_br(proc.fim_mandato)}; os demais habilitados são suplentes na ordem acima (Lei 320/2023, "
        "arts. 5º IV, 6º e 14 §§1º-2º)."))])
    return gerar_pdf(cab, rod, nome, itens)


@dataclass(frozen=True)
class DadosSessaoApuracao:
    """A sessão pública de apuração: horário, local, membros presentes e o que se decidiu nela."""

    data: date                  # o dia em que a sessão se encerrou (ou começou): a data da ata
    inicio: str                 # "03/10/2027, 17h30"
    fim: str | None
    local: str
    membros: list[str]
    designados: list[str] = field(default_factory=list)    # "Nome — mesário (ato)"
    ocorrencias: list[str] = field(default_factory=list)   # divergências, auditoria e recontagens, com a decisão


def ata_apuracao(cab: Cabecalho, rod: Rodape, proc: Processo, d: DadosResultado,
                 boletins: list[DadosBoletim], sessao: DadosSessaoApuracao) -> bytes:
    """Ata da apuração: horário, local e membros presentes; as seções uma a uma (origem do boletim);
    as divergências, a fila de auditoria e as recontagens com a decisão de cada uma; o resultado."""
    nome = "Ata de apuração"
    itens = titulo(nome, f"Processo de escolha do Conselho Tutelar — eleição de {_br(proc.eleicao)}")
    fim = f" e encerrou-se em {sessao.fim}" if sessao.fim else ""
    itens.append(paragrafo(
        f"A sessão pública de apuração começou em {sessao.inicio}{fim}, em {sessao.local}, com a presença "
        "dos membros abaixo. A comissão especial apurou "
        f"{len(boletins)} seção(ões). Cada boletim foi digitado por dois mesários diferentes; havendo "
        "divergência, um supervisor designado recontou o boletim de papel e decidiu os valores, com "
        "justificativa; boletins fora dos limites de plausibilidade foram à fila de auditoria e só contaram "
        "depois de liberados por um supervisor. O resultado abaixo é reproduzível a partir destes boletins "
        "(Lei 320/2023, arts. 9º, 11 §7º e 14 §1º)."))
    itens.append(paragrafo("Presentes", "secao"))
    itens.extend(paragrafo(f"• {m}") for m in sessao.membros)
    if sessao.designados:
        itens.append(paragrafo("Mesários e supervisores designados pela comissão especial", "secao"))
        itens.extend(paragrafo(f"• {m}", "pequeno") for m in sessao.designados)
    itens.append(paragrafo("Seções apuradas", "secao"))
    itens.append(tabela(["Seção", "Local", "Aptos", "Comp.", "Brancos", "Nulos", "Conferência"],
                        [(str(b.secao), paragrafo(b.local, "celula"), _n(b.aptos), _n(b.comparecimento),
                          _n(b.brancos), _n(b.nulos),
                          paragrafo("dupla digitação" if b.origem == "conferido" else f"supervisor ({b.supervisor})",
                                    "celula"))
                         for b in boletins],
                        [13 * mm, 55 * mm, 16 * mm, 16 * mm, 16 * mm, 14 * mm, LARGURA_UTIL - 130 * mm],
                        alinhar_direita=[2, 3, 4, 5]))
    itens.append(paragrafo("Divergências, auditoria e recontagens — decisões", "secao"))
    if sessao.ocorrencias:
        itens.extend(paragrafo(f"{i}. {t}", "pequeno") for i, t in enumerate(sessao.ocorrencias, 1))
    else:
        itens.append(paragrafo("Não houve divergência, boletim em auditoria nem recontagem.", "pequeno"))
    itens.append(paragrafo("Resultado", "secao"))
    itens += _corpo_resultado(d)
    itens += _assinaturas(cab, ["Presidente da Comissão Especial", "Membro da Comissão Especial",
                                "Ministério Público (art. 5º III)"], sessao.data)
    return gerar_pdf(cab, rod, nome, itens)
