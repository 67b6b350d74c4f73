"""Aba Fiscalização: entidade cadastrada pela tela, plano do semestre com 30 entidades (rolagem que cabe em
1366×720), visita com irregularidade e o ofício registrado que a comunica."""
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pypdf import PdfReader

from desktop.services import documentos
from desktop.services.conselho import fiscalizacao
from desktop.screens.conselho.funcionamento.comum import ALTURA_MAX, LARGURA_MAX
from desktop.screens.conselho.funcionamento.fiscalizacao import AbaFiscalizacao, DialogoPlano
from tests.screens.apoio_janelas import digitar, quando_modal
from tests.screens.apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação

from .apoio import br, responder, salvar_em


def _botao(aba, texto: str) -> QPushButton:
    return next(b for b in aba.findChildren(QPushButton) if b.text().replace("&", "") == texto)


def _clicar(qtbot, aba, texto: str) -> None:
    qtbot.mouseClick(_botao(aba, texto), Qt.MouseButton.LeftButton)


def _pronta(qtbot, aba) -> None:
    """A aba lê e emite fora da thread da interface (widgets.servicos): espera terminar."""
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=20000)


def test_entidade_plano_de_30_visita_e_oficio(qtbot, conselheira, tmp_path, monkeypatch):
    db = conselheira.db
    salvos = salvar_em(monkeypatch, tmp_path)
    aba = AbaFiscalizacao(conselheira)
    qtbot.addWidget(aba)
    aba.resize(LARGURA_MAX, ALTURA_MAX)
    aba.show()
    _pronta(qtbot, aba)
    _clicar(qtbot, aba, "Planejar semestre")
    assert "Cadastre antes as entidades" in aba.mensagem.text()

    r = responder(qtbot, {"nome": "Casa de Acolhida Esperança", "regime": "acolhimento_institucional",
                          "end": "Rua das Flores, 10", "bairro": "Centro"})
    _clicar(qtbot, aba, "Cadastrar entidade")
    assert r.erro is None, r.erro
    _pronta(qtbot, aba)
    ent = db.execute("SELECT id, nome, regime, bairro FROM conselho_entidades").fetchone()
    assert ent[1:] == ("Casa de Acolhida Esperança", "acolhimento_institucional", "Centro")
    assert db.execute("SELECT count(*) FROM diario WHERE tabela = 'conselho_entidades' AND registro_id = ?",
                      [ent[0]]).fetchone()[0] == 1
    for i in range(2, 31):
        fiscalizacao.cadastrar_entidade(conselheira, f"Entidade de Atendimento nº {i:02d}", "apoio_socioeducativo_meio_aberto",
                                        bairro="Vila Nova")
    aba.recarregar()
    _pronta(qtbot, aba)
    assert aba.modelo_e.rowCount() == 30

    ano = date.today().year
    aba.semestre.setCurrentIndex(aba.semestre.findData(f"{ano}-1"))
    _pronta(qtbot, aba)
    ids = [e["id"] for e in aba.modelo_e.linhas()]
    datas = {i: date(ano, 2, 2) + timedelta(days=4 * n) for n, i in enumerate(ids)}
    visto = {}

    def _preencher(d: DialogoPlano):
        d.show()
        visto["tamanho"] = (d.width(), d.height(), d.minimumSizeHint().height(), d.sizeHint().height())
        visto["linhas"] = len(d.widgets)
        # Um dia fora do semestre: recusa no diálogo, que continua aberto.
        for n, (i, w) in enumerate(d.widgets.items()):
            digitar(qtbot, w.edit, br(datas[i]) if n else f"01/07/{ano}")
        d.botao_ok.click()
        qtbot.waitUntil(lambda: d.tarefa is None, timeout=20000)  # o serviço responde fora da thread da interface
        visto["erro"] = d.rotulo_erro.text()
        visto["tamanho_erro"] = d.height()
        primeiro = next(iter(d.widgets.values()))
        primeiro.edit.clear()
        digitar(qtbot, primeiro.edit, br(datas[ids[0]]))
        d.botao_ok.click()
        qtbot.waitUntil(lambda: d.tarefa is None, timeout=20000)
        if d.isVisible():
            visto["erro2"] = d.rotulo_erro.text()
            d.reject()

    quando_modal(_preencher, tipo=DialogoPlano)
    _clicar(qtbot, aba, "Planejar semestre")
    _pronta(qtbot, aba)
    assert visto["linhas"] == 30
    largura, altura, minima, sugerida = visto["tamanho"]
    assert largura <= LARGURA_MAX and altura <= ALTURA_MAX and minima <= ALTURA_MAX and sugerida <= ALTURA_MAX, visto
    assert "fora do semestre" in visto["erro"] and visto["tamanho_erro"] <= ALTURA_MAX
    assert "erro2" not in visto, visto.get("erro2")
    plano = db.execute("SELECT entidade_id, prevista_para FROM conselho_visitas WHERE semestre = ?",
                       [f"{ano}-1"]).fetchall()
    assert dict(plano) == {i: d.isoformat() for i, d in datas.items()}
    assert aba.modelo_v.rowCount() == 30 and "30 visita(s)" in aba.mensagem.text()

    # Visita à primeira entidade, com irregularidade.
    aba.visao_v.selectRow(0)
    visita = aba.modelo_v.linhas()[0]
    assert visita["nome"] == "Casa de Acolhida Esperança"
    realizada = date(ano, 2, 3)
    r = responder(qtbot, {"em": realizada, "quem": "Ana Beatriz Souza e Bruno Carvalho Lima",
                          "relato": "Visita sem aviso prévio; 12 acolhidos.",
                          "irr": "Extintores vencidos e ausência de plano individual de atendimento."})
    _clicar(qtbot, aba, "Registrar visita")
    assert r.erro is None, r.erro
    _pronta(qtbot, aba)
    assert db.execute("SELECT realizada_em, irregularidades FROM conselho_visitas WHERE id = ?",
                      [visita["id"]]).fetchone() == (realizada.isoformat(), "Extintores vencidos e ausência de plano "
                                                                            "individual de atendimento.")
    linha = next(i for i, v in enumerate(aba.modelo_v.linhas()) if v["id"] == visita["id"])
    assert aba.visao_v.model().index(linha, 3).data() == "sim"

    # Ofício das irregularidades: PDF registrado, autêntico, com o texto da visita.
    aba.visao_v.selectRow(linha)
    r = responder(qtbot, {"ass": "Ana Beatriz Souza"})
    _clicar(qtbot, aba, "Comunicar irregularidades (PDF)")
    assert r.erro is None, r.erro
    _pronta(qtbot, aba)
    arquivo = salvos[-1]
    assert documentos.verificar_pdf(conselheira, arquivo).situacao == "autentico"
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(arquivo).pages).split())
    for trecho in ("Casa de Acolhida Esperança", "Extintores vencidos", "Ministério Público", br(realizada)):
        assert trecho in texto, trecho
    codigo = db.execute("SELECT codigo FROM documentos WHERE tipo = 'conselho_oficio'").fetchone()[0]
    assert codigo in aba.mensagem.text()
    assert db.execute("SELECT comunicada_em IS NOT NULL, documento_id IS NOT NULL FROM conselho_visitas WHERE id = ?",
                      [visita["id"]]).fetchone() == (1, 1)
    # o quadro de emitidos da aba reabre o ofício idêntico e emite a 2ª via (issue 11)
    from PySide6.QtGui import QDesktopServices
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: True))
    qtbot.waitUntil(lambda: len(aba.emitidos.documentos()) == 1, timeout=10000)
    [doc] = aba.emitidos.documentos()
    assert doc["codigo"] == codigo
    antes = len(salvos)
    qtbot.mouseClick(aba.emitidos.botao_abrir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(salvos) > antes and aba.emitidos.ultimo_arquivo == salvos[-1], timeout=10000)
    assert salvos[-1].read_bytes() == arquivo.read_bytes()
    qtbot.keyClicks(aba.emitidos.motivo, "via para o arquivo do CMDCA")
    qtbot.mouseClick(aba.emitidos.botao_via, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(aba.emitidos.documentos()) == 2, timeout=30000)
    qtbot.waitUntil(lambda: aba.emitidos.ultimo_arquivo == salvos[-1], timeout=10000)
    v2 = documentos.verificar_pdf(conselheira, salvos[-1])
    assert v2.situacao == "autentico" and v2.documento["via"] == 2
    assert "Extintores vencidos" in " ".join(" ".join(p.extract_text() for p in PdfReader(salvos[-1]).pages).split())
    assert documentos.verificar_codigo(conselheira, codigo).situacao == "substituido"

    # Visita sem seleção: a aba pede a escolha.
    aba.visao_v.clearSelection()
    _clicar(qtbot, aba, "Registrar visita")
    assert "Selecione a visita" in aba.mensagem.text()


