"""O registro rápido de plantão sobrevive a um SIGKILL antes de gravar: o rascunho volta aos campos e some depois de gravado."""
import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.services import acesso
from desktop.services.conselho import atendimentos, rascunhos
from desktop.screens.conselho.funcionamento.plantao import AbaPlantao

from .conftest import SENHA

SCRIPT = Path(__file__).with_name("processo_plantao.py")
RAIZ = Path(__file__).resolve().parents[4]


def test_plantao_sobrevive_ao_kill(qtbot, instalacao, conselheira, sessao_admin):
    caminho, _ = instalacao
    sessao_admin.fechar()  # a base fica livre para o outro processo (uma janela por base)
    env = {**os.environ, "PYTHONPATH": str(RAIZ), "QT_QPA_PLATFORM": "offscreen", "PACO_KDF_RAPIDO": "1"}
    proc = subprocess.Popen([sys.executable, str(SCRIPT), str(caminho), "ana", SENHA], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=RAIZ)
    try:
        linha = proc.stdout.readline().strip()
        assert linha == "READY", proc.stderr.read() if linha == "" else linha
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # Nova sessão (o computador religado): a aba abre o formulário com o rascunho.
    sessao = acesso.entrar(caminho, "ana", SENHA)
    try:
        aba = AbaPlantao(sessao)
        qtbot.addWidget(aba)
        f = aba.form
        assert f is not None and aba.area.isVisibleTo(aba)
        assert (f.crianca.text(), f.nascimento.texto(), f.bairro.text()) == ("Joana Pereira", "03/04/2016", "Centro")
        assert f.relato.toPlainText() == "Crianca sozinha em casa a noite"
        assert "Rascunho recuperado" in aba.mensagem.text()
        qtbot.mouseClick(f.botao_salvar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: aba.form is None, timeout=20000)  # grava fora da thread da interface
        assert "gravado" in aba.mensagem.text()
        casos = atendimentos.listar_atendimentos(sessao)
        assert len(casos) == 1 and casos[0]["criancas"] == "Joana Pereira" and casos[0]["plantao"] == 1
        assert rascunhos.restaurar_rascunho(sessao) is None
        caso = atendimentos.obter_atendimento(sessao, casos[0]["id"])
        assert caso["criancas"][0]["nascimento"] == "2016-04-03" and caso["bairro"] == "Centro"
    finally:
        sessao.fechar()


def test_autosalva_e_restaura_na_mesma_maquina(qtbot, conselheira):
    """Sem processo à parte: digitar salva o rascunho sozinho; o widget largado sem gravar volta noutra aba."""
    aba = AbaPlantao(conselheira)
    qtbot.addWidget(aba)
    aba.novo()
    qtbot.keyClicks(aba.form.crianca, "Pedro Alves")
    qtbot.waitUntil(lambda: (rascunhos.restaurar_rascunho(conselheira) or {}).get("crianca") == "Pedro Alves",
                    timeout=10000)
    aba.form.parar()
    aba.deleteLater()
    nova = AbaPlantao(conselheira)
    qtbot.addWidget(nova)
    assert nova.form.crianca.text() == "Pedro Alves"


def test_ctrl_n_no_painel_abre_o_registro_rapido(qtbot, conselheira):
    from desktop.screens.conselho.painel import PainelConselho

    painel = PainelConselho(conselheira)
    qtbot.addWidget(painel)
    painel.show()
    painel.activateWindow()
    qtbot.waitUntil(painel.isActiveWindow)
    painel.abas.setCurrentIndex(painel.abas.indexOf(painel.widgets["Atendimentos"]))
    painel.widgets["Atendimentos"].visao.setFocus()
    qtbot.keyClick(painel.widgets["Atendimentos"].visao, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    aba = painel.widgets["Modo plantão"]
    assert painel.abas.currentWidget() is aba and aba.form is not None


def test_gravacao_recusada_mantem_o_formulario_e_o_rascunho(qtbot, conselheira):
    """A recusa do serviço (violação fora da faixa etária do grupo do SIPIA CT) chega como aviso depois da gravação
    em segundo plano; o formulário continua aberto, destravado, e o rascunho fica; corrigido, grava."""
    from PySide6.QtWidgets import QMessageBox

    from tests.screens.apoio_janelas import digitar, quando_modal

    aba = AbaPlantao(conselheira)
    qtbot.addWidget(aba)
    aba.show()
    aba.novo()
    f = aba.form
    digitar(qtbot, f.crianca, "Joana Pereira")
    digitar(qtbot, f.nascimento.edit, "03/04/2016")
    f.direito.setCurrentIndex(f.direito.findData("ECEL.1.1"))  # educação infantil: 0 a 5 anos
    f.agente.setCurrentIndex(f.agente.findData("desconhecido"))
    avisos_vistos = []

    def _fechar(caixa):
        avisos_vistos.append(caixa.text())
        caixa.accept()

    quando_modal(_fechar, tipo=QMessageBox)
    qtbot.mouseClick(f.botao_salvar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(avisos_vistos) and not f.gravando, timeout=20000)
    assert "0 a 5 anos" in avisos_vistos[0], avisos_vistos
    assert aba.form is f and f.botao_salvar.isEnabled() and f.crianca.isEnabled()
    assert conselheira.db.execute("SELECT count(*) FROM conselho_atendimentos").fetchone()[0] == 0
    assert (rascunhos.restaurar_rascunho(conselheira) or {}).get("crianca") == "Joana Pereira"
    f.direito.setCurrentIndex(f.direito.findData("LRD.6.1"))
    qtbot.mouseClick(f.botao_salvar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.form is None, timeout=20000)
    assert conselheira.db.execute("SELECT especifico FROM conselho_violacoes").fetchone()[0] == "LRD.6.1"
    assert rascunhos.restaurar_rascunho(conselheira) is None
