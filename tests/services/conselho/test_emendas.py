"""Emendas a um caso gravado: incluir pessoas e violações, corrigir nome e filiação, hora real da chamada.

Cada emenda grava a mudança, o histórico (com o motivo) e o diário sigiloso numa transação; o diário geral
não recebe conteúdo; a consulta do MP/juízo é recusada abaixo da tela; a entrada ruim não grava nada.
"""
from datetime import datetime, timedelta

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services import auditoria
from desktop.services.conselho import atendimentos, emendas
from desktop.services.sessao import ErroNegocio, SemPermissao

NOME = "Kauã Matheus Tavares"


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


@pytest.fixture
def caso(ct):
    return atendimentos.registrar_atendimento(ct, {
        "tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Centro", "plantao": False,
        "origem": "telefone", "relato": "Criança sozinha.",
        "criancas": [{"nome": "Kaua Mateus Tavares", "nascimento": "2016-04-02", "sexo": "M"}],
        "violacoes": [{"especifico": "CFC.3.1", "agente": "pais_responsaveis"}]})


def _contar(db, tabela):
    return db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]


def test_incluir_crianca_familiar_e_violacao_com_historico_e_busca(ct, caso):
    a = emendas.incluir_crianca(ct, caso["id"], {"nome": "Yasmin Tavares", "nascimento": "2020-01-10", "sexo": "F",
                                                 "mae": "Rosa  Tavares"}, "irmã encontrada na diligência")
    assert [c["nome"] for c in a["criancas"]] == ["Kaua Mateus Tavares", "Yasmin Tavares"]
    assert a["criancas"][1]["mae"] == "Rosa Tavares"
    a = emendas.incluir_familiar(ct, caso["id"], {"nome": "Rosa Tavares", "vinculo": "mãe", "telefone": "92 9999"},
                                 "mãe identificada")
    a = emendas.incluir_violacao(ct, caso["id"], {"especifico": "LRD.5.3", "agente": "familiares",
                                                   "descricao": "tio"}, "relato da escola")
    v = a["violacoes"][-1]
    assert (v["direito"], v["grupo"], v["especifico"], v["agente"]) == (
        "liberdade_respeito_dignidade", "LRD.5", "LRD.5.3", "familiares")
    h = emendas.historico(ct, caso["id"])
    assert [x["tipo"] for x in h] == ["crianca_incluida", "familiar_incluido", "violacao_incluida"]
    assert h[0]["motivo"] == "irmã encontrada na diligência" and h[0]["depois"]["nome"] == "Yasmin Tavares"
    assert all(x["conselheiro_id"] for x in h)
    # a busca acha pelos nomes incluídos
    assert [l["id"] for l in atendimentos.listar_atendimentos(ct, busca="yasmin")] == [caso["id"]]
    assert [l["id"] for l in atendimentos.listar_atendimentos(ct, busca="rosa tavares")] == [caso["id"]]


def test_corrigir_nome_guarda_o_antigo_e_reindexa(ct, caso, sessao_admin):
    crianca = caso["criancas"][0]
    emendas.corrigir_nome(ct, crianca["id"], NOME, "grafia conforme a certidão")
    a = atendimentos.obter_atendimento(ct, caso["id"])
    assert a["criancas"][0]["nome"] == NOME
    h = emendas.historico(ct, caso["id"])
    assert h[-1]["antes"] == {"nome": "Kaua Mateus Tavares"} and h[-1]["depois"] == {"nome": NOME}
    assert atendimentos.listar_atendimentos(ct, busca="Kauã Matheus")[0]["id"] == caso["id"]
    assert atendimentos.listar_atendimentos(ct, busca="Mateus") == []
    # diário sigiloso tem a alteração; o geral não tem conteúdo (nem o nome antigo nem o novo)
    sig = ct.db.execute("SELECT tabela, acao FROM sigilo.diario WHERE registro_id = ?", [crianca["id"]]).fetchall()
    assert ("conselho_criancas", "alterar") in sig
    geral = repr(auditoria.listar_diario(sessao_admin, limite=100000))
    assert NOME not in geral and "Kaua" not in geral
    with pytest.raises(EntradaInvalida, match="igual"):
        emendas.corrigir_nome(ct, crianca["id"], NOME, "de novo")


