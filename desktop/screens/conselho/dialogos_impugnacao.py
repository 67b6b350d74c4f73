"""Formulários de impugnações (apresentar, defesa, decisão, recurso ao CMDCA, julgamento) com os prazos à vista, e da seção de votação.

O rito é o da Lei 320/2023, arts. 8º §§12-13 e 11 §§2º-5º; as datas e a ordem das etapas são
conferidas pelo serviço (``desktop.services.eleicao.impugnacoes``), que recusa com o artigo. A lista das
impugnações do processo é a tabela comum (``lista_impugnacoes``).
"""
from __future__ import annotations

from functools import partial

from datetime import timedelta

from typing import Any, Callable

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.rules import formato
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado, inteiro
from desktop.screens.widgets.data import CampoData
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.eleicao import impugnacoes, votacao


def _texto(rotulo: str):
    def validar(t: str) -> str:
        from desktop.rules.validacao import obrigatorio

        return obrigatorio(t, rotulo)
    return validar


class DialogoApresentar(DialogoFormulario):
    """Nova impugnação (requisitos, art. 11 §2º) ou denúncia (conduta vedada, art. 8º §12), com o prazo de defesa."""

    def __init__(self, sessao, p: dict, candidatos: list[dict], parent: QWidget | None = None):
        """``p`` (o processo) e ``candidatos``: lidos antes fora da thread da interface."""
        self._sessao = sessao
        super().__init__("Nova impugnação ou denúncia", "&Registrar", parent, explicacao=(
            f"Impugnação: de {formato.data(p['publicacao_inscritos'])} a {formato.data(p['impugnacao_fim'])} — 5 dias contados da "
            f"publicação dos inscritos (Lei 320/2023, art. 11 §2º). Denúncia de conduta vedada: até a eleição "
            f"({formato.data(p['eleicao'])}, art. 8º §12). O candidato tem prazo para a defesa (art. 11 §3º I)."))
        self.candidato = QComboBox(self)
        for c in candidatos:
            self.candidato.addItem(f"{c['numero']} — {c['nome_urna']}", c["id"])
        self.adicionar("&Candidato:", self.candidato)
        self.tipo = QComboBox(self)
        self.tipo.addItem("Impugnação (requisitos, art. 11 §2º)", "impugnacao")
        self.tipo.addItem("Denúncia (conduta vedada, art. 8º §12)", "denuncia")
        self.adicionar("&Tipo:", self.tipo)
        self.autor = self.adicionar("&Quem apresenta:", CampoValidado(_texto("quem apresenta"), parent=self))
        self.fundamento = self.adicionar("&Fundamento e provas:", CampoValidado(_texto("o fundamento e as provas"),
                                                                                parent=self))
        self.apresentada = self.adicionar("&Apresentada em:", CampoData(parent=self))
        self.prazo = self.adicionar("&Prazo da defesa até:", CampoData(parent=self))
        self.apresentada.edit.textChanged.connect(self._on_apresentada)

    def _on_apresentada(self, *_a) -> None:
        if self.apresentada.valido() and not self.prazo.texto().strip():
            self.prazo.definir_texto(formato.data(self.apresentada.valor() + timedelta(days=5)))

    def chamada(self) -> partial:
        return partial(impugnacoes.apresentar, self._sessao, self.candidato.currentData(), tipo=self.tipo.currentData(),
                                      autor=self.autor.valor(), fundamento=self.fundamento.valor(),
                                      apresentada_em=self.apresentada.valor(), prazo_defesa=self.prazo.valor())


_RESULTADOS = {"decisao": [("Improcedente", False), ("Procedente", True)],
               "julgamento": [("Recurso desprovido (mantém a decisão)", False), ("Recurso provido (reforma a decisão)", True)]}


