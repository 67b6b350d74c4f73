"""Apoio aos testes da Certificação: migrações sem lacunas e um cenário pronto (instituição, PPCP, oferta)."""
from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.rules.certificacao.curriculo import Componente
from desktop.rules.certificacao.ppcp import Competencia, MembroEquipe
from desktop.services import cadastros
from desktop.services.certificacao import cursos, instituicao, ofertas, trabalhadores
from desktop.services.certificacao.demo import CONTEUDOS_OFERTA, CONTEUDOS_PPCP
from desktop.store import base


@pytest.fixture(autouse=True)
def migracoes_sem_lacunas(tmp_path, monkeypatch):
    """Enquanto as migrações 0004/0005 de outros módulos não existem na árvore, preenche a lacuna
    com migrações vazias numa cópia da pasta (não toca db/migrations)."""
    origem = base.PASTA_MIGRACOES
    nums = {int(f.name[:4]) for f in origem.glob("*.sql")}
    if nums == set(range(1, max(nums) + 1)):
        return
    pasta = tmp_path / "migracoes"
    pasta.mkdir()
    for f in origem.glob("*.sql"):
        shutil.copy(f, pasta)
    for n in set(range(1, max(nums))) - nums:
        (pasta / f"{n:04d}_lacuna.sql").write_text("SELECT 1;", encoding="utf-8")
    monkeypatch.setattr(base, "PASTA_MIGRACOES", pasta)


HOJE = date.today()
COMPETENCIAS = [Competencia("Interpretar projetos elétricos", "Desenho técnico", 60),
                Competencia("Executar instalações elétricas prediais", "Instalações elétricas", 120),
                Competencia("Aplicar normas de segurança (NR-10)", "Segurança do trabalho", 40)]
MATRIZ = [Componente("Desenho técnico", 120), Componente("Eletricidade básica", 240),
          Componente("Instalações elétricas", 360), Componente("Máquinas elétricas", 320),
          Componente("Segurança do trabalho", 160)]
"""Matriz curricular do curso de referência: 1.200 h, o mínimo do CNCT para Eletrotécnica."""
IDENTIFICACAO = {"nacionalidade": "brasileira", "naturalidade": "Jequié", "naturalidade_uf": "BA",
                 "rg": "12.345.678-90", "rg_orgao": "SSP/BA"}
EQUIPE = [MembroEquipe("Lúcia", "educacao"), MembroEquipe("Paulo", "especifica"), MembroEquipe("Sérgio", "especifica")]


def montar_cenario(sessao, tipo: str = "tecnico", validada_dias: int = 100) -> dict:
    inst = instituicao.cadastrar_instituicao(sessao, nome="Instituto de Teste", sistema_ensino="estadual",
                                             orgao_competente="Conselho Estadual de Educação")
    instituicao.registrar_adesao(sessao, inst["id"], termo_aprovado_em=HOJE - timedelta(days=validada_dias + 10),
                                 regulamentacao_aprovada_em=HOJE - timedelta(days=validada_dias + 10),
                                 sistec_validada_em=HOJE - timedelta(days=validada_dias))
    u = cadastros.cadastrar_unidade(sessao, tipo="unidade_certificadora", nome="Unidade de Teste")
    instituicao.vincular_unidade(sessao, inst["id"], u["id"])
    curso = cursos.cadastrar_curso(sessao, unidade_id=u["id"], nome="Curso técnico em Eletrotécnica", tipo="tecnico",
                                   implantado_em=date(HOJE.year - 6, 1, 1), eixo="Controle e Processos Industriais",
                                   ato_autorizacao="Resolução CEE-BA nº 45/2019", carga_horaria_minima=1200,
                                   componentes=MATRIZ)
    ppcp = cursos.cadastrar_ppcp(sessao, curso_id=curso["id"], tipo=tipo, perfil="Técnico em Eletrotécnica",
                                 escolaridade_minima="medio", conteudos=CONTEUDOS_PPCP, competencias=COMPETENCIAS,
                                 equipe=EQUIPE, aprovado_em=HOJE - timedelta(days=30))
    oferta = ofertas.cadastrar_oferta(sessao, ppcp_id=ppcp["id"], titulo="Oferta de teste", conteudos=CONTEUDOS_OFERTA,
                                      inscricoes_de=HOJE - timedelta(days=20), inscricoes_ate=HOJE)
    comps = [c["id"] for c in sessao.db.query("SELECT id FROM cert_competencias WHERE ppcp_id = ? ORDER BY ordem",
                                              [ppcp["id"]])]
    return {"inst": inst, "unidade": u, "curso": curso, "ppcp": ppcp, "oferta": oferta, "comps": comps}


def novo_trabalhador(sessao, cpf: str = "529.982.247-25", nascimento: date = date(1980, 5, 1),
                     escolaridade: str = "medio") -> dict:
    return trabalhadores.cadastrar_trabalhador(sessao, nome="Maria José da Silva", cpf=cpf, nascimento=nascimento,
                                               escolaridade=escolaridade, comprovante="Certificado do ensino médio",
                                               **IDENTIFICACAO)


ACOLHIMENTO = {"apresentacao": True, "entrevista": "Eletricista há 10 anos.", "memorial": "Memorial registrado.",
               "orientacao": "Seguir para a avaliação.", "decisao": "seguir"}
MATRICULA = {"documentos": "RG, CPF, certificado do ensino médio."}
AVALIACAO = {"teorico_pratica": True, "avaliadores": "Paulo; Sérgio"}
ENCAMINHAMENTO = {"orientacao_estudos": "Orientado sobre tecnólogo; encaminhado ao Sine.", "sine": True}


def cpf_valido(base: int) -> str:
    """Um CPF com dígitos verificadores certos a partir de 9 dígitos (para vários trabalhadores no teste)."""
    d = [int(x) for x in f"{base:09d}"]
    for n in (10, 11):
        r = sum(v * p for v, p in zip(d, range(n, 1, -1))) * 10 % 11
        d.append(0 if r == 10 else r)
    t = "".join(map(str, d))
    return f"{t[:3]}.{t[3:6]}.{t[6:9]}-{t[9:]}"


def ate_avaliacao(s, c: dict, reconhecidas: int, resultado_em: date | None = None, cpf: str | None = None) -> dict:
    """Inscrição, acolhimento, matrícula e avaliação de um trabalhador novo, com o resultado em
    ``resultado_em`` (padrão: 35 dias atrás, prazo de recurso do art. 13 XI já vencido)."""
    from desktop.services.certificacao import processos

    resultado_em = resultado_em or HOJE - timedelta(days=35)
    t = novo_trabalhador(s, cpf=cpf) if cpf else novo_trabalhador(s)
    p = processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"],
                            inscrito_em=resultado_em - timedelta(days=3))
    processos.registrar_etapa(s, p["id"], "acolhimento", dados=ACOLHIMENTO, realizada_em=resultado_em - timedelta(days=2))
    processos.registrar_etapa(s, p["id"], "matricula", dados=MATRICULA, realizada_em=resultado_em - timedelta(days=1))
    aval = {cid: i < reconhecidas for i, cid in enumerate(c["comps"])}
    return processos.registrar_etapa(s, p["id"], "avaliacao", dados=AVALIACAO, avaliacoes=aval,
                                     realizada_em=resultado_em)
