"""O caso aberto: tudo do atendimento à esquerda, as ações do colegiado e os documentos à direita.

Abrir o caso passa por ``atendimentos.obter_atendimento`` (sigilo e leitura no diário). Cada ação é um
diálogo pequeno que chama o serviço de ``decisoes`` ou ``documentos``; o caso é relido depois.
"""
from __future__ import annotations


from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QGridLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from desktop.rules.conselho.atendimentos import AGENTES, DIREITOS, MEDIDAS, SITUACOES, TIPOS
from desktop.services.conselho import atendimentos, decisoes, documentos

from .comum import DialogoAcao, br, combo, editor_data, editor_momento, emitir_e_salvar, texto_longo


def resumo_html(a: dict) -> str:
    """O caso em HTML simples (o que o conselheiro lê antes de agir)."""
    e = escape
    partes = [f"<h2>Atendimento nº {a['numero']}/{a['ano']} — {TIPOS[a['tipo']]}</h2>",
              f"<p>Recebido em {br(a['recebido_em'])}{' (plantão)' if a['plantao'] else ''} · "
              f"Situação: <b>{SITUACOES[a['situacao']]}</b> · Bairro: {e(a['bairro'] or '—')} · "
              f"Origem: {e(a['origem'] or '—')}</p>", f"<p>{e(a['relato'] or '')}</p>",
              "<h3>Crianças e adolescentes</h3><ul>"]
    partes += [f"<li>{e(c['nome'])} — nasc. {br(c['nascimento']) or 'não informado'}"
               f"{' — ' + c['sexo'] if c['sexo'] else ''}</li>" for c in a["criancas"]]
    partes.append("</ul>")
    if a["familiares"]:
        partes.append("<h3>Família</h3><ul>" + "".join(
            f"<li>{e(f['nome'])} ({e(f['vinculo'] or '—')}) {e(f['telefone'] or '')} {e(f['endereco'] or '')}</li>"
            for f in a["familiares"]) + "</ul>")
    if a["violacoes"]:
        partes.append("<h3>Direitos violados</h3><ul>" + "".join(
            f"<li>{DIREITOS[v['direito']]} — agente: {AGENTES[v['agente']]}</li>" for v in a["violacoes"]) + "</ul>")
    if a["decisoes"]:
        partes.append("<h3>Decisões</h3><ul>")
        for d in a["decisoes"]:
            meds = [f"art. {m['codigo'].replace('-', ', ')}" for m in a["medidas"] if m["decisao_id"] == d["id"]]
            colegiado = (f"{d['colegiado']} em {br(d['colegiado_em'])}" if d["colegiado"] else
                         f"<b>ratificar até {br(d['ratificar_ate'])}</b>") if d["emergencial"] else ""
            comunicada = (f"comunicada a {e(d['comunicada_a'])} em {br(d['comunicada_em'])}" if d["comunicada_em"]
                          else f"<b>comunicar até {br(d['comunicar_ate'])}</b>")
            partes.append(f"<li>{br(d['decidida_em'])}{' (plantão)' if d['emergencial'] else ''}: {e(d['descricao'])}"
                          f" — {e(d['motivacao'])}{' — medidas: ' + ', '.join(meds) if meds else ''}<br/>"
                          f"{colegiado}{' · ' if colegiado else ''}{comunicada}</li>")
        partes.append("</ul>")
    for chave, titulo, fmt in (
            ("requisicoes", "Requisições", lambda r: f"{e(r['orgao'])}: {e(r['servico'])} — prazo {br(r['prazo'])}"
             + (f" — respondida em {br(r['atendida_em'])}: {e(r['resposta'])}" if r["atendida_em"] else "")),
            ("encaminhamentos", "Encaminhamentos", lambda r: f"{br(r['encaminhado_em'])} — {e(r['destino'])} "
             f"{e(r['motivo'] or '')}"),
            ("acompanhamentos", "Acompanhamento", lambda r: f"{br(r['registrado_em'])} — {e(r['texto'])}")):
        if a[chave]:
            partes.append(f"<h3>{titulo}</h3><ul>" + "".join(f"<li>{fmt(r)}</li>" for r in a[chave]) + "</ul>")
    return "".join(partes)


def _lista_medidas() -> QListWidget:
    lista = QListWidget()
    for k, v in MEDIDAS.items():
        item = QListWidgetItem(f"Art. {k.replace('-', ', ')} — {v}")
        item.setData(Qt.ItemDataRole.UserRole, k)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        lista.addItem(item)
    lista.setFixedHeight(140)
    return lista


def _marcadas(lista: QListWidget) -> list[dict]:
    return [{"codigo": lista.item(i).data(Qt.ItemDataRole.UserRole), "crianca": None} for i in range(lista.count())
            if lista.item(i).checkState() == Qt.CheckState.Checked]


