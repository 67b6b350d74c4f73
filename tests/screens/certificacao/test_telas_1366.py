"""Telas da Certificação a 1366×768 (a tela dos notebooks velhos, janela maximizada), com a folha de estilo da
aplicação e a aba do tamanho que ela tem na janela (menos a lista de módulos, o menu, a barra de estado e as abas)."""
from datetime import date, timedelta

from PySide6.QtWidgets import QApplication, QScrollArea

from desktop.screens.certificacao.cadastros import AbaInstituicao
from desktop.services import cadastros
from desktop.services.certificacao import instituicao
from tests.screens.apoio_tela import cortadas, estilo  # noqa: F401 — a folha de estilo da aplicação

LARGURA, ALTURA = 1366 - 230, 768 - 60 - 40


def test_instituicao_sem_rolar_e_com_as_unidades_inteiras(qtbot, sessao_admin, estilo):  # noqa: F811
    """A adesão alargava pelo conteúdo a mensagem inteira ('A adesão vence em 16/02/2027 (faltam 75 dias): solicite
    a renovação…', que já está inteira no aviso acima da lista e na dica) e a tabela rolava na horizontal, com as
    unidades certificadoras fora, à direita. A adesão fica na sua largura; as unidades à vista e inteiras."""
    hoje = date.today()
    inst = instituicao.cadastrar_instituicao(sessao_admin, nome="Instituto Estadual de Educação Profissional da Bahia",
                                             sistema_ensino="estadual", orgao_competente="Conselho Estadual de Educação")
    vence = hoje - timedelta(days=5 * 365 - 75)  # a adesão vale cinco anos: vence em ~75 dias, com aviso (art. 27)
    instituicao.registrar_adesao(sessao_admin, inst["id"], termo_aprovado_em=vence - timedelta(days=30),
                                 regulamentacao_aprovada_em=vence - timedelta(days=20), sistec_validada_em=vence)
    u = cadastros.cadastrar_unidade(sessao_admin, tipo="unidade_certificadora", nome="Campus Avançado Vale do Jiquiriçá")
    instituicao.vincular_unidade(sessao_admin, inst["id"], u["id"])
    aba = AbaInstituicao(sessao_admin)
    qtbot.addWidget(aba)
    aba.resize(LARGURA, ALTURA)
    aba.show()
    visao = aba.tabela
    qtbot.waitUntil(lambda: visao.model().rowCount() == 1, timeout=30000)
    QApplication.processEvents()
    assert "faltam" in visao.model().index(0, 5).data()
    cab = visao.horizontalHeader()
    assert visao.horizontalScrollBar().maximum() == 0, [cab.sectionSize(i) for i in range(cab.count())]
    assert [c for c in cortadas(visao) if c.startswith("Unidades")] == []
    from tests.screens.apoio_tabelas import dica

    assert dica(visao, 0, 0) == "Instituto Estadual de Educação Profissional da Bahia"  # o nome inteiro na dica
    assert dica(visao, 0, 5) == visao.model().index(0, 5).data() and aba.aviso.text().count("faltam") == 1


def test_processos_sem_rolar_na_horizontal(qtbot, sessao_admin, estilo):  # noqa: F811
    """O perfil ('Eletricista instalador predial de baixa tensão') alargava pelo conteúdo até ~36 letras, embora
    pensado estreito (inteiro na dica e no título do processo aberto): a lista de processos rolava na horizontal e
    a etapa e a situação ficavam fora, à direita. O perfil fica na sua largura; trabalhador, etapa e situação à
    vista, sem rolar."""
    from desktop.screens.certificacao.painel import PainelCertificacao
    from desktop.services.certificacao import processos
    from tests.services.certificacao.apoio import HOJE, montar_cenario, novo_trabalhador

    c = montar_cenario(sessao_admin)
    t = novo_trabalhador(sessao_admin)
    processos.inscrever(sessao_admin, trabalhador_id=t["id"], oferta_id=c["oferta"]["id"],
                        inscrito_em=HOJE - timedelta(days=12))
    painel = PainelCertificacao(sessao_admin)
    qtbot.addWidget(painel)
    painel.resize(LARGURA, ALTURA + 40)
    painel.show()
    painel.abas.setCurrentWidget(painel.processos)
    visao = painel.processos.lista.visao
    qtbot.waitUntil(lambda: visao.model().rowCount() == 1, timeout=30000)
    QApplication.processEvents()
    cab = visao.horizontalHeader()
    assert visao.horizontalScrollBar().maximum() == 0, (visao.viewport().width(),
                                                        [cab.sectionSize(i) for i in range(cab.count())])
    assert [c for c in cortadas(visao) if not c.startswith("Perfil")] == []


