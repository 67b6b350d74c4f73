"""Diálogos de cadastro da instituição, da adesão, das unidades certificadoras e dos cursos de referência.

Campos validados enquanto se digita (``DialogoFormulario``); as recusas dos serviços, com o
artigo da Portaria MEC 902/2024, aparecem dentro do próprio diálogo e nada é gravado.
"""
from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit, QWidget

from desktop.rules import formato
from desktop.rules import validacao
from desktop.rules.certificacao.curriculo import Componente
from desktop.rules.certificacao.tipos import ROTULOS_CURSO
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado, inteiro
from desktop.screens.widgets.data import CampoData
from desktop.services.certificacao import cursos, instituicao

from .comum import ListasLidas, aguardar_combo, encher_combo, texto

SISTEMAS = {"federal": "Federal", "estadual": "Estadual", "municipal": "Municipal"}


def combo(pares, parent) -> QComboBox:
    """QComboBox com (valor, rótulo)."""
    c = QComboBox(parent)
    for valor, rotulo in pares:
        c.addItem(rotulo, valor)
    return c


def campo_data(parent, obrigatorio: bool = True, inicial: date | None = None) -> CampoValidado:
    c = CampoData(placeholder="dd/mm/aaaa", obrigatorio=obrigatorio, parent=parent)
    if inicial:
        c.definir_texto(formato.data(inicial))
    return c


