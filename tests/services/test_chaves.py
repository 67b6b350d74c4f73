"""Chaves que seguem os papéis (paco-chaves/2): cada senha abre só os domínios do seu papel,
ninguém se passa por outro reescrevendo fechaduras, e revogar troca as chaves."""
import json
import os
import shutil

import pytest
import sqlcipher3

from desktop.rules.papeis import DOMINIOS, Papel
from desktop.services import acesso, chaveiro, copias
from desktop.store import selagem
from desktop.store.chaves import ArquivoChaves, ErroChaves, FechaduraAlterada, SenhaIncorreta

from ..conftest import SENHA_ADMIN

SENHA = "senha-boa-123"
LOGINS = {Papel.FOLHA_RH: "rh", Papel.COMISSAO_ELEITORAL: "comissao", Papel.CONSELHEIRO_TUTELAR: "conselheira",
          Papel.SECRETARIA_CERTIFICACAO: "certifica", Papel.CONSULTA: "mp"}


def abre_com_sqlcipher(arquivo, chave: bytes) -> bool:
    """Abaixo dos serviços: o arquivo abre com esta chave num sqlcipher3 qualquer?"""
    con = sqlcipher3.connect(f"file:{arquivo}?mode=ro", uri=True)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    finally:
        con.close()


def chaves_de(caminho, login, senha=SENHA) -> dict:
    return ArquivoChaves.ler(caminho).abrir(login, senha).chaves


@pytest.fixture
def todos(instalacao, sessao_admin):
    """Um usuário de cada papel, criados por um administrador com a chave de recuperação."""
    for papel, login in LOGINS.items():
        acesso.criar_usuario(sessao_admin, login=login, nome=login.title(), papel=papel, senha=SENHA,
                             trocar_senha=False)
    sessao_admin.fechar()
    return instalacao[0]


def diario_de(caminho, login) -> int:
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        return s.db.execute("SELECT count(*) FROM diario WHERE usuario = ?", [login]).fetchone()[0]
    finally:
        s.fechar()


# -- cada papel, as suas chaves ---------------------------------------------------------------
@pytest.mark.parametrize("papel", list(Papel))
def test_cada_papel_recebe_so_as_chaves_dos_seus_dominios(todos, papel):
    login = LOGINS.get(papel, "admin")
    chaves = chaves_de(todos, login, SENHA_ADMIN if login == "admin" else SENHA)
    assert set(chaves) == {d.value for d in DOMINIOS[papel]}
    assert abre_com_sqlcipher(todos, chaves["geral"])  # o arquivo principal abre
    tem_sigilo = papel in (Papel.CONSELHEIRO_TUTELAR, Papel.CONSULTA)
    assert ("sigilo" in chaves) is tem_sigilo
    assert ("admin" in chaves) is (papel is Papel.ADMINISTRADOR)
    arquivo_sigilo = todos.with_name(todos.name + ".sigilo")
    if arquivo_sigilo.exists():  # quando o arquivo do sigilo existe (helper "sigilo")
        assert abre_com_sqlcipher(arquivo_sigilo, chaves.get("sigilo", chaves["geral"])) is tem_sigilo
    # A sessão abre e tem exatamente essas chaves.
    s = acesso.entrar(todos, login, SENHA_ADMIN if login == "admin" else SENHA)
    assert set(s.chaves) == set(chaves)
    s.fechar()


