"""O registro rápido de plantão sobrevive a um SIGKILL antes de gravar: o rascunho volta aos campos e some depois de gravado.

As leituras e gravações da aba rodam fora da thread da interface (``widgets.servicos``); os testes de ordem
seguram um serviço numa thread (``threading.Event``) para pôr a corrida no pior momento e conferem a base.
"""
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QMessageBox

from desktop.services import acesso
from desktop.services.conselho import atendimentos, rascunhos
from desktop.store.conselho import rascunhos as armazem_rascunhos
from desktop.screens.conselho.funcionamento.plantao import AbaPlantao
from desktop.screens.widgets import leitura, tarefa
from tests.screens.apoio_janelas import clicar_botao, quando_modal

from .conftest import SENHA

ESPERA = 20000
SEGURA = 30  # segundos no máximo que um serviço segurado espera (o teste solta antes)


def _aberta(qtbot, sessao) -> AbaPlantao:
    """A aba do plantão depois de a leitura do rascunho guardado voltar."""
    aba = AbaPlantao(sessao)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.restaurando, timeout=ESPERA)
    return aba


def _ocioso(qtbot) -> None:
    """Nenhuma leitura nem gravação da tela ainda rodando noutra thread."""
    qtbot.waitUntil(lambda: leitura.em_andamento() == 0 and tarefa._guardiao().em_execucao() == 0, timeout=ESPERA)


def _rascunho_na_base(sessao) -> bool:
    return armazem_rascunhos.id_do_rascunho(sessao.db, sessao.usuario.id, rascunhos.CHAVE_PLANTAO) is not None


def _casos(sessao) -> int:
    return sessao.db.execute("SELECT count(*) FROM conselho_atendimentos").fetchone()[0]

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
        aba = _aberta(qtbot, sessao)
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


