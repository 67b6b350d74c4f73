"""Calculadora do contracheque do magistério (Lei 1.613/2004) a partir de JSON, sem base de dados.

``calcular(dados)`` recebe uma ficha funcional, a competência e, opcionalmente, a configuração do
órgão e vigências de parâmetros que substituem ou se somam às distribuídas em db/parametros; devolve
a situação funcional (nível, classe, jornada, com os artigos), as linhas do contracheque, os totais
e os avisos, tudo em tipos JSON (dinheiro como texto "1234.56"). É a mesma regra da folha mensal
(``rules.magisterio.folha.calcular_contracheque``). Entrada inválida levanta ``EntradaInvalida``
com o caminho do campo, p. ex. ``ficha.cursos[2].conclusao``. Formato: docs/calculadora.md.

``ficha_de_dados`` e ``item_de_dados`` convertem a ficha e os itens dos históricos (também usados
pelo simulador); ``resultado`` monta a saída de uma ficha já convertida.
"""
from __future__ import annotations

import calendar
import re
import types
import typing
from dataclasses import MISSING, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum

from desktop.rules.dinheiro import centavos
from desktop.rules.folha.dias import primeiro_dia, ultimo_dia
from desktop.rules.magisterio import tipos as t
from desktop.rules.magisterio.carreira import periodos_no_mes, situacao_em
from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.rules.magisterio.folha_parametros import NOMES, NOMES_BASE, NOMES_OPCIONAIS, ParametrosFolhaMagisterio
from desktop.rules.magisterio.tabelas import nome_nivel
from desktop.rules.parametros import Parametro, SemVigencia
from desktop.rules.validacao import EntradaInvalida

from ..calculadoras.modelo import VERSAO_SAIDA, no_caminho, validar as validar_modelo
from ..calculadoras.parametros import com_entrada as parametros_com_entrada, conferir_cobertura
from ..calculadoras.saidas import linha_json
from .calculadora_modelo import EntradaMagisterio
from desktop.rules import formato

HISTORICOS: dict[str, type] = {
    "titulacoes": t.Titulacao, "lotacoes": t.Lotacao, "regencias": t.Regencia, "jornadas": t.JornadaPeriodo,
    "funcoes": t.FuncaoGratificada, "cursos": t.Curso, "afastamentos": t.Afastamento, "faltas": t.Falta,
    "ferias": t.Ferias, "averbacoes": t.Averbacao,
}
"""Nome do histórico na entrada → classe de ``rules.magisterio.tipos`` (os campos são os dela)."""

_CAMPOS_FICHA = ("nome", "cpf", "matricula", "cargo", "admissao", "nascimento", "dependentes_irrf", "desligamento")
_CHAVES_ENTRADA = ("competencia", "data_situacao", "ficha", "configuracao", "parametros", "adiantamento_13_pago")
_DICAS = {date: "uma data aaaa-mm-dd", int: "um número inteiro", bool: "true ou false", str: "um texto",
          Decimal: "um número decimal em texto, p. ex. \"15.5\""}


# -- valores ----------------------------------------------------------------------------------------
def _erro(caminho: str, problema: str) -> EntradaInvalida:
    return EntradaInvalida(f"Entrada inválida em {caminho}: {problema}")


def _tipo_base(anotacao) -> tuple[type, bool]:
    """(tipo, aceita None) de uma anotação como ``date | None``."""
    if isinstance(anotacao, types.UnionType) or typing.get_origin(anotacao) is typing.Union:
        args = [a for a in typing.get_args(anotacao) if a is not type(None)]
        return args[0], True
    return anotacao, False


