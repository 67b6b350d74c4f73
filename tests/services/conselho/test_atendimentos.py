"""Atendimentos: registro completo, recusas sem gravar nada, busca, decisões com prazos, sigilo e diário de leitura."""
from datetime import date, datetime

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.conselho import atendimentos, colegiado, decisoes, documentos, rascunhos, relatorio
from desktop.services.documentos import verificar_codigo
from desktop.services.sessao import SemPermissao

TABELAS = ("conselho_atendimentos", "conselho_criancas", "conselho_familiares", "conselho_violacoes",
           "conselho_decisoes", "conselho_medidas", "conselho_busca")


def caso(**troca):
    base = {"tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "São João", "plantao": True,
            "origem": "telefone", "relato": "Criança sozinha em casa à noite.",
            "criancas": [{"nome": "Maria José da Conceição", "nascimento": "2016-04-02", "sexo": "F"},
                         {"nome": "Pedro Henrique da Conceição", "nascimento": "2019-01-20", "sexo": "M"}],
            "familiares": [{"nome": "Josefa da Conceição", "vinculo": "mãe"}],
            "violacoes": [{"especifico": "CFC.1.1", "agente": "pais_responsaveis"}],
            "medidas": [{"codigo": "101-I", "crianca": 0}, {"codigo": "129-VII", "destinatario": "Josefa"}],
            "decisao": {"descricao": "Entrega à avó materna mediante termo", "motivacao": "Risco imediato"}}
    return base | troca


def _contagens(db):
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABELAS}


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


@pytest.fixture
def ct2(conselho, entrar):
    return entrar("ct2", "conselheiro_tutelar", conselho[1])


def test_registro_de_plantao_com_prazos(ct, conselho):
    a = atendimentos.registrar_atendimento(ct, caso())
    assert a["numero"] == 1 and a["ano"] == 2026 and len(a["criancas"]) == 2 and len(a["medidas"]) == 2
    d = a["decisoes"][0]
    assert d["emergencial"] == 1 and d["ratificar_ate"] == "2026-03-09"  # sexta à noite -> segunda (art. 21 §1º)
    assert d["comunicar_ate"] == "2026-03-09T18:00"  # 48 h caem no domingo -> fim do expediente de segunda (§2º)
    painel = decisoes.painel_prazos(ct, datetime(2026, 3, 9, 19, 0))
    assert {(p["tipo"], p["situacao"]) for p in painel} == {("comunicacao", "vencido"), ("ratificacao", "vence_hoje")}
    painel = decisoes.painel_prazos(ct, datetime(2026, 3, 7, 10, 0))
    assert {p["situacao"] for p in painel} == {"no_prazo"}
    assert decisoes.painel_prazos(ct, datetime(2026, 3, 7, 10, 0), incluir_no_prazo=False) == []
    # A ratificação é do colegiado, em sessão com quórum (Lei 320/2023, art. 21; issue 14).
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=datetime(2026, 3, 9, 9, 0), presentes=conselho[:3])
    colegiado.deliberar_item(ct, s["id"], d["id"], {cid: "ratificar" for cid in conselho[:3]})
    decisoes.registrar_comunicacao(ct, d["id"], "Josefa da Conceição (mãe)", datetime(2026, 3, 9, 11, 0))
    r = decisoes.registrar_requisicao(ct, a["id"], orgao="CRAS São João", servico="Acompanhamento familiar (PAIF)",
                                      emitida_em=date(2026, 3, 9))
    assert r["prazo"] == "2026-03-19"
    assert [p["tipo"] for p in decisoes.painel_prazos(ct, datetime(2026, 3, 10, 9, 0))] == ["requisicao"]


@pytest.mark.parametrize("troca, mensagem", [
    ({"criancas": []}, "ao menos uma criança"),
    ({"criancas": [{"nome": "Ana", "nascimento": "2026-05-01"}]}, "posterior"),
    ({"criancas": [{"nome": "Ana", "nascimento": "1980-05-01"}]}, "21 anos"),
    ({"criancas": [{"nome": "Ana", "nascimento": "2016-02-30"}]}, "data inválida"),
    ({"medidas": [{"codigo": "129-X"}]}, "ECA"),
    ({"medidas": [{"codigo": "101-VIII"}]}, "ECA"),
    ({"violacoes": [{"especifico": "XX.9.9", "agente": "estado"}]}, "tabela do SIPIA CT"),
    ({"violacoes": [{"direito": "convivencia_familiar", "agente": "estado"}]}, "direito específico"),  # só o grupo amplo: recusado (issue 14)
    ({"decisao": None}, "colegiado"),
])
def test_entrada_ruim_recusada_sem_gravar_nada(ct, troca, mensagem):
    antes = _contagens(ct.db)
    with pytest.raises(EntradaInvalida, match=mensagem):
        atendimentos.registrar_atendimento(ct, caso(**troca))
    assert _contagens(ct.db) == antes


def test_busca_por_nome_e_bairro(ct):
    atendimentos.registrar_atendimento(ct, caso())
    atendimentos.registrar_atendimento(ct, caso(bairro="Centro", criancas=[{"nome": "João Ávila"}], familiares=[]))
    assert len(atendimentos.listar_atendimentos(ct, busca="conceicao")) == 1  # sem acento acha
    assert len(atendimentos.listar_atendimentos(ct, busca="jo")) == 2        # prefixo: José, João, Josefa
    assert [l["bairro"] for l in atendimentos.listar_atendimentos(ct, busca="centro", campo="bairro")] == ["Centro"]
    assert atendimentos.listar_atendimentos(ct, busca="Centro") == []          # "Centro" não é nome