# -- sem personificação -----------------------------------------------------------------------
def _rh_forja(caminho, alvo: str, *, completa: bool = False):
    """rh (folha) escreve uma fechadura nova para ``alvo`` com as chaves que tem e a senha dele.

    ``completa``: rh também inventa uma chave de administração, põe-na na fechadura (se o alvo
    é administrador), troca a pública de assinatura do arquivo e reassina todos os usuários."""
    minhas = dict(chaves_de(caminho, "rh"))
    arquivo = ArquivoChaves.ler(caminho)
    papel = arquivo.usuario(alvo)["papel"]
    falsa = selagem.nova_chave()
    if completa and papel == "administrador":
        minhas["admin"] = falsa
    arquivo.definir_usuario(alvo, papel, "senha-do-rh-1", minhas)
    if completa:
        arquivo.dados["admin_publica"] = selagem.b64(selagem.publica_de_assinatura(falsa))
        con = sqlcipher3.connect(str(caminho))
        con.execute(f"PRAGMA key = \"x'{minhas['geral'].hex()}'\"")
        cols = [c[1] for c in con.execute("PRAGMA table_info(usuarios)")]
        for linha in con.execute("SELECT * FROM usuarios").fetchall():
            chaveiro.assinar_linha(arquivo, falsa, dict(zip(cols, linha)))
        con.close()
    arquivo.gravar()


def test_rh_nao_entra_como_conselheira_nem_como_admin_com_as_chaves_dele(todos):
    antes = {a: diario_de(todos, a) for a in ("conselheira", "admin")}
    for alvo in ("conselheira", "admin"):
        _rh_forja(todos, alvo)
        with pytest.raises(FechaduraAlterada, match="alterada fora do Paço.*nada foi registrado"):
            acesso.entrar(todos, alvo, "senha-do-rh-1")
    # A senha verdadeira também não entra mais (a fechadura foi trocada); a recuperação, sim.
    with pytest.raises(SenhaIncorreta):
        acesso.entrar(todos, "admin", SENHA_ADMIN)
    acesso.entrar_com_recuperacao(todos, _recuperacao(todos), "admin", SENHA_ADMIN).fechar()
    depois = {a: diario_de(todos, a) for a in ("conselheira", "admin")}
    assert depois["conselheira"] == antes["conselheira"]  # nada em nome da conselheira
    # em nome de admin só a recuperação (alterar + evento) e as duas entradas de diario_de
    assert depois["admin"] == antes["admin"] + 2 + 2


def test_forja_completa_conselheira_recusada_admin_denunciada_por_quem_tem_o_sigilo(todos):
    _rh_forja(todos, "conselheira", completa=True)
    with pytest.raises(ErroChaves, match="ainda não foi liberado"):  # sem o sigilo não entra
        acesso.entrar(todos, "conselheira", "senha-do-rh-1")
    _rh_forja(todos, "admin", completa=True)
    # Risco residual (docs/seguranca.md): a forja completa do administrador não se distingue na
    # entrada dele; quem tem o sigilo (que prende a pública da administração) a denuncia.
    s = acesso.entrar(todos, "mp", SENHA)
    assert any("chave de administração" in a and "fora do Paço" in a for a in s.alertas)
    s.fechar()


def test_forja_recusada_e_administrador_avisado(todos):
    _rh_forja(todos, "certifica")
    with pytest.raises(FechaduraAlterada, match="alterada fora do Paço"):
        acesso.entrar(todos, "certifica", "senha-do-rh-1")
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    assert any("alterado fora do Paço: certifica" in a for a in s.alertas)
    s.fechar()


_REC = {}


def _recuperacao(caminho):
    return _REC[str(caminho)]


@pytest.fixture(autouse=True)
def _guarda_recuperacao(instalacao):
    _REC[str(instalacao[0])] = instalacao[1]


def test_publica_trocada_nao_recebe_a_chave_nova(todos):
    """Trocar a pública de alguém no arquivo não faz receber a chave na próxima troca."""
    arquivo = ArquivoChaves.ler(todos)
    intrusa = ArquivoChaves.ler(todos)
    intrusa.definir_usuario("x", "folha_rh", "qualquer-coisa", {})
    arquivo.dados["usuarios"]["certifica"]["publica"] = intrusa.dados["usuarios"]["x"]["publica"]
    arquivo.gravar()
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    acesso.desativar_usuario(s, "comissao")
    s.fechar()
    assert "geral" not in ArquivoChaves.ler(todos).dominios_de("certifica")


