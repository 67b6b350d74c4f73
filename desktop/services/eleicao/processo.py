"""Processo de escolha: abrir com o calendário conferido pela lei, registrar os atos que abrem as etapas (edital,
lista de inscritos), consultar e reabrir as inscrições (arts. 5º, 7º, 11 §2º e 13)."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

from desktop.rules import formato
from desktop.rules.eleicao import atos as regra_atos
from desktop.rules.eleicao import calendario as regra_calendario
from desktop.rules.eleicao.calendario import Calendario, Problema
from desktop.rules.eleicao.regras import RegrasEleicao
from desktop.rules.eleicao.requisitos import nota as ler_nota
from desktop.rules.eleicao.resultado import CRITERIOS
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import documentos as registro_documentos
from desktop.store import usuarios as armazem_usuarios
from desktop.store.eleicao import candidaturas as armazem
from desktop.store.ids import agora, novo_id

from .. import documentos_vias, parametros
from ..sessao import ErroNegocio, Sessao
from .comum import (DOCUMENTOS_COM_O_CALENDARIO, assunto_do_processo, calendario_de, documentos_sem_assunto,
                    processo_ou_erro)
from .comum import hoje as dia_de_hoje


def calendario_sugerido(sessao: Sessao, ano: int) -> Calendario:
    """Um calendário admitido pela lei para o pleito do ano (art. 5º I; art. 7º)."""
    sessao.exigir(Permissao.ELEICAO_LER)
    eleicao = regra_calendario.primeiro_domingo(ano, 10)
    return regra_calendario.sugerido(ano, parametros.vigente(sessao, "eleicao_regras", eleicao))


def conferir_calendario(sessao: Sessao, cal: Calendario) -> list[Problema]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return regra_calendario.conferir(cal, parametros.vigente(sessao, "eleicao_regras", cal.eleicao))


def abrir_processo(sessao: Sessao, cal: Calendario, *, nota_corte, criterio_desempate: str = "idade") -> dict:
    """Abre o processo do ano da eleição. Recusa calendário contra a lei (com o artigo) e ano repetido.

    O fim do prazo de impugnação é sempre recalculado (art. 11 §2º). O processo nasce na fase "preparacao": as
    inscrições só abrem quando a publicação do edital é registrada (``publicar_edital``, art. 7º). Devolve a linha
    gravada.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    if criterio_desempate not in CRITERIOS:
        raise EntradaInvalida("Critério de desempate: 'idade' (o mais velho) ou 'nota' (a maior nota na prova).")
    corte = ler_nota(nota_corte)
    regras = parametros.vigente(sessao, "eleicao_regras", cal.eleicao)
    cal = regra_calendario.com_impugnacao_calculada(cal, regras)
    regra_calendario.exigir_admitido(cal, regras)
    if armazem.processo_do_ano(sessao.db, cal.eleicao.year):
        raise ErroNegocio(f"Já existe o processo de escolha de {cal.eleicao.year}.")
    momento = agora()
    linha = {"id": novo_id(), "ano": cal.eleicao.year,
             **{k: v.isoformat() for k, v in cal.como_dict().items()},
             "fim_mandato": regra_calendario.fim_mandato(cal.posse, regras).isoformat(),
             "nota_corte": str(corte), "criterio_desempate": criterio_desempate, "fase": "preparacao",
             "edital_publicado_em": None, "inscritos_publicados_em": None,
             "reaberturas": 0, "criado_em": momento, "atualizado_em": momento}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.inserir("eleicao_processos", linha)
    return linha


def listar_processos(sessao: Sessao) -> list[dict]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.processos(sessao.db)


def obter_processo(sessao: Sessao, processo_id: str) -> dict:
    sessao.exigir(Permissao.ELEICAO_LER)
    return processo_ou_erro(sessao.db, processo_id)


def calendario(sessao: Sessao, processo_id: str) -> Calendario:
    return calendario_de(obter_processo(sessao, processo_id))


def momento(sessao: Sessao, processo_id: str, dia: date | None = None) -> regra_calendario.Momento:
    """Onde o processo está no calendário hoje (ou em ``dia``), com o artigo (Lei 320/2023, art. 7º), corrigido
    pelos atos registrados: edital ou lista de inscritos previstos e não publicados não contam como publicados. Da
    posse em diante, o mandato do início ao fim (art. 6º §ún.)."""
    p = obter_processo(sessao, processo_id)
    return regra_atos.momento(regra_atos.Atos.do_processo(p), calendario_de(p), dia or dia_de_hoje(),
                              date.fromisoformat(p["fim_mandato"]))


