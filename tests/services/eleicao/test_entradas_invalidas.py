"""Entradas ruins (issue 4, "Bad input"): cada uma recusada com mensagem clara que nomeia o artigo, e nada gravado pela metade."""
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao import candidaturas, impugnacoes, processo, votacao
from desktop.services.eleicao.comum import simulando_dia
from desktop.services.sessao import ErroNegocio

from .conftest import DOCS, designar, inscrever_habilitado, publicar_inscritos, sessao_de

VOTOS = {n: 10 for n in range(11, 21)}  # 100 votos nominais


def _linhas(sessao, *tabelas):
    return {t: sessao.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (*tabelas, "diario")}


@pytest.fixture
def secao(sessao_admin, homologado, dia_eleicao):
    proc, cands = homologado
    designar(sessao_admin, proc["id"], sessao_admin, "mesario")
    return votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola A", aptos=300)


@pytest.mark.parametrize("campo, valor, trecho", [
    ("brancos", -1, "não pode ser negativo (-1)"), ("nulos", "-4", "não pode ser negativo (-4)"),
    ("comparecimento", "doze", "informe um número inteiro"), ("comparecimento", "12,5", "informe um número inteiro"),
    ("brancos", "", "veio nada")])
def test_contagem_negativa_ou_nao_numerica(sessao_admin, secao, campo, valor, trecho):
    antes = _linhas(sessao_admin, "eleicao_digitacoes", "eleicao_boletins")
    dados = dict(comparecimento=115, brancos=10, nulos=5, votos=VOTOS)
    with pytest.raises(EntradaInvalida, match=r"art\. 9º") as e:
        votacao.digitar(sessao_admin, secao["id"], **{**dados, campo: valor})
    assert trecho in str(e.value)
    with pytest.raises(EntradaInvalida, match=r"votos do candidato 11 na seção 1.*art\. 9º"):
        votacao.digitar(sessao_admin, secao["id"], **{**dados, "votos": {**VOTOS, 11: "dez"}})
    assert _linhas(sessao_admin, "eleicao_digitacoes", "eleicao_boletins") == antes


def test_aptos_negativos_na_secao(sessao_admin, homologado):
    proc, _ = homologado
    antes = _linhas(sessao_admin, "eleicao_secoes")
    with pytest.raises(EntradaInvalida, match=r"aptos não pode ser negativo.*art\. 9º"):
        votacao.cadastrar_secao(sessao_admin, proc["id"], numero=2, local="Escola B", aptos=-10)
    with pytest.raises(EntradaInvalida, match=r"número inteiro.*art\. 9º"):
        votacao.cadastrar_secao(sessao_admin, proc["id"], numero=2, local="Escola B", aptos="mil")
    assert _linhas(sessao_admin, "eleicao_secoes") == antes


def test_secao_digitada_duas_vezes_pelo_mesmo_usuario(sessao_admin, secao):
    m1 = designar(sessao_admin, secao["processo_id"], sessao_de(sessao_admin, "mesa1"), "mesario")
    dados = dict(comparecimento=115, brancos=10, nulos=5, votos=VOTOS)
    votacao.digitar(m1, secao["id"], **dados)
    antes = _linhas(sessao_admin, "eleicao_digitacoes", "eleicao_boletins")
    with pytest.raises(ErroNegocio, match=r"outro usuário.*arts\. 5º III e 14 §1º"):
        votacao.digitar(m1, secao["id"], **dados)
    assert _linhas(sessao_admin, "eleicao_digitacoes", "eleicao_boletins") == antes == {
        "eleicao_digitacoes": 1, "eleicao_boletins": 0, "diario": antes["diario"]}


def test_totais_que_nao_fecham(sessao_admin, secao):
    antes = _linhas(sessao_admin, "eleicao_digitacoes")
    with pytest.raises(EntradaInvalida) as e:  # 100 + 10 + 5 = 115, não 120
        votacao.digitar(sessao_admin, secao["id"], comparecimento=120, brancos=10, nulos=5, votos=VOTOS)
    assert "= 115, diferente do comparecimento (120)" in str(e.value) and "art" in str(e.value)
    with pytest.raises(EntradaInvalida, match=r"maior que os eleitores aptos \(300\).*art\. 5º I"):
        votacao.digitar(sessao_admin, secao["id"], comparecimento=415, brancos=310, nulos=5, votos=VOTOS)
    assert _linhas(sessao_admin, "eleicao_digitacoes") == antes


