"""Coletor de lixo e trabalho em segundo plano: os objetos que já vivem saem das coletas completas.

Uma coleta completa do Python (geração 2) percorre todos os objetos do processo segurando o GIL; com
milhares de servidores carregados ela leva 100-500 ms e, disparada pela thread de um trabalho
pesado (prévia, fechamento, lote de PDFs), trava a interface esse tempo todo (issue 16). Antes de
cada trabalho em segundo plano, ``congelar_vivos`` passa os objetos existentes (módulos, telas,
dados já carregados) para a geração permanente (``gc.freeze``): as coletas seguintes só percorrem
os objetos novos. Custo: um ciclo de referências que já era lixo antes do congelamento e sobreviveu
às coletas jovens (feitas aqui antes) não é mais recolhido — pouca memória, trocada por uma janela
que não trava.
"""
from __future__ import annotations

import gc


def congelar_vivos() -> None:
    gc.collect(1)  # gerações jovens: rápido; o lixo recente não fica congelado
    gc.freeze()
