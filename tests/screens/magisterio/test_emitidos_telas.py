"""Reabrir e nova via pelas telas do Magistério que emitiram (issue 11): o quadro "Documentos emitidos" da
folha e da ficha abre o PDF guardado byte a byte e emite nova via com o seu PDF; corrigir a ficha deixa o
histórico emitido "substituído"."""
import hashlib
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import Qt

from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services import documentos
from desktop.services.magisterio import cadastro, folha

from ..apoio_janelas import esperar_leituras

OUTUBRO = date(2026, 10, 1)


@pytest.fixture
def abertos(monkeypatch):
    from PySide6.QtGui import QDesktopServices

    lista = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: lista.append(url.toLocalFile()) or True))
    return lista


@pytest.fixture
def painel(qtbot, sessao_demo, abertos):
    folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    p = PainelMagisterio(sessao_demo)
    qtbot.addWidget(p)
    p.resize(1280, 900)
    p.show()
    p.abas.setCurrentWidget(p.folha)
    p.folha.definir_competencia(OUTUBRO)
    qtbot.waitUntil(lambda: not p.folha.carregando, timeout=15000)
    return p


def _texto(caminho) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(str(caminho)).pages)


def _registro(sessao, codigo) -> dict:
    return next(sessao.db.query("SELECT * FROM documentos WHERE codigo = ?", [codigo]))


def test_folha_reabre_o_contracheque_emitido_e_emite_nova_via_perdida(qtbot, sessao_demo, painel, tmp_path,
                                                                     salvar_em, abertos):
    aba = painel.folha
    aba.tabela.selectRow(0)
    barra = aba.documentos
    quadro = barra.emitidos
    qtbot.keyClick(aba.tabela, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # a aba 'Documentos emitidos'
    qtbot.waitUntil(lambda: not quadro.carregando, timeout=10000)  # a lista é lida fora da thread da interface
    assert quadro.isVisible() and quadro.documentos() == [] and not quadro.botao_abrir.isEnabled()
    emitido = tmp_path / "contracheque.pdf"
    salvar_em.append(emitido)
    qtbot.mouseClick(barra.botao_contracheque, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: barra.ultimo_arquivo is not None, timeout=30000)
    original = emitido.read_bytes()
    qtbot.waitUntil(lambda: len(quadro.documentos()) == 1, timeout=10000)
    [doc] = quadro.documentos()  # o contracheque do servidor selecionado aparece no quadro
    assert doc["tipo"] == "magisterio_contracheque" and "1ª via · válido" in quadro.lista.currentText()
    # reabrir: os mesmos bytes (mesmo SHA-256 do registro), salvos e abertos no leitor
    reaberto = tmp_path / "reaberto.pdf"
    salvar_em.append(reaberto)
    qtbot.mouseClick(quadro.botao_abrir, Qt.MouseButton.LeftButton)
    # o PDF é lido da base e gravado fora da thread da interface
    qtbot.waitUntil(lambda: quadro.ultimo_arquivo == reaberto, timeout=10000)
    assert reaberto.read_bytes() == original
    assert hashlib.sha256(reaberto.read_bytes()).hexdigest() == _registro(sessao_demo, doc["codigo"])["sha256"]
    assert abertos[-1] == str(reaberto) and "idêntico ao emitido" in quadro.situacao.text()
    # nova via: motivo curto é recusado pelo serviço; com motivo e "perdida", a 1ª é cancelada no mesmo ato
    nova = tmp_path / "segunda-via.pdf"
    salvar_em.append(nova)
    qtbot.keyClicks(quadro.motivo, "o servidor perdeu a 1a via")
    quadro.perdida.setChecked(True)
    qtbot.mouseClick(quadro.botao_via, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: quadro.ultimo_arquivo == nova, timeout=30000)
    assert abertos[-1] == str(nova)
    texto = _texto(nova)
    assert "2ª via" in texto and aba.selecionado().servidor.nome in texto
    v2 = documentos.verificar_pdf(sessao_demo, nova)
    assert v2.situacao == documentos.AUTENTICO and v2.documento["via"] == 2
    assert v2.documento["numero"] == doc["numero"]
    antigo = _registro(sessao_demo, doc["codigo"])
    assert antigo["cancelado_em"] and "extraviada" in antigo["motivo_cancelamento"]
    assert documentos.verificar_pdf(sessao_demo, original).situacao == documentos.CANCELADO
    qtbot.waitUntil(lambda: len(quadro.documentos()) == 2, timeout=10000)
    assert [d["via"] for d in quadro.documentos()] == [2, 1] and "2ª via · válido" in quadro.lista.currentText()
    assert not quadro.perdida.isChecked() and quadro.motivo.text() == ""
    # a 2ª via também se reabre idêntica
    de_novo = tmp_path / "segunda-reaberta.pdf"
    salvar_em.append(de_novo)
    qtbot.mouseClick(quadro.botao_abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(de_novo.exists, timeout=10000)
    assert de_novo.read_bytes() == nova.read_bytes()


def test_ficha_reabre_o_historico_e_a_correcao_o_substitui(qtbot, sessao_demo, painel, tmp_path, salvar_em, abertos):
    aba = painel.servidores
    painel.abas.setCurrentWidget(aba)
    servidor_id = folha.contracheques(sessao_demo, OUTUBRO)[0].contracheque.pessoa_id
    aba.recarregar(servidor_id)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    qtbot.mouseClick(aba.botao_ficha, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)  # lê antes de abrir
    ficha = aba.dialogo
    emitido = tmp_path / "historico.pdf"
    salvar_em.append(emitido)
    qtbot.mouseClick(ficha.botao_historico, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ficha.ultimo_arquivo is not None, timeout=60000)
    ficha.abas.setCurrentWidget(ficha.pagina_emitidos)
    quadro = ficha.emitidos
    qtbot.waitUntil(quadro.isVisible)
    qtbot.waitUntil(lambda: len(quadro.documentos()) == 1, timeout=10000)
    [doc] = quadro.documentos()
    reaberto = tmp_path / "reaberto.pdf"
    salvar_em.append(reaberto)
    qtbot.mouseClick(quadro.botao_abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reaberto.exists, timeout=10000)
    assert reaberto.read_bytes() == emitido.read_bytes()
    # a correção do cadastro substitui o histórico emitido; a tela mostra e não oferece nova via dele
    cadastro.alterar(sessao_demo, servidor_id, nome="Nome Corrigido da Silva")
    ficha._on_historico_alterado()
    qtbot.waitUntil(lambda: "substituído" in quadro.lista.currentText(), timeout=10000)
    assert "substituído" in quadro.lista.currentText() and not quadro.botao_via.isEnabled()
    v = documentos.verificar_pdf(sessao_demo, emitido)
    assert v.situacao == documentos.SUBSTITUIDO and "ficha funcional corrigida" in v.mensagem()
    assert quadro.botao_abrir.isEnabled()  # a versão antiga continua legível
    ficha.reject()
    esperar_leituras(qtbot)  # a aba Servidores relê ao fechar a ficha
