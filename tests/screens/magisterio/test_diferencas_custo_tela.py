"""Aba Tabelas e reajuste, quadro "Diferenças de competências já fechadas" (issue 13, item 3): a jornada de
40 h de Maria desde 01/12/2026, lançada depois do fechamento de dezembro, muda o 13º quitado nele (070 de
745,41, à mão em tests/services/magisterio/test_diferenca_13_terco.py). Pela tela: ver o custo na próxima
competência, o relatório de custo em PDF, e fechar a folha complementar vendo o custo na confirmação; depois,
a base (complementar gravada, janeiro sem a diferença) e o texto do PDF."""
from datetime import date
from decimal import Decimal

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from desktop.screens.magisterio.reajuste import AbaTabelas
from desktop.screens.widgets import avisos
from desktop.services.magisterio import cadastro, complementar, folha
from tests.services.magisterio.conftest import escolas, maria, sessao  # noqa: F401 (fixtures baratas: 1 servidora)

DEZEMBRO, JANEIRO = date(2026, 12, 1), date(2027, 1, 1)


def test_escolher_onde_pagar_vendo_o_custo(qtbot, sessao, escolas, salvar_em, tmp_path, monkeypatch):  # noqa: F811
    s = sessao
    m = maria(s, escolas)
    folha.fechar(s, DEZEMBRO, aceitar_pendencias=True)
    cadastro.adicionar(s, "jornadas", m["id"], inicio=DEZEMBRO, horas=40)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    perguntas = []

    def confirmar(_pai, titulo, texto, **k):
        perguntas.append((titulo, texto, k.get("detalhe", "")))
        return True

    monkeypatch.setattr(avisos, "confirmar", confirmar)
    aba = AbaTabelas(s)
    qtbot.addWidget(aba)
    aba.show()
    painel = aba.diferencas
    assert painel.proxima.isChecked() and painel.botao_custo.isEnabled() and not painel.botao_fechar.isEnabled()
    qtbot.keyClicks(painel.competencia.edit, "12/2026")

    # o custo se pagas na próxima competência (o padrão)
    qtbot.mouseClick(painel.botao_custo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painel.ultimo_custo is not None, timeout=60000)
    assert painel.ultimo_custo.destino == "proxima"
    texto = painel.resumo.text()
    assert "próxima competência aberta" in texto and "1 servidor(es)" in texto and "R$ 745,41" in texto
    assert "Nada foi gravado" in texto and complementar.listar(s) == []

    # a folha complementar: o relatório de custo (PDF registrado) e o fechamento com o custo na pergunta
    qtbot.mouseClick(painel.folha_complementar, Qt.MouseButton.LeftButton)
    assert painel.modo() == "complementar" and painel.botao_fechar.isEnabled()
    relatorio = tmp_path / "custo.pdf"
    salvar_em.append(relatorio)
    qtbot.mouseClick(painel.botao_relatorio, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painel.ultimo_relatorio is not None, timeout=60000)
    pdf = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(relatorio)).pages).split())
    assert "Custo das diferenças de competências fechadas até 12/2026" in pdf
    assert "Maria da Silva Souza" in pdf and "745,41" in pdf and "folha complementar" in pdf and "070" in pdf
    assert [r["tipo"] for r in s.db.query("SELECT tipo FROM documentos WHERE tipo LIKE '%custo%'")] == [
        "magisterio_custo_diferencas"]

    painel.ultimo_custo = None
    qtbot.mouseClick(painel.botao_fechar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: painel.ultima_fechada is not None, timeout=60000)
    titulo, _texto, detalhe = perguntas[-1]
    assert titulo == "Fechar folha complementar" and "na folha complementar" in detalhe and "R$ 745,41" in detalhe
    # gravado: a complementar de 12/2026 com a 070 e o RPPS do 13º (745,41 − 104,36 = 641,05)
    assert [(c["competencia"], c["servidores"], c["liquido"]) for c in complementar.listar(s)] == [
        (DEZEMBRO, 1, Decimal("641.05"))]
    linhas = complementar.contracheques(s, DEZEMBRO)[0].contracheque.linhas
    assert [(l.codigo, l.valor) for l in linhas] == [("070", Decimal("745.41")), ("211", Decimal("104.36"))]
    assert not [l for i in folha.previa(s, JANEIRO).itens for l in i.contracheque.linhas if l.codigo == "070"]
