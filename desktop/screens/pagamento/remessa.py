"""Gerar o arquivo do banco (CNAB 240, pagamento de salários) de uma folha: convênio, data, onde salvar.

O diálogo pede o banco, o convênio do órgão (guardado por folha e banco; dígitos conferidos ao
digitar; na Caixa também o parâmetro de transmissão e o tipo e o código do compromisso, linhas que só
aparecem com a Caixa escolhida) e a data do pagamento; depois se escolhe onde salvar. A geração roda fora da thread da
interface. Se houver quem não tenha conta cadastrada, a tela lista os nomes e pergunta se ficam de
fora; só com o "sim" o arquivo sai sem eles.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from desktop.rules import formato
from desktop.rules.pagamento import banco as regras
from desktop.rules.pagamento import convenio as regras_convenio
from desktop.screens.widgets import arquivo, servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.data import CampoData
from desktop.services.pagamento import remessa

_BANCOS = (("001", "001 — Banco do Brasil"), ("104", "104 — Caixa Econômica Federal"))


class DialogoRemessa(DialogoFormulario):
    """Banco, convênio, conta debitada e data do pagamento; ``chamada`` grava o convênio (por operacao) e devolve
    a escolha."""

    def __init__(self, sessao, folha: str, competencia: date, parent: QWidget | None = None):
        super().__init__(f"Arquivo do banco — {formato.competencia(competencia)}", "Continuar…", parent,
                         "Arquivo CNAB 240 de pagamento de salários (leiaute FEBRABAN; na Caixa, o do SIACC) com o líquido "
                         "de cada um. "
                         "Informe o convênio que o banco deu ao órgão e a conta de onde sai o pagamento.")
        self._sessao, self._folha = sessao, folha
        self.banco = QComboBox(self)
        for codigo, rotulo in _BANCOS:
            self.banco.addItem(rotulo, codigo)
        self.adicionar("&Banco:", self.banco)
        self.convenio = self.adicionar("&Convênio:", CampoValidado(
            lambda t: regras_convenio.codigo(self.codigo(), t), parent=self))
        self.parametro = self.adicionar("Parâmetro de &transmissão:", CampoValidado(
            regras_convenio.parametro_transmissao, parent=self, placeholder="2 dígitos, informado pela Caixa"))
        self.tipo_compromisso = self.adicionar("T&ipo de compromisso:", CampoValidado(
            regras_convenio.tipo_compromisso, parent=self, placeholder="02 = pagamento de salários"))
        self.compromisso = self.adicionar("Código do co&mpromisso:", CampoValidado(
            regras_convenio.codigo_compromisso, parent=self, placeholder="4 dígitos, informado pela Caixa"))
        self._so_caixa = (self.parametro, self.tipo_compromisso, self.compromisso)
        self.agencia = self.adicionar("&Agência do órgão:", CampoValidado(
            lambda t: regras.agencia(self.codigo(), t, self._dv_agencia(t))[0], parent=self))
        self.agencia_dv = self.adicionar("Dígito da a&gência:", CampoValidado(
            lambda t: regras.agencia(self.codigo(), self.agencia.texto(), t)[1], obrigatorio=False, parent=self))
        self.conta = self.adicionar("C&onta debitada:", CampoValidado(
            lambda t: regras.conta(self.codigo(), t, self._dv_conta(t))[0], parent=self))
        self.conta_dv = self.adicionar("&Dígito da conta:", CampoValidado(
            lambda t: regras.conta(self.codigo(), self.conta.texto(), t)[1], parent=self))
        self.data = self.adicionar("Data do &pagamento:", CampoData(parent=self))
        self.data.definir_data(date.today() + timedelta(days=2))
        self.banco.currentIndexChanged.connect(self._on_banco)
        for origem, destino in ((self.agencia, self.agencia_dv), (self.conta, self.conta_dv)):
            origem.edit.textChanged.connect(lambda _t, d=destino: d.texto() and d.validar())
        self._on_banco()

    def codigo(self) -> str:
        return self.banco.currentData()

    def _mostrar_campos_da_caixa(self) -> None:
        """Parâmetro e compromisso só existem no leiaute da Caixa: as linhas aparecem (e contam para o botão)
        só com a Caixa escolhida."""
        caixa = self.codigo() == regras_convenio.CAIXA
        self.convenio.edit.setPlaceholderText("6 dígitos, informado pela Caixa" if caixa
                                              else "como o banco informou (até 20)")
        for campo in self._so_caixa:
            self.form.setRowVisible(campo, caixa)
            if caixa and campo not in self._campos:
                self._campos.append(campo)
            elif not caixa and campo in self._campos:
                self._campos.remove(campo)

    def _dv_agencia(self, t: str) -> str:
        t = t.strip()
        return regras.dv_modulo11_bb(t.zfill(4)) if self.codigo() == "001" and t.isdigit() and len(t) <= 4 else ""

    def _dv_conta(self, t: str) -> str:
        t = t.strip()
        return regras.dv_modulo11_bb(t.zfill(8)) if self.codigo() == "001" and t.isdigit() and len(t) <= 8 else "0"

    def _campos_convenio(self):
        return ((self.convenio, "convenio"), (self.agencia, "agencia"), (self.agencia_dv, "agencia_dv"),
                (self.conta, "conta"), (self.conta_dv, "conta_dv"), (self.parametro, "parametro_transmissao"),
                (self.tipo_compromisso, "tipo_compromisso"), (self.compromisso, "codigo_compromisso"))

    def _on_banco(self, *_args) -> None:
        """O convênio gravado para o banco escolhido, lido fora da thread da interface (``consulta``); ao
        trocar de banco os campos se esvaziam na hora e voltam preenchidos se houver convênio gravado."""
        self._mostrar_campos_da_caixa()
        if _args:
            for campo, _chave in self._campos_convenio():
                campo.definir_texto("")
        if self.codigo() == regras_convenio.CAIXA and not self.tipo_compromisso.texto():
            self.tipo_compromisso.definir_texto(regras_convenio.TIPO_COMPROMISSO_SALARIOS)
        self.atualizar_botao()
        sessao, folha, banco = self._sessao, self._folha, self.codigo()

        def _on_lido(atual) -> None:
            if not atual or banco != self.codigo():
                return
            for campo, chave in self._campos_convenio():
                if chave in atual:
                    campo.definir_texto(atual[chave])
            self.atualizar_botao()

        self.leitura = servicos.consulta(self, lambda: remessa.convenio(sessao, folha, banco), _on_lido,
                                         titulo_erro="Convênio não lido")

    def chamada(self):
        """Grava o convênio (fora da thread da interface) e devolve a escolha: banco e data do pagamento."""
        sessao, folha, banco = self._sessao, self._folha, self.codigo()
        campos = {"convenio": self.convenio.valor(), "agencia": self.agencia.texto(),
                  "agencia_dv": self.agencia_dv.texto(), "conta": self.conta.texto(), "conta_dv": self.conta_dv.texto()}
        if banco == regras_convenio.CAIXA:
            campos |= {"parametro_transmissao": self.parametro.texto(), "tipo_compromisso": self.tipo_compromisso.texto(),
                       "codigo_compromisso": self.compromisso.texto()}
        escolha = {"banco": banco, "data_pagamento": self.data.valor()}

        def gravar() -> dict:
            remessa.definir_convenio(sessao, folha, banco, **campos)
            return escolha
        return gravar


class GeradorRemessa:
    """Conduz a geração: diálogo → onde salvar → segundo plano → (confirmação de quem fica de fora) → arquivo
    (gravado fora da thread da interface, inteiro ou nada: ``widgets.arquivo.gravar``).

    ``escolher_destino(nome_sugerido)`` devolve o caminho ou None; ``ao_salvar(caminho, gerado)`` é chamado quando o
    arquivo está gravado. Se o sistema recusa a gravação, o aviso diz onde e por quê."""

    def __init__(self, parent: QWidget, sessao, folha: str, competencia: date,
                 escolher_destino: Callable[[str], Path | None], ao_salvar: Callable[[Path, object], None]):
        self._parent, self._sessao, self._folha, self._comp = parent, sessao, folha, competencia
        self._escolher, self._ao_salvar = escolher_destino, ao_salvar
        self.dialogo: DialogoRemessa | None = None
        self.pergunta: QMessageBox | None = None
        self.tarefa = None
        self._escolha: dict = {}
        self._destino: Path | None = None

    def iniciar(self) -> None:
        self.dialogo = DialogoRemessa(self._sessao, self._folha, self._comp, self._parent)
        self.dialogo.accepted.connect(self._on_dialogo_aceito)
        self.dialogo.open()

    def _on_dialogo_aceito(self) -> None:
        self._escolha = self.dialogo.resultado
        destino = self._escolher(f"remessa-{self._folha}-{self._comp:%Y-%m}-banco{self._escolha['banco']}.rem")
        if destino is None:
            return
        self._destino = destino
        self._rodar(False)

    def _rodar(self, deixar_de_fora: bool) -> None:
        escolha = self._escolha

        def _trabalho(_p):
            try:
                g = remessa.gerar(self._sessao, self._folha, self._comp, banco=escolha["banco"],
                                  data_pagamento=escolha["data_pagamento"], deixar_de_fora_sem_conta=deixar_de_fora)
            except remessa.FaltamDadosBancarios as e:
                return e
            return g  # o arquivo é gravado depois, também fora da thread da interface (widgets.arquivo)

        self.tarefa = servicos.operacao(self._parent, "Gerando o arquivo do banco…", _trabalho, self._on_pronto,
                                        titulo_erro="Arquivo do banco")

    def _on_pronto(self, resultado) -> None:
        self.tarefa = None
        if isinstance(resultado, remessa.FaltamDadosBancarios):
            self.pergunta = QMessageBox(QMessageBox.Icon.Question, "Pessoas sem conta bancária",
                                        str(resultado) + "\n\nGerar o arquivo sem elas?",
                                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._parent)
            self.pergunta.setDefaultButton(QMessageBox.StandardButton.No)
            self.pergunta.setDetailedText("\n".join(f"{p['nome']} ({p['identificacao']}): {formato.reais(p['liquido'])}"
                                                    for p in resultado.pessoas))
            self.pergunta.finished.connect(self._on_resposta)
            self.pergunta.open()
            return
        arquivo.gravar(self._parent, self._destino, resultado.conteudo,
                       lambda destino: self._ao_salvar(destino, resultado), titulo_erro="Arquivo do banco",
                       feito=f"O arquivo do banco nº {resultado.nsa} foi gerado e anotado no diário",
                       depois="Gere-o de novo escolhendo outro lugar (o novo sai com o número seguinte).")

    def _on_resposta(self, resposta: int) -> None:
        if resposta == QMessageBox.StandardButton.Yes:
            self._rodar(True)
