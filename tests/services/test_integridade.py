"""Verificar integridade contra um atacante com a chave: as sete adulterações, cada uma acusada e localizada.

O atacante abre a base com sqlcipher3 e a chave, derruba os gatilhos que proíbem UPDATE/DELETE no
diário, mexe e recalcula os hashes em Python. As âncoras de fora da base (arquivo de chaves, cópia de
segurança, documentos) e a conferência das tabelas contra o diário o denunciam.
"""
import json
from contextlib import contextmanager

import pytest
import sqlcipher3

from desktop.services import acesso, copias, documentos, integridade
from desktop.store import ancoras
from desktop.store.chaves import ArquivoChaves
from desktop.store.diario import _CAMPOS, calcular_hash

from ..conftest import SENHA_ADMIN


def _gravar(sessao, inicio: int, n: int) -> None:
    """``n`` mudanças reais (linha em configuracoes + diário), dez por transação."""
    for bloco in range(inicio, inicio + n, 10):
        with sessao.mudanca(None) as m:
            for i in range(bloco, min(bloco + 10, inicio + n)):
                linha = {"chave": f"c-{i:04d}", "valor": f"valor {i}"}
                m.db["configuracoes"].insert(linha)
                m.registrar("configuracoes", linha["chave"], "inserir", depois=linha)


@pytest.fixture
def base_movimentada(sessao_admin):
    """~460 linhas no diário, uma cópia de segurança no meio e um documento emitido depois dela."""
    _gravar(sessao_admin, 0, 200)
    copias.fazer_copia(sessao_admin)
    _gravar(sessao_admin, 200, 100)
    documentos.emitir_relatorio_diario(sessao_admin)
    _gravar(sessao_admin, 300, 150)
    r = integridade.verificar(sessao_admin)
    assert r.ok, r.mensagem()
    assert r.ancoras == {"no arquivo de chaves": 1, "de cópias": 1, "de documentos": 1}
    return sessao_admin


@contextmanager
def atacante(sessao):
    """Outra conexão, fora do Paço, com a chave da base e sem os gatilhos do diário."""
    con = sqlcipher3.connect(str(sessao.base.caminho), isolation_level=None)
    con.execute(f"PRAGMA key = \"x'{sessao.base.chave.hex()}'\"")
    con.execute("DROP TRIGGER IF EXISTS diario_sem_alterar")
    con.execute("DROP TRIGGER IF EXISTS diario_sem_excluir")
    try:
        yield con
    finally:
        con.close()


def _linha(con, seq: int) -> dict:
    cur = con.execute(f"SELECT {', '.join(_CAMPOS)}, hash FROM diario WHERE seq = ?", [seq])
    return dict(zip([d[0] for d in cur.description], cur.fetchone()))


def _recalcular_desde(con, seq: int) -> None:
    """Recalcula, como um atacante faria, o hash de ``seq`` e o elo e o hash de todas as seguintes."""
    anterior = _linha(con, seq - 1)["hash"] if seq > 1 else "0" * 64
    for (s,) in con.execute("SELECT seq FROM diario WHERE seq >= ? ORDER BY seq", [seq]).fetchall():
        linha = _linha(con, s)
        linha["hash_anterior"] = anterior
        anterior = calcular_hash(linha)
        con.execute("UPDATE diario SET hash_anterior = ?, hash = ? WHERE seq = ?", [linha["hash_anterior"], anterior, s])


def _ultima(sessao) -> int:
    return sessao.db.execute("SELECT max(seq) FROM diario").fetchone()[0]


def _achados(sessao, *tipos):
    r = integridade.verificar(sessao)
    assert not r.ok
    return r, [(a.tipo, a.seq) for a in r.achados if a.tipo in tipos]


def test_editar_uma_linha_do_meio(base_movimentada):
    with atacante(base_movimentada) as con:
        con.execute("UPDATE diario SET usuario = 'intruso' WHERE seq = 150")
    r, achados = _achados(base_movimentada, "alterada")
    assert achados == [("alterada", 150)]
    assert "Diário, linha nº 150: a linha nº 150 foi alterada depois de gravada" in r.mensagem()


