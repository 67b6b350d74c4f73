"""Aba Emissores: novo emissor pela tela, emissor do módulo, certificado A1 (senha errada recusada)."""
from PySide6.QtCore import Qt

from desktop.screens.widgets import avisos
from desktop.screens.administracao.emissores import AbaEmissores
from desktop.screens.administracao.painel import PainelAdministracao
from desktop.services import emissores
from tests.services.documentos.test_pades import SENHA_PFX, _pfx_de_teste


def _esperar(qtbot, tela) -> None:
    """A aba grava e lê (e o painel do emissor lê) fora da thread da interface: espera terminar."""
    qtbot.waitUntil(lambda: tela.tarefa is None and not getattr(tela, "lendo", False)
                    and not getattr(tela, "carregando", False), timeout=15000)


def test_novo_emissor_modulo_e_certificado(qtbot, sessao_admin, tmp_path, monkeypatch):
    erros = []
    monkeypatch.setattr(avisos, "erro", lambda _p, titulo, problema: erros.append(avisos.mensagem_de(problema)
                                                                                   if not isinstance(problema, str) else problema))
    aba = AbaEmissores(sessao_admin)
    qtbot.addWidget(aba)
    aba.show()
    _esperar(qtbot, aba)
    assert aba.modelo.rowCount() == 1  # o órgão, emissor de todos os módulos
    qtbot.mouseClick(aba.botao_novo, Qt.MouseButton.LeftButton)
    dlg = aba.dialogo
    for campo, texto in ((dlg.nome, "Conselho Tutelar de Jequié"), (dlg.cnpj, "34.028.316/0001-03"),
                         (dlg.municipio, "Jequié"), (dlg.uf, "ba")):
        campo.edit.setText(texto)  # keyClicks do Qt não digita letras acentuadas
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert aba.modelo.rowCount() == 2 and "cadastrado" in aba.situacao.text()
    linha = next(i for i in range(aba.proxy.rowCount()) if aba.proxy.index(i, 0).data() == "Conselho Tutelar de Jequié")
    aba.tabela.selectRow(linha)
    aba.modulo.setCurrentIndex(aba.modulo.findData("conselho"))
    qtbot.mouseClick(aba.botao_atribuir, Qt.MouseButton.LeftButton)
    _esperar(qtbot, aba)
    assert emissores.do_modulo(sessao_admin.db, "conselho").nome == "Conselho Tutelar de Jequié"
    assert aba.proxy.index(linha, 3).data() == "Conselho Tutelar"

    pfx, _ac = _pfx_de_teste()
    arquivo = tmp_path / "a1.pfx"
    arquivo.write_bytes(pfx)
    aba.instalar_certificado(arquivo, "senha-errada")
    _esperar(qtbot, aba)
    assert "Senha do certificado incorreta" in erros[-1] and "PAdES" not in aba.situacao.text()
    aba.instalar_certificado(arquivo, SENHA_PFX)
    _esperar(qtbot, aba)
    assert "PAdES" in aba.situacao.text()


def test_aba_no_painel_so_para_quem_edita_o_orgao(qtbot, sessao_admin):
    painel = PainelAdministracao(sessao_admin)
    qtbot.addWidget(painel)
    assert painel.emissores is not None


def _png(tmp_path, cor="#1f6f3f"):
    from PySide6.QtGui import QColor, QImage

    imagem = QImage(60, 60, QImage.Format.Format_RGB32)
    imagem.fill(QColor(cor))
    caminho = tmp_path / "brasao.png"
    assert imagem.save(str(caminho), "PNG")
    return caminho


