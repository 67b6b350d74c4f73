"""Dois emissores numa instalação (Secretaria e Conselho Tutelar): timbre, CNPJ, chave, feriados e prazos
de cada um; a atualização deixa todo módulo emitindo como o órgão."""
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.rules.validacao import EntradaInvalida
from desktop.services import documentos, emissores, parametros, verificacao
from desktop.services.conselho import comum as conselho_comum
from tests.services.test_documentos import _montar

CNPJ_CONSELHO = "34.028.316/0001-03"


def _texto(pdf):
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def test_atualizacao_deixa_todo_modulo_com_o_orgao(sessao_admin):
    for modulo in emissores.MODULOS:
        assert emissores.do_modulo(sessao_admin.db, modulo).id == emissores.ORGAO
    e = documentos.emitir(sessao_admin, tipo="conselho_oficio", titulo="Ofício", montar=_montar())
    assert "Secretaria Municipal de Educação" in _texto(e.pdf)


def test_dois_emissores_timbres_chaves_feriados_e_prazos(sessao_admin):
    s = sessao_admin
    with pytest.raises(EntradaInvalida, match="CNPJ"):
        emissores.criar(s, nome="Conselho Tutelar", cnpj="11.111.111/1111-11", municipio="Manaus", uf="AM")
    ct = emissores.criar(s, nome="Conselho Tutelar de Manaus — Zona Sul", cnpj=CNPJ_CONSELHO,
                         municipio="Manaus", uf="am", endereco="Rua das Flores, 10")
    emissores.atribuir_modulo(s, "conselho", ct.id)
    emissores.adicionar_signatario(s, ct.id, nome="Joana Prado", cargo="Coordenadora", ato="Portaria 12/2026")
    assert [x["nome"] for x in emissores.signatarios(s.db, ct.id)] == ["Joana Prado"]

    oficio = documentos.emitir(s, tipo="conselho_oficio", titulo="Ofício", montar=_montar())
    declaracao = documentos.emitir(s, tipo="magisterio_declaracao", titulo="Declaração", montar=_montar())
    t_of, t_dec = _texto(oficio.pdf), _texto(declaracao.pdf)
    assert "Conselho Tutelar de Manaus — Zona Sul" in t_of and "Município de Manaus – AM" in t_of
    assert "CNPJ 34.028.316/0001-03 · Rua das Flores, 10" in t_of and "Secretaria Municipal" not in t_of
    assert "Secretaria Municipal de Educação" in t_dec and "Município de Jequié – BA" in t_dec
    # cada emissor assina com a sua chave; a verificação diz quem assinou
    v_of, v_dec = verificacao.verificar_pdf(None, oficio.pdf), verificacao.verificar_pdf(None, declaracao.pdf)
    assert v_of.situacao == v_dec.situacao == "autentico"
    assert "Conselho Tutelar de Manaus" in v_of.mensagem() and "Secretaria Municipal" in v_dec.mensagem()
    assert v_of.conferencia.dados["k"] != v_dec.conferencia.dados["k"]
    assert s.db.execute("SELECT emissor_id FROM documentos WHERE id = ?", [oficio.id]).fetchone()[0] == ct.id

    # feriados e prazos: cada emissor com o seu município e a sua UF
    emissores.adicionar_feriado(s, ct.id, date(2026, 10, 27), "Aniversário de Manaus (teste)")
    parametros.adicionar_feriado_municipal(s, date(2026, 11, 3), "Feriado de Jequié (teste)")
    assert emissores.somar_dias_uteis(s.db, ct.id, date(2026, 10, 26), 1) == date(2026, 10, 28)
    assert emissores.somar_dias_uteis(s.db, emissores.ORGAO, date(2026, 10, 26), 1) == date(2026, 10, 27)
    assert parametros.somar_dias_uteis(s, date(2026, 11, 2), 1) == date(2026, 11, 4)
    assert emissores.somar_dias_uteis(s.db, ct.id, date(2026, 11, 2), 1) == date(2026, 11, 3)
    # 5 de setembro: data magna do Amazonas (feriado estadual), não da Bahia; 2 de julho, o contrário
    util_conselho = conselho_comum.dia_util(s.db)
    assert not util_conselho(date(2026, 10, 27)) and util_conselho(date(2026, 11, 3))
    assert not parametros.eh_dia_util(s, date(2026, 7, 2)) and util_conselho(date(2026, 7, 2))
    assert [f["descricao"] for f in parametros.listar_feriados_municipais(s)] == ["Feriado de Jequié (teste)"]
