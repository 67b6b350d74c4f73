"""Formulários da Certificação pela tela: instituição → curso → PPCP → oferta → trabalhador → inscrição,
o recurso (art. 13 XI), o filtro de período e o cancelamento de via sem permissão; conferindo a base e o diário."""
from datetime import date, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.rules.papeis import Papel
from desktop.screens.certificacao.dialogos_cadastro import NOVA_UNIDADE
from desktop.screens.certificacao.painel import PainelCertificacao
from desktop.services import acesso, documentos
from desktop.services.certificacao import processos
from tests.screens.apoio_janelas import digitar
from tests.screens.apoio_tabelas import editar_celula
from tests.services.certificacao.apoio import (ACOLHIMENTO, AVALIACAO, CONTEUDOS_OFERTA, CONTEUDOS_PPCP, MATRICULA,
                                               ate_avaliacao, montar_cenario, novo_trabalhador)

HOJE = date.today()
ESPERA = 60_000  # ms: os diálogos gravam fora da thread da interface (DialogoFormulario.chamada); a máquina de testes é lenta


def br(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@pytest.fixture
def salvar_em(monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    respostas: list = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(respostas.pop(0)), "")))
    return respostas


@pytest.fixture
def painel(qtbot, sessao_admin):
    p = PainelCertificacao(sessao_admin)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    return p


def lida(qtbot, *telas) -> None:
    """Espera as listas lidas fora da thread da interface (comum.ler) chegarem à aba ou ao diálogo."""
    qtbot.waitUntil(lambda: not any(getattr(t, "lendo", False) for t in telas), timeout=30000)


def abrir(qtbot, botao, aba):
    lida(qtbot, aba)  # a aba relê a lista fora da thread da interface (a escolha volta ao chegar)
    assert botao.isEnabled()
    qtbot.mouseClick(botao, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible(), timeout=30000)
    lida(qtbot, aba.dialogo)  # as listas do diálogo (cursos, PPCPs, unidades…) também
    return aba.dialogo


def confirmar(qtbot, dlg):
    assert dlg.botao_ok.isEnabled(), [c.mensagem_erro() for c in dlg._campos]
    with qtbot.waitSignal(dlg.accepted, timeout=ESPERA):  # o serviço roda fora da thread da interface
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    return dlg.resultado


def recusado(qtbot, dlg, trecho):
    assert dlg.botao_ok.isEnabled()
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.tarefa is None and dlg.rotulo_erro.isVisible(), timeout=ESPERA)
    assert dlg.isVisible() and dlg.rotulo_erro.isVisible()
    assert trecho in dlg.rotulo_erro.text(), dlg.rotulo_erro.text()


def conta(s, tabela):
    return s.db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]


