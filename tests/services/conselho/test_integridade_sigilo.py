"""Integridade do diário sigiloso: uma sessão do Conselho (ou da consulta) confere também a corrente e as
tabelas do arquivo sigiloso, e a adulteração feita com a chave dele aparece com o número da linha."""
import sqlcipher3

from desktop.services import integridade
from desktop.services.conselho import atendimentos
from desktop.store import sigilo

from .test_atendimentos import caso


def _atacar_sigilo(sessao, *comandos):
    con = sqlcipher3.connect(str(sigilo.caminho_para(sessao.base.caminho)), isolation_level=None)
    con.execute(f"PRAGMA key = \"x'{sessao.base.chave_sigilo.hex()}'\"")
    for (nome,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'diario'").fetchall():
        con.execute(f"DROP TRIGGER {nome}")
    for sql, params in comandos:
        con.execute(sql, params)
    con.close()


def test_adulteracao_no_arquivo_sigiloso_aparece_para_a_consulta(conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, caso())
    atendimentos.registrar_atendimento(ct, caso(bairro="Centro"))
    mp = entrar("mp", "consulta")
    r = integridade.verificar(mp)
    assert r.ok, r.mensagem()
    assert set(r.linhas) == {"main", "sigilo"}

    crianca = a["criancas"][0]["id"]
    seq = mp.db.execute("SELECT seq FROM sigilo.diario WHERE registro_id = ? AND acao = 'inserir'",
                        [crianca]).fetchone()[0]
    _atacar_sigilo(mp, ("UPDATE diario SET usuario = 'intruso' WHERE seq = ?", [seq - 1]),
                   ("UPDATE conselho_criancas SET nome = 'Outro Nome' WHERE id = ?", [crianca]))
    r = integridade.verificar(mp)
    achados = [(a.esquema, a.tipo, a.seq) for a in r.achados]
    assert achados == [("sigilo", "alterada", seq - 1), ("sigilo", "dados_alterada", seq)]
    assert f"Diário sigiloso, linha nº {seq - 1}: a linha nº {seq - 1} foi alterada" in r.mensagem()
    assert f"a linha {crianca} da tabela conselho_criancas foi alterada por fora do Paço (campos nome" in r.mensagem()
    assert "Outro Nome" not in r.mensagem() and "Maria" not in r.mensagem()
