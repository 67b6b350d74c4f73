"""Aba Simulador: "e se eu concluir a especialização?" mostra a rubrica 009 com 15 % e o art. 47 (e o complemento do
salário mínimo que ela absorve), sem gravar nada."""
from datetime import date

from PySide6.QtCore import Qt

from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services.magisterio import cadastro

from ..apoio_janelas import digitar


def _servidora(sessao):
    escola = cadastro.cadastrar_escola(sessao, nome="Escola Municipal Castro Alves", bairro="Centro", porte="grande",
                                       desde=date(2000, 1, 1))
    return cadastro.cadastrar_servidor(sessao, nome="Maria da Silva Souza", cpf="529.982.247-25", matricula="1001",
                                       cargo="professor", admissao=date(2001, 3, 1), jornada=20,
                                       titulo="licenciatura_plena", escola_id=escola["id"])


def test_e_se_eu_concluir_a_especializacao(qtbot, sessao_admin):
    sid = _servidora(sessao_admin)["id"]
    diario_antes = sessao_admin.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    painel = PainelMagisterio(sessao_admin)
    qtbot.addWidget(painel)
    painel.show()
    aba = painel.simulador
    painel.abas.setCurrentWidget(aba)
    aba.escolher_servidor(sid)
    aba.data.edit.clear()
    digitar(qtbot, aba.data.edit, "10/08/2026")
    aba.tipo.setCurrentIndex(1)  # novo curso
    aba.detalhe.setCurrentIndex(aba.detalhe.findData("especializacao"))
    aba.horas.setValue(360)
    digitar(qtbot, aba.desde.edit, "01/07/2026")
    qtbot.mouseClick(aba.botao_acrescentar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.lendo, timeout=15000)  # conferida fora da thread da interface
    assert aba.lista.count() == 1 and "especializacao (360 h)" in aba.lista.item(0).text()
    qtbot.mouseClick(aba.botao_simular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.simulacao is not None)
    linhas = aba.modelo.linhas()
    esp = next(l for l in linhas if l["codigo"] == "009")
    assert esp["atual"] == 0 and esp["simulado"] > 0
    assert "15 %" in esp["descricao"] and esp["fundamento"] == "Lei 1.613/2004, arts. 46 e 47"
    i = linhas.index(esp)
    assert aba.modelo.index(i, 5).data() == "Lei 1.613/2004, arts. 46 e 47"
    # Na tabela de 2004, a servidora de 20 h está abaixo do salário mínimo de 2026: o complemento (050,
    # CF art. 7º IV; STF, Súmula Vinculante 16) diminui exatamente o que a especialização acrescenta, e o
    # líquido não muda — a tela mostra as duas linhas e diz que não há diferença.
    comp = [l for l in linhas if l["codigo"] == "050"]
    assert sum(l["atual"] for l in comp) - sum(l["simulado"] for l in comp) == esp["simulado"], comp
    assert "sem diferença" in aba.resumo.text() and "Nada foi gravado" in aba.resumo.text()
    assert "Nível 3" in aba.situacoes.text()
    assert sessao_admin.db.execute("SELECT count(*) FROM diario").fetchone()[0] == diario_antes
    assert cadastro.itens(sessao_admin, "cursos", sid) == []


def test_nova_titulacao_comeca_na_especializacao_e_leva_ao_nivel_4(qtbot, sessao_admin):
    """'Nova titulação' começava em 'leigo (sem habilitação)' — Acrescentar dava a recusa do art. 69 — e oferecia
    estudos adicionais e licenciatura curta, que depois da lei não mudam o nível (art. 14 §§1º e 2º). Agora começa
    na pós-graduação lato sensu e a simulação mostra o Nível 4 (art. 14 IV) a partir do requerimento."""
    sid = _servidora(sessao_admin)["id"]
    painel = PainelMagisterio(sessao_admin)
    qtbot.addWidget(painel)
    painel.show()
    aba = painel.simulador
    painel.abas.setCurrentWidget(aba)
    aba.escolher_servidor(sid)
    aba.tipo.setCurrentIndex(aba.tipo.findText("Nova titulação"))
    titulos = [aba.detalhe.itemData(i) for i in range(aba.detalhe.count())]
    assert aba.detalhe.currentData() == "pos_lato_sensu"
    assert not {"leigo", "estudos_adicionais", "licenciatura_curta"} & set(titulos)
    assert aba.desde.edit.width() - 16 >= aba.desde.edit.fontMetrics().horizontalAdvance("a partir de dd/mm/aaaa")
    aba.data.edit.clear()
    digitar(qtbot, aba.data.edit, "10/08/2026")
    digitar(qtbot, aba.desde.edit, "01/07/2026")
    qtbot.mouseClick(aba.botao_acrescentar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.lendo, timeout=15000)
    assert aba.lista.count() == 1
    qtbot.mouseClick(aba.botao_simular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.simulacao is not None)
    assert "Nível 4" in aba.situacoes.text()
    venc = [l for l in aba.modelo.linhas() if l["codigo"] == "001"]
    assert any("Nível 4" in l["descricao"] and l["simulado"] > 0 and not l["atual"] for l in venc), venc
    assert cadastro.itens(sessao_admin, "titulacoes", sid)[-1]["titulo"] == "licenciatura_plena"  # nada gravado
