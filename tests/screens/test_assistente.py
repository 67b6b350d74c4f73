"""Assistente de primeira execução: campos validados, brasão, pasta de dados, chave e a base criada."""
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard

from desktop.screens.assistente import Assistente
from desktop.services import acesso, local

from .apoio_janelas import clicar_botao, digitar, quando_modal

SENHA = "senha-forte-1"


@pytest.fixture
def assistente(qtbot):
    w = Assistente()
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    yield w
    if w.sessao is not None:
        w.sessao.fechar()


@pytest.fixture
def brasao_png(tmp_path) -> Path:
    img = QImage(120, 150, QImage.Format.Format_RGB32)
    img.fill(QColor("#2a6f3a"))
    caminho = tmp_path / "brasao.png"
    assert img.save(str(caminho))
    return caminho


def _escolher_arquivo(monkeypatch, caminho: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(caminho), "")))


def _digitar(qtbot, campo, texto: str) -> None:
    campo.edit.clear()
    digitar(qtbot, campo.edit, texto)


def _avancar(qtbot, w, botao=QWizard.WizardButton.NextButton) -> None:
    qtbot.mouseClick(w.button(botao), Qt.MouseButton.LeftButton)


def _preencher_orgao(qtbot, w):
    p = w.pagina_orgao
    _digitar(qtbot, p.nome, "Secretaria Municipal de Educação")
    _digitar(qtbot, p.municipio, "Jequié")
    p.uf.setFocus()
    qtbot.keyClicks(p.uf, "BA")
    assert p.uf.currentData() == "BA"


def _preencher_admin(qtbot, w):
    p = w.pagina_admin
    _digitar(qtbot, p.nome, "Ana Administradora")
    _digitar(qtbot, p.login, "ana.adm")
    _digitar(qtbot, p.senha, SENHA)
    _digitar(qtbot, p.confirmacao, SENHA)


