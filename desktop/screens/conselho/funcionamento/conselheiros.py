"""Aba Conselheiros: a composição (titulares, presidente e vice, suplentes na ordem) e os atos do mandato.

Importar os eleitos do processo de escolha, cadastrar à mão, função, vacância e afastamento (com a
convocação automática do próximo suplente, art. 16), candidatura (art. 16 §4º), penalidades (arts. 46-49)
e, para o administrador, ligar o usuário ao conselheiro (é o que dá acesso aos casos). As leituras (a
composição, os processos de escolha, os afastamentos em aberto, os dados de pagamento) rodam fora da thread
da interface (``widgets.servicos.consulta``), uma por vez (``UmaDeCadaVez``).
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop.screens.widgets.fluxo import LayoutFluxo

from desktop.rules.conselho.mandatos import CAUSAS_VACANCIA, PENALIDADES, TIPOS_AFASTAMENTO
from desktop.rules.conselho.remuneracao import FUNCOES
from desktop.rules.papeis import Permissao
from desktop.services.conselho import mandatos
from desktop.services.pagamento import dados as dados_pagamento
from desktop.screens.pagamento.dados import DialogoPagamento
from desktop.services.eleicao import processo
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada

from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets import formato

from .comum import (ESTILO_AVISO, DialogoGravacao, UmaDeCadaVez, campo_data, combo, editor_data, somente_leitura,
                    texto_longo)

SITUACOES = {"em_exercicio": "Em exercício", "disponivel": "Suplente disponível", "afastado": "Afastado(a)",
             "vago": "Vaga (vacância)"}
COLUNAS = [
    Coluna("Condição", lambda c: f"{c['condicao'].title()} nº {c['ordem']}",
           lambda c: (c["condicao"] != "titular", c["ordem"]), largura=120),
    Coluna("Nome", lambda c: c["nome"], esticar=True),
    Coluna("Função", lambda c: FUNCOES.get(c["funcao"] or "", ""), largura=130),
    Coluna("Situação", lambda c: SITUACOES.get(c["situacao"], c["situacao"]), largura=160),
    Coluna("Mandato", lambda c: f"{formato.quando(c['inicio_mandato'], hora_local=False)} a {formato.quando(c['fim_mandato'], hora_local=False)}", largura=190),
    Coluna("Usuário", lambda c: "vinculado" if c["usuario_id"] else "—", largura=90),
]


class AbaConselheiros(UmaDeCadaVez, QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.modelo = ModeloTabela(COLUNAS, self)
        self.visao = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Conselheiros")
        self.alerta = QLabel()
        self.alerta.setWordWrap(True)
        self.resultado = QLabel()
        self.resultado.setWordWrap(True)
        grade = LayoutFluxo()  # os botões quebram de linha em telas de 1366 px
        editar = sessao.pode(Permissao.CONSELHO_EDITAR)
        # Importar eleitos lê o processo de escolha: só quem o consulta (administração). A posse normal é
        # dada pela comissão/administração em Processo de escolha › Auditoria e posse › Encerrar e dar posse.
        self._le_eleicao = sessao.pode(Permissao.ELEICAO_LER)
        # Vacância, afastamentos e penalidades: a administração municipal (Lei 320/2023, art. 16 caput — o Poder
        # Executivo convoca o suplente — e art. 49 §§1º e 3º); o conselheiro não os registra para si nem para colegas.
        mandato = sessao.pode(Permissao.CONSELHO_MANDATOS)
        botoes = [("&Importar eleitos", self._on_importar, editar and self._le_eleicao), ("&Cadastrar", self._on_cadastrar, editar),
                  ("&Função", self._on_funcao, editar), ("&Vacância", self._on_vacancia, mandato),
                  ("Afas&tamento", self._on_afastar, mandato), ("Can&didatura", self._on_candidatura, mandato),
                  ("&Encerrar afastamento", self._on_encerrar, mandato), ("&Penalidade", self._on_penalidade, mandato),
                  ("Dados de pa&gamento", self._on_pagamento, editar),
                  ("Vincu&lar usuário", self._on_vincular, sessao.pode(Permissao.USUARIOS_GERENCIAR))]
        # a consulta do MP e do juízo vê os atos, desligados (art. 21 §4º); os outros papéis só veem os seus
        self.somente_leitura = not (editar or mandato)
        self.botoes: dict[str, QPushButton] = {}  # pelo rótulo sem o "&" (atalho)
        for rotulo, slot, _pode in (b for b in botoes if b[2] or (self.somente_leitura and b[1] != self._on_vincular)):
            b = QPushButton(rotulo)
            b.clicked.connect(slot)
            self.botoes[rotulo.replace("&", "")] = b
            grade.addWidget(b)
        lay = QVBoxLayout(self)
        if self.somente_leitura:
            lay.addWidget(somente_leitura(self.botoes.values(), "A consulta vê a composição e os mandatos; quem "
                                          "registra posse, função, vacância, afastamento e penalidade é a administração "
                                          "municipal (Lei 320/2023, arts. 16 e 49)."))
        lay.addWidget(self.alerta)
        lay.addWidget(self.visao, 1)
        lay.addWidget(self.resultado)
        lay.addLayout(grade)
        self.recarregar()

    def recarregar(self) -> None:
        if not self._comecar(self.recarregar):
            return
        sessao = self._sessao

        def _ler() -> tuple[list[dict], dict | None]:
            linhas = mandatos.composicao(sessao)
            s = mandatos.situacao_suplencia(sessao, date.fromisoformat(linhas[-1]["inicio_mandato"])) if linhas else None
            return linhas, s

        consulta(self, _ler, self._on_lido, titulo_erro="Composição não lida", ao_falhar=self._terminar)

    def _on_lido(self, lido) -> None:
        linhas, s = lido
        self._terminar()
        self.modelo.definir_linhas(linhas)
        if not linhas:
            self.alerta.setText(
                "Nenhum conselheiro cadastrado: importe os eleitos do processo de escolha ou cadastre à mão."
                if self._le_eleicao else
                "Nenhum conselheiro cadastrado. A comissão especial ou a administração dá a posse aos eleitos em "
                "Processo de escolha › Auditoria e posse › Encerrar e dar posse; os mandatos aparecem aqui.")
            return
        texto = f"Suplentes disponíveis ({s['quantidade']}): {', '.join(s['disponiveis']) or 'nenhum'}."
        if s["alerta"]:
            texto += f"<br/><b>{s['alerta']}</b>"
        if s["indireta_permitida"]:
            texto += f"<br/>{s['fundamento']}."
        self.alerta.setText(texto)
        self.alerta.setStyleSheet(ESTILO_AVISO if s["alerta"] else "")

    def _sel(self) -> dict | None:
        c = linha_selecionada(self.visao)
        if c is None:
            self.resultado.setText("Selecione um conselheiro na tabela.")
        return c

    def _dialogo(self, titulo, confirmar, campos, acao, explicacao="") -> object:
        d = DialogoGravacao(titulo, confirmar, campos, acao, self, explicacao)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        self.recarregar()
        r = d.resultado
        if isinstance(r, dict) and "alerta" in r:
            conv = r.get("convocado")
            self.resultado.setText((f"Convocado(a): {conv['nome']} (suplente nº {conv['ordem']})." if conv else
                                    "Nenhum suplente convocado.")
                                   + "".join(f" {p}" for p in r.get("pulados", []))  # art. 15: por que foi passado
                                   + (f" <b>{r['alerta']}</b>" if r["alerta"] else "")
                                   + (f" Escala refeita: {r['escala']['refeitos']} turno(s) redistribuído(s) entre "
                                      "quem está em exercício (art. 20)." if (r.get("escala") or {}).get("refeitos")
                                      else "")
                                   + (f" {r['escala']['aviso']}" if (r.get("escala") or {}).get("aviso") else "")
                                   + (f" {r['fundamento']}." if r["indireta_permitida"] else ""))
        else:
            self.resultado.setText(f"{titulo}: registrado.")
        return r

    def _on_importar(self) -> None:
        sessao = self._sessao
        self._ler_e_seguir(self._on_importar, lambda: processo.listar_processos(sessao), self._importar,
                           titulo_erro="Processos não lidos")

    def _importar(self, ps: list[dict]) -> None:
        self._dialogo("Importar eleitos", "Importar", [
            ("p", "Processo de escolha", combo([(p["id"], f"Processo {p.get('ano', '')}") for p in ps]))],
            lambda v: mandatos.importar_eleitos(self._sessao, v["p"] or ""),
            "Cadastra os titulares e os suplentes entregues pelo processo de escolha.")

    def _on_cadastrar(self) -> None:
        ordem = QSpinBox(minimum=1, maximum=99)
        self._dialogo("Cadastrar conselheiro", "Cadastrar", [
            ("nome", "Nome", QLineEdit()), ("condicao", "Condição", combo({"titular": "Titular", "suplente": "Suplente"})),
            ("ordem", "Ordem de classificação", ordem), ("inicio", "Início do mandato", campo_data()),
            ("fim", "Fim do mandato", campo_data())],
            lambda v: mandatos.cadastrar_conselheiro(self._sessao, nome=v["nome"], condicao=v["condicao"],
                                                     ordem=v["ordem"], inicio_mandato=v["inicio"], fim_mandato=v["fim"]))

    def _on_funcao(self) -> None:
        if c := self._sel():
            self._dialogo(f"Função — {c['nome']}", "Definir", [("f", "Função", combo(FUNCOES)),
                                                              ("inicio", "A partir de", editor_data())],
                          lambda v: mandatos.definir_funcao(self._sessao, c["id"], v["f"], v["inicio"]))

    def _on_vacancia(self) -> None:
        if c := self._sel():
            self._dialogo(f"Vacância — {c['nome']}", "Registrar vacância", [
                ("causa", "Causa (art. 45)", combo(CAUSAS_VACANCIA)), ("data", "Data", editor_data()),
                ("obs", "Observação", QLineEdit())],
                lambda v: mandatos.registrar_vacancia(self._sessao, c["id"], v["causa"], v["data"], v["obs"]),
                "O próximo suplente na ordem é convocado no dia seguinte (art. 16).")

    def _on_afastar(self) -> None:
        if c := self._sel():
            tipos = {k: t.rotulo for k, t in TIPOS_AFASTAMENTO.items() if k != "suspensao"}
            self._dialogo(f"Afastamento — {c['nome']}", "Afastar", [
                ("tipo", "Tipo", combo(tipos)), ("inicio", "Início", editor_data()),
                ("fim", "Fim (se souber)", campo_data(obrigatorio=False)), ("obs", "Observação", QLineEdit())],
                lambda v: mandatos.afastar(self._sessao, c["id"], v["tipo"], v["inicio"], v["fim"], v["obs"]),
                "O próximo suplente disponível é convocado a partir do início (art. 16).")

    def _on_candidatura(self) -> None:
        if c := self._sel():
            self._dialogo(f"Candidatura — {c['nome']}", "Registrar e afastar", [
                ("cargo", "Cargo eletivo", QLineEdit()), ("em", "Homologada em", editor_data())],
                lambda v: mandatos.registrar_candidatura(self._sessao, c["id"], v["em"], v["cargo"]),
                "Candidatura a outro cargo eletivo afasta o conselheiro, com remuneração (art. 16 §4º, art. 45 §ún.).")

    def _on_encerrar(self) -> None:
        if not (c := self._sel()):
            return
        sessao = self._sessao
        self._ler_e_seguir(self._on_encerrar, lambda: mandatos.historico(sessao, c["id"]), lambda h: self._encerrar(c, h),
                           titulo_erro="Afastamentos não lidos")

    def _encerrar(self, c: dict, historico: dict) -> None:
        abertos = [a for a in historico["afastamentos"]
                   if a["tipo"] != "vacancia" and (a["fim"] is None or a["fim"] >= date.today().isoformat())]
        self._dialogo(f"Encerrar afastamento — {c['nome']}", "Encerrar", [
            ("a", "Afastamento", combo([(a["id"], f"{TIPOS_AFASTAMENTO[a['tipo']].rotulo} desde {formato.quando(a['inicio'], hora_local=False)}")
                                        for a in abertos])), ("fim", "Último dia afastado", editor_data())],
            lambda v: mandatos.encerrar_afastamento(self._sessao, v["a"] or "", v["fim"]),
            "O titular volta no dia seguinte; o suplente convocado volta à lista na mesma ordem.")

    def _on_penalidade(self) -> None:
        if c := self._sel():
            self._dialogo(f"Penalidade — {c['nome']}", "Aplicar", [
                ("tipo", "Penalidade", combo(PENALIDADES)), ("motivo", "Infração e gravidade", texto_longo()),
                ("processo", "Nº da sindicância/PAD", QLineEdit()), ("em", "Aplicada em", editor_data()),
                ("inicio", "Suspensão: início", campo_data(obrigatorio=False)),
                ("fim", "Suspensão: fim", campo_data(obrigatorio=False))],
                lambda v: mandatos.aplicar_penalidade(self._sessao, c["id"], v["tipo"], v["motivo"], v["processo"],
                                                      v["em"], v["inicio"], v["fim"]),
                "Arts. 46-49: exige processo com contraditório e ampla defesa.")

    def _on_pagamento(self) -> None:
        if not (c := self._sel()):
            return
        sessao = self._sessao
        self._ler_e_seguir(self._on_pagamento, lambda: dados_pagamento.do_conselheiro(sessao, c["id"]),
                           lambda atuais: self._pagamento(c, atuais), titulo_erro="Dados de pagamento")

    def _pagamento(self, c: dict, atuais) -> None:
        d = DialogoPagamento(c["nome"], atuais,
                             lambda **v: dados_pagamento.definir_do_conselheiro(self._sessao, c["id"], **v), self)
        if d.exec() == QDialog.DialogCode.Accepted:
            self.resultado.setText(f"Dados de pagamento de {c['nome']} gravados.")

    def _on_vincular(self) -> None:
        if c := self._sel():
            self._dialogo(f"Vincular usuário — {c['nome']}", "Vincular", [("login", "Login do usuário", QLineEdit())],
                          lambda v: mandatos.vincular_usuario(self._sessao, c["id"], v["login"]),
                          "O usuário precisa ter o papel Conselheiro tutelar. Vinculado a um conselheiro em exercício, "
                          "ele passa a ver e registrar os atendimentos.")
