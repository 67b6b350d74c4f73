"""Formulários do processo de escolha dirigidos como o usuário: digitar, ver a recusa com o artigo, gravar; depois a base e o diário."""
import random
from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from desktop.services.eleicao import candidaturas, impugnacoes, processo, votacao
from desktop.services.eleicao.comum import simulando_dia
from desktop.screens.conselho.abas_eleicao import AbaCandidatos, AbaImpugnacoes, AbaSecoes
from desktop.screens.conselho.dialogos_candidatura import (DialogoAnalise, DialogoInscricao, DialogoNota,
                                                           DialogoParentesco, DialogoPublicacao, DialogoReabertura)
from desktop.screens.conselho.dialogos_impugnacao import DialogoApresentar, DialogoEtapa, DialogoSecao
from tests.services.eleicao.conftest import (inscrever_habilitado, proc, proc_aberto, publicar_edital,  # noqa: F401 (fixtures)
                                            publicar_inscritos, sessao_de)
from tests.screens.apoio_janelas import esperar_gravacao, esperar_leituras, quando_modal
from tests.screens.apoio_tabelas import ir_para, textos
from tests.screens.apoio_tela import cortadas, estilo  # noqa: F401 — a folha de estilo da aplicação
from tests.screens.conselho.apoio import vigiar_modais


def _conta(sessao, tabela, diario=False):
    if diario:
        return sessao.db.execute("SELECT count(*) FROM diario WHERE tabela = ?", [tabela]).fetchone()[0]
    return sessao.db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]


def _digitar(qtbot, campo, texto):
    """Digita no campo (tecla a tecla; acentos pelo texto, que o QTest não tecla no offscreen)."""
    edit = getattr(campo, "edit", campo)
    edit.clear()
    if texto.isascii():
        qtbot.keyClicks(edit, texto)
    else:
        edit.setText(texto)


