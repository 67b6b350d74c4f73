"""Os módulos da janela principal, o estado "ainda não disponível" de cada um e o diálogo Sobre."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout,
                               QWidget)

from desktop import __version__
from desktop.screens.widgets.mensagem import Mensagem


@dataclass(frozen=True)
class Modulo:
    chave: str
    nome: str
    fundamento: str
    conteudo: str  # o que o módulo terá (texto do estado vazio)
    painel: str    # "pacote.modulo:Classe" do painel, construído como Classe(sessao, parent)
    permissoes: tuple[str, ...]  # quem tem ao menos uma delas vê o painel
    emissores: tuple[tuple[str, str], ...] = ()
    """(permissão, módulo do emissor) dos documentos do painel: o rótulo ao lado dos módulos mostra o órgão de
    cada um que o usuário lê, quando não é o da instalação (Administração › Emissores)."""

    def classe_do_painel(self):
        """A classe do painel, ou None se o módulo ainda não existe nesta versão."""
        nome_modulo, nome_classe = self.painel.split(":")
        try:
            modulo = importlib.import_module(nome_modulo)
        except ModuleNotFoundError as e:
            if e.name and nome_modulo.startswith(e.name):
                return None  # o pacote do módulo não existe: estado vazio honesto
            raise
        return getattr(modulo, nome_classe)


MODULOS = (
    Modulo("magisterio", "Magistério", "Lei 1.613/2004 de Jequié-BA",
           "cadastro funcional, folha mensal, contracheques e histórico funcional",
           "desktop.screens.magisterio.painel:PainelMagisterio", ("magisterio.ler",),
           (("magisterio.ler", "magisterio"),)),
    Modulo("conselho", "Conselho Tutelar", "Lei Municipal 320/2023 de Itapiranga-AM",
           "o processo de escolha dos conselheiros (edital, candidaturas, votação, ata e "
           "resultado oficial), o registro dos atendimentos e plantões, a folha dos conselheiros "
           "e o relatório trimestral",
           "desktop.screens.conselho.painel:PainelConselho", ("eleicao.ler", "conselho.ler"),
           (("conselho.ler", "conselho"), ("eleicao.ler", "eleicao"))),
    Modulo("certificacao", "Certificação", "Portaria MEC 902/2024 (Rede Certifica)",
           "os processos de reconhecimento de saberes dos trabalhadores e a emissão de "
           "certificados, diplomas, históricos escolares e atestados de reconhecimento",
           "desktop.screens.certificacao.painel:PainelCertificacao", ("certificacao.ler",),
           (("certificacao.ler", "certificacao"),)),
    Modulo("administracao", "Administração", "",
           "usuários, parâmetros legais, cópias de segurança, documentos emitidos e diário de auditoria",
           "desktop.screens.administracao.painel:PainelAdministracao", ("usuarios.gerenciar",)),
)

LEIS = (
    ("Magistério", "Lei nº 1.613, de 21 de maio de 2004, de Jequié-BA — Plano de Carreira e "
                   "Remuneração do Magistério Público do Município"),
    ("Conselho Tutelar", "Lei Municipal nº 320, de 28 de abril de 2023, de Itapiranga-AM — "
                         "Conselho Tutelar e processo de escolha dos conselheiros"),
    ("Certificação", "Portaria MEC nº 902, de 9 de setembro de 2024 — Rede Nacional de "
                     "Certificação Profissional (Rede Certifica)"),
)


class EstadoVazio(QFrame):
    """Painel honesto de um módulo ainda não disponível: diz o que ele terá, sem botões falsos."""

    def __init__(self, titulo: str, subtitulo: str, texto: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("estadoVazio")
        self.setMaximumWidth(760)
        self.titulo = QLabel(titulo)
        self.titulo.setObjectName("titulo")
        self.subtitulo = Mensagem(subtitulo, quebrar=False, nome="subtitulo")
        self.texto = QLabel(texto)
        self.texto.setWordWrap(True)
        self.texto.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 28)
        lay.addWidget(self.titulo)
        lay.addWidget(self.subtitulo)
        lay.addSpacing(12)
        lay.addWidget(self.texto)


def pagina_centralizada(conteudo: QWidget) -> QWidget:
    """Põe ``conteudo`` no alto da página, centralizado, com no máximo 760 px de largura."""
    pagina = QWidget()
    linha = QHBoxLayout()
    linha.addStretch(1)
    linha.addWidget(conteudo, 8)
    linha.addStretch(1)
    lay = QVBoxLayout(pagina)
    lay.setContentsMargins(32, 32, 32, 32)
    lay.addLayout(linha)
    lay.addStretch(1)
    return pagina


def estado_indisponivel(modulo: Modulo) -> EstadoVazio:
    return EstadoVazio(
        modulo.nome, modulo.fundamento,
        f"{modulo.nome} — {modulo.fundamento}. Este módulo ainda não está disponível nesta versão "
        f"do Paço. Quando estiver, aqui ficarão: {modulo.conteudo}.")


def estado_sem_permissao(modulo: Modulo, rotulo_papel: str) -> EstadoVazio:
    if modulo.chave != "administracao":
        return EstadoVazio(
            modulo.nome, modulo.fundamento,
            f"O módulo {modulo.nome} reúne {modulo.conteudo}. O seu papel ({rotulo_papel}) não dá "
            "acesso a ele. Se precisar, fale com o administrador do Paço no seu órgão.")
    return EstadoVazio(
        "Administração", "Reservada aos administradores",
        f"A Administração reúne {MODULOS[3].conteudo}. Ela é reservada a quem pode gerenciar "
        f"usuários, e o seu papel é {rotulo_papel}. Se precisar de algo daqui — por exemplo, "
        "redefinir a senha de um colega ou restaurar uma cópia —, fale com o administrador do "
        "Paço no seu órgão. Trocar a sua própria senha, fazer uma cópia de segurança e verificar "
        "um documento estão no menu Arquivo.")


class DialogoSobre(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Sobre o Paço")
        self.setMinimumWidth(560)
        titulo = QLabel("Paço")
        titulo.setObjectName("titulo")
        self.versao = QLabel(f"Versão {__version__}")
        self.versao.setObjectName("subtitulo")
        descricao = QLabel(
            "Sistema offline para secretarias municipais. Os dados ficam cifrados neste "
            "computador, com cópias de segurança automáticas, e todo documento emitido pode ser "
            "verificado pelo código impresso no rodapé.")
        descricao.setWordWrap(True)
        leis = QLabel("<b>Leis que o Paço aplica</b><ul>" + "".join(
            f"<li><b>{nome}:</b> {lei}</li>" for nome, lei in LEIS) + "</ul>")
        leis.setWordWrap(True)
        self.leis = leis
        botoes = QDialogButtonBox()
        botoes.addButton("Fechar", QDialogButtonBox.ButtonRole.AcceptRole)
        botoes.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(titulo)
        lay.addWidget(self.versao)
        lay.addSpacing(8)
        lay.addWidget(descricao)
        lay.addWidget(leis)
        lay.addWidget(botoes)
