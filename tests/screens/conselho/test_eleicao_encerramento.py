"""Telas da eleição (issue 14): MP/consulta só lê; a aba "Auditoria e posse" publica e dá posse;
cada diálogo da eleição cabe em 1366×768 com os botões à vista."""
import random
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.rules.papeis import Papel
from desktop.screens.conselho import dialogos_candidatura, dialogos_impugnacao
from desktop.screens.conselho.eleicao import ProcessoEscolha
from desktop.services.eleicao import candidaturas, demo, impugnacoes, processo, votacao
from desktop.services.eleicao.comum import simulando_dia
from tests.services.eleicao.conftest import (dia_eleicao, designar, homologado, proc, publicar_edital,  # noqa: F401
                                            publicar_inscritos, sessao_de)
from tests.screens.apoio_janelas import esperar_gravacao, esperar_leituras
from tests.screens.apoio_tela import cortadas, estilo  # noqa: F401 — estilo: a folha de estilo da aplicação

VOTOS = {11: 50, 12: 40, 13: 30, 14: 20, 15: 10, 16: 9, 17: 8, 18: 7, 19: 6, 20: 5}
LARGURA, ALTURA = 1366, 720


def _botoes_de_escrita(tela) -> list[str]:
    """Botões à vista e habilitados em todas as abas, menos os que só leem ("Atualizar")."""
    achados = []
    for i in range(tela.abas.count()):
        tela.abas.setCurrentIndex(i)
        QApplication.processEvents()
        for b in tela.abas.widget(i).findChildren(QPushButton):
            if b.isVisibleTo(tela) and b.isEnabled() and b.text().replace("&", "") != "Atualizar":
                achados.append(f"{tela.abas.tabText(i)} › {b.text()}")
    return achados


def test_consulta_ve_a_eleicao_sem_acao_de_escrita(qtbot, sessao_admin):
    demo.criar_demo_eleicao(sessao_admin, random.Random(5))
    mp = sessao_de(sessao_admin, "promotora", Papel.CONSULTA)
    tela = ProcessoEscolha(mp)
    qtbot.addWidget(tela)
    tela.show()
    esperar_leituras(qtbot)  # as abas leem fora da thread da interface
    assert tela.abas.count() == 8 and not tela.abrir.isVisible()
    assert _botoes_de_escrita(tela) == []
    assert "Resultado publicado" in tela.encerramento.situacao.text()  # lê a situação
    comissao = ProcessoEscolha(sessao_admin)  # a comissão/administração vê os botões
    qtbot.addWidget(comissao)
    comissao.show()
    esperar_leituras(qtbot)  # as abas leem fora da thread da interface
    escrita = _botoes_de_escrita(comissao)
    assert "&Impugnações › Próxima &etapa da selecionada…" in escrita, escrita
    # resultado publicado: nem impugnação nem denúncia nova (arts. 11 §6º e 14 §1º) — o botão à vista, desligado
    nova = comissao.impugnacoes.nova
    assert not nova.isHidden() and not nova.isEnabled() and "art. 14 §1º" in nova.toolTip()
    # a posse aparece para a comissão, desabilitada até o fim do prazo de contestação, com o motivo (art. 14 §1º)
    posse = comissao.encerramento.posse
    assert not posse.isHidden() and not posse.isEnabled() and "prazo de contestação" in posse.toolTip()


