"""Telas do cadastro do magistério: novo servidor, titulação na ficha e linha do tempo, importação."""
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services.magisterio import cadastro

from ..apoio_janelas import clicar_botao, digitar, esperar_gravacao, esperar_leituras, quando_modal


def _painel(qtbot, sessao):
    p = PainelMagisterio(sessao)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitUntil(lambda: not p.servidores.carregando, timeout=15000)  # a lista chega em segundo plano
    return p


def _selecionar(qtbot, aba, nome):
    for i in range(aba.proxy.rowCount()):
        if aba.proxy.linha_origem(aba.proxy.index(i, 0))["nome"] == nome:
            rect = aba.tabela.visualRect(aba.proxy.index(i, 0))
            qtbot.mouseClick(aba.tabela.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{nome} não está na tabela")


def test_novo_servidor_pelo_dialogo_grava_e_vai_ao_diario(qtbot, sessao_demo):
    painel = _painel(qtbot, sessao_demo)
    aba = painel.servidores
    qtbot.mouseClick(aba.botao_novo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)  # lê antes de abrir
    dlg = aba.dialogo
    digitar(qtbot, dlg.nome.edit, "Luíza Conceição Ramos")
    qtbot.keyClicks(dlg.cpf.edit, "111.444.777-00")
    assert "CPF" in dlg.cpf.erro.text() and dlg.cpf.erro.isVisible()  # dígito verificador errado
    dlg.cpf.edit.clear()
    qtbot.keyClicks(dlg.cpf.edit, "111.444.777-35")
    assert not dlg.cpf.erro.isVisible()
    qtbot.keyClicks(dlg.matricula.edit, "20500")
    qtbot.keyClicks(dlg.admissao.edit, "31/02/2015")
    assert dlg.admissao.erro.isVisible() and not dlg.botao_ok.isEnabled()
    dlg.admissao.edit.clear()
    qtbot.keyClicks(dlg.admissao.edit, "02/03/2015")
    dlg.jornada.setCurrentIndex(dlg.jornada.findData(40))
    dlg.escola.setCurrentIndex(dlg.escola.findText("Escola Municipal Rui Barbosa"))
    assert dlg.botao_ok.isEnabled()
    with qtbot.waitSignal(dlg.finished):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    [s] = cadastro.listar_servidores(sessao_demo, matricula="20500")
    assert (s["nome"], s["cpf"], s["cargo"], s["jornada"], s["unidade_nome"]) == (
        "Luíza Conceição Ramos", "11144477735", "professor", 40, "Escola Municipal Rui Barbosa")
    diario = list(sessao_demo.db.query(
        "SELECT usuario FROM diario WHERE tabela = 'magisterio_servidores' AND registro_id = ? AND acao = 'inserir'",
        [s["id"]]))
    assert [d["usuario"] for d in diario] == ["admin"]
    # a lista mostra o servidor novo, selecionado, com a situação de hoje (licenciatura plena = Nível 3)
    qtbot.waitUntil(lambda: aba.selecionado() is not None and aba.selecionado()["id"] == s["id"], timeout=15000)
    i = next(i for i in range(aba.proxy.rowCount()) if aba.proxy.linha_origem(aba.proxy.index(i, 0))["id"] == s["id"])
    # a situação é calculada em segundo plano (issue 16): "calculando…" até chegar
    assert aba.proxy.index(i, 5).data() in ("calculando…",) or aba.proxy.index(i, 5).data().startswith("Nível 3")
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    assert aba.proxy.index(i, 5).data().startswith("Nível 3 · classe")
    # o filtro ignora acentos
    qtbot.keyClicks(aba.filtro, "luiza conceicao")
    assert aba.proxy.rowCount() == 1


def test_titulacao_na_ficha_atualiza_linha_do_tempo(qtbot, sessao_demo):
    sid = cadastro.cadastrar_servidor(sessao_demo, nome="Otávio Reis", cpf="529.982.247-25", matricula="30001",
                                      cargo="professor", admissao=date(2012, 3, 1), jornada=20,
                                      titulo="licenciatura_plena")["id"]
    painel = _painel(qtbot, sessao_demo)
    aba = painel.servidores
    aba.recarregar(sid)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    qtbot.mouseClick(aba.botao_ficha, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)  # lê antes de abrir
    ficha = aba.dialogo
    qtbot.waitUntil(lambda: not ficha.lendo, timeout=15000)  # a ficha lê fora da thread da interface
    assert "Nível 3" in ficha.situacao.text()
    assert not any("Nível 4" in m.descricao for m in ficha.eventos())
    titulacoes = ficha.historicos["titulacoes"]
    ficha.abas.setCurrentWidget(titulacoes)
    qtbot.mouseClick(titulacoes.botao_adicionar, Qt.MouseButton.LeftButton)
    dlg = titulacoes.dialogo
    qtbot.waitUntil(dlg.isVisible)
    dlg.widgets["titulo"].setCurrentIndex(dlg.widgets["titulo"].findData("pos_lato_sensu"))
    qtbot.keyClicks(dlg.widgets["data_requerimento"].edit, "10/06/2099")  # no futuro: o serviço recusa
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    esperar_gravacao(qtbot, dlg)
    assert dlg.isVisible() and "está no futuro" in dlg.rotulo_erro.text()
    dlg.widgets["data_requerimento"].edit.clear()
    qtbot.keyClicks(dlg.widgets["data_requerimento"].edit, "10/06/2020")
    digitar(qtbot, dlg.widgets["curso"].edit, "Especialização em Alfabetização")
    qtbot.keyClicks(dlg.widgets["carga_horaria"].edit, "420")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    assert [t["titulo"] for t in cadastro.itens(sessao_demo, "titulacoes", sid)] == [
        "licenciatura_plena", "pos_lato_sensu"]
    qtbot.waitUntil(lambda: not titulacoes.carregando, timeout=15000)  # a lista é relida fora da interface
    assert titulacoes.modelo.rowCount() == 2
    qtbot.waitUntil(lambda: not ficha.lendo, timeout=15000)  # a ficha lê fora da thread da interface
    nivel4 = [m for m in ficha.eventos() if "Nível 4" in m.descricao]
    assert [(m.data, m.fundamento) for m in nivel4] == [(date(2020, 6, 10), "Lei 1.613/2004, arts. 14 IV e 19 §2º")]
    assert "Nível 4" in ficha.situacao.text()
    ficha.reject()
    esperar_leituras(qtbot)  # a aba Servidores relê ao fechar a ficha


def test_desligar_pede_confirmacao(qtbot, sessao_demo):
    painel = _painel(qtbot, sessao_demo)
    aba = painel.servidores
    alvo = aba.modelo.linha(0)
    _selecionar(qtbot, aba, alvo["nome"])
    qtbot.mouseClick(aba.botao_desligar, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    qtbot.keyClicks(dlg.data.edit, "31/10/2026")
    dlg.motivo.setCurrentIndex(dlg.motivo.findData("aposentadoria"))
    quando_modal(lambda caixa: clicar_botao(caixa, "Desligar"), tipo=QMessageBox)
    with qtbot.waitSignal(dlg.finished):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    s = cadastro.obter(sessao_demo, alvo["id"])
    assert s["desligamento"] == date(2026, 10, 31) and s["motivo_desligamento"] == "aposentadoria"
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)  # a lista é relida em segundo plano
    assert all(x["id"] != alvo["id"] for x in aba.modelo.linhas())  # sai da lista de ativos


def test_importar_planilha_com_uma_linha_ruim(qtbot, sessao_demo, tmp_path, salvar_em):
    planilha = tmp_path / "servidores.csv"
    planilha.write_text(
        "Nome;CPF;Matrícula;Cargo;Admissão;Jornada;Titulação;Escola\n"
        "Rosa Amélia Prado;390.533.447-05;40001;Professor;01/03/2010;20;Licenciatura plena;Escola Municipal Castro Alves\n"
        "Tiago Nunes Sá;123.456.789-00;40002;Professor;01/03/2011;40;Licenciatura plena;Escola Municipal Castro Alves\n"
        "Vera Lúcia Dias;111.444.777-35;40003;Pedagogo;15/02/2012;40;Especialização;\n",
        encoding="utf-8")
    painel = _painel(qtbot, sessao_demo)
    aba = painel.importar
    painel.abas.setCurrentWidget(aba)
    salvar_em.append(planilha)
    qtbot.mouseClick(aba.botao_escolher, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.relatorio is not None, timeout=10000)
    erros = [r for r in aba.modelo.linhas() if r["situacao"] == "erro"]
    assert [(r["linha"], r["coluna"]) for r in erros] == [(3, "CPF")]
    assert "2 pronta(s) para importar, 1 com erro" in aba.resumo.text()
    assert aba.botao_importar.text() == "&Importar 2 linha(s) válida(s)"
    # o relatório vai para um CSV
    relatorio = tmp_path / "relatorio.csv"
    salvar_em.append(relatorio)
    qtbot.mouseClick(aba.botao_salvar, Qt.MouseButton.LeftButton)
    # montado e gravado fora da thread da interface
    qtbot.waitUntil(lambda: f"Relatório salvo em {relatorio}" in aba.resumo.text(), timeout=15000)
    assert "3;erro;CPF;" in relatorio.read_text(encoding="utf-8-sig")
    quando_modal(lambda caixa: clicar_botao(caixa, "Importar"), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_importar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.resultado is not None, timeout=10000)
    assert "2 servidor(es) importado(s)" in aba.resumo.text()
    matriculas = {s["matricula"] for s in cadastro.listar_servidores(sessao_demo)}
    assert {"40001", "40003"} <= matriculas and "40002" not in matriculas


def test_baixar_modelo(qtbot, sessao_demo, tmp_path, salvar_em):
    painel = _painel(qtbot, sessao_demo)
    destino = tmp_path / "modelo.csv"
    salvar_em.append(destino)
    qtbot.mouseClick(painel.importar.botao_modelo, Qt.MouseButton.LeftButton)
    # grava fora da thread da interface
    qtbot.waitUntil(lambda: f"Modelo salvo em {destino}" in painel.importar.resumo.text(), timeout=15000)
    assert destino.read_text(encoding="utf-8-sig").startswith("Nome;CPF;Matrícula;Cargo")


def test_analise_da_planilha_com_progresso_e_cancelar(qtbot, sessao_demo, tmp_path):
    """A análise roda fora da thread da tela com o diálogo de progresso; Cancelar para e nada é gravado."""
    from desktop.rules.validacao import formatar_cpf
    from desktop.services.demo import cpf_ficticio
    import random
    rnd = random.Random(5)
    linhas = [f"Pessoa {i};{formatar_cpf(cpf_ficticio(rnd))};{60000 + i};Professor;01/03/2010;20;Licenciatura plena;"
              for i in range(3000)]
    planilha = tmp_path / "grande.csv"
    planilha.write_text("Nome;CPF;Matrícula;Cargo;Admissão;Jornada;Titulação;Escola\n" + "\n".join(linhas),
                        encoding="utf-8")
    painel = _painel(qtbot, sessao_demo)
    aba = painel.importar
    antes = sessao_demo.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    aba.analisar(planilha)
    dialogo = aba.tarefa.dialogo
    assert dialogo.labelText().startswith("Conferindo a planilha")
    dialogo.canceled.emit()  # o que o botão Cancelar do diálogo emite
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=20000)
    assert aba.relatorio is None and "Análise cancelada" in aba.resumo.text()
    assert sessao_demo.db.execute("SELECT count(*) FROM diario").fetchone()[0] == antes
    aba.analisar(planilha)  # sem cancelar: o relatório chega, com o progresso até o fim
    qtbot.waitUntil(lambda: aba.relatorio is not None, timeout=60000)
    assert "3000 linha(s) lida(s): 3000 pronta(s)" in aba.resumo.text()


