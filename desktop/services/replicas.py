"""Réplicas do órgão (issue 15): a primeira (a sede), o convite e a entrada de uma máquina nova, a remoção.

* ``iniciar`` faz desta base a primeira réplica (a sede), com todos os domínios;
* ``convidar`` registra uma réplica nova (o registro viaja às outras nos pacotes) e grava o convite,
  com as chaves privadas dela seladas para a chave de recuperação do órgão;
* ``juntar``, na máquina nova — uma cópia de segurança da sede feita depois do convite, aberta pelo
  administrador —, confere a chave de recuperação, assume a identidade do convite e troca as chaves
  (a máquina passa a ter as suas; o arquivo de chaves da sede não a abre mais);
* ``remover_replica``: os pacotes dela passam a ser recusados e nada mais é enviado a ela.

Ver docs/sincronizacao.md.
"""
from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from desktop.rules.papeis import Permissao
from desktop.store import escritorio, selagem, sigilo, sync_pacote
from desktop.store import linhas as armazem_linhas
from desktop.store import sync_registro as reg
from desktop.store import sync_replicas as armazem
from desktop.store.chaves import ArquivoChaves, ErroChaves, par_da_recuperacao
from desktop.store.ids import agora, novo_id

from . import acesso, chaveiro, copias, instalacao
from .sessao import ErroNegocio, Sessao

FORMATO_CONVITE = "paco-convite/1"
_ALFABETO_CODIGO = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # sem 0/O e 1/I, como a chave de recuperação


def _orgao(sessao: Sessao) -> str:
    return escritorio.base_id(sessao.db)


def _eu(sessao: Sessao) -> dict:
    linha = armazem.identidade(sessao.db)
    if linha is None:
        raise ErroNegocio("Esta base ainda não é uma réplica: um administrador precisa iniciar a sincronização "
                          "(na sede) ou juntar esta máquina com um convite.")
    return {"id": linha[0], "privada_x25519": linha[1], "privada_ed25519": linha[2]}


def _replica(sessao: Sessao, id_ou_nome: str) -> dict | None:
    return armazem.replica(sessao.db, id_ou_nome)


def _nova_replica(m, nome: str, dominios: str) -> tuple[dict, bytes, bytes]:
    privada_x, publica_x = sync_pacote.par_x25519()
    privada_ed, publica_ed = sync_pacote.par_ed25519()
    faixa = armazem.proxima_faixa(m.db)
    if faixa > 99:
        raise ErroNegocio("O órgão já tem o número máximo de réplicas (99).")
    linha = {"id": novo_id(), "nome": nome, "dominios": dominios, "publica_x25519": publica_x,
             "publica_ed25519": publica_ed, "publica_sigilo_x25519": None, "ativa": 1, "criada_em": agora(),
             "removida_em": None, "faixa": faixa}
    m.inserir("sync_replicas", linha, sem=("publica_x25519", "publica_ed25519"))  # o diário sem as chaves (bytes)
    return linha, privada_x, privada_ed


def replicas(sessao: Sessao) -> list[dict]:
    """As réplicas do órgão (nome, domínios, ativa), sem chaves; ``restaurada`` na desta máquina, se ela é uma
    cópia de segurança restaurada ainda não juntada (não gera pacotes, não numera, não faz atos únicos)."""
    designada = reg.replica_designada(sessao.db)
    restaurada = reg.restaurada(sessao.db) is not None
    return [dict(r) | {"designada": bool(designada and designada[0] == r["id"]),
                       "restaurada": bool(r["esta"] and restaurada)} for r in armazem.listar(sessao.db)]


