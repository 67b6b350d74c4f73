"""Escolhas que a Lei 1.613/2004 deixa ao município (comissão paritária) ou deixa ambíguas.

Cada campo é uma configuração do órgão, com o padrão registrado em docs/interpretacoes.md.
Os percentuais em si (15 %, 20 %, 30 %...) são parâmetros datados em db/parametros; aqui só se
escolhe se a vantagem está implantada, em que ponto da faixa legal, e qual leitura da lei vale.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from desktop.rules.validacao import EntradaInvalida


@dataclass(frozen=True)
class ConfiguracaoMagisterio:
    # Vantagens que dependem de estudos da comissão paritária (arts. 27 §1, 41 §ún, 42 §1, 49 §ún)
    art27_implantado: bool = False             # 15 % por atividades complementares (EI e anos iniciais)
    art41_percentual: Decimal = Decimal("15")  # estímulo à regência: de 15 % a 30 % (art. 41)
    art42_implantado: bool = True              # difícil acesso, 15 %
    art49_implantado: bool = True              # deslocamento para a zona rural, 30 %
    # Ambiguidades
    fg_fonte: str = "art38"          # "art38" (percentuais sobre N3 classe A) ou "anexo_iii" (valores)
    fg_vice_fracao: Decimal = Decimal("0.5")   # vice-diretor pelo art. 38: fração do percentual do diretor
    art51: str = "mesma_vantagem"    # "mesma_vantagem" (é o avanço de classe do art. 22) ou "adicional"
    probatorio_nivel: str = "adiar"  # nível requerido no estágio probatório: "adiar" ao fim dele ou "imediato"
    faltas_injustificadas_descontam_tempo: bool = True  # dias de falta injustificada não são efetivo exercício
    contagem_tempo: str = "aniversario"  # quinquênio: "aniversario" (anos civis desde a admissão) ou "dias_365"
    # Previdência e pagamentos
    previdencia: str = "rpps"        # "rpps" (alíquota do parâmetro rpps_aliquota) ou "inss" (tabela nacional)
    decimo_terceiro_adiantamento_mes: int | None = None  # mês da 1ª parcela do 13º; None = tudo em dezembro

    def validada(self, faixa_art41: tuple[Decimal, Decimal] | None = None) -> "ConfiguracaoMagisterio":
        """Confere as escolhas. ``faixa_art41`` (mínimo, máximo) vem do parâmetro datado
        magisterio_gratificacoes; sem ela, a folha ainda contém o percentual na faixa e avisa."""
        if faixa_art41 is not None and not faixa_art41[0] <= self.art41_percentual <= faixa_art41[1]:
            minimo, maximo = (f"{v.normalize():f}".replace(".", ",") for v in faixa_art41)
            raise EntradaInvalida(f"O percentual do art. 41 deve ficar entre {minimo} % e {maximo} % "
                                  "(Lei 1.613/2004, art. 41).")
        escolhas = {"fg_fonte": ("art38", "anexo_iii"), "art51": ("mesma_vantagem", "adicional"),
                    "probatorio_nivel": ("adiar", "imediato"), "previdencia": ("rpps", "inss"),
                    "contagem_tempo": ("aniversario", "dias_365")}
        for campo, validos in escolhas.items():
            if getattr(self, campo) not in validos:
                raise EntradaInvalida(f"Configuração {campo} inválida: use {' ou '.join(validos)}.")
        if not Decimal("0") <= self.fg_vice_fracao <= Decimal("1"):
            raise EntradaInvalida("A fração do vice-diretor deve estar entre 0 e 1.")
        if self.decimo_terceiro_adiantamento_mes is not None and not 1 <= self.decimo_terceiro_adiantamento_mes <= 11:
            raise EntradaInvalida("O adiantamento do 13º é pago de janeiro a novembro (Lei 4.749/1965, art. 2º).")
        return self

    def como_dict(self) -> dict:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), Decimal) else v) for f in fields(self)}

    @classmethod
    def de_dict(cls, dados: dict) -> "ConfiguracaoMagisterio":
        valores = {}
        for f in fields(cls):
            if f.name in dados:
                v = dados[f.name]
                valores[f.name] = Decimal(str(v)) if f.type in ("Decimal",) else v
        return cls(**valores).validada()
