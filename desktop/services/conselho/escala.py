"""Escala de plantão e sobreaviso: gerar com carga igual, gravar conferida, trocar, cumprir, plantonista agora.

Lei 320/2023, art. 19 (expediente todos os dias; fora dele, plantão) e art. 20 (mesma carga para todos,
vedado tratamento desigual). Turnos: cada noite e o dia dos sábados, domingos e feriados nacionais,
estaduais (UF do órgão) e municipais. Nada é gravado se a escala deixar um turno descoberto ou puser
alguém em dois plantões ao mesmo tempo; cada troca vai para o diário e para ``conselho_trocas``.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.rules.conselho import escala as regra
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import escala as armazem
from desktop.store.conselho import mandatos as armazem_m
from desktop.store.ids import agora, novo_id

from .. import documentos_vias, parametros
from ..sessao import ErroNegocio, Sessao
from .comum import agora_local, dia_util, iso_local
from .exercicio import periodos
from desktop.rules import formato

EDITAR, LER = Permissao.CONSELHO_EDITAR, Permissao.CONSELHO_LER


def membros(db, inicio: date, fim: date) -> list[regra.Membro]:
    """Quem pode ser escalado: os em exercício (menos afastamentos) em algum dia do período."""
    saida = []
    for c in armazem_m.conselheiros(db):
        ps = tuple(p for p in periodos(db, c["id"], fim, pagos=False) if p[1] >= inicio and p[0] <= fim)
        if ps:
            ordem = c["ordem"] + (0 if c["condicao"] == "titular" else 100)
            saida.append(regra.Membro(c["id"], c["nome"], ordem, ps))
    return saida


def turnos(sessao: Sessao, inicio: date, fim: date) -> list[regra.Turno]:
    sessao.exigir(Permissao.CONSELHO_LER)
    return regra.turnos(inicio, fim, dia_util(sessao.db), parametros.vigente(sessao, "conselho_expediente", inicio))


def _inserir_escala(m, sessao: Sessao, inicio: date, fim: date, atribuicoes: list[regra.Atribuicao]) -> dict:
    momento = agora()
    escala = {"id": novo_id(), "inicio": inicio.isoformat(), "fim": fim.isoformat(), "criado_em": momento,
              "criado_por": sessao.usuario.login}
    m.inserir("conselho_escalas", escala)
    linhas = [{"id": novo_id(), "escala_id": escala["id"], "inicio": iso_local(a.turno.inicio),
               "fim": iso_local(a.turno.fim), "tipo": a.turno.tipo, "modalidade": a.modalidade,
               "conselheiro_id": a.conselheiro_id, "cumprido": 1, "criado_em": momento,
               "atualizado_em": momento} for a in atribuicoes]
    armazem.inserir_plantoes(m.db, linhas)
    m.registrar("conselho_plantoes", escala["id"], "inserir",
                depois={"escala_id": escala["id"], "plantoes": [(l["inicio"], l["conselheiro_id"]) for l in linhas]})
    return escala


def _gravar(sessao: Sessao, inicio: date, fim: date, atribuicoes: list[regra.Atribuicao]) -> dict:
    if armazem.plantoes(sessao.db, inicio.isoformat(), (fim + timedelta(days=1)).isoformat()):
        raise ErroNegocio(f"Já há escala gravada entre {formato.data(inicio)} e {formato.data(fim)}. "
                          "Use a troca de plantão para mudar um turno, ou 'Gerar e gravar escala', que completa o "
                          "período e refaz só os turnos de quem não está mais em exercício.")
    with sessao.mudanca(EDITAR) as m:
        escala = _inserir_escala(m, sessao, inicio, fim, atribuicoes)
    return {"escala": escala, "plantoes": len(atribuicoes), "carga": regra.carga(atribuicoes)}


def _chave(linha: dict) -> tuple[datetime, datetime]:
    return datetime.fromisoformat(linha["inicio"]), datetime.fromisoformat(linha["fim"])


def _reatribuir(m, existentes: list[dict], atribuicoes: list[regra.Atribuicao], motivo: str) -> int:
    """Grava o novo plantonista dos turnos já gravados que mudaram, um registro no diário por turno."""
    novo = {(a.turno.inicio, a.turno.fim): a.conselheiro_id for a in atribuicoes}
    mudados = 0
    momento = agora()
    for linha in existentes:
        para = novo.get(_chave(linha))
        if para is None or para == linha["conselheiro_id"]:
            continue
        m.alterar("conselho_plantoes", linha["id"], {"conselheiro_id": para, "atualizado_em": momento},
                  no_diario=({"conselheiro_id": linha["conselheiro_id"]},
                             {"conselheiro_id": para, "atualizado_em": momento, "motivo": motivo}))
        mudados += 1
    return mudados


def gerar_escala(sessao: Sessao, inicio: date, fim: date) -> dict:
    """Gera e grava a escala do período com a mesma carga para todos (art. 20). Devolve a escala,
    o número de plantões e a carga por conselheiro (noites, dias, horas).

    Se parte do período já tem escala gravada, não recusa: os turnos gravados ficam com quem está, se
    ainda estiver em exercício na data; os de quem saiu (vacância, afastamento) são redistribuídos e os
    que faltam são gerados — tudo com a carga igual e no diário."""
    sessao.exigir(EDITAR)
    lista = turnos(sessao, inicio, fim)
    ms = membros(sessao.db, inicio, fim)
    existentes = armazem.plantoes(sessao.db, inicio.isoformat(), (fim + timedelta(days=1)).isoformat())
    if not existentes:
        atribuicoes = regra.gerar(lista, ms)
        regra.validar(atribuicoes, lista, ms)
        return _gravar(sessao, inicio, fim, atribuicoes)
    gravados = {_chave(l): l for l in existentes}
    atribuicoes = regra.gerar(lista, ms, {k: l["conselheiro_id"] for k, l in gravados.items()})
    faltam = [a for a in atribuicoes if (a.turno.inicio, a.turno.fim) not in gravados]
    with sessao.mudanca(EDITAR) as m:
        mudados = _reatribuir(m, existentes, atribuicoes, "escala completada: turno de quem não está em exercício")
        escala = _inserir_escala(m, sessao, inicio, fim, faltam) if faltam else None
    return {"escala": escala, "plantoes": len(faltam), "refeitos": mudados, "carga": carga(sessao, inicio, fim)}


def refazer_na_transacao(m, desde: date, motivo: str) -> dict:
    """Na transação ``m`` de quem mudou o exercício (vacância, afastamento, retorno, convocação): refaz os
    turnos gravados que começam em ``desde`` ou depois, com quem está em exercício em cada data e a carga
    igual; os turnos trocados à mão ficam com quem os recebeu enquanto ele estiver em exercício.
    Devolve {'refeitos': n, 'aviso': texto ou ''}."""
    existentes = armazem.plantoes(m.db, datetime.combine(desde, datetime.min.time()).isoformat(timespec="minutes"),
                                  "9999-12-31")
    if not existentes:
        return {"refeitos": 0, "aviso": ""}
    fim = date.fromisoformat(existentes[-1]["inicio"][:10])
    lista = [regra.Turno(*_chave(l), l["tipo"]) for l in existentes]
    trocados = {t["plantao_id"] for t in armazem.trocas(m.db)}
    fixos = {_chave(l): l["conselheiro_id"] for l in existentes if l["id"] in trocados}
    try:
        atribuicoes = regra.gerar(lista, membros(m.db, desde, fim), fixos)
    except EntradaInvalida as e:
        return {"refeitos": 0, "aviso": f"A escala a partir de {formato.data(desde)} não pôde ser refeita: {e}"}
    return {"refeitos": _reatribuir(m, existentes, atribuicoes, motivo), "aviso": ""}


def refazer_escala(sessao: Sessao, desde: date, motivo: str = "") -> dict:
    """Refaz a escala gravada a partir de ``desde`` (por exemplo, a data de uma vacância): quem não está
    em exercício sai de todos os turnos futuros; a carga volta a ser igual (art. 20); trocas mantidas."""
    sessao.exigir(EDITAR)
    with sessao.mudanca(EDITAR) as m:
        r = refazer_na_transacao(m, desde, (motivo or "").strip() or f"escala refeita a partir de {formato.data(desde)}")
    if r["aviso"]:
        raise ErroNegocio(r["aviso"])
    return r


def gravar_escala(sessao: Sessao, inicio: date, fim: date, plantoes: list[dict]) -> dict:
    """Grava uma escala montada à mão: ``plantoes`` com inicio e fim (datetime), conselheiro_id e, se
    quiser, modalidade ('plantao' ou 'sobreaviso'). Recusa turno descoberto ou plantão duplo."""
    sessao.exigir(EDITAR)
    lista = turnos(sessao, inicio, fim)
    tipos = {(t.inicio, t.fim): t.tipo for t in lista}
    atribuicoes = []
    for p in plantoes:
        chave = (p["inicio"], p["fim"])
        if chave not in tipos:
            raise EntradaInvalida(f"O turno de {formato.momento(p['inicio'], hora_local=False)} a {formato.momento(p['fim'], hora_local=False)} não é um turno "
                                  "de plantão (noites e dias não úteis, art. 19).")
        modalidade = p.get("modalidade", "plantao")
        if modalidade not in regra.MODALIDADES:
            raise EntradaInvalida("Modalidade deve ser plantão ou sobreaviso.")
        atribuicoes.append(regra.Atribuicao(regra.Turno(p["inicio"], p["fim"], tipos[chave]), p["conselheiro_id"], modalidade))
    regra.validar(atribuicoes, lista, membros(sessao.db, inicio, fim))
    return _gravar(sessao, inicio, fim, atribuicoes)


def listar(sessao: Sessao, inicio: date, fim: date, conselheiro_id: str | None = None) -> list[dict]:
    """Plantões que começam de ``inicio`` a ``fim`` (inclusive), com o nome do plantonista."""
    sessao.exigir(LER)
    return armazem.plantoes(sessao.db, inicio.isoformat(), (fim + timedelta(days=1)).isoformat(), conselheiro_id)


def carga(sessao: Sessao, inicio: date, fim: date) -> dict[str, dict]:
    """Noites, dias e horas por conselheiro no período (para conferir a igualdade do art. 20)."""
    return regra.carga(_atribuicoes(listar(sessao, inicio, fim)))


def _atribuicoes(linhas: list[dict]) -> list[regra.Atribuicao]:
    return [regra.Atribuicao(regra.Turno(datetime.fromisoformat(l["inicio"]), datetime.fromisoformat(l["fim"]), l["tipo"]),
                             l["conselheiro_id"], l["modalidade"]) for l in linhas]


def trocar_plantao(sessao: Sessao, plantao_id: str, para_conselheiro_id: str, motivo: str) -> dict:
    """Troca o plantonista de um turno (com diário). Recusa quem já está noutro plantão na mesma hora
    ou não está em exercício na data."""
    sessao.exigir(EDITAR)
    p = armazem.plantao(sessao.db, plantao_id)
    if p is None:
        raise ErroNegocio("Plantão não encontrado.")
    motivo = " ".join((motivo or "").split())
    if len(motivo) < 5:
        raise EntradaInvalida("Informe o motivo da troca (por exemplo: consulta médica).")
    if para_conselheiro_id == p["conselheiro_id"]:
        raise EntradaInvalida("Escolha outro conselheiro: este já é o plantonista do turno.")
    dia = date.fromisoformat(p["inicio"][:10])
    aptos = {m.id for m in membros(sessao.db, dia, dia) if m.em_exercicio(dia)}
    if para_conselheiro_id not in aptos:
        raise ErroNegocio("O conselheiro escolhido não está em exercício nessa data.")
    if armazem.sobrepostos(sessao.db, para_conselheiro_id, p["inicio"], p["fim"], p["id"]):
        raise ErroNegocio("O conselheiro escolhido já está em outro plantão nesse horário: ninguém fica em dois "
                          "plantões ao mesmo tempo.")
    with sessao.mudanca(EDITAR) as m:
        m.alterar("conselho_plantoes", plantao_id, {"conselheiro_id": para_conselheiro_id, "atualizado_em": agora()})
        troca = {"id": novo_id(), "plantao_id": plantao_id, "de_id": p["conselheiro_id"], "para_id": para_conselheiro_id,
                 "motivo": motivo, "trocado_em": agora(), "trocado_por": sessao.usuario.login}
        m.inserir("conselho_trocas", troca)
        documentos_vias.substituir_assunto(  # a escala impressa que mostra este turno deixa de valer
            m, "conselho:escala", f"plantão de {formato.data(dia)} trocado: {motivo}",
            filtro=lambda d: d["assunto"].split(":")[2] <= dia.isoformat() <= d["assunto"].split(":")[3])
    return armazem.plantao(sessao.db, plantao_id)


def registrar_cumprimento(sessao: Sessao, plantao_id: str, cumprido: bool) -> dict:
    """Marca se o plantão foi efetivamente prestado (a gratificação do art. 40 paga só os cumpridos)."""
    sessao.exigir(EDITAR)
    with sessao.mudanca(EDITAR) as m:
        antes = armazem.plantao(m.db, plantao_id)
        if antes is None:
            raise ErroNegocio("Plantão não encontrado.")
        m.alterar("conselho_plantoes", plantao_id, {"cumprido": int(bool(cumprido)), "atualizado_em": agora()},
                  no_diario=({"cumprido": antes["cumprido"]}, {"cumprido": int(bool(cumprido))}))
    return armazem.plantao(sessao.db, plantao_id)


def trocas(sessao: Sessao, plantao_id: str | None = None) -> list[dict]:
    sessao.exigir(LER)
    return armazem.trocas(sessao.db, plantao_id)


def plantonista_agora(sessao: Sessao, momento: datetime | None = None) -> dict | None:
    """O plantão em curso (com o nome do plantonista) ou None no expediente dos dias úteis."""
    sessao.exigir(LER)
    return armazem.plantao_em(sessao.db, iso_local(momento or agora_local()))


def plantoes_no_mes(db, conselheiro_id: str, competencia: date) -> tuple[int, int]:
    """(escalados, cumpridos) do conselheiro nos plantões que começam no mês."""
    fim = (competencia.replace(day=28) + timedelta(days=4)).replace(day=1)
    linhas = armazem.plantoes(db, competencia.isoformat(), fim.isoformat(), conselheiro_id)
    return len(linhas), sum(l["cumprido"] for l in linhas)
