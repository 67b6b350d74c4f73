"""Chaves da sessão: abrir a base com as chaves da fechadura, conferir quem entra, assinar
usuários, girar chaves (revogação) e liberar o sigilo a quem aguarda.

Desenho e modelo de ameaças: docs/seguranca.md, "Chaves e domínios".
"""
from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Callable

from desktop.rules.papeis import DOMINIOS, Dominio, Papel, Permissao
from desktop.store import escritorio as armazem_escritorio
from desktop.store import selagem
from desktop.store import usuarios as armazem_usuarios
from desktop.store.base import Base
from desktop.store.chaves import ArquivoChaves, ErroChaves, Fechadura, FechaduraAlterada, SenhaIncorreta
from desktop.store.erros import BaseCorrompida
from desktop.store.ids import agora

from .sessao import ErroNegocio, SemPermissao, Sessao, Usuario

GERAL, SIGILO, ADMIN = Dominio.GERAL.value, Dominio.SIGILO.value, Dominio.ADMIN.value


def base_tem_sigilo() -> bool:
    """Se ``Base.abrir`` já anexa o arquivo do sigilo (parte do helper "sigilo")."""
    return "chave_sigilo" in inspect.signature(Base.abrir).parameters


def _kw_sigilo(chaves: dict) -> dict:
    return {"chave_sigilo": chaves[SIGILO]} if base_tem_sigilo() and SIGILO in chaves else {}


def abrir_base(caminho: Path, fech: Fechadura) -> Base:
    """Abre a base com as chaves da fechadura. Se uma troca de chave foi interrompida (queda entre
    gravar o arquivo de chaves e terminar o rekey), a base ainda está na chave anterior: abre com
    ela e termina a troca (recifra para a nova), como se a queda não tivesse acontecido."""
    if GERAL not in fech.chaves:
        raise FechaduraAlterada(f"A fechadura de {fech.login} não traz a chave da base.")
    tentativas = [{}]
    for combinacao in ({GERAL}, {SIGILO}, {GERAL, SIGILO}):
        if combinacao <= set(fech.anteriores):
            tentativas.append({d: fech.anteriores[d] for d in combinacao})
    erro = None
    for anteriores in tentativas:
        chaves = fech.chaves | anteriores
        try:
            base = Base.abrir(caminho, chaves[GERAL], **_kw_sigilo(chaves))
        except BaseCorrompida as e:
            erro = erro or e
            continue
        if anteriores:
            try:
                base.recifrar(fech.chaves[GERAL] if GERAL in anteriores else None,
                              fech.chaves[SIGILO] if SIGILO in anteriores and getattr(base, "tem_sigilo", False) else None)
            except BaseException:
                base.fechar()
                raise
        return base
    raise erro


def criar_base(caminho: Path, chaves: dict) -> Base:
    """Cria a base e o arquivo do sigilo (vazio); a conexão devolvida não o tem anexado."""
    base = Base.criar(caminho, chaves[GERAL])
    if base_tem_sigilo() and SIGILO in chaves and "sigilo_arquivo" in base.db.table_names():
        try:
            base.paralela(chave_sigilo=chaves[SIGILO]).fechar()
        except BaseException:
            base.fechar()
            raise
    return base


# -- assinatura dos usuários -------------------------------------------------------------------
def _partes(arquivo: ArquivoChaves, linha: dict) -> tuple:
    impressao = arquivo.impressao(linha["login"]) if arquivo.usuario(linha["login"]) else ""
    return ("paco-usuario/2", arquivo.base_id, linha["id"], linha["login"], linha["papel"],
            int(linha["ativo"]), impressao)


def assinar_linha(arquivo: ArquivoChaves, chave_admin: bytes, linha: dict) -> None:
    """Assina (chave de administração) os campos de segurança do usuário — id, login, papel,
    ativo — e a impressão da pública da fechadura dele; a assinatura fica no arquivo de chaves."""
    arquivo.dados.setdefault("assinaturas", {})[linha["login"]] = selagem.assinar(chave_admin, *_partes(arquivo, linha))


def linha_confere(arquivo: ArquivoChaves, publica_admin: bytes, linha: dict) -> bool:
    u = arquivo.usuario(linha["login"])
    if u is not None and u.get("papel") != linha["papel"]:
        return False
    return selagem.confere_assinatura(publica_admin, arquivo.dados.get("assinaturas", {}).get(linha["login"]),
                                      *_partes(arquivo, linha))


def alterados(db, arquivo: ArquivoChaves, publica_admin: bytes) -> list[str]:
    """Logins cujo registro (login, papel, ativo) ou fechadura não confere com a assinatura da
    administração: foram alterados fora do Paço."""
    return [linha["login"] for linha in armazem_usuarios.todos(db)
            if not linha_confere(arquivo, publica_admin, linha)]


