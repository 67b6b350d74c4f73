"""Aba Remuneração do Conselho: o arquivo do banco sai dos contracheques emitidos no mês, pela mesma tela."""
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.rules.pagamento.banco import dv_modulo11_bb
from desktop.screens.conselho.funcionamento.remuneracao import AbaRemuneracao
from desktop.services.conselho import remuneracao
from desktop.services.pagamento import dados, remessa
from tests.services.conselho.conftest import conselho  # noqa: F401
from tests.services.pagamento.leitor_cnab240 import ler

from ..apoio_janelas import digitar


def test_arquivo_do_banco_dos_conselheiros(qtbot, sessao_admin, conselho, tmp_path, monkeypatch):  # noqa: F811
    s = sessao_admin
    comp = date(2024, 3, 1)
    for n, cid in enumerate(conselho[:5]):
        conta = f"{700 + n}"
        dados.definir_do_conselheiro(s, cid, banco="001", agencia="1234", agencia_dv="3", conta=conta,
                                     conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente")
        remuneracao.emitir_contracheque(s, cid, comp)
    remessa.definir_convenio(s, "conselho", "001", convenio="000777", agencia="0001", agencia_dv="9",
                             conta="210169", conta_dv="6")
    destino = tmp_path / "ct.rem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(destino), "")))
    aba = AbaRemuneracao(s)
    qtbot.addWidget(aba)
    aba.show()
    aba.mes.setValue(3)
    aba.ano.setValue(2024)
    qtbot.mouseClick(aba.botao_banco, Qt.MouseButton.LeftButton)
    dlg = aba.gerador.dialogo
    qtbot.waitUntil(dlg.isVisible)
    # o convênio gravado volta (lido fora da thread da interface)
    qtbot.waitUntil(lambda: dlg.convenio.texto() == "000777" and dlg.conta.texto() == "210169")
    pagamento = date.today() + timedelta(days=4)
    dlg.data.edit.clear()
    digitar(qtbot, dlg.data.edit, f"{pagamento:%d/%m/%Y}")
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "salvo em" in aba.mensagem.text(), timeout=20000)
    arq = ler(destino.read_bytes())
    emitidos = remuneracao.contracheques_emitidos(s, comp)
    assert len(arq.pagamentos) == len(emitidos) == 5
    assert arq.total == sum(Decimal(e["liquido"]) for e in emitidos)

