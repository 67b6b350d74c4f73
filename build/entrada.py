"""Ponto de entrada do pacote congelado (PyInstaller): ``paco`` abre a interface, ``paco-cli`` os comandos.

Os dois executáveis da pasta do pacote rodam este mesmo arquivo; o nome do executável decide.
``--self-test`` (ou ``--autoteste``) funciona nos dois: no Windows, ``paco-cli.exe --self-test``
mostra o resultado no console (``paco.exe`` não tem console).
"""
import sys
from pathlib import Path

AUTOTESTE = ("--self-test", "--autoteste")


def main() -> int:
    argv = sys.argv[1:]
    if Path(sys.executable).stem.lower().endswith("-cli") and not any(a in AUTOTESTE for a in argv):
        from desktop import cli

        return cli.main(argv)
    from desktop import app

    return app.main(argv)


if __name__ == "__main__":
    sys.exit(main())
