"""Diálogos do PPCP: cadastro (perfil, escolaridade, conteúdos do art. 20, competências e equipe) e aprovação.

As competências (art. 20 VI) e a equipe multiprofissional (art. 20 XII) são tabelas editáveis; a
contagem da equipe aparece enquanto se digita. As recusas do serviço (art. 17, 20, 22, 27) ficam no
diálogo, e nada é gravado.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget, QFormLayout, QHeaderView)

from desktop.rules.certificacao.ppcp import CONTEUDOS_ART_20, Competencia, MembroEquipe
from desktop.rules.certificacao.resultado import termos_vedados
from desktop.rules.certificacao.tipos import ROTULOS_ESCOLARIDADE, ROTULOS_TIPO
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado
from desktop.services.certificacao import cursos

from .comum import ListasLidas, aguardar_combo, encher_combo, texto
from .dialogos_cadastro import campo_data, combo

AREAS = {"educacao": "Profissional de educação", "especifica": "Profissional da área"}


class DialogoPpcp(ListasLidas, DialogoFormulario):
    """PPCP de um perfil (art. 19) sobre um curso de referência (art. 17)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Novo PPCP", "Cadastrar PPCP", parent,
                         "Projeto Pedagógico do Curso de referência adaptado ao Processo de certificação: um por "
                         "perfil (art. 19), com os conteúdos do art. 20, as competências com componente e carga "
                         "horária (VI) e a equipe multiprofissional (XII).")
        self.setMinimumWidth(760)
        self._sessao = sessao
        abas = QTabWidget(self)
        self.abas = abas
        self.form.addRow(abas)
        # Identificação
        ident = QWidget()
        fi = QFormLayout(ident)
        self.curso = combo([], ident)
        aguardar_combo(self.curso)
        self.tipo = combo(((t.value, r) for t, r in ROTULOS_TIPO.items()), ident)
        self.perfil = self._campo(CampoValidado(texto("o perfil profissional (art. 19)"), parent=ident))
        self.escolaridade = combo(((e.value, r) for e, r in ROTULOS_ESCOLARIDADE.items()), ident)
        for rotulo, w in (("Curso de referência:", self.curso), ("Tipo de certificação:", self.tipo),
                          ("Perfil profissional:", self.perfil), ("Escolaridade mínima:", self.escolaridade)):
            fi.addRow(rotulo, w)
        abas.addTab(ident, "Identificação")
        # Conteúdos do art. 20 (e art. 22)
        cont = QWidget()
        fc = QFormLayout(cont)
        self.conteudos: dict[str, CampoValidado] = {}
        for chave, (inciso, descricao) in CONTEUDOS_ART_20.items():
            c = self._campo(CampoValidado(texto(descricao), parent=cont))
            fc.addRow(f"{inciso} – {descricao[0].upper()}{descricao[1:]}:", c)
            self.conteudos[chave] = c
        abas.addTab(cont, "Conteúdos (art. 20)")
        # Competências (VI)
        self.competencias = self._tabela(["Competência profissional", "Componente / unidade curricular",
                                          "Carga horária (h)"])
        self.aviso_termos = QLabel()
        self.aviso_termos.setWordWrap(True)
        self.aviso_termos.setStyleSheet("color: #b00020;")
        abas.addTab(self._aba_tabela(self.competencias, "Adicionar competência", self.aviso_termos),
                    "Competências (VI)")
        self.competencias.itemChanged.connect(self._on_competencias)
        # Equipe (XII)
        self.equipe = self._tabela(["Nome", "Área", "Formação"])
        self.resumo_equipe = QLabel()
        abas.addTab(self._aba_tabela(self.equipe, "Adicionar membro", self.resumo_equipe), "Equipe (XII)")
        self.equipe.itemChanged.connect(self._on_equipe)
        self._on_equipe()
        self.ler_listas(lambda: cursos.listar_cursos(sessao), lambda lista: encher_combo(
            self.curso, [(c["id"], f"{c['nome']} ({c['unidade']})") for c in lista]), titulo_erro="Cursos não lidos")

    # -- montagem ---------------------------------------------------------------------------
    def _campo(self, c: CampoValidado) -> CampoValidado:
        self._campos.append(c)
        c.edit.textChanged.connect(self._on_mudou)
        return c

    @staticmethod
    def _tabela(cabecalhos: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(cabecalhos))
        t.setHorizontalHeaderLabels(cabecalhos)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.setMinimumHeight(160)
        return t

    def _aba_tabela(self, tabela: QTableWidget, texto_botao: str, extra: QWidget | None = None) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(tabela)
        botoes = QHBoxLayout()
        mais, menos = QPushButton(texto_botao, w), QPushButton("Remover linha", w)
        mais.clicked.connect(lambda: self.nova_linha(tabela))
        menos.clicked.connect(lambda: tabela.removeRow(tabela.currentRow()) if tabela.currentRow() >= 0 else None)
        botoes.addWidget(mais)
        botoes.addWidget(menos)
        if extra is not None:
            botoes.addWidget(extra, 1)
        lay.addLayout(botoes)
        return w

    def nova_linha(self, tabela: QTableWidget, valores: tuple = ()) -> int:
        """Acrescenta uma linha (com ``valores`` opcionais); na equipe, a área é um combo."""
        i = tabela.rowCount()
        tabela.insertRow(i)
        for j in range(tabela.columnCount()):
            if tabela is self.equipe and j == 1:
                c = combo(AREAS.items(), tabela)
                if len(valores) > 1:
                    c.setCurrentIndex(c.findData(valores[1]))
                c.currentIndexChanged.connect(self._on_equipe)
                tabela.setCellWidget(i, 1, c)
            else:
                tabela.setItem(i, j, QTableWidgetItem(str(valores[j]) if j < len(valores) else ""))
        self._on_equipe()
        return i

    # -- leitura ----------------------------------------------------------------------------
    @staticmethod
    def _celula(t: QTableWidget, i: int, j: int) -> str:
        item = t.item(i, j)
        return " ".join((item.text() if item else "").split())

    def lista_competencias(self) -> list[Competencia]:
        saida = []
        for i in range(self.competencias.rowCount()):
            nome, comp, horas = (self._celula(self.competencias, i, j) for j in range(3))
            if not (nome or comp or horas):
                continue
            if not nome or not comp:
                raise EntradaInvalida(f"Competência da linha {i + 1}: informe o nome e o componente curricular.")
            if not horas.isdigit() or int(horas) <= 0:
                raise EntradaInvalida(f"Competência \"{nome}\": a carga horária deve ser um número de horas maior que zero.")
            saida.append(Competencia(nome, comp, int(horas)))
        return saida

    def lista_equipe(self) -> list[MembroEquipe]:
        saida = []
        for i in range(self.equipe.rowCount()):
            nome, area = self._celula(self.equipe, i, 0), self.equipe.cellWidget(i, 1)
            if nome and area is not None:  # a linha ganha o combo da área logo depois do nome
                saida.append(MembroEquipe(nome, area.currentData()))
        return saida

    def _on_competencias(self, *_args) -> None:
        """Ao digitar: a palavra que revela a forma de obtenção, nomeada, desabilita o botão (arts. 15 §2º, 16 §ún)."""
        self.aviso_termos.setText(termos_na_tabela(self.competencias))
        self.atualizar_botao()

    def campos_validos(self) -> bool:
        return not termos_na_tabela(self.competencias) and super().campos_validos()

    def _on_equipe(self, *_args) -> None:
        membros = self.lista_equipe()
        edu = sum(1 for m in membros if m.area == "educacao")
        self.resumo_equipe.setText(f"{edu} profissional(is) de educação e {len(membros) - edu} da área específica.")

    def chamada(self):
        if self.curso.currentData() is None:
            raise EntradaInvalida("Cadastre antes o curso de referência.")
        return partial(cursos.cadastrar_ppcp,
            self._sessao, curso_id=self.curso.currentData(), tipo=self.tipo.currentData(), perfil=self.perfil.valor(),
            escolaridade_minima=self.escolaridade.currentData(),
            conteudos={k: c.valor() for k, c in self.conteudos.items()},
            competencias=self.lista_competencias(), equipe=self.lista_equipe())