def dia_de_registro() -> date:
    """O "hoje" das travas de data do processo (nada se registra com data futura, arts. 7º §1º a e 11), para os
    formulários preencherem as datas com ele e não com o relógio da tela: é o mesmo que os serviços conferem (e que
    ``simulando_dia`` muda na demonstração e nos testes). Não lê a base."""
    return dia_de_hoje()


def nome_da_fase(processo: dict) -> str:
    """A fase gravada em palavras (o que de fato foi feito: edital, lista de inscritos, homologação…)."""
    return regra_atos.NOMES_FASES[processo["fase"]]


def proximo_ato(processo: dict) -> str | None:
    """O ato de publicação que a fase gravada espera: "edital" (art. 7º), "inscritos" (art. 11 §2º) ou nenhum."""
    return {"preparacao": "edital", "inscricoes": "inscritos"}.get(processo["fase"])


def por_que_sem_inscricao(sessao: Sessao, processo_id: str) -> str | None:
    """Por que a inscrição não é aceita agora (edital não publicado, lista de inscritos já publicada…), com o
    artigo; ``None`` se as inscrições estão abertas (Lei 320/2023, art. 7º e §1º I e a; art. 11 §2º). Antes do
    início do prazo do edital, hoje, também fechadas: nenhuma data de inscrição seria aceita."""
    p = obter_processo(sessao, processo_id)
    return regra_atos.inscricoes_fechadas(regra_atos.Atos.do_processo(p), calendario_de(p), dia_de_hoje())


def por_que_sem_publicacao(sessao: Sessao, processo_id: str) -> dict[str, str | None]:
    """Para cada publicação que se registra ("edital", "inscritos"), por que nenhuma data cabe hoje (já publicada,
    sem o edital, as inscrições ainda abertas…), com o artigo; ``None`` se alguma cabe
    (``rules.eleicao.atos.publicacao_fechada``; a data digitada é conferida ao gravar)."""
    p = obter_processo(sessao, processo_id)
    atos, cal, hoje = regra_atos.Atos.do_processo(p), calendario_de(p), dia_de_hoje()
    return {qual: regra_atos.publicacao_fechada(atos, cal, qual, hoje) for qual in regra_atos.PUBLICACOES}


def por_que_sem_impugnacao(sessao: Sessao, processo_id: str) -> str | None:
    """Por que a impugnação ainda não cabe (lista de inscritos não publicada, art. 11 §2º); ``None`` se cabe."""
    return regra_atos.impugnacoes_fechadas(regra_atos.Atos.do_processo(obter_processo(sessao, processo_id)))


def por_que_sem_apresentacao(sessao: Sessao, processo_id: str) -> str | None:
    """Por que nem impugnação nem denúncia se registram mais (lista homologada e resultado publicado, arts. 11 §6º e
    14 §1º), com os artigos; ``None`` se alguma ainda cabe."""
    return regra_atos.apresentacao_fechada(regra_atos.Atos.do_processo(obter_processo(sessao, processo_id)))


