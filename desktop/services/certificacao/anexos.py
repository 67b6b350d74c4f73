"""Anexos do processo: comprovante de escolaridade, identidade, evidências da avaliação e termo de renúncia.

O arquivo digitalizado fica dentro da base (domínio geral, cifrada; docs/seguranca.md), nunca solto no
disco: abrir e imprimir trabalham com os bytes em memória. O diário registra nome, tamanho e SHA-256,
não o conteúdo. Anexos não se apagam nem se trocam (guarda de dez anos, Portaria MEC 902/2024, art. 12 XIV).
"""
from __future__ import annotations

import hashlib

from desktop.store.certificacao import anexos as consultas
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import processos as processos_
from desktop.store.ids import agora

from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER

TIPOS = {"escolaridade": "Comprovante de escolaridade (art. 24, §3º)", "identidade": "Documento de identidade",
         "evidencia": "Evidência da avaliação (art. 24, IV)", "renuncia": "Termo de renúncia ao recurso",
         "outro": "Outro documento do processo"}
LIMITE_BYTES = 10 * 1024 * 1024
_ASSINATURAS = ((b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"))


def _formato(conteudo: bytes) -> str:
    for inicio, formato in _ASSINATURAS:
        if conteudo.startswith(inicio):
            return formato
    raise ErroNegocio("O arquivo não é PDF, PNG nem JPEG: digitalize o documento num desses formatos.")


def anexar(sessao: Sessao, processo_id: str, *, tipo: str, descricao: str, nome_arquivo: str,
           conteudo: bytes) -> dict:
    """Guarda o arquivo na base, ligado ao processo; devolve os dados do anexo (sem o conteúdo)."""
    sessao.exigir(EDITAR)
    if tipo not in TIPOS:
        raise ErroNegocio("Tipo de anexo inválido: " + ", ".join(TIPOS) + ".")
    descricao = " ".join((descricao or "").split())
    if len(descricao) < 3:
        raise ErroNegocio("Descreva o anexo (por exemplo, \"certificado de conclusão do ensino médio\").")
    if not conteudo:
        raise ErroNegocio("O arquivo está vazio.")
    if len(conteudo) > LIMITE_BYTES:
        raise ErroNegocio(f"O arquivo tem {len(conteudo) / 1048576:.1f} MB; o limite é de "
                          f"{LIMITE_BYTES // 1048576} MB. Digitalize em resolução menor (150 ppp bastam).")
    formato = _formato(conteudo)
    with sessao.mudanca(EDITAR) as m:
        if processos_.processo_linha(m.db, processo_id) is None:
            raise ErroNegocio("Processo não encontrado; atualize a lista.")
        dados = {"processo_id": processo_id, "tipo": tipo, "descricao": descricao,
                 "nome_arquivo": (nome_arquivo or "anexo").replace("\\", "/").rsplit("/", 1)[-1][:120],
                 "formato": formato, "tamanho": len(conteudo), "sha256": hashlib.sha256(conteudo).hexdigest(),
                 "anexado_em": agora(), "anexado_por": sessao.usuario.login}
        linha = m.inserir("cert_anexos", armazem_linhas.linha_nova(m.db, "cert_anexos", {**dados, "conteudo": conteudo}),
                          sem=("conteudo",))  # o diário sem o conteúdo
    return {"id": linha["id"], **dados}


def listar_anexos(sessao: Sessao, processo_id: str) -> list[dict]:
    """Os anexos do processo (sem o conteúdo), do mais antigo ao mais novo."""
    sessao.exigir(LER)
    return consultas.anexos(sessao.db, processo_id)


def abrir_anexo(sessao: Sessao, anexo_id: str) -> dict:
    """O anexo com ``conteudo`` (bytes), para mostrar na tela; o SHA-256 é conferido."""
    sessao.exigir(LER)
    a = consultas.anexo_com_conteudo(sessao.db, anexo_id)
    if a is None:
        raise ErroNegocio("Anexo não encontrado; atualize a lista.")
    if hashlib.sha256(a["conteudo"]).hexdigest() != a["sha256"]:
        raise ErroNegocio("O anexo não confere com o resumo gravado ao anexar: a base foi alterada fora do Paço.")
    return a


def anexo_para_imprimir(sessao: Sessao, anexo_id: str) -> bytes:
    """O anexo como PDF (a imagem vira uma página A4), em memória, para a impressão do Paço."""
    from desktop.reports.certificacao.anexo import imagem_em_pdf

    a = abrir_anexo(sessao, anexo_id)
    return a["conteudo"] if a["formato"] == "pdf" else imagem_em_pdf(a["conteudo"], a["descricao"])
