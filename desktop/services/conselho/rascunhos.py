"""Rascunhos do plantão: o registro rápido salvo a cada poucos segundos, cifrado, que sobrevive a uma queda.

O conteúdo (JSON) é cifrado com AES-GCM por uma chave derivada (HKDF-SHA256) da chave do arquivo
sigiloso do Conselho, onde o rascunho fica, além da cifra do próprio arquivo (SQLCipher). Rascunhos de
uma base de antes do sigilo, cifrados pela chave da base geral, ainda se leem. Cada gravação é uma transação confirmada (``synchronous=FULL``): acabou a bateria, o
rascunho está lá ao reabrir. O diário registra a criação e o descarte do rascunho, não cada salvamento
(sem conteúdo: o rascunho ainda não é um registro do Conselho).
"""
from __future__ import annotations

import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import rascunhos as armazem
from desktop.store.ids import agora, novo_id

from ..sessao import Sessao
from .comum import exigir_conteudo, registrar_leitura

CHAVE_PLANTAO = "plantao"
"""Chave do rascunho do registro rápido de plantão (um por usuário)."""


DOMINIO_DA_CHAVE = "sigilo"
"""O domínio de cuja chave a cifra dos rascunhos deriva; quando ela é trocada (revogação), o
chaveiro chama ``recifrar`` antes do rekey, para que nenhum rascunho se perca."""


def _cifra_de(origem: bytes, *, legado: bool = False) -> AESGCM:
    info = b"paco-conselho-rascunho-v1" if legado else b"paco-conselho-rascunho-v2"
    return AESGCM(HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(origem))


def _cifra(sessao: Sessao, *, legado: bool = False) -> AESGCM:
    return _cifra_de(sessao.base.chave if legado else sessao.base.chave_sigilo, legado=legado)


def recifrar(db, antiga: bytes, nova: bytes) -> int:
    """Recifra todos os rascunhos da chave ``antiga`` do sigilo para a ``nova`` (na transação de
    quem chama); devolve quantos. Um rascunho que não decifra (legado, estragado) fica como está."""
    de, para, n = _cifra_de(antiga), _cifra_de(nova), 0
    for linha in armazem.todos(db):
        ad, blob = f"{linha['usuario_id']}:{linha['chave']}".encode(), linha["conteudo"]
        try:
            texto = de.decrypt(blob[:12], blob[12:], ad)
        except InvalidTag:
            continue
        nonce = os.urandom(12)
        armazem.trocar_conteudo(db, linha["id"], nonce + para.encrypt(nonce, texto, ad))
        n += 1
    return n


def _associado(sessao: Sessao, chave: str) -> bytes:
    return f"{sessao.usuario.id}:{chave}".encode()


def salvar_rascunho(sessao: Sessao, conteudo: dict, chave: str = CHAVE_PLANTAO) -> str:
    """Grava (ou substitui) o rascunho do usuário; devolve o momento gravado (ISO)."""
    exigir_conteudo(sessao, editar=True)
    if not isinstance(conteudo, dict):
        raise EntradaInvalida("O rascunho deve ser um dicionário de campos.")
    nonce = os.urandom(12)
    texto = json.dumps(conteudo, ensure_ascii=False, default=str).encode()
    blob = nonce + _cifra(sessao).encrypt(nonce, texto, _associado(sessao, chave))
    momento = agora()
    with sessao.mudanca(Permissao.CONSELHO_CASOS_EDITAR) as m:
        atual = armazem.id_do_rascunho(m.db, sessao.usuario.id, chave)
        if atual:
            armazem.trocar_conteudo(m.db, atual, blob, momento)
        else:
            linha = {"id": novo_id(), "usuario_id": sessao.usuario.id, "chave": chave, "conteudo": blob,
                     "atualizado_em": momento}
            m.inserir("conselho_rascunhos", linha, no_diario={"chave": chave})  # o diário nunca leva o conteúdo
    return momento


def restaurar_rascunho(sessao: Sessao, chave: str = CHAVE_PLANTAO) -> dict | None:
    """O rascunho do usuário (decifrado) ou None se não houver."""
    exigir_conteudo(sessao, editar=True)
    linha = armazem.rascunho(sessao.db, sessao.usuario.id, chave)
    if linha is None:
        return None
    blob = linha["conteudo"]
    try:
        texto = _cifra(sessao).decrypt(blob[:12], blob[12:], _associado(sessao, chave))
    except InvalidTag:  # rascunho gravado antes do arquivo sigiloso (chave da base geral)
        texto = _cifra(sessao, legado=True).decrypt(blob[:12], blob[12:], _associado(sessao, chave))
    registrar_leitura(sessao, "rascunho", {"acao": "restaurar_rascunho", "chave": chave})
    return json.loads(texto)


def descartar_rascunho(sessao: Sessao, chave: str = CHAVE_PLANTAO) -> bool:
    """Apaga o rascunho (depois de salvo o atendimento, ou a pedido). Devolve se havia um."""
    exigir_conteudo(sessao, editar=True)
    with sessao.mudanca(Permissao.CONSELHO_CASOS_EDITAR) as m:
        rascunho_id = armazem.id_do_rascunho(m.db, sessao.usuario.id, chave)
        if rascunho_id is None:
            return False
        armazem.apagar(m.db, rascunho_id)
        m.registrar("conselho_rascunhos", rascunho_id, "excluir", antes={"chave": chave})
    return True


def rascunhos(sessao: Sessao) -> list[dict]:
    """Chaves e momentos dos rascunhos do usuário (sem o conteúdo)."""
    exigir_conteudo(sessao, editar=True)
    return armazem.do_usuario(sessao.db, sessao.usuario.id)
