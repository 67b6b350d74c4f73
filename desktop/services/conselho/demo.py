"""Dados de demonstração do Conselho Tutelar: o conselho, um ano de escala, 200 atendimentos, um trimestre.

Cinco titulares (com presidente e vice) e dois suplentes no mandato 2024-2028, a conselheira da
demonstração (login ``conselheira``) vinculada à presidente, a escala do ano corrente gerada com carga
igual, 200 atendimentos dos últimos 12 meses em todas as situações (com medidas de plantão ratificadas,
comunicações em dia e em atraso, requisições, encaminhamentos, um impedimento), duas entidades com o
plano do semestre, os contracheques do mês anterior e o relatório do último trimestre completo.
Nomes fictícios.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from desktop.rules.conselho.atendimentos import AGENTES, MEDIDAS, idade
from desktop.store.conselho import sipia
from desktop.rules.papeis import Papel

from ..sessao import Sessao
from . import atendimentos, colegiado, decisoes, escala, fiscalizacao, mandatos, relatorio, remuneracao

CONSELHO = [("Joana Batista Ferreira", "titular"), ("Raimundo Nonato Cordeiro", "titular"),
            ("Luzia Helena Tavares", "titular"), ("Francisco das Chagas Pinto", "titular"),
            ("Antônia Maria Lopes", "titular"), ("Sebastião Alves Rocha", "suplente"),
            ("Valdirene Santos Queiroz", "suplente")]
_NOMES = ["Ana", "Beatriz", "Carlos", "Davi", "Eduarda", "Felipe", "Gabriel", "Heloísa", "Isabela", "João",
          "Kauã", "Larissa", "Miguel", "Nicole", "Otávio", "Pietra", "Rafael", "Sofia", "Thiago", "Valentina"]
_SOBRENOMES = ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento"]
_BAIRROS = ["Centro", "Joaquim Romão", "Jequiezinho", "Mandacaru", "São Judas Tadeu", "KM 3", "Cidade Nova",
            "Itajuru", "Barro Preto", "Pompília"]
_ORIGENS = ["telefone", "presencial", "Disque 100", "escola", "unidade de saúde", "polícia"]
_ESPECIFICOS = [codigo for codigo, _ in sipia.taxonomia().opcoes()]


def _especificos_da_idade(anos: int) -> list[str]:
    """Os direitos específicos cujo grupo vale para a idade (faixa etária do SIPIA CT)."""
    tab = sipia.taxonomia()
    return [c for c in _ESPECIFICOS if tab.grupo(tab.especifico(c).grupo).faixa[0] <= anos
            <= tab.grupo(tab.especifico(c).grupo).faixa[1]]
_DESTINOS = ["CRAS", "CREAS", "CAPS", "Unidade Básica de Saúde", "Secretaria de Educação", "Defensoria Pública"]


def _conselheira(sessao: Sessao, conselheiro_id: str) -> Sessao:
    """A sessão da conselheira da demonstração (login ``conselheira``), vinculada à presidente."""
    u = next(sessao.db.query("SELECT id, login, nome FROM usuarios WHERE login = 'conselheira'"), None)
    if u is None:
        from .. import acesso
        from ..demo_comum import SENHA_DEMO
        acesso.criar_usuario(sessao, login="conselheira", nome=CONSELHO[0][0], papel=Papel.CONSELHEIRO_TUTELAR,
                             senha=SENHA_DEMO, trocar_senha=False)
        u = next(sessao.db.query("SELECT id, login, nome FROM usuarios WHERE login = 'conselheira'"))
    mandatos.vincular_usuario(sessao, conselheiro_id, "conselheira")
    from .. import acesso
    from ..demo_comum import SENHA_DEMO
    return acesso.outra_sessao(sessao, "conselheira", SENHA_DEMO)  # com o arquivo sigiloso anexado


def _caso(rnd: random.Random, quando: datetime) -> dict:
    sobrenome = rnd.choice(_SOBRENOMES)
    criancas = [{"nome": f"{rnd.choice(_NOMES)} {rnd.choice(_SOBRENOMES)} {sobrenome}",
                 "nascimento": (quando.date() - timedelta(days=rnd.randint(200, 17 * 365))).isoformat(),
                 "sexo": rnd.choice("FM")} for _ in range(rnd.choice((1, 1, 1, 2, 3)))]
    plantao = quando.hour >= 18 or quando.hour < 8 or quando.weekday() >= 5
    tipo = rnd.choice(("denuncia", "denuncia", "atendimento", "atendimento", "informacao"))
    dados = {"tipo": tipo, "recebido_em": quando, "bairro": rnd.choice(_BAIRROS), "origem": rnd.choice(_ORIGENS),
             "plantao": plantao, "relato": "Relato fictício da demonstração.", "criancas": criancas,
             "familiares": [{"nome": f"{rnd.choice(_NOMES)} {sobrenome}", "vinculo": rnd.choice(("mãe", "pai", "avó", "tio"))}],
             "violacoes": [{"especifico": rnd.choice(_especificos_da_idade(idade(date.fromisoformat(
                 criancas[0]["nascimento"]), quando.date()))), "agente": rnd.choice(list(AGENTES))}
                           for _ in range(rnd.choice((1, 1, 2)))]}
    if tipo != "informacao" and rnd.random() < 0.7:
        dados["medidas"] = [{"codigo": rnd.choice(list(MEDIDAS)), "crianca": 0} for _ in range(rnd.choice((1, 2)))]
        dados["decisao"] = {"descricao": "Aplicação de medida de proteção (demonstração)",
                            "motivacao": "Situação de risco relatada e confirmada em diligência."}
    return dados


def _sessoes_semanais(ct: Sessao, ids: list[str], pauta: dict[date, list[str]], hoje: date) -> None:
    """Uma sessão ordinária às segundas, 9 h, com os cinco titulares: ratifica as decisões individuais da
    semana anterior (art. 21 §1º) e emite a ata; só as das últimas semanas ficam com a ata pendente."""
    for segunda, decisoes_ids in sorted(pauta.items()):
        if segunda >= hoje:
            continue
        s = colegiado.abrir_sessao(ct, tipo="ordinaria", realizada_em=datetime.combine(segunda, datetime.min.time())
                                   .replace(hour=9), presentes=ids[:5], local="Sede do Conselho Tutelar")
        for did in decisoes_ids:
            colegiado.deliberar_item(ct, s["id"], did, {cid: "ratificar" for cid in ids[:5]})
        if segunda < hoje - timedelta(days=21):
            colegiado.encerrar_sessao(ct, s["id"], datetime.combine(segunda, datetime.min.time()).replace(hour=10))


def criar_demo_conselho(sessao: Sessao, rnd: random.Random) -> dict:
    """Cria os dados de demonstração do Conselho; devolve um resumo (ids e contagens)."""
    hoje = date.today()
    inicio, fim = date(2024, 1, 10), date(2028, 1, 9)
    ids = []
    for i, (nome, condicao) in enumerate(CONSELHO):
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


def _casos_e_funcionamento(sessao: Sessao, ct: Sessao, rnd: random.Random, ids: list[str], hoje: date) -> dict:
    casos = []
    for _ in range(200):
        quando = datetime.combine(hoje - timedelta(days=rnd.randint(1, 364)), datetime.min.time()).replace(
            hour=rnd.randint(0, 23), minute=rnd.choice((0, 15, 30, 45)))
        casos.append(atendimentos.registrar_atendimento(ct, _caso(rnd, quando)))
    limite = datetime.combine(hoje - timedelta(days=10), datetime.min.time())
    pauta: dict[date, list[str]] = {}
    for a in casos:
        for d in a["decisoes"]:
            decidida = datetime.fromisoformat(d["decidida_em"])
            if decidida > limite and rnd.random() < 0.5:
                continue  # alguns recentes ficam pendentes no painel de prazos
            if d["emergencial"] or any(m["decisao_id"] == d["id"] for m in a["medidas"]):
                segunda = decidida.date() + timedelta(days=7 - decidida.weekday())
                pauta.setdefault(segunda, []).append(d["id"])
            decisoes.registrar_comunicacao(ct, d["id"], "Mãe ou responsável, por ofício",
                                           decidida + timedelta(hours=rnd.choice((5, 20, 40, 60))))
        sorte = rnd.random()
        recebido = date.fromisoformat(a["recebido_em"][:10])
        if sorte < 0.25:
            r = decisoes.registrar_requisicao(ct, a["id"], orgao=rnd.choice(_DESTINOS), servico="Atendimento especializado",
                                              emitida_em=recebido)
            if recebido < hoje - timedelta(days=20):
                decisoes.responder_requisicao(ct, r["id"], "Atendimento agendado.", recebido + timedelta(days=7))
        elif sorte < 0.45:
            decisoes.registrar_encaminhamento(ct, a["id"], rnd.choice(_DESTINOS), "Acompanhamento da família", recebido)
        if recebido < hoje - timedelta(days=90):
            atendimentos.alterar_situacao(ct, a["id"], rnd.choice(("arquivado", "acompanhamento")))
    _sessoes_semanais(ct, ids, pauta, hoje)
    decisoes.declarar_impedimento(ct, casos[0]["id"], "impedimento", "Parente da família atendida (art. 44, I)", ids[1])
    e1 = fiscalizacao.cadastrar_entidade(sessao, "Casa de Acolhimento Recanto (demonstração)", "acolhimento_institucional",
                                         bairro="Centro")
    e2 = fiscalizacao.cadastrar_entidade(sessao, "Projeto Semear (demonstração)", "apoio_socioeducativo_meio_aberto",
                                         bairro="Mandacaru")
    semestre = f"{hoje.year}-{1 if hoje.month <= 6 else 2}"
    base_sem = date(hoje.year, 1 if hoje.month <= 6 else 7, 1)
    plano = fiscalizacao.planejar_semestre(sessao, semestre, {e1["id"]: base_sem + timedelta(days=40),
                                                              e2["id"]: base_sem + timedelta(days=100)})
    if plano[0]["prevista_para"] <= hoje.isoformat():
        fiscalizacao.registrar_visita(sessao, plano[0]["id"], date.fromisoformat(plano[0]["prevista_para"]),
                                      "Joana e Raimundo", "Instalações visitadas com a coordenação.",
                                      "Falta de alvará do Corpo de Bombeiros.")
        fiscalizacao.comunicar_irregularidades(sessao, plano[0]["id"], CONSELHO[0][0])
    anterior = (hoje.replace(day=1) - timedelta(days=1)).replace(day=1)
    for cid in ids[:5]:
        remuneracao.emitir_contracheque(sessao, cid, anterior)
    tri = (hoje.month - 1) // 3
    ano_tri, tri = (hoje.year, tri) if tri else (hoje.year - 1, 4)
    relatorio.emitir_relatorio_trimestral(ct, ano_tri, tri, "Demonstração: falta de vagas em creche e de psicólogo no CAPS.")
    return {"conselheiros": ids, "atendimentos": len(casos), "trimestre": (ano_tri, tri)}
