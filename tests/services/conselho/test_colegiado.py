"""Colegiado: uma medida só é ratificada por maioria numa sessão com quórum; ata em PDF; termo depois da
ratificação; comunicação do acolhimento ao juiz em 24 horas (ECA, art. 93)."""
from datetime import datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.rules.validacao import EntradaInvalida
from desktop.services.conselho import acolhimento, atendimentos, colegiado, decisoes, documentos
from desktop.services.sessao import ErroNegocio, SemPermissao

from .test_atendimentos import caso


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


@pytest.fixture
def medida(ct):
    """Medida de plantão de sexta, 06/03/2026 22:30, tomada pela conselheira ct1 sozinha."""
    return atendimentos.registrar_atendimento(ct, caso())["decisoes"][0]


SEGUNDA = datetime(2026, 3, 9, 9, 0)


def _decisao(db, decisao_id):
    return dict(zip(("colegiado", "colegiado_em", "sessao_id", "retificacao"), db.execute(
        "SELECT colegiado, colegiado_em, sessao_id, retificacao FROM conselho_decisoes WHERE id = ?",
        [decisao_id]).fetchone()))


def test_sozinha_a_conselheira_nao_ratifica_a_propria_medida(ct, conselho, medida):
    with pytest.raises(EntradaInvalida, match="Sem quórum"):
        colegiado.abrir_sessao(ct, tipo="extraordinaria", realizada_em=datetime(2026, 3, 7, 4, 16),
                               presentes=[conselho[0]])
    with pytest.raises(EntradaInvalida, match="Sem quórum"):
        colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:2])
    assert ct.db.execute("SELECT count(*) FROM conselho_sessoes").fetchone()[0] == 0
    assert _decisao(ct.db, medida["id"])["colegiado"] is None
    assert not hasattr(decisoes, "deliberar")  # não há mais ratificação fora de sessão


def test_ratificada_por_maioria_em_sessao_com_quorum(ct, conselho, medida):
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:3], local="Sede")
    assert s["quorum"] == 3 and s["membros"] == 5 and len(s["presentes"]) == 3
    pauta = colegiado.pauta(ct, s["id"])
    assert [p["decisao_id"] for p in pauta] == [medida["id"]] and pauta[0]["emergencial"]
    assert set(pauta[0]["aptos"]) == set(conselho[:3]) and pauta[0]["medidas"] == ["101-I", "129-VII"]
    with pytest.raises(EntradaInvalida, match="presentes"):  # o ausente não vota
        colegiado.deliberar_item(ct, s["id"], medida["id"], {conselho[0]: "ratificar", conselho[1]: "ratificar",
                                                             conselho[2]: "ratificar", conselho[3]: "ratificar"})
    with pytest.raises(EntradaInvalida, match="cada membro"):  # todo presente apto tem voto ou abstenção
        colegiado.deliberar_item(ct, s["id"], medida["id"], {conselho[0]: "ratificar", conselho[1]: "ratificar"})
    item = colegiado.deliberar_item(ct, s["id"], medida["id"], {conselho[0]: "ratificar", conselho[1]: "ratificar",
                                                                 conselho[2]: "retificar"})
    assert item["resultado"] == "ratificada" and item["contagem"] == {"ratificar": 2, "retificar": 1, "abstencao": 0}
    assert _decisao(ct.db, medida["id"]) == {"colegiado": "ratificada", "colegiado_em": "2026-03-09T09:00",
                                             "sessao_id": s["id"], "retificacao": None}
    votos = dict(ct.db.execute("SELECT conselheiro_id, voto FROM conselho_sessao_votos").fetchall())
    assert votos == {conselho[0]: "ratificar", conselho[1]: "ratificar", conselho[2]: "retificar"}
    assert colegiado.pauta(ct, s["id"]) == []
    assert not [p for p in decisoes.painel_prazos(ct, SEGUNDA) if p["tipo"] == "ratificacao"]
    with pytest.raises(ErroNegocio, match="já foi ratificada"):
        colegiado.deliberar_item(ct, s["id"], medida["id"], {c: "ratificar" for c in conselho[:3]})
    # no diário sigiloso, nunca no geral
    assert ct.db.execute("SELECT count(*) FROM sigilo.diario WHERE tabela = 'conselho_sessao_itens'").fetchone()[0] == 1
    assert ct.db.execute("SELECT count(*) FROM main.diario WHERE tabela LIKE 'conselho_sess%'").fetchone()[0] == 0


