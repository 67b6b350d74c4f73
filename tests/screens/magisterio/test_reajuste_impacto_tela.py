"""Aba da tabela de vencimentos: depois de simular, o relatório de impacto do reajuste (PDF) sai em segundo
plano, com o total mensal e o anual e a lista dos servidores, sem aplicar nada."""
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services import parametros


def test_relatorio_de_impacto_pela_tela(qtbot, sessao_demo, salvar_em, tmp_path, monkeypatch):
    abertos = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: abertos.append(url) or True))
    painel = PainelMagisterio(sessao_demo)
    qtbot.addWidget(painel)
    painel.resize(1280, 800)
    painel.show()
    aba = painel.tabelas
    painel.abas.setCurrentWidget(aba)
    assert not aba.botao_impacto.isEnabled()
    antes = len(parametros.listar_vigencias(sessao_demo, "magisterio_anexo1"))
    qtbot.mouseClick(aba.modo_percentual, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(aba.percentual.edit, "5")
    qtbot.keyClicks(aba.inicio.edit, "01/10/2026")
    qtbot.mouseClick(aba.botao_simular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.lendo and aba.tarefa is None, timeout=30000)  # fora da thread da interface
    assert aba.botao_impacto.isEnabled()
    destino = tmp_path / "impacto.pdf"
    salvar_em.append(destino)
    qtbot.mouseClick(aba.botao_impacto, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.ultimo_relatorio is not None, timeout=60000)
    texto = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(destino)).pages).split())
    assert "Impacto mensal" in texto and "Impacto anual estimado" in texto and "Servidores na folha 40" in texto
    assert len(parametros.listar_vigencias(sessao_demo, "magisterio_anexo1")) == antes  # nada aplicado
    assert abertos
