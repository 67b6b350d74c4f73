"""Retirar do caso uma criança incluída por engano (issue 14, capacidade 4) e a faixa etária dos grupos do
SIPIA CT na gravação e na reclassificação da violação.

A criança retirada sai da lista do caso, da busca, das estatísticas, do relatório, do CSV do SIPIA e dos
documentos emitidos depois, mas fica no histórico de emendas com o motivo; o caso fica com ao menos uma.
"""
from datetime import datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.rules.validacao import EntradaInvalida
from desktop.services.conselho import atendimentos, decisoes, documentos, emendas, relatorio
from desktop.services.sessao import ErroNegocio, SemPermissao

ENGANO = "Yasmin Engano Tavares"


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


def _caso(ct, criancas, violacoes=("CFC.3.1",), **extra):
    return atendimentos.registrar_atendimento(ct, {
        "tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Centro",
        "criancas": list(criancas), "violacoes": [{"especifico": v, "agente": "pais_responsaveis"} for v in violacoes],
        **extra})


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def _contar(db, sql, args=()):
    return db.execute(sql, list(args)).fetchone()[0]


def test_retirar_crianca_some_de_tudo_menos_do_historico(ct, entrar):
    from desktop.services import integridade

    a = _caso(ct, [{"nome": "Kaua Tavares", "nascimento": "2016-04-02", "sexo": "M"}])
    a = emendas.incluir_crianca(ct, a["id"], {"nome": ENGANO, "nascimento": "2012-05-01", "sexo": "F"},
                                "informada pela escola")
    yasmin = a["criancas"][1]
    assert [l["id"] for l in atendimentos.listar_atendimentos(ct, busca="yasmin")] == [a["id"]]
    assert relatorio.estatisticas(ct, 2026, 1).criancas == 2

    a = emendas.retirar_crianca(ct, yasmin["id"], "homônima: é de outro caso")
    assert [c["nome"] for c in a["criancas"]] == ["Kaua Tavares"]  # sai do caso
    assert atendimentos.listar_atendimentos(ct, busca="yasmin") == []  # sai da busca (FTS)
    assert atendimentos.listar_atendimentos(ct)[0]["criancas"] == "Kaua Tavares"  # e da coluna da lista
    est = relatorio.estatisticas(ct, 2026, 1)
    assert est.criancas == 1 and dict(est.por_sexo) == {"M": 1}  # sai das estatísticas e do relatório
    assert dict(est.por_faixa) == {"6 a 11 anos": 1}  # a de 13 anos não conta mais
    csv = relatorio.csv_sipia(ct, 2026, 1)
    assert len(csv.strip().splitlines()) == 2 and yasmin["id"] not in csv and "2012-05-01" not in csv  # CSV
    # documento emitido depois: o termo de uma medida para o caso não traz a criança retirada
    d = decisoes.registrar_decisao(ct, a["id"], descricao="Orientação à família", motivacao="Relato confirmado",
                                   decidida_em=datetime(2026, 3, 7, 10, 0), medidas=[{"codigo": "101-II"}])
    t = _texto(documentos.emitir_termo_medida(ct, d["id"], "Família Tavares").pdf)
    assert "Kaua Tavares" in t and "Yasmin" not in t
    # uma medida não pode indicar a criança retirada (a lista da tela já não a tem: índice 1 não existe)
    with pytest.raises(EntradaInvalida, match="não está no registro"):
        decisoes.registrar_decisao(ct, a["id"], descricao="Outra", motivacao="m", medidas=[{"codigo": "101-II",
                                                                                             "crianca": 1}])
    # nada se apaga: a linha fica marcada; o histórico guarda quem era e por quê
    assert _contar(ct.db, "SELECT count(*) FROM conselho_criancas WHERE removido_em IS NOT NULL") == 1
    h = emendas.historico(ct, a["id"])
    assert [x["tipo"] for x in h] == ["crianca_incluida", "crianca_retirada"]
    assert h[-1]["antes"]["nome"] == ENGANO and h[-1]["motivo"] == "homônima: é de outro caso"
    assert h[-1]["rotulo"] == "Criança ou adolescente retirado"
    # no diário sigiloso, não no geral
    assert _contar(ct.db, "SELECT count(*) FROM sigilo.diario WHERE tabela = 'conselho_criancas' AND acao = 'alterar' "
                          "AND registro_id = ?", [yasmin["id"]]) == 1
    assert _contar(ct.db, "SELECT count(*) FROM main.diario WHERE registro_id = ?", [yasmin["id"]]) == 0
    # de novo, ou emendar a retirada: recusado
    with pytest.raises(ErroNegocio, match="já foi retirada"):
        emendas.retirar_crianca(ct, yasmin["id"], "de novo")
    with pytest.raises(ErroNegocio, match="retirada"):
        emendas.corrigir_nome(ct, yasmin["id"], "Yasmin Tavares", "grafia")
    with pytest.raises(ErroNegocio, match="retirada"):
        emendas.corrigir_filiacao(ct, yasmin["id"], mae="Rosa Tavares", motivo="certidão")
    assert integridade.verificar(entrar("mp", "consulta")).ok


