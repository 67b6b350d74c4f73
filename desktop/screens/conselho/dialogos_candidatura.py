"""Formulários das candidaturas: inscrição com o checklist, análise de um requisito, nota da prova, parentesco e reabertura;
e os das publicações do processo (registro e retificação da data).

Cada diálogo valida enquanto se digita (``CampoValidado``), só libera o botão com tudo certo e
chama um serviço de ``desktop.services.eleicao``; a recusa do serviço (com o artigo da Lei
320/2023) aparece no próprio diálogo, que fica aberto, e nada é gravado pela metade.
"""
from __future__ import annotations

from functools import partial

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QRadioButton, QScrollArea, QWidget)

from desktop.rules import formato
from desktop.rules import validacao
from desktop.screens.widgets import servicos
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.campos import CampoValidado, inteiro
from desktop.screens.widgets.data import CampoData
from desktop.services.eleicao import candidaturas, processo

_AVISO = "color: #8a5a00;"


def _nome(texto: str) -> str:
    return validacao.obrigatorio(texto, "o nome")


class DialogoInscricao(DialogoFormulario):
    """Inscrição individual (art. 5º II): pessoa pelo CPF, datas, número e o documento de cada requisito."""

    def __init__(self, sessao, processo_id: str, p: dict, parent: QWidget | None = None, *, hoje: date):
        """``p``: o processo, lido antes fora da thread da interface (a aba o lê com ``servicos.consulta``); ``hoje``:
        o dia das travas de data dos serviços (``processo.dia_de_registro``, lido junto), não o relógio da tela."""
        self._sessao, self._pid = sessao, processo_id
        self._proc = p
        super().__init__("Nova inscrição", "&Inscrever", parent, explicacao=(
            f"Inscrições de {formato.data(p['inscricao_inicio'])} a {formato.data(p['inscricao_fim'])} (art. 7º §1º a). Digite o CPF: "
            "se a pessoa já estiver cadastrada, nome e nascimento vêm do cadastro. Os requisitos de idade, "
            "residência e experiência são conferidos na data da inscrição (art. 12 §2º)."))
        self.cpf = self.adicionar("&CPF:", CampoValidado(validacao.cpf, placeholder="000.000.000-00", parent=self))
        self.nome = self.adicionar("&Nome completo:", CampoValidado(_nome, parent=self))
        self.nascimento = self.adicionar("Nasci&mento:", CampoData(parent=self))
        self.residencia = self.adicionar("&Reside no município desde:",
                                         CampoData(parent=self))
        self.experiencia = self.adicionar("&Experiência (meses):", CampoValidado(
            inteiro("A experiência", 0, 900, "Lei 320/2023, art. 12 §8º"), placeholder="ex.: 36", parent=self))
        self.numero = self.adicionar("Nú&mero do candidato:", CampoValidado(
            inteiro("O número do candidato", 1, 99999), placeholder="ex.: 101", parent=self))
        self.inscrito_em = self.adicionar("&Data da inscrição:", CampoData(parent=self))
        ini, fim = date.fromisoformat(p["inscricao_inicio"]), date.fromisoformat(p["inscricao_fim"])
        self.inscrito_em.definir_texto(formato.data(min(max(hoje, ini), fim)))
        self.nome_urna = self.adicionar("Nome de &urna:", QLineEdit(self))
        self.nome_urna.setPlaceholderText("opcional; se vazio, o nome completo")
        self.documentos: dict[str, QLineEdit] = {}
        self.form.addRow(QLabel("<b>Documentos apresentados</b> (art. 12 §§3º-8º; ECA art. 133):"))
        # os documentos rolam dentro do diálogo, para ele caber numa tela de 1366×768
        caixa_documentos = QWidget(self)
        form_documentos = QFormLayout(caixa_documentos)
        form_documentos.setContentsMargins(0, 0, 6, 0)
        form_documentos.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # requisito em cima, campo embaixo
        for r in candidaturas.requisitos_da_lei():
            campo = QLineEdit(caixa_documentos)
            campo.setPlaceholderText(r["documento"])
            campo.setToolTip(r["artigo"])
            self.documentos[r["codigo"]] = campo
            form_documentos.addRow(r["descricao"] + ":", campo)
        rolagem = QScrollArea(self)
        rolagem.setWidgetResizable(True)
        rolagem.setFrameShape(QFrame.Shape.NoFrame)
        rolagem.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # só rola para baixo
        rolagem.setWidget(caixa_documentos)
        rolagem.setMinimumHeight(150)
        self.form.addRow(rolagem)
        self.previa = QLabel(self)
        self.previa.setWordWrap(True)
        self.previa.setStyleSheet(_AVISO)
        self.form.addRow(self.previa)
        self.cpf.edit.textChanged.connect(self._on_cpf)
        for c in (self.nascimento, self.residencia, self.experiencia, self.inscrito_em):
            c.edit.textChanged.connect(self._on_datas)

    def _on_cpf(self, *_a) -> None:
        """Procura a pessoa pelo CPF fora da thread da interface (a resposta de um CPF já trocado é descartada)."""
        if not self.cpf.valido():
            self._on_pessoa(None)
            return
        sessao, cpf = self._sessao, self.cpf.texto()
        servicos.consulta(self, lambda: candidaturas.pessoa_por_cpf(sessao, cpf), self._on_pessoa,
                          titulo_erro="Nova inscrição", chave="pessoa")

    def _on_pessoa(self, pessoa: dict | None) -> None:
        for campo in (self.nome, self.nascimento):
            campo.edit.setReadOnly(pessoa is not None)
        if pessoa:
            self.nome.definir_texto(pessoa["nome"])
            if pessoa["nascimento"]:
                self.nascimento.definir_texto(formato.data(pessoa["nascimento"]))
            self.previa.setText(f"Pessoa já cadastrada: {pessoa['nome']}. " + self.previa.text())

    def _on_datas(self, *_a) -> None:
        """Mostra, enquanto se digita, o requisito que as datas já reprovam (com o artigo)."""
        if not self.inscrito_em.valido():
            self.previa.clear()
            return
        valor = lambda c: c.valor() if c.valido() and c.texto().strip() else None  # noqa: E731
        sessao, pid = self._sessao, self._pid
        datas = dict(nascimento=valor(self.nascimento), residencia_desde=valor(self.residencia),
                     experiencia_meses=valor(self.experiencia), inscrito_em=self.inscrito_em.valor())
        servicos.consulta(self, lambda: candidaturas.previa_requisitos(sessao, pid, **datas), self._on_previa,
                          titulo_erro="Nova inscrição", chave="previa")

    def _on_previa(self, motivos: dict[str, str]) -> None:
        self.previa.setText(("A inscrição será gravada com estes requisitos já indeferidos: " + " ".join(motivos.values()))
                            if motivos else "")

    def chamada(self) -> partial:
        return partial(candidaturas.inscrever,
            self._sessao, self._pid, nome=self.nome.valor(), cpf=self.cpf.valor(), nascimento=self.nascimento.valor(),
            residencia_desde=self.residencia.valor(), experiencia_meses=self.experiencia.valor(),
            numero=self.numero.valor(), inscrito_em=self.inscrito_em.valor(),
            nome_urna=self.nome_urna.text().strip() or None,
            documentos={k: c.text() for k, c in self.documentos.items() if c.text().strip()})


