"""Sincronização entre réplicas: 10.000 alterações exportadas e aplicadas; tamanho do pacote.

    .venv/bin/python benchmarks/sincronizacao.py [--alteracoes 10000] [--repeticoes 5] [--pasta /tmp/x]
    .venv/bin/python benchmarks/sincronizacao.py --conselho [--casos 200 --notas 1000]   # a semana de um conselho
    .venv/bin/python benchmarks/sincronizacao.py --folha [--servidores 3000]   # o mês da folha

Monta a sede (iniciada) e um notebook juntado com convite e chave de recuperação sobre uma cópia da
sede, como na vida real; grava na sede ``--alteracoes`` alterações pelo caminho dos serviços (metade
inclusões de pessoas, metade edições de um campo delas, em transações de 500) e mede, pelos serviços,
``exportar`` na sede e ``importar`` no notebook (a aplicação inclui o diário de cada registro mudado).
Confere que as duas máquinas ficaram com as mesmas somas. Meta (issue 15): exportar + aplicar < 30 s.
Cada modo repete ``--repeticoes`` rodadas (≥ 5; alterações novas em cada uma) e imprime mediana e
dispersão e o RESUMO exportar + aplicar / meta; a pasta temporária é apagada, mesmo num erro.
O mês da folha (``--folha``): 3.000 servidores na sede, o PC da folha lança uma rubrica avulsa para cada
lotado pela grade do mês e manda à sede. Não é teste.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from comparar import contra_meta, linha, pasta_de_trabalho  # noqa: E402

from desktop.services import acesso, chaveiro, replicas  # noqa: E402
from desktop.services import sincronizacao as sx  # noqa: E402
from desktop.store.ids import agora, novo_id  # noqa: E402

SENHA = "senha-do-benchmark"


def _copiar(origem: Path, destino: Path) -> None:
    destino.parent.mkdir(parents=True, exist_ok=True)
    for f in origem.parent.iterdir():
        if f.is_file() and f.name.startswith(origem.name) and not f.name.endswith(".trava"):
            shutil.copy2(f, destino.parent / f.name)


def _gravar(sessao, n: int) -> None:
    """Metade inclusões, depois a outra metade edições (cada edição num registro diferente, noutra transação:
    a captura junta numa alteração só o que a mesma transação faz no mesmo registro)."""
    ids: list[str] = []
    for inicio in range(0, n - n // 2, 500):
        with sessao.mudanca(None) as m:
            for i in range(inicio, min(inicio + 500, n - n // 2)):
                momento = agora()
                linha = {"id": novo_id(), "nome": f"Servidor {i}", "telefone": None, "bairro": "Centro",
                         "criado_em": momento, "atualizado_em": momento}
                m.db["pessoas"].insert(linha)
                m.registrar("pessoas", linha["id"], "inserir", depois=linha)
                ids.append(linha["id"])
    for inicio in range(0, n // 2, 500):
        with sessao.mudanca(None) as m:
            for i in range(inicio, min(inicio + 500, n // 2)):
                telefone = f"(73) 9{i:04d}-0000"
                m.db.execute("UPDATE pessoas SET telefone = ? WHERE id = ?", [telefone, ids[i % len(ids)]])
                m.registrar("pessoas", ids[i % len(ids)], "alterar", depois={"telefone": telefone})


def _trocar(origem, destino, pasta: Path, nome_destino: str, nome_de_origem: str,
            tempos: dict[str, list[float]]) -> dict:
    """Uma ida do pacote: ``exportar`` na origem e ``importar`` (aplicar) no destino, cada um medido."""
    t = time.perf_counter()
    pacote = sx.exportar(origem, pasta / "pen", nome_destino)
    tempos["exportar"].append(time.perf_counter() - t)
    t = time.perf_counter()
    resumo = sx.importar(destino, pacote)
    tempos["importar"].append(time.perf_counter() - t)
    tempos["total"].append(tempos["exportar"][-1] + tempos["importar"][-1])
    tempos.setdefault("kib", []).append(pacote.stat().st_size / 1024)
    # a volta (fora da conta): o destino confirma o que recebeu, e a rodada seguinte não reenvia estas alterações
    sx.importar(origem, sx.exportar(destino, pasta / "pen", nome_de_origem))
    return resumo


def _imprimir(tempos: dict[str, list[float]], rotulo: str) -> None:
    print(linha("exportar", tempos["exportar"], "s", 1))
    print(linha("importar e aplicar", tempos["importar"], "s", 1))
    print(linha("exportar + aplicar", tempos["total"], "s", 1))
    print(contra_meta(f"{rotulo}: exportar + aplicar", tempos["total"], 30.0))


def _novos_tempos() -> dict[str, list[float]]:
    return {"exportar": [], "importar": [], "total": []}


def semana_do_conselho(pasta: Path, casos: int, notas: int, repeticoes: int) -> None:
    """A semana de um conselho: o plantão registra ``casos`` atendimentos (com criança e família) e ``notas``
    acompanhamentos, e manda tudo à sede (a parte sigilosa cifrada para a chave do sigilo da sede)."""
    from datetime import date, datetime, timedelta

    from desktop.services.conselho import atendimentos, decisoes, mandatos

    sede, plantao = pasta / "sede" / "paco.db", pasta / "plantao" / "paco.db"
    escritorio = acesso.DadosEscritorio(nome="Conselho", municipio="Itapiranga", uf="AM", cnpj="11.222.333/0001-81")
    s, recuperacao = acesso.criar_instalacao(sede, escritorio, login="admin", nome="Admin", senha=SENHA)
    chaveiro.usar_recuperacao(s, recuperacao)
    replicas.iniciar(s, "Sede")
    c = mandatos.cadastrar_conselheiro(s, nome="Conselheira", condicao="titular", ordem=1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    acesso.criar_usuario(s, login="ct1", nome="Conselheira", papel="conselheiro_tutelar", senha=SENHA,
                         trocar_senha=False)
    mandatos.vincular_usuario(s, c["id"], "ct1")
    convite = replicas.convidar(s, "Plantao", True, pasta / "convite").arquivo
    s.fechar()
    _copiar(sede, plantao)
    sp = acesso.entrar(plantao, "admin", SENHA)
    replicas.juntar(sp, convite, recuperacao)
    sp.fechar()
    ct_sede, ct_plantao = acesso.entrar(sede, "ct1", SENHA), acesso.entrar(plantao, "ct1", SENHA)
    sx.importar(ct_sede, sx.exportar(ct_plantao, pasta / "pen", "Sede"))  # chaves do sigilo publicadas
    sx.importar(ct_plantao, sx.exportar(ct_sede, pasta / "pen", "Plantao"))
    tempos, iguais, recebidas = _novos_tempos(), [], []
    for semana in range(repeticoes):  # uma semana nova de trabalho por rodada
        inicio = datetime(2026, 3, 2, 8, 0) + timedelta(weeks=semana)
        ids = []
        for i in range(casos):
            a = atendimentos.registrar_atendimento(ct_plantao, {
                "tipo": "denuncia", "recebido_em": inicio + timedelta(minutes=37 * i), "bairro": f"Bairro {i % 12}",
                "relato": f"Relato do atendimento {i}: " + "texto do relato " * 20,
                "criancas": [{"nome": f"Criança {i}", "nascimento": "2015-05-01", "sexo": "F"}],
                "familiares": [{"nome": f"Responsável {i}", "vinculo": "mãe", "telefone": "(92) 99999-0000"}]})
            ids.append(a["id"])
        for i in range(notas):
            decisoes.registrar_acompanhamento(ct_plantao, ids[i % len(ids)], f"Visita {i}: " + "anotação " * 15,
                                              inicio + timedelta(days=1, minutes=7 * i))
        resumo = _trocar(ct_plantao, ct_sede, pasta, "Sede", "Plantao", tempos)
        recebidas.append(resumo["recebidas"])
        iguais.append(sx.conferir(ct_sede) == sx.conferir(ct_plantao))
    print(f"semana do conselho, {repeticoes} semanas: {casos} casos e {notas} acompanhamentos por semana; "
          f"{recebidas[-1]} alterações por pacote; pacote de {tempos['kib'][-1]:.0f} KiB; as duas máquinas iguais "
          f"depois de cada semana: {'sim' if all(iguais) else 'NÃO'}")
    _imprimir(tempos, "semana do conselho")
    ct_sede.fechar()
    ct_plantao.fechar()


def mes_da_folha(pasta: Path, servidores: int, repeticoes: int) -> None:
    """O mês da folha: a sede tem ``servidores`` servidores do Magistério (a demonstração, antes de virar réplica);
    o PC da folha (réplica só do domínio geral) lança no mês uma rubrica avulsa para cada um pela grade do mês
    de cada escola (``lancamentos.gravar_grade``, o caminho da tela) e manda tudo à sede (a designada, que fecha a folha)."""
    import random
    from datetime import date

    from desktop.services import cadastros, demo
    from desktop.services.magisterio import escolas as escolas_magisterio
    from desktop.services.magisterio import lancamentos
    from desktop.services.magisterio.demo import criar_demo_magisterio

    sede, pc = pasta / "sede" / "paco.db", pasta / "folha" / "paco.db"
    escritorio = acesso.DadosEscritorio(nome="Secretaria Municipal de Educação", municipio="Jequié", uf="BA",
                                        cnpj="11.222.333/0001-81")
    s, recuperacao = acesso.criar_instalacao(sede, escritorio, login="admin", nome="Admin", senha=SENHA)
    chaveiro.usar_recuperacao(s, recuperacao)
    t = time.perf_counter()
    with s.base.transacao():
        cadastros.cadastrar_unidade(s, tipo="secretaria", nome="Secretaria Municipal de Educação")
        for nome, bairro, zona in demo.ESCOLAS:
            cadastros.cadastrar_unidade(s, tipo="escola", nome=nome, bairro=bairro, zona=zona)
        criar_demo_magisterio(s, random.Random(2026), servidores=servidores)
    print(f"sede com {servidores} servidores em {time.perf_counter() - t:.0f} s (antes de virar réplica)")
    replicas.iniciar(s, "Sede")
    convite = replicas.convidar(s, "Folha", False, pasta / "convite").arquivo
    s.fechar()
    _copiar(sede, pc)
    sf = acesso.entrar(pc, "admin", SENHA)
    replicas.juntar(sf, convite, recuperacao)
    s = acesso.entrar(sede, "admin", SENHA)
    competencia = date.today().replace(day=1)
    tempos, iguais, gravar = _novos_tempos(), [], []
    unidades = escolas_magisterio.listar_escolas(sf) + cadastros.listar_unidades(sf, "secretaria")  # e os da SMEC
    for rodada in range(repeticoes):  # a grade do mês regravada com valores novos a cada rodada
        t = time.perf_counter()
        lancados = 0
        for e in unidades:
            linhas = [{"servidor_id": g.servidor_id, "dias": g.texto_dias, "horas": g.texto_horas,
                       "noturnas": g.texto_noturnas, "avulsa_valor": f"{100 + rodada + i % 50},00",
                       "avulsa_descricao": "Gratificação por evento", "avulsa_fundamento": "Portaria SMEC 12/2026",
                       "avulsa_incidencias": "PI"}
                      for i, g in enumerate(lancamentos.grade(sf, e["id"], competencia))]
            if linhas:
                lancados += lancamentos.gravar_grade(sf, e["id"], competencia, linhas)["avulsas"]
        gravar.append(time.perf_counter() - t)
        resumo = _trocar(sf, s, pasta, "Sede", "Folha", tempos)
        iguais.append(sx.conferir(s) == sx.conferir(sf))
    print(f"mês da folha, {repeticoes} rodadas: {lancados} servidores com lançamento no PC da folha (a grade do mês "
          f"gravada em {statistics.median(gravar):.1f} s, mediana); {resumo['recebidas']} alterações no último pacote "
          f"de {tempos['kib'][-1]:.0f} KiB; as duas máquinas iguais: {'sim' if all(iguais) else 'NÃO'}")
    _imprimir(tempos, "mês da folha")
    s.fechar()
    sf.fechar()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--alteracoes", type=int, default=10000)
    p.add_argument("--repeticoes", type=int, default=5, help="rodadas de gravar, exportar e aplicar (≥ 5)")
    p.add_argument("--conselho", action="store_true", help="a semana de um conselho (200 casos, 1.000 notas)")
    p.add_argument("--casos", type=int, default=200, help="casos por semana do conselho")
    p.add_argument("--notas", type=int, default=1000, help="acompanhamentos por semana do conselho")
    p.add_argument("--folha", action="store_true", help="o mês da folha (lançamentos de 3.000 servidores)")
    p.add_argument("--servidores", type=int, default=3000)
    p.add_argument("--pasta", type=Path)
    a = p.parse_args()
    with pasta_de_trabalho("paco-sinc-", a.pasta) as pasta:
        if a.conselho:
            semana_do_conselho(pasta, a.casos, a.notas, a.repeticoes)
        elif a.folha:
            mes_da_folha(pasta, a.servidores, a.repeticoes)
        else:
            alteracoes(pasta, a.alteracoes, a.repeticoes)


def alteracoes(pasta: Path, n: int, repeticoes: int) -> None:
    sede, note = pasta / "sede" / "paco.db", pasta / "note" / "paco.db"
    escritorio = acesso.DadosEscritorio(nome="Prefeitura", municipio="Jequié", uf="BA", cnpj="11.222.333/0001-81")
    s, recuperacao = acesso.criar_instalacao(sede, escritorio, login="admin", nome="Admin", senha=SENHA)
    chaveiro.usar_recuperacao(s, recuperacao)
    replicas.iniciar(s, "Sede")
    convite = replicas.convidar(s, "Notebook", True, pasta / "convite").arquivo
    s.fechar()
    _copiar(sede, note)
    sn = acesso.entrar(note, "admin", SENHA)
    replicas.juntar(sn, convite, recuperacao)
    s = acesso.entrar(sede, "admin", SENHA)
    try:
        tempos, gravar, iguais = _novos_tempos(), [], []
        for _ in range(repeticoes):  # cada rodada: n alterações novas na sede, o pacote e a aplicação no notebook
            t = time.perf_counter()
            _gravar(s, n)
            gravar.append(time.perf_counter() - t)
            resumo = _trocar(s, sn, pasta, "Notebook", "Sede", tempos)
            iguais.append([x for x in sx.conferir(s) if x[1] == "pessoas"]
                          == [x for x in sx.conferir(sn) if x[1] == "pessoas"])
        print(f"{repeticoes} rodadas de {n} alterações gravadas na sede (com o registro de sincronização), "
              f"exportadas e aplicadas no notebook")
        print(linha("gravar as alterações (fora da meta)", gravar, "s", 1))
        print(f"  pacote: {tempos['kib'][-1]:.0f} KiB ({tempos['kib'][-1] * 1024 / max(1, n):.0f} bytes por alteração); "
              f"recebidas {resumo['recebidas']}, aplicadas {resumo['aplicadas']} no último")
        print(f"  somas de pessoas iguais nas duas máquinas depois de cada rodada: {'sim' if all(iguais) else 'NÃO'}")
        _imprimir(tempos, f"{n} alterações")
    finally:
        s.fechar()
        sn.fechar()

if __name__ == "__main__":
    main()