def test_votos_para_candidato_indeferido(sessao_admin, proc, dia_eleicao):
    rnd = random.Random(9)
    for n in range(11, 21):
        inscrever_habilitado(sessao_admin, proc, n, rnd)
    ruim = candidaturas.inscrever(
        sessao_admin, proc["id"], nome="Indeferida", cpf="52998224725", nascimento=date(1980, 1, 1),
        residencia_desde=date(2010, 1, 1), experiencia_meses=36, numero=21,
        inscrito_em=date.fromisoformat(proc["inscricao_inicio"]), documentos=DOCS)
    for req in DOCS:
        candidaturas.analisar_requisito(sessao_admin, ruim["id"], req, deferido=req != "informatica",
                                        motivo="Certificado sem carga horária")
    publicar_inscritos(sessao_admin, proc)
    candidaturas.homologar(sessao_admin, proc["id"])
    designar(sessao_admin, proc["id"], sessao_admin, "mesario")
    s = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola A", aptos=300)
    antes = _linhas(sessao_admin, "eleicao_digitacoes")
    with pytest.raises(EntradaInvalida, match=r"número\(s\) 21, que não são de candidatos habilitados.*art\. 11 §6º"):
        votacao.digitar(sessao_admin, s["id"], comparecimento=120, brancos=10, nulos=5, votos={**VOTOS, 21: 5})
    assert _linhas(sessao_admin, "eleicao_digitacoes") == antes


def test_datas_fora_do_calendario(sessao_admin, proc):
    with simulando_dia(date(2027, 5, 23)):  # a comissão registra no fim do prazo de impugnação
        cal = processo.calendario_sugerido(sessao_admin, 2031)
        with pytest.raises(EntradaInvalida, match=r"primeiro domingo de outubro.*art\. 5º I"):
            processo.abrir_processo(sessao_admin, replace(cal, eleicao=date(2031, 10, 12)), nota_corte="60")
        inicio, fim = date.fromisoformat(proc["inscricao_inicio"]), date.fromisoformat(proc["inscricao_fim"])
        antes = _linhas(sessao_admin, "eleicao_processos", "eleicao_candidaturas", "pessoas")
        with pytest.raises(EntradaInvalida, match=r"fora do prazo do edital.*art\. 7º §1º a"):
            candidaturas.inscrever(sessao_admin, proc["id"], nome="Tardia", cpf="11144477735", nascimento=date(1980, 1, 1),
                                   residencia_desde=date(2010, 1, 1), experiencia_meses=36, numero=60,
                                   inscrito_em=fim + timedelta(days=1), documentos=DOCS)
        assert _linhas(sessao_admin, "eleicao_processos", "eleicao_candidaturas", "pessoas") == antes
        c = inscrever_habilitado(sessao_admin, proc, 40, random.Random(4))
        publicar_inscritos(sessao_admin, proc)  # abre a impugnação (art. 11 §2º)
        pub = date.fromisoformat(proc["publicacao_inscritos"])
        with pytest.raises(EntradaInvalida, match=r"art\. 11 §2º"):
            impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Prova",
                                   apresentada_em=pub - timedelta(days=1), prazo_defesa=pub + timedelta(days=5))
        i = impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Prova",
                                   apresentada_em=pub + timedelta(days=1), prazo_defesa=pub + timedelta(days=8))
        with simulando_dia(pub + timedelta(days=9)), pytest.raises(EntradaInvalida, match=r"fora do prazo.*art\. 11 §3º I"):
            impugnacoes.defender(sessao_admin, i["id"], defesa="Defesa", em=pub + timedelta(days=9))
        impugnacoes.defender(sessao_admin, i["id"], defesa="Defesa", em=pub + timedelta(days=4))
        with pytest.raises(EntradaInvalida, match=r"anterior à defesa.*art\. 11 §3º"):
            impugnacoes.decidir(sessao_admin, i["id"], procedente=False, motivo="Sem prova", em=pub + timedelta(days=3))
        assert impugnacoes.listar(sessao_admin, proc["id"])[0]["decisao"] is None
        with simulando_dia(pub + timedelta(days=6)):  # cada ato registrado no seu dia
            impugnacoes.decidir(sessao_admin, i["id"], procedente=False, motivo="Sem prova", em=pub + timedelta(days=6))
        with pytest.raises(EntradaInvalida, match=r"anterior à decisão.*art\. 11 §5º"):
            impugnacoes.recorrer(sessao_admin, i["id"], razoes="Razões", em=pub + timedelta(days=5))