class DialogoEtapa(DialogoFormulario):
    """A próxima etapa de uma impugnação: defesa, decisão, recurso ou julgamento, com o prazo que corre."""

    def __init__(self, sessao, impugnacao: dict, parent: QWidget | None = None):
        self._sessao, self._impugnacao = sessao, impugnacao
        i = impugnacao
        prazos = [f"apresentada em {formato.data(i['apresentada_em'])}", f"defesa até {formato.data(i['prazo_defesa'])}"]
        if i["decidida_em"]:
            prazos.append(f"decidida em {formato.data(i['decidida_em'])} ({i['decisao']})")
        if i["recurso_em"]:
            prazos.append(f"recurso em {formato.data(i['recurso_em'])}")
        super().__init__(f"Impugnação contra {i.get('numero', '')} {i.get('nome', '')}".strip(), "&Registrar etapa",
                         parent, explicacao="Rito (Lei 320/2023, art. 11 §§3º-5º): " + "; ".join(prazos) + ".")
        self.etapa = QComboBox(self)
        for e in impugnacoes.etapas_possiveis(i):
            self.etapa.addItem(impugnacoes.ETAPAS[e], e)
        self.adicionar("&Etapa:", self.etapa)
        self.resultado = QComboBox(self)
        self.adicionar("&Resultado:", self.resultado)
        self.texto = self.adicionar("&Texto:", CampoValidado(_texto("o texto (defesa, fundamento ou razões)"), parent=self))
        self.data = self.adicionar("&Data:", CampoData(parent=self))
        self.etapa.currentIndexChanged.connect(self._on_etapa)
        self._on_etapa()

    def _on_etapa(self, *_a) -> None:
        e = self.etapa.currentData()
        self.resultado.clear()
        for rotulo, valor in _RESULTADOS.get(e, []):
            self.resultado.addItem(rotulo, valor)
        self.resultado.setEnabled(e in _RESULTADOS)
        self.botao_ok.setText({"defesa": "Juntar &defesa", "decisao": "Registrar &decisão", "recurso": "Registrar "
                               "&recurso", "julgamento": "Registrar &julgamento"}.get(e, "&Registrar etapa"))
        self.atualizar_botao()

    def campos_validos(self) -> bool:
        return self.etapa.count() > 0 and super().campos_validos()

    def chamada(self) -> partial:
        e, iid, texto, em = self.etapa.currentData(), self._impugnacao["id"], self.texto.valor(), self.data.valor()
        if e == "defesa":
            return partial(impugnacoes.defender, self._sessao, iid, defesa=texto, em=em)
        if e == "decisao":
            return partial(impugnacoes.decidir, self._sessao, iid, procedente=self.resultado.currentData(), motivo=texto, em=em)
        if e == "recurso":
            return partial(impugnacoes.recorrer, self._sessao, iid, razoes=texto, em=em)
        return partial(impugnacoes.julgar_recurso, self._sessao, iid, provido=self.resultado.currentData(), motivo=texto, em=em)


def _decisao(i: dict) -> str:
    return f"{i['decisao']} em {formato.data(i['decidida_em'])}" if i["decisao"] else "pendente"


def _recurso(i: dict) -> str:
    """O estado do recurso; as datas ficam na dica (``_recurso_dica``): com 'desprovido em 29/05/2027' (211 pontos) ao
    lado de 'improcedente em 26/05/2027', a coluna do candidato ficava com ~200 pontos a 1366×768 e cortava nomes
    comuns."""
    if i["recurso_decisao"]:
        return i["recurso_decisao"]
    return "interposto" if i["recurso"] else "—"


def _recurso_dica(i: dict) -> str:
    if not i["recurso"]:
        return "Sem recurso ao CMDCA."
    texto = f"Recurso ao CMDCA interposto em {formato.data(i['recurso_em'])}"
    if i["recurso_decisao"]:
        texto += f"; {i['recurso_decisao']} em {formato.data(i['recurso_julgado_em'])}"
    return texto + "."


