"""Cópias (casos de uso): permissão, pasta extra, automáticas, rotação, diário e restauração."""
import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.services import acesso, copias
from desktop.services.sessao import ErroNegocio, SemPermissao
from desktop.store import diario
from desktop.store.chaves import SenhaIncorreta
from desktop.store.copias import ErroCopia
from desktop.store.erros import BaseCorrompida

from ..conftest import SENHA_ADMIN


def gravar(sessao, chave, valor="x"):
    with sessao.mudanca(None) as m:
        m.db["configuracoes"].insert({"chave": chave, "valor": valor})
        m.registrar("configuracoes", chave, "inserir", depois={"chave": chave, "valor": valor})


def configuracoes(caminho, login="admin", senha=SENHA_ADMIN):
    s = acesso.entrar(caminho, login, senha)
    try:
        return {r["chave"] for r in s.db.query("SELECT chave FROM configuracoes")}
    finally:
        s.fechar()


def eventos_de_copia(sessao):
    return [json.loads(r["depois"]) | {"usuario": r["usuario"]} for r in sessao.db.query(
        "SELECT usuario, depois FROM diario WHERE tabela = 'copias' AND acao = 'evento' ORDER BY seq")]


@pytest.fixture
def usuario_consulta(sessao_admin):
    acesso.criar_usuario(sessao_admin, login="mp", nome="Promotoria", papel="consulta", senha="provisoria1")
    return "mp", "provisoria1"


# -- fazer -------------------------------------------------------------------------------------
def test_copia_manual_vai_para_a_pasta_da_base_e_entra_no_diario(sessao_admin, instalacao):
    caminho, _ = instalacao
    r = copias.fazer_copia(sessao_admin, momento=datetime(2026, 4, 1, 9, 30, 0))

    assert copias.pasta_copias(sessao_admin) == caminho.parent / "copias"
    assert r.copia == caminho.parent / "copias" / "paco-2026-04-01_093000-manual.s000001.db"
    assert r.extra is None and r.avisos == []
    assert [c.caminho for c in copias.listar_copias(sessao_admin)] == [r.copia]
    [evento] = eventos_de_copia(sessao_admin)
    assert evento["tipo"] == "manual" and evento["arquivo"] == str(r.copia) and evento["usuario"] == "admin"
    assert diario.verificar(sessao_admin.db).ok


def test_consulta_nao_faz_copia_manual_mas_a_automatica_sim(sessao_admin, instalacao, usuario_consulta):
    caminho, _ = instalacao
    sessao_admin.fechar()
    s = acesso.entrar(caminho, *usuario_consulta)
    try:
        with pytest.raises(SemPermissao, match="fazer cópias de segurança"):
            copias.fazer_copia(s)
        r = copias.copia_automatica(s, "ao-fechar")
        assert "-ao-fechar.s" in r.copia.name and r.copia.exists()
        assert eventos_de_copia(s)[-1]["usuario"] == "mp"
    finally:
        s.fechar()


def test_diaria_uma_vez_por_dia(sessao_admin):
    dia1 = datetime(2026, 5, 4, 8, 0, 0)
    assert copias.copia_automatica(sessao_admin, "diaria", momento=dia1) is not None
    assert copias.copia_automatica(sessao_admin, "diaria", momento=dia1 + timedelta(hours=10)) is None
    # Cópias de outros tipos não contam como diária.
    copias.fazer_copia(sessao_admin, momento=dia1 + timedelta(days=1))
    assert copias.copia_automatica(sessao_admin, "diaria", momento=dia1 + timedelta(days=1, hours=1)) is not None
    assert [c.tipo for c in copias.listar_copias(sessao_admin)] == ["diaria", "manual", "diaria"]
    with pytest.raises(ValueError):
        copias.copia_automatica(sessao_admin, "semanal")