def test_instalacao_completa_pelo_assistente(qtbot, assistente, brasao_png, tmp_path, monkeypatch):
    w = assistente
    p = w.pagina_orgao
    assert w.button(QWizard.WizardButton.NextButton).text() == "Avançar >"
    assert w.button(QWizard.WizardButton.CancelButton).text() == "Cancelar"

    # CNPJ com dígito verificador errado: mensagem ao lado do campo e o assistente não avança
    _preencher_orgao(qtbot, w)
    _digitar(qtbot, p.cnpj, "11.222.333/0001-82")
    assert p.cnpj.erro.isVisible()
    assert p.cnpj.erro.text() == "CNPJ inválido: os dígitos verificadores não conferem."
    _avancar(qtbot, w)
    assert w.currentId() == 0

    # campo obrigatório apagado também segura o assistente, com a mensagem
    p.nome.edit.clear()
    _digitar(qtbot, p.cnpj, "11222333000181")
    assert not p.cnpj.erro.isVisible()
    _avancar(qtbot, w)
    assert w.currentId() == 0
    assert p.nome.erro.text() == "Informe o nome do órgão."
    _digitar(qtbot, p.nome, "Secretaria Municipal de Educação")

    # brasão: imagem grande demais, arquivo que não é imagem, e então um PNG válido
    grande = tmp_path / "grande.png"
    grande.write_bytes(b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 10))
    _escolher_arquivo(monkeypatch, grande)
    qtbot.mouseClick(p.brasao.botao_escolher, Qt.MouseButton.LeftButton)
    assert "o limite é 2 MB" in p.brasao.erro.text() and p.brasao.erro.isVisible()
    falso = tmp_path / "falso.png"
    falso.write_text("isto não é uma imagem")
    _escolher_arquivo(monkeypatch, falso)
    qtbot.mouseClick(p.brasao.botao_escolher, Qt.MouseButton.LeftButton)
    assert "não é uma imagem PNG ou JPEG válida" in p.brasao.erro.text()
    assert p.brasao.dados() == (None, None)
    _escolher_arquivo(monkeypatch, brasao_png)
    qtbot.mouseClick(p.brasao.botao_escolher, Qt.MouseButton.LeftButton)
    assert not p.brasao.erro.isVisible()
    assert not p.brasao.previa.pixmap().isNull()
    assert "120 × 150 pixels" in p.brasao.arquivo.text()

    _avancar(qtbot, w)
    assert w.currentId() == 1

    # administrador: senha curta e confirmação diferente são recusadas ao lado dos campos
    a = w.pagina_admin
    _digitar(qtbot, a.nome, "Ana Administradora")
    _digitar(qtbot, a.login, "ana.adm")
    _digitar(qtbot, a.senha, "curta")
    _digitar(qtbot, a.confirmacao, "outra")
    assert a.senha.erro.text() == "A senha deve ter pelo menos 10 caracteres."
    assert a.confirmacao.erro.text() == "A senha e a confirmação não são iguais."
    _avancar(qtbot, w)
    assert w.currentId() == 1
    _preencher_admin(qtbot, w)
    assert not a.confirmacao.erro.isVisible()
    _avancar(qtbot, w)
    assert w.currentId() == 2

    # pasta de dados: sugere a pasta padrão; recusa rede e caminho em que não se grava
    pasta = w.pagina_pasta
    assert pasta.pasta.text() == str(local.pasta_dados_padrao())
    criar = w.button(QWizard.WizardButton.CommitButton)
    assert criar.text() == "Criar instalação" and criar.isVisible()
    pasta.pasta.clear()
    qtbot.keyClicks(pasta.pasta, "//servidor/compartilhado/paco")
    _avancar(qtbot, w, QWizard.WizardButton.CommitButton)
    assert w.currentId() == 2
    assert "compartilhamento de rede" in pasta.erro.text() and pasta.erro.isVisible()
    arquivo = tmp_path / "um-arquivo.txt"
    arquivo.write_text("x")
    pasta.pasta.clear()
    qtbot.keyClicks(pasta.pasta, str(arquivo / "paco"))
    _avancar(qtbot, w, QWizard.WizardButton.CommitButton)
    assert w.currentId() == 2
    assert "Não é possível gravar na pasta" in pasta.erro.text()
    destino = tmp_path / "dados do órgão"
    pasta.pasta.clear()
    digitar(qtbot, pasta.pasta, str(destino))
    _avancar(qtbot, w, QWizard.WizardButton.CommitButton)
    assert w.currentId() == 3
    caminho = destino / "paco.db"
    assert caminho.exists() and w.caminho == caminho
    assert local.base_configurada() == caminho

    # conclusão: a chave aparece uma vez; Concluir só depois da confirmação
    c = w.pagina_conclusao
    chave = c.chave.text().replace("\n", "-")
    assert len(chave) == 39 and chave.count("-") == 7
    concluir = w.button(QWizard.WizardButton.FinishButton)
    assert concluir.text() == "Concluir" and not concluir.isEnabled()
    assert not w.button(QWizard.WizardButton.BackButton).isVisible()

    # imprimir: a folha vai à impressora sem que arquivo algum seja gravado
    from desktop.screens.assistente import conclusao as modulo_conclusao
    impressos = []
    monkeypatch.setattr(modulo_conclusao, "imprimir_pdfs", lambda parent, pdf, **k: impressos.append(pdf) or object())
    antes = set(tmp_path.rglob("*.pdf"))
    qtbot.mouseClick(c.botao_imprimir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(impressos), timeout=15000)
    impresso = "".join(pg.extract_text() for pg in PdfReader(io.BytesIO(impressos[0])).pages)
    assert chave.split("-")[0] in impresso and chave.split("-")[7] in impresso
    assert set(tmp_path.rglob("*.pdf")) == antes and "impressora" in c.situacao_pdf.text()

    # salvar em arquivo: primeiro o aviso; recusado, nada é gravado nem perguntado
    avisos, perguntas = [], []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda *a, **k: avisos.append(a[2]) or QMessageBox.StandardButton.No))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: perguntas.append(a) or ("", "")))
    qtbot.mouseClick(c.botao_pdf, Qt.MouseButton.LeftButton)
    assert "abre a base inteira" in avisos[0] and not perguntas and c.pdf_salvo is None

    # aceito o aviso: folha gravada onde o usuário escolheu e aberta para imprimir
    pdf = tmp_path / "folha"
    abertos = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: abertos.append(url) or True))
    qtbot.mouseClick(c.botao_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.pdf_salvo is not None, timeout=15000)
    assert c.pdf_salvo == tmp_path / "folha.pdf"
    texto = "".join(pg.extract_text() for pg in PdfReader(str(c.pdf_salvo)).pages)
    assert "Folha da chave de recuperação" in texto
    assert chave.split("-")[0] in texto and chave.split("-")[7] in texto
    assert [u.toLocalFile() for u in abertos] == [str(c.pdf_salvo)]

    qtbot.mouseClick(c.confirmacao, Qt.MouseButton.LeftButton)
    assert c.confirmacao.isChecked() and concluir.isEnabled()
    with qtbot.waitSignal(w.sig_concluido, timeout=5000) as sinal:
        qtbot.mouseClick(concluir, Qt.MouseButton.LeftButton)
    sessao = sinal.args[0]
    assert sessao.usuario.login == "ana.adm"
    sessao.fechar()
    w.sessao = None

    # a base criada abre com a senha do administrador e guarda o que foi digitado
    s = acesso.entrar(caminho, "ana.adm", SENHA)
    try:
        org = s.db.execute("SELECT nome, municipio, uf, cnpj, brasao, brasao_tipo FROM escritorio").fetchone()
        assert org == ("Secretaria Municipal de Educação", "Jequié", "BA", "11222333000181",
                       brasao_png.read_bytes(), "image/png")
        usuarios = s.db.execute("SELECT login, nome, papel, ativo, trocar_senha FROM usuarios").fetchall()
        assert usuarios == [("ana.adm", "Ana Administradora", "administrador", 1, 0)]
    finally:
        s.fechar()
    # e a chave mostrada é a chave de recuperação desta base
    acesso.entrar_com_recuperacao(caminho, chave, "ana.adm", "outra-senha-1").fechar()


