"""Acompanhamento (Portaria MEC 902/2024, arts. 4º II e 12): contagens por perfil, etapa, resultado e período; CSV para o Sistec."""
from __future__ import annotations

import io
from collections import Counter
from datetime import date

from desktop.rules import csv_seguro, formato
from desktop.rules.certificacao.tipos import ROTULOS_ETAPA, ROTULOS_RESULTADO, ROTULOS_SITUACAO, ROTULOS_TIPO, Etapa, TipoCertificacao
from desktop.rules.validacao import formatar_cpf
from desktop.store.certificacao import processos as consultas

from desktop.store.ids import agora

from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, iso

def contagens(sessao: Sessao, de: date | None = None, ate: date | None = None) -> dict[str, Counter]:
    """Totais de processos inscritos no período: ``por_perfil``, ``por_etapa``, ``por_resultado``, ``por_situacao``."""
    sessao.exigir(LER)
    linhas = consultas.contagens(sessao.db, iso(de), iso(ate))
    saida = {k: Counter() for k in ("por_perfil", "por_etapa", "por_resultado", "por_situacao")}
    for l in linhas:
        saida["por_perfil"][l["perfil"]] += l["n"]
        saida["por_etapa"][ROTULOS_ETAPA[Etapa(l["etapa"])]] += l["n"]
        saida["por_resultado"][ROTULOS_RESULTADO[l["resultado"]]] += l["n"]
        saida["por_situacao"][ROTULOS_SITUACAO.get(l["situacao"], l["situacao"])] += l["n"]
    ordem = [ROTULOS_ETAPA[e] for e in Etapa]
    saida["por_etapa"] = Counter({k: saida["por_etapa"][k] for k in ordem if saida["por_etapa"][k]})
    return saida


COLUNAS_SISTEC = ("cpf", "nome", "data_nascimento", "codigo_unidade_sistec", "codigo_curso_sistec",
                  "codigo_ciclo_sistec", "unidade", "perfil", "tipo_certificacao", "etapa", "situacao", "resultado",
                  "data_inscricao", "data_resultado", "data_conclusao", "codigo_sistec")
TIPOS_CODIGO = {"unidade": "unidade certificadora", "curso": "curso", "ciclo": "ciclo de matrícula (oferta)"}


def codigos_sistec(sessao: Sessao) -> list[dict]:
    """A tabela de códigos do Sistec a preencher uma vez: unidades, cursos e ciclos, com o código ou vazio."""
    sessao.exigir(LER)
    return consultas.referencias_sistec(sessao.db)


def definir_codigo_sistec(sessao: Sessao, tipo: str, referencia_id: str, codigo: str) -> dict:
    """Grava (ou troca) o código do Sistec da unidade, do curso ou do ciclo; só dígitos, como o Sistec usa."""
    sessao.exigir(EDITAR)
    if tipo not in TIPOS_CODIGO:
        raise ErroNegocio(f"Tipo de código do Sistec desconhecido: {tipo}.")
    codigo = "".join((codigo or "").split())
    if not codigo.isdigit() or len(codigo) > 12:
        raise ErroNegocio(f"O código do Sistec do(a) {TIPOS_CODIGO[tipo]} tem só dígitos (até 12); veio {codigo!r}.")
    if not any(r["tipo"] == tipo and r["referencia_id"] == referencia_id for r in consultas.referencias_sistec(sessao.db)):
        raise ErroNegocio("Cadastro não encontrado; atualize a lista.")
    with sessao.mudanca(EDITAR) as m:
        antes = consultas.codigos_sistec(m.db).get((tipo, referencia_id))
        linha = {"id": consultas.id_codigo_sistec(tipo, referencia_id), "tipo": tipo, "referencia_id": referencia_id,
                 "codigo": codigo, "atualizado_em": agora()}
        # a primeira gravação é uma inclusão (a linha inteira no diário: só assim a outra réplica a cria); a troca
        # leva o código de antes e o novo com o carimbo
        m.gravar("cert_sistec_codigos", linha, no_diario=None if antes is None else (
            {"codigo": antes}, {"codigo": codigo, "atualizado_em": linha["atualizado_em"]}))
    return linha


def csv_sistec(sessao: Sessao, de: date | None = None, ate: date | None = None) -> str:
    """Uma linha por processo, separada por ponto e vírgula, datas dd/mm/aaaa, com os códigos do Sistec da
    unidade, do curso e do ciclo (``definir_codigo_sistec``; vazios enquanto não preenchidos) e os nomes."""
    sessao.exigir(LER)
    saida = io.StringIO()
    w = csv_seguro.escritor(saida, delimiter=";", lineterminator="\r\n")  # nome ou perfil não viram fórmula
    w.writerow(COLUNAS_SISTEC)

    codigos = consultas.codigos_sistec(sessao.db)
    for p in consultas.processos(sessao.db):
        if (de and p["inscrito_em"] < iso(de)) or (ate and p["inscrito_em"] > iso(ate)):
            continue
        w.writerow([formatar_cpf(p["cpf"]), p["nome"], formato.data(p["nascimento"]), codigos.get(("unidade", p["unidade_id"]), ""),
                    codigos.get(("curso", p["curso_id"]), ""), codigos.get(("ciclo", p["oferta_id"]), ""),
                    p["unidade"], p["perfil"],
                    ROTULOS_TIPO[TipoCertificacao(p["tipo"])], ROTULOS_ETAPA[Etapa(p["etapa"])], p["situacao"],
                    p["resultado"] or "", formato.data(p["inscrito_em"]), formato.data(p["resultado_em"]), formato.data(p["concluido_em"]),
                    p["sistec_codigo"] or ""])
    return saida.getvalue()
