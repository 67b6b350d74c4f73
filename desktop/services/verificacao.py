"""Verificar documento: pelo código, pelo texto do QR ou pelo arquivo, com ou sem a base que o emitiu.

Com a base (sessão aberta): o registro responde autêntico, cancelado, substituído (e por qual
documento) ou alterado. Sem a base e sem login (qualquer instalação, ``sessao=None``): o selo
assinado (Ed25519) confere contra as chaves públicas importadas — autêntico e inalterado, alterado
ou assinado por chave desconhecida; cancelamento e substituição só a instalação emissora sabe.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from desktop.rules import formato, selo as regras_selo
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import formatar_cnpj
from desktop.store import documentos as registro
from desktop.store import emissores as armazem_emissores

from . import selo
from .codigos import (ALTERADO, AUTENTICO, CANCELADO, DESCONHECIDO, SUBSTITUIDO, codigo_no_pdf,
                         conferir_tamanho_pdf, normalizar_codigo)
from .sessao import ErroNegocio, Sessao


def identificacao(doc: dict) -> str:
    ref = f" ({doc['referencia']})" if doc.get("referencia") else ""
    return f"{doc['titulo']} nº {doc['numero']}/{doc['ano']}{ref}, {doc['via']}ª via"


@dataclass(frozen=True)
class Verificacao:
    """Resposta da verificação; ``mensagem()`` é o que a tela e a CLI mostram."""

    situacao: str  # autentico | cancelado | substituido | alterado | desconhecido | chave_desconhecida | sem_selo
    documento: dict | None = None
    codigo: str | None = None
    por_arquivo: bool = False
    substituto: dict | None = None
    conferencia: selo.Conferencia | None = None  # resposta do selo assinado, sem o registro

    def mensagem(self) -> str:
        d = self.documento
        if d is None and self.conferencia is not None:
            return self.conferencia.mensagem(self.por_arquivo)
        if d is not None:
            emissao = f"emitido em {formato.data(d['emitido_em'], hora_local=True)} por {d['emitido_por']}"
            cancelamento = (f"cancelado em {formato.data(d['cancelado_em'], hora_local=True)} por {d['cancelado_por']}. "
                            f"Motivo: {d['motivo_cancelamento']}" if d["cancelado_em"] else "")
        if self.situacao == AUTENTICO:
            conferencia = ("O arquivo é idêntico ao que foi emitido." if self.por_arquivo else
                           "Confira se o documento em mãos corresponde a esta descrição.")
            return f"Documento autêntico: {identificacao(d)}, {emissao}. {conferencia}"
        if self.situacao == CANCELADO:
            return (f"Documento CANCELADO: {identificacao(d)}, {emissao}, foi {cancelamento}. "
                    "Este documento não tem mais validade.")
        if self.situacao == SUBSTITUIDO:
            return (f"Documento SUBSTITUÍDO: {identificacao(d)}, {emissao}, foi substituído em "
                    f"{formato.data(d['substituido_em'], hora_local=True)} por {d['substituido_por']}. Motivo: "
                    f"{d['motivo_substituicao']}. {self._substituto()}")
        if self.situacao == ALTERADO:
            extra = f" Além disso, esse documento foi {cancelamento}." if d["cancelado_em"] else ""
            return (f"ALTERADO: o arquivo não é o documento emitido. Ele traz o código "
                    f"{self.codigo}, de {identificacao(d)}, {emissao}, mas o conteúdo difere do "
                    f"registrado. Peça uma nova via a quem o emitiu.{extra}")
        if self.codigo and self.por_arquivo:
            return (f"O arquivo traz o código {self.codigo}, que não consta no registro deste Paço: "
                    "o documento não foi emitido por esta instalação.")
        if self.codigo:
            return (f"O código {self.codigo} não consta no registro deste Paço: o documento não foi "
                    "emitido por esta instalação. Confira se o código foi digitado corretamente.")
        return ("Este arquivo não foi emitido por este Paço: não traz código de verificação do Paço "
                "e não confere com nenhum documento registrado. Se você tem o documento impresso, "
                "digite o código que está no rodapé.")

    def _substituto(self) -> str:
        s = self.substituto
        if s is None:
            return "O documento que o substitui ainda não foi emitido; não use este."
        return (f"Vale em seu lugar: {identificacao(s)}, código {s['codigo']}, emitido em "
                f"{formato.data(s['emitido_em'], hora_local=True)}.")


def _situacao(doc: dict) -> str:
    if doc["cancelado_em"]:
        return CANCELADO
    return SUBSTITUIDO if doc.get("substituido_em") else AUTENTICO


def _do_registro(sessao: Sessao, doc: dict, codigo: str, por_arquivo: bool) -> Verificacao:
    substituto = registro.por_id(sessao.db, doc["substituto_id"]) if doc.get("substituto_id") else None
    return Verificacao(_situacao(doc), doc, codigo, por_arquivo, substituto)


def _chaves(sessao: Sessao | None, extras: list[bytes]) -> dict[str, dict]:
    chaves = selo.chaveiro(extras)
    if sessao is not None:  # as chaves dos emissores desta base valem sem importar
        for propria in registro.chaves(sessao.db):
            e = armazem_emissores.obter(sessao.db, propria["emissor_id"]) or {}
            chaves[propria["impressao"]] = {
                "publica": bytes(propria["publica"]), "impressao": propria["impressao"],
                "emissor": e.get("nome", ""), "cnpj": formatar_cnpj(e["cnpj"]) if e.get("cnpj") else ""}
    return chaves


def verificar_codigo(sessao: Sessao | None, texto: str, *, chaves_extras: list[bytes] = ()) -> Verificacao:
    """O código impresso (precisa da base emissora) ou o texto do QR (basta a chave pública)."""
    if sessao is not None:
        sessao.exigir(Permissao.DOCUMENTOS_VERIFICAR)
    if regras_selo.VERSAO in (texto or ""):
        try:
            conf = selo.conferir_selo(texto, _chaves(sessao, list(chaves_extras)))
        except regras_selo.SeloInvalido as e:
            raise ErroNegocio(str(e)) from None
        codigo = str((conf.dados or {}).get("c") or "") or None
        doc = registro.por_codigo(sessao.db, codigo) if sessao is not None and codigo else None
        if doc is not None and conf.situacao == selo.AUTENTICO:
            return _do_registro(sessao, doc, codigo, False)
        return Verificacao(conf.situacao, None, codigo, False, conferencia=conf)
    codigo = normalizar_codigo(texto)
    if sessao is None:
        raise ErroNegocio("Sem a base que emitiu o documento, o código sozinho não pode ser conferido: "
                          "confira o arquivo PDF ou o texto do QR, com a chave pública do emissor importada.")
    doc = registro.por_codigo(sessao.db, codigo)
    if doc is None:
        return Verificacao(DESCONHECIDO, None, codigo)
    return _do_registro(sessao, doc, codigo, False)


def ler_arquivo(caminho_ou_bytes: str | Path | bytes) -> bytes:
    if isinstance(caminho_ou_bytes, (bytes, bytearray)):
        return bytes(caminho_ou_bytes)
    try:
        conferir_tamanho_pdf(caminho_ou_bytes)
        return Path(caminho_ou_bytes).read_bytes()
    except OSError as e:
        raise ErroNegocio(f"Não foi possível ler o arquivo {caminho_ou_bytes}: "
                          f"{e.strerror or e}. Confira o caminho e tente de novo.") from None


def verificar_pdf(sessao: Sessao | None, caminho_ou_bytes: str | Path | bytes, *,
                  chaves_extras: list[bytes] = ()) -> Verificacao:
    """Confere um arquivo: o SHA-256 idêntico a um registrado prova que é o documento emitido;
    com o código do Paço mas outro conteúdo, o arquivo foi alterado. Fora do registro (ou sem
    base), o selo assinado confere contra as chaves públicas conhecidas."""
    if sessao is not None:
        sessao.exigir(Permissao.DOCUMENTOS_VERIFICAR)
    dados = ler_arquivo(caminho_ou_bytes)
    if sessao is not None:
        doc = registro.por_sha256(sessao.db, hashlib.sha256(dados).hexdigest())
        if doc is not None:
            return _do_registro(sessao, doc, doc["codigo"], True)
    codigo = codigo_no_pdf(dados)
    doc = registro.por_codigo(sessao.db, codigo) if sessao is not None and codigo else None
    if doc is not None:
        return Verificacao(ALTERADO, doc, codigo, por_arquivo=True)
    conf = selo.conferir_pdf(dados, _chaves(sessao, list(chaves_extras)))
    if conf.situacao == selo.SEM_SELO and sessao is not None:
        return Verificacao(DESCONHECIDO, None, codigo, por_arquivo=True)
    return Verificacao(conf.situacao, None, codigo, True, conferencia=conf)
