"""Conselho Tutelar com 100.000 atendimentos na base cifrada: lista, busca por nome e por bairro, relatório.

    .venv/bin/python benchmarks/conselho.py [--casos 100000] [--pasta /tmp/x]

Cria uma instalação nova, o conselho (cinco titulares e dois suplentes) e uma conselheira vinculada;
grava N atendimentos (com crianças, família, violações e medidas) e o índice de busca numa só
transação, direto nas tabelas (o que se mede é a leitura, não N transações do serviço); depois mede,
pelos serviços e com o sigilo e o diário de leitura: abrir a lista (primeira página de 200), buscar
por nome (prefixo sem acento), buscar por bairro, abrir um caso, montar as estatísticas do trimestre e
emitir o PDF do relatório trimestral. Imprime os segundos. Não é teste com tempo-limite.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.rules.conselho.atendimentos import AGENTES, DIREITOS, MEDIDAS  # noqa: E402
from desktop.rules.papeis import Papel  # noqa: E402
from desktop.services import acesso  # noqa: E402
from desktop.services.conselho import atendimentos, mandatos, relatorio  # noqa: E402
from desktop.services.conselho.demo import _BAIRROS, _NOMES, _SOBRENOMES  # noqa: E402
from desktop.services.sessao import Sessao, Usuario  # noqa: E402
from desktop.store.ids import agora, novo_id  # noqa: E402

SENHA = "senha-do-benchmark"


def _medir(rotulo: str, funcao, *args, **kwargs):
    inicio = time.perf_counter()
    r = funcao(*args, **kwargs)
    print(f"{rotulo:<52} {time.perf_counter() - inicio:8.3f} s")
    return r


def _povoar(db, n: int, rnd: random.Random, registrado_por: str) -> None:
    momento = agora()
    inicio = datetime(2025, 1, 1)
    at, cr, fa, vi, me = [], [], [], [], []
    for i in range(n):
        aid = novo_id()
        quando = inicio + timedelta(minutes=rnd.randint(0, 2 * 365 * 24 * 60))
        sobrenome = rnd.choice(_SOBRENOMES)
        at.append((aid, i + 1, 2025, rnd.choice(("denuncia", "atendimento", "informacao")),
                   quando.isoformat(timespec="minutes"), "telefone", "Relato.", rnd.choice(_BAIRROS),
                   rnd.choice(("aberto", "acompanhamento", "arquivado")), 0, registrado_por, momento, momento))
        for _ in range(rnd.choice((1, 1, 2))):
            cr.append((novo_id(), aid, f"{rnd.choice(_NOMES)} {rnd.choice(_SOBRENOMES)} {sobrenome}",
                       (quando.date() - timedelta(days=rnd.randint(100, 6000))).isoformat(), rnd.choice("FM")))
        fa.append((novo_id(), aid, f"{rnd.choice(_NOMES)} {sobrenome}", "mãe", "", ""))
        vi.append((novo_id(), aid, rnd.choice(list(DIREITOS)), rnd.choice(list(AGENTES)), ""))
        if rnd.random() < 0.6:
            me.append((novo_id(), aid, None, None, rnd.choice(list(MEDIDAS)), "", quando.isoformat(timespec="minutes")))
    c = db.conn
    c.execute("BEGIN IMMEDIATE")
    c.executemany("INSERT INTO conselho_atendimentos (id, numero, ano, tipo, recebido_em, origem, relato, bairro, "
                  "situacao, plantao, registrado_por, criado_em, atualizado_em) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", at)
    c.executemany("INSERT INTO conselho_criancas VALUES (?,?,?,?,?)", cr)
    c.executemany("INSERT INTO conselho_familiares VALUES (?,?,?,?,?,?)", fa)
    c.executemany("INSERT INTO conselho_violacoes VALUES (?,?,?,?,?)", vi)
    c.executemany("INSERT INTO conselho_medidas (id, atendimento_id, decisao_id, crianca_id, codigo, destinatario, "
                  "aplicada_em) VALUES (?,?,?,?,?,?,?)", me)
    c.execute("""INSERT INTO conselho_busca (atendimento_id, nomes, bairro)
                 SELECT a.id, coalesce((SELECT group_concat(nome, ' ') FROM conselho_criancas WHERE atendimento_id = a.id), '')
                              || ' ' || coalesce((SELECT group_concat(nome, ' ') FROM conselho_familiares WHERE atendimento_id = a.id), ''),
                        a.bairro FROM conselho_atendimentos a""")
    c.execute("COMMIT")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--casos", type=int, default=100_000)
    p.add_argument("--pasta", type=Path, default=None)
    args = p.parse_args()
    pasta = args.pasta or Path(tempfile.mkdtemp(prefix="paco-bench-conselho-"))
    os.environ.setdefault("PACO_CONFIG", str(pasta / "config"))
    os.environ.setdefault("PACO_DADOS", str(pasta / "dados"))
    caminho = pasta / "paco.db"
    sessao, _ = acesso.criar_instalacao(caminho, acesso.DadosEscritorio(
        nome="Conselho Tutelar (benchmark)", municipio="Itapiranga", uf="AM", cnpj="11.222.333/0001-81"),
        login="admin", nome="Administrador", senha=SENHA)
    try:
        c = mandatos.cadastrar_conselheiro(sessao, nome="Joana Batista Ferreira", condicao="titular", ordem=1,
                                           inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
        acesso.criar_usuario(sessao, login="ct", nome="Joana", papel="conselheiro_tutelar", senha=SENHA, trocar_senha=False)
        mandatos.vincular_usuario(sessao, c["id"], "ct")
        u = next(sessao.db.query("SELECT id FROM usuarios WHERE login = 'ct'"))
        ct = Sessao(sessao.base, Usuario(u["id"], "ct", "Joana", Papel.CONSELHEIRO_TUTELAR))
        print(f"Base: {caminho} — {args.casos} atendimentos")
        _medir(f"Gravar {args.casos} atendimentos e o índice (1 transação)", _povoar, sessao.db, args.casos,
               random.Random(2026), c["id"])
        lista = _medir("Abrir a lista (1ª página, 200 casos)", atendimentos.listar_atendimentos, ct)
        _medir("Lista: página 50 (deslocamento 10.000)", atendimentos.listar_atendimentos, ct, deslocamento=10_000)
        r = _medir("Busca por nome: 'valentina sou'", atendimentos.listar_atendimentos, ct, busca="valentina sou")
        print(f"{'':<52} ({len(r)} resultados na página)")
        r = _medir("Busca por nome sem acento: 'heloisa'", atendimentos.listar_atendimentos, ct, busca="heloisa")
        print(f"{'':<52} ({len(r)} resultados na página)")
        r = _medir("Busca por bairro: 'jequiezinho'", atendimentos.listar_atendimentos, ct, busca="jequiezinho",
                   campo="bairro")
        print(f"{'':<52} ({len(r)} resultados na página)")
        _medir("Abrir um caso (com diário de leitura)", atendimentos.obter_atendimento, ct, lista[0]["id"])
        e = _medir("Estatísticas do 1º trimestre de 2025", relatorio.estatisticas, sessao, 2025, 1)
        print(f"{'':<52} ({e.registros} registros, {e.criancas} crianças)")
        _medir("Relatório trimestral em PDF (registrado)", relatorio.emitir_relatorio_trimestral, sessao, 2025, 1)
        _medir("CSV do trimestre para o SIPIA", relatorio.csv_sipia, ct, 2025, 1)
    finally:
        sessao.fechar()


if __name__ == "__main__":
    main()
