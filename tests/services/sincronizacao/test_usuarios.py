"""Usuários entre réplicas: criado na sede, chega à réplica e entra lá depois do aceite do administrador dela;
desativado ou com a senha redefinida na sede, a senha antiga não abre mais a base da réplica — nem com uma
cópia antiga do arquivo de chaves e um prompt Python; a senha trocada pelo próprio usuário vale nas duas; um
pacote com usuário criado por quem não é administrador é recusado inteiro."""
import pytest

from desktop.services import acesso, replicas
from desktop.services import sincronizacao as sx
from desktop.services import usuarios_replicas as ur
from desktop.services.sessao import ErroNegocio
from desktop.store.base import Base
from desktop.store.chaves import ArquivoChaves, ErroChaves
from desktop.store.erros import BaseCorrompida

from ...conftest import SENHA_ADMIN
from .conftest import montar_orgao

SENHA_RH = "laranja-tucano-rio-1"
SENHA_RH1 = "caqui-sabia-lagoa-7"
NOVA = "jambo-arara-serra-9"


def _preparar(s):  # antes das cópias: existem em todas as réplicas
    acesso.criar_usuario(s, login="rh1", nome="Rita da Folha", papel="folha_rh", senha=SENHA_RH1, trocar_senha=False)
    acesso.criar_usuario(s, login="rh2", nome="Rui da Folha", papel="folha_rh", senha=SENHA_RH, trocar_senha=False)


