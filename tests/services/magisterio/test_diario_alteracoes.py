"""Alterar um item de histórico ou a pessoa do servidor grava e escreve o diário numa chamada só
(``Mudanca.alterar``, por ``historicos.alterar_item``), e o diário sai igual, byte a byte, ao do caminho
antigo — gravar com o store e depois ``registrar`` o item lido (valores Python) de volta à forma gravada
(``linha(h, item)``). Passa pelas quatro alterações de histórico: corrigir um item (também o decimal das horas
noturnas), encerrar o período anterior ao abrir outro, mover os inícios com a admissão e fechar os períodos
no desligamento; e pela pessoa (nome)."""
import json
from datetime import date
from decimal import Decimal

from desktop.services.magisterio import cadastro
from desktop.store.magisterio import historicos as armazem

from .conftest import maria

TABELAS = {h.tabela: h for h in armazem.HISTORICOS.values()}


def _gravadas(sessao) -> dict[tuple[str, str], dict]:
    linhas = {}
    for tabela in [*TABELAS, "pessoas"]:
        for r in sessao.db.query(f"SELECT * FROM {tabela}"):
            linhas[(tabela, r["id"])] = dict(r)
    return linhas


def _texto(valor) -> str:
    return json.dumps(valor, ensure_ascii=False, sort_keys=True, default=str)  # como store.diario grava


def _como_o_caminho_antigo(tabela: str, gravada: dict) -> dict:
    """O que o caminho antigo punha no diário: a pessoa como lida; o item de histórico lido e convertido de volta."""
    if tabela == "pessoas":
        return gravada
    h = TABELAS[tabela]
    return armazem.linha(h, armazem.item(h, gravada))


def _confere(sessao, acao) -> int:
    """Roda ``acao`` e confere cada alteração que ela pôs no diário; devolve quantas conferiu."""
    antes = _gravadas(sessao)
    ultimo = sessao.db.execute("SELECT coalesce(max(seq), 0) FROM diario").fetchone()[0]
    acao()
    depois = _gravadas(sessao)
    novas = list(sessao.db.query("SELECT * FROM diario WHERE seq > ? AND acao = 'alterar' ORDER BY seq", [ultimo]))
    conferidas = 0
    for d in novas:
        if d["tabela"] not in TABELAS and d["tabela"] != "pessoas":
            continue
        chave = (d["tabela"], d["registro_id"])
        assert d["antes"] == _texto(_como_o_caminho_antigo(d["tabela"], antes[chave])), chave
        assert d["depois"] == _texto(_como_o_caminho_antigo(d["tabela"], depois[chave])), chave
        assert json.loads(d["antes"]) == json.loads(_texto(antes[chave]))  # e é a linha como estava gravada
        conferidas += 1
    return conferidas


def test_alteracoes_de_historico_e_da_pessoa_escrevem_o_mesmo_diario(sessao, escolas):
    m = maria(sessao, escolas)["id"]
    regencia = cadastro.adicionar(sessao, "regencias", m, inicio=date(2020, 2, 3), etapa="fundamental_iniciais",
                                  alunos_nee=2)
    noturnas = cadastro.adicionar(sessao, "horas_noturnas", m, competencia=date(2026, 3, 1), horas=Decimal("6.5"))

    assert _confere(sessao, lambda: cadastro.corrigir(sessao, "regencias", regencia["id"], alunos_nee=3)) == 1
    assert _confere(sessao, lambda: cadastro.corrigir(sessao, "horas_noturnas", noturnas["id"],
                                                      horas=Decimal("7.25"))) == 1
    # lotação nova: a anterior, em aberto, termina na véspera (encerrar o período anterior)
    assert _confere(sessao, lambda: cadastro.adicionar(sessao, "lotacoes", m, inicio=date(2024, 2, 1),
                                                       unidade_id=escolas["itajuru"])) == 1
    # admissão corrigida: os inícios que estavam nela acompanham; e o nome da pessoa
    assert _confere(sessao, lambda: cadastro.alterar(sessao, m, admissao=date(2001, 2, 1),
                                                     nome="Maria da Silva Souza Lima")) >= 3
    # desligamento: os períodos em aberto terminam na data
    assert _confere(sessao, lambda: cadastro.desligar(sessao, m, data=date(2026, 4, 30),
                                                      motivo="aposentadoria")) >= 2
    assert cadastro.itens(sessao, "horas_noturnas", m)[0]["horas"] == Decimal("7.25")
