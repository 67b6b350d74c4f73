"""Nada antes do ato que o abre, com a base real: sem edital publicado não há inscrição, seção nem designação
(Lei 320/2023, art. 7º); sem a lista de inscritos publicada não há impugnação nem homologação (art. 11 §§2º e 6º);
publicada a lista, as inscrições fecham (só a reabertura do art. 13 §1º as abre de novo). A fase gravada segue os
atos: "preparacao" → "inscricoes" → "analise" → "homologado"."""
import random
from datetime import date, timedelta

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao import candidaturas, designacoes, impugnacoes, processo, votacao
from desktop.services.eleicao.comum import simulando_dia
from desktop.services.sessao import ErroNegocio

from .conftest import DOCS, inscrever_habilitado, publicar_edital, publicar_inscritos


def _conta(sessao, tabela: str) -> int:
    return sessao.db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]  # noqa: S608 — nomes fixos, do teste


def _inscrever(sessao, proc, numero: int, inscrito_em: date, cpf: str = "52998224725"):
    return candidaturas.inscrever(sessao, proc["id"], nome=f"Candidata {numero}", cpf=cpf,
                                  nascimento=date(1980, 1, 1), residencia_desde=date(2010, 1, 1),
                                  experiencia_meses=36, numero=numero, inscrito_em=inscrito_em, documentos=DOCS)


def test_sem_edital_publicado_nada_de_inscricao_secao_ou_designacao(sessao_admin, proc_aberto):
    proc = proc_aberto
    inicio = date.fromisoformat(proc["inscricao_inicio"])
    antes = {t: _conta(sessao_admin, t) for t in ("eleicao_candidaturas", "pessoas", "diario")}
    with simulando_dia(inicio):  # o dia das inscrições chegou, mas o edital não foi registrado como publicado
        with pytest.raises(ErroNegocio, match=r"edital do processo de escolha não foi publicado.*art\. 7º e §1º I"):
            _inscrever(sessao_admin, proc, 101, inicio)
        with pytest.raises(ErroNegocio, match=r"edital ainda não foi publicado \(Lei 320/2023, art\. 7º\)"):
            votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola A", aptos=300)
        with pytest.raises(ErroNegocio, match=r"edital ainda não foi publicado"):
            designacoes.designar(sessao_admin, proc["id"], login="admin", funcao="supervisor", ato="Resolução 1/2027")
        with pytest.raises(ErroNegocio, match=r"Não há lista de inscritos antes do edital.*art\. 7º"):
            processo.publicar_inscritos(sessao_admin, proc["id"], em=inicio)
    assert {t: _conta(sessao_admin, t) for t in antes} == antes  # nada gravado, nem a pessoa
    assert processo.por_que_sem_inscricao(sessao_admin, proc["id"]).startswith("As inscrições ainda não abriram")
    with simulando_dia(inicio):  # antes do edital, o motivo que a aba mostra primeiro é o da inscrição (art. 7º)
        recusas = candidaturas.recusas(sessao_admin, proc["id"])
        assert list(recusas) == ["inscrever", "homologar", "reabrir", "parentesco", "analisar", "nota"]
        assert recusas["inscrever"] == processo.por_que_sem_inscricao(sessao_admin, proc["id"])
    assert processo.obter_processo(sessao_admin, proc["id"])["fase"] == "preparacao"


