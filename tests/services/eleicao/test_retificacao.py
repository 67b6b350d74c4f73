"""Retificar a data registrada de uma publicação (edital, lista de inscritos) com a base real: só enquanto nenhum ato
posterior depende dela (Lei 320/2023, arts. 7º §1º a e 11 §§2º e 6º), com o motivo obrigatório e o diário dizendo
quem, quando, a data antiga e a nova."""
import json
import random
from datetime import date

import pytest

from desktop.rules.papeis import Papel
from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao import impugnacoes, processo
from desktop.services.eleicao.comum import simulando_dia
from desktop.services.sessao import ErroNegocio, SemPermissao

from .conftest import inscrever_habilitado, publicar_edital, publicar_inscritos, sessao_de


def _ultima_no_diario(sessao, pid: str) -> tuple:
    return sessao.db.execute("SELECT usuario, momento, antes, depois FROM diario WHERE tabela = 'eleicao_processos' "
                             "AND registro_id = ? AND acao = 'alterar' ORDER BY seq DESC LIMIT 1", [pid]).fetchone()


def test_edital_registrado_com_a_data_errada_retifica_se_antes_da_primeira_inscricao(sessao_admin, proc_aberto):
    p = publicar_edital(sessao_admin, proc_aberto)  # registrado em 03/04/2027; saiu de fato em 01/04
    pid = p["id"]
    with simulando_dia(date(2027, 4, 8)):
        assert processo.por_que_sem_retificacao(sessao_admin, pid)["edital"] is None
        with pytest.raises(EntradaInvalida, match="motivo"):
            processo.retificar_publicacao(sessao_admin, pid, "edital", em=date(2027, 4, 1), motivo="  ")
        with pytest.raises(SemPermissao):
            processo.retificar_publicacao(sessao_de(sessao_admin, "mp", Papel.CONSULTA), pid, "edital",
                                          em=date(2027, 4, 1), motivo="Diário Oficial de 01/04/2027")
        novo = processo.retificar_publicacao(sessao_admin, pid, "edital", em=date(2027, 4, 1),
                                             motivo="O Diário Oficial saiu em 01/04/2027, não em 03/04")
    assert (novo["edital_publicado_em"], novo["data_edital"], novo["fase"]) == ("2027-04-01", "2027-04-01", "inscricoes")
    usuario, momento, antes, depois = _ultima_no_diario(sessao_admin, pid)
    assert usuario == sessao_admin.usuario.login and momento  # quem e quando
    assert json.loads(antes) == {"edital_publicado_em": "2027-04-03", "data_edital": "2027-04-03",
                                 "atualizado_em": p["atualizado_em"]}
    depois = json.loads(depois)
    assert (depois["edital_publicado_em"], depois["retificacao"]) == ("2027-04-01", "edital")
    assert depois["motivo"] == "O Diário Oficial saiu em 01/04/2027, não em 03/04"
    # a primeira inscrição depende do edital: a data não se retifica mais
    inscrever_habilitado(sessao_admin, novo, 11, random.Random(1))
    with simulando_dia(date(2027, 4, 20)):
        motivo = processo.por_que_sem_retificacao(sessao_admin, pid)["edital"]
        assert "já há 1 inscrição(ões)" in motivo and "art. 7º e §1º a" in motivo
        with pytest.raises(ErroNegocio, match="já há 1 inscrição"):
            processo.retificar_publicacao(sessao_admin, pid, "edital", em=date(2027, 4, 4), motivo="Outra data qualquer")
    assert processo.obter_processo(sessao_admin, pid)["edital_publicado_em"] == "2027-04-01"


def test_lista_retificada_recalcula_a_impugnacao_e_fecha_com_a_primeira_impugnacao(sessao_admin, proc):
    rnd = random.Random(2)
    c = inscrever_habilitado(sessao_admin, proc, 11, rnd)
    inscrever_habilitado(sessao_admin, proc, 12, rnd)
    p = publicar_inscritos(sessao_admin, proc)  # 18/05/2027; impugnação até 23/05
    with simulando_dia(date(2027, 5, 20)):
        novo = processo.retificar_publicacao(sessao_admin, p["id"], "inscritos", em=date(2027, 5, 19),
                                             motivo="A relação foi afixada no mural só em 19/05/2027")
        # o prazo de cinco dias conta da publicação retificada: 19/05 + 5 = 24/05 (art. 11 §2º)
        assert (novo["inscritos_publicados_em"], novo["impugnacao_fim"]) == ("2027-05-19", "2027-05-24")
        impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Não reside no "
                               "município", apresentada_em=date(2027, 5, 20), prazo_defesa=date(2027, 5, 27))
        motivo = processo.por_que_sem_retificacao(sessao_admin, p["id"])["inscritos"]
        assert "já há 1 impugnação(ões)" in motivo and "art. 11 §2º" in motivo
        with pytest.raises(ErroNegocio, match="impugnação"):
            processo.retificar_publicacao(sessao_admin, p["id"], "inscritos", em=date(2027, 5, 18),
                                          motivo="Voltar à data antiga")