class DialogoInstituicao(DialogoFormulario):
    """Instituição de ensino que adere à Rede Certifica (art. 5º I e IV)."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Nova instituição", "Cadastrar", parent,
                         "A instituição de ensino que adere à Rede Certifica. Depois registre a adesão "
                         "(termo, regulamentação e validação no Sistec) e vincule as unidades certificadoras.")
        self._sessao = sessao
        self.nome = self.adicionar("Nome:", CampoValidado(texto("o nome da instituição"), parent=self))
        self.sigla = self.adicionar("Sigla:", CampoValidado(str, obrigatorio=False, parent=self))
        self.sistema = self.adicionar("Sistema de ensino:", combo(SISTEMAS.items(), self))
        self.orgao = self.adicionar("Órgão competente (art. 5º, IV):", CampoValidado(
            texto("o órgão competente do sistema de ensino"), parent=self,
            placeholder="ex.: Conselho Estadual de Educação"))

    def chamada(self):
        return partial(instituicao.cadastrar_instituicao,
            self._sessao, nome=self.nome.valor(), sigla=self.sigla.valor(),
            sistema_ensino=self.sistema.currentData(), orgao_competente=self.orgao.valor())


class DialogoAdesao(DialogoFormulario):
    """Termo de adesão, regulamentação interna e validação no Sistec (arts. 10, 11, 13 e 27)."""

    def __init__(self, sessao, inst: dict, parent: QWidget | None = None):
        super().__init__(f"Adesão de {inst['nome']}", "Registrar adesão", parent,
                         "A adesão vale cinco anos a partir da validação no Sistec (art. 27); o Paço avisa "
                         "90 dias antes de vencer. Para renovar, registre as novas datas.")
        self._sessao, self._inst = sessao, inst
        self.termo = self.adicionar("Termo de adesão aprovado em:", campo_data(self))
        self.regulamentacao = self.adicionar("Regulamentação interna aprovada em:", campo_data(self))
        self.sistec = self.adicionar("Validação no Sistec em:", campo_data(self))

    def chamada(self):
        return partial(instituicao.registrar_adesao,
            self._sessao, self._inst["id"], termo_aprovado_em=self.termo.valor(),
            regulamentacao_aprovada_em=self.regulamentacao.valor(), sistec_validada_em=self.sistec.valor())


NOVA_UNIDADE = "__nova__"


class DialogoUnidade(ListasLidas, DialogoFormulario):
    """Vincula uma unidade certificadora existente ou cadastra uma nova (art. 10 §ún)."""

    def __init__(self, sessao, inst: dict, parent: QWidget | None = None):
        super().__init__(f"Unidade certificadora de {inst['nome']}", "Vincular", parent,
                         "Escolha uma unidade certificadora já cadastrada ou informe o nome de uma nova.")
        self._sessao, self._inst = sessao, inst
        self.unidade = self.adicionar("Unidade:", combo([], self))
        aguardar_combo(self.unidade)
        self.nome = self.adicionar("Nome da nova unidade:", CampoValidado(
            texto("o nome da nova unidade"), obrigatorio=False, parent=self))
        self.unidade.currentIndexChanged.connect(self._on_unidade)
        self._on_unidade()
        self.ler_listas(lambda: instituicao.unidades_disponiveis(sessao), lambda unidades: encher_combo(
            self.unidade, [*((u["id"], u["nome"]) for u in unidades), (NOVA_UNIDADE, "Nova unidade certificadora…")]),
            titulo_erro="Unidades não lidas")

    def _on_unidade(self, *_args) -> None:
        nova = self.unidade.currentData() == NOVA_UNIDADE
        self.nome.setEnabled(nova)
        self.atualizar_botao()

    def campos_validos(self) -> bool:
        return self.unidade.currentData() != NOVA_UNIDADE or bool(self.nome.texto().strip())

    def chamada(self):
        if self.unidade.currentData() == NOVA_UNIDADE:
            return partial(instituicao.cadastrar_unidade_certificadora,
                    self._sessao, self._inst["id"], nome=texto("o nome da nova unidade")(self.nome.texto()))
        return partial(instituicao.vincular_unidade, self._sessao, self._inst["id"], self.unidade.currentData())


class DialogoCurso(ListasLidas, DialogoFormulario):
    """Curso de referência da unidade (art. 5º VII) com o que o art. 17 confere."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Novo curso de referência", "Cadastrar curso", parent,
                         "O curso que a unidade oferta e que sustenta a certificação (art. 17): tipo, data de "
                         "implantação, turmas por ano e, para superior de tecnologia, reconhecimento e conceito e-MEC.")
        self._sessao = sessao
        self.unidade = self.adicionar("Unidade certificadora:", combo([], self))
        aguardar_combo(self.unidade)
        self.ler_listas(lambda: instituicao.listar_unidades_certificadoras(sessao), lambda unidades: encher_combo(
            self.unidade, [(u["id"], u["nome"]) for u in unidades]), titulo_erro="Unidades não lidas")
        self.nome = self.adicionar("Nome do curso:", CampoValidado(texto("o nome do curso"), parent=self))
        self.tipo = self.adicionar("Tipo:", combo(((t.value, r) for t, r in ROTULOS_CURSO.items()), self))
        self.implantado = self.adicionar("Implantado em:", campo_data(self))
        self.intermediaria = self.adicionar("", QCheckBox("Prevê certificação intermediária de qualificação "
                                                          "(art. 17, I, b)", self))
        self.reconhecido = self.adicionar("", QCheckBox("Curso superior de tecnologia reconhecido (art. 17, IV)", self))
        self.conceito = self.adicionar("Conceito e-MEC:", CampoValidado(
            inteiro("O conceito e-MEC", 1, 5), obrigatorio=False, parent=self, placeholder="1 a 5"))
        self.catalogo = self.adicionar("Código no catálogo (CNCT/CNCST/CBO):", CampoValidado(
            str, obrigatorio=False, parent=self))
        self.eixo = self.adicionar("Eixo tecnológico:", CampoValidado(str, obrigatorio=False, parent=self))

    def campos_validos(self) -> bool:
        return self.unidade.count() > 0 and super().campos_validos()

    def chamada(self):
        if self.unidade.currentData() is None:
            raise validacao.EntradaInvalida("Vincule antes uma unidade certificadora à instituição.")
        return partial(cursos.cadastrar_curso,
            self._sessao, unidade_id=self.unidade.currentData(), nome=self.nome.valor(), tipo=self.tipo.currentData(),
            implantado_em=self.implantado.valor(), certificacao_intermediaria=self.intermediaria.isChecked(),
            reconhecido=self.reconhecido.isChecked(), conceito_emec=self.conceito.valor(),
            codigo_catalogo=self.catalogo.valor(), eixo=self.eixo.valor())


