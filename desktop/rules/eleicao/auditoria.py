"""Verificações de plausibilidade dos boletins (fila de auditoria) e prazos de recurso e de contestação.

Como no onaio/tally-ho (``QuarantineCheck`` → ``Audit``): um boletim cujas contas fecham mas cujos
números fogem do esperado — comparecimento acima de uma parte dos aptos, um candidato com quase
todos os votos válidos da seção, brancos e nulos demais — não entra na apuração: vai à fila de
auditoria, e um supervisor da apuração o libera com o motivo (depois de conferir o boletim de
papel) ou registra a recontagem. Os limites são do parâmetro datado ``eleicao_apuracao`` (a
comissão especial os fixa; a lei não os dá). Os prazos de recurso (art. 11 §5º; art. 8º §13) e de
contestação do resultado (art. 14 §1º) também são desse parâmetro: a lei manda o edital fixá-los
(art. 7º §1º a) sem dizer quantos dias (docs/interpretacoes.md).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal

from desktop.rules.campos import inteiro, percentual, tabela

from .apuracao import Boletim

ARTIGO_AUDITORIA = "Lei 320/2023, arts. 9º e 14 §1º; limites da comissão especial (parâmetro eleicao_apuracao)"


@dataclass(frozen=True)
class RegrasApuracao:
    comparecimento_max_pct: Decimal    # comparecimento acima desta parte dos aptos: auditoria
    candidato_max_pct: Decimal         # um candidato acima desta parte dos votos nominais da seção
    brancos_nulos_max_pct: Decimal     # brancos + nulos acima desta parte do comparecimento
    prazo_recurso_dias: int            # recurso ao CMDCA contra decisão da comissão (art. 11 §5º)
    prazo_contestacao_dias: int        # contestação do resultado publicado (art. 14 §1º)
    fundamento: str = "Edital do processo de escolha (Lei 320/2023, art. 7º §1º a)"

    @classmethod
    def de_valor(cls, valor: dict, fundamento: str | None = None) -> "RegrasApuracao":
        nomes = tuple(f.name for f in fields(cls) if f.name != "fundamento")
        v = tabela(valor, nomes, "eleicao_apuracao")
        dados = {}
        for n in nomes:
            rotulo = f"Parâmetro eleicao_apuracao: {n}"
            dados[n] = inteiro(v[n], rotulo, minimo=1) if n.startswith("prazo") else percentual(v[n], rotulo)
        if fundamento:
            dados["fundamento"] = fundamento
        return cls(**dados)


@dataclass(frozen=True)
class Alerta:
    codigo: str   # comparecimento | candidato | brancos_nulos
    mensagem: str


def _pct(parte: int, todo: int) -> Decimal:
    return Decimal(parte) * 100 / Decimal(todo) if todo else Decimal(0)


def verificar(b: Boletim, r: RegrasApuracao) -> list[Alerta]:
    """Os alertas do boletim (vazio: entra direto na apuração). Só para boletins com as contas certas."""
    alertas = []
    if b.aptos and _pct(b.comparecimento, b.aptos) > r.comparecimento_max_pct:
        alertas.append(Alerta("comparecimento", (
            f"Seção {b.secao}: comparecimento de {b.comparecimento} em {b.aptos} aptos "
            f"({_pct(b.comparecimento, b.aptos):.1f}%), acima de {r.comparecimento_max_pct}% dos aptos")))
    if b.nominais:
        numero, votos = max(b.votos.items(), key=lambda kv: (kv[1], -kv[0]))
        if _pct(votos, b.nominais) > r.candidato_max_pct:
            alertas.append(Alerta("candidato", (
                f"Seção {b.secao}: o candidato {numero} tem {votos} dos {b.nominais} votos nominais "
                f"({_pct(votos, b.nominais):.1f}%), acima de {r.candidato_max_pct}%")))
    if b.comparecimento and _pct(b.brancos + b.nulos, b.comparecimento) > r.brancos_nulos_max_pct:
        alertas.append(Alerta("brancos_nulos", (
            f"Seção {b.secao}: brancos e nulos somam {b.brancos + b.nulos} de {b.comparecimento} votantes "
            f"({_pct(b.brancos + b.nulos, b.comparecimento):.1f}%), acima de {r.brancos_nulos_max_pct}%")))
    return alertas


def fim_recurso(decidida_em: date, r: RegrasApuracao) -> date:
    """Último dia para recorrer ao CMDCA da decisão da comissão (art. 11 §5º; prazo do edital)."""
    return decidida_em + timedelta(days=r.prazo_recurso_dias)


def fim_contestacao(publicado_em: date, r: RegrasApuracao) -> date:
    """Último dia para contestar o resultado publicado (art. 14 §1º; prazo do edital)."""
    return publicado_em + timedelta(days=r.prazo_contestacao_dias)
