"""As etapas obrigatórias do processo de certificação, em ordem e sem saltos (Portaria MEC 902/2024, art. 24)."""
from __future__ import annotations

from datetime import date

from .tipos import ETAPAS, FUNDAMENTO, INCISO_ETAPA, ROTULOS_ETAPA, ROTULOS_RESULTADO, Etapa, Impedimento

DECISOES = {
    "seguir": "seguir para a matrícula e a avaliação",
    "curso": "ser encaminhado a curso de educação profissional",
    "desistir": "não prosseguir agora",
}
"""Decisão do trabalhador no acolhimento (art. 24, II, c e §2º: a decisão é do trabalhador)."""


def proxima_etapa(feitas: list[Etapa | str]) -> Etapa | None:
    """A etapa que vem a seguir às já registradas (None quando todas foram feitas)."""
    return ETAPAS[len(feitas)] if len(feitas) < len(ETAPAS) else None


def verificar_avanco(feitas: list[Etapa | str], nova: Etapa | str, *, encerrado: bool = False) -> None:
    """Recusa registrar uma etapa fora da ordem do art. 24 (I a VI), repetida ou num processo encerrado."""
    nova = Etapa(nova)
    feitas = [Etapa(e) for e in feitas]
    if feitas != list(ETAPAS[:len(feitas)]):
        raise ValueError(f"Etapas registradas fora de ordem: {feitas}")
    if nova in feitas:
        raise Impedimento(f"A etapa {ROTULOS_ETAPA[nova]} já foi registrada neste processo.", INCISO_ETAPA[nova])
    if encerrado:
        raise Impedimento("O processo foi encerrado por decisão do trabalhador no acolhimento; "
                          "para retomar, faça nova inscrição.", f"{FUNDAMENTO}, art. 24, §2º")
    esperada = proxima_etapa(feitas)
    if nova is not esperada:
        raise Impedimento(
            f"A etapa {ROTULOS_ETAPA[nova]} não pode ser registrada agora: antes é preciso registrar "
            f"{ROTULOS_ETAPA[esperada]}. As etapas são obrigatórias e seguem a ordem do art. 24.",
            f"{FUNDAMENTO}, art. 24, caput e {INCISO_ETAPA[esperada][8:]}")


def verificar_dados(etapa: Etapa | str, dados: dict, realizada_em: date, hoje: date) -> None:
    """O que cada etapa precisa registrar (art. 24 I a VI e §§1º, 2º e 4º)."""
    etapa = Etapa(etapa)
    if realizada_em > hoje:
        raise Impedimento(f"A data da etapa {ROTULOS_ETAPA[etapa]} não pode estar no futuro.", INCISO_ETAPA[etapa])

    def texto(campo: str, descricao: str, fund: str) -> None:
        if not str(dados.get(campo) or "").strip():
            raise Impedimento(f"Registre {descricao}.", f"{FUNDAMENTO}, {fund}")

    if etapa is Etapa.ACOLHIMENTO:
        if not dados.get("apresentacao"):
            raise Impedimento("Confirme a apresentação detalhada das etapas ao trabalhador.",
                              f"{FUNDAMENTO}, art. 24, II, a")
        texto("entrevista", "a entrevista diagnóstica", "art. 24, II, b")
        texto("memorial", "o memorial socioprofissional", "art. 24, II, b")
        texto("orientacao", "a orientação dada ao trabalhador", "art. 24, II, c")
        if dados.get("decisao") not in DECISOES:
            raise Impedimento("Registre a decisão do trabalhador: " + ", ".join(DECISOES.values()) + ".",
                              f"{FUNDAMENTO}, art. 24, §2º")
    elif etapa is Etapa.MATRICULA:
        texto("documentos", "os documentos conferidos na matrícula", "art. 24, III e art. 23, V")
    elif etapa is Etapa.AVALIACAO:
        if not dados.get("teorico_pratica"):
            raise Impedimento("A avaliação deve ser teórico-prática; confirme as atividades realizadas.",
                              f"{FUNDAMENTO}, art. 24, IV e §4º")
        texto("avaliadores", "os avaliadores da equipe multiprofissional", "art. 24, §1º")
    elif etapa is Etapa.ENCAMINHAMENTO:
        texto("orientacao_estudos", "a orientação sobre continuidade de estudos e geração de renda",
              "art. 24, VI")


