"""Gravar uma linha com diário: o INSERT do sqlite-utils (``db[tabela].insert``) contra o INSERT preparado
de ``store.linhas.inserir`` (o de ``Mudanca.inserir``), numa tabela do sigilo e numa da base geral.

    .venv/bin/python benchmarks/insercao.py [--pares 9] [--linhas 200]

Cria uma instalação nova numa pasta temporária (apagada no fim), com o arquivo sigiloso anexado. Cada
par mede os dois lados alternados (``comparar.alternar``); cada lado grava ``--linhas`` linhas numa
transação desfeita no fim (a base não cresce entre os pares), e a medida é o tempo por linha:
- só o INSERT (a peça do store);
- INSERT + linha no diário (``Mudanca.inserir`` contra o INSERT do sqlite-utils seguido de ``registrar``).
Não é teste com tempo-limite.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.comparar import alternar, linha, pasta_de_trabalho, razao  # noqa: E402
from benchmarks.conselho import instalar  # noqa: E402
from desktop.store import linhas as armazem_linhas  # noqa: E402
from desktop.store.ids import agora, novo_id  # noqa: E402


class _Desfazer(Exception):
    """Desfaz a transação do lado medido."""


def _sqlite_utils(db, tabela: str, linha_: dict) -> None:
    db[tabela].insert(linha_)  # o caminho antigo de ``store.linhas.inserir``


def _linhas_familia(atendimento_id: str, n: int) -> list[dict]:
    return [{"id": novo_id(), "atendimento_id": atendimento_id, "nome": f"Pessoa {i}", "vinculo": "mãe",
             "telefone": "", "endereco": ""} for i in range(n)]


def _linhas_config(n: int) -> list[dict]:
    return [{"chave": f"bench.{novo_id()}", "valor": str(i)} for i in range(n)]


def _lado(sessao, atendimento_id: str, tabela: str, n: int, rapido: bool, com_diario: bool) -> float:
    linhas = _linhas_familia(atendimento_id, n) if tabela == "conselho_familiares" else _linhas_config(n)
    pk = "chave" if tabela == "configuracoes" else "id"
    decorrido = 0.0
    try:
        with sessao.mudanca(None) as m:
            inicio = time.perf_counter()
            for l in linhas:
                if com_diario and rapido:
                    m.inserir(tabela, l, pk=pk)
                elif com_diario:
                    _sqlite_utils(m.db, tabela, l)
                    m.registrar(tabela, l[pk], "inserir", depois=l)
                elif rapido:
                    armazem_linhas.inserir(m.db, tabela, l)
                else:
                    _sqlite_utils(m.db, tabela, l)
            decorrido = time.perf_counter() - inicio
            raise _Desfazer
    except _Desfazer:
        pass
    return decorrido / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pares", type=int, default=9)
    ap.add_argument("--linhas", type=int, default=200)
    args = ap.parse_args()
    with pasta_de_trabalho("paco-insercao-") as pasta:
        admin, sessao, _ = instalar(pasta / "paco.db")  # a conselheira: o sigilo anexado, como na tela
        momento = agora()
        atendimento = {"id": novo_id(), "busca_rowid": 1, "numero": 1, "ano": 2026, "tipo": "denuncia",
                       "recebido_em": "2026-01-05T10:00", "criado_em": momento, "atualizado_em": momento}
        with sessao.mudanca(None) as m:
            m.inserir("conselho_atendimentos", atendimento)
        print(f"{args.pares} pares alternados, {args.linhas} linhas por lado; tempo por linha")
        for tabela in ("conselho_familiares", "configuracoes"):
            for com_diario in (False, True):
                titulo = f"{tabela}, " + ("INSERT + diário" if com_diario else "só o INSERT")
                antigo, novo = alternar(
                    lambda: _lado(sessao, atendimento["id"], tabela, args.linhas, False, com_diario),
                    lambda: _lado(sessao, atendimento["id"], tabela, args.linhas, True, com_diario), args.pares)
                print(titulo)
                print(linha("sqlite-utils table.insert", antigo, "µs", 1e6))
                print(linha("store.linhas.inserir", novo, "µs", 1e6))
                print(razao("sqlite-utils", antigo, "linhas.inserir", novo))
        sessao.fechar()
        admin.fechar()


if __name__ == "__main__":
    main()
