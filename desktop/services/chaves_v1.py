"""Atualização das chaves de uma base ``paco-chaves/1`` (uma chave só, aberta por todas as senhas)
para ``paco-chaves/2`` (domínios, fechaduras por papel). Ver docs/seguranca.md.

Um administrador entra uma vez com a senha e a chave de recuperação: chaves novas são geradas, a
base é recifrada e o arquivo de chaves refeito só com a fechadura dele. Os demais usuários recebem
senhas provisórias pelo fluxo de redefinir senha.
"""
from __future__ import annotations

from pathlib import Path

from desktop.rules.papeis import DOMINIOS, Papel, Permissao
from desktop.store import escritorio as armazem_escritorio
from desktop.store import selagem
from desktop.store import usuarios as armazem_usuarios
from desktop.store.base import Base
from desktop.store.chaves import (FORMATO, ArquivoChaves, ErroChaves, SenhaIncorreta, chave_da_base_v1,
                                  par_da_recuperacao)

from . import chaveiro
from .chaveiro import ADMIN, GERAL, SIGILO
from .sessao import ErroNegocio, Sessao, Usuario


def precisa_atualizar(caminho: Path) -> bool:
    try:
        return ArquivoChaves.ler(Path(caminho), aceitar_v1=True).formato != FORMATO
    except ErroChaves:
        return False


def atualizar_chaves(caminho: Path, login: str, senha: str | None, recuperacao: str, *,
                     nova_senha: str | None = None) -> Sessao:
    """Converte o arquivo de chaves e recifra a base; devolve a sessão do administrador.

    Com ``senha``, ela é conferida na fechadura antiga e continua valendo; sem ela (o fluxo
    "Esqueci a senha" da tela de entrada), basta a chave de recuperação e vale ``nova_senha``."""
    caminho = Path(caminho)
    login = (login or "").strip().lower()
    antigo = ArquivoChaves.ler(caminho, aceitar_v1=True)
    if antigo.formato == FORMATO:
        raise ErroNegocio("As chaves desta base já estão no formato novo.")
    chave_antiga = chave_da_base_v1(recuperacao)
    if senha is not None and antigo.abrir_v1(login, senha) != chave_antiga:  # SenhaIncorreta
        raise SenhaIncorreta("Esta chave de recuperação não é a desta base.")
    senha = senha if senha is not None else nova_senha
    base = Base.abrir(caminho, chave_antiga)
    sessao = None
    try:
        u = armazem_usuarios.por_login(base.db, login)
        if not u or not u["ativo"] or u["papel"] != Papel.ADMINISTRADOR:
            raise ErroNegocio("Só um administrador ativo atualiza as chaves da base.")
        base_id = armazem_escritorio.base_id(base.db)
        todas = {d: selagem.nova_chave() for d in (GERAL, SIGILO, ADMIN)}
        if antigo.dados.get("sigilo_recuperacao"):  # o arquivo sigiloso já existe: a chave dele fica
            todas[SIGILO] = _sigilo_do_formato_1(recuperacao, antigo.dados["sigilo_recuperacao"])
        novo = ArquivoChaves.novo(caminho, base_id, par_da_recuperacao(recuperacao)[1])
        for campo, valor in antigo.dados.items():  # campos de topo que não são do formato 1
            if campo not in ("formato", "base_id", "fechaduras"):
                novo.dados.setdefault(campo, valor)
        for d, k in todas.items():
            novo.dados["versoes"][d] = 1
            novo.selar_recuperacao(d, k)
        novo.fixar_admin(selagem.publica_de_assinatura(todas[ADMIN]), todas)
        meus = {d: todas[d] for d in DOMINIOS[Papel.ADMINISTRADOR]}
        novo.definir_usuario(login, u["papel"], senha, meus)
        # A chave antiga fica como "anterior" até o rekey terminar: uma queda no meio não tranca.
        pub = novo.publica(login)
        novo.dados["usuarios"][login]["anteriores"] = {GERAL: selagem.selar(
            pub, chave_antiga, selagem._junta(("paco-envelope/2", base_id, login, u["papel"], GERAL, 0))) | {"versao": 0}}
        for linha in armazem_usuarios.todos(base.db):
            chaveiro.assinar_linha(novo, todas[ADMIN], linha)
        novo.gravar()
        base.recifrar(todas[GERAL])
        novo.concluir_giro(GERAL)
        novo.gravar()
        base.fechar()
        base = chaveiro.abrir_base(caminho, novo.abrir(login, senha))
        sessao = Sessao(base, Usuario(u["id"], login, u["nome"], Papel.ADMINISTRADOR, bool(u["trocar_senha"])))
        sessao.chaves = meus
        outros = armazem_usuarios.logins_ativos(base.db, exceto=login)
        with sessao.mudanca(None) as m:
            m.registrar("chaves", base_id, "evento", depois={
                "evento": "chaves atualizadas para paco-chaves/2", "sem_fechadura": outros})
        return sessao
    except BaseException:
        (sessao or base).fechar()
        raise


def _sigilo_do_formato_1(recuperacao: str, embrulho: dict) -> bytes:
    """A chave do arquivo sigiloso guardada sob a recuperação no formato 1 (regime provisório)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    from desktop.store.chaves import normalizar_recuperacao

    chave = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"paco-sigilo", info=b"embrulho").derive(
        normalizar_recuperacao(recuperacao).encode())
    try:
        return AESGCM(chave).decrypt(selagem.unb64(embrulho["nonce"]), selagem.unb64(embrulho["cifrado"]), b"sigilo")
    except Exception:  # noqa: BLE001
        raise ErroChaves("A chave de recuperação não abre a chave do arquivo sigiloso desta base.") from None


def usuarios_sem_fechadura(sessao: Sessao) -> list[str]:
    """Usuários ativos sem fechadura (depois da atualização): precisam de senha provisória."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    return [login for login in armazem_usuarios.logins_ativos(sessao.db) if arquivo.usuario(login) is None]
