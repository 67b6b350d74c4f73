"""Telas da folha e das tabelas: prévia, fechamento, contracheque em PDF (texto lido com pypdf) e reajuste."""
import threading
import weakref
from datetime import date
from decimal import Decimal

import pypdf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.rules.dinheiro import reais
from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services import parametros
from desktop.services.magisterio import cadastro, folha

from ..apoio_janelas import clicar_botao, quando_modal
from ..apoio_tabelas import dica, ir_para, textos

COMPETENCIA = date(2026, 10, 1)  # a demonstração tem servidores, faltas e férias em 2026


def _painel(qtbot, sessao):
    p = PainelMagisterio(sessao)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    return p


def _texto_pdf(caminho) -> str:
    return "\n".join(pagina.extract_text() for pagina in pypdf.PdfReader(str(caminho)).pages)


def test_fechar_competencia_e_abrir_o_contracheque_em_pdf(qtbot, sessao_demo, tmp_path, salvar_em):
    painel = _painel(qtbot, sessao_demo)
    aba = painel.folha
    painel.abas.setCurrentWidget(aba)
    aba.definir_competencia(COMPETENCIA)
    assert not aba.botao_fechar.isEnabled() and not aba.documentos.botao_lote.isEnabled()
    qtbot.mouseClick(aba.botao_previa, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.previa is not None, timeout=20000)
    assert aba.modelo.rowCount() == len(aba.previa.itens) > 0
    solta_em = []  # a prévia que sai com o fechamento é solta noutra thread (widgets.soltura; issue 16)
    weakref.finalize(aba.previa, lambda: solta_em.append(threading.current_thread().name))
    # a matriz de 2004 da lei (20 h e 40 h) e cada falta de outubro sem código de justificativa (art. 34)
    sem_codigo = sorted(f.matricula for f in cadastro.fichas(sessao_demo) for x in f.faltas
                        if x.codigo is None and (x.data.year, x.data.month) == (2026, 10))
    assert sem_codigo  # a demonstração tem faltas sem código em outubro
    assert sorted((p.rotulo, p.matricula) for p in aba.pendencias) == sorted(
        [("Abaixo do piso nacional", "")] * 2 + [("Falta sem código de justificativa", m) for m in sem_codigo])
    assert aba.modelo_pendencias.rowCount() == len(aba.pendencias)
    # o contracheque de um servidor, linha a linha, com o artigo
    aba.tabela.selectRow(0)
    item = aba.selecionado()
    linhas = aba.modelo_rubricas.linhas()
    assert linhas == list(item.contracheque.linhas)  # o contracheque guarda as linhas numa tupla
    vencimento = next(l for l in linhas if l.codigo == "001")
    assert vencimento.fundamento.startswith("Lei 1.613/2004")
    assert aba.modelo_rubricas.index(0, 7).data() == linhas[0].fundamento
    # fechar: confirmação (as pendências de piso são aceitas), progresso, e a competência fica imutável
    quando_modal(lambda caixa: clicar_botao(caixa, "Fechar competência"), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_fechar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.fechada is not None, timeout=20000)
    assert folha.esta_fechada(sessao_demo, COMPETENCIA)
    assert aba.previa is None
    qtbot.waitUntil(lambda: bool(solta_em))
    assert solta_em == ["paco-soltura"]
    assert "fechada" in aba.situacao.text() and not aba.botao_previa.isEnabled()
    diario = list(sessao_demo.db.query("SELECT usuario FROM diario WHERE tabela = 'magisterio_competencias'"))
    assert [d["usuario"] for d in diario] == ["admin"]
    # contracheque do servidor em PDF: salvo onde o usuário escolheu, registrado e aberto
    i = next(i for i in range(aba.proxy.rowCount())
             if aba.proxy.linha_origem(aba.proxy.index(i, 0)).servidor.matricula == item.servidor.matricula)
    aba.tabela.selectRow(i)
    gravado = aba.selecionado()
    destino = tmp_path / "contracheque.pdf"
    salvar_em.append(destino)
    qtbot.mouseClick(aba.documentos.botao_contracheque, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.documentos.ultimo_arquivo is not None, timeout=20000)
    assert aba.documentos.ultimo_arquivo == destino
    texto = _texto_pdf(destino)
    assert gravado.servidor.nome in texto
    assert "outubro de 2026" in texto.lower()
    assert "Lei 1.613/2004, art." in texto
    assert reais(gravado.contracheque.liquido)[3:] in texto
    assert any(l.descricao[:20] in texto for l in gravado.contracheque.linhas)
    documentos = list(sessao_demo.db.query("SELECT tipo FROM documentos"))
    assert {"magisterio_contracheque"} <= {d["tipo"] for d in documentos}


