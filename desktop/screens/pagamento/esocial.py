"""Gerar os eventos do eSocial de uma folha (S-1010, S-1200/S-1202, S-1210, S-1299) num arquivo .zip.

O diálogo pede a data do pagamento, o ambiente (produção restrita ou produção) e, se houver, o
certificado A1 (.pfx) e a senha para assinar. A geração e a validação nos XSD oficiais rodam fora da
thread da interface, com progresso; o .zip vai para onde o usuário escolher. A transmissão é feita
pelo programa do órgão, fora do Paço.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets import arquivo, formato, servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.data import CampoData
from desktop.services.pagamento import esocial


class DialogoESocial(DialogoFormulario):
    def __init__(self, competencia: date, parent: QWidget | None = None):
        super().__init__(f"Eventos do eSocial — {formato.competencia(competencia)}", "Continuar…", parent,
                         "Gera S-1010 (rubricas), S-1202 ou S-1200 (remuneração), S-1210 (pagamentos) e S-1299 "
                         "(fechamento), validados nos esquemas oficiais do leiaute S-1.3. Com o certificado A1 "
                         "os eventos saem assinados; sem ele, o programa de transmissão assina.")
        self.data = self.adicionar("Data do &pagamento:", CampoData(parent=self))
        self.data.definir_data(date.today() + timedelta(days=2))
        self.ambiente = QComboBox(self)
        self.ambiente.addItem("Produção restrita (testes)", "2")
        self.ambiente.addItem("Produção", "1")
        self.adicionar("&Ambiente:", self.ambiente)
        self.certificado = QLineEdit(self)
        self.certificado.setPlaceholderText("opcional: arquivo .pfx do certificado A1")
        escolher = QPushButton("Escol&her…", self)
        escolher.clicked.connect(self._on_escolher)
        linha = QWidget(self)
        lay = QHBoxLayout(linha)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.certificado, 1)
        lay.addWidget(escolher)
        self.adicionar("&Certificado A1:", linha)
        self.senha = QLineEdit(self)
        self.senha.setEchoMode(QLineEdit.EchoMode.Password)
        self.adicionar("&Senha do certificado:", self.senha)
        self.atualizar_botao()

    def _on_escolher(self) -> None:
        caminho, _ = QFileDialog.getOpenFileName(self, "Certificado A1", "", "Certificado A1 (*.pfx *.p12)")
        if caminho:
            self.certificado.setText(caminho)

    def chamada(self) -> Callable[[], dict]:
        """Os campos lidos aqui; o certificado é lido do disco fora da thread da interface."""
        arquivo = self.certificado.text().strip()
        escolha = {"data_pagamento": self.data.valor(), "ambiente": self.ambiente.currentData(),
                   "senha": self.senha.text()}

        def _ler_certificado() -> dict:
            try:
                pfx = Path(arquivo).read_bytes() if arquivo else None
            except OSError:
                raise EntradaInvalida("Não foi possível ler o arquivo do certificado.") from None
            return {**escolha, "pfx": pfx}
        return _ler_certificado


class GeradorESocial:
    """Diálogo → onde salvar → segundo plano (com progresso) → arquivo (gravado fora da thread da interface, inteiro ou
    nada: ``widgets.arquivo.gravar``) → ``ao_salvar(caminho, lote)``; a recusa do sistema vira aviso."""

    def __init__(self, parent: QWidget, sessao, folha: str, competencia: date,
                 escolher_destino: Callable[[str], Path | None], ao_salvar: Callable[[Path, object], None]):
        self._parent, self._sessao, self._folha, self._comp = parent, sessao, folha, competencia
        self._escolher, self._ao_salvar = escolher_destino, ao_salvar
        self.dialogo: DialogoESocial | None = None
        self.tarefa = None

    def iniciar(self) -> None:
        self.dialogo = DialogoESocial(self._comp, self._parent)
        self.dialogo.accepted.connect(self._on_aceito)
        self.dialogo.open()

    def _on_aceito(self) -> None:
        escolha = self.dialogo.resultado
        destino = self._escolher(f"esocial-{self._folha}-{self._comp:%Y-%m}.zip")
        if destino is None:
            return

        def _trabalho(p):
            lote = esocial.gerar(self._sessao, self._folha, self._comp,
                                 progresso=lambda f, t: p.informar(f, t, f"Evento {f} de {t}…"), **escolha)
            return lote, lote.zip()  # o ZIP é gravado depois, também fora da thread da interface

        def _pronto(gerado) -> None:
            self.tarefa = None
            lote, conteudo = gerado
            arquivo.gravar(self._parent, destino, conteudo, lambda caminho: self._ao_salvar(caminho, lote),
                           titulo_erro="Eventos do eSocial",
                           feito="Os eventos do eSocial foram gerados, validados e anotados no diário",
                           depois="Gere-os de novo escolhendo outro lugar.")

        self.tarefa = servicos.operacao(self._parent, "Gerando e validando os eventos do eSocial…", _trabalho,
                                        _pronto, titulo_erro="Eventos do eSocial")
