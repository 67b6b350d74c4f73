"""Aba Conselheiros dirigida pelos botões: importar os eleitos da demonstração, cadastrar à mão, afastar com
convocação do suplente (e o alerta do art. 16 §2º), vacância, penalidade e vincular usuário."""
import random
from datetime import date

from PySide6.QtCore import Qt

from desktop.rules.papeis import Papel
from desktop.services import acesso
from desktop.services.conselho import atendimentos
from desktop.services.eleicao.demo import criar_demo_eleicao
from desktop.screens.conselho.funcionamento.atendimentos import AbaAtendimentos
from desktop.screens.conselho.funcionamento.conselheiros import AbaConselheiros

from .apoio import responder
from .conftest import SENHA


def _aba(qtbot, sessao) -> AbaConselheiros:
    aba = AbaConselheiros(sessao)
    qtbot.addWidget(aba)
    aba.resize(1366, 720)
    aba.show()
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=10000)  # lê fora da thread da interface
    return aba


def _selecionar(aba: AbaConselheiros, nome: str) -> None:
    m = aba.visao.model()
    linha = next(i for i in range(m.rowCount()) if m.index(i, 1).data() == nome)
    aba.visao.selectRow(linha)


def _clicar(qtbot, aba, rotulo: str) -> None:
    """Clica e espera a aba: as leituras (antes do diálogo e depois da gravação) rodam fora da thread da interface."""
    qtbot.mouseClick(aba.botoes[rotulo], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.ocupada, timeout=20000)


def _situacao(db, nome: str) -> str:
    return db.execute("SELECT c.situacao FROM conselho_conselheiros c JOIN pessoas p ON p.id = c.pessoa_id "
                      "WHERE p.nome = ?", [nome]).fetchone()[0]


def test_importar_eleitos_cadastrar_a_mao_e_vincular_usuario(qtbot, sessao_admin):
    db = sessao_admin.db
    proc = criar_demo_eleicao(sessao_admin, random.Random(3))
    aba = _aba(qtbot, sessao_admin)
    assert aba.modelo.rowCount() == 0 and "Nenhum conselheiro cadastrado" in aba.alerta.text()

    r = responder(qtbot, {"p": proc["id"]})
    _clicar(qtbot, aba, "Importar eleitos")
    assert r.erro is None and r.opcoes["p"] == ["Processo 2027"]
    # Todos entram, também a suplente nº 1 impedida pelo art. 15 (fica na sua ordem).
    eleitos = db.execute("SELECT count(*) FROM conselheiros_eleitos WHERE processo_id = ?", [proc["id"]]).fetchone()[0]
    assert eleitos == 12
    linhas = aba.modelo.linhas()
    assert len(linhas) == eleitos == db.execute("SELECT count(*) FROM conselho_conselheiros").fetchone()[0]
    titulares = [c for c in linhas if c["condicao"] == "titular"]
    assert [c["ordem"] for c in titulares] == [1, 2, 3, 4, 5]
    assert all(c["situacao"] == "em_exercicio" and c["inicio_mandato"] == "2028-01-10" for c in titulares)
    assert db.execute("SELECT count(*) FROM diario WHERE tabela = 'conselho_conselheiros' AND acao = 'inserir'"
                      ).fetchone()[0] == eleitos
    # Importar de novo não duplica.
    responder(qtbot, {"p": proc["id"]})
    _clicar(qtbot, aba, "Importar eleitos")
    assert aba.modelo.rowCount() == eleitos

    # Cadastro à mão: o suplente nº 8 do mesmo mandato (datas digitadas dd/mm/aaaa).
    r = responder(qtbot, {"nome": "Zélia Braga Costa", "condicao": "suplente", "ordem": 8, "inicio": "10/01/2028",
                          "fim": "09/01/2032"})
    _clicar(qtbot, aba, "Cadastrar")
    assert r.erro is None, r.erro
    zelia = next(c for c in aba.modelo.linhas() if c["nome"] == "Zélia Braga Costa")
    assert (zelia["condicao"], zelia["ordem"], zelia["situacao"], zelia["fim_mandato"]) == \
        ("suplente", 8, "disponivel", "2032-01-09")
    assert "Zélia Braga Costa" in aba.alerta.text()  # entre os suplentes disponíveis
    # A suplente nº 1, com o irmão titular em exercício, não é convocável: 7 de 8 suplentes (art. 15).
    assert "Suplentes disponíveis (7)" in aba.alerta.text()
    assert "Kelly Cristina Batista Cunha" not in aba.alerta.text()
    # A mesma ordem de novo: recusa no diálogo.
    r = responder(qtbot, {"nome": "Outra Pessoa", "condicao": "suplente", "ordem": 8, "inicio": "10/01/2028",
                          "fim": "09/01/2032"})
    _clicar(qtbot, aba, "Cadastrar")
    assert "Já há suplente nº 8" in r.erro

    # Vincular usuário (administrador): o titular nº 1 passa a ver os atendimentos.
    acesso.criar_usuario(sessao_admin, login="francisca", nome="Francisca", papel=Papel.CONSELHEIRO_TUTELAR,
                         senha=SENHA, trocar_senha=False)
    t1 = titulares[0]
    _selecionar(aba, t1["nome"])
    r = responder(qtbot, {"login": "francisca"})
    _clicar(qtbot, aba, "Vincular usuário")
    assert r.erro is None, r.erro
    uid = db.execute("SELECT id FROM usuarios WHERE login = 'francisca'").fetchone()[0]
    assert db.execute("SELECT usuario_id FROM conselho_conselheiros WHERE id = ?", [t1["id"]]).fetchone()[0] == uid
    assert next(c for c in aba.modelo.linhas() if c["id"] == t1["id"])["usuario_id"] == uid
    _selecionar(aba, t1["nome"])
    r = responder(qtbot, {"login": "admin"})
    _clicar(qtbot, aba, "Vincular usuário")
    assert "não tem o papel de conselheiro tutelar" in r.erro