def _antes_do_ato(sessao: Sessao, processo_id: str, recusa, em: date) -> tuple[Calendario, RegrasEleicao]:
    """O começo comum dos atos de publicação (edital, lista de inscritos): quem pode editar o processo, o processo, o
    seu calendário e a recusa da regra (``recusa(atos, cal, em, hoje)``, de ``rules.eleicao.atos``, com o artigo) —
    recusado, ``ErroNegocio``. Devolve o calendário e as regras vigentes na data da eleição (``eleicao_regras``)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    cal = calendario_de(proc)
    if motivo := recusa(regra_atos.Atos.do_processo(proc), cal, em, dia_de_hoje()):
        raise ErroNegocio(motivo)
    return cal, parametros.vigente(sessao, "eleicao_regras", cal.eleicao)


def publicar_edital(sessao: Sessao, processo_id: str, *, em: date) -> dict:
    """Registra a publicação do edital pelo CMDCA em ``em`` (Lei 320/2023, arts. 7º e 10 I): abre a fase de
    inscrições. A data entra no calendário (a do edital) e o calendário é conferido de novo — até seis meses antes
    do pleito, até o início das inscrições. Recusa data futura e segunda publicação."""
    cal, regras = _antes_do_ato(sessao, processo_id, regra_atos.recusa_publicar_edital, em)
    regra_calendario.exigir_admitido(replace(cal, data_edital=em), regras)
    novos = {"fase": "inscricoes", "edital_publicado_em": em.isoformat(), "data_edital": em.isoformat(),
             "atualizado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return m.alterar("eleicao_processos", processo_id, novos, so_os_campos=True)


def publicar_inscritos(sessao: Sessao, processo_id: str, *, em: date) -> dict:
    """Registra a publicação da relação dos inscritos pela comissão especial em ``em`` (Lei 320/2023, art. 11 §2º):
    encerra as inscrições e abre o prazo de impugnação de cinco dias, que conta dessa data (o calendário é
    recalculado e conferido). Depois dela, análise documental e prova seguem (art. 7º §1º II e III)."""
    cal, regras = _antes_do_ato(sessao, processo_id, regra_atos.recusa_publicar_inscritos, em)
    cal = regra_calendario.com_impugnacao_calculada(replace(cal, publicacao_inscritos=em), regras)
    regra_calendario.exigir_admitido(cal, regras)
    novos = {"fase": "analise", "inscritos_publicados_em": em.isoformat(), "publicacao_inscritos": em.isoformat(),
             "impugnacao_fim": cal.impugnacao_fim.isoformat(), "atualizado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return m.alterar("eleicao_processos", processo_id, novos, so_os_campos=True)


def _dependentes(db, processo_id: str) -> dict:
    """Os atos registrados que dependem das publicações: as inscrições (do edital) e as impugnações (da lista)."""
    return {"inscricoes": len(armazem.candidaturas(db, processo_id)),
            "impugnacoes": sum(1 for i in armazem.impugnacoes(db, processo_id=processo_id) if i["tipo"] == "impugnacao")}


def por_que_sem_retificacao(sessao: Sessao, processo_id: str) -> dict[str, str | None]:
    """Para cada publicação registrável ("edital", "inscritos"), por que a sua data não pode mais ser retificada (com
    o artigo), ou ``None`` se pode (``rules.eleicao.atos.retificacao_fechada``)."""
    p = obter_processo(sessao, processo_id)
    atos, dependentes = regra_atos.Atos.do_processo(p), _dependentes(sessao.db, processo_id)
    return {qual: regra_atos.retificacao_fechada(atos, qual, **dependentes) for qual in regra_atos.PUBLICACOES}


_CAMPO_PUBLICACAO = {"edital": "edital_publicado_em", "inscritos": "inscritos_publicados_em"}


def retificacoes(sessao: Sessao, processo_id: str) -> list[dict]:
    """As retificações de data de publicação do processo (``retificar_publicacao``), da mais antiga à mais recente,
    lidas da trilha do diário: ``publicacao`` ("edital" ou "inscritos"), ``rotulo`` ("do edital"…), ``por`` (nome,
    ou o login se o usuário não está mais na base), ``login``, ``momento`` (ISO, UTC), ``antes`` e ``depois`` (datas
    ISO) e ``motivo``."""
    sessao.exigir(Permissao.ELEICAO_LER)
    processo_ou_erro(sessao.db, processo_id)
    lidas = []
    for r in armazem.retificacoes(sessao.db, processo_id):
        antes, depois = json.loads(r["antes"] or "{}"), json.loads(r["depois"])
        qual = depois["retificacao"]
        campo = _CAMPO_PUBLICACAO.get(qual)
        usuario = armazem_usuarios.por_login(sessao.db, r["usuario"])
        lidas.append({"publicacao": qual, "rotulo": regra_atos.PUBLICACOES.get(qual, qual),
                      "por": usuario["nome"] if usuario else r["usuario"], "login": r["usuario"],
                      "momento": r["momento"], "antes": antes.get(campo), "depois": depois.get(campo),
                      "motivo": depois.get("motivo", "")})
    return lidas


def retificar_publicacao(sessao: Sessao, processo_id: str, qual: str, *, em: date, motivo: str) -> dict:
    """Retifica a data registrada da publicação do edital (``qual`` = "edital") ou da lista de inscritos
    ("inscritos") para ``em`` — a data em que de fato saiu —, enquanto nenhum ato posterior depende dela (a primeira
    inscrição, do edital; impugnação ou homologação, da lista: Lei 320/2023, arts. 7º §1º a e 11 §§2º e 6º). A data
    entra no calendário, que é conferido de novo (da lista, o fim do prazo de impugnação é recalculado). O motivo é
    obrigatório e vai ao diário com a data antiga e a nova (quem e quando, o diário já guarda). Os documentos já
    emitidos que citam a data antiga (``DOCUMENTOS_COM_O_CALENDARIO``) ficam substituídos na mesma transação. Devolve
    o processo, com ``substituidos``: a identificação desses documentos, para a tela pedir a nova emissão."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    if qual not in regra_atos.PUBLICACOES:
        raise EntradaInvalida("Retifica-se a data do edital (\"edital\") ou da lista de inscritos (\"inscritos\").")
    motivo = " ".join((motivo or "").split())
    if len(motivo) < 10:
        raise EntradaInvalida("Diga o motivo da retificação (ex.: \"o Diário Oficial saiu em 05/04, não em 03/04\"): "
                              "ele fica no diário com a data antiga e a nova.")
    proc = processo_ou_erro(sessao.db, processo_id)
    cal = calendario_de(proc)
    if recusa := regra_atos.recusa_retificar_publicacao(regra_atos.Atos.do_processo(proc), cal, qual, em,
                                                        dia_de_hoje(), **_dependentes(sessao.db, processo_id)):
        raise ErroNegocio(recusa)
    regras = parametros.vigente(sessao, "eleicao_regras", cal.eleicao)
    if qual == "edital":
        regra_calendario.exigir_admitido(replace(cal, data_edital=em), regras)
        novos = {"edital_publicado_em": em.isoformat(), "data_edital": em.isoformat()}
    else:
        cal = regra_calendario.com_impugnacao_calculada(replace(cal, publicacao_inscritos=em), regras)
        regra_calendario.exigir_admitido(cal, regras)
        novos = {"inscritos_publicados_em": em.isoformat(), "publicacao_inscritos": em.isoformat(),
                 "impugnacao_fim": cal.impugnacao_fim.isoformat()}
    antiga = proc[_CAMPO_PUBLICACAO[qual]]
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        depois = m.alterar("eleicao_processos", processo_id, {**novos, "atualizado_em": agora()}, so_os_campos=True,
                           nota={"retificacao": qual, "motivo": motivo})
        # os documentos emitidos que citam a data antiga deixam de valer; o novo do mesmo tipo é ligado a eles
        porque = (f"data da publicação {regra_atos.PUBLICACOES[qual]} retificada de {formato.data(antiga)} para "
                  f"{formato.data(em)}: {motivo}")
        substituidos = documentos_vias.substituir_assunto(
            m, assunto_do_processo(processo_id), porque, filtro=lambda d: d["tipo"] in DOCUMENTOS_COM_O_CALENDARIO)
        for tipo in DOCUMENTOS_COM_O_CALENDARIO:  # e os emitidos antes de os documentos da eleição terem assunto
            for d in documentos_sem_assunto(m.db, proc, tipo, validos=True):
                substituidos.append(m.alterar_se("documentos", d["id"], registro_documentos.marcar_substituido,
                                                 momento=agora(), por=sessao.usuario.login, motivo=porque))
        return {**depois, "substituidos": [f"{d['titulo']} nº {d['numero']}/{d['ano']} (código {d['codigo']})"
                                           for d in substituidos if d]}