class DialogoAnalise(DialogoFormulario):
    """Análise documental de um requisito (art. 7º §1º II): deferido, ou indeferido com o motivo."""

    def __init__(self, sessao, candidatura: dict, checklist: list[dict], parent: QWidget | None = None,
                 requisito: str | None = None):
        """``checklist``: o da candidatura, lido antes fora da thread da interface (``candidaturas.checklist``)."""
        self._sessao, self._cand = sessao, candidatura
        super().__init__(f"Análise documental — {candidatura['numero']} {candidatura['nome_urna']}",
                         "&Gravar análise", parent, explicacao=(
                             "Escolha o requisito, confira o documento apresentado e decida. Indeferimento "
                             "exige o motivo, que vai à lista publicada (art. 11 §2º)."))
        self._checklist = {r["requisito"]: r for r in checklist}
        self.requisito = QComboBox(self)
        for codigo, r in self._checklist.items():
            self.requisito.addItem(f"{r['descricao']} ({r['situacao']})", codigo)
        self.adicionar("&Requisito:", self.requisito)
        self.exigido = QLabel(self)
        self.exigido.setWordWrap(True)
        self.adicionar("Documento exigido:", self.exigido)
        self.documento = self.adicionar("Documento &apresentado:", QLineEdit(self))
        self.deferir, self.indeferir = QRadioButton("&Deferido", self), QRadioButton("&Indeferido", self)
        grupo = QButtonGroup(self)
        for b in (self.deferir, self.indeferir):
            grupo.addButton(b)
        linha = QWidget(self)
        lay = QHBoxLayout(linha)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.deferir)
        lay.addWidget(self.indeferir)
        lay.addStretch(1)
        self.adicionar("Decisão:", linha)
        self.motivo = self.adicionar("&Motivo do indeferimento:", QLineEdit(self))
        self.motivo.setPlaceholderText("obrigatório se indeferido, ex.: certificado sem histórico escolar")
        # Reverter uma reprovação automática (residência, experiência) exige a decisão da comissão
        # registrada, com a base legal; a idade nunca se defere (ECA art. 133 II).
        self.decisao = self.adicionar("Decisão da &comissão:", QLineEdit(self))
        self.decisao.setPlaceholderText("só para reverter reprovação pelas datas: ata/deliberação da comissão")
        self.fundamento = self.adicionar("&Base legal:", QLineEdit(self))
        self.fundamento.setPlaceholderText("ex.: Lei 320/2023, art. 12 §5º")
        self.requisito.currentIndexChanged.connect(self._on_requisito)
        for sinal in (self.deferir.toggled, self.indeferir.toggled, self.motivo.textChanged, self.documento.textChanged,
                      self.decisao.textChanged, self.fundamento.textChanged):
            sinal.connect(self._on_mudou)
        if requisito:
            self.requisito.setCurrentIndex(max(0, self.requisito.findData(requisito)))
        self._on_requisito()

    def _on_requisito(self, *_a) -> None:
        r = self._checklist[self.requisito.currentData()]
        self.exigido.setText(f"{r['exigido']} ({r['artigo']})")
        self.documento.setText(r["documento"] or "")
        self._on_mudou()

    def _reprovado_pelas_datas(self) -> bool:
        r = self._checklist[self.requisito.currentData()]
        return r["situacao"] == "indeferido" and r["requisito"] in ("idade", "residencia", "experiencia")

    def campos_validos(self) -> bool:
        if self.deferir.isChecked():
            if self._reprovado_pelas_datas():
                if self.requisito.currentData() == "idade":
                    return False
                return bool(self.documento.text().strip() and self.decisao.text().strip()
                            and self.fundamento.text().strip())
            return bool(self.documento.text().strip())
        return self.indeferir.isChecked() and bool(self.motivo.text().strip())

    def _on_mudou(self, *_a) -> None:
        super()._on_mudou()
        r = self._checklist[self.requisito.currentData()]
        if self.indeferir.isChecked() and not self.motivo.text().strip():
            self.mostrar_erro(f"Diga o motivo do indeferimento ({r['artigo']}).")
        elif self.deferir.isChecked() and not self.documento.text().strip():
            self.mostrar_erro(f"Para deferir, registre o documento apresentado ({r['artigo']}).")
        elif self.deferir.isChecked() and self._reprovado_pelas_datas():
            if r["requisito"] == "idade":
                self.mostrar_erro("A idade mínima não se defere por decisão: é requisito da lei federal "
                                  "(ECA art. 133 II; Lei 320/2023, art. 12 §2º II).")
            elif not (self.decisao.text().strip() and self.fundamento.text().strip()):
                self.mostrar_erro("Reprovado pelas datas informadas: só se defere com a decisão da comissão "
                                  "registrada e a base legal, além do documento que prova o requisito.")

    def chamada(self) -> partial:
        return partial(candidaturas.analisar_requisito,
            self._sessao, self._cand["id"], self.requisito.currentData(), deferido=self.deferir.isChecked(),
            motivo=self.motivo.text() if self.indeferir.isChecked() else None, documento=self.documento.text(),
            decisao_comissao=self.decisao.text() or None, fundamento_decisao=self.fundamento.text() or None)


