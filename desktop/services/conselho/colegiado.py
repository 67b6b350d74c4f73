"""O colegiado do Conselho Tutelar: sessões (ordinária ou extraordinária), quórum, pauta, votos e a ata.

Lei 320/2023, art. 21 caput (as decisões são do colegiado) e §1º (a medida de plantão vai ao colegiado
para ratificação ou retificação), art. 43 §ún., XII (é vedado deixar de submeter ao colegiado as
decisões individuais de medidas dos arts. 101 e 129 do ECA), art. 44 (o impedido não delibera no
caso) e art. 27 (a decisão colegiada, obedecidas as formalidades, tem eficácia plena). Uma medida só
é ratificada (ou retificada) por voto da maioria numa sessão com quórum: um conselheiro sozinho não
ratifica nada, nem a própria medida. Tudo no arquivo sigiloso (a pauta cita casos); a ata é documento
registrado, guardado no domínio do caso.
"""
from __future__ import annotations

from datetime import date, datetime

from desktop.reports.conselho import ata as pdf_ata
from desktop.rules.conselho import colegiado as regra
from desktop.rules.conselho.atendimentos import MEDIDAS
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import colegiado as armazem
from desktop.store.conselho import mandatos as armazem_m
from desktop.store.ids import agora, novo_id

from .. import documentos, documentos_vias, emissores, parametros
from ..sessao import ErroNegocio, Sessao
from .comum import agora_local, exigir_conteudo, iso_local, registrar_leitura
from .documentos import DOMINIO_CASO, assunto_termo
from .exercicio import periodos
from desktop.rules import formato

EDITAR_SIGILO = Permissao.CONSELHO_CASOS_EDITAR
TIPO_ATA = "conselho_ata_colegiado"


def _nome(db, conselheiro_id: str | None) -> str:
    c = armazem_m.conselheiro(db, conselheiro_id) if conselheiro_id else None
    return c["nome"] if c else "—"


def _em_exercicio(db, conselheiro_id: str, dia: date) -> bool:
    return any(a <= dia <= b for a, b in periodos(db, conselheiro_id, dia, pagos=False))


def _momento(valor, campo: str) -> datetime:
    if not isinstance(valor, datetime):
        raise EntradaInvalida(f"{campo}: informe data e hora.")
    return valor.replace(second=0, microsecond=0, tzinfo=None)


def abrir_sessao(sessao: Sessao, *, tipo: str, realizada_em: datetime, presentes: list[str],
                 local: str = "") -> dict:
    """Registra a sessão deliberativa com os membros presentes; recusa sem quórum (art. 21 caput).

    Quem registra é um conselheiro presente. Só contam membros em exercício na data (o afastado e o
    suplente não convocado não integram o colegiado)."""
    c = exigir_conteudo(sessao, editar=True)
    if tipo not in regra.TIPOS_SESSAO:
        raise EntradaInvalida("A sessão é ordinária ou extraordinária.")
    quando = _momento(realizada_em, "Data e hora da sessão")
    if quando > agora_local():
        raise EntradaInvalida("A sessão é registrada depois de realizada: a data e hora não podem ser futuras.")
    presentes = list(dict.fromkeys(presentes or []))
    if c["id"] not in presentes:
        raise EntradaInvalida("Quem registra a sessão precisa estar entre os presentes.")
    for pid in presentes:
        if armazem_m.conselheiro(sessao.db, pid) is None:
            raise ErroNegocio("Um dos presentes não é conselheiro cadastrado.")
        if not _em_exercicio(sessao.db, pid, quando.date()):
            raise EntradaInvalida(f"{_nome(sessao.db, pid)} não estava em exercício em {formato.data(quando)} e não "
                                  "integra o colegiado nessa data.")
    regras = parametros.vigente(sessao, "conselho_colegiado", quando.date())
    regra.exigir_quorum(len(presentes), regras, "abrir a sessão")
    linha = {"id": novo_id(), "tipo": tipo, "realizada_em": iso_local(quando), "local": (local or "").strip(),
             "quorum": regras.quorum, "membros": regras.membros, "situacao": "aberta", "encerrada_em": None,
             "ata_documento_id": None, "registrada_por": c["id"], "criado_em": agora()}
    with sessao.mudanca(EDITAR_SIGILO) as m:
        m.inserir("conselho_sessoes", linha)
        for pid in presentes:
            # id próprio (migração sigilosa 0007): a sincronização leva cada presença às outras réplicas
            m.inserir("conselho_sessao_presencas", {"id": novo_id(), "sessao_id": linha["id"], "conselheiro_id": pid,
                                                    "nome": _nome(m.db, pid)})
    return obter_sessao(sessao, linha["id"])