def test_pasta_com_base_existente_e_recusada(qtbot, assistente, instalacao):
    caminho, _ = instalacao
    w = assistente
    _preencher_orgao(qtbot, w)
    _digitar(qtbot, w.pagina_orgao.cnpj, "11.222.333/0001-81")
    _avancar(qtbot, w)
    _preencher_admin(qtbot, w)
    _avancar(qtbot, w)
    w.pagina_pasta.pasta.clear()
    qtbot.keyClicks(w.pagina_pasta.pasta, str(caminho.parent))
    _avancar(qtbot, w, QWizard.WizardButton.CommitButton)
    assert w.currentId() == 2
    assert "Já existe uma base do Paço nesta pasta" in w.pagina_pasta.erro.text()
    assert w.sessao is None


def test_sair_sem_confirmar_a_chave_pergunta_antes(qtbot, assistente, tmp_path):
    w = assistente
    _preencher_orgao(qtbot, w)
    _digitar(qtbot, w.pagina_orgao.cnpj, "11.222.333/0001-81")
    _avancar(qtbot, w)
    _preencher_admin(qtbot, w)
    _avancar(qtbot, w)
    w.pagina_pasta.pasta.setText(str(tmp_path / "dados"))
    _avancar(qtbot, w, QWizard.WizardButton.CommitButton)
    assert w.currentId() == 3 and w.sessao is not None

    quando_modal(lambda caixa: clicar_botao(caixa, "Voltar à chave"))
    w.reject()
    assert w.isVisible() and w.sessao is not None  # a chave continua na tela

    quando_modal(lambda caixa: clicar_botao(caixa, "Sair sem confirmar"))
    with qtbot.waitSignal(w.rejected, timeout=5000):
        w.reject()
    assert w.sessao is None


def test_juntar_se_a_um_orgao_existente(qtbot, assistente, tmp_path, escritorio):
    """Máquina nova: a cópia de segurança da sede feita depois do convite, o convite e o código; a base fica
    na pasta de dados, é a réplica do convite e a janela principal abre com o administrador."""
    from desktop.services import chaveiro, copias, replicas
    from tests.conftest import SENHA_ADMIN

    sede, recuperacao = acesso.criar_instalacao(tmp_path / "sede" / "paco.db", escritorio, login="admin",
                                                nome="Ana", senha=SENHA_ADMIN)
    chaveiro.usar_recuperacao(sede, recuperacao)
    replicas.iniciar(sede, "Sede")
    convite = replicas.convidar(sede, "Notebook", False, tmp_path / "pen")
    copia = copias.fazer_copia(sede, "manual").copia
    sede.fechar()
    concluidas = []
    assistente.sig_concluido.connect(concluidas.append)
    qtbot.mouseClick(assistente.botao_juntar, Qt.MouseButton.LeftButton)
    d = assistente.dialogo_juntar
    qtbot.waitExposed(d)
    d.copia.edit.setText(str(copia))
    d.pasta.edit.setText(str(tmp_path / "notebook"))
    d.login.setText("admin")
    d.senha.setText(SENHA_ADMIN)
    d.convite.edit.setText(str(convite.arquivo))
    d.codigo.setText("AAAA-BBBB-CCCC-DDDD")
    qtbot.mouseClick(d.botoes.button(d.botoes.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.isEnabled() and "conferem" in d.erro.text(), timeout=30000)
    assert assistente.sessao is None and local.base_configurada() is None
    assert not list((tmp_path / "notebook").glob("paco.db*"))  # a cópia restaurada foi desfeita: tenta-se de novo
    d.codigo.setText(convite.codigo)
    qtbot.mouseClick(d.botoes.button(d.botoes.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: assistente.sessao is not None, timeout=30000)
    assert concluidas == [assistente.sessao]
    # o assistente fecha de verdade (antes ficava aberto: o QWizard validava a página do órgão, vazia)
    qtbot.waitUntil(lambda: not assistente.isVisible(), timeout=5000)
    assert assistente.result() == QWizard.DialogCode.Accepted
    assert local.base_configurada() == tmp_path / "notebook" / "paco.db"
    assert next(r for r in replicas.replicas(assistente.sessao) if r["esta"])["nome"] == "Notebook"