# -- revogação --------------------------------------------------------------------------------
@pytest.mark.parametrize("acao", ["desativar", "redefinir"])
def test_revogacao_senha_antiga_abre_so_a_copia_antiga(todos, tmp_path, acao):
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    velha = copias.fazer_copia(s).copia
    chaves_antigas = tmp_path / "roubado.chaves"
    shutil.copy(ArquivoChaves.caminho_para(todos), chaves_antigas)
    if acao == "desativar":
        acesso.desativar_usuario(s, "certifica")
    else:
        acesso.redefinir_senha(s, "certifica", "provisoria-nova-1")
    nova = copias.fazer_copia(s).copia
    s.fechar()
    # A fechadura antiga (de um .chaves guardado) com a senha antiga:
    antiga = ArquivoChaves(chaves_antigas, json.loads(chaves_antigas.read_text()))
    geral = antiga.abrir("certifica", SENHA).chaves["geral"]
    assert abre_com_sqlcipher(velha, geral)
    assert not abre_com_sqlcipher(todos, geral)
    assert not abre_com_sqlcipher(nova, geral)
    # Pelos serviços: a senha antiga não entra na base atual nem restaura a cópia nova.
    with pytest.raises(SenhaIncorreta):
        acesso.entrar(todos, "certifica", SENHA)
    with pytest.raises(SenhaIncorreta):
        copias._chave_da_copia(nova, "certifica", SENHA)
    # Os demais continuam entrando.
    for login in ("rh", "conselheira", "mp"):
        acesso.entrar(todos, login, SENHA).fechar()
    if acao == "redefinir":
        acesso.entrar(todos, "certifica", "provisoria-nova-1").fechar()


def test_revogar_quem_tem_sigilo_deixa_troca_pendente_feita_na_entrada_de_quem_o_tem(todos):
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    assert "sigilo" not in s.chaves
    antes = ArquivoChaves.ler(todos).versao("sigilo")
    acesso.desativar_usuario(s, "conselheira")
    assert "Rotação pendente da chave do sigilo (desativação de conselheira)" in chaveiro.situacao(s)
    s.fechar()
    assert chaveiro.rotacao_pendente(todos) == "desativação de conselheira"
    sigilo_antigo = chaves_de(todos, "mp")["sigilo"]
    s = acesso.entrar(todos, "mp", SENHA)  # quem tem o sigilo entra: a troca é feita
    assert chaveiro.rotacao_pendente(todos) is None
    assert ArquivoChaves.ler(todos).versao("sigilo") == antes + 1
    assert s.chaves["sigilo"] != sigilo_antigo
    evento = s.db.execute("SELECT depois FROM diario WHERE tabela = 'chaves' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    s.fechar()
    assert "troca pendente" in evento and "sigilo" in evento
    from desktop.store import sigilo

    arquivo_sigilo = sigilo.caminho_para(todos)  # o arquivo sigiloso foi recifrado
    assert not abre_com_sqlcipher(arquivo_sigilo, sigilo_antigo)
    assert abre_com_sqlcipher(arquivo_sigilo, chaves_de(todos, "mp")["sigilo"])
    # A recuperação recebeu a chave nova também.
    assert ArquivoChaves.ler(todos).abrir_recuperacao(_recuperacao(todos)).chaves["sigilo"] == chaves_de(todos, "mp")["sigilo"]


# -- liberar o sigilo -------------------------------------------------------------------------
def test_conselheira_criada_pelo_admin_aguarda_o_sigilo_ate_mp_entrar(todos):
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)  # sem a recuperação: não tem o sigilo
    acesso.criar_usuario(s, login="nova", nome="Nova", papel="conselheiro_tutelar", senha=SENHA, trocar_senha=False)
    assert "Aguardando a liberação do sigilo: nova." in chaveiro.situacao(s)
    s.fechar()
    assert "sigilo" not in chaves_de(todos, "nova")
    with pytest.raises(ErroChaves, match="ainda não foi liberado"):
        acesso.entrar(todos, "nova", SENHA)
    s = acesso.entrar(todos, "mp", SENHA)
    assert s.db.execute("SELECT count(*) FROM diario WHERE tabela = 'chaves' AND depois LIKE '%sigilo liberado%'"
                        ).fetchone()[0] == 1
    s.fechar()
    s = acesso.entrar(todos, "nova", SENHA)
    assert chaves_de(todos, "nova")["sigilo"] == chaves_de(todos, "mp")["sigilo"]
    s.fechar()


