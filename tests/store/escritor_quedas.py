"""Processo auxiliar de test_quedas: grava sem parar até ser morto (SIGKILL) pelo teste.

Uso: python -m tests.store.escritor_quedas <base> <senha> <primeira>
Cada volta é uma transação com LINHAS linhas em ``configuracoes`` e as suas linhas no diário,
feita por ``Sessao.mudanca``; depois do COMMIT imprime o número da volta.
"""
import sys
from pathlib import Path

from desktop.services import acesso

LINHAS = 5


def chave(volta: int, linha: int) -> str:
    return f"queda-{volta:06d}-{linha}"


def main() -> None:
    caminho, senha, volta = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    sessao = acesso.entrar(caminho, "admin", senha)
    while True:
        with sessao.mudanca(None) as m:
            for linha in range(LINHAS):
                c = chave(volta, linha)
                valor = f"{c}:" + "dado-de-teste " * 150  # ~2 KB: cada volta ocupa várias páginas
                m.db["configuracoes"].insert({"chave": c, "valor": valor})
                m.registrar("configuracoes", c, "inserir", depois={"chave": c})
        print(volta, flush=True)
        volta += 1


if __name__ == "__main__":
    main()
