"""Pacote direto pela rede local (issue 15, item 2): sem pen drive, entre duas máquinas do órgão na mesma rede.

Na máquina que recebe, ``abrir_recepcao`` abre a porta e gera o código de uso único (mostrados na tela com os
endereços desta máquina); ``receber`` espera — fora da thread da interface — e aplica o pacote como
``sincronizacao.importar`` (tudo ou nada). Na que envia, ``enviar`` monta o mesmo pacote do pen drive para a
réplica escolhida e o manda ao endereço e porta com o código; a resposta é o resumo da importação lá (ou a
recusa, com a mensagem). O canal e o código: ``desktop.store.sync_rede``. Ver docs/sincronizacao.md.
"""
from __future__ import annotations

from desktop.rules.papeis import Permissao
from desktop.store import sync_rede
from desktop.store.sync_rede import PORTA_PADRAO, Recepcao

from . import sincronizacao
from .replicas import _eu
from .sessao import ErroNegocio, Sessao

__all__ = ["PORTA_PADRAO", "Recepcao", "abrir_recepcao", "receber", "enviar", "enderecos"]


def enderecos() -> list[str]:
    """Os endereços IPv4 desta máquina na rede local (para a tela da recepção)."""
    return sync_rede.enderecos_locais()


def abrir_recepcao(sessao: Sessao, porta: int = PORTA_PADRAO, *, endereco: str = "0.0.0.0") -> Recepcao:
    """Abre a porta desta réplica para receber um pacote, com um código de uso único (``.codigo``, ``.porta``)."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    _eu(sessao)
    try:
        return Recepcao(porta, endereco=endereco)
    except sync_rede.FalhaNaRede as e:
        raise ErroNegocio(str(e)) from None


def receber(sessao: Sessao, recepcao: Recepcao, tempo: float = 600.0, cancelado=None) -> dict:
    """Espera um pacote na ``recepcao`` e o aplica (tudo ou nada). Devolve o resumo de ``importar``.
    ``cancelado()`` (opcional, p.ex. o Cancelar do diálogo de progresso) encerra a espera; fechar a sessão
    (sair, trocar de usuário) também."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    try:
        return recepcao.esperar(lambda bruto: sincronizacao.importar_dados(sessao, bruto), tempo,
                                lambda: sessao.encerrada or (cancelado is not None and cancelado()))
    except sync_rede.FalhaNaRede as e:
        raise ErroNegocio(str(e)) from None


def enviar(sessao: Sessao, replica: str, endereco: str, porta: int, codigo: str) -> dict:
    """Monta o pacote para ``replica`` e o envia à recepção aberta nela (``endereco``, ``porta``, ``codigo``).
    Devolve o resumo da importação na outra máquina; a recusa de lá chega como ErroNegocio com a mensagem."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    if not (endereco or "").strip() or len(sync_rede.normalizar(codigo)) != 8:
        raise ErroNegocio("Digite o endereço da outra máquina e o código de 8 caracteres que ela mostra.")
    _eu_, destino, cab, dados, conteudo = sincronizacao.montar(sessao, replica)
    try:
        resumo = sync_rede.enviar(endereco.strip(), porta, codigo, dados)
    except sync_rede.FalhaNaRede as e:
        raise ErroNegocio(str(e)) from None
    sincronizacao.registrar_envio(sessao, destino["id"], cab["id"], conteudo, len(dados), via="rede local")
    return resumo