def test_hora_real_da_chamada(ct, caso):
    real = datetime(2026, 3, 6, 21, 50)
    a = emendas.definir_momento_da_chamada(ct, caso["id"], real, "a denúncia chegou antes; gravado depois")
    assert a["recebido_em"] == "2026-03-06T21:50" and a["criado_em"] == caso["criado_em"]  # a gravação não muda
    assert a["numero"] == caso["numero"] and a["busca_rowid"] != caso["busca_rowid"]
    assert ct.db.execute("SELECT count(*) FROM conselho_busca WHERE rowid = ?", [caso["busca_rowid"]]).fetchone()[0] == 0
    assert atendimentos.listar_atendimentos(ct, busca="Tavares")[0]["id"] == caso["id"]
    h = emendas.historico(ct, caso["id"])[-1]
    assert h["antes"] == {"recebido_em": "2026-03-06T22:30"} and h["depois"] == {"recebido_em": "2026-03-06T21:50"}
    gravado = datetime.fromisoformat(a["criado_em"]).astimezone().replace(tzinfo=None)
    with pytest.raises(EntradaInvalida, match="depois da gravação|futuro"):
        emendas.definir_momento_da_chamada(ct, caso["id"], gravado + timedelta(minutes=5), "depois")
    with pytest.raises(EntradaInvalida, match="futuro"):
        emendas.definir_momento_da_chamada(ct, caso["id"], datetime.now() + timedelta(days=1), "amanhã")


def test_reclassificar_registro_anterior_a_tabela(ct, caso):
    # um registro antigo só com o direito fundamental (migração: grupo e específico vazios)
    v = caso["violacoes"][0]
    ct.db.execute("UPDATE conselho_violacoes SET grupo = NULL, especifico = NULL WHERE id = ?", [v["id"]])
    novo = emendas.reclassificar_violacao(ct, v["id"], "CFC.2.2", "pais_responsaveis", "classificação SIPIA CT")
    assert (novo["direito"], novo["grupo"], novo["especifico"]) == ("convivencia_familiar", "CFC.2", "CFC.2.2")
    assert emendas.historico(ct, caso["id"])[-1]["antes"]["especifico"] is None


@pytest.mark.parametrize("acao, mensagem", [
    (lambda ct, a: emendas.incluir_crianca(ct, a["id"], {"nome": "X"}, "motivo"), "nome da criança"),
    (lambda ct, a: emendas.incluir_crianca(ct, a["id"], {"nome": "Ana Lu", "nascimento": "2030-01-01"}, "motivo"),
     "posterior"),
    (lambda ct, a: emendas.incluir_crianca(ct, a["id"], {"nome": "Ana Lu"}, ""), "motivo"),
    (lambda ct, a: emendas.incluir_violacao(ct, a["id"], {"especifico": "CFC.9.9", "agente": "estado"}, "motivo"),
     "SIPIA CT"),
    (lambda ct, a: emendas.incluir_violacao(ct, a["id"], {"especifico": "CFC.1.2", "agente": "ninguem"}, "motivo"),
     "Agente"),
    (lambda ct, a: emendas.incluir_familiar(ct, a["id"], {"nome": " "}, "motivo"), "nome do familiar"),
])
def test_entrada_ruim_nao_grava_nada(ct, caso, acao, mensagem):
    antes = {t: _contar(ct.db, t) for t in ("conselho_criancas", "conselho_violacoes", "conselho_familiares",
                                            "conselho_emendas", "sigilo.diario")}
    with pytest.raises(EntradaInvalida, match=mensagem):
        acao(ct, caso)
    assert {t: _contar(ct.db, t) for t in antes} == antes


def test_consulta_do_mp_e_recusada_abaixo_da_tela(ct, caso, entrar):
    mp = entrar("mp", "consulta")
    assert atendimentos.obter_atendimento(mp, caso["id"])["numero"] == caso["numero"]  # lê
    assert emendas.historico(mp, caso["id"]) == []
    crianca = caso["criancas"][0]["id"]
    for acao in (lambda: emendas.incluir_crianca(mp, caso["id"], {"nome": "Ana Lu"}, "motivo"),
                 lambda: emendas.incluir_familiar(mp, caso["id"], {"nome": "Ana Lu"}, "motivo"),
                 lambda: emendas.incluir_violacao(mp, caso["id"], {"especifico": "CFC.1.2", "agente": "estado"}, "m"),
                 lambda: emendas.corrigir_nome(mp, crianca, "Outro Nome", "motivo"),
                 lambda: emendas.corrigir_filiacao(mp, crianca, mae="Maria", motivo="motivo"),
                 lambda: emendas.definir_momento_da_chamada(mp, caso["id"], datetime(2026, 3, 6, 20, 0), "m")):
        with pytest.raises(SemPermissao, match="só de leitura"):
            acao()
    assert _contar(ct.db, "conselho_emendas") == 0


