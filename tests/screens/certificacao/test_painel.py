"""Painel da Certificação: um trabalhador percorre as seis etapas pela tela até o diploma, que é verificado."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.screens.certificacao.painel import PainelCertificacao
from desktop.services import documentos
from desktop.services.certificacao import processos
from tests.screens.apoio_tabelas import marcar_todas
from tests.services.certificacao.apoio import montar_cenario, novo_trabalhador


def test_percorre_as_etapas_ate_o_diploma(qtbot, sessao_admin, tmp_path):
    s = sessao_admin
    c = montar_cenario(s)
    t = novo_trabalhador(s)
    p = processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"])
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    aba = painel.processos
    aba.selecionar(p["id"])
    qtbot.waitUntil(lambda: (aba.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    assert aba.detalhe["proxima"].value == "acolhimento"
    aba.campos["apresentacao"].setChecked(True)
    for chave, texto in (("entrevista", "Eletricista ha 10 anos"), ("memorial", "Memorial registrado"),
                         ("orientacao", "Seguir para a avaliacao")):
        qtbot.keyClicks(aba.campos[chave], texto)
    qtbot.mouseClick(aba.botao_registrar, Qt.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None and not aba.lendo, timeout=60_000)  # grava e relê fora da interface
    assert aba.detalhe["proxima"].value == "matricula"
    qtbot.keyClicks(aba.campos["documentos"], "RG, CPF e certificado do ensino medio")
    qtbot.mouseClick(aba.botao_registrar, Qt.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None and not aba.lendo, timeout=60_000)  # grava e relê fora da interface
    aba.campos["teorico_pratica"].setChecked(True)
    aba.marcar_avaliadores("Paulo", "Sérgio")  # da equipe do PPCP (art. 24 §1º; issue 12)
    marcar_todas(qtbot, aba.avaliacao.visao, 1)  # "Reconhecida", pela barra de espaço
    qtbot.mouseClick(aba.botao_registrar, Qt.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None and not aba.lendo, timeout=60_000)  # grava e relê fora da interface
    assert aba.detalhe["resultado"] == "integral"
    # no dia do resultado o diploma só sai com a renúncia escrita ao recurso (art. 13 XI; issue 12)
    qtbot.mouseClick(aba.botao_renuncia, Qt.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible())
    dlg = aba.dialogo
    qtbot.keyClicks(dlg.termo.edit, "Termo de renuncia assinado, arquivado na pasta")
    with qtbot.waitSignal(dlg.accepted, timeout=60_000):  # grava fora da thread da interface
        qtbot.mouseClick(dlg.botao_ok, Qt.LeftButton)
    qtbot.waitUntil(lambda: not aba.lendo, timeout=30000)  # relê o processo fora da thread da interface
    assert aba.detalhe["renuncia_recurso_em"]
    qtbot.keyClicks(aba.campos["sistec_codigo"], "SISTEC-445566")
    qtbot.mouseClick(aba.botao_registrar, Qt.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None and not aba.lendo, timeout=60_000)  # grava e relê fora da interface
    assert aba.botao_salvar.isEnabled()
    qtbot.keyClicks(aba.campos["orientacao_estudos"], "Orientado sobre tecnologo e Sine")
    qtbot.mouseClick(aba.botao_registrar, Qt.LeftButton)
    qtbot.waitUntil(lambda: aba.tarefa is None and not aba.lendo, timeout=60_000)  # grava e relê fora da interface
    assert aba.detalhe["situacao"] == "concluido" and len(aba.detalhe["etapas"]) == 6
    aba.salvar_emitidos(tmp_path)
    qtbot.waitUntil(lambda: aba.arquivos_salvos is not None, timeout=10000)  # gravados fora da thread da interface
    pdfs = aba.arquivos_salvos
    assert len(pdfs) == 2
    assert all(documentos.verificar_pdf(s, c).situacao == documentos.AUTENTICO for c in pdfs)
    # documentos e acompanhamento releem fora da thread da interface
    qtbot.waitUntil(lambda: not painel.documentos.lendo and not painel.acompanhamento.lendo, timeout=30000)
    assert painel.documentos.modelo.rowCount() == 2
    assert painel.acompanhamento.grafico.valores == {"Encaminhamento": 1}
    painel.acompanhamento.exportar(tmp_path / "sistec.csv")
    qtbot.waitUntil(lambda: painel.acompanhamento.exportado is not None, timeout=30000)
    assert "SISTEC-445566" in (tmp_path / "sistec.csv").read_text(encoding="utf-8-sig")


def test_abas_com_permissao_e_alt_n(qtbot, sessao_admin, instalacao):
    """Como nos outros painéis (issue 18, item 3): abas declaradas com a permissão, Alt+1… trocam de aba, e um
    papel sem acesso à Certificação vê o aviso em vez de um painel vazio."""
    from PySide6.QtGui import QShortcut

    from desktop.rules.papeis import Papel
    from desktop.screens.certificacao.painel import ABAS
    from desktop.services import acesso

    s = sessao_admin
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    assert [painel.abas.tabText(i) for i in range(painel.abas.count())] == [a.titulo for a in ABAS]
    atalhos = {a.key().toString(): a for a in painel.findChildren(QShortcut)}
    assert sorted(atalhos) == [f"Alt+{i}" for i in range(1, len(ABAS) + 1)]
    atalhos["Alt+4"].activated.emit()
    assert painel.abas.currentWidget() is painel.processos and painel.abas.tabToolTip(3) == "Alt+4"
    atalhos["Alt+6"].activated.emit()
    assert painel.abas.currentWidget() is painel.livros
    acesso.criar_usuario(s, login="folha", nome="Rita Souza", papel=Papel.FOLHA_RH, senha="tatu-janela-rio-manga",
                         trocar_senha=False)
    s.fechar()
    rh = acesso.entrar(instalacao[0], "folha", "tatu-janela-rio-manga")
    try:
        sem = PainelCertificacao(rh)
        qtbot.addWidget(sem)
        assert sem.abas.count() == 0 and sem.processos is None
        aviso = sem.findChild(QLabel)
        assert "não dá acesso à Certificação" in aviso.text()
    finally:
        rh.fechar()