def valor(tipo: type, bruto, caminho: str):
    """Converte um valor JSON ao tipo (data ISO, inteiro, lógico, texto, Decimal, enumeração)."""
    if isinstance(tipo, type) and issubclass(tipo, Enum):
        if isinstance(bruto, tipo):
            return bruto
        try:
            return tipo(str(bruto))
        except ValueError:
            opcoes = ", ".join(m.value for m in tipo)
            raise _erro(caminho, f"valor desconhecido {bruto!r}; use um destes: {opcoes}.") from None
    if tipo is date:
        if isinstance(bruto, date):
            return bruto
        try:
            return date.fromisoformat(str(bruto)) if isinstance(bruto, str) and len(bruto) == 10 else _falha()
        except ValueError:
            raise _erro(caminho, f"{bruto!r} não é uma data válida; use aaaa-mm-dd.") from None
    if tipo is bool:
        if isinstance(bruto, bool):
            return bruto
        raise _erro(caminho, f"use true ou false (veio {bruto!r}).")
    if tipo is int:
        if isinstance(bruto, int) and not isinstance(bruto, bool):
            return bruto
        raise _erro(caminho, f"use um número inteiro (veio {bruto!r}).")
    if tipo is Decimal:
        if isinstance(bruto, (str, int)) and not isinstance(bruto, bool):
            try:
                d = Decimal(str(bruto).strip())
                if d.is_finite():
                    return d
            except InvalidOperation:
                pass
        raise _erro(caminho, f"use um número decimal em texto, p. ex. \"15.5\" (veio {bruto!r}).")
    if tipo is str:
        if isinstance(bruto, str):
            return bruto
        raise _erro(caminho, f"use um texto (veio {bruto!r}).")
    raise TypeError(f"tipo não previsto: {tipo}")


def _falha():
    raise ValueError


def _objeto(cls: type, dados, caminho: str, obrigatorios_extra: tuple[str, ...] = ()) -> dict:
    """Os campos de ``cls`` lidos de ``dados`` (objeto JSON); recusa campo desconhecido ou faltando."""
    if not isinstance(dados, dict):
        raise _erro(caminho, "esperava um objeto JSON {…}.")
    dicas = typing.get_type_hints(cls)
    campos = {f.name: f for f in fields(cls)}
    desconhecidos = sorted(set(dados) - set(campos))
    if desconhecidos:
        raise _erro(f"{caminho}.{desconhecidos[0]}", f"campo desconhecido; os campos são: {', '.join(campos)}.")
    saida = {}
    for nome, f in campos.items():
        tipo, opcional = _tipo_base(dicas[nome])
        obrigatorio = (f.default is MISSING and f.default_factory is MISSING) or nome in obrigatorios_extra
        if nome not in dados or dados[nome] is None:
            if obrigatorio or (nome in dados and not opcional):
                raise _erro(f"{caminho}.{nome}", f"informe o campo ({_DICAS.get(tipo, 'um valor')}).")
            continue
        saida[nome] = valor(tipo, dados[nome], f"{caminho}.{nome}")
    return saida


def item_de_dados(historico: str, dados, caminho: str):
    """Um item do histórico (``Curso``, ``Lotacao``...) a partir do objeto JSON, com validações de período."""
    cls = HISTORICOS[historico]
    extra = ("inicio",) if issubclass(cls, t.Periodo) else ()
    item = cls(**_objeto(cls, dados, caminho, extra))
    if isinstance(item, t.Periodo) and item.fim is not None and item.fim < item.inicio:
        raise _erro(f"{caminho}.fim", f"o fim ({formato.data(item.fim)}) é anterior ao início "
                                      f"({formato.data(item.inicio)}).")
    if isinstance(item, t.JornadaPeriodo):
        if item.horas not in (20, 40):
            raise _erro(f"{caminho}.horas", "a jornada é de 20 ou 40 horas semanais (Lei 1.613/2004, art. 23).")
        if item.motivo is not t.MotivoJornada.BASE and item.horas != 40:
            raise _erro(f"{caminho}.horas", "desdobramento, regime diferenciado e direção são de 40 horas "
                                            "(Lei 1.613/2004, arts. 29 e 39).")
    if isinstance(item, t.Falta) and item.horas is not None and not 1 <= item.horas <= 8:
        raise _erro(f"{caminho}.horas", "as horas não cumpridas num dia vão de 1 a 8; para o dia inteiro, omita.")
    if isinstance(item, (t.Curso, t.Titulacao)) and item.carga_horaria is not None and item.carga_horaria <= 0:
        raise _erro(f"{caminho}.carga_horaria", "a carga horária deve ser maior que zero.")
    if isinstance(item, t.Regencia) and item.alunos_nee < 0:
        raise _erro(f"{caminho}.alunos_nee", "não pode ser negativo.")
    if isinstance(item, t.Averbacao) and item.dias <= 0:
        raise _erro(f"{caminho}.dias", "informe os dias averbados (maior que zero).")
    return item


