"""Curso e perfil do PPCP corrigidos pela tela (issue 12, item 5): palavra vedada recusada dentro do diálogo sem
gravar; corrigidos depois da emissão, os títulos ficam substituídos e a nova via sai com o dado certo; o motivo
vai ao diário."""
from datetime import timedelta
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.screens.certificacao.painel import PainelCertificacao
from desktop.services import documentos, documentos_vias
from desktop.services.certificacao import emissao, processos
from tests.screens.apoio_janelas import digitar
from tests.services.certificacao.apoio import HOJE, ate_avaliacao, montar_cenario

from .test_corrigir_instituicao import ESPERA, _confirmar_e_esperar_recusa, _lida, _trocar


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def _abrir(qtbot, botao, aba):
    _lida(qtbot, aba)  # a aba relê a lista fora da thread da interface (a escolha volta ao chegar)
    assert botao.isEnabled()
    qtbot.mouseClick(botao, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=30000)
    _lida(qtbot, aba.dialogo)
    return aba.dialogo


def test_perfil_e_curso_corrigidos_pela_tela_substituem_o_diploma(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"},
                              realizada_em=HOJE - timedelta(days=2))
    diploma = next(e for e in emissao.listar_emissoes(s, p["id"]) if e["tipo_documento"] != "cert_historico")
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    aba = painel.cursos
    _lida(qtbot, aba)
    aba.lista_ppcps.selecionar(c["ppcp"]["id"])
    dlg = _abrir(qtbot, aba.botao_corrigir_perfil, aba)
    assert dlg.perfil.texto() == "Técnico em Eletrotécnica"
    _trocar(qtbot, dlg.perfil, "Técnico em Eletrotécnica na modalidade EaD")
    digitar(qtbot, dlg.motivo.edit, "Habilitação conforme o catálogo nacional")
    erro = _confirmar_e_esperar_recusa(qtbot, dlg)
    assert "perfil profissional" in erro and "modalidade" in erro
    assert s.db["cert_ppcps"].get(c["ppcp"]["id"])["perfil"] == "Técnico em Eletrotécnica"
    assert documentos.verificar_codigo(s, diploma["codigo"]).situacao == documentos.AUTENTICO
    _trocar(qtbot, dlg.perfil, "Técnico em Eletrotécnica (habilitação plena)")
    with qtbot.waitSignal(dlg.accepted, timeout=ESPERA):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    v = documentos.verificar_codigo(s, diploma["codigo"])
    assert v.situacao == documentos.SUBSTITUIDO
    t = _texto(documentos_vias.pdf_emitido(s, v.substituto["id"]))
    assert "Técnico em Eletrotécnica (habilitação plena)" in t and "2ª via" in t
    assert "Perfil Técnico em Eletrotécnica (habilitação plena) corrigido" in aba.situacao.text()

    _lida(qtbot, aba)
    aba.lista_cursos.selecionar(c["curso"]["id"])
    dlg = _abrir(qtbot, aba.botao_corrigir_curso, aba)
    _trocar(qtbot, dlg.nome, "Curso Técnico em Eletrotécnica")
    _trocar(qtbot, dlg.catalogo, "CNCT 3104")
    digitar(qtbot, dlg.motivo.edit, "Nome do curso conforme o ato de autorização")
    with qtbot.waitSignal(dlg.accepted, timeout=ESPERA):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    curso = s.db["cert_cursos"].get(c["curso"]["id"])
    assert (curso["nome"], curso["codigo_catalogo"]) == ("Curso Técnico em Eletrotécnica", "CNCT 3104")
    assert curso["eixo"] == "Controle e Processos Industriais"  # não mexido
    v2 = documentos.verificar_codigo(s, v.substituto["codigo"])
    assert v2.situacao == documentos.SUBSTITUIDO
    t = _texto(documentos_vias.pdf_emitido(s, v2.substituto["id"]))
    assert "Curso Técnico em Eletrotécnica" in t and "3ª via" in t
    diario = [d[0] for d in s.db.execute("SELECT depois FROM diario WHERE tabela IN ('cert_cursos', 'cert_ppcps') "
                                         "AND acao = 'alterar'")]
    assert any("Nome do curso conforme o ato de autorização" in d for d in diario)
    assert any("Habilitação conforme o catálogo nacional" in d for d in diario)
