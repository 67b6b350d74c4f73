"""Cópias no armazenamento: cópia online, nome, lista, rotação no disco e restauração."""
import hashlib
import json
import os
import shutil
import time
from datetime import datetime, timedelta

import pytest

from desktop.services import acesso
from desktop.store import copias, diario
from desktop.store.base import Base
from tests.conftest import chave_geral
from desktop.store.erros import BaseEmUso

from ..conftest import SENHA_ADMIN


def gravar(sessao, chave, valor="x"):
    """Uma mudança real: linha em configuracoes + diário, na mesma transação."""
    with sessao.mudanca(None) as m:
        m.db["configuracoes"].insert({"chave": chave, "valor": valor})
        m.registrar("configuracoes", chave, "inserir", depois={"chave": chave, "valor": valor})


def chaves_gravadas(caminho_base, chave):
    base = Base.abrir(caminho_base, chave)
    try:
        return {r["chave"] for r in base.db.query("SELECT chave FROM configuracoes")}
    finally:
        base.fechar()


def sha(caminho):
    return hashlib.sha256(caminho.read_bytes()).hexdigest()


def test_copia_e_restauracao_de_ida_e_volta(instalacao, tmp_path):
    caminho, recuperacao = instalacao
    chave = chave_geral(caminho, recuperacao)
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    gravar(s, "antes-da-copia")
    copia = copias.fazer_copia(s.base, tmp_path / "copias", "manual", momento=datetime(2026, 3, 5, 14, 7, 9))
    gravar(s, "depois-da-copia")
    s.fechar()

    assert copia.name == "paco-2026-03-05_140709-manual.s000001.db"  # data, tipo e sequência
    assert copias.ler_nome(copia.name) == (datetime(2026, 3, 5, 14, 7, 9), "manual")
    # O .chaves da cópia: as fechaduras da base e, em "ancora", a cabeça do diário da própria cópia
    # (a da base já avançou com "depois-da-copia").
    chaves_copia = json.loads((tmp_path / "copias" / "paco-2026-03-05_140709-manual.s000001.db.chaves").read_text())
    chaves_base = json.loads((caminho.parent / "paco.db.chaves").read_text())
    ancora_copia, ancora_base = chaves_copia.pop("ancora"), chaves_base.pop("ancora")
    assert chaves_copia == chaves_base
    assert ancora_base["seq"] == ancora_copia["seq"] + 1 and ancora_base["hash"] != ancora_copia["hash"]
    # A base, as chaves e o arquivo sigiloso do Conselho: nem -wal nem temporário ao lado.
    assert sorted(p.name for p in (tmp_path / "copias").iterdir()) == [copia.name, copia.name + ".chaves",
                                                                       copia.name + ".sigilo"]

    guardada = copias.restaurar(caminho, copia, chave)

    assert chaves_gravadas(caminho, chave) >= {"antes-da-copia"}
    assert "depois-da-copia" not in chaves_gravadas(caminho, chave)
    # A base anterior ficou guardada inteira, com o que foi gravado depois da cópia.
    assert guardada.name.startswith("paco.db.antes-da-restauracao-")
    assert "depois-da-copia" in chaves_gravadas(guardada, chave)
    assert (guardada.parent / (guardada.name + ".chaves")).exists()
    # Ler e restaurar a cópia não criou nada ao lado dela (nem -wal, nem -shm).
    assert sorted(p.name for p in (tmp_path / "copias").iterdir()) == [copia.name, copia.name + ".chaves",
                                                                       copia.name + ".sigilo"]
    assert not list(caminho.parent.glob(".paco-*"))
    # A base restaurada abre pela senha, e o diário continua íntegro.
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    assert diario.verificar(s.db).ok
    s.fechar()