def _sobrepoe(a: t.Periodo, b: t.Periodo) -> bool:
    return (a.fim is None or b.inicio <= a.fim) and (b.fim is None or a.inicio <= b.fim)


def conferir_ficha(ficha: t.FichaFuncional, prefixo: str = "ficha") -> None:
    """Conferências entre itens: férias sobrepostas, falta repetida, mais faltas que dias no mês,
    item antes da admissão. Mensagem com o caminho do item (numerado a partir de 1)."""
    for i, a in enumerate(ficha.ferias, 1):
        for j, b in enumerate(ficha.ferias[i:], i + 1):
            if _sobrepoe(a, b):
                raise _erro(f"{prefixo}.ferias[{j}]", f"o período se sobrepõe às férias do item {i} "
                                                      f"({formato.data(a.inicio)} a {formato.data(a.fim) if a.fim else '…'}).")
    vistas: dict[date, int] = {}
    por_mes: dict[tuple[int, int], int] = {}
    for i, f in enumerate(ficha.faltas, 1):
        if f.data in vistas:
            raise _erro(f"{prefixo}.faltas[{i}].data", f"já há falta em {formato.data(f.data)} "
                                                       f"(item {vistas[f.data]}); uma falta por dia.")
        vistas[f.data] = i
        if f.horas is None:
            chave = (f.data.year, f.data.month)
            por_mes[chave] = por_mes.get(chave, 0) + 1
    for (ano, mes), n in por_mes.items():
        dias = calendar.monthrange(ano, mes)[1]
        if n > dias:
            raise _erro(f"{prefixo}.faltas", f"{n} faltas de dia inteiro em {mes:02d}/{ano}, que tem {dias} dias.")
    if ficha.nascimento is not None and ficha.nascimento >= ficha.admissao:
        raise _erro(f"{prefixo}.nascimento", f"o nascimento ({formato.data(ficha.nascimento)}) deve ser anterior "
                                             f"à admissão ({formato.data(ficha.admissao)}).")
    for historico in ("titulacoes", "lotacoes", "regencias", "jornadas", "funcoes", "afastamentos", "faltas",
                      "ferias"):
        for i, item in enumerate(getattr(ficha, historico), 1):
            dia = getattr(item, "inicio", None) or getattr(item, "data", None) or item.data_requerimento
            if dia < ficha.admissao:
                raise _erro(f"{prefixo}.{historico}[{i}]", f"a data {formato.data(dia)} é anterior à admissão "
                                                           f"({formato.data(ficha.admissao)}).")


def ficha_de_dados(dados, caminho: str = "ficha") -> t.FichaFuncional:
    """A ``FichaFuncional`` a partir do objeto JSON ``ficha`` (campos e históricos de ``tipos``)."""
    if not isinstance(dados, dict):
        raise _erro(caminho, "esperava um objeto JSON {…} com a ficha funcional.")
    validos = set(_CAMPOS_FICHA) | set(HISTORICOS) | {"horas_noturnas"}
    desconhecidos = sorted(set(dados) - validos)
    if desconhecidos:
        raise _erro(f"{caminho}.{desconhecidos[0]}", f"campo desconhecido; os campos são: {', '.join(sorted(validos))}.")
    for obrig in ("cargo", "admissao"):
        if dados.get(obrig) in (None, ""):
            raise _erro(f"{caminho}.{obrig}", "informe o campo.")
    base = {
        "nome": valor(str, dados.get("nome") or "Servidor", f"{caminho}.nome"),
        "cpf": valor(str, dados.get("cpf") or "", f"{caminho}.cpf"),
        "matricula": valor(str, dados.get("matricula") or "", f"{caminho}.matricula"),
        "cargo": valor(t.Cargo, dados["cargo"], f"{caminho}.cargo"),
        "admissao": valor(date, dados["admissao"], f"{caminho}.admissao"),
        "dependentes_irrf": valor(int, dados.get("dependentes_irrf", 0), f"{caminho}.dependentes_irrf"),
    }
    if base["dependentes_irrf"] < 0:
        raise _erro(f"{caminho}.dependentes_irrf", "não pode ser negativo.")
    for campo in ("nascimento", "desligamento"):
        if dados.get(campo) is not None:
            base[campo] = valor(date, dados[campo], f"{caminho}.{campo}")
    ficha = t.FichaFuncional(id="calculo", **base)
    for historico in HISTORICOS:
        lista = dados.get(historico) or []
        if not isinstance(lista, list):
            raise _erro(f"{caminho}.{historico}", "esperava uma lista [ … ].")
        setattr(ficha, historico, [item_de_dados(historico, x, f"{caminho}.{historico}[{i}]")
                                   for i, x in enumerate(lista, 1)])
    noturnas = dados.get("horas_noturnas") or {}
    if not isinstance(noturnas, dict):
        raise _erro(f"{caminho}.horas_noturnas", "esperava um objeto {\"aaaa-mm\": \"horas\"}.")
    for mes, horas in noturnas.items():
        chave = f"{caminho}.horas_noturnas.{mes}"
        ficha.horas_noturnas[competencia_de(mes, chave)] = valor(Decimal, horas, chave)
    conferir_ficha(ficha, caminho)
    return ficha