def test_historico_nao_se_apaga(ct, caso):
    emendas.incluir_familiar(ct, caso["id"], {"nome": "Rosa Tavares"}, "mãe")
    import sqlcipher3
    with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="não pode ser apagado"):
        ct.db.execute("DELETE FROM conselho_emendas")


def test_csv_do_sipia_traz_o_direito_especifico(ct, caso):
    from desktop.services.conselho import relatorio

    emendas.incluir_violacao(ct, caso["id"], {"especifico": "LRD.5.3", "agente": "familiares"}, "relato da escola")
    texto = relatorio.csv_sipia(ct, 2026, 1)
    assert "direito_especifico" in texto.splitlines()[0]
    assert "Negligência familiar › Omissão no cuidado com a saúde" in texto and "Violência física › Castigo corporal" in texto
    assert "Kaua" not in texto


def test_emendas_conferem_na_verificacao_de_integridade(ct, caso, entrar):
    """Toda mudança de uma emenda está no diário sigiloso: a conferência das tabelas não acusa nada."""
    from desktop.services import integridade

    emendas.incluir_crianca(ct, caso["id"], {"nome": "Yasmin Tavares"}, "irmã")
    emendas.corrigir_nome(ct, caso["criancas"][0]["id"], NOME, "certidão")
    emendas.corrigir_filiacao(ct, caso["criancas"][0]["id"], mae="Rosa Tavares", motivo="certidão")
    emendas.definir_momento_da_chamada(ct, caso["id"], datetime(2026, 3, 6, 21, 0), "hora real")
    v = caso["violacoes"][0]
    emendas.reclassificar_violacao(ct, v["id"], "CFC.2.2", "pais_responsaveis", "classificação")
    r = integridade.verificar(entrar("mp", "consulta"))  # a consulta confere o diário sigiloso
    assert r.ok, r.mensagem()


def test_retirar_familiar_e_violacao_sem_apagar(ct, caso, entrar):
    from desktop.services import integridade
    from desktop.services.conselho import relatorio

    a = emendas.incluir_familiar(ct, caso["id"], {"nome": "Fulano Engano", "vinculo": "tio"}, "informado pela escola")
    f = a["familiares"][0]
    a = emendas.incluir_violacao(ct, caso["id"], {"especifico": "LRD.5.3", "agente": "familiares"}, "relato")
    v = [x for x in a["violacoes"] if x["especifico"] == "LRD.5.3"][0]
    a = emendas.retirar_familiar(ct, f["id"], "não é parente; homônimo")
    a = emendas.retirar_violacao(ct, v["id"], "relato não confirmado na diligência")
    assert a["familiares"] == [] and [x["especifico"] for x in a["violacoes"]] == ["CFC.3.1"]
    # nada se apaga: as linhas ficam marcadas, o histórico guarda quem era e por quê
    assert ct.db.execute("SELECT count(*) FROM conselho_familiares WHERE removido_em IS NOT NULL").fetchone()[0] == 1
    h = emendas.historico(ct, caso["id"])
    assert [x["tipo"] for x in h][-2:] == ["familiar_retirado", "violacao_retirada"]
    assert h[-2]["antes"]["nome"] == "Fulano Engano" and h[-1]["motivo"] == "relato não confirmado na diligência"
    assert atendimentos.listar_atendimentos(ct, busca="Fulano") == []  # sai da busca
    est = relatorio.estatisticas(ct, 2026, 1)
    assert dict(est.por_grupo) == {"CFC.3": 1}  # sai das estatísticas
    assert "Castigo corporal" not in relatorio.csv_sipia(ct, 2026, 1)
    with pytest.raises(ErroNegocio, match="já foi retirado"):
        emendas.retirar_violacao(ct, v["id"], "de novo")
    with pytest.raises(ErroNegocio, match="retirada"):
        emendas.reclassificar_violacao(ct, v["id"], "LRD.5.2", "familiares", "motivo")
    with pytest.raises(SemPermissao, match="só de leitura"):
        emendas.retirar_violacao(entrar("mp", "consulta"), caso["violacoes"][0]["id"], "motivo")
    assert integridade.verificar(entrar("mp2", "consulta")).ok