def test_sem_maioria_volta_a_pauta_e_retificacao_exige_texto(ct, conselho, medida):
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:4])
    item = colegiado.deliberar_item(ct, s["id"], medida["id"], {conselho[0]: "ratificar", conselho[1]: "ratificar",
                                                                 conselho[2]: "retificar", conselho[3]: "abstencao"})
    assert item["resultado"] == "sem_maioria"  # 2 de 4 não é maioria
    assert _decisao(ct.db, medida["id"])["colegiado"] is None
    s2 = colegiado.abrir_sessao(ct, tipo="extraordinaria", realizada_em=datetime(2026, 3, 10, 14, 0),
                                presentes=conselho[:3])
    assert [p["decisao_id"] for p in colegiado.pauta(ct, s2["id"])] == [medida["id"]]
    with pytest.raises(EntradaInvalida, match="descreva a retificação"):
        colegiado.deliberar_item(ct, s2["id"], medida["id"], {c: "retificar" for c in conselho[:3]})
    colegiado.deliberar_item(ct, s2["id"], medida["id"], {c: "retificar" for c in conselho[:3]},
                             "Entrega ao pai, não à avó")
    d = _decisao(ct.db, medida["id"])
    assert d["colegiado"] == "retificada" and d["retificacao"] == "Entrega ao pai, não à avó"


def test_impedido_nao_vota_e_o_item_fica_sem_quorum(ct, conselho, entrar, medida):
    ct2 = entrar("ct2", "conselheiro_tutelar", conselho[1])
    decisoes.declarar_impedimento(ct2, medida["atendimento_id"], "impedimento", "A mãe é prima (art. 44, I)")
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:3])
    assert colegiado.pauta(ct, s["id"])[0]["impedidos"] == ["Bruno Carvalho Lima"]
    assert colegiado.pauta(ct2, s["id"]) == []  # o impedido nem vê o item
    with pytest.raises(EntradaInvalida, match="Sem quórum"):
        colegiado.deliberar_item(ct, s["id"], medida["id"], {conselho[0]: "ratificar", conselho[2]: "ratificar"})


def test_so_membros_em_exercicio_e_sessao_no_passado(ct, conselho):
    with pytest.raises(EntradaInvalida, match="não estava em exercício"):  # suplente não convocado
        colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=[conselho[0], conselho[1], conselho[5]])
    with pytest.raises(EntradaInvalida, match="futuras"):
        colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=datetime(2099, 1, 5, 9), presentes=conselho[:3])
    with pytest.raises(EntradaInvalida, match="entre os presentes"):
        colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[1:4])