# -- entrada -----------------------------------------------------------------------------------
def conferir_entrada(base: Base, arquivo: ArquivoChaves, fech: Fechadura) -> tuple[Usuario, list[str]]:
    """O usuário da base que a fechadura pode ser, e os alertas; recusa personificação."""
    if armazem_escritorio.base_id(base.db) != arquivo.base_id:
        raise ErroChaves("O arquivo de chaves é de outra base. Restaure o arquivo certo ou use a "
                         "chave de recuperação.")
    u = armazem_usuarios.por_login(base.db, fech.login)
    if not u or not u["ativo"]:
        raise SenhaIncorreta("Usuário desativado ou inexistente nesta base.")
    login = u["login"]
    recusa = (f"A fechadura de {login} foi alterada fora do Paço (usuário alterado fora do Paço). "
              f"Entrada recusada; nada foi registrado em nome de {login}. Um administrador deve "
              "redefinir a senha deste usuário.")
    if fech.papel != u["papel"]:
        raise FechaduraAlterada(recusa)
    # A pública de assinatura do arquivo não é confiável para quem não tem a chave de
    # administração (quem forja pode trocá-la também), mas pega a forja simples: a fechadura
    # trocada sem refazer todas as assinaturas. A forja completa o administrador vê ao entrar.
    publica_arquivo = arquivo.dados.get("admin_publica")
    if publica_arquivo and not linha_confere(arquivo, selagem.unb64(publica_arquivo), u):
        raise FechaduraAlterada(recusa)
    faltam = DOMINIOS[Papel(u["papel"])] - set(fech.chaves)
    if faltam == {Dominio.SIGILO}:
        raise ErroChaves(
            f"O acesso de {login} ao sigilo do Conselho Tutelar ainda não foi liberado. Ele é "
            "liberado automaticamente quando um conselheiro tutelar ou a consulta (Ministério "
            "Público/juízo) entrar no Paço nesta base; sem nenhum, o administrador o libera com "
            "a chave de recuperação (Administração → Usuários).")
    if faltam:
        raise FechaduraAlterada(recusa)
    alertas = []
    if ADMIN in fech.chaves:
        publica = selagem.publica_de_assinatura(fech.chaves[ADMIN])
        if not linha_confere(arquivo, publica, u):
            raise FechaduraAlterada(recusa)
        ruins = alterados(base.db, arquivo, publica)
        alertas += [f"Usuário alterado fora do Paço: {r}. Confira-o e redefina a senha." for r in ruins]
        if arquivo.dados.get("admin_publica") != selagem.b64(publica):
            alertas.append("A chave de administração no arquivo de chaves foi alterada fora do Paço.")
    return Usuario(u["id"], login, u["nome"], Papel(u["papel"]), bool(u["trocar_senha"])), alertas


# -- giro de chaves (revogação) ----------------------------------------------------------------
def trocar_chaves(sessao: Sessao, motivo: str, *, dominios: set[str] | None = None, trocar_admin: bool = False,
                  confiar_recuperacao: bool = False, progresso: Callable[[int, int], None] | None = None) -> dict:
    """A troca de chaves pedida por um serviço: quem gerencia usuários troca as que tem; os demais,
    só a do sigilo (a troca pendente, ao entrar). Ver ``_trocar``."""
    alvo = set(sessao.chaves) & (dominios or {GERAL, SIGILO, ADMIN})
    if not sessao.pode(Permissao.USUARIOS_GERENCIAR) and not alvo <= {SIGILO}:
        raise SemPermissao(f"O papel {sessao.usuario.rotulo_papel} não permite trocar as chaves da base.")
    return _trocar(sessao, motivo, dominios=dominios, trocar_admin=trocar_admin,
                   confiar_recuperacao=confiar_recuperacao, progresso=progresso)


