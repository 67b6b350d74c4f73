"""Tela da folha fechada: "Gerar arquivo do banco" — convênio digitado, quem não tem conta listado e
deixado de fora só depois do "sim", arquivo salvo onde o usuário escolheu e lido de volta."""
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.rules.pagamento.cnab240 import alfa
from desktop.screens.magisterio.painel import PainelMagisterio
from desktop import PASTA_RECURSOS
from desktop.services.magisterio import folha

from ..apoio_janelas import digitar
from ..apoio_tela import estilo  # noqa: F401 — a folha de estilo da aplicação
from tests.services.pagamento.leitor_cnab240 import ler
from tests.services.pagamento.test_remessa import contas_para_todos

OUTUBRO = date(2026, 10, 1)


def _abrir_arquivo_do_banco(qtbot, s):
    """A Folha mensal de outubro (fechada) e o diálogo do arquivo do banco aberto pelo botão."""
    p = PainelMagisterio(s)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    p.abas.setCurrentWidget(p.folha)
    p.folha.definir_competencia(OUTUBRO)
    qtbot.waitUntil(lambda: not p.folha.carregando, timeout=15000)
    barra = p.folha.documentos
    qtbot.waitUntil(barra.botao_banco.isEnabled)
    qtbot.mouseClick(barra.botao_banco, Qt.MouseButton.LeftButton)
    dlg = barra.gerador.dialogo
    qtbot.waitUntil(dlg.isVisible)
    return p, barra, dlg


def test_gerar_arquivo_do_banco_pela_tela(qtbot, sessao_demo, tmp_path, salvar_em):
    s = sessao_demo
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    contas_para_todos(s, exceto=1)
    p, barra, dlg = _abrir_arquivo_do_banco(qtbot, s)
    digitar(qtbot, dlg.convenio.edit, "000123456 0126")
    digitar(qtbot, dlg.agencia.edit, "0001")
    digitar(qtbot, dlg.agencia_dv.edit, "8")
    assert "dá 9" in dlg.agencia_dv.erro.text()  # dígito conferido ao digitar
    dlg.agencia_dv.edit.clear()
    digitar(qtbot, dlg.agencia_dv.edit, "9")
    digitar(qtbot, dlg.conta.edit, "210169")
    digitar(qtbot, dlg.conta_dv.edit, "6")
    pagamento = date.today() + timedelta(days=3)
    dlg.data.edit.clear()
    digitar(qtbot, dlg.data.edit, f"{pagamento:%d/%m/%Y}")
    destino = tmp_path / "remessa.rem"
    salvar_em.append(destino)
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: barra.gerador.pergunta is not None and barra.gerador.pergunta.isVisible(), timeout=20000)
    pergunta = barra.gerador.pergunta
    assert "1 pessoa(s) sem conta" in pergunta.text()
    assert not destino.exists()  # nada salvo antes da confirmação
    qtbot.mouseClick(pergunta.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: barra.ultimo_arquivo == destino, timeout=20000)
    arq = ler(destino.read_bytes())
    itens = folha.contracheques(s, OUTUBRO)
    com_liquido = {alfa(i.servidor.nome, 30).strip(): i.contracheque.liquido for i in itens if i.contracheque.liquido > 0}
    lidos = {x.nome: x.valor for x in arq.pagamentos}
    assert len(lidos) == len(com_liquido) - 1
    assert all(com_liquido[n] == v for n, v in lidos.items())
    assert arq.total == sum(lidos.values(), Decimal("0")) > 0
    assert all(x.data == pagamento for x in arq.pagamentos)
    assert "salvo em" in barra.aviso.text() and "Ficaram de fora" in barra.aviso.text()


def test_eventos_do_esocial_pela_tela(qtbot, sessao_demo, tmp_path, salvar_em, monkeypatch):
    import os
    import zipfile
    from pathlib import Path

    from desktop.services.pagamento import esocial

    xsd = Path(os.environ.get(esocial.ENV_XSD) or PASTA_RECURSOS / "esocial" / "xsd" / "v_S_01_03_00")
    monkeypatch.setenv(esocial.ENV_XSD, str(xsd))
    s = sessao_demo
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    p = PainelMagisterio(s)
    qtbot.addWidget(p)
    p.show()
    p.abas.setCurrentWidget(p.folha)
    p.folha.definir_competencia(OUTUBRO)
    qtbot.waitUntil(lambda: not p.folha.carregando, timeout=15000)
    barra = p.folha.documentos
    qtbot.waitUntil(barra.botao_esocial.isEnabled)
    qtbot.mouseClick(barra.botao_esocial, Qt.MouseButton.LeftButton)
    dlg = barra.gerador_esocial.dialogo
    qtbot.waitUntil(dlg.isVisible)
    destino = tmp_path / "esocial.zip"
    salvar_em.append(destino)
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: barra.ultimo_arquivo == destino, timeout=60000)
    with zipfile.ZipFile(destino) as z:
        nomes = z.namelist()
    assert sum(n.startswith("S-1202") for n in nomes) == len(folha.contracheques(s, OUTUBRO))
    assert "validados nos XSD oficiais" in barra.aviso.text()


