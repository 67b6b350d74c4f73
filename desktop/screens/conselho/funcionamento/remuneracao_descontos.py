"""Descontos e rubricas avulsas de um conselheiro tutelar (Lei 320/2023, arts. 39 a 41), a partir da aba
Remuneração: os mesmos formulários da folha do Magistério (``screens.magisterio.descontos``) com o serviço
do Conselho (``services.conselho.descontos``); lê por ``consulta`` e grava por ``operacao`` (``widgets.servicos``).

O serviço confere o lançamento no contracheque do mês antes de gravar: a consignação além da margem
consignável e a pensão acima do líquido voltam recusadas, com os números, e nada é gravado.
"""
from __future__ import annotations

from desktop.screens.magisterio.descontos import DialogoDescontos, DialogoLancamento
from desktop.services.conselho import descontos


class DialogoLancamentoConselho(DialogoLancamento):
    servico = descontos
    EXPLICACOES = DialogoLancamento.EXPLICACOES | {
        "sindical": "Mensalidade autorizada pelo conselheiro filiado a sindicato ou associação (CF, art. 8º, IV); "
                    "o conselheiro não é do quadro de servidores (Lei 320/2023, art. 39).",
        "consignacao": "Parcela autorizada pelo conselheiro. Descontada por ordem de prioridade (1 = primeira) "
                       "enquanto couber na margem consignável (parâmetro margem_consignavel); além da margem, "
                       "é recusada com os números.",
    }
    ENTIDADE_PADRAO = ""
    texto_andamento = "Conferindo o lançamento no contracheque do mês…"  # grava por operacao (DialogoFormulario)


class DialogoDescontosConselho(DialogoDescontos):
    """Os lançamentos do conselheiro (a lista e o encerrar da folha do Magistério, com o serviço do Conselho)."""

    servico = descontos
    Formulario = DialogoLancamentoConselho