def test_do_curso_a_inscricao_pelos_dialogos(qtbot, painel, sessao_admin, salvar_em, tmp_path):
    s = sessao_admin
    # Instituição, adesão e unidade nova
    ai = painel.instituicao
    dlg = abrir(qtbot, ai.botao_nova, ai)
    digitar(qtbot, dlg.nome.edit, "Instituto Federal de Teste")
    digitar(qtbot, dlg.orgao.edit, "Ministério da Educação")
    dlg.sistema.setCurrentIndex(dlg.sistema.findData("federal"))
    inst = confirmar(qtbot, dlg)
    dlg = abrir(qtbot, ai.botao_adesao, ai)
    qtbot.keyClicks(dlg.termo.edit, "31/02/2024")
    assert dlg.termo.erro.isVisible() and not dlg.botao_ok.isEnabled()  # data inexistente
    dlg.termo.edit.clear()
    for campo, d in ((dlg.termo, HOJE - timedelta(days=200)), (dlg.regulamentacao, HOJE - timedelta(days=190)),
                     (dlg.sistec, HOJE - timedelta(days=180))):
        qtbot.keyClicks(campo.edit, br(d))
    confirmar(qtbot, dlg)
    dlg = abrir(qtbot, ai.botao_unidade, ai)
    dlg.unidade.setCurrentIndex(dlg.unidade.findData(NOVA_UNIDADE))
    assert not dlg.botao_ok.isEnabled()
    digitar(qtbot, dlg.nome.edit, "Campus Jequié")
    confirmar(qtbot, dlg)
    lida(qtbot, ai)
    [linha] = ai.lista.modelo.linhas()
    assert [u["nome"] for u in linha["unidades"]] == ["Campus Jequié"] and linha["situacao"].vigente

    # Curso de referência, turmas, PPCP (recusado sem a equipe mínima) e aprovação
    ac = painel.cursos
    dlg = abrir(qtbot, ac.botao_curso, ac)
    digitar(qtbot, dlg.nome.edit, "Curso técnico em Edificações")
    dlg.tipo.setCurrentIndex(dlg.tipo.findData("tecnico"))
    qtbot.keyClicks(dlg.implantado.edit, br(date(HOJE.year - 6, 3, 1)))
    qtbot.keyClicks(dlg.conceito.edit, "7")
    assert not dlg.botao_ok.isEnabled() and "de 1 a 5" in dlg.conceito.erro.text()
    dlg.conceito.edit.clear()
    curso = confirmar(qtbot, dlg)
    lida(qtbot, ac)
    assert ac.lista_cursos.selecionada()["id"] == curso["id"]
    dlg = abrir(qtbot, ac.botao_turmas, ac)
    qtbot.keyClicks(dlg.ano.edit, str(HOJE.year - 1))
    qtbot.keyClicks(dlg.turmas.edit, "2")
    confirmar(qtbot, dlg)
    lida(qtbot, ac)
    assert ac.lista_cursos.selecionada()["turmas"] == {HOJE.year - 1: 2}

    dlg = abrir(qtbot, ac.botao_ppcp, ac)
    dlg.tipo.setCurrentIndex(dlg.tipo.findData("tecnico"))
    dlg.escolaridade.setCurrentIndex(dlg.escolaridade.findData("medio"))
    digitar(qtbot, dlg.perfil.edit, "Técnico em Edificações")
    assert not dlg.botao_ok.isEnabled()  # faltam os conteúdos do art. 20
    for chave, campo in dlg.conteudos.items():
        digitar(qtbot, campo.edit, CONTEUDOS_PPCP[chave])
    dlg.nova_linha(dlg.competencias, ("Ler projetos de arquitetura", "Desenho de construção civil", "80"))
    dlg.nova_linha(dlg.competencias, ("Executar alvenaria", "Técnicas construtivas", "120"))
    dlg.nova_linha(dlg.equipe, ("Eng. Rui Paz", "especifica"))
    dlg.nova_linha(dlg.equipe, ("Arq. Ana Lins", "especifica"))
    assert dlg.resumo_equipe.text() == "0 profissional(is) de educação e 2 da área específica."
    recusado(qtbot, dlg, "art. 20, XII")
    assert conta(s, "cert_ppcps") == conta(s, "cert_competencias") == conta(s, "cert_equipe") == 0
    dlg.nova_linha(dlg.equipe, ("Pedagoga Eva Reis", "educacao"))
    dlg.abas.setCurrentIndex(2)  # Competências (VI): a carga horária da 2ª linha, pelo teclado (F2)
    editar_celula(qtbot, dlg.competencias.visao, 1, 2, "zero")
    recusado(qtbot, dlg, "carga horária")
    editar_celula(qtbot, dlg.competencias.visao, 1, 2, "120")
    ppcp = confirmar(qtbot, dlg)
    assert (ppcp["carga_horaria_total"], ppcp["aprovado_em"]) == (200, None)
    assert conta(s, "cert_competencias") == 2 and conta(s, "cert_equipe") == 3

    # Oferta recusada antes da aprovação (art. 11 III); aprovação; oferta e aviso público
    ao = painel.oferta
    ao.atualizar()
    dlg = abrir(qtbot, ao.botao_nova, ao)
    digitar(qtbot, dlg.titulo.edit, "Oferta 1 - Edificações")
    for chave, campo in dlg.conteudos.items():
        digitar(qtbot, campo.edit, CONTEUDOS_OFERTA[chave])
    qtbot.keyClicks(dlg.de.edit, br(HOJE - timedelta(days=5)))
    qtbot.keyClicks(dlg.ate.edit, br(HOJE + timedelta(days=25)))
    qtbot.keyClicks(dlg.vagas.edit, "25")
    recusado(qtbot, dlg, "art. 11, III")
    dlg.reject()
    ac.atualizar()
    lida(qtbot, ac)
    ac.lista_ppcps.selecionar(ppcp["id"])
    dlg = abrir(qtbot, ac.botao_aprovar, ac)
    qtbot.keyClicks(dlg.aprovado.edit, br(HOJE - timedelta(days=10)))
    qtbot.keyClicks(dlg.sistec.edit, br(HOJE - timedelta(days=8)))
    confirmar(qtbot, dlg)
    dlg = abrir(qtbot, ao.botao_nova, ao)
    digitar(qtbot, dlg.titulo.edit, "Oferta 1 - Edificações")
    for chave, campo in dlg.conteudos.items():
        digitar(qtbot, campo.edit, CONTEUDOS_OFERTA[chave])
    qtbot.keyClicks(dlg.de.edit, br(HOJE - timedelta(days=5)))
    qtbot.keyClicks(dlg.ate.edit, br(HOJE + timedelta(days=25)))
    oferta = confirmar(qtbot, dlg)
    lida(qtbot, ao)  # a oferta nova vem escolhida quando a lista relida chega
    assert ao.lista.selecionada()["id"] == oferta["id"] and ao.botao_edital.isEnabled()
    salvar_em.append(tmp_path / "aviso.pdf")
    qtbot.mouseClick(ao.botao_edital, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ao.ultimo_arquivo is not None, timeout=10000)
    texto = " ".join(p.extract_text() for p in PdfReader(BytesIO(ao.ultimo_arquivo.read_bytes())).pages)
    assert "Oferta 1 - Edificações" in texto and "III – Gratuidade" in texto and "Executar alvenaria" in texto
    lida(qtbot, ao)
    assert ao.lista.selecionada()["publicada_em"] == HOJE.isoformat()

    # Trabalhador (CPF validado ao digitar), menor de idade recusado na inscrição, inscrição
    ap = painel.processos
    dlg = abrir(qtbot, ap.botao_trabalhador, ap)
    digitar(qtbot, dlg.nome.edit, "José Antônio Brito")
    qtbot.keyClicks(dlg.cpf.edit, "529.982.247-24")
    assert "dígitos verificadores" in dlg.cpf.erro.text() and not dlg.botao_ok.isEnabled()
    dlg.cpf.edit.clear()
    qtbot.keyClicks(dlg.cpf.edit, "529.982.247-25")
    qtbot.keyClicks(dlg.nascimento.edit, br(HOJE.replace(year=HOJE.year - 17)))
    dlg.escolaridade.setCurrentIndex(dlg.escolaridade.findData("medio"))
    digitar(qtbot, dlg.comprovante.edit, "Certificado de conclusão do ensino médio")
    digitar(qtbot, dlg.acessibilidade.edit, "Intérprete de Libras")
    # a identificação que o título imprime (issue 12, item 3): obrigatória e validada ao digitar
    ident = dlg.identificacao
    assert ident["nacionalidade"].texto() == "brasileira" and not dlg.botao_ok.isEnabled()
    digitar(qtbot, ident["naturalidade"].edit, "Jequié")
    qtbot.keyClicks(ident["naturalidade_uf"].edit, "XX")
    assert "UF inválida" in ident["naturalidade_uf"].erro.text() and not dlg.botao_ok.isEnabled()
    ident["naturalidade_uf"].edit.clear()
    qtbot.keyClicks(ident["naturalidade_uf"].edit, "ba")
    qtbot.keyClicks(ident["rg"].edit, "12#34")
    assert "documento de identidade inválido" in ident["rg"].erro.text()
    ident["rg"].edit.clear()
    qtbot.keyClicks(ident["rg"].edit, "12.345.678-90")
    digitar(qtbot, ident["rg_orgao"].edit, "SSP/BA")
    jovem = confirmar(qtbot, dlg)
    assert jovem["acessibilidade"] == "Intérprete de Libras"
    assert tuple(s.db.execute("SELECT nacionalidade, naturalidade, naturalidade_uf, rg, rg_orgao FROM cert_trabalhadores "
                              "WHERE id = ?", [jovem["id"]]).fetchone()) == ("brasileira", "Jequié", "BA",
                                                                             "12.345.678-90", "SSP/BA")
    dlg = abrir(qtbot, ap.botao_inscrever, ap)
    dlg.trabalhador.setCurrentIndex(dlg.trabalhador.findData(jovem["id"]))
    dlg.oferta.setCurrentIndex(dlg.oferta.findData(oferta["id"]))
    recusado(qtbot, dlg, "art. 2º, parágrafo único")
    assert conta(s, "cert_processos") == 0
    dlg.reject()
    adulto = novo_trabalhador(s, cpf="111.444.777-35")
    dlg = abrir(qtbot, ap.botao_inscrever, ap)
    dlg.trabalhador.setCurrentIndex(dlg.trabalhador.findData(adulto["id"]))
    dlg.oferta.setCurrentIndex(dlg.oferta.findData(oferta["id"]))
    proc = confirmar(qtbot, dlg)
    lida(qtbot, ap)
    assert ap.detalhe["id"] == proc["id"] and ap.detalhe["proxima"].value == "acolhimento"

    # Diário: cada passo registrado por quem fez
    tabelas = {r["tabela"] for r in s.db.query("SELECT DISTINCT tabela FROM diario WHERE usuario = 'admin'")}
    assert {"cert_instituicoes", "unidades", "cert_unidades", "cert_cursos", "cert_curso_turmas", "cert_ppcps",
            "cert_competencias", "cert_equipe", "cert_ofertas", "documentos", "pessoas", "cert_trabalhadores",
            "cert_processos", "cert_etapas"} <= tabelas
    assert s.db.execute("SELECT count(*) FROM diario WHERE tabela = 'cert_instituicoes' AND acao = 'alterar'"
                        ).fetchone()[0] == 1  # a adesão


