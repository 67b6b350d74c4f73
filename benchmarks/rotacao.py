"""Troca de chaves (revogação) numa base grande: 3.000 servidores e 100.000 atendimentos.

    .venv/bin/python benchmarks/rotacao.py [--servidores 3000] [--casos 100000] [--pasta /tmp/x]

Monta a base como ``benchmarks/folha_magisterio.py`` (servidores com carreiras variadas) e
``benchmarks/conselho.py`` (atendimentos com crianças, famílias e índice de busca), cria um usuário
e mede, pelos serviços, a desativação dele — que troca a chave ``geral`` e recifra a base inteira
(``PRAGMA rekey`` + checkpoint) — e a redefinição de senha de outro. Imprime o tamanho da base, os
segundos e quantas vezes o progresso foi informado. Meta (issue 10): < 30 s. Não é teste.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
RAIZ = Path(__file__).resolve().parent
sys.path.insert(0, str(RAIZ.parent))
sys.path.insert(0, str(RAIZ))

import conselho as bench_conselho  # noqa: E402
import folha_magisterio as bench_folha  # noqa: E402

from desktop.services import acesso  # noqa: E402
from desktop.services.conselho import mandatos  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--servidores", type=int, default=3000)
    p.add_argument("--casos", type=int, default=100_000)
    p.add_argument("--pasta", type=Path, default=None)
    args = p.parse_args()
    pasta = args.pasta or Path(tempfile.mkdtemp(prefix="paco-bench-rotacao-"))
    os.environ.setdefault("PACO_CONFIG", str(pasta / "config"))
    os.environ.setdefault("PACO_DADOS", str(pasta / "dados"))
    inicio = time.perf_counter()
    sessao = bench_folha.preparar(pasta, args.servidores)
    try:
        c = mandatos.cadastrar_conselheiro(sessao, nome="Joana Batista Ferreira", condicao="titular", ordem=1,
                                           inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
        bench_conselho._povoar(sessao.db, args.casos, random.Random(2026), c["id"])
        for login in ("saida", "outra"):
            acesso.criar_usuario(sessao, login=login, nome=login.title(), papel="folha_rh",
                                 senha="senha-do-benchmark", trocar_senha=False)
        sessao.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tamanho = (pasta / "paco.db").stat().st_size
        print(f"Base: {pasta / 'paco.db'} — {args.servidores} servidores, {args.casos} atendimentos, "
              f"{tamanho / 2**20:.1f} MiB (montada em {time.perf_counter() - inicio:.1f} s)")
        for rotulo, acao in (
                ("Desativar um usuário (troca a chave geral e recifra)",
                 lambda prog: acesso.desativar_usuario(sessao, "saida", progresso=prog)),
                ("Redefinir a senha de outro (idem)",
                 lambda prog: acesso.redefinir_senha(sessao, "outra", "provisoria-bench-1", progresso=prog))):
            avisos = []
            t = time.perf_counter()
            acao(lambda feito, total: avisos.append((feito, total)))
            duracao = time.perf_counter() - t
            print(f"{rotulo:<56} {duracao:8.3f} s  ({len(avisos)} avisos de progresso)"
                  f"  {'OK' if duracao < 30 else 'ACIMA DA META DE 30 s'}")
    finally:
        sessao.fechar()
    t = time.perf_counter()
    acesso.entrar(pasta / "paco.db", "admin", "senha-do-benchmark").fechar()
    print(f"{'Entrar de novo com a chave nova':<56} {time.perf_counter() - t:8.3f} s")


if __name__ == "__main__":
    main()