def test_ata_em_pdf_e_termo_depois_da_ratificacao(ct, conselho, medida, entrar, sessao_admin):
    antes = documentos.emitir_termo_medida(ct, medida["id"], "Josefa da Conceição")
    assert "sujeita a ratificação" in _texto(antes.pdf)
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:3], local="Sede")
    colegiado.deliberar_item(ct, s["id"], medida["id"], {c: "ratificar" for c in conselho[:3]})
    ata = colegiado.encerrar_sessao(ct, s["id"], datetime(2026, 3, 9, 10, 30))
    texto = _texto(ata.pdf)
    for trecho in ("Ata de sessão do colegiado", "Sessão ordinária de 09/03/2026 às 09:00", "às 09:00",
                   "Ana Beatriz Souza", "Bruno Carvalho Lima", "Carla Dias Moreira", "3 dos 5 membros",
                   "Atendimento nº 1/2026", "Entrega à avó materna mediante termo", "Ratificada",
                   "3 por ratificar", "encerrada às 10:30"):
        assert trecho in texto, trecho
    assert "Maria José" not in texto  # a ata não repete o nome da criança (art. 21 §5º)
    linha = ct.db.execute("SELECT situacao, ata_documento_id FROM conselho_sessoes WHERE id = ?", [s["id"]]).fetchone()
    assert linha == ("encerrada", ata.id)
    assert ct.db.execute("SELECT dominio FROM documentos WHERE id = ?", [ata.id]).fetchone()[0] == "conselho_caso"
    assert ct.db.execute("SELECT count(*) FROM sigilo.documentos_pdf WHERE documento_id = ?", [ata.id]).fetchone()[0] == 1
    with pytest.raises(ErroNegocio, match="encerrada"):
        colegiado.deliberar_item(ct, s["id"], medida["id"], {c: "ratificar" for c in conselho[:3]})
    depois = _texto(documentos.emitir_termo_medida(ct, medida["id"], "Josefa da Conceição").pdf)
    assert "sujeita a ratificação" not in depois
    assert "RATIFICADA pelo colegiado em 09/03/2026, em sessão com quórum" in depois
    # a consulta (MP) lê a sessão, não registra; o administrador nem lê
    mp = entrar("mp", "consulta")
    assert colegiado.obter_sessao(mp, s["id"])["itens"][0]["resultado"] == "ratificada"
    with pytest.raises(SemPermissao):
        colegiado.abrir_sessao(mp, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:3])
    with pytest.raises(SemPermissao):
        colegiado.sessoes(sessao_admin)


def test_acolhimento_comunicado_ao_juiz_em_24_horas(ct, conselho):
    a = atendimentos.registrar_atendimento(ct, caso(medidas=[{"codigo": "101-VII", "crianca": 0}],
                                                    decisao={"descricao": "Acolhimento emergencial",
                                                             "motivacao": "Sem responsável"}))
    d = a["decisoes"][0]  # sexta 06/03/2026 22:30: comunicar ao juiz até sábado 22:30 (ECA, art. 93)
    juizo = [p for p in decisoes.painel_prazos(ct, datetime(2026, 3, 7, 9, 0)) if p["tipo"] == "juizo"]
    assert [(p["limite"], p["situacao"]) for p in juizo] == [("2026-03-07T22:30:00", "vence_hoje")]
    vencido = [p for p in decisoes.painel_prazos(ct, datetime(2026, 3, 7, 23, 0)) if p["tipo"] == "juizo"]
    assert vencido[0]["situacao"] == "vencido" and "art. 93" in vencido[0]["descricao"]
    assert [x["id"] for x in acolhimento.acolhimentos(ct, datetime(2026, 3, 7, 23, 0), so_vencidos=True)] == [d["id"]]
    with pytest.raises(EntradaInvalida, match="ofício"):
        acolhimento.registrar_comunicacao_juizo(ct, d["id"], comunicada_em=datetime(2026, 3, 8, 8, 0), oficio=" ")
    with pytest.raises(EntradaInvalida, match="anterior à decisão"):
        acolhimento.registrar_comunicacao_juizo(ct, d["id"], comunicada_em=datetime(2026, 3, 6, 20, 0), oficio="1/2026")
    outro = atendimentos.registrar_atendimento(ct, caso())["decisoes"][0]
    with pytest.raises(ErroNegocio, match="não aplicou acolhimento"):
        acolhimento.registrar_comunicacao_juizo(ct, outro["id"], comunicada_em=datetime(2026, 3, 8, 8, 0), oficio="1")
    c = acolhimento.registrar_comunicacao_juizo(ct, d["id"], comunicada_em=datetime(2026, 3, 8, 8, 0),
                                                oficio="Ofício nº 12/2026-CT", juizo="Vara única de Itapiranga")
    assert ct.db.execute("SELECT comunicada_em, oficio FROM conselho_comunicacoes_juizo WHERE id = ?",
                         [c["id"]]).fetchone() == ("2026-03-08T08:00", "Ofício nº 12/2026-CT")
    assert not [p for p in decisoes.painel_prazos(ct, datetime(2026, 3, 9, 9, 0)) if p["tipo"] == "juizo"]
    situacoes = {x["id"]: x["situacao"] for x in acolhimento.acolhimentos(ct, datetime(2026, 3, 9, 9, 0))}
    assert situacoes == {d["id"]: "cumprido_com_atraso"}  # 08/03 08:00 passou das 24 h
    with pytest.raises(ErroNegocio, match="já foi registrada"):
        acolhimento.registrar_comunicacao_juizo(ct, d["id"], comunicada_em=datetime(2026, 3, 8, 9, 0), oficio="2")


