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

from desktop.rules.certificacao.curriculo import horas
from desktop.rules.certificacao.resultado import exigir_texto_limpo

from .. import fontes
from ..layout import ESTILOS, Cabecalho, LARGURA_UTIL, Rodape, gerar_pdf, paragrafo, quadro, tabela, titulo
from .dados import DadosTitulo
from .diploma import gerar_titulo_paisagem, textos_do_titulo
from .pecas import assinaturas, celula, identificacao, local_e_data, por_extenso
from desktop.rules import formato

__all__ = ["gerar_historico", "gerar_titulo", "por_extenso"]

REPUBLICA = ParagraphStyle("cert_republica", parent=ESTILOS["secao"], alignment=TA_CENTER, fontSize=11,
                           spaceAfter=4)


def _e(t: str) -> str:
    from xml.sax.saxutils import escape
    return escape(t or "")


def _registro(d: DadosTitulo) -> list:
    r = d.registro
    em = f", em {formato.data(r.registrado_em)}" if r.registrado_em else ""
    itens = [f"Registro nº {r.numero}, livro {r.livro}, folha {r.folha}{em}.", r.observacao_via]
    if d.sistec_codigo:
        itens.append(f"Código autenticador do registro no Sistec: {d.sistec_codigo}.")
    return [paragrafo(i, "pequeno") for i in itens if i]


def _textos(d: DadosTitulo) -> list[str]:
    return textos_do_titulo(d)


SIGNATARIOS_PADRAO = (("", "Diretor(a)"), ("", "Secretário(a) escolar"))
"""Sem signatários cadastrados no emissor: só os cargos, sem nomear a forma de obtenção (art. 15 §2º)."""


def _local(cab: Cabecalho, d: DadosTitulo) -> str:
    """O lugar da expedição é o município do emissor (não o nome da unidade)."""
    return f"{cab.municipio}/{cab.uf}" if cab.municipio else d.unidade


def _assinam(d: DadosTitulo, *extra: str) -> list[str]:
    return [f"{n}\n{c}" if n else c for n, c in (d.signatarios or SIGNATARIOS_PADRAO)] + list(extra)


def gerar_titulo(cab: Cabecalho, rod: Rodape, d: DadosTitulo) -> bytes:
    """O certificado ou diploma em A4 paisagem, frente e verso (``diploma.gerar_titulo_paisagem``)."""
    return gerar_titulo_paisagem(cab, rod, d)


def gerar_historico(cab: Cabecalho, rod: Rodape, d: DadosTitulo) -> bytes:
    """Histórico escolar: nos diplomas, componentes curriculares, cargas horárias e avaliação (art. 15);
    nos certificados, competências do perfil de conclusão, unidade curricular e cargas horárias (art. 16)."""
    exigir_texto_limpo(" ".join(_textos(d)))
    fontes.registrar()
    rg = f"{d.rg} — {d.rg_orgao}" if d.rg and d.rg_orgao else d.rg
    itens = [Paragraph("REPÚBLICA FEDERATIVA DO BRASIL", REPUBLICA), *titulo("HISTÓRICO ESCOLAR", d.titulo),
             identificacao([("Nome", d.nome), ("CPF", d.cpf), ("Data de nascimento", formato.data(d.nascimento)),
                            ("Nacionalidade", d.nacionalidade), ("Naturalidade", d.naturalidade),
                            ("Documento de identidade", rg), ("Curso", d.curso),
                            ("Habilitação / perfil de conclusão", d.perfil), ("Eixo tecnológico", d.eixo or ""),
                            ("Ato de autorização do curso", d.ato_autorizacao),
                            ("Código no catálogo", d.codigo_catalogo or ""),
                            ("Data de conclusão", formato.data(d.data_conclusao)), ("Unidade", d.unidade),
                            ("Instituição", d.instituicao)])]
    if d.diploma and d.componentes:  # art. 15: componentes do curso de referência, horas e avaliação
        itens += [paragrafo("Componentes curriculares", "secao"),
                  tabela(["Componente curricular", "Carga horária (h)", "Avaliação"],
                         [(celula(n), horas(h), "Aprovado") for n, h in d.componentes],
                         [LARGURA_UTIL * 0.55, LARGURA_UTIL * 0.25, LARGURA_UTIL * 0.2], alinhar_direita=(1,), tamanho=9)]
    elif d.diploma:
        grupos: dict[str, list] = {}
        for l in d.linhas:
            grupos.setdefault(l.componente, []).append(l)
        linhas = [(celula(c), str(sum(x.carga_horaria for x in ls)), "Aprovado" if all(x.aprovada for x in ls) else "—")
                  for c, ls in grupos.items()]
        itens += [paragrafo("Componentes curriculares", "secao"),
                  tabela(["Componente curricular", "Carga horária (h)", "Avaliação"], linhas,
                         [LARGURA_UTIL * 0.55, LARGURA_UTIL * 0.25, LARGURA_UTIL * 0.2], alinhar_direita=(1,), tamanho=9)]
    else:  # art. 16: competências do perfil de conclusão, unidade curricular e horas
        linhas = [(celula(l.competencia), celula(l.componente), str(l.carga_horaria)) for l in d.linhas]
        itens += [paragrafo("Competências profissionais do perfil de conclusão", "secao"),
                  tabela(["Competência profissional", "Unidade curricular / módulo", "Carga horária (h)"], linhas,
                         [LARGURA_UTIL * 0.48, LARGURA_UTIL * 0.32, LARGURA_UTIL * 0.2], alinhar_direita=(2,), tamanho=9)]
    minimo = (f" Carga horária mínima do curso no {d.catalogo or 'catálogo nacional'}: "
              f"{horas(d.carga_horaria_minima)} horas." if d.carga_horaria_minima else "")
    itens += [Spacer(1, 6), paragrafo(f"Carga horária total do curso: {horas(d.horas)} horas.{minimo}"), Spacer(1, 8),
              local_e_data(_local(cab, d), rod.emitido_em.date()),
              assinaturas(*_assinam(d)),
              Spacer(1, 20), quadro(_registro(d))]
    return gerar_pdf(cab, rod, "Histórico escolar", itens)
