"""Usuários entre réplicas (issue 15): quem é criado, revogado ou troca a senha numa máquina chega às outras.

O registro ``usuarios`` viaja nos pacotes como as outras tabelas; a fechadura viaja em ``sync_fechaduras`` — só
a pública X25519 do usuário e a privada dele cifrada sob a senha (o mesmo embrulho do arquivo de chaves).
Nenhuma chave de domínio viaja: cada máquina tem as suas (trocadas ao juntar) e as sela ela mesma.

* **Revogação** (desativar, redefinir a senha noutra máquina): ao aplicar o pacote, a fechadura local do
  usuário sai do arquivo de chaves e a chave ``geral`` desta máquina é trocada (a base recifrada) — uma cópia
  antiga do arquivo de chaves com a senha dele não abre mais a base. O sigilo é trocado junto se a sessão que
  importa o tem; senão fica pendente (como na revogação local). A de administração, se o revogado era
  administrador, é trocada já (sessão de administrador) ou na próxima entrada de um administrador.
* **Senha trocada pelo próprio usuário** noutra máquina (mesma pública, privada reembrulhada): a nova senha
  passa a valer aqui também, sem revogar nada.
* **Usuário novo** (ou senha redefinida noutra máquina): fica **aguardando o aceite** do administrador desta
  máquina (``recebidos``/``aceitar``). Só ele assina registros de usuário aqui, e a assinatura dele é o que
  libera o sigilo a um conselheiro; assinar automaticamente o que chega num pacote daria a quem tem só a chave
  ``geral`` (e com ela a chave do pacote da réplica) um caminho até o sigilo. Aceito, o usuário recebe as
  chaves do papel que o administrador tem (``geral``, e ``admin`` se for administrador); um conselheiro
  aguarda o sigilo, liberado na próxima entrada de quem o tem, como ao ser criado aqui.

Ver docs/sincronizacao.md e docs/seguranca.md.
"""
from __future__ import annotations

import json

from desktop.rules.papeis import DOMINIOS, Papel, Permissao
from desktop.store import selagem
from desktop.store import usuarios as armazem_usuarios
from desktop.store import sync_registro as reg
from desktop.store.chaves import ArquivoChaves, ErroChaves
from desktop.store.ids import agora

from . import chaveiro, tentativas
from .sessao import ErroNegocio, Sessao

GERAL, SIGILO, ADMIN = chaveiro.GERAL, chaveiro.SIGILO, chaveiro.ADMIN
TABELAS = ("usuarios", "sync_fechaduras")
_PROPRIOS = frozenset({"trocar_senha", "atualizado_em", "privada"})
"""O que o próprio usuário muda no seu registro (trocar a própria senha): o resto é ato do administrador."""


_fechadura = armazem_usuarios.fechadura_viajante


def gravar_fechadura(m, arquivo: ArquivoChaves, registro_id: str, login: str) -> None:
    """Numa réplica, põe em ``sync_fechaduras`` (para viajar) a fechadura de ``login`` como está no arquivo de
    chaves: a pública e a privada embrulhada. Chamada pelos serviços de usuários dentro da transação."""
    if reg.local(m.db) is None:
        return
    u = arquivo.usuario(login)
    if u is None:
        return
    linha = {"id": registro_id, "login": login, "papel": u["papel"], "publica": u["publica"],
             "privada": json.dumps(u["privada"], sort_keys=True), "atualizado_em": agora()}
    antes = _fechadura(m.db, registro_id)
    if antes is None:
        m.inserir("sync_fechaduras", linha)
        return
    mudou = {k: v for k, v in linha.items() if k in antes and antes[k] != v}
    if mudou:
        m.alterar("sync_fechaduras", registro_id, mudou | {"atualizado_em": linha["atualizado_em"]})


