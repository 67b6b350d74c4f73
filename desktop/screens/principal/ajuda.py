"""Menu Ajuda da janela principal: pasta de registros e exportação para o suporte."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.screens.login.mensagens import avisar
from desktop.screens.widgets import servicos
from desktop.services import instalacao, registros


def abrir_pasta_registros(_janela: QWidget | None = None) -> bool:
    """Abre a pasta de registros no gerenciador de arquivos do sistema."""
    pasta = registros.pasta_registros()
    pasta.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(pasta)))


def nome_sugerido() -> str:
    return f"paco-registros-{date.today():%Y-%m-%d}.zip"


def exportar_registros(janela: QWidget, destino: Path | str | None = None):
    """Pergunta onde salvar e grava o .zip dos registros (sem dados pessoais) fora da interface."""
    if destino is None:
        documentos = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        destino, _ = QFileDialog.getSaveFileName(janela, "Exportar registros para o suporte",
                                                 str(Path(documentos) / nome_sugerido()),
                                                 "Arquivo compactado (*.zip)")
        if not destino:
            return None
    def pronto(caminho):
        avisar(janela, "Registros exportados",
               f"Os registros foram gravados em {caminho}. Eles não têm nomes nem dados dos "
               "atendimentos; envie o arquivo a quem dá suporte ao Paço no órgão.")

    return servicos.operacao(janela, "Exportando os registros…", lambda _p: registros.exportar(destino), pronto,
                             titulo_erro="Registros", ao_recusar=lambda e: avisar(
                                 janela, "Registros", "Os registros não foram exportados. " + instalacao.mensagem(e),
                                 erro=True))
