"""Correção do curso de referência (nome, eixo, código do catálogo) e do perfil do PPCP, com o motivo
(issue 12, item 5; Portaria MEC 902/2024, arts. 12 XIV, 15 §2º e 16 §ún).

Os dois vão impressos nos títulos: corrigidos depois da emissão, os documentos válidos saem em nova via e
os anteriores ficam "substituídos" (``services.certificacao.correcoes``, o mesmo caminho da correção do
trabalhador). Palavra que revela a forma de obtenção é recusada nomeando o campo; o serviço roda fora da
thread da interface (``DialogoFormulario.chamada``) e a recusa aparece no próprio diálogo.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.services.certificacao import correcoes

from .comum import texto

EXPLICACAO = ("Explique o motivo (fica no diário). {o} vai impresso nos títulos: se já há documentos emitidos, "
              "eles saem em nova via e os anteriores ficam substituídos. Passados os anos de guarda do processo "
              "(art. 12, XIV), a correção é recusada.")


def resumo(r: dict, rotulo: str) -> str:
    novas = len(r["emitidos"])
    return (f"{rotulo} corrigido; correção registrada no diário"
            + (f"; {novas} documento(s) emitido(s) em nova via, os anteriores substituídos." if novas else "."))


class DialogoCorrigirCurso(DialogoFormulario):
    """Nome, eixo tecnológico e código do catálogo do curso de referência."""

    texto_andamento = "Corrigindo o curso…"

    def __init__(self, sessao, curso: dict, parent: QWidget | None = None):
        super().__init__(f"Corrigir curso — {curso['nome']}", "Corrigir", parent, EXPLICACAO.format(o="O curso"))
        self._sessao, self._curso = sessao, curso
        self.nome = self.adicionar("Nome do curso:", CampoValidado(texto("o nome do curso"), parent=self))
        self.nome.definir_texto(curso["nome"])
        self.eixo = self.adicionar("Eixo tecnológico:", CampoValidado(str, obrigatorio=False, parent=self))
        self.eixo.definir_texto(curso.get("eixo") or "")
        self.catalogo = self.adicionar("Código no catálogo (CNCT/CNCST/CBO):", CampoValidado(
            str, obrigatorio=False, parent=self))
        self.catalogo.definir_texto(curso.get("codigo_catalogo") or "")
        self.motivo = self.adicionar("Motivo da correção:", CampoValidado(
            texto("o motivo da correção", 10), parent=self, placeholder="ex.: nome conforme o ato de autorização"))

    def chamada(self):
        c = self._curso

        def mudou(valor, atual):
            valor = valor or ""
            return valor if valor != (atual or "") else None

        return partial(correcoes.corrigir_curso, self._sessao, c["id"], motivo=self.motivo.valor(),
                       nome=mudou(self.nome.valor(), c["nome"]), eixo=mudou(self.eixo.valor(), c.get("eixo")),
                       codigo_catalogo=mudou(self.catalogo.valor(), c.get("codigo_catalogo")))


class DialogoCorrigirPerfil(DialogoFormulario):
    """Perfil profissional do PPCP (a habilitação impressa no título, art. 19)."""

    texto_andamento = "Corrigindo o perfil…"

    def __init__(self, sessao, ppcp: dict, parent: QWidget | None = None):
        super().__init__(f"Corrigir perfil — {ppcp['perfil']}", "Corrigir", parent,
                         EXPLICACAO.format(o="O perfil profissional (a habilitação)"))
        self._sessao, self._ppcp = sessao, ppcp
        self.perfil = self.adicionar("Perfil profissional:", CampoValidado(texto("o perfil profissional"),
                                                                           parent=self))
        self.perfil.definir_texto(ppcp["perfil"])
        self.motivo = self.adicionar("Motivo da correção:", CampoValidado(
            texto("o motivo da correção", 10), parent=self, placeholder="ex.: habilitação conforme o catálogo"))

    def chamada(self):
        return partial(correcoes.corrigir_ppcp, self._sessao, self._ppcp["id"], motivo=self.motivo.valor(),
                       perfil=self.perfil.valor())
