"""Telas dos documentos do Magistério: contracheques em lote (progresso, cancelar), folha analítica,
CSV da folha e histórico funcional pela ficha — arquivos salvos, PDFs lidos com pypdf e verificados."""
import csv
import threading
from datetime import date
from decimal import Decimal
from io import StringIO

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.rules.dinheiro import reais
from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.screens.widgets.tarefa import Progresso
from desktop.services import documentos
from desktop.services.magisterio import documentos as docs_magisterio
from desktop.services.magisterio import folha

from ..apoio_janelas import esperar_leituras
from .conftest import SERVIDORES

OUTUBRO = date(2026, 10, 1)


@pytest.fixture
def painel(qtbot, sessao_demo):
    """O painel na aba da folha, com outubro de 2026 fechado (o fechamento pela tela tem teste próprio)."""
    folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    p = PainelMagisterio(sessao_demo)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    p.abas.setCurrentWidget(p.folha)
    p.folha.definir_competencia(OUTUBRO)
    qtbot.waitUntil(lambda: not p.folha.carregando, timeout=15000)  # os gravados chegam em segundo plano
    return p


@pytest.fixture
def segurar_tarefa(monkeypatch):
    """Segura a tarefa em segundo plano no primeiro aviso de andamento até o teste soltá-la:
    assim o diálogo de progresso é visto (e o Cancelar clicado) sem depender da velocidade."""
    soltar = threading.Event()
    original = Progresso.informar

    def informar(self, *args):
        soltar.wait(30)
        return original(self, *args)

    monkeypatch.setattr(Progresso, "informar", informar)
    yield soltar
    soltar.set()


def _paginas(caminho) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(caminho)).pages]


def test_lote_de_contracheques_com_progresso_salvo_e_autentico(qtbot, sessao_demo, painel, tmp_path, salvar_em,
                                                              segurar_tarefa, monkeypatch):
    import pathlib
    import threading

    relidos, ler = [], pathlib.Path.read_bytes

    def anotar(caminho):
        if threading.current_thread() is threading.main_thread():
            relidos.append(caminho)
        return ler(caminho)

    monkeypatch.setattr(pathlib.Path, "read_bytes", anotar)
    barra = painel.folha.documentos
    assert barra.botao_lote.isEnabled() and not barra.aviso.isVisible()
    destino = tmp_path / "lote.pdf"
    salvar_em.append(destino)
    qtbot.mouseClick(barra.botao_lote, Qt.MouseButton.LeftButton)
    tarefa = barra.tarefa
    andamento = []
    tarefa.progresso.sig_andamento.connect(lambda feito, total, texto: andamento.append((feito, total, texto)))
    assert not barra.botao_lote.isEnabled()  # a barra fica travada enquanto o lote é desenhado
    qtbot.waitUntil(tarefa.dialogo.isVisible, timeout=5000)
    assert tarefa.dialogo.windowTitle() == "Paço"
    segurar_tarefa.set()
    qtbot.waitUntil(lambda: barra.ultimo_arquivo is not None, timeout=60000)
    assert barra.ultimo_arquivo == destino and destino.exists()
    assert destino not in relidos  # o lote salvo não é relido do disco na thread da interface (issue 16)
    assert andamento[-1] == (SERVIDORES, SERVIDORES, f"Contracheque {SERVIDORES} de {SERVIDORES}…")
    assert barra.botao_lote.isEnabled() and barra.aviso.text().startswith(f"Salvo em {destino}.")
    assert '<a href="abrir">Abrir</a>' in barra.aviso.text() and "Imprimir (Ctrl+P)" in barra.aviso.text()
    from desktop.screens.widgets.impressao import documento_da_tela
    obtido = []
    documento_da_tela(barra, obtido.append)  # o Ctrl+P imprime o lote salvo
    qtbot.waitUntil(lambda: bool(obtido), timeout=10000)
    assert obtido == [destino.read_bytes()]
    itens = folha.contracheques(sessao_demo, OUTUBRO)
    paginas = _paginas(destino)
    assert len(paginas) == len(itens) == SERVIDORES  # uma página por servidor
    assert {i.servidor.nome for i in itens} == {i.servidor.nome for i in itens if any(i.servidor.nome in p
                                                                                      for p in paginas)}
    v = documentos.verificar_pdf(sessao_demo, destino)
    assert v.situacao == documentos.AUTENTICO and v.documento["tipo"] == docs_magisterio.TIPO_LOTE
    assert all(v.codigo in p for p in paginas)


