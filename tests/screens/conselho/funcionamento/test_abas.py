"""As abas do Conselho em funcionamento dirigidas como o usuário: sigilo, novo caso, escala, contracheque e tamanho."""
import os
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from pypdf import PdfReader

from desktop.rules.papeis import Papel
from desktop.services.conselho import atendimentos, decisoes
from desktop.screens.conselho.funcionamento.atendimentos import AbaAtendimentos
from desktop.screens.conselho.funcionamento.caso import DialogoCaso
from desktop.screens.conselho.funcionamento.comum import ALTURA_MAX, LARGURA_MAX
from desktop.screens.conselho.funcionamento.escala import AbaEscala
from desktop.screens.conselho.funcionamento.novo_caso import DialogoNovoCaso
from desktop.screens.conselho.funcionamento.prazos import AbaPrazos
from desktop.screens.conselho.funcionamento.remuneracao import AbaRemuneracao
from desktop.screens.conselho.painel import PainelConselho
from tests.screens.apoio_janelas import clicar_botao, quando_modal
from tests.screens.apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação
from tests.screens.apoio_tabelas import editar_celula, ir_para, textos

CASO = {"tipo": "denuncia", "recebido_em": datetime(2025, 3, 10, 22, 15), "bairro": "Centro",
        "criancas": [{"nome": "Lia Souza", "nascimento": date(2015, 1, 2)}]}


def _cabe(w):
    dica = w.minimumSizeHint()
    assert dica.width() <= LARGURA_MAX and dica.height() <= ALTURA_MAX, (type(w).__name__, dica)


def test_admin_nao_ve_conteudo_de_caso(qtbot, sessao_admin, conselheira):
    atendimentos.registrar_atendimento(conselheira, CASO)
    aba = AbaAtendimentos(sessao_admin)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)  # a lista é lida fora da thread da interface
    assert aba.modelo.rowCount() == 0 and not aba.sigilo.isHidden() and aba.visao.isHidden()
    assert "sigilosos" in aba.sigilo.text() and "Administrador" in aba.sigilo.text()
    assert not aba.botao_abrir.isEnabled() and not aba.botao_novo.isEnabled()


def test_nao_vinculado_e_impedido_nao_veem(qtbot, conselheira, conselho, entrar):
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    solto = entrar("sem_vinculo", Papel.CONSELHEIRO_TUTELAR)
    aba = AbaAtendimentos(solto)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    assert aba.modelo.rowCount() == 0 and "vinculado" in aba.sigilo.text()
    decisoes.declarar_impedimento(conselheira, at["id"], "impedimento", "Parente da criança (art. 44, I)")
    aba2 = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba2)
    qtbot.waitUntil(lambda: not aba2.carregando, timeout=10000)
    assert aba2.modelo.rowCount() == 0  # o caso some da lista de quem é impedido
    try:
        atendimentos.obter_atendimento(conselheira, at["id"])  # o que a aba lê antes de abrir o caso
        raise AssertionError("o impedido abriu o caso")
    except Exception as e:  # noqa: BLE001
        assert "art. 44" in str(e)


def test_consulta_le_mas_nao_registra(qtbot, conselheira, entrar):
    atendimentos.registrar_atendimento(conselheira, CASO)
    mp = entrar("promotoria", Papel.CONSULTA)
    aba = AbaAtendimentos(mp)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    assert aba.modelo.rowCount() == 1 and aba.sigilo.isHidden() and aba.botao_novo.isHidden()


