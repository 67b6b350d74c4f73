"""Aba Tabelas e reajuste: depois de um reajuste que alcançou 08 a 10/2026 já fechadas, a escolha de como pagar
as diferenças — na próxima competência (o padrão) ou numa folha complementar de 10/2026, conferida, fechada e
impressa pela tela; a próxima competência não paga de novo."""
from datetime import date, timedelta

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from desktop.screens.magisterio.reajuste import AbaTabelas
from desktop.screens.widgets import avisos
from desktop.services import acesso, demo
from desktop.services.magisterio import complementar, folha, tabelas
from desktop.services.pagamento import remessa
from tests.services.pagamento.leitor_cnab240 import ler
from tests.services.pagamento.test_remessa import contas_para_todos

from ..apoio_janelas import digitar

AGOSTO, SETEMBRO, OUTUBRO, NOVEMBRO = (date(2026, m, 1) for m in (8, 9, 10, 11))


@pytest.fixture
def sessao_reajustada(tmp_path):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    for mes in (AGOSTO, SETEMBRO, OUTUBRO):
        folha.fechar(s, mes, aceitar_pendencias=True)
    sim = tabelas.simular_reajuste(s, AGOSTO, percentual="10", fundamento="Lei Municipal 9.999/2026 (teste)")
    tabelas.aplicar_reajuste(s, sim, "Lei Municipal 9.999/2026, art. 1º (teste)")
    yield s
    s.fechar()


def test_escolher_folha_complementar_pela_tela(qtbot, sessao_reajustada, salvar_em, tmp_path, monkeypatch):
    s = sessao_reajustada
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: True)
    aba = AbaTabelas(s)
    qtbot.addWidget(aba)
    aba.show()
    painel = aba.diferencas
    assert painel.proxima.isChecked() and not painel.botao_fechar.isEnabled()  # o padrão: a próxima competência
    assert "próxima competência aberta" in painel.resumo.text()
    qtbot.mouseClick(painel.folha_complementar, Qt.MouseButton.LeftButton)
    assert painel.modo() == "complementar" and painel.botao_conferir.isEnabled()
    qtbot.keyClicks(painel.competencia.edit, "10/2026")
    qtbot.mouseClick(painel.botao_conferir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painel.ultima_previa is not None, timeout=60000)
    previa = painel.ultima_previa
    assert previa.itens and "Nada foi gravado" in painel.resumo.text()
    assert complementar.listar(s) == []
    qtbot.mouseClick(painel.botao_fechar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painel.ultima_fechada is not None, timeout=60000)
    assert [c["liquido"] for c in complementar.listar(s)] == [previa.liquido]
    assert "fechada" in painel.resumo.text()
    destino = tmp_path / "complementar.pdf"
    salvar_em.append(destino)
    qtbot.mouseClick(painel.botao_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painel.ultimo_pdf is not None, timeout=60000)
    texto = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(destino)).pages).split())
    assert "folha complementar" in texto
    assert not any(l.codigo == "065" for i in folha.previa(s, NOVEMBRO).itens for l in i.contracheque.linhas)

    # o arquivo do banco da complementar, com o convênio já cadastrado para a folha do Magistério
    contas_para_todos(s)
    remessa.definir_convenio(s, "magisterio", "001", convenio="000123456 0126", agencia="0001", agencia_dv="9",
                             conta="210169", conta_dv="6")
    arquivo = tmp_path / "complementar.rem"
    salvar_em.append(arquivo)
    qtbot.mouseClick(painel.botao_banco, Qt.MouseButton.LeftButton)
    dlg = painel.gerador.dialogo
    qtbot.waitUntil(dlg.isVisible)
    qtbot.waitUntil(lambda: dlg.convenio.texto() == "000123456 0126", timeout=15000)  # o convênio da folha
    pagamento = date.today() + timedelta(days=3)
    dlg.data.edit.clear()
    digitar(qtbot, dlg.data.edit, f"{pagamento:%d/%m/%Y}")
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painel.ultimo_arquivo == arquivo, timeout=30000)
    arq = ler(arquivo.read_bytes())
    assert arq.total == previa.liquido and len(arq.pagamentos) == len(previa.itens)
