"""O PDF guardado de cada documento emitido (reimpressão idêntica) e a substituição quando os fatos mudam.

Reimprimir devolve os mesmos bytes emitidos (o SHA-256 é conferido com o registro). Substituir não
apaga nada: marca o documento com quem, quando e por quê, e o liga ao documento que o substitui
(logo, se já existe; senão, quando o novo documento do mesmo tipo e assunto for emitido — veja
``documentos.emitir``). Um documento substituído continua legível e reimprimível, como versão antiga.
"""
from __future__ import annotations

import hashlib

from desktop.rules.papeis import Permissao
from desktop.store import documentos as registro
from desktop.store.ids import agora

from .sessao import ErroNegocio, SemPermissao, Sessao


def _pode_ler(sessao: Sessao) -> None:
    if not (sessao.pode(Permissao.DOCUMENTOS_EMITIR) or sessao.pode(Permissao.DIARIO_LER)):
        raise SemPermissao(f"O papel {sessao.usuario.rotulo_papel} não permite abrir documentos emitidos.")


def pdf_emitido(sessao: Sessao, documento_id: str) -> bytes:
    """Os bytes do PDF como foi emitido (mesmo SHA-256 do registro)."""
    _pode_ler(sessao)
    doc = registro.por_id(sessao.db, documento_id)
    if doc is None:
        raise ErroNegocio("Documento não encontrado no registro.")
    pdf = registro.pdf_de(sessao.db, documento_id)
    if pdf is None and doc.get("dominio") in registro.DOMINIOS_SIGILOSOS:
        raise SemPermissao(f"{doc['titulo']} nº {doc['numero']}/{doc['ano']} é documento de caso do Conselho "
                           "Tutelar: o PDF está no arquivo sigiloso e só se abre numa sessão com a chave do "
                           "Conselho (ECA, art. 17).")
    if pdf is None:
        raise ErroNegocio(f"{doc['titulo']} nº {doc['numero']}/{doc['ano']} foi emitido antes de o Paço guardar os "
                          "PDFs: não há cópia para reimprimir. Emita uma nova via.")
    if hashlib.sha256(pdf).hexdigest() != doc["sha256"]:
        raise ErroNegocio("O PDF guardado não confere com o SHA-256 do registro: a base está danificada. "
                          "Restaure uma cópia de segurança.")
    return pdf


def substituir_assunto(m, prefixo_assunto: str, motivo: str) -> list[dict]:
    """Marca substituídos os documentos válidos cujo assunto começa com ``prefixo_assunto``.

    Roda na transação ``m`` de quem muda os fatos (reabertura, correção); vai ao diário. O substituto
    é ligado quando o novo documento do mesmo tipo e assunto for emitido.
    """
    marcados = []
    momento, por = agora(), m.sessao.usuario.login
    for antes in registro.validos_do_assunto(m.db, prefixo_assunto):
        registro.marcar_substituido(m.db, antes["id"], momento=momento, por=por, motivo=motivo)
        depois = registro.por_id(m.db, antes["id"])
        m.registrar("documentos", antes["id"], "alterar", antes=antes, depois=depois)
        marcados.append(depois)
    return marcados


def substituir_por(m, documento_id: str, substituto_id: str, motivo: str) -> dict | None:
    """Marca um documento substituído por outro já emitido (nova via de um título)."""
    antes = registro.por_id(m.db, documento_id)
    if antes is None or antes["cancelado_em"] or antes["substituido_em"]:
        return None
    registro.marcar_substituido(m.db, documento_id, momento=agora(), por=m.sessao.usuario.login, motivo=motivo,
                                substituto_id=substituto_id)
    depois = registro.por_id(m.db, documento_id)
    m.registrar("documentos", documento_id, "alterar", antes=antes, depois=depois)
    return depois


def cancelar_no_ato(m, documento_id: str, motivo: str) -> dict | None:
    """Cancela um documento na transação de quem emite o que o substitui (via perdida)."""
    antes = registro.por_id(m.db, documento_id)
    if antes is None or antes["cancelado_em"]:
        return None
    registro.marcar_cancelado(m.db, documento_id, momento=agora(), por=m.sessao.usuario.login, motivo=motivo)
    depois = registro.por_id(m.db, documento_id)
    m.registrar("documentos", documento_id, "alterar", antes=antes, depois=depois)
    return depois


def restaurar_substituidos(m, substituto_id: str) -> list[dict]:
    """O substituto foi cancelado (emitido com erro): os documentos que ele substituía voltam a valer."""
    voltaram = []
    for antes in registro.substituidos_por(m.db, substituto_id):
        registro.desfazer_substituicao(m.db, antes["id"])
        depois = registro.por_id(m.db, antes["id"])
        m.registrar("documentos", antes["id"], "alterar", antes=antes, depois=depois)
        voltaram.append(depois)
    return voltaram
