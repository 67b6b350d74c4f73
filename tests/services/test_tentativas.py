"""Tentativas de senha (issue 10, item 5): apagar o contador não libera, o relógio de parede não conta,
todo caminho que confere senha conta, e a redefinição pelo administrador zera."""
import time

import pytest

from desktop.rules import validacao
from desktop.services import acesso, copias, tentativas
from desktop.services.tentativas import ESPERA_MAXIMA, MuitasTentativas
from desktop.store.chaves import SenhaIncorreta
from tests.conftest import SENHA_ADMIN

UM_ANO = 365 * 24 * 3600


class Relogio:
    """O relógio monotônico do sistema, que os testes fazem andar sem dormir."""

    def __init__(self, monkeypatch):
        self.agora = 1000.0
        monkeypatch.setattr(tentativas, "_agora_monotonico", lambda: self.agora)

    def andar(self, segundos):
        self.agora += segundos


def _errar(caminho, vezes, login="admin", relogio=None):
    """``vezes`` senhas erradas contadas (com o relógio, espera-se cada espera antes de errar de novo)."""
    for _ in range(vezes):
        if relogio is not None:
            relogio.andar(tentativas.espera_restante(caminho, login))
        with pytest.raises(SenhaIncorreta):
            acesso.entrar(caminho, login, "senha-errada-qualquer")


def test_o_contador_nasce_com_a_instalacao(instalacao):
    caminho, _ = instalacao
    assert tentativas.arquivo(caminho).is_file()
    assert tentativas.espera_restante(caminho, "admin") == 0


def test_apagar_o_contador_prende_na_espera_maxima(instalacao, monkeypatch):
    caminho, _ = instalacao
    relogio = Relogio(monkeypatch)
    tentativas.arquivo(caminho).unlink()
    with pytest.raises(MuitasTentativas) as erro:
        acesso.entrar(caminho, "admin", SENHA_ADMIN)  # nem a senha certa entra logo
    assert erro.value.segundos == ESPERA_MAXIMA
    relogio.andar(ESPERA_MAXIMA)
    _errar(caminho, 1, relogio=relogio)  # a primeira senha errada depois já espera o máximo
    assert tentativas.espera_restante(caminho, "admin") == ESPERA_MAXIMA
    relogio.andar(ESPERA_MAXIMA)
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()
    assert tentativas.falhas(caminho, "admin") == 0


@pytest.mark.parametrize("estrago", [
    lambda t: t.write_text("{}", encoding="utf-8"),
    lambda t: t.write_text(t.read_text(encoding="utf-8").replace('"falhas": 3', '"falhas": 0'), encoding="utf-8"),
    lambda t: t.write_bytes(b"\x00lixo"),
])
def test_contador_editado_a_mao_prende(instalacao, monkeypatch, estrago):
    caminho, _ = instalacao
    Relogio(monkeypatch)
    _errar(caminho, 3)
    assert '"falhas": 3' in tentativas.arquivo(caminho).read_text(encoding="utf-8")
    estrago(tentativas.arquivo(caminho))
    assert tentativas.espera_restante(caminho, "admin") == ESPERA_MAXIMA
    assert tentativas.falhas(caminho, "admin") >= 3


@pytest.mark.parametrize("salto", [UM_ANO, -UM_ANO])
def test_relogio_de_parede_nao_prende_nem_zera(instalacao, monkeypatch, salto):
    caminho, _ = instalacao
    relogio = Relogio(monkeypatch)
    _errar(caminho, 5, relogio=relogio)  # 5 falhas: espera de 8 s
    assert tentativas.espera_restante(caminho, "admin") == 8
    verdadeiro = time.time
    monkeypatch.setattr(time, "time", lambda: verdadeiro() + salto)
    espera = tentativas.espera_restante(caminho, "admin")
    assert 0 < espera <= ESPERA_MAXIMA  # não zerou e não passa do máximo
    assert tentativas.falhas(caminho, "admin") == 5
    relogio.andar(ESPERA_MAXIMA)  # passado o máximo de verdade, a senha certa entra
    acesso.entrar(caminho, "admin", SENHA_ADMIN).fechar()


