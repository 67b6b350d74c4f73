"""Emitir um PDF e salvá-lo (widgets.emissao), a forma de todas as telas: emite fora da thread da interface, com
andamento; pergunta onde salvar com o código no nome sugerido; diz onde ficou e o código; cancelada, nada é salvo
e o rótulo diz isso; documento sigiloso só vai a arquivo depois do aviso; arquivo que não pôde ser gravado vira
aviso em português. Os fluxos de cada tela (com a base e o PDF de verdade) estão nos testes dos módulos."""
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from desktop.screens.widgets import arquivo, avisos, emissao
from desktop.screens.widgets.impressao import documento_da_tela
from desktop.services.documentos import Emitido
from desktop.services.sessao import ErroNegocio

PDF = b"%PDF-1.4\n% teste\n"


def _emitido() -> Emitido:
    return Emitido(id="x", codigo="ABCD-1234", numero=7, ano=2026, via=1, sha256="0" * 64, pdf=PDF)


@pytest.fixture
def aba(qtbot):
    aba = QWidget()
    aba.botao = QPushButton("Emitir", aba)
    aba.rotulo = QLabel(aba)
    aba.rotulo.hide()
    qtbot.addWidget(aba)
    aba.show()
    return aba


@pytest.fixture
def perguntas(monkeypatch):
    """O "Salvar como" responde com o nome sugerido, na pasta guardada em ``perguntas.pasta`` (ou desiste)."""
    class Perguntas(list):
        pasta = None

    feitas = Perguntas()

    def _salvar(_parent, _titulo, sugerido, _filtro=""):
        feitas.append(sugerido)
        return (str(feitas.pasta / sugerido.rsplit("/", 1)[-1]), _filtro) if feitas.pasta else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(_salvar))
    return feitas


def test_emite_fora_da_interface_salva_com_o_codigo_e_oferece_abrir_e_imprimir(qtbot, aba, perguntas, tmp_path):
    perguntas.pasta = tmp_path
    interface, threads, andamento, salvos, fim = threading.get_ident(), [], [], [], []

    def emitir(progresso):
        threads.append(threading.get_ident())
        progresso.informar(1, 1, "Página 1 de 1…")
        return _emitido()

    tarefa = emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Ofício", emitir, "oficio", ao_salvar=salvos.append,
                                             ao_terminar=fim.append)
    tarefa.progresso.sig_andamento.connect(lambda *a: andamento.append(a))
    assert not aba.botao.isEnabled()  # a aba fica travada enquanto emite
    qtbot.waitUntil(lambda: bool(fim), timeout=10000)
    destino = tmp_path / "oficio-ABCD-1234.pdf"
    assert threads[0] != interface and andamento[-1] == (1, 1, "Página 1 de 1…")
    assert perguntas[0].endswith("oficio-ABCD-1234.pdf") and salvos == [destino] and destino.read_bytes() == PDF
    assert fim[0].codigo == "ABCD-1234" and aba.botao.isEnabled() and aba.rotulo.isVisible()
    assert aba.rotulo.text().startswith(f"Salvo em {destino}. Documento emitido e registrado: código de verificação "
                                        "ABCD-1234.")
    obtido = []
    documento_da_tela(aba, obtido.append)
    assert '<a href="abrir">Abrir</a>' in aba.rotulo.text() and obtido == [PDF]  # o Ctrl+P imprime o emitido


def test_sem_arquivo_o_documento_fica_na_base_e_o_rotulo_diz(qtbot, aba, perguntas):
    fim = []
    emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Ofício", lambda _p: _emitido(), "oficio",
                                    texto=lambda e: f"Ofício nº {e.numero}/{e.ano} emitido.", ao_terminar=fim.append)
    qtbot.waitUntil(lambda: bool(fim), timeout=10000)
    assert len(perguntas) == 1 and fim[0] is not None
    assert aba.rotulo.text().startswith("Ofício nº 7/2026 emitido. Não foi salvo em arquivo")
    assert "Abrir" not in aba.rotulo.text() and "Imprimir" in aba.rotulo.text()


def test_documento_sigiloso_recusado_o_aviso_nao_pergunta_onde_salvar(qtbot, aba, perguntas, tmp_path, monkeypatch):
    perguntas.pasta = tmp_path
    avisados, fim = [], []
    monkeypatch.setattr(emissao, "confirmar_arquivo_sigiloso", lambda parent: avisados.append(parent) or False)
    emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Termo", lambda _p: _emitido(), "termo", sigiloso=True,
                                    ao_terminar=fim.append)
    qtbot.waitUntil(lambda: bool(fim), timeout=10000)
    assert avisados == [aba] and not perguntas and not list(tmp_path.iterdir())
    assert "Não foi salvo em arquivo" in aba.rotulo.text()


