"""Valores datados da folha do magistério já resolvidos para uma competência.

``ParametrosFolhaMagisterio`` junta tudo o que o cálculo do contracheque precisa, na vigência do
dia 1º da competência: Anexos I, II e III (arts. 36-38), regras da carreira (arts. 20-22),
gratificações (arts. 27-52), regras gerais da folha, tabelas do INSS e do IRRF e a alíquota do
RPPS. O serviço monta-o com ``de_vigentes`` a partir de ``services.parametros.vigente``; os
testes e a calculadora, com ``de_parametros`` a partir dos parâmetros (sem base) — os dois pela mesma
leitura (``rules.parametros.valor_vigente``), sem conversão à mão.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

from desktop.rules.folha.regras import Previdencia, PrevidenciaINSS, PrevidenciaRPPS, RegrasFolha
from desktop.rules.inss import TabelaINSS
from desktop.rules.irrf import TabelaIRRF
from desktop.rules.parametros import REGISTRO, Definicao, Parametro, SemVigencia, ValorLegal, Vigencia, valor_vigente
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
        """A partir dos valores em vigor, como a leitura única os devolve (``services.parametros.vigente``
        ou ``rules.parametros.valor_vigente``): os objetos do registro (``MatrizVencimentos``,
        ``RegrasFolha``, ``TabelaINSS``, ``TabelaIRRF`` com o dependente…) e ``ValorLegal``."""
        faltam = [n for n in NOMES if n not in vigentes]
        if faltam:
            raise EntradaInvalida(f"Faltam parâmetros para calcular a folha: {', '.join(faltam)}. "
                                  "Confira os parâmetros cadastrados.")
        v = vigentes
        return cls(
            competencia=competencia.replace(day=1),
            matriz=v["magisterio_anexo1"], valorizacao=v["magisterio_anexo2"], tabela_fg=v["magisterio_anexo3"],
            carreira=v["magisterio_carreira"], gratificacoes=v["magisterio_gratificacoes"], regras=v["folha_geral"],
            inss=v["inss"], irrf=v["irrf"], rpps_aliquota=v["rpps_aliquota"],
            **{n: v[n] for n in NOMES_OPCIONAIS if v.get(n) is not None},
        )

    @classmethod
    def de_parametros(cls, competencia: date,
                      parametros: Mapping[str, Parametro | Iterable[Vigencia]]) -> "ParametrosFolhaMagisterio":
        """Função pura: de ``{nome: Parametro ou vigências}`` lê o valor em vigor no dia 1º da competência
        de cada um (``NOMES_BASE``) pela leitura única (``rules.parametros.valor_vigente``)."""
        dia = competencia.replace(day=1)
        faltam = [n for n in NOMES_BASE if n not in parametros]
        if faltam:
            raise EntradaInvalida(f"Faltam parâmetros para calcular a folha: {', '.join(faltam)}.")
        todos = {n: _parametro(n, p) for n, p in parametros.items()}
        ordem = [n for n in NOMES if n not in ("inss", "irrf")] + ["inss", "irrf"]  # o imposto por último
        vigentes: dict[str, object] = {n: valor_vigente(todos, n, dia) for n in ordem}
        for n in NOMES_OPCIONAIS:  # piso e teto: sem vigência no dia, não se aplicam
            if n in todos:
                try:
                    vigentes[n] = valor_vigente(todos, n, dia)
                except SemVigencia:
                    pass
        return cls.de_vigentes(dia, vigentes)


def _parametro(nome: str, p: Parametro | Iterable[Vigencia]) -> Parametro:
    """Vigências soltas viram o parâmetro ``nome`` (tabela se o registro tem a classe dela; senão, valor)."""
    if isinstance(p, Parametro):
        return p
    return Parametro(Definicao(nome, nome, "", "tabela" if nome in REGISTRO else "valor"), tuple(p))
