"""A versão do Paço, gravada no código (sem ``importlib.metadata``, que custa ~70 ms na partida).

A fonte é ``pyproject.toml`` (``[project] version``): o installer.spec regrava este arquivo ao gerar o
pacote, e ``tests/test_instalador.py`` confere que os dois dizem o mesmo.
"""
VERSAO = "0.1.0"