def test_instituicao_com_os_nomes_inteiros_a_1366(qtbot, sessao_admin, estilo):  # noqa: F811
    """Com os nomes da demonstração ('Instituto Estadual de Educação Profissional (demonstração)', 'Campus Avançado
    Vale do Rio de Contas') a instituição, a adesão e as unidades saíam com reticências a 1366×768 (sob o X, com
    sobra nenhuma para alargar: as sete colunas não cabem numa linha). Com uma ou duas instituições, a tabela quebra
    o texto em linhas: tudo inteiro, sem rolar na horizontal."""
    from tests.screens.apoio_tela import cortadas_mesmo_quebrando

    hoje = date.today()
    inst = instituicao.cadastrar_instituicao(sessao_admin, nome="Instituto Estadual de Educação Profissional "
                                             "(demonstração)", sistema_ensino="estadual",
                                             orgao_competente="Conselho Estadual de Educação")
    vence = hoje - timedelta(days=5 * 365 - 75)
    instituicao.registrar_adesao(sessao_admin, inst["id"], termo_aprovado_em=vence - timedelta(days=30),
                                 regulamentacao_aprovada_em=vence - timedelta(days=20), sistec_validada_em=vence)
    for nome in ("Campus Avançado Vale do Rio de Contas", "Centro Territorial de Educação Profissional do Sertão"):
        u = cadastros.cadastrar_unidade(sessao_admin, tipo="unidade_certificadora", nome=nome)
        instituicao.vincular_unidade(sessao_admin, inst["id"], u["id"])
    aba = AbaInstituicao(sessao_admin)
    qtbot.addWidget(aba)
    aba.resize(LARGURA, ALTURA)
    aba.show()
    visao = aba.tabela
    qtbot.waitUntil(lambda: visao.model().rowCount() == 1, timeout=30000)
    QApplication.processEvents()
    assert cortadas(visao)  # numa linha não cabem: o teste confere a quebra
    assert cortadas_mesmo_quebrando(visao) == []
    assert visao.horizontalScrollBar().maximum() == 0
    aba.resize(LARGURA - 200, ALTURA)  # a janela mais estreita: as linhas crescem com as colunas
    QApplication.processEvents()
    assert cortadas_mesmo_quebrando(visao) == []


def test_processos_concluidos_com_nome_e_situacao_inteiros_a_1366(qtbot, sessao_admin, estilo):  # noqa: F811
    """Com processos concluídos ('concluído · nenhuma') e um nome longo, a lista tinha 600 pontos fixos do divisor:
    a situação saía cortada e a lista rolava na horizontal a 1366×768. O divisor dá à lista a largura medida das
    suas colunas (o perfil, que estica, no seu mínimo: inteiro na dica) e o processo aberto fica com o resto."""
    from desktop.screens.certificacao.painel import PainelCertificacao
    from desktop.services.certificacao import processos, trabalhadores
    from tests.services.certificacao.apoio import (ENCAMINHAMENTO, HOJE, IDENTIFICACAO, ate_avaliacao, cpf_valido,
                                                   montar_cenario)

    c = montar_cenario(sessao_admin)
    p = ate_avaliacao(sessao_admin, c, 0)  # nenhuma competência reconhecida; o prazo de recurso já venceu
    pid = p.get("processo_id", p.get("id"))
    processos.registrar_etapa(sessao_admin, pid, "certificacao", dados={"sistec_codigo": "SISTEC-123456"},
                              realizada_em=HOJE - timedelta(days=15))
    processos.registrar_etapa(sessao_admin, pid, "encaminhamento", dados=ENCAMINHAMENTO,
                              realizada_em=HOJE - timedelta(days=5))
    longo = trabalhadores.cadastrar_trabalhador(sessao_admin, nome="Raimunda Conceição Albuquerque",
                                                cpf=cpf_valido(123456789), nascimento=date(1975, 3, 2),
                                                escolaridade="medio", comprovante="Certificado do ensino médio",
                                                **IDENTIFICACAO)
    processos.inscrever(sessao_admin, trabalhador_id=longo["id"], oferta_id=c["oferta"]["id"],
                        inscrito_em=HOJE - timedelta(days=3))
    painel = PainelCertificacao(sessao_admin)
    qtbot.addWidget(painel)
    painel.resize(LARGURA, ALTURA + 40)
    painel.show()
    painel.abas.setCurrentWidget(painel.processos)
    visao = painel.processos.lista.visao
    qtbot.waitUntil(lambda: visao.model().rowCount() == 2, timeout=30000)
    QApplication.processEvents()
    assert any(visao.model().index(i, 3).data().startswith("concluído · ") for i in range(2))
    cab = visao.horizontalHeader()
    assert visao.horizontalScrollBar().maximum() == 0, (visao.viewport().width(),
                                                        [cab.sectionSize(i) for i in range(cab.count())])
    assert [c for c in cortadas(visao) if not c.startswith("Perfil")] == []
    # o formulário da próxima etapa, ao lado, continua sem rolar na horizontal (rótulos em cima dos campos)
    aba = painel.processos
    [rolagem] = [r for r in aba.findChildren(QScrollArea) if r.widget() is aba.formulario]
    assert rolagem.horizontalScrollBar().maximum() == 0, (rolagem.width(), aba.formulario.minimumSizeHint().width())


