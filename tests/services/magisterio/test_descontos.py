"""Descontos do servidor (services.magisterio.descontos) na base de demonstração, de ponta a ponta:
cadastro com recusa além da margem e da pensão acima do líquido, fechamento da competência com as
rubricas e o fundamento, contracheque em PDF, arquivo do banco com o crédito do beneficiário da pensão
(lido de volta pelo leitor independente) e lançamento em competência fechada recusado."""
import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from desktop.rules.pagamento.banco import dv_modulo11_bb
from desktop.rules.validacao import EntradaInvalida
from desktop.services import acesso, demo
from desktop.services.magisterio import descontos, documentos, folha
from desktop.services.pagamento import dados, remessa
from desktop.services.sessao import ErroNegocio
from desktop.store.magisterio import servidores

from ..pagamento.leitor_cnab240 import ler
from ..pagamento.test_remessa import _convenio, contas_para_todos

OUTUBRO = date(2026, 10, 1)
CPF_BENEFICIARIA = "529.982.247-25"


@pytest.fixture
def base(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=3, servidores=12)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    yield s
    s.fechar()


def _servidor(s):
    """O servidor de maior bruto na prévia de outubro (e o contracheque dele sem descontos)."""
    p = folha.previa(s, OUTUBRO)
    item = max(p.itens, key=lambda i: i.contracheque.proventos)
    sid = item.contracheque.pessoa_id
    return sid, item.contracheque


def _valor(cc, codigo):
    return sum((l.valor for l in cc.linhas if l.codigo == codigo), Decimal("0.00"))


def test_descontos_de_ponta_a_ponta(base):
    s = base
    sid, sem = _servidor(s)
    bruto = sem.proventos
    conta = "777001"
    pensao = descontos.cadastrar_pensao(
        s, sid, beneficiario="Ana Beneficiária", cpf=CPF_BENEFICIARIA, forma="bruto", quantidade="20",
        processo="0001234-56.2025.8.05.0141", inicio="10/2026", banco="001", agencia="1234", agencia_dv="3",
        conta=conta, conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente")
    valor_pensao = (bruto * Decimal("0.20")).quantize(Decimal("0.01"))
    assert pensao["valor_no_mes"] == valor_pensao
    descontos.cadastrar_sindical(s, sid, entidade="APLB-Sindicato", forma="fixo", quantidade="25.00", inicio="10/2026")
    # margem: 30 % de (bruto − previdência − IRRF − pensão − sindical), com a pensão já cadastrada
    cc = descontos._contracheque(s, sid, OUTUBRO, descontos.armazem.do_servidor_no_mes(s.db, sid, "2026-10"))
    compulsorios = _valor(cc, "201") + _valor(cc, "205") + _valor(cc, "170") + _valor(cc, "190")
    margem = ((bruto - compulsorios) * Decimal("0.30")).quantize(Decimal("0.01"))
    with pytest.raises(EntradaInvalida) as e:
        descontos.cadastrar_consignacao(s, sid, consignataria="Banco Além", valor=str(margem + Decimal("0.01")),
                                        prioridade=1, contrato="X-1", inicio="10/2026")
    texto = str(e.value)
    assert "recusada" in texto and f"{margem:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") in texto
    descontos.cadastrar_consignacao(s, sid, consignataria="Banco Cabe", valor=str(margem), prioridade=1,
                                    contrato="C-9", inicio="10/2026")
    with pytest.raises(EntradaInvalida, match="fundamento legal"):
        descontos.lancar_avulsa(s, sid, natureza="provento", descricao="Abono", fundamento="", valor="10.00",
                                incide_previdencia=True, incide_irrf=True, competencia="10/2026")
    descontos.lancar_avulsa(s, sid, natureza="desconto", descricao="Reposição ao erário", fundamento="Processo adm. 12/2026",
                            valor="15.00", incide_previdencia=False, incide_irrf=False, competencia="10/2026")
    assert len(descontos.listar(s, sid)) == 4
    diario = list(s.db.query("SELECT * FROM diario WHERE tabela = 'magisterio_descontos'"))
    assert len(diario) == 4
    for r in diario:  # Mudanca.inserir: o diário guarda a linha como ficou na tabela, coluna por coluna
        gravada = descontos.armazem.obter(s.db, r["registro_id"])
        assert r["acao"] == "inserir" and json.loads(r["depois"]) == gravada

    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    item = folha.contracheque(s, OUTUBRO, sid)
    cc = item.contracheque
    assert _valor(cc, "170") == valor_pensao and _valor(cc, "180") == margem
    assert _valor(cc, "190") == Decimal("25.00") and _valor(cc, "160") == Decimal("15.00")
    assert cc.liquido == sem.proventos - sum((l.valor for l in cc.linhas if l.natureza.value == "D"), Decimal(0))
    assert next(l for l in cc.linhas if l.codigo == "170").referencia == pensao["id"]

    # contracheque em PDF: as rubricas com o fundamento
    pdf = documentos.emitir_contracheque(s, OUTUBRO, sid).pdf
    import os
    if os.environ.get("PACO_PDF_SAIDA"):
        open(os.environ["PACO_PDF_SAIDA"], "wb").write(pdf)
    texto = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Pensão alimentícia" in texto and "Ana Beneficiária" in texto and "Consignação" in texto
    analitica = documentos.emitir_folha_analitica(s, OUTUBRO).pdf
    if os.environ.get("PACO_PDF_SAIDA"):
        open(os.environ["PACO_PDF_SAIDA"] + ".analitica.pdf", "wb").write(analitica)
    texto = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(analitica)).pages)
    assert "170" in texto and "180" in texto

    # arquivo do banco: o beneficiário recebe a pensão na própria conta
    contas_para_todos(s)
    _convenio(s)
    g = remessa.gerar(s, "magisterio", OUTUBRO, banco="001", data_pagamento=date(2026, 11, 5),
                      agora=lambda: datetime(2026, 11, 1, 9, 0))
    arq = ler(g.conteudo)
    lidos = {p.nome: p.valor for p in arq.pagamentos}
    assert lidos["ANA BENEFICIARIA"] == valor_pensao
    liquidos = sum((i.contracheque.liquido for i in folha.contracheques(s, OUTUBRO) if i.contracheque.liquido > 0),
                   Decimal(0))
    assert arq.total == g.total == liquidos + valor_pensao

    # competência fechada: nada novo nela
    with pytest.raises(ErroNegocio, match="já está fechada"):
        descontos.cadastrar_sindical(s, sid, entidade="Outro", forma="fixo", quantidade="5", inicio="10/2026")


