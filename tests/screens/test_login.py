"""Tela de entrada: senha errada, entrada com a janela principal, espera após falhas, troca
obrigatória de senha, chave de recuperação, arquivo de chaves perdido, base em uso e o fluxo do app."""
import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import app as paco
from desktop.screens.login import JanelaLogin
from desktop.services import acesso, demo, local

from ..conftest import SENHA_ADMIN
from .apoio_janelas import digitar, esperar_copia_diaria, fechar_principal


@pytest.fixture
def fluxo(qapp, qtbot):
    f = paco.Fluxo(qapp)
    yield f
    if f.principal is not None:
        fechar_principal(qtbot, f.principal)
    for w in (f.login, f.assistente):
        if w is not None:
            w.hide()
            if getattr(w, "sessao", None) is not None:
                w.sessao.fechar()


def _login(qtbot, fluxo, caminho, **kw) -> JanelaLogin:
    janela = fluxo.mostrar_login(caminho, **kw)  # o fixture fluxo fecha as janelas no fim
    qtbot.waitUntil(janela.isVisible)
    return janela


def _entrar(qtbot, janela: JanelaLogin, login: str, senha: str) -> None:
    janela.login.clear()
    janela.senha.clear()
    qtbot.keyClicks(janela.login, login)
    qtbot.keyClicks(janela.senha, senha)
    qtbot.keyClick(janela.senha, Qt.Key.Key_Return)  # Enter aciona o botão Entrar


def _ocioso(janela: JanelaLogin) -> bool:
    return janela._tarefa is None