def test_apagar_uma_linha_do_meio(base_movimentada):
    with atacante(base_movimentada) as con:
        con.execute("DELETE FROM diario WHERE seq = 150")
    r, achados = _achados(base_movimentada, "apagada", "elo")
    assert achados == [("apagada", 150)]
    assert "a linha nº 150 foi apagada" in r.mensagem()


def test_truncar_o_fim_do_diario(base_movimentada):
    fim = _ultima(base_movimentada)
    with atacante(base_movimentada) as con:  # some com as 300 últimas e acerta o contador
        con.execute("DELETE FROM diario WHERE seq > ?", [fim - 300])
        con.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'diario'", [fim - 300])
    corrente_so = base_movimentada.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    assert corrente_so == fim - 300
    r, achados = _achados(base_movimentada, "truncada")
    assert achados == [("truncada", fim - 299)]
    assert (f"o diário termina na linha nº {fim - 300}, mas a âncora no arquivo de chaves" in r.mensagem()
            and f"as linhas nº {fim - 299} a {fim} foram apagadas" in r.mensagem())
    # a corrente que sobrou é coerente: só as âncoras acusam
    assert not r.achados_do_tipo("alterada", "elo", "apagada")


def test_reescrever_uma_linha_e_recalcular_os_hashes(base_movimentada):
    with atacante(base_movimentada) as con:
        con.execute("UPDATE diario SET usuario = 'outra pessoa' WHERE seq = 120")
        _recalcular_desde(con, 120)
    r, achados = _achados(base_movimentada, "reescrita", "alterada", "elo")
    assert achados == [("reescrita", 120)]  # localizada pela cópia de segurança
    assert "o diário foi reescrito a partir da linha nº 120 com os hashes recalculados" in r.mensagem()


def test_reescrita_sem_copia_aponta_o_intervalo(base_movimentada):
    for c in copias.listar_copias(base_movimentada):
        c.caminho.unlink()
        c.arquivo_chaves.unlink()
    doc = base_movimentada.db.execute("SELECT ancora_seq FROM documentos").fetchone()[0]
    with atacante(base_movimentada) as con:
        con.execute("UPDATE diario SET usuario = 'outra pessoa' WHERE seq = ?", [doc + 5])
        _recalcular_desde(con, doc + 5)
    r, achados = _achados(base_movimentada, "reescrita")
    fim = _ultima(base_movimentada)
    assert achados == [("reescrita", fim)]
    assert f"em alguma linha entre a nº {doc + 1} e a nº {fim}" in r.mensagem()


def test_forjar_uma_linha_no_fim(base_movimentada):
    fim = _ultima(base_movimentada)
    with atacante(base_movimentada) as con:
        ultima = _linha(con, fim)
        forjada = {**ultima, "seq": fim + 1, "usuario": "admin", "tabela": "usuarios", "acao": "evento",
                   "registro_id": "x", "antes": None, "depois": json.dumps({"evento": "nada"}),
                   "hash_anterior": ultima["hash"]}
        forjada["hash"] = calcular_hash(forjada)
        con.execute(f"INSERT INTO diario ({', '.join(forjada)}) VALUES ({', '.join('?' * len(forjada))})",
                    list(forjada.values()))
    r, achados = _achados(base_movimentada, "forjada")
    assert achados == [("forjada", fim + 1)]
    assert f"linha(s) nº {fim + 1} depois da âncora mais recente" in r.mensagem()

    # O usuário entra de novo (o Paço grava e ancora): a linha forjada não some na corrente.
    base_movimentada.fechar()
    s = acesso.entrar(base_movimentada.base.caminho, "admin", SENHA_ADMIN)
    try:
        assert _ultima(s) > fim + 1
        r, achados = _achados(s, "forjada")
        assert achados == [("forjada", fim + 1)]
        assert f"a linha nº {fim + 1} entraram no diário sem passar pelo Paço" in r.mensagem()
    finally:
        s.fechar()