def _br(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def test_inscricao_pelo_formulario(qtbot, sessao_admin, proc):  # noqa: F811
    with simulando_dia(date(2027, 4, 13)):  # registrado no dia do pedido (vale nas threads da tela)
        inicio = date.fromisoformat(proc["inscricao_inicio"])
        d = DialogoInscricao(sessao_admin, proc["id"], processo.obter_processo(sessao_admin, proc["id"]),
                             hoje=processo.dia_de_registro())
        qtbot.addWidget(d)
        _digitar(qtbot, d.cpf, "529.982.247-2")
        assert "11 dígitos" in d.cpf.erro.text() and not d.botao_ok.isEnabled()
        _digitar(qtbot, d.cpf, "529.982.247-25")
        _digitar(qtbot, d.nome, "Maria do Socorro Lima")
        _digitar(qtbot, d.nascimento, "15/13/1980")
        assert "Data inexistente" in d.nascimento.erro.text()
        _digitar(qtbot, d.nascimento, _br(date(inicio.year - 20, 1, 1)))  # 20 anos na inscrição
        _digitar(qtbot, d.residencia, "01/01/2010")
        _digitar(qtbot, d.experiencia, "-3")
        assert "art. 12 §8º" in d.experiencia.erro.text()
        _digitar(qtbot, d.experiencia, "36")
        _digitar(qtbot, d.numero, "77")
        _digitar(qtbot, d.inscrito_em, _br(inicio))
        esperar_leituras(qtbot)  # a prévia dos requisitos é lida fora da thread da interface
        assert "art. 12 §2º II" in d.previa.text()  # avisa antes de gravar
        _digitar(qtbot, d.nascimento, "10/05/1980")
        esperar_leituras(qtbot)
        assert d.previa.text() == "" and d.botao_ok.isEnabled()
        _digitar(qtbot, d.documentos["idade"], "RG original")
        _digitar(qtbot, d.documentos["ensino_medio"], "Certificado e histórico")
        _digitar(qtbot, d.inscrito_em, _br(inicio - timedelta(days=1)))
        qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
        esperar_gravacao(qtbot, d)
        assert "fora do prazo" in d.rotulo_erro.text() and "art. 7º §1º a" in d.rotulo_erro.text()
        assert _conta(sessao_admin, "eleicao_candidaturas") == 0 and _conta(sessao_admin, "pessoas") == 0
        _digitar(qtbot, d.inscrito_em, _br(inicio))
        qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
        esperar_gravacao(qtbot, d)
        assert d.result() == d.DialogCode.Accepted
        c = d.resultado
        assert c["numero"] == 77 and c["situacao"] == "inscrito"
        reqs = {r["requisito"]: r for r in candidaturas.checklist(sessao_admin, c["id"])}
        assert reqs["idade"]["documento"] == "RG original" and reqs["idoneidade"]["documento"] == ""
        pessoa = sessao_admin.db.execute("SELECT nome, cpf, nascimento FROM pessoas").fetchone()
        assert pessoa == ("Maria do Socorro Lima", "52998224725", "1980-05-10")
        assert _conta(sessao_admin, "pessoas", True) == 1 and _conta(sessao_admin, "eleicao_requisitos", True) == 7

        # a mesma pessoa noutro formulário: nome e nascimento vêm do cadastro pelo CPF
        d2 = DialogoInscricao(sessao_admin, proc["id"], processo.obter_processo(sessao_admin, proc["id"]),
                             hoje=processo.dia_de_registro())
        qtbot.addWidget(d2)
        _digitar(qtbot, d2.cpf, "52998224725")
        esperar_leituras(qtbot)  # a pessoa é procurada pelo CPF fora da thread da interface
        assert d2.nome.texto() == "Maria do Socorro Lima" and d2.nascimento.texto() == "10/05/1980"
        assert d2.nome.edit.isReadOnly()


def test_datas_dos_formularios_partem_do_hoje_dos_servicos(qtbot, sessao_admin, proc):  # noqa: F811
    """A data da inscrição e a da publicação da lista vêm preenchidas com o "hoje" dos serviços (o das travas de
    data, que ``simulando_dia`` muda), não com o relógio da tela: antes, em 20/04/2027 simulado, a inscrição vinha com
    13/04/2027 (o início do prazo, porque o relógio dizia 12/2026) e a lista com 03/12/2026."""
    with simulando_dia(date(2027, 4, 20)):
        p = processo.obter_processo(sessao_admin, proc["id"])
        d = DialogoInscricao(sessao_admin, proc["id"], p, hoje=processo.dia_de_registro())
        qtbot.addWidget(d)
        esperar_leituras(qtbot)  # o dia é lido como toda chamada de serviço (widgets.servicos)
        assert d.inscrito_em.texto() == "20/04/2027"  # dentro do prazo de inscrição (art. 7º §1º a)
        lista = DialogoPublicacao(sessao_admin, proc["id"], p, "inscritos", hoje=processo.dia_de_registro())
        qtbot.addWidget(lista)
        esperar_leituras(qtbot)
        assert lista.data.texto() == "20/04/2027"  # antes da prevista (18/05/2027): hoje, nunca futura
    with simulando_dia(date(2027, 5, 20)):
        d = DialogoInscricao(sessao_admin, proc["id"], p, hoje=processo.dia_de_registro())
        qtbot.addWidget(d)
        esperar_leituras(qtbot)
        assert d.inscrito_em.texto() == "13/05/2027"  # depois do prazo: o último dia dele


def test_analise_nota_e_parentesco(qtbot, sessao_admin, proc):  # noqa: F811
    rnd = random.Random(11)
    a = inscrever_habilitado(sessao_admin, proc, 21, rnd)
    b = inscrever_habilitado(sessao_admin, proc, 22, rnd)
    d = DialogoAnalise(sessao_admin, a, candidaturas.checklist(sessao_admin, a["id"]), requisito="ensino_medio")
    qtbot.addWidget(d)
    qtbot.mouseClick(d.indeferir, Qt.MouseButton.LeftButton)
    assert not d.botao_ok.isEnabled() and "art. 12 §2º V" in d.rotulo_erro.text()
    _digitar(qtbot, d.motivo, "Só declaração de matrícula, sem certificado")
    assert d.botao_ok.isEnabled()
    qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, d)
    c = candidaturas.listar_candidaturas(sessao_admin, proc["id"])[0]
    assert c["situacao"] == "indeferido" and "sem certificado" in c["motivo"]
    req = [r for r in candidaturas.checklist(sessao_admin, a["id"]) if r["requisito"] == "ensino_medio"][0]
    assert req["situacao"] == "indeferido" and req["analisado_por"] == sessao_admin.usuario.id

    n = DialogoNota(sessao_admin, b, proc["nota_corte"])
    qtbot.addWidget(n)
    _digitar(qtbot, n.nota, "101")
    assert "art. 12 §9º" in n.nota.erro.text() and not n.botao_ok.isEnabled()
    _digitar(qtbot, n.nota, "59,5")
    assert "eliminado" in n.efeito.text()
    qtbot.mouseClick(n.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, n)
    c = candidaturas.listar_candidaturas(sessao_admin, proc["id"])[1]
    assert (c["nota_prova"], c["situacao"]) == ("59.5", "reprovado")

    p = DialogoParentesco(sessao_admin, candidaturas.listar_candidaturas(sessao_admin, proc["id"]))
    qtbot.addWidget(p)
    p.candidato_b.setCurrentIndex(0)
    assert "dois candidatos diferentes" in p.rotulo_erro.text() and not p.botao_ok.isEnabled()
    p.candidato_b.setCurrentIndex(1)
    p.vinculo.setCurrentIndex(4)
    qtbot.mouseClick(p.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, p)
    r = candidaturas.listar_parentescos(sessao_admin, proc["id"])
    assert [(x["numero_a"], x["numero_b"], x["vinculo"]) for x in r] == [(21, 22, "irmãos (colateral, 2º grau)")]
    assert _conta(sessao_admin, "eleicao_parentescos", True) == 1


