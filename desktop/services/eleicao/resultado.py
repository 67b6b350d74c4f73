"""Resultado reproduzível a partir dos boletins gravados, painel ao vivo, publicação e posse (arts. 6º, 14 e 15).

O rito: todas as seções aceitas (sem divergência nem auditoria pendente) → ``publicar_resultado``
(abre o prazo de contestação, art. 14 §1º) → terminado o prazo, ``encerrar_e_dar_posse`` grava a
composição eleita (``conselheiros_eleitos``: titulares 1-5 e suplentes 1..n, com o mandato), cria os
mandatos no Conselho (services.conselho.mandatos.posse_dos_eleitos) e encerra o processo — feito
pela comissão especial/administração, sem o conselheiro precisar consultar o processo de escolha.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from desktop.rules import formato, validacao
from desktop.rules.eleicao import apuracao
from desktop.rules.eleicao import atos as regra_atos
from desktop.rules.eleicao import auditoria as regra_auditoria
from desktop.rules.eleicao.resultado import Candidato, Parentesco, ResultadoEleicao, apurar as regra_apurar
from desktop.rules.papeis import Permissao
from desktop.store.eleicao import candidaturas as armazem_cand
from desktop.store.eleicao import votacao as armazem
from desktop.rules.validacao import EntradaInvalida
from desktop.store.ids import agora, novo_id

from .. import parametros, replicas
from ..sessao import ErroNegocio, Sessao
from ..conselho import mandatos
from .comum import exigir_apuracao, exigir_fase, hoje, processo_ou_erro
from .votacao import exigir_dia_da_eleicao


@dataclass(frozen=True)
class Apuracao:
    processo: dict
    resultado: ResultadoEleicao
    totais: apuracao.Totais
    secoes_total: int
    secoes_apuradas: int
    secoes_divergentes: int
    candidatos: dict[int, dict]  # número -> candidatura
    secoes_em_auditoria: int = 0

    @property
    def completa(self) -> bool:
        return self.secoes_total > 0 and self.secoes_apuradas == self.secoes_total


def apurar(sessao: Sessao, processo_id: str) -> Apuracao:
    """Totaliza os boletins gravados e classifica os habilitados (parcial enquanto faltar seção)."""
    sessao.exigir(Permissao.ELEICAO_LER)
    db = sessao.db
    proc = processo_ou_erro(db, processo_id)
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    cands = armazem_cand.candidaturas(db, processo_id, "habilitado")
    secoes = armazem.secoes(db, processo_id)
    boletins = [apuracao.Boletim(b["secao"], b["aptos"], b["comparecimento"], b["brancos"], b["nulos"],
                                 b["votos"]) for b in armazem.boletins(db, processo_id)]
    totais = apuracao.totalizar(boletins, [c["numero"] for c in cands])
    por_id = {c["id"]: c for c in cands}
    candidatos = [Candidato(c["numero"], c["nome_urna"], totais.votos.get(c["numero"], 0),
                            date.fromisoformat(c["nascimento"]) if c["nascimento"] else None,
                            Decimal(c["nota_prova"]) if c["nota_prova"] else None, bool(c["sub_judice"]))
                  for c in cands]
    parentescos = [Parentesco(p["numero_a"], p["numero_b"], p["vinculo"])
                   for p in armazem_cand.parentescos(db, processo_id)
                   if p["candidatura_a"] in por_id and p["candidatura_b"] in por_id]
    resultado = regra_apurar(candidatos, parentescos, criterio=proc["criterio_desempate"],
                             titulares=regras.titulares, minimo_habilitados=regras.minimo_habilitados)
    divergentes = sum(1 for s in secoes if not s["apurada"] and s["digitacoes"] >= 2)
    return Apuracao(proc, resultado, totais, len(secoes), len(boletins), divergentes,
                    {c["numero"]: c for c in cands}, sum(1 for s in secoes if s["em_auditoria"]))


def exigir_completa(a: Apuracao, acao: str) -> None:
    """Recusa enquanto faltar seção aceita: sem boletim, divergente ou na fila de auditoria (art. 14 §1º)."""
    if not a.completa:
        partes = [f"{a.secoes_total - a.secoes_apuradas} seção(ões) ainda não aceita(s)"]
        if a.secoes_divergentes:
            partes.append(f"{a.secoes_divergentes} com divergência para o supervisor")
        if a.secoes_em_auditoria:
            partes.append(f"{a.secoes_em_auditoria} na fila de auditoria")
        raise ErroNegocio(f"Não é possível {acao}: " + ", ".join(partes) + "; o resultado só é oficial com "
                          "todas as seções aceitas (Lei 320/2023, art. 14 §1º).")


def registrar_sessao_apuracao(sessao: Sessao, processo_id: str, *, inicio: datetime, fim: datetime | None,
                              local: str, membros: list[str]) -> dict:
    """Registra a sessão pública de apuração para a ata: início e fim (hora), local e membros presentes."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_apuracao(proc, "sessao")
    exigir_fase(proc, "homologado", "apuracao", acao="registrar a sessão de apuração")
    exigir_dia_da_eleicao(proc, "sessao")
    if inicio.date() < date.fromisoformat(proc["eleicao"]):
        raise ErroNegocio(f"A apuração não começa antes do dia da eleição ({formato.data(date.fromisoformat(proc['eleicao']))}) "
                          "(Lei 320/2023, art. 5º I).")
    if inicio.date() > hoje():
        raise ErroNegocio("O início da sessão de apuração não pode ser no futuro.")
    if fim is not None and fim < inicio:
        raise EntradaInvalida("O fim da sessão de apuração deve ser depois do início.")
    presentes = [" ".join(str(x).split()) for x in membros if str(x).strip()]
    if len(presentes) < 2:
        raise EntradaInvalida("Informe os membros da comissão especial presentes (pelo menos dois), um por linha, "
                              "com a função (Lei 320/2023, art. 7º §1º d).")
    novos = {"apuracao_inicio": inicio.isoformat(timespec="minutes"),
             "apuracao_fim": fim.isoformat(timespec="minutes") if fim else None,
             "apuracao_local": validacao.obrigatorio(local, "o local da apuração"),
             "apuracao_membros": json.dumps(presentes, ensure_ascii=False), "atualizado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return m.alterar("eleicao_processos", processo_id, novos, so_os_campos=True)


def situacao_da_apuracao(sessao: Sessao, processo_id: str) -> dict:
    """O que a tela da apuração precisa saber antes de oferecer as escritas: ``recusas`` — para cada ação de
    ``rules.eleicao.atos.ACOES_APURACAO`` que a fase gravada ou o dia de hoje não admitem, o motivo com o artigo (no
    processo encerrado, todas: art. 14 §§1º e 2º; antes do dia da eleição, boletins, sessão e resultado: art. 5º I;
    a posse, até o fim do prazo de contestação: art. 14 §1º) —, ``aviso``, a linha de situação do processo encerrado (ou ``None``), e ``presentes``,
    os membros registrados na sessão de apuração, na ordem gravada."""
    sessao.exigir(Permissao.ELEICAO_LER)
    proc = processo_ou_erro(sessao.db, processo_id)
    atos = regra_atos.Atos.do_processo(proc)
    eleicao = date.fromisoformat(proc["eleicao"])
    contestacao = date.fromisoformat(proc["contestacao_fim"]) if proc["contestacao_fim"] else None
    dia = hoje()
    recusas = {acao: motivo for acao in regra_atos.ACOES_APURACAO
               if (motivo := regra_atos.recusa_apuracao(atos, acao)
                   or regra_atos.recusa_apuracao_no_dia(atos, acao, eleicao, contestacao, dia))}
    return {"recusas": recusas, "aviso": regra_atos.aviso_encerrado(atos), "presentes": json.loads(proc["apuracao_membros"] or "[]")}


def publicar_resultado(sessao: Sessao, processo_id: str) -> dict:
    """Publica o resultado (art. 14 §1º): só com todas as seções aceitas; abre o prazo de contestação."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    replicas.exigir_designada(sessao.db, "Publicar o resultado da eleição")
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_apuracao(proc, "publicar")
    exigir_fase(proc, "apuracao", acao="publicar o resultado")
    exigir_dia_da_eleicao(proc, "publicar")
    if proc["resultado_publicado_em"]:
        raise ErroNegocio(f"O resultado já foi publicado em {formato.data(date.fromisoformat(proc['resultado_publicado_em']))}.")
    exigir_completa(apurar(sessao, processo_id), "publicar o resultado")
    dia = hoje()
    regras = parametros.vigente(sessao, "eleicao_apuracao", date.fromisoformat(proc["eleicao"]))
    novos = {"resultado_publicado_em": dia.isoformat(),
             "contestacao_fim": regra_auditoria.fim_contestacao(dia, regras).isoformat(), "atualizado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return m.alterar("eleicao_processos", processo_id, novos, so_os_campos=True)


def _exigir_prazo_vencido(proc: dict, acao: str) -> None:
    """``acao`` ("registrar os eleitos" ou "encerrar e dar posse") só com o resultado publicado e terminado o prazo
    de contestação que ele abriu (Lei 320/2023, art. 14 §1º); cada uma com a sua mensagem, da regra."""
    if not proc["resultado_publicado_em"]:
        raise ErroNegocio(f"Não é possível {acao}: publique antes o resultado, que abre o prazo de contestação "
                          "(Lei 320/2023, art. 14 §1º).")
    contestacao, dia = date.fromisoformat(proc["contestacao_fim"]), hoje()
    if acao == "registrar os eleitos":
        motivo = regra_atos.recusa_registrar_eleitos_no_dia(contestacao, dia)
    else:
        motivo = regra_atos.recusa_apuracao_no_dia(regra_atos.Atos.do_processo(proc), "posse",
                                                   date.fromisoformat(proc["eleicao"]), contestacao, dia)
    if motivo:
        raise ErroNegocio(motivo)


def registrar_eleitos(sessao: Sessao, processo_id: str, resultado_documento_id: str | None = None) -> list[dict]:
    """Passa os eleitos ao Conselho: titulares e suplentes em ordem, com início e fim do mandato.

    Exige todas as seções apuradas. Encerra o processo. Devolve as linhas gravadas.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_fase(proc, "apuracao", acao="registrar os eleitos")
    _exigir_prazo_vencido(proc, "registrar os eleitos")
    a = apurar(sessao, processo_id)
    exigir_completa(a, "registrar os eleitos")
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return _gravar_eleitos(m, proc, a, resultado_documento_id)


def _gravar_eleitos(m, proc: dict, a: Apuracao, resultado_documento_id: str | None) -> list[dict]:
    processo_id = proc["id"]
    momento = agora()
    linhas = []
    for c in a.resultado.colocados:
        cand = a.candidatos[c.numero]
        linha = {"id": novo_id(), "processo_id": processo_id, "candidatura_id": cand["id"],
                 "pessoa_id": cand["pessoa_id"], "condicao": c.situacao, "ordem": c.ordem,
                 "votos": c.votos, "inicio_mandato": proc["posse"], "fim_mandato": proc["fim_mandato"],
                 "impedimento": c.impedimento, "sub_judice": int(c.sub_judice),
                 "resultado_documento_id": resultado_documento_id, "criado_em": momento}
        m.inserir("conselheiros_eleitos", linha)
        linhas.append(linha)
    m.alterar("eleicao_processos", processo_id, {"fase": "encerrado", "atualizado_em": momento}, so_os_campos=True)
    return linhas


def encerrar_e_dar_posse(sessao: Sessao, processo_id: str) -> list[dict]:
    """Encerra o processo e dá posse: grava a composição eleita e cria os mandatos no Conselho.

    Pela comissão especial ou pela administração (permissão do processo de escolha), depois do prazo
    de contestação do resultado publicado (art. 14 §1º); a posse é a do calendário (arts. 5º IV e
    14 §2º). Numa só transação: eleitos, mandatos (titulares em exercício, suplentes na ordem) e fim
    do processo. Devolve os conselheiros criados no Conselho.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    replicas.exigir_designada(sessao.db, "Encerrar o processo e dar posse")
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_apuracao(proc, "posse")
    exigir_fase(proc, "apuracao", "encerrado", acao="encerrar e dar posse")
    if proc["posse_dada_em"]:
        raise ErroNegocio(f"A posse deste processo já foi dada em {formato.data(proc['posse_dada_em'])}.")
    _exigir_prazo_vencido(proc, "encerrar e dar posse")
    a = apurar(sessao, processo_id) if proc["fase"] == "apuracao" else None
    if a is not None:
        exigir_completa(a, "encerrar e dar posse")
    momento = agora()
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        if a is not None:
            _gravar_eleitos(m, proc, a, None)
        feitos = mandatos.posse_dos_eleitos(m, processo_id)
        m.alterar("eleicao_processos", processo_id, {"posse_dada_em": momento, "atualizado_em": momento},
                  no_diario=({"posse_dada_em": None},
                             {"posse_dada_em": momento, "conselheiros": [c["id"] for c in feitos]}))
    return feitos


def eleitos(sessao: Sessao, processo_id: str) -> list[dict]:
    """A composição eleita (titulares, depois suplentes, cada grupo em ordem)."""
    if not (sessao.pode(Permissao.ELEICAO_LER) or sessao.pode(Permissao.CONSELHO_LER)):
        sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.eleitos(sessao.db, processo_id)