def test_reiniciar_o_computador_recomeca_a_espera_sem_passar_do_maximo(instalacao, monkeypatch):
    caminho, _ = instalacao
    relogio = Relogio(monkeypatch)
    _errar(caminho, 6, relogio=relogio)  # espera de 16 s
    monkeypatch.setattr(tentativas, "_inicializacao", lambda: "outra-inicializacao")
    relogio.agora = 5.0  # o relógio monotônico recomeçou
    assert tentativas.espera_restante(caminho, "admin") == 16
    relogio.andar(16)
    assert tentativas.espera_restante(caminho, "admin") == 0
    assert tentativas.falhas(caminho, "admin") == 6


def test_restauracao_conta_tentativas(sessao_admin, instalacao, monkeypatch):
    caminho, _ = instalacao
    Relogio(monkeypatch)
    copia = copias.fazer_copia(sessao_admin).copia
    sessao_admin.fechar()
    for _ in range(acesso.TENTATIVAS_LIVRES):
        with pytest.raises(SenhaIncorreta):
            copias.restaurar(caminho, copia, login="admin", senha="senha-errada-qualquer")
    assert tentativas.falhas(caminho, "admin") == acesso.TENTATIVAS_LIVRES
    with pytest.raises(MuitasTentativas):  # a mesma espera vale para a entrada
        acesso.entrar(caminho, "admin", SENHA_ADMIN)
    with pytest.raises(MuitasTentativas):  # e para a restauração da tela de entrada
        copias.restaurar_base_corrompida(caminho, login="admin", senha=SENHA_ADMIN)


def test_troca_da_propria_senha_conta(sessao_admin, instalacao, monkeypatch):
    caminho, _ = instalacao
    Relogio(monkeypatch)
    for _ in range(acesso.TENTATIVAS_LIVRES):
        with pytest.raises(SenhaIncorreta):
            acesso.trocar_propria_senha(sessao_admin, "senha-errada-qualquer", "janela-caju-barco", "janela-caju-barco")
    with pytest.raises(MuitasTentativas):
        acesso.trocar_propria_senha(sessao_admin, SENHA_ADMIN, "janela-caju-barco", "janela-caju-barco")


def test_redefinicao_pelo_administrador_zera(sessao_admin, instalacao, monkeypatch):
    caminho, _ = instalacao
    relogio = Relogio(monkeypatch)
    acesso.criar_usuario(sessao_admin, login="joao", nome="João", papel="folha_rh", senha="provisoria-do-joao")
    _errar(caminho, 6, login="joao", relogio=relogio)
    assert tentativas.espera_restante(caminho, "joao") > 0
    acesso.redefinir_senha(sessao_admin, "joao", "nova-provisoria-joao")
    assert tentativas.espera_restante(caminho, "joao") == 0
    assert tentativas.falhas(caminho, "joao") == 0
    assert tentativas.espera_restante(caminho, "admin") == 0  # o de outro usuário nunca existiu


@pytest.mark.parametrize("senha", ["senha12345", "123456789a", "abcdefghij", "curtinha9"])
def test_senha_comum_ou_curta_recusada(senha):
    with pytest.raises(validacao.EntradaInvalida):
        validacao.senha(senha)


def test_mensagens_da_regra_de_senha():
    with pytest.raises(validacao.EntradaInvalida, match="pelo menos 10 caracteres"):
        validacao.senha("abc-def-9")  # 9 caracteres
    with pytest.raises(validacao.EntradaInvalida, match="comum ou fácil de adivinhar"):
        validacao.senha("senha12345")
    assert validacao.senha("janela-caju-barco-lua") == "janela-caju-barco-lua"