def _sessao(sessao: Sessao, sessao_id: str) -> dict:
    s = armazem.sessao(sessao.db, sessao_id)
    if s is None:
        raise ErroNegocio("Sessão do colegiado não encontrada.")
    return s


def _item_de_pauta(db, d: dict, presentes: list[dict]) -> dict:
    impedidos = armazem.impedidos_no_caso(db, d["atendimento_id"])
    return {"decisao_id": d["id"], "atendimento_id": d["atendimento_id"], "atendimento": f"{d['numero']}/{d['ano']}",
            "descricao": d["descricao"], "decidida_em": d["decidida_em"], "emergencial": bool(d["emergencial"]),
            "ratificar_ate": d["ratificar_ate"], "medidas": (d["medidas"] or "").split(",") if d["medidas"] else [],
            "decidida_por": _nome(db, d["conselheiro_id"]),
            "aptos": [p["conselheiro_id"] for p in presentes if p["conselheiro_id"] not in impedidos],
            "impedidos": [p["nome"] for p in presentes if p["conselheiro_id"] in impedidos]}


def pauta(sessao: Sessao, sessao_id: str) -> list[dict]:
    """As decisões individuais pendentes de ratificação até a hora da sessão, com quem pode votar cada uma
    (os presentes menos os impedidos no caso, art. 44). Quem é impedido num caso não o vê na pauta."""
    c = exigir_conteudo(sessao)
    s = _sessao(sessao, sessao_id)
    presentes = armazem.presencas(sessao.db, sessao_id)
    itens = [_item_de_pauta(sessao.db, d, presentes)
             for d in armazem.pendentes(sessao.db, ate=s["realizada_em"], excluir_de=c["id"] if c else None)]
    registrar_leitura(sessao, sessao_id, {"acao": "pauta_colegiado", "itens": len(itens)})
    return itens


def pendentes_de_ratificacao(sessao: Sessao) -> list[dict]:
    """Todas as decisões individuais que ainda esperam o colegiado (para o painel e a aba Colegiado)."""
    c = exigir_conteudo(sessao)
    saida = [_item_de_pauta(sessao.db, d, []) for d in armazem.pendentes(sessao.db, excluir_de=c["id"] if c else None)]
    registrar_leitura(sessao, "colegiado", {"acao": "pendentes_colegiado", "itens": len(saida)})
    return saida


def deliberar_item(sessao: Sessao, sessao_id: str, decisao_id: str, votos: dict[str, str],
                   retificacao: str = "") -> dict:
    """Registra o voto de cada membro presente e apto sobre a decisão e apura (maioria dos aptos).

    Ratificada ou retificada, a decisão passa a ser do colegiado (art. 21 §1º; art. 27) com a data da
    sessão; sem maioria, o item fica na ata e a decisão volta à pauta da próxima sessão."""
    exigir_conteudo(sessao, editar=True)
    s = _sessao(sessao, sessao_id)
    if s["situacao"] != "aberta":
        raise ErroNegocio("Esta sessão já foi encerrada e a ata emitida: registre outra sessão.")
    d = armazem.decisao(sessao.db, decisao_id)
    if d is None:
        raise ErroNegocio("Decisão não encontrada.")
    exigir_conteudo(sessao, d["atendimento_id"], editar=True)
    if d["colegiado"]:
        raise ErroNegocio(f"Esta decisão já foi {d['colegiado']} pelo colegiado.")
    if not d["emergencial"] and not d["medidas"]:
        raise ErroNegocio("Esta decisão não é medida de plantão nem aplicou medidas dos arts. 101 ou 129 do ECA: "
                          "não está na pauta de ratificação.")
    if d["decidida_em"] > s["realizada_em"]:
        raise ErroNegocio("A decisão foi tomada depois da sessão: leve-a a uma sessão posterior.")
    if armazem.item_da_sessao(sessao.db, sessao_id, decisao_id):
        raise ErroNegocio("Esta decisão já foi votada nesta sessão.")
    presentes = armazem.presencas(sessao.db, sessao_id)
    item_pauta = _item_de_pauta(sessao.db, d, presentes)
    regras = parametros.vigente(sessao, "conselho_colegiado", date.fromisoformat(s["realizada_em"][:10]))
    apuracao = regra.apurar(dict(votos or {}), set(item_pauta["aptos"]), regras, retificacao)
    momento = agora()
    item = {"id": novo_id(), "sessao_id": sessao_id, "decisao_id": decisao_id, "resultado": apuracao.resultado,
            "retificacao": (retificacao or "").strip() or None if apuracao.resultado == "retificada" else None,
            "apuracao": apuracao.texto, "deliberado_em": momento}
    with sessao.mudanca(EDITAR_SIGILO) as m:
        m.inserir("conselho_sessao_itens", item)
        for cid, voto in votos.items():  # um voto, uma linha no diário sigiloso e na sincronização
            m.inserir("conselho_sessao_votos", {"id": novo_id(), "item_id": item["id"], "conselheiro_id": cid,
                                                "voto": voto})
        if apuracao.resultado != "sem_maioria":
            m.alterar("conselho_decisoes", decisao_id, {
                "colegiado": apuracao.resultado, "colegiado_em": s["realizada_em"],
                "retificacao": item["retificacao"], "sessao_id": sessao_id})
            # o termo emitido "sujeito a ratificação" deixa de dizer a verdade: fica substituído (não apagado)
            # e o próximo termo da decisão, que diz RATIFICADA/RETIFICADA, o substitui (motivo sem conteúdo)
            documentos_vias.substituir_assunto(
                m, assunto_termo(d["atendimento_id"], decisao_id),
                f"Medida {apuracao.resultado.upper()} pelo colegiado em sessão de "
                f"{formato.data(datetime.fromisoformat(s['realizada_em']))} (Lei 320/2023, art. 21 §1º); "
                "emita o termo novo da decisão")
    return {**item, "contagem": apuracao.contagem}


