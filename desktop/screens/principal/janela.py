"""Janela principal: os módulos à esquerda, menus Arquivo/Módulos/Ajuda e a barra de situação.

Faz a cópia automática diária ao abrir e a "ao fechar" ao sair, sempre fora da thread da
interface; atende ao pedido de restauração vindo da Administração e volta à tela de entrada.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox,
                               QStackedWidget,
                               QVBoxLayout, QWidget)

from desktop.rules.papeis import Permissao
from desktop.screens.login.mensagens import avisar
from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets.tarefa import executar, prioridade_baixa
from desktop.services import instalacao

from . import geometria
from .modulos import (MODULOS, DialogoSobre, estado_indisponivel, estado_sem_permissao,
                      pagina_centralizada)


def _copia_automatica(progresso, sessao, motivo: str):
    from desktop.services import copias

    if motivo == "diaria":  # ninguém espera por ela: cede a CPU à janela que está abrindo (ao fechar, espera-se)
        prioridade_baixa()
    return copias.copia_automatica(sessao, motivo, progresso=lambda f, t: progresso.informar(f, t))


def _copia_manual(progresso, sessao):
    from desktop.services import copias

    return copias.fazer_copia(sessao, "manual", progresso=lambda f, t: progresso.informar(f, t))


class JanelaPrincipal(QMainWindow):
    """``sig_voltar_login(mensagem, erro)``: a sessão acabou (restauração) e o login deve voltar."""

    sig_voltar_login = Signal(str, bool)
    sig_trocar_usuario = Signal(str)  # a sessão foi encerrada (chaves esquecidas); a entrada volta com a mensagem

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self.sessao = sessao
        self.caminho_base = Path(sessao.base.caminho)
        self._tarefa = None
        self._fechar_depois = False
        self._fechando = False
        self._dialogo = None
        self.painel_administracao = None
        self.paineis: dict[str, QWidget] = {}
        self.diaria_conferida = False  # a cópia diária (feita ou não necessária) já foi tratada
        self.setWindowTitle("Paço")  # o nome do órgão chega da base, lido fora da thread da interface
        self.resize(1100, 720)  # o tamanho ao sair da maximização no primeiro uso
        geometria.restaurar(self)

        self.modulos = QListWidget()
        self.modulos.setObjectName("modulos")
        self.pilha = QStackedWidget()
        for modulo in MODULOS:  # cada painel é montado na primeira vez que o módulo é aberto
            self.modulos.addItem(modulo.nome)
            pagina = QWidget()
            QVBoxLayout(pagina).setContentsMargins(0, 0, 0, 0)
            self.pilha.addWidget(pagina)
        coluna = QWidget()
        coluna.setObjectName("colunaModulos")
        coluna.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        coluna.setFixedWidth(230)
        self.rotulo_orgao = QLabel()  # preenchido com o título, quando o órgão chega (_on_orgao)
        self.rotulo_orgao.setObjectName("orgao")
        self.rotulo_orgao.setWordWrap(True)
        lay_coluna = QVBoxLayout(coluna)
        lay_coluna.setContentsMargins(0, 0, 0, 0)
        lay_coluna.setSpacing(0)
        lay_coluna.addWidget(self.rotulo_orgao)
        lay_coluna.addWidget(self.modulos, 1)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(coluna)
        lay.addWidget(self.pilha, 1)
        self.setCentralWidget(central)
        self._criar_menus()
        self.rotulo_usuario = QLabel(f"{sessao.usuario.nome} · {sessao.usuario.rotulo_papel}")
        self.rotulo_base = QLabel(f"Base: {self.caminho_base}")
        self.statusBar().addPermanentWidget(self.rotulo_usuario)
        self.statusBar().addPermanentWidget(self.rotulo_base)
        # O painel do módulo inicial é montado numa volta seguinte do laço, não aqui: montado junto com a janela,
        # as duas coisas e a primeira pintura seguravam a thread da interface de uma vez só (issue 16:
        # ~100 ms ao abrir com 3.000 servidores, benchmarks/travamentos.py --culpados); assim a janela aparece
        # e o painel vem logo depois. Um temporizador de 1 ms, não de 0: no Qt 6 o de 0 vira um evento na fila,
        # atendido antes da pintura da janela que o show() pede e sem deixar passar nada entre as duas partes.
        inicial = self._modulo_inicial()
        self.modulos.setCurrentRow(inicial)
        self.pilha.setCurrentIndex(inicial)
        self.modulos.currentRowChanged.connect(self._on_modulo)
        QTimer.singleShot(1, self, self._ao_abrir)
        self.modulos.setFocus()
        self.aviso_chaves = None
        if getattr(sessao, "alertas", None):  # p.ex. "usuário alterado fora do Paço" (chaveiro)
            QTimer.singleShot(0, self._on_alertas_de_chaves)
        self._orgao: dict | None = None  # resumo_orgao: o órgão da instalação e os emissores dos módulos
        self._ler_orgao()

    def _ler_orgao(self) -> None:
        consulta(self, lambda: instalacao.resumo_orgao(self.sessao), self._on_orgao, titulo_erro="Paço")

    def _on_orgao(self, orgao: dict) -> None:
        self._orgao = orgao
        local = f" ({orgao['municipio']}-{orgao['uf']})" if orgao["municipio"] else ""
        self.setWindowTitle(f"Paço — {orgao['nome']}{local}" if orgao["nome"] else "Paço")
        self._mostrar_orgao()

    def _mostrar_orgao(self) -> None:
        """Ao lado dos módulos, o órgão do módulo aberto: o da instalação, ou os emissores dos documentos do
        módulo que o usuário lê, quando algum é de outro órgão (o Conselho Tutelar de Itapiranga-AM numa
        instalação da Secretaria de Educação de Jequié-BA). O título da janela continua o do dono da base."""
        o = self._orgao
        if o is None or self.sessao is None or self.modulos.currentRow() < 0:
            return
        modulo = MODULOS[self.modulos.currentRow()]
        proprio = (o["nome"], o["municipio"], o["uf"])
        quem = [proprio]
        for permissao, m in modulo.emissores:
            if self.sessao.pode(Permissao(permissao)):
                e = o["modulos"].get(m)
                quem.append((e["nome"], e["municipio"], e["uf"]) if e else proprio)
        quem = list(dict.fromkeys(quem[1:] or quem))
        linhas = []
        marca = "• " if len(quem) > 1 else ""  # dois órgãos: cada nome começa com a marca (não correm juntos)
        for i, (nome, municipio, uf) in enumerate(quem):  # o município uma vez só, depois dos órgãos dele
            linhas.append(marca + nome)
            if municipio and (i + 1 == len(quem) or quem[i + 1][1:] != (municipio, uf)):
                linhas.append(f"{municipio}-{uf}")
        self.rotulo_orgao.setText("\n".join(linhas))
        self.rotulo_orgao.setToolTip("" if quem == [proprio] else (
            f"Os documentos de {modulo.nome} saem em nome de {' e de '.join(q[0] for q in quem)}; esta "
            f"instalação é de {o['nome']}. O emissor de cada módulo se muda em Administração › Emissores."))

    def _on_alertas_de_chaves(self) -> None:
        self.aviso_chaves = QMessageBox(QMessageBox.Icon.Warning, "Paço — atenção",
                                        "\n\n".join(self.sessao.alertas), parent=self)
        self.aviso_chaves.open()

    # -- menus ---------------------------------------------------------------------------------
    def _acao(self, menu, texto: str, slot, atalho=None) -> QAction:
        acao = QAction(texto, self)
        if atalho is not None:
            acao.setShortcut(QKeySequence(atalho))
        acao.triggered.connect(slot)
        menu.addAction(acao)
        return acao

    def _criar_menus(self) -> None:
        arquivo = self.menuBar().addMenu("&Arquivo")
        self.acao_copia = self._acao(arquivo, "Fazer &cópia de segurança agora", self._on_copia_manual)
        self.acao_senha = self._acao(arquivo, "&Trocar minha senha…", self._on_trocar_senha)
        self.acao_verificar = self._acao(arquivo, "&Verificar documento…", self._on_verificar,
                                         "Ctrl+Shift+V")
        self.acao_imprimir = self._acao(arquivo, "&Imprimir o documento da tela…", self._on_imprimir, "Ctrl+P")
        self.acao_procurar = QAction("Procurar na lista", self)
        self.acao_procurar.setShortcut(QKeySequence("Ctrl+F"))
        self.acao_procurar.triggered.connect(self._on_procurar)
        self.addAction(self.acao_procurar)
        self.acao_novo_plantao = QAction("Novo atendimento de plantão (Conselho Tutelar)", self)
        self.acao_novo_plantao.setShortcut(QKeySequence("Ctrl+N"))
        self.acao_novo_plantao.triggered.connect(self._on_novo_plantao)
        self.addAction(self.acao_novo_plantao)
        self.acao_sincronizacao = self._acao(arquivo, "Sincroni&zação com outras máquinas…", self._on_sincronizacao)
        self.acao_sincronizacao.setEnabled(self.sessao.pode(Permissao.BACKUP_FAZER))
        arquivo.addSeparator()
        self.acao_trocar_usuario = self._acao(arquivo, "Trocar &usuário…", self._on_trocar_usuario, "Ctrl+Shift+U")
        self.acao_sair = self._acao(arquivo, "&Sair", self.close, "Ctrl+Q")
        menu_modulos = self.menuBar().addMenu("&Módulos")
        self.acoes_modulos = []
        for i, modulo in enumerate(MODULOS):
            self.acoes_modulos.append(self._acao(
                menu_modulos, modulo.nome, lambda _=False, i=i: self.modulos.setCurrentRow(i),
                f"Ctrl+{i + 1}"))
        ajuda = self.menuBar().addMenu("Aj&uda")
        self.acao_ajuda_tela = self._acao(ajuda, "&Ajuda desta tela", self._on_ajuda_tela, "F1")
        self.acao_atalhos = self._acao(ajuda, "A&talhos do teclado", self._on_atalhos)
        ajuda.addSeparator()
        self.acao_pasta_registros = self._acao(ajuda, "Abrir &pasta de registros",
                                               self._on_pasta_registros)
        self.acao_exportar_registros = self._acao(ajuda, "&Exportar registros para o suporte…",
                                                  self._on_exportar_registros)
        ajuda.addSeparator()
        self.acao_sobre = self._acao(ajuda, "&Sobre o Paço", self._on_sobre)

    # -- módulos -------------------------------------------------------------------------------
    def _modulo_inicial(self) -> int:
        """O módulo do próprio usuário: o primeiro que o papel pode abrir (a conselheira abre no Conselho)."""
        for i, modulo in enumerate(MODULOS):
            if any(self.sessao.pode(Permissao(p)) for p in modulo.permissoes):
                return i
        return 0

    def _on_modulo(self, indice: int) -> None:
        pagina = self.pilha.widget(indice)
        if not pagina.layout().count():
            self._montar_modulo(MODULOS[indice], pagina)
        anterior = self.pilha.currentIndex()
        self.pilha.setCurrentIndex(indice)
        if self._orgao is not None and MODULOS[anterior].chave == "administracao" != MODULOS[indice].chave:
            self._ler_orgao()  # na Administração pode ter mudado o emissor de um módulo (ou o próprio órgão)
        else:
            self._mostrar_orgao()

    def _ao_abrir(self) -> None:
        """Uma volta depois da janela: o painel inicial; e, uma volta depois dele (já pintado), a cópia diária.
        Pedida junto com a janela (temporizador de 0 ms), a thread da cópia começava antes da primeira pintura e
        do painel, e a parte dela em Python (listar as cópias e ler cada ``.chaves``, abrir a conexão paralela,
        anexar o sigilo) disputava o GIL com eles (issue 16; benchmarks/travamentos.py --so conselho --despejos:
        a interface parada ao abrir com a cópia em ``store/copias.listar_copias``)."""
        self._montar_atual()
        QTimer.singleShot(1, self, self._on_copia_diaria)

    def _montar_atual(self) -> None:
        """Monta o painel do módulo escolhido, se ainda não foi (o inicial vem uma volta depois da janela)."""
        if self.sessao is not None and self.modulos.currentRow() >= 0:
            self._on_modulo(self.modulos.currentRow())

    def _montar_modulo(self, modulo, pagina: QWidget) -> None:
        lay = pagina.layout()
        classe = modulo.classe_do_painel()
        if classe is None:
            lay.addWidget(pagina_centralizada(estado_indisponivel(modulo)))
            return
        if not any(self.sessao.pode(Permissao(p)) for p in modulo.permissoes):
            lay.addWidget(pagina_centralizada(estado_sem_permissao(modulo, self.sessao.usuario.rotulo_papel)))
            return
        painel = classe(self.sessao, pagina)
        self.paineis[modulo.chave] = painel
        if getattr(painel, "atalho_plantao", None) is not None:
            painel.atalho_plantao.setEnabled(False)  # Ctrl+N é da janela (_on_novo_plantao)
        if modulo.chave == "administracao":
            self.painel_administracao = painel
            painel.sig_restaurar.connect(self._on_restaurar)
            painel.sig_pacote_importado.connect(self._on_pacote_importado)
        lay.addWidget(painel)

    def _on_pacote_importado(self, _resumo) -> None:
        """Um pacote de sincronização foi aplicado: as telas abertas com dados recebidos recarregam."""
        from desktop.screens.widgets.recebidos import avisar_dados_recebidos

        avisar_dados_recebidos(self)

    def modulo_atual(self) -> str:
        return MODULOS[self.modulos.currentRow()].nome

    # -- ações do menu -------------------------------------------------------------------------
    def _abrir(self, dialogo) -> None:
        self._dialogo = dialogo
        dialogo.open()

    def _on_sobre(self) -> None:
        self._abrir(DialogoSobre(self))

    def _on_imprimir(self) -> None:
        from desktop.screens.widgets.impressao import documento_da_tela, imprimir_pdfs

        def _on_documento(pdf: bytes | None) -> None:
            if pdf is None:
                self.statusBar().showMessage(
                    "Nenhum documento nesta tela para imprimir: emita ou salve um documento antes. "
                    "Para reimprimir um antigo, emita outra via onde ele foi emitido.", 10000)
                return
            self._tarefa_impressao = imprimir_pdfs(self, pdf)

        documento_da_tela(self.pilha.currentWidget(), _on_documento)  # o PDF da base é lido fora da interface

    def _on_novo_plantao(self) -> None:
        """Ctrl+N em qualquer ponto do módulo Conselho Tutelar (inclusive na lista de módulos)."""
        self._montar_atual()  # Ctrl+N logo ao abrir, antes de o painel inicial ser montado
        painel = self.paineis.get("conselho")
        if MODULOS[self.modulos.currentRow()].chave != "conselho" or painel is None or not painel.novo_plantao():
            self.statusBar().showMessage("Ctrl+N abre um atendimento de plantão no Conselho Tutelar, para quem "
                                         "registra casos.", 5000)

    def _on_procurar(self) -> None:
        from .atalhos import campo_de_busca

        campo = campo_de_busca(self.pilha.currentWidget(), self.focusWidget())
        if campo is None:
            self.statusBar().showMessage("Esta tela não tem lista para procurar.", 5000)
            return
        campo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        campo.selectAll()

    def _on_ajuda_tela(self) -> None:
        from .atalhos import DialogoAjuda, aba_atual, texto_de_ajuda

        modulo = MODULOS[self.modulos.currentRow()]
        titulo, texto = texto_de_ajuda(modulo.chave, aba_atual(self.pilha.currentWidget()))
        self._abrir(DialogoAjuda(titulo, texto, self))

    def _on_atalhos(self) -> None:
        from .atalhos import DialogoAtalhos

        self._abrir(DialogoAtalhos(self))

    def _on_pasta_registros(self) -> None:
        from .ajuda import abrir_pasta_registros

        if not abrir_pasta_registros(self):
            self.statusBar().showMessage("Não foi possível abrir a pasta de registros.", 10000)

    def _on_exportar_registros(self) -> None:
        from .ajuda import exportar_registros

        self._tarefa_registros = exportar_registros(self)

    def _on_sincronizacao(self) -> None:
        from .sincronizacao import DialogoSincronizacao

        dialogo = DialogoSincronizacao(self.sessao, self)
        dialogo.aba.sig_pacote_importado.connect(self._on_pacote_importado)
        self._abrir(dialogo)

    def _on_verificar(self) -> None:
        from desktop.screens.documentos.verificar import DialogoVerificar

        self._abrir(DialogoVerificar(self.sessao, self))

    def _on_trocar_senha(self) -> None:
        from desktop.screens.login.senha import DialogoTrocarSenha

        dialogo = DialogoTrocarSenha(self.sessao, parent=self)
        dialogo.accepted.connect(lambda: self.statusBar().showMessage("Sua senha foi trocada.", 10000))
        self._abrir(dialogo)

    # -- cópias de segurança -------------------------------------------------------------------
    def _executar(self, titulo: str, funcao, *args, concluida=None) -> bool:
        """Uma tarefa de cada vez; ao terminar, fecha a janela se o usuário pediu para sair."""
        if self._tarefa is not None:
            self.statusBar().showMessage("Aguarde: há uma operação em andamento.", 5000)
            return False
        self._tarefa = executar(self, titulo, funcao, *args)

        def fim(resultado=None, erro=None):
            self._tarefa = None
            if concluida is not None:
                concluida(resultado, erro)
            if self._fechar_depois:
                self._fechar_depois = False
                self.close()

        self._tarefa.sig_concluida.connect(lambda r: fim(r))
        self._tarefa.sig_falhou.connect(lambda e: fim(erro=e))
        self._tarefa.sig_cancelada.connect(lambda: fim())
        return True

    def _on_copia_diaria(self) -> None:
        if self.sessao is not None:
            self._executar("Fazendo a cópia de segurança diária…", _copia_automatica, self.sessao,
                           "diaria", concluida=self._on_copia_diaria_feita)

    def _on_copia_diaria_feita(self, resultado, erro) -> None:
        self.diaria_conferida = True
        if erro is not None:
            self._falha_na_copia("A cópia de segurança diária não foi feita", erro)
        elif resultado is not None:
            self.statusBar().showMessage(f"Cópia de segurança diária feita ({resultado.copia.name}).", 15000)
            self._avisos_da_copia(resultado)

    def _on_copia_manual(self) -> None:
        self._executar("Fazendo a cópia de segurança…", _copia_manual, self.sessao,
                       concluida=self._on_copia_manual_feita)

    def _on_copia_manual_feita(self, resultado, erro) -> None:
        if erro is not None:
            self._falha_na_copia("A cópia de segurança não foi feita", erro)
        elif resultado is not None:
            texto = f"Cópia de segurança feita em {resultado.copia}."
            if resultado.extra is not None:
                texto += f" Também foi gravada em {resultado.extra}."
            self.statusBar().showMessage(texto, 30000)
            self._avisos_da_copia(resultado)

    def _avisos_da_copia(self, resultado) -> None:
        if resultado.avisos:
            avisar(self, "Cópia de segurança", "\n\n".join(resultado.avisos))

    def _falha_na_copia(self, titulo: str, erro: BaseException) -> None:
        from desktop.screens.widgets.tarefa import Cancelado

        if not isinstance(erro, Cancelado):
            avisar(self, "Cópia de segurança", f"{titulo}. {instalacao.mensagem(erro)}", erro=True)

    # -- restauração ---------------------------------------------------------------------------
    def _aguardar_tarefa(self) -> None:
        """Espera (sem congelar a janela) a operação em andamento, como a cópia diária, terminar."""
        tarefa = self._tarefa
        if tarefa is None:
            return
        espera = QEventLoop()
        for sinal in (tarefa.sig_concluida, tarefa.sig_falhou, tarefa.sig_cancelada):
            sinal.connect(espera.quit)
        espera.exec()

    def _on_restaurar(self, copia) -> None:
        """A aba Cópias já confirmou a restauração; aqui se pede a senha e se restaura."""
        from .restauracao import DialogoSenhaAdministrador, restaurar_copia

        copia = Path(copia)
        self._aguardar_tarefa()
        dialogo = DialogoSenhaAdministrador(copia, login=self.sessao.usuario.login, parent=self)
        if dialogo.exec() != DialogoSenhaAdministrador.DialogCode.Accepted:
            return
        self._aguardar_tarefa()
        self._encerrar_sessao()
        self._executar("Restaurando a cópia de segurança…", restaurar_copia, self.caminho_base,
                       copia, *dialogo.valores(), concluida=self._on_restaurada)
        self._tarefa.dialogo.setCancelButton(None)

    def _on_restaurada(self, mensagem, erro) -> None:
        if erro is None:
            self.sig_voltar_login.emit(mensagem, False)
        else:
            self.sig_voltar_login.emit(
                f"A restauração não foi feita: {instalacao.mensagem(erro)} A base continua como "
                "estava; entre de novo.", True)
        self._fechando = True
        self.close()

    # -- trocar de usuário ----------------------------------------------------------------------
    def _on_trocar_usuario(self) -> None:
        """Encerra a sessão sem fechar o programa: espera a operação em andamento, fecha as conexões e
        esquece as chaves da sessão (``Sessao.fechar``) e volta à entrada, para outro usuário entrar."""
        if self.sessao is None or not self._alteracoes_resolvidas(self._on_trocar_usuario):
            return
        self._aguardar_tarefa()
        nome = self.sessao.usuario.nome
        self._encerrar_sessao()
        self._fechando = True
        self.sig_trocar_usuario.emit(f"A sessão de {nome} foi encerrada. Entre com o seu usuário.")
        self.close()

    # -- fechar --------------------------------------------------------------------------------
    def _encerrar_sessao(self) -> None:
        if self.painel_administracao is not None:
            self.painel_administracao.setEnabled(False)
        if self.sessao is not None:
            self.sessao.fechar()
            self.sessao = None

    def _alteracoes_resolvidas(self, depois) -> bool:
        """Cada aba com alterações não gravadas (as que têm ``pode_sair``, como a grade do mês) pergunta se
        grava antes de a janela fechar ou de trocar de usuário. False se alguém escolheu Cancelar ou se a
        gravação pedida está em curso (``depois()`` roda quando ela terminar)."""
        for aba in self.findChildren(QWidget):
            pode_sair = getattr(aba, "pode_sair", None)
            if callable(pode_sair) and not pode_sair(depois):
                return False
        return True

    def closeEvent(self, evento: QCloseEvent) -> None:
        geometria.guardar(self)
        if self._tarefa is not None:  # espera a operação em andamento; fecha ao terminar
            self._fechar_depois = True
            evento.ignore()
            return
        if self.sessao is not None and not self._fechando and not self._alteracoes_resolvidas(self.close):
            evento.ignore()  # Cancelar, ou gravando: ``close`` de novo quando a gravação terminar
            return
        if self.sessao is not None and not self._fechando:
            self._fechando = True
            evento.ignore()
            self._executar("Fazendo a cópia de segurança ao fechar…", _copia_automatica,
                           self.sessao, "ao-fechar", concluida=self._on_copia_ao_fechar)
            return
        self._encerrar_sessao()
        evento.accept()

    def _on_copia_ao_fechar(self, _resultado, erro) -> None:
        if erro is not None:
            self._falha_na_copia("A cópia de segurança ao fechar não foi feita", erro)
        self._encerrar_sessao()
        self.close()