def test_cancelada_e_recusada(qtbot, aba, perguntas, monkeypatch):
    mostrados, fim = [], []
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))
    soltar = threading.Event()

    def demorada(progresso):
        soltar.wait(10)
        progresso.informar(1, 2)  # cancelado: para aqui
        return _emitido()

    tarefa = emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Lote", demorada, "lote", ao_terminar=fim.append)
    qtbot.waitUntil(tarefa.dialogo.isVisible, timeout=5000)
    cancelar = next(b for b in tarefa.dialogo.findChildren(QPushButton) if b.text() == "Cancelar")
    qtbot.mouseClick(cancelar, Qt.MouseButton.LeftButton)
    soltar.set()
    qtbot.waitUntil(lambda: bool(fim), timeout=10000)
    assert fim == [None] and not perguntas and aba.rotulo.text() == emissao.CANCELADA and aba.rotulo.isVisible()

    def recusa(_p):
        raise ErroNegocio("Competência aberta: feche-a antes de emitir (Lei 1.613/2004, art. 22).")

    emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Lote não emitido", recusa, "lote", ao_terminar=fim.append)
    qtbot.waitUntil(lambda: len(fim) == 2, timeout=10000)
    assert fim[1] is None and not perguntas
    assert mostrados == [("Lote não emitido", "Competência aberta: feche-a antes de emitir (Lei 1.613/2004, art. 22).")]


def test_arquivo_que_nao_pode_ser_gravado_vira_aviso(qtbot, aba, perguntas, tmp_path, monkeypatch):
    perguntas.pasta = tmp_path / "nao-existe"  # a pasta sumiu (pen drive retirado)
    mostrados, fim = [], []
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))
    emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Ofício", lambda _p: _emitido(), "oficio", ao_terminar=fim.append)
    qtbot.waitUntil(lambda: bool(fim), timeout=10000)
    assert fim[0] is not None and len(mostrados) == 1 and mostrados[0][0] == "Ofício"
    assert "emitido e registrado, mas o arquivo não foi gravado" in mostrados[0][1]
    assert "Não foi salvo em arquivo" in aba.rotulo.text()


def test_arquivo_gravado_fora_da_interface_e_por_inteiro(qtbot, aba, perguntas, tmp_path, monkeypatch):
    """O arquivo é gravado numa thread de trabalho (o lote de 3.000 contracheques tem 11 MB: gravado na da interface,
    a janela parava 35-60 ms, issue 16), e só toma o nome pedido inteiro: uma falha no meio da gravação deixa o
    arquivo de antes com esse nome, sem pedaço do novo nem o arquivo provisório ao lado."""
    perguntas.pasta = tmp_path
    destino = tmp_path / "oficio-ABCD-1234.pdf"
    destino.write_bytes(b"%PDF-1.4\n% o de antes\n")
    gravado_em, mostrados, fim = [], [], []
    original = arquivo.gravar_arquivo

    def _gravar(caminho, conteudo):
        gravado_em.append(threading.get_ident())
        return original(caminho, conteudo)

    monkeypatch.setattr(arquivo, "gravar_arquivo", _gravar)
    emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Ofício", lambda _p: _emitido(), "oficio", ao_terminar=fim.append)
    qtbot.waitUntil(lambda: bool(fim), timeout=10000)
    assert gravado_em and gravado_em[0] != threading.get_ident() and destino.read_bytes() == PDF

    destino.write_bytes(b"%PDF-1.4\n% o de antes\n")
    escrever = type(destino).write_bytes

    def _disco_cheio_no_meio(caminho, dados):
        with open(caminho, "wb") as f:
            f.write(dados[:5])  # um pedaço foi para o disco
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(destino), "write_bytes", _disco_cheio_no_meio)
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))
    fim.clear()
    emissao.emitir_em_segundo_plano(aba, aba.rotulo, "Ofício", lambda _p: _emitido(), "oficio", ao_terminar=fim.append)
    qtbot.waitUntil(lambda: bool(fim), timeout=10000)
    monkeypatch.setattr(type(destino), "write_bytes", escrever)
    assert destino.read_bytes() == b"%PDF-1.4\n% o de antes\n"  # o de antes, inteiro
    assert sorted(p.name for p in tmp_path.iterdir()) == [destino.name]  # sem o provisório
    assert len(mostrados) == 1 and f"não foi gravado em {destino}: o disco está cheio" in mostrados[0][1]
    assert "Não foi salvo em arquivo" in aba.rotulo.text()
