"""O Processo de escolha na base de demonstração (12/2026): os dois processos, o de 2027 em andamento (aberto primeiro)
e o de 2023 inteiro, com a apuração por dupla digitação, o resultado e a posse (Lei 320/2023, arts. 5º I e IV, 14)."""
import pytest

from desktop.screens.conselho.eleicao import ProcessoEscolha
from desktop.services import acesso, demo
from tests.screens.apoio_janelas import esperar_leituras
from tests.screens.apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação (os tamanhos dependem dela)


@pytest.fixture
def sessao_comissao(tmp_path):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)  # a cópia da base de demonstração da sessão de testes
    s = acesso.entrar(caminho, "comissao", demo.SENHA_DEMO)
    yield s
    s.fechar()


def _abrir(qtbot, sessao, largura=1366, altura=720):
    """A tela do Processo de escolha mostrada, com as leituras do processo aberto primeiro (o de 2027) concluídas."""
    tela = ProcessoEscolha(sessao)
    qtbot.addWidget(tela)
    tela.resize(largura, altura)
    tela.show()
    esperar_leituras(qtbot)
    return tela


def _na_aba_de_2023(qtbot, tela, nome):
    """Escolhe o processo de 2023 (encerrado, posse dada), abre nele a aba ``nome`` (atributo da tela, lido depois
    da troca de processo) e a devolve."""
    tela.processos.setCurrentIndex(1)
    esperar_leituras(qtbot)
    aba = getattr(tela, nome)
    tela.abas.setCurrentWidget(aba)
    esperar_leituras(qtbot)
    return aba


def test_abre_no_processo_em_andamento_e_deixa_escolher_o_de_2023(qtbot, sessao_comissao):
    tela = _abrir(qtbot, sessao_comissao)
    itens = [tela.processos.itemText(i) for i in range(tela.processos.count())]
    assert itens == ["2027 — eleição em 03/10/2027", "2023 — eleição em 01/10/2023"]
    assert tela.processos.currentIndex() == 0 and tela.fase.text().startswith("Fase: Edital a publicar")
    tela.processos.setCurrentIndex(1)
    esperar_leituras(qtbot)
    assert tela.fase.text().startswith("Fase: Encerrado")
    # o mandato dito uma vez (antes: "Mandato desde a posse em 10/01/2024 — … · posse 10/01/2024 · mandato até …")
    assert tela.fase.text() == "Fase: Encerrado · Mandato de 10/01/2024 a 09/01/2028 — Lei 320/2023, arts. 6º §ún. e 7º"
    # o painel da apuração: 20 seções apuradas, a classificação com os eleitos da demonstração do Conselho
    tela.abas.setCurrentWidget(tela.painel)
    esperar_leituras(qtbot)
    ranking = tela.painel.ranking.modelo.linhas()
    assert len(ranking) == 10 and ranking[0]["nome"] == "Joana Batista Ferreira"
    assert "20" in tela.painel.resumo.text()


def test_processo_encerrado_sem_escrita_com_o_motivo_e_os_presentes_gravados(qtbot, sessao_comissao):
    """2023, posse dada: publicar, dar posse, gravar a digitação (e as demais escritas da apuração) ficam
    desabilitados, com o motivo do serviço na dica e na linha de situação; os presentes da sessão de apuração
    aparecem como gravados (apuracao_membros)."""
    tela = _abrir(qtbot, sessao_comissao)
    aba = _na_aba_de_2023(qtbot, tela, "encerramento")
    dig = tela.digitacao
    for botao in (aba.publicar, aba.posse, aba.registrar_sessao, aba.designar, aba.liberar, aba.recontar):
        assert botao.isVisible() and not botao.isEnabled(), botao.text()
        assert "Lei 320/2023, art. 14 §§1º e 2º" in botao.toolTip(), botao.text()
    assert "posse já foi dada em 10/01/2024" in aba.posse.toolTip()
    assert "art. 14 §§1º e 2º" in aba.situacao.text()
    assert aba.membros.toPlainText().splitlines() == [
        "Maria do Socorro Lima — presidente da Comissão Especial",
        "João Batista Freitas — membro da Comissão Especial",
        "Ana Cláudia Moura — membro da Comissão Especial",
        "Dr. Paulo Henrique Sales — Promotor de Justiça (fiscalização, art. 7º §3º)"]
    tela.abas.setCurrentWidget(dig)
    esperar_leituras(qtbot)
    assert dig.gravar.isVisible() and not dig.gravar.isEnabled()
    assert "digitar ou decidir boletins" in dig.gravar.toolTip()
    assert "art. 14 §§1º e 2º" in dig.mensagem.text()
    # o processo de 2027 (edital a publicar): o motivo é outro, também do serviço
    tela.processos.setCurrentIndex(0)
    esperar_leituras(qtbot)
    assert not tela.encerramento.posse.isEnabled() and "art. 7º" in tela.encerramento.posse.toolTip()