def test_novo_servidor_recusa_ingresso_no_quadro_em_extincao_enquanto_escolhe(qtbot, sessao_demo):
    """Auxiliar de ensino com admissão em 2015: o diálogo diz, ao lado dos campos e com o artigo, que o cargo está em
    extinção desde a lei (arts. 14 §2º e 69) e não deixa cadastrar; antes gravava. Voltando a professor com
    licenciatura curta, o motivo muda (arts. 14 §1º e 71); com licenciatura plena, cadastra."""
    painel = _painel(qtbot, sessao_demo)
    aba = painel.servidores
    qtbot.mouseClick(aba.botao_novo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)
    dlg = aba.dialogo
    digitar(qtbot, dlg.nome.edit, "Rita Nova Leiga")
    qtbot.keyClicks(dlg.cpf.edit, "111.444.777-35")
    qtbot.keyClicks(dlg.matricula.edit, "20600")
    qtbot.keyClicks(dlg.admissao.edit, "02/03/2015")
    assert dlg.botao_ok.isEnabled() and not dlg.erro_ingresso.isVisible()
    dlg.cargo.setCurrentIndex(dlg.cargo.findText("Auxiliar de Ensino"))
    dlg.titulo.setCurrentIndex(dlg.titulo.findData("leigo"))
    assert dlg.erro_ingresso.isVisible() and not dlg.botao_ok.isEnabled()
    assert "arts. 14 §2º e 69" in dlg.erro_ingresso.text() and "02/03/2015" in dlg.erro_ingresso.text()
    qtbot.keyClick(dlg.botao_ok, Qt.Key.Key_Return)  # desabilitado: nada é gravado
    assert cadastro.listar_servidores(sessao_demo, matricula="20600") == []
    dlg.cargo.setCurrentIndex(dlg.cargo.findText("Professor"))
    dlg.titulo.setCurrentIndex(dlg.titulo.findData("licenciatura_curta"))
    assert "arts. 14 §1º e 71" in dlg.erro_ingresso.text() and not dlg.botao_ok.isEnabled()
    # admissão antes da publicação: enquadrado no Nível 2 (art. 67), aceito
    dlg.admissao.edit.clear()
    qtbot.keyClicks(dlg.admissao.edit, "02/03/2001")
    assert not dlg.erro_ingresso.isVisible() and dlg.botao_ok.isEnabled()
    dlg.admissao.edit.clear()
    qtbot.keyClicks(dlg.admissao.edit, "02/03/2015")
    dlg.titulo.setCurrentIndex(dlg.titulo.findData("licenciatura_plena"))
    assert not dlg.erro_ingresso.isVisible() and dlg.botao_ok.isEnabled()
    with qtbot.waitSignal(dlg.finished):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    [s] = cadastro.listar_servidores(sessao_demo, matricula="20600")
    assert (s["cargo"], s["admissao"]) == ("professor", date(2015, 3, 2))