def reabrir_inscricoes(sessao: Sessao, processo_id: str, *, novo_fim: date, nova_publicacao: date) -> dict:
    """Reabre o prazo de inscrição quando há menos de dez habilitados (art. 13 §1º).

    As datas seguintes do calendário ficam como estão e o calendário é conferido de novo. A fase volta a
    "inscricoes" e a lista de inscritos tem de ser publicada de novo (com ela, um novo prazo de impugnação,
    art. 11 §2º).
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    habilitados = len(armazem.candidaturas(sessao.db, processo_id, "habilitado"))
    if motivo := regra_atos.recusa_reabertura(regra_atos.Atos.do_processo(proc), habilitados,
                                              regras.minimo_habilitados):
        raise ErroNegocio(motivo)
    cal = replace(calendario_de(proc), inscricao_fim=novo_fim, publicacao_inscritos=nova_publicacao)
    cal = regra_calendario.com_impugnacao_calculada(cal, regras)
    regra_calendario.exigir_admitido(cal, regras)
    novos = {"inscricao_fim": novo_fim.isoformat(), "publicacao_inscritos": nova_publicacao.isoformat(),
             "impugnacao_fim": cal.impugnacao_fim.isoformat(), "reaberturas": proc["reaberturas"] + 1,
             "fase": "inscricoes", "inscritos_publicados_em": None, "atualizado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        return m.alterar("eleicao_processos", processo_id, novos, so_os_campos=True)


def nota_corte(processo: dict) -> Decimal:
    return Decimal(processo["nota_corte"])


def proximo_ano(sessao: Sessao, hoje: date | None = None) -> int:
    """O próximo ano de pleito a partir de hoje (art. 5º I): o seguinte ao de uma eleição presidencial."""
    sessao.exigir(Permissao.ELEICAO_LER)
    hoje = hoje or date.today()
    regras = parametros.vigente(sessao, "eleicao_regras", hoje)
    ano = hoje.year
    while not regra_calendario.ano_de_pleito(ano, regras):
        ano += 1
    return ano


def fim_impugnacao(sessao: Sessao, processo_id: str, publicacao: date) -> date:
    """Último dia para impugnar se a lista de inscritos sair em ``publicacao`` (art. 11 §2º)."""
    proc = obter_processo(sessao, processo_id)
    return regra_calendario.fim_impugnacao(publicacao, parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"])))
