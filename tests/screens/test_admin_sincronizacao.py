"""Aba Sincronização (pytest-qt): duas réplicas de verdade em pastas temporárias; o pacote é gerado na sede
pela tela e importado no notebook pela tela; a base do notebook passa a ter o que a sede gravou, a edição
concorrente aparece como conflito (com o botão para a aba Conflitos), a recusa sai em português, a
conferência mostra as somas por tabela e o administrador convida uma máquina nova com o código mostrado."""
import re

import pytest
from PySide6.QtCore import Qt

from desktop.screens.widgets import avisos
from desktop.screens.administracao.painel import PainelAdministracao
from desktop.services import cadastros, replicas
from desktop.services import sincronizacao as sx
from tests.services.sincronizacao.conftest import montar_orgao


def _editar(sessao, pessoa_id, nome):
    with sessao.mudanca(None) as m:
        m.db.execute("UPDATE pessoas SET nome = ? WHERE id = ?", [nome, pessoa_id])
        m.registrar("pessoas", pessoa_id, "alterar", depois={"nome": nome})


@pytest.fixture
def duas(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Notebook": False})
    yield o.entrar("Sede"), o.entrar("Notebook"), tmp_path
    o.fechar()


def _painel(qtbot, sessao):
    painel = PainelAdministracao(sessao)
    qtbot.addWidget(painel)
    painel.show()
    aba = painel.sincronizacao
    assert aba is not None and painel.abas.tabText(painel.abas.indexOf(aba)) == "Sincronização"
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 1)
    return painel, aba


def _gerar(qtbot, aba, pen, monkeypatch):
    monkeypatch.setattr(aba, "escolher_pasta", lambda nome: pen)
    antes = set(pen.glob("*.pacosync")) if pen.exists() else set()
    aba.tabela.selectRow(0)
    assert aba.botao_gerar.isEnabled()
    qtbot.mouseClick(aba.botao_gerar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gravado em" in aba.situacao.text(), timeout=20000)
    novos = set(pen.glob("*.pacosync")) - antes
    assert len(novos) == 1 and not list(pen.glob("*.parcial"))
    return novos.pop()


def _importar(qtbot, painel, aba, arquivo, monkeypatch):
    monkeypatch.setattr(aba, "escolher_pacote", lambda: arquivo)
    with qtbot.waitSignal(painel.sig_pacote_importado, timeout=20000) as sinal:
        qtbot.mouseClick(aba.botao_importar, Qt.MouseButton.LeftButton)
    return sinal.args[0]


def test_gerar_na_sede_e_importar_no_notebook_pela_tela(qtbot, duas, monkeypatch):
    sede, note, pasta = duas
    p = cadastros.cadastrar_pessoa(sede, nome="Ana Souza")
    painel_sede, aba_sede = _painel(qtbot, sede)
    assert "Sede" in aba_sede.esta.text()
    assert aba_sede.modelo.index(0, 0).data() == "Notebook"
    assert aba_sede.modelo.index(0, 3).data() == "nunca"
    arquivo = _gerar(qtbot, aba_sede, pasta / "pen", monkeypatch)
    qtbot.waitUntil(lambda: aba_sede.modelo.index(0, 3).data() != "nunca")  # último enviado, com a data

    painel_note, aba_note = _painel(qtbot, note)
    assert note.db.execute("SELECT count(*) FROM pessoas WHERE id = ?", [p["id"]]).fetchone()[0] == 0
    resumo = _importar(qtbot, painel_note, aba_note, arquivo, monkeypatch)
    assert resumo["aplicadas"] >= 1 and resumo["conflitos"] == 0
    assert note.db.execute("SELECT nome FROM pessoas WHERE id = ?", [p["id"]]).fetchone()[0] == "Ana Souza"
    assert "Pacote de Sede importado" in aba_note.situacao.text()
    assert "Nenhum conflito" in aba_note.situacao.text()
    assert aba_note.botao_conflitos.isHidden()
    qtbot.waitUntil(lambda: aba_note.modelo.index(0, 4).data() != "nunca")  # último recebido da sede

    # conflito: o mesmo campo editado nas duas máquinas; o pacote seguinte, de novo pela tela
    _editar(sede, p["id"], "Ana Souza Lima")
    _editar(note, p["id"], "Ana de Souza")
    arquivo2 = _gerar(qtbot, aba_sede, pasta / "pen", monkeypatch)
    resumo = _importar(qtbot, painel_note, aba_note, arquivo2, monkeypatch)
    assert resumo["conflitos"] == 1 == len(sx.conflitos(note))
    assert "1 campo(s) em conflito" in aba_note.situacao.text()
    assert not aba_note.botao_conflitos.isHidden()
    qtbot.waitUntil(lambda: painel_note.conflitos.modelo.rowCount() == 1)  # a aba Conflitos recarregou
    qtbot.mouseClick(aba_note.botao_conflitos, Qt.MouseButton.LeftButton)
    assert painel_note.abas.currentWidget() is painel_note.conflitos

    # o mesmo pacote de novo: nada muda além do que ele traz
    resumo = _importar(qtbot, painel_note, aba_note, arquivo2, monkeypatch)
    assert resumo["aplicadas"] == 0 and resumo["conflitos"] == 1


def test_recusa_em_portugues_e_nada_aplicado(qtbot, duas, monkeypatch):
    sede, note, pasta = duas
    cadastros.cadastrar_pessoa(sede, nome="Bruno Reis")
    painel_sede, aba_sede = _painel(qtbot, sede)
    arquivo = _gerar(qtbot, aba_sede, pasta / "pen", monkeypatch)
    erros = []
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, problema: erros.append(avisos.mensagem_de(problema)))
    monkeypatch.setattr(aba_sede, "escolher_pacote", lambda: arquivo)  # o pacote feito para o notebook
    antes = sede.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    qtbot.mouseClick(aba_sede.botao_importar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(erros), timeout=20000)
    assert "foi feito para a réplica Notebook" in erros[0] and "Nada foi aplicado" in erros[0]
    assert sede.db.execute("SELECT count(*) FROM diario").fetchone()[0] == antes
    assert aba_sede.botao_importar.isEnabled()  # a aba volta a responder


