"""Alertas da fiscalização (Lei 320/2023, art. 34): visita atrasada e vencida, irregularidade não comunicada
no prazo e comunicada fora dele, semestre sem plano — com as contagens e os prazos como parâmetro datado."""
from datetime import date

from desktop.services import parametros
from desktop.services.conselho import fiscalizacao


def _plano(sessao_admin):
    a = fiscalizacao.cadastrar_entidade(sessao_admin, "Casa de Acolhimento Esperança", "acolhimento_institucional")
    b = fiscalizacao.cadastrar_entidade(sessao_admin, "Projeto Crescer", "apoio_socioeducativo_meio_aberto")
    plano = fiscalizacao.planejar_semestre(sessao_admin, "2026-1", {a["id"]: date(2026, 2, 10),
                                                                    b["id"]: date(2026, 5, 20)})
    return {v["nome"]: v["id"] for v in plano}


def test_visita_atrasada_vencida_e_comunicacao(sessao_admin, conselho):
    ids = _plano(sessao_admin)
    r = fiscalizacao.alertas(sessao_admin, date(2026, 2, 10))
    assert r["itens"] == [] and r["visitas_atrasadas"] == 0 and not r["sem_plano"]
    r = fiscalizacao.alertas(sessao_admin, date(2026, 2, 11))
    assert [(i["tipo"], i["situacao"], i["entidade"]) for i in r["itens"]] == [
        ("visita", "atrasada", "Casa de Acolhimento Esperança")]
    assert r["visitas_atrasadas"] == 1 and "10/02/2026" in r["itens"][0]["descricao"]

    fiscalizacao.registrar_visita(sessao_admin, ids["Casa de Acolhimento Esperança"], date(2026, 2, 12), "Ana e Bruno",
                                  "Visita às instalações", "Sem alvará sanitário")
    assert fiscalizacao.alertas(sessao_admin, date(2026, 2, 14))["itens"] == []  # 48 h: até 14/02
    r = fiscalizacao.alertas(sessao_admin, date(2026, 2, 15))
    assert [(i["tipo"], i["situacao"], i["limite"]) for i in r["itens"]] == [("comunicacao", "atrasada", "2026-02-14")]
    assert r["comunicacoes_atrasadas"] == 1

    r = fiscalizacao.alertas(sessao_admin, date(2026, 7, 1))  # o semestre acabou sem a visita ao Projeto Crescer
    visita = [i for i in r["itens"] if i["tipo"] == "visita"]
    assert [(i["entidade"], i["situacao"], i["limite"]) for i in visita] == [("Projeto Crescer", "vencida", "2026-06-30")]
    assert r["sem_plano"] and r["semestre"] == "2026-2"  # e o 2º semestre ainda sem plano

    fiscalizacao.comunicar_irregularidades(sessao_admin, ids["Casa de Acolhimento Esperança"], "Ana Beatriz Souza")
    r = fiscalizacao.alertas(sessao_admin, date(2026, 7, 1))
    assert r["comunicacoes_atrasadas"] == 0 and r["comunicadas_fora_do_prazo"] == 1  # comunicada hoje: tarde


def test_prazos_sao_parametro_datado(sessao_admin, conselho):
    _plano(sessao_admin)
    parametros.adicionar_vigencia(sessao_admin, "conselho_fiscalizacao", date(2026, 1, 1),
                                  {"visita_tolerancia_dias": "15", "comunicacao_irregularidade_horas": "72"},
                                  "Regimento interno do Conselho (exemplo)")
    assert fiscalizacao.alertas(sessao_admin, date(2026, 2, 20))["itens"] == []  # tolerância de 15 dias
    assert fiscalizacao.alertas(sessao_admin, date(2026, 2, 26))["visitas_atrasadas"] == 1


def test_conselheira_e_consulta_tambem_veem(sessao_admin, conselho, entrar):
    _plano(sessao_admin)
    for s in (entrar("ct1", "conselheiro_tutelar", conselho[0]), entrar("mp", "consulta")):
        assert fiscalizacao.alertas(s, date(2026, 2, 11))["visitas_atrasadas"] == 1
