"""Folha complementar (issue 13, item 3): reajuste de 10 % com vigência em 08/2026 e as competências 08, 09 e
10/2026 já fechadas. Em vez de esperar a competência 11/2026, a folha complementar de 10/2026 paga as
diferenças dos três meses (rubrica 065, à mão: célula de 20 h × 1,10, cada rubrica percentual sobre a nova
base), com a previdência das diferenças e o acréscimo de IRRF do mês; fecha uma vez; o arquivo do banco
(CNAB 240), lido por um leitor independente, soma os líquidos; a competência 11/2026 não paga de novo."""
import io
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from lxml import etree
from pypdf import PdfReader

from desktop.rules.irrf import calcular_irrf
from desktop.rules.folha import motor
from desktop.rules.magisterio.tipos import Nivel
from desktop.rules.pagamento.cnab240 import alfa
from desktop.services import acesso, demo
from desktop.services.magisterio import complementar, folha, tabelas
from desktop.services.pagamento import esocial, remessa
from desktop.services.sessao import ErroNegocio

from ..pagamento.leitor_cnab240 import ler
from ..pagamento.test_esocial import NS, XSD, _esquema
from ..pagamento.test_remessa import contas_para_todos

AGOSTO, SETEMBRO, OUTUBRO, NOVEMBRO = (date(2026, m, 1) for m in (8, 9, 10, 11))
FECHADAS = (AGOSTO, SETEMBRO, OUTUBRO)
PERCENTUAIS = {"001", "002", "003", "004", "005", "007", "008", "009", "010", "012"}  # base = vencimento


def _c(v: Decimal) -> Decimal:
    return v.quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.fixture