class DialogoTurmas(DialogoFormulario):
    """Turmas ofertadas pelo curso num ano (art. 17, I, a)."""

    def __init__(self, sessao, curso: dict, parent: QWidget | None = None):
        super().__init__(f"Turmas de {curso['nome']}", "Registrar turmas", parent,
                         "Quantas turmas o curso ofertou no ano. A qualificação exige uma turma por ano nos "
                         "últimos três anos (art. 17, I, a).")
        self._sessao, self._curso = sessao, curso
        self.ano = self.adicionar("Ano:", CampoValidado(inteiro("O ano", 1950, date.today().year), parent=self))
        self.turmas = self.adicionar("Turmas ofertadas:", CampoValidado(inteiro("O número de turmas", 0, 99),
                                                                        parent=self))

    def chamada(self):
        sessao, curso_id, ano, turmas = self._sessao, self._curso["id"], self.ano.valor(), self.turmas.valor()

        def gravar() -> dict:
            cursos.registrar_turmas(sessao, curso_id, ano, turmas)
            return {"id": curso_id, "ano": ano, "turmas": turmas}
        return gravar


def ler_matriz(texto_matriz: str) -> list[Componente]:
    """Uma linha por componente: "Nome do componente; horas" (ou "Nome — horas")."""
    componentes = []
    for n, linha in enumerate((texto_matriz or "").splitlines(), start=1):
        if not linha.strip():
            continue
        nome, sep, horas_ = linha.replace("—", ";").replace("\t", ";").rpartition(";")
        if not sep or not horas_.strip().isdigit():
            raise validacao.EntradaInvalida(f"Linha {n}: escreva \"componente; horas\", por exemplo "
                                            "\"Instalações elétricas; 360\".")
        componentes.append(Componente(" ".join(nome.split()), int(horas_.strip())))
    return componentes


class DialogoMatriz(DialogoFormulario):
    """Matriz curricular do curso de referência (componentes e horas), o mínimo do catálogo e o ato de
    autorização: a carga horária do título e o histórico do diploma saem daqui (arts. 14, 15 e 18)."""

    def __init__(self, sessao, curso: dict, parent: QWidget | None = None):
        super().__init__(f"Matriz curricular — {curso['nome']}", "Gravar matriz", parent,
                         "Uma linha por componente curricular: \"componente; horas\". A soma não pode ficar abaixo "
                         "da carga horária mínima do curso no CNCT (técnico) ou no CNCST (tecnólogo). Se o curso já "
                         "tem títulos emitidos, informe o motivo: eles saem em nova via.")
        self._sessao, self._curso = sessao, curso
        self.ato = self.adicionar("Ato de autorização do curso:", CampoValidado(
            str, obrigatorio=False, parent=self, placeholder="ex.: Resolução CEE nº 45/2017"))
        self.minimo = self.adicionar("Carga horária mínima do catálogo (h):", CampoValidado(
            inteiro("A carga horária mínima", 1, 9999), obrigatorio=curso["tipo"] in ("tecnico", "tecnologia"),
            parent=self, placeholder="ex.: 1200"))
        self.matriz = QPlainTextEdit(self)
        self.matriz.setPlaceholderText("Desenho técnico; 120\nInstalações elétricas; 360")
        self.adicionar("Componentes curriculares:", self.matriz)
        self.total = self.adicionar("", QLabel("", self))
        self.motivo = self.adicionar("Motivo (se já há títulos):", CampoValidado(str, obrigatorio=False, parent=self))
        self.matriz.textChanged.connect(self._on_matriz)
        if curso.get("ato_autorizacao"):
            self.ato.definir_texto(curso["ato_autorizacao"])
        if curso.get("carga_horaria_minima"):
            self.minimo.definir_texto(str(curso["carga_horaria_minima"]))
        self.matriz.setPlainText("\n".join(f"{m['nome']}; {m['carga_horaria']}" for m in curso.get("matriz") or []))
        self._on_matriz()

    def _on_matriz(self) -> None:
        try:
            comps = ler_matriz(self.matriz.toPlainText())
            self.total.setText(f"Total: {sum(c.carga_horaria for c in comps)} horas em {len(comps)} componente(s).")
        except validacao.EntradaInvalida as e:
            self.total.setText(str(e))
        self.atualizar_botao()

    def campos_validos(self) -> bool:
        try:
            return bool(ler_matriz(self.matriz.toPlainText())) and super().campos_validos()
        except validacao.EntradaInvalida:
            return False

    def chamada(self):
        from desktop.services.certificacao import correcoes

        return partial(correcoes.definir_matriz_curricular,
            self._sessao, self._curso["id"], componentes=ler_matriz(self.matriz.toPlainText()),
            carga_horaria_minima=self.minimo.valor(), ato_autorizacao=self.ato.valor(), motivo=self.motivo.valor())