def test_publicar_e_dar_posse_pela_tela(qtbot, sessao_admin, homologado, dia_eleicao, monkeypatch):  # noqa: F811
    proc, _ = homologado
    m1 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa1"), "mesario")
    m2 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa2"), "mesario")
    s1 = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola A", aptos=300)
    s2 = votacao.cadastrar_secao(sessao_admin, proc["id"], numero=2, local="Escola B", aptos=300)
    for m in (m1, m2):
        votacao.digitar(m, s1["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    tela = ProcessoEscolha(sessao_admin)
    qtbot.addWidget(tela)
    esperar_leituras(qtbot)  # o processo e as abas são lidos fora da thread da interface
    aba = tela.encerramento
    qtbot.mouseClick(aba.publicar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=15000)  # grava fora da thread da interface
    esperar_leituras(qtbot)
    assert "1 seção(ões) ainda não aceita(s)" in aba.mensagem.text()
    for m in (m1, m2):
        votacao.digitar(m, s2["id"], comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
    aba.recarregar()
    esperar_leituras(qtbot)
    qtbot.mouseClick(aba.publicar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=15000)  # grava fora da thread da interface
    esperar_leituras(qtbot)
    assert "contestação até 08/10/2027" in aba.mensagem.text()
    # ainda no prazo de contestação: a posse fica desabilitada com o motivo do serviço, na dica e na situação
    motivo = ("Não é possível encerrar e dar posse antes de terminar o prazo de contestação do resultado, que vai até "
              "08/10/2027 (Lei 320/2023, art. 14 §1º).")
    assert not aba.posse.isEnabled() and aba.posse.toolTip() == motivo and motivo in aba.situacao.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with simulando_dia(date(2027, 10, 9)):
        aba.recarregar()  # no dia seguinte ao fim da contestação, a aba relida
        esperar_leituras(qtbot)
        assert aba.posse.isEnabled()
        qtbot.mouseClick(aba.posse, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: aba.tarefa is None, timeout=15000)  # grava fora da thread da interface
        esperar_leituras(qtbot)
    assert "10 conselheiro(s) cadastrados" in aba.mensagem.text(), aba.mensagem.text()
    assert sessao_admin.db.execute("SELECT count(*) FROM conselho_conselheiros").fetchone()[0] == 10
    assert "Posse dada" in aba.situacao.text() and "Encerrado" in tela.fase.text()


def test_liberar_o_boletim_escolhido_na_fila_ordenada(qtbot, sessao_admin, homologado, dia_eleicao):  # noqa: F811
    """A fila de auditoria é a tabela comum: ordenada pela seção (do maior para o menor), o boletim liberado é o
    escolhido na tela (pelo id), não o da mesma linha na ordem lida; relida, a escolha continua nele."""
    from desktop.screens.conselho.encerramento import AbaEncerramento
    from desktop.services.eleicao import auditoria
    from tests.screens.apoio_tabelas import ir_para, textos

    proc, _ = homologado
    m1 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa1"), "mesario")
    m2 = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "mesa2"), "mesario")
    sup = designar(sessao_admin, proc["id"], sessao_de(sessao_admin, "supervisora"), "supervisor")
    # 205 de 210 aptos e brancos+nulos 70 de 205: alertas, os boletins vão à fila de auditoria
    v2 = {11: 30, 12: 30, 13: 20, 14: 20, 15: 15, 16: 10, 17: 5, 18: 3, 19: 1, 20: 1}
    secoes = [votacao.cadastrar_secao(sessao_admin, proc["id"], numero=n, local=f"Escola {n}", aptos=210)
              for n in (2, 3)]
    for s in secoes:
        for m in (m1, m2):
            votacao.digitar(m, s["id"], comparecimento=205, brancos=40, nulos=30, votos=v2)
    fila = auditoria.fila(sessao_admin, proc["id"], pendentes=True)
    assert [f["secao"] for f in fila] == [2, 3]
    aba = AbaEncerramento(sup, proc["id"])
    qtbot.addWidget(aba)
    aba.resize(LARGURA, ALTURA)
    aba.show()
    esperar_leituras(qtbot)
    assert [linha[0] for linha in textos(aba.fila)] == ["2", "3"]
    assert all(linha[2] == "pendente" and "aptos" in linha[1] for linha in textos(aba.fila)), textos(aba.fila)
    assert [linha[0] for linha in textos(aba.designados)] == ["Mesa1", "Mesa2", "Supervisora"]
    assert aba.designados.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Mesa1 (login mesa1)"
    # a função pelo nome curto (o quadro já diz "da apuração"), por extenso na dica; a escolha também
    assert [linha[1] for linha in textos(aba.designados)] == ["Mesário", "Mesário", "Supervisor"]
    assert aba.designados.model().index(2, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "Supervisor da apuração (resolve divergências, auditoria e recontagem)")
    assert [aba.funcao.itemText(i) for i in range(aba.funcao.count())] == ["Mesário", "Supervisor"]
    assert [aba.funcao.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(aba.funcao.count())] == [
        "Mesário (digita boletins)", "Supervisor da apuração (resolve divergências, auditoria e recontagem)"]
    aba.fila.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # o que um clique no título "Seção" faz
    assert [linha[0] for linha in textos(aba.fila)] == ["3", "2"]
    ir_para(qtbot, aba.fila, 0)
    qtbot.keyClick(aba.fila, Qt.Key.Key_Return)  # Enter no boletim: vai ao motivo da liberação
    assert aba.motivo_auditoria.hasFocus()
    qtbot.keyClicks(aba.motivo_auditoria, "Conferido com o boletim de papel e a lista assinada")
    qtbot.mouseClick(aba.liberar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=15000)  # grava fora da thread da interface
    esperar_leituras(qtbot)
    assert "Boletim liberado" in aba.mensagem.text(), aba.mensagem.text()
    situacao = {f["secao"]: f["situacao"] for f in auditoria.fila(sessao_admin, proc["id"])}
    assert situacao == {2: "pendente", 3: "liberada"}
    assert aba.lista_fila.selecionada()["secao"] == 3  # relida, a escolha continua no boletim liberado
    assert textos(aba.fila)[0][2].startswith("liberada por Supervisora")


def test_dialogos_e_aba_da_eleicao_cabem_em_1366x768(qtbot, sessao_admin, proc, estilo):  # noqa: F811
    with simulando_dia(date(2027, 5, 18)):  # no dia da lista de inscritos
        rnd = random.Random(2)
        inicio = date.fromisoformat(proc["inscricao_inicio"])
        c = candidaturas.inscrever(sessao_admin, proc["id"], nome="Fulana de Tal", cpf="52998224725",
                                   nascimento=date(1980, 1, 1), residencia_desde=inicio - timedelta(days=300),
                                   experiencia_meses=30, numero=40, inscrito_em=inicio)
        publicar_inscritos(sessao_admin, proc)  # a impugnação só depois da lista de inscritos (art. 11 §2º)
        impugnacoes.apresentar(sessao_admin, c["id"], tipo="impugnacao", autor="Cidadão", fundamento="Sem prova",
                                   apresentada_em=date.fromisoformat(proc["publicacao_inscritos"]),
                                   prazo_defesa=date.fromisoformat(proc["impugnacao_fim"]) + timedelta(days=3))
        pid = proc["id"]
        fabricas = {
            "inscrição": lambda: dialogos_candidatura.DialogoInscricao(sessao_admin, pid, processo.obter_processo(sessao_admin, pid),
                                                                        hoje=processo.dia_de_registro()),
            "análise (reversão)": lambda: dialogos_candidatura.DialogoAnalise(sessao_admin, c, candidaturas.checklist(sessao_admin, c["id"]),
                                                                             requisito="residencia"),
            "nota": lambda: dialogos_candidatura.DialogoNota(sessao_admin, c, "60"),
            "parentesco": lambda: dialogos_candidatura.DialogoParentesco(sessao_admin, candidaturas.listar_candidaturas(sessao_admin, pid)),
            "reabertura": lambda: dialogos_candidatura.DialogoReabertura(
                sessao_admin, pid, processo.obter_processo(sessao_admin, pid), 0),
            "impugnação": lambda: dialogos_impugnacao.DialogoApresentar(
                sessao_admin, processo.obter_processo(sessao_admin, pid), candidaturas.listar_candidaturas(sessao_admin, pid)),
            "etapa da impugnação": lambda: dialogos_impugnacao.DialogoEtapa(sessao_admin, impugnacoes.listar(sessao_admin, pid)[0]),
            "seção": lambda: dialogos_impugnacao.DialogoSecao(sessao_admin, pid),
            "publicação do edital": lambda: dialogos_candidatura.DialogoPublicacao(
                sessao_admin, pid, processo.obter_processo(sessao_admin, pid), "edital", hoje=processo.dia_de_registro()),
            "publicação dos inscritos": lambda: dialogos_candidatura.DialogoPublicacao(
                sessao_admin, pid, processo.obter_processo(sessao_admin, pid), "inscritos", hoje=processo.dia_de_registro()),
            "retificação de publicação": lambda: dialogos_candidatura.DialogoRetificacao(
                sessao_admin, pid, processo.obter_processo(sessao_admin, pid), ["edital", "inscritos"]),
        }
        for nome, fabrica in fabricas.items():
            d = fabrica()
            qtbot.addWidget(d)
            d.show()
            QApplication.processEvents()
            m = d.minimumSizeHint()
            assert m.width() <= LARGURA and m.height() <= ALTURA, f"{nome}: mínimo {m.width()}×{m.height()}"
            assert d.height() <= ALTURA and d.width() <= LARGURA, f"{nome}: abre com {d.size()}"
            for b in d.findChildren(QPushButton):
                if b.isVisible():  # cada botão à vista fica dentro do diálogo
                    canto = b.mapTo(d, b.rect().bottomRight())
                    assert canto.y() <= d.height() and canto.x() <= d.width(), f"{nome}: botão {b.text()} fora"
            d.close()
        tela = ProcessoEscolha(sessao_admin)
        qtbot.addWidget(tela)
        tela.resize(LARGURA, ALTURA)
        tela.show()
        esperar_leituras(qtbot)  # as abas leem fora da thread da interface
        tela.abas.setCurrentWidget(tela.encerramento)
        QApplication.processEvents()
        m = tela.minimumSizeHint()
        assert m.width() <= LARGURA and m.height() <= ALTURA, f"aba Auditoria e posse: mínimo {m.width()}×{m.height()}"
        del rnd


def test_analise_so_reverte_reprovacao_com_decisao_e_nunca_a_idade(qtbot, sessao_admin, proc):  # noqa: F811
    with simulando_dia(date(2027, 4, 13)):  # registrado no dia do pedido
        inicio = date.fromisoformat(proc["inscricao_inicio"])
        c = candidaturas.inscrever(sessao_admin, proc["id"], nome="Recém Chegada", cpf="52998224725",
                                   nascimento=date(2006, 6, 1), residencia_desde=inicio - timedelta(days=300),
                                   experiencia_meses=30, numero=40, inscrito_em=inicio)
        d = dialogos_candidatura.DialogoAnalise(sessao_admin, c, candidaturas.checklist(sessao_admin, c["id"]),
                                                                             requisito="idade")
        qtbot.addWidget(d)
        d.documento.setText("RG")
        d.deferir.setChecked(True)
        d.decisao.setText("Ata 07/2027 da comissão")
        d.fundamento.setText("art. 11 §3º II")
        assert not d.botao_ok.isEnabled()  # idade: nunca
        d = dialogos_candidatura.DialogoAnalise(sessao_admin, c, candidaturas.checklist(sessao_admin, c["id"]),
                                                                             requisito="residencia")
        qtbot.addWidget(d)
        d.documento.setText("Contas de energia desde 2019")
        d.deferir.setChecked(True)
        assert not d.botao_ok.isEnabled()  # sem a decisão da comissão
        d.decisao.setText("Ata 07/2027: residência anterior comprovada")
        d.fundamento.setText("Lei 320/2023, art. 12 §5º")
        assert d.botao_ok.isEnabled()
        qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
        esperar_gravacao(qtbot, d)
        decisao, = candidaturas.decisoes_da_comissao(sessao_admin, c["id"])
        assert decisao["requisito"] == "residencia" and decisao["documento"] == "Contas de energia desde 2019"


def test_conselheira_nao_ve_importar_eleitos_e_sabe_quem_da_posse(qtbot, sessao_admin):
    from desktop.screens.conselho.funcionamento.conselheiros import AbaConselheiros

    conselheira = sessao_de(sessao_admin, "conselheira", Papel.CONSELHEIRO_TUTELAR)
    aba = AbaConselheiros(conselheira)
    qtbot.addWidget(aba)
    assert "Importar eleitos" not in aba.botoes and "Cadastrar" in aba.botoes
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=10000)  # a composição é lida fora da thread da interface
    assert "Encerrar e dar posse" in aba.alerta.text()
    admin = AbaConselheiros(sessao_admin)
    qtbot.addWidget(admin)
    qtbot.waitUntil(lambda: not admin.ocupada, timeout=10000)
    assert "Importar eleitos" in admin.botoes


