"""Importação de 50.000 servidores do magistério: análise de CSV, XLSX e ODS (e a gravação do CSV).

    .venv/bin/python benchmarks/importacao.py [--linhas 50000] [--repeticoes 5] [--gravar] [--pasta /tmp/x]

Cria uma instalação nova (base cifrada) com as escolas da demonstração, gera a planilha com N
servidores fictícios (CPFs válidos, 1 % das linhas com erro) em CSV (;, Windows-1252, como o Excel
em português grava), XLSX e ODS (este pelo LibreOffice, se houver; senão é pulado) e mede
``importacao.analisar`` em cada uma — leitura, conversão, repetições e ensaio do cadastro, sem
transação de escrita — e, com ``--gravar``, o ``importar`` do CSV (uma transação). A meta da
issue 17 é analisar 50.000 linhas em menos de 20 s nesta máquina (com menos linhas, a meta é
proporcional). Cada formato é analisado ``--repeticoes`` vezes, em rodízio; imprime mediana e
dispersão e o RESUMO do formato mais lento contra a meta. A pasta temporária é apagada. Só imprime números.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from comparar import contra_meta, linha, pasta_de_trabalho  # noqa: E402

from desktop.rules.validacao import formatar_cpf  # noqa: E402
from desktop.services import acesso, cadastros, demo  # noqa: E402
from desktop.services.magisterio import importacao  # noqa: E402

CABECALHO = ["Nome", "CPF", "Matrícula", "Cargo", "Admissão", "Jornada", "Titulação", "Nível", "Escola",
             "Nascimento", "Telefone"]
TITULOS = [("Licenciatura Plena", "3"), ("Médio Normal", "1"), ("Mestrado", "4"), ("Especialização", "IV")]


def linhas(n: int, rnd: random.Random) -> list[list]:
    saida, cpfs = [], set()
    while len(cpfs) < n:
        cpfs.add(demo.cpf_ficticio(rnd))
    for i, cpf in enumerate(sorted(cpfs)):
        titulo, nivel = rnd.choice(TITULOS)
        escola = rnd.choice(demo.ESCOLAS)[0]
        jornada = "30" if i % 100 == 7 else rnd.choice(["20", "40"])  # 1 % com erro (art. 23)
        saida.append([f"Servidor{'a' if i % 2 else ''} Número {i}", formatar_cpf(cpf), str(100000 + i),
                      rnd.choice(["Professora", "professor"]), f"{rnd.randint(1, 28):02d}/02/{rnd.randint(1995, 2024)}",
                      jornada, titulo, nivel, escola, f"{rnd.randint(1, 28):02d}/05/{rnd.randint(1960, 1990)}",
                      "(73) 3525-0000"])
    return saida


def preparar(pasta: Path):
    escritorio = acesso.DadosEscritorio(nome="Secretaria Municipal de Educação", municipio="Jequié", uf="BA",
                                        cnpj="11.222.333/0001-81")
    sessao, _ = acesso.criar_instalacao(pasta / "paco.db", escritorio, login="admin", nome="Administrador",
                                        senha="senha-do-benchmark")
    with sessao.base.transacao():
        for nome, bairro, zona in demo.ESCOLAS:
            cadastros.cadastrar_unidade(sessao, tipo="escola", nome=nome, bairro=bairro, zona=zona)
    return sessao


def medir(rotulo: str, funcao, *args, **kwargs):
    inicio, cpu = time.perf_counter(), time.process_time()
    resultado = funcao(*args, **kwargs)
    segundos, cpu = time.perf_counter() - inicio, time.process_time() - cpu
    print(f"{rotulo:<38} {segundos:7.2f} s ({cpu:.2f} s de CPU; a diferença é espera por outros processos)",
          flush=True)
    return resultado, segundos


def main() -> None:
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--linhas", type=int, default=50_000)
    a.add_argument("--repeticoes", type=int, default=5, help="análises de cada formato, em rodízio (≥ 5)")
    a.add_argument("--gravar", action="store_true", help="mede também a importação (gravação) do CSV")
    a.add_argument("--pasta", type=Path, default=None)
    args = a.parse_args()
    with pasta_de_trabalho("paco-bench-importacao-", args.pasta) as pasta:
        _rodar(args, pasta)


def _rodar(args, pasta: Path) -> None:
    dados = linhas(args.linhas, random.Random(17))
    sessao = preparar(pasta)
    try:
        csv_ = pasta / "servidores.csv"
        csv_.write_bytes("\r\n".join(";".join(l) for l in [CABECALHO, *dados]).encode("cp1252"))
        from openpyxl import Workbook
        livro = Workbook(write_only=True)
        aba = livro.create_sheet("Servidores")
        for l in [CABECALHO, *dados]:
            aba.append(l)
        xlsx = pasta / "servidores.xlsx"
        livro.save(xlsx)
        arquivos = [("CSV (Windows-1252, ;)", csv_), ("XLSX", xlsx)]
        if shutil.which("soffice"):
            # o perfil do LibreOffice na pasta temporária, não em ~/.config/libreoffice do usuário
            perfil = f"-env:UserInstallation={(pasta / 'perfil-libreoffice').resolve().as_uri()}"
            subprocess.run(["soffice", perfil, "--headless", "--convert-to", "ods", "--outdir", str(pasta), str(xlsx)],
                           capture_output=True, timeout=600)
            if (pasta / "servidores.ods").exists():
                arquivos.append(("ODS", pasta / "servidores.ods"))
        else:
            print("ODS: pulado (sem o LibreOffice para gerar a planilha)")
        print(f"{args.linhas} linhas; {args.repeticoes} análises de cada formato, os formatos em rodízio "
              f"(a ordem gira a cada rodada)")
        tempos: dict[str, list[float]] = {r: [] for r, _ in arquivos}
        cpu: dict[str, list[float]] = {r: [] for r, _ in arquivos}
        relatorios = {}
        for rodada in range(args.repeticoes):
            ordem = arquivos[rodada % len(arquivos):] + arquivos[:rodada % len(arquivos)]
            for rotulo, arq in ordem:
                inicio, c = time.perf_counter(), time.process_time()
                relatorios[rotulo] = importacao.analisar(sessao, arq)
                tempos[rotulo].append(time.perf_counter() - inicio)
                cpu[rotulo].append(time.process_time() - c)
        for rotulo, _ in arquivos:
            rel = relatorios[rotulo]
            print(linha(f"analisar {rotulo}", tempos[rotulo], "s", 1))
            print(linha("    (tempo de CPU do processo)", cpu[rotulo], "s", 1)
                  + f"  {len(rel.validas)} válidas, {len(rel.com_erro)} com erro")
        if args.gravar:
            rel = importacao.analisar(sessao, csv_)
            medir("importar (gravar) CSV, uma transação (uma vez: grava os servidores)", importacao.importar, sessao, rel)
        pior = max(tempos, key=lambda r: statistics.median(tempos[r]))
        meta = 20.0 * args.linhas / 50_000  # 50.000 linhas em < 20 s (issue 17), proporcional às linhas pedidas
        print(contra_meta(f"analisar {pior} (o formato mais lento)", tempos[pior], meta))
    finally:
        sessao.fechar()


if __name__ == "__main__":
    main()