def _defesa(i: dict) -> str:
    """O prazo, e se a defesa já foi juntada; a data da juntada fica na dica (``_defesa_dica``): com ela, a coluna não
    cabia ao lado das outras a 1366×768."""
    return formato.data(i["prazo_defesa"]) + (" (juntada)" if i["defesa_em"] else "")


def _defesa_dica(i: dict) -> str:
    prazo = f"Prazo da defesa: {formato.data(i['prazo_defesa'])}"
    return prazo + (f"; defesa juntada em {formato.data(i['defesa_em'])}." if i["defesa_em"] else "; defesa não juntada.")


COLUNAS_IMPUGNACOES = [
    Coluna("Nº", lambda i: str(i["numero"]), lambda i: i["numero"], alinhamento="direita", largura=45,
           titulo_longo="Número do candidato"),
    Coluna("Candidato", lambda i: i["nome"], esticar=True, largura=160),
    Coluna("Tipo", lambda i: "impugnação" if i["tipo"] == "impugnacao" else "denúncia", largura=95),
    Coluna("Entrada", lambda i: formato.data(i["apresentada_em"]), lambda i: i["apresentada_em"], largura=100,
           titulo_longo="Apresentada em"),  # "Apresentada" pedia 149 pontos para uma data
    Coluna("Defesa até", _defesa, lambda i: i["prazo_defesa"], largura=175, dica=_defesa_dica),
    Coluna("Decisão", _decisao, lambda i: (i["decidida_em"] or "", i["decisao"] or ""), largura=165,
           cor=lambda i: None if i["decisao"] else "#b00020"),
    Coluna("Recurso", _recurso, lambda i: (i["recurso_julgado_em"] or i["recurso_em"] or "", _recurso(i)), largura=100,
           dica=_recurso_dica, titulo_longo="Recurso ao CMDCA (art. 11 §5º)"),
]


def lista_impugnacoes(parent: QWidget | None = None, *, ao_abrir: Callable[[Any], None] | None = None) -> Lista:
    """Impugnações do processo com as datas e prazos de cada etapa (a tabela comum, escolha pelo id);
    ``ao_abrir``: Enter ou duplo clique numa impugnação."""
    lista = Lista(COLUNAS_IMPUGNACOES, parent, nome="Impugnações e denúncias", ao_abrir=ao_abrir)
    lista.visao.setObjectName("impugnacoes")
    return lista


class DialogoSecao(DialogoFormulario):
    """Seção de votação com os eleitores aptos; urna eletrônica ou cédulas (art. 9º e §ún.)."""

    def __init__(self, sessao, processo_id: str, parent: QWidget | None = None):
        self._sessao, self._pid = sessao, processo_id
        super().__init__("Nova seção de votação", "&Cadastrar seção", parent, explicacao=(
            "Locais definidos pelo CMDCA (Lei 320/2023, art. 10 II); eleitores aptos pela lista da Justiça "
            "Eleitoral (art. 9º). Sem urna eletrônica, a votação é manual, com cédulas (art. 9º §ún.)."))
        self.numero = self.adicionar("&Número:", CampoValidado(inteiro("O número da seção", 1, 99999), parent=self))
        self.local = self.adicionar("&Local de votação:", CampoValidado(_texto("o local de votação"), parent=self))
        self.aptos = self.adicionar("&Eleitores aptos:", CampoValidado(
            inteiro("Os eleitores aptos", 0, 10_000_000, "Lei 320/2023, art. 9º"), parent=self))
        self.tipo = QComboBox(self)
        self.tipo.addItem("Urna eletrônica", "urna")
        self.tipo.addItem("Cédulas — apuração manual (art. 9º §ún.)", "manual")
        self.adicionar("&Votação:", self.tipo)

    def chamada(self) -> partial:
        return partial(votacao.cadastrar_secao, self._sessao, self._pid, numero=self.numero.valor(), local=self.local.valor(),
                                       aptos=self.aptos.valor(), tipo=self.tipo.currentData())

