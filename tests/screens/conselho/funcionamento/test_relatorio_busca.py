"""Relatório trimestral (tabelas, PDF sem nomes, CSV do SIPIA) e a busca de Atendimentos fora da thread da tela."""
import csv
import io
import time
from datetime import date, datetime

from PySide6.QtCore import Qt
from pypdf import PdfReader

from desktop.services import documentos
from desktop.services.conselho import atendimentos
from desktop.screens.conselho.funcionamento.atendimentos import AbaAtendimentos
from desktop.screens.conselho.funcionamento.relatorio import AbaRelatorio
from tests.screens.apoio_janelas import digitar

from .apoio import salvar_em

NOMES = ["Lia Souza", "Caio Lima", "Davi Rocha", "Maria Clara Pinto"]


def _casos(sessao) -> None:
    """Três registros no 1º trimestre de 2025 e um no 2º (fora)."""
    for recebido, bairro, criancas, direito in (
            (datetime(2025, 1, 15, 9, 0), "Centro", [("Lia Souza", date(2015, 1, 2))], "VS.1.1"),
            (datetime(2025, 2, 20, 23, 0), "Vila Nova", [("Caio Lima", date(2010, 6, 5)),
                                                         ("Davi Rocha", date(2021, 3, 3))], "CFC.1.1"),
            (datetime(2025, 3, 5, 14, 0), "Vila Nova", [("Lia Souza Neta", date(2016, 8, 8))], "VS.1.1"),
            (datetime(2025, 4, 2, 10, 0), "São Jorge", [("Maria Clara Pinto", date(2012, 2, 2))], "VS.1.1")):
        atendimentos.registrar_atendimento(sessao, {
            "tipo": "denuncia", "recebido_em": recebido, "bairro": bairro,
            "criancas": [{"nome": n, "nascimento": d} for n, d in criancas],
            "violacoes": [{"especifico": direito, "agente": "pais_responsaveis"}],
            "medidas": [{"codigo": "101-II"}],
            "decisao": {"descricao": "Orientação", "motivacao": "Relato confirmado"}})


def _pronta(qtbot, aba: AbaRelatorio) -> None:
    """A aba monta, emite e exporta fora da thread da interface (widgets.servicos): espera terminar."""
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=20000)


def test_relatorio_tabelas_pdf_sem_nomes_e_csv(qtbot, conselheira, tmp_path, monkeypatch):
    _casos(conselheira)
    salvos = salvar_em(monkeypatch, tmp_path)
    aba = AbaRelatorio(conselheira)
    qtbot.addWidget(aba)
    aba.ano.setValue(2025)
    aba.trimestre.setCurrentIndex(0)
    qtbot.mouseClick(aba.botao_ver, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)
    tabelas = aba.tabelas.toPlainText()
    # contagens pequenas não se publicam (issue 14): 3 registros e 4 crianças aparecem como "< 5" e a tabela de
    # bairros (que somaria 3) é omitida inteira
    assert "1º trimestre de 2025: < 5 registro(s), < 5 criança(s)" in tabelas
    assert "Vila Nova" not in tabelas and "Centro" not in tabelas and "São Jorge" not in tabelas
    assert "Tabela omitida" in tabelas
    assert not any(n in tabelas for n in NOMES + ["Lia Souza Neta"])

    digitar(qtbot, aba.observacoes, "Falta CAPS infantil no município.")
    qtbot.mouseClick(aba.botao_pdf, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)
    pdf = salvos[-1]
    assert pdf.name.startswith("relatorio-2025-T1-")
    assert documentos.verificar_pdf(conselheira, pdf).situacao == "autentico"
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Falta CAPS infantil no município." in texto and "Vila Nova" not in texto and "Tabela omitida" in texto
    for nome in NOMES + ["Lia Souza Neta", "Souza", "Rocha"]:
        assert nome not in texto, nome
    codigo = conselheira.db.execute("SELECT codigo FROM documentos WHERE tipo = 'conselho_relatorio_trimestral'"
                                    ).fetchone()[0]
    assert codigo in aba.mensagem.text()

    qtbot.mouseClick(aba.botao_csv, Qt.MouseButton.LeftButton)
    _pronta(qtbot, aba)
    arquivo = salvos[-1]
    assert arquivo.name == "sipia-2025-T1.csv"
    conteudo = arquivo.read_text(encoding="utf-8")
    linhas = list(csv.DictReader(io.StringIO(conteudo), delimiter=";" if ";" in conteudo.splitlines()[0] else ","))
    assert len(linhas) == 4  # uma por criança nos três registros do trimestre
    assert "4 linha(s) de dados" in aba.mensagem.text()
    assert not any(n in conteudo for n in NOMES + ["Lia Souza Neta"])
    assert conselheira.db.execute("SELECT count(*) FROM sigilo.diario WHERE registro_id = 'exportacao'").fetchone()[0] == 1