def test_editar_uma_tabela_de_dados_por_fora(base_movimentada):
    seq = base_movimentada.db.execute(
        "SELECT seq FROM diario WHERE tabela = 'configuracoes' AND registro_id = 'c-0120'").fetchone()[0]
    with atacante(base_movimentada) as con:
        con.execute("UPDATE configuracoes SET valor = 'adulterado' WHERE chave = 'c-0120'")
    r, achados = _achados(base_movimentada, "dados_alterada")
    assert achados == [("dados_alterada", seq)]
    assert ("a linha c-0120 da tabela configuracoes foi alterada por fora do Paço (campos valor diferentes "
            f"da última imagem no diário, linha nº {seq})") in r.mensagem()
    assert "adulterado" not in r.mensagem()  # nomes de campos, nunca valores


def test_apagar_e_incluir_linhas_de_dados_por_fora(base_movimentada):
    seq = base_movimentada.db.execute(
        "SELECT seq FROM diario WHERE tabela = 'configuracoes' AND registro_id = 'c-0121'").fetchone()[0]
    with atacante(base_movimentada) as con:
        con.execute("DELETE FROM configuracoes WHERE chave = 'c-0121'")
        con.execute("INSERT INTO configuracoes (chave, valor) VALUES ('intrusa', 'x')")
    r, achados = _achados(base_movimentada, "dados_apagada", "dados_sem_diario")
    assert achados == [("dados_apagada", seq), ("dados_sem_diario", None)]
    assert f"a linha c-0121 da tabela configuracoes foi apagada por fora do Paço" in r.mensagem()
    assert "a linha intrusa da tabela configuracoes não tem registro no diário" in r.mensagem()


def test_ancora_no_arquivo_de_chaves_acompanha_cada_mudanca(base_movimentada):
    arquivo = ArquivoChaves.caminho_para(base_movimentada.base.caminho)
    ancora = json.loads(arquivo.read_text())["ancora"]
    assert ancora["seq"] == _ultima(base_movimentada)
    _gravar(base_movimentada, 1000, 3)
    assert ancoras.aguardar()  # a gravação é feita por uma thread de fundo
    dados = json.loads(arquivo.read_text())
    assert dados["ancora"]["seq"] == _ultima(base_movimentada) == ancora["seq"] + 3  # 3 linhas, 1 transação
    assert "admin" in dados["usuarios"]  # o resto do arquivo intacto (formato paco-chaves/2)
    assert ArquivoChaves.ler(base_movimentada.base.caminho).abrir("admin", SENHA_ADMIN).chaves["geral"] == \
        base_movimentada.base.chave


def test_restaurar_uma_copia_antiga_nao_e_adulteracao(base_movimentada):
    """Voltar a uma cópia (decisão do administrador) não vira alarme: as cópias feitas depois dela são
    de outra linha do tempo; o que se grava depois da restauração confere com as âncoras novas."""
    antiga = copias.listar_copias(base_movimentada)[-1].caminho  # a do meio do movimento
    _gravar(base_movimentada, 2000, 30)
    copias.fazer_copia(base_movimentada)  # cópia da história que vai ser abandonada
    caminho = base_movimentada.base.caminho
    base_movimentada.fechar()
    copias.restaurar(caminho, antiga, login="admin", senha=SENHA_ADMIN)
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        _gravar(s, 3000, 25)
        copias.fazer_copia(s)
        r = integridade.verificar(s)
        assert r.ok, r.mensagem()
        assert r.abandonadas == 1
        assert "1 âncora(s) de cópias feitas antes da última restauração" in r.mensagem()
        # e um ataque depois da restauração continua acusado
        with atacante(s) as con:
            con.execute("UPDATE diario SET usuario = 'intruso' WHERE seq = 10")
        assert [(a.tipo, a.seq) for a in integridade.verificar(s).achados] == [("alterada", 10)]
    finally:
        s.fechar()


def test_progresso_e_cancelamento(base_movimentada):
    vistos = []
    integridade.verificar(base_movimentada, lambda feito, total, texto: vistos.append((feito, total, texto)))
    assert vistos and all(t == 100 for _f, t, _x in vistos)
    assert [f for f, _t, _x in vistos] == sorted(f for f, _t, _x in vistos)
    assert vistos[0][2] == "Diário: conferindo a corrente de hashes…"
    assert any("tabela" in x for _f, _t, x in vistos)

    class Cancelado(Exception):
        pass

    def cancelar(*_):
        raise Cancelado()

    with pytest.raises(Cancelado):
        integridade.verificar(base_movimentada, cancelar)
