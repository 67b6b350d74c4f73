"""Como as telas chamam os serviços: ``consulta`` (ler) e ``operacao`` (gravar), ambas fora da thread da interface.

No espírito do QueryOp/CollectionOp do Anki: o serviço roda noutra thread e o resultado volta à interface
num callback; uma recusa prevista do Paço (regra, permissão, entrada, base, arquivo) vira aviso em
português; um defeito sobe para o tratamento geral da aplicação.

- ``consulta(dono, funcao, ao_concluir, titulo_erro=..., chave=...)``: leitura sem diálogo
  (``widgets.leitura``); o callback só roda se o ``dono`` ainda existir; com ``chave``, só a resposta do
  pedido mais novo (``dono.carregando`` até ela chegar).
- ``operacao(aba, titulo, funcao, ao_concluir, titulo_erro=...)``: escrita ou trabalho demorado, com
  diálogo de progresso e Cancelar (``widgets.tarefa``); ``funcao(progresso)`` informa o andamento com
  ``progresso.informar(feito, total, texto)``. Enquanto roda, os campos e botões da aba ficam travados:
  nenhum outro clique usa a base ao mesmo tempo.
- ``gravar(aba, titulo, funcao, ao_gravar, titulo_erro=...)``: a ``operacao`` de todo botão que grava —
  uma por vez, com ``aba.tarefa`` enquanto grava (os testes esperam ``aba.tarefa is None``).
- ``gravar_sozinho(dono, funcao, ao_gravar, ao_falhar=...)``: a gravação que ninguém espera (o rascunho
  do plantão salvo enquanto se digita): sem diálogo nem campos travados; a falha vai à tela, que a diz
  onde couber.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from . import avisos
from .leitura import ler
from .tarefa import Tarefa, executar


def consulta(dono: QWidget, funcao: Callable[[], Any], ao_concluir: Callable[[Any], None], *,
             titulo_erro: str, ao_falhar: Callable[[BaseException], None] | None = None,
             chave: str | None = None) -> QObject:
    """Lê fora da thread da interface: ``funcao()`` noutra thread, ``ao_concluir(resultado)`` na interface.

    Recusa prevista: aviso com ``titulo_erro`` (e depois ``ao_falhar(erro)``, se dado).
    Com ``chave`` (releituras da mesma lista, busca enquanto se digita): só a resposta do pedido mais novo
    com essa chave chega ao callback — uma que volta depois de pedida outra é descartada — e
    ``dono.carregando`` fica True enquanto houver pedido com chave sem resposta."""
    if chave is not None:
        pendentes = dono.__dict__.setdefault("_consultas_pendentes", {})
        numero = pendentes[chave] = dono.__dict__.get("_consultas_feitas", 0) + 1
        dono._consultas_feitas = numero
        dono.carregando = True
        ao_concluir, ao_falhar = _so_a_mais_nova(dono, chave, numero, ao_concluir, ao_falhar)

    def _on_falhou(erro: BaseException) -> None:
        if not avisos.previsto(erro):
            raise erro
        avisos.erro(dono, titulo_erro, erro)
        if ao_falhar is not None:
            ao_falhar(erro)

    return ler(dono, funcao, ao_concluir, _on_falhou)


def _so_a_mais_nova(dono: QWidget, chave: str, numero: int, ao_concluir: Callable[[Any], None],
                    ao_falhar: Callable[[BaseException], None] | None):
    pendentes = dono._consultas_pendentes

    def _atual() -> bool:
        if pendentes.get(chave) != numero:
            return False  # pedida outra depois desta: a resposta ficou velha
        del pendentes[chave]
        dono.carregando = bool(pendentes)
        return True

    def _on_concluida(resultado: Any) -> None:
        if _atual():
            ao_concluir(resultado)

    def _on_falhou(erro: BaseException) -> None:
        if _atual() and ao_falhar is not None:
            ao_falhar(erro)
    return _on_concluida, _on_falhou


def operacao(aba: QWidget, titulo: str, funcao: Callable, ao_concluir: Callable[[Any], None],
             *, titulo_erro: str, ao_cancelar: Callable[[], None] | None = None,
             ao_recusar: Callable[[BaseException], None] | None = None) -> Tarefa:
    """Executa ``funcao(progresso)`` em segundo plano com diálogo de progresso e Cancelar; chama
    ``ao_concluir(resultado)`` na interface (``ao_cancelar()`` se o usuário cancelou). Uma recusa
    prevista vira aviso com ``titulo_erro`` — ou vai para ``ao_recusar(erro)``, se dado (o diálogo de
    formulário a mostra dentro dele e continua aberto)."""
    # Trava os widgets da aba, não a aba: o diálogo de progresso (filho dela) tem de continuar
    # habilitado para o botão Cancelar funcionar.
    travados = [w for w in aba.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if not w.isWindow() and w.isEnabled()]
    for w in travados:
        w.setEnabled(False)
    tarefa = executar(aba, titulo, funcao)
    # O diálogo (modal para a janela) aparece já: nada mais na janela usa a base enquanto a
    # tarefa trabalha na outra thread, nem no intervalo antes de ele aparecer.
    tarefa.dialogo.setMinimumDuration(0)

    def _reabilitar() -> None:
        for w in travados:
            w.setEnabled(True)  # a tarefa e o diálogo se descartam sozinhos (widgets.descarte)

    def _on_concluida(resultado: Any) -> None:
        _reabilitar()
        ao_concluir(resultado)

    def _on_falhou(erro: BaseException) -> None:
        _reabilitar()
        if not avisos.previsto(erro):
            raise erro
        if ao_recusar is not None:
            ao_recusar(erro)
        else:
            avisos.erro(aba, titulo_erro, erro)

    def _on_cancelada() -> None:
        _reabilitar()
        if ao_cancelar:
            ao_cancelar()

    tarefa.sig_concluida.connect(_on_concluida)
    tarefa.sig_falhou.connect(_on_falhou)
    tarefa.sig_cancelada.connect(_on_cancelada)
    return tarefa


def gravar_sozinho(dono: QWidget, funcao: Callable[[], Any], ao_gravar: Callable[[Any], None], *,
                   ao_falhar: Callable[[BaseException], None]) -> QObject:
    """Grava sem que ninguém espere: ``funcao()`` noutra thread, sem diálogo e sem travar os campos (quem
    digita segue digitando); ``ao_gravar(resultado)`` na interface, só se o ``dono`` ainda existir.

    Toda falha vai a ``ao_falhar(erro)`` — a tela a diz onde couber: uma caixa de aviso a cada poucos
    segundos atrapalharia quem digita —; um defeito (falha não prevista) ainda sobe depois, para o
    tratamento geral. Cada pedido roda na sua thread: a ordem entre duas gravações é de quem as pede
    (p.ex. a seguinte só sai no callback da anterior)."""

    def _on_falhou(erro: BaseException) -> None:
        ao_falhar(erro)
        if not avisos.previsto(erro):
            raise erro

    return ler(dono, funcao, ao_gravar, _on_falhou)


def gravar(aba: QWidget, titulo: str, funcao: Callable[[], Any], ao_gravar: Callable[[Any], None], *,
           titulo_erro: str, ao_recusar: Callable[[BaseException], None] | None = None) -> Tarefa | None:
    """Uma ``operacao`` por vez na aba: ``funcao()`` (os valores da tela já lidos, sem argumentos) fora da
    thread da interface, ``ao_gravar(resultado)`` depois. Enquanto grava, ``aba.tarefa`` guarda a tarefa
    (volta a None ao terminar: gravada, recusada ou cancelada) e um novo pedido é ignorado (None)."""
    if getattr(aba, "tarefa", None) is not None:
        return None

    def _on_fim(*_args) -> None:
        aba.tarefa = None

    def _on_gravado(resultado: Any) -> None:
        aba.tarefa = None
        ao_gravar(resultado)

    def _on_recusado(erro: BaseException) -> None:
        aba.tarefa = None
        ao_recusar(erro)

    aba.tarefa = operacao(aba, titulo, lambda _progresso: funcao(), _on_gravado, titulo_erro=titulo_erro,
                          ao_cancelar=_on_fim, ao_recusar=_on_recusado if ao_recusar is not None else None)
    aba.tarefa.sig_falhou.connect(_on_fim)
    return aba.tarefa
