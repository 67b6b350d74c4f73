"""Titulação e afastamento lançados depois do fechamento das competências que alcançam (issue 13, item 3):
aceitos com aviso que nomeia os meses; na competência aberta seguinte cada mês fechado alcançado é
recalculado com os fatos novos e a diferença para o gravado é paga (rubrica 069) ou descontada (106) numa
linha "diferença de mês anterior" que nomeia o mês e o artigo — uma vez só, também depois de uma
correção ou de um cancelamento do registro. Valores conferidos à mão nos comentários."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.services import acesso, demo
from desktop.services.magisterio import cadastro, folha

AGOSTO, SETEMBRO, OUTUBRO, NOVEMBRO = (date(2026, m, 1) for m in (8, 9, 10, 11))


@pytest.fixture
def base(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    for mes in (AGOSTO, SETEMBRO):
        folha.fechar(s, mes, aceitar_pendencias=True)
    yield s
    s.fechar()


def _servidor(s, nome: str) -> str:
    return next(x["id"] for x in cadastro.listar_servidores(s) if x["nome"] == nome)


def _linhas(previa, sid: str, *codigos: str) -> list:
    cc = next(i.contracheque for i in previa.itens if i.contracheque.pessoa_id == sid)
    return [l for l in cc.linhas if l.codigo in codigos]


def _valores(cc, *codigos: str) -> dict[str, Decimal]:
    return {l.codigo: l.valor for l in cc.linhas if l.codigo in codigos}


def test_titulo_de_dois_meses_fechados_paga_a_diferenca_uma_vez_e_o_cancelamento_a_desconta(base):
    s = base
    sid = _servidor(s, "Ivone Vieira Leal")
    for mes in (AGOSTO, SETEMBRO):  # o que foi pago (e gravado) em cada mês fechado
        item = folha.contracheque(s, mes, sid)
        assert (item.servidor.nivel, item.servidor.classe, item.servidor.jornada) == ("3", "D", 40)
        assert _valores(item.contracheque, "001", "002", "006", "050") == {
            "001": Decimal("901.79"), "002": Decimal("411.13"), "006": Decimal("233.70"), "050": Decimal("74.38")}
    # Pago por mês (Nível 3, classe D, 40 h): vencimento 901,79 (Anexo I, tabela B) + valorização 45,59 % = 411,13
    # (art. 36, Anexo II) + função gratificada 233,70 (30 % de 779,00, art. 38 II) = 1.546,62, abaixo do mínimo:
    # complemento 74,38 → 1.621,00.
    # Devido com a pós-graduação de 360 h requerida em 20/07/2026 (Nível 4, art. 14 IV), classe D, 40 h:
    # vencimento 985,14 (Anexo I) + valorização 58,02 % × 985,14 = 571,578… → 571,58 + função 233,70 = 1.790,42
    # (acima do mínimo: sem complemento). Diferença por mês: 1.790,42 − 1.621,00 = 169,42; dois meses: 338,84.
    titulo = cadastro.adicionar(s, "titulacoes", sid, titulo="pos_lato_sensu", data_requerimento=date(2026, 7, 20),
                                carga_horaria=360, area_educacao=True)
    assert "08/2026, 09/2026" in titulo["aviso"] and "competência 10/2026" in titulo["aviso"]
    assert "art. 14" in titulo["aviso"]

    linhas = _linhas(folha.previa(s, OUTUBRO), sid, "069", "106")
    assert [(l.codigo, l.valor, l.referencia) for l in linhas] == [
        ("069", Decimal("169.42"), "anterior:2026-08"), ("069", Decimal("169.42"), "anterior:2026-09")]
    assert "competência 08/2026" in linhas[0].descricao and "Diferença de mês anterior" in linhas[0].descricao
    assert "art. 14" in linhas[0].fundamento and "art. 35" in linhas[0].fundamento
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    outubro = folha.contracheque(s, OUTUBRO, sid).contracheque
    assert sum((l.valor for l in outubro.linhas if l.codigo == "069"), Decimal(0)) == Decimal("338.84")
    assert not _linhas(folha.previa(s, NOVEMBRO), sid, "069", "106")  # paga uma vez só

    assert _valores(outubro, "001", "002", "006") == {  # outubro mesmo já foi pago no Nível 4: 1.790,42
        "001": Decimal("985.14"), "002": Decimal("571.58"), "006": Decimal("233.70")}

    # o título era de outra pessoa: excluído, agosto, setembro e outubro voltam ao Nível 3 (devido 1.621,00).
    # Agosto e setembro: 1.621,00 − 1.621,00 gravado − 169,42 já acertado = −169,42; outubro: 1.621,00 −
    # 1.790,42 gravado = −169,42. Descontados na competência aberta seguinte, novembro.
    aviso = cadastro.excluir(s, "titulacoes", titulo["id"])["aviso"]
    assert "08/2026, 09/2026, 10/2026" in aviso and "competência 11/2026" in aviso
    linhas = _linhas(folha.previa(s, NOVEMBRO), sid, "069", "106")
    assert [(l.codigo, l.valor, l.referencia) for l in linhas] == [
        ("106", Decimal("169.42"), "anterior:2026-08"), ("106", Decimal("169.42"), "anterior:2026-09"),
        ("106", Decimal("169.42"), "anterior:2026-10")]


def test_afastamento_sem_remuneracao_num_mes_fechado_desconta_os_dias(base):
    s = base
    sid = _servidor(s, "Denise Matos Meira")
    pago = folha.contracheque(s, SETEMBRO, sid).contracheque
    assert _valores(pago, "001", "002", "004", "005", "009", "010") == {
        "001": Decimal("893.55"), "002": Decimal("437.12"), "004": Decimal("134.03"), "005": Decimal("134.03"),
        "009": Decimal("89.36"), "010": Decimal("268.07")}
    # Setembro pago: 893,55 + 437,12 + 134,03 + 134,03 + 89,36 + 268,07 = 1.956,16 (30 dias).
    # Licença para tratar de interesses particulares (sem remuneração, Estatuto) de 28 a 30/09: 27 dias pagos,
    # cada rubrica × 27/30 ao centavo: 804,195 → 804,20; 393,408 → 393,41; 120,627 → 120,63 (duas vezes);
    # 80,424 → 80,42; 241,263 → 241,26; devido 1.760,55 (acima do mínimo). Desconto: 1.956,16 − 1.760,55 = 195,61.
    afast = cadastro.adicionar(s, "afastamentos", sid, tipo="LIP", inicio=date(2026, 9, 28), fim=date(2026, 9, 30))
    assert "09/2026" in afast["aviso"] and "08/2026" not in afast["aviso"] and "competência 10/2026" in afast["aviso"]
    assert "Licença para tratar de interesses particulares" in afast["aviso"]

    previa = folha.previa(s, OUTUBRO)
    linhas = _linhas(previa, sid, "069", "106")
    assert [(l.codigo, l.valor, l.referencia) for l in linhas] == [("106", Decimal("195.61"), "anterior:2026-09")]
    assert "competência 09/2026" in linhas[0].descricao and "Estatuto do Magistério" in linhas[0].fundamento
    rpps = _linhas(previa, sid, "201")[0]
    assert rpps.base == Decimal("1760.55")  # outubro inteiro (1.956,16) menos o desconto de setembro

    marcas = list(s.db.query("SELECT acao, depois FROM diario WHERE tabela = 'magisterio_diferencas_pendentes'"))
    assert [m["acao"] for m in marcas] == ["inserir"] and "2026-10" in marcas[0]["depois"]

    # corrigir só a observação não muda o que se deve: nenhum aviso, nenhum acerto a mais
    corrigido = cadastro.corrigir(s, "afastamentos", afast["id"], observacao="requerimento protocolado em atraso")
    assert "aviso" not in corrigido
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    assert not _linhas(folha.previa(s, NOVEMBRO), sid, "069", "106")
    # reabrir e fechar de novo outubro desconta setembro ali uma vez, não duas
    folha.reabrir(s, OUTUBRO, "conferência do desconto de setembro em outubro")
    assert [l.valor for l in _linhas(folha.previa(s, OUTUBRO), sid, "106")] == [Decimal("195.61")]
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    assert not _linhas(folha.previa(s, NOVEMBRO), sid, "069", "106")


def test_registro_so_em_mes_aberto_nao_avisa(base):
    s = base
    sid = _servidor(s, "Denise Matos Meira")
    afast = cadastro.adicionar(s, "afastamentos", sid, tipo="LIP", inicio=date(2026, 10, 5), fim=date(2026, 10, 6))
    assert "aviso" not in afast
    assert not _linhas(folha.previa(s, OUTUBRO), sid, "069", "106")