def verificar_avaliadores(avaliadores: str, equipe: list[str]) -> list[str]:
    """Os avaliadores ("Paulo; Sérgio") são da equipe multiprofissional do PPCP (arts. 20 XII e 24 §1º);
    devolve a lista. Recusa nome fora da equipe, nomeando-o."""
    nomes = [" ".join(n.split()) for n in (avaliadores or "").split(";") if n.strip()]
    if not nomes:
        raise Impedimento("Registre os avaliadores da equipe multiprofissional.", f"{FUNDAMENTO}, art. 24, §1º")
    conhecidos = {" ".join(e.split()).lower() for e in equipe}
    fora = [n for n in nomes if n.lower() not in conhecidos]
    if fora:
        raise Impedimento(f"{', '.join(fora)} não é da equipe multiprofissional do PPCP ({', '.join(equipe)}); "
                          "a avaliação é feita pela equipe.", f"{FUNDAMENTO}, arts. 20, XII e 24, §1º")
    return nomes


_CAMPOS = (("entrevista", "Entrevista diagnóstica"), ("memorial", "Memorial socioprofissional"),
           ("orientacao", "Orientação"), ("documentos", "Documentos conferidos"), ("avaliadores", "Avaliadores"),
           ("resultado", "Resultado"), ("sistec_codigo", "Código Sistec"), ("liberacao", "Emissão liberada por"),
           ("orientacao_estudos", "Orientação de estudos e renda"))


def _sem_ponto_final(valor) -> str:
    """O que a pessoa escreveu, sem o ponto final: as partes do resumo se juntam com "; " (nada de "anos.; Memorial")."""
    return valor.strip().rstrip(".").rstrip() if isinstance(valor, str) else valor


def _legivel(campo: str, valor):
    """O valor como a pessoa o lê: o resultado da avaliação pelo rótulo ("Atestado (parcial)"), não pelo código da base."""
    return ROTULOS_RESULTADO.get(valor, valor) if campo == "resultado" else _sem_ponto_final(valor)


def resumo(etapa: Etapa | str, dados: dict, avaliacoes: list[dict] = ()) -> str:
    """O que a etapa registrou, em uma linha legível (para a tela do processo e a pasta do processo)."""
    etapa = Etapa(etapa)
    partes = [f"{rotulo}: {_legivel(c, dados[c])}" for c, rotulo in _CAMPOS if str(dados.get(c) or "").strip()]
    if etapa is Etapa.ACOLHIMENTO and dados.get("decisao") in DECISOES:
        partes.append(f"Decisão do trabalhador: {DECISOES[dados['decisao']]}")
    if etapa is Etapa.AVALIACAO and avaliacoes:
        sim = [a["nome"] for a in avaliacoes if a.get("reconhecida")]
        nao = [a["nome"] for a in avaliacoes if not a.get("reconhecida")]
        partes.append(f"Competências reconhecidas ({len(sim)} de {len(avaliacoes)}): {', '.join(sim) or 'nenhuma'}")
        if nao:
            partes.append(f"Não reconhecidas: {', '.join(nao)}")
    if dados.get("documentos") and isinstance(dados["documentos"], list):
        partes = [p for p in partes if not p.startswith("Documentos conferidos")]
        partes.append(f"Documentos emitidos: {', '.join(dados['documentos'])}")
    if dados.get("sine"):
        partes.append("Encaminhado ao Sine")
    return "; ".join(partes)
