"""O nível que cada título dá na carreira do magistério de Jequié (Lei 1.613/2004, arts. 14, 67 e 69).

``nivel_do_titulo`` diz o nível de um título, os artigos e, quando o título não conta, o motivo.
Quando o nível passa a valer (requerimento, estágio probatório) é regra de ``carreira.py``.
"""
from __future__ import annotations

from datetime import date

from .tabelas import ParametrosCarreira
from .tipos import Cargo, FichaFuncional, Nivel, Titulacao, Titulo

PUBLICACAO = date(2004, 5, 21)
"""Publicação e vigência da Lei 1.613/2004 (art. 80): data do enquadramento (arts. 66 e 67)."""
LEI = "Lei 1.613/2004"
_TITULO = {
    Titulo.LEIGO: "sem habilitação (leigo)", Titulo.MEDIO_NORMAL: "nível médio, modalidade normal",
    Titulo.ESTUDOS_ADICIONAIS: "estudos adicionais", Titulo.LICENCIATURA_CURTA: "licenciatura curta",
    Titulo.LICENCIATURA_PLENA: "licenciatura plena", Titulo.POS_LATO_SENSU: "pós-graduação lato sensu",
    Titulo.MESTRADO: "mestrado", Titulo.DOUTORADO: "doutorado",
}


def artigos(*partes: str) -> str:
    """Fundamento na forma da casa: "Lei 1.613/2004, art. 14 III" ou "Lei 1.613/2004, arts. 14 III e 19 §2º"."""
    if len(partes) == 1:
        return f"{LEI}, art. {partes[0]}"
    return f"{LEI}, arts. {', '.join(partes[:-1])} e {partes[-1]}"


def descricao_titulo(t: Titulacao) -> str:
    extra = ", ".join(x for x in (t.curso, t.instituicao) if x)
    return _TITULO[t.titulo] + (f": {extra}" if extra else "")


def nivel_do_titulo(t: Titulacao, ficha: FichaFuncional,
                    regras: ParametrosCarreira) -> tuple[Nivel | None, tuple[str, ...], str]:
    """O nível que o título dá (art. 14), os artigos e, se não conta (nível None), o motivo."""
    if t.titulo is Titulo.LEIGO:
        if ficha.cargo is Cargo.AUXILIAR_ENSINO:
            return Nivel.NE, ("69 §ún",), ""
        return None, ("69",), "o título de leigo só posiciona o auxiliar de ensino no Nível Especial"
    if t.titulo is Titulo.MEDIO_NORMAL:
        return Nivel.N1, ("14 I",), ""
    if t.titulo in (Titulo.ESTUDOS_ADICIONAIS, Titulo.LICENCIATURA_CURTA):
        if t.data_requerimento <= PUBLICACAO and ficha.admissao <= PUBLICACAO:
            return Nivel.N2, ("14 II", "67"), ""
        return None, ("14 §§1º e 2º",), ("estudos adicionais e licenciatura curta só enquadram no Nível 2 "
                                         "quem já os tinha na publicação da lei; não dão progressão do Nível 1 ao 2")
    if t.titulo is Titulo.LICENCIATURA_PLENA:
        return Nivel.N3, ("14 III",), ""
    if not t.area_educacao:
        return None, ("14 IV",), "a pós-graduação do Nível 4 deve ser na área de educação"
    if t.titulo is Titulo.POS_LATO_SENSU and t.carga_horaria is not None \
            and t.carga_horaria < regras.pos_graduacao_horas:
        return None, ("14 IV",), (f"a pós-graduação tem {t.carga_horaria} h e o Nível 4 exige no mínimo "
                                  f"{regras.pos_graduacao_horas} h")
    return Nivel.N4, ("14 IV",), ""
