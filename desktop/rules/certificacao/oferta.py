"""Requisitos de oferta do curso de referência para cada tipo de certificação (Portaria MEC 902/2024, art. 17)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .adesao import anos_completos
from .tipos import FUNDAMENTO, Impedimento, Requisitos, TipoCertificacao as T
from desktop.rules import formato


@dataclass(frozen=True)
class CursoReferencia:
    """O curso de referência ofertado pela unidade certificadora (art. 5º VII)."""

    nome: str
    tipo: T
    implantado_em: date
    turmas_por_ano: dict[int, int] = field(default_factory=dict)  # ano → turmas ofertadas
    certificacao_intermediaria: bool = False  # técnico/tecnologia com saída de qualificação (art. 17 I)
    reconhecido: bool = False                 # superior de tecnologia reconhecido (art. 17 IV)
    conceito_emec: int | None = None


def _art(inciso: str) -> str:
    return f"{FUNDAMENTO}, art. 17, {inciso}"


def _tempo(curso: CursoReferencia, hoje: date, minimo: int, inciso: str) -> None:
    anos = anos_completos(curso.implantado_em, hoje) if curso.implantado_em <= hoje else 0
    if anos < minimo:
        raise Impedimento(
            f"O curso de referência \"{curso.nome}\" foi implantado em {formato.data(curso.implantado_em)} "
            f"e tem {anos} ano(s) de oferta; são exigidos {minimo} ano(s) contados da implantação.",
            _art(inciso))


def verificar_oferta(tipo: T, curso: CursoReferencia, hoje: date, req: Requisitos) -> str:
    """Recusa (``Impedimento``) se o curso não sustenta a certificação do tipo; devolve o fundamento.

    I qualificação: curso de qualificação com uma turma por ano nos últimos três anos (a), ou
    técnico/superior de tecnologia com certificação intermediária e três anos de oferta (b);
    II técnica: curso técnico com três anos; III especialização: especialização técnica com um
    ano (a) ou técnico com três (b); IV tecnológica: superior de tecnologia reconhecido com
    conceito igual ou superior a três no e-MEC.
    """
    tipo = T(tipo)
    if tipo is T.QUALIFICACAO:
        if curso.tipo is T.QUALIFICACAO:
            _tempo(curso, hoje, req.qualificacao_anos_oferta, "I, a")
            anos = range(hoje.year - req.qualificacao_anos_oferta, hoje.year)
            faltam = [a for a in anos if curso.turmas_por_ano.get(a, 0) < req.qualificacao_turmas_por_ano]
            if faltam:
                raise Impedimento(
                    f"O curso \"{curso.nome}\" não ofertou {req.qualificacao_turmas_por_ano} turma(s) em "
                    f"{', '.join(map(str, faltam))}: é exigida uma turma por ano nos últimos "
                    f"{req.qualificacao_anos_oferta} anos. Registre as turmas ofertadas.", _art("I, a"))
            return _art("I, a")
        if curso.tipo in (T.TECNICO, T.TECNOLOGIA):
            if not curso.certificacao_intermediaria:
                raise Impedimento(
                    f"O curso \"{curso.nome}\" não prevê certificação intermediária de qualificação "
                    "no seu projeto pedagógico; só assim ele serve de referência para qualificação.",
                    _art("I"))
            _tempo(curso, hoje, req.tecnico_anos_oferta, "I, b")
            return _art("I, b")
        raise Impedimento("Para certificar qualificação profissional, o curso de referência deve ser "
                          "de qualificação, técnico ou superior de tecnologia.", _art("I"))
    if tipo is T.TECNICO:
        if curso.tipo is not T.TECNICO:
            raise Impedimento("A certificação técnica exige curso técnico de referência correspondente "
                              "ao perfil.", _art("II"))
        _tempo(curso, hoje, req.tecnico_anos_oferta, "II, a")
        return _art("II, a")
    if tipo is T.ESPECIALIZACAO:
        if curso.tipo is T.ESPECIALIZACAO:
            _tempo(curso, hoje, req.especializacao_anos_oferta, "III, a")
            return _art("III, a")
        if curso.tipo is T.TECNICO:
            _tempo(curso, hoje, req.tecnico_anos_oferta, "III, b")
            return _art("III, b")
        raise Impedimento("A certificação de especialização técnica exige curso de especialização "
                          "técnica ou curso técnico de referência.", _art("III"))
    if curso.tipo is not T.TECNOLOGIA:
        raise Impedimento("A certificação tecnológica exige curso superior de tecnologia de referência.",
                          _art("IV"))
    if not curso.reconhecido:
        raise Impedimento(f"O curso \"{curso.nome}\" ainda não é reconhecido; a certificação "
                          "tecnológica exige curso reconhecido.", _art("IV"))
    if curso.conceito_emec is None or curso.conceito_emec < req.conceito_minimo_emec:
        conceito = "sem conceito" if curso.conceito_emec is None else f"conceito {curso.conceito_emec}"
        raise Impedimento(f"O curso \"{curso.nome}\" está com {conceito} no e-MEC; é exigido conceito "
                          f"igual ou superior a {req.conceito_minimo_emec}.", _art("IV"))
    return _art("IV")
