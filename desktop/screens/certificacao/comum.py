"""Peças das telas da Certificação: validadores, abertura de diálogos e leituras, gravações e emissões fora
da thread da interface, sobre as peças de todas as telas: tabelas (``widgets.tabela.Lista``), avisos
(``widgets.avisos``), serviços (``widgets.servicos``) e emitir-e-salvar PDF (``widgets.emissao``)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.screens.widgets import avisos


def avisar(parent: QWidget, erro: BaseException | str) -> None:
    """A recusa (com o artigo) ou o erro numa caixa de aviso, como em todas as telas (``widgets.avisos.erro``)."""
    avisos.erro(parent, "Certificação", erro)


# -- formulários ------------------------------------------------------------------------------
def texto(rotulo: str, minimo: int = 1):
    """Validador de texto obrigatório (``minimo`` caracteres), com a mensagem em português."""
    from desktop.rules.validacao import EntradaInvalida

    def validar(t: str) -> str:
        t = " ".join((t or "").split())
        if not t:
            raise EntradaInvalida(f"Informe {rotulo}.")
        if len(t) < minimo:
            raise EntradaInvalida(f"Escreva pelo menos {minimo} caracteres em {rotulo}.")
        return t
    return validar


def abrir(aba, dialogo, ao_aceitar) -> None:
    """Abre o diálogo sem bloquear (``aba.dialogo`` fica acessível); ao aceitar, chama
    ``ao_aceitar(dialogo.resultado)``; ao fechar, descarta o diálogo."""
    aba.dialogo = dialogo

    def _on_aceito() -> None:
        ao_aceitar(dialogo.resultado)

    def _on_fechado(_codigo: int) -> None:
        from desktop.screens.widgets.descarte import descartar

        descartar(dialogo)  # não deleteLater: queda intermitente no PySide (widgets.descarte)
        if aba.dialogo is dialogo:
            aba.dialogo = None

    dialogo.accepted.connect(_on_aceito)
    dialogo.finished.connect(_on_fechado)
    dialogo.open()



def operar(aba, titulo: str, funcao, ao_concluir, *, ao_recusar=None) -> None:
    """Grava (ou emite o PDF) fora da thread da interface, por ``widgets.servicos.operacao``: ``funcao()``
    roda noutra thread e ``ao_concluir(resultado)`` na interface. ``aba.tarefa`` fica preenchida enquanto
    roda (outro clique não grava de novo). A recusa prevista, com o artigo, vai para ``ao_recusar(erro)``
    (padrão: ``avisar``)."""
    from desktop.screens.widgets import servicos

    if getattr(aba, "tarefa", None) is not None:
        return

    def _fim(*_args) -> None:
        aba.tarefa = None

    def _on_concluida(resultado) -> None:
        _fim()
        ao_concluir(resultado)

    def _on_recusada(erro: BaseException) -> None:
        _fim()
        (ao_recusar or (lambda e: avisar(aba, e)))(erro)

    aba.tarefa = servicos.operacao(aba, titulo, lambda _progresso: funcao(), _on_concluida, titulo_erro="Certificação",
                                   ao_recusar=_on_recusada, ao_cancelar=_fim)
    aba.tarefa.sig_falhou.connect(_fim)  # defeito (não recusa): sobe para o tratamento geral, a aba destrava


def emitir_pdf(aba, titulo_erro: str, emitir, nome, **opcoes) -> None:
    """Emite um PDF pela forma única das telas (``widgets.emissao.emitir_em_segundo_plano``): ``emitir()`` fora da
    thread da interface, pergunta onde salvar e diz em ``aba.situacao`` onde ficou e o código, com Abrir e Imprimir.
    ``aba.tarefa`` fica preenchida enquanto roda (outro clique não emite de novo). ``opcoes``: as de
    ``emitir_em_segundo_plano`` (``andamento``, ``texto``, ``ao_salvar``, ``ao_terminar``…)."""
    from desktop.screens.widgets.emissao import emitir_em_segundo_plano

    if getattr(aba, "tarefa", None) is not None:
        return
    ao_terminar = opcoes.pop("ao_terminar", None)

    def _on_terminou(emitido) -> None:
        aba.tarefa = None
        if ao_terminar is not None:
            ao_terminar(emitido)

    aba.tarefa = emitir_em_segundo_plano(aba, aba.situacao, titulo_erro, lambda _progresso: emitir(), nome,
                                         ao_terminar=_on_terminou, **opcoes)
    aba.tarefa.sig_falhou.connect(lambda *_a: setattr(aba, "tarefa", None))  # defeito: sobe; a aba destrava


# -- leituras fora da thread da interface -------------------------------------------------------
CARREGANDO = "Carregando…"


def ler(dono, funcao, ao_concluir, *, titulo_erro: str = "Certificação", ao_falhar=None, chave: str = "lista") -> None:
    """Lê fora da thread da interface (``widgets.servicos.consulta``): ``funcao()`` noutra thread e
    ``ao_concluir(lido)`` na interface. Só vale a resposta do último pedido do ``dono`` com a mesma ``chave``
    (p.ex. "lista", "detalhe"): uma que chega depois de outro pedido é descartada. ``dono.lendo`` fica True
    enquanto algum último pedido não voltou (os testes esperam por ele)."""
    from desktop.screens.widgets import servicos

    pedidos = _pedidos(dono)
    pedido = pedidos[chave] = pedidos.get(chave, 0) + 1
    dono._leituras_pendentes = getattr(dono, "_leituras_pendentes", set()) | {chave}
    dono.lendo = True

    def _vale() -> bool:
        if pedidos.get(chave) != pedido:
            return False
        _terminou(dono, chave)
        return True

    def _on_lido(lido) -> None:
        if _vale():
            ao_concluir(lido)

    def _on_falhou(erro: BaseException) -> None:
        if _vale() and ao_falhar is not None:
            ao_falhar(erro)

    servicos.consulta(dono, funcao, _on_lido, titulo_erro=titulo_erro, ao_falhar=_on_falhou)


def _pedidos(dono) -> dict:
    if getattr(dono, "_pedidos_leitura", None) is None:
        dono._pedidos_leitura = {}
    return dono._pedidos_leitura


def _terminou(dono, chave: str) -> None:
    dono._leituras_pendentes = getattr(dono, "_leituras_pendentes", set()) - {chave}
    dono.lendo = bool(dono._leituras_pendentes)


def esquecer_leitura(dono, chave: str = "lista") -> None:
    """A resposta da leitura em andamento do ``dono`` (com essa ``chave``) será descartada."""
    pedidos = _pedidos(dono)
    pedidos[chave] = pedidos.get(chave, 0) + 1
    _terminou(dono, chave)


def aguardar_combo(combo) -> None:
    """Lista ainda vazia: mostra "Carregando…" até ``encher_combo`` (a que já tem itens fica como está, com
    a escolha, até chegar a nova)."""
    if combo.count() == 0:
        combo.addItem(CARREGANDO, None)


def encher_combo(combo, pares, *, primeiro: tuple | None = None) -> None:
    """Troca os itens por (valor, rótulo) sem mexer no foco; mantém a escolha se o valor continua na lista."""
    atual = combo.currentData()
    combo.clear()
    if primeiro is not None:
        combo.addItem(primeiro[1], primeiro[0])
    for valor, rotulo in pares:
        combo.addItem(rotulo, valor)
    i = combo.findData(atual) if atual is not None else -1
    combo.setCurrentIndex(i if i >= 0 else 0)


class ListasLidas:
    """Mistura para os ``DialogoFormulario`` com listas (cursos, PPCPs, trabalhadores, ofertas, unidades): as
    listas chegam por ``ler`` e, até lá, mostram "Carregando…" e o botão de confirmar fica desligado. Os
    campos não são desligados (o foco do teclado fica onde está) e o diálogo não muda de tamanho."""

    lendo = False

    def ler_listas(self, funcao, ao_concluir, *, titulo_erro: str) -> None:
        def _on_lido(lido) -> None:
            ao_concluir(lido)
            self.atualizar_botao()

        def _on_falhou(erro: BaseException) -> None:
            self.mostrar_erro(f"As listas não foram lidas ({erro}). Feche e abra de novo.")

        ler(self, funcao, _on_lido, titulo_erro=titulo_erro, ao_falhar=_on_falhou)
        self.atualizar_botao()

    def atualizar_botao(self) -> None:
        self.botao_ok.setEnabled(not self.lendo and self.campos_validos())

    def _on_confirmar(self) -> None:
        if not self.lendo:  # Enter antes de as listas chegarem não grava nada
            super()._on_confirmar()