def _trocar(sessao: Sessao, motivo: str, *, dominios: set[str] | None = None, trocar_admin: bool = False,
          confiar_recuperacao: bool = False, progresso: Callable[[int, int], None] | None = None) -> dict:
    """Troca as chaves dos domínios que a sessão tem (ou os ``dominios`` dados, dentre eles):
    nova chave aleatória, selada para cada fechadura que confere e para a recuperação, e a base
    recifrada. Roda na conexão principal (a tela espera com o diálogo de progresso)."""
    alvo = set(sessao.chaves) & (dominios or {GERAL, SIGILO, ADMIN})
    base = sessao.base_principal
    arquivo = ArquivoChaves.ler(base.caminho)
    if not trocar_admin:
        alvo.discard(ADMIN)
    if SIGILO in alvo and not getattr(base, "tem_sigilo", False) and base_tem_sigilo():
        alvo.discard(SIGILO)
    novas = {d: selagem.nova_chave() for d in alvo}
    if not novas:
        return {}
    recusados = []
    for d in sorted(alvo):
        recusados += arquivo.girar(d, sessao.chaves[d], novas[d],
                                   confiar_recuperacao=confiar_recuperacao)
    depois = sessao.chaves | novas
    if ADMIN in novas:
        arquivo.suceder_admin(sessao.chaves[ADMIN], novas[ADMIN], {k: v for k, v in depois.items() if k != ADMIN})
        for linha in armazem_usuarios.todos(base.db):
            if linha_confere(arquivo, selagem.publica_de_assinatura(sessao.chaves[ADMIN]), linha):
                assinar_linha(arquivo, novas[ADMIN], linha)
    elif GERAL in novas and ADMIN in sessao.chaves:
        arquivo.fixar_admin(selagem.publica_de_assinatura(sessao.chaves[ADMIN]), {GERAL: novas[GERAL]})
    if SIGILO in novas:
        arquivo.pendencias.pop("rotacao_sigilo", None)
    from .conselho import rascunhos  # os rascunhos do plantão têm cifra derivada de uma chave

    if rascunhos.DOMINIO_DA_CHAVE in novas and (rascunhos.DOMINIO_DA_CHAVE != SIGILO or getattr(base, "tem_sigilo", False)):
        d = rascunhos.DOMINIO_DA_CHAVE
        with base.transacao():
            rascunhos.recifrar(base.db, sessao.chaves[d], novas[d])
    arquivo.gravar()  # com os envelopes anteriores: uma queda aqui não tranca ninguém fora
    base.recifrar(novas.get(GERAL), novas.get(SIGILO) if getattr(base, "tem_sigilo", False) else None,
                  progresso)
    sessao.chaves.update(novas)
    sessao.renovar_paralelas()
    for d in novas:
        arquivo.concluir_giro(d)
    arquivo.gravar()
    resumo = {"evento": "chaves trocadas", "motivo": motivo, "dominios": sorted(novas),
              "versoes": {d: arquivo.versao(d) for d in sorted(novas)}, "recusados": recusados}
    with sessao.mudanca(None) as m:
        m.registrar("chaves", arquivo.base_id, "evento", depois=resumo)
    return resumo


def marcar_rotacao_sigilo(arquivo: ArquivoChaves, motivo: str) -> None:
    arquivo.pendencias["rotacao_sigilo"] = {"motivo": motivo, "desde": agora()}


def rotacao_pendente(caminho: Path) -> str | None:
    try:
        p = ArquivoChaves.ler(caminho).pendencias.get("rotacao_sigilo")
    except ErroChaves:
        return None
    return p["motivo"] if p else None


# -- liberar o sigilo --------------------------------------------------------------------------
def aguardando_sigilo(arquivo: ArquivoChaves, db) -> list[str]:
    """Usuários ativos cujo papel tem o sigilo mas cuja fechadura ainda não o recebeu."""
    saida = []
    for linha in armazem_usuarios.ativos(db):
        if Dominio.SIGILO in DOMINIOS[Papel(linha["papel"])] and arquivo.usuario(linha["login"]) \
                and SIGILO not in arquivo.dominios_de(linha["login"]):
            saida.append(linha["login"])
    return saida


def liberar_sigilo(sessao: Sessao, arquivo: ArquivoChaves, chaves: dict | None = None) -> tuple[list[str], list[str]]:
    """Sela o sigilo para quem aguarda, se o registro dele foi assinado pela administração (cuja
    pública se confere pelo selo do sigilo). Devolve (liberados, recusados)."""
    chaves = chaves or sessao.chaves
    if SIGILO not in chaves:
        raise SemPermissao("Só quem tem a chave do sigilo (conselheiro tutelar ou consulta) o libera.")
    publica = arquivo.admin_publica(SIGILO, chaves[SIGILO])
    liberados, recusados = [], []
    for login in aguardando_sigilo(arquivo, sessao.db):
        linha = armazem_usuarios.por_login(sessao.db, login)
        if publica is not None and linha_confere(arquivo, publica, linha):
            arquivo.selar_para(login, SIGILO, chaves[SIGILO])
            liberados.append(login)
        else:
            recusados.append(login)
    if publica is not None:
        arquivo.fixar_admin(publica, {SIGILO: chaves[SIGILO]})  # segue a cadeia: prende a atual
    return liberados, recusados