def termos_na_tabela(tabela: QTableWidget) -> str:
    """A primeira célula com palavra vedada (vai impressa no histórico e no atestado), ou ""."""
    for i in range(tabela.rowCount()):
        for j in range(min(2, tabela.columnCount())):
            item = tabela.item(i, j)
            achados = termos_vedados(item.text()) if item else []
            if achados:
                return (f"Linha {i + 1}: \"{item.text().strip()}\" vai impresso no histórico e não pode mencionar a forma "
                        f"de obtenção nem a modalidade (encontrado: {', '.join(achados)}) — Portaria MEC 902/2024, "
                        "art. 15, §2º e art. 16, parágrafo único.")
    return ""


class DialogoCompetencias(DialogoFormulario):
    """Correção das competências do PPCP (texto, componente e horas), com motivo e nova via dos documentos."""

    def __init__(self, sessao, ppcp: dict, parent: QWidget | None = None, *, competencias: list[dict]):
        """``competencias``: as do PPCP, lidas antes fora da thread da interface (``detalhar_ppcp``)."""
        super().__init__(f"Corrigir competências — {ppcp['perfil']}", "Corrigir competências", parent,
                         "Cada linha substitui a competência da mesma ordem. Competências já avaliadas em processos "
                         "não podem ser acrescentadas nem retiradas, só corrigidas. Documentos já emitidos saem em "
                         "nova via; a correção fica no diário com o motivo.")
        self.setMinimumWidth(720)
        self._sessao, self._ppcp = sessao, ppcp
        self.competencias = DialogoPpcp._tabela(["Competência profissional", "Componente / unidade curricular",
                                                 "Carga horária (h)"])
        for c in competencias:
            i = self.competencias.rowCount()
            self.competencias.insertRow(i)
            for j, v in enumerate((c["nome"], c["componente"], c["carga_horaria"])):
                self.competencias.setItem(i, j, QTableWidgetItem(str(v)))
        self.adicionar("", self.competencias)
        self.aviso_termos = self.adicionar("", QLabel(self))
        self.aviso_termos.setWordWrap(True)
        self.aviso_termos.setStyleSheet("color: #b00020;")
        self.motivo = self.adicionar("Motivo:", CampoValidado(texto("o motivo da correção", 10), parent=self))
        self.competencias.itemChanged.connect(self._on_competencias)

    def _on_competencias(self, *_args) -> None:
        self.aviso_termos.setText(termos_na_tabela(self.competencias))
        self.atualizar_botao()

    def campos_validos(self) -> bool:
        return not termos_na_tabela(self.competencias) and super().campos_validos()

    _celula = staticmethod(DialogoPpcp._celula)

    def lista_competencias(self) -> list[Competencia]:
        return DialogoPpcp.lista_competencias(self)

    def chamada(self):
        from desktop.services.certificacao import correcoes_ppcp

        return partial(correcoes_ppcp.corrigir_competencias,
                self._sessao, self._ppcp["id"], motivo=self.motivo.valor(), competencias=self.lista_competencias())


class DialogoAprovarPpcp(DialogoFormulario):
    """Aprovação pelo órgão competente (art. 11 III) e inserção no Sistec (art. 12 IV)."""

    def __init__(self, sessao, ppcp: dict, parent: QWidget | None = None):
        super().__init__(f"Aprovar PPCP — {ppcp['perfil']}", "Registrar aprovação", parent,
                         "Só um PPCP aprovado pode ser ofertado (art. 11, III). A inserção no Sistec vem depois "
                         "da aprovação (art. 12, IV).")
        self._sessao, self._ppcp = sessao, ppcp
        self.aprovado = self.adicionar("Aprovado em:", campo_data(self))
        self.sistec = self.adicionar("Inserido no Sistec em:", campo_data(self, obrigatorio=False))

    def chamada(self):
        return partial(cursos.aprovar_ppcp,
                self._sessao, self._ppcp["id"], aprovado_em=self.aprovado.valor(), sistec_em=self.sistec.valor())