class DialogoNota(DialogoFormulario):
    """Nota da prova eliminatória (art. 12 §9º), com o corte do edital e o efeito da nota à vista."""

    def __init__(self, sessao, candidatura: dict, nota_corte: str, parent: QWidget | None = None):
        self._sessao, self._cand = sessao, candidatura
        self._corte = candidaturas.ler_nota(nota_corte)
        corte = str(self._corte).replace(".", ",")
        super().__init__(f"Nota da prova — {candidatura['numero']} {candidatura['nome_urna']}", "&Lançar nota", parent,
                         explicacao=f"Prova de conhecimentos de caráter eliminatório: nota de corte {corte} "
                                    "(Lei 320/2023, art. 12 §9º).")
        self.nota = self.adicionar("&Nota (0 a 100):", CampoValidado(candidaturas.ler_nota, placeholder="ex.: 72,5",
                                                                      parent=self))
        if candidatura.get("nota_prova"):
            self.nota.definir_texto(candidatura["nota_prova"].replace(".", ","))
        self.efeito = QLabel(self)
        self.adicionar("", self.efeito)
        self.nota.edit.textChanged.connect(self._on_nota)
        self._on_nota()

    def _on_nota(self, *_a) -> None:
        if not self.nota.valido():
            self.efeito.clear()
            return
        n = self.nota.valor()
        self.efeito.setText(f"Com {str(n).replace('.', ',')}: " + (
            "aprovado na prova." if n >= self._corte else
            f"abaixo do corte ({str(self._corte).replace('.', ',')}): eliminado (art. 12 §9º)."))

    def chamada(self) -> partial:
        return partial(candidaturas.lancar_nota, self._sessao, self._cand["id"], self.nota.texto())