def _leituras(db):
    return db.execute("SELECT count(*) FROM sigilo.diario WHERE tabela = 'conselho_atendimentos' AND acao = 'evento'").fetchone()[0]


def test_sigilo_em_todos_os_caminhos(sessao_admin, ct, ct2, entrar, conselho):
    a = atendimentos.registrar_atendimento(ct, caso())
    dec = a["decisoes"][0]
    sessao_col = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=datetime(2026, 3, 9, 9),
                                        presentes=conselho[:3])
    req = decisoes.registrar_requisicao(ct, a["id"], orgao="CRAS", servico="PAIF", emitida_em=date(2026, 3, 9))
    folha = entrar("rh", "folha_rh")
    consulta = entrar("mp", "consulta")
    caminhos_leitura = [
        lambda s: atendimentos.obter_atendimento(s, a["id"]),
        lambda s: atendimentos.listar_atendimentos(s),
        lambda s: atendimentos.listar_atendimentos(s, busca="maria"),
        lambda s: decisoes.painel_prazos(s),
        lambda s: relatorio.csv_sipia(s, 2026, 1),
    ]
    caminhos_escrita = [
        lambda s: atendimentos.registrar_atendimento(s, caso()),
        lambda s: atendimentos.alterar_situacao(s, a["id"], "acompanhamento"),
        lambda s: decisoes.registrar_decisao(s, a["id"], descricao="x", motivacao="y"),
        lambda s: colegiado.deliberar_item(s, sessao_col["id"], dec["id"], {}),
        lambda s: decisoes.registrar_comunicacao(s, dec["id"], "mãe"),
        lambda s: decisoes.registrar_requisicao(s, a["id"], orgao="CRAS", servico="PAIF"),
        lambda s: decisoes.responder_requisicao(s, req["id"], "ok"),
        lambda s: decisoes.registrar_encaminhamento(s, a["id"], "CAPS"),
        lambda s: decisoes.registrar_acompanhamento(s, a["id"], "Visita"),
        lambda s: decisoes.declarar_impedimento(s, a["id"], "suspeicao", ""),
        lambda s: documentos.emitir_notificacao(s, a["id"], "Josefa", datetime(2026, 3, 12, 9)),
        lambda s: documentos.emitir_oficio(s, a["id"], "Josefa", "Decisão", "Texto"),
        lambda s: documentos.emitir_requisicao(s, req["id"]),
        lambda s: documentos.emitir_termo_medida(s, dec["id"], "Josefa"),
        lambda s: rascunhos.salvar_rascunho(s, {"relato": "x"}),
        lambda s: rascunhos.restaurar_rascunho(s),
    ]
    for s in (sessao_admin, folha):  # administrador e folha: nunca
        for caminho in caminhos_leitura + caminhos_escrita:
            with pytest.raises(SemPermissao):
                caminho(s)
    for caminho in caminhos_escrita:  # consulta (MP, juízo): só lê
        with pytest.raises(SemPermissao):
            caminho(consulta)
    antes = _leituras(ct.db)
    for caminho in caminhos_leitura:
        caminho(consulta)
    assert _leituras(ct.db) == antes + len(caminhos_leitura)  # cada leitura no diário
    linha = ct.db.execute("SELECT usuario, depois FROM sigilo.diario WHERE tabela = 'conselho_atendimentos' AND acao = 'evento' "
                          "AND registro_id = ? ORDER BY seq DESC LIMIT 1", [a["id"]]).fetchone()
    assert linha[0] == "mp" and "abrir" in linha[1]
    # o impedido (art. 44) não vê nem age; o caso some da lista e do painel dele
    decisoes.declarar_impedimento(ct2, a["id"], "impedimento", "A mãe é prima do conselheiro (art. 44, I)")
    for caminho in [caminhos_leitura[0]] + caminhos_escrita[1:4] + caminhos_escrita[10:14]:
        with pytest.raises(SemPermissao, match="art. 44"):
            caminho(ct2)
    assert atendimentos.listar_atendimentos(ct2) == []
    assert decisoes.painel_prazos(ct2) == []
    assert "Maria" not in relatorio.csv_sipia(ct2, 2026, 1)
    # o conselheiro que atende segue vendo e emitindo documentos verificáveis
    e = documentos.emitir_termo_medida(ct, dec["id"], "Josefa da Conceição")
    assert verificar_codigo(ct, e.codigo).situacao == "autentico"


def test_alterar_situacao_no_diario_sigiloso_e_caso_inexistente_recusado(ct):
    from desktop.services.sessao import ErroNegocio
    a = atendimentos.registrar_atendimento(ct, caso())
    novo = atendimentos.alterar_situacao(ct, a["id"], "arquivado")
    assert novo["situacao"] == "arquivado"
    ultima = ct.db.execute("SELECT tabela, registro_id, acao, antes, depois FROM sigilo.diario "
                           "ORDER BY seq DESC LIMIT 1").fetchone()
    assert ultima[:3] == ("conselho_atendimentos", a["id"], "alterar")
    assert '"situacao": "aberto"' in ultima[3] and '"situacao": "arquivado"' in ultima[4]
    seq = ct.db.execute("SELECT max(seq) FROM sigilo.diario").fetchone()[0]
    with pytest.raises(ErroNegocio, match="não encontrado"):
        atendimentos.alterar_situacao(ct, "nao-existe", "arquivado")
    assert ct.db.execute("SELECT max(seq) FROM sigilo.diario").fetchone()[0] == seq
