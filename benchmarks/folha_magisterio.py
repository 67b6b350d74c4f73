"""Folha do Magistério com 3.000 servidores na base real: prévia, fechamento e lote de contracheques em PDF.

    .venv/bin/python benchmarks/folha_magisterio.py [--servidores 3000] [--pasta /tmp/x]

Cria uma instalação nova (base cifrada), as escolas da demonstração e N servidores com as carreiras
variadas de ``services.magisterio.demo`` (titulações, lotações, funções, desdobramento, regência,
cursos, férias, afastamentos e faltas), todos numa só transação; depois mede, pelos serviços:
a prévia da competência, o fechamento (recalcula e grava contracheques e rubricas numa transação),
o desenho do lote de contracheques do Paço e, na mesma execução, o script reportlab puro de
``benchmarks/folha_pdf.py`` desenhando as mesmas páginas (o mesmo cabeçalho e rodapé), os dois
alternados par a par (≥ 5 pares), e a emissão do lote como a tela a faz (``emitir_lote``: ler a folha
gravada, desenhar, selar, registrar; a âncora não faz essas partes, por isso fica fora da razão).
Imprime os segundos, mediana e dispersão e a razão desenho do Paço / reportlab puro.
Não é teste com tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from comparar import alternar, linha, pasta_de_trabalho, razao, repetir  # noqa: E402
from folha_pdf import reportlab_puro  # noqa: E402

from desktop.reports import fontes  # noqa: E402
from desktop.reports.layout import Rodape  # noqa: E402
from desktop.reports.magisterio import contracheque  # noqa: E402
from desktop.services import documentos  # noqa: E402
from desktop.services import acesso, cadastros, demo  # noqa: E402
from desktop.services.magisterio import documentos as docs_magisterio  # noqa: E402
from desktop.services.magisterio import folha  # noqa: E402
from desktop.services.magisterio.demo import criar_demo_magisterio  # noqa: E402

COMPETENCIA = date(2026, 10, 1)


def _medir(funcao, *args, **kwargs):
    inicio = time.perf_counter()
    resultado = funcao(*args, **kwargs)
    return time.perf_counter() - inicio, resultado


def preparar(pasta: Path, servidores: int):
    """Instalação nova com as escolas da demonstração e ``servidores`` servidores (uma transação)."""
    escritorio = acesso.DadosEscritorio(nome="Secretaria Municipal de Educação", municipio="Jequié", uf="BA",
                                        cnpj="11.222.333/0001-81")
    sessao, _ = acesso.criar_instalacao(pasta / "paco.db", escritorio, login="admin", nome="Administrador",
                                        senha="senha-do-benchmark")
    with sessao.base.transacao():
        cadastros.cadastrar_unidade(sessao, tipo="secretaria", nome="Secretaria Municipal de Educação")
        for nome, bairro, zona in demo.ESCOLAS:
            cadastros.cadastrar_unidade(sessao, tipo="escola", nome=nome, bairro=bairro, zona=zona)
        criar_demo_magisterio(sessao, random.Random(2026), servidores=servidores)
    return sessao


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--servidores", type=int, default=3000)
    argumentos.add_argument("--pares", type=int, default=5)
    argumentos.add_argument("--pasta", type=Path, default=None, help="onde criar a base (padrão: temporária)")
    opcoes = argumentos.parse_args()
    with pasta_de_trabalho("paco-folha-", opcoes.pasta) as pasta:
        t_cadastro, sessao = _medir(preparar, pasta, opcoes.servidores)
        try:
            fontes.registrar()
            t_previa, previa = _medir(folha.previa, sessao, COMPETENCIA)
            t_fechar, comp = _medir(folha.fechar, sessao, COMPETENCIA, aceitar_pendencias=True)
            progresso = []
            itens = folha.contracheques(sessao, COMPETENCIA)
            cab = documentos.cabecalho_do_orgao(sessao)
            rod = Rodape("ABCD-EFGH-JK23", contracheque.TITULO_LOTE, 1, 2026, 1, datetime.now(timezone.utc), "admin")
            feitos = {}

            def desenho():  # o desenho do lote do Paço, as mesmas páginas que a âncora desenha
                t, feitos["paco"] = _medir(contracheque.gerar_lote, cab, rod, itens)
                return t

            def puro_():
                t, feitos["puro"] = _medir(reportlab_puro, itens, cab, rod)
                return t

            def lote():  # a emissão da tela: lê a folha gravada, desenha, sela, registra e guarda
                t, feitos["emitido"] = _medir(docs_magisterio.emitir_lote, sessao, COMPETENCIA,
                                              progresso=lambda f, t: progresso.append(f))
                return t

            t_desenhos, t_puros = alternar(desenho, puro_, opcoes.pares)
            t_lotes = repetir(lote, opcoes.pares)
            emitido, puro = feitos["emitido"], feitos["puro"]
        finally:
            sessao.fechar()
    print(f"servidores cadastrados: {opcoes.servidores}  (cadastro numa transação: {t_cadastro:.1f} s)")
    print(f"competência {COMPETENCIA:%m/%Y}: {len(previa.itens)} contracheques, {len(previa.erros)} erros, "
          f"{sum(len(i.contracheque.linhas) for i in previa.itens)} rubricas")
    print(f"prévia (calcular todos):           {t_previa:7.2f} s")
    print(f"fechar (recalcular + gravar):      {t_fechar:7.2f} s  ({comp['servidores']} contracheques)")
    print(f"lote de contracheques ({emitido.paginas} páginas, {len(emitido.pdf) / 1e6:.1f} MB): o desenho do Paço e a "
          f"âncora reportlab puro desenhando as mesmas páginas ({len(puro) / 1e6:.1f} MB), {opcoes.pares} pares alternados;"
          f" e a emissão da tela (ler, desenhar, selar, registrar), {opcoes.pares} vezes:")
    print(linha("desenho do lote (contracheque.gerar_lote)", t_desenhos, "s", 1))
    print(linha("reportlab puro (a mesma página)", t_puros, "s", 1))
    print(linha("emitir_lote (+ ler, selar, registrar)", t_lotes, "s", 1))
    print(razao("desenho do lote do Paço", t_desenhos, "reportlab puro", t_puros, meta=1.0))


if __name__ == "__main__":
    main()
