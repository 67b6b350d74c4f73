"""Os atos que abrem cada etapa do processo de escolha: o edital abre as inscrições, a lista de inscritos abre as
impugnações (Lei 320/2023, arts. 7º e 11 §2º).

O calendário (``calendario``) diz quando cada coisa está prevista; aqui se confere o que de fato foi feito — a fase
gravada e as datas dos atos — antes de aceitar uma inscrição, uma impugnação ou o próprio ato. As funções
devolvem o motivo da recusa, com o artigo, ou ``None`` (aceito). Nada de Qt, SQL ou relógio: o dia de hoje vem
de quem chama.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.rules import formato

from . import calendario
from .calendario import Calendario, Momento

FASES = ("preparacao", "inscricoes", "analise", "homologado", "apuracao", "encerrado")
"""As fases gravadas, na ordem: cada uma começa por um ato (abrir o processo, publicar o edital, publicar a lista
de inscritos, homologar, apurar o primeiro boletim, registrar os eleitos)."""

NOMES_FASES = {
    "preparacao": "edital a publicar",
    "inscricoes": "inscrições (edital publicado)",
    "analise": "impugnação e análise (lista de inscritos publicada)",
    "homologado": "lista homologada",
    "apuracao": "apuração",
    "encerrado": "encerrado",
}


@dataclass(frozen=True)
class Atos:
    """O que a comissão e o CMDCA já fizeram: a fase gravada e as datas das publicações (``None``: não houve)."""

    fase: str
    edital_publicado_em: date | None = None
    inscritos_publicados_em: date | None = None
    resultado_publicado_em: date | None = None
    posse_dada: bool = False  # "Encerrar e dar posse" feito (a data da posse é a do calendário, ``posse``)
    posse: date | None = None

    @classmethod
    def do_processo(cls, p: dict) -> "Atos":
        def dia(campo: str) -> date | None:
            return date.fromisoformat(p[campo]) if p.get(campo) else None

        return cls(p["fase"], dia("edital_publicado_em"), dia("inscritos_publicados_em"),
                   dia("resultado_publicado_em"), bool(p.get("posse_dada_em")), dia("posse"))


def inscricoes_fechadas(atos: Atos, cal: Calendario | None = None, hoje: date | None = None) -> str | None:
    """Por que não se aceita inscrição agora, pelos atos (Lei 320/2023, art. 7º e §1º I; art. 11 §2º; art. 13 §1º)
    e, com ``cal`` e ``hoje``, porque o prazo do edital ainda não começou (art. 7º §1º a); ``None`` se as inscrições
    estão abertas (a data de cada pedido é conferida em ``recusa_inscricao``)."""
    if atos.fase == "preparacao" or atos.edital_publicado_em is None:
        return ("As inscrições ainda não abriram: o edital do processo de escolha não foi publicado. A inscrição é "
                "a primeira etapa do edital, que o CMDCA publica com seis meses de antecedência (Lei 320/2023, "
                "art. 7º e §1º I). Registre a publicação do edital na aba Calendário.")
    if atos.fase == "inscricoes":
        if cal is not None and hoje is not None and hoje < cal.inscricao_inicio:
            return (f"O edital foi publicado em {formato.data(atos.edital_publicado_em)}; as inscrições começam em "
                    f"{formato.data(cal.inscricao_inicio)}, no prazo do edital (Lei 320/2023, art. 7º §1º a).")
        return None
    if atos.inscritos_publicados_em is not None and atos.fase == "analise":
        return (f"As inscrições estão encerradas: a lista de inscritos foi publicada em "
                f"{formato.data(atos.inscritos_publicados_em)} (Lei 320/2023, art. 11 §2º). Novas inscrições só "
                "com a reabertura do prazo pelo CMDCA (art. 13 §1º).")
    return (f"As inscrições estão encerradas: o processo está na fase \"{NOMES_FASES[atos.fase]}\" "
            "(Lei 320/2023, art. 7º §1º).")


def recusa_inscricao(atos: Atos, cal: Calendario, inscrito_em: date, hoje: date) -> str | None:
    """A inscrição em ``inscrito_em`` cabe? Só com o edital publicado, não antes dele, dentro do prazo do edital
    e não depois de ``hoje`` — registra-se o pedido feito, nunca um pedido futuro (Lei 320/2023, art. 7º e §1º a)."""
    if motivo := inscricoes_fechadas(atos):
        return motivo
    if inscrito_em < atos.edital_publicado_em:
        return (f"A inscrição em {formato.data(inscrito_em)} é anterior à publicação do edital "
                f"({formato.data(atos.edital_publicado_em)}): nenhuma inscrição vale antes dele (Lei 320/2023, art. 7º).")
    if not cal.inscricao_inicio <= inscrito_em <= cal.inscricao_fim:
        return (f"A inscrição em {formato.data(inscrito_em)} está fora do prazo do edital "
                f"({formato.data(cal.inscricao_inicio)} a {formato.data(cal.inscricao_fim)}) (Lei 320/2023, art. 7º §1º a).")
    if inscrito_em > hoje:
        return (f"A inscrição em {formato.data(inscrito_em)} é posterior a hoje ({formato.data(hoje)}): registre o "
                "pedido no dia em que foi feito, ou depois, com a data dele (Lei 320/2023, art. 7º §1º a).")
    return None


def impugnacoes_fechadas(atos: Atos) -> str | None:
    """Por que não se aceita impugnação agora, pelos atos: o prazo de cinco dias corre da publicação da lista de
    inscritos (Lei 320/2023, art. 11 §2º); ``None`` se a lista já foi publicada."""
    if atos.inscritos_publicados_em is None:
        antes = "" if atos.edital_publicado_em else " (nem o edital, art. 7º)"
        return ("A lista de inscritos ainda não foi publicada" + antes + ": a impugnação cabe no prazo de 5 dias "
                "contados da publicação da relação dos inscritos (Lei 320/2023, art. 11 §2º). Registre a publicação "
                "da lista na aba Calendário.")
    return None


def recusa_secao(atos: Atos) -> str | None:
    """Uma seção de votação nova cabe agora? Os locais de votação se definem no processo que o edital abre
    (Lei 320/2023, arts. 7º e 10 II) e até o início da apuração: com ela começada, o resultado sai da apuração das
    seções cadastradas, todas (art. 14 §1º), e uma seção nova mudaria a totalização. ``None`` se cabe."""
    if atos.fase == "preparacao":
        return ("Não é possível cadastrar seções na fase \"edital a publicar\": o edital ainda não foi publicado "
                "(Lei 320/2023, art. 7º). Os locais de votação se definem no processo que ele abre (art. 10 II); "
                "registre a publicação do edital na aba Calendário.")
    if atos.fase in ("apuracao", "encerrado"):
        return (f"Não é possível cadastrar seções na fase \"{NOMES_FASES[atos.fase]}\": a apuração já começou, e o "
                "resultado sai da apuração de todas as seções cadastradas até ela (Lei 320/2023, art. 14 §1º); uma "
                "seção nova mudaria a totalização.")
    return None


def recusa_documento_lista(atos: Atos, habilitados: bool) -> str | None:
    """O PDF da lista pode ser emitido? O edital com a relação dos inscritos só depois de registrada a publicação da
    lista (o ato que ele documenta e que abre o prazo de impugnação, Lei 320/2023, art. 11 §2º); a lista de
    habilitados só depois da homologação (art. 11 §6º). ``None`` se pode."""
    if habilitados:
        if atos.fase in ("preparacao", "inscricoes", "analise"):
            return "A lista de habilitados só é emitida depois da homologação (Lei 320/2023, art. 11 §6º)."
        return None
    if atos.inscritos_publicados_em is None:
        return ("O edital com a relação dos inscritos só é emitido depois de registrada a publicação da lista de "
                "inscritos (aba Calendário), que encerra as inscrições e abre o prazo de impugnação de 5 dias "
                "(Lei 320/2023, art. 11 §2º); antes dela a relação ainda pode mudar.")
    return None


def recusa_apresentacao(atos: Atos, tipo: str) -> str | None:
    """A fase gravada ainda admite registrar uma impugnação (``tipo`` "impugnacao") ou denúncia ("denuncia")? A
    impugnação vai até a homologação da lista de habilitados, que sai esgotada a fase recursal (Lei 320/2023,
    art. 11 §§2º e 6º); a denúncia de conduta vedada (art. 8º §12), até o resultado publicado — depois dele a
    classificação publicada é a oficial (art. 14 §1º) e um candidato não passa a "sub judice". ``None`` se cabe (a
    data de cada uma é conferida à parte)."""
    publicado = atos.posse_dada or atos.fase == "encerrado" or atos.resultado_publicado_em is not None
    if tipo == "denuncia" and publicado:
        quando = f" em {formato.data(atos.resultado_publicado_em)}" if atos.resultado_publicado_em else ""
        return (f"Não é possível registrar denúncia de conduta vedada: o resultado foi publicado{quando} e a "
                "classificação publicada é a oficial (Lei 320/2023, art. 14 §1º); a denúncia cabe até a eleição "
                "(art. 8º §12) e se registra antes da publicação.")
    if tipo == "impugnacao" and atos.fase in ("homologado", "apuracao", "encerrado"):
        return (f"Não é possível registrar impugnação na fase \"{NOMES_FASES[atos.fase]}\": a lista de habilitados "
                "já foi homologada, esgotada a fase de impugnação e recursos (Lei 320/2023, art. 11 §§2º e 6º).")
    return None


def apresentacao_fechada(atos: Atos) -> str | None:
    """Por que nem impugnação nem denúncia se registram mais (as duas recusadas pela fase), com os artigos; ``None``
    se alguma ainda cabe."""
    impugnacao, denuncia = recusa_apresentacao(atos, "impugnacao"), recusa_apresentacao(atos, "denuncia")
    if impugnacao and denuncia:
        return (f"{denuncia} A impugnação coube até a homologação da lista de habilitados (art. 11 §§2º e 6º).")
    return None


def recusa_impugnacao(atos: Atos, cal: Calendario, apresentada_em: date, hoje: date) -> str | None:
    """A impugnação apresentada em ``apresentada_em`` cabe? Só depois da lista de inscritos publicada, nos cinco
    dias contados dessa publicação e não depois de ``hoje`` (Lei 320/2023, art. 11 §2º)."""
    if motivo := impugnacoes_fechadas(atos):
        return motivo
    if not cal.publicacao_inscritos <= apresentada_em <= cal.impugnacao_fim:
        return (f"Impugnação em {formato.data(apresentada_em)} fora do prazo: são 5 dias contados da publicação dos "
                f"inscritos, de {formato.data(cal.publicacao_inscritos)} a {formato.data(cal.impugnacao_fim)} "
                "(Lei 320/2023, art. 11 §2º).")
    if apresentada_em > hoje:
        return (f"Impugnação em {formato.data(apresentada_em)} posterior a hoje ({formato.data(hoje)}): registre a "
                "impugnação apresentada, com a data em que foi apresentada (Lei 320/2023, art. 11 §2º).")
    return None


def recusa_homologacao(atos: Atos, cal: Calendario, hoje: date) -> str | None:
    """A lista de habilitados pode ser homologada hoje? Uma vez só, depois da lista de inscritos publicada e do fim do
    prazo de impugnação que ela abriu: "esgotada a fase recursal" (Lei 320/2023, art. 11 §§2º e 6º)."""
    if atos.fase not in ("preparacao", "inscricoes", "analise"):
        return (f"A lista de habilitados já foi homologada; o processo está na fase \"{NOMES_FASES[atos.fase]}\" "
                "(Lei 320/2023, art. 11 §6º).")
    if atos.fase in ("preparacao", "inscricoes") or atos.inscritos_publicados_em is None:
        return ("Não é possível homologar a lista: a lista de inscritos ainda não foi publicada, e sem ela não correu "
                "o prazo de impugnação de 5 dias (Lei 320/2023, art. 11 §2º); a lista de habilitados só sai esgotada "
                "essa fase (art. 11 §6º). Registre a publicação da lista de inscritos na aba Calendário.")
    if hoje <= cal.impugnacao_fim:
        return (f"Não é possível homologar a lista antes do fim do prazo de impugnação ({formato.data(cal.impugnacao_fim)}): "
                "qualquer cidadão pode impugnar até lá (Lei 320/2023, art. 11 §2º), e a lista de habilitados só sai "
                "esgotada essa fase (art. 11 §6º).")
    return None


def recusa_reabertura(atos: Atos, habilitados: int, minimo: int) -> str | None:
    """O CMDCA pode reabrir o prazo de inscrição agora? Só com o edital publicado, antes da homologação da lista de
    habilitados e com menos de ``minimo`` (dez) habilitados (Lei 320/2023, art. 13 e §1º; art. 11 §6º)."""
    if atos.fase == "preparacao":
        return ("Não é possível reabrir as inscrições: o edital ainda não foi publicado e as inscrições nem abriram "
                "(Lei 320/2023, art. 7º).")
    if atos.fase not in ("inscricoes", "analise"):
        return (f"Não é possível reabrir as inscrições na fase \"{NOMES_FASES[atos.fase]}\": a reabertura do "
                "art. 13 §1º suspende o processo antes da homologação da lista de habilitados (Lei 320/2023, "
                "arts. 11 §6º e 13 §1º).")
    if habilitados >= minimo:
        return (f"Há {habilitados} habilitados; a reabertura do art. 13 §1º só cabe com menos de {minimo} "
                "(Lei 320/2023, art. 13 e §1º).")
    return None


def recusa_parentesco(atos: Atos, candidatos: int) -> str | None:
    """O parentesco entre dois candidatos pode ser registrado? Ele decide, na classificação, quem fica impedido de
    servir no mesmo Conselho (Lei 320/2023, art. 15): cabe entre dois candidatos do processo e até o resultado ser
    publicado — publicado, a classificação é a oficial (art. 14 §1º) e gravar um parentesco a mudaria."""
    if atos.posse_dada or atos.fase == "encerrado" or atos.resultado_publicado_em is not None:
        quando = f" em {formato.data(atos.resultado_publicado_em)}" if atos.resultado_publicado_em else ""
        return (f"Não é possível registrar parentesco: o resultado foi publicado{quando} e a classificação publicada, "
                "com os impedimentos do art. 15, é a oficial (Lei 320/2023, art. 14 §1º).")
    if candidatos < 2:
        return (f"O parentesco do art. 15 é entre dois candidatos do processo, e há {candidatos} inscrito(s) "
                "(Lei 320/2023, art. 15).")
    return None


ATOS_DOS_CANDIDATOS = ("inscrever", "homologar", "reabrir", "parentesco", "analisar", "nota")
"""Os atos da aba dos candidatos que a fase ou as datas podem recusar (inscrição, homologação, reabertura, parentesco,
análise documental e nota da prova de uma candidatura)."""


def ordem_dos_motivos(atos: Atos) -> tuple[str, ...]:
    """Em que ordem explicar os atos recusados da aba dos candidatos: primeiro o do próximo passo do processo, na
    ordem do edital (Lei 320/2023, art. 7º §1º). Até a lista de inscritos ser publicada, o próximo passo é a
    inscrição (art. 7º §1º a) e depois a homologação; publicada a lista, as inscrições já passaram (art. 11 §2º) e
    o que importa é a homologação (art. 11 §6º), a reabertura (art. 13 §1º) e o parentesco (art. 15)."""
    if atos.fase in ("preparacao", "inscricoes"):
        return ATOS_DOS_CANDIDATOS
    return ("homologar", "reabrir", "parentesco", "inscrever", "analisar", "nota")


_ANALISE = {"analisar": "analisar documentos", "nota": "lançar notas da prova"}


def recusa_analise(atos: Atos, acao: str) -> str | None:
    """A análise documental (``acao`` "analisar") ou a nota da prova ("nota") de uma candidatura cabem na fase
    gravada? São etapas do edital entre a inscrição e a homologação (Lei 320/2023, art. 7º §1º II e III): com o
    edital publicado e até a lista de habilitados ser homologada, que a fecha (art. 11 §6º). ``None`` se cabem."""
    o_que = _ANALISE[acao]
    if atos.fase == "preparacao":
        return (f"Não é possível {o_que}: o edital ainda não foi publicado e não há inscrição (Lei 320/2023, "
                "art. 7º).")
    if atos.fase not in ("inscricoes", "analise"):
        return (f"Não é possível {o_que} na fase \"{NOMES_FASES[atos.fase]}\": a análise documental e a prova são "
                "etapas anteriores à homologação, e a lista de habilitados já foi homologada (Lei 320/2023, "
                "arts. 7º §1º II e III e 11 §6º).")
    return None


_RITO = {"defesa": ("Defesa", "registre a defesa juntada", "Lei 320/2023, art. 11 §3º I"),
         "decisao": ("Decisão da comissão especial", "registre a decisão tomada em reunião",
                     "Lei 320/2023, art. 11 §3º II"),
         "recurso": ("Recurso ao CMDCA", "registre o recurso interposto", "Lei 320/2023, arts. 8º §13 e 11 §5º"),
         "julgamento": ("Julgamento do recurso pelo CMDCA", "registre o julgamento feito pela plenária",
                        "Lei 320/2023, art. 11 §5º")}


def recusa_rito_futuro(etapa: str, em: date, hoje: date) -> str | None:
    """Defesa, decisão, recurso ou julgamento do recurso de uma impugnação (``etapa``) registrados com data posterior
    a ``hoje``? Registra-se o ato feito, com a data em que foi feito, nunca um ato futuro — como a inscrição, a
    impugnação e a denúncia (Lei 320/2023, art. 11 §§3º I e II e 5º; art. 8º §13)."""
    if em > hoje:
        nome, o_que, artigo = _RITO[etapa]
        return (f"{nome} em {formato.data(em)} posterior a hoje ({formato.data(hoje)}): {o_que}, com a data em que "
                f"aconteceu ({artigo}).")
    return None


def _futuro(em: date, hoje: date, o_que: str, artigo: str) -> str | None:
    if em > hoje:
        return (f"A publicação {o_que} em {formato.data(em)} é posterior a hoje ({formato.data(hoje)}): registre a "
                f"publicação depois de feita, com a data em que saiu ({artigo}).")
    return None


def recusa_publicar_edital(atos: Atos, cal: Calendario, em: date, hoje: date) -> str | None:
    """O edital pode ser registrado como publicado em ``em``? Só uma vez, numa data que já chegou e até o início
    das inscrições (Lei 320/2023, art. 7º e §1º a). O limite dos seis meses é conferido com o calendário."""
    if atos.fase != "preparacao":
        return (f"O edital já foi publicado em {formato.data(atos.edital_publicado_em)} (Lei 320/2023, art. 7º)."
                if atos.edital_publicado_em else "O edital já foi publicado (Lei 320/2023, art. 7º).")
    if motivo := _futuro(em, hoje, "do edital", "Lei 320/2023, arts. 7º e 10 I"):
        return motivo
    if em > cal.inscricao_inicio:
        return (f"O edital em {formato.data(em)} sairia depois do início das inscrições ({formato.data(cal.inscricao_inicio)}): "
                "a inscrição é aberta pelo edital (Lei 320/2023, art. 7º §1º I e a). Ajuste o calendário ou a data.")
    return None


def recusa_publicar_inscritos(atos: Atos, cal: Calendario, em: date, hoje: date) -> str | None:
    """A lista de inscritos pode ser registrada como publicada em ``em``? Só com o edital publicado, as inscrições
    encerradas e numa data que já chegou (Lei 320/2023, arts. 7º §1º a e 11 §2º)."""
    if atos.fase == "preparacao" or atos.edital_publicado_em is None:
        return ("Não há lista de inscritos antes do edital: publique o edital primeiro (Lei 320/2023, art. 7º).")
    if atos.fase != "inscricoes":
        quando = f" em {formato.data(atos.inscritos_publicados_em)}" if atos.inscritos_publicados_em else ""
        return (f"A lista de inscritos já foi publicada{quando}; o processo está na fase \"{NOMES_FASES[atos.fase]}\" "
                "(Lei 320/2023, art. 11 §2º).")
    if motivo := _futuro(em, hoje, "da lista de inscritos", "Lei 320/2023, art. 11 §2º"):
        return motivo
    if em < cal.inscricao_fim:
        return (f"A lista de inscritos em {formato.data(em)} sairia antes do fim das inscrições "
                f"({formato.data(cal.inscricao_fim)}): o prazo do edital é dos candidatos (Lei 320/2023, art. 7º §1º a; "
                "art. 11 §2º).")
    return None


def publicacao_fechada(atos: Atos, cal: Calendario, qual: str, hoje: date) -> str | None:
    """Por que a publicação ``qual`` ("edital" ou "inscritos") não pode ser registrada hoje com data alguma (o botão
    da tela fica desabilitado com este motivo); ``None`` se alguma data cabe — cada data é conferida depois em
    ``recusa_publicar_edital`` e ``recusa_publicar_inscritos``. O edital, só uma vez e antes das inscrições (art. 7º
    e §1º a): qualquer dia já passado até o início delas serve. A lista de inscritos, com o edital publicado, uma vez
    e só depois do fim das inscrições — antes dele, nenhum dia até hoje serve (art. 7º §1º a; art. 11 §2º)."""
    if qual == "edital":
        return recusa_publicar_edital(atos, cal, min(hoje, cal.inscricao_inicio), hoje)
    if atos.fase == "inscricoes" and hoje < cal.inscricao_fim:
        return (f"A lista de inscritos só sai depois do fim das inscrições ({formato.data(cal.inscricao_fim)}): o "
                "prazo do edital é dos candidatos (Lei 320/2023, art. 7º §1º a; art. 11 §2º).")
    return recusa_publicar_inscritos(atos, cal, hoje, hoje)


PUBLICACOES = {"edital": "do edital", "inscritos": "da lista de inscritos"}
"""Os atos de publicação registrados cuja data se retifica (``retificacao_fechada``, ``recusa_retificar_publicacao``)."""


def retificacao_fechada(atos: Atos, qual: str, *, inscricoes: int, impugnacoes: int) -> str | None:
    """A data registrada da publicação ``qual`` ("edital" ou "inscritos") ainda pode ser retificada? Só enquanto
    nenhum ato posterior depende dela: a do edital, antes da primeira inscrição — o prazo de inscrição é o do edital
    (Lei 320/2023, art. 7º e §1º a); a da lista de inscritos, antes de qualquer impugnação e da homologação — o prazo
    de impugnação de cinco dias conta da publicação da lista (art. 11 §§2º e 6º). ``None`` se pode (a data nova é
    conferida em ``recusa_retificar_publicacao``)."""
    if qual == "edital":
        if atos.edital_publicado_em is None:
            return "Não há publicação do edital registrada para retificar (Lei 320/2023, art. 7º)."
        if inscricoes or atos.fase != "inscricoes":
            depois = (f"já há {inscricoes} inscrição(ões) registrada(s)" if inscricoes else
                      f"o processo está na fase \"{NOMES_FASES[atos.fase]}\"")
            return (f"A data do edital ({formato.data(atos.edital_publicado_em)}) não pode mais ser retificada: {depois}, "
                    "e o prazo de inscrição corre do edital (Lei 320/2023, art. 7º e §1º a).")
        return None
    if atos.inscritos_publicados_em is None:
        return "Não há publicação da lista de inscritos registrada para retificar (Lei 320/2023, art. 11 §2º)."
    if atos.fase != "analise":
        return (f"A data da lista de inscritos ({formato.data(atos.inscritos_publicados_em)}) não pode mais ser "
                f"retificada: o processo está na fase \"{NOMES_FASES[atos.fase]}\", e a homologação saiu esgotado o "
                "prazo de impugnação que ela abriu (Lei 320/2023, art. 11 §§2º e 6º).")
    if impugnacoes:
        return (f"A data da lista de inscritos ({formato.data(atos.inscritos_publicados_em)}) não pode mais ser "
                f"retificada: já há {impugnacoes} impugnação(ões) apresentada(s) no prazo de 5 dias contado dela "
                "(Lei 320/2023, art. 11 §2º).")
    return None


def recusa_retificar_publicacao(atos: Atos, cal: Calendario, qual: str, nova: date, hoje: date, *, inscricoes: int,
                                impugnacoes: int) -> str | None:
    """A data registrada da publicação ``qual`` pode passar a ser ``nova``? Se ainda nada depende dela
    (``retificacao_fechada``) e se ``nova`` é outra data e passa pelas mesmas travas do registro: não futura; o edital
    até o início das inscrições (art. 7º §1º a); a lista, depois do fim delas (art. 11 §2º). O limite dos seis meses
    do edital é conferido com o calendário, por quem grava."""
    if motivo := retificacao_fechada(atos, qual, inscricoes=inscricoes, impugnacoes=impugnacoes):
        return motivo
    registrada = atos.edital_publicado_em if qual == "edital" else atos.inscritos_publicados_em
    if nova == registrada:
        return (f"A publicação {PUBLICACOES[qual]} já está registrada em {formato.data(nova)}: informe a data certa "
                "(Lei 320/2023, " + ("art. 7º)." if qual == "edital" else "art. 11 §2º)."))
    if qual == "edital":
        return recusa_publicar_edital(Atos("preparacao"), cal, nova, hoje)
    return recusa_publicar_inscritos(Atos("inscricoes", atos.edital_publicado_em), cal, nova, hoje)


def momento(atos: Atos, cal: Calendario, dia: date, fim_mandato: date | None = None) -> Momento:
    """Onde o processo está em ``dia``: o calendário (``calendario.momento``), corrigido pelo que de fato foi feito —
    previsto não é publicado. Edital com a data prevista já passada sem registro de publicação: as inscrições não
    abriram (art. 7º); lista de inscritos prevista e não publicada: o prazo de impugnação não começou (art. 11 §2º)."""
    d = formato.data
    if atos.edital_publicado_em is None:
        if dia < cal.data_edital:
            return calendario.momento(cal, dia, fim_mandato)
        return Momento(f"Edital previsto para {d(cal.data_edital)} ainda não publicado: as inscrições só abrem "
                       "com ele", "Lei 320/2023, art. 7º")
    if atos.fase == "inscricoes" and dia >= cal.publicacao_inscritos:
        if dia <= cal.inscricao_fim:  # o fim das inscrições passou a valer depois da lista (reabertura)
            return calendario.momento(cal, dia, fim_mandato)
        return Momento(f"Inscrições encerradas em {d(cal.inscricao_fim)}; lista de inscritos prevista para "
                       f"{d(cal.publicacao_inscritos)} ainda não publicada: o prazo de impugnação corre da publicação",
                       "Lei 320/2023, art. 11 §2º")
    return calendario.momento(cal, dia, fim_mandato)


ACOES_APURACAO = {
    # ação: (o que se faria, as fases em que cabe, por que não cabe antes, com o artigo)
    "designar": ("designar a apuração", ("inscricoes", "analise", "homologado", "apuracao"),
                 "a comissão especial designa mesários e supervisores depois de publicado o edital "
                 "(Lei 320/2023, arts. 7º e 9º)"),
    "digitar": ("digitar ou decidir boletins", ("homologado", "apuracao"),
                "os boletins só se digitam com a lista de habilitados homologada (Lei 320/2023, arts. 9º e 11 §6º)"),
    "sessao": ("registrar a sessão de apuração", ("homologado", "apuracao"),
               "a apuração só começa com a lista de habilitados homologada (Lei 320/2023, arts. 9º e 11 §6º)"),
    "publicar": ("publicar o resultado", ("apuracao",),
                 "não há boletim apurado; o resultado sai da apuração de todas as seções (Lei 320/2023, art. 14 §1º)"),
    "posse": ("encerrar e dar posse", ("apuracao", "encerrado"),
              "publique antes o resultado, que abre o prazo de contestação (Lei 320/2023, art. 14 §§1º e 2º)"),
}
"""As escritas da apuração (designações, dupla digitação e auditoria, sessão, resultado e posse) e a fase em que cada uma cabe."""


def aviso_encerrado(atos: Atos) -> str | None:
    """A linha de situação do processo encerrado (eleitos registrados ou posse dada): nada da apuração se grava mais
    (Lei 320/2023, art. 14 §§1º e 2º); ``None`` antes disso."""
    if atos.posse_dada:
        em = f" em {formato.data(atos.posse)}" if atos.posse else ""
        return (f"Posse dada{em}: os mandatos estão no cadastro do Conselho e, encerrado o processo, nada da "
                "apuração se grava mais (Lei 320/2023, art. 14 §§1º e 2º).")
    if atos.fase == "encerrado":
        return "Processo encerrado com os eleitos registrados: falta só dar posse (Lei 320/2023, art. 14 §2º)."
    return None


def recusa_apuracao_no_dia(atos: Atos, acao: str, eleicao: date, contestacao_fim: date | None,
                           hoje: date) -> str | None:
    """As travas de data de ``acao`` (uma de ``ACOES_APURACAO``) em ``hoje``, além da fase (``recusa_apuracao``):
    boletins, sessão de apuração e resultado só do dia da eleição em diante (Lei 320/2023, arts. 5º I e 9º); a posse
    só terminado o prazo de contestação do resultado publicado (art. 14 §1º). ``None`` se o dia não impede."""
    o_que = ACOES_APURACAO[acao][0]
    if acao in ("digitar", "sessao", "publicar") and hoje < eleicao:
        return (f"Não é possível {o_que} em {formato.data(hoje)}: a eleição é em {formato.data(eleicao)}, e a "
                "apuração só começa no dia da eleição (Lei 320/2023, arts. 5º I e 9º).")
    if acao == "posse" and contestacao_fim is not None and hoje <= contestacao_fim:
        return (f"Não é possível {o_que} antes de terminar o prazo de contestação do resultado, que vai até "
                f"{formato.data(contestacao_fim)} (Lei 320/2023, art. 14 §1º).")
    return None


def recusa_registrar_eleitos_no_dia(contestacao_fim: date | None, hoje: date) -> str | None:
    """Os eleitos (titulares e suplentes, na ordem da classificação) passam ao Conselho só terminado o prazo de
    contestação do resultado publicado (Lei 320/2023, art. 14 §1º): até lá uma contestação pode mudar a
    classificação. ``None`` se o prazo terminou ou se não há prazo (quem chama confere antes a publicação)."""
    if contestacao_fim is not None and hoje <= contestacao_fim:
        return (f"Não é possível registrar os eleitos em {formato.data(hoje)}: o prazo de contestação do resultado "
                f"publicado vai até {formato.data(contestacao_fim)}, e até lá a classificação pode mudar — os "
                "titulares e suplentes passam ao Conselho depois dele (Lei 320/2023, art. 14 §1º).")
    return None


def recusa_apuracao(atos: Atos, acao: str) -> str | None:
    """Por que ``acao`` (uma de ``ACOES_APURACAO``) não cabe na fase gravada, com o artigo; ``None`` se a fase a
    admite (datas, prazos e seções são conferidos por quem grava). Encerrado o processo — eleitos registrados, posse
    dada —, nada da apuração se escreve mais: o resultado publicado é o oficial e os mandatos estão no Conselho
    (Lei 320/2023, art. 14 §§1º e 2º)."""
    o_que, fases, antes = ACOES_APURACAO[acao]
    if atos.posse_dada:
        em = f" em {formato.data(atos.posse)}" if atos.posse else ""
        return (f"Não é possível {o_que}: o processo está encerrado e a posse já foi dada{em}; o resultado publicado "
                "é o oficial e os mandatos estão no Conselho (Lei 320/2023, art. 14 §§1º e 2º).")
    if atos.fase == "encerrado" and acao != "posse":
        return (f"Não é possível {o_que}: o processo está encerrado, com os eleitos registrados pelo resultado "
                "publicado (Lei 320/2023, art. 14 §1º); falta só dar posse (art. 14 §2º).")
    if acao == "publicar" and atos.resultado_publicado_em is not None:
        return (f"O resultado já foi publicado em {formato.data(atos.resultado_publicado_em)} "
                "(Lei 320/2023, art. 14 §1º).")
    if atos.fase == "preparacao":
        return (f"Não é possível {o_que} na fase \"{NOMES_FASES[atos.fase]}\": o edital ainda não foi publicado "
                "(Lei 320/2023, art. 7º).")
    if atos.fase not in fases:
        return f"Não é possível {o_que} na fase \"{NOMES_FASES[atos.fase]}\": {antes}."
    if acao == "posse" and atos.resultado_publicado_em is None:
        return f"Não é possível {o_que}: {antes}."
    return None