def test_novo_caso_pelo_formulario_grava_com_diario(qtbot, conselheira):
    d = DialogoNovoCaso(conselheira)
    qtbot.addWidget(d)
    _cabe(d)
    qtbot.keyClicks(d.bairro, "Vila Nova")
    qtbot.keyClicks(d.relato, "Vizinhos relatam gritos")
    qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.tarefa is None, timeout=20000)  # grava fora da thread da interface
    assert "ao menos uma criança" in d.erro.text()  # sem criança: recusa, nada gravado
    assert conselheira.db.execute("SELECT count(*) FROM conselho_atendimentos").fetchone()[0] == 0
    # as grades de entrada são a tabela comum: F2 (ou Enter) edita a célula, pelo teclado
    editar_celula(qtbot, d.criancas.visao, 0, 0, "Caio Lima")
    editar_celula(qtbot, d.criancas.visao, 0, 1, "05/06/2017", tecla=Qt.Key.Key_Return)
    editar_celula(qtbot, d.criancas.visao, 0, 3, "Rosa Lima")  # filiação (issue 14)
    editar_celula(qtbot, d.familia.visao, 0, 0, "Rosa Lima")
    editar_celula(qtbot, d.familia.visao, 0, 1, "mãe")
    assert textos(d.criancas.visao) == [["Caio Lima", "05/06/2017", "", "Rosa Lima", ""]]
    assert textos(d.familia.visao) == [["Rosa Lima", "mãe", "", ""]]
    d.agente.setCurrentIndex(d.agente.findData("pais_responsaveis"))
    d._on_violacao()
    d.medidas.item(1).setCheckState(Qt.CheckState.Checked)  # 101-II
    qtbot.keyClicks(d.decisao, "Acompanhamento temporario")
    qtbot.keyClicks(d.motivacao, "Risco de negligencia")
    qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.tarefa is None, timeout=20000)
    assert d.resultado is not None, d.erro.text()
    db = conselheira.db
    at = db.execute("SELECT id, bairro FROM conselho_atendimentos").fetchone()
    assert at[1] == "Vila Nova"
    assert db.execute("SELECT nome, nascimento, mae FROM conselho_criancas").fetchall() == [
        ("Caio Lima", "2017-06-05", "Rosa Lima")]
    assert db.execute("SELECT codigo FROM conselho_medidas").fetchall() == [("101-II",)]
    assert db.execute("SELECT count(*) FROM sigilo.diario WHERE tabela = 'conselho_atendimentos' AND registro_id = ? "
                      "AND acao = 'inserir'", [at[0]]).fetchone()[0] == 1
    caso = DialogoCaso(conselheira, at[0], None, atendimentos.obter_atendimento(conselheira, at[0]))
    qtbot.addWidget(caso)
    _cabe(caso)
    assert "Caio Lima" in caso.texto.toPlainText() and "comunicar até" in caso.texto.toPlainText()


def test_novo_caso_cabe_na_largura_sem_rolar(qtbot, qapp, conselheira):
    """Com a folha de estilo do Paço, o formulário cabe na largura com que abre: sem rolagem na horizontal, os
    botões das grades (+ criança, Remover linha) ficam à vista (antes, o agente e o direito violado o alargavam)."""
    from PySide6.QtWidgets import QPushButton, QScrollArea

    from desktop import app as paco

    anterior = qapp.styleSheet()
    paco.configurar_aplicacao(qapp)
    try:
        d = DialogoNovoCaso(conselheira)
        qtbot.addWidget(d)
        with qtbot.waitExposed(d):
            d.show()
        area = d.findChild(QScrollArea)
        assert area.widget().minimumSizeHint().width() <= area.viewport().width()
        assert not area.horizontalScrollBar().isVisible()
        for b in area.widget().findChildren(QPushButton):
            canto = b.mapTo(area.viewport(), b.rect().topRight())
            assert canto.x() <= area.viewport().width(), b.text()
    finally:
        qapp.setStyleSheet(anterior)


def _no_editor_aberto(qtbot, visao, texto):
    """Digita no editor de célula já aberto e confirma com Enter."""
    editor = next(e for e in visao.viewport().findChildren(QLineEdit) if e.isVisibleTo(visao.viewport()))
    qtbot.keyClicks(editor, texto)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visao.state() == visao.State.NoState)