def test_abrir_processo_e_emitir_documento_fora_da_interface(qtbot, sessao_admin, tmp_path, monkeypatch):
    """Abrir o processo e emitir um documento rodam fora da thread da interface (servicos.operacao); o PDF
    registrado é salvo onde o usuário escolheu."""
    from PySide6.QtWidgets import QFileDialog

    tela = ProcessoEscolha(sessao_admin)
    qtbot.addWidget(tela)
    esperar_leituras(qtbot)
    assert tela.processos.count() == 0
    tela.abrir.click()
    qtbot.waitUntil(lambda: tela.tarefa is None, timeout=15000)
    esperar_leituras(qtbot)
    assert "aberto com o calendário que a lei admite" in tela.mensagem.text(), tela.mensagem.text()
    assert tela.processos.count() == 1
    # aberto pela tela, o processo espera o edital: a fase diz isso e não se inscreve ninguém (art. 7º)
    assert tela.fase.text().startswith("Fase: Edital a publicar · "), tela.fase.text()
    assert not tela.candidatos.inscrever.isEnabled() and "art. 7º" in tela.candidatos.motivo.text()
    destino = tmp_path / "inscritos.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(destino), "")))
    botao = next(b for b in tela.findChildren(QPushButton) if b.text() == "&Edital — lista de inscritos")
    # sem a lista de inscritos publicada, o edital dela não sai (art. 11 §2º): o botão já vem desligado, com o
    # motivo na dica e, com o mouse sobre ele, na linha da aba — antes se clicava e a recusa vinha depois
    assert botao is tela.documentos["inscritos"] and not botao.isEnabled()
    assert "depois de registrada a publicação da lista de inscritos" in botao.toolTip() and "art. 11 §2º" in botao.toolTip()
    assert "art. 11 §6º" in tela.documentos["habilitados"].toolTip() and not tela.documentos["habilitados"].isEnabled()
    tela.abas.setCurrentIndex(tela.abas.count() - 1)
    tela.show()
    assert tela.motivo_documento.text().startswith("Documento desligado ainda não sai: aponte o mouse")
    qtbot.mouseMove(botao, botao.rect().center())
    qtbot.waitUntil(lambda: tela.motivo_documento.text() == botao.toolTip())
    botao.click()
    qtbot.waitUntil(lambda: tela.tarefa is None, timeout=30000)
    esperar_leituras(qtbot)
    assert not destino.exists()
    p = processo.obter_processo(sessao_admin, tela.processos.currentData())
    publicar_inscritos(sessao_admin, publicar_edital(sessao_admin, p))  # cada ato no seu dia
    tela.recarregar()
    esperar_leituras(qtbot)
    botao = next(b for b in tela.findChildren(QPushButton) if b.text() == "&Edital — lista de inscritos")
    assert botao.isEnabled() and botao.toolTip() == ""
    botao.click()
    qtbot.waitUntil(lambda: tela.tarefa is None, timeout=30000)
    esperar_leituras(qtbot)
    assert "Documento emitido e registrado" in tela.mensagem.text(), tela.mensagem.text()
    assert destino.read_bytes().startswith(b"%PDF")


