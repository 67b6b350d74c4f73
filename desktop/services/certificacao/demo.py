"""Dados de demonstração da Certificação: um instituto com duas unidades, três PPCPs e 60 trabalhadores.

Os trabalhadores passam por todas as etapas do art. 24 e por todos os desfechos: só inscritos,
desistentes no acolhimento, matriculados, avaliados (integral, parcial, nenhum), com recurso
pendente ou decidido, certificados, encaminhados e com 2ª via (uma delas cancelada). Nomes e CPFs
são fictícios. Os dados (instituição, perfis, conteúdos, nomes, roteiro, textos) estão em
``resources/demo/certificacao.toml``; aqui ficam só os passos.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.rules.certificacao.adesao import somar_anos
from desktop.rules.certificacao.curriculo import Componente
from desktop.rules.certificacao.ppcp import Competencia, MembroEquipe
from desktop.store import cadastros as armazem_cadastros
from desktop.store.certificacao import cadastro as armazem

from ..demo_comum import cpf_ficticio, dados_demo
from . import cursos, emissao, instituicao, ofertas, processos, trabalhadores

_D = dados_demo("certificacao")
UNIDADE_DEMO = dados_demo("comum")["unidades"]["unidade_certificadora"]  # criada pela demonstração comum
UNIDADE_2 = _D["unidades"]["segunda"]
CONTEUDOS_PPCP: dict[str, str] = _D["conteudos_ppcp"]
CONTEUDOS_OFERTA: dict[str, str] = _D["conteudos_oferta"]
_T = _D["trabalhadores"]


def _cpf_livre(sessao, rnd: random.Random) -> str:
    while True:
        cpf = cpf_ficticio(rnd)
        if not armazem_cadastros.cpf_em_uso(sessao.db, cpf):
            return cpf


def criar_demo_certificacao(sessao, rnd: random.Random) -> None:
    """Instituto estadual com adesão vigente (aviso de renovação aparecendo), duas unidades
    certificadoras, três cursos de referência e três PPCPs aprovados (técnico, qualificação e
    tecnológico), uma oferta publicada de cada, e 60 trabalhadores em todas as etapas e desfechos."""
    hoje = date.today()
    inst = instituicao.cadastrar_instituicao(sessao, **_D["instituicao"])
    validada = somar_anos(hoje, -5) + timedelta(days=75)  # vence em 75 dias: o aviso do art. 27 aparece
    instituicao.registrar_adesao(sessao, inst["id"], termo_aprovado_em=validada - timedelta(days=40),
                                 regulamentacao_aprovada_em=validada - timedelta(days=30), sistec_validada_em=validada)
    u1 = armazem_cadastros.unidade_por_nome(sessao.db, UNIDADE_DEMO)["id"]
    instituicao.vincular_unidade(sessao, inst["id"], u1)
    u2 = instituicao.cadastrar_unidade_certificadora(sessao, inst["id"], nome=UNIDADE_2)["unidade_id"]
    anos = {hoje.year - i: 1 + i % 2 for i in range(1, 6)}
    ofertas_demo = []
    unidades = {"principal": u1, "segunda": u2}
    for i, p in enumerate(_D["perfis"]):
        tipo = p["tipo"]
        curso = cursos.cadastrar_curso(
            sessao, unidade_id=unidades[p["unidade"]], nome=p["curso"], tipo=tipo,
            implantado_em=date(hoje.year - 8 + i, 2, 1), turmas_por_ano=anos,
            reconhecido=p.get("reconhecido", False), conceito_emec=p.get("conceito_emec"),
            codigo_catalogo=p["codigo_catalogo"], eixo=p["eixo"],
            ato_autorizacao=p["ato_autorizacao"], carga_horaria_minima=p.get("carga_horaria_minima"),
            componentes=[Componente(n, h) for n, h in p["matriz"]])
        ppcp = cursos.cadastrar_ppcp(sessao, curso_id=curso["id"], tipo=tipo, perfil=p["perfil"],
                                     escolaridade_minima=p["escolaridade_minima"], conteudos=CONTEUDOS_PPCP,
                                     competencias=[Competencia(*c) for c in p["competencias"]],
                                     equipe=[MembroEquipe(*e) for e in p["equipe"]],
                                     aprovado_em=hoje - timedelta(days=220 - i),
                                     sistec_em=hoje - timedelta(days=200 - i))
        oferta = ofertas.cadastrar_oferta(
            sessao, ppcp_id=ppcp["id"], titulo=f"Oferta {hoje.year}/1 — {p['perfil']}",
            conteudos={**CONTEUDOS_OFERTA, "ocupacoes": p["ocupacoes"]}, inscricoes_de=hoje - timedelta(days=160),
            inscricoes_ate=hoje - timedelta(days=40), vagas=30)
        ofertas.emitir_edital(sessao, oferta["id"])
        ids = [c["id"] for c in armazem.competencias(sessao.db, ppcp["id"])]
        ofertas_demo.append((tipo, oferta["id"], ids))
    for k in range(60):
        tipo, oferta_id, comp_ids = ofertas_demo[k % 3]
        _trabalhador(sessao, rnd, k, tipo, oferta_id, comp_ids, _D["roteiro"][(k // 3) % len(_D["roteiro"])], hoje)


def _trabalhador(sessao, rnd: random.Random, k: int, tipo: str, oferta_id: str, comp_ids: list[str],
                 roteiro: dict, hoje: date) -> None:
    n, aval, extra = roteiro["etapas"], roteiro.get("aval"), roteiro.get("extra")
    esc = rnd.choice(_T["escolaridade_demais"] if tipo != "qualificacao" else _T["escolaridade_qualificacao"])
    nomes, sobrenomes = _T["nomes"], _T["sobrenomes"]
    nome = f"{nomes[k % len(nomes)]} {rnd.choice(sobrenomes)} {sobrenomes[k % len(sobrenomes)]}"
    t = trabalhadores.cadastrar_trabalhador(
        sessao, nome=nome, cpf=_cpf_livre(sessao, rnd),
        nascimento=date(hoje.year - rnd.randint(22, 58), rnd.randint(1, 12), rnd.randint(1, 28)),
        escolaridade=esc, comprovante=_T["comprovante"],
        acessibilidade=_T["acessibilidade"][k % 3] if k % 11 == 0 else None, municipio=_T["municipio"], uf=_T["uf"],
        nacionalidade=_T["nacionalidade"], naturalidade=rnd.choice(_T["naturalidades"]),
        naturalidade_uf=_T["naturalidade_uf"],
        rg=f"{rnd.randint(10, 99)}.{rnd.randint(100, 999)}.{rnd.randint(100, 999)}-{rnd.randint(10, 99)}",
        rg_orgao=_T["rg_orgao"])
    d0 = hoje - timedelta(days=150 - rnd.randint(0, 40))
    proc = processos.inscrever(sessao, trabalhador_id=t["id"], oferta_id=oferta_id, inscrito_em=d0)
    reconhecer = {"todas": len(comp_ids), "parte": max(1, len(comp_ids) // 2), "nenhuma": 0}.get(aval, 0)
    avaliacoes = {c: i < reconhecer for i, c in enumerate(comp_ids)}
    et = _D["etapas"]
    passos = [
        ("acolhimento", {"apresentacao": True, "entrevista": et["entrevista"].format(anos=rnd.randint(3, 25)),
                         "memorial": et["memorial"], "orientacao": et["orientacao"],
                         "decisao": extra if extra in ("curso", "desistir") else "seguir"}),
        ("matricula", {"documentos": et["documentos_matricula"]}),
        ("avaliacao", {"teorico_pratica": True, "avaliadores": "; ".join(
            e["nome"] for e in processos.detalhar_processo(sessao, proc["id"])["equipe"] if e["area"] == "especifica")}),
        ("certificacao", {"sistec_codigo": f"SISTEC-{rnd.randint(100000, 999999)}"} if tipo == "tecnico" else {}),
        ("encaminhamento", {"orientacao_estudos": et["orientacao_estudos"], "sine": True}),
    ]
    dia = d0
    for j, (etapa, dados) in enumerate(passos[:n]):
        dia = dia + timedelta(days=7 + rnd.randint(0, 5))
        if etapa == "certificacao":  # os documentos saem depois do prazo de recurso ou da decisão (art. 13 XI)
            det = processos.detalhar_processo(sessao, proc["id"])
            if not det["recursos"]:
                dia = max(dia, det["prazo_recurso"] + timedelta(days=1 + rnd.randint(0, 3)))
        processos.registrar_etapa(sessao, proc["id"], etapa, realizada_em=dia, dados=dados,
                                  avaliacoes=avaliacoes if etapa == "avaliacao" else None)
        if etapa == "avaliacao" and extra in ("recurso", "deferido", "indeferido"):
            r = processos.interpor_recurso(sessao, proc["id"], interposto_em=dia + timedelta(days=3),
                                           fundamentacao=_D["recursos"]["fundamentacao"])
            dia = dia + timedelta(days=6)
            if extra != "recurso":
                processos.decidir_recurso(
                    sessao, r["id"], deferido=extra == "deferido", decidido_em=dia,
                    reconhecer=comp_ids if extra == "deferido" else [],
                    decisao=_D["recursos"][extra])
    if extra == "via":
        principal = next(e for e in emissao.listar_emissoes(sessao, proc["id"]) if e["tipo_documento"] != "cert_historico")
        via2 = emissao.emitir_nova_via(sessao, principal["id"], _D["vias"]["motivo"])
        if k % 2:  # a 2ª via saiu com erro e foi cancelada: a 1ª volta a ser a mais recente válida
            e2 = next(e for e in emissao.listar_emissoes(sessao, proc["id"]) if e["documento_id"] == via2.id)
            emissao.cancelar_via(sessao, e2["id"], _D["vias"]["cancelamento"])