class DialogoCaso(QDialog):
    def __init__(self, sessao, atendimento_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao, self._id = sessao, atendimento_id
        self.caso = atendimentos.obter_atendimento(sessao, atendimento_id)  # sigilo: recusa antes de mostrar
        self.setWindowTitle(f"Atendimento nº {self.caso['numero']}/{self.caso['ano']}")
        self.texto = QTextBrowser()
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        acoes = QWidget()
        lay_acoes = QVBoxLayout(acoes)
        for titulo, botoes in (
                ("Colegiado (art. 21)", [("&Nova decisão", self._on_decisao), ("Ra&tificar/retificar", self._on_deliberar),
                                         ("&Comunicação feita", self._on_comunicar)]),
                ("Andamento", [("&Requisição", self._on_requisicao), ("Res&posta da requisição", self._on_resposta),
                               ("&Encaminhamento", self._on_encaminhamento), ("Acompan&hamento", self._on_acompanhar),
                               ("&Situação do caso", self._on_situacao),
                               ("Declarar &impedimento (art. 44)", self._on_impedimento)]),
                ("Documentos registrados (PDF)", [("Notificação", self._on_notificacao), ("Ofício", self._on_oficio),
                                                  ("Requisição (PDF)", self._on_pdf_requisicao),
                                                  ("Termo de medida", self._on_termo)])):
            g = QGroupBox(titulo)
            grade = QGridLayout(g)
            for i, (rotulo, slot) in enumerate(botoes):
                b = QPushButton(rotulo)
                b.clicked.connect(slot)
                grade.addWidget(b, i // 2, i % 2)
            lay_acoes.addWidget(g)
        lay_acoes.addWidget(self.mensagem)
        lay_acoes.addStretch(1)
        rolagem = QScrollArea()
        rolagem.setWidgetResizable(True)
        rolagem.setWidget(acoes)
        divisor = QSplitter()
        divisor.addWidget(self.texto)
        divisor.addWidget(rolagem)
        divisor.setSizes([620, 380])
        lay = QVBoxLayout(self)
        lay.addWidget(divisor)
        fechar = QPushButton("Fechar")
        fechar.clicked.connect(self.accept)
        lay.addWidget(fechar, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(1100, 640)
        self._mostrar()

    def _mostrar(self) -> None:
        self.texto.setHtml(resumo_html(self.caso))

    def recarregar(self) -> None:
        self.caso = atendimentos.obter_atendimento(self._sessao, self._id)
        self._mostrar()

    def _dialogo(self, titulo: str, confirmar: str, campos, acao, explicacao: str = "") -> bool:
        d = DialogoAcao(titulo, confirmar, campos, acao, self, explicacao)
        ok = d.exec() == QDialog.DialogCode.Accepted
        if ok:
            self.recarregar()
            self.mensagem.setText(f"{titulo}: registrado.")
        return ok

    def _combo_decisoes(self, filtro=lambda d: True):
        return combo([(d["id"], f"{br(d['decidida_em'])} — {d['descricao'][:60]}") for d in self.caso["decisoes"]
                      if filtro(d)])

    # -- colegiado ----------------------------------------------------------------------------------
    def _on_decisao(self) -> None:
        lista = _lista_medidas()
        self._dialogo("Nova decisão", "Registrar decisão",
                      [("descricao", "Decisão", QLineEdit()), ("motivacao", "Motivação", texto_longo()),
                       ("emergencial", "Tomada em plantão?", combo([(False, "Não, pelo colegiado"),
                                                                    (True, "Sim, emergencial de plantão")])),
                       ("medidas", "Medidas (ECA)", lista)],
                      lambda v: decisoes.registrar_decisao(self._sessao, self._id, descricao=v["descricao"],
                                                           motivacao=v["motivacao"], medidas=_marcadas(lista),
                                                           emergencial=v["emergencial"]))

    def _on_deliberar(self) -> None:
        self._dialogo("Colegiado", "Registrar", [
            ("decisao", "Medida de plantão", self._combo_decisoes(lambda d: d["emergencial"] and not d["colegiado"])),
            ("resultado", "Resultado", combo({"ratificada": "Ratificada", "retificada": "Retificada"})),
            ("retificacao", "Retificação", texto_longo("Se retificada, o que mudou"))],
            lambda v: decisoes.deliberar(self._sessao, v["decisao"] or "", v["resultado"], v["retificacao"]))

    def _on_comunicar(self) -> None:
        self._dialogo("Comunicação da decisão", "Registrar", [
            ("decisao", "Decisão", self._combo_decisoes(lambda d: not d["comunicada_em"])),
            ("a", "Comunicada a", QLineEdit()), ("em", "Em", editor_momento())],
            lambda v: decisoes.registrar_comunicacao(self._sessao, v["decisao"] or "", v["a"], v["em"]),
            "A decisão é comunicada por escrito aos interessados em 48 horas (art. 21 §2º).")

    # -- andamento ----------------------------------------------------------------------------------
    def _on_requisicao(self) -> None:
        self._dialogo("Requisição de serviço", "Registrar", [
            ("orgao", "Órgão requisitado", QLineEdit()), ("servico", "Serviço", texto_longo()),
            ("emitida", "Emitida em", editor_data())],
            lambda v: decisoes.registrar_requisicao(self._sessao, self._id, orgao=v["orgao"], servico=v["servico"],
                                                    emitida_em=v["emitida"]),
            "O prazo de resposta vem do parâmetro do Conselho (ECA, art. 136, III, a).")

    def _combo_requisicoes(self, pendentes: bool = True):
        return combo([(r["id"], f"{r['orgao']} — prazo {br(r['prazo'])}") for r in self.caso["requisicoes"]
                      if not (pendentes and r["atendida_em"])])

    def _on_resposta(self) -> None:
        self._dialogo("Resposta da requisição", "Registrar", [
            ("req", "Requisição", self._combo_requisicoes()), ("resposta", "Resposta", texto_longo()),
            ("em", "Respondida em", editor_data())],
            lambda v: decisoes.responder_requisicao(self._sessao, v["req"] or "", v["resposta"], v["em"]))

    def _on_encaminhamento(self) -> None:
        self._dialogo("Encaminhamento", "Registrar", [
            ("destino", "Para", QLineEdit()), ("motivo", "Motivo", QLineEdit()), ("em", "Em", editor_data())],
            lambda v: decisoes.registrar_encaminhamento(self._sessao, self._id, v["destino"], v["motivo"], v["em"]))

    def _on_acompanhar(self) -> None:
        self._dialogo("Acompanhamento", "Registrar", [("texto", "O que foi feito", texto_longo(altura=120))],
                      lambda v: decisoes.registrar_acompanhamento(self._sessao, self._id, v["texto"]))

    def _on_situacao(self) -> None:
        c = combo(SITUACOES)
        c.setCurrentIndex(c.findData(self.caso["situacao"]))
        self._dialogo("Situação do caso", "Alterar", [("situacao", "Situação", c)],
                      lambda v: atendimentos.alterar_situacao(self._sessao, self._id, v["situacao"]))

    def _on_impedimento(self) -> None:
        d = DialogoAcao("Impedimento ou suspeição", "Declarar", [
            ("tipo", "Tipo", combo({"impedimento": "Impedimento (art. 44, I a IV)",
                                    "suspeicao": "Suspeição por foro íntimo (art. 44 §1º)"})),
            ("motivo", "Motivo", QLineEdit())],
            lambda v: decisoes.declarar_impedimento(self._sessao, self._id, v["tipo"], v["motivo"]), self,
            "Depois de declarado, você não verá mais este caso: outro conselheiro o atende.")
        if d.exec() == QDialog.DialogCode.Accepted:
            self.accept()

    # -- documentos ---------------------------------------------------------------------------------
    def _emitir_com(self, titulo: str, campos, emitir, nome: str) -> None:
        d = DialogoAcao(titulo, "Emitir", campos, lambda v: v, self)
        if d.exec() == QDialog.DialogCode.Accepted:
            emitir_e_salvar(self, self.mensagem, f"{titulo} não emitido(a)", lambda: emitir(d.resultado), nome)

    def _on_notificacao(self) -> None:
        self._emitir_com("Notificação", [("dest", "Notificado(a)", QLineEdit()),
                                         ("quando", "Comparecer em", editor_momento()), ("assunto", "Assunto", QLineEdit())],
                         lambda v: documentos.emitir_notificacao(self._sessao, self._id, v["dest"], v["quando"],
                                                                 v["assunto"]), "notificacao")

    def _on_oficio(self) -> None:
        self._emitir_com("Ofício", [("dest", "Destinatário", QLineEdit()), ("assunto", "Assunto", QLineEdit()),
                                    ("texto", "Texto", texto_longo(altura=140))],
                         lambda v: documentos.emitir_oficio(self._sessao, self._id, v["dest"], v["assunto"], v["texto"]),
                         "oficio")

    def _on_pdf_requisicao(self) -> None:
        self._emitir_com("Requisição", [("req", "Requisição", self._combo_requisicoes(pendentes=False))],
                         lambda v: documentos.emitir_requisicao(self._sessao, v["req"] or ""), "requisicao")

    def _on_termo(self) -> None:
        self._emitir_com("Termo de medida", [("dec", "Decisão", self._combo_decisoes()),
                                             ("dest", "Destinatário", QLineEdit())],
                         lambda v: documentos.emitir_termo_medida(self._sessao, v["dec"] or "", v["dest"]),
                         "termo-medida")