@pytest.fixture
def orgao(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Notebook": True, "Folha": False}, preparar=_preparar)
    yield o
    o.fechar()


def _levar(orgao, origem: str, destino: str, pen, *, login="admin", senha=SENHA_ADMIN) -> dict:
    """Exporta da ``origem`` (administrador) para o ``destino`` e importa lá com ``login``; fecha as duas."""
    s = acesso.entrar(orgao.caminhos[origem], "admin", SENHA_ADMIN)
    try:
        pacote = sx.exportar(s, pen, destino)
    finally:
        s.fechar()
    d = acesso.entrar(orgao.caminhos[destino], login, senha)
    try:
        return sx.importar(d, pacote)
    finally:
        d.fechar()


def _entra(caminho, login, senha) -> bool:
    try:
        acesso.entrar(caminho, login, senha).fechar()
    except ErroChaves:
        return False
    return True


def test_usuario_criado_na_sede_entra_na_replica_depois_do_aceite(orgao, tmp_path):
    s = acesso.entrar(orgao.caminhos["Sede"], "admin", SENHA_ADMIN)
    acesso.criar_usuario(s, login="rh3", nome="Raul Novo", papel="folha_rh", senha=SENHA_RH, trocar_senha=False)
    s.fechar()
    resumo = _levar(orgao, "Sede", "Folha", tmp_path / "pen")
    assert resumo["usuarios"]["aguardando"] == ["rh3"] and not resumo["usuarios"]["revogados"]
    folha = orgao.caminhos["Folha"]
    assert not _entra(folha, "rh3", SENHA_RH)  # chegou, mas nenhuma chave desta máquina foi selada para ele
    a = acesso.entrar(folha, "admin", SENHA_ADMIN)
    try:
        assert any("aguardam o seu aceite" in al and "rh3" in al for al in a.alertas)
        assert [r["login"] for r in ur.recebidos(a)] == ["rh3"]
        feito = ur.aceitar(a, "rh3")
        assert feito["dominios"] == ["geral"]  # só o que o papel lê
        assert ur.recebidos(a) == []
        with pytest.raises(ErroNegocio, match="aguardando aceite"):
            ur.aceitar(a, "rh3")
    finally:
        a.fechar()
    r = acesso.entrar(folha, "rh3", SENHA_RH)
    assert r.usuario.papel.value == "folha_rh" and set(r.chaves) == {"geral"} and not r.alertas
    r.fechar()
    a = acesso.entrar(folha, "admin", SENHA_ADMIN)  # o registro assinado aqui: nenhum alerta
    assert not [al for al in a.alertas if "rh3" in al]
    a.fechar()


def test_revogacao_na_sede_tranca_a_senha_antiga_na_replica(orgao, tmp_path):
    folha = orgao.caminhos["Folha"]
    assert _entra(folha, "rh2", SENHA_RH)
    roubado = ArquivoChaves.caminho_para(folha).read_bytes()  # rh2 guardou o arquivo de chaves da folha
    s = acesso.entrar(orgao.caminhos["Sede"], "admin", SENHA_ADMIN)
    acesso.desativar_usuario(s, "rh2")
    s.fechar()
    # quem importa é rh1 (sem a chave de administração): a revogação vale do mesmo jeito
    resumo = _levar(orgao, "Sede", "Folha", tmp_path / "pen", login="rh1", senha=SENHA_RH1)
    assert resumo["usuarios"]["revogados"] == ["rh2"]
    assert not _entra(folha, "rh2", SENHA_RH)
    assert ArquivoChaves.ler(folha).usuario("rh2") is None
    # abaixo dos serviços: a fechadura antiga abre a chave antiga, que não abre mais a base da folha
    antigo = tmp_path / "roubado" / "paco.db"
    antigo.parent.mkdir()
    ArquivoChaves.caminho_para(antigo).write_bytes(roubado)
    velhas = ArquivoChaves.ler(antigo).abrir("rh2", SENHA_RH).chaves
    with pytest.raises(BaseCorrompida):
        Base.abrir(folha, velhas["geral"]).fechar()
    assert _entra(folha, "rh1", SENHA_RH1)  # quem continua, continua
    a = acesso.entrar(folha, "admin", SENHA_ADMIN)  # o revogado fica assinado como desativado, sem alerta
    try:
        assert not [al for al in a.alertas if "rh2" in al]
        assert not [u for u in acesso.listar_usuarios(a) if u["login"] == "rh2" and u["ativo"]]
    finally:
        a.fechar()


def test_senha_redefinida_na_sede_revoga_a_antiga_e_a_nova_espera_o_aceite(orgao, tmp_path):
    folha = orgao.caminhos["Folha"]
    s = acesso.entrar(orgao.caminhos["Sede"], "admin", SENHA_ADMIN)
    acesso.redefinir_senha(s, "rh2", NOVA)
    s.fechar()
    resumo = _levar(orgao, "Sede", "Folha", tmp_path / "pen")
    assert resumo["usuarios"]["revogados"] == ["rh2"] and resumo["usuarios"]["aguardando"] == ["rh2"]
    assert not _entra(folha, "rh2", SENHA_RH) and not _entra(folha, "rh2", NOVA)
    a = acesso.entrar(folha, "admin", SENHA_ADMIN)
    ur.aceitar(a, "rh2")
    a.fechar()
    assert not _entra(folha, "rh2", SENHA_RH)
    r = acesso.entrar(folha, "rh2", NOVA)
    assert r.usuario.trocar_senha  # senha provisória: troca no primeiro acesso, como na sede
    r.fechar()


def test_senha_trocada_pelo_proprio_usuario_vale_na_replica(orgao, tmp_path):
    s = acesso.entrar(orgao.caminhos["Sede"], "rh2", SENHA_RH)
    acesso.trocar_propria_senha(s, SENHA_RH, NOVA, NOVA)
    s.fechar()
    resumo = _levar(orgao, "Sede", "Folha", tmp_path / "pen")
    assert resumo["usuarios"]["senhas"] == ["rh2"] and not resumo["usuarios"]["revogados"]
    folha = orgao.caminhos["Folha"]
    assert _entra(folha, "rh2", NOVA) and not _entra(folha, "rh2", SENHA_RH)


def test_usuario_criado_por_quem_nao_e_administrador_recusa_o_pacote(orgao, tmp_path):
    """Abaixo dos serviços: rh1, com a senha e um prompt Python na folha, grava um usuário administrador pelo
    caminho das transações (capturado em nome dele) e manda o pacote à sede: recusado inteiro."""
    s = acesso.entrar(orgao.caminhos["Folha"], "rh1", SENHA_RH1)
    try:
        with s.mudanca(None) as m:
            m.inserir("usuarios", {"id": "0190f000-0000-7000-8000-00000000beef", "login": "intruso", "nome": "Intruso",
                                   "papel": "administrador", "ativo": 1, "trocar_senha": 0,
                                   "criado_em": "2026-01-01T00:00:00", "atualizado_em": "2026-01-01T00:00:00"})
        pacote = sx.exportar(s, tmp_path / "pen", "Sede")
    finally:
        s.fechar()
    a = acesso.entrar(orgao.caminhos["Sede"], "admin", SENHA_ADMIN)
    try:
        with pytest.raises(ErroNegocio, match="não é administrador.*Nada foi aplicado"):
            sx.importar(a, pacote)
        assert not [u for u in acesso.listar_usuarios(a) if u["login"] == "intruso"]
    finally:
        a.fechar()


def test_usuario_criado_na_replica_chega_a_sede(orgao, tmp_path):
    """No sentido contrário: o administrador do notebook cria; o da sede aceita."""
    n = acesso.entrar(orgao.caminhos["Notebook"], "admin", SENHA_ADMIN)
    acesso.criar_usuario(n, login="cert1", nome="Célia", papel="secretaria_certificacao", senha=SENHA_RH,
                         trocar_senha=False)
    n.fechar()
    assert _levar(orgao, "Notebook", "Sede", tmp_path / "pen")["usuarios"]["aguardando"] == ["cert1"]
    a = acesso.entrar(orgao.caminhos["Sede"], "admin", SENHA_ADMIN)
    ur.aceitar(a, "cert1")
    nomes = {r["nome"] for r in replicas.replicas(a)}
    a.fechar()
    assert nomes >= {"Sede", "Notebook"}
    assert _entra(orgao.caminhos["Sede"], "cert1", SENHA_RH)


def test_conselheira_criada_na_sede_recebe_o_sigilo_do_notebook_so_por_quem_o_tem(tmp_path, escritorio):
    """O administrador do notebook aceita (sela só o geral: ele não tem o sigilo); o sigilo do notebook é
    liberado para ela na próxima entrada de uma conselheira lá, pela assinatura do administrador de lá."""
    from .conftest import SENHA_CT

    o = montar_orgao(tmp_path / "orgao", escritorio, {"Notebook": True}, conselheira=True)
    try:
        s = acesso.entrar(o.caminhos["Sede"], "admin", SENHA_ADMIN)
        acesso.criar_usuario(s, login="ct2", nome="Conselheira Dois", papel="conselheiro_tutelar", senha=SENHA_RH,
                             trocar_senha=False)
        s.fechar()
        assert _levar(o, "Sede", "Notebook", tmp_path / "pen")["usuarios"]["aguardando"] == ["ct2"]
        nb = o.caminhos["Notebook"]
        a = acesso.entrar(nb, "admin", SENHA_ADMIN)
        assert ur.aceitar(a, "ct2")["dominios"] == ["geral"]
        a.fechar()
        with pytest.raises(ErroChaves, match="sigilo"):
            acesso.entrar(nb, "ct2", SENHA_RH)  # aguarda o sigilo, como se criada aqui
        acesso.entrar(nb, "ct1", SENHA_CT).fechar()  # quem tem o sigilo entra: libera
        c = acesso.entrar(nb, "ct2", SENHA_RH)
        assert c.tem_sigilo and set(c.chaves) == {"geral", "sigilo"}
        c.fechar()
    finally:
        o.fechar()


def test_revogacao_interrompida_depois_de_importar_termina_na_proxima_entrada(orgao, tmp_path, monkeypatch):
    """Queda entre aplicar o pacote e trocar as chaves: a próxima entrada de qualquer usuário termina a
    revogação antes de tudo."""
    s = acesso.entrar(orgao.caminhos["Sede"], "admin", SENHA_ADMIN)
    acesso.desativar_usuario(s, "rh2")
    s.fechar()
    with monkeypatch.context() as mp:
        mp.setattr(ur, "conciliar", lambda sessao: {"revogados": [], "senhas": [], "aguardando": []})
        _levar(orgao, "Sede", "Folha", tmp_path / "pen")
    folha = orgao.caminhos["Folha"]
    assert ArquivoChaves.ler(folha).usuario("rh2") is not None  # a fechadura ficou (a queda)
    geral_antes = ArquivoChaves.ler(folha).abrir("rh1", SENHA_RH1).chaves["geral"]
    r = acesso.entrar(folha, "rh1", SENHA_RH1)
    r.fechar()
    assert ArquivoChaves.ler(folha).usuario("rh2") is None
    assert ArquivoChaves.ler(folha).abrir("rh1", SENHA_RH1).chaves["geral"] != geral_antes  # trocada
    assert not _entra(folha, "rh2", SENHA_RH)
