"""Aba Remuneração do Conselho (issue 13, item 8): a competência da folha dos conselheiros pelos botões da tela —
opções do mês, prévia, fechar, contracheque em PDF, arquivo do banco (relido pelo farialimer e pelo leitor
FEBRABAN dos testes), eventos do eSocial (validados nos XSD oficiais de resources/esocial/xsd) e reabrir com
motivo — conferidos na base."""
import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop import PASTA_RECURSOS
from desktop.rules.pagamento.banco import dv_modulo11_bb
from desktop.rules.pagamento.cnab240 import alfa
from desktop.rules.pagamento.esocial import EVENTOS, VERSAO
from desktop.screens.conselho.funcionamento.remuneracao import AbaRemuneracao
from desktop.services.conselho import folha, mandatos
from desktop.services.pagamento import dados, remessa
from tests.services.conselho.conftest import FIM, INICIO, NOMES
from tests.services.pagamento.leitor_cnab240 import ler
from tests.services.pagamento.test_remessa import _farialimer

from ..apoio_janelas import digitar

CPFS = ["529.982.247-25", "111.444.777-35", "390.533.447-05", "123.456.789-09", "987.654.321-00"]
_FALTA_ASSINATURA = "Expected is ( {http://www.w3.org/2000/09/xmldsig#}Signature )"


def _xsd_erros(nome: str, xml: bytes) -> list[str]:
    """Valida com o XSD oficial vendorizado, sem passar pelo validador do serviço (só a assinatura, que o
    programa de transmissão do órgão faz, pode faltar)."""
    evento = "-".join(nome.split("-")[:2])
    esquema = etree.XMLSchema(etree.parse(str(PASTA_RECURSOS / "esocial" / "xsd" / VERSAO / f"{EVENTOS[evento]}.xsd")))
    esquema.validate(etree.fromstring(xml))
    return [e.message for e in esquema.error_log if _FALTA_ASSINATURA not in e.message]