def test_auditoria_e_posse_de_2023_mostra_a_situacao_e_os_presentes_inteiros_a_1366(qtbot, sessao_comissao, estilo):
    """2023, posse dada, na área que a aba tem numa janela maximizada a 1366×768: a linha de situação do Resultado e
    posse (apuração, publicação e posse) cabe inteira na altura dada ao rótulo — antes, quatro linhas de texto num
    espaço de três saíam cortadas em cima e embaixo — e os quatro presentes da sessão de apuração aparecem inteiros,
    um por linha, sem rolar (antes ~2 linhas à vista e o nome da presidente quebrava em três). A aba continua sem
    rolar."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    tela = _abrir(qtbot, sessao_comissao, 1366 - 230, 768 - 60)  # 230: a lista de módulos; 60: menu e barra de estado
    aba = _na_aba_de_2023(qtbot, tela, "encerramento")
    QApplication.processEvents()
    rotulo = aba.situacao
    assert "Posse dada em 10/01/2024" in rotulo.text() and "contestação até" in rotulo.text()
    linhas = rotulo.heightForWidth(rotulo.width()) // rotulo.fontMetrics().lineSpacing()
    assert rotulo.heightForWidth(rotulo.width()) <= rotulo.contentsRect().height(), (
        f"{linhas} linhas de texto em {rotulo.contentsRect().height()} pontos: {rotulo.text()}")
    membros = aba.membros
    assert membros.toPlainText().splitlines()[0] == "Maria do Socorro Lima — presidente da Comissão Especial"
    documento = membros.document()
    assert membros.verticalScrollBar().maximum() == 0, (
        f"os presentes pedem {documento.size().height():.0f} linhas e o campo mostra {membros.viewport().height()} pontos")
    assert documento.firstBlock().lineCount() == 1, (
        f"o nome da presidente quebra em {documento.firstBlock().lineCount()} linhas")
    rolagem = aba.findChild(QScrollArea)
    assert rolagem.verticalScrollBar().maximum() == 0, (
        f"rola: o conteúdo pede {rolagem.widget().minimumSizeHint().height()} e a área tem {rolagem.viewport().height()}")
    assert aba.fila.horizontalScrollBar().maximum() == 0  # a coluna da direita, mais estreita, ainda sem rolar


def _passar_o_mouse(qtbot, botao) -> None:
    """O mouse entra no botão (desabilitado ou não), como o usuário que o aponta para saber por que não clica."""
    qtbot.mouseMove(botao, botao.rect().center())
    qtbot.waitUntil(lambda: botao.underMouse())


def test_processo_encerrado_sem_atos_dos_candidatos_e_a_sessao_so_leitura(qtbot, sessao_comissao):
    """2023, posse dada: inscrever, homologar, reabrir as inscrições e registrar parentesco ficam desabilitados, cada
    um com o motivo do serviço (com o artigo) na sua dica. A linha de situação da aba mostra um motivo só — o do
    botão que o mouse aponta, ou, sem nenhum, o da homologação (o próximo passo depois das inscrições) —, não os
    quatro empilhados (antes: sete linhas a 1366×768, a lista empurrada para baixo). Os campos da sessão de apuração
    ficam só leitura. No processo de 2027 (edital a publicar), os mesmos botões, com os motivos da preparação, e o
    motivo à vista é o da inscrição."""
    tela = _abrir(qtbot, sessao_comissao, 1366, 768)
    cand = _na_aba_de_2023(qtbot, tela, "candidatos")
    esperados = {cand.inscrever: "As inscrições estão encerradas", cand.homologar: "já foi homologada",
                 cand.reabrir: "Não é possível reabrir as inscrições",
                 cand.parentesco: "o resultado foi publicado em 01/10/2023"}
    for botao, trecho in esperados.items():
        assert botao.isVisible() and not botao.isEnabled(), botao.text()
        assert trecho in botao.toolTip() and "Lei 320/2023, art" in botao.toolTip(), botao.toolTip()
    assert cand.motivo.isVisible()
    assert cand.motivo.text() == cand.homologar.toolTip()  # um só, o mais importante
    linhas = cand.motivo.heightForWidth(cand.motivo.width()) // cand.motivo.fontMetrics().lineSpacing()
    assert linhas <= 2 and cand.motivo.heightForWidth(cand.motivo.width()) <= cand.motivo.contentsRect().height(), (
        f"{linhas} linhas em {cand.motivo.contentsRect().height()} pontos: {cand.motivo.text()}")
    topo_da_lista = cand.tabela.mapTo(cand, cand.tabela.rect().topLeft()).y()
    for botao in (cand.reabrir, cand.parentesco, cand.inscrever):  # o mouse sobre cada botão: o motivo dele, só ele
        _passar_o_mouse(qtbot, botao)
        assert cand.motivo.text() == botao.toolTip(), botao.text()
        assert cand.tabela.mapTo(cand, cand.tabela.rect().topLeft()).y() == topo_da_lista  # a lista não pula
    qtbot.mouseMove(cand.tabela, cand.tabela.rect().center())  # o mouse sai dos botões: volta o mais importante
    qtbot.waitUntil(lambda: cand.motivo.text() == cand.homologar.toolTip())
    aba = tela.encerramento
    tela.abas.setCurrentWidget(aba)
    esperar_leituras(qtbot)
    for campo in (aba.inicio, aba.fim, aba.local, aba.membros):
        assert campo.isReadOnly(), type(campo).__name__
    # 2027, edital a publicar: outros motivos, também do serviço
    tela.processos.setCurrentIndex(0)
    esperar_leituras(qtbot)
    cand = tela.candidatos
    tela.abas.setCurrentWidget(cand)
    esperar_leituras(qtbot)
    assert not cand.homologar.isEnabled() and "lista de inscritos ainda não foi publicada" in cand.homologar.toolTip()
    # antes do edital o próximo passo é a inscrição: o motivo dela é o que a aba mostra (art. 7º e §1º I)
    assert not cand.inscrever.isEnabled() and cand.motivo.text() == cand.inscrever.toolTip()
    assert "edital do processo de escolha não foi publicado" in cand.motivo.text() and "art. 7º" in cand.motivo.text()
    assert not cand.reabrir.isEnabled() and "o edital ainda não foi publicado" in cand.reabrir.toolTip()
    assert not cand.parentesco.isEnabled() and "há 0 inscrito(s)" in cand.parentesco.toolTip()


def test_digitacao_do_processo_encerrado_so_leitura(qtbot, sessao_comissao):
    """2023, posse dada: na Dupla digitação, além do botão de gravar, os campos do boletim ficam só leitura e os
    votos por candidato não abrem editor (nem digitando, nem com Enter) — nada da apuração se grava mais (art. 14
    §§1º e 2º)."""
    from PySide6.QtCore import Qt

    tela = _abrir(qtbot, sessao_comissao)
    dig = _na_aba_de_2023(qtbot, tela, "digitacao")
    assert all(c.edit.isReadOnly() for c in (dig.comparecimento, dig.brancos, dig.nulos))
    visao = dig.votos.visao
    assert visao.model().rowCount() == 10
    indice = visao.model().index(0, 2)
    assert not visao.model().flags(indice) & Qt.ItemFlag.ItemIsEditable
    visao.setFocus()
    visao.setCurrentIndex(indice)
    qtbot.keyClick(visao, Qt.Key.Key_5)
    qtbot.keyClick(visao, Qt.Key.Key_Return)
    assert visao.state() != visao.State.EditingState and visao.model().index(0, 2).data() == ""


def test_processo_encerrado_nao_abre_analise_nem_nota_e_enter_diz_por_que(qtbot, sessao_comissao):
    """2023, lista homologada há muito: escolhida uma candidatura, "Análise documental…" e "Nota da prova…" ficam
    desabilitados com o motivo e o artigo (arts. 7º §1º II e III e 11 §6º) — antes abriam o formulário, a comissão
    preenchia e só ao gravar vinha "Não é possível analisar documentos: … fase 'encerrado'." sem artigo. Enter na
    linha não abre nada e põe o motivo na barra do processo."""
    from PySide6.QtCore import Qt

    from desktop.screens.conselho.dialogos_candidatura import DialogoAnalise
    from tests.screens.apoio_tabelas import ir_para
    from tests.screens.conselho.apoio import vigiar_modais

    tela = _abrir(qtbot, sessao_comissao, 1366, 768)
    cand = _na_aba_de_2023(qtbot, tela, "candidatos")
    # sem escolha, a dica já diz a recusa da fase (a escolha não mudaria nada)
    assert cand.selecionada() is None and not cand.analisar.isEnabled()
    assert cand.analisar.toolTip().startswith("Não é possível analisar documentos")
    ir_para(qtbot, cand.tabela, 0)
    esperar_leituras(qtbot)
    assert cand.selecionada() is not None
    for botao, o_que in ((cand.analisar, "analisar documentos"), (cand.nota, "lançar notas da prova")):
        assert not botao.isEnabled(), botao.text()
        assert botao.toolTip().startswith(f"Não é possível {o_que} na fase \"encerrado\"")
        assert "arts. 7º §1º II e III e 11 §6º" in botao.toolTip()
        _passar_o_mouse(qtbot, botao)
        assert cand.motivo.text() == botao.toolTip()
    abertos, parar = vigiar_modais(DialogoAnalise)
    try:
        qtbot.keyClick(cand.tabela, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: tela.mensagem.text() == cand.analisar.toolTip())
        esperar_leituras(qtbot)
    finally:
        parar()
    assert abertos == []


def test_processo_encerrado_nao_registra_impugnacao_nem_denuncia(qtbot, sessao_comissao):
    """2023, resultado publicado e posse dada: antes, uma impugnação com data no prazo de 2023 (ou uma denúncia
    anterior à eleição) ainda era aceita e punha "sub judice" a conselheira empossada. O serviço recusa as duas com o
    artigo (arts. 11 §6º e 14 §1º) e nada grava; a aba deixa "Nova impugnação ou denúncia…" desligado com o motivo na
    dica e na linha do prazo."""
    from datetime import date

    import pytest

    from desktop.services.eleicao import candidaturas, impugnacoes
    from desktop.services.sessao import ErroNegocio

    tela = _abrir(qtbot, sessao_comissao, 1366, 768)
    aba = _na_aba_de_2023(qtbot, tela, "impugnacoes")
    pid = tela.processos.currentData()
    joana = next(c for c in candidaturas.listar_candidaturas(sessao_comissao, pid) if c["numero"] == 101)
    antes = impugnacoes.listar(sessao_comissao, pid)
    for tipo, dia, trecho in (("impugnacao", date(2023, 5, 18), "art. 11 §§2º e 6º"),
                              ("denuncia", date(2023, 9, 1), "art. 14 §1º")):
        with pytest.raises(ErroNegocio, match=trecho):
            impugnacoes.apresentar(sessao_comissao, joana["id"], tipo=tipo, autor="Cidadão", fundamento="Sem prova",
                                   apresentada_em=dia, prazo_defesa=date(2023, 9, 20))
    assert impugnacoes.listar(sessao_comissao, pid) == antes
    assert not next(c for c in candidaturas.listar_candidaturas(sessao_comissao, pid) if c["id"] == joana["id"])["sub_judice"]
    assert not aba.nova.isEnabled()
    assert "o resultado foi publicado em 01/10/2023" in aba.nova.toolTip() and "art. 11 §§2º e 6º" in aba.nova.toolTip()
    assert aba.nova.toolTip() in aba.prazo.text()
