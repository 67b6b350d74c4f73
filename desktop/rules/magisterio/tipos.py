"""Fatos da vida funcional de um servidor do magistério de Jequié (Lei 1.613/2004), como dados.

``FichaFuncional`` reúne o cadastro e os históricos datados que a lei usa: titulação (nível,
arts. 14 e 19), lotação (porte, difícil acesso, zona rural: arts. 38, 42, 49), regência (etapa e
alunos com necessidades especiais: arts. 27, 41, 44), jornada e desdobramento (arts. 23, 29, 30,
37 §5), função gratificada (art. 38, Anexo III), cursos de aperfeiçoamento (arts. 46-47),
afastamentos e faltas (art. 34), férias (arts. 54-57), averbações (art. 53).

É o contrato entre a base (que guarda esses fatos) e as regras (que calculam situação e folha).
Períodos: ``inicio`` inclusive, ``fim`` inclusive ou None (em aberto).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Cargo(StrEnum):
    PROFESSOR = "professor"
    PEDAGOGO = "pedagogo"
    AUXILIAR_ENSINO = "auxiliar_ensino"  # Nível Especial, arts. 14 §2 e 69


ROTULOS_CARGO: dict[str, str] = {
    Cargo.PROFESSOR: "Professor", Cargo.PEDAGOGO: "Pedagogo", Cargo.AUXILIAR_ENSINO: "Auxiliar de Ensino",
}
"""O nome de cada cargo como a lei o escreve (contracheque, fichas, listas); numa frase, em minúsculas."""


def rotulo_cargo(cargo: "Cargo | str") -> str:
    """O nome do cargo (o valor gravado, se não for um cargo conhecido)."""
    return ROTULOS_CARGO.get(cargo, str(cargo))


class Nivel(StrEnum):
    N1 = "1"
    N2 = "2"
    N3 = "3"
    N4 = "4"
    NE = "NE"  # Nível Especial do auxiliar de ensino (art. 69, Anexo I tabelas C e D)


CLASSES = ("A", "B", "C", "D", "E", "F", "G")  # art. 15


class Titulo(StrEnum):
    """Formação que define o nível (art. 14)."""

    LEIGO = "leigo"                              # auxiliar de ensino (art. 69)
    MEDIO_NORMAL = "medio_normal"                # Nível 1
    ESTUDOS_ADICIONAIS = "estudos_adicionais"    # Nível 2 (em extinção, arts. 14 §2, 67)
    LICENCIATURA_CURTA = "licenciatura_curta"    # Nível 2 (em extinção)
    LICENCIATURA_PLENA = "licenciatura_plena"    # Nível 3
    POS_LATO_SENSU = "pos_lato_sensu"            # Nível 4 (≥ 360 h, área de educação)
    MESTRADO = "mestrado"
    DOUTORADO = "doutorado"


class Porte(StrEnum):
    """Porte da unidade escolar (art. 38, Anexo III)."""

    GRANDE = "grande"
    MEDIO = "medio"
    PEQUENO = "pequeno"
    ESPECIAL = "especial"

    @property
    def rotulo(self) -> str:
        """O porte escrito para o leitor, com acento ("médio"); o valor fica sem acento (código)."""
        return "médio" if self is Porte.MEDIO else self.value


class Funcao(StrEnum):
    DIRETOR = "diretor"
    VICE_DIRETOR = "vice_diretor"


class Etapa(StrEnum):
    EDUCACAO_INFANTIL = "educacao_infantil"
    FUNDAMENTAL_INICIAIS = "fundamental_iniciais"
    FUNDAMENTAL_FINAIS = "fundamental_finais"
    EDUCACAO_ESPECIAL = "educacao_especial"


class MotivoJornada(StrEnum):
    BASE = "base"                                # jornada do cargo (art. 23)
    DESDOBRAMENTO = "desdobramento"              # art. 29, pago como 40 h (art. 37 §5)
    REGIME_DIFERENCIADO = "regime_diferenciado"  # art. 29, pago como 40 h (art. 37 §5)
    DIRECAO = "direcao"                          # art. 39: diretor de escola com mais de um turno


class TipoCurso(StrEnum):
    """Cursos da Gratificação de Estímulo ao Aperfeiçoamento Profissional (art. 47)."""

    APERFEICOAMENTO = "aperfeicoamento"   # atualização/aperfeiçoamento: somam horas (I: 80 h, II: 180 h)
    ESPECIALIZACAO = "especializacao"     # III: lato sensu ≥ 360 h
    MESTRADO = "mestrado"                 # IV: na área de educação
    DOUTORADO = "doutorado"               # V: na área de educação


@dataclass(frozen=True)
class Periodo:
    inicio: date
    fim: date | None = None

    def contem(self, dia: date) -> bool:
        return self.inicio <= dia and (self.fim is None or dia <= self.fim)


@dataclass(frozen=True)
class Titulacao:
    """Um título comprovado. O nível muda a partir da data do requerimento (art. 19 §2)."""

    titulo: Titulo
    data_requerimento: date
    curso: str = ""
    instituicao: str = ""
    carga_horaria: int | None = None
    area_educacao: bool = True


@dataclass(frozen=True)
class Lotacao(Periodo):
    escola: str = ""
    porte: Porte | None = None
    dificil_acesso: bool = False          # escola em localidade de difícil acesso (art. 42 §2, §4)
    reside_em_local_diverso: bool = False  # art. 42 §3: só recebe quem mora em outro local
    zona_rural: bool = False
    fixou_residencia_rural: bool = False   # art. 49: deslocou domicílio da sede para a zona rural
    unidade_tecnica_smec: bool = False     # lotado em setor da SMEC (arts. 45 §ún, 55)


@dataclass(frozen=True)
class Regencia(Periodo):
    """Efetiva regência de classe, comprovada pela direção (art. 41 II)."""

    etapa: Etapa = Etapa.FUNDAMENTAL_INICIAIS
    alunos_nee: int = 0  # alunos com necessidades educacionais especiais na regência (art. 44)


@dataclass(frozen=True)
class JornadaPeriodo(Periodo):
    horas: int = 20  # 20 ou 40 (art. 23)
    motivo: MotivoJornada = MotivoJornada.BASE


@dataclass(frozen=True)
class FuncaoGratificada(Periodo):
    funcao: Funcao = Funcao.DIRETOR
    porte: Porte = Porte.MEDIO
    escola: str = ""


@dataclass(frozen=True)
class Curso:
    """Curso concluído com aproveitamento (art. 46), com a data da concessão da gratificação."""

    tipo: TipoCurso
    conclusao: date
    carga_horaria: int
    descricao: str = ""
    area_educacao: bool = True
    usado_para_nivel: bool = False  # art. 46 §2: título já usado na progressão vertical não conta
    concessao: date | None = None   # ato de concessão (art. 48); None = ainda não concedida


@dataclass(frozen=True)
class Afastamento(Periodo):
    """Licença ou afastamento. ``remunerado`` e ``conta_exercicio`` vêm do tipo (Estatuto)."""

    tipo: str = ""
    remunerado: bool = True
    conta_exercicio: bool = True
    suspende_dificil_acesso: bool = False  # art. 43


@dataclass(frozen=True)
class Falta:
    """Uma falta: um dia inteiro ou ``horas`` hora-aula/hora-atividade (art. 34).

    ``codigo`` de justificativa (p. ex. "FI" injustificada, "AM" atestado médico); falta sem
    código é apontada no fechamento. ``justificada`` = motivo legal: não desconta (art. 34 §1 I).
    ``liquidar_em``: falta lançada depois do fechamento da sua competência — descontada como diferença
    de mês anterior nessa competência (dia 1º), não na do mês da falta.
    """

    data: date
    horas: int | None = None  # None = dia inteiro
    codigo: str | None = None
    justificada: bool = False
    liquidar_em: date | None = None


@dataclass(frozen=True)
class Ferias(Periodo):
    """Férias gozadas; o terço é pago na folha do mês anterior ao início (art. 57)."""


@dataclass(frozen=True)
class Averbacao:
    """Tempo de magistério em outra instituição, não paralelo, averbado (art. 53)."""

    dias: int
    descricao: str = ""
    data_averbacao: date | None = None


@dataclass
class FichaFuncional:
    id: str
    nome: str
    cpf: str
    matricula: str
    cargo: Cargo
    admissao: date
    nascimento: date | None = None
    dependentes_irrf: int = 0
    desligamento: date | None = None
    titulacoes: list[Titulacao] = field(default_factory=list)
    lotacoes: list[Lotacao] = field(default_factory=list)
    regencias: list[Regencia] = field(default_factory=list)
    jornadas: list[JornadaPeriodo] = field(default_factory=list)
    funcoes: list[FuncaoGratificada] = field(default_factory=list)
    cursos: list[Curso] = field(default_factory=list)
    afastamentos: list[Afastamento] = field(default_factory=list)
    faltas: list[Falta] = field(default_factory=list)
    ferias: list[Ferias] = field(default_factory=list)
    averbacoes: list[Averbacao] = field(default_factory=list)
    horas_noturnas: dict[date, Decimal] = field(default_factory=dict)  # competência → horas após 22 h (art. 50)


@dataclass(frozen=True)
class EventoCarreira:
    """Um acontecimento da carreira: o que mudou, quando vale e o artigo."""

    data: date
    descricao: str
    fundamento: str


@dataclass(frozen=True)
class Situacao:
    """Situação funcional numa data: cargo, nível, classe, jornada paga, com os motivos."""

    data: date
    cargo: Cargo
    nivel: Nivel
    classe: str
    jornada: int                 # jornada paga (40 em desdobramento, art. 37 §5)
    tempo_exercicio_dias: int    # efetivo exercício + averbações até a data
    em_estagio_probatorio: bool  # art. 9
    fundamentos: tuple[EventoCarreira, ...] = ()
