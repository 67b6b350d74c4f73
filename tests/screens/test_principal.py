"""Janela principal: módulos e atalhos, estados vazios honestos, Administração por permissão,
menus (Sobre, Verificar documento, cópia agora, trocar senha) e a restauração que volta à entrada."""
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from desktop import __version__
from desktop import app as paco
from desktop.screens.principal import JanelaPrincipal
from desktop.services import acesso, chaveiro, copias

from ..conftest import SENHA_ADMIN
from .apoio_janelas import digitar, esperar_copia_diaria, fechar_principal, quando_modal


@pytest.fixture
def abrir(qtbot, instalacao):
    """Abre a janela principal para um login; fecha tudo (com a cópia ao fechar) no fim."""
    caminho, _ = instalacao
    janelas = []

    def _abrir(login="admin", senha=SENHA_ADMIN):
        janela = JanelaPrincipal(acesso.entrar(caminho, login, senha))
        janelas.append(janela)
        with qtbot.waitExposed(janela):
            janela.show()
        esperar_copia_diaria(qtbot, janela)
        with qtbot.waitActive(janela):  # atalhos (Ctrl+1, Ctrl+Q…) só valem na janela ativa
            janela.activateWindow()
        return janela

    yield _abrir
    for janela in janelas:
        fechar_principal(qtbot, janela)
        janela.deleteLater()


@pytest.fixture
def consulta(instalacao):
    caminho, recuperacao = instalacao
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    chaveiro.usar_recuperacao(s, recuperacao)  # a consulta (MP) recebe o sigilo já na criação
    acesso.criar_usuario(s, login="mp", nome="Promotoria", papel="consulta", senha="provisoria1")
    s.fechar()
    s = acesso.entrar(caminho, "mp", "provisoria1")
    acesso.trocar_propria_senha(s, "provisoria1", "consulta-123", "consulta-123")
    s.fechar()
    return "mp", "consulta-123"


def test_modulos_e_estados_vazios_honestos(abrir):
    janela = abrir()
    nomes = [janela.modulos.item(i).text() for i in range(janela.modulos.count())]
    assert nomes == ["Magistério", "Conselho Tutelar", "Certificação", "Administração"]
    assert janela.modulo_atual() == "Magistério"
    esperado = {
        0: ("Magistério — Lei 1.613/2004 de Jequié-BA. Este módulo ainda não está disponível nesta "
            "versão do Paço. Quando estiver, aqui ficarão: cadastro funcional, folha mensal, "
            "contracheques e histórico funcional."),
        1: "Conselho Tutelar — Lei Municipal 320/2023 de Itapiranga-AM. Este módulo ainda não está",
        2: "Certificação — Portaria MEC 902/2024 (Rede Certifica). Este módulo ainda não está",
    }
    from desktop.screens.principal.modulos import MODULOS

    for indice, texto in esperado.items():
        if MODULOS[indice].classe_do_painel() is not None:
            continue  # o módulo já existe nesta versão: o teste dele cobre o painel
        janela.modulos.setCurrentRow(indice)  # o painel é montado ao abrir o módulo
        pagina = janela.pilha.widget(indice)
        textos = [r.text() for r in pagina.findChildren(type(janela.rotulo_base))]
        assert any(t.startswith(texto) for t in textos), textos
        assert pagina.findChildren(QPushButton) == []  # nada de botões que não fazem nada


def test_painel_inicial_vem_depois_da_janela(qtbot, instalacao):
    """A janela aparece primeiro e o painel do módulo inicial é montado numa volta seguinte do laço: montar tudo
    de uma vez segurava a thread da interface ~100 ms ao abrir com 3.000 servidores (issue 16)."""
    caminho, _ = instalacao
    janela = JanelaPrincipal(acesso.entrar(caminho, "admin", SENHA_ADMIN))
    qtbot.addWidget(janela)
    try:
        pagina = janela.pilha.currentWidget()
        assert janela.pilha.currentIndex() == janela.modulos.currentRow() == 0
        assert pagina.layout().count() == 0  # ainda não montado
        with qtbot.waitExposed(janela):
            janela.show()
        qtbot.waitUntil(lambda: pagina.layout().count() == 1)
        esperar_copia_diaria(qtbot, janela)
        assert janela.modulo_atual() == "Magistério" and janela.pilha.currentWidget() is pagina
    finally:
        fechar_principal(qtbot, janela)