def conferir_autor(db, alt: dict) -> None:
    """Na importação (antes de aplicar ``alt``): usuários e fechaduras só mudam por um administrador — ou pelo
    próprio usuário, na troca da própria senha. Senão o pacote inteiro é recusado."""
    if alt["tabela"] not in TABELAS:
        return
    autor = armazem_usuarios.por_login(db, alt.get("usuario") or "")
    if autor and autor["papel"] == Papel.ADMINISTRADOR.value:
        return
    proprio = autor is not None and autor["id"] == alt["registro_id"]
    if proprio and alt["tabela"] == "usuarios" and alt["acao"] == "alterar" and set(alt["valores"]) <= _PROPRIOS:
        return
    if proprio and alt["tabela"] == "sync_fechaduras" and alt["acao"] != "excluir":
        return  # a própria fechadura (senha trocada): outra pública só revoga a ele mesmo e espera o aceite
    raise ErroNegocio(f"O pacote traz uma alteração de usuário ({alt['registro_id']}) feita por "
                      f"{alt.get('usuario') or 'alguém'}, que não é administrador: só o administrador cria, "
                      "desativa ou redefine a senha de usuários. Nada foi aplicado.")


def conciliar(sessao: Sessao) -> dict:
    """Depois de aplicar um pacote: o arquivo de chaves desta máquina segue a tabela ``usuarios`` e as
    fechaduras recebidas. Revoga (remove a fechadura e troca as chaves) quem foi desativado ou teve a senha
    redefinida noutra máquina; aplica a senha que o próprio usuário trocou noutra máquina. Devolve
    ``{"revogados": [...], "senhas": [...], "aguardando": [...]}``. Não exige permissão: cumpre o que um
    administrador decidiu noutra máquina e só reduz acessos."""
    saida = {"revogados": [], "senhas": [], "aguardando": []}
    if reg.local(sessao.db) is None:
        return saida
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    tinham: set[str] = set()
    admin_revogado = False
    for u in armazem_usuarios.todos(sessao.db):
        login, f, local = u["login"], _fechadura(sessao.db, u["id"]), arquivo.usuario(u["login"])
        if local is None:
            continue
        if not u["ativo"] or (f is not None and f["publica"] != local["publica"]):
            tinham |= arquivo.dominios_de(login)
            admin_revogado |= local.get("papel") == Papel.ADMINISTRADOR.value
            arquivo.remover(login)
            saida["revogados"].append(login)
        elif f is not None and f["papel"] == local["papel"] and json.loads(f["privada"]) != local["privada"]:
            local["privada"] = json.loads(f["privada"])
            saida["senhas"].append(login)
    if ADMIN in sessao.chaves:
        for u in armazem_usuarios.todos(sessao.db):  # o revogado fica assinado como desativado (sem alerta)
            if u["login"] in saida["revogados"]:
                chaveiro.assinar_linha(arquivo, sessao.chaves[ADMIN], u)
    if saida["revogados"]:
        motivo = "revogação recebida de outra máquina: " + ", ".join(saida["revogados"])
        if SIGILO in tinham and SIGILO not in sessao.chaves:
            chaveiro.marcar_rotacao_sigilo(arquivo, motivo)
        if admin_revogado and ADMIN not in sessao.chaves:
            arquivo.pendencias["rotacao_admin"] = {"motivo": motivo, "desde": agora()}
        arquivo.gravar()
        chaveiro._trocar(sessao, motivo, trocar_admin=admin_revogado)
        with sessao.mudanca(None) as m:
            for login in saida["revogados"]:
                m.registrar("usuarios", login, "evento", depois={"evento": "fechadura revogada por pacote de outra máquina"})
    elif saida["senhas"]:
        arquivo.gravar()
    if saida["senhas"]:
        with sessao.mudanca(None) as m:
            for login in saida["senhas"]:
                m.registrar("usuarios", login, "evento", depois={"evento": "senha trocada noutra máquina"})
    saida["aguardando"] = [r["login"] for r in _recebidos(sessao)]
    return saida


def _recebidos(sessao: Sessao) -> list[dict]:
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    saida = []
    for u in armazem_usuarios.todos(sessao.db):
        f = _fechadura(sessao.db, u["id"])
        local = arquivo.usuario(u["login"])
        if u["ativo"] and f is not None and (local is None or local["publica"] != f["publica"]):
            saida.append({"id": u["id"], "login": u["login"], "nome": u["nome"], "papel": u["papel"],
                          "atualizado_em": u["atualizado_em"]})
    return saida


