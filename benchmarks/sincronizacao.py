"""Sincronização entre réplicas: 10.000 alterações exportadas e aplicadas; tamanho do pacote.

    .venv/bin/python benchmarks/sincronizacao.py [--alteracoes 10000] [--pasta /tmp/x]
    .venv/bin/python benchmarks/sincronizacao.py --conselho    # a semana de um conselho
    .venv/bin/python benchmarks/sincronizacao.py --folha [--servidores 3000]   # o mês da folha

Monta a sede (iniciada) e um notebook juntado com convite e chave de recuperação sobre uma cópia da
sede, como na vida real; grava na sede ``--alteracoes`` alterações pelo caminho dos serviços (metade
inclusões de pessoas, metade edições de um campo delas, em transações de 500) e mede, pelos serviços,
``exportar`` na sede e ``importar`` no notebook (a aplicação inclui o diário de cada registro mudado).
Confere que as duas máquinas ficaram com as mesmas somas. Meta (issue 15): exportar + aplicar < 30 s.
O mês da folha (``--folha``): 3.000 servidores na sede, o PC da folha lança uma rubrica avulsa para cada
lotado pela grade do mês e manda à sede. Não é teste.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def semana_do_conselho(pasta: Path, casos: int, notas: int) -> None:
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
    inicio = datetime(2026, 3, 2, 8, 0)
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
    t = time.perf_counter()
    pacote = sx.exportar(ct_plantao, pasta / "pen", "Sede")
    exportar = time.perf_counter() - t
    t = time.perf_counter()
    resumo = sx.importar(ct_sede, pacote)
    importar = time.perf_counter() - t
    iguais = sx.conferir(ct_sede) == sx.conferir(ct_plantao)
    print(f"semana do conselho: {casos} casos e {notas} acompanhamentos; {resumo['recebidas']} alterações")
    print(f"pacote: {pacote.stat().st_size / 1024:.0f} KiB; exportar {exportar:.2f} s; importar e aplicar "
          f"{importar:.2f} s; as duas máquinas iguais: {'sim' if iguais else 'NÃO'}")
    ct_sede.fechar()
    ct_plantao.fechar()


def mes_da_folha(pasta: Path, servidores: int) -> None:
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
    t = time.perf_counter()
    lancados = 0
    unidades = escolas_magisterio.listar_escolas(sf) + cadastros.listar_unidades(sf, "secretaria")  # e os da SMEC
    for e in unidades:
        linhas = [{"servidor_id": g.servidor_id, "dias": g.texto_dias, "horas": g.texto_horas,
                   "noturnas": g.texto_noturnas, "avulsa_valor": f"{100 + i % 50},00",
                   "avulsa_descricao": "Gratificação por evento", "avulsa_fundamento": "Portaria SMEC 12/2026",
                   "avulsa_incidencias": "PI"}
                  for i, g in enumerate(lancamentos.grade(sf, e["id"], competencia))]
        if linhas:
            lancados += lancamentos.gravar_grade(sf, e["id"], competencia, linhas)["avulsas"]
    gravar = time.perf_counter() - t
    t = time.perf_counter()
    pacote = sx.exportar(sf, pasta / "pen", "Sede")
    exportar = time.perf_counter() - t
    t = time.perf_counter()
    resumo = sx.importar(s, pacote)
    importar = time.perf_counter() - t
    iguais = sx.conferir(s) == sx.conferir(sf)
    print(f"mês da folha: {lancados} servidores com lançamento no PC da folha (gravados em {gravar:.0f} s pela "
          f"grade do mês); {resumo['recebidas']} alterações")
    print(f"pacote: {pacote.stat().st_size / 1024:.0f} KiB; exportar {exportar:.2f} s; importar e aplicar "
          f"{importar:.2f} s; as duas máquinas iguais: {'sim' if iguais else 'NÃO'}")
    s.fechar()
    sf.fechar()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--alteracoes", type=int, default=10000)
    p.add_argument("--conselho", action="store_true", help="a semana de um conselho (200 casos, 1.000 notas)")
    p.add_argument("--folha", action="store_true", help="o mês da folha (lançamentos de 3.000 servidores)")
    p.add_argument("--servidores", type=int, default=3000)
    p.add_argument("--pasta", type=Path)
    a = p.parse_args()
    pasta = a.pasta or Path(tempfile.mkdtemp(prefix="paco-sinc-"))
    if a.conselho or a.folha:
        if a.conselho:
            semana_do_conselho(pasta, 200, 1000)
        else:
            mes_da_folha(pasta, a.servidores)
        if not a.pasta:
            shutil.rmtree(pasta, ignore_errors=True)
        return
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

    t = time.perf_counter()
    _gravar(s, a.alteracoes)
    gravar = time.perf_counter() - t
    t = time.perf_counter()
    pacote = sx.exportar(s, pasta / "pen", "Notebook")
    exportar = time.perf_counter() - t
    t = time.perf_counter()
    resumo = sx.importar(sn, pacote)
    importar = time.perf_counter() - t
    iguais = [x for x in sx.conferir(s) if x[1] == "pessoas"] == [x for x in sx.conferir(sn) if x[1] == "pessoas"]
    print(f"alterações gravadas na sede: {a.alteracoes} em {gravar:.1f} s (com o registro de sincronização)")
    print(f"pacote: {pacote.stat().st_size / 1024:.0f} KiB ({pacote.stat().st_size / max(1, a.alteracoes):.0f} bytes "
          f"por alteração); recebidas {resumo['recebidas']}, aplicadas {resumo['aplicadas']}")
    print(f"exportar: {exportar:.2f} s; importar e aplicar: {importar:.2f} s; total {exportar + importar:.2f} s "
          f"(meta < 30 s: {'ok' if exportar + importar < 30 else 'ACIMA'})")
    print(f"somas de pessoas iguais nas duas máquinas: {'sim' if iguais else 'NÃO'}")
    s.fechar()
    sn.fechar()
    if not a.pasta:
        shutil.rmtree(pasta, ignore_errors=True)


if __name__ == "__main__":
    main()