def test_pensao_acima_do_liquido_recusada_com_os_numeros(base):
    s = base
    sid, sem = _servidor(s)
    with pytest.raises(EntradaInvalida, match="Pensão recusada .* passam do líquido"):
        descontos.cadastrar_pensao(s, sid, beneficiario="Beto", cpf=CPF_BENEFICIARIA, forma="fixo",
                                   quantidade=str(sem.proventos), processo="P-1", inicio="10/2026")
    # a pensão não volta a quem a paga: nem o CPF nem a conta de pagamento do próprio servidor
    servidor = servidores.obter(s.db, sid)
    conta = str(424242)
    dados.definir_do_servidor(s, sid, banco="001", agencia="1234", agencia_dv="3", conta=conta,
                              conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente")
    with pytest.raises(EntradaInvalida, match=r"Pensão recusada: O CPF informado .* é o do próprio servidor"):
        descontos.cadastrar_pensao(s, sid, beneficiario="Beto", cpf=servidor["cpf"], forma="bruto", quantidade="10",
                                   processo="P-2", inicio="10/2026")
    with pytest.raises(EntradaInvalida, match=r"conta 424242-\d da agência 1234 \(banco 001\) informada para a "
                                              r"pensão de Beto é a conta de pagamento do próprio servidor"):
        descontos.cadastrar_pensao(s, sid, beneficiario="Beto", cpf=CPF_BENEFICIARIA, forma="bruto", quantidade="10",
                                   processo="P-2", inicio="10/2026", banco="001", agencia="1234", agencia_dv="3",
                                   conta="0" + conta, conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente")
    with pytest.raises(EntradaInvalida, match=r"Desconto avulso recusado em 10/2026: Reposição de R\$ [\d.,]+ não cabe no "
                                              r"mês\. O líquido ficou negativo"):
        descontos.lancar_avulsa(s, sid, natureza="desconto", descricao="Reposição", fundamento="Processo adm. 9/2026",
                                valor=str(sem.proventos + 1), incide_previdencia=False, incide_irrf=False,
                                competencia="10/2026")
    assert descontos.listar(s, sid) == []
