"""Aba Sincronização: as máquinas do órgão (réplicas) e a troca de pacotes sem o terminal.

Mostra esta máquina e as outras réplicas com a data do último pacote enviado e recebido; "Gerar pacote
para…" grava, na pasta escolhida (pen drive ou pasta compartilhada), o pacote da réplica selecionada;
"Importar pacote…" confere e aplica um pacote (tudo ou nada; a recusa diz o motivo) e resume o que entrou e
quantos conflitos há, com o botão para a aba Conflitos; "Conferir" mostra, por tabela, o número de linhas e
o SHA-256 (iguais nas duas máquinas depois de uma troca completa), para imprimir. Gerar e importar rodam fora
da thread da interface. O administrador convida uma máquina nova daqui (``convite``).

Ver docs/sincronizacao.md.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.descarte import descartar
from desktop.screens.widgets.leitura import ler
from desktop.services import replicas, sincronizacao

from desktop.screens.widgets import avisos, formato
from desktop.screens.widgets.servicos import operacao
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao, linha_selecionada

from .convite import DialogoCodigo, DialogoConvite, DialogoJuntar, imprimir_html
from .rede import RedeLocal

_ESTILO_OK = "color: #2e7d32;"
_ESTILO_ALERTA = "color: #a15c00; font-weight: bold;"
EXTENSAO_PACOTE = ".pacosync"  # desktop.store.sync_pacote.EXTENSAO


def _recebe(r: dict) -> str:
    return "geral e sigilo do Conselho" if "sigilo" in r["dominios"].split(",") else "só o geral (sem casos)"


def _situacao(r: dict) -> str:
    if not r["ativa"]:
        return f"removida em {formato.data(r['removida_em'])}"
    return "ativa, designada" if r.get("designada") else "ativa"


COLUNAS_REPLICAS = [
    Coluna("Máquina", lambda r: r["nome"], largura=190),
    Coluna("Recebe", _recebe, largura=190),
    Coluna("Situação", _situacao, largura=140),
    Coluna("Último pacote enviado", lambda r: formato.momento(r.get("enviado")) or "nunca", largura=170),
    Coluna("Último pacote recebido", lambda r: formato.momento(r.get("recebido")) or "nunca", esticar=True),
]

COLUNAS_CONFERENCIA = [
    Coluna("Domínio", lambda c: c[0], largura=80),
    Coluna("Tabela", lambda c: c[1], largura=220),
    Coluna("Linhas", lambda c: str(c[2]), ordenar=lambda c: c[2], alinhamento="direita", largura=80),
    Coluna("SHA-256", lambda c: c[3], esticar=True),
]


class AbaSincronizacao(RedeLocal, QWidget):
    """As réplicas do órgão, gerar e importar pacotes, conferir e (administrador) convidar máquina.

    ``sig_pacote_importado(dict)``: um pacote foi aplicado (o resumo do serviço); o painel recarrega os
    conflitos e a janela, o que mostra dados que podem ter mudado (o painel da eleição).
    ``sig_ver_conflitos()``: o usuário pediu a aba Conflitos depois de importar.
    """

    sig_pacote_importado = Signal(object)
    sig_ver_conflitos = Signal()

    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self._ultimo_resumo: dict | None = None
        self.dialogo_codigo: DialogoCodigo | None = None
        self.esta = QLabel(self)
        self.esta.setWordWrap(True)
        self.esta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.modelo = ModeloTabela(COLUNAS_REPLICAS, self)
        self.tabela = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Outras máquinas do órgão")
        self.botao_gerar = QPushButton("&Gerar pacote para…", self)
        self.botao_importar = QPushButton("&Importar pacote…", self)
        self.botao_enviar_rede = QPushButton("Enviar pela &rede…", self)
        self.botao_receber_rede = QPushButton("Rece&ber pela rede…", self)
        self.recepcao = None  # a porta aberta enquanto espera um pacote pela rede
        self.botao_conferir = QPushButton("C&onferir", self)
        self.botao_imprimir = QPushButton("Im&primir conferência…", self)
        self.botao_convidar = QPushButton("Con&vidar máquina…", self)
        self.botao_juntar = QPushButton("&Juntar esta máquina com um convite…", self)
        self.botao_designar = QPushButton("&Designar para os atos únicos…", self)
        self.botao_designar.setToolTip("Passa à máquina selecionada os atos únicos do órgão (fechar a competência "
                                       "da folha, publicar o resultado da eleição, o livro da Certificação). Só "
                                       "a máquina designada o faz; ela para na hora.")
        self._esta_designada = False
        self.botao_conflitos = QPushButton("Ver &conflitos", self)
        self.modelo_conferencia = ModeloTabela(COLUNAS_CONFERENCIA, self)
        self.conferencia = criar_visao(ProxyFiltro(self.modelo_conferencia, self), self,
                                       nome="Conferência por tabela")
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        self.situacao.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not sessao.pode(Permissao.USUARIOS_GERENCIAR):
            self.botao_convidar.hide()  # convidar e juntar são do administrador
            self.botao_juntar.hide()
            self.botao_designar.hide()
        self.botao_conflitos.hide()
        self.botao_imprimir.setEnabled(False)
        self.botao_gerar.setEnabled(False)
        self.botao_enviar_rede.setEnabled(False)
        self.conferencia.hide()

        linha = QHBoxLayout()
        for b in (self.botao_gerar, self.botao_importar, self.botao_enviar_rede, self.botao_receber_rede,
                  self.botao_conferir, self.botao_imprimir):
            linha.addWidget(b)
        linha.addStretch(1)
        linha.addWidget(self.botao_designar)
        linha.addWidget(self.botao_convidar)
        linha.addWidget(self.botao_juntar)
        lay = QVBoxLayout(self)
        lay.addWidget(self.esta)
        lay.addWidget(self.tabela, 2)
        lay.addLayout(linha)
        lay.addWidget(self.conferencia, 3)
        rodape = QHBoxLayout()
        rodape.addWidget(self.situacao, 1)
        rodape.addWidget(self.botao_conflitos)
        lay.addLayout(rodape)

        self.tabela.selectionModel().selectionChanged.connect(self._on_selecao)
        self.botao_gerar.clicked.connect(self._on_gerar)
        self.botao_importar.clicked.connect(self._on_importar)
        self.botao_conferir.clicked.connect(self._on_conferir)
        self.botao_enviar_rede.clicked.connect(self._on_enviar_rede)
        self.botao_receber_rede.clicked.connect(self._on_receber_rede)
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        self.botao_convidar.clicked.connect(self._on_convidar)
        self.botao_juntar.clicked.connect(self._on_juntar)
        self.botao_designar.clicked.connect(self._on_designar)
        self.botao_conflitos.clicked.connect(self.sig_ver_conflitos)
        self.recarregar()

    # -- dados -------------------------------------------------------------------------------
    def recarregar(self) -> None:
        sessao = self._sessao
        ler(self, lambda: (replicas.replicas(sessao), sincronizacao.trocas(sessao)), self._on_carregado,
            self._on_falhou)

    def _on_carregado(self, resultado) -> None:
        todas, trocas = resultado
        eu = next((r for r in todas if r["esta"]), None)
        if eu is None:
            self.esta.setText("Esta base ainda não é uma réplica: um administrador precisa iniciar a sincronização "
                              "na sede ou juntar esta máquina com um convite.")
        else:
            designada = next((r["nome"] for r in todas if r["designada"]), None)
            atos = ("É a máquina designada para os atos únicos do órgão." if eu["designada"] else
                    f"Os atos únicos do órgão (fechar a folha, publicar o resultado…) são feitos em "
                    f"<b>{html.escape(designada or 'a sede')}</b>.")
            if eu.get("restaurada"):
                atos = ("<b>Cópia de segurança restaurada:</b> até ser juntada com um convite, esta base recebe "
                        "pacotes, mas não gera pacotes, não numera e não faz os atos únicos (a máquina original pode "
                        "tê-lo feito depois da cópia). Use Juntar esta máquina com um convite….")
            self.esta.setText(f"Esta máquina: <b>{html.escape(eu['nome'])}</b> (réplica <tt>{eu['id']}</tt>; "
                              f"recebe {_recebe(eu)}). {atos}")
        self._esta_designada = bool(eu and eu["designada"])
        outras = [{**r, **trocas.get(r["id"], {})} for r in todas if not r["esta"]]
        self.modelo.definir_linhas(outras)
        self._on_selecao()

    def _on_falhou(self, erro: BaseException) -> None:
        if not avisos.previsto(erro):
            raise erro
        self._informar(avisos.mensagem_de(erro), alerta=True)

    def _informar(self, texto: str, alerta: bool = False) -> None:
        self.situacao.setStyleSheet(_ESTILO_ALERTA if alerta else _ESTILO_OK)
        self.situacao.setText(texto)

    def _on_selecao(self, *_args) -> None:
        r = linha_selecionada(self.tabela)
        self.botao_gerar.setEnabled(bool(r and r["ativa"]))
        self.botao_enviar_rede.setEnabled(bool(r and r["ativa"]))
        self.botao_designar.setEnabled(bool(self._esta_designada and r and r["ativa"] and not r["designada"]))

    # -- escolhas (os testes as substituem) ---------------------------------------------------------
    def escolher_pasta(self, nome: str) -> Path | None:
        pasta = QFileDialog.getExistingDirectory(self, f"Onde gravar o pacote para {nome} (pen drive ou pasta "
                                                       "compartilhada)")
        return Path(pasta) if pasta else None

    def escolher_pacote(self) -> Path | None:
        caminho, _ = QFileDialog.getOpenFileName(self, "Importar pacote de sincronização", "",
                                                 f"Pacotes do Paço (*{EXTENSAO_PACOTE});;Todos os arquivos (*)")
        return Path(caminho) if caminho else None

    def pedir_convite(self) -> tuple[str, bool, Path] | None:
        dialogo = DialogoConvite(self)
        try:
            return dialogo.pedir()
        finally:
            descartar(dialogo)

    def pedir_juntar(self) -> tuple[Path, str] | None:
        dialogo = DialogoJuntar(self)
        try:
            return dialogo.pedir()
        finally:
            descartar(dialogo)

    # -- gerar ----------------------------------------------------------------------------------
    def _on_gerar(self) -> None:
        r = linha_selecionada(self.tabela)
        if not r or not r["ativa"]:
            return
        pasta = self.escolher_pasta(r["nome"])
        if pasta is None:
            return
        sessao, rid = self._sessao, r["id"]

        def gerar(progresso):
            progresso.informar(0, 1, f"Gerando o pacote para {r['nome']}…")
            arquivo = sincronizacao.exportar(sessao, pasta, rid)
            progresso.informar(1, 1, "Pacote gravado.")
            return str(arquivo)

        self._informar(f"Gerando o pacote para {r['nome']}…")
        operacao(self, f"Gerando o pacote para {r['nome']}…", gerar,
                 lambda arquivo: self._on_gerado(r["nome"], arquivo), titulo_erro="Gerar pacote",
                 ao_cancelar=lambda: self._informar("Geração do pacote cancelada; nada foi gravado.", alerta=True))

    def _on_gerado(self, nome: str, arquivo: str) -> None:
        self._informar(f"Pacote para {nome} gravado em {arquivo}. Leve-o à outra máquina e importe-o lá "
                       "(Administração › Sincronização › Importar pacote…).")
        self.recarregar()

    # -- importar -------------------------------------------------------------------------------
    def _on_importar(self) -> None:
        arquivo = self.escolher_pacote()
        if arquivo is None:
            return
        sessao = self._sessao

        def importar(progresso):
            progresso.informar(0, 1, f"Conferindo e aplicando {arquivo.name}…")
            return sincronizacao.importar(sessao, arquivo)

        self._informar(f"Importando {arquivo.name}…")
        self.botao_conflitos.hide()
        operacao(self, "Importando o pacote…", importar, self._on_importado, titulo_erro="Importar pacote",
                 ao_cancelar=lambda: self._informar("Importação cancelada; nada foi aplicado.", alerta=True))

    def _on_importado(self, resumo: dict) -> None:
        self._ultimo_resumo = resumo
        repetidas = resumo["recebidas"] - resumo["aplicadas"]
        texto = (f"Pacote de {resumo['origem']} importado: {resumo['aplicadas']} alteração(ões) aplicada(s)"
                 + (f", {repetidas} já recebida(s) antes" if repetidas else "") + ". ")
        if resumo.get("boletins_conferidos"):
            texto += f"Boletins conferidos que entraram na apuração: {len(resumo['boletins_conferidos'])}. "
        texto += (f"Há {resumo['conflitos']} campo(s) em conflito para decidir." if resumo["conflitos"]
                  else "Nenhum conflito.")
        for aviso in resumo.get("avisos", []):
            texto += " " + aviso
        aguardam = resumo.get("usuarios", {}).get("aguardando")
        if aguardam:
            texto += (" Usuários criados noutra máquina aguardam o aceite do administrador daqui (Usuários › Aceitar "
                      "recebido…): " + ", ".join(aguardam) + ".")
        self._informar(texto, alerta=bool(resumo["conflitos"] or resumo.get("avisos")))
        self.botao_conflitos.setVisible(bool(resumo["conflitos"]))
        self.recarregar()
        self.sig_pacote_importado.emit(resumo)

    # -- conferir -------------------------------------------------------------------------------
    def _on_conferir(self) -> None:
        sessao = self._sessao
        ler(self, lambda: sincronizacao.conferir(sessao), self._on_conferido, self._on_falhou)

    def _on_conferido(self, linhas) -> None:
        self.modelo_conferencia.definir_linhas(list(linhas))
        self.conferencia.show()
        self.botao_imprimir.setEnabled(bool(linhas))
        self._informar(f"Conferência de {len(linhas)} tabela(s): compare as somas com as da outra máquina "
                       "depois de uma troca completa (as duas devem ser iguais).")

    def html_conferencia(self) -> str:
        linhas = self.modelo_conferencia.linhas()  # na ordem em que chegaram, ordenada a tabela ou não
        eu = self.esta.text()
        corpo = "".join(f"<tr><td>{d}</td><td>{html.escape(t)}</td><td align='right'>{n}</td>"
                        f"<td><tt>{h}</tt></td></tr>" for d, t, n, h in linhas)
        return (f"<h2>Conferência da sincronização</h2><p>{eu}</p><p>Emitida em "
                f"{formato.momento(_agora())}.</p><table border='1' cellspacing='0' cellpadding='3'>"
                "<tr><th>Domínio</th><th>Tabela</th><th>Linhas</th><th>SHA-256</th></tr>"
                f"{corpo}</table>")

    def _on_imprimir(self) -> None:
        imprimir_html(self, "Imprimir conferência", self.html_conferencia())

    # -- convidar -------------------------------------------------------------------------------
    def _on_convidar(self) -> None:
        pedido = self.pedir_convite()
        if pedido is None:
            return
        nome, com_sigilo, pasta = pedido
        sessao = self._sessao

        def convidar(progresso):
            progresso.informar(0, 1, f"Gravando o convite de {nome}…")
            c = replicas.convidar(sessao, nome, com_sigilo, pasta)
            return str(c.arquivo), c.codigo

        operacao(self, "Gravando o convite…", convidar, lambda r: self._on_convidado(nome, *r),
                 titulo_erro="Convidar máquina")

    def _on_convidado(self, nome: str, arquivo: str, codigo: str) -> None:
        self._informar(f"Convite de {nome} gravado em {arquivo}. Faça agora uma cópia de segurança e leve a "
                       "cópia e o convite à máquina nova; o código vai por outro caminho (papel, telefone).")
        self.dialogo_codigo = DialogoCodigo(nome, arquivo, codigo, self)
        self.dialogo_codigo.show()
        self.recarregar()

    # -- designar a réplica dos atos únicos ---------------------------------------------------------
    def _on_designar(self) -> None:
        r = linha_selecionada(self.tabela)
        if not r:
            return
        if not avisos.confirmar(
                self, "Designar para os atos únicos", f"Passar os atos únicos do órgão para {r['nome']}?",
                sim="Designar",
                detalhe="Esta máquina deixa de fechar a competência da folha, publicar o resultado da eleição e "
                        "lançar no livro da Certificação agora; a outra passa a fazê-los quando importar o próximo "
                        "pacote daqui. Fica no diário."):
            return
        sessao, alvo = self._sessao, r["id"]
        operacao(self, "Designando…", lambda _progresso: replicas.designar(sessao, alvo), self._on_designada,
                 titulo_erro="Designar para os atos únicos")

    def _on_designada(self, r: dict) -> None:
        self._informar(f"{r['nome']} é agora a máquina designada para os atos únicos. Gere um pacote para ela: "
                       "ela começa a fazê-los quando o importar.")
        self.recarregar()

    # -- juntar (na máquina nova) ---------------------------------------------------------------------
    def _on_juntar(self) -> None:
        pedido = self.pedir_juntar()
        if pedido is None:
            return
        convite, chave = pedido
        sessao = self._sessao

        def juntar(progresso):
            progresso.informar(0, 1, "Juntando esta máquina e trocando as chaves da base…")
            return replicas.juntar(sessao, convite, chave)

        self._informar("Juntando esta máquina…")
        operacao(self, "Juntando esta máquina ao órgão…", juntar, self._on_juntada, titulo_erro="Juntar máquina")

    def _on_juntada(self, r: dict) -> None:
        self._informar(f"Esta máquina agora é a réplica {r['nome']} do órgão, com chaves próprias. Importe o "
                       "próximo pacote da sede e mande os seus por aqui.")
        self.recarregar()


def _agora():
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)