def test_documento_recusado_vai_para_a_barra_sem_caixa(qtbot, sessao_admin, monkeypatch):
    """A emissão pela forma comum (widgets.emissao) mantém a recusa da eleição na barra de mensagem: o boletim de
    uma seção ainda não apurada é recusado ali, sem caixa de aviso nem arquivo, e a aba fica livre."""
    from PySide6.QtWidgets import QFileDialog

    tela = ProcessoEscolha(sessao_admin)
    qtbot.addWidget(tela)
    esperar_leituras(qtbot)
    tela.abrir.click()
    qtbot.waitUntil(lambda: tela.tarefa is None, timeout=15000)
    esperar_leituras(qtbot)
    caixas, dialogos = [], []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: caixas.append(self.text()) or 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: dialogos.append(a) or ("", "")))
    botao = next(b for b in tela.findChildren(QPushButton) if b.text().startswith("Bo&letim"))
    botao.click()
    qtbot.waitUntil(lambda: tela.tarefa is None, timeout=30000)
    assert "Seção não encontrada" in tela.mensagem.text(), tela.mensagem.text()
    assert caixas == [] and dialogos == []


def test_calendario_na_ordem_da_lei_e_ordena_pela_data(qtbot, sessao_admin, proc):  # noqa: F811
    """A aba Calendário é a tabela comum: as etapas do art. 7º §1º na ordem da lei com as datas do processo
    (dd/mm/aaaa); a Data ordena pela data e a Etapa volta à ordem da lei (não à alfabética)."""
    from desktop.rules.eleicao.calendario import ETAPAS
    from tests.screens.apoio_tabelas import textos

    tela = ProcessoEscolha(sessao_admin)
    qtbot.addWidget(tela)
    esperar_leituras(qtbot)
    p = processo.obter_processo(sessao_admin, proc["id"])
    na_lei = [[rotulo.capitalize(), date.fromisoformat(p[campo]).strftime("%d/%m/%Y")] for campo, rotulo in ETAPAS]
    visao = tela.calendario.visao
    assert textos(visao) == na_lei
    visao.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert textos(visao)[0] == ["Posse", date.fromisoformat(p["posse"]).strftime("%d/%m/%Y")]
    visao.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert textos(visao) == na_lei