def test_impugnacao_do_inicio_ao_julgamento(qtbot, sessao_admin, proc):  # noqa: F811
    with simulando_dia(date(2027, 5, 23)):  # a comissão registra no fim do prazo de impugnação
        inscrever_habilitado(sessao_admin, proc, 30, random.Random(3))
        publicar_inscritos(sessao_admin, proc)  # a impugnação só depois da lista de inscritos (art. 11 §2º)
        pub, fim = date.fromisoformat(proc["publicacao_inscritos"]), date.fromisoformat(proc["impugnacao_fim"])
        d = DialogoApresentar(sessao_admin, processo.obter_processo(sessao_admin, proc["id"]),
                              candidaturas.listar_candidaturas(sessao_admin, proc["id"]))
        qtbot.addWidget(d)
        assert any(f"a {_br(fim)}" in r.text() for r in d.findChildren(QLabel))  # o prazo aparece no topo
        _digitar(qtbot, d.autor, "Cidadão Fulano")
        _digitar(qtbot, d.fundamento, "Residência inferior a dois anos")
        _digitar(qtbot, d.apresentada, _br(fim + timedelta(days=1)))
        assert d.prazo.texto() == _br(fim + timedelta(days=6))  # sugerido: 5 dias
        qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
        esperar_gravacao(qtbot, d)
        assert "art. 11 §2º" in d.rotulo_erro.text() and _conta(sessao_admin, "eleicao_impugnacoes") == 0
        _digitar(qtbot, d.apresentada, _br(pub + timedelta(days=2)))
        qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
        esperar_gravacao(qtbot, d)
        assert d.result() == d.DialogCode.Accepted
        etapas = [("defesa", "Junta contas de luz desde 2015", fim + timedelta(days=1), None),
                  ("decisao", "Contas não estão em nome dela", fim + timedelta(days=3), 1),
                  ("recurso", "As contas são do cônjuge", fim + timedelta(days=4), None),
                  ("julgamento", "Comprovada a união estável", fim + timedelta(days=6), 1)]
        for etapa, texto, em, resultado in etapas:
            with simulando_dia(em):  # cada etapa registrada no seu dia, nunca com data futura (art. 11 §§3º e 5º)
                i = impugnacoes.listar(sessao_admin, proc["id"])[0]
                e = DialogoEtapa(sessao_admin, i)
                qtbot.addWidget(e)
                e.etapa.setCurrentIndex(e.etapa.findData(etapa))
                if resultado is not None:
                    e.resultado.setCurrentIndex(resultado)
                _digitar(qtbot, e.texto, texto)
                _digitar(qtbot, e.data, _br(em))
                if etapa == "julgamento":  # data antes do recurso: recusada com o artigo
                    _digitar(qtbot, e.data, _br(fim + timedelta(days=3)))
                    qtbot.mouseClick(e.botao_ok, Qt.MouseButton.LeftButton)
                    esperar_gravacao(qtbot, e)
                    assert "art. 11 §5º" in e.rotulo_erro.text()
                    _digitar(qtbot, e.data, _br(em))
                qtbot.mouseClick(e.botao_ok, Qt.MouseButton.LeftButton)
                esperar_gravacao(qtbot, e)
                assert e.result() == e.DialogCode.Accepted, e.rotulo_erro.text()
        i = impugnacoes.listar(sessao_admin, proc["id"])[0]
        assert (i["decisao"], i["recurso_decisao"]) == ("procedente", "provido")
        assert impugnacoes.etapas_possiveis(i) == []
        c = candidaturas.listar_candidaturas(sessao_admin, proc["id"])[0]
        assert c["situacao"] == "habilitado" and c["sub_judice"] == 0
        assert _conta(sessao_admin, "eleicao_impugnacoes", True) == 5