def test_pendente_forjado_nao_recebe_o_sigilo(todos):
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    acesso.criar_usuario(s, login="nova", nome="Nova", papel="conselheiro_tutelar", senha=SENHA, trocar_senha=False)
    s.fechar()
    _rh_forja(todos, "nova")  # rh troca a fechadura de quem aguarda
    s = acesso.entrar(todos, "mp", SENHA)
    assert any("nova" in a and "não foi liberado" in a for a in s.alertas)
    s.fechar()
    assert "sigilo" not in ArquivoChaves.ler(todos).dominios_de("nova")


# -- entradas ruins ---------------------------------------------------------------------------
def test_arquivo_de_chaves_ausente_de_outra_base_ou_editado(todos, tmp_path, escritorio):
    arq = ArquivoChaves.caminho_para(todos)
    guardado = arq.read_bytes()
    arq.unlink()
    with pytest.raises(ErroChaves, match="não foi encontrado"):
        acesso.entrar(todos, "rh", SENHA)
    # De outra base (mesmo login e senha lá):
    outra = tmp_path / "outra" / "paco.db"
    s, _ = acesso.criar_instalacao(outra, escritorio, login="admin", nome="B", senha=SENHA_ADMIN)
    s.fechar()
    shutil.copy(ArquivoChaves.caminho_para(outra), arq)
    with pytest.raises(Exception) as e:
        acesso.entrar(todos, "admin", SENHA_ADMIN)
    assert "chave não confere" in str(e.value) or "outra base" in str(e.value)
    # Um envelope editado à mão:
    arq.write_bytes(guardado)
    dados = json.loads(guardado)
    env = dados["usuarios"]["rh"]["envelopes"]["geral"]
    env["cifrado"] = env["cifrado"][:-8] + ("A" * 8 if env["cifrado"][-8:] != "A" * 8 else "B" * 8)
    arq.write_text(json.dumps(dados))
    with pytest.raises(FechaduraAlterada, match="alterada fora do Paço"):
        acesso.entrar(todos, "rh", SENHA)
    # Papel trocado à mão na fechadura: a senha já não abre (o papel está nos dados associados).
    dados = json.loads(guardado)
    dados["usuarios"]["rh"]["papel"] = "administrador"
    arq.write_text(json.dumps(dados))
    with pytest.raises(SenhaIncorreta):
        acesso.entrar(todos, "rh", SENHA)
    # Nada ficou aberto: com o arquivo certo, entra.
    arq.write_bytes(guardado)
    acesso.entrar(todos, "rh", SENHA).fechar()


def test_campos_desconhecidos_do_arquivo_sao_preservados(todos):
    arq = ArquivoChaves.caminho_para(todos)
    dados = json.loads(arq.read_text())
    dados["campo_futuro"] = {"seq": 7, "hash": "abc"}
    arq.write_text(json.dumps(dados))
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    acesso.desativar_usuario(s, "comissao")
    s.fechar()
    depois = json.loads(arq.read_text())
    assert depois["campo_futuro"] == {"seq": 7, "hash": "abc"}
    assert depois["formato"] == "paco-chaves/2"
    # a âncora do diário (gravada por outra thread) sobrevive às regravações da troca de chaves
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    fim = s.db.execute("SELECT max(seq) FROM diario").fetchone()[0]
    s.fechar()
    assert json.loads(arq.read_text())["ancora"]["seq"] == fim