def test_publicar_o_edital_so_com_data_que_ja_chegou_e_dentro_da_lei(sessao_admin, proc_aberto):
    proc = proc_aberto
    with simulando_dia(date(2027, 3, 1)):
        with pytest.raises(ErroNegocio, match=r"posterior a hoje \(01/03/2027\).*arts\. 7º e 10 I"):
            processo.publicar_edital(sessao_admin, proc["id"], em=date(2027, 3, 2))
    with simulando_dia(date(2027, 4, 20)):
        # seis meses antes de 03/10/2027 é até 03/04/2027 (art. 7º)
        with pytest.raises(EntradaInvalida, match=r"até 03/04/2027 \(Lei 320/2023, art\. 7º\)"):
            processo.publicar_edital(sessao_admin, proc["id"], em=date(2027, 4, 4))
        with pytest.raises(ErroNegocio, match=r"depois do início das inscrições \(13/04/2027\).*art\. 7º §1º I e a"):
            processo.publicar_edital(sessao_admin, proc["id"], em=date(2027, 4, 14))
    assert processo.obter_processo(sessao_admin, proc["id"])["fase"] == "preparacao"
    with simulando_dia(date(2027, 3, 10)):  # publicado antes do previsto: a data real entra no calendário
        p = processo.publicar_edital(sessao_admin, proc["id"], em=date(2027, 3, 10))
        assert (p["fase"], p["edital_publicado_em"], p["data_edital"]) == ("inscricoes", "2027-03-10", "2027-03-10")
        with pytest.raises(ErroNegocio, match=r"já foi publicado em 10/03/2027"):
            processo.publicar_edital(sessao_admin, proc["id"], em=date(2027, 3, 10))
    with simulando_dia(date(2027, 4, 13)):  # as inscrições abrem no início do prazo do edital (art. 7º §1º a)
        assert processo.por_que_sem_inscricao(sessao_admin, proc["id"]) is None
        # no prazo, mas com data futura: o pedido se registra no dia em que é feito, ou depois
        with pytest.raises(EntradaInvalida, match=r"posterior a hoje \(13/04/2027\).*art\. 7º §1º a"):
            _inscrever(sessao_admin, proc, 101, date(2027, 4, 14))
        assert _inscrever(sessao_admin, proc, 101, date(2027, 4, 13))["situacao"] == "inscrito"
    with simulando_dia(date(2027, 4, 12)):
        assert "as inscrições começam em 13/04/2027" in processo.por_que_sem_inscricao(sessao_admin, proc["id"])


def test_lista_de_inscritos_abre_a_impugnacao_e_fecha_as_inscricoes(sessao_admin, proc):
    rnd = random.Random(11)
    c = inscrever_habilitado(sessao_admin, proc, 30, rnd)
    pub, fim = date.fromisoformat(proc["publicacao_inscritos"]), date.fromisoformat(proc["inscricao_fim"])
    with simulando_dia(pub + timedelta(days=1)), \
            pytest.raises(ErroNegocio, match=r"lista de inscritos ainda não foi publicada.*art\. 11 §2º"):
        impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Sem prova",
                               apresentada_em=pub + timedelta(days=1), prazo_defesa=pub + timedelta(days=8))
    with pytest.raises(ErroNegocio, match=r"lista de inscritos ainda não foi publicada.*art\. 11 §2º.*art\. 11 §6º"):
        candidaturas.homologar(sessao_admin, proc["id"], justificativa_minimo="Decisão do CMDCA de prosseguir")
    with simulando_dia(fim - timedelta(days=1)):  # antes do fim do prazo do edital: a lista não sai
        with pytest.raises(ErroNegocio, match=r"antes do fim das inscrições \(13/05/2027\).*art\. 7º §1º a"):
            processo.publicar_inscritos(sessao_admin, proc["id"], em=fim - timedelta(days=1))
    assert _conta(sessao_admin, "eleicao_impugnacoes") == 0
    p = publicar_inscritos(sessao_admin, proc)
    assert (p["fase"], p["inscritos_publicados_em"], p["impugnacao_fim"]) == ("analise", "2027-05-18", "2027-05-23")
    assert processo.por_que_sem_impugnacao(sessao_admin, proc["id"]) is None
    # publicada a lista, uma inscrição com data ainda no prazo do edital não entra mais (art. 11 §2º; art. 13 §1º)
    with simulando_dia(pub + timedelta(days=1)):
        with pytest.raises(ErroNegocio, match=r"antes do fim do prazo de impugnação \(23/05/2027\).*art\. 11 §6º"):
            candidaturas.homologar(sessao_admin, proc["id"], justificativa_minimo="Decisão do CMDCA de prosseguir")
        with pytest.raises(ErroNegocio, match=r"inscrições estão encerradas.*publicada em 18/05/2027.*art\. 13 §1º"):
            _inscrever(sessao_admin, proc, 31, fim, cpf="11144477735")
        assert "art. 13 §1º" in processo.por_que_sem_inscricao(sessao_admin, proc["id"])
        # a aba dos candidatos recebe os atos recusados com o motivo de cada um, o do próximo passo primeiro: publicada
        # a lista, a homologação (que espera o prazo de impugnação) vem antes da inscrição fechada
        recusas = candidaturas.recusas(sessao_admin, proc["id"])
        assert list(recusas)[:1] == ["homologar"] and "antes do fim do prazo de impugnação" in recusas["homologar"]
        assert recusas["inscrever"] == processo.por_que_sem_inscricao(sessao_admin, proc["id"])
        with pytest.raises(EntradaInvalida, match=r"posterior a hoje \(19/05/2027\).*art\. 11 §2º"):
            impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Sem prova",
                                   apresentada_em=pub + timedelta(days=2), prazo_defesa=pub + timedelta(days=8))
        i = impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Sem prova",
                                   apresentada_em=pub + timedelta(days=1), prazo_defesa=pub + timedelta(days=8))
    assert i["tipo"] == "impugnacao"