def iniciar(sessao: Sessao, nome: str) -> dict:
    """Faz desta base a primeira réplica do órgão (a sede), com todos os domínios."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    nome = (nome or "").strip()
    if not nome:
        raise ErroNegocio("Dê um nome a esta máquina (p.ex. 'Sede').")
    if reg.local(sessao.db):
        raise ErroNegocio("Esta base já é uma réplica; nada foi feito.")
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        privada_x, publica_x = sync_pacote.par_x25519()
        privada_ed, publica_ed = sync_pacote.par_ed25519()
        rid = novo_id()
        armazem.gravar_identidade(m.db, rid, privada_x, privada_ed, reg.hlc_inicial())
        linha = {"id": rid, "nome": nome, "dominios": "geral,sigilo", "publica_x25519": publica_x,
                 "publica_ed25519": publica_ed, "ativa": 1, "criada_em": agora()}
        m.inserir("sync_replicas", linha, no_diario={"id": rid, "nome": nome, "dominios": "geral,sigilo"})  # sem as chaves
    return {"id": rid, "nome": nome}


@dataclass(frozen=True)
class Convite:
    """O convite gravado e o código de uso único que o abre (mostrado uma vez; não fica gravado)."""

    arquivo: Path
    codigo: str


def _normal_codigo(texto: str) -> str:
    return "".join(c for c in (texto or "").upper() if c.isalnum())


def convidar(sessao: Sessao, nome: str, sigilo_tambem: bool, pasta: Path) -> Convite:
    """Registra uma réplica nova e grava o convite dela em ``pasta`` (a aprovação do administrador). O
    convite leva as chaves privadas da réplica seladas duas vezes: para a chave de recuperação do órgão e
    sob um código de uso único (argon2id), que o administrador passa à máquina nova por outro caminho —
    assim juntar não exige digitar a chave de recuperação no notebook."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    _eu(sessao)
    _nao_restaurada(sessao, "Convidar máquina")
    nome = (nome or "").strip()
    if not nome:
        raise ErroNegocio("Dê um nome à máquina nova (p.ex. 'Notebook do plantão').")
    if _replica(sessao, nome):
        raise ErroNegocio(f"Já existe uma réplica chamada {nome}.")
    publica_rec = selagem.unb64(ArquivoChaves.ler(sessao.base.caminho).dados["recuperacao"]["publica"])
    orgao = _orgao(sessao)
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        linha, privada_x, privada_ed = _nova_replica(m, nome, "geral,sigilo" if sigilo_tambem else "geral")
    segredo = json.dumps({"replica_id": linha["id"], "privada_x25519": selagem.b64(privada_x),
                          "privada_ed25519": selagem.b64(privada_ed)}).encode()
    associado = f"paco-convite|{orgao}|{linha['id']}".encode()
    codigo = "".join(secrets.choice(_ALFABETO_CODIGO) for _ in range(16))
    convite = {"formato": FORMATO_CONVITE, "orgao": orgao, "replica_id": linha["id"], "nome": nome,
               "dominios": linha["dominios"], "envelope": selagem.selar(publica_rec, segredo, associado),
               "codigo": selagem.embrulhar(codigo, segredo, associado)}
    pasta = Path(pasta)
    pasta.mkdir(parents=True, exist_ok=True)
    destino = pasta / f"convite-{linha['id']}.pacoconvite"
    sync_pacote.gravar_atomico(destino, json.dumps(convite, ensure_ascii=False, indent=1).encode())
    return Convite(destino, "-".join(codigo[i:i + 4] for i in range(0, 16, 4)))


