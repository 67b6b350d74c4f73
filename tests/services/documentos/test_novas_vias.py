"""Nova via pela tela que emitiu (issue 11): a via seguinte tem o seu PDF guardado e o mesmo número; a via
perdida é cancelada no mesmo ato; corrigir a ficha do servidor substitui o histórico funcional emitido."""
import hashlib
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.rules.validacao import EntradaInvalida
from desktop.services import documentos, documentos_vias
from desktop.services.magisterio import cadastro, documentos as docs_magisterio, folha
from desktop.services.sessao import ErroNegocio

from .test_guarda_substituicao import OUTUBRO, sessao_fechada  # noqa: F401 (fixture)


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages)


def test_nova_via_do_contracheque_tem_o_seu_pdf_e_substitui_a_anterior(sessao_fechada):  # noqa: F811
    s = sessao_fechada
    item = folha.contracheques(s, OUTUBRO)[0]
    v1 = docs_magisterio.emitir_contracheque(s, OUTUBRO, item.contracheque.pessoa_id)
    with pytest.raises(EntradaInvalida, match="motivo"):
        documentos_vias.emitir_nova_via(s, v1.id, "curto")
    v2 = documentos_vias.emitir_nova_via(s, v1.id, "o servidor rasgou a 1ª via no banco")
    assert (v2.numero, v2.ano, v2.via) == (v1.numero, v1.ano, 2) and v2.pdf != v1.pdf
    assert documentos_vias.pdf_emitido(s, v2.id) == v2.pdf
    assert hashlib.sha256(v2.pdf).hexdigest() == v2.sha256
    t = _texto(v2.pdf)
    assert "2ª via" in t and item.servidor.nome in t and item.servidor.matricula in t
    antigo = documentos.verificar_codigo(s, v1.codigo)
    assert antigo.situacao == documentos.SUBSTITUIDO and antigo.substituto["id"] == v2.id
    assert "rasgou" in antigo.mensagem() and v2.codigo in antigo.mensagem()
    assert documentos.verificar_pdf(s, v2.pdf).situacao == documentos.AUTENTICO
    # a via substituída não ganha outra via; a vigente sim, e a perdida é cancelada no mesmo ato
    with pytest.raises(ErroNegocio, match="substituído"):
        documentos_vias.emitir_nova_via(s, v1.id, "pedido repetido por engano")
    v3 = documentos_vias.emitir_nova_via(s, v2.id, "a 2ª via foi perdida pelo servidor", perdida=True)
    assert v3.via == 3
    perdida = documentos.verificar_codigo(s, v2.codigo)
    assert perdida.situacao == documentos.CANCELADO and "extraviada" in perdida.mensagem()
    assert v3.codigo in perdida.documento["motivo_cancelamento"]
    validos = [d for d in documentos_vias.do_assunto(s, docs_magisterio.assunto_competencia(OUTUBRO))
               if not d["cancelado_em"] and not d["substituido_em"]]
    assert [d["id"] for d in validos] == [v3.id]  # só uma via vale de cada vez


def test_nova_via_da_analitica_e_do_lote(sessao_fechada):  # noqa: F811
    s = sessao_fechada
    for emitir in (docs_magisterio.emitir_folha_analitica, docs_magisterio.emitir_lote):
        v1 = emitir(s, OUTUBRO)
        v2 = documentos_vias.emitir_nova_via(s, v1.id, "cópia para o tribunal de contas")
        assert v2.via == 2 and v2.numero == v1.numero and documentos_vias.pdf_emitido(s, v2.id) == v2.pdf


def test_corrigir_a_ficha_substitui_o_historico_emitido(sessao_fechada):  # noqa: F811
    s = sessao_fechada
    servidor_id = folha.contracheques(s, OUTUBRO)[0].contracheque.pessoa_id
    hist = docs_magisterio.emitir_historico(s, servidor_id, date(2026, 10, 1))
    cc = docs_magisterio.emitir_contracheque(s, OUTUBRO, servidor_id)
    cadastro.alterar(s, servidor_id, nome="Maria da Conceição Corrigida")
    v = documentos.verificar_codigo(s, hist.codigo)
    assert v.situacao == documentos.SUBSTITUIDO and "ficha funcional corrigida" in v.mensagem()
    assert v.documento["substituido_por"] == s.usuario.login and v.documento["substituido_em"]
    # o contracheque sai da folha fechada, não da ficha: continua valendo
    assert documentos.verificar_codigo(s, cc.codigo).situacao == documentos.AUTENTICO
    novo = docs_magisterio.emitir_historico(s, servidor_id, date(2026, 10, 1))
    v = documentos.verificar_codigo(s, hist.codigo)
    assert v.substituto["id"] == novo.id and novo.codigo in v.mensagem()
    assert "Maria da Conceição Corrigida" in _texto(novo.pdf)
    # corrigir um item do histórico (lotação, titulação...) também substitui
    item = cadastro.itens(s, "lotacoes", servidor_id)[0]
    cadastro.corrigir(s, "lotacoes", item["id"], ato="Portaria 99/2026 (corrigida)")
    assert documentos.verificar_codigo(s, novo.codigo).situacao == documentos.SUBSTITUIDO