def test_enter_na_lista_de_servidores_abre_a_ficha(qtbot, sessao_demo):
    """Pelo teclado: setas até o servidor e Enter abrem a ficha dele (antes só o duplo clique ou Alt+F); o duplo clique
    continua abrindo uma ficha só."""
    painel = _painel(qtbot, sessao_demo)
    aba = painel.servidores
    aba.tabela.setFocus()
    aba.tabela.selectRow(0)
    qtbot.keyClick(aba.tabela, Qt.Key.Key_Down)
    escolhido = aba.selecionado()
    assert escolhido is not None and escolhido["id"] == aba.proxy.linha_origem(aba.proxy.index(1, 0))["id"]
    qtbot.keyClick(aba.tabela, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)
    ficha = aba.dialogo
    assert ficha.servidor_id == escolhido["id"] and escolhido["nome"] in ficha.windowTitle()
    ficha.reject()
    esperar_leituras(qtbot)
    qtbot.waitUntil(lambda: aba.dialogo is None and not aba.carregando, timeout=15000)
    rect = aba.tabela.visualRect(aba.proxy.index(0, 0))
    qtbot.mouseClick(aba.tabela.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # o duplo clique de
    qtbot.mouseDClick(aba.tabela.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # verdade: clique e duplo
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=15000)
    esperar_leituras(qtbot)
    from desktop.screens.magisterio.ficha import DialogoFicha
    from PySide6.QtWidgets import QApplication
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, DialogoFicha) and w.isVisible()]) == 1
    aba.dialogo.reject()
    esperar_leituras(qtbot)