def test_senha_errada_mostra_mensagem(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    janela = _login(qtbot, fluxo, caminho)
    assert janela.botao_entrar.isDefault()
    assert str(caminho) in janela.rotulo_base.text()

    def botoes():  # onde estão Entrar e Sair na janela
        return [b.mapTo(janela, b.rect().topLeft()) for b in (janela.botao_entrar, janela.botao_sair)]

    antes = botoes()
    _entrar(qtbot, janela, "admin", "senha-errada")
    qtbot.waitUntil(lambda: "Usuário ou senha incorretos" in janela.texto_mensagem(), timeout=10000)
    assert botoes() == antes  # a mensagem aparece sem empurrar os botões (issue 16, item 6)
    assert janela.senha.text() == ""  # a senha errada é apagada
    assert janela.botao_entrar.isEnabled()
    assert fluxo.principal is None


def test_senha_certa_abre_a_janela_principal(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    janela = _login(qtbot, fluxo, caminho)
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: fluxo.principal is not None and fluxo.principal.isVisible(), timeout=10000)
    principal = fluxo.principal
    assert not janela.isVisible()
    assert principal.rotulo_usuario.text() == "Ana Administradora · Administrador"
    assert principal.rotulo_base.text() == f"Base: {caminho}"
    qtbot.waitUntil(lambda: principal.windowTitle() == "Paço — Secretaria Municipal de Educação (Jequié-BA)",
                    timeout=10000)  # o órgão é lido fora da thread da interface
    # a cópia diária é feita ao entrar, fora da thread da interface
    copias = caminho.parent / "copias"
    esperar_copia_diaria(qtbot, principal)
    assert len(list(copias.glob("*-diaria.s*.db"))) == 1
    # ao fechar: cópia "ao fechar" e a sessão é encerrada (a base pode ser aberta de novo)
    fechar_principal(qtbot, principal)
    assert any(copias.glob("*-ao-fechar.s*.db"))
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()


def test_espera_depois_de_varias_senhas_erradas(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    janela = _login(qtbot, fluxo, caminho)
    for _ in range(2):
        _entrar(qtbot, janela, "admin", "errada")
        qtbot.waitUntil(lambda: _ocioso(janela) and "incorretos" in janela.texto_mensagem(), timeout=10000)
        assert janela.botao_entrar.isEnabled()
    _entrar(qtbot, janela, "admin", "errada")  # a terceira falha impõe espera de 2 s
    qtbot.waitUntil(lambda: _ocioso(janela) and not janela.botao_entrar.isEnabled(), timeout=10000)
    assert "Aguarde 2 s para tentar de novo" in janela.texto_mensagem()
    assert janela.relogio.isActive()
    # com o botão desativado, Enter não tenta de novo
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    assert janela._tarefa is None and fluxo.principal is None
    # a contagem regressiva corre com um QTimer e libera o botão ao fim
    qtbot.waitUntil(lambda: "Aguarde 1 s" in janela.texto_mensagem(), timeout=5000)
    qtbot.waitUntil(janela.botao_entrar.isEnabled, timeout=5000)
    assert janela.texto_mensagem() == "Você já pode tentar de novo."
    assert not janela.relogio.isActive()
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: fluxo.principal is not None, timeout=10000)


def test_muitas_tentativas_ao_abrir_a_tela_mostra_a_espera(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    for _ in range(4):
        with pytest.raises((acesso.SenhaIncorreta, acesso.MuitasTentativas)):
            acesso.entrar(caminho, "admin", "errada")
    janela = _login(qtbot, fluxo, caminho)
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: _ocioso(janela) and "Muitas tentativas" in janela.texto_mensagem(), timeout=10000)
    assert not janela.botao_entrar.isEnabled()
    assert janela.segundos_de_espera() > 0


def test_troca_de_senha_obrigatoria(qtbot, fluxo, instalacao, sessao_admin):
    caminho, _ = instalacao
    acesso.criar_usuario(sessao_admin, login="rita", nome="Rita Helena", papel="folha_rh",
                         senha="provisoria1")
    sessao_admin.fechar()
    janela = _login(qtbot, fluxo, caminho)
    _entrar(qtbot, janela, "rita", "provisoria1")
    qtbot.waitUntil(lambda: janela._dialogo is not None and janela._dialogo.isVisible(), timeout=10000)
    dialogo = janela._dialogo
    assert "senha atual é provisória" in dialogo.findChildren(type(janela.mensagem))[0].text()
    assert fluxo.principal is None  # só entra depois de trocar

    # senha atual errada: dito ao lado do campo
    digitar(qtbot, dialogo.atual.edit, "errada-123")
    digitar(qtbot, dialogo.nova.edit, "minha-senha-9")
    digitar(qtbot, dialogo.confirmacao.edit, "minha-senha-9")
    qtbot.mouseClick(dialogo.botao_trocar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogo.atual.erro.isVisible() and dialogo.isEnabled(), timeout=10000)
    assert dialogo.atual.erro.text() == "A senha atual está incorreta."

    dialogo.atual.edit.clear()
    digitar(qtbot, dialogo.atual.edit, "provisoria1")
    qtbot.mouseClick(dialogo.botao_trocar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fluxo.principal is not None and fluxo.principal.isVisible(), timeout=10000)
    principal = fluxo.principal
    assert principal.rotulo_usuario.text() == "Rita Helena · Folha / RH"
    assert principal.sessao.db.execute(
        "SELECT trocar_senha FROM usuarios WHERE login = 'rita'").fetchone() == (0,)
    fechar_principal(qtbot, principal)
    s = acesso.entrar(caminho, "rita", "minha-senha-9")
    assert s.usuario.trocar_senha is False
    s.fechar()


def test_recusar_troca_obrigatoria_nao_entra(qtbot, fluxo, instalacao, sessao_admin):
    caminho, _ = instalacao
    acesso.criar_usuario(sessao_admin, login="rita", nome="Rita", papel="folha_rh", senha="provisoria1")
    sessao_admin.fechar()
    janela = _login(qtbot, fluxo, caminho)
    _entrar(qtbot, janela, "rita", "provisoria1")
    qtbot.waitUntil(lambda: janela._dialogo is not None and janela._dialogo.isVisible(), timeout=10000)
    qtbot.mouseClick(janela._dialogo.botao_cancelar, Qt.MouseButton.LeftButton)
    assert "trocar a senha provisória" in janela.texto_mensagem()
    assert fluxo.principal is None
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()  # a sessão de rita foi fechada


def test_esqueci_minha_senha_com_a_chave_de_recuperacao(qtbot, fluxo, instalacao):
    caminho, recuperacao = instalacao
    janela = _login(qtbot, fluxo, caminho)
    janela.login.setText("admin")
    qtbot.mouseClick(janela.link_esqueci, Qt.MouseButton.LeftButton)
    dialogo = janela._dialogo
    assert dialogo.isVisible() and dialogo.login.texto() == "admin"
    digitar(qtbot, dialogo.chave.edit, "ABCD")
    assert dialogo.chave.erro.isVisible()  # formato conferido enquanto se digita
    dialogo.chave.edit.clear()
    digitar(qtbot, dialogo.chave.edit, recuperacao.replace("-", " ").lower())
    assert not dialogo.chave.erro.isVisible()
    digitar(qtbot, dialogo.nova.edit, "recuperada-1")
    digitar(qtbot, dialogo.confirmacao.edit, "recuperada-1")
    qtbot.mouseClick(dialogo.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fluxo.principal is not None and fluxo.principal.isVisible(), timeout=10000)
    fechar_principal(qtbot, fluxo.principal)
    acesso.entrar(caminho, "admin", "recuperada-1").fechar()


def test_arquivo_de_chaves_perdido_oferece_recuperacao_e_copia(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    Path(str(caminho) + ".chaves").unlink()
    janela = _login(qtbot, fluxo, caminho)
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: _ocioso(janela) and bool(janela.texto_mensagem()), timeout=10000)
    assert "arquivo de chaves" in janela.texto_mensagem()
    assert janela.botao_recuperacao.isVisible() and janela.botao_restaurar.isVisible()


def test_base_danificada_restaura_a_copia_mais_recente(qtbot, fluxo, instalacao, sessao_admin):
    from desktop.services import copias

    caminho, _ = instalacao
    copia = copias.fazer_copia(sessao_admin, "manual").copia
    sessao_admin.fechar()
    for sufixo in ("-wal", "-shm"):
        Path(str(caminho) + sufixo).unlink(missing_ok=True)
    caminho.write_bytes(b"lixo" * 4096)  # a base se danificou (um apagão, um disco ruim)
    janela = _login(qtbot, fluxo, caminho)
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: _ocioso(janela) and janela.botao_restaurar.isVisible(), timeout=10000)
    assert "danificado" in janela.texto_mensagem()
    qtbot.mouseClick(janela.botao_restaurar, Qt.MouseButton.LeftButton)
    dialogo = janela._dialogo
    assert copia.name in dialogo.copia.text()
    assert dialogo.credenciais.login.text() == "admin"
    digitar(qtbot, dialogo.credenciais.senha, SENHA_ADMIN)
    qtbot.mouseClick(dialogo.botao_restaurar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: janela.informacao.isVisible(), timeout=15000)
    assert "foi restaurada" in janela.informacao.text()
    assert "A base anterior ficou guardada em" in janela.informacao.text()
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: fluxo.principal is not None, timeout=10000)


