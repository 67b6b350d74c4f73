"""Configuração local desta instalação: onde está a base (guardada em JSON na pasta do usuário).

Fica fora da base porque é preciso saber onde ela está antes de abri-la. Não guarda senhas.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

NOME_APP = "Paco"
NOME_BASE = "paco.db"


def pasta_dados_padrao() -> Path:
    return Path(os.environ.get("PACO_DADOS") or platformdirs.user_data_dir(NOME_APP, False))


def arquivo_config() -> Path:
    pasta = os.environ.get("PACO_CONFIG") or platformdirs.user_config_dir(NOME_APP, False)
    return Path(pasta) / "config.json"


def ler() -> dict:
    try:
        return json.loads(arquivo_config().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def gravar(**valores) -> None:
    dados = ler() | valores
    arq = arquivo_config()
    arq.parent.mkdir(parents=True, exist_ok=True)
    tmp = arq.with_suffix(".tmp")
    tmp.write_text(json.dumps(dados, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, arq)


def base_configurada() -> Path | None:
    caminho = ler().get("base")
    return Path(caminho) if caminho else None


def caminho_base_demo() -> Path:
    return pasta_dados_padrao() / "demonstracao" / NOME_BASE
