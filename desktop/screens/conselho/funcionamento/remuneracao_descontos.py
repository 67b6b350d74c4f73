"""Descontos e rubricas avulsas de um conselheiro tutelar (Lei 320/2023, arts. 39 a 41), a partir da aba
Remuneração: os mesmos formulários da folha do Magistério (``screens.magisterio.descontos``) com o serviço
do Conselho (``services.conselho.descontos``); lê por ``consulta`` e grava por ``operacao`` (``widgets.servicos``).

O serviço confere o lançamento no contracheque do mês antes de gravar: a consignação além da margem
consignável e a pensão acima do líquido voltam recusadas, com os números, e nada é gravado.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

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

    def __init__(self, sessao, conselheiro_id: str, nome: str, competencia: str, parent: QWidget | None = None):
        super().__init__(sessao, conselheiro_id, nome, competencia, parent)
        self.aviso = QLabel(self)
        self.aviso.setWordWrap(True)
        self.aviso.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.layout().insertWidget(1, self.aviso)

    def _on_novo(self, tipo: str) -> None:
        super()._on_novo(tipo)
        f = self.formulario
        f.accepted.connect(lambda: self._on_lancado(f.resultado))

    def _on_lancado(self, resultado) -> None:
        """A competência já fechada não muda: o arquivo do banco, o eSocial e o PDF saem do que foi gravado — o
        lançamento só entra se ela for reaberta (com motivo) e fechada de novo."""
        if resultado and resultado.get("reemitir"):
            self.aviso.setText(f"A competência {self._competencia} já está fechada sem este lançamento: reabra-a "
                               "(com o motivo) e feche-a de novo para que ele entre no contracheque, no arquivo do "
                               "banco e nos eventos do eSocial.")
