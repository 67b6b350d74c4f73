"""Uma cópia de segurança de uma réplica restaurada noutra máquina (ou na mesma, depois de um desastre) não sabe
o que a original fez depois da cópia: se continuasse como ela, duas máquinas seriam a designada (atos únicos em
dobro), dariam os mesmos números da faixa e enviariam alterações novas com contadores que as outras já têm
(e que elas descartariam como repetidas — perda silenciosa). Restaurada, ela recebe pacotes, mas não gera
pacotes, não numera pela faixa e não faz atos únicos até ser juntada com um convite."""
import pytest

from desktop.services import acesso, cadastros, copias, replicas
from desktop.services import sincronizacao as sx
from desktop.services.sessao import ErroNegocio
from desktop.store import sync_registro as reg
from desktop.store.erros import ErroBase

from ...conftest import SENHA_ADMIN


def _designada_aqui(sessao) -> bool:
    try:
        replicas.exigir_designada(sessao.db, "Fechar a competência")
    except ErroNegocio:
        return False
    return True


def test_copia_restaurada_da_sede_nao_age_como_sede_ate_juntar(orgao, tmp_path):
    sede = orgao.entrar("Sede")
    copia = copias.fazer_copia(sede).copia
    depois = cadastros.cadastrar_pessoa(sede, nome="Gravada na sede depois da cópia")
    orgao.fechar()
    restaurada = tmp_path / "restaurada" / "paco.db"
    copias.restaurar(restaurada, copia, login="admin", senha=SENHA_ADMIN)
    r = acesso.entrar(restaurada, "admin", SENHA_ADMIN)
    try:
        assert reg.local(r.db)[0] == reg.local(orgao.entrar("Sede").db)[0]  # a mesma identidade da sede
        with pytest.raises(ErroNegocio, match="cópia de segurança da réplica Sede restaurada") as e:
            replicas.exigir_designada(r.db, "Fechar a competência")
        assert "Juntar esta máquina com um convite" in str(e.value)
        with pytest.raises(ErroNegocio, match="Gerar pacote: esta base é uma cópia de segurança"):
            sx.exportar(r, tmp_path / "pen", "Notebook")
        with pytest.raises(ErroBase, match="Numerar o atendimento: esta base é uma cópia"):
            reg.proximo_da_faixa(r.db, "conselho_atendimentos", "1 = 1", [], "o atendimento", tamanho=10000)
        assert not (tmp_path / "pen").exists()
        assert [(x["nome"], x["restaurada"]) for x in replicas.replicas(r) if x["esta"]] == [("Sede", True)]
        for ato in (lambda: replicas.designar(r, "Notebook"), lambda: replicas.remover_replica(r, "Folha"),
                    lambda: replicas.convidar(r, "Outra", False, tmp_path / "convites")):
            with pytest.raises(ErroNegocio, match="esta base é uma cópia de segurança"):
                ato()  # ficariam só nesta cópia e divergiriam das outras depois de juntar
        assert not (tmp_path / "convites").exists()
        # receber continua (o que o notebook gravou chega), mas o que a sede verdadeira gravou depois da cópia
        # não volta: o notebook sabe que "a Sede" já tem as próprias alterações — por isso a cópia não pode
        # seguir como a sede, e uma máquina nova se junta com uma cópia recente (e um convite)
        note = orgao.entrar("Notebook")
        sx.importar(note, sx.exportar(orgao.entrar("Sede"), tmp_path / "pen", "Notebook"))
        do_note = cadastros.cadastrar_pessoa(note, nome="Gravada no notebook")
        sx.importar(r, sx.exportar(note, tmp_path / "pen", "Sede"))
        assert r.db.execute("SELECT 1 FROM pessoas WHERE id = ?", [do_note["id"]]).fetchone()
        assert r.db.execute("SELECT 1 FROM pessoas WHERE id = ?", [depois["id"]]).fetchone() is None
        assert not _designada_aqui(r)  # receber não desfaz a marca
        assert _designada_aqui(orgao.entrar("Sede"))  # a sede verdadeira segue como antes
    finally:
        r.fechar()


def test_sede_perdida_outra_maquina_assume_com_convite(orgao, tmp_path):
    """A sede se perdeu: no notebook, remove-se a sede (a designação passa à réplica ativa de menor faixa, o
    notebook), convida-se a máquina nova e ela se junta com a cópia do notebook restaurada; designada pelo
    notebook, ela faz os atos únicos quando recebe o pacote."""
    note = orgao.entrar("Notebook")
    assert not _designada_aqui(note)
    replicas.remover_replica(note, "Sede")
    assert _designada_aqui(note) and reg.replica_designada(note.db)[1] == "Notebook"
    convite = replicas.convidar(note, "Sede nova", True, tmp_path / "convites")
    copia = copias.fazer_copia(note).copia
    orgao.fechar()
    nova = tmp_path / "nova" / "paco.db"
    copias.restaurar(nova, copia, login="admin", senha=SENHA_ADMIN)
    s = acesso.entrar(nova, "admin", SENHA_ADMIN)
    try:
        with pytest.raises(ErroNegocio, match="réplica Notebook restaurada"):
            sx.exportar(s, tmp_path / "pen", "Folha")
        assert replicas.juntar(s, convite.arquivo, convite.codigo)["nome"] == "Sede nova"
        assert reg.restaurada(s.db) is None
        assert not any(x["restaurada"] for x in replicas.replicas(s))
        note = orgao.entrar("Notebook")
        replicas.designar(note, "Sede nova")
        sx.importar(s, sx.exportar(note, tmp_path / "pen", "Sede nova"))
        assert _designada_aqui(s) and not _designada_aqui(note)
        sx.importar(note, sx.exportar(s, tmp_path / "pen", "Notebook"))  # e volta a trocar pacotes
    finally:
        s.fechar()