def test_base_em_uso_mensagem_clara(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    outra = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        janela = _login(qtbot, fluxo, caminho)
        _entrar(qtbot, janela, "admin", SENHA_ADMIN)
        qtbot.waitUntil(lambda: _ocioso(janela) and bool(janela.texto_mensagem()), timeout=10000)
        assert "já está aberta em outra janela do Paço" in janela.texto_mensagem()
        assert not janela.botao_restaurar.isVisible()
    finally:
        outra.fechar()


def test_abrir_outra_base_vira_a_base_configurada(qtbot, fluxo, instalacao, tmp_path):
    caminho, _ = instalacao
    janela = _login(qtbot, fluxo, tmp_path / "sumiu" / "paco.db")
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    assert "não foi encontrada" in janela.texto_mensagem()
    janela.trocar_base(caminho)
    assert janela.rotulo_base.text() == f"Base: {caminho}"
    _entrar(qtbot, janela, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: fluxo.principal is not None, timeout=10000)
    assert local.base_configurada() == caminho


# -- o fluxo do aplicativo -------------------------------------------------------------------
def _args(**kw) -> argparse.Namespace:
    return argparse.Namespace(**({"base": None, "demo_se_vazio": False, "instalar": False,
                                  "versao": False} | kw))


def test_primeira_execucao_abre_o_assistente(qtbot, fluxo):
    fluxo.iniciar(_args())
    assert fluxo.assistente is not None and fluxo.assistente.isVisible()
    assert fluxo.login is None


def test_base_configurada_abre_a_entrada(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    local.gravar(base=str(caminho))
    fluxo.iniciar(_args())
    assert fluxo.login.isVisible() and fluxo.login.caminho == caminho
    assert fluxo.assistente is None


def test_configuracao_perdida_com_base_na_pasta_padrao(qtbot, fluxo, escritorio):
    caminho = local.pasta_dados_padrao() / local.NOME_BASE
    sessao, _ = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Ana", senha=SENHA_ADMIN)
    sessao.fechar()
    fluxo.iniciar(_args())
    assert fluxo.assistente is None and fluxo.login.caminho == caminho
    _entrar(qtbot, fluxo.login, "admin", SENHA_ADMIN)
    qtbot.waitUntil(lambda: fluxo.principal is not None, timeout=10000)
    assert local.base_configurada() == caminho


def test_instalar_abre_o_assistente_mesmo_com_base_configurada(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    local.gravar(base=str(caminho))
    fluxo.iniciar(_args(instalar=True, demo_se_vazio=True))
    assert fluxo.assistente is not None and fluxo.assistente.isVisible()
    assert fluxo.login is None


def test_demo_nao_esconde_base_real_na_pasta_padrao(qtbot, fluxo, escritorio):
    caminho = local.pasta_dados_padrao() / local.NOME_BASE
    sessao, _ = acesso.criar_instalacao(caminho, escritorio, login="admin", nome="Ana", senha=SENHA_ADMIN)
    sessao.fechar()
    fluxo.iniciar(_args(demo_se_vazio=True))
    assert fluxo.login.caminho == caminho


def test_opcao_base_aceita_a_pasta(qtbot, fluxo, instalacao):
    caminho, _ = instalacao
    fluxo.iniciar(_args(base=caminho.parent))
    assert fluxo.login.caminho == caminho


def test_demo_se_vazio_cria_a_base_de_demonstracao(qtbot, fluxo):
    fluxo.iniciar(_args(demo_se_vazio=True))
    janela = fluxo.login
    assert janela.caminho == local.caminho_base_demo()
    qtbot.waitUntil(lambda: janela.login.text() == demo.LOGIN_DEMO and janela.isEnabled(), timeout=60000)
    assert local.caminho_base_demo().exists()
    assert janela.dica.isVisible() and demo.SENHA_DEMO in janela.dica.text()
    qtbot.keyClicks(janela.senha, demo.SENHA_DEMO)
    qtbot.keyClick(janela.senha, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fluxo.principal is not None, timeout=10000)
    assert local.base_configurada() is None  # a demonstração não vira a base do órgão


def test_versao(capsys):
    from desktop import __version__

    assert paco.main(["--versao"]) == 0
    assert capsys.readouterr().out.strip() == f"Paço {__version__}"


def test_precarregar_traz_o_painel_de_cada_modulo():
    """A entrada importa em segundo plano o painel de cada módulo: abrir a janela ou trocar de módulo não
    importa telas na thread da interface (issue 16)."""
    from desktop.screens.principal.modulos import MODULOS

    paineis = {m.painel.split(":")[0] for m in MODULOS}
    assert paineis <= set(paco.PRECARREGAR), paineis - set(paco.PRECARREGAR)
    paco.precarregar().join(120)
    import sys
    assert all(nome in sys.modules for nome in paco.PRECARREGAR)