def test_competencia_dos_conselheiros_pela_tela(qtbot, sessao_admin, tmp_path, monkeypatch):
    s = sessao_admin
    comp = date(2024, 3, 1)
    conselho = []
    for n, nome in enumerate(NOMES[:5]):
        cid = mandatos.cadastrar_conselheiro(s, nome=nome, condicao="titular", ordem=n + 1, inicio_mandato=INICIO,
                                             fim_mandato=FIM, cpf=CPFS[n])["id"]
        conselho.append(cid)
        conta = f"{700 + n}"
        dados.definir_do_conselheiro(s, cid, banco="001", agencia="1234", agencia_dv="3", conta=conta,
                                     conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente")
    remessa.definir_convenio(s, "conselho", "001", convenio="000777", agencia="0001", agencia_dv="9",
                             conta="210169", conta_dv="6")
    destinos = {"pdf": tmp_path / "cc.pdf", "rem": tmp_path / "ct.rem", "zip": tmp_path / "esocial.zip"}

    def _salvar(_pai, _titulo, sugestao, filtro):
        chave = "pdf" if "pdf" in filtro else "rem" if "rem" in filtro else "zip"
        return str(destinos[chave]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(_salvar))
    aba = AbaRemuneracao(s)
    qtbot.addWidget(aba)
    aba.show()
    aba.mes.setValue(3)
    aba.ano.setValue(2024)
    painel = aba.competencia_folha
    qtbot.waitUntil(lambda: "aberta" in painel.situacao.text() and painel.botao_fechar.isEnabled())
    assert not aba.botao_banco.isEnabled() and not aba.botao_emitir.isEnabled()  # só da competência fechada

    # férias de Bruno no mês (terço constitucional): a opção vale para a prévia e para o fechamento
    qtbot.waitUntil(lambda: aba.conselheiro.findData(conselho[1]) >= 0)
    aba.conselheiro.setCurrentIndex(aba.conselheiro.findData(conselho[1]))
    aba.ferias.setValue(30)
    qtbot.mouseClick(aba.botao_calcular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Bruno" in aba.previa.toPlainText())
    qtbot.mouseClick(painel.botao_previa, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Prévia da folha — 03/2024" in aba.previa.toPlainText(), timeout=20000)
    previa = folha.previa(s, comp, {conselho[1]: {"ferias_dias": 30}})
    assert "5 conselheiro(s)" in aba.previa.toPlainText()

    qtbot.mouseClick(painel.botao_fechar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "fechada" in painel.situacao.text(), timeout=20000)
    qtbot.waitUntil(aba.botao_banco.isEnabled)
    assert painel.botao_reabrir.isEnabled() and not painel.botao_fechar.isEnabled()
    k = s.db.execute("SELECT situacao, conselheiros, liquido FROM conselho_competencias WHERE competencia = '2024-03'"
                     ).fetchone()
    assert (k[0], k[1], Decimal(k[2]) / 100) == ("fechada", 5, previa.liquido)
    gravados = {i.identificacao["nome"]: i for i in folha.contracheques(s, comp)}
    assert gravados["Bruno Carvalho Lima"].identificacao["opcoes"] == {"ferias_dias": 30}
    assert {n: i.contracheque.linhas for n, i in gravados.items()} == \
        {i.identificacao["nome"]: i.contracheque.linhas for i in previa.itens}

    # o contracheque em PDF sai do gravado
    qtbot.mouseClick(aba.botao_emitir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "código de verificação" in aba.mensagem.text(), timeout=20000)
    assert destinos["pdf"].read_bytes().startswith(b"%PDF")

    # o arquivo do banco: cada líquido gravado, lido de volta por dois leitores que não são o gerador
    qtbot.mouseClick(aba.botao_banco, Qt.MouseButton.LeftButton)
    dlg = aba.gerador.dialogo
    qtbot.waitUntil(dlg.isVisible)
    qtbot.waitUntil(lambda: dlg.convenio.texto() == "000777" and dlg.conta.texto() == "210169")
    pagamento = date.today() + timedelta(days=4)
    dlg.data.edit.clear()
    digitar(qtbot, dlg.data.edit, f"{pagamento:%d/%m/%Y}")
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Arquivo do banco" in aba.mensagem.text(), timeout=20000)
    esperado = {alfa(n, 30).strip(): i.contracheque.liquido for n, i in gravados.items()}
    conteudo = destinos["rem"].read_bytes()
    arq = ler(conteudo)
    assert {p.nome: p.valor for p in arq.pagamentos} == esperado
    assert arq.total == sum(esperado.values()) == previa.liquido
    tipos, lidos = _farialimer(conteudo, "bb")
    assert {r["nome_favorecido"]: Decimal(int(r["valor_pagamento"])) / 100
            for r, t in zip(lidos, tipos) if t == "3A"} == esperado
    assert sum(Decimal(int(r["somatoria_valores"])) / 100 for r, t in zip(lidos, tipos) if t == "5") == previa.liquido

    # os eventos do eSocial da competência fechada, cada XML válido no XSD oficial
    qtbot.mouseClick(aba.botao_esocial, Qt.MouseButton.LeftButton)
    dlg = aba.gerador.dialogo
    qtbot.waitUntil(dlg.isVisible)
    dlg.data.edit.clear()
    digitar(qtbot, dlg.data.edit, f"{pagamento:%d/%m/%Y}")
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "eSocial salvos" in aba.mensagem.text(), timeout=60000)
    with zipfile.ZipFile(io.BytesIO(destinos["zip"].read_bytes())) as z:
        eventos = {n: z.read(n) for n in z.namelist()}
    assert sum(n.startswith("S-1200") for n in eventos) == sum(n.startswith("S-1210") for n in eventos) == 5
    assert sum(n.startswith("S-1299") for n in eventos) == 1
    for nome, xml in eventos.items():
        assert _xsd_erros(nome, xml) == [], nome
    ns = "{http://www.esocial.gov.br/schema/evt/evtPgtos/v_S_01_03_00}"
    liquidos = [Decimal(v.text) for n, x in eventos.items() if n.startswith("S-1210")
                for v in etree.fromstring(x).iter(f"{ns}vrLiq")]
    assert sum(liquidos) == previa.liquido

    # reabrir pede o motivo; vai ao diário e apaga o gravado
    qtbot.mouseClick(painel.botao_reabrir, Qt.MouseButton.LeftButton)
    dlg = painel.dialogo
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClicks(dlg.motivo.edit, "erro")
    assert not dlg.botao_ok.isEnabled() and "15 caracteres" in dlg.motivo.erro.text()
    dlg.motivo.edit.clear()
    digitar(qtbot, dlg.motivo.edit, "Afastamento de março lançado depois")
    qtbot.waitUntil(dlg.botao_ok.isEnabled)
    with qtbot.waitSignal(dlg.accepted, timeout=20000):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "aberta" in painel.situacao.text(), timeout=20000)
    assert not aba.botao_banco.isEnabled() and painel.botao_fechar.isEnabled()
    assert s.db.execute("SELECT motivo FROM conselho_reaberturas").fetchall() == [("Afastamento de março lançado depois",)]
    assert s.db.execute("SELECT count(*) FROM conselho_folha_contracheques").fetchone()[0] == 0
    assert Path(destinos["pdf"]).exists()
