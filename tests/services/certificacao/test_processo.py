"""Processo de certificação com a base real: da inscrição ao diploma, recusas com artigo, vias e guarda."""
from datetime import date, timedelta

import pytest

from desktop.services import documentos
from desktop.services.certificacao import emissao, processos
from desktop.services.certificacao.comum import Recusa
from desktop.services.sessao import ErroNegocio
from desktop.store.erros import ErroBase

from .apoio import (ENCAMINHAMENTO, HOJE, MATRICULA, ate_avaliacao, montar_cenario, novo_trabalhador)


def _ate_avaliacao(s, c, reconhecidas, resultado_em=None):
    return ate_avaliacao(s, c, reconhecidas, resultado_em)


def test_da_inscricao_ao_diploma(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_avaliacao(s, c, 3)
    assert p["resultado"] == "integral"
    with pytest.raises(Recusa, match=r"art\. 15, §1º"):
        processos.registrar_etapa(s, p["id"], "certificacao", dados={})
    p = processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-123456"})
    p = processos.registrar_etapa(s, p["id"], "encaminhamento", dados=ENCAMINHAMENTO)
    assert (p["situacao"], p["etapa"]) == ("concluido", "encaminhamento")
    det = processos.detalhar_processo(s, p["id"])
    assert [e["etapa"] for e in det["etapas"]] == ["inscricao", "acolhimento", "matricula", "avaliacao",
                                                   "certificacao", "encaminhamento"]
    assert {e["registrado_por"] for e in det["etapas"]} == {"admin"}
    tipos = sorted(e["tipo_documento"] for e in det["emissoes"])
    assert tipos == ["cert_diploma_tecnico", "cert_historico"]
    diploma = next(e for e in det["emissoes"] if e["tipo_documento"] == "cert_diploma_tecnico")
    assert (diploma["livro"], diploma["folha"], diploma["numero_registro"], diploma["via"]) == ("1", 1, 1, 1)
    assert diploma["observacao_via"] == "1ª via, sem cobrança de taxa."  # impressa: sem a Portaria (art. 15 §2º)
    assert documentos.verificar_codigo(s, diploma["codigo"]).situacao == documentos.AUTENTICO
    diario = list(s.db.query("SELECT tabela FROM diario WHERE tabela LIKE 'cert_%'"))
    assert {"cert_processos", "cert_etapas", "cert_avaliacoes", "cert_emissoes"} <= {d["tabela"] for d in diario}


def test_etapa_saltada_recusada_sem_gravar(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    t = novo_trabalhador(s)
    p = processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"])
    with pytest.raises(Recusa, match=r"antes é preciso registrar Acolhimento.*art\. 24"):
        processos.registrar_etapa(s, p["id"], "matricula", dados=MATRICULA)
    assert s.db.execute("SELECT count(*) FROM cert_etapas WHERE processo_id = ?", [p["id"]]).fetchone()[0] == 1
    assert processos.detalhar_processo(s, p["id"])["etapa"] == "inscricao"


def test_menor_de_18_e_tecnico_sem_ensino_medio(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    jovem = novo_trabalhador(s, cpf="111.444.777-35", nascimento=HOJE.replace(year=HOJE.year - 17))
    with pytest.raises(Recusa, match=r"art\. 2º, parágrafo único"):
        processos.inscrever(s, trabalhador_id=jovem["id"], oferta_id=c["oferta"]["id"])
    sem_medio = novo_trabalhador(s, cpf="390.533.447-05", escolaridade="fundamental")
    with pytest.raises(Recusa, match=r"art\. 24, §3º"):
        processos.inscrever(s, trabalhador_id=sem_medio["id"], oferta_id=c["oferta"]["id"])
    assert s.db.execute("SELECT count(*) FROM cert_processos").fetchone()[0] == 0


def test_parcial_gera_atestado_e_recurso_no_prazo(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_avaliacao(s, c, 1, resultado_em=HOJE)
    assert p["resultado"] == "parcial"
    with pytest.raises(Recusa, match=r"vai até .*art\. 13, XI"):  # no dia do resultado o atestado não sai
        processos.registrar_etapa(s, p["id"], "certificacao", dados={})
    r = processos.interpor_recurso(s, p["id"], fundamentacao="Peço reavaliação da NR-10.")
    with pytest.raises(Recusa, match=r"art\. 13, XI"):
        processos.interpor_recurso(s, p["id"], fundamentacao="Fora do prazo, muito tarde.",
                                   interposto_em=HOJE + timedelta(days=30))
    processos.decidir_recurso(s, r["id"], deferido=False, decisao="Indeferido: avaliação mantida.")
    p = processos.registrar_etapa(s, p["id"], "certificacao", dados={})
    emis = emissao.listar_emissoes(s, p["id"])
    assert [e["tipo_documento"] for e in emis] == ["cert_atestado"]


def test_segunda_via_e_cancelamento(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"})
    dip = next(e for e in emissao.listar_emissoes(s, p["id"]) if e["tipo_documento"] == "cert_diploma_tecnico")
    with pytest.raises(Recusa, match="motivo"):
        emissao.emitir_nova_via(s, dip["id"], "")
    v2 = emissao.emitir_nova_via(s, dip["id"], "Extravio da primeira via")
    assert (v2.via, v2.numero) == (2, dip["numero"])
    linha2 = next(e for e in emissao.listar_emissoes(s, p["id"]) if e["documento_id"] == v2.id)
    assert linha2["observacao_via"] == "2ª via: Extravio da primeira via"
    with pytest.raises(Recusa, match="Só a via mais recente"):
        emissao.cancelar_via(s, dip["id"], "emitido com erro no nome")
    emissao.cancelar_via(s, linha2["id"], "emitido com erro no nome")
    assert documentos.verificar_codigo(s, v2.codigo).situacao == documentos.CANCELADO
    emissao.cancelar_via(s, dip["id"], "substituído por correção")  # agora a 1ª é a mais recente válida


def test_processo_nao_pode_ser_apagado(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    t = novo_trabalhador(s)
    p = processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"])
    for sql in ("DELETE FROM cert_etapas WHERE processo_id = ?", "DELETE FROM cert_processos WHERE id = ?"):
        with pytest.raises(Exception, match=r"dez anos.*art\. 12, XIV"):
            with s.base.transacao() as db:
                db.execute(sql, [p["id"]])
    s.db.execute("UPDATE cert_processos SET concluido_em = ? WHERE id = ?", [(HOJE.replace(year=HOJE.year - 9)).isoformat(), p["id"]])
    with pytest.raises(Exception, match="dez anos"):
        s.db.execute("DELETE FROM cert_etapas WHERE processo_id = ?", [p["id"]])


def test_adesao_vencida_recusa_inscricao(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    s.db.execute("UPDATE cert_instituicoes SET sistec_validada_em = ?", [date(HOJE.year - 6, 1, 1).isoformat()])
    t = novo_trabalhador(s)
    with pytest.raises(Recusa, match=r"art\. 27, parágrafo único"):
        processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"])


def test_ppcp_de_curso_recente_recusado(sessao_admin):
    from desktop.services.certificacao import cursos
    from .apoio import COMPETENCIAS, EQUIPE
    from desktop.services.certificacao.demo import CONTEUDOS_PPCP
    s = sessao_admin
    c = montar_cenario(s)
    novo = cursos.cadastrar_curso(s, unidade_id=c["unidade"]["id"], nome="Curso técnico novo", tipo="tecnico",
                                  implantado_em=HOJE - timedelta(days=400))
    with pytest.raises(Recusa, match=r"art\. 17, II, a"):
        cursos.cadastrar_ppcp(s, curso_id=novo["id"], tipo="tecnico", perfil="Outro perfil", escolaridade_minima="medio",
                              conteudos=CONTEUDOS_PPCP, competencias=COMPETENCIAS, equipe=EQUIPE)
    with pytest.raises(Recusa, match=r"art\. 20, XII"):
        cursos.cadastrar_ppcp(s, curso_id=c["curso"]["id"], tipo="tecnico", perfil="Outro perfil",
                              escolaridade_minima="medio", conteudos=CONTEUDOS_PPCP, competencias=COMPETENCIAS,
                              equipe=EQUIPE[:2])
    assert s.db.execute("SELECT count(*) FROM cert_ppcps").fetchone()[0] == 1
