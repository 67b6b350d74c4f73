"""Quem pode participar do processo: idade e escolaridade (Portaria MEC 902/2024, arts. 2º §ún, 14 e 24 §3)."""
from __future__ import annotations

from datetime import date

from .adesao import anos_completos
from .tipos import (ESCOLARIDADES, FUNDAMENTO, ROTULOS_ESCOLARIDADE, Escolaridade, Impedimento,
                    Requisitos, TipoCertificacao as T)


def _nivel(e: Escolaridade | str) -> int:
    return ESCOLARIDADES.index(Escolaridade(e))


def verificar_elegibilidade(*, tipo: T, nascimento: date | None, escolaridade: Escolaridade | str,
                            comprovante: str | None, diploma_tecnico: str | None,
                            escolaridade_ppcp: Escolaridade | str, data: date,
                            req: Requisitos) -> list[str]:
    """Recusa quem não pode participar; devolve os fundamentos atendidos.

    Maior de 18 anos na data (art. 2º §ún); técnica e tecnológica: ensino médio completo
    (arts. 14 II e IV, 24 §3); especialização: diploma de técnico correspondente (art. 14 III);
    qualificação: a escolaridade mínima do PPCP (arts. 14 I e 20 VII). A escolaridade exigida
    deve estar comprovada (art. 2º §ún: "escolaridade mínima requerida").
    """
    tipo = T(tipo)
    if nascimento is None:
        raise Impedimento("Informe a data de nascimento do trabalhador.", f"{FUNDAMENTO}, art. 2º, parágrafo único")
    idade = anos_completos(nascimento, data) if nascimento <= data else 0
    if idade < req.idade_minima:
        raise Impedimento(f"O trabalhador tem {idade} anos; só participam maiores de {req.idade_minima} anos.",
                          f"{FUNDAMENTO}, art. 2º, parágrafo único")
    fundamentos = [f"{FUNDAMENTO}, art. 2º, parágrafo único"]
    if tipo in (T.TECNICO, T.TECNOLOGIA):
        exigida, fund = Escolaridade.MEDIO, f"{FUNDAMENTO}, art. 24, §3º"
    elif tipo is T.ESPECIALIZACAO:
        if not (diploma_tecnico or "").strip():
            raise Impedimento("A especialização técnica é para quem possui diploma de técnico "
                              "correspondente ao perfil; registre o curso do diploma.",
                              f"{FUNDAMENTO}, art. 14, III")
        exigida, fund = Escolaridade.MEDIO, f"{FUNDAMENTO}, art. 14, III"
    else:
        exigida, fund = Escolaridade(escolaridade_ppcp), f"{FUNDAMENTO}, arts. 14, I e 20, VII"
    if _nivel(escolaridade) < _nivel(exigida):
        raise Impedimento(f"Este processo exige {ROTULOS_ESCOLARIDADE[exigida]}; o trabalhador "
                          f"declarou {ROTULOS_ESCOLARIDADE[Escolaridade(escolaridade)]}.", fund)
    if exigida is not Escolaridade.NENHUMA and not (comprovante or "").strip():
        raise Impedimento(f"Registre o comprovante de {ROTULOS_ESCOLARIDADE[exigida]} "
                          "(certificado ou histórico).", fund)
    return [*fundamentos, fund]