def test_esocial_certificado_ilegivel_fica_no_dialogo(qtbot, tmp_path):
    """O certificado é lido fora da thread da interface (DialogoFormulario.chamada); arquivo ilegível
    é recusado no próprio diálogo, que continua aberto."""
    from datetime import date

    from desktop.screens.pagamento.esocial import DialogoESocial

    dlg = DialogoESocial(date(2026, 10, 1))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.certificado.setText(str(tmp_path / "nao-existe.pfx"))
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.tarefa is None and dlg.rotulo_erro.isVisible(), timeout=10000)
    assert "Não foi possível ler o arquivo do certificado" in dlg.rotulo_erro.text()
    assert dlg.isVisible() and dlg.resultado is None
    (tmp_path / "a1.pfx").write_bytes(b"conteudo do pfx")
    dlg.certificado.setText(str(tmp_path / "a1.pfx"))
    dlg.senha.setText("segredo")
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10000)
    assert dlg.resultado["pfx"] == b"conteudo do pfx" and dlg.resultado["senha"] == "segredo"


def test_disco_cheio_ao_gravar_o_arquivo_do_banco_deixa_o_de_antes_e_avisa(qtbot, sessao_demo, tmp_path, salvar_em,
                                                                          monkeypatch):
    """O arquivo do banco é gravado fora da thread da interface e só toma o nome pedido inteiro: disco cheio (ou
    pen-drive retirado) no meio deixa o arquivo de antes, sem o provisório ao lado, e o aviso diz em português o que
    houve, onde, e que o arquivo foi gerado e anotado no diário — em vez de uma mensagem genérica."""
    import threading
    from pathlib import Path

    from desktop.screens.widgets import avisos

    s = sessao_demo
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    contas_para_todos(s)
    p, barra, dlg = _abrir_arquivo_do_banco(qtbot, s)
    digitar(qtbot, dlg.convenio.edit, "000123456 0126")
    digitar(qtbot, dlg.agencia.edit, "0001")
    digitar(qtbot, dlg.agencia_dv.edit, "9")
    digitar(qtbot, dlg.conta.edit, "210169")
    digitar(qtbot, dlg.conta_dv.edit, "6")
    dlg.data.edit.clear()
    digitar(qtbot, dlg.data.edit, f"{date.today() + timedelta(days=3):%d/%m/%Y}")
    pen = tmp_path / "pen"
    pen.mkdir()
    destino = pen / "remessa.rem"
    destino.write_bytes(b"remessa de antes\r\n")
    salvar_em.append(destino)
    mostrados, gravado_em = [], []
    escrever = Path.write_bytes

    def _disco_cheio_no_pen(caminho, dados):
        if Path(caminho).parent != pen:
            return escrever(caminho, dados)
        gravado_em.append(threading.get_ident())
        with open(caminho, "wb") as f:
            f.write(dados[:240])  # um pedaço foi para o disco
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", _disco_cheio_no_pen)
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(mostrados), timeout=20000)
    monkeypatch.setattr(Path, "write_bytes", escrever)
    assert gravado_em and threading.get_ident() not in gravado_em  # gravado fora da thread da interface
    assert destino.read_bytes() == b"remessa de antes\r\n"  # o de antes, inteiro
    assert sorted(x.name for x in pen.iterdir()) == [destino.name]  # sem o provisório
    [(titulo, texto)] = mostrados
    assert titulo == "Arquivo do banco"
    assert texto.startswith("O arquivo do banco nº 1 foi gerado e anotado no diário, mas o arquivo não foi gravado "
                            f"em {destino}: o disco está cheio.")
    assert barra.ultimo_arquivo is None and "salvo em" not in barra.aviso.text()


def test_dialogo_do_arquivo_do_banco_abre_sem_faixas_vazias_em_volta_do_texto(qtbot, sessao_demo, estilo):
    """A 1366×768 o diálogo abria com 567 px para 438 de conteúdo: a altura medida antes de aparecer contava as linhas
    só da Caixa (escondidas em seguida) e ficava como mínima; a sobra ia para o texto explicativo, centrado entre duas
    faixas vazias. Aberto, o diálogo tem a altura do que mostra, e o texto, a das linhas que ocupa na largura dele."""
    from PySide6.QtWidgets import QLabel

    from desktop.screens.pagamento.remessa import DialogoRemessa

    dlg = DialogoRemessa(sessao_demo, "magisterio", OUTUBRO)
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg):
        dlg.show()
    assert not dlg.parametro.isVisible()  # Banco do Brasil: as linhas da Caixa ficam escondidas
    texto = next(r for r in dlg.findChildren(QLabel) if r.wordWrap() and r.text().startswith("Arquivo CNAB"))
    linhas = texto.heightForWidth(texto.width())
    assert linhas >= 2 * texto.fontMetrics().lineSpacing()  # quebra linha mesmo
    assert texto.height() == linhas
    assert dlg.height() == dlg.layout().totalHeightForWidth(dlg.width())
    dlg.banco.setCurrentIndex(1)  # a Caixa: aparecem três linhas e o diálogo cresce para elas
    assert dlg.parametro.isVisible()
    assert dlg.height() >= dlg.layout().totalHeightForWidth(dlg.width())
    assert texto.height() == texto.heightForWidth(texto.width())
