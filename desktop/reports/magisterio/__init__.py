"""Documentos do Magistério (Lei 1.613/2004): contracheque, folha analítica, histórico funcional, CSV.

Dados simples entram (``desktop.rules.folha.tipos.Contracheque``, ``desktop.rules.magisterio.tipos``
e ``dados.DadosServidorContracheque``), bytes saem. Sem banco, sem Qt.
"""