def test_caso_fica_com_ao_menos_uma_crianca_e_a_consulta_nao_retira(ct, entrar):
    a = _caso(ct, [{"nome": "Kaua Tavares", "nascimento": "2016-04-02"}])
    with pytest.raises(ErroNegocio, match="ao menos uma criança"):
        emendas.retirar_crianca(ct, a["criancas"][0]["id"], "engano")
    with pytest.raises(EntradaInvalida):  # sem motivo, nada
        emendas.retirar_crianca(ct, a["criancas"][0]["id"], "  ")
    with pytest.raises(SemPermissao, match="só de leitura"):
        emendas.retirar_crianca(entrar("mp", "consulta"), a["criancas"][0]["id"], "engano")
    assert _contar(ct.db, "SELECT count(*) FROM conselho_criancas WHERE removido_em IS NOT NULL") == 0
    assert _contar(ct.db, "SELECT count(*) FROM conselho_emendas") == 0


def test_crianca_com_medida_aplicada_nao_sai(ct):
    a = _caso(ct, [{"nome": "Kaua Tavares", "nascimento": "2016-04-02"}, {"nome": ENGANO, "nascimento": "2015-01-01"}],
              medidas=[{"codigo": "101-VII", "crianca": 1}],
              decisao={"descricao": "Acolhimento emergencial", "motivacao": "Risco"}, plantao=True)
    with pytest.raises(ErroNegocio, match="medida do ECA aplicada"):
        emendas.retirar_crianca(ct, a["criancas"][1]["id"], "engano")
    a = emendas.retirar_crianca(ct, a["criancas"][0]["id"], "irmão de outro caso")  # o outro, sem medida, sai
    assert [c["nome"] for c in a["criancas"]] == [ENGANO]


# -- faixa etária do grupo do SIPIA CT ---------------------------------------------------------------------
def test_violacao_fora_da_faixa_do_grupo_recusada_na_gravacao(ct):
    antes = _contar(ct.db, "SELECT count(*) FROM conselho_atendimentos")
    # ECEL.1 (educação infantil) vale de 0 a 5 anos; a criança tinha 9 anos em 06/03/2026
    with pytest.raises(EntradaInvalida, match=r"0 a 5 anos.*9 anos na data do fato"):
        _caso(ct, [{"nome": "Kaua Tavares", "nascimento": "2016-04-02"}], violacoes=["ECEL.1.1"])
    assert _contar(ct.db, "SELECT count(*) FROM conselho_atendimentos") == antes  # nada gravado
    # nascimento no dia seguinte ao fato: 5 anos ainda → cabe
    a = _caso(ct, [{"nome": "Lia Souza", "nascimento": "2020-03-07"}], violacoes=["ECEL.1.1"])
    assert a["violacoes"][0]["grupo"] == "ECEL.1"
    # idade não informada: não há como conferir, grava
    assert _caso(ct, [{"nome": "Caio Lima"}], violacoes=["PPT.2.1"])["violacoes"][0]["grupo"] == "PPT.2"
    # irmãos: basta um na faixa (ECEL.3, ensino médio, 14 a 17)
    a = _caso(ct, [{"nome": "Ana Lima", "nascimento": "2020-01-01"}, {"nome": "Rui Lima", "nascimento": "2010-01-01"}],
              violacoes=["ECEL.3.1"])
    assert a["violacoes"][0]["grupo"] == "ECEL.3"


def test_faixa_na_inclusao_na_reclassificacao_e_na_retirada(ct):
    a = _caso(ct, [{"nome": "Kaua Tavares", "nascimento": "2016-04-02"}])
    with pytest.raises(EntradaInvalida, match="14 a 17 anos"):  # trabalho do adolescente, 9 anos
        emendas.incluir_violacao(ct, a["id"], {"especifico": "PPT.2.1", "agente": "familiares"}, "relato")
    v = a["violacoes"][0]
    with pytest.raises(EntradaInvalida, match="0 a 5 anos"):
        emendas.reclassificar_violacao(ct, v["id"], "ECEL.1.2", "pais_responsaveis", "classificação")
    assert ct.db.execute("SELECT especifico FROM conselho_violacoes WHERE id = ?", [v["id"]]).fetchone()[0] == "CFC.3.1"
    # com a irmã de 4 anos incluída, a creche cabe; retirar a irmã deixaria a violação fora da faixa
    a = emendas.incluir_crianca(ct, a["id"], {"nome": "Lia Tavares", "nascimento": "2021-08-01"}, "irmã")
    emendas.reclassificar_violacao(ct, v["id"], "ECEL.1.2", "pais_responsaveis", "falta de pré-escola")
    with pytest.raises(ErroNegocio, match="fora da faixa etária.*0 a 5 anos"):
        emendas.retirar_crianca(ct, a["criancas"][1]["id"], "engano")
    assert _contar(ct.db, "SELECT count(*) FROM conselho_criancas WHERE removido_em IS NOT NULL") == 0
