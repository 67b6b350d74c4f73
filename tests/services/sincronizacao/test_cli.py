"""``paco sincronizar`` de ponta a ponta: iniciar, convidar, juntar, exportar, importar, conferir."""
import pytest

from desktop import cli
from desktop.services import acesso, cadastros

from ...conftest import SENHA_ADMIN
from .conftest import copiar_base


@pytest.fixture
def admin(monkeypatch):
    monkeypatch.setenv("PACO_SENHA", SENHA_ADMIN)
    monkeypatch.setenv("PACO_USUARIO", "admin")


def _paco(capsys, *args) -> tuple[int, str]:
    codigo = cli.main(["sincronizar", *map(str, args)])
    saida = capsys.readouterr()
    return codigo, saida.out + saida.err


def test_sincronizar_pelo_terminal(tmp_path, escritorio, admin, capsys, monkeypatch):
    sede = tmp_path / "sede" / "paco.db"
    s, recuperacao = acesso.criar_instalacao(sede, escritorio, login="admin", nome="Ana", senha=SENHA_ADMIN)
    s.fechar()
    assert _paco(capsys, "--base", sede, "--iniciar", "Sede")[0] == 0
    codigo, saida = _paco(capsys, "--base", sede, "--convidar", "Notebook", "--saida", tmp_path / "convite")
    assert codigo == 0 and "Convite gravado" in saida
    codigo_convite = saida.split("não fica gravado): ")[1].strip()
    assert codigo_convite.encode() not in next((tmp_path / "convite").iterdir()).read_bytes()
    convite = next((tmp_path / "convite").iterdir())
    note = tmp_path / "note" / "paco.db"
    copiar_base(sede, note, com_sigilo=True)
    monkeypatch.setenv("PACO_RECUPERACAO", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    codigo, saida = _paco(capsys, "--base", note, "--juntar", convite)
    assert codigo == 2 and "nada foi feito" in saida  # chave errada: nada feito
    monkeypatch.delenv("PACO_RECUPERACAO")
    monkeypatch.setenv("PACO_CODIGO", codigo_convite.lower())  # o código do convite basta (sem a recuperação)
    assert _paco(capsys, "--base", note, "--juntar", convite) == (0, "Esta máquina é agora a réplica Notebook (geral).\n")

    s = acesso.entrar(sede, "admin", SENHA_ADMIN)
    cadastros.cadastrar_pessoa(s, nome="Pessoa pelo terminal")
    s.fechar()
    codigo, saida = _paco(capsys, "--base", sede, "--exportar", tmp_path / "pen", "--para", "Notebook")
    assert codigo == 0 and "Pacote gravado" in saida
    pacote = next((tmp_path / "pen").iterdir())
    codigo, saida = _paco(capsys, "--base", note, "--importar", pacote)
    assert codigo == 0 and "Pacote de Sede" in saida and "1 aplicadas" in saida
    codigo, saida = _paco(capsys, "--base", note, "--importar", tmp_path / "nao-existe.pacosync")
    assert codigo == 2 and "Nada foi aplicado" in saida
    somas = [_paco(capsys, "--base", b, "--conferir")[1] for b in (sede, note)]
    assert somas[0] == somas[1] and "pessoas" in somas[0]
    codigo, saida = _paco(capsys, "--base", note, "--replicas")
    assert "Notebook" in saida and "(esta máquina)" in saida


def test_terminal_designa_envia_pela_rede_e_aceita_usuario(orgao, admin, capsys, monkeypatch):
    """--designar, --enviar-rede (a recepção aberta na outra máquina) e --usuarios-recebidos/--aceitar-usuario."""
    import threading

    from desktop.services import rede_local

    sede, folha = orgao.caminhos["Sede"], orgao.caminhos["Folha"]
    s = acesso.entrar(sede, "admin", SENHA_ADMIN)
    acesso.criar_usuario(s, login="rh9", nome="Rui", papel="folha_rh", senha="laranja-tucano-rio-1",
                         trocar_senha=False)
    s.fechar()
    codigo, saida = _paco(capsys, "--base", sede, "--designar", "Folha")
    assert codigo == 0 and "Folha é agora a máquina designada" in saida and "antes: Sede" in saida
    f = acesso.entrar(folha, "admin", SENHA_ADMIN)
    recepcao = rede_local.abrir_recepcao(f, 0, endereco="127.0.0.1")
    obtido = {}
    t = threading.Thread(target=lambda: obtido.update(rede_local.receber(f, recepcao, tempo=30)))
    t.start()
    monkeypatch.setenv("PACO_CODIGO_REDE", recepcao.codigo)
    codigo, saida = _paco(capsys, "--base", sede, "--enviar-rede", "127.0.0.1", "--porta", recepcao.porta,
                          "--para", "Folha")
    t.join(30)
    f.fechar()
    assert codigo == 0 and "entregue pela rede a Folha" in saida and obtido["aplicadas"] > 0
    codigo, saida = _paco(capsys, "--base", folha, "--replicas")
    assert "Folha" in saida and "ativa, designada  (esta máquina)" in saida
    assert _paco(capsys, "--base", folha, "--usuarios-recebidos")[1].startswith("rh9")
    codigo, saida = _paco(capsys, "--base", folha, "--aceitar-usuario", "rh9")
    assert codigo == 0 and "rh9 aceito (folha_rh; chaves desta máquina: geral)" in saida
    acesso.entrar(folha, "rh9", "laranja-tucano-rio-1").fechar()


def test_comissao_eleitoral_troca_pacotes_pelo_terminal(orgao, capsys, monkeypatch, tmp_path):
    """A comissão eleitoral não abre a Administração (só o administrador): na noite da eleição ela importa e
    gera pacotes pelo terminal com o seu usuário; convidar máquina continua do administrador."""
    from desktop.services import sincronizacao as sx

    sede = orgao.entrar("Sede")
    acesso.criar_usuario(sede, login="com1", nome="Clara", papel="comissao_eleitoral",
                         senha="laranja-tucano-rio-2", trocar_senha=False)
    folha = orgao.entrar("Folha")
    cadastros.cadastrar_pessoa(folha, nome="Da folha")
    pacote = sx.exportar(folha, tmp_path / "pen", "Sede")
    orgao.fechar()
    monkeypatch.setenv("PACO_USUARIO", "com1")
    monkeypatch.setenv("PACO_SENHA", "laranja-tucano-rio-2")
    base = orgao.caminhos["Sede"]
    codigo, saida = _paco(capsys, "--base", base, "--importar", pacote)
    assert codigo == 0 and "Pacote de Folha" in saida and "1 aplicadas" in saida
    codigo, saida = _paco(capsys, "--base", base, "--exportar", tmp_path / "pen2", "--para", "Folha")
    assert codigo == 0 and "Pacote gravado" in saida
    codigo, saida = _paco(capsys, "--base", base, "--convidar", "Outra", "--saida", tmp_path / "convite")
    assert codigo != 0 and not (tmp_path / "convite").exists()
    monkeypatch.setenv("PACO_USUARIO", "admin")
    monkeypatch.setenv("PACO_SENHA", SENHA_ADMIN)
    codigo, saida = _paco(capsys, "--base", orgao.caminhos["Folha"], "--importar", next((tmp_path / "pen2").iterdir()))
    assert codigo == 0 and "Pacote de Sede" in saida
