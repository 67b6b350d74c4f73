"""Aba Documentos: emissões da Certificação com registro (livro, folha, número), nova via com motivo e cancelamento.

A 1ª via é gratuita (art. 26 §2º); a nova via registra o motivo; só a via mais recente ainda
válida pode ser cancelada. Cancelar exige a permissão de cancelar documentos (o administrador):
sem ela, a tela explica a quem pedir.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.rules.certificacao.resultado import termos_vedados
from desktop.rules.certificacao.tipos import TITULOS_DOCUMENTO, TipoDocumento
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import formato
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.screens.widgets.mensagem import Mensagem
from desktop.screens.widgets import avisos
from desktop.screens.widgets.tabela import Coluna, Lista
from desktop.screens.documentos.abrir import nome_sugerido, salvar_e_abrir
from desktop.screens.widgets.impressao import imprimir_pdfs, oferecer_documento
from desktop.services import documentos_vias
from desktop.services.certificacao import emissao

from .comum import CARREGANDO, emitir_pdf, ler, operar

SEM_CANCELAR = ("O cancelamento de uma via é feito pelo administrador do Paço (permissão \"cancelar "
                "documentos emitidos\"). Selecione o documento, anote o código e o motivo e peça a ele.")


def situacao(e: dict) -> str:
    if e["cancelado_em"]:
        return "cancelado"
    return "substituído" if e.get("substituido_em") else "válido"


class AbaDocumentos(QWidget):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.sessao = sessao
        self.tarefa = None  # a gravação em andamento (comum.operar)
        self.lendo = False  # a leitura da lista (comum.ler), fora da thread da interface
        self.lista = Lista([
            Coluna("Documento", lambda e: TITULOS_DOCUMENTO[TipoDocumento(e["tipo_documento"])], largura=230),
            Coluna("Referência", lambda e: e["referencia"], esticar=True, largura=220),
            # livro, folha e número do registro numa coluna só (três colunas estreitas tiravam o nome de vista)
            Coluna("Registro", lambda e: f"{e['livro']} / {e['folha']} / {e['numero_registro']}",
                   ordenar=lambda e: (str(e["livro"]), e["folha"], e["numero_registro"]), alinhamento="centro",
                   largura=110, titulo_longo="Livro / folha / número do registro"),
            Coluna("Via", lambda e: f"{e['via']}ª", ordenar=lambda e: e["via"], alinhamento="centro", largura=45),
            Coluna("Código", lambda e: e["codigo"], largura=165),
            Coluna("Emitido em", lambda e: formato.data(e["emitido_em"]), ordenar=lambda e: e["emitido_em"], largura=100),
            Coluna("Situação", situacao, largura=100, cor=lambda e: None if situacao(e) == "válido" else "#b00020"),
        ], self, nome="Documentos emitidos", ao_mudar=self._on_selecao, ao_abrir=lambda _e: self._on_abrir())
        # Enter ou duplo clique: Abrir PDF
        self.modelo, self.proxy, self.tabela = self.lista.modelo, self.lista.proxy, self.lista.visao
        self.filtro = QLineEdit(self)
        self.filtro.setPlaceholderText("Filtrar por nome, documento ou código")
        self.filtro.setClearButtonEnabled(True)
        self.filtro.textChanged.connect(self.proxy.definir_texto)
        self.motivo = QLineEdit(self)
        self.motivo.setPlaceholderText("Motivo (mín. 10 caracteres)")  # cabe a 1366×768; o texto inteiro na dica
        self.motivo.setToolTip("Motivo da nova via ou do cancelamento, com pelo menos 10 caracteres; vai no registro")
        self.aviso_motivo = Mensagem(parent=self)  # palavra vedada no motivo, dita enquanto se digita (art. 15 §2º)
        self.aviso_motivo.setStyleSheet("color: #b00020;")
        reservar_linhas(self.aviso_motivo, 2)  # aparece enquanto se digita: a barra não pode pular (issue 16)
        self.motivo.textChanged.connect(self._on_selecao)
        self.botao_via = QPushButton("Emitir nova &via", self)
        self.botao_via.clicked.connect(self._on_nova_via)
        self.perdida = QCheckBox("A via anterior foi &perdida (cancelá-la)", self)
        self.perdida.setToolTip("Extravio: a via anterior é cancelada no mesmo ato. Sem marcar, ela fica "
                                "\"substituída\" pela nova. Só uma via vale de cada vez.")
        self.botao_abrir = QPushButton("&Abrir PDF…", self)
        self.botao_abrir.clicked.connect(self._on_abrir)
        self.botao_imprimir = QPushButton("&Imprimir…", self)
        self.botao_imprimir.setToolTip("Imprime o PDF exatamente como foi emitido (Ctrl+P).")
        self.botao_imprimir.clicked.connect(self._on_imprimir)
        self.ultimo_arquivo = None
        self.botao_cancelar = QPushButton("&Cancelar via…", self)
        self.botao_cancelar.clicked.connect(self._on_cancelar)
        self.pode_cancelar = sessao.pode(Permissao.DOCUMENTOS_CANCELAR)
        self.explicacao = QLabel("" if self.pode_cancelar else SEM_CANCELAR, self)
        self.explicacao.setWordWrap(True)
        self.explicacao.setVisible(not self.pode_cancelar)
        self.situacao = QLabel(self)
        self.situacao.setWordWrap(True)
        reservar_linhas(self.situacao)  # a mensagem muda; os botões não pulam
        barra = QHBoxLayout()
        for w in (self.motivo, self.perdida, self.botao_via, self.botao_abrir, self.botao_imprimir,
                  self.botao_cancelar):
            barra.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filtro)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(barra)
        lay.addWidget(self.aviso_motivo)
        lay.addWidget(self.explicacao)
        lay.addWidget(self.situacao)
        self.atualizar()

    def atualizar(self) -> None:
        """Relê os documentos emitidos fora da thread da interface; a lista de antes fica até chegar a nova."""
        sessao = self.sessao
        if not self.modelo.rowCount():
            self.situacao.setText(CARREGANDO)
        ler(self, lambda: emissao.listar_emissoes(sessao), self._on_lido, titulo_erro="Documentos não lidos")

    def _on_lido(self, linhas: list[dict]) -> None:
        self.lista.definir_linhas(linhas)  # mantém a escolhida
        if self.situacao.text() == CARREGANDO:
            self.situacao.clear()
        self._on_selecao()

    def selecionar(self, emissao_id: str) -> None:
        self.lista.selecionar(emissao_id)

    def _selecionada(self) -> dict | None:
        return self.lista.selecionada()

    def _on_selecao(self, *_args) -> None:
        e = self._selecionada()
        editar = self.sessao.pode(Permissao.CERTIFICACAO_EDITAR) and self.sessao.pode(Permissao.DOCUMENTOS_EMITIR)
        vedadas = termos_vedados(self.motivo.text()) if e and e["tipo_documento"] != "cert_atestado" else []
        self.aviso_motivo.setText(f"O motivo vai impresso no documento e não pode ter: {', '.join(vedadas)} "
                                  "(Portaria MEC 902/2024, art. 15, §2º e art. 16, parágrafo único)." if vedadas else "")
        self.botao_via.setEnabled(bool(e) and editar and not vedadas)
        self.botao_abrir.setEnabled(bool(e))
        self.botao_imprimir.setEnabled(bool(e))
        self.botao_cancelar.setEnabled(bool(e) and self.pode_cancelar and not (e or {}).get("cancelado_em"))
        self.botao_cancelar.setToolTip("" if self.pode_cancelar else SEM_CANCELAR)

    def _on_nova_via(self) -> None:
        e = self._selecionada()
        if e is None:
            return
        sessao, motivo, perdida = self.sessao, self.motivo.text(), self.perdida.isChecked()
        anterior = "cancelada (perdida)" if perdida else "substituída"

        def _salva(caminho) -> None:
            self.ultimo_arquivo = caminho

        def _fim(nova) -> None:
            if nova is not None:
                self.motivo.clear()
                self.perdida.setChecked(False)
                self.atualizar()

        emitir_pdf(
            self, "Nova via", lambda: emissao.emitir_nova_via(sessao, e["id"], motivo, perdida=perdida),
            lambda nova: nome_sugerido({**e, "via": nova.via, "codigo": nova.codigo}), andamento="Emitindo a nova via…",
            texto=lambda nova: f"{nova.via}ª via emitida (código {nova.codigo}); a anterior ficou {anterior}.",
            abrir=True, ao_salvar=_salva, ao_terminar=_fim)

    def leitor_para_imprimir(self):
        """Para o Ctrl+P da janela principal: a leitura do PDF do documento selecionado (fora da thread da
        interface, ``impressao.documento_da_tela``); None sem seleção."""
        e = self._selecionada()
        if e is None:
            return None
        sessao, documento_id = self.sessao, e["documento_id"]
        return lambda: documentos_vias.pdf_emitido(sessao, documento_id)

    def _ler_pdf(self, titulo: str, seguir) -> None:
        """Lê o PDF do documento selecionado fora da thread da interface e segue com ``seguir(e, pdf)``."""
        from desktop.screens.widgets import servicos

        e, leitor = self._selecionada(), self.leitor_para_imprimir()
        if leitor is not None:
            servicos.consulta(self, leitor, lambda pdf: seguir(e, pdf), titulo_erro=titulo)

    def _on_imprimir(self) -> None:
        self._ler_pdf("Imprimir", lambda e, pdf: setattr(self, "tarefa_impressao", imprimir_pdfs(
            self, pdf, nome_trabalho=nome_sugerido(e))))

    def _on_abrir(self) -> None:
        self._ler_pdf("Abrir PDF", self._on_pdf_lido)

    def _on_pdf_lido(self, e: dict, pdf: bytes) -> None:
        salvar_e_abrir(self, nome_sugerido(e), pdf, lambda destino: self._on_pdf_salvo(pdf, destino),
                       titulo_erro="Abrir PDF")

    def _on_pdf_salvo(self, pdf: bytes, destino) -> None:
        self.ultimo_arquivo = destino
        oferecer_documento(self.situacao, pdf, destino, f"Salvo em {destino} (idêntico ao emitido).")

    def _on_cancelar(self) -> None:
        e = self._selecionada()
        if e is None:
            return
        if not self.pode_cancelar:
            avisos.erro(self, "Cancelar via", SEM_CANCELAR)
            return
        if not avisos.confirmar(self, "Cancelar via", f"Cancelar a {e['via']}ª via de "
                                f"{TITULOS_DOCUMENTO[TipoDocumento(e['tipo_documento'])].lower()} ({e['codigo']})?",
                                sim="Cancelar via", perigoso=True,
                                detalhe="O documento continua no registro, marcado como cancelado, e a verificação "
                                        "passa a informar o cancelamento."):
            return
        sessao, motivo = self.sessao, self.motivo.text()
        operar(self, "Cancelando a via…", lambda: emissao.cancelar_via(sessao, e["id"], motivo),
               lambda _r: self._on_via_cancelada(e), ao_recusar=lambda erro: avisos.erro(self, "Cancelar via", erro))

    def _on_via_cancelada(self, e: dict) -> None:
        self.motivo.clear()
        self.atualizar()
        self.situacao.setText(f"{e['via']}ª via cancelada.")
