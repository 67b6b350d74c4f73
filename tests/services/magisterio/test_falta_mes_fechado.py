"""Falta lançada para uma competência já fechada (issue 13, item 3): aceita com aviso, guardada na ficha
(conta no tempo de serviço) e descontada como diferença de mês anterior (rubrica 105, Lei 1.613/2004,
art. 34) na competência aberta seguinte, com o valor de um dia da remuneração do mês da falta."""
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from desktop.services import acesso, demo
from desktop.services.magisterio import cadastro, folha

OUTUBRO, NOVEMBRO = date(2026, 10, 1), date(2026, 11, 1)
FIXAS = {f"{n:03d}" for n in list(range(1, 11)) + [12] + list(range(20, 26))}  # rubricas do art. 35


@pytest.fixture
def base(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    yield s
    s.fechar()


def test_falta_de_outubro_lancada_depois_do_fechamento_desconta_em_novembro(base):
    s = base
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    # um servidor com o mês inteiro pago, sem complemento do mínimo e sem faltas em outubro
    item = next(i for i in folha.contracheques(s, OUTUBRO)
                if all(l.quantidade in (None, Decimal(30)) for l in i.contracheque.linhas if l.codigo in FIXAS)
                and not any(l.codigo in ("050", "101", "102") for l in i.contracheque.linhas))
    sid = item.contracheque.pessoa_id
    remuneracao = sum((l.valor for l in item.contracheque.linhas if l.codigo in FIXAS), Decimal("0.00"))
    esperado = (remuneracao / 30).quantize(Decimal("0.01"), ROUND_HALF_UP)

    falta = cadastro.adicionar(s, "faltas", sid, data=date(2026, 10, 21), codigo="FI")
    assert "10/2026 já está fechada" in falta["aviso"] and "competência 11/2026" in falta["aviso"]
    assert falta["liquidar_em"] == "2026-11"
    assert any(f["id"] == falta["id"] for f in cadastro.itens(s, "faltas", sid))  # fica na ficha
    acoes = [r["acao"] for r in s.db.query("SELECT acao FROM diario WHERE registro_id = ? ORDER BY seq", [falta["id"]])]
    assert acoes == ["inserir", "alterar"]

    previa = folha.previa(s, NOVEMBRO)
    cc = next(i.contracheque for i in previa.itens if i.contracheque.pessoa_id == sid)
    dif = [l for l in cc.linhas if l.codigo == "105"]
    assert len(dif) == 1 and dif[0].valor == esperado and dif[0].quantidade == 1
    assert "faltas de 10/2026" in dif[0].descricao and "art. 34, §1º, I" in dif[0].fundamento
    assert not any(l.codigo == "101" for l in cc.linhas)

    folha.fechar(s, NOVEMBRO, aceitar_pendencias=True)
    gravado = folha.contracheque(s, NOVEMBRO, sid).contracheque
    assert sum((l.valor for l in gravado.linhas if l.codigo == "105"), Decimal(0)) == esperado
    # corrigir a falta depois de descontada não a leva para outra competência
    depois = cadastro.corrigir(s, "faltas", falta["id"], observacao="lançada em atraso")
    assert depois["liquidar_em"] == "2026-11"


def test_falta_de_mes_aberto_nao_e_marcada(base):
    s = base
    sid = cadastro.listar_servidores(s)[0]["id"]
    falta = cadastro.adicionar(s, "faltas", sid, data=date(2026, 10, 21), codigo="FI")
    assert "aviso" not in falta and falta.get("liquidar_em") is None
