"""Instalação, entrada e usuários: permissões nos serviços, senhas, espera após falhas."""
import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services import acesso, copias
from desktop.services.sessao import ErroNegocio, SemPermissao
from desktop.store.chaves import ErroChaves, SenhaIncorreta
from desktop.store import diario

from ..conftest import SENHA_ADMIN


def test_instalacao_cria_admin_e_diario_integro(sessao_admin):
    usuarios = acesso.listar_usuarios(sessao_admin)
    assert [(u["login"], u["papel"]) for u in usuarios] == [("admin", "administrador")]
    res = diario.verificar(sessao_admin.db)
    assert res.ok and res.linhas >= 3  # órgão, admin, entrada


def test_cnpj_invalido_recusado(tmp_path, escritorio):
    escritorio.cnpj = "11.222.333/0001-82"
    with pytest.raises(EntradaInvalida, match="CNPJ inválido"):
        acesso.criar_instalacao(tmp_path / "x.db", escritorio, login="admin", nome="A", senha="12345678")
    assert not (tmp_path / "x.db").exists()


def test_usuario_criado_entra_e_obedece_ao_papel(sessao_admin, instalacao):
    caminho, _ = instalacao
    acesso.criar_usuario(sessao_admin, login="mp", nome="Promotoria", papel="consulta", senha="provisoria1")
    linhas = list(sessao_admin.db.query("SELECT acao, tabela FROM diario WHERE tabela='usuarios'"))
    assert ("inserir", "usuarios") in [(x["acao"], x["tabela"]) for x in linhas]
    sessao_admin.fechar()
    s = acesso.entrar(caminho, "mp", "provisoria1")
    try:
        assert s.usuario.trocar_senha is True
        with pytest.raises(SemPermissao, match="Consulta"):
            acesso.criar_usuario(s, login="x1x", nome="X", papel="consulta", senha="12345678")
        acesso.trocar_propria_senha(s, "provisoria1", "nova-senha-1", "nova-senha-1")
    finally:
        s.fechar()
    s = acesso.entrar(caminho, "mp", "nova-senha-1")
    assert s.usuario.trocar_senha is False
    s.fechar()


def test_desativado_nao_entra_e_redefinir_senha(sessao_admin, instalacao):
    caminho, _ = instalacao
    acesso.criar_usuario(sessao_admin, login="joao", nome="João", papel="folha_rh", senha="provisoria1")
    acesso.desativar_usuario(sessao_admin, "joao")
    with pytest.raises(ErroNegocio, match="próprio"):
        acesso.desativar_usuario(sessao_admin, "admin")
    with pytest.raises(SenhaIncorreta):
        acesso.entrar(caminho, "joao", "provisoria1")
    acesso.reativar_usuario(sessao_admin, "joao", "outra-senha1")
    sessao_admin.fechar()
    acesso.entrar(caminho, "joao", "outra-senha1").fechar()


def test_espera_cresce_apos_falhas(instalacao):
    caminho, _ = instalacao
    for _ in range(acesso.TENTATIVAS_LIVRES - 1):
        with pytest.raises(SenhaIncorreta):
            acesso.entrar(caminho, "admin", "errada")
    with pytest.raises(SenhaIncorreta, match="Aguarde 2 s"):
        acesso.entrar(caminho, "admin", "errada")
    with pytest.raises(acesso.MuitasTentativas):
        acesso.entrar(caminho, "admin", SENHA_ADMIN)  # até a senha certa espera
    assert [acesso.espera_apos(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]


def test_chave_de_recuperacao_redefine_admin_mesmo_sem_arquivo_de_chaves(instalacao):
    """Chaves aleatórias (paco-chaves/2): sem o arquivo de chaves, a recuperação usa o de uma
    cópia de segurança ao lado da base, se ele abre a base atual; sem nenhum, diz o que fazer."""
    caminho, recuperacao = instalacao
    (caminho.parent / (caminho.name + ".chaves")).rename(caminho.parent / "guardado.chaves")
    with pytest.raises(ErroChaves, match="nenhuma cópia de segurança"):
        acesso.entrar_com_recuperacao(caminho, recuperacao, "admin", "nova-senha-9")
    (caminho.parent / "guardado.chaves").rename(caminho.parent / (caminho.name + ".chaves"))
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    copias.fazer_copia(s)
    s.fechar()
    (caminho.parent / (caminho.name + ".chaves")).unlink()
    s = acesso.entrar_com_recuperacao(caminho, recuperacao.lower().replace("-", " "), "admin", "nova-senha-9")
    s.fechar()
    acesso.entrar(caminho, "admin", "nova-senha-9").fechar()
