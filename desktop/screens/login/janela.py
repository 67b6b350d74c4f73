"""Tela de entrada (login): usuário e senha, espera após tentativas erradas, recuperação e outra base.

Para o Paço abrir depressa, este módulo só importa o Qt e a configuração local; os serviços que
abrem a base (cifra, argon2) são importados quando a janela já está na tela.
"""
from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.services import local


def _abrir(_progresso, caminho: Path, login: str, senha: str):
    from desktop.services import acesso

    return acesso.entrar(caminho, login, senha)


def _link(texto: str) -> QPushButton:
    botao = QPushButton(texto)
    botao.setObjectName("link")
    botao.setFlat(True)
    botao.setAutoDefault(False)
    return botao


class JanelaLogin(QDialog):
    """Emite ``sig_entrou(sessao)`` quando o usuário entra (já com a senha definitiva)."""

    sig_entrou = Signal(object)

    def __init__(self, caminho: Path, *, login: str = "", dica: str = "",
                 gravar_ao_entrar: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.caminho = Path(caminho)
        self._gravar_ao_entrar = gravar_ao_entrar
        self._tarefa = None
        self._dialogo = None
        self._espera_ate = 0.0
        self._prefixo_espera = ""
        self.setWindowTitle("Paço — entrada")
        self.setFixedWidth(600)  # largura fixa; a altura acompanha as mensagens (adjustSize)

        titulo = QLabel("Paço")
        titulo.setObjectName("titulo")
        subtitulo = QLabel("Entre com o seu usuário e a sua senha.")
        subtitulo.setObjectName("subtitulo")
        self.dica = QLabel(dica)
        self.dica.setObjectName("demo")
        self.dica.setWordWrap(True)
        self.dica.setVisible(bool(dica))
        self.login = QLineEdit(login)
        self.login.setPlaceholderText("seu login")
        self.senha = QLineEdit()
        self.senha.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Usuário:", self.login)
        form.addRow("&Senha:", self.senha)
        self.mensagem = QLabel()
        self.mensagem.setObjectName("erro")
        self.mensagem.setWordWrap(True)
        self.mensagem.hide()
        self.informacao = QLabel()
        self.informacao.setObjectName("demo")
        self.informacao.setWordWrap(True)
        self.informacao.hide()
        self.botao_recuperacao = QPushButton("Usar a chave de recuperação…")
        self.botao_restaurar = QPushButton("Restaurar cópia de segurança…")
        for b in (self.botao_recuperacao, self.botao_restaurar):
            b.setAutoDefault(False)
            b.hide()
        socorro = QHBoxLayout()
        socorro.addWidget(self.botao_recuperacao)
        socorro.addWidget(self.botao_restaurar)
        socorro.addStretch(1)
        self.botao_entrar = QPushButton("Entrar")
        self.botao_entrar.setDefault(True)
        self.botao_sair = QPushButton("Sair")
        self.botao_sair.setAutoDefault(False)
        self.botao_verificar = QPushButton("&Verificar documento…")
        self.botao_verificar.setAutoDefault(False)
        self.botao_verificar.setToolTip("Confere um documento do Paço (deste ou de outro órgão) sem entrar, "
                                        "pelo selo assinado e as chaves públicas importadas.")
        botoes = QHBoxLayout()
        botoes.addWidget(self.botao_verificar)
        botoes.addStretch(1)
        botoes.addWidget(self.botao_sair)
        botoes.addWidget(self.botao_entrar)
        self.link_esqueci = _link("Esqueci minha senha")
        self.link_outra = _link("Abrir outra base…")
        links = QHBoxLayout()
        links.addWidget(self.link_esqueci)
        links.addStretch(1)
        links.addWidget(self.link_outra)
        self.rotulo_base = QLabel()
        self.rotulo_base.setObjectName("dica")
        self.rotulo_base.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 18)
        lay.addWidget(titulo)
        lay.addWidget(subtitulo)
        lay.addSpacing(10)
        lay.addWidget(self.dica)
        lay.addLayout(form)
        lay.addSpacing(6)
        lay.addLayout(botoes)
        # as mensagens vêm abaixo dos botões: aparecer ou sumir não empurra Entrar e Sair (issue 16)
        lay.addWidget(self.informacao)
        lay.addWidget(self.mensagem)
        lay.addLayout(socorro)
        lay.addSpacing(6)
        lay.addLayout(links)
        lay.addWidget(self.rotulo_base)
        lay.addStretch(1)  # a sobra de altura fica embaixo, nunca entre o título e os botões

        self.relogio = QTimer(self)
        self.relogio.setInterval(250)
        self.relogio.timeout.connect(self._on_relogio)
        self.botao_entrar.clicked.connect(self._on_entrar)
        self.botao_sair.clicked.connect(self.reject)
        self.link_esqueci.clicked.connect(self._on_esqueci)
        self.link_outra.clicked.connect(self._on_outra_base)
        self.botao_recuperacao.clicked.connect(self._on_esqueci)
        self.botao_restaurar.clicked.connect(self._on_restaurar)
        self.botao_verificar.clicked.connect(self._on_verificar)
        self._mostrar_base()
        (self.senha if login else self.login).setFocus()

    # -- mensagens ---------------------------------------------------------------------------
    def _mostrar_base(self) -> None:
        self.rotulo_base.setText(f"Base: {self.caminho}")

    def _dizer(self, texto: str, *, chaves: bool = False, restaurar: bool = False) -> None:
        if texto:
            self.informacao.hide()
        self.mensagem.setText(texto)
        self.mensagem.setVisible(bool(texto))
        self.botao_recuperacao.setVisible(chaves)
        self.botao_restaurar.setVisible(restaurar)
        self.adjustSize()

    def sugerir(self, login: str, dica: str) -> None:
        """Preenche o usuário e mostra uma dica (base de demonstração)."""
        self.login.setText(login)
        self.dica.setText(dica)
        self.dica.setVisible(bool(dica))
        self.senha.setFocus()
        self.adjustSize()

    def mostrar_erro(self, texto: str) -> None:
        self._dizer(texto)

    def texto_mensagem(self) -> str:
        return self.mensagem.text() if self.mensagem.isVisible() else ""

    # -- entrar ------------------------------------------------------------------------------
    def _on_entrar(self) -> None:
        if self._espera_ate or self._tarefa is not None:
            return
        login, senha = self.login.text().strip(), self.senha.text()
        if not login:
            self._dizer("Informe o seu usuário (login).")
            self.login.setFocus()
            return
        if not senha:
            self._dizer("Informe a sua senha.")
            self.senha.setFocus()
            return
        if not self.caminho.exists():
            self._dizer(f"A base {self.caminho} não foi encontrada. Se ela foi movida, use “Abrir "
                        "outra base…”; se foi apagada, restaure uma cópia de segurança.", restaurar=True)
            return
        from desktop.screens.widgets.tarefa import executar

        self._dizer("")
        self._ocupado(True)
        self._tarefa = executar(self, "Abrindo a base…", _abrir, self.caminho, login, senha)
        self._tarefa.dialogo.setCancelButton(None)
        self._tarefa.sig_concluida.connect(self._on_entrada_ok)
        self._tarefa.sig_falhou.connect(self._on_entrada_falhou)

    def _ocupado(self, sim: bool) -> None:
        for w in (self.botao_entrar, self.login, self.senha, self.link_esqueci, self.link_outra):
            w.setEnabled(not sim)

    def _on_entrada_falhou(self, erro: BaseException) -> None:
        from desktop.services import acesso, instalacao

        self._tarefa = None
        self._ocupado(False)
        if isinstance(erro, acesso.MuitasTentativas):
            self._esperar(erro.segundos, "Muitas tentativas com senha errada.")
        elif instalacao.senha_incorreta(erro):
            self.senha.clear()
            self.senha.setFocus()
            espera = acesso.espera_restante(self.caminho, self.login.text().strip().lower())
            if espera:
                self._esperar(espera, "Usuário ou senha incorretos. Depois de várias tentativas erradas,")
            else:
                self._dizer("Usuário ou senha incorretos. Confira o login e a senha (letras "
                            "maiúsculas e minúsculas fazem diferença) e tente de novo.")
        elif instalacao.problema_nas_chaves(erro):
            self._dizer(instalacao.mensagem(erro), chaves=True, restaurar=True)
        else:
            self._dizer(instalacao.mensagem(erro), restaurar=instalacao.oferece_restauracao(erro))

    def _on_entrada_ok(self, sessao) -> None:
        self._tarefa = None
        self._ocupado(False)
        if sessao.usuario.trocar_senha:
            from .senha import DialogoTrocarSenha

            self._dialogo = DialogoTrocarSenha(sessao, obrigatoria=True, parent=self)
            self._dialogo.finished.connect(lambda r: self._on_troca_obrigatoria(sessao, r))
            self._dialogo.open()
            return
        self._concluir(sessao)

    def _on_troca_obrigatoria(self, sessao, resultado: int) -> None:
        self._dialogo = None
        if resultado == QDialog.DialogCode.Accepted:
            self._concluir(sessao)
            return
        sessao.fechar()
        self.senha.clear()
        self._dizer("Para entrar é preciso trocar a senha provisória. Entre de novo quando puder.")

    def _concluir(self, sessao) -> None:
        if self._gravar_ao_entrar:
            local.gravar(base=str(self.caminho))
        self.senha.clear()
        self.sig_entrou.emit(sessao)
        self.accept()

    # -- espera após tentativas erradas --------------------------------------------------------
    def _esperar(self, segundos: int, prefixo: str) -> None:
        self._espera_ate = time.monotonic() + segundos
        self._prefixo_espera = prefixo
        self.botao_entrar.setEnabled(False)
        self._on_relogio()
        self.relogio.start()

    def segundos_de_espera(self) -> int:
        if not self._espera_ate:
            return 0
        return max(0, math.ceil(self._espera_ate - time.monotonic()))

    def _on_relogio(self) -> None:
        restante = self.segundos_de_espera()
        if restante > 0:
            self._dizer(f"{self._prefixo_espera} Aguarde {restante} s para tentar de novo.")
            return
        self.relogio.stop()
        self._espera_ate = 0.0
        self.botao_entrar.setEnabled(True)
        self._dizer("Você já pode tentar de novo.")
        self.senha.setFocus()

    # -- esqueci a senha, outra base, restaurar --------------------------------------------------
    def _on_esqueci(self) -> None:
        from .recuperacao import DialogoRecuperacao

        self._dialogo = DialogoRecuperacao(self.caminho, login=self.login.text().strip(), parent=self)
        self._dialogo.sig_entrou.connect(self._concluir)
        self._dialogo.open()

    def _on_outra_base(self) -> None:
        # importado aqui: o PySide6 monta a classe (e os seus enums) no primeiro acesso, ~2 ms da partida
        from PySide6.QtWidgets import QFileDialog

        inicial = str(self.caminho.parent if self.caminho.parent.exists() else Path.home())
        escolhido, _ = QFileDialog.getOpenFileName(self, "Abrir outra base do Paço", inicial,
                                                   "Base do Paço (*.db);;Todos os arquivos (*)")
        if escolhido:
            self.trocar_base(Path(escolhido))

    def trocar_base(self, caminho: Path) -> None:
        """Passa a entrar na base ``caminho``; ela vira a base padrão depois de uma entrada com sucesso."""
        self.caminho = Path(caminho)
        self._gravar_ao_entrar = True
        self.dica.hide()
        self._dizer("")
        self._mostrar_base()
        self.login.setFocus()

    def _on_verificar(self) -> None:
        from desktop.screens.documentos.verificar import DialogoVerificar

        self._dialogo = DialogoVerificar(None, self)
        self._dialogo.open()

    def _on_restaurar(self) -> None:
        from .restauracao import DialogoRestaurar

        self._dialogo = DialogoRestaurar(self.caminho, login=self.login.text().strip(), parent=self)
        self._dialogo.sig_restaurada.connect(self._on_restaurada)
        self._dialogo.open()

    def _on_restaurada(self, texto: str) -> None:
        self.informar(texto + " Entre com a senha que valia na data da cópia.")
        self.senha.setFocus()

    def informar(self, texto: str) -> None:
        """Mostra um aviso que não é erro (por exemplo, onde ficou a base anterior à restauração)."""
        self._dizer("")
        self.informacao.setText(texto)
        self.informacao.setVisible(bool(texto))
        self.adjustSize()
