"""Confidencialidade na sincronização: uma réplica da folha nunca recebe conteúdo de caso (bytes do pacote
varridos, inclusive depois de decifrados com as chaves dela); a réplica do plantão recebe, pela parte
cifrada para a chave do sigilo dela, e uma sessão sem o sigilo lá não a aplica."""
from datetime import datetime

import pytest

from desktop.services import sincronizacao as sx
from desktop.services.conselho import atendimentos, documentos
from desktop.store import sync_pacote

from .conftest import montar_orgao

CRIANCA = "Yasmin Quitéria Balbino"
RELATO = "Relato sigiloso: ZZNARRATIVA vizinhos ouviram choro"
TELEFONE = "(92) 98877-6655"
MARCAS = (CRIANCA, "ZZNARRATIVA", "98877-6655", "Balbino", "Quitéria")


def _caso():
    return {"tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Jardim Oriente",
            "relato": RELATO, "criancas": [{"nome": CRIANCA, "nascimento": "2016-04-02", "sexo": "F"}],
            "familiares": [{"nome": "Rosa Balbino", "vinculo": "mãe", "telefone": TELEFONE}]}


def _tem_marca(dados: bytes) -> bool:
    return any(m.encode(cod) in dados for m in MARCAS for cod in ("utf-8", "utf-16-le"))


@pytest.fixture
def conselho(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Plantao": True, "Folha": False}, conselheira=True)
    yield o
    o.fechar()


def test_replica_da_folha_nao_recebe_conteudo_de_caso(conselho, tmp_path):
    ct = conselho.entrar("Sede", "ct1")
    assert ct.tem_sigilo
    caso = atendimentos.registrar_atendimento(ct, _caso())
    # um documento do caso: o registro (geral) viaja; o PDF, com o nome da família, fica no sigilo
    documentos.emitir_notificacao(ct, caso["id"], "Rosa Balbino", datetime(2026, 3, 12, 9), "ZZNARRATIVA")
    pacote = sx.exportar(ct, tmp_path / "pen", "Folha")  # mesmo exportado por quem tem o sigilo
    bruto = pacote.read_bytes()
    assert not _tem_marca(bruto)
    lido = sync_pacote.ler(bruto)
    assert set(lido.secoes) == {"geral"} and lido.cabecalho["dominios"] == ["geral"]
    folha = conselho.entrar("Folha")
    privada = folha.db.execute("SELECT privada_x25519 FROM sync_local").fetchone()[0]
    claro = lido.abrir("geral", privada)  # tudo o que a máquina da folha consegue decifrar
    assert b"conselho_atendimentos" not in claro and not _tem_marca(claro)
    assert b'"documentos"' in claro and b"documentos_pdf" not in claro  # o registro vai; o PDF do caso, não
    sx.importar(folha, pacote)
    assert not folha.tem_sigilo
    with pytest.raises(Exception, match="no such table"):
        folha.db.execute("SELECT count(*) FROM conselho_atendimentos").fetchone()
    assert caso["id"]


def test_replica_do_plantao_recebe_o_caso_so_numa_sessao_com_sigilo(conselho, tmp_path):
    ct_sede = conselho.entrar("Sede", "ct1")
    admin_plantao = conselho.entrar("Plantao")  # a entrada dele: sem o arquivo sigiloso anexado
    ct_plantao = conselho.entrar("Plantao", "ct1")
    assert not admin_plantao.tem_sigilo and ct_plantao.tem_sigilo
    # a 1ª sessão com sigilo no plantão publica a chave do sigilo dele; a sede a recebe num pacote
    sx.importar(ct_sede, sx.exportar(ct_plantao, tmp_path / "pen", "Sede"))
    caso = atendimentos.registrar_atendimento(ct_sede, _caso())
    doc = documentos.emitir_notificacao(ct_sede, caso["id"], "Rosa Balbino", datetime(2026, 3, 12, 9))
    pacote = sx.exportar(ct_sede, tmp_path / "pen", "Plantao")
    lido = sync_pacote.ler(pacote.read_bytes())
    assert set(lido.secoes) == {"geral", "sigilo"}
    assert not _tem_marca(pacote.read_bytes())
    privada_geral = admin_plantao.db.execute("SELECT privada_x25519 FROM sync_local").fetchone()[0]
    assert not _tem_marca(lido.abrir("geral", privada_geral))
    with pytest.raises(sync_pacote.PacoteInvalido):  # a chave geral do plantão não abre a parte sigilosa
        lido.abrir("sigilo", privada_geral)
    resumo = sx.importar(admin_plantao, pacote)  # o administrador não tem o sigilo: só a parte geral
    assert any("sigilosa" in a for a in resumo["avisos"])
    sx.importar(ct_plantao, pacote)  # a conselheira, no plantão, aplica a parte sigilosa
    visto = atendimentos.obter_atendimento(ct_plantao, caso["id"])
    assert visto["relato"] == RELATO
    # o PDF do documento do caso chegou (no arquivo sigiloso), idêntico: a 2ª via sai igual no plantão
    pdf = ct_plantao.db.execute("SELECT pdf FROM sigilo.documentos_pdf WHERE documento_id = ?", [doc.id]).fetchone()
    assert pdf is not None and bytes(pdf[0]) == doc.pdf
    # o índice de busca não viaja no pacote: é refeito no plantão
    assert [x["id"] for x in atendimentos.listar_atendimentos(ct_plantao, busca="balbino")] == [caso["id"]]
    assert [d for d, *_ in sx.conferir(ct_sede)].count("sigilo") > 0
    assert sx.conferir(ct_sede) == sx.conferir(ct_plantao)