def ao_entrar(sessao: Sessao) -> None:
    """Tarefas de quem tem o sigilo ao entrar: liberar o sigilo a quem aguarda e fazer a troca
    da chave do sigilo que ficou pendente (o administrador revogou alguém e não tem o sigilo)."""
    if SIGILO not in sessao.chaves:
        return
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    confiavel = arquivo.admin_publica(SIGILO, sessao.chaves[SIGILO])
    if confiavel is None or selagem.b64(confiavel) != arquivo.dados.get("admin_publica"):
        sessao.alertas.append(
            "A chave de administração no arquivo de chaves foi trocada fora do Paço (não é a que o "
            "sigilo conhece). Avise o administrador: alguém pode estar se passando por ele.")
    antes = json.dumps(arquivo.dados, sort_keys=True)
    liberados, recusados = liberar_sigilo(sessao, arquivo)
    if json.dumps(arquivo.dados, sort_keys=True) != antes:  # só regrava se algo mudou
        arquivo.gravar()
    for login in liberados:
        with sessao.mudanca(None) as m:
            m.registrar("chaves", login, "evento", depois={"evento": "sigilo liberado", "usuario": login})
    sessao.alertas += [f"A fechadura de {r} não foi feita por um administrador (alterada fora do Paço): "
                       "o sigilo não foi liberado para ela." for r in recusados]
    pendente = arquivo.pendencias.get("rotacao_sigilo")
    if pendente:
        publica = arquivo.admin_publica(SIGILO, sessao.chaves[SIGILO])
        confiar = publica is not None and arquivo.recuperacao_assinada(publica)
        trocar_chaves(sessao, f"troca pendente: {pendente['motivo']}", dominios={SIGILO}, confiar_recuperacao=confiar)


def exigir_admin(sessao: Sessao) -> bytes:
    """A chave de administração da sessão; SemPermissao se a fechadura não a trouxe."""
    if ADMIN not in sessao.chaves:
        raise SemPermissao("Esta sessão não tem a chave de administração: entre como administrador.")
    return sessao.chaves[ADMIN]


def usar_recuperacao(sessao: Sessao, recuperacao: str) -> list[str]:
    """O administrador digita a chave de recuperação para liberar o sigilo a quem aguarda (p.ex.
    os primeiros conselheiros, quando ainda não há quem tenha o sigilo) e fazer a troca pendente
    da chave do sigilo. A sessão passa a ter todas as chaves até fechar; fica no diário.
    Devolve os logins liberados."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    exigir_admin(sessao)
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    fech = arquivo.abrir_recuperacao(recuperacao)
    if fech.chaves.get(GERAL) != sessao.chaves.get(GERAL):
        raise ErroNegocio("A chave de recuperação não abre a base atual (o arquivo de chaves foi "
                          "alterado fora do Paço?). Nada foi feito.")
    antes = set(aguardando_sigilo(arquivo, sessao.db))
    sessao.chaves.update(fech.chaves)
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        m.registrar("chaves", arquivo.base_id, "evento", depois={"evento": "chave de recuperação usada"})
    ao_entrar(sessao)
    return sorted(antes - set(aguardando_sigilo(ArquivoChaves.ler(sessao.base.caminho), sessao.db)))


def trocar_chave_recuperacao(sessao: Sessao, progresso: Callable[[int, int], None] | None = None) -> str:
    """Gera uma chave de recuperação nova (mostrada uma vez, para imprimir) e troca as chaves: a
    antiga não abre mais a base atual nem as cópias feitas depois. A pública nova vai assinada
    pela administração; o sigilo (que o administrador não tem) é selado para ela na troca pendente
    feita na próxima entrada de quem tem o sigilo."""
    from desktop.store.chaves import nova_chave_recuperacao, par_da_recuperacao

    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    chave_admin = exigir_admin(sessao)
    nova = nova_chave_recuperacao()
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    arquivo.trocar_recuperacao(par_da_recuperacao(nova)[1], chave_admin)
    if SIGILO not in sessao.chaves:
        marcar_rotacao_sigilo(arquivo, "troca da chave de recuperação")
    arquivo.gravar()
    trocar_chaves(sessao, "troca da chave de recuperação", trocar_admin=True, confiar_recuperacao=True,
          progresso=progresso)
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    arquivo.assinar_recuperacao(sessao.chaves[ADMIN])  # a chave de administração nova
    arquivo.gravar()
    return nova


def situacao(sessao: Sessao) -> str:
    """Para a tela de usuários: troca do sigilo pendente e quem aguarda a liberação do sigilo."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    try:
        arquivo = ArquivoChaves.ler(sessao.base.caminho)
    except ErroChaves as e:
        return str(e)
    linhas = []
    pendente = arquivo.pendencias.get("rotacao_sigilo")
    if pendente:
        linhas.append(f"Rotação pendente da chave do sigilo ({pendente['motivo']}): será feita na "
                      "próxima entrada de um conselheiro tutelar ou da consulta.")
    aguardam = aguardando_sigilo(arquivo, sessao.db)
    if aguardam:
        linhas.append("Aguardando a liberação do sigilo: " + ", ".join(aguardam) + ".")
    return " ".join(linhas)