def test_dois_emissores_com_brasao_signatarios_feriados_e_prazos_pela_tela(qtbot, sessao_admin, tmp_path, monkeypatch):
    """Issue 11: o Conselho Tutelar e a Secretaria na mesma instalação; pela aba, o Conselho ganha brasão,
    signatária (com o ato de designação) e um feriado municipal; os documentos e os prazos de cada um
    saem com os seus."""
    from datetime import date
    from io import BytesIO

    from pypdf import PdfReader

    from desktop.reports.conselho import documentos as pdf_conselho
    from desktop.services import documentos
    from desktop.services.conselho import comum as conselho_comum

    erros = []
    monkeypatch.setattr(avisos, "erro", lambda _p, _t, problema: erros.append(
        problema if isinstance(problema, str) else avisos.mensagem_de(problema)))
    s = sessao_admin
    ct = emissores.criar(s, nome="Conselho Tutelar de Manaus", cnpj="34.028.316/0001-03", municipio="Manaus", uf="AM")
    emissores.atribuir_modulo(s, "conselho", ct.id)
    aba = AbaEmissores(s)
    qtbot.addWidget(aba)
    aba.resize(1300, 800)
    aba.show()
    _esperar(qtbot, aba)
    linha = next(i for i in range(aba.proxy.rowCount()) if aba.proxy.index(i, 0).data() == ct.nome)
    aba.tabela.selectRow(linha)
    painel = aba.detalhe
    _esperar(qtbot, painel)
    assert painel.emissor.id == ct.id and "Manaus–AM" in painel.caixa_feriados.title()
    assert painel.brasao.text() == "Sem brasão"
    # brasão: um arquivo que não é imagem é recusado; um PNG aparece na tela e vai ao timbre
    falso = tmp_path / "falso.png"
    falso.write_bytes(b"isto nao e imagem")
    painel.definir_brasao_arquivo(falso)
    _esperar(qtbot, painel)
    assert "não é uma imagem" in erros[-1] and painel.brasao.text() == "Sem brasão"
    painel.definir_brasao_arquivo(_png(tmp_path))
    _esperar(qtbot, painel)
    assert painel.brasao.pixmap() is not None and not painel.brasao.pixmap().isNull()
    assert emissores.do_modulo(s.db, "conselho").brasao == (tmp_path / "brasao.png").read_bytes()
    # signatária com o ato de designação
    qtbot.keyClicks(painel.sig_nome, "Joana Prado")
    qtbot.keyClicks(painel.sig_cargo, "Presidente do Conselho Tutelar")
    qtbot.keyClicks(painel.sig_ato, "Portaria 12/2026")
    qtbot.mouseClick(painel.botao_signatario, Qt.MouseButton.LeftButton)
    _esperar(qtbot, painel)
    assert painel.modelo_signatarios.rowCount() == 1 and painel.sig_nome.text() == ""
    # feriado do município do Conselho (27/10, aniversário de Manaus)
    qtbot.keyClicks(painel.fer_data.edit, "27/10/2026")
    qtbot.keyClicks(painel.fer_descricao.edit, "Aniversario de Manaus")
    qtbot.mouseClick(painel.botao_feriado, Qt.MouseButton.LeftButton)
    _esperar(qtbot, painel)
    assert not erros[1:], erros
    assert painel.modelo_feriados.rowCount() == 1 and "conta nos prazos" in painel.situacao.text()
    # prazos: o Conselho conta o feriado de Manaus (e os do AM); a Secretaria (órgão, Jequié-BA), não
    util_conselho = conselho_comum.dia_util(s.db)
    assert not util_conselho(date(2026, 10, 27)) and util_conselho(date(2026, 7, 2))
    assert emissores.somar_dias_uteis(s.db, ct.id, date(2026, 10, 26), 1) == date(2026, 10, 28)
    assert emissores.somar_dias_uteis(s.db, emissores.ORGAO, date(2026, 10, 26), 1) == date(2026, 10, 27)
    # o documento do Conselho: timbre e brasão do Conselho, a signatária com o ato; o do órgão, não
    doc = pdf_conselho.DocumentoCaso("conselho_oficio", "Fiscalização 2026-2", "CMDCA", ("Comunicamos.",),
                                     ("Lei 320/2023, art. 34",), "Manaus-AM", date(2026, 10, 26), "Ana Conselheira")
    oficio = documentos.emitir(s, tipo="conselho_oficio", titulo="Ofício",
                               montar=lambda cab, rod: pdf_conselho.gerar(cab, rod, doc))
    leitor = PdfReader(BytesIO(oficio.pdf))
    texto = " ".join(" ".join(p.extract_text().split()) for p in leitor.pages)
    assert "Conselho Tutelar de Manaus" in texto and "Joana Prado" in texto
    assert "Presidente do Conselho Tutelar" in texto and "Designação: Portaria 12/2026" in texto
    assert b"/Image" in oficio.pdf  # o brasão no timbre
    declaracao = documentos.emitir(s, tipo="magisterio_declaracao", titulo="Declaração",
                                   montar=lambda cab, rod: pdf_conselho.gerar(cab, rod, doc))
    texto_orgao = " ".join(p.extract_text() for p in PdfReader(BytesIO(declaracao.pdf)).pages)
    assert "Joana Prado" not in texto_orgao and "Secretaria Municipal de Educação" in texto_orgao
    # tirar a signatária: os próximos documentos saem sem ela
    painel.tabela_signatarios.selectRow(0)
    qtbot.mouseClick(painel.botao_remover_signatario, Qt.MouseButton.LeftButton)
    _esperar(qtbot, painel)
    assert emissores.signatarios(s.db, ct.id) == []
