"""Percentuais e prazos das gratificações do magistério de Jequié (parâmetro ``magisterio_gratificacoes``).

Os números vêm da Lei 1.613/2004 (arts. 27, 34, 38, 40, 41, 42, 44, 45, 46, 47, 49, 50, 52 e
80) pela vigência do parâmetro na competência; aqui só se lê e valida o valor gravado.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules import campos as c
from desktop.rules.campos import tabela
from desktop.rules.validacao import EntradaInvalida

from .tipos import CLASSES, Nivel, Porte

TITULO = "gratificações do magistério"


def _pct(valor, campo: str) -> Decimal:
    return c.percentual(valor, f"O percentual {campo} ({TITULO})")


def _positivo(valor, campo: str) -> Decimal:
    return c.positivo(valor, f"{campo} ({TITULO})")


def _inteiro(valor, campo: str) -> int:
    return c.inteiro(valor, f"{campo[:1].upper()}{campo[1:]} ({TITULO})", minimo=1)


def _data(valor, campo: str) -> date:
    return c.data(valor, f"{campo} ({TITULO})")


@dataclass(frozen=True)
class Art47:
    """Gratificação de estímulo ao aperfeiçoamento (arts. 46 e 47)."""

    horas_i: Decimal
    percentual_i: Decimal
    horas_ii: Decimal
    percentual_ii: Decimal
    horas_especializacao: Decimal
    percentual_especializacao: Decimal
    percentual_mestrado: Decimal
    percentual_doutorado: Decimal
    teto: Decimal
    conclusao_desde: date
    intersticio_anos: int


@dataclass(frozen=True)
class GratificacoesMagisterio:
    lei_inicio: date
    art27_atividades_complementares: Decimal
    art34_divisor_dia: Decimal
    art34_divisor_hora: Decimal
    art38_referencia: tuple[Nivel, str]
    art38_fg: dict[int, dict[Porte, Decimal]]   # jornada → porte → %
    art40_incorporacao_anos: int
    art40_maior_valor_anos: int
    art41_minimo: Decimal
    art41_maximo: Decimal
    art42_dificil_acesso: Decimal
    art44_nee: Decimal
    art44_alunos_minimos: int
    art45_cet: Decimal
    art47: Art47
    art49_zona_rural: Decimal
    art50_noturno: Decimal
    art50_semanas_mes: Decimal
    art52_incorporacao_anos: int
    fundamento: str = ""
    inicio: date | None = None  # início da vigência lida (services.parametros.vigente)

    @classmethod
    def de_valor(cls, valor, fundamento: str = "") -> "GratificacoesMagisterio":
        """Monta e valida a partir do valor gravado (forma de db/parametros/magisterio_gratificacoes.toml)."""
        if not isinstance(valor, dict):
            raise EntradaInvalida(f"O valor das {TITULO} deve ser uma tabela com os campos da lei.")
        campos = ("lei_inicio", "art27_atividades_complementares", "art34_divisor_dia", "art34_divisor_hora",
                  "art38_referencia", "art38_fg", "art40_incorporacao_anos", "art40_maior_valor_anos",
                  "art41_minimo", "art41_maximo", "art42_dificil_acesso", "art44_nee",
                  "art44_alunos_minimos", "art45_cet", "art47", "art49_zona_rural", "art50_noturno",
                  "art50_semanas_mes", "art52_incorporacao_anos")
        tabela(valor, campos, TITULO)
        ref = valor["art38_referencia"]
        try:
            referencia = (Nivel(str(ref["nivel"])), str(ref["classe"]))
        except (KeyError, TypeError, ValueError):
            raise EntradaInvalida(f"A referência do art. 38 ({TITULO}) precisa de nível (1 a 4) e classe.") from None
        if referencia[1] not in CLASSES:
            raise EntradaInvalida(f"A classe de referência do art. 38 ({TITULO}) deve ser de A a G.")
        fg = {}
        if not isinstance(valor["art38_fg"], dict) or not valor["art38_fg"]:
            raise EntradaInvalida(f"Os percentuais do art. 38 ({TITULO}) devem ser uma tabela por jornada.")
        for jornada, portes in valor["art38_fg"].items():
            if str(jornada) not in ("20", "40") or not isinstance(portes, dict):
                raise EntradaInvalida(f"Art. 38 ({TITULO}): use as jornadas \"20\" e \"40\", cada uma com os portes.")
            try:
                fg[int(jornada)] = {Porte(p): _pct(v, f"do art. 38, {jornada} h, porte {p}") for p, v in portes.items()}
            except ValueError as e:
                if isinstance(e, EntradaInvalida):
                    raise
                raise EntradaInvalida(f"Art. 38 ({TITULO}): porte desconhecido; use grande, medio, pequeno "
                                      "ou especial.") from None
        a = valor["art47"]
        if not isinstance(a, dict):
            raise EntradaInvalida(f"O art. 47 ({TITULO}) deve ser uma tabela.")
        try:
            art47 = Art47(
                _positivo(a["horas_i"], "as horas do art. 47, I"), _pct(a["percentual_i"], "do art. 47, I"),
                _positivo(a["horas_ii"], "as horas do art. 47, II"), _pct(a["percentual_ii"], "do art. 47, II"),
                _positivo(a["horas_especializacao"], "as horas da especialização (art. 47, III)"),
                _pct(a["percentual_especializacao"], "do art. 47, III"),
                _pct(a["percentual_mestrado"], "do art. 47, IV"), _pct(a["percentual_doutorado"], "do art. 47, V"),
                _pct(a["teto"], "máximo do art. 47, §1º"), _data(a["conclusao_desde"], "a data do art. 46, §1º"),
                _inteiro(a["intersticio_anos"], "o interstício do art. 47, §3º"))
        except KeyError as e:
            raise EntradaInvalida(f"Falta o campo {e.args[0]} no art. 47 ({TITULO}).") from None
        if art47.horas_ii <= art47.horas_i:
            raise EntradaInvalida(f"Art. 47 ({TITULO}): as horas do inciso II devem ser maiores que as do inciso I.")
        g = cls(
            lei_inicio=_data(valor["lei_inicio"], "o início da lei"),
            art27_atividades_complementares=_pct(valor["art27_atividades_complementares"], "do art. 27"),
            art34_divisor_dia=_positivo(valor["art34_divisor_dia"], "o divisor do dia de falta (art. 34)"),
            art34_divisor_hora=_positivo(valor["art34_divisor_hora"], "o divisor da hora de falta (art. 34)"),
            art38_referencia=referencia, art38_fg=fg,
            art40_incorporacao_anos=_inteiro(valor["art40_incorporacao_anos"], "os anos do art. 40"),
            art40_maior_valor_anos=_inteiro(valor["art40_maior_valor_anos"], "os anos do art. 40, parágrafo único"),
            art41_minimo=_pct(valor["art41_minimo"], "mínimo do art. 41"),
            art41_maximo=_pct(valor["art41_maximo"], "máximo do art. 41"),
            art42_dificil_acesso=_pct(valor["art42_dificil_acesso"], "do art. 42"),
            art44_nee=_pct(valor["art44_nee"], "do art. 44"),
            art44_alunos_minimos=_inteiro(valor["art44_alunos_minimos"], "o mínimo de alunos do art. 44"),
            art45_cet=_pct(valor["art45_cet"], "do art. 45"), art47=art47,
            art49_zona_rural=_pct(valor["art49_zona_rural"], "do art. 49"),
            art50_noturno=_pct(valor["art50_noturno"], "do art. 50"),
            art50_semanas_mes=_positivo(valor["art50_semanas_mes"], "as semanas por mês do art. 50"),
            art52_incorporacao_anos=_inteiro(valor["art52_incorporacao_anos"], "os anos do art. 52"),
            fundamento=fundamento)
        if g.art41_minimo > g.art41_maximo:
            raise EntradaInvalida(f"Art. 41 ({TITULO}): o mínimo não pode passar do máximo.")
        return g

    def percentual_art41(self, configurado: Decimal) -> tuple[Decimal, str | None]:
        """O percentual do art. 41 configurado, contido na faixa da lei; aviso se foi ajustado."""
        if configurado < self.art41_minimo or configurado > self.art41_maximo:
            ajustado = min(max(configurado, self.art41_minimo), self.art41_maximo)
            return ajustado, (f"O percentual do art. 41 configurado ({configurado} %) está fora da faixa da "
                              f"lei ({self.art41_minimo} % a {self.art41_maximo} %); usado {ajustado} %. "
                              "Corrija a configuração do magistério.")
        return configurado, None
