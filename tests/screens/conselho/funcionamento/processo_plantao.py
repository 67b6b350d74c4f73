"""Processo à parte para o teste do plantão: abre o registro rápido (offscreen), digita, espera o rascunho e avisa READY.

Uso: python processo_plantao.py <base> <login> <senha>. Depois de READY fica no laço de eventos até ser
morto com SIGKILL pelo teste (a bateria que acabou).
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PACO_KDF_RAPIDO"] = "1"

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services import acesso  # noqa: E402
from desktop.services.conselho import rascunhos  # noqa: E402
from desktop.screens.conselho.funcionamento.plantao import AbaPlantao  # noqa: E402

CAMPOS = {"crianca": "Joana Pereira", "bairro": "Centro", "relato": "Crianca sozinha em casa a noite"}


def main() -> None:
    base, login, senha = sys.argv[1:4]
    app = QApplication([])
    sessao = acesso.entrar(base, login, senha)
    aba = AbaPlantao(sessao)
    aba.resize(1366, 720)
    aba.show()
    QTest.keyClick(aba.botao_novo, " ")  # abre o registro rápido pelo teclado
    f = aba.form
    QTest.keyClicks(f.crianca, CAMPOS["crianca"])
    QTest.keyClicks(f.nascimento.edit, "03/04/2016")
    QTest.keyClicks(f.bairro, CAMPOS["bairro"])
    QTest.keyClicks(f.relato, CAMPOS["relato"])
    verificador = QTimer(interval=50)

    def _on_conferir():  # o laço de eventos segue rodando: os temporizadores do rascunho disparam
        if (rascunhos.restaurar_rascunho(sessao) or {}).get("relato") == CAMPOS["relato"]:
            verificador.stop()
            print("READY", flush=True)

    verificador.timeout.connect(_on_conferir)
    verificador.start()
    app.exec()


if __name__ == "__main__":
    main()