def test_autosalva_fecha_sem_gravar_e_restaura(qtbot, conselheira):
    """Sem processo à parte: digitar salva o rascunho sozinho; a janela fechada sem gravar, a aba aberta de novo
    traz o texto de volta aos campos."""
    from desktop.screens.widgets.descarte import descartar

    aba = _aberta(qtbot, conselheira)
    aba.show()
    qtbot.mouseClick(aba.botao_novo, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(aba.form.crianca, "Pedro Alves")
    qtbot.keyClicks(aba.form.relato, "Na praca, com o irmao")
    qtbot.waitUntil(lambda: (rascunhos.restaurar_rascunho(conselheira) or {}).get("relato") == "Na praca, com o irmao",
                    timeout=ESPERA)
    _ocioso(qtbot)
    aba.close()
    descartar(aba)
    nova = _aberta(qtbot, conselheira)
    assert nova.form is not None and nova.form.crianca.text() == "Pedro Alves"
    assert nova.form.relato.toPlainText() == "Na praca, com o irmao"
    assert "Rascunho recuperado" in nova.mensagem.text()
    assert _casos(conselheira) == 0


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

    aba = _aberta(qtbot, conselheira)
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


def test_autosalvar_e_gravar_nao_deixa_rascunho(qtbot, conselheira):
    """O rascunho salvo sozinho some quando o atendimento é gravado: um caso, nenhum rascunho."""
    aba = _aberta(qtbot, conselheira)
    aba.show()
    aba.novo()
    f = aba.form
    qtbot.keyClicks(f.crianca, "Joana Pereira")
    qtbot.waitUntil(lambda: _rascunho_na_base(conselheira), timeout=ESPERA)
    qtbot.mouseClick(f.botao_salvar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.form is None, timeout=ESPERA)
    _ocioso(qtbot)
    assert not _rascunho_na_base(conselheira)
    assert _casos(conselheira) == 1
    assert "gravado" in aba.mensagem.text()


def _segurar_gravacao(monkeypatch):
    """``registrar_atendimento`` espera ``soltar``; ``descartar_rascunho`` avisa em ``descartado``; com
    ``atrasar`` ligado, ``salvar_rascunho`` avisa em ``em_voo`` e só grava depois do descarte (ou de
    ``soltar_rascunho``): o pior momento para um rascunho atrasado."""
    ev = {n: threading.Event() for n in ("soltar", "registrando", "descartado", "atrasar", "em_voo", "soltar_rascunho")}
    chamadas = {"registrar": 0, "salvar": 0}
    registrar, salvar, descartar = (atendimentos.registrar_atendimento, rascunhos.salvar_rascunho,
                                    rascunhos.descartar_rascunho)

    def _registrar(sessao, dados):
        chamadas["registrar"] += 1
        ev["registrando"].set()
        ev["soltar"].wait(SEGURA)
        return registrar(sessao, dados)

    def _salvar(sessao, conteudo, *args):
        chamadas["salvar"] += 1
        if ev["atrasar"].is_set():
            ev["em_voo"].set()
            while not (ev["descartado"].is_set() or ev["soltar_rascunho"].is_set()):
                ev["descartado"].wait(0.05)
        return salvar(sessao, conteudo, *args)

    def _descartar(sessao, *args):
        r = descartar(sessao, *args)
        ev["descartado"].set()
        return r

    monkeypatch.setattr(atendimentos, "registrar_atendimento", _registrar)
    monkeypatch.setattr(rascunhos, "salvar_rascunho", _salvar)
    monkeypatch.setattr(rascunhos, "descartar_rascunho", _descartar)
    return ev, chamadas


def test_autosalvar_disparado_durante_a_gravacao_nao_ressuscita_o_rascunho(qtbot, conselheira, monkeypatch):
    """Com a gravação em curso, os temporizadores do rascunho disparam (e Ctrl+S de novo): nada de rascunho
    pedido — um que fosse pedido agora chegaria à base depois do descarte. Fim: um caso, nenhum rascunho."""
    aba = _aberta(qtbot, conselheira)
    aba.show()
    aba.novo()
    f = aba.form
    qtbot.keyClicks(f.crianca, "Joana Pereira")
    qtbot.waitUntil(lambda: _rascunho_na_base(conselheira), timeout=ESPERA)
    _ocioso(qtbot)
    ev, chamadas = _segurar_gravacao(monkeypatch)
    try:
        qtbot.mouseClick(f.botao_salvar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(ev["registrando"].is_set, timeout=ESPERA)  # a gravação está segura no meio
        ev["atrasar"].set()
        salvos_antes = chamadas["salvar"]
        f.relato.setPlainText("Mudou enquanto gravava")  # um campo que muda: o rascunho ficaria "sujo"
        disparos = []
        f._periodico.timeout.connect(lambda: disparos.append("periodico"))
        f._apos_tecla.timeout.connect(lambda: disparos.append("tecla"))
        f._periodico.start(20)  # os dois temporizadores do rascunho disparam no meio da gravação
        qtbot.waitUntil(lambda: "tecla" in disparos and disparos.count("periodico") >= 3, timeout=ESPERA)
        f._periodico.stop()
        for atalho in f.findChildren(QShortcut):  # Ctrl+S de novo
            atalho.activated.emit()
    finally:
        ev["soltar"].set()
    qtbot.waitUntil(lambda: aba.form is None, timeout=ESPERA)
    _ocioso(qtbot)
    ev["soltar_rascunho"].set()
    _ocioso(qtbot)  # um rascunho pedido durante a gravação (errado) já chegou à base
    assert not _rascunho_na_base(conselheira)
    assert chamadas["registrar"] == 1 and _casos(conselheira) == 1
    assert chamadas["salvar"] == salvos_antes  # nenhum rascunho pedido depois de Gravar


def test_rascunho_a_caminho_chega_antes_da_gravacao(qtbot, conselheira, monkeypatch):
    """Um rascunho ainda indo para a base quando se aperta Gravar: a gravação espera ele chegar (e leva o que
    foi digitado enquanto isso); o descarte vem depois dele, nunca antes. Fim: um caso, nenhum rascunho."""
    aba = _aberta(qtbot, conselheira)
    aba.show()
    aba.novo()
    f = aba.form
    qtbot.keyClicks(f.crianca, "Joana")
    qtbot.waitUntil(lambda: _rascunho_na_base(conselheira), timeout=ESPERA)
    _ocioso(qtbot)
    ev, chamadas = _segurar_gravacao(monkeypatch)
    ev["soltar"].set()  # o registro do atendimento não é segurado aqui
    ev["atrasar"].set()
    try:
        qtbot.keyClicks(f.crianca, " Pereira")
        qtbot.waitUntil(ev["em_voo"].is_set, timeout=ESPERA)  # o rascunho saiu e está a caminho
        ev["atrasar"].clear()
        qtbot.keyClicks(f.bairro, "Centro")  # digitado com o rascunho a caminho
        qtbot.mouseClick(f.botao_salvar, Qt.MouseButton.LeftButton)
        # Errado: a gravação sai já, grava e descarta, e o rascunho atrasado chega depois. Certo: ela espera.
        qtbot.waitUntil(lambda: ev["descartado"].is_set() or "esperando o rascunho" in f.situacao.text(),
                        timeout=ESPERA)
        assert chamadas["registrar"] == 0
    finally:
        ev["soltar_rascunho"].set()
    qtbot.waitUntil(lambda: aba.form is None, timeout=ESPERA)
    _ocioso(qtbot)
    assert chamadas["registrar"] == 1
    assert not _rascunho_na_base(conselheira)
    casos = atendimentos.listar_atendimentos(conselheira)
    assert len(casos) == 1 and casos[0]["criancas"] == "Joana Pereira"
    assert atendimentos.obter_atendimento(conselheira, casos[0]["id"])["bairro"] == "Centro"


def _segurar_restauracao(monkeypatch) -> threading.Event:
    """A leitura do rascunho guardado só volta depois de ``soltar``."""
    soltar = threading.Event()
    restaurar = rascunhos.restaurar_rascunho

    def _restaurar(sessao, *args):
        soltar.wait(SEGURA)
        return restaurar(sessao, *args)

    monkeypatch.setattr(rascunhos, "restaurar_rascunho", _restaurar)
    return soltar


def test_ctrl_n_e_digitar_antes_da_restauracao_mantem_o_digitado(qtbot, conselheira, monkeypatch):
    """Havia um rascunho; Ctrl+N e digitar antes de a leitura dele voltar: o digitado fica nos campos, o
    rascunho antigo não é sobrescrito antes de ser lido e pode voltar a pedido (Trocar pelo rascunho anterior)."""
    rascunhos.salvar_rascunho(conselheira, {"tipo": "denuncia", "crianca": "Maria Antiga", "relato": "Relato antigo",
                                            "salvo_em": "2026-01-05T22:10:00"})
    ler_guardado = rascunhos.restaurar_rascunho
    soltar = _segurar_restauracao(monkeypatch)
    try:
        aba = AbaPlantao(conselheira)
        qtbot.addWidget(aba)
        aba.show()
        assert aba.restaurando
        qtbot.mouseClick(aba.botao_novo, Qt.MouseButton.LeftButton)  # Ctrl+N já: o formulário abre
        f = aba.form
        assert f is not None and f.crianca.isEnabled()
        qtbot.keyClicks(f.crianca, "Joana Nova")
        qtbot.waitUntil(lambda: not f._apos_tecla.isActive(), timeout=ESPERA)  # o temporizador da tecla disparou
        assert ler_guardado(conselheira)["crianca"] == "Maria Antiga"  # nada salvo por cima antes da leitura
    finally:
        soltar.set()
    qtbot.waitUntil(lambda: not aba.restaurando, timeout=ESPERA)
    assert aba.form is f and f.crianca.text() == "Joana Nova" and f.relato.toPlainText() == ""
    assert "rascunho anterior" in aba.mensagem.text() and "Maria Antiga" in aba.mensagem.text()
    assert aba.botao_anterior.isVisible()
    qtbot.waitUntil(lambda: (ler_guardado(conselheira) or {}).get("crianca") == "Joana Nova", timeout=ESPERA)

    quando_modal(lambda caixa: clicar_botao(caixa, "Trocar"), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_anterior, Qt.MouseButton.LeftButton)
    assert f.crianca.text() == "Maria Antiga" and f.relato.toPlainText() == "Relato antigo"
    qtbot.waitUntil(lambda: (ler_guardado(conselheira) or {}).get("crianca") == "Maria Antiga", timeout=ESPERA)
    _ocioso(qtbot)


def test_ctrl_n_antes_da_restauracao_sem_digitar_recebe_o_rascunho(qtbot, conselheira, monkeypatch):
    """Ctrl+N antes de a leitura voltar, sem digitar: o formulário já aberto recebe o rascunho guardado."""
    rascunhos.salvar_rascunho(conselheira, {"tipo": "denuncia", "crianca": "Maria Antiga", "bairro": "Centro"})
    soltar = _segurar_restauracao(monkeypatch)
    try:
        aba = AbaPlantao(conselheira)
        qtbot.addWidget(aba)
        aba.novo()
        f = aba.form
        assert f is not None and f.crianca.text() == ""
    finally:
        soltar.set()
    qtbot.waitUntil(lambda: not aba.restaurando, timeout=ESPERA)
    assert aba.form is f and (f.crianca.text(), f.bairro.text()) == ("Maria Antiga", "Centro")
    assert "Rascunho recuperado" in aba.mensagem.text() and not aba.botao_anterior.isVisible()
    _ocioso(qtbot)


def test_rascunho_que_nao_se_le_nao_trava_o_plantao(qtbot, conselheira, monkeypatch):
    """A leitura do rascunho guardado falha com um defeito (p.ex. um rascunho estragado): o defeito vai ao
    tratamento geral, e o formulário aberto antes não fica esperando para sempre — o que se digita vai à base."""
    soltar = threading.Event()

    def _estragado(sessao, *args):
        soltar.wait(SEGURA)
        raise ValueError("rascunho estragado")

    monkeypatch.setattr(rascunhos, "restaurar_rascunho", _estragado)
    with qtbot.captureExceptions() as excecoes:
        aba = AbaPlantao(conselheira)
        qtbot.addWidget(aba)
        aba.novo()  # Ctrl+N antes de a leitura voltar
        soltar.set()
        qtbot.waitUntil(lambda: not aba.restaurando, timeout=ESPERA)
    assert [str(e[1]) for e in excecoes] == ["rascunho estragado"]
    monkeypatch.undo()
    qtbot.keyClicks(aba.form.crianca, "Joana Pereira")
    qtbot.waitUntil(lambda: (rascunhos.restaurar_rascunho(conselheira) or {}).get("crianca") == "Joana Pereira",
                    timeout=ESPERA)
    _ocioso(qtbot)


def test_plantonista_agora_mostra_a_modalidade_por_extenso(qtbot, conselheira):
    """O rótulo do plantonista diz a modalidade como a escala a mostra ('plantão', 'sobreaviso'), não a chave
    gravada ('plantao')."""
    aba = _aberta(qtbot, conselheira)
    for modalidade, esperado in (("plantao", "(plantão, 02/12/2026 18:00 a 03/12/2026 08:00)"),
                                 ("sobreaviso", "(sobreaviso, 02/12/2026 18:00 a 03/12/2026 08:00)")):
        aba._on_plantonista({"nome": "Antônia Maria Lopes", "modalidade": modalidade,
                             "inicio": "2026-12-02T18:00", "fim": "2026-12-03T08:00"})
        assert aba.plantonista.text().endswith(esperado), aba.plantonista.text()