def test_conferir_mostra_somas_iguais_depois_da_troca(qtbot, duas, monkeypatch):
    sede, note, pasta = duas
    cadastros.cadastrar_pessoa(sede, nome="Carla Dias")
    painel_sede, aba_sede = _painel(qtbot, sede)
    painel_note, aba_note = _painel(qtbot, note)
    _importar(qtbot, painel_note, aba_note, _gerar(qtbot, aba_sede, pasta / "pen", monkeypatch), monkeypatch)
    _importar(qtbot, painel_sede, aba_sede, _gerar(qtbot, aba_note, pasta / "pen2", monkeypatch), monkeypatch)
    for aba in (aba_sede, aba_note):
        assert aba.conferencia.isHidden()
        qtbot.mouseClick(aba.botao_conferir, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda aba=aba: aba.modelo_conferencia.rowCount() > 0)
        assert aba.botao_imprimir.isEnabled()
    somas = [[aba.modelo_conferencia.linha(i) for i in range(aba.modelo_conferencia.rowCount())]
             for aba in (aba_sede, aba_note)]
    assert somas[0] == somas[1] == sx.conferir(note)
    pessoas = next(linha for linha in somas[0] if linha[1] == "pessoas")
    assert pessoas[2] == note.db.execute("SELECT count(*) FROM pessoas").fetchone()[0] >= 1
    assert "pessoas" in aba_sede.html_conferencia() and pessoas[3] in aba_sede.html_conferencia()