def test_aba_impugnacoes_na_tabela_comum_abre_a_etapa_da_escolhida(qtbot, sessao_admin, proc):  # noqa: F811
    """A lista de impugnações é a tabela comum: mostra as datas e prazos de cada etapa; ordenada pelo número do
    candidato (do maior para o menor), Enter na primeira linha abre a próxima etapa da impugnação dela (pelo id, não
    a da mesma linha na ordem lida)."""
    with simulando_dia(date(2027, 5, 23)):  # a comissão registra no fim do prazo de impugnação
        rnd = random.Random(3)
        pub, fim = date.fromisoformat(proc["publicacao_inscritos"]), date.fromisoformat(proc["impugnacao_fim"])
        cands = {n: inscrever_habilitado(sessao_admin, proc, n, rnd) for n in (11, 12)}
        publicar_inscritos(sessao_admin, proc)  # a impugnação só depois da lista de inscritos (art. 11 §2º)
        for n, c in cands.items():
            impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao" if n == 11 else "denuncia", autor="Cidadão",
                                   fundamento="Sem prova", apresentada_em=pub, prazo_defesa=fim + timedelta(days=n - 10))
        aba = AbaImpugnacoes(sessao_admin, proc["id"])
        qtbot.addWidget(aba)
        esperar_leituras(qtbot)
        assert [(t[0], t[2], t[3], t[4], t[5], t[6]) for t in textos(aba.tabela)] == [
            ("11", "impugnação", _br(pub), _br(fim + timedelta(days=1)), "pendente", "—"),
            ("12", "denúncia", _br(pub), _br(fim + timedelta(days=2)), "pendente", "—")]
        aba.tabela.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # o que um clique no título "Nº" faz
        assert [t[0] for t in textos(aba.tabela)] == ["12", "11"]
        titulos = []

        def ver(d):
            titulos.append(d.windowTitle())
            d.reject()

        quando_modal(ver, tipo=DialogoEtapa)
        ir_para(qtbot, aba.tabela, 0)
        qtbot.keyClick(aba.tabela, Qt.Key.Key_Return)
        assert len(titulos) == 1 and titulos[0].startswith("Impugnação contra 12 "), titulos
        assert aba.lista_impugnacoes.selecionada()["numero"] == 12  # Enter também a escolhe


def test_nova_secao_pela_aba_so_quando_a_fase_admite(qtbot, sessao_admin, proc_aberto):  # noqa: F811
    """Antes do edital publicado, "Nova seção…" fica desabilitado com o motivo (art. 7º) na dica e na aba, e clicar não
    abre nada — antes o formulário abria, a comissão digitava tudo e a recusa só vinha ao gravar. Publicado o edital,
    o botão abre o formulário e a seção gravada aparece na lista."""
    aba = AbaSecoes(sessao_admin, proc_aberto["id"])
    qtbot.addWidget(aba)
    aba.show()
    esperar_leituras(qtbot)
    assert not aba.nova.isEnabled() and aba.motivo.isVisible()
    assert aba.motivo.text() == aba.nova.toolTip() and "o edital ainda não foi publicado (Lei 320/2023, art. 7º)" in aba.motivo.text()
    abertos, parar = vigiar_modais(DialogoSecao)
    try:
        qtbot.mouseClick(aba.nova, Qt.MouseButton.LeftButton)
        esperar_leituras(qtbot)
    finally:
        parar()
    assert abertos == [] and votacao.listar_secoes(sessao_admin, proc_aberto["id"]) == []
    publicar_edital(sessao_admin, proc_aberto)
    aba.recarregar()
    esperar_leituras(qtbot)
    assert aba.nova.isEnabled() and aba.nova.toolTip() == "" and aba.motivo.text() == ""

    def preencher(d):
        for campo, texto in ((d.numero, "7"), (d.local, "E. M. São Sebastião"), (d.aptos, "250")):
            _digitar(qtbot, campo, texto)
        qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
        esperar_gravacao(qtbot, d)

    quando_modal(preencher, tipo=DialogoSecao)
    qtbot.mouseClick(aba.nova, Qt.MouseButton.LeftButton)
    esperar_leituras(qtbot)
    assert [linha[:3] for linha in textos(aba.tabela)] == [["7", "E. M. São Sebastião", "250"]]


