"""Correção da instituição e da adesão com o motivo (issue 12, item 5; Portaria MEC 902/2024, arts. 5º, 10,
11, 12 XIV e 27).

O nome da instituição vai impresso nos títulos: corrigido depois da emissão, os documentos válidos saem em
nova via e os anteriores ficam "substituídos" (``correcoes_ppcp.corrigir_instituicao``, pelo mesmo caminho
da correção do trabalhador e do PPCP). As datas da adesão são conferidas como no registro (a validação no
Sistec depois das aprovações, nada no futuro). O motivo vai ao diário. O serviço roda fora da thread da
interface (``DialogoFormulario.chamada``) e a recusa aparece no próprio diálogo.
"""
from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtWidgets import QWidget

from desktop.rules import formato
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.services.certificacao import correcoes_ppcp

from .comum import texto
from .dialogos_cadastro import SISTEMAS, campo_data, combo


def _data(iso: str | None) -> date | None:
    return date.fromisoformat(iso[:10]) if iso else None


class DialogoCorrigirInstituicao(DialogoFormulario):
    """Nome, sigla, sistema de ensino, órgão competente e datas da adesão, com o motivo da correção."""

    texto_andamento = "Corrigindo a instituição…"

    def __init__(self, sessao, inst: dict, parent: QWidget | None = None):
        super().__init__(f"Corrigir instituição e adesão — {inst['nome']}", "Corrigir", parent,
                         "Corrija o dado errado e explique o motivo (fica no diário). O nome da instituição vai "
                         "impresso nos títulos: se já há documentos emitidos, eles saem em nova via e os anteriores "
                         "ficam substituídos. Passados os anos de guarda do processo (art. 12, XIV), o nome não "
                         "pode mais ser corrigido. A validação no Sistec vem depois das aprovações (art. 10).")
        self._sessao, self._inst = sessao, inst
        self.nome = self.adicionar("Nome:", CampoValidado(texto("o nome da instituição"), parent=self))
        self.nome.definir_texto(inst["nome"])
        self.sigla = self.adicionar("Sigla:", CampoValidado(str, obrigatorio=False, parent=self))
        self.sigla.definir_texto(inst.get("sigla") or "")
        self.sistema = self.adicionar("Sistema de ensino:", combo(SISTEMAS.items(), self))
        self.sistema.setCurrentIndex(max(0, self.sistema.findData(inst["sistema_ensino"])))
        self.orgao = self.adicionar("Órgão competente (art. 5º, IV):", CampoValidado(
            texto("o órgão competente do sistema de ensino"), parent=self))
        self.orgao.definir_texto(inst["orgao_competente"])
        self.termo = self.adicionar("Termo de adesão aprovado em:", campo_data(
            self, obrigatorio=False, inicial=_data(inst.get("termo_aprovado_em"))))
        self.regulamentacao = self.adicionar("Regulamentação interna aprovada em:", campo_data(
            self, obrigatorio=False, inicial=_data(inst.get("regulamentacao_aprovada_em"))))
        self.sistec = self.adicionar("Validação no Sistec em:", campo_data(
            self, obrigatorio=False, inicial=_data(inst.get("sistec_validada_em"))))
        self.motivo = self.adicionar("Motivo da correção:", CampoValidado(
            texto("o motivo da correção", 10), parent=self, placeholder="ex.: erro de digitação no nome"))

    def chamada(self):
        """Só os campos que mudaram vão ao serviço (None: não mexe)."""
        inst = self._inst

        def mudou(valor, atual):
            return valor if valor != atual else None

        datas = {campo: mudou(getattr(self, attr).valor(), _data(inst.get(campo))) for campo, attr in (
            ("termo_aprovado_em", "termo"), ("regulamentacao_aprovada_em", "regulamentacao"),
            ("sistec_validada_em", "sistec"))}
        return partial(correcoes_ppcp.corrigir_instituicao, self._sessao, inst["id"], motivo=self.motivo.valor(),
                       nome=mudou(self.nome.valor(), inst["nome"]),
                       sigla=mudou(self.sigla.valor() or "", inst.get("sigla") or ""),
                       sistema_ensino=mudou(self.sistema.currentData(), inst["sistema_ensino"]),
                       orgao_competente=mudou(self.orgao.valor(), inst["orgao_competente"]), **datas)

    @staticmethod
    def resumo(r: dict) -> str:
        novas = len(r["emitidos"])
        return (f"{r['nome']}: correção registrada no diário"
                + (f"; {novas} documento(s) emitido(s) em nova via, os anteriores substituídos." if novas else ".")
                + (f" Adesão validada no Sistec em {formato.data(_data(r['sistec_validada_em']))}."
                   if r.get("sistec_validada_em") else ""))
