"""Configuração do magistério no órgão: ler e salvar ``ConfiguracaoMagisterio``, com diário.

As escolhas que a Lei 1.613/2004 deixa à comissão paritária ou deixa ambíguas (ver
docs/interpretacoes.md) ficam em ``configuracoes`` sob a chave ``magisterio.configuracao``.
Sem nada salvo, valem os padrões da classe.
"""
from __future__ import annotations

from datetime import date
from decimal import InvalidOperation

from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha_gratificacoes import GratificacoesMagisterio
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import tabelas

from ..parametros import vigente
from ..sessao import ErroNegocio, Sessao


def ler(sessao: Sessao) -> ConfiguracaoMagisterio:
    """A configuração em uso (os padrões, se o órgão nunca salvou uma)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dados = tabelas.ler_configuracao(sessao.db)
    if dados is None:
        return ConfiguracaoMagisterio()
    try:
        return ConfiguracaoMagisterio.de_dict(dados)
    except (EntradaInvalida, TypeError, ValueError, InvalidOperation) as e:
        raise ErroNegocio(f"A configuração do magistério gravada na base é inválida ({e}). "
                          "Abra a configuração, corrija e salve de novo.") from None


def salvar(sessao: Sessao, configuracao: ConfiguracaoMagisterio) -> ConfiguracaoMagisterio:
    """Valida e grava a configuração; o diário guarda a anterior e a nova."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    faixa: GratificacoesMagisterio = vigente(sessao, "magisterio_gratificacoes", date.today())
    configuracao = configuracao.validada((faixa.art41_minimo, faixa.art41_maximo))
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        antes = tabelas.ler_configuracao(m.db)
        depois = configuracao.como_dict()
        if antes == depois:
            return configuracao
        m.gravar("configuracoes", tabelas.linha_configuracao(depois), chave="chave", no_diario=(antes, depois))
    return configuracao
