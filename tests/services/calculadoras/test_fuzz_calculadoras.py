"""Fuzz (hypothesis) das quatro calculadoras: milhares de entradas estragadas, nenhum rastro do Python.

Cada exemplo de docs/exemplos recebe um estrago num caminho sorteado (valor de outro tipo, número
enorme ou negativo, texto, lista, objeto, campo apagado ou inventado). A calculadora responde com
código 0 (e a saída cabe no esquema publicado) ou 2 com mensagem em português; se o esquema da
entrada recusa, a mensagem nomeia o caminho estragado. O código 3 (erro interno) nunca aparece.
"""
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from .apoio import APAGAR, ENTRADAS, caminhos, exemplo, rodar, texto_do_caminho, trocar, validador

EXEMPLOS_POR_CALCULO = 400
_INGLES = re.compile(r"Traceback|Error|Input should|Value error|[Ff]ield required|object has no attribute")

_ESPECIAIS = st.sampled_from([
    "2026-02-30", "1e30", "1e999", "-1", "false", "true", "", " ", "9" * 40, "2026-03", "03/2026", "1.5",
    "-0.01", "=HYPERLINK(\"x\")", "\x00", "NaN", "Infinity", "0", "100.001", "12", "1899-12-31", "2100-01-01"])
_ESCALARES = (st.none() | st.booleans() | st.integers(min_value=-10 ** 40, max_value=10 ** 40)
              | st.integers(min_value=-3, max_value=100) | st.floats(allow_nan=False, allow_infinity=False)
              | st.text(max_size=20) | _ESPECIAIS)
VALORES = st.recursive(_ESCALARES, lambda filhos: st.lists(filhos, max_size=4)
                       | st.dictionaries(st.text(max_size=8) | st.sampled_from(["nome", "inicio", "12"]), filhos,
                                         max_size=4), max_leaves=10)


def _conferir(calculo: str, base: dict, caminho: tuple, valor) -> None:
    d = trocar(base, caminho, valor)
    codigo, out, err = rodar(calculo, d)
    assert codigo in (0, 2), f"código {codigo} para {texto_do_caminho(caminho)} = {valor!r}: {err}"
    recusado_pelo_esquema = bool(list(validador(calculo, "entrada").iter_errors(d)))
    if codigo == 0:
        assert not recusado_pelo_esquema, f"aceito pela calculadora e recusado pelo esquema: {caminho} = {valor!r}"
        assert list(validador(calculo, "saida").iter_errors(json.loads(out))) == []
        return
    assert err.startswith("paco: ") and not _INGLES.search(err), err
    com_caminho = "Entrada inválida em " in err or "Não há valor de " in err or (
        caminho == () and "Entrada inválida: esperava um objeto" in err)  # a entrada inteira não é um objeto
    assert com_caminho, f"recusa sem o caminho do campo: {err}"
    if recusado_pelo_esquema:
        alvo = caminho[:-1] if valor is APAGAR and caminho and isinstance(caminho[-1], int) else caminho
        if alvo:
            assert f"Entrada inválida em {texto_do_caminho(alvo)}" in err, (caminho, valor, err)
        else:
            assert "Entrada inválida" in err, err


def _fuzz(calculo: str, arquivo: str):
    base = exemplo(arquivo)
    todos = [()] + caminhos(base) + [("campo_novo",)]

    @settings(max_examples=EXEMPLOS_POR_CALCULO // len(ENTRADAS[calculo]), deadline=None, database=None,
              derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(caminho=st.sampled_from(todos), valor=st.just(APAGAR) | VALORES)
    def rodada(caminho, valor):
        if valor is APAGAR and caminho in ((), ("campo_novo",)):
            return
        _conferir(calculo, base, caminho, valor)

    rodada()


@pytest.mark.parametrize("calculo, arquivo", [(c, a) for c, arquivos in ENTRADAS.items() for a in arquivos])
def test_fuzz(calculo, arquivo):
    _fuzz(calculo, arquivo)
