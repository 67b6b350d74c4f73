"""O diário que o administrador lê (tela, serviço e PDF) mostra metadados e hash, nunca o conteúdo do caso."""
from datetime import datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.screens.administracao.diario import AbaDiario
from desktop.services import auditoria
from desktop.services.conselho import atendimentos
from desktop.services.sessao import SemPermissao
from desktop.store.consultas_diario import FiltrosDiario

NOME = "Rosicleide Pimentel Batalha"
RELATO = "Vizinho relata gritos constantes na casa amarela do beco Tarumã."
TELEFONE = "(92) 99187-4433"
SEGREDOS = (NOME, "Rosicleide", RELATO, "casa amarela", TELEFONE, "99187-4433", "Edinalva Batalha")


@pytest.fixture
def caso_gravado(conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    a = atendimentos.registrar_atendimento(ct, {
        "tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Centro",
        "plantao": False, "origem": "telefone", "relato": RELATO,
        "criancas": [{"nome": NOME, "nascimento": "2015-05-05", "sexo": "F"}],
        "familiares": [{"nome": "Edinalva Batalha", "vinculo": "mãe", "telefone": TELEFONE,
                        "endereco": "Beco Tarumã, 12"}],
        "violacoes": [{"especifico": "CFC.1.1", "agente": "pais_responsaveis"}],
    })
    lido = atendimentos.obter_atendimento(ct, a["id"])  # a conselheira lê (leitura vai ao diário)
    assert NOME in repr(lido) and TELEFONE in repr(lido) and RELATO in repr(lido)
    return ct, a


def _sem_segredo(texto: str) -> None:
    for segredo in SEGREDOS:
        assert segredo not in texto, f"{segredo!r} apareceu no diário do administrador"


def test_servico_e_pdf_do_diario_sem_conteudo_do_caso(caso_gravado, sessao_admin):
    linhas = auditoria.listar_diario(sessao_admin, limite=100000)
    assert len(linhas) > 20
    _sem_segredo(repr(linhas))
    for busca in ("Rosicleide", TELEFONE, "amarela"):  # a busca não é um oráculo sobre o conteúdo
        assert auditoria.contar_diario(sessao_admin, texto=busca) == 0
    e = auditoria.emitir_relatorio_diario(sessao_admin, FiltrosDiario())
    texto = "\n".join(p.extract_text() for p in PdfReader(BytesIO(e.pdf)).pages)
    assert "Relatório do diário de auditoria" in texto
    _sem_segredo(texto)


def test_admin_nao_abre_o_diario_sigiloso(caso_gravado, sessao_admin):
    with pytest.raises(SemPermissao):
        auditoria.listar_diario(sessao_admin, esquema="sigilo")
    with pytest.raises(SemPermissao):
        auditoria.emitir_relatorio_diario(sessao_admin, FiltrosDiario(esquema="sigilo"))


def test_tela_do_diario_sem_conteudo_do_caso(qtbot, caso_gravado, sessao_admin):
    aba = AbaDiario(sessao_admin)
    qtbot.addWidget(aba)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)  # a aba lê fora da thread da interface
    modelo = aba.modelo
    textos = [str(modelo.data(modelo.index(r, c)))
              for r in range(modelo.rowCount()) for c in range(modelo.columnCount())]
    assert len(textos) > 50
    _sem_segredo("\n".join(textos))
    for r in range(min(modelo.rowCount(), 40)):
        aba.tabela.selectRow(r)
        _sem_segredo(aba.detalhe.text())


def test_consulta_ve_so_os_metadados_do_diario_sigiloso(caso_gravado, entrar, sessao_admin):
    """A consulta do MP (que tem a chave do sigilo) lista o diário sigiloso: metadados e hash, sem conteúdo."""
    ct, a = caso_gravado
    mp = entrar("mp", "consulta")
    assert [e for e, _ in auditoria.diarios_disponiveis(mp)] == ["main", "sigilo"]
    assert [e for e, _ in auditoria.diarios_disponiveis(sessao_admin)] == ["main"]
    linhas = auditoria.listar_diario(mp, esquema="sigilo", limite=100000)
    assert {l["tabela"] for l in linhas} >= {"conselho_atendimentos", "conselho_criancas", "conselho_familiares"}
    assert any(l["registro_id"] == a["id"] and l["usuario"] == "ct1" for l in linhas)
    _sem_segredo(repr(linhas))
    assert auditoria.contar_diario(mp, esquema="sigilo", texto="Rosicleide") == 0
    e = auditoria.emitir_relatorio_diario(mp, FiltrosDiario(esquema="sigilo"))
    texto = "\n".join(p.extract_text() for p in PdfReader(BytesIO(e.pdf)).pages)
    assert "diário sigiloso do Conselho Tutelar" in texto
    _sem_segredo(texto)
    # e o diário geral não guarda o caso (nem metadado de criança nem conteúdo)
    geral = auditoria.listar_diario(sessao_admin, limite=100000)
    assert not any(l["tabela"] == "conselho_criancas" for l in geral)