def _ate_resultado(s, c, reconhecidas, resultado_em=None):
    """Até a avaliação; sem ``resultado_em``, 35 dias atrás (prazo de recurso vencido, art. 13 XI)."""
    return ate_avaliacao(s, c, reconhecidas, resultado_em)


def test_recurso_interposto_e_deferido_pela_tela(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_resultado(s, c, 1, resultado_em=HOJE)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ap = painel.processos
    ap.selecionar(p["id"])
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    assert "Prazo de recurso até" in ap.recursos.text() and "art. 13, XI" in ap.recursos.text()
    assert not ap.botao_decidir.isEnabled()
    dlg = abrir(qtbot, ap.botao_recurso, ap)
    assert "art. 13, XI" in dlg.findChildren(type(ap.recursos))[0].text()
    dlg.data.edit.clear()
    qtbot.keyClicks(dlg.data.edit, br(HOJE + timedelta(days=30)))
    digitar(qtbot, dlg.fundamentacao.edit, "Curto")
    assert not dlg.botao_ok.isEnabled()  # menos de 10 caracteres
    digitar(qtbot, dlg.fundamentacao.edit, " demais: peço reavaliação da NR-10")
    recusado(qtbot, dlg, "art. 13, XI")  # fora do prazo
    assert conta(s, "cert_recursos") == 0
    dlg.data.edit.clear()
    qtbot.keyClicks(dlg.data.edit, br(HOJE))
    confirmar(qtbot, dlg)
    lida(qtbot, ap)
    assert "pendente de decisão" in ap.recursos.text() and ap.botao_decidir.isEnabled()
    with pytest.raises(Exception, match=r"art\. 13, XI"):  # certificação espera a decisão
        processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "S-1"})
    dlg = abrir(qtbot, ap.botao_decidir, ap)
    dlg.deferido.setCurrentIndex(dlg.deferido.findData(True))
    assert dlg.reconhecer.count() == 2
    for i in range(dlg.reconhecer.count()):
        dlg.reconhecer.item(i).setCheckState(Qt.CheckState.Checked)
    digitar(qtbot, dlg.decisao.edit, "Deferido após reavaliação pela equipe.")
    confirmar(qtbot, dlg)
    lida(qtbot, ap)
    assert ap.detalhe["resultado"] == "integral" and "deferido em" in ap.recursos.text()
    r = s.db.execute("SELECT deferido, decidido_em FROM cert_recursos").fetchone()
    assert tuple(r) == (1, HOJE.isoformat())
    acoes = [tuple(x.values()) for x in s.db.query("SELECT tabela, acao FROM diario WHERE tabela = 'cert_recursos'")]
    assert acoes == [("cert_recursos", "inserir"), ("cert_recursos", "alterar")]


