"""Matriz curricular do curso de referência e identificação do titular, como o título os imprime.

A carga horária do diploma e do certificado é a do curso de referência (Portaria MEC 902/2024, arts.
14, 15 e 17), somada dos seus componentes curriculares — não das competências do PPCP —, e não fica
abaixo do mínimo do catálogo (CNCT para o técnico, CNCST para o tecnólogo; art. 14 II e IV e art. 18).
O ato que autoriza o curso vai impresso; ele pode citar a portaria do órgão que o autorizou, mas nunca
a forma de obtenção (arts. 15 §2º e 16 §ún; docs/interpretacoes.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.rules import validacao

from .resultado import TERMOS_VEDADOS, _sem_acento, exigir_campos_limpos
from .tipos import FUNDAMENTO, Impedimento, PisosCargaHoraria, TipoCertificacao

CATALOGO = {TipoCertificacao.TECNICO: "Catálogo Nacional de Cursos Técnicos (CNCT)",
            TipoCertificacao.TECNOLOGIA: "Catálogo Nacional de Cursos Superiores de Tecnologia (CNCST)"}
"""Os cursos cuja carga horária mínima vem de um catálogo nacional (art. 14 II e IV)."""

FUNDAMENTO_CATALOGO = f"{FUNDAMENTO}, arts. 14, II e IV, e 18"


@dataclass(frozen=True)
class Componente:
    """Um componente curricular do curso de referência, com a carga horária em horas."""

    nome: str
    carga_horaria: int


def horas(horas_: int) -> str:
    """1.200 (milhar com ponto, como num título)."""
    return f"{horas_:,}".replace(",", ".")


ROTULO_PISO = {TipoCertificacao.TECNICO: "curso técnico de nível médio",
               TipoCertificacao.TECNOLOGIA: "curso superior de tecnologia"}


def verificar_minimo(tipo: TipoCertificacao | str, minimo: int | None, pisos: PisosCargaHoraria | None) -> None:
    """O mínimo do curso no catálogo informado no cadastro não fica abaixo do piso nacional do tipo
    (CNCT: 800 h; CNCST: 1.600 h — parâmetro ``certificacao_carga_horaria``)."""
    tipo = TipoCertificacao(tipo)
    piso = pisos.piso(tipo) if pisos else None
    if piso and minimo is not None and minimo < piso:
        raise Impedimento(f"A carga horária mínima informada para o curso ({horas(minimo)} horas) está abaixo do piso "
                          f"nacional de {horas(piso)} horas para {ROTULO_PISO[tipo]} no {CATALOGO[tipo]}; "
                          "confira o mínimo do curso no catálogo.", pisos.fundamento)


def verificar_matriz(tipo: TipoCertificacao | str, componentes: list[Componente], minimo: int | None,
                     pisos: PisosCargaHoraria | None = None) -> int:
    """A soma das horas da matriz, ou ``Impedimento`` se está vazia, tem componente sem nome ou sem horas,
    falta o mínimo do catálogo (técnico e tecnólogo), o mínimo fica abaixo do piso nacional (``pisos``) ou
    a soma fica abaixo do mínimo — com os números."""
    tipo = TipoCertificacao(tipo)
    if not componentes:
        raise Impedimento("Cadastre a matriz curricular do curso de referência (componentes e cargas horárias): "
                          "é dela que saem a carga horária do título e o histórico.", f"{FUNDAMENTO}, art. 15")
    vistos = set()
    for i, c in enumerate(componentes, start=1):
        nome = " ".join((c.nome or "").split())
        if not nome:
            raise Impedimento(f"Dê nome ao componente curricular {i}.", f"{FUNDAMENTO}, art. 15")
        if nome.lower() in vistos:
            raise Impedimento(f"O componente curricular \"{nome}\" aparece duas vezes na matriz.", f"{FUNDAMENTO}, art. 15")
        vistos.add(nome.lower())
        if not isinstance(c.carga_horaria, int) or c.carga_horaria <= 0:
            raise Impedimento(f"A carga horária do componente \"{nome}\" deve ser um número inteiro de horas maior "
                              "que zero.", f"{FUNDAMENTO}, art. 15")
    total = sum(c.carga_horaria for c in componentes)
    if tipo in CATALOGO:
        if not minimo:
            raise Impedimento(f"Informe a carga horária mínima do curso no {CATALOGO[tipo]}.", FUNDAMENTO_CATALOGO)
        verificar_minimo(tipo, minimo, pisos)
        if total < minimo:
            raise Impedimento(f"A matriz curricular soma {horas(total)} horas, abaixo das {horas(minimo)} horas "
                              f"mínimas do curso no {CATALOGO[tipo]}; faltam {horas(minimo - total)} horas.",
                              FUNDAMENTO_CATALOGO)
    elif minimo and total < minimo:
        raise Impedimento(f"A matriz curricular soma {horas(total)} horas, abaixo da carga horária mínima "
                          f"informada para o curso ({horas(minimo)} horas).", f"{FUNDAMENTO}, art. 17")
    return total


def exigir_ato_limpo(ato: str | None) -> None:
    """O ato de autorização do curso vai impresso no título: pode nomear a portaria ou resolução do órgão
    competente, mas não a Portaria MEC 902/2024 nem palavra que revele a forma de obtenção ou a modalidade."""
    if not ato:
        return
    limpo = _sem_acento(ato)
    achados = [t for t in TERMOS_VEDADOS if t != "portaria" and re.search(rf"\b{t}", limpo)]
    if "902" in limpo and "2024" in limpo:
        achados.append("Portaria MEC 902/2024")
    if achados:
        raise Impedimento(f"O ato de autorização do curso (\"{' '.join(ato.split())}\") vai impresso no título e não "
                          f"pode mencionar a forma de obtenção nem a modalidade (encontrado: {', '.join(achados)}).",
                          f"{FUNDAMENTO}, art. 15, §2º e art. 16, parágrafo único")


IDENTIFICACAO = (("nacionalidade", "a nacionalidade"), ("naturalidade", "o município de nascimento (naturalidade)"),
                 ("naturalidade_uf", "a UF de nascimento"), ("rg", "o número do documento de identidade (RG)"),
                 ("rg_orgao", "o órgão expedidor do documento de identidade"))


def exigir_identificacao(trabalhador: dict) -> None:
    """O título identifica o titular por inteiro (nome, nacionalidade, naturalidade, nascimento, RG com o
    órgão expedidor e CPF): sem esses dados no cadastro, o título não é emitido."""
    nacionalidade = str(trabalhador.get("nacionalidade") or "").strip().lower()
    estrangeiro = bool(nacionalidade) and not nacionalidade.startswith("brasil")  # o país vai no campo do município
    faltam = [rotulo for campo, rotulo in IDENTIFICACAO if not str(trabalhador.get(campo) or "").strip()
              and not (estrangeiro and campo == "naturalidade_uf")]
    if faltam:
        raise Impedimento("Complete o cadastro do trabalhador antes de emitir o título: falta(m) " + ", ".join(faltam)
                          + " (use Corrigir cadastro).", f"{FUNDAMENTO}, arts. 14 e 15")


def normalizar_identificacao(*, nacionalidade: str | None = None, naturalidade: str | None = None,
                             naturalidade_uf: str | None = None, rg: str | None = None,
                             rg_orgao: str | None = None) -> dict:
    """Os dados de identificação informados (None: não mexe), normalizados e conferidos: UF válida, RG só
    com algarismos, letras, ponto, hífen e barra, e nenhuma palavra que revele a forma de obtenção."""
    dados: dict = {}
    for campo, valor in (("nacionalidade", nacionalidade), ("naturalidade", naturalidade), ("rg", rg),
                         ("rg_orgao", rg_orgao)):
        if valor is not None:
            dados[campo] = " ".join(valor.split()) or None
    if naturalidade_uf is not None:
        dados["naturalidade_uf"] = validacao.uf(naturalidade_uf) if naturalidade_uf.strip() else None
    if dados.get("rg") and not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z./ -]{2,19}", dados["rg"]):
        raise validacao.EntradaInvalida("Número do documento de identidade inválido: use algarismos, letras, ponto, "
                                        "hífen e barra (de 3 a 20 caracteres).")
    exigir_campos_limpos({"nacionalidade": dados.get("nacionalidade"), "naturalidade": dados.get("naturalidade"),
                          "órgão expedidor": dados.get("rg_orgao")}, palavra_inteira=True)
    return dados