def test_rotacao_aplicada_a_cada_copia(sessao_admin):
    inicio = datetime(2024, 1, 1, 7, 0, 0)
    for d in range(40):
        copias.copia_automatica(sessao_admin, "diaria", momento=inicio + timedelta(days=d))
    datas = sorted(c.momento.date().isoformat() for c in copias.listar_copias(sessao_admin))
    assert datas == ["2024-01-21", "2024-01-28", "2024-01-31"] + [f"2024-02-0{d}" for d in range(3, 10)]
    # A última (09/02) empurrou 02/02 para fora das 7 diárias; a semana dela guarda 04/02.
    assert eventos_de_copia(sessao_admin)[-1]["removidas"] == ["paco-2024-02-02_070000-diaria.s000033.db"]
    r = copias.copia_automatica(sessao_admin, "diaria", momento=datetime(2024, 2, 10, 7, 0, 0))
    assert r.mensagem().endswith("1 cópia antiga apagada pela rotação (ficam 7 diárias, 4 semanais, 12 mensais).")


# -- pasta extra -------------------------------------------------------------------------------
def test_pasta_extra_recebe_a_copia_e_e_registrada(sessao_admin, tmp_path):
    pen = tmp_path / "PENDRIVE"
    pen.mkdir()
    copias.definir_pasta_extra(sessao_admin, pen)

    r = copias.fazer_copia(sessao_admin, momento=datetime(2026, 6, 2, 17, 0, 0))

    assert copias.pasta_extra(sessao_admin) == pen
    assert r.extra == pen / "paco-2026-06-02_170000-manual.s000001.db"  # a mesma sequência nas duas
    assert r.extra.name == r.copia.name
    assert r.extra.read_bytes() != b"" and (pen / (r.extra.name + ".chaves")).exists()
    assert r.avisos == []
    assert {c.caminho for c in copias.listar_copias(sessao_admin)} == {r.copia, r.extra}
    linha = sessao_admin.db.execute(
        "SELECT acao, depois FROM diario WHERE tabela = 'configuracoes' ORDER BY seq DESC").fetchone()
    assert linha[0] == "inserir" and json.loads(linha[1])["valor"] == str(pen)

    copias.definir_pasta_extra(sessao_admin, None)
    assert copias.pasta_extra(sessao_admin) is None
    assert sessao_admin.db.execute(
        "SELECT acao FROM diario WHERE tabela = 'configuracoes' ORDER BY seq DESC").fetchone()[0] == "excluir"


def test_pasta_extra_ausente_avisa_e_a_principal_e_feita(sessao_admin, tmp_path):
    pen = tmp_path / "PENDRIVE"
    pen.mkdir()
    copias.definir_pasta_extra(sessao_admin, pen)
    pen.rmdir()  # o pen drive foi retirado

    r = copias.fazer_copia(sessao_admin)

    assert r.copia.exists() and r.extra is None
    assert len(r.avisos) == 1 and "não está acessível" in r.avisos[0] and "pen drive" in r.avisos[0]
    assert eventos_de_copia(sessao_admin)[-1]["avisos"] == r.avisos
    assert copias.descrever(r) == f"Cópia de segurança feita em {r.copia}.\n{r.avisos[0]}"


def test_pasta_extra_invalida_e_recusada(sessao_admin, tmp_path):
    with pytest.raises(ErroNegocio, match="não existe ou não está acessível"):
        copias.definir_pasta_extra(sessao_admin, tmp_path / "nao-existe")
    with pytest.raises(ErroNegocio, match="caminho completo"):
        copias.definir_pasta_extra(sessao_admin, "copias-relativas")
    copias.pasta_copias(sessao_admin).mkdir()
    with pytest.raises(ErroNegocio, match="já guarda as cópias principais"):
        copias.definir_pasta_extra(sessao_admin, copias.pasta_copias(sessao_admin))
    assert copias.pasta_extra(sessao_admin) is None