def test_vinculo_da_acesso_aos_casos(qtbot, sessao_admin, conselho, entrar):
    """Sem vínculo o conselheiro não vê casos; vinculado pela aba, passa a ver."""
    ana = entrar("ana", Papel.CONSELHEIRO_TUTELAR, conselho[0])
    atendimentos.registrar_atendimento(ana, {"tipo": "informacao", "recebido_em": date(2025, 5, 2), "bairro": "Centro",
                                             "criancas": [{"nome": "Téo Ramos"}]})
    acesso.criar_usuario(sessao_admin, login="bruno", nome="Bruno", papel=Papel.CONSELHEIRO_TUTELAR, senha=SENHA,
                         trocar_senha=False)
    bruno = acesso.outra_sessao(sessao_admin, "bruno", SENHA)  # entra com a senha: tem o arquivo sigiloso
    antes = AbaAtendimentos(bruno)
    qtbot.addWidget(antes)
    qtbot.waitUntil(lambda: not antes.carregando, timeout=10000)
    assert antes.modelo.rowCount() == 0 and "vinculado" in antes.sigilo.text()
    aba = _aba(qtbot, sessao_admin)
    _selecionar(aba, "Bruno Carvalho Lima")
    responder(qtbot, {"login": "bruno"})
    _clicar(qtbot, aba, "Vincular usuário")
    depois = AbaAtendimentos(bruno)
    qtbot.addWidget(depois)
    qtbot.waitUntil(lambda: not depois.carregando, timeout=10000)
    assert depois.modelo.rowCount() == 1 and depois.sigilo.isHidden()


