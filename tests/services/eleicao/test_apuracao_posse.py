"""Issue 14 (eleição): reversão de requisito só por decisão da comissão, travas de data, fila de
auditoria, recontagem, prazo de recurso, publicação com prazo de contestação e posse no Conselho."""
import random
from datetime import date, timedelta

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao import auditoria, candidaturas, impugnacoes, processo, resultado, votacao
from desktop.services.eleicao.comum import simulando_dia
from desktop.services.sessao import ErroNegocio

from .conftest import DOCS, designar, inscrever_habilitado, publicar_inscritos, sessao_de

VOTOS = {11: 50, 12: 40, 13: 30, 14: 20, 15: 10, 16: 9, 17: 8, 18: 7, 19: 6, 20: 5}  # 185 nominais


def _conta(sessao, tabela, onde="1"):
    return sessao.db.execute(f"SELECT count(*) FROM {tabela} WHERE {onde}").fetchone()[0]


# -- requisitos ----------------------------------------------------------------------------------
def test_reprovacao_automatica_so_se_reverte_com_decisao_e_idade_nunca(sessao_admin, proc):
    with simulando_dia(date(2027, 5, 13)):  # registrado no último dia de inscrição (nada com data futura)
        inicio = date.fromisoformat(proc["inscricao_inicio"])
        jovem = candidaturas.inscrever(
            sessao_admin, proc["id"], nome="Jovem de Vinte", cpf="52998224725", nascimento=date(2006, 6, 1),
            residencia_desde=date(2010, 1, 1), experiencia_meses=30, numero=50, inscrito_em=inicio, documentos=DOCS)
        assert jovem["situacao"] == "indeferido"
        for kw in ({}, {"decisao_comissao": "Ata 05/2027 da comissão especial", "fundamento_decisao": "art. 11 §3º II",
                        "documento": "Certidão de nascimento"}):
            with pytest.raises(ErroNegocio, match=r"idade não pode ser deferida.*ECA art\. 133 II|idade"):
                candidaturas.analisar_requisito(sessao_admin, jovem["id"], "idade", deferido=True, **kw)
        assert candidaturas.checklist(sessao_admin, jovem["id"])[1]["situacao"] == "indeferido"

        recente = candidaturas.inscrever(
            sessao_admin, proc["id"], nome="Mudou Faz Pouco", cpf="11144477735", nascimento=date(1980, 1, 1),
            residencia_desde=inicio - timedelta(days=400), experiencia_meses=30, numero=51, inscrito_em=inicio,
            documentos=DOCS)
        req = {r["requisito"]: r for r in candidaturas.checklist(sessao_admin, recente["id"])}
        assert req["residencia"]["situacao"] == "indeferido"
        diario = _conta(sessao_admin, "diario")
        with pytest.raises(ErroNegocio, match=r"Só a comissão especial pode reverter"):
            candidaturas.analisar_requisito(sessao_admin, recente["id"], "residencia", deferido=True)
        with pytest.raises(ErroNegocio, match="documento que prova"):
            candidaturas.analisar_requisito(sessao_admin, recente["id"], "residencia", deferido=True,
                                            decisao_comissao="Ata 06/2027: residência anterior comprovada",
                                            fundamento_decisao="Lei 320/2023, art. 12 §5º")
        assert _conta(sessao_admin, "diario") == diario and _conta(sessao_admin, "eleicao_decisoes_requisito") == 0
        candidaturas.analisar_requisito(sessao_admin, recente["id"], "residencia", deferido=True,
                                        decisao_comissao="Ata 06/2027: residência anterior comprovada",
                                        fundamento_decisao="Lei 320/2023, art. 12 §5º",
                                        documento="Contas de energia de 2019 a 2027 em nome da candidata")
        d, = candidaturas.decisoes_da_comissao(sessao_admin, recente["id"])
        assert d["requisito"] == "residencia" and "art. 12 §2º III" in d["motivo_automatico"]
        assert d["decidido_por"] == sessao_admin.usuario.id and "2019" in d["documento"]


