"""Dados de demonstração do Conselho Tutelar: o conselho, um ano de escala, 200 atendimentos, um trimestre.

Cinco titulares (com presidente e vice) e os suplentes no mandato 2024-2028 (os empossados pelo processo de escolha
de 2023 da demonstração, se ele veio antes; senão dois suplentes cadastrados à mão), a conselheira da
demonstração (login ``conselheira``) vinculada à presidente, a escala do ano corrente gerada com carga
igual, 200 atendimentos dos últimos 12 meses em todas as situações (com medidas de plantão ratificadas,
comunicações em dia e em atraso, requisições, encaminhamentos, um impedimento), duas entidades com o
plano do semestre, os contracheques do mês anterior e o relatório do último trimestre completo.
Os dados (conselheiros, nomes, bairros, entidades, textos, quantidades) estão em
``resources/demo/conselho.toml``; aqui ficam só os passos. Nomes fictícios.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from desktop.rules.conselho.atendimentos import AGENTES, MEDIDAS, idade
from desktop.rules.papeis import Papel, Permissao
from desktop.store import usuarios as armazem_usuarios
from desktop.store.conselho import mandatos as armazem_mandatos
from desktop.store.conselho import sipia

from .. import acesso
from ..demo_comum import SENHA_DEMO, dados_demo
from ..sessao import Sessao
from . import atendimentos, colegiado, decisoes, escala, fiscalizacao, folha, mandatos, relatorio, remuneracao

_D = dados_demo("conselho")
CONSELHO = [tuple(c) for c in _D["mandato"]["conselheiros"]]  # (nome, condição) de cada eleito
CONSELHEIRA_DEMO = CONSELHO[0][0]  # o nome da primeira eleita: a usuária "conselheira" da demonstração
_NOMES, _SOBRENOMES, _BAIRROS = _D["pessoas"]["nomes"], _D["pessoas"]["sobrenomes"], _D["pessoas"]["bairros"]
_ATEND, _ACOMP, _SESSOES = _D["atendimentos"], _D["acompanhamento"], _D["sessoes"]
_ESPECIFICOS = [codigo for codigo, _ in sipia.taxonomia().opcoes()]


def _especificos_da_idade(anos: int) -> list[str]:
    """Os direitos específicos cujo grupo vale para a idade (faixa etária do SIPIA CT)."""
    tab = sipia.taxonomia()
    return [c for c in _ESPECIFICOS if tab.grupo(tab.especifico(c).grupo).faixa[0] <= anos
            <= tab.grupo(tab.especifico(c).grupo).faixa[1]]


def _conselheira(sessao: Sessao, conselheiro_id: str) -> Sessao:
    """A sessão da conselheira da demonstração (login ``conselheira``), vinculada à presidente."""
    if not armazem_usuarios.login_existe(sessao.db, "conselheira"):
        acesso.criar_usuario(sessao, login="conselheira", nome=CONSELHEIRA_DEMO, papel=Papel.CONSELHEIRO_TUTELAR,
                             senha=SENHA_DEMO, trocar_senha=False)
    mandatos.vincular_usuario(sessao, conselheiro_id, "conselheira")
    return acesso.outra_sessao(sessao, "conselheira", SENHA_DEMO)  # com o arquivo sigiloso anexado


def _caso(rnd: random.Random, quando: datetime) -> dict:
    a, p = _ATEND, _D["pessoas"]
    sobrenome = rnd.choice(_SOBRENOMES)
    criancas = [{"nome": f"{rnd.choice(_NOMES)} {rnd.choice(_SOBRENOMES)} {sobrenome}",
                 "nascimento": (quando.date() - timedelta(days=rnd.randint(*a["idade_dias"]))).isoformat(),
                 "sexo": rnd.choice("FM")} for _ in range(rnd.choice(a["criancas_por_caso"]))]
    plantao = quando.hour >= 18 or quando.hour < 8 or quando.weekday() >= 5
    tipo = rnd.choice(a["tipos"])
    dados = {"tipo": tipo, "recebido_em": quando, "bairro": rnd.choice(_BAIRROS), "origem": rnd.choice(a["origens"]),
             "plantao": plantao, "relato": a["relato"], "criancas": criancas,
             "familiares": [{"nome": f"{rnd.choice(_NOMES)} {sobrenome}", "vinculo": rnd.choice(p["vinculos"])}],
             "violacoes": [{"especifico": rnd.choice(_especificos_da_idade(idade(date.fromisoformat(
                 criancas[0]["nascimento"]), quando.date()))), "agente": rnd.choice(list(AGENTES))}
                           for _ in range(rnd.choice(a["violacoes_por_caso"]))]}
    if tipo != "informacao" and rnd.random() < a["chance_medida"]:
        dados["medidas"] = [{"codigo": rnd.choice(list(MEDIDAS)), "crianca": 0}
                            for _ in range(rnd.choice(a["medidas_por_caso"]))]
        dados["decisao"] = dict(a["decisao"])
    return dados


def _as(dia: date, hora: int) -> datetime:
    return datetime.combine(dia, datetime.min.time()).replace(hour=hora)


def _sessoes_semanais(ct: Sessao, ids: list[str], pauta: dict[date, list[str]], hoje: date) -> None:
    """Uma sessão ordinária às segundas com os cinco titulares: ratifica as decisões individuais da
    semana anterior (art. 21 §1º) e emite a ata. Como num conselho de verdade, as passadas estão encerradas com a
    ata; só a mais recente, se das últimas semanas, fica aberta com a ata pendente (antes, todas as das últimas três
    semanas ficavam abertas, com os itens todos votados)."""
    passadas = sorted(segunda for segunda in pauta if segunda < hoje)
    for segunda in passadas:
        s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=_as(segunda, _SESSOES["hora"]),
                                   presentes=ids[:5], local=_SESSOES["local"])
        for did in pauta[segunda]:
            colegiado.deliberar_item(ct, s["id"], did, {cid: "ratificar" for cid in ids[:5]})
        recente = segunda == passadas[-1] and segunda >= hoje - timedelta(days=_SESSOES["ata_pendente_dias"])
        if not recente:
            colegiado.encerrar_sessao(ct, s["id"], _as(segunda, _SESSOES["hora_fim"]))


def criar_demo_conselho(sessao: Sessao, rnd: random.Random) -> dict:
    """Cria os dados de demonstração do Conselho; devolve um resumo (ids e contagens)."""
    sessao.exigir(Permissao.CONSELHO_EDITAR)  # antes de ler os empossados (o cadastro à mão também exige)
    hoje = date.today()
    inicio, fim = _D["mandato"]["inicio"], _D["mandato"]["fim"]
    # Empossados pelo processo de escolha de 2023 da demonstração (services.eleicao.demo), quando ele veio antes:
    # os mesmos nomes, na mesma ordem; senão, cadastrados à mão.
    ids = [c["id"] for c in armazem_mandatos.conselheiros(sessao.db, inicio.isoformat())]
    for i, (nome, condicao) in enumerate(CONSELHO if not ids else ()):
        ordem = i + 1 if condicao == "titular" else i - 4
        ids.append(mandatos.cadastrar_conselheiro(sessao, nome=nome, condicao=condicao, ordem=ordem,
                                                  inicio_mandato=inicio, fim_mandato=fim)["id"])
    mandatos.definir_funcao(sessao, ids[0], "presidente", inicio)
    mandatos.definir_funcao(sessao, ids[1], "vice", inicio)
    escala.gerar_escala(sessao, hoje - timedelta(days=365), date(hoje.year, 12, 31))
    ct = _conselheira(sessao, ids[0])
    try:
        return _casos_e_funcionamento(sessao, ct, rnd, ids, hoje)
    finally:
        ct.fechar()


def _acompanhar(ct: Sessao, rnd: random.Random, a: dict, hoje: date, pauta: dict[date, list[str]]) -> None:
    """Comunicações das decisões (e a pauta da sessão que as ratifica), requisição ou encaminhamento e a
    situação dos casos antigos."""
    c = _ACOMP
    limite = datetime.combine(hoje - timedelta(days=c["pendentes_dias"]), datetime.min.time())
    for d in a["decisoes"]:
        decidida = datetime.fromisoformat(d["decidida_em"])
        if decidida > limite and rnd.random() < c["chance_pendente"]:
            continue  # alguns recentes ficam pendentes no painel de prazos
        if d["emergencial"] or any(m["decisao_id"] == d["id"] for m in a["medidas"]):
            segunda = decidida.date() + timedelta(days=7 - decidida.weekday())
            pauta.setdefault(segunda, []).append(d["id"])
        decisoes.registrar_comunicacao(ct, d["id"], c["comunicacao"],
                                       decidida + timedelta(hours=rnd.choice(c["comunicacao_horas"])))
    sorte = rnd.random()
    recebido = date.fromisoformat(a["recebido_em"][:10])
    if sorte < c["chance_requisicao"]:
        r = decisoes.registrar_requisicao(ct, a["id"], orgao=rnd.choice(c["destinos"]),
                                          servico=c["servico_requisitado"], emitida_em=recebido)
        if recebido < hoje - timedelta(days=c["resposta_depois_de_dias"]):
            decisoes.responder_requisicao(ct, r["id"], c["resposta_requisicao"], recebido + timedelta(days=7))
    elif sorte < c["chance_encaminhamento"]:
        decisoes.registrar_encaminhamento(ct, a["id"], rnd.choice(c["destinos"]), c["motivo_encaminhamento"],
                                          recebido)
    if recebido < hoje - timedelta(days=c["arquivar_depois_de_dias"]):
        atendimentos.alterar_situacao(ct, a["id"], rnd.choice(c["situacoes_antigas"]))


def _casos_e_funcionamento(sessao: Sessao, ct: Sessao, rnd: random.Random, ids: list[str], hoje: date) -> dict:
    casos = []
    for _ in range(_ATEND["quantos"]):
        quando = datetime.combine(hoje - timedelta(days=rnd.randint(1, _ATEND["dias"])), datetime.min.time()).replace(
            hour=rnd.randint(0, 23), minute=rnd.choice(_ATEND["minutos"]))
        casos.append(atendimentos.registrar_atendimento(ct, _caso(rnd, quando)))
    pauta: dict[date, list[str]] = {}
    for a in casos:
        _acompanhar(ct, rnd, a, hoje, pauta)
    _sessoes_semanais(ct, ids, pauta, hoje)
    imp = _D["impedimento"]
    decisoes.declarar_impedimento(ct, casos[0]["id"], imp["tipo"], imp["motivo"], ids[1])
    entidades = [fiscalizacao.cadastrar_entidade(sessao, e["nome"], e["tipo"], bairro=e["bairro"])
                 for e in _D["entidades"]]
    semestre = f"{hoje.year}-{1 if hoje.month <= 6 else 2}"
    base_sem = date(hoje.year, 1 if hoje.month <= 6 else 7, 1)
    plano = fiscalizacao.planejar_semestre(sessao, semestre, {
        ent["id"]: base_sem + timedelta(days=e["visita_dias"]) for ent, e in zip(entidades, _D["entidades"])})
    if plano[0]["prevista_para"] <= hoje.isoformat():
        v = _D["visita"]
        fiscalizacao.registrar_visita(sessao, plano[0]["id"], date.fromisoformat(plano[0]["prevista_para"]),
                                      v["conselheiros"], v["relato"], v["irregularidades"])
        fiscalizacao.comunicar_irregularidades(sessao, plano[0]["id"], CONSELHEIRA_DEMO)
    anterior = (hoje.replace(day=1) - timedelta(days=1)).replace(day=1)
    folha.fechar(sessao, anterior)  # os contracheques saem da competência fechada
    for cid in ids[:5]:
        remuneracao.emitir_contracheque(sessao, cid, anterior)
    tri = (hoje.month - 1) // 3
    ano_tri, tri = (hoje.year, tri) if tri else (hoje.year - 1, 4)
    relatorio.emitir_relatorio_trimestral(ct, ano_tri, tri, _D["relatorio"]["observacoes"])
    return {"conselheiros": ids, "atendimentos": len(casos), "trimestre": (ano_tri, tri)}