def test_alertas_de_visita_e_de_comunicacao_no_painel(qtbot, conselheira, sessao_admin):
    """Visita atrasada e irregularidade não comunicada aparecem, contadas, na aba Fiscalização e na aba Prazos."""
    from datetime import datetime

    from desktop.screens.conselho.funcionamento.prazos import AbaPrazos

    a = fiscalizacao.cadastrar_entidade(sessao_admin, "Casa de Acolhida Esperança", "acolhimento_institucional")
    b = fiscalizacao.cadastrar_entidade(sessao_admin, "Projeto Crescer", "apoio_socioeducativo_meio_aberto")
    plano = {v["nome"]: v["id"] for v in fiscalizacao.planejar_semestre(
        sessao_admin, "2026-2", {a["id"]: date(2026, 8, 3), b["id"]: date(2026, 10, 5)})}
    fiscalizacao.registrar_visita(sessao_admin, plano["Casa de Acolhida Esperança"], date(2026, 8, 3), "Ana",
                                  "Visita", "Extintores vencidos")
    aba = AbaFiscalizacao(conselheira, hoje=lambda: date(2026, 10, 20))
    qtbot.addWidget(aba)
    aba.show()
    _pronta(qtbot, aba)
    texto = aba.alertas.text()
    assert "1 visita(s) atrasada(s)" in texto and "1 irregularidade(s) não comunicada(s)" in texto
    assert "Projeto Crescer prevista para 05/10/2026" in aba.lista_alertas.text()
    assert "limite 05/08/2026" in aba.lista_alertas.text()

    prazos = AbaPrazos(conselheira, agora=lambda: datetime(2026, 10, 20, 9, 0))
    qtbot.waitUntil(lambda: not prazos.lendo, timeout=10000)  # lê fora da thread da interface
    qtbot.addWidget(prazos)
    assert "1 visita(s) atrasada(s)" in prazos.fiscalizacao.text()

    aba_em_dia = AbaFiscalizacao(conselheira, hoje=lambda: date(2026, 8, 4))
    qtbot.addWidget(aba_em_dia)
    _pronta(qtbot, aba_em_dia)
    assert "nada atrasado" in aba_em_dia.alertas.text()


