"""Parâmetros das calculadoras: os distribuídos em db/parametros, com as vigências que a entrada trouxer.

A entrada pode trazer ``"parametros": {"nome": vigência ou [vigências]}``, cada vigência no formato
de ``db/parametros/<nome>.toml`` (``inicio``, ``valor``, ``fundamento``, ``status``); ela se soma às
distribuídas ou substitui a de mesmo início. Uma data sem vigência é respondida com o período que
os parâmetros cobrem e com o modo de informar a vigência na entrada — nunca com uma tela.
"""
from __future__ import annotations

import difflib
from datetime import date

from desktop.rules.parametros import Parametro, SemVigencia, Vigencia, nova_vigencia, valor_vigente
from desktop.rules.validacao import EntradaInvalida
from desktop.store.parametros import padrao
from desktop.rules import formato


def _erro(caminho: str, problema: str) -> EntradaInvalida:
    return EntradaInvalida(f"Entrada inválida em {caminho}: {problema}")


def parecido(nome: str, validos) -> str:
    """' Você quis dizer "x"?' quando há um nome válido parecido (difflib), senão vazio."""
    achado = difflib.get_close_matches(str(nome), list(validos), n=1, cutoff=0.6)
    return f" Você quis dizer \"{achado[0]}\"?" if achado else ""


def com_entrada(nomes, dados, caminho: str = "parametros", validar=None) -> dict[str, Parametro]:
    """Os parâmetros ``nomes`` distribuídos, com as vigências de ``dados`` (o objeto ``parametros``).

    ``validar(nome, valor, parametro, caminho)``, se dado, confere o valor antes (p. ex. as linhas
    de uma matriz digitada)."""
    todos: dict[str, Parametro] = {n: padrao(n) for n in nomes}
    dados = dados or {}
    if not isinstance(dados, dict):
        raise _erro(caminho, "esperava um objeto {\"nome_do_parametro\": vigência ou [vigências]}.")
    for nome, bruto in dados.items():
        if nome not in todos:
            raise _erro(f"{caminho}.{nome}", "parâmetro desconhecido." + parecido(nome, todos)
                        + f" Use um destes: {', '.join(todos)}.")
        lista = bruto if isinstance(bruto, list) else [bruto]
        p = todos[nome]
        novas = {}
        for i, v in enumerate(lista, 1):
            aqui = f"{caminho}.{nome}" + (f"[{i}]" if isinstance(bruto, list) else "")
            if not isinstance(v, dict) or "inicio" not in v or "valor" not in v:
                raise _erro(aqui, "a vigência precisa de inicio (aaaa-mm-dd), valor e fundamento.")
            extras = sorted(set(v) - {"inicio", "valor", "fundamento", "status"})
            if extras:
                raise _erro(f"{aqui}.{extras[0]}", "campo desconhecido." + parecido(extras[0], ("inicio", "valor",
                            "fundamento", "status")) + " Use inicio, valor, fundamento e status.")
            if validar is not None:
                validar(nome, v["valor"], p, f"{aqui}.valor")
            try:
                vig = nova_vigencia(p.definicao, v["inicio"], v["valor"], v.get("fundamento", ""),
                                    v.get("status", "V"))
            except (EntradaInvalida, ArithmeticError, TypeError, ValueError, KeyError, AttributeError) as e:
                problema = str(e) if isinstance(e, EntradaInvalida) else "valor fora do formato do parâmetro " \
                    f"(veja db/parametros/{nome}.toml)."
                raise _erro(aqui, problema) from None
            novas[vig.inicio] = vig
        mantidas = tuple(x for x in p.vigencias if x.inicio not in novas)
        todos[nome] = Parametro(p.definicao, tuple(sorted(mantidas + tuple(novas.values()), key=lambda x: x.inicio)))
    return todos


def sem_vigencia(p: Parametro, dia: date, caminho: str = "parametros") -> EntradaInvalida:
    """A recusa de uma data que nenhuma vigência de ``p`` cobre: o período coberto e como informar a vigência."""
    nome = p.definicao.nome
    if p.vigencias:
        cobre = f"de {formato.data(min(v.inicio for v in p.vigencias))} em diante"
    else:
        cobre = "nenhuma data"
    return EntradaInvalida(
        f"Não há valor de {p.definicao.titulo} em vigor em {formato.data(dia)}: os parâmetros conhecidos "
        f"cobrem {cobre}. Para calcular nessa data, informe a vigência na entrada: "
        f"\"{caminho}\": {{\"{nome}\": {{\"inicio\": \"aaaa-mm-dd\", \"valor\": …, \"fundamento\": \"ato e artigo\"}}}}, "
        f"com o valor no formato de db/parametros/{nome}.toml (docs/calculadora.md).")


def vigente(todos: dict[str, Parametro], nome: str, dia: date, caminho: str = "parametros") -> Vigencia:
    """A vigência de ``nome`` no dia, ou a recusa de ``sem_vigencia``."""
    try:
        return todos[nome].vigente_em(dia)
    except SemVigencia:
        raise sem_vigencia(todos[nome], dia, caminho) from None


def lido(todos: dict[str, Parametro], nome: str, dia: date, caminho: str = "parametros"):
    """O valor de ``nome`` no dia, pronto para as regras, pela mesma leitura da base
    (``rules.parametros.valor_vigente``: o objeto da classe do registro, ``ValorLegal``…); sem vigência,
    a recusa de ``sem_vigencia``."""
    for n in ((nome, "irrf_dependente") if nome == "irrf" else (nome,)):
        vigente(todos, n, dia, caminho)
    return valor_vigente(todos, nome, dia)


def conferir_cobertura(todos: dict[str, Parametro], dia: date, caminho: str = "parametros") -> None:
    """Recusa com ``sem_vigencia`` o primeiro parâmetro sem vigência no dia."""
    for nome in todos:
        vigente(todos, nome, dia, caminho)
