"""Atendimentos do Conselho Tutelar no modelo do SIPIA CT: tipos, direitos, agentes e medidas do ECA.

Um registro é uma informação, uma denúncia ou um atendimento (SIPIA CT), com a criança ou o
adolescente, a família, os direitos violados (os cinco direitos fundamentais do ECA, Título II), o
agente violador e as medidas aplicadas — só as das listas do ECA, art. 101 (à criança e ao
adolescente) e art. 129 (aos pais ou responsável), que o Conselho aplica (ECA, art. 136, I e II).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.rules import formato
from desktop.rules.validacao import EntradaInvalida

TIPOS = {"informacao": "Informação", "denuncia": "Denúncia", "atendimento": "Atendimento"}
SITUACOES = {"aberto": "Aberto", "acompanhamento": "Em acompanhamento", "arquivado": "Arquivado"}

DIREITOS: dict[str, str] = {
    "vida_saude": "Vida e saúde (ECA, arts. 7º-14)",
    "liberdade_respeito_dignidade": "Liberdade, respeito e dignidade (ECA, arts. 15-18-B)",
    "convivencia_familiar": "Convivência familiar e comunitária (ECA, arts. 19-52-D)",
    "educacao_cultura_esporte_lazer": "Educação, cultura, esporte e lazer (ECA, arts. 53-59)",
    "profissionalizacao_trabalho": "Profissionalização e proteção no trabalho (ECA, arts. 60-69)",
}
"""Os direitos fundamentais do ECA (Título II): o primeiro nível da tabela do SIPIA CT (grupos e direitos
específicos em ``db/sipia/direitos_violados.toml``, ``rules.conselho.sipia``)."""

AGENTES: dict[str, str] = {
    "pais_responsaveis": "Pais ou responsável",
    "familiares": "Outros familiares",
    "estado": "Estado (poder público)",
    "sociedade": "Sociedade",
    "proprio": "A própria criança ou adolescente (conduta)",
    "desconhecido": "Não identificado",
}
"""Agente violador (ECA, art. 98: ação ou omissão da sociedade ou do Estado, falta, omissão ou abuso
dos pais ou responsável, ou a conduta da própria criança ou adolescente)."""

MEDIDAS: dict[str, str] = {
    "101-I": "Encaminhamento aos pais ou responsável, mediante termo de responsabilidade",
    "101-II": "Orientação, apoio e acompanhamento temporários",
    "101-III": "Matrícula e frequência obrigatórias em estabelecimento oficial de ensino fundamental",
    "101-IV": "Inclusão em serviços e programas de proteção, apoio e promoção da família, da criança e do adolescente",
    "101-V": "Requisição de tratamento médico, psicológico ou psiquiátrico",
    "101-VI": "Inclusão em programa de auxílio, orientação e tratamento a alcoólatras e toxicômanos",
    "101-VII": "Acolhimento institucional (excepcional e provisório)",
    "129-I": "Pais ou responsável: encaminhamento a serviços e programas de proteção, apoio e promoção da família",
    "129-II": "Pais ou responsável: inclusão em programa de tratamento a alcoólatras e toxicômanos",
    "129-III": "Pais ou responsável: encaminhamento a tratamento psicológico ou psiquiátrico",
    "129-IV": "Pais ou responsável: encaminhamento a cursos ou programas de orientação",
    "129-V": "Pais ou responsável: obrigação de matricular o filho ou pupilo e acompanhar frequência e aproveitamento",
    "129-VI": "Pais ou responsável: obrigação de encaminhar a criança ou adolescente a tratamento especializado",
    "129-VII": "Pais ou responsável: advertência",
}
"""Medidas que o Conselho Tutelar aplica: ECA, art. 101, I a VII (art. 136, I; o VII só em caráter
excepcional e de urgência, art. 93) e art. 129, I a VII (art. 136, II). As demais do art. 129
(perda da guarda, destituição da tutela, suspensão ou destituição do poder familiar) e as do art. 101
VIII e IX (acolhimento familiar, família substituta) são do juízo."""

FAIXAS_ETARIAS = (("0 a 5 anos", 0, 5), ("6 a 11 anos", 6, 11), ("12 a 14 anos", 12, 14),
                  ("15 a 17 anos", 15, 17), ("18 anos ou mais", 18, 200))

IDADE_MAXIMA_ATENDIMENTO = 21
"""ECA, art. 2º §ún.: excepcionalmente aplica-se o Estatuto às pessoas entre 18 e 21 anos."""


def idade(nascimento: date, em: date) -> int:
    anos = em.year - nascimento.year
    return anos - ((em.month, em.day) < (nascimento.month, nascimento.day))


def faixa_etaria(nascimento: date | None, em: date) -> str:
    if nascimento is None:
        return "Idade não informada"
    i = idade(nascimento, em)
    for rotulo, a, b in FAIXAS_ETARIAS:
        if a <= i <= b:
            return rotulo
    return "Idade não informada"


def fundamento_medida(codigo: str) -> str:
    artigo, inciso = codigo.split("-")
    return f"ECA (Lei 8.069/1990), art. {artigo}, {inciso}"


def validar_medida(codigo: str) -> str:
    """Só as medidas do ECA, arts. 101 e 129, que o Conselho aplica; outra é recusada."""
    c = (codigo or "").strip().upper()
    if c not in MEDIDAS:
        raise EntradaInvalida(f"Medida {codigo!r} não está na lista do ECA que o Conselho aplica (art. 101, I a VII, "
                              "e art. 129, I a VII). Escolha uma medida da lista.")
    return c


@dataclass(frozen=True)
class Crianca:
    nome: str
    nascimento: date | None
    sexo: str | None = None


def validar_crianca(c: Crianca, fato_em: date) -> Crianca:
    """Criança ou adolescente com nome e, se informada, data de nascimento possível (não futura,
    anterior ao fato, idade até 21 anos — ECA, arts. 2º e 98)."""
    nome = " ".join((c.nome or "").split())
    if len(nome) < 2:
        raise EntradaInvalida("Informe o nome da criança ou do adolescente atendido.")
    if c.sexo not in (None, "", "F", "M"):
        raise EntradaInvalida("Sexo deve ser F, M ou não informado.")
    if c.nascimento is not None:
        if c.nascimento > fato_em:
            raise EntradaInvalida(f"A data de nascimento de {nome} ({formato.data(c.nascimento)}) é posterior "
                                  "à data do registro: confira a data.")
        if idade(c.nascimento, fato_em) > IDADE_MAXIMA_ATENDIMENTO:
            raise EntradaInvalida(f"Pela data de nascimento informada, {nome} teria mais de "
                                  f"{IDADE_MAXIMA_ATENDIMENTO} anos: o Conselho Tutelar atende crianças e "
                                  "adolescentes (ECA, art. 2º). Confira a data.")
    return Crianca(nome, c.nascimento, c.sexo or None)


def validar_tipo(tipo: str) -> str:
    if tipo not in TIPOS:
        raise EntradaInvalida("Tipo de registro deve ser informação, denúncia ou atendimento (SIPIA CT).")
    return tipo


def nome_pessoa(texto: str) -> str:
    """Nome de criança, familiar ou agente: ao menos duas letras, espaços normalizados."""
    nome = " ".join((texto or "").split())
    if len(nome) < 2 or not any(ch.isalpha() for ch in nome):
        raise EntradaInvalida("Informe o nome (ao menos duas letras).")
    return nome


def motivo_emenda(texto: str) -> str:
    """O motivo de uma emenda ao caso (fica no histórico)."""
    m = " ".join((texto or "").split())
    if len(m) < 3:
        raise EntradaInvalida("Diga o motivo da emenda (fica no histórico do caso).")
    return m


def momento_br(texto: str) -> datetime:
    """'dd/mm/aaaa hh:mm' → datetime (hora local, sem segundos)."""
    try:
        return datetime.strptime(" ".join((texto or "").split()), "%d/%m/%Y %H:%M")
    except ValueError:
        raise EntradaInvalida("Data e hora no formato dd/mm/aaaa hh:mm, por exemplo 06/03/2026 21:50.") from None


def validar_momento_chamada(momento: datetime, gravado_em: datetime, agora: datetime) -> datetime:
    """A hora real da chamada ou da denúncia: não no futuro, nem depois da gravação do caso."""
    if momento > agora:
        raise EntradaInvalida("A data e a hora da chamada estão no futuro: confira.")
    if momento > gravado_em:
        raise EntradaInvalida(f"A chamada não pode ser depois da gravação do caso ({formato.momento(gravado_em, hora_local=False)}): "
                              "confira a data e a hora.")
    return momento