def test_secao_e_reabertura(qtbot, sessao_admin, proc):  # noqa: F811
    d = DialogoSecao(sessao_admin, proc["id"])
    qtbot.addWidget(d)
    _digitar(qtbot, d.numero, "1")
    _digitar(qtbot, d.local, "E. M. São Sebastião")
    _digitar(qtbot, d.aptos, "trezentos")
    assert "só com algarismos" in d.aptos.erro.text() and not d.botao_ok.isEnabled()
    _digitar(qtbot, d.aptos, "300")
    d.tipo.setCurrentIndex(1)
    qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, d)
    s = votacao.listar_secoes(sessao_admin, proc["id"])
    assert [(x["numero"], x["aptos"], x["tipo"]) for x in s] == [(1, 300, "manual")]
    d2 = DialogoSecao(sessao_admin, proc["id"])
    qtbot.addWidget(d2)
    for campo, texto in ((d2.numero, "1"), (d2.local, "Outro"), (d2.aptos, "10")):
        _digitar(qtbot, campo, texto)
    qtbot.mouseClick(d2.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, d2)
    assert "já está cadastrada" in d2.rotulo_erro.text() and _conta(sessao_admin, "eleicao_secoes") == 1

    novo_fim = date.fromisoformat(proc["inscricao_fim"]) + timedelta(days=10)
    r = DialogoReabertura(sessao_admin, proc["id"], processo.obter_processo(sessao_admin, proc["id"]),
                          len(candidaturas.listar_candidaturas(sessao_admin, proc["id"], "habilitado")))
    qtbot.addWidget(r)
    _digitar(qtbot, r.fim, _br(novo_fim))
    _digitar(qtbot, r.publicacao, _br(novo_fim + timedelta(days=2)))
    esperar_leituras(qtbot)
    assert r.prazo.text().startswith(_br(novo_fim + timedelta(days=7)))
    qtbot.mouseClick(r.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, r)
    p = processo.obter_processo(sessao_admin, proc["id"])
    assert p["reaberturas"] == 1 and p["impugnacao_fim"] == (novo_fim + timedelta(days=7)).isoformat()


def test_botao_da_aba_abre_o_formulario(qtbot, sessao_admin, proc):  # noqa: F811
    with simulando_dia(date(2027, 4, 13)):  # primeiro dia de inscrição: o botão se habilita
        aba = AbaCandidatos(sessao_admin, proc["id"])
        qtbot.addWidget(aba)
        mensagens = []
        aba.sig_mudou.connect(mensagens.append)
        inicio = date.fromisoformat(proc["inscricao_inicio"])

        def preencher(d):  # o formulário abre depois de o processo ser lido fora da thread da interface
            for campo, texto in ((d.cpf, "11144477735"), (d.nome, "Jovem Demais"), (d.nascimento, _br(inicio.replace(year=inicio.year - 19))),
                                 (d.residencia, "01/01/2010"), (d.experiencia, "30"), (d.numero, "50"), (d.inscrito_em, _br(inicio))):
                _digitar(qtbot, campo, texto)
            qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
            esperar_gravacao(qtbot, d)

        esperar_leituras(qtbot)  # o botão só se habilita quando a leitura diz que as inscrições estão abertas
        assert aba.inscrever.isEnabled() and aba.botoes.itemAt(0).widget() is aba.inscrever
        quando_modal(preencher, tipo=DialogoInscricao)
        qtbot.mouseClick(aba.botoes.itemAt(0).widget(), Qt.MouseButton.LeftButton)
        esperar_leituras(qtbot)  # a lista é relida fora da thread da interface
        assert [linha[2] for linha in textos(aba.tabela)] == ["indeferido"]
        assert "art. 12 §2º II" in mensagens[-1]