def _tela_a_1366(qtbot, sessao):
    """O Processo de escolha da demonstração no tamanho que a aba tem numa tela de 1366×768, já lido."""
    demo.criar_demo_eleicao(sessao, random.Random(5))
    tela = ProcessoEscolha(sessao)
    qtbot.addWidget(tela)
    tela.resize(LARGURA - 230, ALTURA - 60)  # 230: a lista de módulos; 60: menu e barra de estado
    tela.show()
    esperar_leituras(qtbot)
    return tela


def test_impugnacoes_inteiras_a_1366(qtbot, sessao_admin, estilo):
    """Na largura que a aba tem a 1366×768 (a janela menos a lista de módulos), cada coluna das impugnações mostra o
    texto inteiro e a tabela não rola na horizontal — antes saíam 'impugna…', '28/05/2027 (juntad…' e
    'improcedente em …' com sobra no Candidato. A data da juntada vai para a dica."""
    tela = _tela_a_1366(qtbot, sessao_admin)
    tela.abas.setCurrentWidget(tela.impugnacoes)
    visao = tela.impugnacoes.tabela
    qtbot.waitUntil(lambda: visao.model().rowCount() > 0)
    QApplication.processEvents()
    linha = [visao.model().index(0, c).data() for c in range(visao.model().columnCount())]
    assert linha[4].endswith(" (juntada)") and linha[5].startswith("improcedente em ") and linha[6] != "—", linha
    assert "defesa juntada em " in visao.model().index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert cortadas(visao) == []
    assert visao.horizontalScrollBar().maximum() == 0


