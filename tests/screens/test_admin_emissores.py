"""Aba Emissores: novo emissor pela tela, emissor do módulo, certificado A1 (senha errada recusada)."""
from PySide6.QtCore import Qt

from desktop.screens.administracao import avisos
from desktop.screens.administracao.emissores import AbaEmissores
from desktop.screens.administracao.painel import PainelAdministracao
from desktop.services import emissores
from tests.services.documentos.test_pades import SENHA_PFX, _pfx_de_teste


def test_novo_emissor_modulo_e_certificado(qtbot, sessao_admin, tmp_path, monkeypatch):
    erros = []
    monkeypatch.setattr(avisos, "erro", lambda _p, titulo, problema: erros.append(avisos.mensagem_de(problema)
                                                                                   if not isinstance(problema, str) else problema))
    aba = AbaEmissores(sessao_admin)
    qtbot.addWidget(aba)
    aba.show()
    assert aba.modelo.rowCount() == 1  # o órgão, emissor de todos os módulos
    qtbot.mouseClick(aba.botao_novo, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    for campo, texto in ((dlg.nome, "Conselho Tutelar de Jequié"), (dlg.cnpj, "34.028.316/0001-03"),
                         (dlg.municipio, "Jequié"), (dlg.uf, "ba")):
        campo.edit.setText(texto)  # keyClicks do Qt não digita letras acentuadas
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    assert aba.modelo.rowCount() == 2 and "cadastrado" in aba.situacao.text()
    linha = next(i for i in range(aba.proxy.rowCount()) if aba.proxy.index(i, 0).data() == "Conselho Tutelar de Jequié")
    aba.tabela.selectRow(linha)
    aba.modulo.setCurrentIndex(aba.modulo.findData("conselho"))
    qtbot.mouseClick(aba.botao_atribuir, Qt.MouseButton.LeftButton)
    assert emissores.do_modulo(sessao_admin.db, "conselho").nome == "Conselho Tutelar de Jequié"
    assert aba.proxy.index(linha, 3).data() == "Conselho Tutelar"

    pfx, _ac = _pfx_de_teste()
    arquivo = tmp_path / "a1.pfx"
    arquivo.write_bytes(pfx)
    assert not aba.instalar_certificado(arquivo, "senha-errada")
    assert "Senha do certificado incorreta" in erros[-1]
    assert aba.instalar_certificado(arquivo, SENHA_PFX) and "PAdES" in aba.situacao.text()


def test_aba_no_painel_so_para_quem_edita_o_orgao(qtbot, sessao_admin):
    painel = PainelAdministracao(sessao_admin)
    qtbot.addWidget(painel)
    assert painel.emissores is not None