def test_lote_cancelado_nao_registra_nem_salva(qtbot, sessao_demo, painel, tmp_path, salvar_em, segurar_tarefa):
    barra = painel.folha.documentos
    antes = len(documentos.listar_documentos(sessao_demo))
    destino = tmp_path / "lote.pdf"
    salvar_em.append(destino)
    qtbot.mouseClick(barra.botao_lote, Qt.MouseButton.LeftButton)
    dialogo = barra.tarefa.dialogo
    qtbot.waitUntil(dialogo.isVisible, timeout=5000)
    cancelar = next(b for b in dialogo.findChildren(QPushButton) if b.text() == "Cancelar")
    qtbot.mouseClick(cancelar, Qt.MouseButton.LeftButton)
    segurar_tarefa.set()
    qtbot.waitUntil(lambda: barra.tarefa is None, timeout=60000)
    assert barra.aviso.text() == "Emissão cancelada: nenhum documento foi registrado."
    assert barra.ultimo_arquivo is None and not destino.exists()
    assert documentos.listar_documentos(sessao_demo, tipo=docs_magisterio.TIPO_LOTE) == []
    assert len(documentos.listar_documentos(sessao_demo)) == antes
    assert barra.botao_lote.isEnabled()


def test_folha_analitica_em_pdf(qtbot, sessao_demo, painel, tmp_path, salvar_em):
    barra = painel.folha.documentos
    destino = tmp_path / "analitica.pdf"
    salvar_em.append(destino)
    qtbot.mouseClick(barra.botao_analitica, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: barra.ultimo_arquivo is not None, timeout=60000)
    assert barra.ultimo_arquivo == destino
    texto = " ".join(_paginas(destino))
    c = folha.obter_competencia(sessao_demo, OUTUBRO)
    assert "Folha analítica" in texto and "Resumo da folha" in texto and "outubro de 2026" in texto.lower()
    assert reais(c["liquido"])[3:] in texto and reais(c["proventos"])[3:] in texto
    lotacoes = {i.servidor.lotacao for i in folha.contracheques(sessao_demo, OUTUBRO)}
    assert all(escola in texto for escola in lotacoes)  # totais por escola
    v = documentos.verificar_pdf(sessao_demo, destino)
    assert v.situacao == documentos.AUTENTICO and v.documento["tipo"] == docs_magisterio.TIPO_ANALITICA


def test_csv_da_folha_soma_os_totais(qtbot, sessao_demo, painel, tmp_path, salvar_em):
    aba = painel.folha
    antes = len(documentos.listar_documentos(sessao_demo))
    destino = tmp_path / "folha.csv"
    salvar_em.append(destino)
    qtbot.mouseClick(aba.documentos.botao_csv, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.documentos.ultimo_arquivo is not None, timeout=60000)
    linhas = list(csv.DictReader(StringIO(destino.read_text(encoding="utf-8-sig")), delimiter=";"))

    def soma(coluna):
        return sum((Decimal(l[coluna].replace(",", ".")) for l in linhas if l[coluna]), Decimal("0.00"))

    c = folha.obter_competencia(sessao_demo, OUTUBRO)
    assert (soma("Provento"), soma("Desconto")) == (c["proventos"], c["descontos"])
    assert soma("Provento") - soma("Desconto") == c["liquido"]
    assert len({l["Matrícula"] for l in linhas}) == SERVIDORES == aba.modelo.rowCount()
    assert f"líquido {reais(c['liquido'])}" in aba.totais.text()  # o mesmo total que a tela mostra
    assert len(documentos.listar_documentos(sessao_demo)) == antes  # o CSV não é documento registrado


def test_historico_funcional_pela_ficha(qtbot, sessao_demo, painel, tmp_path, salvar_em):
    aba = painel.servidores
    painel.abas.setCurrentWidget(aba)
    diretor = next(s for s in sessao_demo.db.query(
        "SELECT servidor_id FROM magisterio_funcoes WHERE funcao = 'diretor' AND fim IS NULL ORDER BY inicio"))
    aba.recarregar(diretor["servidor_id"])
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    qtbot.mouseClick(aba.botao_ficha, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)  # lê antes de abrir
    ficha = aba.dialogo
    qtbot.waitUntil(lambda: not ficha.lendo, timeout=15000)  # a ficha lê fora da thread da interface
    destino = tmp_path / "historico.pdf"
    salvar_em.append(destino)
    qtbot.mouseClick(ficha.botao_historico, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ficha.ultimo_arquivo is not None, timeout=60000)
    assert ficha.ultimo_arquivo == destino
    texto = " ".join(_paginas(destino))
    nome = ficha.servidor["nome"]
    assert "Histórico funcional" in texto and nome in texto and ficha.servidor["matricula"] in texto
    assert "Admissão" in texto and "art. 38" in texto  # a função de diretor, com o artigo
    assert all(m.fundamento.split(",")[0] in texto for m in ficha.eventos() if m.data <= date.today())
    v = documentos.verificar_pdf(sessao_demo, destino)
    assert v.situacao == documentos.AUTENTICO and v.documento["tipo"] == docs_magisterio.TIPO_HISTORICO
    ficha.reject()
    esperar_leituras(qtbot)  # a aba Servidores relê ao fechar a ficha