# -- atualização de paco-chaves/1 -------------------------------------------------------------
def _rebaixar_para_v1(caminho, recuperacao, senhas: dict, com_sigilo: bool = False):
    """Deixa a base como o Paço antigo a deixava: uma chave derivada da recuperação, aberta por
    todas as fechaduras (formato 1)."""
    from desktop.store.base import Base
    from desktop.store.chaves import chave_da_base_v1

    sigilo_atual = ArquivoChaves.ler(caminho).abrir_recuperacao(recuperacao).chaves["sigilo"]
    base = chaveiro.abrir_base(caminho, ArquivoChaves.ler(caminho).abrir_recuperacao(recuperacao))
    antiga = chave_da_base_v1(recuperacao)
    base.recifrar(antiga)
    base.fechar()
    base_id = ArquivoChaves.ler(caminho).base_id
    fechaduras = {}
    for login, senha in senhas.items():
        e = selagem.embrulhar(senha, antiga, login.encode())
        fechaduras[login] = e
    dados = {"formato": "paco-chaves/1", "base_id": base_id, "fechaduras": fechaduras, "campo_futuro": {"seq": 1}}
    if com_sigilo:  # o regime provisório do sigilo: a chave dele sob a recuperação
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        k = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"paco-sigilo", info=b"embrulho").derive(
            recuperacao.encode())
        nonce = os.urandom(12)
        dados["sigilo_recuperacao"] = {"nonce": selagem.b64(nonce),
                                       "cifrado": selagem.b64(AESGCM(k).encrypt(nonce, sigilo_atual, b"sigilo"))}
    ArquivoChaves.caminho_para(caminho).write_text(json.dumps(dados))
    Base.abrir(caminho, antiga).fechar()  # abre com a chave antiga
    return antiga


