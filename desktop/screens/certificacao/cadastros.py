"""Abas de cadastro da Certificação: instituição e adesão, cursos e PPCP, ofertas (com o aviso público).

Listas com ordenação e filtro (``widgets.tabela.Lista``) e botões que abrem os diálogos de
``dialogos_cadastro``, ``dialogo_ppcp`` e ``dialogos_processo``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.rules.certificacao.tipos import ROTULOS_TIPO, TipoCertificacao
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import formato, servicos
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.services.certificacao import cursos, instituicao, ofertas

from .comum import CARREGANDO, abrir, emitir_pdf, ler
from .dialogo_instituicao import DialogoCorrigirInstituicao
from .dialogos_correcao import DialogoCorrigirCurso, DialogoCorrigirPerfil, resumo
from .dialogo_ppcp import DialogoAprovarPpcp, DialogoCompetencias, DialogoPpcp
from .dialogos_cadastro import (DialogoAdesao, DialogoCurso, DialogoInstituicao, DialogoMatriz, DialogoTurmas,
                                DialogoUnidade)
from .dialogos_processo import DialogoOferta
from desktop.screens.widgets.situacao import reservar_linhas


def _tipo(t: str) -> str:
    return ROTULOS_TIPO[TipoCertificacao(t)]


def _barra(*botoes: QPushButton) -> QHBoxLayout:
    lay = QHBoxLayout()
    for b in botoes:
        lay.addWidget(b)
    lay.addStretch(1)
    return lay


class _AbaComDialogo(QWidget):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.sessao = sessao
        self.dialogo = None
        self.editar = sessao.pode(Permissao.CERTIFICACAO_EDITAR)
        self.lendo = False  # a leitura das listas (comum.ler), fora da thread da interface
        self.situacao = QLabel(CARREGANDO, self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam

    def _informar(self, texto: str) -> None:
        self.situacao.setText(texto)

    def _lido(self) -> None:
        """Tira o "Carregando…" da primeira leitura (uma mensagem dada nesse meio-tempo fica)."""
        if self.situacao.text() == CARREGANDO:
            self.situacao.clear()


class AbaInstituicao(_AbaComDialogo):
    """Instituição, adesão (validade de cinco anos e aviso de 90 dias, art. 27) e unidades certificadoras."""

    def __init__(self, sessao, parent=None):
        super().__init__(sessao, parent)
        self.aviso = QLabel(self)
        self.aviso.setWordWrap(True)
        self.lista = Lista([
            # a 1366×768 as sete colunas só cabem sem rolar com a instituição e a adesão na sua largura (o texto
            # quebra em linhas; inteiro também na dica, a adesão no aviso acima) e sem a seta de ordenar nos títulos
            # (uma ou duas instituições: ordenar não serve); antes as unidades ficavam fora, à direita
            Coluna("Instituição", lambda i: i["nome"], largura=230, pelo_conteudo=False),
            Coluna("Sistema", lambda i: i["sistema_ensino"], largura=90, titulo_longo="Sistema de ensino"),
            Coluna("Termo", lambda i: formato.data(i["termo_aprovado_em"]), ordenar=lambda i: i["termo_aprovado_em"] or "",
                   largura=95, titulo_longo="Termo de adesão aprovado em"),
            Coluna("Regulamento", lambda i: formato.data(i["regulamentacao_aprovada_em"]),
                   ordenar=lambda i: i["regulamentacao_aprovada_em"] or "", largura=95,
                   titulo_longo="Regulamentação aprovada em"),
            Coluna("Sistec", lambda i: formato.data(i["sistec_validada_em"]), ordenar=lambda i: i["sistec_validada_em"] or "",
                   largura=95, titulo_longo="Validação no Sistec em"),
            # a mensagem inteira na dica e no aviso acima da lista
            Coluna("Adesão", lambda i: i["situacao"].mensagem, largura=200, pelo_conteudo=False,
                   cor=lambda i: "#b00020" if not i["situacao"].vigente else ("#8a5a00" if i["situacao"].avisar else None)),
            Coluna("Unidades certificadoras", lambda i: ", ".join(u["nome"] for u in i["unidades"]), esticar=True, largura=200),
        ], self, nome="Instituições", ordenavel=False)
        self.tabela = self.lista.visao
        # uma ou duas instituições: o texto quebra em linhas e a linha cresce (sob o X, a 1366×768, o nome, a adesão e
        # as unidades saíam com reticências, sem sobra para alargar); a linha acompanha a largura das colunas
        self.tabela.setWordWrap(True)
        self.tabela.horizontalHeader().sectionResized.connect(self._on_colunas)
        self.botao_nova = QPushButton("&Nova instituição…", self)
        self.botao_adesao = QPushButton("Registrar &adesão…", self)
        self.botao_unidade = QPushButton("&Vincular unidade…", self)
        self.botao_corrigir = QPushButton("&Corrigir instituição e adesão…", self)
        self.botao_nova.clicked.connect(self._on_nova)
        self.botao_corrigir.clicked.connect(self._on_corrigir)
        self.botao_adesao.clicked.connect(self._on_adesao)
        self.botao_unidade.clicked.connect(self._on_unidade)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        lay = QVBoxLayout(self)
        lay.addWidget(self.aviso)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(_barra(self.botao_nova, self.botao_adesao, self.botao_unidade, self.botao_corrigir))
        lay.addWidget(self.situacao)
        self.atualizar()

    def atualizar(self, selecionar: str | None = None) -> None:
        """Relê as instituições fora da thread da interface; ao chegar, escolhe ``selecionar`` (ou a de antes)."""
        sessao = self.sessao
        ler(self, lambda: instituicao.listar_instituicoes(sessao), lambda linhas: self._on_lido(linhas, selecionar),
            titulo_erro="Instituições não lidas")

    def _on_lido(self, linhas: list[dict], selecionar: str | None) -> None:
        self._lido()
        self.lista.definir_linhas(linhas, escolher=selecionar)  # ou a que estava escolhida
        self.tabela.resizeRowsToContents()
        avisos = [f"{i['nome']}: {i['situacao'].mensagem} ({i['situacao'].fundamento})" for i in linhas
                  if i["situacao"].avisar or not i["situacao"].vigente]
        self.aviso.setText("\n".join(avisos) or "Adesões vigentes (Portaria MEC 902/2024, art. 27).")
        self._on_selecao()

    def _on_colunas(self, *_args) -> None:
        self.tabela.resizeRowsToContents()

    def _on_selecao(self, *_args) -> None:
        sel = self.lista.selecionada() is not None
        self.botao_nova.setEnabled(self.editar)
        self.botao_adesao.setEnabled(self.editar and sel)
        self.botao_unidade.setEnabled(self.editar and sel)
        self.botao_corrigir.setEnabled(self.editar and sel)

    def _on_nova(self) -> None:
        abrir(self, DialogoInstituicao(self.sessao, self), lambda r: (
            self.atualizar(r["id"]), self._informar(f"{r['nome']} cadastrada. Registre agora a adesão.")))

    def _on_adesao(self) -> None:
        inst = self.lista.selecionada()
        if inst:
            abrir(self, DialogoAdesao(self.sessao, inst, self), lambda r: (
                self.atualizar(r["id"]), self._informar("Adesão registrada.")))

    def _on_corrigir(self) -> None:
        inst = self.lista.selecionada()
        if inst:
            abrir(self, DialogoCorrigirInstituicao(self.sessao, inst, self), lambda r: (
                self.atualizar(r["id"]), self._informar(DialogoCorrigirInstituicao.resumo(r))))

    def _on_unidade(self) -> None:
        inst = self.lista.selecionada()
        if inst:
            abrir(self, DialogoUnidade(self.sessao, inst, self), lambda r: (
                self.atualizar(inst["id"]), self._informar("Unidade certificadora vinculada.")))


class AbaCursos(_AbaComDialogo):
    """Cursos de referência (art. 17) e PPCPs (arts. 19-20)."""

    def __init__(self, sessao, parent=None):
        super().__init__(sessao, parent)
        self.lista_cursos = Lista([
            Coluna("Curso", lambda c: c["nome"], esticar=True, largura=240),
            Coluna("Tipo", lambda c: _tipo(c["tipo"]), largura=170),
            Coluna("Unidade", lambda c: c["unidade"], largura=200),
            Coluna("Implantação", lambda c: formato.data(c["implantado_em"]), ordenar=lambda c: c["implantado_em"], largura=100),
            Coluna("Turmas por ano", lambda c: ", ".join(f"{a}: {n}" for a, n in sorted(c["turmas"].items())), largura=140),
            Coluna("e-MEC", lambda c: str(c["conceito_emec"] or ""), alinhamento="centro", largura=60,
                   titulo_longo="Conceito do curso no e-MEC"),
            Coluna("Carga horária", lambda c: (f"{sum(m['carga_horaria'] for m in c['matriz'])} h"
                   + (f" / {c['carga_horaria_minima']} h" if c["carga_horaria_minima"] else "")) if c["matriz"]
                   else "sem matriz", largura=120, titulo_longo="Carga horária (matriz / mínimo)"),
        ], self, nome="Cursos de referência")
        self.lista_ppcps = Lista([
            Coluna("Perfil", lambda p: p["perfil"], esticar=True, largura=220),
            Coluna("Tipo", lambda p: _tipo(p["tipo"]), largura=170),
            Coluna("Curso", lambda p: p["curso"], largura=220),
            Coluna("Carga horária", lambda p: f"{p['carga_horaria_total']} h", ordenar=lambda p: p["carga_horaria_total"],
                   alinhamento="direita", largura=100),
            Coluna("Aprovado", lambda p: formato.data(p["aprovado_em"]) or "pendente", ordenar=lambda p: p["aprovado_em"] or "",
                   largura=95),
            Coluna("Sistec", lambda p: formato.data(p["sistec_em"]), ordenar=lambda p: p["sistec_em"] or "", largura=95),
            Coluna("Requisito de oferta", lambda p: p["conteudos"].get("fundamento_oferta", ""), largura=170),
        ], self, nome="PPCPs")
        self.cursos, self.ppcps = self.lista_cursos.visao, self.lista_ppcps.visao
        self.botao_curso = QPushButton("Novo &curso…", self)
        self.botao_turmas = QPushButton("Registrar &turmas…", self)
        self.botao_matriz = QPushButton("&Matriz curricular…", self)
        self.botao_ppcp = QPushButton("Novo &PPCP…", self)
        self.botao_aprovar = QPushButton("&Aprovar PPCP…", self)
        self.botao_competencias = QPushButton("Corrigir co&mpetências…", self)
        self.botao_corrigir_curso = QPushButton("Corrigir curs&o…", self)
        self.botao_corrigir_perfil = QPushButton("Corrigir perf&il…", self)
        for b, slot in ((self.botao_curso, self._on_curso), (self.botao_turmas, self._on_turmas),
                        (self.botao_matriz, self._on_matriz), (self.botao_corrigir_curso, self._on_corrigir_curso),
                        (self.botao_corrigir_perfil, self._on_corrigir_perfil),
                        (self.botao_ppcp, self._on_ppcp), (self.botao_aprovar, self._on_aprovar),
                        (self.botao_competencias, self._on_competencias)):
            b.clicked.connect(slot)
        self.cursos.selectionModel().selectionChanged.connect(self._on_selecao)
        self.ppcps.selectionModel().selectionChanged.connect(self._on_selecao)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Cursos de referência (art. 17)"))
        lay.addWidget(self.cursos, 1)
        lay.addLayout(_barra(self.botao_curso, self.botao_turmas, self.botao_matriz, self.botao_corrigir_curso))
        lay.addWidget(QLabel("PPCPs (um por perfil, art. 19)"))
        lay.addWidget(self.ppcps, 1)
        lay.addLayout(_barra(self.botao_ppcp, self.botao_aprovar, self.botao_competencias, self.botao_corrigir_perfil))
        lay.addWidget(self.situacao)
        self.atualizar()

    def atualizar(self, selecionar: tuple[Lista, str] | None = None) -> None:
        """Relê cursos e PPCPs fora da thread da interface; ao chegar, mantém as escolhas (e faz ``selecionar``)."""
        sessao = self.sessao
        ler(self, lambda: (cursos.listar_cursos(sessao), cursos.listar_ppcps(sessao)),
            lambda lido: self._on_lido(*lido, selecionar), titulo_erro="Cursos não lidos")

    def _on_lido(self, lista_cursos: list[dict], ppcps: list[dict], selecionar: tuple[Lista, str] | None) -> None:
        self._lido()
        self.lista_cursos.definir_linhas(lista_cursos)  # mantêm as escolhas
        self.lista_ppcps.definir_linhas(ppcps)
        if selecionar:
            selecionar[0].selecionar(selecionar[1])
        self._on_selecao()

    def _on_selecao(self, *_args) -> None:
        self.botao_curso.setEnabled(self.editar)
        self.botao_ppcp.setEnabled(self.editar)
        self.botao_turmas.setEnabled(self.editar and self.lista_cursos.selecionada() is not None)
        self.botao_matriz.setEnabled(self.editar and self.lista_cursos.selecionada() is not None)
        self.botao_aprovar.setEnabled(self.editar and self.lista_ppcps.selecionada() is not None)
        self.botao_competencias.setEnabled(self.editar and self.lista_ppcps.selecionada() is not None)
        self.botao_corrigir_curso.setEnabled(self.editar and self.lista_cursos.selecionada() is not None)
        self.botao_corrigir_perfil.setEnabled(self.editar and self.lista_ppcps.selecionada() is not None)

    def _feito(self, texto: str, selecionar: tuple[Lista, str] | None = None) -> None:
        self.atualizar(selecionar)
        self._informar(texto)

    def _on_curso(self) -> None:
        abrir(self, DialogoCurso(self.sessao, self), lambda r: self._feito(
            f"Curso {r['nome']} cadastrado.", (self.lista_cursos, r["id"])))

    def _on_turmas(self) -> None:
        curso = self.lista_cursos.selecionada()
        if curso:
            abrir(self, DialogoTurmas(self.sessao, curso, self), lambda r: self._feito(
                f"{r['turmas']} turma(s) registrada(s) em {r['ano']}.", (self.lista_cursos, r["id"])))

    def _on_competencias(self) -> None:
        ppcp = self.lista_ppcps.selecionada()
        if ppcp:  # as competências atuais são lidas fora da thread da interface e o diálogo abre com elas
            sessao = self.sessao
            servicos.consulta(self, lambda: cursos.detalhar_ppcp(sessao, ppcp["id"])["competencias"],
                              lambda lidas: self._abrir_competencias(ppcp, lidas), titulo_erro="PPCP não lido")

    def _abrir_competencias(self, ppcp: dict, competencias: list[dict]) -> None:
        if self.dialogo is None:
            abrir(self, DialogoCompetencias(self.sessao, ppcp, self, competencias=competencias), lambda r: self._feito(
                f"Competências de {r['perfil']} corrigidas; {len(r['emitidos'])} documento(s) em nova via.",
                (self.lista_ppcps, r["id"])))

    def _on_corrigir_curso(self) -> None:
        curso = self.lista_cursos.selecionada()
        if curso:
            abrir(self, DialogoCorrigirCurso(self.sessao, curso, self), lambda r: self._feito(
                resumo(r, f"Curso {r['nome']}"), (self.lista_cursos, r["id"])))

    def _on_corrigir_perfil(self) -> None:
        ppcp = self.lista_ppcps.selecionada()
        if ppcp:
            abrir(self, DialogoCorrigirPerfil(self.sessao, ppcp, self), lambda r: self._feito(
                resumo(r, f"Perfil {r['perfil']}"), (self.lista_ppcps, r["id"])))

    def _on_matriz(self) -> None:
        curso = self.lista_cursos.selecionada()
        if curso:
            abrir(self, DialogoMatriz(self.sessao, curso, self), lambda r: self._feito(
                f"Matriz curricular gravada: {r['carga_horaria']} horas"
                + (f"; {len(r['emitidos'])} título(s) reemitido(s) em nova via." if r["emitidos"] else "."),
                (self.lista_cursos, r["id"])))

    def _on_ppcp(self) -> None:
        abrir(self, DialogoPpcp(self.sessao, self), lambda r: self._feito(
            f"PPCP {r['perfil']} cadastrado. Registre a aprovação pelo órgão competente antes de ofertar.",
            (self.lista_ppcps, r["id"])))

    def _on_aprovar(self) -> None:
        ppcp = self.lista_ppcps.selecionada()
        if ppcp:
            abrir(self, DialogoAprovarPpcp(self.sessao, ppcp, self), lambda r: self._feito(
                "Aprovação do PPCP registrada.", (self.lista_ppcps, r["id"])))


class AbaOferta(_AbaComDialogo):
    """Ofertas e a emissão do aviso público (art. 23)."""

    def __init__(self, sessao, parent=None):
        super().__init__(sessao, parent)
        self.tarefa = None
        self.ultimo_arquivo: Path | None = None
        self.lista = Lista([
            Coluna("Oferta", lambda o: o["titulo"], esticar=True, largura=250),
            Coluna("Perfil", lambda o: o["perfil"], largura=230),
            Coluna("Inscrições de", lambda o: formato.data(o["inscricoes_de"]), ordenar=lambda o: o["inscricoes_de"], largura=100),
            Coluna("até", lambda o: formato.data(o["inscricoes_ate"]), ordenar=lambda o: o["inscricoes_ate"], largura=100),
            Coluna("Vagas", lambda o: str(o["vagas"] or ""), alinhamento="direita", largura=60),
            Coluna("Publicada em", lambda o: formato.data(o["publicada_em"]), ordenar=lambda o: o["publicada_em"] or "",
                   largura=100),
        ], self, nome="Ofertas")
        self.tabela = self.lista.visao
        self.filtro = QLineEdit(self)
        self.filtro.setPlaceholderText("Filtrar ofertas por título ou perfil")
        self.filtro.setClearButtonEnabled(True)
        self.filtro.textChanged.connect(self.lista.proxy.definir_texto)
        self.botao_nova = QPushButton("&Nova oferta…", self)
        self.botao_edital = QPushButton("Emitir &aviso público (art. 23)…", self)
        self.botao_nova.clicked.connect(self._on_nova)
        self.botao_edital.clicked.connect(self._on_edital)
        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filtro)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(_barra(self.botao_nova, self.botao_edital))
        lay.addWidget(self.situacao)
        self.atualizar()

    def atualizar(self, selecionar: str | None = None) -> None:
        """Relê as ofertas fora da thread da interface; ao chegar, escolhe ``selecionar`` (ou a de antes)."""
        sessao = self.sessao
        ler(self, lambda: ofertas.listar_ofertas(sessao), lambda linhas: self._on_lido(linhas, selecionar),
            titulo_erro="Ofertas não lidas")

    def _on_lido(self, linhas: list[dict], selecionar: str | None) -> None:
        self._lido()
        self.lista.definir_linhas(linhas, escolher=selecionar)  # ou a que estava escolhida
        self._on_selecao()

    def _on_selecao(self, *_args) -> None:
        self.botao_nova.setEnabled(self.editar)
        self.botao_edital.setEnabled(self.editar and self.sessao.pode(Permissao.DOCUMENTOS_EMITIR)
                                     and self.lista.selecionada() is not None)

    def _on_nova(self) -> None:
        abrir(self, DialogoOferta(self.sessao, self), lambda r: (
            self.atualizar(r["id"]), self._informar(f"Oferta {r['titulo']} cadastrada. Emita o aviso público.")))

    def _on_edital(self) -> None:
        o = self.lista.selecionada()
        if o is None:
            return
        sessao = self.sessao

        def _salvo(caminho: Path) -> None:
            self.ultimo_arquivo = caminho

        def _fim(emitido) -> None:
            if emitido is not None:
                self.atualizar(o["id"])

        emitir_pdf(self, "Aviso público", lambda: ofertas.emitir_edital(sessao, o["id"]), "aviso-publico-oferta",
                   andamento="Emitindo o aviso público…",
                   texto=lambda e: f"Aviso público emitido e registrado (código {e.codigo}).",
                   ao_salvar=_salvo, ao_terminar=_fim)
