"""Competência da folha do Magistério na base de demonstração: prévia, pendências, fechamento, imutabilidade, reabertura."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.papeis import Papel
from desktop.rules.validacao import EntradaInvalida
from desktop.services import acesso, demo
from desktop.services.magisterio import cadastro, configuracao, folha
from desktop.services.magisterio.folha_pendencias import (ABAIXO_DO_PISO, ERRO_CALCULO, FALTA_SEM_CODIGO)
from desktop.services.sessao import ErroNegocio, SemPermissao
from desktop.store import diario as store_diario

from .conftest import CPF_JOSE, com_papel, diario

OUTUBRO = date(2026, 10, 1)
SERVIDORES = 40  # a rede pequena da demonstração (a padrão tem 300): todos ativos, nenhum aposentado


@pytest.fixture
def sessao_demo(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, servidores=SERVIDORES)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    yield s
    s.fechar()


def _contar(sessao, tabela):
    return sessao.db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]


def _escola(sessao):
    return next(iter(sessao.db.query("SELECT id FROM unidades WHERE tipo = 'escola' ORDER BY nome")))["id"]


def test_previa_da_demo_calcula_sem_gravar(sessao_demo):
    vistos = []
    p = folha.previa(sessao_demo, "10/2026", progresso=lambda f, t: vistos.append((f, t)))
    assert len(p.itens) == SERVIDORES and p.erros == []
    assert vistos[-1] == (SERVIDORES, SERVIDORES)
    assert p.liquido == sum(i.contracheque.liquido for i in p.itens) and p.liquido > 0
    assert all(any(l.codigo == "001" for l in i.contracheque.linhas) for i in p.itens)
    assert p.identidades["magisterio_anexo1"]["inicio"] == "2004-05-21"
    assert p.identidades["inss"]["inicio"] == "2026-01-01"
    assert _contar(sessao_demo, "magisterio_competencias") == 0
    assert _contar(sessao_demo, "magisterio_contracheques") == 0


def test_fechar_monta_a_carreira_uma_vez_por_servidor(sessao_demo, monkeypatch):
    """Issue 16: a carreira (``periodos_no_mes``) é montada uma vez por servidor, não uma para o
    cálculo e outra para a identificação; o resultado é o mesmo da identificação calculada à parte."""
    from desktop.rules.magisterio import carreira
    from desktop.rules.magisterio import folha as regras_folha

    chamadas = []

    def contar(*args, **kwargs):
        chamadas.append(args[0].id)
        return carreira.periodos_no_mes(*args, **kwargs)

    class Contada(carreira._Historia):  # a montagem da carreira em si, chamada de onde for
        def __init__(self, ficha, *args, **kwargs):
            montagens.append(ficha.id)
            super().__init__(ficha, *args, **kwargs)

    montagens = []
    monkeypatch.setattr(folha, "periodos_no_mes", contar)
    monkeypatch.setattr(regras_folha, "periodos_no_mes", contar)
    monkeypatch.setattr(carreira, "_Historia", Contada)
    folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    assert len(chamadas) == SERVIDORES and len(set(chamadas)) == SERVIDORES
    assert len(montagens) == SERVIDORES and len(set(montagens)) == SERVIDORES
    monkeypatch.undo()
    p = folha.previa(sessao_demo, OUTUBRO)
    gravados = {i.contracheque.pessoa_id: i.servidor for i in folha.contracheques(sessao_demo, OUTUBRO)}
    for item in p.itens:  # a identificação à parte (sem os períodos prontos) dá o mesmo
        ident = folha.identificacao(p.fichas[item.contracheque.pessoa_id], OUTUBRO, p.configuracao, p.parametros)
        assert folha.dados_servidor(ident) == item.servidor == gravados[item.contracheque.pessoa_id]


def test_pendencias_servidor_sem_titulacao_e_falta_sem_codigo(sessao_demo):
    s = cadastro.cadastrar_servidor(sessao_demo, nome="José Sem Título", cpf=CPF_JOSE, matricula="99001",
                                    cargo="professor", admissao=date(2020, 3, 2), jornada=20,
                                    titulo="licenciatura_plena", escola_id=_escola(sessao_demo))
    titulacao = cadastro.itens(sessao_demo, "titulacoes", s["id"])[0]
    cadastro.excluir(sessao_demo, "titulacoes", titulacao["id"])  # cadastro incompleto: sem titulação
    alvo = folha.previa(sessao_demo, OUTUBRO).itens[5].contracheque.pessoa_id
    cadastro.adicionar(sessao_demo, "faltas", alvo, data=date(2026, 10, 14), codigo=None)

    p = folha.previa(sessao_demo, OUTUBRO)
    assert len(p.itens) == SERVIDORES  # o servidor com erro fica fora, os outros são calculados
    lista = folha.pendencias(p)
    erros = [x for x in lista if x.tipo == ERRO_CALCULO]
    assert [x.servidor_id for x in erros] == [s["id"]]
    assert not erros[0].aceitavel and "José Sem Título" in erros[0].mensagem and "titula" in erros[0].mensagem.lower()
    faltas = [x for x in lista if x.tipo == FALTA_SEM_CODIGO]
    nossa = [x for x in faltas if x.servidor_id == alvo]
    assert len(nossa) == 1 and "14/10/2026" in nossa[0].mensagem and nossa[0].aceitavel
    assert all(x.aceitavel for x in lista if x.tipo != ERRO_CALCULO)
    assert {x.tipo for x in lista} >= {ABAIXO_DO_PISO}  # a tabela de 2004 está abaixo do piso de 2026

    with pytest.raises(folha.FechamentoRecusado) as e:
        folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)  # erro de cálculo não se aceita
    assert "José Sem Título" in str(e.value) and e.value.pendencias
    assert _contar(sessao_demo, "magisterio_competencias") == 0


def test_fechar_exige_aceite_e_grava_exatamente_a_previa(sessao_demo):
    with pytest.raises(folha.FechamentoRecusado, match="pendência") as recusa:
        folha.fechar(sessao_demo, OUTUBRO)
    assert str(recusa.value).count("; ") >= 1 and ".;" not in str(recusa.value)  # as pendências numa frase só
    p = folha.previa(sessao_demo, OUTUBRO)
    c = folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    assert c["situacao"] == "fechada" and c["fechada_por"] == demo.LOGIN_DEMO
    assert c["servidores"] == SERVIDORES and c["liquido"] == p.liquido and c["proventos"] == p.proventos
    assert c["configuracao"] == ConfiguracaoMagisterio().como_dict()
    assert c["parametros"]["magisterio_anexo1"] == {"inicio": "2004-05-21",
                                                    "fundamento": "Lei 1.613/2004, art. 37 e Anexo I"}
    assert [x["tipo"] for x in c["pendencias_aceitas"]] == [x.tipo for x in folha.pendencias(p)]
    assert ABAIXO_DO_PISO in {x["tipo"] for x in c["pendencias_aceitas"]}

    gravados = {i.contracheque.pessoa_id: i for i in folha.contracheques(sessao_demo, OUTUBRO)}
    assert len(gravados) == SERVIDORES
    for item in p.itens:
        g = gravados[item.contracheque.pessoa_id]
        assert g.servidor == item.servidor
        assert g.contracheque.linhas == item.contracheque.linhas
        assert [str(l.valor) for l in g.contracheque.linhas] == [str(l.valor) for l in item.contracheque.linhas]
        assert [str(l.percentual) for l in g.contracheque.linhas] == [str(l.percentual) for l in item.contracheque.linhas]
        assert g.contracheque.avisos == item.contracheque.avisos
    um = p.itens[3]
    assert folha.contracheque(sessao_demo, OUTUBRO, um.contracheque.pessoa_id) == gravados[um.contracheque.pessoa_id]

    # Diário: uma linha para a competência, nenhuma por rubrica; a cadeia continua íntegra.
    linhas_diario = diario(sessao_demo, "magisterio_competencias")
    assert len(linhas_diario) == 1 and linhas_diario[0]["acao"] == "inserir"
    assert '"conteudo_sha256"' in linhas_diario[0]["depois"]
    assert diario(sessao_demo, "magisterio_contracheque_linhas") == []
    assert store_diario.verificar(sessao_demo.db).ok
    assert [x["competencia"] for x in folha.listar_competencias(sessao_demo)] == [OUTUBRO]
    assert folha.contracheques_do_servidor(sessao_demo, um.contracheque.pessoa_id)[0]["liquido"] == \
        um.contracheque.liquido


def test_competencia_fechada_e_imutavel_no_servico_e_na_base(sessao_demo):
    folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    with pytest.raises(ErroNegocio, match="já está fechada"):
        folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    db = sessao_demo.db
    comandos = [
        ("UPDATE magisterio_contracheque_linhas SET valor = valor + 100", "não pode ser alterada"),
        ("DELETE FROM magisterio_contracheque_linhas", "não pode ser apagada"),
        ("UPDATE magisterio_contracheques SET nome = 'Outro'", "não pode ser alterado"),
        ("DELETE FROM magisterio_contracheques", "não pode ser apagado"),
        ("UPDATE magisterio_competencias SET liquido = 0", "reabra"),
        ("UPDATE magisterio_competencias SET situacao = 'aberta', fechada_em = NULL, fechada_por = NULL, "
         "configuracao = NULL, parametros = NULL, conteudo_sha256 = NULL", "registrar a reabertura"),
        ("DELETE FROM magisterio_competencias", "não são apagadas"),
        ("INSERT INTO magisterio_contracheques (id, competencia_id, servidor_id, nome, cpf, matricula, cargo, nivel, "
         "classe, jornada, lotacao, proventos, descontos, liquido) SELECT 'x', competencia_id, servidor_id, nome, cpf, "
         "'x', cargo, nivel, classe, jornada, lotacao, 0, 0, 0 FROM magisterio_contracheques LIMIT 1", "fechada"),
    ]
    antes = list(db.query("SELECT sum(valor) AS s, count(*) AS n FROM magisterio_contracheque_linhas"))
    for sql, mensagem in comandos:
        with pytest.raises(Exception, match=mensagem):
            with sessao_demo.base.transacao() as t:
                t.execute(sql)
    assert list(db.query("SELECT sum(valor) AS s, count(*) AS n FROM magisterio_contracheque_linhas")) == antes
    assert folha.esta_fechada(sessao_demo, OUTUBRO)


def test_reabrir_exige_administrador_e_motivo_e_vai_ao_diario(sessao_demo):
    folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    rh = com_papel(sessao_demo, Papel.FOLHA_RH)
    with pytest.raises(SemPermissao, match="reabrir uma competência fechada"):
        folha.reabrir(rh, OUTUBRO, "falta lançada depois do fechamento")
    with pytest.raises(EntradaInvalida, match="15 caracteres"):
        folha.reabrir(sessao_demo, OUTUBRO, "erro")
    c = folha.reabrir(sessao_demo, OUTUBRO, "  falta de 14/10 lançada   depois do fechamento ")
    assert c["situacao"] == "aberta" and c["servidores"] == 0
    assert _contar(sessao_demo, "magisterio_contracheques") == 0
    assert _contar(sessao_demo, "magisterio_contracheque_linhas") == 0
    with pytest.raises(ErroNegocio, match="não está fechada"):
        folha.contracheques(sessao_demo, OUTUBRO)
    r = folha.obter_competencia(sessao_demo, OUTUBRO)["reaberturas"]
    assert len(r) == 1 and r[0]["motivo"] == "falta de 14/10 lançada depois do fechamento"
    assert r[0]["reaberta_por"] == demo.LOGIN_DEMO and r[0]["servidores"] == SERVIDORES
    assert [d["acao"] for d in diario(sessao_demo, "magisterio_reaberturas")] == ["inserir"]
    assert [d["acao"] for d in diario(sessao_demo, "magisterio_competencias")] == ["inserir", "alterar"]
    assert "falta de 14/10" in diario(sessao_demo, "magisterio_competencias")[-1]["depois"]
    with pytest.raises(ErroNegocio, match="não está fechada"):
        folha.reabrir(sessao_demo, OUTUBRO, "reabrir de novo sem ter fechado")

    # O servidor passa a ser calculado de novo, e o fechamento seguinte usa a mesma linha de competência.
    c2 = folha.fechar(sessao_demo, OUTUBRO, aceitar_pendencias=True)
    assert c2["id"] == c["id"] and c2["situacao"] == "fechada" and c2["servidores"] == SERVIDORES
    assert [d["acao"] for d in diario(sessao_demo, "magisterio_competencias")] == ["inserir", "alterar", "alterar"]
    assert store_diario.verificar(sessao_demo.db).ok


def test_fechar_cancelado_pelo_progresso_nao_grava_nada(sessao_demo):
    class Cancelado(Exception):
        pass

    def progresso(feitos, total):
        if feitos == 10:
            raise Cancelado()

    with pytest.raises(Cancelado):
        folha.fechar(sessao_demo, OUTUBRO, progresso, aceitar_pendencias=True)
    assert _contar(sessao_demo, "magisterio_competencias") == 0
    assert diario(sessao_demo, "magisterio_competencias") == []


def test_folha_rh_fecha_consulta_nao(sessao_demo):
    rh = com_papel(sessao_demo, Papel.FOLHA_RH)
    consulta = com_papel(sessao_demo, Papel.CONSULTA)
    assert len(folha.previa(consulta, OUTUBRO).itens) == SERVIDORES
    with pytest.raises(SemPermissao):
        folha.fechar(consulta, OUTUBRO, aceitar_pendencias=True)
    assert folha.fechar(rh, OUTUBRO, aceitar_pendencias=True)["fechada_por"] == rh.usuario.login


def test_adiantamento_do_13_lido_da_competencia_fechada(sessao_demo):
    configuracao.salvar(sessao_demo, ConfiguracaoMagisterio(decimo_terceiro_adiantamento_mes=6))
    folha.fechar(sessao_demo, date(2026, 6, 1), aceitar_pendencias=True)
    pagos = {i.contracheque.pessoa_id: sum(l.valor for l in i.contracheque.linhas if l.codigo == "040")
             for i in folha.contracheques(sessao_demo, date(2026, 6, 1))}
    assert sum(pagos.values()) > 0
    dezembro = folha.previa(sessao_demo, date(2026, 12, 1))
    for item in dezembro.itens:
        desconto = sum((l.valor for l in item.contracheque.linhas if l.codigo == "140"), Decimal("0.00"))
        assert desconto == pagos.get(item.contracheque.pessoa_id, Decimal("0.00"))


def test_competencia_de_2026_com_inss(sessao_demo):
    configuracao.salvar(sessao_demo, ConfiguracaoMagisterio(previdencia="inss"))
    c = folha.fechar(sessao_demo, date(2026, 3, 1), aceitar_pendencias=True)
    assert c["configuracao"]["previdencia"] == "inss" and c["servidores"] == SERVIDORES
    itens = folha.contracheques(sessao_demo, date(2026, 3, 1))
    previdencia = [l for i in itens for l in i.contracheque.linhas if l.codigo == "201"]
    assert len(previdencia) >= 35
    assert all("INSS" in l.descricao and "EC 103/2019" in l.fundamento for l in previdencia)
    assert all(i.contracheque.liquido == i.contracheque.proventos - i.contracheque.descontos for i in itens)


def test_competencia_invalida():
    assert folha.mes("2026-03") == date(2026, 3, 1) == folha.mes("03/2026") == folha.mes(date(2026, 3, 17))
    with pytest.raises(EntradaInvalida, match="mês/ano"):
        folha.mes("março")


def test_demo_com_random_fixo_e_reprodutivel(tmp_path):
    """Duas prévias seguidas dão o mesmo resultado (nada depende de ordem de consulta)."""
    caminho = tmp_path / "d.db"
    demo.criar_demo(caminho, servidores=SERVIDORES)  # a base dos outros testes do arquivo, já pronta
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    try:
        a, b = folha.previa(s, OUTUBRO), folha.previa(s, OUTUBRO)
        assert a.itens == b.itens
    finally:
        s.fechar()
