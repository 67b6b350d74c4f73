"""Diálogo dos dados de pagamento (banco, agência, conta, tipo e PIS) de um servidor ou conselheiro.

Cada campo é conferido enquanto se digita, com a mensagem ao lado: os dígitos da agência e da conta
do Banco do Brasil pelo módulo 11 (com 'X'), o formato na Caixa, o PIS pela validate-docbr. Os
dígitos são conferidos de novo quando o banco, a agência ou a conta mudam. Gravar chama o serviço
(``desktop.services.pagamento.dados``) fora da thread da interface (``DialogoFormulario.chamada``), que
recusa a conta que já é de outra pessoa dizendo o nome (a recusa aparece no próprio diálogo).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.rules.pagamento import banco as regras
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado

_EXPLICACAO = ("Conta em que a pessoa recebe o líquido da folha (arquivo CNAB 240 do banco) e o PIS/PASEP/NIT "
               "(eSocial). Banco do Brasil: os dígitos da agência e da conta são conferidos (módulo 11). Caixa: "
               "informe a conta com a operação na frente (p. ex. 001, 013, 037); a agência não tem dígito. "
               "Deixe a conta em branco se a pessoa ainda não tem.")


class DialogoPagamento(DialogoFormulario):
    """``gravar(**valores)`` é o serviço (servidor ou conselheiro); ``atuais`` os dados gravados."""

    def __init__(self, nome: str, atuais: dict, gravar: Callable[..., dict], parent: QWidget | None = None):
        super().__init__(f"Dados de pagamento — {nome}", "Salvar", parent, _EXPLICACAO)
        self._gravar = gravar
        self.banco = self.adicionar("&Banco (código):", CampoValidado(
            regras.banco, placeholder="001 Banco do Brasil, 104 Caixa", obrigatorio=False, parent=self))
        self.agencia = self.adicionar("&Agência:", CampoValidado(self._agencia, obrigatorio=False, parent=self))
        self.agencia_dv = self.adicionar("Dígito da a&gência:", CampoValidado(
            self._agencia_dv, obrigatorio=False, placeholder="Banco do Brasil: 0 a 9 ou X", parent=self))
        self.conta = self.adicionar("&Conta:", CampoValidado(self._conta, obrigatorio=False, parent=self))
        self.conta_dv = self.adicionar("&Dígito da conta:", CampoValidado(self._conta_dv, obrigatorio=False,
                                                                           parent=self))
        self.tipo = QComboBox(self)
        for chave, rotulo in regras.TIPOS_CONTA.items():
            self.tipo.addItem(rotulo, chave)
        self.adicionar("&Tipo de conta:", self.tipo)
        self.pis = self.adicionar("&PIS/PASEP/NIT:", CampoValidado(regras.pis, obrigatorio=False,
                                                                    placeholder="000.00000.00-0", parent=self))
        for origem, destinos in ((self.banco, (self.agencia, self.agencia_dv, self.conta, self.conta_dv)),
                                 (self.agencia, (self.agencia_dv,)), (self.conta, (self.conta_dv,))):
            origem.edit.textChanged.connect(lambda _t, d=destinos: self._revalidar(d))
        self.banco.definir_texto(atuais.get("banco") or "")
        self.agencia.definir_texto(atuais.get("agencia") or "")
        self.agencia_dv.definir_texto(atuais.get("agencia_dv") or "")
        self.conta.definir_texto(atuais.get("conta") or "")
        self.conta_dv.definir_texto(atuais.get("conta_dv") or "")
        if atuais.get("tipo_conta"):
            self.tipo.setCurrentIndex(self.tipo.findData(atuais["tipo_conta"]))
        self.pis.definir_texto(regras.formatar_pis(atuais.get("pis") or ""))
        self.atualizar_botao()
        self.banco.setFocus()

    def _banco(self) -> str:
        try:
            return regras.banco(self.banco.texto())
        except EntradaInvalida:
            raise EntradaInvalida("Informe antes o código do banco.") from None

    def _agencia(self, texto: str) -> str:
        return regras.agencia(self._banco(), texto, "0" if self._banco() == "104" else
                              regras.dv_modulo11_bb(texto.strip().zfill(4)) if self._banco() == "001"
                              and texto.strip().isdigit() and len(texto.strip()) <= 4 else "")[0]

    def _agencia_dv(self, texto: str) -> str:
        return regras.agencia(self._banco(), self.agencia.texto(), texto)[1]

    def _conta(self, texto: str) -> str:
        b = self._banco()
        t = texto.strip()
        dv = regras.dv_modulo11_bb(t.zfill(8)) if b == "001" and t.isdigit() and len(t) <= 8 else "0"
        return regras.conta(b, texto, dv)[0]

    def _conta_dv(self, texto: str) -> str:
        return regras.conta(self._banco(), self.conta.texto(), texto)[1]

    def _revalidar(self, campos) -> None:
        for c in campos:
            if c.texto():
                c.validar()
        self.atualizar_botao()

    def chamada(self):
        """Os campos lidos aqui; a gravação roda fora da thread da interface (``DialogoFormulario``/operacao)."""
        valores = {"banco": self.banco.texto(), "agencia": self.agencia.texto(), "agencia_dv": self.agencia_dv.texto(),
                   "conta": self.conta.texto(), "conta_dv": self.conta_dv.texto(), "pis": self.pis.texto(),
                   "tipo_conta": self.tipo.currentData() if self.banco.texto().strip() else ""}
        gravar = self._gravar
        return lambda: gravar(**valores)
