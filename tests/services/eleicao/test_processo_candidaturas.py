"""Processo e candidaturas com a base real: calendário, inscrição, análise, prova, impugnação, homologação."""
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao import candidaturas, impugnacoes, processo
from desktop.services.eleicao.comum import simulando_dia
from desktop.services.sessao import ErroNegocio, SemPermissao

from .conftest import DOCS, homologar, inscrever_habilitado, publicar_edital, publicar_inscritos, sessao_de


def _diario(sessao, tabela):
    return sessao.db.execute("SELECT count(*) FROM diario WHERE tabela = ?", [tabela]).fetchone()[0]


def test_abrir_processo_2027(sessao_admin, proc_aberto):
    proc = proc_aberto
    assert (proc["eleicao"], proc["posse"], proc["fim_mandato"]) == ("2027-10-03", "2028-01-10", "2032-01-09")
    # aberto com o calendário, o processo espera o edital: não nasce em "inscricoes" (Lei 320/2023, art. 7º)
    assert (proc["fase"], proc["edital_publicado_em"], proc["inscritos_publicados_em"]) == ("preparacao", None, None)
    assert _diario(sessao_admin, "eleicao_processos") == 1
    p = publicar_edital(sessao_admin, proc)
    assert (p["fase"], p["edital_publicado_em"], p["data_edital"]) == ("inscricoes", "2027-04-03", "2027-04-03")
    assert _diario(sessao_admin, "eleicao_processos") == 2
    with pytest.raises(ErroNegocio, match="Já existe"):
        processo.abrir_processo(sessao_admin, processo.calendario_sugerido(sessao_admin, 2027), nota_corte="60")


def test_calendario_contra_a_lei_e_recusado(sessao_admin):
    cal = replace(processo.calendario_sugerido(sessao_admin, 2031), data_edital=date(2031, 6, 1))
    with pytest.raises(EntradaInvalida, match=r"art\. 7º"):
        processo.abrir_processo(sessao_admin, cal, nota_corte="60")
    assert processo.listar_processos(sessao_admin) == []


def test_inscricao_checklist_e_recusas(sessao_admin, proc):
    with simulando_dia(date(2027, 4, 13)):  # registrado no dia do pedido
        rnd = random.Random(1)
        inicio = date.fromisoformat(proc["inscricao_inicio"])
        jovem = candidaturas.inscrever(
            sessao_admin, proc["id"], nome="Jovem Demais", cpf="52998224725", nascimento=date(2006, 5, 1),
            residencia_desde=date(2010, 1, 1), experiencia_meses=30, numero=50, inscrito_em=inicio, documentos=DOCS)
        assert jovem["situacao"] == "indeferido" and "art. 12 §2º II" in jovem["motivo"]
        reqs = {r["requisito"]: r for r in candidaturas.checklist(sessao_admin, jovem["id"])}
        assert len(reqs) == 7 and reqs["idade"]["situacao"] == "indeferido" and reqs["idoneidade"]["situacao"] == "pendente"
        with pytest.raises(ErroNegocio, match=r"art\. 5º II"):
            candidaturas.inscrever(sessao_admin, proc["id"], nome="Jovem Demais", cpf="52998224725",
                                   nascimento=date(2006, 5, 1), residencia_desde=date(2010, 1, 1),
                                   experiencia_meses=30, numero=51, inscrito_em=inicio)
        with pytest.raises(EntradaInvalida, match=r"fora do prazo.*art\. 7º"):
            candidaturas.inscrever(sessao_admin, proc["id"], nome="Atrasado", cpf="11144477735",
                                   nascimento=date(1980, 1, 1), residencia_desde=date(2010, 1, 1),
                                   experiencia_meses=30, numero=52, inscrito_em=inicio - timedelta(days=1))
        c = inscrever_habilitado(sessao_admin, proc, 12, rnd, nota="59.99")
        assert c["situacao"] == "reprovado" and "art. 12 §9º" in c["motivo"]
        with pytest.raises(EntradaInvalida, match="motivo"):
            candidaturas.analisar_requisito(sessao_admin, c["id"], "idoneidade", deferido=False)