def test_afastamento_vacancia_e_penalidade(qtbot, sessao_admin, conselho):
    db = sessao_admin.db
    aba = _aba(qtbot, sessao_admin)
    assert "Suplentes disponíveis (2)" in aba.alerta.text()
    hoje = date.today()

    # Afastamento de férias da titular nº 1: a suplente nº 1 é convocada; restam 1 → alerta do art. 16 §2º.
    _selecionar(aba, "Ana Beatriz Souza")
    r = responder(qtbot, {"tipo": "ferias", "inicio": hoje})
    _clicar(qtbot, aba, "Afastamento")
    assert r.erro is None, r.erro
    assert _situacao(db, "Ana Beatriz Souza") == "afastado" and _situacao(db, "Fábio Gomes Reis") == "em_exercicio"
    assert "Convocado(a): Fábio Gomes Reis (suplente nº 1)" in aba.resultado.text()
    assert "Restam 1 suplente(s)" in aba.resultado.text() and "art. 16 §2º" in aba.resultado.text()
    assert "Restam 1 suplente(s)" in aba.alerta.text() and aba.alerta.styleSheet()  # destacado
    ex = db.execute("SELECT inicio, substitui_id FROM conselho_exercicios WHERE conselheiro_id = ? AND "
                    "substitui_id IS NOT NULL", [conselho[5]]).fetchone()
    assert ex == (hoje.isoformat(), conselho[0])
    assert db.execute("SELECT tipo, remunerado, suplente_id FROM conselho_afastamentos WHERE conselheiro_id = ?",
                      [conselho[0]]).fetchone() == ("ferias", 1, conselho[5])

    # Quem não está em exercício não é afastado de novo: a recusa fica no diálogo.
    _selecionar(aba, "Ana Beatriz Souza")
    r = responder(qtbot, {"tipo": "licenca", "inicio": hoje})
    _clicar(qtbot, aba, "Afastamento")
    assert "não está em exercício" in r.erro

    # Vacância (renúncia) do titular nº 2: convocada a suplente nº 2 no dia seguinte; restam 0.
    _selecionar(aba, "Bruno Carvalho Lima")
    r = responder(qtbot, {"causa": "renuncia", "data": hoje, "obs": "Carta de renúncia protocolada"})
    _clicar(qtbot, aba, "Vacância")
    assert r.erro is None, r.erro
    assert _situacao(db, "Bruno Carvalho Lima") == "vago" and _situacao(db, "Gabriela Honorato Sales") == "em_exercicio"
    assert "Gabriela Honorato Sales (suplente nº 2)" in aba.resultado.text()
    assert "Restam 0 suplente(s)" in aba.alerta.text() and "nenhum" in aba.alerta.text()
    from datetime import timedelta
    assert db.execute("SELECT inicio FROM conselho_exercicios WHERE conselheiro_id = ?", [conselho[6]]).fetchone()[0] \
        == (hoje + timedelta(days=1)).isoformat()
    assert next(c for c in aba.modelo.linhas() if c["id"] == conselho[1])["situacao"] == "vago"

    # Penalidade: advertência registrada com o processo.
    _selecionar(aba, "Carla Dias Moreira")
    r = responder(qtbot, {"tipo": "advertencia", "motivo": "Faltou a dois plantões sem justificativa (leve)",
                          "processo": "PAD 01/2026", "em": hoje})
    _clicar(qtbot, aba, "Penalidade")
    assert r.erro is None, r.erro
    pen = db.execute("SELECT id, tipo, processo, aplicada_em FROM conselho_penalidades").fetchone()
    assert pen[1:] == ("advertencia", "PAD 01/2026", hoje.isoformat())
    assert db.execute("SELECT count(*) FROM diario WHERE tabela = 'conselho_penalidades' AND registro_id = ?",
                      [pen[0]]).fetchone()[0] == 1
    assert "Penalidade" in aba.resultado.text() and _situacao(db, "Carla Dias Moreira") == "em_exercicio"

    # Sem seleção: a aba pede que se escolha alguém.
    aba.visao.clearSelection()
    _clicar(qtbot, aba, "Vacância")
    assert "Selecione um conselheiro" in aba.resultado.text()


def test_vacancia_pela_tela_refaz_a_escala_e_conselheira_nao_registra(qtbot, sessao_admin, conselho, conselheira):
    from desktop.services.conselho import escala

    # A conselheira não vê os atos da administração municipal (arts. 16 e 49): nem sobre si, nem sobre colegas.
    dela = _aba(qtbot, conselheira)
    assert not {"Vacância", "Afastamento", "Candidatura", "Encerrar afastamento", "Penalidade"} & set(dela.botoes)

    hoje = date.today()
    from datetime import timedelta
    escala.gerar_escala(sessao_admin, hoje, hoje + timedelta(days=60))
    assert escala.listar(sessao_admin, hoje + timedelta(days=2), hoje + timedelta(days=60), conselho[2])
    aba = _aba(qtbot, sessao_admin)
    _selecionar(aba, "Carla Dias Moreira")
    r = responder(qtbot, {"causa": "falecimento", "data": hoje, "obs": "Certidão de óbito"})
    _clicar(qtbot, aba, "Vacância")
    assert r.erro is None, r.erro
    assert escala.listar(sessao_admin, hoje + timedelta(days=1), hoje + timedelta(days=60), conselho[2]) == []
    assert escala.listar(sessao_admin, hoje + timedelta(days=1), hoje + timedelta(days=60), conselho[5])
    assert "Escala refeita" in aba.resultado.text() and "Fábio Gomes Reis (suplente nº 1)" in aba.resultado.text()