def base(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    for mes in FECHADAS:
        folha.fechar(s, mes, aceitar_pendencias=True)
    yield s
    s.fechar()


def test_complementar_de_tres_meses_com_cnab(base, monkeypatch):
    s = base
    with pytest.raises(ErroNegocio, match="Não há diferenças"):
        complementar.fechar(s, OUTUBRO)
    sim = tabelas.simular_reajuste(s, AGOSTO, percentual="10", fundamento="Lei Municipal 9.999/2026 (teste)")
    tabelas.aplicar_reajuste(s, sim, "Lei Municipal 9.999/2026, art. 1º (teste)")
    with pytest.raises(ErroNegocio, match="não está fechada"):
        complementar.previa(s, NOVEMBRO)
    previa = complementar.previa(s, OUTUBRO)
    assert previa.itens
    por_sid = {i.contracheque.pessoa_id: i.contracheque for i in previa.itens}
    conferidos = 0
    for mes in FECHADAS:
        for item in folha.contracheques(s, mes):
            cc = item.contracheque
            proventos = [l for l in cc.linhas if l.natureza.value == "P"]
            if not all(l.codigo in PERCENTUAIS and l.quantidade == 30 for l in proventos) or cc.descontos == 0:
                continue
            # à mão: nova célula = célula de 20 h × 1,10 ao centavo (× 2 em 40 h, art. 37 §4º); cada rubrica
            # percentual = nova célula × percentual ao centavo; diferença = novo total − pago
            base20 = sim.atual.vencimento(Nivel(item.servidor.nivel), item.servidor.classe, 20)
            nova = _c(base20 * Decimal("1.10")) * (1 if item.servidor.jornada == 20 else 2)
            novo = sum(nova if l.codigo == "001" else _c(nova * l.percentual / 100) for l in proventos)
            esperado = novo - sum(l.valor for l in proventos)
            linhas = [l for l in por_sid[cc.pessoa_id].linhas if l.referencia == f"reajuste:{mes:%Y-%m}"]
            assert len(linhas) == 1 and linhas[0].codigo == "065" and linhas[0].valor == esperado
            conferidos += 1
    assert conferidos >= 3

    config_rpps = folha.parametros_da_competencia(s, OUTUBRO)
    gravados = {i.contracheque.pessoa_id: i.contracheque for i in folha.contracheques(s, OUTUBRO)}
    for sid, cc in por_sid.items():
        dif = sum(l.valor for l in cc.linhas if l.codigo == "065")
        contrib = sum(l.valor for l in cc.linhas if l.codigo == "201")
        # RPPS: alíquota × diferenças, ao centavo
        rpps = config_rpps.previdencia(folha.configuracao.ler(s))
        assert contrib == rpps.calcular(dif).valor
        # IRRF: o do mês com as diferenças (deduções gravadas + contribuição das diferenças) − o já retido
        g = gravados[sid]
        _p, base_g = motor.bases(g.linhas, "mensal")
        retido = sum(l.valor for l in g.linhas if l.codigo == "205")
        devido = calcular_irrf(base_g + dif, sum(l.valor for l in g.linhas if l.codigo == "201") + contrib,
                               previa_dependentes(s, sid), config_rpps.irrf,
                               outras_deducoes=sum(l.valor for l in g.linhas if l.codigo == "170")).valor
        assert sum(l.valor for l in cc.linhas if l.codigo == "205") == max(Decimal("0.00"), devido - retido)
        assert cc.liquido == dif - contrib - max(Decimal("0.00"), devido - retido)

    fechada = complementar.fechar(s, OUTUBRO)
    assert fechada["liquido"] == previa.liquido and fechada["servidores"] == len(previa.itens)
    assert [i.contracheque.linhas for i in complementar.contracheques(s, OUTUBRO)] == [
        i.contracheque.linhas for i in previa.itens]
    with pytest.raises(ErroNegocio, match="já tem folha complementar"):
        complementar.fechar(s, OUTUBRO)
    # a próxima competência não paga as diferenças de novo
    assert not any(l.codigo == "065" for i in folha.previa(s, NOVEMBRO).itens for l in i.contracheque.linhas)

    contas_para_todos(s)
    remessa.definir_convenio(s, "magisterio", "001", convenio="000123456 0126", agencia="0001", agencia_dv="9",
                             conta="210169", conta_dv="6")
    g = remessa.gerar(s, "magisterio_complementar", OUTUBRO, banco="001", data_pagamento=date(2026, 11, 10),
                      agora=lambda: datetime(2026, 11, 1, 9, 30))
    arq = ler(g.conteudo)
    esperado = {alfa(i.servidor.nome, 30).strip(): i.contracheque.liquido for i in previa.itens
                if i.contracheque.liquido > 0}
    assert {p.nome: p.valor for p in arq.pagamentos} == esperado
    assert arq.total == g.total == sum(esperado.values()) == previa.liquido

    # contracheques da complementar (PDF registrado), "folha complementar" em cada um
    pdf = complementar.emitir_lote(s, OUTUBRO).pdf
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert texto.count("folha complementar") >= len(previa.itens) and previa.itens[0].servidor.nome in texto

    # eSocial: o demonstrativo da complementar (sufixo C) no mesmo S-1202 e S-1210 do servidor
    monkeypatch.setenv(esocial.ENV_XSD, str(XSD))
    lote = esocial.gerar(s, "magisterio", OUTUBRO, data_pagamento=date(2026, 11, 10))
    cpfs = {"".join(c for c in i.servidor.cpf if c.isdigit()): i.contracheque.liquido for i in previa.itens}
    vistos = 0
    for nome, xml in lote.eventos:
        if nome.startswith("S-1210"):
            ns = NS % "evtPgtos"
            raiz = etree.fromstring(xml)
            esquema = _esquema("evtPgtos")
            esquema.validate(raiz)
            assert not [e.message for e in esquema.error_log if "Signature" not in e.message]
            cpf = raiz.find(f".//{ns}cpfBenef").text
            if cpf in cpfs:
                pgs = {p.find(f"{ns}ideDmDev").text[-1]: Decimal(p.find(f"{ns}vrLiq").text)
                       for p in raiz.iter(f"{ns}infoPgto")}
                assert pgs["C"] == max(cpfs[cpf], Decimal("0.00"))
                vistos += 1
    assert vistos == len(cpfs)


def previa_dependentes(s, sid) -> int:
    return folha.previa(s, OUTUBRO).fichas[sid].dependentes_irrf
