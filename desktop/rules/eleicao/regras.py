"""Os números da lei do processo de escolha como objeto: lidos do parâmetro datado ``eleicao_regras``.

Idade mínima (art. 12 §2º II), residência (III), experiência (VII e §8º), titulares (art. 6º),
mínimo de habilitados (art. 13), prazo de impugnação (art. 11 §2º), antecedência do edital
(art. 7º), mandato (art. 6º §ún.), posse em 10 de janeiro (arts. 5º IV e 14 §2º) e o mês do pleito
(art. 5º I). Os valores vêm de ``db/parametros/eleicao_regras.toml``; nenhum número aqui.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from desktop.rules.campos import inteiro, tabela


@dataclass(frozen=True)
class RegrasEleicao:
    idade_minima_anos: int
    residencia_minima_anos: int
    experiencia_minima_anos: int
    titulares: int
    minimo_habilitados: int
    prazo_impugnacao_dias: int
    antecedencia_edital_meses: int
    mandato_anos: int
    posse_mes: int
    posse_dia: int
    mes_eleicao: int
    ano_referencia_presidencial: int
    fundamento: str = "Lei 320/2023 de Itapiranga-AM; ECA arts. 132-139"

    @classmethod
    def de_valor(cls, valor: dict, fundamento: str | None = None) -> "RegrasEleicao":
        """Monta a partir do valor da vigência (números como texto). Recusa campo ausente ou inválido."""
        nomes = tuple(f.name for f in fields(cls) if f.name != "fundamento")
        v = tabela(valor, nomes, "eleicao_regras")
        dados = {n: inteiro(v[n], f"Parâmetro eleicao_regras: {n}", minimo=1) for n in nomes}
        if fundamento:
            dados["fundamento"] = fundamento
        return cls(**dados)