def test_auditoria_e_posse_mostra_mesarios_e_situacao_inteiros_a_1366(qtbot, sessao_admin, estilo):
    """Na aba Auditoria e posse, na largura de 1366×768, nome e função dos designados cabem inteiros (antes
    'Otávio Lins Cordeiro (…', 'Supervisor d…'), sem rolagem horizontal, e a situação do resultado cabe no rótulo
    (com duas linhas reservadas, 'contestação até …' e 'Posse dada' ficavam fora)."""
    tela = _tela_a_1366(qtbot, sessao_admin)
    tela.abas.setCurrentWidget(tela.encerramento)
    aba = tela.encerramento
    visao = aba.designados
    qtbot.waitUntil(lambda: visao.model().rowCount() >= 3 and "contestação até" in aba.situacao.text())
    QApplication.processEvents()
    assert [c for c in cortadas(visao) if not c.startswith("Ato")] == []  # o ato estica, inteiro na dica
    assert visao.horizontalScrollBar().maximum() == 0
    rotulo = aba.situacao
    assert rotulo.heightForWidth(rotulo.width()) <= rotulo.height(), (rotulo.text(), rotulo.width(), rotulo.height())


def test_auditoria_e_posse_cabe_sem_rolar_a_1366(qtbot, sessao_admin, estilo):
    """A aba Auditoria e posse cabe inteira, sem rolar, na área que tem numa janela maximizada a 1366×768 (antes
    pedia ~640 pontos de altura e tinha ~506: a recontagem e o Resultado e posse ficavam abaixo da dobra). Nada se
    esconde para caber: cada grupo, campo e botão aparece com pelo menos a altura que pede, e as designações mostram
    todas as linhas."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateTimeEdit, QGroupBox, QLineEdit, QPlainTextEdit, QScrollArea, QWidget

    tela = _tela_a_1366(qtbot, sessao_admin)
    tela.abas.setCurrentWidget(tela.encerramento)
    aba = tela.encerramento
    qtbot.waitUntil(lambda: aba.designados.model().rowCount() >= 3 and "contestação até" in aba.situacao.text())
    QApplication.processEvents()
    rolagem = aba.findChild(QScrollArea)
    corpo = rolagem.widget()
    assert rolagem.verticalScrollBar().maximum() == 0, (
        f"rola: o conteúdo pede {corpo.minimumSizeHint().height()} e a área tem {rolagem.viewport().height()}")
    assert rolagem.horizontalScrollBar().maximum() == 0
    grupos = [g for g in aba.findChildren(QGroupBox)]
    assert len(grupos) == 5 and all(g.isVisible() for g in grupos)
    for w in aba.findChildren(QWidget):
        if (isinstance(w, (QLineEdit, QComboBox, QDateTimeEdit, QPlainTextEdit, QAbstractButton)) and w.isVisible()
                and not w.objectName().startswith("qt_")):  # as peças internas do Qt (o texto da data) ficam de fora
            pede = min(w.minimumSizeHint().height(), w.maximumHeight())  # os presentes: 60 pontos, como sempre
            assert w.height() >= pede, f"{type(w).__name__} {w.objectName()} espremido: {w.height()} < {pede}"
            canto = w.mapTo(rolagem.viewport(), w.rect().bottomRight())
            assert canto.y() < rolagem.viewport().height(), f"{type(w).__name__} {getattr(w, 'text', str)()} fora"
    visao = aba.designados
    ultima = visao.visualRect(visao.model().index(visao.model().rowCount() - 1, 0))
    assert ultima.bottom() <= visao.viewport().height(), "a última designação fica escondida"


def test_antes_do_dia_da_eleicao_a_apuracao_espera_com_o_motivo(qtbot, sessao_admin, homologado):  # noqa: F811
    """Lista homologada, um mês antes da eleição de 03/10/2027: registrar a sessão de apuração, gravar a digitação,
    liberar e recontar ficam desabilitados com a trava de data do serviço (arts. 5º I e 9º) na dica — antes só o
    serviço recusava, depois do clique; designar continua (não depende do dia)."""
    proc, _ = homologado
    votacao.cadastrar_secao(sessao_admin, proc["id"], numero=1, local="Escola A", aptos=300)
    with simulando_dia(date(2027, 9, 3)):
        tela = ProcessoEscolha(sessao_admin)
        qtbot.addWidget(tela)
        esperar_leituras(qtbot)
        aba, dig = tela.encerramento, tela.digitacao
        for botao in (aba.registrar_sessao, aba.liberar, aba.recontar, dig.gravar):
            assert not botao.isEnabled(), botao.text()
            assert "a eleição é em 03/10/2027" in botao.toolTip() and "arts. 5º I e 9º" in botao.toolTip(), botao.text()
        assert aba.designar.isEnabled()
        assert not aba.publicar.isEnabled() and "não há boletim apurado" in aba.publicar.toolTip()
        assert all(c.isReadOnly() for c in (aba.inicio, aba.fim, aba.local, aba.membros))
    with simulando_dia(date(2027, 10, 3)):
        aba.recarregar()
        dig.recarregar()
        esperar_leituras(qtbot)
        assert aba.registrar_sessao.isEnabled() and dig.gravar.isEnabled() and not aba.local.isReadOnly()


def test_tab_nos_presentes_passa_ao_proximo_campo(qtbot, sessao_admin, homologado, dia_eleicao):  # noqa: F811
    """Nos presentes da sessão de apuração (um por linha), Tab leva ao campo seguinte, como nos outros campos, e
    Enter abre a linha do próximo presente; antes o Tab entrava no texto como tabulação e o teclado ficava preso no
    campo (só Ctrl+Tab saía)."""
    tela = ProcessoEscolha(sessao_admin)
    qtbot.addWidget(tela)
    tela.show()
    esperar_leituras(qtbot)
    tela.abas.setCurrentWidget(tela.encerramento)
    esperar_leituras(qtbot)
    membros = tela.encerramento.membros
    assert not membros.isReadOnly()  # dia da eleição, lista homologada: a sessão se registra
    tela.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tela)
    membros.setFocus()
    qtbot.waitUntil(membros.hasFocus)
    qtbot.keyClicks(membros, "Maria do Socorro Lima, presidente")  # (o QTest só digita ASCII)
    qtbot.keyClick(membros, Qt.Key.Key_Return)
    qtbot.keyClicks(membros, "Joao Batista Freitas, membro")
    qtbot.keyClick(membros, Qt.Key.Key_Tab)
    assert membros.toPlainText() == "Maria do Socorro Lima, presidente\nJoao Batista Freitas, membro"
    assert not membros.hasFocus() and QApplication.focusWidget() is not None