def test_entidades_e_plano_sem_colunas_cortadas_a_1366(qtbot, conselheira, estilo):  # noqa: F811
    """Lado a lado, as entidades e o plano de visitas não cabiam na largura da aba a 1366×768: as duas tabelas
    rolavam na horizontal e o nome da entidade saía 'Casa de Aco…' nas duas. Uma acima da outra, cada uma com a
    largura toda, nome, regime, bairro e as datas do plano cabem."""
    from PySide6.QtWidgets import QApplication

    from tests.screens.apoio_tela import cortadas

    hoje = date.today()
    semestre = f"{hoje.year}-{1 if hoje.month <= 6 else 2}"
    nomes = ("Casa de Acolhimento Recanto dos Pequenos", "Projeto Semear de Medidas Socioeducativas")
    ids = [fiscalizacao.cadastrar_entidade(conselheira, nome, regime, bairro="Nossa Senhora de Fátima")["id"]
           for nome, regime in zip(nomes, ("acolhimento_institucional", "apoio_socioeducativo_meio_aberto"))]
    fiscalizacao.planejar_semestre(conselheira, semestre, {i: hoje for i in ids})
    aba = AbaFiscalizacao(conselheira)
    qtbot.addWidget(aba)
    aba.resize(1366 - 230, 768 - 60 - 40)  # 230: a lista de módulos; 60: menu e barra de estado; 40: as abas
    aba.show()
    _pronta(qtbot, aba)
    qtbot.waitUntil(lambda: aba.modelo_e.rowCount() == 2 and aba.modelo_v.rowCount() == 2)
    QApplication.processEvents()
    for visao in (aba.visao_e, aba.visao_v):
        cab = visao.horizontalHeader()
        assert cortadas(visao) == [], (visao.viewport().width(), [cab.sectionSize(i) for i in range(cab.count())])
        assert visao.horizontalScrollBar().maximum() == 0
        assert visao.viewport().height() >= 3 * visao.verticalHeader().defaultSectionSize()  # linhas à vista