VINCULOS = ["cônjuges", "companheiros(as)", "pai/mãe e filho(a) (linha reta, 1º grau)",
            "avô/avó e neto(a) (linha reta, 2º grau)", "irmãos (colateral, 2º grau)",
            "tio(a) e sobrinho(a) (colateral, 3º grau)", "sogro(a) e genro/nora (afinidade, 1º grau)",
            "cunhados (afinidade, 2º grau)"]


class DialogoParentesco(DialogoFormulario):
    """Parentesco declarado entre dois candidatos (art. 15): não servem juntos no Conselho."""

    def __init__(self, sessao, candidaturas_do_processo: list[dict], parent: QWidget | None = None):
        """``candidaturas_do_processo``: lidas antes fora da thread da interface."""
        self._sessao = sessao
        super().__init__("Parentesco entre candidatos", "&Registrar parentesco", parent, explicacao=(
            "São impedidos de servir juntos cônjuges, companheiros e parentes em linha reta, colateral ou por "
            "afinidade até o terceiro grau (Lei 320/2023, art. 15). O menos votado do par cede a vaga de titular."))
        self.candidato_a, self.candidato_b = QComboBox(self), QComboBox(self)
        for c in candidaturas_do_processo:
            for combo in (self.candidato_a, self.candidato_b):
                combo.addItem(f"{c['numero']} — {c['nome_urna']}", c["id"])
        self.candidato_b.setCurrentIndex(min(1, self.candidato_b.count() - 1))
        self.adicionar("Candidato &A:", self.candidato_a)
        self.adicionar("Candidato &B:", self.candidato_b)
        self.vinculo = QComboBox(self)
        self.vinculo.setEditable(True)
        self.vinculo.addItems(VINCULOS)
        self.vinculo.setCurrentIndex(-1)
        self.vinculo.lineEdit().setPlaceholderText("escolha ou descreva o vínculo")
        self.adicionar("&Vínculo:", self.vinculo)
        for sinal in (self.candidato_a.currentIndexChanged, self.candidato_b.currentIndexChanged, self.vinculo.editTextChanged):
            sinal.connect(self._on_mudou)
        self._on_mudou()

    def campos_validos(self) -> bool:
        return self.candidato_a.currentData() != self.candidato_b.currentData() and bool(self.vinculo.currentText().strip())

    def _on_mudou(self, *_a) -> None:
        super()._on_mudou()
        if self.candidato_a.count() and self.candidato_a.currentData() == self.candidato_b.currentData():
            self.mostrar_erro("Escolha dois candidatos diferentes (art. 15).")

    def chamada(self) -> partial:
        return partial(candidaturas.declarar_parentesco, self._sessao, self.candidato_a.currentData(), self.candidato_b.currentData(),
                                                self.vinculo.currentText())


