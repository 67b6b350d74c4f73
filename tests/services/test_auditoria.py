"""Diário de auditoria: listagem com filtros, integridade da corrente e relatório em PDF."""
from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.rules.papeis import Papel
from desktop.services import acesso, auditoria
from desktop.services import documentos as docs
from desktop.services.sessao import SemPermissao, Sessao, Usuario
from desktop.store.consultas_diario import FiltrosDiario
from desktop.store.ids import novo_id


N0 = 0  # último seq do diário antes do movimento (definido pela fixture)


def _outra_sessao(sessao, papel: Papel, login: str) -> Sessao:
    return Sessao(sessao.base, Usuario(novo_id(), login, login.title(), papel))


def _texto(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


@pytest.fixture
def movimento(sessao_admin):
    """Diário: 1 órgão, 2 admin, depois os parâmetros padrão, a entrada do admin e o uso da chave de
    recuperação pela sessão de teste (tabela ``chaves``, até N0);
    N0+1 e N0+2 usuários novos, N0+3 evento da joana."""
    global N0
    N0 = sessao_admin.db.execute("SELECT max(seq) FROM diario").fetchone()[0]
    acesso.criar_usuario(sessao_admin, login="joana", nome="Joana", papel="folha_rh", senha="provisoria1")
    acesso.criar_usuario(sessao_admin, login="mp", nome="Promotoria", papel="consulta", senha="provisoria1")
    joana = _outra_sessao(sessao_admin, Papel.FOLHA_RH, "joana")
    with joana.mudanca(None) as m:
        m.registrar("sessoes", joana.usuario.id, "evento", depois={"evento": "entrada"})
    return sessao_admin


def test_listar_sem_filtros_vem_do_mais_recente(movimento):
    linhas = auditoria.listar_diario(movimento)
    assert [l["seq"] for l in linhas] == sorted((l["seq"] for l in linhas), reverse=True)
    assert linhas[0]["usuario"] == "joana" and linhas[0]["acao"] == "evento"
    assert len(linhas) == auditoria.contar_diario(movimento) == N0 + 3
    assert [l["seq"] for l in auditoria.listar_diario(movimento, limite=2)] == [N0 + 3, N0 + 2]


def test_filtros_de_usuario_tabela_texto_e_periodo(movimento):
    assert [l["seq"] for l in auditoria.listar_diario(movimento, usuario="joana")] == [N0 + 3]
    usuarios = auditoria.listar_diario(movimento, tabela="usuarios")
    assert [l["seq"] for l in usuarios] == [N0 + 2, N0 + 1, 2]
    # o texto procura no registro, máquina, usuário e tabela, nunca no conteúdo (antes/depois)
    assert auditoria.listar_diario(movimento, texto="Promotoria") == []
    id_mp = movimento.db.execute("SELECT id FROM usuarios WHERE login = 'mp'").fetchone()[0]
    assert [l["seq"] for l in auditoria.listar_diario(movimento, texto=id_mp)] == [N0 + 2]
    assert all(set(l) == {"seq", "momento", "usuario", "maquina", "versao_programa", "tabela",
                          "registro_id", "acao", "hash"} for l in auditoria.listar_diario(movimento))
    assert auditoria.listar_diario(movimento, usuario="joana", tabela="usuarios") == []
    assert auditoria.contar_diario(movimento, tabela="usuarios", texto=" joana ") == 0
    assert auditoria.contar_diario(movimento, texto=" joana ") == 1  # o usuário do evento

    hoje = date.today()
    assert len(auditoria.listar_diario(movimento, de=hoje, ate=hoje)) == N0 + 3
    assert auditoria.listar_diario(movimento, de=hoje + timedelta(days=1)) == []
    assert auditoria.listar_diario(movimento, ate=hoje - timedelta(days=1)) == []
    assert auditoria.listar_diario(movimento, ate=datetime.now() - timedelta(hours=1)) == []

    assert auditoria.opcoes_de_filtro(movimento) == (
        ["admin", "joana"],
        ["chaves", "escritorio", "parametros", "parametros_definicao", "sessoes", "usuarios"])


def test_ler_o_diario_exige_permissao(movimento):
    rh = _outra_sessao(movimento, Papel.FOLHA_RH, "joana")
    for chamada in (auditoria.listar_diario, auditoria.verificar_integridade,
                    auditoria.emitir_relatorio_diario):
        with pytest.raises(SemPermissao, match="ler o diário"):
            chamada(rh)
    consulta = _outra_sessao(movimento, Papel.CONSULTA, "mp")
    assert len(auditoria.listar_diario(consulta)) == N0 + 3
    assert auditoria.verificar_integridade(consulta).ok


def test_relatorio_emitido_por_quem_le_o_diario(movimento):
    consulta = _outra_sessao(movimento, Papel.CONSULTA, "mp")  # não emite outros documentos
    e = auditoria.emitir_relatorio_diario(consulta, FiltrosDiario(tabela="usuarios"))
    texto = _texto(e.pdf)
    assert "Relatório do diário de auditoria" in texto
    assert "Filtros: tabela usuarios" in texto
    assert f"Diário íntegro: {N0 + 3} registros conferidos" in texto
    assert "Registros listados: 3, em ordem cronológica" in texto
    linha = movimento.db.execute("SELECT tipo, referencia, emitido_por FROM documentos WHERE id = ?",
                                 [e.id]).fetchone()
    assert linha == ("relatorio_diario", "filtros: tabela usuarios", "mp")
    assert docs.verificar_pdf(movimento, e.pdf).situacao == "autentico"


def test_integridade_aponta_a_linha_adulterada(movimento):
    assert auditoria.verificar_integridade(movimento).ok
    db = movimento.db
    db.execute("DROP TRIGGER diario_sem_alterar")
    db.execute("UPDATE diario SET usuario = 'intruso' WHERE seq = 3")

    resultado = auditoria.verificar_integridade(movimento)
    assert not resultado.ok
    assert resultado.primeira_quebrada == 3
    assert "linha nº 3" in resultado.mensagem()

    e = auditoria.emitir_relatorio_diario(movimento)
    texto = _texto(e.pdf).replace("\n", " ")
    assert "Diário ADULTERADO: 1 problema encontrado" in texto
    assert "Diário, linha nº 3: a linha nº 3 foi alterada depois de gravada" in texto
    assert "intruso" in texto