def test_termo_sujeito_a_ratificacao_fica_substituido_pelo_termo_da_sessao(ct, conselho, medida, sessao_admin):
    """Ratificada em sessão com quórum, o termo emitido no plantão ('sujeita a ratificação') fica substituído
    (quem, quando, por quê) e o termo novo, que diz RATIFICADA, é o que vale em seu lugar; sem maioria, nada muda."""
    from desktop.services.documentos import verificar_pdf

    velho = documentos.emitir_termo_medida(ct, medida["id"], "Josefa da Conceição")
    assert verificar_pdf(sessao_admin, velho.pdf).situacao == "autentico"
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:4])
    colegiado.deliberar_item(ct, s["id"], medida["id"], {conselho[0]: "ratificar", conselho[1]: "ratificar",
                                                         conselho[2]: "retificar", conselho[3]: "abstencao"})
    assert verificar_pdf(sessao_admin, velho.pdf).situacao == "autentico"  # sem maioria: o termo segue valendo
    s2 = colegiado.abrir_sessao(ct, tipo="extraordinaria", realizada_em=datetime(2026, 3, 10, 14, 0),
                                presentes=conselho[:3])
    colegiado.deliberar_item(ct, s2["id"], medida["id"], {c: "ratificar" for c in conselho[:3]})
    v = verificar_pdf(sessao_admin, velho.pdf)
    assert v.situacao == "substituido" and v.substituto is None
    assert "RATIFICADA pelo colegiado em sessão de 10/03/2026" in v.documento["motivo_substituicao"]
    assert v.documento["substituido_por"] == "ct1" and v.documento["substituido_em"]
    assert "ainda não foi emitido" in v.mensagem()
    assert "Maria" not in repr(v.documento) and "Josefa" not in repr(v.documento)  # o registro geral só leva ids
    novo = documentos.emitir_termo_medida(ct, medida["id"], "Josefa da Conceição")
    assert "RATIFICADA pelo colegiado em 10/03/2026" in _texto(novo.pdf)
    v = verificar_pdf(sessao_admin, velho.pdf)
    assert v.situacao == "substituido" and v.substituto["id"] == novo.id
    assert f"código {novo.codigo}" in v.mensagem()
    assert verificar_pdf(sessao_admin, novo.pdf).situacao == "autentico"


def test_termo_substituido_tambem_na_retificacao(ct, conselho, medida, sessao_admin):
    from desktop.services.documentos import verificar_pdf

    velho = documentos.emitir_termo_medida(ct, medida["id"], "Josefa da Conceição")
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=SEGUNDA, presentes=conselho[:3])
    colegiado.deliberar_item(ct, s["id"], medida["id"], {c: "retificar" for c in conselho[:3]}, "Entrega ao pai")
    assert "RETIFICADA" in verificar_pdf(sessao_admin, velho.pdf).documento["motivo_substituicao"]
    novo = documentos.emitir_termo_medida(ct, medida["id"], "Josefa da Conceição")
    assert "RETIFICADA pelo colegiado em 09/03/2026, em sessão com quórum (Lei 320/2023, art. 21): Entrega ao pai" \
        in _texto(novo.pdf)
    assert verificar_pdf(sessao_admin, velho.pdf).substituto["id"] == novo.id
