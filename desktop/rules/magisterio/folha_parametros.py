"""Valores datados da folha do magistério já resolvidos para uma competência.

``ParametrosFolhaMagisterio`` junta tudo o que o cálculo do contracheque precisa, na vigência do
dia 1º da competência: Anexos I, II e III (arts. 36-38), regras da carreira (arts. 20-22),
gratificações (arts. 27-52), regras gerais da folha, tabelas do INSS e do IRRF e a alíquota do
RPPS. O serviço monta-o com ``de_vigentes`` a partir de ``services.parametros.vigente``; os
testes e a calculadora, com ``de_parametros`` a partir das vigências (sem base).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Iterable, Mapping

from desktop.rules.dinheiro import decimal_de
from desktop.rules.folha.regras import Previdencia, PrevidenciaINSS, PrevidenciaRPPS, RegrasFolha
from desktop.rules.inss import TabelaINSS
from desktop.rules.irrf import TabelaIRRF
from desktop.rules.parametros import Parametro, SemVigencia, ValorLegal, Vigencia, vigente_em
from desktop.rules.validacao import EntradaInvalida

from .configuracao import ConfiguracaoMagisterio
from .folha_gratificacoes import GratificacoesMagisterio
from .tabelas import MatrizVencimentos, ParametrosCarreira, TabelaFG, Valorizacao

NOMES = ("magisterio_anexo1", "magisterio_anexo2", "magisterio_anexo3", "magisterio_carreira",
         "magisterio_gratificacoes", "folha_geral", "inss", "irrf", "rpps_aliquota")
"""Parâmetros que ``de_vigentes`` precisa (o ``irrf`` já vem com a dedução por dependente)."""

NOMES_OPCIONAIS = ("salario_minimo", "teto_remuneratorio", "margem_consignavel")
"""Piso (CF, art. 7º, IV) e teto (art. 37, XI) da remuneração total e a margem consignável: sem eles,
não se aplicam (sem margem, nenhuma consignação é descontada, com aviso)."""

NOMES_BASE = NOMES + ("irrf_dependente",)
"""Parâmetros que ``de_parametros`` precisa (vigências cruas: o dependente é outro parâmetro)."""


@dataclass(frozen=True)
class ParametrosFolhaMagisterio:
    competencia: date
    matriz: MatrizVencimentos
    valorizacao: Valorizacao
    tabela_fg: TabelaFG
    carreira: ParametrosCarreira
    gratificacoes: GratificacoesMagisterio
    regras: RegrasFolha
    inss: TabelaINSS
    irrf: TabelaIRRF
    rpps_aliquota: ValorLegal
    salario_minimo: ValorLegal | None = None
    teto_remuneratorio: ValorLegal | None = None
    margem_consignavel: ValorLegal | None = None

    def previdencia(self, config: ConfiguracaoMagisterio) -> Previdencia:
        """RPPS pela alíquota do parâmetro ou INSS pela tabela nacional (configuração do órgão)."""
        if config.previdencia == "inss":
            return PrevidenciaINSS(self.inss)
        return PrevidenciaRPPS(self.rpps_aliquota.valor, self.rpps_aliquota.fundamento)

    @classmethod
    def de_vigentes(cls, competencia: date, vigentes: Mapping[str, object]) -> "ParametrosFolhaMagisterio":
        """A partir dos valores em vigor, como ``services.parametros.vigente(sessao, nome, data)``
        devolve (os objetos do registro: ``MatrizVencimentos``, ``RegrasFolha``, ``TabelaINSS``,
        ``TabelaIRRF`` com o dependente, ``ValorLegal``…); aceita também a ``Vigencia`` crua das tabelas."""
        faltam = [n for n in NOMES if n not in vigentes]
        if faltam:
            raise EntradaInvalida(f"Faltam parâmetros para calcular a folha: {', '.join(faltam)}. "
                                  "Confira os parâmetros cadastrados.")
        v = vigentes
        rpps = v["rpps_aliquota"]
        if isinstance(rpps, Vigencia):
            rpps = ValorLegal(decimal_de(rpps.valor, "a alíquota do RPPS"), rpps.inicio, rpps.fundamento, rpps.status)
        folha, grat = v["folha_geral"], v["magisterio_gratificacoes"]
        if isinstance(folha, Vigencia):
            folha = replace(RegrasFolha.de_valor(folha.valor, folha.fundamento), inicio=folha.inicio)
        if isinstance(grat, Vigencia):
            grat = replace(GratificacoesMagisterio.de_valor(grat.valor, grat.fundamento), inicio=grat.inicio)
        return cls(
            competencia=competencia.replace(day=1),
            matriz=MatrizVencimentos.de_vigencia(v["magisterio_anexo1"]),
            valorizacao=Valorizacao.de_vigencia(v["magisterio_anexo2"]),
            tabela_fg=TabelaFG.de_vigencia(v["magisterio_anexo3"]),
            carreira=ParametrosCarreira.de_vigencia(v["magisterio_carreira"]),
            gratificacoes=grat, regras=folha,
            inss=v["inss"], irrf=v["irrf"], rpps_aliquota=rpps,
            **{n: _valor_legal(v[n], n) for n in NOMES_OPCIONAIS if v.get(n) is not None},
        )

    @classmethod
    def de_parametros(cls, competencia: date,
                      parametros: Mapping[str, Parametro | Iterable[Vigencia]]) -> "ParametrosFolhaMagisterio":
        """Função pura: de ``{nome: Parametro ou vigências}`` escolhe a vigência do dia 1º da
        competência de cada um (``NOMES_BASE``) e monta os objetos."""
        dia = competencia.replace(day=1)
        faltam = [n for n in NOMES_BASE if n not in parametros]
        if faltam:
            raise EntradaInvalida(f"Faltam parâmetros para calcular a folha: {', '.join(faltam)}.")

        def vig(nome: str) -> Vigencia:
            p = parametros[nome]
            if isinstance(p, Parametro):
                return vigente_em(p.vigencias, dia, p.definicao.titulo)
            return vigente_em(tuple(p), dia, nome)

        vigentes: dict[str, object] = {n: vig(n) for n in NOMES if n not in ("inss", "irrf")}
        for n in NOMES_OPCIONAIS:  # piso e teto: sem vigência no dia, não se aplicam
            if n in parametros:
                try:
                    vigentes[n] = vig(n)
                except SemVigencia:
                    pass
        i = vig("inss")
        vigentes["inss"] = TabelaINSS.de_valor(i.valor, inicio=i.inicio, fundamento=i.fundamento, status=i.status)
        r, dep = vig("irrf"), vig("irrf_dependente")
        vigentes["irrf"] = TabelaIRRF.de_valor(r.valor, dependente=Decimal(dep.valor), inicio=r.inicio,
                                               fundamento=f"{r.fundamento}; dependente: {dep.fundamento}",
                                               status=r.status)
        return cls.de_vigentes(dia, vigentes)


def _valor_legal(v, nome: str) -> ValorLegal:
    if isinstance(v, ValorLegal):
        return v
    return ValorLegal(decimal_de(v.valor, nome), v.inicio, v.fundamento, v.status)