def _texto(pdf: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages)


def test_lista_retificada_substitui_o_edital_dos_inscritos_ja_emitido(sessao_admin, proc):
    """O edital da relação dos inscritos já emitido cita a data antiga (a publicação e o prazo de impugnação): a
    retificação o marca substituído, com a data antiga, a nova e o motivo; a nova emissão sai com a data nova, cita o
    que substitui e fica ligada a ele — o verificador do antigo aponta o novo."""
    from desktop.services import documentos
    from desktop.services.eleicao import relatorios
    from desktop.store import documentos as registro

    rnd = random.Random(3)
    inscrever_habilitado(sessao_admin, proc, 11, rnd)
    inscrever_habilitado(sessao_admin, proc, 12, rnd)
    p = publicar_inscritos(sessao_admin, proc)  # 18/05/2027; impugnação até 23/05
    antigo = relatorios.emitir_lista(sessao_admin, p["id"], habilitados=False)
    assert "de 18/05/2027 a 23/05/2027" in _texto(antigo.pdf)
    with simulando_dia(date(2027, 5, 20)):
        retificado = processo.retificar_publicacao(sessao_admin, p["id"], "inscritos", em=date(2027, 5, 19),
                                                   motivo="A relação foi afixada no mural só em 19/05/2027")
    assert retificado["substituidos"] == [f"Edital — lista de inscritos nº {antigo.numero}/{antigo.ano} (código "
                                          f"{antigo.codigo})"]  # a tela pede a nova emissão
    [r] = processo.retificacoes(sessao_admin, p["id"])  # a trilha que a aba Calendário mostra
    assert {k: r[k] for k in ("publicacao", "rotulo", "por", "login", "antes", "depois", "motivo")} == {
        "publicacao": "inscritos", "rotulo": "da lista de inscritos", "por": sessao_admin.usuario.nome,
        "login": sessao_admin.usuario.login, "antes": "2027-05-18", "depois": "2027-05-19",
        "motivo": "A relação foi afixada no mural só em 19/05/2027"}
    assert r["momento"] == sessao_admin.db.execute("SELECT max(momento) FROM diario WHERE tabela = "
                                                   "'eleicao_processos'").fetchone()[0]
    linha = registro.por_id(sessao_admin.db, antigo.id)
    assert linha["substituido_em"] and linha["substituido_por"] == sessao_admin.usuario.login
    assert linha["substituto_id"] is None and linha["cancelado_em"] is None
    assert linha["motivo_substituicao"] == ("data da publicação da lista de inscritos retificada de 18/05/2027 para "
                                            "19/05/2027: A relação foi afixada no mural só em 19/05/2027")
    v = documentos.verificar_pdf(sessao_admin, antigo.pdf)
    assert v.situacao == documentos.SUBSTITUIDO and "ainda não foi emitido" in v.mensagem()
    assert "retificada de 18/05/2027 para 19/05/2027" in v.mensagem()

    novo = relatorios.emitir_lista(sessao_admin, p["id"], habilitados=False)
    texto = _texto(novo.pdf)
    assert "de 19/05/2027 a 24/05/2027" in texto
    assert texto.count("18/05/2027") == 1 and "retificada de 18/05/2027 para 19/05/2027" in texto  # só na nota
    assert "Publicação da lista de inscritos 19/05/2027" in texto
    assert (f"Este documento substitui o Edital — lista de inscritos nº {antigo.numero}/{antigo.ano} (código "
            f"{antigo.codigo})") in texto and "que deixou de valer em" in texto
    assert registro.por_id(sessao_admin.db, antigo.id)["substituto_id"] == novo.id
    v = documentos.verificar_codigo(sessao_admin, antigo.codigo)
    assert v.situacao == documentos.SUBSTITUIDO and f"código {novo.codigo}" in v.mensagem()
    assert documentos.verificar_pdf(sessao_admin, novo.pdf).situacao == documentos.AUTENTICO


