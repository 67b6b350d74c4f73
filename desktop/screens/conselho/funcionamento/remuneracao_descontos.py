"""Descontos e rubricas avulsas de um conselheiro tutelar (Lei 320/2023, arts. 39 a 41), a partir da aba
Remuneração: os mesmos formulários da folha do Magistério (``screens.magisterio.descontos``) com o serviço
do Conselho (``services.conselho.descontos``), cada gravação em segundo plano (``widgets.servicos``).

O serviço confere o lançamento no contracheque do mês antes de gravar: a consignação além da margem
consignável e a pensão acima do líquido voltam recusadas, com os números, e nada é gravado.
"""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.rules.validacao import EntradaInvalida
from desktop.screens.magisterio.descontos import DialogoDescontos, DialogoLancamento
from desktop.screens.widgets import avisos
from desktop.screens.widgets.servicos import consulta, operacao
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

    def _on_confirmar(self) -> None:
        if not all([c.validar() for c in self._campos]):
            self.mostrar_erro("Corrija os campos indicados em vermelho.")
            return
        try:
            chamada = self.chamada()
        except Exception as e:  # noqa: BLE001 — recusa prevista fica no diálogo
            if not avisos.previsto(e):
                raise
            self.mostrar_erro(avisos.mensagem_de(e))
            return

        def gravar(_progresso):
            # a recusa prevista (margem, líquido, fundamento) volta como texto e fica no próprio formulário,
            # com os números, como na folha do Magistério; um defeito sobe normalmente
            try:
                return True, chamada()
            except Exception as e:  # noqa: BLE001
                if not avisos.previsto(e):
                    raise
                return False, avisos.mensagem_de(e)

        def _on_concluido(resposta) -> None:
            ok, valor = resposta
            if not ok:
                self.mostrar_erro(valor)
                return
            self.resultado = valor
            self.accept()

        self.tarefa = operacao(self, "Conferindo o lançamento no contracheque do mês…", gravar, _on_concluido,
                               titulo_erro="Lançamento recusado")


class DialogoDescontosConselho(DialogoDescontos):
    """Os lançamentos do conselheiro; novos pelos formulários acima; encerrar o selecionado."""

    def __init__(self, sessao, conselheiro_id: str, nome: str, competencia: str, parent: QWidget | None = None):
        super().__init__(sessao, conselheiro_id, nome, competencia, parent)
        self.tarefa = None

    def recarregar(self) -> None:
        sessao, cid = self._sessao, self.servidor_id
        self.leitura = consulta(self, lambda: descontos.listar(sessao, cid), self.modelo.definir_linhas,
                                titulo_erro="Descontos não lidos")

    def _on_novo(self, tipo: str) -> None:
        self.formulario = DialogoLancamentoConselho(self._sessao, self.servidor_id, tipo, self._competencia, self)
        self.formulario.accepted.connect(self.recarregar)
        self.formulario.open()

    def _on_encerrar(self) -> None:
        r = self._selecionado()
        if r is None:
            avisos.erro(self, "Encerrar", EntradaInvalida("Selecione antes o lançamento a encerrar."))
            return
        texto, ok = QInputDialog.getText(self, "Encerrar lançamento",
                                         f"Última competência descontada de \"{r['descricao']}\" (mm/aaaa):",
                                         text=self._competencia)
        if not ok:
            return
        sessao, ident = self._sessao, r["id"]
        self.tarefa = operacao(self, "Encerrando o lançamento…", lambda _p: descontos.encerrar(sessao, ident, texto),
                               lambda _r: self.recarregar(), titulo_erro="Lançamento não encerrado")