# -- restaurar ---------------------------------------------------------------------------------
def test_administrador_restaura_e_a_restauracao_fica_no_diario(sessao_admin, instalacao):
    caminho, _ = instalacao
    gravar(sessao_admin, "antes")
    copia = copias.fazer_copia(sessao_admin).copia
    gravar(sessao_admin, "depois")
    sessao_admin.fechar()  # a tela fecha a sessão antes de restaurar

    r = copias.restaurar(caminho, copia, login=" Admin ", senha=SENHA_ADMIN)

    assert r.copia == copia and r.guardada_em.exists()
    assert "foi restaurada" in r.mensagem() and str(r.guardada_em) in r.mensagem()
    assert configuracoes(caminho) == {"antes"}
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        evento = eventos_de_copia(s)[-1]
        assert evento["evento"] == "restauração de cópia de segurança"
        assert evento["base_anterior_guardada_em"] == str(r.guardada_em)
        assert diario.verificar(s.db).ok
    finally:
        s.fechar()


def test_restaurar_exige_administrador_e_senha_da_copia(sessao_admin, instalacao):
    caminho, _ = instalacao
    acesso.criar_usuario(sessao_admin, login="rh", nome="RH", papel="folha_rh", senha="provisoria1")
    copia = copias.fazer_copia(sessao_admin).copia
    acesso.redefinir_senha(sessao_admin, "admin", "senha-nova-1")  # depois da cópia
    sessao_admin.fechar()
    antes = caminho.read_bytes()

    with pytest.raises(SemPermissao, match="Folha / RH"):
        copias.restaurar(caminho, copia, login="rh", senha="provisoria1")
    with pytest.raises(SenhaIncorreta):
        copias.restaurar(caminho, copia, login="admin", senha="errada-123")
    # A cópia guarda as fechaduras do dia em que foi feita: vale a senha de então.
    with pytest.raises(SenhaIncorreta):
        copias.restaurar(caminho, copia, login="admin", senha="senha-nova-1")
    assert caminho.read_bytes() == antes
    assert not list(caminho.parent.glob("*antes-da-restauracao*"))

    copias.restaurar(caminho, copia, login="admin", senha=SENHA_ADMIN)
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()


def _estragar(caminho):
    dados = bytearray(caminho.read_bytes())
    dados[16:4096] = os.urandom(4096 - 16)  # página 1 depois do sal: não decifra mais
    caminho.write_bytes(bytes(dados))


def test_base_danificada_restaura_a_copia_mais_recente_da_tela_de_entrada(sessao_admin, instalacao):
    caminho, _ = instalacao
    acesso.criar_usuario(sessao_admin, login="conselheira", nome="Rita", papel="conselheiro_tutelar",
                         senha="provisoria1")
    gravar(sessao_admin, "na-velha")
    velha = copias.fazer_copia(sessao_admin, momento=datetime(2026, 7, 1, 8, 0, 0)).copia
    gravar(sessao_admin, "na-nova")
    nova = copias.fazer_copia(sessao_admin, momento=datetime(2026, 7, 2, 8, 0, 0)).copia
    gravar(sessao_admin, "perdida")
    sessao_admin.fechar()

    # Base boa: não há o que restaurar por este caminho.
    with pytest.raises(ErroNegocio, match="abre normalmente"):
        copias.restaurar_base_corrompida(caminho, login="conselheira", senha="provisoria1")

    _estragar(caminho)
    with pytest.raises(BaseCorrompida) as e:
        acesso.entrar(caminho, "conselheira", "provisoria1")
    assert e.value.oferecer_restauracao
    assert copias.copia_mais_recente(caminho).caminho == nova
    with pytest.raises(SenhaIncorreta):
        copias.restaurar_base_corrompida(caminho, login="conselheira", senha="errada-123")

    _estragar(nova)  # a mais recente também se estragou: vai a anterior
    r = copias.restaurar_base_corrompida(caminho, login="conselheira", senha="provisoria1")

    assert r.copia == velha
    assert configuracoes(caminho, "conselheira", "provisoria1") == {"na-velha"}
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        assert eventos_de_copia(s)[-1]["usuario"] == "conselheira"
        assert diario.verificar(s.db).ok
    finally:
        s.fechar()


def test_base_danificada_sem_copias(instalacao):
    caminho, _ = instalacao
    _estragar(caminho)
    assert copias.copia_mais_recente(caminho) is None
    with pytest.raises(ErroCopia, match="Não há cópias de segurança"):
        copias.restaurar_base_corrompida(caminho, login="admin", senha=SENHA_ADMIN)