def _buscar(qtbot, aba: AbaAtendimentos, texto: str, campo: str) -> list[str]:
    aba.busca.clear()
    digitar(qtbot, aba.busca, texto)
    aba.campo.setCurrentIndex(aba.campo.findData(campo))
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    assert aba.carregando and aba.contagem.text() == "Buscando…"  # rodando fora da thread da tela
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    m = aba.visao.model()
    return sorted(m.index(i, 3).data() for i in range(m.rowCount()))


def test_busca_por_nome_e_por_bairro_em_segundo_plano(qtbot, conselheira):
    _casos(conselheira)
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    assert aba.modelo.rowCount() == 4
    assert _buscar(qtbot, aba, "Souza", "nomes") == ["Lia Souza", "Lia Souza Neta"]
    assert "2 registro(s)" in aba.contagem.text()
    assert _buscar(qtbot, aba, "Vila Nova", "bairro") == ["Caio Lima; Davi Rocha", "Lia Souza Neta"]
    assert _buscar(qtbot, aba, "Rocha", "nomes") == ["Caio Lima; Davi Rocha"]
    assert _buscar(qtbot, aba, "Rocha", "bairro") == []
    assert _buscar(qtbot, aba, "São Jorge", "bairro") == ["Maria Clara Pinto"]
    assert _buscar(qtbot, aba, "", "nomes") == sorted(["Lia Souza", "Caio Lima; Davi Rocha", "Lia Souza Neta",
                                                        "Maria Clara Pinto"])
    assert aba.botao_buscar.isEnabled()
    # Cada busca é uma leitura de caso no diário — gravada pela thread de gravações da sessão, sem a busca
    # esperar o disco (issue 16); fechar a sessão (ou aguardar_gravacoes) espera a fila.
    conselheira.aguardar_gravacoes()
    assert conselheira.db.execute("SELECT count(*) FROM sigilo.diario WHERE acao = 'evento' AND depois LIKE '%busca%'"
                                  ).fetchone()[0] >= 5


def test_enter_pede_a_busca_na_hora_sem_temporizador(qtbot, conselheira, monkeypatch):
    """O Enter pede a busca ao serviço já, na thread de trabalho, sem esperar temporizador nem volta do laço de
    eventos (issue 16, meta 3: do Enter à lista): com a interface parada logo depois da tecla, o serviço é chamado
    com o texto digitado."""
    import threading

    from desktop.services.conselho import atendimentos as servico

    _casos(conselheira)
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    original, pedidas, chegou = servico.listar_atendimentos, [], threading.Event()

    def _anota(sessao, **kw):
        pedidas.append(kw.get("busca"))
        chegou.set()
        return original(sessao, **kw)

    monkeypatch.setattr(servico, "listar_atendimentos", _anota)
    aba.busca.setText("Rocha")
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    assert chegou.wait(10) and pedidas == ["Rocha"]  # sem processar evento nenhum desde a tecla
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    m = aba.visao.model()
    assert [m.index(i, 3).data() for i in range(m.rowCount())] == ["Caio Lima; Davi Rocha"]


def test_busca_velha_nao_apaga_a_nova(qtbot, conselheira, monkeypatch):
    """Digitando rápido: a resposta de uma busca que chega depois da de outra mais nova é descartada."""
    from desktop.services.conselho import atendimentos as servico
    from desktop.screens.widgets.leitura import em_andamento

    _casos(conselheira)
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    original = servico.listar_atendimentos

    def _devagar_para_souza(sessao, **kw):
        if kw.get("busca") == "Souza":
            time.sleep(0.6)  # a primeira busca responde por último
        return original(sessao, **kw)

    monkeypatch.setattr(servico, "listar_atendimentos", _devagar_para_souza)
    digitar(qtbot, aba.busca, "Souza")
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    aba.busca.clear()
    digitar(qtbot, aba.busca, "Rocha")
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: em_andamento() == 0 and not aba.carregando, timeout=10000)
    m = aba.visao.model()
    assert [m.index(i, 3).data() for i in range(m.rowCount())] == ["Caio Lima; Davi Rocha"]
    assert aba.contagem.text() == "1 registro(s)"