def juntar(sessao: Sessao, convite: Path, chave: str) -> dict:
    """Na máquina nova: a base é uma cópia de segurança da sede (feita depois do convite), aberta por um
    administrador; com o código do convite (ou a chave de recuperação do órgão), ela assume a identidade
    de réplica do convite e troca as chaves."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    try:
        dados = json.loads(Path(convite).read_bytes())
        assert dados.get("formato") == FORMATO_CONVITE
    except (OSError, ValueError, AssertionError):
        raise ErroNegocio("O arquivo não é um convite de réplica do Paço.") from None
    orgao = _orgao(sessao)
    if not isinstance(dados, dict) or dados.get("orgao") != orgao or not isinstance(dados.get("replica_id"), str):
        raise ErroNegocio("Este convite é de outro órgão (outra base) ou foi alterado: nada foi feito.")
    associado = f"paco-convite|{orgao}|{dados['replica_id']}".encode()
    segredo = None
    try:
        if ArquivoChaves.ler(sessao.base.caminho).e_a_recuperacao(chave):
            segredo = selagem.abrir_envelope(par_da_recuperacao(chave)[0], dados["envelope"], associado)
    except (ErroChaves, selagem.FalhaDeSelo, KeyError, TypeError):
        segredo = None
    if segredo is None and isinstance(dados.get("codigo"), dict):
        try:
            segredo = selagem.desembrulhar(_normal_codigo(chave), dados["codigo"], associado)
        except selagem.FalhaDeSelo:
            segredo = None
    if segredo is None:
        raise ErroNegocio("Nem o código deste convite nem a chave de recuperação do órgão conferem (ou o convite "
                          "foi alterado); nada foi feito.")
    segredo = json.loads(segredo)
    if segredo["replica_id"] != dados["replica_id"]:
        raise ErroNegocio("O convite foi alterado; nada foi feito.")
    linha = _replica(sessao, dados["replica_id"])
    if linha is None:
        raise ErroNegocio("Esta cópia foi feita antes do convite: faça uma cópia de segurança da sede depois "
                          "de convidar a máquina e junte de novo.")
    if not linha["ativa"]:
        raise ErroNegocio(f"A réplica {linha['nome']} foi removida; peça um convite novo.")
    anterior = reg.local(sessao.db)
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        m.sincronizando = True  # trocar de identidade não é alteração de dado
        armazem.apagar_identidade(m.db)
        armazem.gravar_identidade(m.db, dados["replica_id"], selagem.unb64(segredo["privada_x25519"]),
                                  selagem.unb64(segredo["privada_ed25519"]),
                                  max(reg.hlc_inicial(), anterior[1] if anterior else ""))
        if sessao.tem_sigilo:
            armazem.apagar_identidade(m.db, sigilo.ESQUEMA)
        m.registrar("sync_replicas", dados["replica_id"], "evento", depois={"evento": "máquina juntada como réplica"})
    _chaves_proprias(sessao)
    return {"id": dados["replica_id"], "nome": linha["nome"], "dominios": linha["dominios"]}


def juntar_nova_instalacao(pasta_dados: Path | str, copia: Path, login: str, senha: str, convite: Path,
                           chave: str) -> Sessao:
    """Primeira execução de uma máquina nova ("Juntar-se a um órgão existente"): restaura na pasta de dados a
    cópia de segurança da sede feita depois do convite (senha de um administrador da cópia), entra com ele e
    junta a máquina com o convite e o código (ou a chave de recuperação). Devolve a sessão do administrador.
    Se algo for recusado, os arquivos restaurados são apagados (a pasta não tinha base antes) e a pasta fica
    como estava: pode-se tentar de novo."""
    caminho = instalacao.verificar_pasta_dados(pasta_dados)  # recusa pasta que já tem uma base
    sessao = None
    try:
        copias.restaurar(caminho, Path(copia), login=login, senha=senha)
        sessao = acesso.entrar(caminho, login, senha)
        juntar(sessao, Path(convite), chave)
    except BaseException:
        if sessao is not None:
            sessao.fechar()
        for arquivo in caminho.parent.glob(caminho.name + "*"):  # a base restaurada e os arquivos dela
            if arquivo.is_file():
                arquivo.unlink()
        raise
    return sessao


def _chaves_proprias(sessao: Sessao) -> None:
    """A máquina juntada deixa de usar as chaves da cópia da sede: troca a geral e a de administração (e
    marca a do sigilo, que o administrador não tem, para a próxima entrada de um conselheiro aqui). As
    fechaduras dos usuários e a recuperação recebem as novas; o arquivo de chaves da sede (ou de uma
    cópia dela) não abre mais esta base."""
    motivo = "máquina juntada como réplica: chaves próprias desta máquina"
    if sigilo.caminho_para(sessao.base.caminho).exists() and not sessao.tem_sigilo:
        arquivo = ArquivoChaves.ler(sessao.base.caminho)
        chaveiro.marcar_rotacao_sigilo(arquivo, motivo)
        arquivo.gravar()
    chaveiro.trocar_chaves(sessao, motivo, trocar_admin=True)


def remover_replica(sessao: Sessao, replica_id: str) -> None:
    """Remove uma réplica (máquina perdida, roubada, devolvida): os pacotes dela passam a ser recusados."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    _nao_restaurada(sessao, "Remover réplica")
    linha = _replica(sessao, replica_id)
    if linha is None:
        raise ErroNegocio("Réplica não encontrada.")
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        momento = agora()
        m.alterar("sync_replicas", linha["id"], {"ativa": 0, "removida_em": momento},
                  no_diario=(None, {"ativa": 0, "removida_em": momento}))


