"""O nível que cada título dá na carreira do magistério de Jequié (Lei 1.613/2004, arts. 14, 67 e 69).

``nivel_do_titulo`` diz o nível de um título, os artigos e, quando o título não conta, o motivo.
Quando o nível passa a valer (requerimento, estágio probatório) é regra de ``carreira.py``.
"""
from __future__ import annotations

from datetime import date

from desktop.rules import formato
from .tabelas import ParametrosCarreira
from .tipos import Cargo, FichaFuncional, Nivel, Titulacao, Titulo

PUBLICACAO = date(2004, 5, 21)

TITULOS_DE_NOVA_TITULACAO = (Titulo.POS_LATO_SENSU, Titulo.LICENCIATURA_PLENA, Titulo.MESTRADO, Titulo.DOUTORADO,
                             Titulo.MEDIO_NORMAL)
"""Os títulos que uma titulação nova (concluída hoje) ainda pode trazer e que mudam o nível (art. 14): não o de leigo
(o auxiliar de ensino é o professor sem habilitação que já era do quadro, art. 69) nem estudos adicionais e
licenciatura curta, que depois da lei não dão o Nível 2 (art. 14 §§1º e 2º). O primeiro é o da pergunta mais comum
("e se eu concluir a especialização?")."""
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


def recusa_de_ingresso(cargo: Cargo, titulo: Titulo, admissao: date) -> str | None:
    """Por que não se ingressa, depois da publicação da lei, com esse cargo ou esse título (None = pode).

    Lei 1.613/2004, art. 14 §2º: o auxiliar de ensino (professor leigo) e os de licenciatura curta ou estudos
    adicionais ficam em quadro de extinção a partir da publicação; art. 69: o auxiliar é o leigo que já era do
    quadro efetivo; art. 14 §1º: o Nível 2 não é considerado para concurso; art. 71: vedado concurso para esses
    cargos. Quem entrou até a publicação (art. 80) é enquadrado pelos arts. 66, 67 e 69. Sem esta conferência o
    cadastro aceitava o servidor, que na folha não tinha nível (``nivel_do_titulo``) e travava o fechamento.
    """
    if admissao <= PUBLICACAO:
        return None
    quando = f"admissão em {formato.data(admissao)}, depois da publicação da lei em {formato.data(PUBLICACAO)}"
    if cargo == Cargo.AUXILIAR_ENSINO:  # == e não is: a regra serve também a quem passa o valor em texto
        return (f"O cargo de auxiliar de ensino está em extinção ({quando}): só continuam nele os professores "
                f"leigos que já eram do quadro efetivo ({artigos('14 §2º', '69')}). Quem entrou depois é "
                "professor, no nível da habilitação com que concorreu.")
    if titulo in (Titulo.ESTUDOS_ADICIONAIS, Titulo.LICENCIATURA_CURTA):
        return (f"{_TITULO[titulo].capitalize()} não serve de titulação de ingresso ({quando}): o Nível 2 não "
                f"é considerado para concurso e esses cargos estão em extinção ({artigos('14 §1º', '71')}). "
                "Cadastre a titulação com que o servidor concorreu (p. ex. nível médio, modalidade normal, "
                "Nível 1).")
    return None


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