class DialogoReabertura(DialogoFormulario):
    """Reabertura das inscrições com menos de dez habilitados (art. 13 §1º); o novo prazo de impugnação é calculado."""

    def __init__(self, sessao, processo_id: str, p: dict, hab: int, parent: QWidget | None = None):
        """``p`` (o processo) e ``hab`` (quantos habilitados): lidos antes fora da thread da interface."""
        self._sessao, self._pid = sessao, processo_id
        super().__init__("Reabrir as inscrições", "&Reabrir", parent, explicacao=(
            f"Há {hab} habilitado(s). Com menos de dez, o CMDCA pode suspender o processo e reabrir o prazo de "
            f"inscrição (Lei 320/2023, art. 13 §1º). Inscrições atuais: até {formato.data(p['inscricao_fim'])}; lista de "
            f"inscritos publicada em {formato.data(p['publicacao_inscritos'])}. As demais datas do calendário continuam."))
        self.fim = self.adicionar("&Novo fim das inscrições:", CampoData(parent=self))
        self.publicacao = self.adicionar("Nova &publicação dos inscritos:",
                                         CampoData(parent=self))
        self.prazo = QLabel(self)
        self.adicionar("Impugnações até:", self.prazo)
        self.publicacao.edit.textChanged.connect(self._on_publicacao)

    def _on_publicacao(self, *_a) -> None:
        if not self.publicacao.valido():
            self.prazo.clear()
            return
        sessao, pid, publicacao = self._sessao, self._pid, self.publicacao.valor()
        servicos.consulta(self, lambda: processo.fim_impugnacao(sessao, pid, publicacao), self._on_fim_impugnacao,
                          titulo_erro="Reabrir as inscrições", chave="prazo")

    def _on_fim_impugnacao(self, fim) -> None:
        self.prazo.setText(f"{formato.data(fim)} (5 dias contados da publicação, art. 11 §2º)")

    def chamada(self) -> partial:
        return partial(processo.reabrir_inscricoes, self._sessao, self._pid, novo_fim=self.fim.valor(),
                                           nova_publicacao=self.publicacao.valor())