def test_homologar_pela_aba_grava_fora_da_interface(qtbot, sessao_admin, proc):  # noqa: F811
    with simulando_dia(date(2027, 6, 1)):  # homologa-se depois do prazo de impugnação (art. 11 §§2º e 6º)
        rnd = random.Random(7)
        for n in range(11, 14):
            inscrever_habilitado(sessao_admin, proc, n, rnd)
        aba = AbaCandidatos(sessao_admin, proc["id"])
        qtbot.addWidget(aba)
        esperar_leituras(qtbot)
        # sem a lista de inscritos publicada não correu a impugnação: o serviço recusaria (art. 11 §§2º e 6º), e o
        # botão fica desabilitado com o motivo dele na dica e na linha de situação
        assert not aba.homologar.isEnabled()
        assert "lista de inscritos ainda não foi publicada" in aba.homologar.toolTip()
        assert "art. 11 §6º" in aba.homologar.toolTip() and aba.homologar.toolTip() == aba.motivo.text()
        p = publicar_inscritos(sessao_admin, proc)
        aba.recarregar()  # publicada a lista (na aba Calendário, que relê as abas)
        esperar_leituras(qtbot)
        assert aba.homologar.isEnabled()
        # três habilitados: o serviço recusa (art. 13) e a recusa vai à barra do processo, sem caixa modal
        with qtbot.waitSignal(aba.sig_mudou, timeout=15000) as sinal:
            qtbot.mouseClick(aba.homologar, Qt.MouseButton.LeftButton)
        assert "Só 3 habilitados" in sinal.args[0] and "art. 13" in sinal.args[0] and aba.tarefa is None
        # o CMDCA reabre as inscrições (art. 13 §1º); os novos se inscrevem e a nova lista é publicada
        novo_fim = date.fromisoformat(p["inscricao_fim"]) + timedelta(days=10)
        p = processo.reabrir_inscricoes(sessao_admin, proc["id"], novo_fim=novo_fim, nova_publicacao=novo_fim + timedelta(days=2))
        for n in range(14, 21):
            inscrever_habilitado(sessao_admin, proc, n, rnd, inscrito_em=novo_fim)
        publicar_inscritos(sessao_admin, p)
        with qtbot.waitSignal(aba.sig_mudou, timeout=15000) as sinal:
            qtbot.mouseClick(aba.homologar, Qt.MouseButton.LeftButton)
        assert sinal.args == ["Lista homologada com 10 habilitados (art. 11 §6º)."] and aba.tarefa is None
        assert processo.obter_processo(sessao_admin, proc["id"])["fase"] == "homologado"


