"""Requisitos da candidatura (Lei 320/2023, art. 12 §2º, e ECA art. 133) e os documentos que os provam (§§3º-8º).

Cada requisito é um item do checklist da análise documental: deferido, indeferido (com motivo)
ou pendente. Idade, residência e experiência têm também uma conferência objetiva a partir das
datas informadas na inscrição; a data de referência é a do pedido de inscrição
(docs/interpretacoes.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.validacao import EntradaInvalida

from .calendario import mais_anos
from .regras import RegrasEleicao
from desktop.rules import formato


@dataclass(frozen=True)
class Requisito:
    codigo: str
    descricao: str
    documento: str  # o que prova o requisito
    artigo: str


REQUISITOS: tuple[Requisito, ...] = (
    Requisito("idoneidade", "Reconhecida idoneidade moral",
              "Atestados de boa conduta de autoridades estaduais e federais",
              "Lei 320/2023, art. 12 §2º I e §3º; ECA art. 133 I"),
    Requisito("idade", "Idade superior a 21 anos", "Documento original com foto",
              "Lei 320/2023, art. 12 §2º II e §4º; ECA art. 133 II"),
    Requisito("residencia", "Residir no município há mais de dois anos",
              "Comprovante de residência (luz ou água), de trabalho ou de estudo no período",
              "Lei 320/2023, art. 12 §2º III e §5º; ECA art. 133 III"),
    Requisito("direitos_politicos", "Pleno gozo dos direitos políticos",
              "Certidão de quitação eleitoral", "Lei 320/2023, art. 12 §2º IV"),
    Requisito("ensino_medio", "Ensino médio ou equivalente",
              "Certificado de conclusão com histórico escolar de instituição reconhecida pelo MEC",
              "Lei 320/2023, art. 12 §2º V e §6º"),
    Requisito("informatica", "Curso básico de informática",
              "Certificado do curso ou comprovante de aprovação em informática básica",
              "Lei 320/2023, art. 12 §2º VI e §7º"),
    Requisito("experiencia", "Experiência de dois anos na promoção, proteção e defesa dos direitos da criança e do adolescente",
              "Declaração das atividades exercidas, com o CNPJ da instituição ou os dados do declarante",
              "Lei 320/2023, art. 12 §2º VII e §8º"),
)
POR_CODIGO = {r.codigo: r for r in REQUISITOS}
SITUACOES = ("pendente", "deferido", "indeferido")


def requisito(codigo: str) -> Requisito:
    try:
        return POR_CODIGO[codigo]
    except KeyError:
        raise EntradaInvalida(f"Requisito desconhecido: {codigo!r}. Os requisitos são os do "
                              "art. 12 §2º da Lei 320/2023.") from None


def idade_em(nascimento: date, data: date) -> int:
    anos = data.year - nascimento.year
    if (data.month, data.day) < (nascimento.month, nascimento.day):
        anos -= 1
    return anos


def conferir_idade(nascimento: date, referencia: date, regras: RegrasEleicao) -> str | None:
    """Motivo da recusa se a pessoa não tem idade superior a 21 anos na data (art. 12 §2º II)."""
    completa = mais_anos(nascimento, regras.idade_minima_anos)
    if completa > referencia:
        return (f"Na data da inscrição ({formato.data(referencia)}) a pessoa tem {idade_em(nascimento, referencia)} "
                f"anos; a lei exige idade superior a {regras.idade_minima_anos} anos, completados "
                f"em {formato.data(completa)} (Lei 320/2023, art. 12 §2º II; ECA art. 133 II).")
    return None


def conferir_residencia(residencia_desde: date, referencia: date, regras: RegrasEleicao) -> str | None:
    """Motivo da recusa se a residência no município não passa de dois anos (art. 12 §2º III)."""
    limite = mais_anos(residencia_desde, regras.residencia_minima_anos)
    if limite >= referencia:
        return (f"Residência no município desde {formato.data(residencia_desde)}: na data da inscrição "
                f"({formato.data(referencia)}) não passa de {regras.residencia_minima_anos} anos "
                "(Lei 320/2023, art. 12 §2º III e §5º).")
    return None


def conferir_experiencia(meses: int, regras: RegrasEleicao) -> str | None:
    """Motivo da recusa se a experiência declarada é menor que dois anos (art. 12 §8º)."""
    if meses < regras.experiencia_minima_anos * 12:
        return (f"Experiência declarada de {meses} meses; a lei exige no mínimo "
                f"{regras.experiencia_minima_anos} anos ({regras.experiencia_minima_anos * 12} meses) "
                "(Lei 320/2023, art. 12 §2º VII e §8º).")
    return None


def conferencias_objetivas(*, nascimento: date, residencia_desde: date, experiencia_meses: int,
                           referencia: date, regras: RegrasEleicao) -> dict[str, str]:
    """Requisitos que as datas informadas já reprovam: {codigo: motivo}."""
    motivos = {
        "idade": conferir_idade(nascimento, referencia, regras),
        "residencia": conferir_residencia(residencia_desde, referencia, regras),
        "experiencia": conferir_experiencia(experiencia_meses, regras),
    }
    return {k: v for k, v in motivos.items() if v}


def nota(valor) -> Decimal:
    """Nota da prova (art. 12 §9º): número de 0 a 100 com até duas casas."""
    try:
        d = Decimal(str(valor).replace(",", ".").strip())
    except Exception:
        d = None
    if d is None or not d.is_finite() or d < 0 or d > 100 or d != d.quantize(Decimal("0.01")):
        raise EntradaInvalida(f"Nota inválida: {valor!r}. Informe um número de 0 a 100, com até duas "
                              "casas decimais (Lei 320/2023, art. 12 §9º).")
    return d
