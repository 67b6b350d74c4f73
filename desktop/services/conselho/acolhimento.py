"""Comunicação do acolhimento emergencial ao juiz em 24 horas (ECA, art. 93; art. 136, §ún.).

Toda decisão que aplica o acolhimento institucional (ECA, art. 101, VII) abre um prazo: o fato é
comunicado ao Juiz da Infância e da Juventude em até 24 horas (parâmetro ``conselho_colegiado``),
contadas da decisão. Registra-se quando e por qual ofício a comunicação foi feita (e o documento, se o
ofício foi emitido pelo Paço); o painel de prazos mostra as pendentes e as vencidas.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from desktop.rules.conselho import prazos as regra_prazos
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import documentos as registro
from desktop.store.conselho import colegiado as armazem
from desktop.store.ids import agora, novo_id

from .. import parametros
from ..sessao import ErroNegocio, Sessao
from .comum import agora_local, exigir_conteudo, iso_local, registrar_leitura

FUNDAMENTO = "ECA (Lei 8.069/1990), art. 93 e art. 136, parágrafo único"


def _com_limite(db, linha: dict) -> dict:
    decidida = datetime.fromisoformat(linha["decidida_em"])
    horas = parametros.vigente_na_conexao(db, "conselho_colegiado", decidida.date()).comunicacao_juizo_horas
    return {**linha, "limite": iso_local(decidida + timedelta(hours=horas)), "atendimento": f"{linha['numero']}/{linha['ano']}"}


def a_comunicar(db, excluir_de: str | None = None) -> list[dict]:
    """Os acolhimentos ainda não comunicados ao juiz, com o limite (para o painel de prazos)."""
    return [_com_limite(db, r) for r in armazem.acolhimentos(db, excluir_de) if r["comunicacao_id"] is None]


def acolhimentos(sessao: Sessao, momento: datetime | None = None, *, so_vencidos: bool = False) -> list[dict]:
    """Cada acolhimento aplicado, com o limite da comunicação ao juiz e a situação: 'cumprido',
    'no_prazo', 'vence_hoje' ou 'vencido' (cumprido fora do prazo diz 'cumprido_com_atraso')."""
    c = exigir_conteudo(sessao)
    agora_ = momento or agora_local()
    saida = []
    for r in armazem.acolhimentos(sessao.db, c["id"] if c else None):
        r = _com_limite(sessao.db, r)
        limite = datetime.fromisoformat(r["limite"])
        if r["comunicada_em"]:
            sit = "cumprido" if datetime.fromisoformat(r["comunicada_em"]) <= limite else "cumprido_com_atraso"
        else:
            sit = regra_prazos.situacao(limite, None, agora_)
        if so_vencidos and sit != regra_prazos.VENCIDO:
            continue
        saida.append({**r, "situacao": sit})
    registrar_leitura(sessao, "acolhimentos", {"acao": "acolhimentos", "itens": len(saida)})
    return saida


def registrar_comunicacao_juizo(sessao: Sessao, decisao_id: str, *, comunicada_em: datetime, oficio: str,
                                juizo: str = "", codigo_documento: str = "") -> dict:
    """Registra a comunicação do acolhimento ao juiz: data e hora, o ofício (número) e, se o ofício foi
    emitido pelo Paço, o código de verificação do documento."""
    c = exigir_conteudo(sessao, editar=True)
    d = armazem.decisao(sessao.db, decisao_id)
    if d is None:
        raise ErroNegocio("Decisão não encontrada.")
    exigir_conteudo(sessao, d["atendimento_id"], editar=True)
    if armazem.ACOLHIMENTO not in (d["medidas"] or "").split(","):
        raise ErroNegocio("Esta decisão não aplicou acolhimento institucional (ECA, art. 101, VII): não há "
                          "comunicação ao juiz do art. 93 a registrar.")
    if not isinstance(comunicada_em, datetime):
        raise EntradaInvalida("Informe a data e a hora da comunicação ao juiz.")
    comunicada_em = comunicada_em.replace(second=0, microsecond=0, tzinfo=None)
    if comunicada_em < datetime.fromisoformat(d["decidida_em"]):
        raise EntradaInvalida("A comunicação ao juiz não pode ser anterior à decisão de acolhimento.")
    if comunicada_em > agora_local():
        raise EntradaInvalida("A comunicação é registrada depois de feita: a data e hora não podem ser futuras.")
    if not (oficio or "").strip():
        raise EntradaInvalida("Informe o ofício (número) pelo qual o juiz foi comunicado (ECA, art. 93).")
    if armazem.comunicacao_juizo_registrada(sessao.db, decisao_id):
        raise ErroNegocio("A comunicação deste acolhimento ao juiz já foi registrada.")
    documento_id = None
    if (codigo_documento or "").strip():
        doc = registro.por_codigo(sessao.db, codigo_documento.strip().upper())
        if doc is None:
            raise EntradaInvalida("Nenhum documento emitido tem esse código de verificação.")
        documento_id = doc["id"]
    linha = {"id": novo_id(), "decisao_id": decisao_id, "comunicada_em": iso_local(comunicada_em),
             "oficio": oficio.strip(), "juizo": (juizo or "").strip(), "documento_id": documento_id,
             "registrada_por": c["id"], "criado_em": agora()}
    with sessao.mudanca(Permissao.CONSELHO_CASOS_EDITAR) as m:
        m.inserir("conselho_comunicacoes_juizo", linha)
    return linha