def test_denuncia_antes_da_inscricao_do_candidato(sessao_admin, proc):
    c = inscrever_habilitado(sessao_admin, proc, 40, random.Random(12))
    inscrito = date.fromisoformat(c["inscrito_em"])
    with pytest.raises(EntradaInvalida, match=r"posterior a hoje \(03/12/2026\).*art\. 8º §12"):
        with simulando_dia(date(2026, 12, 3)):
            impugnacoes.apresentar(sessao_admin, c["id"], tipo="denuncia", autor="Cidadão", fundamento="Santinhos",
                                   apresentada_em=inscrito, prazo_defesa=inscrito + timedelta(days=5))
    with simulando_dia(inscrito), pytest.raises(
            EntradaInvalida, match=r"anterior à inscrição do candidato.*arts\. 7º §1º I e 8º §12"):
        impugnacoes.apresentar(sessao_admin, c["id"], tipo="denuncia", autor="Cidadão", fundamento="Santinhos",
                               apresentada_em=inscrito - timedelta(days=1), prazo_defesa=inscrito + timedelta(days=5))
    with simulando_dia(inscrito):
        assert impugnacoes.apresentar(sessao_admin, c["id"], tipo="denuncia", autor="Cidadão", fundamento="Santinhos",
                                      apresentada_em=inscrito, prazo_defesa=inscrito + timedelta(days=5))["id"]


def test_o_momento_nao_confunde_previsto_com_publicado(sessao_admin, proc_aberto):
    """Passada a data prevista do edital sem o registro da publicação, o cabeçalho não diz "inscrições abertas"."""
    pid = proc_aberto["id"]
    assert str(processo.momento(sessao_admin, pid, date(2027, 4, 20))) == (
        "Edital previsto para 03/04/2027 ainda não publicado: as inscrições só abrem com ele — Lei 320/2023, art. 7º")
    p = publicar_edital(sessao_admin, proc_aberto)
    assert str(processo.momento(sessao_admin, pid, date(2027, 4, 20))).startswith("Inscrições abertas até 13/05/2027")
    assert str(processo.momento(sessao_admin, pid, date(2027, 5, 20))) == (
        "Inscrições encerradas em 13/05/2027; lista de inscritos prevista para 18/05/2027 ainda não publicada: o prazo "
        "de impugnação corre da publicação — Lei 320/2023, art. 11 §2º")
    publicar_inscritos(sessao_admin, p)
    assert str(processo.momento(sessao_admin, pid, date(2027, 5, 20))).startswith("Prazo de impugnação até 23/05/2027")


def test_antes_do_ato_e_o_comeco_comum_das_publicacoes(sessao_admin, proc_aberto):
    """``_antes_do_ato``, o começo que ``publicar_edital`` e ``publicar_inscritos`` repetiam: a permissão de editar o
    processo, o processo, o calendário e a recusa da regra (com o artigo); devolve o calendário e as regras vigentes
    na data da eleição."""
    from desktop.rules.papeis import Papel
    from desktop.services import parametros
    from desktop.services.sessao import SemPermissao

    from .conftest import sessao_de

    pid, dia = proc_aberto["id"], date.fromisoformat(proc_aberto["data_edital"])
    vistos = []

    def aceita(atos, cal, em, hoje):
        vistos.append((atos.fase, cal, em, hoje))
        return None

    with simulando_dia(dia):
        cal, regras = processo._antes_do_ato(sessao_admin, pid, aceita, dia)
        assert vistos == [("preparacao", processo.calendario(sessao_admin, pid), dia, dia)]
        assert cal == processo.calendario(sessao_admin, pid)
        assert regras == parametros.vigente(sessao_admin, "eleicao_regras", cal.eleicao)
        with pytest.raises(ErroNegocio, match=r"^Recusado \(Lei 320/2023, art\. 7º\)\.$"):
            processo._antes_do_ato(sessao_admin, pid, lambda *_: "Recusado (Lei 320/2023, art. 7º).", dia)
        consulta = sessao_de(sessao_admin, "mp", Papel.CONSULTA)
        with pytest.raises(SemPermissao):
            processo._antes_do_ato(consulta, pid, aceita, dia)
    assert len(vistos) == 1  # sem permissão, a regra nem é consultada