def test_restaurar_num_computador_novo(sessao_admin, tmp_path):
    """Pen drive com a cópia, computador sem base: a cópia vira a base na pasta escolhida."""
    pen = tmp_path / "PENDRIVE"
    pen.mkdir()
    copias.definir_pasta_extra(sessao_admin, pen)
    gravar(sessao_admin, "do-computador-velho")
    extra = copias.fazer_copia(sessao_admin).extra
    sessao_admin.fechar()
    nova = tmp_path / "computador-novo" / "Paco" / "paco.db"

    r = copias.restaurar(nova, extra, login="admin", senha=SENHA_ADMIN)

    assert r.guardada_em is None
    assert configuracoes(nova) == {"do-computador-velho", "copias.pasta_extra"}


def test_relogio_atrasado_nao_apaga_e_diz_a_verdade(sessao_admin):
    inicio = datetime(2026, 1, 1, 7, 0, 0)
    for d in range(12):
        copias.fazer_copia(sessao_admin, momento=inicio + timedelta(days=d))
    antes = {c.caminho for c in copias.listar_copias(sessao_admin)}
    r = copias.fazer_copia(sessao_admin, momento=datetime(2020, 1, 1, 7, 0, 0))  # relógio atrasado
    assert r.removidas == [] and r.copia.exists()
    assert {c.caminho for c in copias.listar_copias(sessao_admin)} == antes | {r.copia}
    assert "relógio deste computador parece atrasado" in r.mensagem()
    assert copias.listar_copias(sessao_admin)[0].caminho == r.copia
    # Com o relógio certo de novo, a rotação volta e guarda a de relógio atrasado (a sequência
    # dela é maior que a das antigas).
    r2 = copias.fazer_copia(sessao_admin, momento=datetime(2026, 1, 20, 7, 0, 0))
    assert r2.removidas and r.copia.exists()


def test_entrada_apaga_temporarios_de_copia_interrompida(sessao_admin, instalacao):
    caminho, _ = instalacao
    pasta = copias.pasta_copias(sessao_admin)
    pasta.mkdir(parents=True, exist_ok=True)
    sobra = pasta / ".paco-copia-interrompida.tmp"
    sobra.write_bytes(b"meia copia")
    restauracao = caminho.parent / ".paco-restauracao-x.tmp"
    restauracao.write_bytes(b"meia base")
    sessao_admin.fechar()
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()
    assert not sobra.exists() and not restauracao.exists()


def test_copia_ao_fechar_volta_com_a_ancora_do_seu_registro_ja_gravada(sessao_admin):
    """Sessao.fechar, logo depois da cópia ao fechar, espera as âncoras pendentes: se a cópia (que roda
    em segundo plano) voltasse com a âncora do seu registro ainda na fila, essa espera (~60 ms: a
    thread junta pedidos por 50 ms e faz um fsync) cairia na thread da interface (issue 16)."""
    from desktop.store import ancoras

    gravar(sessao_admin, "antes-da-copia")
    r = copias.copia_automatica(sessao_admin, "ao-fechar")
    assert r.copia.exists()
    assert ancoras.aguardar(0), "a âncora do registro da cópia ainda estava na fila"
    r = copias.copia_automatica(sessao_admin, "diaria")  # a diária não espera: a janela segue aberta
    assert r is not None and not ancoras.aguardar(0)


def test_copia_ao_fechar_passa_o_wal_para_a_base(sessao_admin, instalacao):
    """Sessao.fechar, logo depois da cópia ao fechar, faz o checkpoint do WAL na thread da interface (70 ms
    de disco com 3.000 servidores): a cópia, em segundo plano, já o deixa vazio (issue 16)."""
    caminho, _ = instalacao
    gravar(sessao_admin, "antes-da-copia")
    wal = Path(f"{caminho}-wal")
    r = copias.copia_automatica(sessao_admin, "ao-fechar")
    assert r.copia.exists() and wal.exists() and wal.stat().st_size == 0