def test_convidar_maquina_mostra_o_codigo_uma_vez(qtbot, duas, monkeypatch):
    sede, note, pasta = duas
    painel, aba = _painel(qtbot, sede)
    assert not aba.botao_convidar.isHidden()
    monkeypatch.setattr(aba, "pedir_convite", lambda: ("Folha", False, pasta / "convites"))
    qtbot.mouseClick(aba.botao_convidar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo_codigo is not None, timeout=20000)
    codigo = aba.dialogo_codigo.codigo.text()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", codigo)
    assert codigo in aba.dialogo_codigo.html_impressao()
    assert len(list((pasta / "convites").glob("*.pacoconvite"))) == 1
    assert "Folha" in {r["nome"] for r in replicas.replicas(sede)}
    qtbot.waitUntil(lambda: aba.modelo.rowCount() == 2)  # a máquina convidada aparece na lista
    aba.dialogo_codigo.accept()
    assert aba.dialogo_codigo.codigo.text() == ""



def test_juntar_a_maquina_nova_pela_tela_com_o_codigo(qtbot, tmp_path, escritorio, monkeypatch):
    from desktop.services import acesso, chaveiro
    from tests.conftest import SENHA_ADMIN
    from tests.services.sincronizacao.conftest import copiar_base

    caminho_sede = tmp_path / "Sede" / "paco.db"
    sede, recuperacao = acesso.criar_instalacao(caminho_sede, escritorio, login="admin", nome="Ana",
                                                senha=SENHA_ADMIN)
    chaveiro.usar_recuperacao(sede, recuperacao)
    replicas.iniciar(sede, "Sede")
    convite = replicas.convidar(sede, "Notebook", False, tmp_path / "convites")
    sede.fechar()
    caminho_note = tmp_path / "Notebook" / "paco.db"
    copiar_base(caminho_sede, caminho_note, com_sigilo=False)  # a cópia de segurança restaurada no notebook
    note = acesso.entrar(caminho_note, "admin", SENHA_ADMIN)
    try:
        painel = PainelAdministracao(note)
        qtbot.addWidget(painel)
        aba = painel.sincronizacao
        qtbot.waitUntil(lambda: "Sede" in aba.esta.text())  # a cópia ainda se diz a sede
        erros = []
        monkeypatch.setattr(avisos, "erro", lambda p, t, problema: erros.append(avisos.mensagem_de(problema)))
        monkeypatch.setattr(aba, "pedir_juntar", lambda: (convite.arquivo, "AAAA-BBBB-CCCC-DDDD"))
        qtbot.mouseClick(aba.botao_juntar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(erros), timeout=20000)
        assert "conferem" in erros[0] and "nada foi feito" in erros[0]
        monkeypatch.setattr(aba, "pedir_juntar", lambda: (convite.arquivo, convite.codigo.lower()))
        qtbot.mouseClick(aba.botao_juntar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "agora é a réplica Notebook" in aba.situacao.text(), timeout=30000)
        qtbot.waitUntil(lambda: "Notebook" in aba.esta.text())
        assert next(r for r in replicas.replicas(note) if r["esta"])["nome"] == "Notebook"
        assert aba.modelo.index(0, 0).data() == "Sede"
    finally:
        note.fechar()
    # depois da troca das chaves (feita fora da thread da interface) a senha do administrador continua valendo
    acesso.entrar(caminho_note, "admin", SENHA_ADMIN).fechar()


def test_designar_o_notebook_para_os_atos_unicos_pela_tela(qtbot, duas, monkeypatch):
    sede, note, pasta = duas
    painel, aba = _painel(qtbot, sede)
    qtbot.waitUntil(lambda: "É a máquina designada" in aba.esta.text())
    assert not aba.botao_designar.isEnabled()  # nada selecionado
    aba.tabela.selectRow(0)
    assert aba.botao_designar.isEnabled()
    perguntas = []
    monkeypatch.setattr(avisos, "confirmar", lambda *a, **k: perguntas.append(a[2]) or True)
    qtbot.mouseClick(aba.botao_designar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "é agora a máquina designada" in aba.situacao.text(), timeout=20000)
    assert perguntas == ["Passar os atos únicos do órgão para Notebook?"]
    qtbot.waitUntil(lambda: "são feitos em <b>Notebook</b>" in aba.esta.text())
    assert aba.modelo.index(0, 2).data() == "ativa, designada"
    aba.tabela.selectRow(0)
    assert not aba.botao_designar.isEnabled()  # esta não é mais a designada: não passa adiante
    assert next(r for r in replicas.replicas(sede) if r["designada"])["nome"] == "Notebook"


