"""Arquivo do banco pela Caixa: o diálogo mostra o parâmetro de transmissão e o compromisso só com a Caixa,
confere o convênio de 6 dígitos ao digitar, grava tudo e o arquivo sai no leiaute da Caixa (lido pela
especificação do farialimer e pelo leitor FEBRABAN dos testes)."""
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.screens.conselho.funcionamento.remuneracao import AbaRemuneracao
from desktop.services.conselho import folha
from desktop.services.pagamento import dados, remessa
from tests.services.conselho.conftest import conselho  # noqa: F401
from tests.services.pagamento.leitor_cnab240 import ler
from tests.services.pagamento.test_remessa import _farialimer

from ..apoio_janelas import digitar


def test_arquivo_da_caixa_pela_tela(qtbot, sessao_admin, conselho, tmp_path, monkeypatch):  # noqa: F811
    s = sessao_admin
    comp = date(2024, 3, 1)
    for n, cid in enumerate(conselho[:5]):
        dados.definir_do_conselheiro(s, cid, banco="104", agencia="2345", conta=f"013{n + 1:08d}", conta_dv="1",
                                     tipo_conta="poupanca")
    folha.fechar(s, comp)  # o arquivo sai da competência fechada (issue 13, item 8)
    destino = tmp_path / "ct-caixa.rem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(destino), "")))
    aba = AbaRemuneracao(s)
    qtbot.addWidget(aba)
    aba.show()
    aba.mes.setValue(3)
    aba.ano.setValue(2024)
    qtbot.waitUntil(aba.botao_banco.isEnabled)
    qtbot.mouseClick(aba.botao_banco, Qt.MouseButton.LeftButton)
    dlg = aba.gerador.dialogo
    qtbot.waitUntil(dlg.isVisible)
    assert not dlg.form.isRowVisible(dlg.compromisso)  # Banco do Brasil: sem compromisso
    dlg.banco.setCurrentIndex(dlg.banco.findData("104"))
    assert dlg.form.isRowVisible(dlg.parametro) and dlg.form.isRowVisible(dlg.compromisso)
    assert dlg.tipo_compromisso.texto() == "02"  # pagamento de salários
    digitar(qtbot, dlg.convenio.edit, "000123456 0126")
    assert "6 dígitos" in dlg.convenio.erro.text()  # conferido ao digitar
    dlg.convenio.edit.clear()
    digitar(qtbot, dlg.convenio.edit, "444773")
    digitar(qtbot, dlg.parametro.edit, "01")
    digitar(qtbot, dlg.agencia.edit, "0001")
    digitar(qtbot, dlg.conta.edit, "00300210169")
    digitar(qtbot, dlg.conta_dv.edit, "6")
    pagamento = date.today() + timedelta(days=4)
    dlg.data.edit.clear()
    digitar(qtbot, dlg.data.edit, f"{pagamento:%d/%m/%Y}")
    assert not dlg.botao_ok.isEnabled()  # falta o código do compromisso
    digitar(qtbot, dlg.compromisso.edit, "17")
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "salvo em" in aba.mensagem.text(), timeout=20000)
    gravado = remessa.convenio(s, "conselho", "104")
    assert (gravado["convenio"], gravado["parametro_transmissao"], gravado["tipo_compromisso"],
            gravado["codigo_compromisso"]) == ("444773", "01", "02", "0017")
    conteudo = destino.read_bytes()
    tipos, lidos = _farialimer(conteudo, "caixa")
    assert (lidos[0]["codigo_banco"], lidos[0]["codigo_convenio"], lidos[0]["parametro_transmissao"]) == (104, 444773, 1)
    lote = lidos[tipos.index("1")]
    assert (lote["tipo_compromisso"], lote["codigo_compromisso"], lote["forma_lancamento"]) == (2, 17, 5)
    emitidos = {i.identificacao["nome"].upper(): i.contracheque.liquido for i in folha.contracheques(s, comp)}
    segmentos_a = [r for r, t in zip(lidos, tipos) if t == "3A"]
    assert {r["nome_favorecido"]: Decimal(int(r["valor_lancamento"])) / 100 for r in segmentos_a} == emitidos
    assert {p.nome: p.valor for p in ler(conteudo).pagamentos} == emitidos and len(emitidos) == 5
