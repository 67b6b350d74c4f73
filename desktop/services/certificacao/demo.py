"""Dados de demonstração da Certificação: um instituto com duas unidades, três PPCPs e 60 trabalhadores.

Os trabalhadores passam por todas as etapas do art. 24 e por todos os desfechos: só inscritos,
desistentes no acolhimento, matriculados, avaliados (integral, parcial, nenhum), com recurso
pendente ou decidido, certificados, encaminhados e com 2ª via (uma delas cancelada). Nomes e CPFs
são fictícios.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.rules.certificacao.adesao import somar_anos
from desktop.rules.certificacao.curriculo import Componente
from desktop.rules.certificacao.ppcp import Competencia, MembroEquipe
from desktop.store import cadastros as armazem_cadastros
from desktop.store.certificacao import cadastro as armazem

from ..demo_comum import cpf_ficticio
from . import cursos, emissao, instituicao, ofertas, processos, trabalhadores

UNIDADE_DEMO = "Centro Territorial de Educação Profissional (demonstração)"
UNIDADE_2 = "Campus Avançado Vale do Rio de Contas (demonstração)"

CONTEUDOS_PPCP = {
    "identificacao": "Certificação vinculada ao curso de referência da unidade.",
    "requisitos_oferta": "Curso de referência ofertado há mais de três anos, com turmas anuais.",
    "justificativa": "Demanda de trabalhadores do território com prática na ocupação.",
    "publico": "Trabalhadores maiores de 18 anos; busca ativa com o Sine e sindicatos.",
    "perfil_conclusao": "Profissional apto a executar as atividades do perfil com segurança.",
    "acesso": "Inscrição na secretaria; escolaridade mínima conforme o tipo.",
    "processo": "Inscrição, acolhimento, matrícula, avaliação, certificação e encaminhamento.",
    "instrumentos_avaliacao": "Prova prática em oficina e entrevista técnica; critério: domínio de cada competência.",
    "elevacao_escolaridade": "Parceria com a EJA da rede municipal.",
    "infraestrutura": "Oficina e laboratório do curso de referência.",
    "documentacao": "Certificado ou diploma com histórico escolar; atestado de reconhecimento.",
    "acessibilidade": "Intérprete de Libras e provas ampliadas mediante solicitação.",
}
CONTEUDOS_OFERTA = {
    "ocupacoes": "Eletricista de instalações prediais (CBO 7156-10).",
    "inscricao": "Presencialmente na secretaria da unidade, com documento de identidade e CPF.",
    "matricula": "Documento de identidade, CPF, comprovante de escolaridade e de residência.",
    "cronograma": "Acolhimento na 1ª semana, matrícula na 2ª, avaliação na 3ª e 4ª, resultado na 5ª.",
    "criterios_aprovacao": "Demonstrar domínio de cada competência na avaliação teórico-prática.",
}

# (tipo, curso, perfil, escolaridade mínima, ocupações, competências)
PERFIS = [
    ("tecnico", "Curso técnico em Eletrotécnica", "Técnico em Eletrotécnica", "medio",
     "Técnico em eletrotécnica (CBO 3131-05).",
     [Competencia("Interpretar projetos elétricos", "Desenho técnico", 60),
      Competencia("Executar instalações elétricas prediais", "Instalações elétricas", 120),
      Competencia("Aplicar normas de segurança em eletricidade (NR-10)", "Segurança do trabalho", 40),
      Competencia("Realizar manutenção de máquinas elétricas", "Máquinas elétricas", 100)]),
    ("qualificacao", "Curso de qualificação em Eletricista Predial", "Eletricista instalador predial de baixa tensão",
     "fundamental", "Eletricista de instalações prediais (CBO 7156-10).",
     [Competencia("Instalar circuitos de iluminação e tomadas", "Módulo I – Instalações básicas", 80),
      Competencia("Montar quadros de distribuição", "Módulo II – Quadros e proteção", 60),
      Competencia("Trabalhar com segurança em eletricidade", "Módulo III – Segurança", 20)]),
    ("tecnologia", "Curso superior de tecnologia em Gestão Ambiental", "Tecnólogo em Gestão Ambiental", "medio",
     "Tecnólogo em gestão ambiental (CBO 2140-05).",
     [Competencia("Elaborar diagnóstico ambiental", "Diagnóstico e licenciamento ambiental", 200),
      Competencia("Gerenciar resíduos sólidos", "Gestão de resíduos", 160),
      Competencia("Implantar sistema de gestão ambiental", "Sistemas de gestão", 180),
      Competencia("Conduzir educação ambiental", "Educação ambiental", 120)]),
]

MATRIZES = {  # matriz curricular do curso de referência e o mínimo do catálogo (CNCT/CNCST)
    "tecnico": ([("Desenho técnico", 120), ("Eletricidade básica", 240), ("Instalações elétricas", 360),
                 ("Máquinas elétricas", 320), ("Segurança do trabalho", 160)], 1200,
                "Resolução CEE nº 45/2017, de 12 de junho de 2017"),
    "qualificacao": ([("Módulo I – Instalações básicas", 80), ("Módulo II – Quadros e proteção", 60),
                      ("Módulo III – Segurança", 20), ("Módulo IV – Orçamento e atendimento", 40)], None,
                     "Resolução do Conselho Diretor nº 12/2018"),
    "tecnologia": ([("Diagnóstico e licenciamento ambiental", 400), ("Gestão de resíduos", 320),
                    ("Sistemas de gestão", 360), ("Educação ambiental", 240), ("Legislação ambiental", 280)], 1600,
                   "Portaria SERES nº 456/2022"),
}

_NOMES = ("Adriano Benedita Cláudio Dalva Edson Fátima Geraldo Hilda Ivan Jussara Lourival Marlene Nilton "
          "Odete Raimundo Solange Valdir Zenaide Josué Rosângela Aurelino Creuza Davi Elza").split()
_SOBRENOMES = ("Souza Lima Alves Rocha Pereira Santos Gomes Ribeiro Carvalho Nunes Moreira Costa Teixeira "
               "Araújo Ferreira Barbosa Oliveira Cardoso Almeida Silva").split()
_ACESSIBILIDADE = ("Baixa visão: prova em fonte ampliada.", "Surdez: intérprete de Libras.",
                   "Usuário de cadeira de rodas: oficina no térreo.")

# Desfecho de cada trabalhador, repetido em ciclo nas três ofertas (20 por oferta):
#   n = etapas feitas depois da inscrição; aval = competências reconhecidas ("todas", "parte", "nenhuma");
#   extra = "curso"/"desistir" (decisão no acolhimento), "recurso" (pendente), "deferido", "indeferido", "via"
ROTEIRO = [
    (0, None, None), (0, None, None), (1, None, "curso"), (1, None, "desistir"), (1, None, None),
    (2, None, None), (3, "todas", None), (3, "parte", "recurso"), (3, "nenhuma", None), (4, "todas", None),
    (4, "parte", "indeferido"), (4, "parte", "deferido"), (4, "nenhuma", None), (5, "todas", None),
    (5, "todas", "via"), (5, "parte", None), (5, "nenhuma", None), (5, "todas", None), (2, None, None),
    (5, "parte", None),
]


def _cpf_livre(sessao, rnd: random.Random) -> str:
    while True:
        cpf = cpf_ficticio(rnd)
        if not armazem_cadastros.cpf_em_uso(sessao.db, cpf):
            return cpf


def _equipe(i: int) -> list[MembroEquipe]:
    return [MembroEquipe(["Pedagoga Lúcia Matos", "Pedagogo Ênio Prado", "Pedagoga Rute Sales"][i], "educacao"),
            MembroEquipe(["Eng. Paulo Reis", "Eletricista Jair Lopes", "Biól. Sara Dantas"][i], "especifica"),
            MembroEquipe(["Téc. Sérgio Nunes", "Téc. Anita Brás", "Eng. Amb. Caio Fontes"][i], "especifica")]


def criar_demo_certificacao(sessao, rnd: random.Random) -> None:
    """Instituto estadual com adesão vigente (aviso de renovação aparecendo), duas unidades
    certificadoras, três cursos de referência e três PPCPs aprovados (técnico, qualificação e
    tecnológico), uma oferta publicada de cada, e 60 trabalhadores em todas as etapas e desfechos."""
    hoje = date.today()
    inst = instituicao.cadastrar_instituicao(sessao, nome="Instituto Estadual de Educação Profissional (demonstração)",
                                             sigla="IEEP", sistema_ensino="estadual",
                                             orgao_competente="Conselho Estadual de Educação")
    validada = somar_anos(hoje, -5) + timedelta(days=75)  # vence em 75 dias: o aviso do art. 27 aparece
    instituicao.registrar_adesao(sessao, inst["id"], termo_aprovado_em=validada - timedelta(days=40),
                                 regulamentacao_aprovada_em=validada - timedelta(days=30), sistec_validada_em=validada)
    u1 = armazem_cadastros.unidade_por_nome(sessao.db, UNIDADE_DEMO)["id"]
    instituicao.vincular_unidade(sessao, inst["id"], u1)
    u2 = instituicao.cadastrar_unidade_certificadora(sessao, inst["id"], nome=UNIDADE_2)["unidade_id"]
    anos = {hoje.year - i: 1 + i % 2 for i in range(1, 6)}
    ofertas_demo = []
    for i, (tipo, curso_nome, perfil, esc, ocup, comps) in enumerate(PERFIS):
        curso = cursos.cadastrar_curso(
            sessao, unidade_id=u2 if tipo == "tecnologia" else u1, nome=curso_nome, tipo=tipo,
            implantado_em=date(hoje.year - 8 + i, 2, 1), turmas_por_ano=anos, reconhecido=tipo == "tecnologia",
            conceito_emec=4 if tipo == "tecnologia" else None,
            codigo_catalogo={"tecnico": "CNCT 2023", "qualificacao": "CBO 7156-10", "tecnologia": "CNCST 2024"}[tipo],
            eixo="Ambiente e Saúde" if tipo == "tecnologia" else "Controle e Processos Industriais",
            ato_autorizacao=MATRIZES[tipo][2], carga_horaria_minima=MATRIZES[tipo][1],
            componentes=[Componente(n, h) for n, h in MATRIZES[tipo][0]])
        ppcp = cursos.cadastrar_ppcp(sessao, curso_id=curso["id"], tipo=tipo, perfil=perfil, escolaridade_minima=esc,
                                     conteudos=CONTEUDOS_PPCP, competencias=comps, equipe=_equipe(i),
                                     aprovado_em=hoje - timedelta(days=220 - i), sistec_em=hoje - timedelta(days=200 - i))
        oferta = ofertas.cadastrar_oferta(
            sessao, ppcp_id=ppcp["id"], titulo=f"Oferta {hoje.year}/1 — {perfil}",
            conteudos={**CONTEUDOS_OFERTA, "ocupacoes": ocup}, inscricoes_de=hoje - timedelta(days=160),
            inscricoes_ate=hoje - timedelta(days=40), vagas=30)
        ofertas.emitir_edital(sessao, oferta["id"])
        ids = [c["id"] for c in armazem.competencias(sessao.db, ppcp["id"])]
        ofertas_demo.append((tipo, oferta["id"], ids))
    for k in range(60):
        tipo, oferta_id, comp_ids = ofertas_demo[k % 3]
        _trabalhador(sessao, rnd, k, tipo, oferta_id, comp_ids, ROTEIRO[(k // 3) % len(ROTEIRO)], hoje)


def _trabalhador(sessao, rnd: random.Random, k: int, tipo: str, oferta_id: str, comp_ids: list[str],
                 roteiro: tuple, hoje: date) -> None:
    n, aval, extra = roteiro
    esc = rnd.choice(["medio", "medio", "superior"]) if tipo != "qualificacao" else rnd.choice(
        ["fundamental", "medio_incompleto", "medio"])
    nome = f"{_NOMES[k % len(_NOMES)]} {rnd.choice(_SOBRENOMES)} {_SOBRENOMES[k % len(_SOBRENOMES)]}"
    t = trabalhadores.cadastrar_trabalhador(
        sessao, nome=nome, cpf=_cpf_livre(sessao, rnd),
        nascimento=date(hoje.year - rnd.randint(22, 58), rnd.randint(1, 12), rnd.randint(1, 28)),
        escolaridade=esc, comprovante="Certificado de conclusão e histórico escolar",
        acessibilidade=_ACESSIBILIDADE[k % 3] if k % 11 == 0 else None, municipio="Jequié", uf="BA",
        nacionalidade="brasileira", naturalidade=rnd.choice(["Jequié", "Jaguaquara", "Ipiaú", "Vitória da Conquista"]),
        naturalidade_uf="BA", rg=f"{rnd.randint(10, 99)}.{rnd.randint(100, 999)}.{rnd.randint(100, 999)}-{rnd.randint(10, 99)}",
        rg_orgao="SSP/BA")
    d0 = hoje - timedelta(days=150 - rnd.randint(0, 40))
    proc = processos.inscrever(sessao, trabalhador_id=t["id"], oferta_id=oferta_id, inscrito_em=d0)
    reconhecer = {"todas": len(comp_ids), "parte": max(1, len(comp_ids) // 2), "nenhuma": 0}.get(aval, 0)
    avaliacoes = {c: i < reconhecer for i, c in enumerate(comp_ids)}
    passos = [
        ("acolhimento", {"apresentacao": True, "entrevista": f"Atua na área há {rnd.randint(3, 25)} anos.",
                         "memorial": "Memorial socioprofissional entregue e anexado à pasta.",
                         "orientacao": "Explicadas as etapas, os critérios e as alternativas de formação.",
                         "decisao": extra if extra in ("curso", "desistir") else "seguir"}),
        ("matricula", {"documentos": "Identidade, CPF, comprovante de escolaridade e de residência."}),
        ("avaliacao", {"teorico_pratica": True, "avaliadores": "; ".join(
            e["nome"] for e in processos.detalhar_processo(sessao, proc["id"])["equipe"] if e["area"] == "especifica")}),
        ("certificacao", {"sistec_codigo": f"SISTEC-{rnd.randint(100000, 999999)}"} if tipo == "tecnico" else {}),
        ("encaminhamento", {"orientacao_estudos": "Orientado sobre continuidade de estudos; encaminhado ao Sine.",
                            "sine": True}),
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
                                           fundamentacao="Peço nova avaliação das competências não reconhecidas.")
            dia = dia + timedelta(days=6)
            if extra != "recurso":
                processos.decidir_recurso(
                    sessao, r["id"], deferido=extra == "deferido", decidido_em=dia,
                    reconhecer=comp_ids if extra == "deferido" else [],
                    decisao=("Deferido: a equipe reavaliou e reconheceu as competências." if extra == "deferido"
                             else "Indeferido: a avaliação foi mantida pela equipe."))
    if extra == "via":
        principal = next(e for e in emissao.listar_emissoes(sessao, proc["id"]) if e["tipo_documento"] != "cert_historico")
        via2 = emissao.emitir_nova_via(sessao, principal["id"], "Extravio da 1ª via, declarado pelo trabalhador.")
        if k % 2:  # a 2ª via saiu com erro e foi cancelada: a 1ª volta a ser a mais recente válida
            e2 = next(e for e in emissao.listar_emissoes(sessao, proc["id"]) if e["documento_id"] == via2.id)
            emissao.cancelar_via(sessao, e2["id"], "Emitida com erro de digitação no nome.")
