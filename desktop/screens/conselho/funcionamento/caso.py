"""O caso aberto: tudo do atendimento à esquerda, as ações do colegiado e os documentos à direita.

Abrir o caso passa por ``atendimentos.obter_atendimento`` (sigilo e leitura no diário). Cada ação é um
diálogo pequeno (``DialogoGravacao``) que chama o serviço de ``decisoes`` ou ``documentos`` fora da thread da
interface; o caso é relido depois, também fora dela (``ocupada`` enquanto isso), e os documentos são emitidos
com progresso.
"""
from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QGridLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QTextBrowser, QVBoxLayout, QWidget)

from desktop.rules.conselho import prazos as regra_prazos
from desktop.rules.conselho.atendimentos import AGENTES, MEDIDAS, SITUACOES, TIPOS
from desktop.rules.papeis import Permissao
from desktop.services import documentos_vias
from desktop.services.conselho import acolhimento, atendimentos, decisoes, documentos
from desktop.screens.documentos.emitidos import QuadroEmitidos
from desktop.screens.widgets.divisor import criar_divisor

from . import emendas as tela_emendas
from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets import emissao, formato
from desktop.screens.widgets.emissao import emitir_em_segundo_plano

from .comum import (DialogoAcao, DialogoGravacao, UmaDeCadaVez, campo_data, combo, editor_data, editor_momento,
                    texto_longo)


def resumo_html(a: dict) -> str:
    """O caso em HTML simples (o que o conselheiro lê antes de agir)."""
    e = escape
    partes = [f"<h2>Nº {a['numero']}/{a['ano']} — {TIPOS[a['tipo']]}</h2>",
              f"<p>Recebido em {formato.quando(a['recebido_em'], hora_local=False)}{' (plantão)' if a['plantao'] else ''} · "
              f"Situação: <b>{SITUACOES[a['situacao']]}</b> · Bairro: {e(a['bairro'] or '—')} · "
              f"Origem: {e(a['origem'] or '—')}</p>", f"<p>{e(a['relato'] or '')}</p>",
              "<h3>Crianças e adolescentes</h3><ul>"]
    partes += [f"<li>{e(c['nome'])} — nasc. {formato.quando(c['nascimento'], hora_local=False) or 'não informado'}"
               f"{' — ' + c['sexo'] if c['sexo'] else ''}"
               f"{' — filiação: ' + e(_filiacao(c)) if _filiacao(c) else ''}</li>" for c in a["criancas"]]
    partes.append("</ul>")
    if a["familiares"]:
        partes.append("<h3>Família</h3><ul>" + "".join(
            f"<li>{e(f['nome'])} ({e(f['vinculo'] or '—')}) {e(f['telefone'] or '')} {e(f['endereco'] or '')}</li>"
            for f in a["familiares"]) + "</ul>")
    if a["violacoes"]:
        partes.append("<h3>Direitos violados</h3><ul>" + "".join(
            f"<li>{e(atendimentos.tabela_sipia().rotulo(v['direito'], v.get('grupo'), v.get('especifico')))} — agente: "
            f"{AGENTES[v['agente']]}{' — ' + e(v['descricao']) if v['descricao'] else ''}</li>" for v in a["violacoes"])
            + "</ul>")
    if a["decisoes"]:
        partes.append("<h3>Decisões</h3><ul>")
        for d in a["decisoes"]:
            meds = [f"art. {m['codigo'].replace('-', ', ')}" for m in a["medidas"] if m["decisao_id"] == d["id"]]
            if d["colegiado"]:
                colegiado = f"{d['colegiado']} pelo colegiado em sessão de {formato.quando(d['colegiado_em'], hora_local=False)}"
            elif d["emergencial"]:
                colegiado = _prazo("levar ao colegiado (ratificar) até", date.fromisoformat(d["ratificar_ate"]),
                                   d["ratificar_ate"])
            else:
                colegiado = "aguarda a ratificação do colegiado (aba Colegiado)" if meds else ""
            comunicada = (f"comunicada a {e(d['comunicada_a'])} em {formato.quando(d['comunicada_em'], hora_local=False)}" if d["comunicada_em"]
                          else _prazo("comunicar até", datetime.fromisoformat(d["comunicar_ate"]), d["comunicar_ate"]))
            partes.append(f"<li>{formato.quando(d['decidida_em'], hora_local=False)}{' (plantão)' if d['emergencial'] else ''}: {e(d['descricao'])}"
                          f" — {e(d['motivacao'])}{' — medidas: ' + ', '.join(meds) if meds else ''}<br/>"
                          f"{colegiado}{' · ' if colegiado else ''}{comunicada}</li>")
        partes.append("</ul>")
    else:
        partes.append("<h3>Decisões</h3><p style='color:#a05a00'>Nenhuma decisão registrada. Registre a decisão do "
                      "colegiado (ou a medida de plantão) em <b>Nova decisão</b>: os prazos de comunicação e de "
                      "ratificação começam a contar dela.</p>")
    for chave, titulo, fmt in (
            ("requisicoes", "Requisições", lambda r: f"{e(r['orgao'])}: {e(r['servico'])} — prazo {formato.quando(r['prazo'], hora_local=False)}"
             + (f" — respondida em {formato.quando(r['atendida_em'], hora_local=False)}: {e(r['resposta'])}" if r["atendida_em"] else "")),
            ("encaminhamentos", "Encaminhamentos", lambda r: f"{formato.quando(r['encaminhado_em'], hora_local=False)} — {e(r['destino'])} "
             f"{e(r['motivo'] or '')}"),
            ("acompanhamentos", "Acompanhamento", lambda r: f"{formato.quando(r['registrado_em'], hora_local=False)} — {e(r['texto'])}")):
        if a[chave]:
            partes.append(f"<h3>{titulo}</h3><ul>" + "".join(f"<li>{fmt(r)}</li>" for r in a[chave]) + "</ul>")
    partes.append(tela_emendas.historico_html(a, e))
    return "".join(partes)


