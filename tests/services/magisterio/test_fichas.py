"""Ficha funcional lida da base: igual à construída à mão, fatiada no porte da escola, sem N+1 consultas."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.magisterio.tipos import (
    Afastamento, Averbacao, Cargo, Curso, Etapa, Falta, Ferias, FichaFuncional, Funcao, FuncaoGratificada,
    JornadaPeriodo, Lotacao, MotivoJornada, Porte, Regencia, TipoCurso, Titulacao, Titulo,
)
from desktop.services.magisterio import cadastro
from desktop.store.magisterio import fichas

from .conftest import CPF_ANA, CPF_JOSE, CPF_PAULO, maria

CA, IT = "Escola Municipal Castro Alves", "Escola Municipal Povoado de Itajuru"


def _vida_funcional(sessao, escolas) -> str:
    sid = maria(sessao, escolas, dependentes_irrf=2)["id"]
    add = lambda h, **c: cadastro.adicionar(sessao, h, sid, **c)  # noqa: E731
    add("titulacoes", titulo="pos_lato_sensu", data_requerimento=date(2010, 5, 3), curso="Gestão Escolar",
        instituicao="UESB", carga_horaria=360)
    add("funcoes", unidade_id=escolas["castro"], funcao="vice_diretor", inicio=date(2012, 2, 1), fim=date(2019, 12, 31))
    add("lotacoes", unidade_id=escolas["itajuru"], inicio=date(2020, 2, 1), reside_em_local_diverso=True,
        fixou_residencia_rural=True)
    add("regencias", inicio=date(2020, 2, 3), etapa="educacao_infantil", alunos_nee=3)
    add("jornadas", inicio=date(2024, 2, 5), fim=date(2024, 12, 20), motivo="desdobramento")
    add("cursos", tipo="especializacao", conclusao=date(2011, 1, 10), carga_horaria=360, descricao="Psicopedagogia",
        concessao=date(2011, 4, 1))
    add("cursos", tipo="aperfeicoamento", conclusao=date(2019, 6, 1), carga_horaria=80, descricao="Informática",
        area_educacao=False)
    add("afastamentos", tipo="LQP", inicio=date(2022, 3, 1), fim=date(2022, 8, 31))
    add("ferias", inicio=date(2026, 1, 5), fim=date(2026, 2, 3))
    add("faltas", data=date(2026, 3, 17), horas=2)
    add("faltas", data=date(2026, 3, 16), codigo="AM")
    add("averbacoes", dias=366, descricao="Escola particular", data_averbacao=date(2003, 4, 1))
    add("horas_noturnas", competencia=date(2026, 3, 1), horas="4.5")
    return sid


def test_ficha_lida_e_igual_a_construida(sessao, escolas):
    sid = _vida_funcional(sessao, escolas)
    esperada = FichaFuncional(
        id=sid, nome="Maria da Silva Souza", cpf="52998224725", matricula="1001", cargo=Cargo.PROFESSOR,
        admissao=date(2001, 3, 1), nascimento=date(1975, 6, 10), dependentes_irrf=2, desligamento=None,
        titulacoes=[Titulacao(Titulo.LICENCIATURA_PLENA, date(2001, 3, 1)),
                    Titulacao(Titulo.POS_LATO_SENSU, date(2010, 5, 3), "Gestão Escolar", "UESB", 360, True)],
        lotacoes=[  # o porte da Castro Alves mudou em 2015: a lotação se divide (art. 38 §1º)
            Lotacao(date(2001, 3, 1), date(2014, 12, 31), escola=CA, porte=Porte.GRANDE),
            Lotacao(date(2015, 1, 1), date(2020, 1, 31), escola=CA, porte=Porte.MEDIO),
            Lotacao(date(2020, 2, 1), None, escola=IT, porte=Porte.PEQUENO, dificil_acesso=True,
                    reside_em_local_diverso=True, zona_rural=True, fixou_residencia_rural=True),
        ],
        regencias=[Regencia(date(2020, 2, 3), None, Etapa.EDUCACAO_INFANTIL, 3)],
        jornadas=[JornadaPeriodo(date(2001, 3, 1), date(2024, 2, 4), 20, MotivoJornada.BASE),
                  JornadaPeriodo(date(2024, 2, 5), date(2024, 12, 20), 40, MotivoJornada.DESDOBRAMENTO),
                  JornadaPeriodo(date(2024, 12, 21), None, 20, MotivoJornada.BASE)],
        funcoes=[FuncaoGratificada(date(2012, 2, 1), date(2014, 12, 31), Funcao.VICE_DIRETOR, Porte.GRANDE, CA),
                 FuncaoGratificada(date(2015, 1, 1), date(2019, 12, 31), Funcao.VICE_DIRETOR, Porte.MEDIO, CA)],
        cursos=[Curso(TipoCurso.ESPECIALIZACAO, date(2011, 1, 10), 360, "Psicopedagogia", True, False, date(2011, 4, 1)),
                Curso(TipoCurso.APERFEICOAMENTO, date(2019, 6, 1), 80, "Informática", False, False, None)],
        afastamentos=[Afastamento(date(2022, 3, 1), date(2022, 8, 31), "Licença para qualificação profissional",
                                  True, True, True)],
        faltas=[Falta(date(2026, 3, 16), None, "AM", True), Falta(date(2026, 3, 17), 2, None, False)],
        ferias=[Ferias(date(2026, 1, 5), date(2026, 2, 3))],
        averbacoes=[Averbacao(366, "Escola particular", date(2003, 4, 1))],
        horas_noturnas={date(2026, 3, 1): Decimal("4.5")},
    )
    assert cadastro.ficha(sessao, sid) == esperada
    assert fichas.carregar_ficha(sessao.db, "não-existe") is None


def test_lotacao_na_smec_e_situacao_regravada_sem_mudanca(sessao, escolas):
    jose = cadastro.cadastrar_servidor(sessao, nome="José Brito", cpf=CPF_JOSE, matricula="2", cargo="pedagogo",
                                       admissao=date(2016, 2, 1), jornada=40, titulo="licenciatura_plena",
                                       escola_id=escolas["smec"])
    assert cadastro.ficha(sessao, jose["id"]).lotacoes == [
        Lotacao(date(2016, 2, 1), None, escola="Secretaria Municipal de Educação", unidade_tecnica_smec=True)]
    # Um novo ato que repete porte e acesso não parte a lotação em duas.
    cadastro.definir_situacao(sessao, escolas["itajuru"], inicio=date(2021, 1, 1), porte="pequeno",
                              dificil_acesso=True, ato="Portaria 2/2021")
    cadastro.adicionar(sessao, "lotacoes", jose["id"], unidade_id=escolas["itajuru"], inicio=date(2020, 2, 1))
    assert cadastro.ficha(sessao, jose["id"]).lotacoes[-1] == Lotacao(
        date(2020, 2, 1), None, escola=IT, porte=Porte.PEQUENO, dificil_acesso=True, zona_rural=True)


def test_carregar_fichas_consultas_fixas(sessao, escolas):
    _vida_funcional(sessao, escolas)
    for nome, cpf, mat in (("José Brito", CPF_JOSE, "2"), ("Ana Lima", CPF_ANA, "3"), ("Paulo Reis", CPF_PAULO, "4")):
        cadastro.cadastrar_servidor(sessao, nome=nome, cpf=cpf, matricula=mat, cargo="professor",
                                    admissao=date(2015, 2, 1), titulo="medio_normal", escola_id=escolas["castro"])
    consultas = []
    sessao.db.conn.set_trace_callback(lambda sql: consultas.append(sql) if sql.lstrip().upper().startswith(("SELECT", "WITH")) else None)
    try:
        todas = fichas.carregar_fichas(sessao.db)
        n_todas = len(consultas)
        consultas.clear()
        ids = [f.id for f in todas]
        duas = fichas.carregar_fichas(sessao.db, ids[:2])
        n_duas = len(consultas)
    finally:
        sessao.db.conn.set_trace_callback(None)
    assert [f.nome for f in todas] == ["Ana Lima", "José Brito", "Maria da Silva Souza", "Paulo Reis"]
    assert [f.id for f in duas] == ids[:2]
    assert n_todas == n_duas <= 16  # servidores + 11 históricos + unidades, escolas, tipos e códigos
    assert fichas.carregar_fichas(sessao.db, []) == []



def test_base_recusa_unidade_de_tipo_errado(sessao, escolas):
    """Gatilhos da migração: a chave estrangeira não confere o tipo da unidade; a base confere."""
    sid = maria(sessao, escolas)["id"]
    with pytest.raises(Exception, match="função gratificada de diretor ou vice é numa escola"):
        with sessao.base.transacao() as db:
            db["magisterio_funcoes"].insert({"id": "x", "servidor_id": sid, "unidade_id": escolas["smec"],
                                             "funcao": "diretor", "inicio": "2020-01-01", "criado_em": "",
                                             "atualizado_em": ""})
    with pytest.raises(Exception, match="lotação é numa escola ou num setor"):
        with sessao.base.transacao() as db:
            db["unidades"].insert({"id": "ct", "tipo": "conselho_tutelar", "nome": "CT", "criado_em": "",
                                   "atualizado_em": ""})
            db.execute("UPDATE magisterio_lotacoes SET unidade_id = 'ct' WHERE servidor_id = ?", [sid])
    assert sessao.db.execute("SELECT count(*) FROM unidades WHERE id = 'ct'").fetchone()[0] == 0
