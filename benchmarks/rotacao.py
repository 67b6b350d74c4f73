"""Troca de chaves (revogação) numa base grande: 3.000 servidores e 100.000 atendimentos.

    .venv/bin/python benchmarks/rotacao.py [--servidores 3000] [--casos 100000] [--repeticoes 5] [--pasta /tmp/x]

Monta a base como ``benchmarks/folha_magisterio.py`` (servidores com carreiras variadas) e
``benchmarks/conselho.py`` (atendimentos com crianças, famílias e índice de busca), cria um usuário
e mede, pelos serviços, a desativação dele — que troca a chave ``geral`` e recifra a base inteira
(``PRAGMA rekey`` + checkpoint) —, a redefinição de senha de outro, a desativação de um conselheiro e a
troca pendente do sigilo na entrada seguinte, cada uma ``--repeticoes`` vezes (um usuário diferente por
rodada). Imprime o tamanho da base, mediana e dispersão de cada troca, quantas vezes o progresso foi
informado e o RESUMO da mais lenta contra a meta (issue 10: < 30 s). A pasta temporária é apagada. Não é teste.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
RAIZ = Path(__file__).resolve().parent
sys.path.insert(0, str(RAIZ.parent))
sys.path.insert(0, str(RAIZ))

import conselho as bench_conselho  # noqa: E402
from comparar import contra_meta, linha, pasta_de_trabalho  # noqa: E402
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
    p.add_argument("--repeticoes", type=int, default=5, help="rodadas de cada troca (≥ 5)")
    p.add_argument("--pasta", type=Path, default=None)
    args = p.parse_args()
    with pasta_de_trabalho("paco-bench-rotacao-", args.pasta) as pasta:
        _rodar(args, pasta)


def _rodar(args, pasta: Path) -> None:
    caminho = pasta / "paco.db"
    inicio = time.perf_counter()
    n = args.repeticoes
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
        for r in range(n):  # quem sai em cada rodada
            for login, papel in ((f"saida{r}", "folha_rh"), (f"outra{r}", "folha_rh"), (f"ct{r + 2}", "conselheiro_tutelar")):
                acesso.criar_usuario(sessao, login=login, nome=login.title(), papel=papel, senha=SENHA,
                                     trocar_senha=False)
    finally:
        sessao.fechar()
    tamanhos = [(arq.name, arq.stat().st_size / 2**20) for arq in (caminho, sigilo.caminho_para(caminho))]
    print(f"Base: {args.servidores} servidores, {args.casos} atendimentos; "
          + ", ".join(f"{nome} {m:.1f} MiB" for nome, m in tamanhos)
          + f" (montada em {time.perf_counter() - inicio:.1f} s); {n} rodadas de cada troca")

    rotulos = {"desativar": "Desativar um usuário (chave geral: recifra a base)",
               "senha": "Redefinir a senha de outro (idem)",
               "conselheiro": "Desativar um conselheiro (geral; sigilo fica pendente)",
               "pendente": "Entrada do conselheiro: troca pendente do sigilo",
               "entrar": "Entrar de novo com a chave nova"}
    tempos: dict[str, list[float]] = {k: [] for k in rotulos}
    avisos: dict[str, list[int]] = {k: [] for k in rotulos}
    for r in range(n):
        admin = acesso.entrar(caminho, "admin", SENHA)  # o administrador: sem o sigilo
        try:
            for chave, acao in (
                    ("desativar", lambda prog: acesso.desativar_usuario(admin, f"saida{r}", progresso=prog)),
                    ("senha", lambda prog: acesso.redefinir_senha(admin, f"outra{r}", "provisoria-bench-1", progresso=prog)),
                    ("conselheiro", lambda prog: acesso.desativar_usuario(admin, f"ct{r + 2}", progresso=prog))):
                vistos = []
                t = time.perf_counter()
                acao(lambda feito, total: vistos.append((feito, total)))
                tempos[chave].append(time.perf_counter() - t)
                avisos[chave].append(len(vistos))
        finally:
            admin.fechar()
        t = time.perf_counter()
        acesso.entrar(caminho, "ct", SENHA).fechar()  # a troca pendente do sigilo é feita aqui
        tempos["pendente"].append(time.perf_counter() - t)
        t = time.perf_counter()
        acesso.entrar(caminho, "admin", SENHA).fechar()
        tempos["entrar"].append(time.perf_counter() - t)
    for chave, rotulo in rotulos.items():
        extra = f"  ({max(avisos[chave])} avisos de progresso)" if avisos[chave] else ""
        print(linha(rotulo, tempos[chave], "s", 1) + extra)
    pior = max(("desativar", "senha", "conselheiro", "pendente"), key=lambda k: statistics.median(tempos[k]))
    print(contra_meta(f"{rotulos[pior]} (a troca mais lenta)", tempos[pior], 30.0))


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
