"""Documentos oficiais: emissão registrada (número, via, código, SHA-256), cancelamento e verificação offline.

Todo documento que o Paço emite é registrado na mesma transação em que é gerado: tipo, número
por tipo e ano, via, data, quem emitiu, o SHA-256 do PDF e um código de verificação curto, que vai
no rodapé, no QR e nos metadados. "Verificar documento" recebe um código ou um arquivo e responde,
sem internet, se o documento é autêntico, se foi cancelado ou se o arquivo foi alterado.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from io import BytesIO
from typing import Callable, Iterable

from desktop.reports import diario as relatorio_diario
from desktop.reports import recuperacao as folha_recuperacao
from desktop.reports.layout import Cabecalho, Rodape
from desktop.rules import formato, selo
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import ancoras as store_ancoras
from desktop.store import consultas_diario
from desktop.store import diario as store_diario
from desktop.store import documentos as registro
from desktop.store.chaves import ArquivoChaves, ErroChaves, normalizar_recuperacao
from desktop.store.consultas_diario import FiltrosDiario
from desktop.store.ids import agora, novo_id

from . import emissores, pades
from . import selo as selo_svc
from .codigos import (  # noqa: F401 — reexportados: documentos.AUTENTICO etc. continuam valendo
    ALFABETO, ALTERADO, AUTENTICO, CANCELADO, DESCONHECIDO, PDF_TAMANHO_MAXIMO, SUBSTITUIDO,
    TAMANHO_CODIGO, codigo_no_pdf, conferir_tamanho_pdf, normalizar_codigo, novo_codigo)
from .sessao import ErroNegocio, SemPermissao, Sessao

MOTIVO_MINIMO = 10
LIMITE_RELATORIO_DIARIO = 5000

_PAGINA = re.compile(rb"/Type\s*/Page\b")


@dataclass(frozen=True)
class Emitido:
    id: str
    codigo: str
    numero: int
    ano: int
    via: int
    sha256: str
    pdf: bytes
    paginas: int = 1


def contar_paginas(pdf: bytes) -> int:
    n = len(_PAGINA.findall(pdf))
    if n:
        return n
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


# -- emissão ---------------------------------------------------------------------------------
def cabecalho_do_orgao(sessao: Sessao) -> Cabecalho:
    """O timbre a partir dos dados do órgão (tabela escritorio)."""
    return emissores.obter(sessao.db, emissores.ORGAO).cabecalho()


# Quem emite cada tipo de documento: a permissão vem do tipo, nunca de quem chama. Um tipo fora
# destas listas é recusado (ninguém emite uma "Certidão" que o Paço não conhece).
_PERMISSOES_POR_TIPO: dict[str, tuple[Permissao, ...]] = {
    "relatorio_diario": (Permissao.DIARIO_LER,),
    "chave_recuperacao": (Permissao.USUARIOS_GERENCIAR,),
}
_PERMISSOES_POR_PREFIXO: tuple[tuple[str, tuple[Permissao, ...]], ...] = (
    ("magisterio_", (Permissao.DOCUMENTOS_EMITIR, Permissao.MAGISTERIO_LER)),
    ("conselho_", (Permissao.DOCUMENTOS_EMITIR, Permissao.CONSELHO_LER)),
    ("eleicao_", (Permissao.DOCUMENTOS_EMITIR, Permissao.ELEICAO_LER)),
    ("cert_", (Permissao.DOCUMENTOS_EMITIR, Permissao.CERTIFICACAO_LER)),
)


def permissoes_do_tipo(tipo: str) -> tuple[Permissao, ...]:
    """As permissões que emitir um documento do ``tipo`` exige; ErroNegocio se o tipo é desconhecido."""
    if tipo in _PERMISSOES_POR_TIPO:
        return _PERMISSOES_POR_TIPO[tipo]
    for prefixo, permissoes in _PERMISSOES_POR_PREFIXO:
        if tipo.startswith(prefixo):
            return permissoes
    raise ErroNegocio(f"O Paço não emite documentos do tipo {tipo!r}.")


def emitir(sessao: Sessao, *, tipo: str, titulo: str, montar: Callable[[Cabecalho, Rodape], bytes],
           referencia: str | None = None, via: int = 1,
           titular: str | None = None,
           cpf: str | None = None, assunto: str | None = None,
           dominio: str = registro.DOMINIO_GERAL, emissor_id: str | None = None,
           original_id: str | None = None, receita: dict | None = None,
           substitui_ids: Iterable[str] = ()) -> Emitido:
    """Gera e registra um documento numa só transação: número, código, PDF, SHA-256 e diário.

    ``titulo`` é o nome do tipo de documento como o leitor o vê ("Contracheque"); ``referencia``
    diz de quem ou de quê (nunca dados sigilosos: o registro é listado para conferência). Para a
    2ª via em diante, ``original_id`` (ou, sem ele, ``referencia``) identifica o original, cujo número e
    ano são repetidos.
    As permissões exigidas vêm do ``tipo`` (``permissoes_do_tipo``) e do papel da sessão.

    ``titular`` e ``cpf`` (mascarado) vão no selo assinado do QR; ``assunto`` diz de que fatos o
    documento depende (a substituição o procura) e liga-o aos substituídos do mesmo tipo, assunto e
    referência — e aos de ``substitui_ids`` (substituídos de outro assunto ou sem ele), na mesma transação;
    ``dominio`` decide onde o PDF é guardado. O PDF guardado é o devolvido, byte a byte.
    O emissor (timbre, CNPJ, chave do selo) é ``emissor_id`` (unidade certificadora) ou o do módulo
    do ``tipo`` (services.emissores). ``receita`` (JSON simples) são os dados de que o documento foi
    montado, guardados no domínio do PDF para a nova via sair igual (``documentos_vias.emitir_nova_via``).
    """
    if not (tipo or "").strip() or not (titulo or "").strip():
        raise ValueError("emitir() precisa de tipo e título.")
    permissoes = permissoes_do_tipo(tipo)
    for permissao in permissoes:
        sessao.exigir(permissao)
    if via < 1:
        raise ErroNegocio("A via deve ser 1 ou maior.")
    emissor = emissores.resolver(sessao.db, tipo=tipo, emissor_id=emissor_id)
    cabecalho = replace(emissor.cabecalho(), signatarios=tuple(  # impressos no fim dos documentos que se assinam
        (s["nome"], s["cargo"], s["ato"]) for s in emissores.signatarios(sessao.db, emissor.id)))
    with sessao.mudanca(permissoes[0]) as m:
        momento = agora()
        emitido_em = datetime.fromisoformat(momento)
        ano = emitido_em.astimezone().year
        if via == 1:
            numero = registro.proximo_numero(m.db, tipo, ano)
        else:
            if original_id:
                original = registro.por_id(m.db, original_id)
                original = original if original and original["tipo"] == tipo else None
            else:
                original = registro.primeira_via(m.db, tipo, referencia) if referencia else None
            if original is None:
                raise ErroNegocio(f"Para emitir a {via}ª via, informe a referência de um documento "
                                  "já emitido deste tipo.")
            numero, ano = original["numero"], original["ano"]
            if registro.via_existe(m.db, tipo, ano, numero, via):
                raise ErroNegocio(f"A {via}ª via de {titulo} nº {numero}/{ano} já foi emitida.")
        codigo = novo_codigo()
        while registro.codigo_existe(m.db, codigo):
            codigo = novo_codigo()
        ancora = store_ancoras.cabeca(m.db)
        sigilo = store_ancoras.cabeca(m.db, "sigilo") if "sigilo" in store_diario.esquemas(m.db) else None
        chave = selo_svc.chave_do_emissor(m, emissor.id)
        dados = {"k": chave.impressao, "c": codigo, "t": titulo, "n": numero, "a": ano, "w": via,
                 "d": emitido_em.astimezone().date().isoformat(), "h": titular or "",
                 "p": selo.mascarar_cpf(cpf), "e": cabecalho.cnpj}
        dados_b64 = selo.dados_b64(dados)
        texto_selo = selo.Selo(dados, dados_b64, chave.assinar(f"{selo.VERSAO}.{dados_b64}".encode())).texto
        certificado = emissores.certificado(m.db, emissor.id)
        rodape = Rodape(codigo, titulo, numero, ano, via, emitido_em, sessao.usuario.login,
                        diario=(ancora["seq"], ancora["hash"]) if ancora else None,
                        selo=texto_selo, impressao=chave.impressao, reservar_assinatura=certificado is not None)
        pdf = _selar(montar(cabecalho, rodape), chave, dados_b64)
        if certificado is not None:
            pdf = _assinar_pades(pdf, certificado, emissor)
        linha = {
            "id": novo_id(), "tipo": tipo, "numero": numero, "ano": ano, "via": via,
            "titulo": titulo, "referencia": referencia, "emitido_em": momento,
            "emitido_por": sessao.usuario.login, "sha256": hashlib.sha256(pdf).hexdigest(),
            "codigo": codigo, "paginas": contar_paginas(pdf),
            # âncoras: a cabeça do diário antes desta emissão (integridade as confere)
            "ancora_seq": ancora and ancora["seq"], "ancora_hash": ancora and ancora["hash"],
            "ancora_sigilo_seq": sigilo and sigilo["seq"], "ancora_sigilo_hash": sigilo and sigilo["hash"],
            "assunto": assunto, "emissor_id": emissor.id, "dominio": dominio,
        }
        m.inserir("documentos", linha)
        esquema_pdf = registro.guardar_pdf(m.db, linha["id"], dominio, pdf)
        if receita is not None:
            registro.guardar_receita(m.db, linha["id"], dominio, json.dumps(receita, ensure_ascii=False, default=str))
        m.sincronizar("documentos_pdf", linha["id"], "inserir", esquema=esquema_pdf)  # o PDF viaja às réplicas
        if receita is not None:  # e a receita, para a nova via sair igual em qualquer réplica
            m.sincronizar("documentos_receitas", linha["id"], "inserir", esquema=esquema_pdf)
        antigos = [d["id"] for d in registro.sem_substituto(m.db, tipo, assunto)] if assunto else []
        for antigo_id in dict.fromkeys([*antigos, *substitui_ids]):
            m.alterar_se("documentos", antigo_id, registro.ligar_substituto, substituto_id=linha["id"])
    if not (selo_svc.pasta_chaveiro() / f"{chave.impressao}{selo_svc.EXTENSAO}").exists():
        selo_svc.importar_chave(selo_svc.arquivo_chave_publica(sessao.db, emissor.id))  # confere sem login
    return Emitido(linha["id"], codigo, numero, ano, via, linha["sha256"], pdf, linha["paginas"])


def exportar_chave_publica(sessao: Sessao, emissor_id: str = emissores.ORGAO) -> bytes:
    """O arquivo .pacochave do emissor (chave pública Ed25519 do selo), para outras instalações."""
    sessao.exigir(Permissao.DOCUMENTOS_VERIFICAR)
    emissores.obter(sessao.db, emissor_id)
    with sessao.mudanca(None) as m:
        selo_svc.chave_do_emissor(m, emissor_id)
        dados = selo_svc.arquivo_chave_publica(m.db, emissor_id)
    selo_svc.importar_chave(dados)
    return dados


def _selar(pdf: bytes, chave: selo_svc.ChaveEmissor, dados_b64: str) -> bytes:
    """Assina o arquivo (bloco de tamanho fixo nas palavras-chave; ver rules.selo)."""
    try:
        pdf, sha = selo.preparar_pdf(pdf)
    except ValueError:  # PDF montado sem o layout comum: sai sem a assinatura de arquivo
        return pdf
    return selo.selar_pdf(pdf, chave.assinar(selo.mensagem_pdf(dados_b64, sha)))


def _assinar_pades(pdf: bytes, certificado, emissor) -> bytes:
    from desktop.reports.layout import CAIXA_ASSINATURA

    try:
        return pades.assinar(pdf, certificado, local=f"{emissor.municipio}-{emissor.uf}", caixa=CAIXA_ASSINATURA)
    except Exception as e:  # noqa: BLE001 — certificado vencido, chave inválida: nada é registrado
        raise ErroNegocio(f"O documento não foi emitido: a assinatura digital com o certificado de "
                          f"{certificado.titular} falhou ({e}). Confira o certificado em Emissores.") from None


def cancelar(sessao: Sessao, codigo: str, motivo: str) -> dict:
    """Cancela um documento emitido (ele continua no registro, marcado). Devolve a linha nova."""
    sessao.exigir(Permissao.DOCUMENTOS_CANCELAR)
    motivo = " ".join((motivo or "").split())
    if len(motivo) < MOTIVO_MINIMO:
        raise EntradaInvalida(f"Explique o motivo do cancelamento (pelo menos {MOTIVO_MINIMO} "
                              "caracteres), por exemplo: \"emitido com o mês errado\".")
    codigo = normalizar_codigo(codigo)
    with sessao.mudanca(Permissao.DOCUMENTOS_CANCELAR) as m:
        antes = registro.por_codigo(m.db, codigo)
        if antes is None:
            raise ErroNegocio(f"Nenhum documento com o código {codigo} foi emitido por este Paço.")
        if antes["cancelado_em"]:
            raise ErroNegocio(f"{_identificacao(antes)} já foi cancelado em "
                              f"{formato.data(antes['cancelado_em'], hora_local=True)} por {antes['cancelado_por']}.")
        depois = m.alterar_se("documentos", antes["id"], registro.marcar_cancelado, momento=agora(),
                              por=sessao.usuario.login, motivo=motivo)
    return depois


# -- consultas e documentos da fundação ------------------------------------------------------
def listar_documentos(sessao: Sessao, *, tipo: str | None = None, ano: int | None = None,
                      de: date | None = None, ate: date | None = None, texto: str | None = None,
                      cancelados: bool | None = None, limite: int = 1000) -> list[dict]:
    """O registro de documentos emitidos, do mais recente ao mais antigo (datas locais, inclusivas)."""
    sessao.exigir(Permissao.DOCUMENTOS_VERIFICAR)
    if not (sessao.pode(Permissao.DOCUMENTOS_EMITIR) or sessao.pode(Permissao.DIARIO_LER)):
        raise SemPermissao(f"O papel {sessao.usuario.rotulo_papel} não permite consultar o "
                           "registro de documentos emitidos.")
    return registro.listar(
        sessao.db, tipo=tipo, ano=ano, texto=(texto or "").strip() or None, cancelados=cancelados,
        de=consultas_diario.limite_inicial(de) if de else None,
        ate=consultas_diario.limite_final(ate) if ate else None, limite=limite,
    )


def emitir_relatorio_diario(sessao: Sessao, filtros: FiltrosDiario | None = None, *,
                            limite: int = LIMITE_RELATORIO_DIARIO) -> Emitido:
    """Relatório do diário de auditoria (linhas filtradas e veredito de integridade).

    Quem lê o diário pode emiti-lo (por exemplo, o papel de consulta do Ministério Público).
    Acima de ``limite`` linhas, vão as mais recentes, e o relatório diz quantas ficaram de fora.
    """
    sessao.exigir(Permissao.DIARIO_LER)
    filtros = filtros or FiltrosDiario()
    campos = dict(usuario=filtros.usuario, tabela=filtros.tabela, de=filtros.de, ate=filtros.ate,
                  texto=filtros.texto, esquema=filtros.esquema)
    if filtros.esquema not in store_diario.esquemas(sessao.db):
        raise SemPermissao("Este diário não está disponível nesta sessão: o diário sigiloso do Conselho "
                           "Tutelar só se abre com a chave do Conselho (ECA, art. 17).")
    from .integridade import verificar as verificar_integridade  # integridade -> copias -> documentos

    resultado = verificar_integridade(sessao)  # a mesma verificação completa da tela
    linhas = consultas_diario.listar(sessao.db, **campos, limite=limite)[::-1]
    total = consultas_diario.contar(sessao.db, **campos)
    descricao = filtros.descricao()
    referencia = "diário inteiro" if descricao == "nenhum" else f"filtros: {descricao}"

    def montar(cabecalho: Cabecalho, rodape: Rodape) -> bytes:
        return relatorio_diario.gerar(cabecalho, rodape, linhas=linhas,
                                      veredito=resultado.mensagem(), integro=resultado.ok,
                                      filtros=descricao, total=total)

    return emitir(sessao, tipo="relatorio_diario", titulo=relatorio_diario.TITULO, montar=montar,
                  referencia=referencia)


def emitir_folha_recuperacao(sessao: Sessao, chave: str) -> Emitido:
    """A folha para imprimir a chave de recuperação, mostrada na instalação.

    Registra o documento (código e SHA-256), mas a chave só existe no PDF devolvido: nem o
    registro nem o diário a guardam. Recusa uma chave que não abre esta base.
    """
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    try:
        chave = normalizar_recuperacao(chave)
        confere = ArquivoChaves.ler(sessao.base.caminho).e_a_recuperacao(chave)
    except ErroChaves:
        confere = False
    if not confere:
        raise ErroNegocio("Esta não é a chave de recuperação desta base; confira a chave mostrada "
                          "na instalação.")
    return emitir(sessao, tipo="chave_recuperacao", titulo=folha_recuperacao.TITULO,
                  montar=lambda cab, rod: folha_recuperacao.gerar(cab, rod, chave))


# A verificação mora em services.verificacao; os nomes continuam acessíveis por aqui.
from .verificacao import Verificacao, identificacao as _identificacao, verificar_codigo, verificar_pdf  # noqa: E402,F401