def test_reajuste_simula_diferencas_e_aplica_vigencia(qtbot, sessao_demo):
    painel = _painel(qtbot, sessao_demo)
    aba = painel.tabelas
    painel.abas.setCurrentWidget(aba)
    qtbot.waitUntil(lambda: not aba.lendo and aba.tarefa is None, timeout=30000)  # fora da thread da interface
    assert textos(aba.matriz.visao)[0][:2] == ["Nível 1 — 20 h", "300,00"]  # Nível 1, classe A, 20 h do Anexo I
    qtbot.mouseClick(aba.modo_percentual, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(aba.percentual.edit, "10")
    qtbot.keyClicks(aba.inicio.edit, "01/01/2027")
    qtbot.mouseClick(aba.botao_simular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.lendo and aba.tarefa is None, timeout=30000)  # fora da thread da interface
    difs = aba.modelo_dif.linhas()
    primeira = difs[0]
    assert (primeira.antes, primeira.depois, primeira.percentual) == (
        Decimal("300.00"), Decimal("330.00"), Decimal("10.00"))
    assert [aba.modelo_dif.index(0, c).data() for c in range(5)] == [
        "Nível 1, classe A, 20 h", "R$ 300,00", "R$ 330,00", "R$ 30,00", "10,00 %"]
    assert "piso" in aba.alertas.text()  # 330,00 ainda abaixo do piso nacional
    assert aba.botao_aplicar.text() == "Ap&licar a partir de 01/01/2027…"
    qtbot.keyClicks(aba.fundamento.edit, "Lei Municipal 2.345/2026, art. 1")
    quando_modal(lambda caixa: clicar_botao(caixa, "Aplicar reajuste"), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_aplicar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not aba.lendo and aba.tarefa is None, timeout=30000)  # fora da thread da interface
    vigencias = parametros.listar_vigencias(sessao_demo, "magisterio_anexo1")
    nova = vigencias[-1]
    assert str(nova["inicio"])[:10] == "2027-01-01" and "2.345/2026" in nova["fundamento"]
    assert textos(aba.matriz.visao)[0][:2] == ["Nível 1 — 20 h", "330,00"]


def test_reajuste_digitado_na_matriz_pelo_teclado(qtbot, sessao_demo):
    """Modo "Digitar os valores": a matriz é planilha (digitar edita, Enter desce, Tab anda); o que não é dinheiro
    fica vermelho com a célula e o motivo já ao digitar; o valor aceito aparece como dinheiro e a simulação usa os
    valores digitados. Fora desse modo, digitar não muda a matriz."""
    painel = _painel(qtbot, sessao_demo)
    aba = painel.tabelas
    painel.abas.setCurrentWidget(aba)
    qtbot.waitUntil(lambda: not aba.lendo and aba.tarefa is None, timeout=30000)
    vigencias = len(parametros.listar_vigencias(sessao_demo, "magisterio_anexo1"))
    t, m = aba.matriz.visao, aba.matriz.visao.model()
    ir_para(qtbot, t, 0, 1)
    qtbot.keyClicks(t, "9")  # modo "novo vencimento inicial": a matriz só se lê
    assert t.state() != t.State.EditingState and textos(t)[0][1] == "300,00"
    assert not m.flags(m.index(0, 1)) & Qt.ItemFlag.ItemIsEditable

    radio = aba.modo_celulas  # a linha inteira do formulário: o clique no círculo, à esquerda
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()
    assert m.flags(m.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(m.index(4, 7)) & Qt.ItemFlag.ItemIsEditable  # Nível Especial não tem classe G
    ir_para(qtbot, t, 0, 1)
    qtbot.keyClicks(t, "3")  # digitar abre o editor
    editor = t.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "3"
    qtbot.keyClicks(editor, "1x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter confirma e desce
    qtbot.waitUntil(lambda: t.state() != t.State.EditingState)  # o delegado confirma na volta do laço de eventos
    assert (t.currentIndex().row(), t.currentIndex().column()) == (1, 1)
    assert textos(t)[0][1] == "31x" and m.index(0, 1).data(Qt.ItemDataRole.BackgroundRole).name() == "#f8d7da"
    assert dica(t, 0, 1).startswith("Nível 1, classe A, 20 h: ")
    assert aba.erro_matriz.isVisible() and "Nível 1, classe A, 20 h" in aba.erro_matriz.text()
    qtbot.keyClicks(aba.inicio.edit, "01/01/2027")
    mensagens = []
    quando_modal(lambda caixa: (mensagens.append(caixa.text()), caixa.accept()), tipo=QMessageBox)
    qtbot.mouseClick(aba.botao_simular, Qt.MouseButton.LeftButton)  # recusado: nada simulado
    assert aba.simulacao is None and not aba.lendo and mensagens == [dica(t, 0, 1)]

    t.setFocus()
    qtbot.keyClick(t, Qt.Key.Key_Up)
    qtbot.keyClicks(t, "3")
    qtbot.keyClicks(t.focusWidget(), "10")
    qtbot.keyClick(t.focusWidget(), Qt.Key.Key_Tab)  # Tab confirma e anda para a classe B (já editando)
    qtbot.waitUntil(lambda: t.currentIndex().column() == 2)
    assert (t.currentIndex().row(), t.currentIndex().column()) == (0, 2) and t.state() == t.State.EditingState
    qtbot.keyClick(t.focusWidget(), Qt.Key.Key_Escape)
    assert textos(t)[0][1:3] == ["310,00", "315,00"] and m.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not aba.erro_matriz.isVisible()
    qtbot.mouseClick(aba.botao_simular, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.simulacao is not None and not aba.lendo, timeout=30000)
    celula = next(d for d in aba.modelo_dif.linhas() if d.descricao == "Nível 1, classe A, 20 h")
    assert (celula.antes, celula.depois, celula.diferenca) == (Decimal("300.00"), Decimal("310.00"), Decimal("10.00"))
    assert len(parametros.listar_vigencias(sessao_demo, "magisterio_anexo1")) == vigencias  # nada aplicado


def test_pendencia_que_impede_o_fechamento_abre_a_aba_das_pendencias(qtbot, sessao_demo):
    """Embaixo da lista, uma aba de cada vez (contracheque, pendências, emitidos): a prévia com uma pendência que
    impede o fechamento mostra a aba das pendências, com o título em vermelho; só aceitáveis, fica o contracheque."""
    painel = _painel(qtbot, sessao_demo)
    aba = painel.folha
    painel.abas.setCurrentWidget(aba)
    aba.definir_competencia(COMPETENCIA)
    qtbot.mouseClick(aba.botao_previa, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.previa is not None, timeout=20000)
    assert aba.pendencias and all(p.aceitavel for p in aba.pendencias)  # piso e faltas sem código
    assert aba.detalhe.currentWidget() is aba.tabela_rubricas
    assert aba.detalhe.tabBar().tabTextColor(1).name() == "#8a5a00"
    # sem titulação, o servidor não tem nível (art. 14): erro no cálculo, que impede o fechamento
    servidor = cadastro.listar_servidores(sessao_demo)[0]
    for t in cadastro.itens(sessao_demo, "titulacoes", servidor["id"]):
        cadastro.excluir(sessao_demo, "titulacoes", t["id"])
    qtbot.mouseClick(aba.botao_previa, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None and any(not p.aceitavel for p in aba.pendencias), timeout=20000)
    assert aba.detalhe.currentWidget() is aba.tabela_pendencias
    assert aba.detalhe.tabBar().tabTextColor(1).name() == "#b00020"
    assert f"Pendências ({len(aba.pendencias)})" in aba.detalhe.tabText(1).replace("&", "")
    assert any(servidor["matricula"] in aba.modelo_pendencias.index(i, 1).data()
               for i in range(aba.modelo_pendencias.rowCount()))
    # Enter numa pendência de um servidor da lista (falta sem código) volta ao contracheque dele
    visao = aba.tabela_pendencias
    linha = next(i for i in range(visao.model().rowCount())
                 if visao.model().linha_origem(visao.model().index(i, 0)).rotulo == "Falta sem código de justificativa")
    pendencia = visao.model().linha_origem(visao.model().index(linha, 0))
    visao.setFocus()
    visao.setCurrentIndex(visao.model().index(linha, 0))
    qtbot.keyClick(visao, Qt.Key.Key_Return)
    assert aba.detalhe.currentWidget() is aba.tabela_rubricas
    assert aba.selecionado().contracheque.pessoa_id == pendencia.servidor_id


def test_competencia_fechada_mostra_o_nome_de_quem_fechou(qtbot, tmp_path):
    """A competência fechada dizia "por rh" (o login); a equipe da folha quer ver quem fechou: o nome do usuário."""
    from desktop.services import acesso, demo

    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)
    s = acesso.entrar(caminho, "rh", demo.SENHA_DEMO)
    p = None
    try:
        assert s.usuario.nome and s.usuario.nome != "rh"
        folha.fechar(s, date(2026, 10, 1), aceitar_pendencias=True)
        p = _painel(qtbot, s)
        p.abas.setCurrentWidget(p.folha)
        p.folha.definir_competencia(date(2026, 10, 1))
        qtbot.waitUntil(lambda: not p.folha.carregando, timeout=15000)
        texto = p.folha.situacao.text()
        assert "fechada</b> em" in texto
        assert f"por {s.usuario.nome}." in texto and "por rh." not in texto
    finally:
        if p is not None:
            p.close()
        s.fechar()