def test_grades_do_novo_caso_pelo_teclado(qtbot, conselheira):
    """Crianças e família são grades da tabela comum: "+ criança" acrescenta uma linha já com o nome aberto para
    digitar; a data que não é dd/mm/aaaa fica em vermelho com o motivo na dica e a gravação é recusada com a mesma
    mensagem; o sexo se escolhe numa lista (F, M ou não informado); a linha removida e as vazias não vão à base."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QComboBox, QPushButton

    d = DialogoNovoCaso(conselheira)
    qtbot.addWidget(d)
    with qtbot.waitExposed(d):
        d.show()
    botao = {b.text().replace("&", ""): b for b in d.findChildren(QPushButton)}
    visao = d.criancas.visao
    editar_celula(qtbot, visao, 0, 0, "Caio Lima", tecla=Qt.Key.Key_Return)
    qtbot.mouseClick(botao["+ criança"], Qt.MouseButton.LeftButton)  # o editor do nome da nova linha já abre
    _no_editor_aberto(qtbot, visao, "Ana Souza")
    editar_celula(qtbot, visao, 0, 1, "31/02/2017")
    celula = visao.model().index(0, 1)
    assert celula.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")
    motivo = celula.data(Qt.ItemDataRole.ToolTipRole)
    assert motivo and motivo != "31/02/2017"
    qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
    assert d.erro.text() == motivo and d.tarefa is None  # recusada na tela, como antes: nada vai ao serviço
    editar_celula(qtbot, visao, 0, 1, "05/06/2017")
    assert visao.model().index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    ir_para(qtbot, visao, 0, 2)
    qtbot.keyClick(visao, Qt.Key.Key_F2)
    [combo] = [c for c in visao.viewport().findChildren(QComboBox) if c.isVisibleTo(visao.viewport())]
    assert [combo.itemText(i) for i in range(combo.count())] == ["não informado", "F", "M"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # escolher já grava a célula
    qtbot.waitUntil(lambda: visao.state() == visao.State.NoState)
    assert textos(visao) == [["Caio Lima", "05/06/2017", "F", "", ""], ["Ana Souza", "", "", "", ""]]
    editar_celula(qtbot, d.familia.visao, 0, 0, "Rosa Lima")
    qtbot.mouseClick(botao["+ familiar"], Qt.MouseButton.LeftButton)
    _no_editor_aberto(qtbot, d.familia.visao, "Engano")
    remover = [b for b in d.findChildren(QPushButton) if b.text() == "Remover linha"][1]  # o da família
    qtbot.mouseClick(remover, Qt.MouseButton.LeftButton)  # tira a linha escolhida ("Engano")
    assert textos(d.familia.visao) == [["Rosa Lima", "", "", ""]]
    qtbot.mouseClick(botao["+ familiar"], Qt.MouseButton.LeftButton)  # uma linha vazia: não vai à base
    qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.tarefa is None, timeout=20000)
    assert d.resultado is not None, d.erro.text()
    db = conselheira.db
    assert sorted(db.execute("SELECT nome, nascimento, sexo FROM conselho_criancas").fetchall()) == [
        ("Ana Souza", None, None), ("Caio Lima", "2017-06-05", "F")]
    assert [r[0] for r in db.execute("SELECT nome FROM conselho_familiares").fetchall()] == ["Rosa Lima"]


def test_enter_na_lista_abre_o_caso_lido_fora_da_thread(qtbot, conselheira):
    """Enter na linha: o caso é lido em segundo plano (consulta) e o diálogo abre com ele; a leitura vai ao diário."""
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    aba.show()
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 1, timeout=10000)
    antes = conselheira.db.execute("SELECT count(*) FROM sigilo.diario WHERE registro_id = ?", [at["id"]]).fetchone()[0]
    abertos = []

    def _fechar(d):
        abertos.append((d.windowTitle(), "Lia Souza" in d.texto.toPlainText()))
        d.reject()

    quando_modal(_fechar, tipo=DialogoCaso)
    aba.visao.selectRow(0)
    aba.visao.setFocus()
    qtbot.keyClick(aba.visao, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(abertos), timeout=10000)
    assert abertos == [(f"Atendimento nº {at['numero']}/{at['ano']}", True)]
    qtbot.waitUntil(lambda: conselheira.db.execute("SELECT count(*) FROM sigilo.diario WHERE registro_id = ?",
                                                   [at["id"]]).fetchone()[0] > antes, timeout=10000)


def _abertos_por_duplo_clique(qtbot, monkeypatch, aba) -> list:
    """Duplo clique na primeira linha; devolve os títulos dos casos abertos, depois de dar tempo a uma segunda
    abertura (outra leitura em segundo plano e o seu diálogo). O ``exec`` do caso só anota e fecha: um modal de
    verdade prenderia o teste, e nenhum vigia de modais fica pendurado para o teste seguinte."""
    abertos = []
    monkeypatch.setattr(DialogoCaso, "exec", lambda d: abertos.append(d.windowTitle()) or 0)
    visao = aba.visao
    ponto = visao.visualRect(visao.model().index(0, 0)).center()
    qtbot.mouseClick(visao.viewport(), Qt.MouseButton.LeftButton, pos=ponto)
    qtbot.mouseDClick(visao.viewport(), Qt.MouseButton.LeftButton, pos=ponto)
    qtbot.waitUntil(lambda: bool(abertos), timeout=10000)
    qtbot.wait(1500)
    return abertos


def test_duplo_clique_abre_o_caso_uma_vez_so(qtbot, monkeypatch, conselheira):
    """O duplo clique do Qt emite doubleClicked e activated: ligar os dois abria o mesmo caso duas vezes seguidas
    (e a leitura ia duas vezes ao diário). Atendimentos e Prazos abrem uma vez."""
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    aba.show()
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 1, timeout=10000)
    assert _abertos_por_duplo_clique(qtbot, monkeypatch, aba) == [f"Atendimento nº {at['numero']}/{at['ano']}"]

    decisoes.registrar_decisao(conselheira, at["id"], descricao="Orientação", motivacao="Negligência",
                               decidida_em=datetime(2025, 3, 10, 22, 15), emergencial=True)
    prazos = AbaPrazos(conselheira, agora=lambda: datetime(2025, 3, 11, 10, 0))
    qtbot.addWidget(prazos)
    prazos.show()
    qtbot.waitUntil(lambda: prazos.modelo.rowCount() > 0, timeout=10000)
    assert _abertos_por_duplo_clique(qtbot, monkeypatch, prazos) == [f"Atendimento nº {at['numero']}/{at['ano']}"]


def test_escala_gerada_com_carga_igual(qtbot, conselheira):
    aba = AbaEscala(conselheira)
    qtbot.addWidget(aba)
    aba.inicio.definir_data(date(2024, 2, 5))
    aba.fim.definir_data(date(2024, 2, 29))
    quando_modal(lambda caixa: clicar_botao(caixa, "Gerar e gravar"), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_gerar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.ocupada and "Escala gravada" in aba.mensagem.text(), timeout=20000)
    carga = aba.modelo_carga.linhas()
    assert len(carga) == 5
    noites = [c["noites"] for c in carga]
    assert sum(noites) == 25 and set(noites) == {5}  # 25 noites para 5 titulares: 5 cada (art. 20)
    horas = [aba.visao_carga.model().index(i, 3).data() for i in range(len(carga))]
    assert all(h.endswith(",0") and "." not in h for h in horas), horas  # vírgula decimal: '118,0', não '118.0'


def test_escala_troca_e_impressao_pela_aba(qtbot, conselheira, tmp_path, monkeypatch):
    """Trocar o plantonista (a lista de quem pode vem lida fora da thread da interface) e imprimir a escala (emitida
    com progresso): conferidos na base e no PDF salvo."""
    from desktop.services.conselho import escala

    from .apoio import responder, salvar_em

    escala.gerar_escala(conselheira, date(2024, 2, 5), date(2024, 2, 11))
    salvos = salvar_em(monkeypatch, tmp_path)
    aba = AbaEscala(conselheira)
    qtbot.addWidget(aba)
    aba.inicio.definir_data(date(2024, 2, 5))
    aba.fim.definir_data(date(2024, 2, 11))
    qtbot.mouseClick(aba.botao_ver, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.ocupada and aba.modelo.rowCount() > 0, timeout=10000)
    aba.visao.selectRow(0)
    turno = aba.modelo.linhas()[aba.visao.model().mapToSource(aba.visao.currentIndex()).row()]
    r = responder(qtbot, {"motivo": "Consulta médica marcada"})
    qtbot.mouseClick(aba.botao_trocar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Turno trocado" in aba.mensagem.text(), timeout=10000)
    assert r.erro is None, r.erro
    novo = conselheira.db.execute("SELECT conselheiro_id FROM conselho_plantoes WHERE id = ?", [turno["id"]]).fetchone()[0]
    assert novo != turno["conselheiro_id"]
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=10000)
    qtbot.mouseClick(aba.botao_imprimir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.ocupada and bool(salvos), timeout=20000)
    assert salvos[-1].name.startswith("escala-2024-02") and salvos[-1].read_bytes().startswith(b"%PDF")
    codigo = conselheira.db.execute("SELECT codigo FROM documentos ORDER BY rowid DESC").fetchone()[0]
    assert codigo in aba.mensagem.text()


def test_contracheque_emitido_e_registrado(qtbot, sessao_admin, conselheira, conselho, tmp_path, monkeypatch):
    """A folha é da administração municipal (issue 14): o administrador emite; a conselheira calcula e vê só o
    próprio contracheque, sem botão de emitir (antes ela emitia o próprio; comportamento novo)."""
    destino = tmp_path / "cc.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(destino), "PDF (*.pdf)")))
    from desktop.services.conselho import folha
    folha.fechar(sessao_admin, date(2024, 3, 1))  # o PDF sai da competência fechada (issue 13, item 8)
    aba = AbaRemuneracao(sessao_admin)
    qtbot.addWidget(aba)
    aba.show()
    aba.mes.setValue(3)
    aba.ano.setValue(2024)
    # a composição, o cálculo e a emissão rodam fora da thread da interface (widgets.servicos): espera-se
    qtbot.waitUntil(lambda: aba.conselheiro.findData(conselho[0]) >= 0)
    aba.conselheiro.setCurrentIndex(aba.conselheiro.findData(conselho[0]))
    qtbot.mouseClick(aba.botao_calcular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Líquido" in aba.previa.toPlainText() and aba.botao_emitir.isEnabled(), timeout=20000)
    qtbot.mouseClick(aba.botao_emitir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "código de verificação" in aba.mensagem.text() and len(aba.modelo.linhas()) == 1,
                    timeout=20000)
    assert destino.read_bytes().startswith(b"%PDF")
    texto = "".join(p.extract_text() for p in PdfReader(destino).pages)
    assert "Ana Beatriz Souza" in texto
    codigo = aba.modelo.linhas()[0]["codigo"]
    assert codigo in aba.mensagem.text()
    assert sessao_admin.db.execute("SELECT tipo FROM documentos WHERE codigo = ?", [codigo]).fetchone()[0] == \
        "conselho_contracheque"
    from desktop.services.conselho import remuneracao
    remuneracao.emitir_contracheque(sessao_admin, conselho[1], date(2024, 3, 1))  # o do colega

    dela = AbaRemuneracao(conselheira)
    qtbot.addWidget(dela)
    dela.mes.setValue(3)
    dela.ano.setValue(2024)
    qtbot.waitUntil(lambda: dela.conselheiro.count() > 0)
    assert dela.conselheiro.count() == 1 and dela.conselheiro.currentData() == conselho[0]
    assert dela.botao_emitir.isHidden() and dela.botao_banco.isHidden() and dela.botao_descontos.isHidden()
    qtbot.mouseClick(dela.botao_calcular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Líquido" in dela.previa.toPlainText())
    dela.recarregar()
    qtbot.waitUntil(lambda: len(dela.modelo.linhas()) > 0)
    assert [c["codigo"] for c in dela.modelo.linhas()] == [codigo]  # só o dela


def test_todas_as_abas_cabem_em_1366x720(qtbot, conselheira):
    atendimentos.registrar_atendimento(conselheira, CASO)
    painel = PainelConselho(conselheira)
    qtbot.addWidget(painel)
    painel.resize(LARGURA_MAX, ALTURA_MAX)
    painel.show()
    _cabe(painel)
    pasta = os.environ.get("PACO_TELAS")
    for i in range(painel.abas.count()):
        painel.abas.setCurrentIndex(i)
        _cabe(painel.abas.widget(i))
        if pasta:
            Path(pasta).mkdir(parents=True, exist_ok=True)
            painel.grab().save(str(Path(pasta) / f"{i:02d}-{painel.abas.tabText(i).replace(' ', '_')}.png"))


def test_conselheiro_sem_a_chave_do_sigilo_le_o_porque_sem_erro(qtbot, sessao_admin, conselho):
    """Um usuário do Conselho cuja sessão não tem o arquivo sigiloso anexado: as abas de casos dizem por
    quê (sem diálogo de erro e sem consultar tabela de caso)."""
    from desktop.screens.conselho.funcionamento.relatorio import AbaRelatorio
    from desktop.services.sessao import Sessao, Usuario

    sem_chave = Sessao(sessao_admin.base, Usuario("u-x", "ct-x", "Ct X", Papel.CONSELHEIRO_TUTELAR))
    assert not sem_chave.tem_sigilo
    rel = AbaRelatorio(sem_chave)
    qtbot.addWidget(rel)
    assert "chave do arquivo sigiloso" in rel.tabelas.toPlainText() and not rel.botao_pdf.isEnabled()
    aba = AbaAtendimentos(sem_chave)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    qtbot.addWidget(aba)
    assert aba.modelo.rowCount() == 0 and "chave do arquivo sigiloso" in aba.sigilo.text()


def test_escala_e_carga_sem_colunas_cortadas_a_1366(qtbot, conselheira, estilo):  # noqa: F811
    """Na largura da aba a 1366×768 com a folha de estilo, a escala e a carga por conselheiro mostram o nome
    inteiro e os números sem rolar: a carga (cinco linhas) tinha o nome 'Luzia Helena Ta…' e as horas fora, à
    direita — os títulos em negrito com a seta de ordenar pediam ~95 pontos por número."""
    from PySide6.QtWidgets import QApplication

    from tests.screens.apoio_tela import cortadas

    aba = AbaEscala(conselheira)
    qtbot.addWidget(aba)
    aba.resize(1366 - 230, 768 - 60 - 40)  # 230: a lista de módulos; 60: menu e barra de estado; 40: as abas
    aba.show()
    aba.inicio.definir_data(date(2024, 2, 5))
    aba.fim.definir_data(date(2024, 2, 29))
    quando_modal(lambda caixa: clicar_botao(caixa, "Gerar e gravar"), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_gerar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.ocupada and "Escala gravada" in aba.mensagem.text(), timeout=20000)
    QApplication.processEvents()
    for visao in (aba.visao, aba.visao_carga):
        cab = visao.horizontalHeader()
        assert cortadas(visao) == [], (visao.viewport().width(), [cab.sectionSize(i) for i in range(cab.count())])
        assert visao.horizontalScrollBar().maximum() == 0, visao.accessibleName()
    inicios = [aba.visao.model().index(i, 0).data() for i in range(aba.visao.model().rowCount())]
    assert inicios[0].startswith("seg 05/02 ") and inicios[-1].startswith("qui 29/02 ")  # em ordem
    # o ano está no período (sem ele na coluna, a escala e a carga cabem lado a lado); a data inteira, na dica
    assert aba.visao.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("05/02/2024 ")


def test_emitidos_na_competencia_sem_rolar_na_horizontal_a_1366(qtbot, estilo, sessao_admin, conselho, conselheira):  # noqa: F811
    """A tabela "Emitidos na competência" cabe na coluna da esquerda a 1366×768, vazia e com um contracheque: rolava
    na horizontal mesmo vazia (os títulos pediam mais que a coluna; a competência, a mesma em todas as linhas, já
    está no título da lista e nos campos acima)."""
    from PySide6.QtWidgets import QApplication

    from desktop.services.conselho import folha, remuneracao
    from tests.screens.apoio_tela import cortadas

    aba = AbaRemuneracao(conselheira)  # a conselheira vê os emitidos dela
    qtbot.addWidget(aba)
    aba.resize(1366 - 230, 768 - 60 - 40)  # 230: a lista de módulos; 60: menu e barra de estado; 40: as abas
    aba.show()
    aba.mes.setValue(3)
    aba.ano.setValue(2024)
    qtbot.waitUntil(lambda: aba.conselheiro.findData(conselho[0]) >= 0)
    QApplication.processEvents()
    assert aba.modelo.rowCount() == 0
    assert aba.visao.horizontalScrollBar().maximum() == 0, aba.visao.viewport().width()
    assert "03/2024" in aba.titulo_emitidos.text()
    folha.fechar(sessao_admin, date(2024, 3, 1))
    remuneracao.emitir_contracheque(sessao_admin, conselho[0], date(2024, 3, 1))
    aba.recarregar_emitidos()
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 1, timeout=10000)
    QApplication.processEvents()
    assert aba.visao.horizontalScrollBar().maximum() == 0, aba.visao.viewport().width()
    assert cortadas(aba.visao) == []


def test_escala_e_carga_com_os_nomes_da_demonstracao_a_1366(qtbot, estilo, sessao_admin):  # noqa: F811
    """Com os nomes da demonstração ('Francisco das Chagas Pinto', 'Raimundo Nonato Cordeiro'), na largura da aba a
    1366×768, a escala e a carga mostram os nomes inteiros, sem rolar: o divisor tinha larguras fixas (760 e 400
    pontos) e os dois nomes saíam cortados; agora reparte pela largura medida do texto das colunas, e as datas da
    escala vão sem o ano (o ano está no período, logo acima)."""
    from PySide6.QtWidgets import QApplication

    from desktop.services.conselho import escala, mandatos
    from desktop.services.demo_comum import dados_demo
    from tests.screens.apoio_tela import cortadas

    titulares = [nome for nome, condicao in dados_demo("conselho")["mandato"]["conselheiros"] if condicao == "titular"]
    for i, nome in enumerate(titulares):
        mandatos.cadastrar_conselheiro(sessao_admin, nome=nome, condicao="titular", ordem=i + 1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    escala.gerar_escala(sessao_admin, date(2026, 12, 1), date(2026, 12, 31))
    aba = AbaEscala(sessao_admin)
    qtbot.addWidget(aba)
    aba.resize(1366 - 230, 768 - 60 - 40)  # 230: a lista de módulos; 60: menu e barra de estado; 40: as abas
    aba.show()
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=20000)
    aba.inicio.definir_data(date(2026, 12, 1))
    aba.fim.definir_data(date(2026, 12, 31))
    qtbot.mouseClick(aba.botao_ver, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.ocupada and aba.modelo_carga.rowCount() == len(titulares), timeout=20000)
    QApplication.processEvents()
    assert any(len(n) > 25 for n in titulares)
    for visao in (aba.visao, aba.visao_carga):
        cab = visao.horizontalHeader()
        assert cortadas(visao) == [], (visao.viewport().width(), [cab.sectionSize(i) for i in range(cab.count())])
        assert visao.horizontalScrollBar().maximum() == 0, visao.accessibleName()
    assert aba.visao.model().index(0, 0).data() == "ter 01/12 18:00"