def test_edital_dos_inscritos_emitido_antes_do_assunto_tambem_fica_substituido(sessao_admin, proc):
    """Um edital dos inscritos emitido antes de os documentos da eleição terem assunto (referência "Processo de escolha
    2027", sem assunto — como o código anterior os registrava) também deixa de valer com a retificação; a nova emissão
    o cita e fica ligada a ele. O de outro processo (outra referência) não é tocado."""
    from desktop.reports.eleicao import documentos as pdf
    from desktop.services import documentos
    from desktop.services.eleicao import relatorios
    from desktop.store import documentos as registro

    rnd = random.Random(4)
    inscrever_habilitado(sessao_admin, proc, 11, rnd)
    p = publicar_inscritos(sessao_admin, proc)

    def _sem_assunto(referencia: str):
        return documentos.emitir(sessao_admin, tipo="eleicao_inscritos", titulo="Edital — lista de inscritos",
                                 referencia=referencia, montar=lambda cab, rod: pdf.lista_candidatos(
                                     cab, rod, relatorios._processo(p), [], habilitados=False))

    antigo, outro = _sem_assunto("Processo de escolha 2027"), _sem_assunto("Processo de escolha 2031")
    with simulando_dia(date(2027, 5, 20)):
        processo.retificar_publicacao(sessao_admin, p["id"], "inscritos", em=date(2027, 5, 19),
                                      motivo="A relação foi afixada no mural só em 19/05/2027")
    assert documentos.verificar_codigo(sessao_admin, antigo.codigo).situacao == documentos.SUBSTITUIDO
    assert documentos.verificar_codigo(sessao_admin, outro.codigo).situacao == documentos.AUTENTICO
    novo = relatorios.emitir_lista(sessao_admin, p["id"], habilitados=False)
    assert f"(código {antigo.codigo})" in _texto(novo.pdf) and outro.codigo not in _texto(novo.pdf)
    assert registro.por_id(sessao_admin.db, antigo.id)["substituto_id"] == novo.id
    assert f"código {novo.codigo}" in documentos.verificar_codigo(sessao_admin, antigo.codigo).mensagem()


def test_nova_emissao_e_a_ligacao_ao_edital_sem_assunto_vao_juntas(sessao_admin, proc, monkeypatch):
    """A nova emissão do edital dos inscritos e a ligação ao antigo sem assunto (que ela cita) são uma transação só:
    se a ligação falha (queda de energia, disco cheio), nenhum documento novo fica registrado citando um antigo que
    continua sem substituto — antes a emissão era confirmada e a ligação ia numa segunda transação."""
    from desktop.reports.eleicao import documentos as pdf
    from desktop.services import documentos
    from desktop.services.eleicao import relatorios
    from desktop.store import documentos as registro

    rnd = random.Random(5)
    inscrever_habilitado(sessao_admin, proc, 11, rnd)
    p = publicar_inscritos(sessao_admin, proc)
    antigo = documentos.emitir(sessao_admin, tipo="eleicao_inscritos", titulo="Edital — lista de inscritos",
                               referencia="Processo de escolha 2027", montar=lambda cab, rod: pdf.lista_candidatos(
                                   cab, rod, relatorios._processo(p), [], habilitados=False))
    with simulando_dia(date(2027, 5, 20)):
        processo.retificar_publicacao(sessao_admin, p["id"], "inscritos", em=date(2027, 5, 19),
                                      motivo="A relação foi afixada no mural só em 19/05/2027")
    emitidos = len(registro.listar(sessao_admin.db, tipo="eleicao_inscritos"))
    ligar = registro.ligar_substituto

    def _falha_ao_ligar(db, id_, substituto_id):
        if id_ == antigo.id:
            raise OSError("disco cheio")
        return ligar(db, id_, substituto_id)

    monkeypatch.setattr(registro, "ligar_substituto", _falha_ao_ligar)
    with pytest.raises(OSError):
        relatorios.emitir_lista(sessao_admin, p["id"], habilitados=False)
    assert len(registro.listar(sessao_admin.db, tipo="eleicao_inscritos")) == emitidos  # nada novo ficou registrado
    assert registro.por_id(sessao_admin.db, antigo.id)["substituto_id"] is None
    monkeypatch.setattr(registro, "ligar_substituto", ligar)
    novo = relatorios.emitir_lista(sessao_admin, p["id"], habilitados=False)
    assert registro.por_id(sessao_admin.db, antigo.id)["substituto_id"] == novo.id