def test_aba_monta_sem_leitura_correndo_e_a_lista_vem_depois(qtbot, conselheira):
    """A primeira página é pedida depois da montagem (issue 16): enquanto a aba é montada e pintada nenhuma leitura
    disputa o GIL com ela; a lista chega sozinha logo depois; e uma busca feita antes disso não é atropelada pela
    primeira página."""
    from desktop.screens.widgets.leitura import em_andamento

    _casos(conselheira)
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    assert em_andamento() == 0 and aba.carregando  # montada sem ler; a lista está a caminho
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    assert aba.modelo.rowCount() == 4 and aba.contagem.text() == "4 registro(s)"

    outra = AbaAtendimentos(conselheira)
    qtbot.addWidget(outra)
    outra.busca.setText("Rocha")  # antes da primeira página
    qtbot.keyClick(outra.busca, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: em_andamento() == 0 and not outra.carregando, timeout=10000)
    m = outra.visao.model()
    assert [m.index(i, 3).data() for i in range(m.rowCount())] == ["Caio Lima; Davi Rocha"]
    assert outra._consultas_feitas == 1  # a primeira página não foi pedida por cima da busca


def test_busca_nao_redesenha_a_janela_inteira(qtbot, qapp, conselheira):
    """O "Buscando…" e a contagem da busca redesenham só o rótulo: num QLabel solto no layout, com a folha de
    estilo do Paço, cada texto novo subia de layout em layout até a janela e a aba era redesenhada inteira, com
    a tabela — ~30 ms de CPU da interface a cada vez com 200 casos na tela (issue 16)."""
    from desktop import app as paco

    anterior = qapp.styleSheet()
    paco.configurar_aplicacao(qapp)  # sem a folha de estilo o Qt não redesenhava a aba (desfeita no fim)
    try:
        _redesenhos_ao_trocar_a_contagem(qtbot, conselheira)
    finally:
        qapp.setStyleSheet(anterior)


def _redesenhos_ao_trocar_a_contagem(qtbot, conselheira) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

    _casos(conselheira)
    janela = QMainWindow()
    qtbot.addWidget(janela)
    abas = QTabWidget()
    janela.setCentralWidget(abas)
    aba = AbaAtendimentos(conselheira)
    abas.addTab(QWidget(), "Outra")
    abas.addTab(aba, "Atendimentos")
    abas.setCurrentWidget(aba)
    janela.resize(1000, 700)
    janela.show()
    qtbot.waitExposed(janela)
    qtbot.waitUntil(lambda: not aba.carregando and aba.modelo.rowCount() == 4, timeout=10000)
    qtbot.wait(50)

    pinturas = []

    class Contador(QObject):
        def eventFilter(self, alvo, evento):  # noqa: N802
            if evento.type() == QEvent.Type.Paint:
                pinturas.append(alvo)
            return False

    contador = Contador()
    aba.visao.viewport().installEventFilter(contador)
    for texto in ("Buscando…", "50 registro(s) — os mais recentes; role até o fim para ver mais, ou refine a busca.",
                  "Buscando…",
                  "3 registro(s)"):
        aba.contagem.setText(texto)
        qtbot.wait(100)
        assert aba.contagem.isVisible() and aba.contagem.width() > aba.contagem.fontMetrics().horizontalAdvance(texto)
    assert pinturas == []  # a tabela não foi redesenhada
    aba.visao.viewport().removeEventFilter(contador)


def test_busca_pinta_a_tabela_uma_vez(qtbot, qapp, conselheira):
    """Cada busca pinta a lista uma vez: o Qt dispunha a tabela (rolagem, cabeçalho) na volta seguinte do laço,
    depois de pintar as linhas novas, e pedia outra pintura da tabela inteira (issue 16, meta 3)."""
    from desktop import app as paco

    anterior = qapp.styleSheet()
    paco.configurar_aplicacao(qapp)
    try:
        _pinturas_por_busca(qtbot, conselheira)
    finally:
        qapp.setStyleSheet(anterior)


def _pinturas_por_busca(qtbot, conselheira) -> None:
    from PySide6.QtCore import QEvent, QObject

    _casos(conselheira)
    aba = AbaAtendimentos(conselheira)
    qtbot.addWidget(aba)
    aba.resize(1000, 600)
    aba.show()
    qtbot.waitExposed(aba)
    qtbot.waitUntil(lambda: not aba.carregando and aba.modelo.rowCount() == 4, timeout=10000)
    qtbot.wait(100)
    pinturas = []

    class Contador(QObject):
        def eventFilter(self, alvo, evento):  # noqa: N802
            if evento.type() == QEvent.Type.Paint:
                pinturas.append(alvo)
            return False

    contador = Contador()
    aba.visao.viewport().installEventFilter(contador)
    for texto, linhas in (("Souza", 2), ("Rocha", 1), ("", 4)):
        pinturas.clear()
        aba.busca.setText(texto)
        qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
        qtbot.wait(150)
        assert aba.modelo.rowCount() == linhas
        assert len(pinturas) == 1, texto
    aba.visao.viewport().removeEventFilter(contador)
