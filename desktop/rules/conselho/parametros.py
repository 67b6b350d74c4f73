"""Os números da Lei 320/2023 usados pelo Conselho Tutelar, montados a partir dos parâmetros datados.

``conselho_remuneracao`` (art. 40), ``conselho_prazos`` (arts. 16, 21 e 34) e ``conselho_expediente``
(art. 19) vêm de ``db/parametros``; aqui só se valida e converte o valor de uma vigência.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from desktop.rules import campos as c
from desktop.rules.validacao import EntradaInvalida

BASES_FUNCAO = ("salario_base", "salario_base_mais_plantao")


@dataclass(frozen=True)
class RegrasRemuneracao:
    """Lei 320/2023, art. 40: subsídio de N salários mínimos, gratificação de plantão e acréscimos (em %)."""

    salarios_minimos: Decimal
    gratificacao_plantao: Decimal
    acrescimo_presidente: Decimal
    acrescimo_vice: Decimal
    base_acrescimo_funcao: str
    fundamento: str = "Lei 320/2023, art. 40"

    @classmethod
    def de_valor(cls, valor, fundamento: str = "Lei 320/2023, art. 40") -> "RegrasRemuneracao":
        v = c.tabela(valor, ("salarios_minimos", "gratificacao_plantao", "acrescimo_presidente",
                             "acrescimo_vice", "base_acrescimo_funcao"), "da remuneração dos conselheiros")
        base = c.opcao(v["base_acrescimo_funcao"], "A base do acréscimo do presidente e do vice", BASES_FUNCAO)
        return cls(c.decimal_nao_negativo(v["salarios_minimos"], "salarios_minimos"),
                   *(c.percentual(v[k], k) for k in ("gratificacao_plantao", "acrescimo_presidente",
                                                     "acrescimo_vice")), base, fundamento)


@dataclass(frozen=True)
class RegrasPrazos:
    """Lei 320/2023, arts. 16 §§2º-3º, 21 §§1º-2º e 34 §ún."""

    comunicacao_horas: int
    ratificacao_dias_uteis: int
    alerta_suplentes: int
    anos_finais_indireta: int
    visitas_meses: int
    prazo_requisicao_dias: int
    fundamento: str = "Lei 320/2023, arts. 16, 21 e 34"

    @classmethod
    def de_valor(cls, valor, fundamento: str = "Lei 320/2023, arts. 16, 21 e 34") -> "RegrasPrazos":
        campos = ("comunicacao_horas", "ratificacao_dias_uteis", "alerta_suplentes",
                  "anos_finais_indireta", "visitas_meses", "prazo_requisicao_dias")
        v = c.tabela(valor, campos, "de prazos do Conselho Tutelar")
        return cls(*(c.inteiro(v[k], k) for k in campos), fundamento)


@dataclass(frozen=True)
class RegrasExpediente:
    """Lei 320/2023, art. 19: expediente das 08 às 12 h e das 14 às 18 h, todos os dias."""

    manha_inicio: time
    manha_fim: time
    tarde_inicio: time
    tarde_fim: time
    fundamento: str = "Lei 320/2023, art. 19"

    @classmethod
    def de_valor(cls, valor, fundamento: str = "Lei 320/2023, art. 19") -> "RegrasExpediente":
        campos = ("manha_inicio", "manha_fim", "tarde_inicio", "tarde_fim")
        v = c.tabela(valor, campos, "do expediente do Conselho Tutelar")
        horas = [c.hora(v[k], k) for k in campos]
        if not horas[0] < horas[1] <= horas[2] < horas[3]:
            raise EntradaInvalida("O expediente deve ter manhã e tarde em ordem (08:00-12:00, 14:00-18:00).")
        return cls(*horas, fundamento)

    def em_expediente(self, momento) -> bool:
        """O momento está dentro do expediente da manhã ou da tarde (art. 19)."""
        h = momento.time()
        return self.manha_inicio <= h < self.manha_fim or self.tarde_inicio <= h < self.tarde_fim


@dataclass(frozen=True)
class RegrasRelatorio:
    """Lei 320/2023, arts. 23 §1º e 36: o limiar de supressão das contagens pequenas do relatório."""

    limiar_supressao: int
    fundamento: str = "Lei 320/2023, arts. 23 §1º e 36"

    @classmethod
    def de_valor(cls, valor, fundamento: str = "Lei 320/2023, arts. 23 §1º e 36") -> "RegrasRelatorio":
        v = c.tabela(valor, ("limiar_supressao",), "do relatório trimestral do Conselho Tutelar")
        limiar = c.inteiro(v["limiar_supressao"], "limiar_supressao")
        if not 1 <= limiar <= 50:
            raise EntradaInvalida("O limiar de supressão do relatório deve ficar entre 1 (sem supressão) e 50.")
        return cls(limiar, fundamento)


@dataclass(frozen=True)
class RegrasFiscalizacao:
    """Lei 320/2023, art. 34: tolerância da visita prevista e prazo da comunicação de irregularidade."""

    visita_tolerancia_dias: int
    comunicacao_irregularidade_horas: int
    fundamento: str = "Lei 320/2023, art. 34"

    @classmethod
    def de_valor(cls, valor, fundamento: str = "Lei 320/2023, art. 34") -> "RegrasFiscalizacao":
        campos = ("visita_tolerancia_dias", "comunicacao_irregularidade_horas")
        v = c.tabela(valor, campos, "dos prazos da fiscalização do Conselho Tutelar")
        return cls(*(c.inteiro(v[k], k) for k in campos), fundamento)
