"""Diálogos da oferta (art. 23), do trabalhador (arts. 2º, 14, 22 e 24 §3º, com a identificação que o título
imprime), da inscrição e do recurso (art. 13 XI).

Validação enquanto se digita (CPF, datas, textos); as recusas dos serviços, com o artigo, aparecem
no diálogo e nada fica gravado pela metade.
"""
from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from desktop.rules import validacao
from desktop.rules.certificacao.curriculo import normalizar_identificacao
from desktop.rules.certificacao.tipos import ROTULOS_ESCOLARIDADE, Impedimento
from desktop.rules.validacao import EntradaInvalida
from desktop.screens.widgets import formato
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado, inteiro
from desktop.services.certificacao import cursos, ofertas, processos, trabalhadores

from .comum import ListasLidas, aguardar_combo, encher_combo, texto
from .dialogos_cadastro import campo_data, combo


class DialogoOferta(ListasLidas, DialogoFormulario):
    """Oferta de um PPCP aprovado com o que o art. 23 manda tornar público."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Nova oferta", "Cadastrar oferta", parent,
                         "O que o art. 23 manda publicar. Gratuidade, etapas, recurso e documentos emitidos "
                         "entram no aviso público a partir do PPCP e da regulamentação.")
        self._sessao = sessao
        self.ppcp = self.adicionar("PPCP:", combo([], self))
        aguardar_combo(self.ppcp)
        self.titulo = self.adicionar("Título:", CampoValidado(texto("o título da oferta"), parent=self,
                                                              placeholder="ex.: Oferta 2026/1 — Técnico em Eletrotécnica"))
        self.conteudos = {c: self.adicionar(f"{d[0].upper()}{d[1:]}:", CampoValidado(texto(d), parent=self))
                          for c, d in ofertas.CAMPOS_ART_23.items()}
        self.recurso = self.adicionar("Recurso (art. 23, IX):", CampoValidado(
            str, obrigatorio=False, parent=self, placeholder="vazio: prazo da regulamentação interna"))
        self.de = self.adicionar("Inscrições de:", campo_data(self))
        self.ate = self.adicionar("Inscrições até:", campo_data(self))
        self.vagas = self.adicionar("Vagas:", CampoValidado(inteiro("O número de vagas", 1, 9999), obrigatorio=False,
                                                            parent=self))
        self.ler_listas(lambda: cursos.listar_ppcps(sessao), lambda ppcps: encher_combo(
            self.ppcp, [(p["id"], f"{p['perfil']} ({p['curso']})") for p in ppcps]), titulo_erro="PPCPs não lidos")

    def chamada(self):
        if self.ppcp.currentData() is None:
            raise EntradaInvalida("Cadastre e aprove antes um PPCP.")
        conteudos = {c: w.valor() for c, w in self.conteudos.items()}
        if self.recurso.valor():
            conteudos["recurso"] = self.recurso.valor()
        return partial(ofertas.cadastrar_oferta,
                self._sessao, ppcp_id=self.ppcp.currentData(), titulo=self.titulo.valor(), conteudos=conteudos,
                inscricoes_de=self.de.valor(), inscricoes_ate=self.ate.valor(), vagas=self.vagas.valor())


class DialogoTrabalhador(DialogoFormulario):
    """Trabalhador: CPF, nascimento, escolaridade com comprovante, diploma de técnico e acessibilidade."""

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__("Novo trabalhador", "Cadastrar", parent,
                         "Participam maiores de 18 anos (art. 2º, parágrafo único). A idade e a escolaridade "
                         "exigidas pelo perfil são conferidas na inscrição.")
        self._sessao = sessao
        self.nome = self.adicionar("Nome completo:", CampoValidado(texto("o nome"), parent=self))
        self.cpf = self.adicionar("CPF:", CampoValidado(validacao.cpf, parent=self, placeholder="000.000.000-00"))
        self.nascimento = self.adicionar("Nascimento:", campo_data(self))
        self.escolaridade = self.adicionar("Escolaridade:", combo(((e.value, r) for e, r in ROTULOS_ESCOLARIDADE.items()),
                                                                  self))
        self.comprovante = self.adicionar("Comprovante da escolaridade:", CampoValidado(
            str, obrigatorio=False, parent=self, placeholder="ex.: certificado de conclusão do ensino médio"))
        self.diploma = self.adicionar("Diploma de técnico (art. 14, III):", CampoValidado(
            str, obrigatorio=False, parent=self, placeholder="curso do diploma, para especialização técnica"))
        self.acessibilidade = self.adicionar("Atendimento especializado (art. 22):", CampoValidado(
            str, obrigatorio=False, parent=self, placeholder="ex.: intérprete de Libras, prova ampliada"))
        self.identificacao = campos_identificacao(self)

    def chamada(self):
        return partial(trabalhadores.cadastrar_trabalhador,
            self._sessao, nome=self.nome.valor(), cpf=self.cpf.valor(), nascimento=self.nascimento.valor(),
            escolaridade=self.escolaridade.currentData(), comprovante=self.comprovante.valor(),
            diploma_tecnico=self.diploma.valor(), acessibilidade=self.acessibilidade.valor(),
            **{c: w.valor() for c, w in self.identificacao.items()})


def _so(campo: str):
    """Validador de um campo da identificação pela regra que o serviço aplica (UF, RG, palavras vedadas);
    vazio é recusado (o título não sai sem ele; a UF, opcional, não chega aqui vazia)."""
    def validar(t: str) -> str:
        if not t.strip():
            raise EntradaInvalida("Preencha este campo: ele vai impresso no diploma ou certificado.")
        try:
            return normalizar_identificacao(**{campo: t})[campo]
        except Impedimento as e:
            raise EntradaInvalida(e.mensagem) from None
    return validar


def campos_identificacao(dialogo: DialogoFormulario, atual: dict | None = None) -> dict[str, CampoValidado]:
    """Nacionalidade, naturalidade (município e UF) e documento de identidade com órgão expedidor, que o
    título imprime; validados enquanto se digita e obrigatórios (sem eles o título não é emitido)."""
    atual = atual or {}
    campos = {
        "nacionalidade": dialogo.adicionar("Nacionalidade:", CampoValidado(_so("nacionalidade"), parent=dialogo,
                                                                           placeholder="brasileira")),
        "naturalidade": dialogo.adicionar("Naturalidade (município):", CampoValidado(
            _so("naturalidade"), parent=dialogo, placeholder="município onde nasceu (estrangeiro: o país)")),
        "naturalidade_uf": dialogo.adicionar("UF de nascimento:", CampoValidado(
            _so("naturalidade_uf"), obrigatorio=False, parent=dialogo, placeholder="BA")),
        "rg": dialogo.adicionar("Documento de identidade (RG):", CampoValidado(_so("rg"), parent=dialogo,
                                                                               placeholder="00.000.000-00")),
        "rg_orgao": dialogo.adicionar("Órgão expedidor / UF:", CampoValidado(_so("rg_orgao"), parent=dialogo,
                                                                             placeholder="SSP/BA")),
    }
    campos["nacionalidade"].definir_texto(atual.get("nacionalidade") or "brasileira")
    for c, w in campos.items():
        if atual.get(c):
            w.definir_texto(atual[c])
    return campos


class DialogoInscricao(ListasLidas, DialogoFormulario):
    """Inscrição de um trabalhador numa oferta (art. 24, I)."""

    def __init__(self, sessao, parent: QWidget | None = None, trabalhador_id: str | None = None):
        super().__init__("Inscrever trabalhador", "Inscrever", parent,
                         "Confere a adesão vigente (art. 27), a idade (art. 2º) e a escolaridade exigida pelo "
                         "perfil (arts. 14 e 24, §3º).")
        self._sessao = sessao
        self.trabalhador = self.adicionar("Trabalhador:", combo([], self))
        self.oferta = self.adicionar("Oferta:", combo([], self))
        for c in (self.trabalhador, self.oferta):
            aguardar_combo(c)
        self.data = self.adicionar("Inscrito em:", campo_data(self, inicial=date.today()))
        self.ler_listas(lambda: (trabalhadores.listar_trabalhadores(sessao), ofertas.listar_ofertas(sessao)),
                        lambda lido: self._on_listas(*lido, trabalhador_id), titulo_erro="Listas não lidas")

    def _on_listas(self, lista_trabalhadores: list[dict], lista_ofertas: list[dict], trabalhador_id: str | None) -> None:
        encher_combo(self.trabalhador, [(t["id"], f"{t['nome']} — CPF {validacao.formatar_cpf(t['cpf'])}")
                                        for t in lista_trabalhadores])
        if trabalhador_id:
            self.trabalhador.setCurrentIndex(self.trabalhador.findData(trabalhador_id))
        encher_combo(self.oferta, [(o["id"], o["titulo"]) for o in lista_ofertas])

    def chamada(self):
        if self.trabalhador.currentData() is None or self.oferta.currentData() is None:
            raise EntradaInvalida("Cadastre antes o trabalhador e a oferta.")
        return partial(processos.inscrever,
                self._sessao, trabalhador_id=self.trabalhador.currentData(), oferta_id=self.oferta.currentData(),
                inscrito_em=self.data.valor())


class DialogoRecurso(DialogoFormulario):
    """Recurso do trabalhador contra o resultado da avaliação, no prazo (art. 13, XI)."""

    def __init__(self, sessao, processo: dict, parent: QWidget | None = None):
        prazo = processo.get("prazo_recurso")
        super().__init__(f"Recurso — {processo['nome']}", "Registrar recurso", parent,
                         f"Resultado: {processo['resultado']}. O prazo para recorrer termina em "
                         f"{formato.data(prazo)} (Portaria MEC 902/2024, art. 13, XI)." if prazo else
                         "Ainda não há resultado de avaliação.")
        self._sessao, self._processo = sessao, processo
        self.data = self.adicionar("Interposto em:", campo_data(self, inicial=date.today()))
        self.fundamentacao = self.adicionar("Motivos do recurso:", CampoValidado(
            texto("os motivos do recurso", 10), parent=self))

    def chamada(self):
        return partial(processos.interpor_recurso,
                self._sessao, self._processo["id"], fundamentacao=self.fundamentacao.valor(),
                interposto_em=self.data.valor())


class DialogoRenuncia(DialogoFormulario):
    """Renúncia escrita do trabalhador ao recurso (Lei 9.784/1999, art. 51): libera a emissão antes do prazo."""

    def __init__(self, sessao, processo: dict, parent: QWidget | None = None):
        prazo = processo.get("prazo_recurso")
        super().__init__(f"Renúncia ao recurso — {processo['nome']}", "Registrar renúncia", parent,
                         "Só com o termo escrito e assinado pelo trabalhador. Sem ele, os documentos do resultado "
                         f"saem depois de {formato.data(prazo)}, último dia do recurso (Portaria MEC 902/2024, art. 13, XI)."
                         if prazo else "Ainda não há resultado de avaliação.")
        self._sessao, self._processo = sessao, processo
        self.data = self.adicionar("Assinado em:", campo_data(self, inicial=date.today()))
        self.termo = self.adicionar("Termo (o que foi assinado e onde está arquivado):", CampoValidado(
            texto("o termo de renúncia", 10), parent=self))

    def chamada(self):
        return partial(processos.registrar_renuncia,
                self._sessao, self._processo["id"], termo=self.termo.valor(), renunciado_em=self.data.valor())


class DialogoCorrecao(DialogoFormulario):
    """Correção do nome do trabalhador, com motivo; títulos já emitidos ganham nova via (a anterior é substituída)."""

    def __init__(self, sessao, processo: dict, parent: QWidget | None = None, *, atual: dict):
        """``atual``: o cadastro do trabalhador, lido antes fora da thread da interface."""
        super().__init__(f"Corrigir cadastro — {processo['nome']}", "Corrigir", parent,
                         "A correção fica no diário com o motivo. Se já houver certificado, diploma, histórico ou "
                         "atestado emitido, sai uma nova via com o dado certo e a anterior fica substituída.")
        self._sessao, self._processo = sessao, processo
        self.nome = self.adicionar("Nome correto:", CampoValidado(texto("o nome completo", 3), parent=self))
        self.nome.edit.setText(processo["nome"])
        self._atual = atual
        self.identificacao = campos_identificacao(self, atual)
        self.motivo = self.adicionar("Motivo:", CampoValidado(texto("o motivo da correção", 10), parent=self))

    def chamada(self):
        from desktop.services.certificacao import correcoes

        mudou = {c: w.valor() or "" for c, w in self.identificacao.items() if (w.valor() or "") != (self._atual.get(c) or "")}
        nome = self.nome.valor()
        return partial(correcoes.corrigir_trabalhador,
                self._sessao, self._processo["trabalhador_id"], motivo=self.motivo.valor(),
                nome=nome if nome != self._processo["nome"] or not mudou else None, **mudou)


class DialogoDecisao(DialogoFormulario):
    """Decisão do recurso; deferido, as competências marcadas passam a reconhecidas."""

    def __init__(self, sessao, processo: dict, recurso: dict, parent: QWidget | None = None):
        super().__init__(f"Decidir recurso — {processo['nome']}", "Registrar decisão", parent,
                         f"Recurso de {formato.data(recurso['interposto_em'])}: {recurso['fundamentacao']}")
        self._sessao, self._recurso = sessao, recurso
        self.deferido = self.adicionar("Decisão:", combo([(False, "Indeferido (resultado mantido)"),
                                                          (True, "Deferido")], self))
        self.reconhecer = QListWidget(self)
        for a in processo["avaliacoes"]:
            if not a["reconhecida"]:
                item = QListWidgetItem(a["nome"])
                item.setData(Qt.ItemDataRole.UserRole, a["competencia_id"])
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.reconhecer.addItem(item)
        self.adicionar("Competências a reconhecer:", self.reconhecer)
        self.adicionar("", QLabel("Marque as competências só se o recurso for deferido.", self))
        self.decisao = self.adicionar("Fundamentação da decisão:", CampoValidado(
            texto("a decisão fundamentada", 10), parent=self))
        self.data = self.adicionar("Decidido em:", campo_data(self, inicial=date.today()))
        self.atualizar_botao()

    def marcadas(self) -> list[str]:
        return [self.reconhecer.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.reconhecer.count())
                if self.reconhecer.item(i).checkState() == Qt.CheckState.Checked]

    def chamada(self):
        deferido = bool(self.deferido.currentData())
        if not deferido and self.marcadas():
            raise EntradaInvalida("Recurso indeferido não reconhece competências: desmarque-as ou defira o recurso.")
        return partial(processos.decidir_recurso,
                self._sessao, self._recurso["id"], deferido=deferido, decisao=self.decisao.valor(),
                reconhecer=self.marcadas(), decidido_em=self.data.valor())
