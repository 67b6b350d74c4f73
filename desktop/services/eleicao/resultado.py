"""Resultado reproduzível a partir dos boletins gravados, painel ao vivo e passagem dos eleitos ao Conselho (arts. 6º, 14 e 15).

``registrar_eleitos`` grava a tabela ``conselheiros_eleitos``, que o módulo de operação do
Conselho Tutelar lê: titulares (ordem 1-5) e suplentes (ordem 1..n), com o mandato.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.eleicao import apuracao
from desktop.rules.eleicao.resultado import Candidato, Parentesco, Resultado, apurar as regra_apurar
from desktop.rules.papeis import Permissao
from desktop.store.eleicao import candidaturas as armazem_cand
from desktop.store.eleicao import votacao as armazem
from desktop.store.ids import agora, novo_id

from ..sessao import ErroNegocio, Sessao
from .comum import exigir_fase, processo_ou_erro, regras_em


@dataclass(frozen=True)
class Apuracao:
    processo: dict
    resultado: Resultado
    totais: apuracao.Totais
    secoes_total: int
    secoes_apuradas: int
    secoes_divergentes: int
    candidatos: dict[int, dict]  # número -> candidatura

    @property
    def completa(self) -> bool:
        return self.secoes_total > 0 and self.secoes_apuradas == self.secoes_total


def apurar(sessao: Sessao, processo_id: str) -> Apuracao:
    """Totaliza os boletins gravados e classifica os habilitados (parcial enquanto faltar seção)."""
    sessao.exigir(Permissao.ELEICAO_LER)
    db = sessao.db
    proc = processo_ou_erro(db, processo_id)
    regras = regras_em(db, date.fromisoformat(proc["eleicao"]))
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
                    {c["numero"]: c for c in cands})


def registrar_eleitos(sessao: Sessao, processo_id: str, resultado_documento_id: str | None = None) -> list[dict]:
    """Passa os eleitos ao Conselho: titulares e suplentes em ordem, com início e fim do mandato.

    Exige todas as seções apuradas. Encerra o processo. Devolve as linhas gravadas.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    exigir_fase(proc, "apuracao", acao="registrar os eleitos")
    a = apurar(sessao, processo_id)
    if not a.completa:
        raise ErroNegocio(f"Faltam {a.secoes_total - a.secoes_apuradas} seção(ões) por apurar; o resultado "
                          "só é oficial com todas (Lei 320/2023, art. 14 §1º).")
    momento = agora()
    linhas = []
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        for c in a.resultado.colocados:
            cand = a.candidatos[c.numero]
            linha = {"id": novo_id(), "processo_id": processo_id, "candidatura_id": cand["id"],
                     "pessoa_id": cand["pessoa_id"], "condicao": c.situacao, "ordem": c.ordem,
                     "votos": c.votos, "inicio_mandato": proc["posse"], "fim_mandato": proc["fim_mandato"],
                     "impedimento": c.impedimento, "sub_judice": int(c.sub_judice),
                     "resultado_documento_id": resultado_documento_id, "criado_em": momento}
            m.db["conselheiros_eleitos"].insert(linha)
            m.registrar("conselheiros_eleitos", linha["id"], "inserir", depois=linha)
            linhas.append(linha)
        m.db.execute("UPDATE eleicao_processos SET fase = 'encerrado', atualizado_em = ? WHERE id = ?",
                     [momento, processo_id])
        m.registrar("eleicao_processos", processo_id, "alterar", antes={"fase": proc["fase"]},
                    depois={"fase": "encerrado", "atualizado_em": momento})
    return linhas


def eleitos(sessao: Sessao, processo_id: str) -> list[dict]:
    """A composição eleita (titulares, depois suplentes, cada grupo em ordem)."""
    if not (sessao.pode(Permissao.ELEICAO_LER) or sessao.pode(Permissao.CONSELHO_LER)):
        sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.eleitos(sessao.db, processo_id)
