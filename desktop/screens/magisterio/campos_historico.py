"""Os campos de cada histórico da ficha funcional (como aparecem no formulário e na tabela).

Só a forma de mostrar e digitar: a validação que importa (datas no vínculo, sobreposição,
artigos da lei) fica em ``desktop.services.magisterio.historicos``, que devolve a mensagem.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desktop.rules.validacao import data_br

from . import comum as c
from desktop.screens.widgets import formato
from desktop.screens.widgets.formato import decimal_br, numero_digitado

# tipos de campo
DATA, TEXTO, INTEIRO, DECIMAL, LOGICO, ESCOLHA, COMPETENCIA = (
    "data", "texto", "inteiro", "decimal", "logico", "escolha", "competencia")


@dataclass(frozen=True)
class Campo:
    nome: str
    rotulo: str
    tipo: str = TEXTO
    obrigatorio: bool = False
    opcoes: str | dict | None = None  # dict fixo ou nome de lista dinâmica ("escolas", "lotacoes"...)
    dica: str = ""
    padrao: object = None  # valor inicial num item novo


@dataclass(frozen=True)
class Historico:
    nome: str
    titulo: str        # título da sub-aba
    singular: str      # "titulação", nos botões e mensagens
    campos: tuple[Campo, ...]
    colunas: tuple[str, ...]  # campos mostrados na tabela, em ordem
    periodo: bool = False
    artigos: str = ""


_INICIO = Campo("inicio", "Início", DATA, True)
_FIM = Campo("fim", "Fim", DATA, dica="em branco = em aberto")
_ATO = Campo("ato", "Ato", dica="portaria, decreto ou processo")
_OBS = Campo("observacao", "Observação")
_HORAS_JORNADA = {"20": "20 horas", "40": "40 horas"}

HISTORICOS: tuple[Historico, ...] = (
    Historico("titulacoes", "Titulações", "titulação", (
        Campo("titulo", "Título", ESCOLHA, True, c.ROTULOS_TITULO),
        Campo("data_requerimento", "Data do requerimento", DATA, True,
              dica="o novo nível vale desde o requerimento (art. 19 §2º)"),
        Campo("curso", "Curso"), Campo("instituicao", "Instituição"),
        Campo("carga_horaria", "Carga horária (h)", INTEIRO), Campo("area_educacao", "Na área de educação", LOGICO, padrao=True),
        _ATO), ("titulo", "data_requerimento", "curso", "instituicao", "carga_horaria"),
        artigos="Nível pela titulação: arts. 14, 19 §2º e 67"),
    Historico("lotacoes", "Lotações", "lotação", (
        Campo("unidade_id", "Escola ou setor", ESCOLHA, True, "lotacoes"), _INICIO, _FIM,
        Campo("reside_em_local_diverso", "Reside em local diverso da escola", LOGICO,
              dica="difícil acesso, art. 42 §3º"),
        Campo("fixou_residencia_rural", "Fixou residência na zona rural", LOGICO, dica="art. 49"), _ATO),
        ("unidade_id", "inicio", "fim", "reside_em_local_diverso", "fixou_residencia_rural", "ato"), True,
        "Porte, difícil acesso e zona rural: arts. 38, 42 e 49"),
    Historico("regencias", "Regências", "regência", (
        _INICIO, _FIM, Campo("etapa", "Etapa", ESCOLHA, True, c.ROTULOS_ETAPA),
        Campo("alunos_nee", "Alunos com necessidades especiais", INTEIRO, True, dica="art. 44", padrao=0), _ATO),
        ("etapa", "inicio", "fim", "alunos_nee", "ato"), True, "Regência de classe: arts. 27, 41 e 44"),
    Historico("jornadas", "Jornadas", "jornada", (
        _INICIO, _FIM, Campo("horas", "Horas semanais", ESCOLHA, True, _HORAS_JORNADA),
        Campo("motivo", "Motivo", ESCOLHA, True, c.ROTULOS_MOTIVO_JORNADA, padrao="base"), _ATO),
        ("horas", "motivo", "inicio", "fim", "ato"), True, "Jornada: arts. 23, 29, 30, 37 §5º e 39"),
    Historico("funcoes", "Funções", "função gratificada", (
        Campo("unidade_id", "Escola", ESCOLHA, True, "escolas"),
        Campo("funcao", "Função", ESCOLHA, True, c.ROTULOS_FUNCAO), _INICIO, _FIM, _ATO),
        ("funcao", "unidade_id", "inicio", "fim", "ato"), True, "Diretor e vice: art. 38 e Anexo III"),
    Historico("cursos", "Cursos", "curso", (
        Campo("tipo", "Tipo", ESCOLHA, True, c.ROTULOS_CURSO), Campo("descricao", "Descrição"),
        Campo("instituicao", "Instituição"), Campo("conclusao", "Conclusão", DATA, True),
        Campo("carga_horaria", "Carga horária (h)", INTEIRO, True),
        Campo("area_educacao", "Na área de educação", LOGICO, padrao=True),
        Campo("usado_para_nivel", "Já usado para mudar de nível", LOGICO, dica="art. 46 §2º"),
        Campo("concessao", "Concessão da gratificação", DATA, dica="em branco = ainda não concedida (art. 48)"),
        _ATO), ("tipo", "descricao", "conclusao", "carga_horaria", "concessao"),
        artigos="Aperfeiçoamento: arts. 46 a 48"),
    Historico("afastamentos", "Afastamentos", "afastamento", (
        Campo("tipo", "Tipo", ESCOLHA, True, "tipos_afastamento"), _INICIO, _FIM, _ATO, _OBS),
        ("tipo", "inicio", "fim", "ato", "observacao"), True, "Licenças e afastamentos: art. 34 e Estatuto"),
    Historico("faltas", "Faltas", "falta", (
        Campo("data", "Data", DATA, True),
        Campo("horas", "Horas não cumpridas", INTEIRO, dica="em branco = o dia inteiro"),
        Campo("codigo", "Justificativa", ESCOLHA, False, "codigos_falta"), _OBS),
        ("data", "horas", "codigo", "observacao"), artigos="Faltas: art. 34 (o dia, ou 1/100 por hora)"),
    Historico("ferias", "Férias", "férias", (
        _INICIO, Campo("fim", "Fim", DATA, True), _OBS), ("inicio", "fim", "observacao"), True,
        "Férias e terço: arts. 54 a 57"),
    Historico("averbacoes", "Averbações", "averbação", (
        Campo("dias", "Dias averbados", INTEIRO, True), Campo("descricao", "Descrição", TEXTO, True),
        Campo("origem_inicio", "Início do tempo averbado", DATA), Campo("origem_fim", "Fim do tempo averbado", DATA),
        Campo("data_averbacao", "Data da averbação", DATA), _ATO),
        ("dias", "descricao", "origem_inicio", "origem_fim", "data_averbacao"), artigos="Averbação: art. 53"),
    Historico("horas_noturnas", "Horas noturnas", "horas noturnas", (
        Campo("competencia", "Competência (mm/aaaa)", COMPETENCIA, True),
        Campo("horas", "Horas após as 22 h", DECIMAL, True)), ("competencia", "horas"),
        artigos="Adicional noturno: art. 50"),
)
POR_NOME = {h.nome: h for h in HISTORICOS}


def validador(campo: Campo) -> Callable[[str], object]:
    """A função que converte o texto digitado (levanta EntradaInvalida com a mensagem)."""
    return {DATA: data_br, INTEIRO: c.inteiro, DECIMAL: numero_digitado, COMPETENCIA: c.competencia}.get(
        campo.tipo, lambda t: t.strip())


def para_texto(campo: Campo, valor, nomes: dict[str, str] | None = None) -> str:
    """Valor do serviço → texto na tabela e no formulário."""
    if valor is None or valor == "":
        return ""
    if campo.tipo == DATA:
        return formato.data(valor)
    if campo.tipo == COMPETENCIA:
        return f"{formato.competencia(valor)}"
    if campo.tipo == LOGICO:
        return "sim" if valor else "não"
    if campo.tipo == DECIMAL:
        return decimal_br(valor)
    if campo.tipo == ESCOLHA:
        opcoes = campo.opcoes if isinstance(campo.opcoes, dict) else (nomes or {})
        return opcoes.get(str(valor), str(valor))
    return str(valor)