def test_lista_traz_momento_tipo_tamanho_e_base(sessao_admin, tmp_path):
    pasta = tmp_path / "copias"
    a = copias.fazer_copia(sessao_admin.base, pasta, "diaria", momento=datetime(2026, 1, 2, 3, 4, 5))
    b = copias.fazer_copia(sessao_admin.base, pasta, "ao-fechar", momento=datetime(2026, 1, 3, 18, 0, 0))
    c = copias.fazer_copia(sessao_admin.base, pasta, "ao-fechar", momento=datetime(2026, 1, 3, 18, 0, 0))
    (pasta / "anotacoes.txt").write_text("não é cópia")
    base_id = sessao_admin.db.execute("SELECT base_id FROM escritorio").fetchone()[0]

    lista = copias.listar_copias(pasta)

    assert c.name == "paco-2026-01-03_180000-ao-fechar.s000003.db"  # mesmo segundo: a sequência distingue
    assert [x.caminho for x in lista] == [c, b, a]
    assert [x.tipo for x in lista] == ["ao-fechar", "ao-fechar", "diaria"]
    assert lista[2].momento == datetime(2026, 1, 2, 3, 4, 5)
    assert lista[2].tamanho == a.stat().st_size > 0
    assert {x.base_id for x in lista} == {base_id}
    assert copias.listar_copias(pasta, "outra-base") == []
    assert copias.listar_copias(tmp_path / "nao-existe") == []


def test_rotacao_no_disco_so_apaga_copias_desta_base(sessao_admin, tmp_path):
    pasta = tmp_path / "copias"
    inicio = datetime(2024, 1, 1, 3, 0, 0)
    for d in range(40):
        copias.fazer_copia(sessao_admin.base, pasta, "diaria", momento=inicio + timedelta(days=d))
    # Uma cópia de outra instalação no mesmo pen drive não pode ser apagada pela nossa rotação.
    estranha = copias.fazer_copia(sessao_admin.base, pasta, "diaria", momento=datetime(2023, 6, 1))
    chaves_estranha = json.loads(estranha.with_name(estranha.name + ".chaves").read_text())
    chaves_estranha["base_id"] = "outra-instalacao"
    estranha.with_name(estranha.name + ".chaves").write_text(json.dumps(chaves_estranha))
    # Temporário deixado por um apagão há dois dias; e um de agora (cópia em andamento).
    velho, novo = pasta / ".paco-copia-abc.tmp", pasta / ".paco-copia-def.tmp"
    velho.write_bytes(b"meia copia")
    novo.write_bytes(b"meia copia")
    os.utime(velho, (time.time() - 2 * 86400,) * 2)
    base_id = sessao_admin.db.execute("SELECT base_id FROM escritorio").fetchone()[0]

    apagadas = copias.girar(pasta, base_id)

    restantes = {c.momento.date().isoformat() for c in copias.listar_copias(pasta) if c.base_id == base_id}
    assert restantes == {"2024-01-21", "2024-01-28", "2024-01-31"} | {f"2024-02-0{d}" for d in range(3, 10)}
    assert len(apagadas) == 30
    assert estranha.exists()
    assert velho.exists() and novo.exists()  # a rotação não mexe em temporários: a entrada os apaga
    # Nenhum .chaves órfão ficou para trás.
    dbs = {p.name for p in pasta.glob("*.db")}
    assert {p.name[: -len(".chaves")] for p in pasta.glob("*.db.chaves")} == dbs


def test_restaurar_com_a_base_aberta_e_recusado(sessao_admin, instalacao, tmp_path):
    caminho, recuperacao = instalacao
    copia = copias.fazer_copia(sessao_admin.base, tmp_path / "copias", "manual")
    with pytest.raises(BaseEmUso, match="Feche-a antes de restaurar"):
        copias.restaurar(caminho, copia, chave_geral(caminho, recuperacao))
    assert not list(caminho.parent.glob("*antes-da-restauracao*"))


def test_copia_danificada_nao_substitui_a_base(instalacao, tmp_path):
    caminho, recuperacao = instalacao
    chave = chave_geral(caminho, recuperacao)
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    copia = copias.fazer_copia(s.base, tmp_path / "copias", "manual")
    s.fechar()
    dados = bytearray(copia.read_bytes())
    dados[5000:5100] = os.urandom(100)  # estraga uma página
    copia.write_bytes(bytes(dados))
    antes = sha(caminho)

    with pytest.raises(copias.ErroCopia, match="danificad"):
        copias.restaurar(caminho, copia, chave)

    assert sha(caminho) == antes
    assert sorted(p.name for p in caminho.parent.iterdir()) == ["paco.db", "paco.db.chaves", "paco.db.sigilo",
                                                              "paco.db.tentativas",
                                                              "paco.db.trava"]