def test_enviar_e_receber_pela_rede_local_pela_tela(qtbot, duas, monkeypatch):
    """O notebook abre a recepção (porta e código na tela); a sede envia pela rede com o código; o pacote é
    aplicado no notebook (o painel avisa) e a sede mostra o resumo de lá."""
    sede, note, pasta = duas
    pessoa = cadastros.cadastrar_pessoa(sede, nome="Chegou Pela Rede")
    painel_note, aba_note = _painel(qtbot, note)
    aba_note.porta_recepcao = 0  # porta livre qualquer (testes em paralelo na mesma máquina)
    _painel_sede, aba_sede = _painel(qtbot, sede)
    qtbot.mouseClick(aba_note.botao_receber_rede, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "código" in aba_note.situacao.text())
    recepcao = aba_note.recepcao
    assert recepcao.codigo in aba_note.situacao.text() and str(recepcao.porta) in aba_note.situacao.text()
    aba_sede.tabela.selectRow(0)
    assert aba_sede.botao_enviar_rede.isEnabled()
    monkeypatch.setattr(aba_sede, "pedir_rede", lambda nome: ("127.0.0.1", recepcao.porta, recepcao.codigo))
    with qtbot.waitSignal(painel_note.sig_pacote_importado, timeout=30000) as sinal:
        qtbot.mouseClick(aba_sede.botao_enviar_rede, Qt.MouseButton.LeftButton)
    assert sinal.args[0]["aplicadas"] > 0
    qtbot.waitUntil(lambda: "entregue pela rede a Notebook" in aba_sede.situacao.text(), timeout=30000)
    assert note.db.execute("SELECT nome FROM pessoas WHERE id = ?", [pessoa["id"]]).fetchone() == ("Chegou Pela Rede",)
    assert "importado" in aba_note.situacao.text()


def test_cancelar_a_recepcao_pela_rede_fecha_a_porta(qtbot, duas):
    import socket

    _sede, note, _pasta = duas
    _painel_note, aba = _painel(qtbot, note)
    aba.porta_recepcao = 0
    qtbot.mouseClick(aba.botao_receber_rede, Qt.MouseButton.LeftButton)
    porta = aba.recepcao.porta
    aba.tarefa_rede.dialogo.canceled.emit()  # o botão Cancelar do diálogo de progresso
    qtbot.waitUntil(lambda: "cancelada" in aba.situacao.text(), timeout=10000)
    assert aba.botao_receber_rede.isEnabled()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", porta)) != 0


def test_copia_restaurada_avisa_na_aba_e_recusa_gerar(qtbot, duas, monkeypatch):
    """A cópia de segurança da sede restaurada noutra pasta: a aba diz que ela não gera pacotes até juntar, e
    Gerar pacote é recusado com a mensagem (nenhum arquivo gravado)."""
    from desktop.services import acesso, copias

    from ..conftest import SENHA_ADMIN

    sede, _note, pasta = duas
    copia = copias.fazer_copia(sede).copia
    copias.restaurar(pasta / "restaurada" / "paco.db", copia, login="admin", senha=SENHA_ADMIN)
    r = acesso.entrar(pasta / "restaurada" / "paco.db", "admin", SENHA_ADMIN)
    try:
        _painel_r, aba = _painel(qtbot, r)
        assert "Cópia de segurança restaurada" in aba.esta.text()
        erros = []
        monkeypatch.setattr(avisos, "erro", lambda parent, titulo, problema: erros.append(avisos.mensagem_de(problema)))
        monkeypatch.setattr(aba, "escolher_pasta", lambda nome: pasta / "pen-r")
        aba.tabela.selectRow(0)
        qtbot.mouseClick(aba.botao_gerar, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(erros) or "restaurada" in aba.situacao.text(), timeout=20000)
        texto = " ".join(erros) + aba.situacao.text()
        assert "cópia de segurança da réplica Sede restaurada" in texto
        assert not list((pasta / "pen-r").glob("*.pacosync"))
    finally:
        r.fechar()
