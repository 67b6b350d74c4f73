"""Propriedade (hypothesis): três réplicas fazem inclusões, edições e exclusões concorrentes; pacotes se
perdem, chegam repetidos e fora de ordem. Depois que todos os pacotes são entregues, as três têm o mesmo
conteúdo (mesmas somas por tabela e mesmos conflitos), e toda escrita confirmada está presente ou aparece
num conflito — nenhuma se perde; só some o que foi substituído por quem a tinha visto."""
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services import acesso, auditoria, cadastros
from desktop.services import sincronizacao as sx

from ...conftest import SENHA_ADMIN
from .conftest import copiar_base, montar_orgao

NOMES = ("Sede", "Notebook", "Folha")
CAMPOS = ("nome", "telefone")


@pytest.fixture(scope="module")
def modelo(tmp_path_factory):
    from desktop.services import acesso as _a

    pasta = tmp_path_factory.mktemp("modelo")
    escritorio = _a.DadosEscritorio(nome="Órgão", municipio="Itapiranga", uf="AM", cnpj="11.222.333/0001-81")
    os.environ["PACO_KDF_RAPIDO"] = "1"
    orgao = montar_orgao(pasta, escritorio, {"Notebook": True, "Folha": False}, pessoas=3)
    return orgao.caminhos


replica = st.integers(0, 2)
operacao = st.one_of(
    st.tuples(st.just("inserir"), replica),
    st.tuples(st.just("editar"), replica, st.integers(0, 4), st.sampled_from(CAMPOS)),
    st.tuples(st.just("editar"), replica, st.integers(0, 4), st.sampled_from(CAMPOS)),
    st.tuples(st.just("excluir"), replica, st.integers(0, 4)),
    st.tuples(st.just("exportar"), replica, replica),
    st.tuples(st.just("entregar"), st.integers(0, 60)),
)


def _escrever(sessao, pessoa_id, campo, valor):
    with sessao.mudanca(None) as m:
        m.db.execute(f"UPDATE pessoas SET {campo} = ? WHERE id = ?", [valor, pessoa_id])
        m.registrar("pessoas", pessoa_id, "alterar", depois={campo: valor})


def _excluir(sessao, pessoa_id):
    with sessao.mudanca(None) as m:
        m.db.execute("DELETE FROM pessoas WHERE id = ?", [pessoa_id])
        m.registrar("pessoas", pessoa_id, "excluir")


@settings(max_examples=int(os.environ.get("PACO_EXEMPLOS", "15")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=st.lists(operacao, min_size=5, max_size=35))
def test_tres_replicas_convergem_sem_perder_escrita(modelo, ops):
    pasta = Path(tempfile.mkdtemp(prefix="paco-prop-"))
    sessoes = []
    try:
        for nome in NOMES:
            copiar_base(modelo[nome], pasta / nome / "paco.db", com_sigilo=nome != "Folha")
            sessoes.append(acesso.entrar(pasta / nome / "paco.db", "admin", SENHA_ADMIN))
        _rodar(sessoes, ops, pasta)
    finally:
        for s in sessoes:
            s.fechar()
        shutil.rmtree(pasta, ignore_errors=True)


def _rodar(sessoes, ops, pasta):
    vistos = [set(), set(), set()]  # escritas que cada réplica conhece
    escritas = {}  # id → (registro, campo ou None para exclusão, valor, o que o autor tinha visto)
    pacotes = []  # (destino, arquivo, o que o remetente conhecia)
    n = 0
    for op in ops:
        n += 1
        if op[0] == "inserir":
            r = op[1]
            p = cadastros.cadastrar_pessoa(sessoes[r], nome=f"P{n} de {NOMES[r]}")
            escritas[n] = (p["id"], "nome", p["nome"], frozenset(vistos[r]))
            vistos[r].add(n)
        elif op[0] in ("editar", "excluir"):
            r = op[1]
            ids = [x for (x,) in sessoes[r].db.execute("SELECT id FROM pessoas ORDER BY id")]
            if not ids:
                continue
            pid = ids[op[2] % len(ids)]
            if op[0] == "editar":
                valor = f"v{n} em {NOMES[r]}"
                _escrever(sessoes[r], pid, op[3], valor)
                escritas[n] = (pid, op[3], valor, frozenset(vistos[r]))
            else:
                _excluir(sessoes[r], pid)
                escritas[n] = (pid, None, None, frozenset(vistos[r]))
            vistos[r].add(n)
        elif op[0] == "exportar":
            de, para = op[1], op[2]
            if de == para:
                continue
            arq = sx.exportar(sessoes[de], pasta / "pen", NOMES[para])
            pacotes.append((para, arq, frozenset(vistos[de])))
        elif op[0] == "entregar" and pacotes:  # qualquer pacote, em qualquer ordem, quantas vezes for
            para, arq, conhecia = pacotes[op[1] % len(pacotes)]
            sx.importar(sessoes[para], arq)
            vistos[para] |= conhecia
    for _rodada in range(2):  # por fim, todos os pacotes chegam
        for de in range(3):
            for para in range(3):
                if de != para:
                    sx.importar(sessoes[para], sx.exportar(sessoes[de], pasta / "fim", NOMES[para]))
    somas = [sx.conferir(s) for s in sessoes]
    assert somas[0] == somas[1] == somas[2], "as réplicas não convergiram"
    _nenhuma_perdida(sessoes[0], escritas)
    for s in sessoes:
        resultado = auditoria.verificar_integridade(s)
        assert resultado.ok, resultado.mensagem()


def _nenhuma_perdida(sessao, escritas):
    conflitos = {(c["registro_id"], c["coluna"]): c["cabecas"] for c in sx.conflitos(sessao)}
    excluidos = {pid for pid, campo, _v, _s in escritas.values() if campo is None}
    for n, (pid, campo, valor, _s) in escritas.items():
        if campo is None:
            assert sessao.db.execute("SELECT 1 FROM pessoas WHERE id = ?", [pid]).fetchone() is None
            continue
        substituida = any(n in visto and outro_pid == pid and outro_campo in (campo, None)
                          for (outro_pid, outro_campo, _v, visto) in escritas.values())
        if substituida:
            continue
        linha = sessao.db.execute(f"SELECT {campo} FROM pessoas WHERE id = ?", [pid]).fetchone()
        presente = linha is not None and linha[0] == valor
        em_conflito = any(h["valor"] == valor for h in conflitos.get((pid, campo), []))
        assert presente or em_conflito, (f"escrita nº {n} ({campo} = {valor!r}) perdida"
                                         f"{' (registro excluído)' if pid in excluidos else ''}")
