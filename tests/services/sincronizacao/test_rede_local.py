"""Item 2: o pacote direto pela rede local, com dois sockets locais. A máquina que recebe abre a recepção
(porta e código de uso único); a que envia manda o mesmo pacote cifrado do pen drive; o resultado da
importação volta a quem enviou. Código errado: nada passa e a recepção se encerra (uma tentativa só);
pacote recusado lá: a mensagem volta; nada gravado em disco na máquina que recebe."""
import socket
import threading

import pytest

from desktop.services import cadastros, rede_local, replicas
from desktop.services import sincronizacao as sx
from desktop.services.sessao import ErroNegocio
from desktop.store import sync_rede


def _recebendo(sessao, recepcao):
    """Roda ``rede_local.receber`` noutra thread (como a tela); devolve a thread e o que ela obteve."""
    saida = {}

    def trabalhar():
        try:
            saida["resumo"] = rede_local.receber(sessao, recepcao, tempo=30)
        except Exception as e:  # noqa: BLE001 — o teste confere
            saida["erro"] = e

    t = threading.Thread(target=trabalhar)
    t.start()
    return t, saida


def test_pacote_pela_rede_local_aplica_e_devolve_o_resumo(orgao, tmp_path):
    sede, folha = orgao.entrar("Sede"), orgao.entrar("Folha")
    pessoa = cadastros.cadastrar_pessoa(sede, nome="Joana Enviada Pela Rede")
    recepcao = rede_local.abrir_recepcao(folha, 0, endereco="127.0.0.1")
    assert len(sync_rede.normalizar(recepcao.codigo)) == 8 and recepcao.porta > 0
    antes = set(tmp_path.rglob("*"))
    t, saida = _recebendo(folha, recepcao)
    resumo = rede_local.enviar(sede, "Folha", "127.0.0.1", recepcao.porta, recepcao.codigo.lower())
    t.join(30)
    assert "erro" not in saida and saida["resumo"]["aplicadas"] == resumo["aplicadas"] > 0
    assert resumo["origem"] == "Sede"
    nome = folha.db.execute("SELECT nome FROM pessoas WHERE id = ?", [pessoa["id"]]).fetchone()
    assert nome == ("Joana Enviada Pela Rede",)
    assert not [p for p in set(tmp_path.rglob("*")) - antes if p.suffix in (".pacosync", ".parcial")]
    folha_id = next(r["id"] for r in replicas.replicas(sede) if r["nome"] == "Folha")
    assert "enviado" in sx.trocas(sede)[folha_id]  # a data do último envio, como pelo pen drive
    with pytest.raises(ErroNegocio, match="Não foi possível falar"):  # uma conexão só: a porta fechou
        rede_local.enviar(sede, "Folha", "127.0.0.1", recepcao.porta, recepcao.codigo)


def test_codigo_errado_nao_passa_nada_e_encerra_a_recepcao(orgao):
    sede, folha = orgao.entrar("Sede"), orgao.entrar("Folha")
    pessoa = cadastros.cadastrar_pessoa(sede, nome="Não Deve Chegar")
    recepcao = rede_local.abrir_recepcao(folha, 0, endereco="127.0.0.1")
    t, saida = _recebendo(folha, recepcao)
    errado = "AAAA-AAAA" if sync_rede.normalizar(recepcao.codigo) != "AAAAAAAA" else "BBBB-BBBB"
    with pytest.raises(ErroNegocio, match="O código não confere"):
        rede_local.enviar(sede, "Folha", "127.0.0.1", recepcao.porta, errado)
    t.join(30)
    assert "não digitou o código desta recepção" in str(saida["erro"])
    assert folha.db.execute("SELECT 1 FROM pessoas WHERE id = ?", [pessoa["id"]]).fetchone() is None
    with socket.socket() as s:  # a recepção não aceita outra tentativa
        assert s.connect_ex(("127.0.0.1", recepcao.porta)) != 0


def test_pacote_para_outra_maquina_recusado_la_com_a_mensagem(orgao):
    """O canal não substitui as conferências do pacote: feito para o Notebook e entregue na Folha, recusado."""
    sede, folha = orgao.entrar("Sede"), orgao.entrar("Folha")
    recepcao = rede_local.abrir_recepcao(folha, 0, endereco="127.0.0.1")
    t, saida = _recebendo(folha, recepcao)
    with pytest.raises(ErroNegocio, match="recusou o pacote: Este pacote foi feito para a réplica Notebook"):
        rede_local.enviar(sede, "Notebook", "127.0.0.1", recepcao.porta, recepcao.codigo)
    t.join(30)
    assert "Nada foi aplicado" in str(saida["erro"])


def test_quem_nao_e_paco_e_recusado_e_a_espera_pode_ser_cancelada(orgao):
    folha = orgao.entrar("Folha")
    recepcao = rede_local.abrir_recepcao(folha, 0, endereco="127.0.0.1")
    t, saida = _recebendo(folha, recepcao)
    with socket.create_connection(("127.0.0.1", recepcao.porta)) as s:  # um intruso manda lixo grande
        s.recv(64)
        s.sendall(b"\xff\xff\xff\xff")
    t.join(30)
    assert "grande demais" in str(saida["erro"])
    outra = rede_local.abrir_recepcao(folha, 0, endereco="127.0.0.1")
    t, saida = _recebendo(folha, outra)
    outra.fechar()  # Cancelar na tela
    t.join(30)
    assert "cancelada" in str(saida["erro"])


def test_fechar_a_sessao_encerra_a_espera(orgao):
    """Sair ou trocar de usuário com a recepção aberta: a espera para e a porta fecha (nada fica escutando)."""
    from desktop.services import acesso

    from ...conftest import SENHA_ADMIN

    folha = acesso.entrar(orgao.caminhos["Folha"], "admin", SENHA_ADMIN)
    recepcao = rede_local.abrir_recepcao(folha, 0, endereco="127.0.0.1")
    t, saida = _recebendo(folha, recepcao)
    folha.fechar()
    t.join(10)
    assert not t.is_alive() and "cancelada" in str(saida["erro"])
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", recepcao.porta)) != 0
