"""Os atos que abrem as etapas do processo de escolha (Lei 320/2023, arts. 7º e 11 §2º): casos escritos à mão
em casos/atos.toml, e o momento do cabeçalho, que não confunde previsto com publicado."""
from datetime import date

import pytest

from desktop.rules.eleicao import atos
from desktop.rules.eleicao import calendario as cal

from ..casos_toml import casos, vigente_padrao


@pytest.fixture(scope="module")
def calendario():
    return cal.sugerido(2027, vigente_padrao("eleicao_regras"))


@pytest.mark.parametrize("caso", casos("eleicao/atos"))
def test_ato_que_abre_a_etapa(calendario, caso):
    feitos = atos.Atos(caso["fase"], caso.get("edital"), caso.get("inscritos"))
    hoje = caso.get("hoje", caso["dia"])
    motivo = {
        "inscricao": lambda: atos.recusa_inscricao(feitos, calendario, caso["dia"], hoje),
        "impugnacao": lambda: atos.recusa_impugnacao(feitos, calendario, caso["dia"], hoje),
        "publicar_edital": lambda: atos.recusa_publicar_edital(feitos, calendario, caso["dia"], hoje),
        "publicar_inscritos": lambda: atos.recusa_publicar_inscritos(feitos, calendario, caso["dia"], hoje),
        "homologar": lambda: atos.recusa_homologacao(feitos, calendario, hoje),
        **{etapa: (lambda etapa=etapa: atos.recusa_rito_futuro(etapa, caso["dia"], hoje))
           for etapa in ("defesa", "decisao", "recurso", "julgamento")},
    }[caso["acao"]]()
    if not caso["recusa"]:
        assert motivo is None
    else:
        assert motivo is not None and caso["recusa"] in motivo, motivo
        assert caso["fundamento"] in motivo and "Lei 320/2023" in motivo, motivo


def test_momento_antes_do_edital_previsto_e_o_do_calendario(calendario):
    m = atos.momento(atos.Atos("preparacao"), calendario, date(2026, 12, 3))
    assert m == cal.momento(calendario, date(2026, 12, 3))


def test_momento_com_o_edital_atrasado_nao_diz_inscricoes_abertas(calendario):
    m = atos.momento(atos.Atos("preparacao"), calendario, date(2027, 4, 20))
    assert str(m) == ("Edital previsto para 03/04/2027 ainda não publicado: as inscrições só abrem com ele "
                      "— Lei 320/2023, art. 7º")


def test_momento_sem_lista_de_inscritos_nao_diz_prazo_de_impugnacao(calendario):
    publicado = atos.Atos("inscricoes", date(2027, 4, 3))
    assert atos.momento(publicado, calendario, date(2027, 4, 20)).texto == "Inscrições abertas até 13/05/2027"
    m = atos.momento(publicado, calendario, date(2027, 5, 20))
    assert m.fundamento == "Lei 320/2023, art. 11 §2º" and "ainda não publicada" in m.texto
    lista = atos.Atos("analise", date(2027, 4, 3), date(2027, 5, 18))
    assert atos.momento(lista, calendario, date(2027, 5, 20)).texto == "Prazo de impugnação até 23/05/2027"


def test_com_o_edital_publicado_as_inscricoes_so_abrem_no_inicio_do_prazo(calendario):
    publicado = atos.Atos("inscricoes", date(2027, 4, 3))
    motivo = atos.inscricoes_fechadas(publicado, calendario, date(2027, 4, 12))
    assert motivo == ("O edital foi publicado em 03/04/2027; as inscrições começam em 13/04/2027, no prazo do edital "
                      "(Lei 320/2023, art. 7º §1º a).")
    assert atos.inscricoes_fechadas(publicado, calendario, date(2027, 4, 13)) is None
    assert atos.inscricoes_fechadas(publicado, calendario, date(2027, 6, 1)) is None  # pedidos do prazo, registrados depois


@pytest.mark.parametrize("caso", casos("eleicao/apuracao_fase"))
def test_escrita_da_apuracao_pela_fase(caso):
    feitos = atos.Atos(caso["fase"], resultado_publicado_em=caso.get("resultado"),
                       posse_dada=caso.get("posse_dada", False), posse=caso.get("posse"))
    motivo = atos.recusa_apuracao(feitos, caso["acao"])
    if not caso["recusa"]:
        assert motivo is None, motivo
    else:
        assert motivo is not None and caso["recusa"] in motivo, motivo
        assert caso["fundamento"] in motivo and "Lei 320/2023" in motivo, motivo


