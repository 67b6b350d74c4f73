"""Certificado de qualificação, diploma de técnico, certificado de especialista, diploma de tecnólogo
e o histórico escolar (Portaria MEC 902/2024, arts. 14, 15 e 16).

O texto não diz como o título foi obtido nem a modalidade (art. 15 §2º e art. 16 §ún): nem o texto
fixo (sem Portaria, sem "unidade certificadora") nem os dados: antes de montar o PDF,
``exigir_texto_limpo`` recusa qualquer termo vedado vindo dos cadastros, da via ou dos signatários.
"""
from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from desktop.rules.certificacao.resultado import exigir_texto_limpo

from .. import fontes
from ..layout import ESTILOS, Cabecalho, LARGURA_UTIL, Rodape, gerar_pdf, marcado, paragrafo, quadro, tabela, titulo
from .dados import DadosTitulo
from .pecas import assinaturas, celula, identificacao, local_e_data, por_extenso

__all__ = ["gerar_historico", "gerar_titulo", "por_extenso"]

REPUBLICA = ParagraphStyle("cert_republica", parent=ESTILOS["secao"], alignment=TA_CENTER, fontSize=11,
                           spaceAfter=4)


def _e(t: str) -> str:
    from xml.sax.saxutils import escape
    return escape(t or "")


def _registro(d: DadosTitulo) -> list:
    r = d.registro
    em = f", em {r.registrado_em:%d/%m/%Y}" if r.registrado_em else ""
    itens = [f"Registro nº {r.numero}, livro {r.livro}, folha {r.folha}{em}.", r.observacao_via]
    if d.sistec_codigo:
        itens.append(f"Código autenticador do registro no Sistec: {d.sistec_codigo}.")
    return [paragrafo(i, "pequeno") for i in itens if i]


def _textos(d: DadosTitulo) -> list[str]:
    return [d.titulo, d.nome, d.curso, d.perfil, d.unidade, d.instituicao, d.eixo or "",
            d.codigo_catalogo or "", d.registro.observacao_via, *(f"{l.componente} {l.competencia}" for l in d.linhas),
            *(f"{n} {c}" for n, c in d.signatarios)]


SIGNATARIOS_PADRAO = (("", "Diretor(a)"), ("", "Secretário(a) escolar"))
"""Sem signatários cadastrados no emissor: só os cargos, sem nomear a forma de obtenção (art. 15 §2º)."""


def _local(cab: Cabecalho, d: DadosTitulo) -> str:
    """O lugar da expedição é o município do emissor (não o nome da unidade)."""
    return f"{cab.municipio}/{cab.uf}" if cab.municipio else d.unidade


def _assinam(d: DadosTitulo, *extra: str) -> list[str]:
    return [f"{n}\n{c}" if n else c for n, c in (d.signatarios or SIGNATARIOS_PADRAO)] + list(extra)


def gerar_titulo(cab: Cabecalho, rod: Rodape, d: DadosTitulo) -> bytes:
    """O certificado ou diploma: quem, qual habilitação, qual curso, onde e quando, registro."""
    exigir_texto_limpo(" ".join(_textos(d)))
    horas = sum(l.carga_horaria for l in d.linhas)
    habil = "o título de" if d.diploma else "a qualificação de"
    corpo = (f"{_e(d.instituicao)}, por meio de {_e(d.unidade)}, confere o presente {_e(d.titulo.lower())} a "
             f"<b>{_e(d.nome)}</b>, CPF {_e(d.cpf)}, nascido(a) em {d.nascimento:%d/%m/%Y}, por ter concluído "
             f"o {_e(d.curso)}, conferindo-lhe {habil} <b>{_e(d.perfil)}</b>, com carga horária de "
             f"{horas} horas, em {por_extenso(d.data_conclusao)}.")
    fontes.registrar()
    itens = [Paragraph("REPÚBLICA FEDERATIVA DO BRASIL", REPUBLICA),
             *titulo(d.titulo.upper(), d.eixo and f"Eixo tecnológico: {d.eixo}"), Spacer(1, 18),
             marcado(corpo), Spacer(1, 6)]
    if d.codigo_catalogo:
        itens.append(paragrafo(f"Código do curso no catálogo: {d.codigo_catalogo}.", "pequeno"))
    titular = "Diplomado(a)" if d.diploma else "Certificado(a)"
    itens += [Spacer(1, 24), local_e_data(_local(cab, d), rod.emitido_em.date()),
              assinaturas(*_assinam(d, titular)),
              Spacer(1, 28), quadro(_registro(d))]
    return gerar_pdf(cab, rod, d.titulo, itens)


def gerar_historico(cab: Cabecalho, rod: Rodape, d: DadosTitulo) -> bytes:
    """Histórico escolar: nos diplomas, componentes curriculares, cargas horárias e avaliação (art. 15);
    nos certificados, competências do perfil de conclusão, unidade curricular e cargas horárias (art. 16)."""
    exigir_texto_limpo(" ".join(_textos(d)))
    itens = [*titulo("HISTÓRICO ESCOLAR", d.titulo),
             identificacao([("Nome", d.nome), ("CPF", d.cpf), ("Data de nascimento", f"{d.nascimento:%d/%m/%Y}"),
                            ("Data de conclusão", f"{d.data_conclusao:%d/%m/%Y}"), ("Curso", d.curso),
                            ("Habilitação / perfil de conclusão", d.perfil), ("Unidade", d.unidade),
                            ("Instituição", d.instituicao)])]
    if d.diploma:
        grupos: dict[str, list] = {}
        for l in d.linhas:
            grupos.setdefault(l.componente, []).append(l)
        linhas = [(celula(c), str(sum(x.carga_horaria for x in ls)), "Aprovado" if all(x.aprovada for x in ls) else "—")
                  for c, ls in grupos.items()]
        itens += [paragrafo("Componentes curriculares", "secao"),
                  tabela(["Componente curricular", "Carga horária (h)", "Avaliação"], linhas,
                         [LARGURA_UTIL * 0.6, LARGURA_UTIL * 0.2, LARGURA_UTIL * 0.2], alinhar_direita=(1,), tamanho=9)]
    else:
        linhas = [(celula(l.competencia), celula(l.componente), str(l.carga_horaria)) for l in d.linhas]
        itens += [paragrafo("Competências profissionais do perfil de conclusão", "secao"),
                  tabela(["Competência profissional", "Unidade curricular / módulo", "Carga horária (h)"], linhas,
                         [LARGURA_UTIL * 0.5, LARGURA_UTIL * 0.32, LARGURA_UTIL * 0.18], alinhar_direita=(2,), tamanho=9)]
    total = sum(l.carga_horaria for l in d.linhas)
    itens += [Spacer(1, 6), paragrafo(f"Carga horária total: {total} horas."), Spacer(1, 8),
              local_e_data(_local(cab, d), rod.emitido_em.date()),
              assinaturas(*_assinam(d)),
              Spacer(1, 20), quadro(_registro(d))]
    return gerar_pdf(cab, rod, "Histórico escolar", itens)