def competencia_de(bruto, caminho: str = "competencia") -> date:
    """Dia 1º do mês de 'aaaa-mm', 'aaaa-mm-dd' ou 'mm/aaaa'."""
    if isinstance(bruto, date):
        return primeiro_dia(bruto)
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?|(\d{1,2})/(\d{4})", str(bruto or "").strip())
    try:
        if not m:
            raise ValueError
        if m.group(1):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)).replace(day=1)
        return date(int(m.group(5)), int(m.group(4)), 1)
    except ValueError:
        raise _erro(caminho, f"{bruto!r} não é uma competência; use aaaa-mm (p. ex. 2026-03).") from None


# -- configuração e parâmetros ----------------------------------------------------------------------
def configuracao_de(dados, caminho: str = "configuracao",
                    faixa_art41: tuple[Decimal, Decimal] | None = None) -> ConfiguracaoMagisterio:
    if dados is None:
        return ConfiguracaoMagisterio()
    lido = _objeto(ConfiguracaoMagisterio, dados, caminho)
    return ConfiguracaoMagisterio(**lido).validada(faixa_art41)


def parametros_de(competencia: date, dados, caminho: str = "parametros") -> ParametrosFolhaMagisterio:
    """Os parâmetros distribuídos (db/parametros), com as vigências da entrada somadas (ou no lugar
    das de mesmo início), na vigência do dia 1º da competência."""
    def validar(nome, valor_, p, aqui):
        if nome == "magisterio_anexo1" and isinstance(valor_, dict):
            _chaves_da_matriz(valor_, p, aqui)

    todos = parametros_com_entrada(NOMES_BASE + NOMES_OPCIONAIS, dados, caminho, validar)
    conferir_cobertura({n: p for n, p in todos.items() if n in NOMES_BASE}, primeiro_dia(competencia), caminho)
    try:
        return ParametrosFolhaMagisterio.de_parametros(competencia, todos)
    except SemVigencia as e:  # pragma: no cover - a cobertura já foi conferida
        raise EntradaInvalida(str(e)) from None
    except EntradaInvalida as e:
        raise _erro(caminho, str(e)) from None
    except (ArithmeticError, KeyError, TypeError, ValueError, AttributeError):
        raise _erro(caminho, "um valor digitado não está no formato do parâmetro (veja db/parametros).") from None


def _chaves_da_matriz(valor: dict, p: Parametro, caminho: str) -> None:
    """Anexo I digitado: só as linhas de nível e jornada que a matriz tem (nível 1 a 4 e NE, 20 e 40 h)."""
    validas = set(p.vigencias[-1].valor)
    for chave in sorted(set(valor) - validas):
        raise _erro(f"{caminho}.{chave}", f"nível ou jornada desconhecido; as linhas da matriz são: "
                                          f"{', '.join(sorted(validas))}.")


# -- saída ------------------------------------------------------------------------------------------
def _situacao(s: t.Situacao) -> dict:
    return {"data": s.data.isoformat(), "cargo": s.cargo.value, "nivel": s.nivel.value,
            "nivel_nome": nome_nivel(s.nivel), "classe": s.classe, "jornada": s.jornada,
            "tempo_exercicio_dias": s.tempo_exercicio_dias, "estagio_probatorio": s.em_estagio_probatorio,
            "fundamentos": [{"desde": m.data.isoformat(), "descricao": m.descricao, "fundamento": m.fundamento}
                            for m in s.fundamentos]}