def test_atalhos_ctrl_1_a_4_trocam_de_modulo(qtbot, abrir):
    janela = abrir()
    for tecla, nome in ((Qt.Key.Key_2, "Conselho Tutelar"), (Qt.Key.Key_3, "Certificação"),
                        (Qt.Key.Key_4, "Administração"), (Qt.Key.Key_1, "Magistério")):
        qtbot.keyClick(janela.modulos, tecla, Qt.KeyboardModifier.ControlModifier)
        assert janela.modulo_atual() == nome
        assert janela.pilha.currentIndex() == janela.modulos.currentRow()
    assert [a.shortcut().toString() for a in janela.acoes_modulos] == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]


def test_administracao_embute_o_painel_para_o_administrador(qtbot, abrir):
    from desktop.screens.administracao.painel import PainelAdministracao

    janela = abrir()
    qtbot.keyClick(janela.modulos, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(janela.painel_administracao, PainelAdministracao)
    assert janela.painel_administracao.isVisible()


def test_administracao_para_quem_nao_gerencia_usuarios(qtbot, abrir, consulta):
    janela = abrir(*consulta)
    assert janela.rotulo_usuario.text() == "Promotoria · Consulta (somente leitura)"
    qtbot.keyClick(janela.modulos, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert janela.painel_administracao is None
    pagina = janela.pilha.currentWidget()
    texto = " ".join(r.text() for r in pagina.findChildren(type(janela.rotulo_base)))
    assert "reservada a quem pode gerenciar usuários" in texto
    assert "Consulta (somente leitura)" in texto


def test_sobre_mostra_versao_e_as_leis(qtbot, abrir):
    janela = abrir()
    janela.acao_sobre.trigger()
    dialogo = janela._dialogo
    qtbot.waitUntil(dialogo.isVisible)
    assert dialogo.windowTitle() == "Sobre o Paço"
    assert dialogo.versao.text() == f"Versão {__version__}"
    for lei in ("Lei nº 1.613", "Lei Municipal nº 320", "Portaria MEC nº 902"):
        assert lei in dialogo.leis.text()
    dialogo.accept()


def test_verificar_documento_ctrl_shift_v(qtbot, abrir, consulta):
    from desktop.screens.documentos.verificar import DialogoVerificar

    janela = abrir(*consulta)  # disponível a todos os papéis
    assert janela.acao_verificar.shortcut().toString() == "Ctrl+Shift+V"
    qtbot.keyClick(janela.modulos, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(janela._dialogo, DialogoVerificar)
    qtbot.waitUntil(janela._dialogo.isVisible)
    janela._dialogo.reject()


def test_fazer_copia_agora(qtbot, abrir, instalacao):
    caminho, _ = instalacao
    janela = abrir()
    janela.acao_copia.trigger()
    qtbot.waitUntil(lambda: janela._tarefa is None, timeout=15000)
    manuais = list((caminho.parent / "copias").glob("*-manual.s*.db"))
    assert len(manuais) == 1
    assert janela.statusBar().currentMessage() == f"Cópia de segurança feita em {manuais[0]}."


def test_trocar_minha_senha_pelo_menu(qtbot, abrir, instalacao):
    caminho, _ = instalacao
    janela = abrir()
    janela.acao_senha.trigger()
    dialogo = janela._dialogo
    digitar(qtbot, dialogo.atual.edit, SENHA_ADMIN)
    digitar(qtbot, dialogo.nova.edit, "nova-senha-do-admin")
    digitar(qtbot, dialogo.confirmacao.edit, "nova-senha-do-admin")
    qtbot.mouseClick(dialogo.botao_trocar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialogo.isVisible(), timeout=10000)
    assert janela.statusBar().currentMessage() == "Sua senha foi trocada."
    fechar_principal(qtbot, janela)
    acesso.entrar(caminho, "admin", "nova-senha-do-admin").fechar()


def test_sair_ctrl_q_faz_copia_ao_fechar(qtbot, abrir, instalacao):
    caminho, _ = instalacao
    janela = abrir()
    qtbot.keyClick(janela.modulos, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: janela.sessao is None and not janela.isVisible(), timeout=15000)
    assert len(list((caminho.parent / "copias").glob("*-ao-fechar.s*.db"))) == 1


def test_restaurar_pede_a_senha_fecha_a_sessao_e_volta_a_entrada(qtbot, qapp, instalacao):
    caminho, _ = instalacao
    fluxo = paco.Fluxo(qapp)
    janela = fluxo.mostrar_principal(acesso.entrar(caminho, "admin", SENHA_ADMIN))
    esperar_copia_diaria(qtbot, janela)
    with qtbot.waitActive(janela):
        janela.activateWindow()
    copia = copias.fazer_copia(janela.sessao, "manual").copia
    acesso.criar_usuario(janela.sessao, login="depois", nome="Criado depois da cópia",
                         papel="consulta", senha="provisoria1")
    qtbot.keyClick(janela.modulos, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)

    def confirmar(dialogo):
        assert dialogo.credenciais.login.text() == "admin"
        dialogo.credenciais.senha.setText(SENHA_ADMIN)
        dialogo.botao_ok.click()

    quando_modal(confirmar)
    # a aba Cópias emite o sinal depois de o usuário confirmar; aqui ele vem direto do painel
    janela.painel_administracao.sig_restaurar.emit(copia)
    qtbot.waitUntil(lambda: fluxo.login is not None and fluxo.login.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: not janela.isVisible(), timeout=15000)
    assert janela.sessao is None
    aviso = fluxo.login.informacao.text()
    assert f"A cópia {copia.name} foi restaurada." in aviso
    assert "A base anterior ficou guardada em" in aviso
    guardada = aviso.split("ficou guardada em ")[1].split(". Entre com a senha que valia")[0]
    assert Path(guardada).exists()
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:  # o usuário criado depois da cópia não está na base restaurada
        assert s.db.execute("SELECT count(*) FROM usuarios WHERE login = 'depois'").fetchone() == (0,)
    finally:
        s.fechar()
        fluxo.login.hide()
        fluxo.login.deleteLater()


def test_ajuda_exporta_os_registros_para_o_suporte(qtbot, abrir, tmp_path):
    import zipfile

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from .apoio_janelas import clicar_botao

    janela = abrir()
    destino = tmp_path / "para-o-suporte.zip"

    def escolher(dialogo):
        dialogo.selectFile(str(destino))
        dialogo.accept()

    quando_modal(escolher, tipo=QFileDialog)
    quando_modal(lambda caixa: clicar_botao(caixa, "OK"), tipo=QMessageBox)
    janela.acao_exportar_registros.trigger()
    qtbot.waitUntil(destino.exists, timeout=10000)
    with zipfile.ZipFile(destino) as z:
        assert "resumo.txt" in z.namelist()
    assert janela.acao_pasta_registros.text() == "Abrir &pasta de registros"


def test_ctrl_f_vai_ao_filtro_da_lista_e_f1_mostra_a_ajuda_da_aba(qtbot, abrir):
    from PySide6.QtWidgets import QApplication

    from desktop.screens.principal.atalhos import DialogoAjuda

    janela = abrir()
    qtbot.keyClick(janela.modulos, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    painel = janela.painel_administracao
    assert painel.abas.tabText(painel.abas.currentIndex()) == "Usuários"
    qtbot.keyClick(janela.modulos, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is painel.usuarios.filtro)

    painel.abas.setCurrentWidget(painel.emitidos)
    painel.emitidos.tabela.setFocus()
    qtbot.keyClick(painel.emitidos.tabela, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is painel.emitidos.texto)

    qtbot.keyClick(painel.emitidos.texto, Qt.Key.Key_F1)
    dialogo = janela._dialogo
    assert isinstance(dialogo, DialogoAjuda)
    qtbot.waitUntil(dialogo.isVisible)
    assert dialogo.windowTitle() == "Ajuda — Administração — Documentos emitidos"
    assert dialogo.texto.toPlainText().startswith("Tudo o que o Paço emitiu")
    dialogo.reject()

    qtbot.keyClick(janela.modulos, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Nenhum documento nesta tela para imprimir" in janela.statusBar().currentMessage()


def test_ajuda_atalhos_lista_os_atalhos(qtbot, abrir):
    from desktop.screens.principal.atalhos import DialogoAtalhos

    janela = abrir()
    assert janela.acao_imprimir.shortcut().toString() == "Ctrl+P"
    assert janela.acao_procurar.shortcut().toString() == "Ctrl+F"
    assert janela.acao_ajuda_tela.shortcut().toString() == "F1"
    janela.acao_atalhos.trigger()
    dialogo = janela._dialogo
    assert isinstance(dialogo, DialogoAtalhos)
    qtbot.waitUntil(dialogo.isVisible)
    teclas = dialogo.teclas()
    for tecla in ("Ctrl+P", "Ctrl+F", "F1", "Ctrl+Shift+V", "Ctrl+Q"):
        assert tecla in teclas
    # a tabela comum: o que se vê é a lista de ATALHOS, na ordem dela, e cada tecla cabe inteira na coluna
    from desktop.screens.principal.atalhos import ATALHOS
    from tests.screens.apoio_tabelas import textos

    visao = dialogo.tabela
    assert textos(visao) == [[t, d] for t, d in ATALHOS]
    metricas = visao.fontMetrics()
    assert all(metricas.horizontalAdvance(t) + 8 <= visao.columnWidth(0) for t, _ in ATALHOS)
    # um clique no título "Tecla" ordena pela tecla
    cab = visao.horizontalHeader()
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(cab.sectionPosition(0) + cab.sectionSize(0) // 2, cab.height() // 2))
    assert dialogo.teclas() == sorted((t for t, _ in ATALHOS), key=str.casefold)
    dialogo.reject()


def test_administrador_e_avisado_de_usuario_alterado_fora_do_paco(qtbot, abrir, instalacao):
    """Uma fechadura trocada por fora (aqui, a de um usuário da folha) aparece num aviso ao entrar."""
    from desktop.store.chaves import ArquivoChaves

    caminho, _ = instalacao
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    acesso.criar_usuario(s, login="rh", nome="Rita", papel="folha_rh", senha="provisoria1", trocar_senha=False)
    s.fechar()
    arquivo = ArquivoChaves.ler(caminho)
    minhas = arquivo.abrir("rh", "provisoria1").chaves
    arquivo.definir_usuario("rh", "folha_rh", "outra-senha-1", minhas)  # por fora do Paço
    arquivo.gravar()
    janela = abrir()
    qtbot.waitUntil(lambda: janela.aviso_chaves is not None and janela.aviso_chaves.isVisible(), timeout=5000)
    assert "Usuário alterado fora do Paço: rh" in janela.aviso_chaves.text()
    janela.aviso_chaves.close()


@pytest.fixture
def conselheira_login(instalacao):
    """Uma conselheira titular com usuário vinculado ao seu cadastro (recebe o sigilo na criação)."""
    from datetime import date

    from desktop.services.conselho import mandatos

    caminho, recuperacao = instalacao
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    chaveiro.usar_recuperacao(s, recuperacao)
    c = mandatos.cadastrar_conselheiro(s, nome="Ana Conselheira", condicao="titular", ordem=1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    acesso.criar_usuario(s, login="ana", nome="Ana Conselheira", papel="conselheiro_tutelar",
                         senha="plantao-123", trocar_senha=False)
    mandatos.vincular_usuario(s, c["id"], "ana")
    s.fechar()
    return "ana", "plantao-123"


def test_conselheira_abre_no_conselho_e_ctrl_n_da_lista_de_modulos_abre_o_plantao(qtbot, abrir, conselheira_login):
    janela = abrir(*conselheira_login)
    assert janela.modulo_atual() == "Conselho Tutelar"  # o módulo dela, não o Magistério
    painel = janela.paineis["conselho"]
    aba = painel.widgets["Modo plantão"]
    painel.abas.setCurrentWidget(painel.widgets["Atendimentos"])  # outra aba; o foco vai para a lista de módulos
    assert aba.form is None
    janela.modulos.setFocus()
    assert janela.modulos.hasFocus()
    qtbot.keyClick(janela.modulos, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert painel.abas.currentWidget() is aba and aba.form is not None
    aba.form.parar()


def test_fechar_a_janela_leva_o_rascunho_do_plantao_a_base(qtbot, abrir, conselheira_login, instalacao, monkeypatch):
    """Digitou no plantão e fechou a janela antes de o rascunho sair sozinho (temporizadores longos aqui): a
    janela espera o rascunho chegar à base antes de fechar; ao entrar de novo, ele está lá."""
    from desktop.screens.conselho.funcionamento import plantao_formulario as formulario
    from desktop.services.conselho import rascunhos

    monkeypatch.setattr(formulario, "ESPERA_APOS_TECLA_MS", 600000)
    monkeypatch.setattr(formulario, "INTERVALO_AUTOSALVAR_MS", 600000)
    janela = abrir(*conselheira_login)
    painel = janela.paineis["conselho"]
    qtbot.keyClick(janela.modulos, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    aba = painel.widgets["Modo plantão"]
    qtbot.waitUntil(lambda: not aba.restaurando, timeout=15000)
    qtbot.keyClicks(aba.form.crianca, "Rita Souza")
    fechar_principal(qtbot, janela)
    sessao = acesso.entrar(instalacao[0], *conselheira_login)
    try:
        assert (rascunhos.restaurar_rascunho(sessao) or {}).get("crianca") == "Rita Souza"
    finally:
        sessao.fechar()


def test_ctrl_n_fora_do_conselho_nao_abre_plantao(qtbot, abrir):
    janela = abrir()
    assert janela.modulo_atual() == "Magistério"
    qtbot.keyClick(janela.modulos, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "Conselho Tutelar" in janela.statusBar().currentMessage()


def test_pacote_importado_avisa_as_telas_abertas(qtbot, abrir):
    """A importação de um pacote (Administração › Sincronização) faz recarregar as telas com ``dados_recebidos``
    (o painel da apuração na noite da eleição; ver tests/screens/conselho/test_dupla_digitacao.py)."""
    from PySide6.QtWidgets import QWidget

    class Sonda(QWidget):
        def __init__(self, parent):
            super().__init__(parent)
            self.avisos = 0

        def dados_recebidos(self):
            self.avisos += 1

    janela = abrir()
    qtbot.keyClick(janela.modulos, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    sonda = Sonda(janela.pilha.widget(0))
    janela.painel_administracao.sig_pacote_importado.emit({"aplicadas": 1, "conflitos": 0})
    assert sonda.avisos == 1


def test_copia_diaria_comeca_depois_do_painel_inicial(qtbot, abrir, conselheira_login, monkeypatch):
    """A cópia diária é pedida depois de o painel inicial montado (issue 16): antes, pedida junto com a janela, a
    thread dela (listar as cópias, abrir a conexão, anexar o sigilo, em Python) disputava o GIL com a primeira
    pintura e a montagem do painel. A cópia continua sendo feita ao abrir."""
    vistos = []
    original = JanelaPrincipal._on_copia_diaria

    def _espiando(self):
        vistos.append(sorted(self.paineis))
        original(self)

    monkeypatch.setattr(JanelaPrincipal, "_on_copia_diaria", _espiando)
    janela = abrir(*conselheira_login)
    assert vistos == [["conselho"]]  # o painel do Conselho já estava montado quando a cópia foi pedida
    assert janela.diaria_conferida and janela._tarefa is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="o nice por thread é do Linux")
def test_copia_diaria_cede_a_cpu_a_janela(qtbot, abrir, monkeypatch):
    """A cópia diária roda numa thread de prioridade baixa (nice 10 no Linux): com 2 núcleos, ela e a leitura da
    aba Servidores deixavam a interface esperando CPU ao abrir (issue 16). A thread da interface não muda; a
    cópia ao fechar (que o usuário espera) também não."""
    import os
    import threading

    vistas = {}
    original = copias.copia_automatica

    def _espiando(sessao, motivo, **kw):
        vistas[motivo] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return original(sessao, motivo, **kw)

    monkeypatch.setattr(copias, "copia_automatica", _espiando)
    antes = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    janela = abrir()
    assert vistas["diaria"] >= min(antes + 10, 19)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == antes  # a interface continua igual
    janela.close()
    qtbot.waitUntil(lambda: "ao-fechar" in vistas, timeout=15000)
    assert vistas["ao-fechar"] == antes


def test_atalhos_com_a_descricao_inteira(qtbot, qapp):
    """Com a folha de estilo (11 pt), cada descrição cabe inteira na coluna — 'Novo atendimento de plantão, de qualquer
    ponto do Conselho Tutelar (vai …' saía cortada nos 760 pontos fixos — e o diálogo cabe em 1366."""
    from PySide6.QtWidgets import QApplication

    from desktop.screens.principal.atalhos import DialogoAtalhos

    anterior = qapp.styleSheet()
    paco.configurar_aplicacao(qapp)
    try:
        dialogo = DialogoAtalhos()
        qtbot.addWidget(dialogo)
        dialogo.show()
        QApplication.processEvents()
        visao = dialogo.tabela
        assert visao.sizeHintForColumn(1) <= visao.columnWidth(1), (visao.sizeHintForColumn(1), visao.columnWidth(1))
        assert visao.horizontalScrollBar().maximum() == 0 and dialogo.width() <= 1366
    finally:
        qapp.setStyleSheet(anterior)


@pytest.fixture
def emissores_de_itapiranga(instalacao, conselheira_login):
    """O Conselho Tutelar e o CMDCA de Itapiranga-AM emitem os documentos do Conselho e da eleição; o Magistério
    continua com o órgão da instalação (Jequié-BA)."""
    from desktop.services import emissores

    s = acesso.entrar(instalacao[0], "admin", SENHA_ADMIN)
    ids = {}
    for modulo, nome in (("conselho", "Conselho Tutelar de Itapiranga"), ("eleicao", "CMDCA de Itapiranga")):
        ids[modulo] = emissores.criar(s, nome=nome, cnpj="11.444.777/0001-61", municipio="Itapiranga", uf="AM").id
        emissores.atribuir_modulo(s, modulo, ids[modulo])
    s.fechar()
    return ids


def test_rotulo_ao_lado_dos_modulos_mostra_o_orgao_do_modulo_aberto(qtbot, abrir, conselheira_login,
                                                                    emissores_de_itapiranga):
    janela = abrir()
    jequie = "Secretaria Municipal de Educação\nJequié-BA"
    qtbot.waitUntil(lambda: janela.rotulo_orgao.text() == jequie)
    assert janela.windowTitle() == "Paço — Secretaria Municipal de Educação (Jequié-BA)"
    assert janela.rotulo_orgao.toolTip() == ""
    qtbot.keyClick(janela.modulos, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # o administrador lê os dois
    assert janela.rotulo_orgao.text() == "• Conselho Tutelar de Itapiranga\n• CMDCA de Itapiranga\nItapiranga-AM"
    assert janela.rotulo_orgao.toolTip().startswith(
        "Os documentos de Conselho Tutelar saem em nome de Conselho Tutelar de Itapiranga e de CMDCA de Itapiranga; "
        "esta instalação é de Secretaria Municipal de Educação.")
    assert janela.windowTitle() == "Paço — Secretaria Municipal de Educação (Jequié-BA)"  # o dono da base
    qtbot.keyClick(janela.modulos, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert janela.rotulo_orgao.text() == jequie
    # na Administração o Conselho volta a emitir como o órgão: ao sair dela, o rótulo relê os emissores
    from desktop.services import emissores

    emissores.atribuir_modulo(janela.sessao, "conselho", emissores.ORGAO)
    qtbot.keyClick(janela.modulos, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: janela.rotulo_orgao.text() == f"• {jequie}\n• CMDCA de Itapiranga\nItapiranga-AM")
    fechar_principal(qtbot, janela)
    # a conselheira não lê a eleição: só o órgão dos documentos dela
    s = acesso.entrar(janela.caminho_base, "admin", SENHA_ADMIN)
    emissores.atribuir_modulo(s, "conselho", emissores_de_itapiranga["conselho"])
    s.fechar()
    janela = abrir(*conselheira_login)
    qtbot.waitUntil(lambda: janela.rotulo_orgao.text() == "Conselho Tutelar de Itapiranga\nItapiranga-AM")
