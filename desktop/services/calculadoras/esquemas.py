"""JSON Schema da entrada e da saída de cada calculadora, gerados dos modelos; publicados em docs/esquemas/.

Para regenerar depois de mudar um modelo: ``python -m desktop.services.calculadoras.esquemas``
(o teste tests/services/calculadoras/test_esquemas.py falha enquanto os arquivos estiverem velhos).
"""
from __future__ import annotations

import json
from pathlib import Path

from desktop import RAIZ

from . import saidas

PASTA = RAIZ / "docs" / "esquemas"


def modelos() -> dict[str, tuple[type, type]]:
    """calculadora → (modelo da entrada, modelo da saída)."""
    from ..certificacao.calculadora_modelo import EntradaCertificacao
    from ..conselho.calculadora_modelo import EntradaConselheiro
    from ..eleicao.calculadora_modelo import EntradaEleicao
    from ..magisterio.calculadora_modelo import EntradaMagisterio

    return {"eleicao": (EntradaEleicao, saidas.SaidaEleicao),
            "magisterio": (EntradaMagisterio, saidas.SaidaMagisterio),
            "certificacao": (EntradaCertificacao, saidas.SaidaCertificacao),
            "conselheiro": (EntradaConselheiro, saidas.SaidaConselheiro)}


def esquema(modelo: type, modo: str, titulo: str) -> dict:
    e = modelo.model_json_schema(mode=modo)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **e}


def gerados() -> dict[str, str]:
    """nome do arquivo → texto do esquema (JSON ordenado e indentado, terminado em nova linha)."""
    saida = {}
    for nome, (entrada, resultado) in modelos().items():
        for sufixo, modelo, modo in (("entrada", entrada, "validation"), ("saida", resultado, "serialization")):
            titulo = f"{nome}-{sufixo}"
            saida[f"{titulo}.schema.json"] = json.dumps(esquema(modelo, modo, titulo), ensure_ascii=False,
                                                         indent=2, sort_keys=True) + "\n"
    return saida


def gravar(pasta: Path = PASTA) -> list[Path]:
    pasta.mkdir(parents=True, exist_ok=True)
    feitos = []
    for nome, texto in gerados().items():
        (pasta / nome).write_text(texto, encoding="utf-8")
        feitos.append(pasta / nome)
    return feitos


if __name__ == "__main__":
    for arquivo in gravar():
        print(arquivo)
