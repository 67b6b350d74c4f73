"""Diálogos do PPCP: cadastro (perfil, escolaridade, conteúdos do art. 20, competências e equipe) e aprovação.

As competências (art. 20 VI) e a equipe multiprofissional (art. 20 XII) são grades de entrada da tabela comum
(``widgets.tabela.Lista``: F2 ou Enter edita a célula, a área se escolhe numa lista); a contagem da equipe aparece
enquanto se digita. As recusas do serviço (art. 17, 20, 22, 27) ficam no
diálogo, e nada é gravado.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.rules.certificacao.ppcp import CONTEUDOS_ART_20, Competencia, MembroEquipe
from desktop.rules.certificacao.resultado import termos_vedados
from desktop.rules.certificacao.tipos import ROTULOS_ESCOLARIDADE, ROTULOS_TIPO
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.certificacao import cursos

from .comum import ListasLidas, aguardar_combo, encher_combo, texto
from .dialogos_cadastro import campo_data, combo

AREAS = {"educacao": "Profissional de educação", "especifica": "Profissional da área"}
_COMPETENCIA = ("nome", "componente", "horas")


def _guardar(chave: str):
    """``editar`` de uma célula de texto: guarda o digitado, sem espaços sobrando."""
    return lambda linha, texto: linha.__setitem__(chave, " ".join(texto.split()))


def grade_competencias(parent: QWidget) -> Lista:
    """Competências (art. 20 VI): nome, componente curricular e horas, na ordem em que se gravam."""
    grade = Lista([
        Coluna("Competência profissional", lambda c: c["nome"], esticar=True, largura=250, editar=_guardar("nome")),
        Coluna("Componente curricular", lambda c: c["componente"], largura=210, editar=_guardar("componente"),
               titulo_longo="Componente / unidade curricular"),
        Coluna("Horas", lambda c: c["horas"], alinhamento="direita", largura=70, editar=_guardar("horas"),
               titulo_longo="Carga horária (h)"),
    ], parent, nome="Competências", ordenavel=False)
    grade.visao.setMinimumHeight(160)
    return grade


def competencia(valores: tuple = ()) -> dict:
    """Uma linha da grade de competências com ``valores`` (nome, componente, horas) — os que faltam, vazios."""
    return {chave: str(valores[i]) if i < len(valores) else "" for i, chave in enumerate(_COMPETENCIA)}


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
        self.competencias = grade_competencias(self)
        self.aviso_termos = QLabel()
        self.aviso_termos.setWordWrap(True)
        self.aviso_termos.setStyleSheet("color: #b00020;")
        abas.addTab(self._aba_tabela(self.competencias, "Adicionar competência", self.aviso_termos),
                    "Competências (VI)")
        _ao_mudar(self.competencias, self._on_competencias)
        # Equipe (XII): o nome e a área (a formação não é gravada: a lei pede a área, art. 20 XII)
        self.equipe = Lista([
            Coluna("Nome", lambda m: m["nome"], esticar=True, largura=220, editar=_guardar("nome")),
            Coluna("Área", lambda m: AREAS[m["area"]], largura=220, editar=lambda m, area: m.__setitem__("area", area),
                   opcoes=AREAS),
        ], self, nome="Equipe multiprofissional", ordenavel=False)
        self.equipe.visao.setMinimumHeight(160)
        self.resumo_equipe = QLabel()
        abas.addTab(self._aba_tabela(self.equipe, "Adicionar membro", self.resumo_equipe), "Equipe (XII)")
        _ao_mudar(self.equipe, self._on_equipe)
        self._on_equipe()
        self.ler_listas(lambda: cursos.listar_cursos(sessao), lambda lista: encher_combo(
            self.curso, [(c["id"], f"{c['nome']} ({c['unidade']})") for c in lista]), titulo_erro="Cursos não lidos")

    # -- montagem ---------------------------------------------------------------------------
    def _campo(self, c: CampoValidado) -> CampoValidado:
        self._campos.append(c)
        c.edit.textChanged.connect(self._on_mudou)
        return c

    def _aba_tabela(self, grade: Lista, texto_botao: str, extra: QWidget | None = None) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(grade.visao)
        botoes = QHBoxLayout()
        mais, menos = QPushButton(texto_botao, w), QPushButton("Remover linha", w)
        mais.clicked.connect(lambda: self.nova_linha(grade, editar=True))
        menos.clicked.connect(grade.remover_selecionada)
        botoes.addWidget(mais)
        botoes.addWidget(menos)
        if extra is not None:
            botoes.addWidget(extra, 1)
        lay.addLayout(botoes)
        return w

    def nova_linha(self, grade: Lista, valores: tuple = (), *, editar: bool = False) -> int:
        """Acrescenta uma linha (com ``valores`` opcionais) e a escolhe; ``editar``: o cursor já na primeira célula.
        Na equipe, (nome, área); a área começa em profissional de educação."""
        if grade is self.equipe:
            grade.acrescentar({"nome": str(valores[0]) if valores else "",
                               "area": valores[1] if len(valores) > 1 else "educacao"}, editar=editar)
        else:
            grade.acrescentar(competencia(valores), editar=editar)
        return grade.modelo.rowCount() - 1

    # -- leitura ----------------------------------------------------------------------------
    def lista_competencias(self) -> list[Competencia]:
        saida = []
        for i, linha in enumerate(self.competencias.linhas()):
            nome, comp, horas = (" ".join(linha[chave].split()) for chave in _COMPETENCIA)
            if not (nome or comp or horas):
                continue
            if not nome or not comp:
                raise EntradaInvalida(f"Competência da linha {i + 1}: informe o nome e o componente curricular.")
            if not horas.isdigit() or int(horas) <= 0:
                raise EntradaInvalida(f"Competência \"{nome}\": a carga horária deve ser um número de horas maior que zero.")
            saida.append(Competencia(nome, comp, int(horas)))
        return saida

    def lista_equipe(self) -> list[MembroEquipe]:
        return [MembroEquipe(m["nome"], m["area"]) for m in self.equipe.linhas() if m["nome"].strip()]

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


def _ao_mudar(grade: Lista, funcao) -> None:
    """``funcao()`` a cada célula editada e a cada linha acrescentada ou removida."""
    grade.modelo.dataChanged.connect(lambda *_a: funcao())
    grade.modelo.modelReset.connect(funcao)


def termos_na_tabela(grade: Lista) -> str:
    """A primeira célula (competência ou componente) com palavra vedada (vai impressa no histórico e no atestado),
    ou ""."""
    for i, linha in enumerate(grade.linhas()):
        for texto in (linha["nome"], linha["componente"]):
            achados = termos_vedados(texto)
            if achados:
                return (f"Linha {i + 1}: \"{texto.strip()}\" vai impresso no histórico e não pode mencionar a forma "
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
        self.competencias = grade_competencias(self)
        self.competencias.definir_linhas([competencia((c["nome"], c["componente"], c["carga_horaria"]))
                                          for c in competencias])
        self.adicionar("", self.competencias.visao)
        self.aviso_termos = self.adicionar("", QLabel(self))
        self.aviso_termos.setWordWrap(True)
        self.aviso_termos.setStyleSheet("color: #b00020;")
        self.motivo = self.adicionar("Motivo:", CampoValidado(texto("o motivo da correção", 10), parent=self))
        _ao_mudar(self.competencias, self._on_competencias)

    def _on_competencias(self, *_args) -> None:
        self.aviso_termos.setText(termos_na_tabela(self.competencias))
        self.atualizar_botao()

    def campos_validos(self) -> bool:
        return not termos_na_tabela(self.competencias) and super().campos_validos()

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