def test_etapas_do_processo_sem_rolar_na_horizontal(qtbot, sessao_admin, estilo):  # noqa: F811
    """As etapas registradas, à direita da lista, rolavam na horizontal a 1366×768: etapa (140 pontos fixos),
    'Realizada em', 'Registrada' ('admin, 03/12/2026') e o que foi registrado (180 no mínimo) somavam mais que a
    sobra da lista. As colunas ficam na largura do texto medido, com títulos curtos (os longos na dica) e a data do
    registro na dica: sem rolar, e etapa, data e quem registrou inteiros (o resumo fica com o resto, inteiro na
    dica), também com a barra vertical, que a tabela baixa tem no prazo de recurso (o aviso e os botões à vista)."""
    from desktop.screens.certificacao.painel import PainelCertificacao
    from tests.screens.apoio_tabelas import dica
    from tests.services.certificacao.apoio import HOJE, ate_avaliacao, montar_cenario

    c = montar_cenario(sessao_admin)
    p = ate_avaliacao(sessao_admin, c, reconhecidas=2, resultado_em=HOJE)
    painel = PainelCertificacao(sessao_admin)
    qtbot.addWidget(painel)
    painel.resize(LARGURA, ALTURA + 40)
    painel.show()
    painel.abas.setCurrentWidget(painel.processos)
    aba = painel.processos
    qtbot.waitUntil(lambda: aba.lista.visao.model().rowCount() == 1, timeout=30000)
    aba.selecionar(p["id"])
    visao = aba.etapas.visao
    qtbot.waitUntil(lambda: visao.model().rowCount() == 4, timeout=30000)  # inscrição, acolhimento, matrícula, avaliação
    QApplication.processEvents()
    cab = visao.horizontalHeader()
    assert visao.horizontalScrollBar().maximum() == 0, (visao.viewport().width(),
                                                        [cab.sectionSize(i) for i in range(cab.count())])
    assert [c for c in cortadas(visao) if not c.startswith("Resumo")] == []
    assert aba.lista.visao.horizontalScrollBar().maximum() == 0  # a lista continua inteira
    # com a barra vertical (mais etapas, ou o título do processo em duas linhas, como sob o X na demonstração),
    # as três primeiras inteiras e o título do resumo ainda cabem
    fixas = sum(cab.sectionSize(i) for i in range(3)) + cab.sectionSizeHint(3)
    assert fixas + visao.verticalScrollBar().sizeHint().width() <= visao.viewport().width(), fixas
    assert dica(visao, 3, 2).startswith(f"Registrada por {sessao_admin.usuario.login} em {HOJE:%d/%m/%Y} ")
    assert dica(visao, 3, 3) == visao.model().index(3, 3).data()  # o resumo inteiro na dica
