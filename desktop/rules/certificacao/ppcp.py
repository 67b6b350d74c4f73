"""Conteúdo mínimo do PPCP e a equipe multiprofissional (Portaria MEC 902/2024, arts. 19, 20 e 22)."""
from __future__ import annotations

from dataclasses import dataclass

from .tipos import FUNDAMENTO, Impedimento, Requisitos

CONTEUDOS_ART_20 = {
    "identificacao": ("I", "identificação da certificação, vinculada ao curso de referência"),
    "requisitos_oferta": ("II", "descrição do cumprimento dos requisitos de oferta (art. 17)"),
    "justificativa": ("III", "justificativa e objetivos da oferta"),
    "publico": ("IV", "público a ser atendido e estratégia de busca ativa"),
    "perfil_conclusao": ("V", "perfil profissional de conclusão"),
    "acesso": ("VII", "forma e requisitos de acesso, inclusive escolaridade mínima"),
    "processo": ("VIII", "descrição do processo de certificação, etapas e procedimentos"),
    "instrumentos_avaliacao": ("IX", "instrumentos e critérios de avaliação"),
    "elevacao_escolaridade": ("X", "estratégias de elevação de escolaridade e itinerário formativo"),
    "infraestrutura": ("XI", "equipamentos e infraestrutura disponíveis"),
    "documentacao": ("XIII", "documentação a ser emitida"),
    "acessibilidade": ("art. 22", "condições de atendimento às pessoas com deficiência"),
}
"""Campo do PPCP → (inciso do art. 20, descrição). Competências (VI) e equipe (XII) são listas à parte."""


@dataclass(frozen=True)
class Competencia:
    """Competência profissional a avaliar (art. 20 VI), no componente/unidade curricular com a carga horária."""

    nome: str
    componente: str
    carga_horaria: int


@dataclass(frozen=True)
class MembroEquipe:
    nome: str
    area: str  # "educacao" (profissional de educação) ou "especifica" (da área da certificação)


def verificar_ppcp(conteudos: dict[str, str], competencias: list[Competencia],
                   equipe: list[MembroEquipe], req: Requisitos) -> None:
    """Recusa o PPCP incompleto: conteúdos do art. 20 (e art. 22), ao menos uma competência com
    carga horária (VI) e a equipe com um profissional de educação e dois da área (XII)."""
    faltam = [f"{inc} – {desc}" for campo, (inc, desc) in CONTEUDOS_ART_20.items()
              if not str(conteudos.get(campo) or "").strip()]
    if faltam:
        raise Impedimento("O PPCP está incompleto; preencha: " + "; ".join(faltam) + ".",
                          f"{FUNDAMENTO}, arts. 20 e 22")
    if not competencias:
        raise Impedimento("Cadastre as competências profissionais a serem avaliadas.",
                          f"{FUNDAMENTO}, art. 20, VI")
    sem_horas = [c.nome for c in competencias if c.carga_horaria <= 0 or not c.componente.strip()]
    if sem_horas:
        raise Impedimento("Informe o componente curricular e a carga horária de: " + ", ".join(sem_horas) + ".",
                          f"{FUNDAMENTO}, arts. 15, 16 e 20, VI")
    verificar_equipe(equipe, req)


def verificar_equipe(equipe: list[MembroEquipe], req: Requisitos) -> None:
    """Equipe multiprofissional: no mínimo um profissional de educação e dois da área (art. 20 XII)."""
    educacao = sum(1 for m in equipe if m.area == "educacao")
    area = sum(1 for m in equipe if m.area == "especifica")
    if educacao < req.equipe_educacao_minimo or area < req.equipe_area_minimo:
        raise Impedimento(
            f"A equipe multiprofissional tem {educacao} profissional(is) de educação e {area} da área "
            f"específica; são exigidos ao menos {req.equipe_educacao_minimo} e {req.equipe_area_minimo}.",
            f"{FUNDAMENTO}, art. 20, XII")
