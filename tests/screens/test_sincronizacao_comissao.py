"""Arquivo › Sincronização com outras máquinas… (pytest-qt): a comissão eleitoral, que não abre a
Administração, importa e gera pacotes no PC da comissão pela janela; o pacote aplicado avisa as telas abertas
(o painel da apuração recarrega) e convidar/juntar/designar ficam escondidos."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.screens.principal import JanelaPrincipal
from desktop.services import acesso, cadastros
from desktop.services import sincronizacao as sx
from tests.services.sincronizacao.conftest import SENHA_CT, montar_orgao

from .apoio_janelas import esperar_copia_diaria, fechar_principal


class Sonda(QWidget):
    def __init__(self, parent):
        super().__init__(parent)
        self.avisos = 0

    def dados_recebidos(self):
        self.avisos += 1


def test_comissao_troca_pacotes_pelo_menu_arquivo(qtbot, tmp_path, escritorio, monkeypatch):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Folha": False})
    try:
        acesso.criar_usuario(o.entrar("Sede"), login="com1", nome="Clara", papel="comissao_eleitoral",
                             senha=SENHA_CT, trocar_senha=False)
        folha = o.entrar("Folha")
        p = cadastros.cadastrar_pessoa(folha, nome="Gravada no PC da folha")
        pacote = sx.exportar(folha, tmp_path / "pen", "Sede")
    finally:
        o.fechar()
    janela = JanelaPrincipal(acesso.entrar(o.caminhos["Sede"], "com1", SENHA_CT))
    try:
        with qtbot.waitExposed(janela):
            janela.show()
        esperar_copia_diaria(qtbot, janela)
        assert janela.acao_sincronizacao.isEnabled()
        sonda = Sonda(janela.pilha.widget(0))
        janela.acao_sincronizacao.trigger()
        aba = janela._dialogo.aba
        qtbot.waitUntil(lambda: aba.modelo.rowCount() == 1)
        assert aba.botao_convidar.isHidden() and aba.botao_juntar.isHidden() and aba.botao_designar.isHidden()
        monkeypatch.setattr(aba, "escolher_pacote", lambda: pacote)
        with qtbot.waitSignal(aba.sig_pacote_importado, timeout=20000) as sinal:
            qtbot.mouseClick(aba.botao_importar, Qt.MouseButton.LeftButton)
        assert sinal.args[0]["aplicadas"] >= 1 and sonda.avisos == 1
        assert janela.sessao.db.execute("SELECT nome FROM pessoas WHERE id = ?", [p["id"]]).fetchone()[0] == \
            "Gravada no PC da folha"
        monkeypatch.setattr(aba, "escolher_pasta", lambda nome: tmp_path / "pen2")
        aba.tabela.selectRow(0)
        qtbot.mouseClick(aba.botao_gerar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "gravado em" in aba.situacao.text(), timeout=20000)
        assert len(list((tmp_path / "pen2").glob("*.pacosync"))) == 1
        janela._dialogo.reject()
    finally:
        fechar_principal(qtbot, janela)
        janela.deleteLater()