def recebidos(sessao: Sessao) -> list[dict]:
    """Usuários criados (ou com a senha redefinida) noutra máquina que aguardam o aceite do administrador
    desta: login, nome, papel. Sem a fechadura."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    return _recebidos(sessao)


def aceitar(sessao: Sessao, login: str) -> dict:
    """O administrador desta máquina aceita um usuário recebido: a fechadura que veio no pacote entra no
    arquivo de chaves, com as chaves do papel que esta sessão tem (o sigilo aguarda quem o tem), e o registro
    é assinado pela administração desta máquina. No diário."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    chave_admin = chaveiro.exigir_admin(sessao)
    alvo = next((r for r in _recebidos(sessao) if r["login"] == login), None)
    if alvo is None:
        raise ErroNegocio(f"Não há usuário recebido de outra máquina aguardando aceite com o login {login}.")
    f = _fechadura(sessao.db, alvo["id"])
    if f["papel"] != alvo["papel"] or f["login"] != alvo["login"]:
        raise ErroNegocio(f"A fechadura recebida de {login} não é do papel do registro dele: peça ao administrador "
                          "da outra máquina que redefina a senha. Nada foi feito.")
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    if arquivo.usuario(login) is not None:  # a fechadura antiga ainda aqui: revoga-a antes (troca as chaves)
        conciliar(sessao)
        arquivo = ArquivoChaves.ler(sessao.base.caminho)
    arquivo.dados["usuarios"][login] = {"papel": f["papel"], "publica": f["publica"],
                                        "privada": json.loads(f["privada"]), "envelopes": {}, "selos": {}}
    papel = Papel(f["papel"])
    for dominio, chave in sessao.chaves.items():
        if dominio in DOMINIOS[papel]:
            arquivo.selar_para(login, dominio, chave)
    linha = armazem_usuarios.por_login(sessao.db, login)
    chaveiro.assinar_linha(arquivo, chave_admin, linha)
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        m.registrar("usuarios", linha["id"], "evento", depois={"evento": "usuário recebido de outra máquina aceito",
                                                               "papel": papel.value})
        arquivo.gravar()
    tentativas.zerar(sessao, login)  # como ao redefinir a senha aqui: as tentativas com a senha antiga não contam
    return {"login": login, "papel": papel.value, "dominios": sorted(arquivo.dominios_de(login))}


def ao_entrar(sessao: Sessao) -> None:
    """Na entrada numa réplica: termina a revogação recebida que ficou pela metade (``conciliar``); e, na de um
    administrador, assina como desativados os revogados por um pacote que
    alguém sem a chave de administração importou (tirando o alerta "alterado fora do Paço" deles), faz a troca
    pendente da chave de administração e avisa dos usuários recebidos que aguardam o aceite."""
    if reg.local(sessao.db) is None:
        return
    try:  # uma revogação recebida cuja troca de chaves não terminou (queda logo depois de importar) termina aqui
        conciliar(sessao)
    except (ErroNegocio, ErroChaves, OSError) as e:
        sessao.alertas.append(f"Uma revogação recebida de outra máquina ainda não pôde ser aplicada aqui: {e}")
    if ADMIN not in sessao.chaves:
        return
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    publica = selagem.publica_de_assinatura(sessao.chaves[ADMIN])
    assinados = []
    for u in armazem_usuarios.todos(sessao.db):
        if not u["ativo"] and arquivo.usuario(u["login"]) is None and not chaveiro.linha_confere(arquivo, publica, u):
            chaveiro.assinar_linha(arquivo, sessao.chaves[ADMIN], u)
            assinados.append(u["login"])
    if assinados:
        arquivo.gravar()
        sessao.alertas[:] = [a for a in sessao.alertas
                             if not any(a.startswith(f"Usuário alterado fora do Paço: {x}.") for x in assinados)]
    pendente = arquivo.pendencias.pop("rotacao_admin", None)
    if pendente:
        arquivo.gravar()
        chaveiro._trocar(sessao, f"troca pendente: {pendente['motivo']}", dominios={ADMIN}, trocar_admin=True)
    aguardam = _recebidos(sessao)
    if aguardam:
        sessao.alertas.append("Usuários criados noutra máquina do órgão aguardam o seu aceite (Administração › "
                              "Usuários › Usuários recebidos): " + ", ".join(r["login"] for r in aguardam) + ".")
