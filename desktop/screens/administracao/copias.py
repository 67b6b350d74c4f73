"""Aba Cópias de segurança: lista das cópias, cópia agora, pasta extra (pen drive) e restauração.

A cópia roda fora da thread da interface, com progresso e Cancelar. Restaurar não é feito aqui:
depois da confirmação a aba emite ``sig_restaurar(caminho)`` e a janela principal pede a senha
de um administrador, fecha a sessão e restaura.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.rules.papeis import DESCRICOES, Permissao
from desktop.services import copias

from desktop.screens.widgets import avisos, formato
from desktop.screens.widgets.servicos import consulta, gravar, operacao
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.situacao import reservar_linhas

_ESTILO_OK = "color: #2e7d32;"
_ESTILO_ALERTA = "color: #a15c00; font-weight: bold;"


def _rotulo_tipo(tipo: str) -> str:
    return copias.ROTULOS_TIPO.get(tipo, tipo)


class AbaCopias(QWidget):
    """Cópias de segurança desta base."""

    sig_restaurar = Signal(object)

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self._principal = copias.pasta_copias(sessao)
        self._extra: Path | None = None  # a pasta extra da última leitura
        self.tarefa = None  # a gravação em andamento (servicos.gravar)
        colunas = [
            Coluna("Data", lambda c: formato.momento(c.momento, hora_local=False, segundos=True),
                   ordenar=lambda c: c.momento, alinhamento="direita", largura=190),
            Coluna("Tipo", lambda c: _rotulo_tipo(c.tipo), largura=110),
            Coluna("Tamanho", lambda c: formato.tamanho(c.tamanho), ordenar=lambda c: c.tamanho,
                   alinhamento="direita", largura=100),
            Coluna("Onde", lambda c: "Pasta principal" if c.caminho.parent == self._principal
                   else "Pasta extra", largura=130),
            Coluna("Arquivo", lambda c: c.caminho.name, dica=lambda c: str(c.caminho)),
        ]
        self.modelo = ModeloTabela(colunas, self)
        self.proxy = ProxyFiltro(self.modelo, self)
        self.tabela = criar_visao(self.proxy, self, nome="Cópias de segurança")
        self.pastas = QLabel(self)
        self.pastas.setWordWrap(True)
        self.botao_copiar = QPushButton("&Fazer cópia agora", self)
        self.botao_extra = QPushButton("Pasta &extra (pen drive)…", self)
        self.botao_sem_extra = QPushButton("&Não usar pasta extra", self)
        self.botao_restaurar = QPushButton("&Restaurar…", self)
        self.botao_outro = QPushButton("Restaurar de &outro arquivo…", self)
        self._pode_restaurar = sessao.pode(Permissao.BACKUP_RESTAURAR)
        if not self._pode_restaurar:
            motivo = f"O seu papel não permite {DESCRICOES[Permissao.BACKUP_RESTAURAR]}."
            self.botao_restaurar.setToolTip(motivo)
            self.botao_outro.setToolTip(motivo)
        self._pode_configurar = sessao.pode(Permissao.BACKUP_CONFIGURAR)
        if not self._pode_configurar:
            motivo = f"O seu papel não permite {DESCRICOES[Permissao.BACKUP_CONFIGURAR]}."
            for b in (self.botao_extra, self.botao_sem_extra):
                b.setEnabled(False)
                b.setToolTip(motivo)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam
        self.situacao.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        linha1 = QHBoxLayout()
        for b in (self.botao_copiar, self.botao_extra, self.botao_sem_extra):
            linha1.addWidget(b)
        linha1.addStretch(1)
        for b in (self.botao_restaurar, self.botao_outro):
            linha1.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pastas)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(linha1)
        lay.addWidget(self.situacao)

        self.botao_copiar.clicked.connect(self._on_copiar)
        self.botao_extra.clicked.connect(self._on_escolher_extra)
        self.botao_sem_extra.clicked.connect(self._on_limpar_extra)
        self.botao_restaurar.clicked.connect(self._on_restaurar)
        self.botao_outro.clicked.connect(self._on_restaurar_outro)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.recarregar()

    # -- dados -------------------------------------------------------------------------------
    def recarregar(self) -> None:
        """Relê a pasta extra e a lista das cópias fora da thread da interface (``carregando`` até chegar)."""
        sessao = self._sessao
        consulta(self, lambda: (copias.pasta_extra(sessao), copias.listar_copias(sessao)),
                 lambda lido: self._on_lido(*lido), titulo_erro="Cópias de segurança", chave="lista")

    def _on_lido(self, extra: Path | None, lista: list) -> None:
        self._extra = extra
        texto = f"As cópias ficam em <b>{self._principal}</b>."
        if extra is None:
            texto += (" Não há pasta extra: escolha uma num pen drive ou em outro disco, para que "
                      "as cópias sobrevivam a uma pane deste computador.")
        elif extra.is_dir():
            texto += f" Também são gravadas na pasta extra <b>{extra}</b>."
        else:
            texto += (f" A pasta extra <b>{extra}</b> não está acessível agora: conecte o pen "
                      "drive.")
        self.pastas.setText(texto)
        self.botao_sem_extra.setEnabled(extra is not None and self._pode_configurar)
        self.modelo.definir_linhas(lista)
        self._on_selecao()

    def _informar(self, texto: str, alerta: bool = False) -> None:
        self.situacao.setStyleSheet(_ESTILO_ALERTA if alerta else _ESTILO_OK)
        self.situacao.setText(texto)

    # -- slots -------------------------------------------------------------------------------
    def _on_selecao(self, *_args) -> None:
        self.botao_restaurar.setEnabled(self._pode_restaurar and bool(linha_selecionada(self.tabela)))
        self.botao_outro.setEnabled(self._pode_restaurar)

    def _on_copiar(self) -> None:
        def copiar(progresso):
            return copias.fazer_copia(
                self._sessao, "manual",
                progresso=lambda feito, total: progresso.informar(feito, total, "Copiando a base…"))

        operacao(self, "Fazendo a cópia de segurança…", copiar, self._on_copia_feita,
                 titulo_erro="Cópia de segurança",
                 ao_cancelar=lambda: self._informar("Cópia cancelada; nenhum arquivo foi criado.", True))

    def _on_copia_feita(self, resultado) -> None:
        self.recarregar()
        texto = f"Cópia feita: {resultado.copia}."
        if resultado.extra is not None:
            texto += f" Também gravada em {resultado.extra}."
        if resultado.avisos:
            self._informar(" ".join([texto, *resultado.avisos]), alerta=True)
        else:
            self._informar(texto)

    def _on_escolher_extra(self) -> None:
        atual = self._extra  # a da última leitura
        pasta = QFileDialog.getExistingDirectory(
            self, "Pasta extra para as cópias (pen drive ou outro disco)",
            str(atual) if atual else str(Path.home()))
        if not pasta:
            return
        sessao = self._sessao
        gravar(self, "Gravando…", lambda: copias.definir_pasta_extra(sessao, Path(pasta)), self._on_extra_definida,
               titulo_erro="Pasta extra")

    def _on_extra_definida(self, gravada: Path) -> None:
        self.recarregar()
        self._informar(f"Pasta extra definida: {gravada}. As próximas cópias também vão para lá; "
                       "faça uma cópia agora para começar.")

    def _on_limpar_extra(self) -> None:
        if not avisos.confirmar(
                self, "Pasta extra", "Deixar de gravar cópias na pasta extra?", sim="Não usar",
                detalhe="As cópias que já estão lá não são apagadas."):
            return
        sessao = self._sessao
        gravar(self, "Gravando…", lambda: copias.definir_pasta_extra(sessao, None), self._on_extra_retirada,
               titulo_erro="Pasta extra")

    def _on_extra_retirada(self, _r) -> None:
        self.recarregar()
        self._informar("As cópias voltam a ser gravadas só na pasta principal.")

    def _on_restaurar(self) -> None:
        info = linha_selecionada(self.tabela)
        if info is None or not self._pode_restaurar:
            return
        descricao = (f"a cópia de {formato.data(info.momento)} às {info.momento:%H:%M} "
                     f"({_rotulo_tipo(info.tipo).lower()})")
        self._confirmar_restauracao(info.caminho, descricao, info.arquivo_chaves.exists())

    def _on_restaurar_outro(self) -> None:
        if not self._pode_restaurar:
            return
        caminho, _ = QFileDialog.getOpenFileName(
            self, "Restaurar de um arquivo de cópia", str(self._principal),
            "Cópias do Paço (*.db)")
        if caminho:
            caminho = Path(caminho)
            chaves = caminho.with_name(caminho.name + ".chaves")
            self._confirmar_restauracao(caminho, f"o arquivo {caminho.name}", chaves.exists())

    def _confirmar_restauracao(self, caminho: Path, descricao: str, tem_chaves: bool) -> None:
        detalhe = (
            "A base atual NÃO será apagada: ela fica guardada ao lado, com outro nome, e pode ser "
            "recuperada depois. Mas o Paço passará a mostrar os dados da cópia, e tudo o que foi "
            "gravado depois dela deixará de aparecer.\n\n"
            "A sessão será fechada e será pedida a senha de um administrador da cópia.")
        if not tem_chaves:
            detalhe += ("\n\nEsta cópia não tem ao lado o arquivo de chaves: será preciso a chave "
                        "de recuperação impressa na instalação.")
        if avisos.confirmar(self, "Restaurar cópia de segurança",
                            f"Restaurar {descricao} no lugar da base atual?",
                            sim="Restaurar", detalhe=detalhe, perigoso=True):
            self.sig_restaurar.emit(Path(caminho))