def resultado(ficha: t.FichaFuncional, competencia: date, p: ParametrosFolhaMagisterio,
              config: ConfiguracaoMagisterio, *, data_situacao: date | None = None,
              adiantamento_13_pago: Decimal | None = None) -> dict:
    """O contracheque da ficha na competência, em tipos JSON (formato em docs/calculadora.md)."""
    mes = primeiro_dia(competencia)
    cc = calcular_contracheque(ficha, mes, p, config, adiantamento_13_pago=adiantamento_13_pago)
    periodos = periodos_no_mes(ficha, mes, config, p.carreira)
    situacao = None
    if periodos:
        (primeiro_dia_vinculo, _, _), (_, ultimo_dia_vinculo, _) = periodos[0], periodos[-1]
        dia = data_situacao or ultimo_dia_vinculo
        if not primeiro_dia_vinculo <= dia <= ultimo_dia_vinculo:
            raise _erro("data_situacao", f"{formato.data(dia)} está fora dos dias de vínculo da competência "
                                         f"({formato.data(primeiro_dia_vinculo)} a {formato.data(ultimo_dia_vinculo)}).")
        situacao = _situacao(situacao_em(ficha, dia, config, p.carreira))
    return {
        "versao": VERSAO_SAIDA,
        "competencia": f"{mes:%Y-%m}",
        "servidor": {"nome": ficha.nome, "matricula": ficha.matricula, "cpf": ficha.cpf},
        "situacao": situacao,
        "periodos": [{"inicio": a.isoformat(), "fim": b.isoformat(), "nivel": s.nivel.value, "classe": s.classe,
                      "jornada": s.jornada} for a, b, s in periodos],
        "linhas": [linha_json(x, str(centavos(x.valor))) for x in cc.linhas],
        "totais": {"proventos": str(cc.proventos), "descontos": str(cc.descontos), "liquido": str(cc.liquido)},
        "avisos": list(cc.avisos),
        "parametros": {n: {"inicio": getattr(p, a).inicio.isoformat() if getattr(p, a).inicio else None,
                           "fundamento": getattr(p, a).fundamento}
                       for n, a in (("magisterio_anexo1", "matriz"), ("irrf", "irrf"), ("inss", "inss"),
                                    ("rpps_aliquota", "rpps_aliquota"))},
    }


def calcular(dados: dict) -> dict:
    """O contracheque descrito pela entrada JSON (docs/calculadora.md, seção Magistério). Função sem base."""
    validar_modelo(EntradaMagisterio, dados)  # tipos, limites e campos desconhecidos (calculadora_modelo.py)
    desconhecidos = sorted(set(dados) - set(_CHAVES_ENTRADA))
    if desconhecidos:
        raise _erro(desconhecidos[0], f"campo desconhecido; os campos são: {', '.join(_CHAVES_ENTRADA)}.")
    for obrig in ("competencia", "ficha"):
        if dados.get(obrig) in (None, ""):
            raise _erro(obrig, "informe o campo.")
    mes = competencia_de(dados["competencia"])
    ficha = ficha_de_dados(dados["ficha"])
    p = parametros_de(mes, dados.get("parametros"))
    config = configuracao_de(dados.get("configuracao"),
                             faixa_art41=(p.gratificacoes.art41_minimo, p.gratificacoes.art41_maximo))
    data_situacao = None
    if dados.get("data_situacao") is not None:
        data_situacao = valor(date, dados["data_situacao"], "data_situacao")
        if not mes <= data_situacao <= ultimo_dia(mes):
            raise _erro("data_situacao", f"{formato.data(data_situacao)} não está na competência {formato.competencia(mes)}.")
    adiantamento = None
    if dados.get("adiantamento_13_pago") is not None:
        adiantamento = valor(Decimal, dados["adiantamento_13_pago"], "adiantamento_13_pago")
        if adiantamento < 0:
            raise _erro("adiantamento_13_pago", "não pode ser negativo.")
    with no_caminho("ficha"):  # p. ex. sem titulação que defina o nível no mês (art. 14)
        return resultado(ficha, mes, p, config, data_situacao=data_situacao, adiantamento_13_pago=adiantamento)


__all__ = ["calcular", "resultado", "ficha_de_dados", "item_de_dados", "conferir_ficha", "competencia_de",
           "configuracao_de", "parametros_de", "HISTORICOS", "NOMES"]