def test_menos_de_dez_habilitados_e_reabertura(sessao_admin, proc):
    rnd = random.Random(2)
    for n in range(11, 20):
        inscrever_habilitado(sessao_admin, proc, n, rnd)
    p = publicar_inscritos(sessao_admin, proc)
    with pytest.raises(ErroNegocio, match=r"Só 9 habilitados.*art\. 13"):
        homologar(sessao_admin, p)
    novo_fim = date.fromisoformat(proc["inscricao_fim"]) + timedelta(days=10)
    p = processo.reabrir_inscricoes(sessao_admin, proc["id"], novo_fim=novo_fim,
                                    nova_publicacao=novo_fim + timedelta(days=2))
    assert p["reaberturas"] == 1 and p["impugnacao_fim"] == (novo_fim + timedelta(days=7)).isoformat()
    # a reabertura volta às inscrições: a lista de inscritos (e o prazo de impugnação) sai de novo (art. 11 §2º)
    assert (p["fase"], p["inscritos_publicados_em"]) == ("inscricoes", None)
    inscrever_habilitado(sessao_admin, proc, 20, rnd, inscrito_em=novo_fim)
    with pytest.raises(ErroNegocio, match=r"lista de inscritos ainda não foi publicada.*art\. 11 §2º"):
        candidaturas.homologar(sessao_admin, proc["id"])
    p = publicar_inscritos(sessao_admin, p)
    with simulando_dia(date.fromisoformat(p["impugnacao_fim"])), \
            pytest.raises(ErroNegocio, match=r"antes do fim do prazo de impugnação \(30/05/2027\).*art\. 11 §2º"):
        candidaturas.homologar(sessao_admin, proc["id"])  # o novo prazo de impugnação ainda corre
    assert len(homologar(sessao_admin, p)) == 10


def test_impugnacao_prazo_defesa_decisao_recurso(sessao_admin, proc):
    with simulando_dia(date(2027, 5, 23)):  # a comissão registra no fim do prazo de impugnação
        c = inscrever_habilitado(sessao_admin, proc, 30, random.Random(3))
        publicar_inscritos(sessao_admin, proc)  # abre a impugnação (art. 11 §2º)
        pub, fim = date.fromisoformat(proc["publicacao_inscritos"]), date.fromisoformat(proc["impugnacao_fim"])
        with pytest.raises(EntradaInvalida, match=r"art\. 11 §2º"):
            impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Sem prova",
                                   apresentada_em=fim + timedelta(days=1), prazo_defesa=fim + timedelta(days=6))
        i = impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão",
                                   fundamento="Residência inferior a dois anos", apresentada_em=pub + timedelta(days=5),
                                   prazo_defesa=fim + timedelta(days=5))
        assert candidaturas.listar_candidaturas(sessao_admin, proc["id"])[0]["sub_judice"] == 1
        with simulando_dia(fim + timedelta(days=1)), pytest.raises(ErroNegocio, match="Aguarde a defesa"):
            impugnacoes.decidir(sessao_admin, i["id"], procedente=True, motivo="Comprovado", em=fim + timedelta(days=1))
        with simulando_dia(fim + timedelta(days=2)):  # cada ato registrado no seu dia (nunca com data futura)
            impugnacoes.defender(sessao_admin, i["id"], defesa="Junta contas desde 2015", em=fim + timedelta(days=2))
        with simulando_dia(fim + timedelta(days=6)):
            impugnacoes.decidir(sessao_admin, i["id"], procedente=True, motivo="Contas não são dela",
                                em=fim + timedelta(days=6))
        assert candidaturas.listar_candidaturas(sessao_admin, proc["id"])[0]["situacao"] == "impugnado"
        with simulando_dia(fim + timedelta(days=7)):
            impugnacoes.recorrer(sessao_admin, i["id"], razoes="As contas são do cônjuge", em=fim + timedelta(days=7))
        with simulando_dia(fim + timedelta(days=9)):
            impugnacoes.julgar_recurso(sessao_admin, i["id"], provido=True, motivo="Comprovada a união",
                                       em=fim + timedelta(days=9))
        c = candidaturas.listar_candidaturas(sessao_admin, proc["id"])[0]
        assert c["situacao"] == "habilitado" and c["sub_judice"] == 0
        assert _diario(sessao_admin, "eleicao_impugnacoes") == 5


def test_consulta_nao_edita(sessao_admin, proc):
    from desktop.rules.papeis import Papel

    mp = sessao_de(sessao_admin, "mp", Papel.CONSULTA)
    assert processo.listar_processos(mp)
    with pytest.raises(SemPermissao):
        inscrever_habilitado(mp, proc, 40, random.Random(4))