def test_renuncia_ao_recurso_e_comunicado_pela_tela(qtbot, sessao_admin, salvar_em, tmp_path):
    """No dia do resultado o atestado não sai; o comunicado diz o prazo; a renúncia escrita libera (art. 13 XI)."""
    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_resultado(s, c, 1, resultado_em=HOJE)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ap = painel.processos
    ap.selecionar(p["id"])
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    limite = ap.detalhe["prazo_recurso"]
    assert f"Prazo de recurso até {br(limite)}, em dias úteis" in ap.recursos.text()
    with pytest.raises(Exception, match=r"vai até"):
        processos.registrar_etapa(s, p["id"], "certificacao", dados={})
    salvar_em.append(tmp_path / "comunicado.pdf")  # emitido e salvo como todo documento (widgets.emissao)
    qtbot.mouseClick(ap.botao_comunicado, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ap.tarefa is None and not ap.lendo, timeout=60_000)  # grava e relê fora da interface
    assert "Comunicado do resultado emitido" in ap.situacao.text()
    assert conta(s, "documentos") == 1 and (tmp_path / "comunicado.pdf").read_bytes().startswith(b"%PDF")
    dlg = abrir(qtbot, ap.botao_renuncia, ap)
    digitar(qtbot, dlg.termo.edit, "Termo assinado pela trabalhadora, arquivado na pasta do processo.")
    confirmar(qtbot, dlg)
    lida(qtbot, ap)
    assert "Renúncia escrita ao recurso em" in ap.recursos.text()
    assert not ap.botao_renuncia.isEnabled()
    processos.registrar_etapa(s, p["id"], "certificacao", dados={})  # agora o atestado sai


