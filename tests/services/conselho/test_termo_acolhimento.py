"""Termo de medida de acolhimento: identifica a criança (nome, nascimento, filiação), diz a situação da
ratificação conforme o que está gravado, e é documento sigiloso (o PDF só no arquivo do sigilo)."""
import hashlib
from datetime import datetime
from io import BytesIO

from pypdf import PdfReader

from desktop.services.conselho import atendimentos, colegiado, decisoes, documentos

NOME, MAE, PAI = "Maria Eduarda Queiroz Batista", "Rosilene Queiroz", "Juarez Batista"


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def test_termo_de_acolhimento_identifica_a_crianca_e_diz_a_ratificacao(conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, {
        "tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 3, 40), "bairro": "Centro", "plantao": True,
        "criancas": [{"nome": "Pedro Batista", "nascimento": "2018-01-01"},
                     {"nome": NOME, "nascimento": "2017-09-14", "sexo": "F", "mae": MAE, "pai": PAI}],
        "violacoes": [{"especifico": "LRD.5.4", "agente": "pais_responsaveis"}],
        "medidas": [{"codigo": "101-VII", "crianca": 1}],
        "decisao": {"descricao": "Acolhimento emergencial na Casa Abrigo", "motivacao": "Agressão grave"}})
    d = a["decisoes"][0]
    e = documentos.emitir_termo_medida(ct, d["id"], "Casa Abrigo Municipal")
    t = _texto(e.pdf)
    assert NOME in t and "14/09/2017" in t and f"mãe: {MAE}" in t and f"pai: {PAI}" in t
    assert "Pedro Batista" not in t  # a medida indica a criança: o termo não expõe o irmão
    assert "sujeita a ratificação do colegiado até 06/03/2026" in t and "RATIFICADA" not in t, t
    assert "art. 101 §3º, I" in t and "art. 93" in t
    # documento sigiloso: o PDF fica no arquivo do sigilo; o registro geral não traz o nome
    guardado = ct.db.execute("SELECT pdf FROM sigilo.documentos_pdf WHERE documento_id = ?", [e.id]).fetchone()[0]
    assert hashlib.sha256(guardado).hexdigest() == e.sha256
    assert ct.db.execute("SELECT count(*) FROM main.documentos_pdf WHERE documento_id = ?", [e.id]).fetchone()[0] == 0
    registro = ct.db.execute("SELECT * FROM main.documentos WHERE id = ?", [e.id]).fetchone()
    assert NOME not in repr(registro) and "Queiroz" not in repr(registro)

    # a ratificação é do colegiado, em sessão com quórum (issue 14: não há mais ratificação fora de sessão)
    s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=datetime(2026, 3, 9, 9, 0), presentes=conselho[:3])
    colegiado.deliberar_item(ct, s["id"], d["id"], {cid: "ratificar" for cid in conselho[:3]})
    t2 = _texto(documentos.emitir_termo_medida(ct, d["id"], "Casa Abrigo Municipal").pdf)
    assert "RATIFICADA pelo colegiado em 09/03/2026" in t2 and "sujeita a ratificação" not in t2


def test_filiacao_desconhecida_e_familiares_do_caso(conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, {
        "tipo": "atendimento", "recebido_em": datetime(2026, 3, 10, 10, 0), "bairro": "Centro",
        "criancas": [{"nome": "Caio Lima"}], "familiares": [{"nome": "Joana Lima", "vinculo": "mãe"}],
        "medidas": [{"codigo": "101-II", "crianca": 0}],
        "decisao": {"descricao": "Acompanhamento", "motivacao": "Pedido da escola"}})
    t = _texto(documentos.emitir_termo_medida(ct, a["decisoes"][0]["id"], "Joana Lima").pdf)
    assert "Caio Lima" in t and "Nascimento não informado" in t and "mãe: Joana Lima" in t
    # decisão individual com medida do art. 101 fora do plantão: também vai ao colegiado (Lei 320/2023, art. 43
    # §ún., XII; issue 14) — o termo diz que ainda depende da sessão
    assert "individual, sujeita a ratificação do colegiado na próxima sessão" in t and "plantão" not in t


def test_emenda_no_nome_substitui_o_termo_emitido(conselho, entrar, sessao_admin):
    """O termo identifica a criança: corrigido o nome (ou a filiação), o termo já emitido fica substituído (não
    apagado) e o novo o substitui; o registro geral não leva conteúdo do caso."""
    from desktop.services.conselho import emendas
    from desktop.services.documentos import verificar_pdf

    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, {
        "tipo": "atendimento", "recebido_em": datetime(2026, 3, 10, 10, 0), "bairro": "Centro",
        "criancas": [{"nome": "Caio Lima", "mae": "Joana Lima"}], "medidas": [{"codigo": "101-II", "crianca": 0}],
        "decisao": {"descricao": "Acompanhamento", "motivacao": "Pedido da escola"}})
    d = a["decisoes"][0]["id"]
    velho = documentos.emitir_termo_medida(ct, d, "Joana Lima")
    assert verificar_pdf(sessao_admin, velho.pdf).situacao == "autentico"
    emendas.corrigir_nome(ct, a["criancas"][0]["id"], "Caio Lima Pereira", "certidão")
    assert verificar_pdf(sessao_admin, velho.pdf).situacao == "substituido"
    linha = sessao_admin.db.execute("SELECT referencia, assunto, motivo_substituicao FROM documentos WHERE id = ?",
                                    [velho.id]).fetchone()
    assert "Caio" not in repr(linha) and "certidão" not in repr(linha)
    novo = documentos.emitir_termo_medida(ct, d, "Joana Lima")
    assert "Caio Lima Pereira" in _texto(novo.pdf)
    assert sessao_admin.db.execute("SELECT substituto_id FROM documentos WHERE id = ?", [velho.id]).fetchone()[0] == novo.id
