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
from desktop.store import sigilo  # noqa: E402
from desktop.store.chaves import ArquivoChaves  # noqa: E402

SENHA = "senha-do-benchmark"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--servidores", type=int, default=3000)
    p.add_argument("--casos", type=int, default=100_000)
    p.add_argument("--pasta", type=Path, default=None)
    args = p.parse_args()
    pasta = args.pasta or Path(tempfile.mkdtemp(prefix="paco-bench-rotacao-"))
    os.environ.setdefault("PACO_CONFIG", str(pasta / "config"))
    os.environ.setdefault("PACO_DADOS", str(pasta / "dados"))
    caminho = pasta / "paco.db"
    inicio = time.perf_counter()
    sessao = bench_folha.preparar(pasta, args.servidores)
    try:
        # A carga dos casos precisa do sigilo: a sessão de preparo usa a chave de recuperação.
        sessao.chaves.update(ArquivoChaves.ler(caminho).abrir_recuperacao(_recuperacao(pasta)).chaves)
        c = mandatos.cadastrar_conselheiro(sessao, nome="Joana Batista Ferreira", condicao="titular", ordem=1,
                                           inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
        acesso.criar_usuario(sessao, login="ct", nome="Joana", papel="conselheiro_tutelar", senha=SENHA,
                             trocar_senha=False)
        mandatos.vincular_usuario(sessao, c["id"], "ct")
        ct = acesso.outra_sessao(sessao, "ct", SENHA)
        bench_conselho._povoar(ct.db, args.casos, random.Random(2026), c["id"])
        ct.fechar()
        for login, papel in (("saida", "folha_rh"), ("outra", "folha_rh"), ("ct2", "conselheiro_tutelar")):
            acesso.criar_usuario(sessao, login=login, nome=login.title(), papel=papel, senha=SENHA,
                                 trocar_senha=False)
    finally:
        sessao.fechar()
    tamanhos = [(arq.name, arq.stat().st_size / 2**20) for arq in (caminho, sigilo.caminho_para(caminho))]
    print(f"Base: {caminho} — {args.servidores} servidores, {args.casos} atendimentos; "
          + ", ".join(f"{n} {m:.1f} MiB" for n, m in tamanhos)
          + f" (montada em {time.perf_counter() - inicio:.1f} s)")

    admin = acesso.entrar(caminho, "admin", SENHA)  # o administrador: sem o sigilo
    try:
        for rotulo, acao in (
                ("Desativar um usuário (chave geral: recifra a base)",
                 lambda prog: acesso.desativar_usuario(admin, "saida", progresso=prog)),
                ("Redefinir a senha de outro (idem)",
                 lambda prog: acesso.redefinir_senha(admin, "outra", "provisoria-bench-1", progresso=prog)),
                ("Desativar um conselheiro (geral; sigilo fica pendente)",
                 lambda prog: acesso.desativar_usuario(admin, "ct2", progresso=prog))):
            _medir(rotulo, acao)
    finally:
        admin.fechar()
    t = time.perf_counter()
    acesso.entrar(caminho, "ct", SENHA).fechar()  # a troca pendente do sigilo é feita aqui
    _informar("Entrada do conselheiro: troca pendente do sigilo", time.perf_counter() - t, 0)
    t = time.perf_counter()
    acesso.entrar(caminho, "admin", SENHA).fechar()
    print(f"{'Entrar de novo com a chave nova':<58} {time.perf_counter() - t:8.3f} s")


def _medir(rotulo, acao) -> None:
    avisos = []
    t = time.perf_counter()
    acao(lambda feito, total: avisos.append((feito, total)))
    _informar(rotulo, time.perf_counter() - t, len(avisos))


def _informar(rotulo: str, duracao: float, avisos: int) -> None:
    meta = "OK" if duracao < 30 else "ACIMA DA META DE 30 s"
    print(f"{rotulo:<58} {duracao:8.3f} s  ({avisos} avisos de progresso)  {meta}")


def _recuperacao(pasta: Path) -> str:
    return _RECUPERACAO[str(pasta)]


_RECUPERACAO: dict[str, str] = {}
_criar_instalacao = acesso.criar_instalacao


def _criar_guardando_a_recuperacao(caminho, *args, **kwargs):
    """``folha_magisterio.preparar`` descarta a chave de recuperação; aqui ela é guardada."""
    sessao, recuperacao = _criar_instalacao(caminho, *args, **kwargs)
    _RECUPERACAO[str(Path(caminho).parent)] = recuperacao
    return sessao, recuperacao


acesso.criar_instalacao = _criar_guardando_a_recuperacao


if __name__ == "__main__":
    main()
