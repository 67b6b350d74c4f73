"""O PDF guardado de cada documento emitido (reimpressão idêntica) e a substituição quando os fatos mudam.

Reimprimir devolve os mesmos bytes emitidos (o SHA-256 é conferido com o registro). Substituir não
apaga nada: marca o documento com quem, quando e por quê, e o liga ao documento que o substitui
(logo, se já existe; senão, quando o novo documento do mesmo tipo e assunto for emitido — veja
``documentos.emitir``). Um documento substituído continua legível e reimprimível, como versão antiga.
"""
from __future__ import annotations

import hashlib
import importlib

from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import documentos as registro
from desktop.store.ids import agora

from .sessao import ErroNegocio, SemPermissao, Sessao

MOTIVO_MINIMO = 10
_REEMISSORES = {"magisterio_": "desktop.services.magisterio.documentos",
                "conselho_": "desktop.services.conselho.documentos_vias"}
"""Prefixo do tipo → módulo com ``reemitir(sessao, doc, *, via, original_id)``, que monta de novo o
documento a partir dos dados gravados (importado só quando pedido: os módulos importam este)."""


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


def do_assunto(sessao: Sessao, prefixo_assunto: str) -> list[dict]:
    """Os documentos emitidos de um assunto (a competência, o servidor, o atendimento), do mais recente,
    com a situação: para a tela que os emitiu reabri-los e pedir nova via."""
    _pode_ler(sessao)
    return registro.do_assunto(sessao.db, prefixo_assunto)


def emitir_nova_via(sessao: Sessao, documento_id: str, motivo: str, *, perdida: bool = False):
    """A via seguinte de um documento válido (mesmo número e ano), montada dos dados gravados, com o
    seu próprio PDF guardado (reimprimível como qualquer outro).

    As vias anteriores ainda válidas deixam de valer no mesmo ato: ``perdida`` (extravio) as cancela;
    senão ficam "substituídas" pela nova, com o motivo. Um documento cancelado ou substituído não ganha
    nova via: emite-se um documento novo, com os fatos de hoje.
    """
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    motivo = " ".join((motivo or "").split())
    if len(motivo) < MOTIVO_MINIMO:
        raise EntradaInvalida(f"Explique o motivo da nova via (pelo menos {MOTIVO_MINIMO} caracteres), por "
                              "exemplo: \"o servidor perdeu a 1ª via\".")
    doc = registro.por_id(sessao.db, documento_id)
    if doc is None:
        raise ErroNegocio("Documento não encontrado no registro.")
    modulo = next((m for prefixo, m in _REEMISSORES.items() if doc["tipo"].startswith(prefixo)), None)
    if modulo is None:
        raise ErroNegocio(f"{doc['titulo']}: este tipo de documento não tem nova via; emita um novo.")
    nome = f"{doc['titulo']} nº {doc['numero']}/{doc['ano']}"
    if doc["cancelado_em"] or doc["substituido_em"]:
        raise ErroNegocio(f"{nome} ({doc['via']}ª via) foi {'cancelado' if doc['cancelado_em'] else 'substituído'}: "
                          "não se emite nova via dele; emita o documento de novo, com os dados atuais.")
    reemitir = importlib.import_module(modulo).reemitir
    with sessao.mudanca(Permissao.DOCUMENTOS_EMITIR) as m:
        vias = registro.vias(m.db, doc["tipo"], doc["ano"], doc["numero"])
        via = max(v["via"] for v in vias) + 1
        nova = reemitir(sessao, doc, via=via, original_id=next((v["id"] for v in vias if v["via"] == 1), doc["id"]))
        for v in vias:
            if v["cancelado_em"] or v["substituido_em"]:
                continue
            if perdida:
                cancelar_no_ato(m, v["id"], f"{v['via']}ª via extraviada: cancelada ao emitir a {via}ª via "
                                            f"(código {nova.codigo}). {motivo}")
            else:
                substituir_por(m, v["id"], nova.id, f"substituída pela {via}ª via: {motivo}")
    return nova


def substituir_assunto(m, prefixo_assunto: str, motivo: str, filtro=None) -> list[dict]:
    """Marca substituídos os documentos válidos cujo assunto começa com ``prefixo_assunto``.

    Roda na transação ``m`` de quem muda os fatos (reabertura, correção); vai ao diário. O substituto
    é ligado quando o novo documento do mesmo tipo e assunto for emitido. ``filtro(linha)``, se dado, escolhe
    entre os do assunto (p. ex. só as escalas cujo período contém o plantão trocado).
    """
    marcados = []
    momento, por = agora(), m.sessao.usuario.login
    for antes in registro.validos_do_assunto(m.db, prefixo_assunto):
        if filtro is not None and not filtro(antes):
            continue
        depois = m.alterar_se("documentos", antes["id"], registro.marcar_substituido, momento=momento, por=por,
                              motivo=motivo)
        if depois is not None:
            marcados.append(depois)
    return marcados


def substituir_por(m, documento_id: str, substituto_id: str, motivo: str) -> dict | None:
    """Marca um documento substituído por outro já emitido (nova via de um título)."""
    antes = registro.por_id(m.db, documento_id)
    if antes is None or antes["cancelado_em"] or antes["substituido_em"]:
        return None
    return m.alterar_se("documentos", documento_id, registro.marcar_substituido, momento=agora(),
                        por=m.sessao.usuario.login, motivo=motivo, substituto_id=substituto_id)


def cancelar_no_ato(m, documento_id: str, motivo: str) -> dict | None:
    """Cancela um documento na transação de quem emite o que o substitui (via perdida)."""
    antes = registro.por_id(m.db, documento_id)
    if antes is None or antes["cancelado_em"]:
        return None
    return m.alterar_se("documentos", documento_id, registro.marcar_cancelado, momento=agora(),
                        por=m.sessao.usuario.login, motivo=motivo)


def restaurar_substituidos(m, substituto_id: str) -> list[dict]:
    """O substituto foi cancelado (emitido com erro): os documentos que ele substituía voltam a valer."""
    voltaram = []
    for antes in registro.substituidos_por(m.db, substituto_id):
        voltaram.append(m.alterar_se("documentos", antes["id"], registro.desfazer_substituicao))
    return voltaram
