"""Aba Colegiado: sessões deliberativas, quórum, pauta de ratificação, voto de cada conselheiro e a ata.

Lei 320/2023, art. 21 caput e §1º (as medidas de plantão e as decisões individuais dos arts. 101 e 129 do
ECA vão ao colegiado, art. 43 §ún., XII); art. 44 (o impedido não vota). A ratificação só acontece aqui,
numa sessão com quórum e por maioria. A consulta (MP e juízo) lê; os botões de registrar ficam
desligados para ela. As leituras e a emissão da ata rodam fora da thread da interface (``widgets.servicos``),
uma por vez (``UmaDeCadaVez``).
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from desktop.rules.conselho.atendimentos import MEDIDAS
from desktop.rules.conselho.colegiado import RESULTADOS, TIPOS_SESSAO, VOTOS
from desktop.rules.papeis import Permissao
from desktop.services.conselho import colegiado, mandatos
from desktop.services.conselho.comum import conselheiro_da_sessao
from desktop.services.sessao import SemPermissao
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada
from desktop.screens.widgets.divisor import Reparticao, criar_divisor
from desktop.screens.widgets.mensagem import Mensagem

from desktop.screens.widgets.servicos import consulta
from desktop.screens.widgets.emissao import emitir_em_segundo_plano

from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets import formato
from .comum import (ESTILO_SIGILO, DialogoGravacao, UmaDeCadaVez, aviso_rotulo, combo, editor_momento,
                    texto_longo)

COLUNAS_SESSOES = [
    Coluna("Data e hora", lambda s: formato.quando(s["realizada_em"], hora_local=False), lambda s: s["realizada_em"], largura=130),
    Coluna("Tipo", lambda s: TIPOS_SESSAO[s["tipo"]], largura=60),  # alarga pelo texto ('Extraordinária')
    Coluna("Presentes", lambda s: f"{s['presentes']} de {s['membros']}", largura=80),
    Coluna("Itens", lambda s: str(s["itens"]), largura=50),
    Coluna("Situação", lambda s: "Aberta" if s["situacao"] == "aberta" else "Ata emitida", esticar=True),
]
COLUNAS_PAUTA = [
    Coluna("Atendimento", lambda p: p["atendimento"], largura=95),
    # a data da decisão sem o ano (as da pauta são das últimas semanas; inteira na dica) e o título curto ('Decidida
    # em' na dica do cabeçalho): com eles, as seis colunas da pauta não cabiam ao lado das sessões a 1366×768
    Coluna("Data", lambda p: datetime.fromisoformat(p["decidida_em"]).strftime("%d/%m %H:%M"),
           lambda p: p["decidida_em"], dica=lambda p: formato.quando(p["decidida_em"], hora_local=False), largura=60,
           titulo_longo="Decidida em"),
    Coluna("Origem", lambda p: "Plantão" if p["emergencial"] else "Individual", largura=80),
    Coluna("Decisão", lambda p: p["descricao"], esticar=True),
    Coluna("Medidas", lambda p: ", ".join(p["medidas"]), largura=60),  # alarga pelo texto dos códigos
    Coluna("Impedidos", lambda p: ", ".join(p["impedidos"]), largura=100, titulo_longo="Impedidos (art. 44)"),
]


def _lista_presentes(membros: list[dict], marcado: str | None) -> QListWidget:
    lista = QListWidget()
    for c in membros:
        item = QListWidgetItem(f"{c['nome']} ({c['condicao']})")
        item.setData(Qt.ItemDataRole.UserRole, c["id"])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if c["id"] == marcado else Qt.CheckState.Unchecked)
        lista.addItem(item)
    lista.setFixedHeight(min(160, 24 * max(3, len(membros)) + 6))
    return lista


class AbaColegiado(UmaDeCadaVez, QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.pode_registrar = sessao.pode(Permissao.CONSELHO_CASOS_EDITAR)
        self.sigilo = aviso_rotulo("", ESTILO_SIGILO)
        self.sigilo.hide()
        self.modelo_s = ModeloTabela(COLUNAS_SESSOES, self)
        # as sessões já vêm da mais recente e a pauta são poucos itens: sem ordenar pelo cabeçalho, os títulos não
        # pedem o lugar da seta e as duas tabelas cabem lado a lado a 1366×768
        self.visao_s = criar_visao(ProxyFiltro(self.modelo_s, self), self, nome="Sessões do colegiado", ordenavel=False)
        self.modelo_p = ModeloTabela(COLUNAS_PAUTA, self)
        self.visao_p = criar_visao(ProxyFiltro(self.modelo_p, self), self, nome="Pauta", ordenavel=False)
        self.detalhe = QTextBrowser()
        self.mensagem = QLabel()
        self.mensagem.setWordWrap(True)
        reservar_linhas(self.mensagem)  # a mensagem muda; os botões não pulam
        self.mensagem.setOpenExternalLinks(False)
        self.b_nova = QPushButton("&Nova sessão…")
        self.b_votar = QPushButton("&Votar item da pauta…")
        self.b_encerrar = QPushButton("&Encerrar e emitir a ata")
        for b in (self.b_nova, self.b_votar, self.b_encerrar):
            b.setEnabled(self.pode_registrar)
            if not self.pode_registrar:
                b.setToolTip("Só leitura: quem registra as sessões são os conselheiros em exercício.")
        esquerda, direita = QWidget(), QWidget()
        le, ld = QVBoxLayout(esquerda), QVBoxLayout(direita)
        le.setContentsMargins(0, 0, 0, 0)
        ld.setContentsMargins(0, 0, 0, 0)
        le.addWidget(QLabel("<b>Sessões do colegiado</b> (Lei 320/2023, art. 21)"))
        le.addWidget(self.visao_s, 2)
        le.addWidget(self.detalhe, 1)
        titulo_pauta = QLabel("<b>Pauta da sessão selecionada</b>: decisões individuais e medidas de plantão "
                              "aguardando ratificação")
        titulo_pauta.setWordWrap(True)  # numa linha (~750 pontos), era o mínimo da direita e as sessões rolavam
        ld.addWidget(titulo_pauta)
        self.pauta_vazia = Mensagem(nome="subtitulo")  # por que a pauta está vazia e o que fazer (_explicar_pauta)
        ld.addWidget(self.pauta_vazia)
        ld.addWidget(self.visao_p, 1)
        botoes = QHBoxLayout()
        for b in (self.b_nova, self.b_votar, self.b_encerrar):
            botoes.addWidget(b)
        ld.addLayout(botoes)
        divisor = criar_divisor()
        divisor.addWidget(esquerda)
        divisor.addWidget(direita)
        divisor.setSizes([545, 575])  # até as sessões chegarem; então, pela largura medida das colunas (_on_sessoes):
        # as sessões inteiras e a pauta com o resto — com larguras fixas, a pauta rolava na horizontal mesmo vazia
        self.reparticao = Reparticao(divisor, [self.visao_s, self.visao_p])
        lay = QVBoxLayout(self)
        lay.addWidget(self.sigilo)
        lay.addWidget(divisor, 1)
        lay.addWidget(self.mensagem)
        self.divisor = divisor
        self.b_nova.clicked.connect(self._on_nova)
        self.b_votar.clicked.connect(self._on_votar)
        self.b_encerrar.clicked.connect(self._on_encerrar)
        self.visao_s.selectionModel().selectionChanged.connect(self._on_selecionar)
        self.recarregar()

    # -- leitura ------------------------------------------------------------------------------------
    def recarregar(self, *_args, manter: str | None = None) -> None:
        if not self._comecar(lambda: self.recarregar(manter=manter)):
            return
        sessao = self._sessao

        def _ler():
            try:
                return colegiado.sessoes(sessao)
            except SemPermissao as e:
                return str(e)

        consulta(self, _ler, lambda linhas: self._on_sessoes(linhas, manter), titulo_erro="Sessões não lidas",
                 ao_falhar=self._terminar)

    def _on_sessoes(self, linhas, manter: str | None) -> None:
        self._terminar()
        if isinstance(linhas, str):  # sem permissão de ver conteúdo de caso
            self.sigilo.setText(f"As sessões do colegiado citam casos sigilosos.\n\n{linhas}")
            self.sigilo.show()
            self.divisor.hide()
            return
        selecao = self.visao_s.selectionModel()
        selecao.blockSignals(True)  # uma leitura da sessão escolhida, abaixo (não uma por sinal)
        try:
            self.modelo_s.definir_linhas(linhas)
            self.reparticao.tentar(bool(linhas))
            alvo = manter or (linhas[0]["id"] if linhas else None)
            for i, s in enumerate(linhas):
                if s["id"] == alvo:
                    indice = self.modelo_s.index(self.modelo_s.posicao(i), 0)  # ordenada: outra linha do modelo
                    self.visao_s.selectRow(self.visao_s.model().mapFromSource(indice).row())
                    break
        finally:
            selecao.blockSignals(False)
        self._on_selecionar()

    def _selecionada(self) -> dict | None:
        return linha_selecionada(self.visao_s)

    def _on_selecionar(self, *_args) -> None:
        if not self._comecar(self._on_selecionar):
            return
        s, sessao = self._selecionada(), self._sessao
        if s is None:
            consulta(self, lambda: colegiado.pendentes_de_ratificacao(sessao), self._on_pendentes,
                     titulo_erro="Pendências não lidas", ao_falhar=self._terminar)
            return
        aberta = s["situacao"] == "aberta"
        consulta(self, lambda: (colegiado.obter_sessao(sessao, s["id"]), colegiado.pauta(sessao, s["id"]) if aberta else []),
                 lambda lido: self._on_sessao(lido, s), titulo_erro="Sessão não lida", ao_falhar=self._terminar)

    def _on_pendentes(self, pendentes: list[dict]) -> None:
        self._terminar()
        self.modelo_p.definir_linhas(pendentes)
        self._explicar_pauta(None, pendentes)
        self.detalhe.setHtml(f"<p>Nenhuma sessão registrada. {len(pendentes)} decisão(ões) aguardam o "
                             "colegiado (à direita). Registre a sessão em <b>Nova sessão</b> com os membros "
                             "presentes; a pauta dela traz as decisões tomadas até a hora da sessão.</p>")

    def _on_sessao(self, lido, s: dict) -> None:
        self._terminar()
        completa, pauta = lido
        self.modelo_p.definir_linhas(pauta)
        self._explicar_pauta(s, pauta)
        if completa:
            self.detalhe.setHtml(self._html(completa))

    def _explicar_pauta(self, s: dict | None, pauta: list[dict]) -> None:
        """Com a pauta vazia, diz por quê e o que fazer: a tabela em branco, sem explicação, parecia erro quando
        todos os itens da sessão aberta já tinham sido votados (visto na demonstração a 1366×768)."""
        registra, n = self.pode_registrar, (s or {}).get("itens", 0)
        votados = "o item dela foi votado" if n == 1 else f"os {n} itens dela foram votados"
        if pauta:
            texto = ""
        elif s is None:
            texto = "Nenhuma decisão aguarda o colegiado."
        elif s["situacao"] != "aberta":
            texto = (f"Sessão encerrada, ata emitida: {votados} (resumo abaixo, à esquerda)." if n
                     else "Sessão encerrada, ata emitida, sem itens na pauta.")
            if registra:
                texto += " Decisões que ainda aguardam o colegiado vão para uma sessão nova (“Nova sessão…”)."
        elif n:
            texto = f"Pauta vazia: {votados} (resumo abaixo, à esquerda)."
            if registra:
                texto += (" Encerre a sessão em “Encerrar e emitir a ata”; decisões tomadas depois da hora dela vão "
                          "para a pauta de uma sessão nova.")
        else:
            texto = (f"Pauta vazia: nenhuma decisão individual ou medida de plantão aguardava o colegiado até a hora "
                     f"desta sessão ({formato.quando(s['realizada_em'], hora_local=False)}).")
            if registra:
                texto += " Encerre-a em “Encerrar e emitir a ata” ou registre uma sessão nova depois das decisões."
        self.pauta_vazia.setText(texto)

    @staticmethod
    def _html(s: dict) -> str:
        nomes = {p["conselheiro_id"]: p["nome"] for p in s["presentes"]}
        partes = [f"<h3>Sessão {TIPOS_SESSAO[s['tipo']].lower()} de {formato.quando(s['realizada_em'], hora_local=False)}</h3>",
                  f"<p>Presentes ({len(nomes)} de {s['membros']}; quórum {s['quorum']}): {', '.join(nomes.values())}"
                  f"{'<br/>Local: ' + s['local'] if s['local'] else ''}</p>"]
        for it in s["itens"]:
            votos = ", ".join(f"{nomes.get(v['conselheiro_id'], '—')}: {VOTOS[v['voto']].lower()}" for v in it["votos"])
            partes.append(f"<p><b>Atendimento nº {it['numero']}/{it['ano']}</b> — {it['descricao']}<br/>"
                          f"<b>{RESULTADOS[it['resultado']]}</b> ({it['apuracao']})"
                          f"{'<br/>Retificação: ' + it['retificacao'] if it['retificacao'] else ''}<br/>{votos}</p>")
        partes.append("<p><b>Ata emitida.</b> Reimpressão em Administração › Documentos emitidos.</p>"
                      if s["situacao"] == "encerrada" else "<p>Sessão aberta: vote os itens da pauta e encerre para "
                                                           "emitir a ata.</p>")
        return "".join(partes)

    # -- registro -----------------------------------------------------------------------------------
    def _on_nova(self) -> None:
        sessao = self._sessao
        self._ler_e_seguir(self._on_nova, lambda: (mandatos.composicao(sessao), conselheiro_da_sessao(sessao)),
                           lambda lido: self._nova(*lido), titulo_erro="Conselheiros não lidos")

    def _nova(self, membros: list[dict], eu: dict | None) -> None:
        em_exercicio = [c for c in membros if c["situacao_na_data"] == "em_exercicio"]
        d = DialogoGravacao("Nova sessão do colegiado", "Registrar sessão", [
            ("tipo", "Sessão", combo(TIPOS_SESSAO)),
            ("em", "Realizada em", editor_momento()),
            ("local", "Local", QLineEdit("Sede do Conselho Tutelar")),
            ("presentes", "Presentes", _lista_presentes(em_exercicio, eu["id"] if eu else None))],
            lambda v: colegiado.abrir_sessao(self._sessao, tipo=v["tipo"], realizada_em=v["em"],
                                             presentes=v["presentes"], local=v["local"]),
            self, "Marque os membros presentes. O colegiado só delibera com quórum (maioria absoluta dos membros, "
                  "Regimento Interno; Lei 320/2023, art. 21).")
        if d.exec() == QDialog.DialogCode.Accepted:
            self.recarregar(manter=d.resultado["id"])
            self.mensagem.setText("Sessão registrada: vote os itens da pauta.")

    def _on_votar(self) -> None:
        s = self._selecionada()
        item = linha_selecionada(self.visao_p)
        if s is None or s["situacao"] != "aberta":
            self.mensagem.setText("Selecione uma sessão aberta (ou registre uma nova).")
            return
        if item is None:
            self.mensagem.setText("Selecione na pauta a decisão a votar.")
            return
        sessao = self._sessao
        self._ler_e_seguir(self._on_votar, lambda: colegiado.obter_sessao(sessao, s["id"]),
                           lambda completa: self._votar(s, item, completa), titulo_erro="Sessão não lida")

    def _votar(self, s: dict, item: dict, completa: dict) -> None:
        nomes = {p["conselheiro_id"]: p["nome"] for p in completa["presentes"]}
        campos = [(cid, nomes[cid], combo(VOTOS)) for cid in item["aptos"]]
        campos.append(("retificacao", "Retificação (se a maioria retificar)", texto_longo("O que o colegiado mudou")))
        medidas = "; ".join(f"art. {k.replace('-', ', ')} — {MEDIDAS[k]}" for k in item["medidas"])
        d = DialogoGravacao(f"Votação — atendimento nº {item['atendimento']}", "Registrar votos", campos,
                        lambda v: colegiado.deliberar_item(
                            self._sessao, s["id"], item["decisao_id"],
                            {cid: v[cid] for cid in item["aptos"]}, v["retificacao"]),
                        self, f"{item['descricao']} ({formato.quando(item['decidida_em'], hora_local=False)}, por {item['decidida_por']})."
                              + (f" Medidas: {medidas}." if medidas else "")
                              + (f" Impedidos, não votam: {', '.join(item['impedidos'])}." if item["impedidos"] else ""))
        if d.exec() == QDialog.DialogCode.Accepted:
            self.recarregar(manter=s["id"])
            self.mensagem.setText(f"Atendimento nº {item['atendimento']}: {RESULTADOS[d.resultado['resultado']]}.")

    def _on_encerrar(self) -> None:
        s = self._selecionada()
        if s is None or s["situacao"] != "aberta":
            self.mensagem.setText("Selecione uma sessão aberta para encerrar e emitir a ata.")
            return
        self._encerrar(s["id"])

    def _encerrar(self, sessao_id: str) -> None:
        if not self._comecar(lambda: self._encerrar(sessao_id)):
            return
        sessao, agora = self._sessao, datetime.now()

        def _on_emitida(_emitido) -> None:
            self._terminar()
            self.recarregar(manter=sessao_id)

        emitir_em_segundo_plano(self, self.mensagem, "Ata não emitida",
                                lambda _p: colegiado.encerrar_sessao(sessao, sessao_id, agora), "ata-colegiado",
                                sigiloso=True, ao_terminar=_on_emitida)