# -- apuração ------------------------------------------------------------------------------------
@pytest.fixture
def apuracao_pronta(sessao_admin, homologado):
    proc, _ = homologado
    m1 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa1"), "mesario")
    m2 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa2"), "mesario")
    sup = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "supervisora"), "supervisor")
    s1 = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola A", aptos=300)
    s2 = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=2, local="Escola B", aptos=210)
    return proc, m1, m2, sup, s1, s2


def _duas(m1, m2, secao, **dados):
    votacao.digitar(m1, secao["id"], **dados)
    return votacao.digitar(m2, secao["id"], **dados)


def test_boletim_antes_do_dia_da_eleicao_e_recusado(sessao_admin, apuracao_pronta):
    proc, m1, m2, sup, s1, s2 = apuracao_pronta
    assert proc["eleicao"] == "2027-10-03"
    with simulando_dia(date(2026, 12, 2)):
        with pytest.raises(ErroNegocio, match=r"02/12/2026.*03/10/2027.*arts\. 5º I e 9º"):
            votacao.digitar(m1, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    with simulando_dia(date(2027, 10, 2)):
        with pytest.raises(ErroNegocio, match="só começa no dia da eleição"):
            votacao.digitar(m1, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    assert _conta(sessao_admin, "eleicao_digitacoes") == 0
    with simulando_dia(date(2027, 10, 3)):
        assert votacao.digitar(m1, s1["id"], comparecimento=200, brancos=10, nulos=5,
                               votos=VOTOS).situacao == votacao.AGUARDANDO


def test_mesario_nao_designado_nao_digita(sessao_admin, apuracao_pronta, dia_eleicao):
    proc, m1, m2, sup, s1, s2 = apuracao_pronta
    estranho = sessao_de(sessao_admin, "estranho")
    with pytest.raises(PermissionError, match=r"designado.*mesário"):
        votacao.digitar(estranho, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    with pytest.raises(PermissionError, match="supervisor"):  # mesário não é supervisor
        votacao.resolver(m1, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS,
                         justificativa="conferido no papel", boletim_papel="boletim impresso")


def test_recusas_dizem_a_funcao_pelo_nome(sessao_admin, apuracao_pronta, dia_eleicao):
    """As recusas dizem a função pelo nome, sem o que ela faz e em minúsculas no meio da frase
    ('mesário', 'supervisor da apuração': rules.papeis.NOMES_FUNCAO)."""
    proc, m1, m2, sup, s1, s2 = apuracao_pronta
    estranho = sessao_de(sessao_admin, "estranho")
    with pytest.raises(PermissionError) as recusa:
        votacao.digitar(estranho, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    assert str(recusa.value) == (
        "Para digitar boletins é preciso ser designado pela comissão especial como mesário deste processo "
        "(Lei 320/2023, arts. 7º §1º d e 9º). Peça a designação na aba Auditoria e posse (Mesários e "
        "supervisores da apuração).")
    with pytest.raises(PermissionError) as recusa:
        votacao.resolver(m1, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS,
                         justificativa="conferido no papel", boletim_papel="boletim impresso")
    assert "como supervisor da apuração deste processo (Lei 320/2023" in str(recusa.value)
    with pytest.raises(ErroNegocio) as recusa:
        designar(sessao_admin, proc["id"], m1, "mesario")
    assert str(recusa.value) == "Mesa1 já é mesário deste processo."
    with pytest.raises(ErroNegocio) as recusa:
        designar(sessao_admin, proc["id"], sup, "supervisor")
    assert str(recusa.value) == "Supervisora já é supervisor da apuração deste processo."


def test_fila_de_auditoria_ida_e_volta(sessao_admin, apuracao_pronta, dia_eleicao):
    proc, m1, m2, sup, s1, s2 = apuracao_pronta
    _duas(m1, m2, s1, comparecimento=200, brancos=10, nulos=5, votos=VOTOS)  # plausível: conta direto
    # seção 2: 205 de 210 aptos (97,6 %) e brancos+nulos 70 de 205 (34 %): dois alertas, não conta
    v2 = {11: 30, 12: 30, 13: 20, 14: 20, 15: 15, 16: 10, 17: 5, 18: 3, 19: 1, 20: 1}  # 135
    r = _duas(m1, m2, s2, comparecimento=205, brancos=40, nulos=30, votos=v2)
    assert r.situacao == votacao.CONFERIDO
    item, = auditoria.fila(sessao_admin, proc["id"], pendentes=True)
    assert {a["codigo"] for a in item["alertas"]} >= {"comparecimento", "brancos_nulos"}
    a = resultado.apurar(sessao_admin, proc["id"])
    assert a.secoes_apuradas == 1 and a.secoes_em_auditoria == 1 and not a.completa
    assert a.totais.votos[16] == 9  # o boletim em auditoria não entra na soma
    with pytest.raises(ErroNegocio, match="fila de auditoria.*art. 14 §1º"):
        resultado.publicar_resultado(sessao_admin, proc["id"])
    with pytest.raises(PermissionError, match="supervisor"):
        auditoria.liberar(m1, item["id"], motivo="conferido com o boletim de papel")
    with pytest.raises(EntradaInvalida, match="Explique"):
        auditoria.liberar(sup, item["id"], motivo="ok")
    auditoria.liberar(sup, item["id"], motivo="Conferido com o boletim de papel e a lista de votação assinada")
    assert auditoria.fila(sessao_admin, proc["id"], pendentes=True) == []
    feito, = auditoria.fila(sessao_admin, proc["id"])
    assert feito["situacao"] == "liberada" and feito["liberada_por"] == sup.usuario.id
    a = resultado.apurar(sessao_admin, proc["id"])
    assert a.completa and a.totais.votos[16] == 19
    with pytest.raises(ErroNegocio, match="já foi liberado"):
        auditoria.liberar(sup, item["id"], motivo="de novo, conferido com o papel")


def test_recontagem_de_boletim_aceito_com_trilha(sessao_admin, apuracao_pronta, dia_eleicao):
    proc, m1, m2, sup, s1, s2 = apuracao_pronta
    _duas(m1, m2, s1, comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    _duas(m1, m2, s2, comparecimento=150, brancos=10, nulos=5, votos={**VOTOS, 11: 0})
    with pytest.raises(ErroNegocio, match="digitou"):  # quem digitou não reconta, mesmo se supervisor
        designar(sessao_admin, proc["id"], m1, "supervisor")
        auditoria.recontar(m1, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS,
                           boletim_papel="cédulas da urna 1", motivo="pedido do fiscal do candidato 12")
    with pytest.raises(EntradaInvalida, match="diferente do comparecimento"):
        auditoria.recontar(sup, s1["id"], comparecimento=200, brancos=10, nulos=5, votos={**VOTOS, 12: 45},
                           boletim_papel="cédulas da urna 1", motivo="pedido do fiscal do candidato 12")
    recontado = {**VOTOS, 11: 45, 12: 45}
    auditoria.recontar(sup, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=recontado,
                       boletim_papel="Cédulas da urna de lona da seção 1", motivo="Pedido do fiscal do candidato 12")
    a = resultado.apurar(sessao_admin, proc["id"])
    assert a.totais.votos[11] == 45 and a.totais.votos[12] == 85
    r, = [x for x in sessao_admin.db.query("SELECT * FROM eleicao_recontagens WHERE tipo = 'recontagem'")]
    assert '"11": 50' in r["antes"] and '"11": 45' in r["depois"] and r["feita_por"] == sup.usuario.id
    assert _conta(sessao_admin, "diario", "tabela = 'eleicao_boletins' AND acao = 'alterar'") == 1
    from io import BytesIO

    from pypdf import PdfReader

    from desktop.services.eleicao import relatorios
    pdf = relatorios.emitir_boletim(sessao_admin, s1["id"]).pdf
    texto = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "Recontado por Supervisora" in texto and "Cédulas da urna de lona da seção 1" in texto
    resultado.publicar_resultado(sessao_admin, proc["id"])
    with pytest.raises(ErroNegocio, match="já foi publicado"):
        auditoria.recontar(sup, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS,
                           boletim_papel="cédulas", motivo="nova recontagem pedida")


def test_publicacao_prazo_de_contestacao_e_posse_cria_mandatos(sessao_admin, apuracao_pronta, dia_eleicao):
    proc, m1, m2, sup, s1, s2 = apuracao_pronta
    _duas(m1, m2, s1, comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    with pytest.raises(ErroNegocio, match=r"1 seção\(ões\) ainda não aceita"):
        resultado.publicar_resultado(sessao_admin, proc["id"])
    _duas(m1, m2, s2, comparecimento=150, brancos=10, nulos=5, votos={**VOTOS, 11: 0})
    p = resultado.publicar_resultado(sessao_admin, proc["id"])
    assert p["resultado_publicado_em"] == "2027-10-03" and p["contestacao_fim"] == "2027-10-08"
    with pytest.raises(ErroNegocio, match=r"08/10/2027.*art\. 14 §1º"):
        resultado.encerrar_e_dar_posse(sessao_admin, proc["id"])
    comissao = sessao_de(sessao_admin, "presidente_comissao")  # papel comissão, sem permissão do Conselho
    with simulando_dia(date(2027, 10, 9)):
        feitos = resultado.encerrar_e_dar_posse(comissao, proc["id"])
    assert len(feitos) == 10
    linhas = list(sessao_admin.db.query(
        "SELECT c.condicao, c.ordem, c.situacao, c.inicio_mandato, c.fim_mandato, e.votos FROM conselho_conselheiros c "
        "JOIN conselheiros_eleitos e ON e.id = c.eleito_id ORDER BY c.condicao DESC, c.ordem"))
    assert [(l["condicao"], l["ordem"]) for l in linhas[:5]] == [("titular", i) for i in range(1, 6)]
    assert [l["votos"] for l in linhas[:5]] == [80, 60, 50, 40, 20]  # 12, 13, 11, 14, 15
    assert {l["situacao"] for l in linhas[:5]} == {"em_exercicio"} and linhas[5]["situacao"] == "disponivel"
    assert {(l["inicio_mandato"], l["fim_mandato"]) for l in linhas} == {("2028-01-10", "2032-01-09")}
    assert _conta(sessao_admin, "conselho_exercicios") == 5
    fim = sessao_admin.db.execute("SELECT fase, posse_dada_em FROM eleicao_processos").fetchone()
    assert fim[0] == "encerrado" and fim[1]
    with pytest.raises(ErroNegocio, match="já foi dada"):
        resultado.encerrar_e_dar_posse(sessao_admin, proc["id"])


def test_registrar_os_eleitos_espera_a_contestacao_com_a_sua_mensagem(sessao_admin, apuracao_pronta, dia_eleicao):
    """Publicado o resultado, registrar os eleitos antes do fim da contestação é recusado com a mensagem dessa ação
    (a classificação ainda pode mudar, art. 14 §1º) — antes era a da posse com "encerrar e dar posse" trocado por
    ``str.replace`` — e nada se grava; terminado o prazo, os eleitos entram e o processo se encerra."""
    proc, m1, m2, _sup, s1, s2 = apuracao_pronta
    _duas(m1, m2, s1, comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    _duas(m1, m2, s2, comparecimento=150, brancos=10, nulos=5, votos={**VOTOS, 11: 0})
    resultado.publicar_resultado(sessao_admin, proc["id"])
    with pytest.raises(ErroNegocio) as erro:
        resultado.registrar_eleitos(sessao_admin, proc["id"])
    assert str(erro.value) == ("Não é possível registrar os eleitos em 03/10/2027: o prazo de contestação do "
                               "resultado publicado vai até 08/10/2027, e até lá a classificação pode mudar — os "
                               "titulares e suplentes passam ao Conselho depois dele (Lei 320/2023, art. 14 §1º).")
    assert _conta(sessao_admin, "conselheiros_eleitos") == 0
    assert processo.obter_processo(sessao_admin, proc["id"])["fase"] == "apuracao"
    # a posse, no mesmo dia, continua com a dela
    with pytest.raises(ErroNegocio, match=r"Não é possível encerrar e dar posse antes de terminar o prazo de "
                                          r"contestação do resultado, que vai até 08/10/2027 \(Lei 320/2023, art\. 14 §1º\)"):
        resultado.encerrar_e_dar_posse(sessao_admin, proc["id"])
    with simulando_dia(date(2027, 10, 9)):
        linhas = resultado.registrar_eleitos(sessao_admin, proc["id"])
    assert len(linhas) == _conta(sessao_admin, "conselheiros_eleitos") > 0
    assert processo.obter_processo(sessao_admin, proc["id"])["fase"] == "encerrado"


def test_ata_e_resultado_recusados_dizem_onde_fazer_o_que_falta(sessao_admin, apuracao_pronta, dia_eleicao):
    """Com as seções aceitas, a ata sem a sessão de apuração e o resultado oficial sem a publicação são recusados
    apontando a aba onde se faz o que falta — a "Auditoria e posse", que existe (antes: "aba Apuração", que não há) —
    e com o artigo."""
    from desktop.services.eleicao import relatorios

    proc, m1, m2, _sup, s1, s2 = apuracao_pronta
    _duas(m1, m2, s1, comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    _duas(m1, m2, s2, comparecimento=150, brancos=10, nulos=5, votos={**VOTOS, 11: 0})
    with pytest.raises(ErroNegocio) as ata:
        relatorios.emitir_ata(sessao_admin, proc["id"])
    assert "na aba Auditoria e posse" in str(ata.value) and "(Lei 320/2023, arts. 7º §1º d e 11)" in str(ata.value)
    with pytest.raises(ErroNegocio) as oficial:
        relatorios.emitir_resultado(sessao_admin, proc["id"])
    assert "(aba Auditoria e posse › Publicar resultado)" in str(oficial.value) and "art. 14 §1º" in str(oficial.value)
    assert _conta(sessao_admin, "documentos") == 0
    # a aba Documentos recebe as mesmas recusas antes de oferecer os botões (as listas já saem: lista homologada)
    assert relatorios.por_que_sem_documento(sessao_admin, proc["id"]) == {"ata": str(ata.value),
                                                                         "resultado": str(oficial.value)}


def test_recurso_fora_do_prazo_e_recusado(sessao_admin, proc):
    with simulando_dia(date(2027, 5, 23)):  # a comissão registra no fim do prazo de impugnação
        c = inscrever_habilitado(sessao_admin, proc, 30, random.Random(3))
        publicar_inscritos(sessao_admin, proc)  # a impugnação só cabe depois da lista de inscritos (art. 11 §2º)
        pub, fim = date.fromisoformat(proc["publicacao_inscritos"]), date.fromisoformat(proc["impugnacao_fim"])
        i = impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Sem prova",
                                   apresentada_em=pub + timedelta(days=1), prazo_defesa=fim + timedelta(days=3))
        decisao = fim + timedelta(days=5)
        with simulando_dia(decisao):  # cada ato registrado no seu dia
            impugnacoes.decidir(sessao_admin, i["id"], procedente=False, motivo="Sem prova", em=decisao)
        with simulando_dia(decisao + timedelta(days=92)), \
                pytest.raises(EntradaInvalida, match=r"fora do prazo.*02/06/2027.*arts\. 8º §13 e 11 §5º"):
            impugnacoes.recorrer(sessao_admin, i["id"], razoes="Tardio", em=decisao + timedelta(days=92))
        with simulando_dia(decisao + timedelta(days=6)), pytest.raises(EntradaInvalida, match="fora do prazo"):
            impugnacoes.recorrer(sessao_admin, i["id"], razoes="Tardio", em=decisao + timedelta(days=6))
        with simulando_dia(decisao + timedelta(days=5)):
            assert impugnacoes.recorrer(sessao_admin, i["id"], razoes="No prazo",
                                        em=decisao + timedelta(days=5))["recurso"]