def test_atualizacao_do_formato_1(todos):
    from desktop.services import chaves_v1

    rec = _recuperacao(todos)
    antiga = _rebaixar_para_v1(todos, rec, {"admin": SENHA_ADMIN, "rh": SENHA})
    with pytest.raises(ErroChaves, match="formato antigo"):
        acesso.entrar(todos, "rh", SENHA)
    assert chaves_v1.precisa_atualizar(todos)
    with pytest.raises(SenhaIncorreta):
        chaves_v1.atualizar_chaves(todos, "admin", SENHA_ADMIN, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    s = chaves_v1.atualizar_chaves(todos, "admin", SENHA_ADMIN, rec)
    assert set(chaves_v1.usuarios_sem_fechadura(s)) == {"rh", "comissao", "conselheira", "certifica", "mp"}
    acesso.redefinir_senha(s, "rh", "provisoria-rh-1")
    s.fechar()
    assert not abre_com_sqlcipher(todos, antiga)  # a chave antiga não abre mais
    assert json.loads(ArquivoChaves.caminho_para(todos).read_text())["campo_futuro"] == {"seq": 1}
    acesso.entrar(todos, "rh", "provisoria-rh-1").fechar()
    acesso.entrar(todos, "admin", SENHA_ADMIN).fechar()


def test_trocar_a_chave_de_recuperacao(todos):
    antiga = _recuperacao(todos)
    geral_antigo = ArquivoChaves.ler(todos).abrir_recuperacao(antiga).chaves["geral"]
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    nova = chaveiro.trocar_chave_recuperacao(s)
    s.fechar()
    with pytest.raises(SenhaIncorreta, match="não é a desta base"):
        ArquivoChaves.ler(todos).abrir_recuperacao(antiga)
    assert not abre_com_sqlcipher(todos, geral_antigo)
    chaves = ArquivoChaves.ler(todos).abrir_recuperacao(nova).chaves
    assert abre_com_sqlcipher(todos, chaves["geral"]) and "sigilo" not in chaves  # sigilo: pendente
    acesso.entrar(todos, "conselheira", SENHA).fechar()  # quem tem o sigilo entra: sela para a nova
    chaves = ArquivoChaves.ler(todos).abrir_recuperacao(nova).chaves
    assert chaves["sigilo"] == chaves_de(todos, "mp")["sigilo"]
    assert set(chaves) == {"geral", "sigilo", "admin"}
    s = acesso.entrar_com_recuperacao(todos, nova, "admin", "outra-senha-123")
    s.fechar()


def test_atualizacao_do_formato_1_pelo_esqueci_a_senha(todos):
    rec = _recuperacao(todos)
    _rebaixar_para_v1(todos, rec, {"admin": SENHA_ADMIN})
    s = acesso.entrar_com_recuperacao(todos, rec, "admin", "senha-nova-456")
    assert ArquivoChaves.ler(todos).formato == "paco-chaves/2"
    s.fechar()
    acesso.entrar(todos, "admin", "senha-nova-456").fechar()


def test_queda_no_meio_da_troca_nao_tranca_ninguem_e_a_troca_termina_na_entrada(todos, monkeypatch):
    from desktop.store.base import Base

    geral_antigo = chaves_de(todos, "rh")["geral"]

    class Queda(BaseException):
        pass

    def cai(self, *a, **k):
        raise Queda()

    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    monkeypatch.setattr(Base, "recifrar", cai)
    with pytest.raises(Queda):  # arquivo de chaves já gravado com a chave nova; base na antiga
        acesso.desativar_usuario(s, "certifica")
    monkeypatch.undo()
    s.fechar()
    assert abre_com_sqlcipher(todos, geral_antigo)
    s = acesso.entrar(todos, "rh", SENHA)  # abre com a anterior e termina a troca
    s.fechar()
    assert not abre_com_sqlcipher(todos, geral_antigo)
    assert abre_com_sqlcipher(todos, chaves_de(todos, "rh")["geral"])
    assert not any("anteriores" in u for u in ArquivoChaves.ler(todos).dados["usuarios"].values())
    acesso.entrar(todos, "admin", SENHA_ADMIN).fechar()
    with pytest.raises(SenhaIncorreta):
        acesso.entrar(todos, "certifica", SENHA)


# -- o conteúdo do caso, abaixo dos serviços ------------------------------------------------------
def test_nome_relato_e_telefone_do_caso_so_com_as_chaves_do_conselho_e_da_consulta(instalacao, sessao_admin):
    """Cada papel entra com a sua senha, pega as chaves que a fechadura dá e lê, com sqlcipher3,
    toda tabela de todo arquivo que elas abrem: o nome da criança, o relato e o telefone gravados
    pela conselheira só aparecem para a conselheira e a consulta (MP/juízo)."""
    from datetime import date, datetime

    from desktop.services.conselho import atendimentos, mandatos, rascunhos
    from desktop.store import sigilo

    caminho = instalacao[0]
    c = mandatos.cadastrar_conselheiro(sessao_admin, nome="Joana Batista Ferreira", condicao="titular", ordem=1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    for papel, login in LOGINS.items():
        acesso.criar_usuario(sessao_admin, login=login, nome=login.title(), papel=papel, senha=SENHA,
                             trocar_senha=False)
    mandatos.vincular_usuario(sessao_admin, c["id"], "conselheira")
    sessao_admin.fechar()
    marcas = ("Yasmin ZZQuitéria Balbino", "ZZNARRATIVA", "98877-6655")
    s = acesso.entrar(caminho, "conselheira", SENHA)
    atendimentos.registrar_atendimento(s, {
        "tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Jardim Oriente",
        "relato": "Relato ZZNARRATIVA: vizinhos ouviram choro",
        "criancas": [{"nome": marcas[0], "nascimento": "2016-04-02", "sexo": "F"}],
        "familiares": [{"nome": "Rosa Balbino", "vinculo": "mãe", "telefone": "(92) 98877-6655"}]})
    rascunhos.salvar_rascunho(s, {"relato": "ZZNARRATIVA no rascunho"})
    s.fechar()

    def varrer(arquivo, chave) -> set[str]:
        if not abre_com_sqlcipher(arquivo, chave):
            return set()
        con = sqlcipher3.connect(f"file:{arquivo}?mode=ro", uri=True)
        con.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
        achados = set()
        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for linha in con.execute(f"SELECT * FROM [{t}]"):
                for v in linha:
                    texto = v if isinstance(v, str) else v.decode("utf-8", "ignore") if isinstance(v, bytes) else ""
                    achados |= {m for m in marcas if m in texto}
        con.close()
        return achados

    for papel in Papel:
        login = LOGINS.get(papel, "admin")
        chaves = chaves_de(caminho, login, SENHA_ADMIN if login == "admin" else SENHA)
        vistos = set()
        for chave in chaves.values():  # cada chave contra cada arquivo
            vistos |= varrer(caminho, chave) | varrer(sigilo.caminho_para(caminho), chave)
        if papel in (Papel.CONSELHEIRO_TUTELAR, Papel.CONSULTA):
            assert vistos == set(marcas), papel
        else:
            assert vistos == set(), papel


def test_restaurar_uma_copia_troca_as_chaves_da_base_restaurada(todos):
    s = acesso.entrar(todos, "admin", SENHA_ADMIN)
    velha = copias.fazer_copia(s).copia
    s.fechar()
    geral_da_copia = ArquivoChaves.ler(velha).abrir("rh", SENHA).chaves["geral"]
    r = copias.restaurar(todos, velha, login="admin", senha=SENHA_ADMIN)  # credenciais válidas na cópia
    assert r.guardada_em is not None
    assert abre_com_sqlcipher(velha, geral_da_copia)  # a cópia continua abrindo com as fechaduras dela
    assert not abre_com_sqlcipher(todos, geral_da_copia)  # a base restaurada, não
    assert chaveiro.rotacao_pendente(todos) == "restauração de cópia"  # o sigilo: o admin não o tem
    sigilo_da_copia = ArquivoChaves.ler(velha).abrir("mp", SENHA).chaves["sigilo"]
    for login in ("rh", "conselheira", "mp"):
        acesso.entrar(todos, login, SENHA).fechar()
    assert chaveiro.rotacao_pendente(todos) is None  # feita na entrada da conselheira
    assert chaves_de(todos, "mp")["sigilo"] != sigilo_da_copia


def test_so_quem_gerencia_usuarios_troca_as_chaves_e_so_quem_tem_o_sigilo_o_libera(todos):
    from desktop.services.sessao import SemPermissao

    rh = acesso.entrar(todos, "rh", SENHA)
    try:
        with pytest.raises(SemPermissao, match="não permite trocar as chaves"):
            chaveiro.trocar_chaves(rh, "tentativa")
        with pytest.raises(SemPermissao):
            chaveiro.liberar_sigilo(rh, ArquivoChaves.ler(todos))
        with pytest.raises(SemPermissao):
            chaveiro.situacao(rh)
    finally:
        rh.fechar()
    assert abre_com_sqlcipher(todos, chaves_de(todos, "rh")["geral"])  # nada mudou


def test_atualizacao_do_formato_1_com_o_arquivo_sigiloso_do_regime_provisorio(todos):
    rec = _recuperacao(todos)
    _rebaixar_para_v1(todos, rec, {"admin": SENHA_ADMIN}, com_sigilo=True)
    s = acesso.entrar_com_recuperacao(todos, rec, "admin", "senha-nova-456")
    acesso.redefinir_senha(s, "mp", "provisoria-mp-1")
    assert chaveiro.usar_recuperacao(s, rec) == ["mp"]
    s.fechar()
    s = acesso.entrar(todos, "mp", "provisoria-mp-1")
    assert s.tem_sigilo  # a chave do arquivo sigiloso existente foi mantida
    s.fechar()