def test_candidato_com_menos_de_21_anos_na_data_da_inscricao(sessao_admin, proc):
    """A lei (art. 12 §2º II) pede idade superior a 21; a data é a do pedido (docs/interpretacoes.md).
    O pedido fica registrado, como manda a publicidade do art. 11 §2º, já indeferido com o artigo."""
    with simulando_dia(date(2027, 4, 13)):  # registrado no dia do pedido
        inicio = date.fromisoformat(proc["inscricao_inicio"])
        vespera = inicio.replace(year=inicio.year - 21) + timedelta(days=1)  # faz 21 no dia seguinte
        c = candidaturas.inscrever(sessao_admin, proc["id"], nome="Quase Vinte e Um", cpf="52998224725",
                                   nascimento=vespera, residencia_desde=date(2010, 1, 1), experiencia_meses=36,
                                   numero=70, inscrito_em=inicio, documentos=DOCS)
        assert c["situacao"] == "indeferido" and "20 anos" in c["motivo"] and "art. 12 §2º II" in c["motivo"]
        for req in DOCS:
            if req != "idade":
                c = candidaturas.analisar_requisito(sessao_admin, c["id"], req, deferido=True)
        c = candidaturas.lancar_nota(sessao_admin, c["id"], "95")
        assert c["situacao"] == "indeferido"  # nem nota alta salva o requisito legal
        with pytest.raises(EntradaInvalida, match=r"anteriores à data da inscrição.*art\. 12 §2º II"):
            candidaturas.inscrever(sessao_admin, proc["id"], nome="Futuro", cpf="11144477735",
                                   nascimento=inicio + timedelta(days=3), residencia_desde=date(2010, 1, 1),
                                   experiencia_meses=36, numero=71, inscrito_em=inicio)
        assert sessao_admin.db.execute("SELECT count(*) FROM pessoas").fetchone()[0] == 1


def test_rito_da_impugnacao_com_data_futura_e_recusado(sessao_admin, proc):
    """Defesa, decisão, recurso e julgamento registram-se no dia ou depois, com a data deles — como a inscrição, a
    impugnação e a denúncia (Lei 320/2023, art. 11 §§3º I e II e 5º; art. 8º §13). Antes, a defesa de amanhã era
    aceita se estivesse no prazo."""
    with simulando_dia(date(2027, 5, 23)):
        c = inscrever_habilitado(sessao_admin, proc, 40, random.Random(4))
        publicar_inscritos(sessao_admin, proc)
        pub = date.fromisoformat(proc["publicacao_inscritos"])
        i = impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Prova",
                                   apresentada_em=pub + timedelta(days=1), prazo_defesa=pub + timedelta(days=8))
    passos = [("defesa", r"Defesa em 25/05/2027 posterior a hoje \(24/05/2027\).*art\. 11 §3º I",
               lambda em: impugnacoes.defender(sessao_admin, i["id"], defesa="Defesa", em=em)),
              ("decisao", r"Decisão da comissão especial em 27/05/2027 posterior a hoje.*art\. 11 §3º II",
               lambda em: impugnacoes.decidir(sessao_admin, i["id"], procedente=False, motivo="Sem prova", em=em)),
              ("recurso", r"Recurso ao CMDCA em 29/05/2027 posterior a hoje.*arts\. 8º §13 e 11 §5º",
               lambda em: impugnacoes.recorrer(sessao_admin, i["id"], razoes="Razões", em=em)),
              ("julgamento", r"Julgamento do recurso pelo CMDCA em 31/05/2027 posterior a hoje.*art\. 11 §5º",
               lambda em: impugnacoes.julgar_recurso(sessao_admin, i["id"], provido=False, motivo="Mantida", em=em))]
    for k, (etapa, mensagem, passo) in enumerate(passos):
        em = date(2027, 5, 25 + 2 * k)
        antes = impugnacoes.listar(sessao_admin, proc["id"])[0]
        with simulando_dia(em - timedelta(days=1)), pytest.raises(EntradaInvalida, match=mensagem):
            passo(em)  # amanhã: recusado, nada gravado
        assert impugnacoes.listar(sessao_admin, proc["id"])[0] == antes, etapa
        with simulando_dia(em):
            passo(em)  # no dia: aceito
    assert impugnacoes.listar(sessao_admin, proc["id"])[0]["recurso_decisao"] == "desprovido"
