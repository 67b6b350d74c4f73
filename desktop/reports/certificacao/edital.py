"""Aviso público da oferta de certificação profissional, com o que o art. 23 da Portaria MEC 902/2024 exige."""
from __future__ import annotations

from reportlab.platypus import Spacer

from ..layout import Cabecalho, Rodape, gerar_pdf, paragrafo, titulo
from .dados import DadosEdital
from .pecas import assinaturas, local_e_data, secao
from desktop.rules import formato

TITULO = "Aviso público de oferta de certificação profissional"


def gerar_edital(cab: Cabecalho, rod: Rodape, d: DadosEdital) -> bytes:
    """Seções I a X do art. 23, na ordem do artigo."""
    vagas = f" Vagas: {d.vagas}." if d.vagas else ""
    secoes = [
        ("I – Profissões ou ocupações a serem certificadas", d.ocupacoes),
        ("II – Conhecimentos e competências profissionais a serem avaliados", "\n".join(f"• {c}" for c in d.competencias)),
        ("III – Gratuidade", "O processo de certificação profissional é gratuito, sem qualquer ônus para o "
                             "trabalhador, inclusive a emissão da primeira via de todos os documentos "
                             "(Portaria MEC 902/2024, art. 26)."),
        ("IV – Inscrição", f"{d.inscricao} Período: de {formato.data(d.inscricoes_de)} a {formato.data(d.inscricoes_ate)}.{vagas}"),
        ("V – Critérios e documentos para a matrícula", d.matricula),
        ("VI – Etapas do processo", "\n".join(f"{i}. {e}" for i, e in enumerate(d.etapas, start=1))),
        ("VII – Cronograma de atendimento", d.cronograma),
        ("VIII – Critérios de aprovação", d.criterios_aprovacao),
        ("IX – Recurso", d.recurso),
        ("X – Documentos a serem emitidos", d.documentos),
    ]
    if d.acessibilidade:
        secoes.append(("Atendimento às pessoas com deficiência (art. 22)", d.acessibilidade))
    nome = d.titulo if d.perfil in d.titulo else f"{d.titulo} — {d.perfil}"
    itens = [*titulo("AVISO PÚBLICO DE OFERTA", f"{nome} (certificação {d.tipo.lower()})"),
             paragrafo(f"{d.instituicao}, por meio de {d.unidade}, torna pública a oferta de processo de "
                       "certificação profissional no âmbito da Rede Certifica (Portaria MEC 902/2024, art. 23).")]
    for cab_secao, texto in secoes:
        itens.append(secao(cab_secao, *(paragrafo(linha) for linha in (texto or "").split("\n"))))
    itens += [Spacer(1, 8), local_e_data(d.unidade, rod.emitido_em.date()),
              assinaturas("Dirigente da unidade certificadora")]
    return gerar_pdf(cab, rod, TITULO, itens)
