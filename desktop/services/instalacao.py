"""Instalação e abertura da base: onde ela pode ficar, dados do órgão para a janela, erros para a tela.

As telas não importam desktop.store; o que precisam saber do armazenamento passa por aqui.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from desktop.rules.validacao import EntradaInvalida
from desktop.store import emissores as armazem_emissores
from desktop.store import escritorio as armazem_escritorio
from desktop.store.chaves import ErroChaves, SenhaIncorreta, normalizar_recuperacao
from desktop.store.erros import ErroBase
from desktop.store.local import recusar_rede

from . import local
from .sessao import ErroNegocio, SemPermissao, Sessao

ERROS_PREVISTOS = (ErroBase, ErroChaves, ErroNegocio, EntradaInvalida, SemPermissao)
"""Erros cuja mensagem já é para o usuário (em português, dizendo o que fazer)."""


_MOTIVOS = {
    errno.EACCES: "sem permissão de escrita",
    errno.EPERM: "sem permissão de escrita",
    errno.EROFS: "o disco é somente leitura",
    errno.ENOSPC: "o disco está cheio",
    errno.ENOENT: "o caminho não existe e não pôde ser criado",
    errno.ENOTDIR: "uma parte do caminho não é uma pasta",
    errno.EEXIST: "já existe um arquivo com esse nome",
}


def motivo(erro: OSError) -> str:
    """O motivo de uma falha do sistema operacional, em português."""
    return _MOTIVOS.get(erro.errno, f"erro {erro.errno} do sistema" if erro.errno else "erro do sistema")


def verificar_pasta_dados(pasta: Path | str) -> Path:
    """Confere a pasta escolhida para a base e devolve o caminho do arquivo da base nela.

    Recusa compartilhamento de rede (BaseEmRede), pasta sem permissão de escrita e pasta que já
    contém uma base do Paço (ErroNegocio). Cria a pasta se ela ainda não existir.
    """
    texto = str(pasta or "").strip()
    if not texto:
        raise ErroNegocio("Escolha a pasta onde a base do Paço vai ficar.")
    pasta = Path(texto).expanduser()
    if not pasta.is_absolute():
        raise ErroNegocio(f"Informe o caminho completo da pasta (por exemplo {local.pasta_dados_padrao()}).")
    caminho = pasta / local.NOME_BASE
    recusar_rede(caminho)
    if pasta.exists() and not pasta.is_dir():
        raise ErroNegocio(f"{pasta} é um arquivo, não uma pasta. Escolha uma pasta.")
    try:
        pasta.mkdir(parents=True, exist_ok=True)
        fd, teste = tempfile.mkstemp(prefix=".paco-teste-", dir=pasta)
        os.close(fd)
        os.unlink(teste)
    except OSError as e:
        raise ErroNegocio(
            f"Não é possível gravar na pasta {pasta} ({motivo(e)}). Escolha uma pasta em "
            "que o seu usuário do computador possa gravar, por exemplo a pasta sugerida."
        ) from None
    if caminho.exists() or Path(str(caminho) + ".chaves").exists():
        raise ErroNegocio(
            f"Já existe uma base do Paço nesta pasta ({caminho}). Escolha outra pasta; para usar "
            "a base existente, feche o assistente e abra o Paço com ela."
        )
    return caminho


def validar_chave_recuperacao(texto: str) -> str:
    """Chave de recuperação normalizada (8 grupos de 4); EntradaInvalida se o formato não confere."""
    try:
        return normalizar_recuperacao(texto)
    except ErroChaves as e:
        raise EntradaInvalida(str(e)) from None


def resumo_orgao(sessao: Sessao) -> dict:
    """Nome, município e UF do órgão dono da base, para o título da janela; em ``modulos``, os dos módulos que
    emitem como outro órgão (Administração › Emissores: o Conselho Tutelar de outra cidade, por exemplo), para o
    rótulo ao lado dos módulos dizer de quem é o módulo aberto."""
    orgao = armazem_escritorio.resumo(sessao.db) or {"nome": "", "municipio": "", "uf": ""}
    return orgao | {"modulos": armazem_emissores.resumo_dos_modulos(sessao.db)}


def senha_incorreta(erro: BaseException) -> bool:
    return isinstance(erro, SenhaIncorreta)


def problema_nas_chaves(erro: BaseException) -> bool:
    """Arquivo de chaves ausente ou danificado (a chave de recuperação ou uma cópia resolvem)."""
    return isinstance(erro, ErroChaves) and not isinstance(erro, SenhaIncorreta)


def oferece_restauracao(erro: BaseException) -> bool:
    """Se o erro pede que a tela ofereça restaurar uma cópia de segurança."""
    return problema_nas_chaves(erro) or bool(isinstance(erro, ErroBase) and erro.oferecer_restauracao)


def mensagem(erro: BaseException) -> str:
    """O texto para o usuário: a mensagem do erro previsto, ou uma explicação genérica."""
    if isinstance(erro, ERROS_PREVISTOS):
        return str(erro)
    if isinstance(erro, OSError):
        return (f"O sistema operacional recusou a operação ({motivo(erro)}). Verifique se "
                "o disco está conectado e com espaço livre e tente de novo.")
    return (f"Ocorreu um erro inesperado ({type(erro).__name__}: {erro}). Se o problema "
            "continuar, anote esta mensagem e procure quem dá suporte ao Paço no órgão.")
