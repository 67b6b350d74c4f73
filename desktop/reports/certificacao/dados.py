"""Dados simples que os documentos da Certificação recebem (sem base, sem Qt)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class LinhaHistorico:
    """Uma competência no seu componente/unidade curricular, com a carga horária e a avaliação."""

    componente: str
    competencia: str
    carga_horaria: int
    aprovada: bool = True


@dataclass(frozen=True)
class Registro:
    """Registro do documento: livro, folha e número; a via e a observação da via (art. 26 §2º)."""

    livro: str
    folha: int
    numero: int
    via: int = 1
    observacao_via: str = ""
    registrado_em: date | None = None   # data do registro no livro


@dataclass(frozen=True)
class DadosTitulo:
    """Certificado, diploma ou histórico de um trabalhador."""

    tipo_documento: str          # TipoDocumento (valor)
    titulo: str                  # "Diploma de técnico de nível médio"
    nome: str
    cpf: str                     # formatado
    nascimento: date
    curso: str                   # curso de referência
    perfil: str                  # habilitação / perfil de conclusão
    unidade: str
    instituicao: str
    data_conclusao: date
    registro: Registro
    linhas: tuple[LinhaHistorico, ...] = ()
    codigo_catalogo: str | None = None
    sistec_codigo: str | None = None
    eixo: str | None = None
    diploma: bool = False        # diplomas: histórico por componente com avaliação (art. 15)
    signatarios: tuple[tuple[str, str], ...] = ()  # (nome, cargo) do emissor, na ordem de assinatura
    nacionalidade: str = ""
    naturalidade: str = ""       # "Jequié/BA" (ou o país, para estrangeiro)
    rg: str = ""                 # número do documento de identidade
    rg_orgao: str = ""           # órgão expedidor (SSP/BA)
    ato_autorizacao: str = ""    # ato do órgão competente que autoriza o curso
    componentes: tuple[tuple[str, int], ...] = ()  # matriz curricular do curso de referência (nome, horas)
    carga_horaria: int | None = None               # horas do curso de referência (soma da matriz)
    carga_horaria_minima: int | None = None        # mínimo do catálogo (CNCT/CNCST)
    catalogo: str = ""           # "Catálogo Nacional de Cursos Técnicos (CNCT)"

    @property
    def horas(self) -> int:
        """A carga horária impressa: a do curso de referência; sem matriz, a soma das linhas."""
        return self.carga_horaria if self.carga_horaria else sum(l.carga_horaria for l in self.linhas)


@dataclass(frozen=True)
class DadosAtestado:
    nome: str
    cpf: str
    perfil: str
    curso: str
    unidade: str
    instituicao: str
    data_resultado: date
    registro: Registro
    reconhecidas: tuple[LinhaHistorico, ...]
    total_competencias: int


@dataclass(frozen=True)
class DadosEdital:
    """O que o art. 23 manda tornar público sobre a oferta."""

    titulo: str
    unidade: str
    instituicao: str
    perfil: str
    tipo: str
    ocupacoes: str
    competencias: tuple[str, ...]
    inscricao: str
    matricula: str
    etapas: tuple[str, ...]
    cronograma: str
    criterios_aprovacao: str
    recurso: str
    documentos: str
    inscricoes_de: date
    inscricoes_ate: date
    vagas: int | None = None
    acessibilidade: str = ""
    extras: dict = field(default_factory=dict)
