"""Tipos da certificação profissional: tipos de certificação, etapas, escolaridade e parâmetros.

Portaria MEC 902/2024: tipos e documentos (art. 14), etapas (art. 24), números datados
(``db/parametros/certificacao_prazos.toml``, ``certificacao_requisitos.toml`` e
``certificacao_carga_horaria.toml``).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.rules.campos import inteiro, tabela

FUNDAMENTO = "Portaria MEC 902/2024"


class Impedimento(ValueError):
    """Uma regra recusou a ação; ``mensagem`` é para o usuário e ``fundamento`` cita o artigo."""

    def __init__(self, mensagem: str, fundamento: str):
        super().__init__(f"{mensagem} ({fundamento})")
        self.mensagem = mensagem
        self.fundamento = fundamento


class TipoCertificacao(StrEnum):
    """Os quatro tipos de certificação (art. 14) — e de curso de referência (art. 5º VII)."""

    QUALIFICACAO = "qualificacao"
    TECNICO = "tecnico"
    ESPECIALIZACAO = "especializacao"
    TECNOLOGIA = "tecnologia"


ROTULOS_TIPO = {
    TipoCertificacao.QUALIFICACAO: "Qualificação profissional",
    TipoCertificacao.TECNICO: "Técnica de nível médio",
    TipoCertificacao.ESPECIALIZACAO: "Especialização técnica",
    TipoCertificacao.TECNOLOGIA: "Tecnológica (superior de tecnologia)",
}

ROTULOS_CURSO = {
    TipoCertificacao.QUALIFICACAO: "Curso de qualificação profissional",
    TipoCertificacao.TECNICO: "Curso técnico",
    TipoCertificacao.ESPECIALIZACAO: "Curso de especialização técnica",
    TipoCertificacao.TECNOLOGIA: "Curso superior de tecnologia",
}


class Etapa(StrEnum):
    """As etapas obrigatórias do processo, na ordem do art. 24 (I a VI)."""

    INSCRICAO = "inscricao"
    ACOLHIMENTO = "acolhimento"
    MATRICULA = "matricula"
    AVALIACAO = "avaliacao"
    CERTIFICACAO = "certificacao"
    ENCAMINHAMENTO = "encaminhamento"


ETAPAS = tuple(Etapa)
ROTULOS_SITUACAO = {"andamento": "em andamento", "concluido": "concluído", "encerrado": "encerrado"}  # do processo
ROTULOS_RESULTADO = {"integral": "Certificado (integral)", "parcial": "Atestado (parcial)",
                     "nenhum": "Sem reconhecimento", "": "Sem resultado"}  # da avaliação (Portaria 902/2024, art. 24, IV)

ROTULOS_ETAPA = {
    Etapa.INSCRICAO: "Inscrição", Etapa.ACOLHIMENTO: "Acolhimento", Etapa.MATRICULA: "Matrícula",
    Etapa.AVALIACAO: "Avaliação", Etapa.CERTIFICACAO: "Certificação",
    Etapa.ENCAMINHAMENTO: "Encaminhamento",
}
INCISO_ETAPA = {e: f"art. 24, {r}" for e, r in zip(ETAPAS, ("I", "II", "III", "IV", "V", "VI"))}


class Escolaridade(StrEnum):
    """Escolaridade declarada e comprovada, em ordem crescente."""

    NENHUMA = "nenhuma"
    FUNDAMENTAL_INCOMPLETO = "fundamental_incompleto"
    FUNDAMENTAL = "fundamental"
    MEDIO_INCOMPLETO = "medio_incompleto"
    MEDIO = "medio"
    SUPERIOR = "superior"


ESCOLARIDADES = tuple(Escolaridade)
ROTULOS_ESCOLARIDADE = {
    Escolaridade.NENHUMA: "sem escolaridade formal",
    Escolaridade.FUNDAMENTAL_INCOMPLETO: "ensino fundamental incompleto",
    Escolaridade.FUNDAMENTAL: "ensino fundamental completo",
    Escolaridade.MEDIO_INCOMPLETO: "ensino médio incompleto",
    Escolaridade.MEDIO: "ensino médio completo",
    Escolaridade.SUPERIOR: "ensino superior completo",
}


class Resultado(StrEnum):
    INTEGRAL = "integral"   # todas as competências do perfil reconhecidas (art. 14)
    PARCIAL = "parcial"     # algumas: atestado de reconhecimento (art. 24 §7)
    NENHUM = "nenhum"       # nenhuma competência reconhecida


class TipoDocumento(StrEnum):
    CERTIFICADO_QUALIFICACAO = "cert_certificado_qualificacao"
    DIPLOMA_TECNICO = "cert_diploma_tecnico"
    CERTIFICADO_ESPECIALISTA = "cert_certificado_especialista"
    DIPLOMA_TECNOLOGO = "cert_diploma_tecnologo"
    HISTORICO = "cert_historico"
    ATESTADO = "cert_atestado"
    EDITAL = "cert_edital"


TITULOS_DOCUMENTO = {
    TipoDocumento.CERTIFICADO_QUALIFICACAO: "Certificado de qualificação profissional",
    TipoDocumento.DIPLOMA_TECNICO: "Diploma de técnico de nível médio",
    TipoDocumento.CERTIFICADO_ESPECIALISTA: "Certificado de especialista técnico",
    TipoDocumento.DIPLOMA_TECNOLOGO: "Diploma de tecnólogo",
    TipoDocumento.HISTORICO: "Histórico escolar",
    TipoDocumento.ATESTADO: "Atestado de reconhecimento de conhecimentos e competências profissionais",
    TipoDocumento.EDITAL: "Aviso público de oferta de certificação profissional",
}

DIPLOMAS = (TipoDocumento.DIPLOMA_TECNICO, TipoDocumento.DIPLOMA_TECNOLOGO)


@dataclass(frozen=True)
class Prazos:
    """``certificacao_prazos``: arts. 12 XIV, 13 XI e 27."""

    adesao_validade_anos: int
    adesao_aviso_dias: int
    guarda_anos: int
    recurso_dias: int
    fundamento: str = f"{FUNDAMENTO}, arts. 12 XIV, 13 XI e 27"

    @classmethod
    def de_valor(cls, valor: dict, fundamento: str | None = None) -> "Prazos":
        nomes = ("adesao_validade_anos", "adesao_aviso_dias", "guarda_anos", "recurso_dias")
        v = tabela(valor, nomes, "certificacao_prazos")
        campos = {k: inteiro(v[k], f"Parâmetro certificacao_prazos: {k}", minimo=1) for k in nomes}
        return cls(**campos, **({"fundamento": fundamento} if fundamento else {}))


@dataclass(frozen=True)
class PisosCargaHoraria:
    """``certificacao_carga_horaria``: a menor carga horária mínima do CNCT (técnico) e do CNCST
    (tecnologia); o mínimo do curso no catálogo nunca fica abaixo dela."""

    tecnico_minimo_horas: int
    tecnologia_minimo_horas: int
    fundamento: str = "Resolução CNE/CP 1/2021, CNCT e CNCST"  # os números vêm só do parâmetro

    @classmethod
    def de_valor(cls, valor: dict, fundamento: str | None = None) -> "PisosCargaHoraria":
        nomes = ("tecnico_minimo_horas", "tecnologia_minimo_horas")
        v = tabela(valor, nomes, "certificacao_carga_horaria")
        campos = {k: inteiro(v[k], f"Parâmetro certificacao_carga_horaria: {k}", minimo=1) for k in nomes}
        return cls(**campos, **({"fundamento": fundamento} if fundamento else {}))

    def piso(self, tipo: "TipoCertificacao") -> int | None:
        """O piso nacional do tipo de curso (None para qualificação e especialização, sem catálogo de horas)."""
        return {TipoCertificacao.TECNICO: self.tecnico_minimo_horas,
                TipoCertificacao.TECNOLOGIA: self.tecnologia_minimo_horas}.get(TipoCertificacao(tipo))


@dataclass(frozen=True)
class Requisitos:
    """``certificacao_requisitos``: arts. 2º §ún, 17 e 20 XII."""

    idade_minima: int
    qualificacao_anos_oferta: int
    qualificacao_turmas_por_ano: int
    tecnico_anos_oferta: int
    especializacao_anos_oferta: int
    conceito_minimo_emec: int
    equipe_educacao_minimo: int
    equipe_area_minimo: int

    @classmethod
    def de_valor(cls, valor: dict) -> "Requisitos":
        nomes = tuple(cls.__dataclass_fields__)
        v = tabela(valor, nomes, "certificacao_requisitos")
        return cls(**{k: inteiro(v[k], f"Parâmetro certificacao_requisitos: {k}", minimo=1) for k in nomes})