def test_restaurar_base_que_caiu_guarda_o_wal_junto(instalacao, tmp_path):
    """Base de um computador que desligou com a sessão aberta: o -wal tem dados confirmados."""
    caminho, recuperacao = instalacao
    chave = chave_geral(caminho, recuperacao)
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    copia = copias.fazer_copia(s.base, tmp_path / "copias", "manual")
    gravar(s, "so-no-wal")
    queda = tmp_path / "queda"
    queda.mkdir()
    for nome in ("paco.db", "paco.db-wal", "paco.db.chaves"):  # o disco como ficou no apagão
        shutil.copyfile(caminho.parent / nome, queda / nome)
    s.fechar()
    assert (queda / "paco.db-wal").stat().st_size > 0

    guardada = copias.restaurar(queda / "paco.db", copia, chave)

    assert not (queda / "paco.db-wal").exists()  # o -wal antigo não pode cair sobre a cópia
    assert "so-no-wal" not in chaves_gravadas(queda / "paco.db", chave)
    assert (queda / (guardada.name + "-wal")).exists()
    # Desfazer: restaurar a base guardada traz junto o que estava só no -wal dela.
    copias.restaurar(queda / "paco.db", guardada, chave)
    assert "so-no-wal" in chaves_gravadas(queda / "paco.db", chave)
    assert not list(queda.glob(".paco-*")) and not (queda / "paco.db-wal").exists()


def test_progresso_e_cancelamento(sessao_admin, tmp_path):
    for i in range(60):  # base com mais de 256 páginas, para haver vários passos
        gravar(sessao_admin, f"linha-{i}", "v" * 20_000)
    passos = []
    copias.fazer_copia(sessao_admin.base, tmp_path / "copias", "manual",
                       progresso=lambda feitas, total: passos.append((feitas, total)))
    total = passos[-1][1]
    assert len(passos) > 1 and passos[-1] == (total, total)

    class Cancelada(Exception):
        pass

    def cancelar(feitas, total):
        raise Cancelada  # a tela cancela levantando uma exceção no progresso

    with pytest.raises(Cancelada):
        copias.fazer_copia(sessao_admin.base, tmp_path / "canceladas", "manual", progresso=cancelar)
    assert list((tmp_path / "canceladas").iterdir()) == []


def test_sequencia_e_nao_relogio_decide_a_mais_nova(sessao_admin, tmp_path):
    """Com o relógio atrasado, a cópia nova é a mais nova (sequência) e a rotação não a apaga."""
    pasta = tmp_path / "copias"
    base_id = sessao_admin.db.execute("SELECT base_id FROM escritorio").fetchone()[0]
    inicio = datetime(2026, 1, 1, 3, 0, 0)
    for d in range(12):
        copias.fazer_copia(sessao_admin.base, pasta, "manual", momento=inicio + timedelta(days=d))
    atrasada = copias.fazer_copia(sessao_admin.base, pasta, "manual", momento=datetime(2019, 5, 1))
    assert copias.listar_copias(pasta)[0].caminho == atrasada  # a mais nova, apesar da data
    assert copias.relogio_atrasado(pasta, base_id, atrasada).momento > datetime(2026, 1, 1)
    apagadas = copias.girar(pasta, base_id)
    assert atrasada.exists() and atrasada not in apagadas
    ficam = [c.sequencia for c in copias.listar_copias(pasta)]
    assert ficam == list(range(13, 3, -1))  # as 10 de maior sequência (política: 10 por tipo)


def test_temporarios_de_copia_interrompida_sao_removidos(tmp_path):
    pasta = tmp_path / "copias"
    pasta.mkdir()
    sobras = [pasta / ".paco-copia-abc.tmp", pasta / ".paco-copia-abc.tmp-journal",
              pasta / ".paco-restauracao-x.tmp", pasta / ".paco-restauracao-x.tmp-wal"]
    for s in sobras:
        s.write_bytes(b"meia copia")
    outro = pasta / "anotacoes.tmp"
    outro.write_bytes(b"do usuario")
    assert sorted(copias.remover_temporarios(pasta)) == sorted(sobras)
    assert outro.exists() and not any(s.exists() for s in sobras)