class DialogoPublicacao(DialogoFormulario):
    """Registra a publicação do edital (abre as inscrições) ou da lista de inscritos (abre as impugnações), com a
    data em que de fato saiu. As recusas (data futura, fora do calendário, fase errada) vêm do serviço, com o artigo."""

    TEXTOS = {
        "edital": ("Publicação do edital", "Data da &publicação do edital:", "data_edital",
                   "Registre a publicação depois de feita, com a data em que saiu no Diário Oficial ou meio equivalente. "
                   "Ela abre as inscrições; sem ela, nenhuma inscrição é aceita."),
        "inscritos": ("Publicação da lista de inscritos", "Data da &publicação da lista:",
                      "publicacao_inscritos",
                      "Registre a publicação da relação dos inscritos depois de feita. Ela encerra as inscrições e abre "
                      "o prazo de impugnação, contado dessa data; antes dela, nenhuma impugnação é aceita."),
    }

    def __init__(self, sessao, processo_id: str, p: dict, qual: str, parent: QWidget | None = None, *, hoje: date):
        """``p``: o processo, lido antes fora da thread da interface; ``qual``: "edital" ou "inscritos"; ``hoje``: o
        dia das travas de data dos serviços (``processo.dia_de_registro``, lido junto), não o relógio da tela."""
        self._sessao, self._pid, self._qual = sessao, processo_id, qual
        titulo, rotulo, campo, explicacao = self.TEXTOS[qual]
        super().__init__(titulo, "&Registrar", parent, explicacao=(
            f"Data prevista no calendário: {formato.data(p[campo])}. {explicacao}"))
        self.data = self.adicionar(rotulo, CampoData(parent=self))
        self.data.definir_texto(formato.data(min(date.fromisoformat(p[campo]), hoje)))

    def chamada(self) -> partial:
        servico = processo.publicar_edital if self._qual == "edital" else processo.publicar_inscritos
        return partial(servico, self._sessao, self._pid, em=self.data.valor())


class DialogoRetificacao(DialogoFormulario):
    """Retifica a data registrada da publicação do edital ou da lista de inscritos, enquanto nenhum ato posterior
    depende dela (Lei 320/2023, arts. 7º §1º a e 11 §§2º e 6º), com o motivo — que vai ao diário com a data antiga e a
    nova. Só as publicações que ainda se retificam aparecem; as recusas (data futura, fora do calendário) vêm do
    serviço, com o artigo."""

    ROTULOS = {"edital": "Publicação do edital", "inscritos": "Publicação da lista de inscritos"}
    CAMPOS = {"edital": "edital_publicado_em", "inscritos": "inscritos_publicados_em"}

    def __init__(self, sessao, processo_id: str, p: dict, abertas: list[str], parent: QWidget | None = None):
        """``p``: o processo e ``abertas``: as publicações cuja data ainda se retifica
        (``processo.por_que_sem_retificacao``), lidos antes fora da thread da interface."""
        self._sessao, self._pid, self._proc = sessao, processo_id, p
        super().__init__("Retificar a data de uma publicação", "&Retificar", parent, explicacao=(
            "Corrige a data registrada de uma publicação que saiu em outro dia, enquanto nenhum ato depende dela: a do "
            "edital até a primeira inscrição; a da lista de inscritos até a primeira impugnação ou a homologação "
            "(Lei 320/2023, arts. 7º §1º a e 11 §§2º e 6º). A data antiga, a nova e o motivo ficam no diário."))
        self.qual = QComboBox(self)
        for qual in abertas:
            self.qual.addItem(f"{self.ROTULOS[qual]} (registrada em {formato.data(p[self.CAMPOS[qual]])})", qual)
        self.adicionar("&Publicação:", self.qual)
        self.data = self.adicionar("&Data certa:", CampoData(parent=self))
        self.motivo = QLineEdit(self)
        self.motivo.setPlaceholderText("ex.: o Diário Oficial saiu em 01/04/2027, não em 03/04")
        self.adicionar("&Motivo:", self.motivo)
        self.motivo.textChanged.connect(self._on_mudou)
        self.qual.currentIndexChanged.connect(self._on_qual)
        self._on_qual()

    def _on_qual(self, *_a) -> None:
        if qual := self.qual.currentData():
            self.data.definir_texto(formato.data(self._proc[self.CAMPOS[qual]]))
        self._on_mudou()

    def campos_validos(self) -> bool:
        return super().campos_validos() and self.qual.currentData() is not None and bool(self.motivo.text().strip())

    def chamada(self) -> partial:
        return partial(processo.retificar_publicacao, self._sessao, self._pid, self.qual.currentData(),
                       em=self.data.valor(), motivo=self.motivo.text())