def _confere(motivo, caso) -> None:
    if not caso["recusa"]:
        assert motivo is None, motivo
    else:
        assert motivo is not None and caso["recusa"] in motivo, motivo
        assert caso["fundamento"] in motivo and "Lei 320/2023" in motivo, motivo


@pytest.mark.parametrize("caso", casos("eleicao/candidaturas_fase"))
def test_atos_da_aba_dos_candidatos_pela_fase(calendario, caso):
    feitos = atos.Atos(caso["fase"], caso.get("edital"), caso.get("inscritos"), caso.get("resultado"),
                       caso.get("posse_dada", False))
    motivo = {
        "homologar": lambda: atos.recusa_homologacao(feitos, calendario, caso["hoje"]),
        "reabrir": lambda: atos.recusa_reabertura(feitos, caso["habilitados"], 10),
        "parentesco": lambda: atos.recusa_parentesco(feitos, caso["inscritos_n"]),
    }[caso["acao"]]()
    _confere(motivo, caso)


@pytest.mark.parametrize("caso", casos("eleicao/apuracao_dia"))
def test_travas_de_data_da_apuracao(caso):
    motivo = atos.recusa_apuracao_no_dia(atos.Atos("apuracao"), caso["acao"], date(2027, 10, 3),
                                         caso.get("contestacao_fim"), caso["hoje"])
    _confere(motivo, caso)


@pytest.mark.parametrize("caso", casos("eleicao/retificacao"))
def test_retificar_a_data_de_uma_publicacao(calendario, caso):
    feitos = atos.Atos(caso["fase"], caso.get("edital"), caso.get("inscritos"))
    motivo = atos.recusa_retificar_publicacao(feitos, calendario, caso["qual"], caso["nova"], caso["hoje"],
                                              inscricoes=caso.get("inscricoes", 0),
                                              impugnacoes=caso.get("impugnacoes", 0))
    _confere(motivo, caso)


@pytest.mark.parametrize("caso", casos("eleicao/publicacao_fechada"))
def test_publicacao_que_nenhuma_data_admite_hoje(calendario, caso):
    feitos = atos.Atos(caso["fase"], caso.get("edital"), caso.get("inscritos"))
    _confere(atos.publicacao_fechada(feitos, calendario, caso["qual"], caso["hoje"]), caso)


@pytest.mark.parametrize("caso", casos("eleicao/ordem_dos_motivos"))
def test_ordem_em_que_a_aba_explica_os_atos_recusados(caso):
    ordem = atos.ordem_dos_motivos(atos.Atos(caso["fase"]))
    assert ordem[0] == caso["primeiro"] and list(ordem) == caso["ordem"]
    assert sorted(ordem) == sorted(atos.ATOS_DOS_CANDIDATOS)  # todos os atos da aba, cada um uma vez


@pytest.mark.parametrize("caso", casos("eleicao/registrar_eleitos"))
def test_eleitos_so_depois_do_prazo_de_contestacao(caso):
    motivo = atos.recusa_registrar_eleitos_no_dia(caso["contestacao_fim"], caso["hoje"])
    _confere(motivo, caso)
    if motivo:  # a mensagem é a dela, não a da posse com a ação trocada
        assert "posse" not in motivo, motivo


@pytest.mark.parametrize("caso", casos("eleicao/secao_fase"))
def test_secao_nova_conforme_a_fase(caso):
    _confere(atos.recusa_secao(atos.Atos(caso["fase"])), caso)


@pytest.mark.parametrize("caso", casos("eleicao/analise_fase"))
def test_analise_documental_e_nota_conforme_a_fase(caso):
    _confere(atos.recusa_analise(atos.Atos(caso["fase"]), caso["acao"]), caso)


@pytest.mark.parametrize("caso", casos("eleicao/apresentacao_fase"))
def test_impugnacao_e_denuncia_conforme_a_fase(caso):
    feitos = atos.Atos(caso["fase"], resultado_publicado_em=caso.get("resultado"))
    _confere(atos.recusa_apresentacao(feitos, caso["tipo"]), caso)


def test_nem_impugnacao_nem_denuncia_depois_do_resultado():
    fechada = atos.apresentacao_fechada(atos.Atos("encerrado", resultado_publicado_em=date(2023, 10, 1)))
    assert "publicado em 01/10/2023" in fechada and "art. 14 §1º" in fechada and "art. 11 §§2º e 6º" in fechada
    assert atos.apresentacao_fechada(atos.Atos("homologado")) is None  # a denúncia ainda cabe