def obter_sessao(sessao: Sessao, sessao_id: str) -> dict:
    """A sessão com os presentes e os itens deliberados (votos por conselheiro)."""
    c = exigir_conteudo(sessao)
    s = dict(_sessao(sessao, sessao_id))
    s["presentes"] = armazem.presencas(sessao.db, sessao_id)
    s["itens"] = armazem.itens(sessao.db, sessao_id, excluir_de=c["id"] if c else None)
    registrar_leitura(sessao, sessao_id, {"acao": "obter_sessao_colegiado"})
    return s


def sessoes(sessao: Sessao) -> list[dict]:
    """As sessões registradas, das mais recentes às mais antigas, com o número de presentes e de itens."""
    exigir_conteudo(sessao)
    return armazem.sessoes(sessao.db)


def _municipio(db) -> str:
    e = emissores.do_modulo(db, "conselho")
    return f"{e.municipio}-{e.uf}"


def encerrar_sessao(sessao: Sessao, sessao_id: str, encerrada_em: datetime | None = None) -> documentos.Emitido:
    """Encerra a sessão e emite a ata (documento registrado, PDF guardado no domínio do caso)."""
    exigir_conteudo(sessao, editar=True)
    s = _sessao(sessao, sessao_id)
    if s["situacao"] != "aberta":
        raise ErroNegocio("Esta sessão já foi encerrada; a ata está em Documentos emitidos.")
    fim = _momento(encerrada_em, "Encerramento") if encerrada_em else agora_local()
    inicio = datetime.fromisoformat(s["realizada_em"])
    if fim < inicio:
        raise EntradaInvalida("O encerramento não pode ser antes do início da sessão.")
    presentes = armazem.presencas(sessao.db, sessao_id)
    nomes = {p["conselheiro_id"]: p["nome"] for p in presentes}
    itens = []
    for it in armazem.itens(sessao.db, sessao_id):
        decidida = datetime.fromisoformat(it["decidida_em"])
        itens.append(pdf_ata.ItemAta(
            atendimento=f"{it['numero']}/{it['ano']}", decisao=it["descricao"],
            decidida=f"{formato.momento(decidida, hora_local=False)}{' em plantão' if it['emergencial'] else ''}, por "
                     f"{_nome(sessao.db, it['decidida_por'])}",
            medidas=tuple(f"art. {k.replace('-', ', ')} ({MEDIDAS[k]})" for k in (it["medidas"] or "").split(",") if k),
            votos=tuple((nomes.get(v["conselheiro_id"], "—"), regra.VOTOS[v["voto"]]) for v in it["votos"]),
            resultado=regra.RESULTADOS[it["resultado"]], apuracao=it["apuracao"], retificacao=it["retificacao"] or ""))
    dados = pdf_ata.DadosAta(regra.TIPOS_SESSAO[s["tipo"]], inicio, s["local"], tuple(nomes.values()), s["membros"],
                             s["quorum"], tuple(itens), fim, _municipio(sessao.db), regra.FUNDAMENTO)
    with sessao.mudanca(EDITAR_SIGILO) as m:
        emitido = documentos.emitir(sessao, tipo=TIPO_ATA, titulo=pdf_ata.TITULO,
                                    montar=lambda cab, rod: pdf_ata.gerar(cab, rod, dados),
                                    referencia=f"Sessão {regra.TIPOS_SESSAO[s['tipo']].lower()} de {formato.momento(inicio, hora_local=False)}",
                                    dominio=DOMINIO_CASO)
        m.alterar("conselho_sessoes", sessao_id, {"situacao": "encerrada", "encerrada_em": iso_local(fim),
                                                  "ata_documento_id": emitido.id})
    return emitido