def test_candidatos_ordenam_pela_nota_e_a_escolha_segue_o_id_ao_reler(qtbot, sessao_admin, proc):  # noqa: F811
    """A lista de candidatos é a tabela comum: o cabeçalho ordena pelo valor (a nota 9,5 antes de 62, e não como
    texto), a candidatura escolhida continua a mesma — pelo id — quando a lista é relida com uma linha nova acima
    dela, o checklist é o dela, e Enter abre a análise documental dela (no checklist, já no requisito)."""
    rnd = random.Random(3)
    c11, c12, c13 = (inscrever_habilitado(sessao_admin, proc, n, rnd, nota=nota)
                     for n, nota in ((11, "70"), (12, "62"), (13, "9.5")))
    aba = AbaCandidatos(sessao_admin, proc["id"])
    qtbot.addWidget(aba)
    aba.show()
    esperar_leituras(qtbot)
    assert [(l[0], l[3]) for l in textos(aba.tabela)] == [("11", "70"), ("12", "62"), ("13", "9,5")]
    aba.lista.visao.clearSelection()
    aba.lista.visao.setCurrentIndex(aba.lista.visao.model().index(-1, -1))
    assert aba.selecionada() is None  # sem candidatura escolhida, a análise e a nota dizem o que falta
    assert not aba.analisar.isEnabled() and aba.analisar.toolTip().startswith("Escolha uma candidatura na lista")
    cab = aba.tabela.horizontalHeader()
    qtbot.mouseClick(cab.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(cab.sectionViewportPosition(3) + cab.sectionSize(3) // 2, cab.height() // 2))
    assert [l[0] for l in textos(aba.tabela)] == ["13", "12", "11"]  # 9,5 < 62 < 70
    ir_para(qtbot, aba.tabela, 1)  # a 12, pelo teclado
    esperar_leituras(qtbot)
    assert aba.selecionada()["id"] == c12["id"] and aba.analisar.isEnabled() and aba.analisar.toolTip() == ""
    assert {r["candidatura_id"] for r in aba.checklist.linhas()} == {c12["id"]} and textos(aba.checklist.visao)

    inscrever_habilitado(sessao_admin, proc, 14, rnd, nota="30")  # entra acima da 12 na ordem da nota
    aba.recarregar()
    esperar_leituras(qtbot)
    assert [l[0] for l in textos(aba.tabela)] == ["13", "14", "12", "11"]
    assert aba.selecionada()["id"] == c12["id"] and aba.tabela.currentIndex().row() == 2
    assert {r["candidatura_id"] for r in aba.checklist.linhas()} == {c12["id"]}

    abertos = []

    def olhar(d):
        abertos.append((d.windowTitle(), d.requisito.currentData()))
        d.reject()

    quando_modal(olhar, tipo=DialogoAnalise)
    aba.tabela.setFocus()
    qtbot.keyClick(aba.tabela, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(abertos) == 1, timeout=15000)
    assert "12 Candidato 12" in abertos[0][0]
    requisito = aba.checklist.linhas()[1]["requisito"]
    quando_modal(olhar, tipo=DialogoAnalise)
    ir_para(qtbot, aba.checklist.visao, 1)
    qtbot.keyClick(aba.checklist.visao, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(abertos) == 2, timeout=15000)
    assert abertos[1] == (abertos[0][0], requisito)
    del c11, c13


def test_aba_impugnacoes_cabe_o_nome_do_candidato_a_1366(qtbot, sessao_admin, proc, estilo):  # noqa: F811
    """A 1366×768 a aba tem ~1.100 pontos; com a decisão e o recurso escritos com data ('improcedente em 26/05/2027',
    'desprovido em 29/05/2027'), a coluna Candidato ficava com ~200 pontos e cortava nomes comuns. O recurso mostra o
    estado e leva as datas na dica (a decisão segue com a data): um nome de 34 letras cabe inteiro, e nenhuma coluna
    corta."""
    nome = "Maria Aparecida da Conceição Pires"
    with simulando_dia(date(2027, 5, 23)):
        pub, fim = date.fromisoformat(proc["publicacao_inscritos"]), date.fromisoformat(proc["impugnacao_fim"])
        c = inscrever_habilitado(sessao_admin, proc, 11, random.Random(5), nome=nome)
        publicar_inscritos(sessao_admin, proc)
        i = impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Sem prova",
                                   apresentada_em=pub, prazo_defesa=fim + timedelta(days=1))
    for etapa, dados, dias in ((impugnacoes.defender, {"defesa": "Junta contas de luz"}, 1),
                               (impugnacoes.decidir, {"procedente": False, "motivo": "Contas em nome dela"}, 3),
                               (impugnacoes.recorrer, {"razoes": "A residência não foi provada"}, 4),
                               (impugnacoes.julgar_recurso, {"provido": False, "motivo": "Mantida a decisão"}, 6)):
        with simulando_dia(fim + timedelta(days=dias)):  # cada etapa no seu dia (art. 11 §§3º e 5º)
            etapa(sessao_admin, i["id"], em=fim + timedelta(days=dias), **dados)
    aba = AbaImpugnacoes(sessao_admin, proc["id"])
    qtbot.addWidget(aba)
    aba.resize(1110, 500)  # a largura da aba na janela a 1366×768 (menos a lista dos módulos)
    aba.show()
    esperar_leituras(qtbot)
    visao = aba.tabela
    linha = [visao.model().index(0, k) for k in range(visao.model().columnCount())]
    assert linha[1].data() == nome
    assert visao.sizeHintForColumn(1) <= visao.horizontalHeader().sectionSize(1), "o nome sai com reticências"
    assert cortadas(visao) == []
    assert visao.horizontalScrollBar().maximum() == 0
    lida = impugnacoes.listar(sessao_admin, proc["id"])[0]
    assert linha[5].data() == f"improcedente em {_br(fim + timedelta(days=3))}"
    assert linha[6].data() == lida["recurso_decisao"]
    dica = linha[6].data(Qt.ItemDataRole.ToolTipRole)
    assert f"interposto em {_br(fim + timedelta(days=4))}" in dica
    assert f"{lida['recurso_decisao']} em {_br(fim + timedelta(days=6))}" in dica