def _filiacao(c: dict) -> str:
    return "; ".join(f"{r} {c[k]}" for k, r in (("mae", "mãe"), ("pai", "pai"), ("responsavel", "responsável"))
                     if c.get(k))


def _prazo(texto: str, limite, iso: str) -> str:
    """O prazo em aberto, em vermelho quando vencido (art. 21 §§1º e 2º)."""
    sit = regra_prazos.situacao(limite, None, datetime.now())
    if sit == regra_prazos.VENCIDO:
        return f"<b style='color:#b00020'>VENCIDO: {texto} {formato.quando(iso, hora_local=False)}</b>"
    if sit == regra_prazos.VENCE_HOJE:
        return f"<b style='color:#a05a00'>{texto} {formato.quando(iso, hora_local=False)} (vence hoje)</b>"
    return f"<b>{texto} {formato.quando(iso, hora_local=False)}</b>"


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


class DialogoCaso(UmaDeCadaVez, QDialog):
    def __init__(self, sessao, atendimento_id: str, parent: QWidget | None, caso: dict):
        """``caso``: o atendimento já lido por ``atendimentos.obter_atendimento`` fora da thread da interface
        (``widgets.servicos.consulta``; o sigilo recusa lá, antes de o diálogo abrir)."""
        super().__init__(parent)
        self._sessao, self._id = sessao, atendimento_id
        self.caso = caso
        self.setWindowTitle(f"Atendimento nº {self.caso['numero']}/{self.caso['ano']}")
        self.texto = QTextBrowser()
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        self.botoes: dict[str, QPushButton] = {}  # pelo rótulo sem o "&" (atalho)
        acoes = QWidget()
        self._acoes = acoes  # travadas enquanto o caso é relido (nenhuma ação sobre dados velhos)
        lay_acoes = QVBoxLayout(acoes)
        for titulo, botoes in (
                ("Colegiado (art. 21)", [("&Nova decisão", self._on_decisao), ("Comunicação ao &juiz (art. 93)", self._on_juizo),
                                         ("&Comunicação feita", self._on_comunicar)]),
                ("Andamento", [("&Requisição", self._on_requisicao), ("Res&posta da requisição", self._on_resposta),
                               ("&Encaminhamento", self._on_encaminhamento), ("Acompan&hamento", self._on_acompanhar),
                               ("&Situação do caso", self._on_situacao),
                               ("Declarar &impedimento (art. 44)", self._on_impedimento)]),
                ("Documentos registrados (PDF)", [("Notificação", self._on_notificacao), ("Ofício", self._on_oficio),
                                                  ("Requisição (PDF)", self._on_pdf_requisicao),
                                                  ("Termo de medida", self._on_termo)]),
                ("Emendas ao registro (com motivo, no histórico)",
                 [(acao, lambda _c=False, a=acao: self._on_emenda(a)) for acao in tela_emendas.ACOES])):
            g = QGroupBox(titulo)
            grade = QGridLayout(g)
            for i, (rotulo, slot) in enumerate(botoes):
                b = QPushButton(rotulo)
                b.clicked.connect(slot)
                self.botoes[rotulo.replace("&", "")] = b
                grade.addWidget(b, i // 2, i % 2)
            lay_acoes.addWidget(g)
        self.somente_leitura = not sessao.pode(Permissao.CONSELHO_CASOS_EDITAR)
        if self.somente_leitura:  # consulta do MP e do juízo: lê o caso, não age nele (Lei 320/2023, art. 21 §4º)
            for b in self.botoes.values():
                b.setEnabled(False)
                b.setToolTip("Somente leitura: o papel Consulta (Ministério Público e juízo) não registra nem altera.")
            aviso = QLabel("<b>Somente leitura.</b> O papel Consulta (Ministério Público e juízo) lê o caso; quem "
                           "registra e altera são os conselheiros em exercício.")
            aviso.setWordWrap(True)
            lay_acoes.insertWidget(0, aviso)
        self.emitidos = QuadroEmitidos(
            sessao, lambda: documentos_vias.do_assunto(sessao, documentos.assunto_atendimento(atendimento_id)), acoes,
            "Documentos emitidos deste caso",
            confirmar_gravacao=lambda pai: emissao.confirmar_arquivo_sigiloso(pai))  # ECA, arts. 17 e 100
        lay_acoes.addWidget(self.emitidos)
        lay_acoes.addWidget(self.mensagem)
        lay_acoes.addStretch(1)
        rolagem = QScrollArea()
        rolagem.setWidgetResizable(True)
        rolagem.setWidget(acoes)
        divisor = criar_divisor()
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
        """Relê o caso fora da thread da interface (``widgets.servicos.consulta``); as ações esperam."""
        if not self._comecar(self.recarregar):
            return
        self._acoes.setEnabled(False)
        sessao, aid = self._sessao, self._id
        consulta(self, lambda: atendimentos.obter_atendimento(sessao, aid), self._on_relido,
                 titulo_erro="Caso não relido", ao_falhar=self._fim_da_leitura)

    def _on_relido(self, caso: dict) -> None:
        self.caso = caso
        self._mostrar()
        self._fim_da_leitura()

    def _fim_da_leitura(self, *_args) -> None:
        self._acoes.setEnabled(True)  # os botões desligados um a um (consulta do MP) continuam desligados
        self._terminar()

    def _nada(self, combo_, texto: str) -> bool:
        """Lista vazia: diz por que não há o que escolher, em vez de abrir um diálogo sem opção."""
        if combo_.count():
            return False
        self.mensagem.setText(texto)
        return True

    def _dialogo(self, titulo: str, confirmar: str, campos, acao, explicacao: str = "") -> bool:
        d = DialogoGravacao(titulo, confirmar, campos, acao, self, explicacao)
        ok = d.exec() == QDialog.DialogCode.Accepted
        if ok:
            self.recarregar()
            self.mensagem.setText(f"{titulo}: registrado.")
        return ok

    def _combo_decisoes(self, filtro=lambda d: True):
        return combo([(d["id"], f"{formato.quando(d['decidida_em'], hora_local=False)} — {d['descricao'][:60]}") for d in self.caso["decisoes"]
                      if filtro(d)])

    # -- colegiado ----------------------------------------------------------------------------------
    def _on_decisao(self) -> None:
        self._dialogo("Nova decisão", "Registrar decisão",
                      [("descricao", "Decisão", QLineEdit()), ("motivacao", "Motivação", texto_longo()),
                       ("emergencial", "Tomada em plantão?", combo([(False, "Não (fora do plantão)"),
                                                                    (True, "Sim, emergencial de plantão")])),
                       ("medidas", "Medidas (ECA)", _lista_medidas())],
                      lambda v: decisoes.registrar_decisao(
                          self._sessao, self._id, descricao=v["descricao"], motivacao=v["motivacao"],
                          medidas=[{"codigo": k, "crianca": None} for k in v["medidas"]],
                          emergencial=v["emergencial"]),
                      "Registrada agora. A comunicação escrita aos interessados vence em 48 horas (art. 21 §2º); "
                      "a medida de plantão vai ao colegiado no primeiro dia útil (§1º).")

    def _on_juizo(self) -> None:
        acolhimentos = {m["decisao_id"] for m in self.caso["medidas"] if m["codigo"] == "101-VII"}
        pendentes = self._combo_decisoes(lambda d: d["id"] in acolhimentos)
        if self._nada(pendentes, "Não há acolhimento institucional (ECA, art. 101, VII) neste caso: nada a comunicar "
                                 "ao juiz pelo art. 93."):
            return
        self._dialogo("Comunicação do acolhimento ao juiz", "Registrar", [
            ("decisao", "Acolhimento", pendentes), ("em", "Comunicado em", editor_momento()),
            ("oficio", "Ofício nº", QLineEdit()), ("juizo", "Juízo", QLineEdit()),
            ("codigo", "Código do ofício emitido (se houver)", QLineEdit())],
            lambda v: acolhimento.registrar_comunicacao_juizo(
                self._sessao, v["decisao"] or "", comunicada_em=v["em"], oficio=v["oficio"], juizo=v["juizo"],
                codigo_documento=v["codigo"]),
            "O acolhimento emergencial é comunicado ao Juiz da Infância e da Juventude em até 24 horas (ECA, "
            "art. 93). A ratificação da medida é do colegiado, em sessão com quórum: aba Colegiado.")

    def _on_comunicar(self) -> None:
        pendentes = self._combo_decisoes(lambda d: not d["comunicada_em"])
        if self._nada(pendentes, "Todas as decisões deste caso já têm a comunicação registrada."):
            return
        self._dialogo("Comunicação da decisão", "Registrar", [
            ("decisao", "Decisão", pendentes),
            ("a", "Comunicada a", QLineEdit()), ("em", "Em", editor_momento())],
            lambda v: decisoes.registrar_comunicacao(self._sessao, v["decisao"] or "", v["a"], v["em"]),
            "A decisão é comunicada por escrito aos interessados em 48 horas (art. 21 §2º).")

    # -- andamento ----------------------------------------------------------------------------------
    def _on_requisicao(self) -> None:
        self._dialogo("Requisição de serviço", "Registrar", [
            ("orgao", "Órgão requisitado", QLineEdit()), ("servico", "Serviço", texto_longo()),
            ("emitida", "Emitida em", editor_data()),
            ("prazo", "Responder até", campo_data(obrigatorio=False, placeholder="vazio: o prazo padrão do Conselho"))],
            lambda v: decisoes.registrar_requisicao(self._sessao, self._id, orgao=v["orgao"], servico=v["servico"],
                                                    emitida_em=v["emitida"], prazo=v["prazo"]),
            "Deixe o prazo vazio para usar o prazo padrão do Conselho (parâmetro; ECA, art. 136, III, a).")

    def _combo_requisicoes(self, pendentes: bool = True):
        return combo([(r["id"], f"{r['orgao']} — prazo {formato.quando(r['prazo'], hora_local=False)}") for r in self.caso["requisicoes"]
                      if not (pendentes and r["atendida_em"])])

    def _on_resposta(self) -> None:
        pendentes = self._combo_requisicoes()
        if self._nada(pendentes, "Não há requisição aguardando resposta neste caso."):
            return
        self._dialogo("Resposta da requisição", "Registrar", [
            ("req", "Requisição", pendentes), ("resposta", "Resposta", texto_longo()),
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
        d = DialogoGravacao("Impedimento ou suspeição", "Declarar", [
            ("tipo", "Tipo", combo({"impedimento": "Impedimento (art. 44, I a IV)",
                                    "suspeicao": "Suspeição por foro íntimo (art. 44 §1º)"})),
            ("motivo", "Motivo", QLineEdit())],
            lambda v: decisoes.declarar_impedimento(self._sessao, self._id, v["tipo"], v["motivo"]), self,
            "Depois de declarado, você não verá mais este caso: outro conselheiro o atende.")
        if d.exec() == QDialog.DialogCode.Accepted:
            self.accept()

    # -- emendas -----------------------------------------------------------------------------------
    def _on_emenda(self, acao: str) -> None:
        if acao in ("Filiação",) and self._nada(self._combo_criancas(), "Não há criança no registro."):
            return
        if acao == "Retirar criança" and len(self.caso["criancas"]) < 2:
            self.mensagem.setText("O caso precisa ter ao menos uma criança ou adolescente: inclua a criança certa "
                                  "antes de retirar esta (ou corrija o nome, se o erro é só de identificação).")
            return
        if acao in ("Retirar familiar",) and not self.caso["familiares"]:
            self.mensagem.setText("Não há familiar no registro.")
            return
        if acao in ("Retirar violação", "Reclassificar violação") and not self.caso["violacoes"]:
            self.mensagem.setText("Não há violação no registro.")
            return
        tela_emendas.abrir(self, acao)

    def _combo_criancas(self):
        return combo([(c["id"], c["nome"]) for c in self.caso["criancas"]])

    # -- documentos ---------------------------------------------------------------------------------
    def _emitir_com(self, titulo: str, campos, emitir, nome: str) -> None:
        d = DialogoAcao(titulo, "Emitir", campos, None, self)
        if d.exec() == QDialog.DialogCode.Accepted:
            self._emitir(titulo, emitir, d.resultado, nome)

    def _emitir(self, titulo: str, emitir, valores: dict, nome: str) -> None:
        if not self._comecar(lambda: self._emitir(titulo, emitir, valores, nome)):  # espera a releitura do caso
            return

        def _on_emitido(emitido) -> None:
            self._terminar()
            if emitido is not None:
                self.emitidos.atualizar()

        # emitir (montar o PDF, registrar) fora da thread da interface; salvar o arquivo, depois, aqui
        emitir_em_segundo_plano(self, self.mensagem, f"{titulo} não emitido(a)", lambda _p: emitir(valores), nome,
                                sigiloso=True, ao_terminar=_on_emitido)

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
        todas = self._combo_requisicoes(pendentes=False)
        if self._nada(todas, "Registre primeiro a requisição (botão Requisição, em Andamento); depois emita o PDF."):
            return
        self._emitir_com("Requisição", [("req", "Requisição", todas)],
                         lambda v: documentos.emitir_requisicao(self._sessao, v["req"] or ""), "requisicao")

    def _on_termo(self) -> None:
        com_medidas = {m["decisao_id"] for m in self.caso["medidas"]}
        decs = self._combo_decisoes(lambda d: d["id"] in com_medidas)
        if self._nada(decs, "Nenhuma decisão deste caso aplicou medida do ECA; para comunicar a decisão, emita um "
                            "ofício."):
            return
        self._emitir_com("Termo de medida", [("dec", "Decisão", decs),
                                             ("dest", "Destinatário", QLineEdit())],
                         lambda v: documentos.emitir_termo_medida(self._sessao, v["dec"] or "", v["dest"]),
                         "termo-medida")