def designar(sessao: Sessao, replica: str) -> dict:
    """Passa a outra réplica (id ou nome) os atos únicos do órgão (fechar a competência da folha, publicar o
    resultado da eleição, o livro da Certificação…). Só o administrador, e só **na máquina designada**: ela
    deixa de fazê-los na hora e a nova passa a fazê-los quando receber o pacote — nunca duas ao mesmo tempo.
    No diário; a designação viaja nos pacotes."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    eu = _eu(sessao)
    _nao_restaurada(sessao, "Designar para os atos únicos")
    alvo = _replica(sessao, replica)
    if alvo is None:
        raise ErroNegocio(f"Não há réplica chamada {replica} neste órgão.")
    if not alvo["ativa"]:
        raise ErroNegocio(f"A réplica {alvo['nome']} foi removida: não pode ser a designada.")
    atual = reg.replica_designada(sessao.db)
    if atual is not None and atual[0] == alvo["id"]:
        raise ErroNegocio(f"{alvo['nome']} já é a máquina designada para os atos únicos.")
    if atual is not None and atual[0] != eu["id"]:
        raise ErroNegocio(f"Só a máquina designada ({atual[1]}) passa a designação a outra: faça-o lá (assim duas "
                          "máquinas nunca fazem os atos únicos ao mesmo tempo). Se ela se perdeu, remova-a "
                          "(Remover réplica) e a designação volta à sede.")
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        valor = reg.designar(m.db, alvo["id"])
        m.registrar("sync_replicas", alvo["id"], "alterar", depois={"designada_hlc": valor})
        m.registrar("sync_replicas", alvo["id"], "evento", depois={"evento": "réplica designada para os atos únicos",
                                                                  "antes": atual[1] if atual else None})
    return {"id": alvo["id"], "nome": alvo["nome"], "antes": atual[1] if atual else None}


def _nao_restaurada(sessao: Sessao, ato: str) -> None:
    """Convidar, remover e designar numa cópia restaurada ainda não juntada ficariam só nela (ela não gera
    pacotes) e divergiriam das outras réplicas depois de juntar: recusados com o caminho."""
    if (recusa := reg.mensagem_restaurada(sessao.db, ato)) is not None:
        raise ErroNegocio(recusa)


def exigir_designada(db, ato: str) -> None:
    """Atos que acontecem uma vez só no órgão (fechar ou reabrir a competência da folha, publicar e homologar o
    resultado da eleição, abrir livro e lançar registro da Certificação) são da réplica designada — a sede, ou
    a que o administrador escolheu (``designar``);
    em outra réplica, recusados com o motivo (issue 15, item 4). Numa réplica restaurada de uma cópia e ainda
    não juntada, também recusados (a original pode tê-los feito depois da cópia)."""
    if (recusa := reg.mensagem_restaurada(db, ato)) is not None:
        raise ErroNegocio(recusa)
    quem = reg.designada(db)
    if quem is not None:
        raise ErroNegocio(f"{ato} é ato único do órgão: só a máquina designada ({quem[0]}) o faz, e esta é a "
                          f"réplica {quem[1]}. Faça-o lá; o que foi lançado aqui chega a ela no próximo pacote.")