def test_filtro_de_periodo_no_acompanhamento(qtbot, sessao_admin, tmp_path):
    s = sessao_admin
    c = montar_cenario(s)
    t = novo_trabalhador(s)
    processos.inscrever(s, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"], inscrito_em=HOJE - timedelta(days=3))
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    aa = painel.acompanhamento
    lido = lambda: not aa.lendo and "Carregando" not in aa.periodo.text()  # noqa: E731 — lê fora da interface
    qtbot.waitUntil(lido, timeout=30000)
    assert aa.grafico.valores == {"Inscrição": 1}
    qtbot.keyClicks(aa.de.edit, br(HOJE - timedelta(days=2)))
    qtbot.waitUntil(lido, timeout=30000)
    assert aa.grafico.valores == {} and "Inscritos de" in aa.periodo.text()
    aa.de.edit.clear()
    qtbot.keyClicks(aa.de.edit, br(HOJE - timedelta(days=3)))
    qtbot.keyClicks(aa.ate.edit, br(HOJE - timedelta(days=4)))
    assert "fim do período" in aa.periodo.text() and aa.grafico.valores == {}
    qtbot.wait(200)  # a leitura do período anterior, se ainda chegar, é descartada
    assert "fim do período" in aa.periodo.text() and aa.grafico.valores == {}
    aa.ate.edit.clear()
    qtbot.keyClicks(aa.ate.edit, br(HOJE))
    qtbot.waitUntil(lido, timeout=30000)
    assert aa.grafico.valores == {"Inscrição": 1}
    aa.exportar(tmp_path / "sistec.csv")
    qtbot.waitUntil(lambda: aa.exportado is not None, timeout=30000)
    assert len((tmp_path / "sistec.csv").read_text(encoding="utf-8-sig").splitlines()) == 2
    aa.de.edit.clear()
    qtbot.keyClicks(aa.de.edit, br(HOJE))
    aa.exportar(tmp_path / "vazio.csv")
    qtbot.waitUntil(lambda: aa.exportado is not None, timeout=30000)
    assert len((tmp_path / "vazio.csv").read_text(encoding="utf-8-sig").splitlines()) == 1


def test_secretaria_sem_permissao_de_cancelar_ve_a_explicacao(qtbot, sessao_admin, instalacao, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    salvo = tmp_path / "nova-via.pdf"
    abertos = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(salvo), "PDF (*.pdf)"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: abertos.append(url.toLocalFile()))
    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_resultado(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-9"})
    acesso.criar_usuario(s, login="certifica", nome="Marcos Rocha", papel=Papel.SECRETARIA_CERTIFICACAO,
                         senha="certifica1", trocar_senha=False)
    s.fechar()
    sec = acesso.entrar(instalacao[0], "certifica", "certifica1")
    try:
        painel = PainelCertificacao(sec)
        qtbot.addWidget(painel)
        ad = painel.documentos
        qtbot.waitUntil(lambda: ad.modelo.rowCount() == 2, timeout=30000)  # lida fora da thread da interface
        ad.tabela.selectRow(0)
        assert not ad.botao_cancelar.isEnabled() and ad.botao_via.isEnabled()
        assert not ad.explicacao.isHidden() and "administrador" in ad.explicacao.text()
        assert "administrador" in ad.botao_cancelar.toolTip()
        painel.abas.setCurrentWidget(ad)
        painel.resize(1280, 800)
        painel.show()

        def onde():  # o campo em que se digita e os botões da barra, na aba
            QApplication.processEvents()
            return [w.mapTo(ad, w.rect().topLeft()) for w in (ad.motivo, ad.botao_via, ad.botao_cancelar)]

        antes = onde()
        qtbot.keyClicks(ad.motivo, "reconhecimento de saberes na modalidade EaD")  # art. 15 §2º, ao digitar
        assert not ad.botao_via.isEnabled() and not ad.aviso_motivo.isHidden()
        assert "reconhecimento, saberes, modalidade, ead" in ad.aviso_motivo.text()
        assert onde() == antes  # o aviso aparece sem mover o campo nem os botões (issue 16, item 6)
        ad.motivo.clear()
        assert ad.aviso_motivo.isHidden() and onde() == antes
        qtbot.keyClicks(ad.motivo, "Extravio da primeira via")
        qtbot.mouseClick(ad.botao_via, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ad.tarefa is None and not ad.lendo, timeout=60_000)  # grava e relê fora da interface
        assert ad.modelo.rowCount() == 3 and "2ª via emitida" in ad.situacao.text()
        # a nova via produz, guarda e abre o seu próprio PDF; a anterior fica substituída
        assert abertos == [str(salvo)] and salvo.read_bytes()[:5] == b"%PDF-"
        assert documentos.verificar_pdf(sec, salvo.read_bytes()).situacao == documentos.AUTENTICO
        assert "a anterior ficou substituída" in ad.situacao.text()
        assert sorted(ad.modelo.index(i, 6).data() for i in range(3)) == ["substituído", "válido", "válido"]  # Situação
    finally:
        sec.fechar()


def test_corrigir_nome_pela_tela_reemite_o_diploma(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = _ate_resultado(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-3"})
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ap = painel.processos
    ap.selecionar(p["id"])
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    dlg = abrir(qtbot, ap.botao_corrigir, ap)
    dlg.nome.edit.clear()
    digitar(qtbot, dlg.nome.edit, "Maria José da Silva Santos")
    digitar(qtbot, dlg.motivo.edit, "Erro de digitação no sobrenome")
    confirmar(qtbot, dlg)
    lida(qtbot, ap)
    assert "2 documento(s) reemitido(s)" in ap.situacao.text()
    assert ap.detalhe["nome"] == "Maria José da Silva Santos"
    vias = sorted(e["via"] for e in ap.detalhe["emissoes"])
    assert vias == [1, 1, 2, 2]


def test_dialogo_mostra_carregando_ate_as_listas_chegarem(qtbot, sessao_admin):
    """As listas do diálogo são lidas fora da thread da interface: até chegarem, "Carregando…" e o botão de
    confirmar desligado (Enter não grava); depois, o trabalhador pedido já vem escolhido."""
    from desktop.screens.certificacao.dialogos_processo import DialogoInscricao

    s = sessao_admin
    c = montar_cenario(s)
    t = novo_trabalhador(s)
    dlg = DialogoInscricao(s, trabalhador_id=t["id"])
    qtbot.addWidget(dlg)
    assert dlg.trabalhador.currentText() == dlg.oferta.currentText() == "Carregando…"
    assert dlg.lendo and not dlg.botao_ok.isEnabled()
    qtbot.waitUntil(lambda: dlg.oferta.findData(c["oferta"]["id"]) >= 0, timeout=30000)
    assert dlg.trabalhador.currentData() == t["id"] and dlg.botao_ok.isEnabled()
