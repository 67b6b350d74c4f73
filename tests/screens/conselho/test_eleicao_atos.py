"""A tela do processo de escolha antes e depois dos atos que abrem as etapas, com widgets reais e a base: sem o
edital publicado, o botão de inscrever fica desabilitado e a aba diz por quê (Lei 320/2023, art. 7º); registrar a
publicação do edital pelo formulário abre as inscrições; a lista de inscritos publicada as fecha e abre a
impugnação (art. 11 §2º)."""
from datetime import date

from PySide6.QtCore import Qt

from desktop.screens.conselho.dialogos_candidatura import DialogoPublicacao
from desktop.screens.conselho.eleicao import ProcessoEscolha
from desktop.services.eleicao import processo
from desktop.services.eleicao.comum import simulando_dia
from tests.screens.apoio_janelas import esperar_gravacao, esperar_leituras, quando_modal
from tests.services.eleicao.conftest import proc, proc_aberto, publicar_inscritos  # noqa: F401 (fixtures)


def _tela(qtbot, sessao) -> ProcessoEscolha:
    tela = ProcessoEscolha(sessao)
    qtbot.addWidget(tela)
    tela.resize(1366, 720)
    tela.show()
    esperar_leituras(qtbot)
    return tela


def _registrar(qtbot, tela, botao, data: str, resultado: list) -> None:
    """Clica no botão do ato, digita a data no formulário modal e confirma; guarda o que o rótulo de erro disse."""
    def preencher(d: DialogoPublicacao) -> None:
        d.data.edit.clear()
        qtbot.keyClicks(d.data.edit, data)
        qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
        esperar_gravacao(qtbot, d)
        resultado.append(d.rotulo_erro.text())
        if d.isVisible():
            d.reject()

    quando_modal(preencher, tipo=DialogoPublicacao)
    qtbot.mouseClick(botao, Qt.MouseButton.LeftButton)
    esperar_leituras(qtbot)


def test_sem_edital_o_botao_de_inscrever_diz_por_que_e_o_edital_abre(qtbot, sessao_admin, proc_aberto):  # noqa: F811
    with simulando_dia(date(2027, 4, 20)):  # o dia previsto do edital passou, mas ele não foi registrado
        tela = _tela(qtbot, sessao_admin)
        assert tela.fase.text().startswith("Fase: Edital a publicar · Edital previsto para 03/04/2027 ainda não "
                                           "publicado: as inscrições só abrem com ele — Lei 320/2023, art. 7º")
        cand = tela.candidatos
        tela.abas.setCurrentWidget(cand)  # a aba Candidatos, como o usuário a abre
        assert not cand.inscrever.isEnabled()
        assert cand.motivo.isVisible()  # antes do edital, o motivo à vista é o da inscrição (o próximo passo)
        assert "edital do processo de escolha não foi publicado" in cand.motivo.text()
        assert "art. 7º e §1º I" in cand.motivo.text() and cand.inscrever.toolTip() == cand.motivo.text()
        assert "lista de inscritos ainda não foi publicada" in tela.impugnacoes.prazo.text()
        assert tela.publicar_edital.isEnabled() and not tela.publicar_inscritos.isEnabled()
        # o botão desabilitado diz por quê, com o artigo (do serviço); o habilitado, nada
        assert tela.publicar_edital.toolTip() == ""
        assert tela.publicar_inscritos.toolTip() == ("Não há lista de inscritos antes do edital: publique o edital "
                                                     "primeiro (Lei 320/2023, art. 7º).")

        # uma data futura é recusada no próprio formulário, com o artigo, e nada muda
        erros: list[str] = []
        _registrar(qtbot, tela, tela.publicar_edital, "21/04/2027", erros)
        assert "posterior a hoje (20/04/2027)" in erros[0] and "arts. 7º e 10 I" in erros[0]
        assert processo.obter_processo(sessao_admin, proc_aberto["id"])["fase"] == "preparacao"
        assert not tela.candidatos.inscrever.isEnabled()

        _registrar(qtbot, tela, tela.publicar_edital, "03/04/2027", erros)
        assert erros[1] == ""
        p = processo.obter_processo(sessao_admin, proc_aberto["id"])
        assert (p["fase"], p["edital_publicado_em"]) == ("inscricoes", "2027-04-03")
        assert "Edital publicado" in tela.mensagem.text()
        assert tela.fase.text().startswith("Fase: Inscrições (edital publicado) · Inscrições abertas até 13/05/2027")
        cand = tela.candidatos  # as abas foram remontadas com o processo relido
        tela.abas.setCurrentWidget(cand)
        # inscrições abertas: o botão sem dica, e o motivo à vista passa ao próximo passo, a homologação (art. 11 §2º)
        assert cand.inscrever.isEnabled() and cand.inscrever.toolTip() == ""
        assert cand.motivo.text() == cand.homologar.toolTip() and "lista de inscritos ainda não foi publicada" in cand.motivo.text()
        # publicado o edital, a lista só depois do fim das inscrições: os dois botões fechados, cada um com o motivo
        assert not tela.publicar_edital.isEnabled() and not tela.publicar_inscritos.isEnabled()
        assert tela.publicar_edital.toolTip() == "O edital já foi publicado em 03/04/2027 (Lei 320/2023, art. 7º)."
        assert tela.publicar_inscritos.toolTip() == (
            "A lista de inscritos só sai depois do fim das inscrições (13/05/2027): o prazo do edital é dos candidatos "
            "(Lei 320/2023, art. 7º §1º a; art. 11 §2º).")


def test_lista_de_inscritos_publicada_fecha_o_botao_com_o_motivo(qtbot, sessao_admin, proc_aberto):  # noqa: F811
    from tests.services.eleicao.conftest import publicar_edital

    p = publicar_edital(sessao_admin, proc_aberto)
    with simulando_dia(date(2027, 5, 18)):
        tela = _tela(qtbot, sessao_admin)
        assert tela.publicar_inscritos.isEnabled() and tela.publicar_inscritos.toolTip() == ""
        erros: list[str] = []
        _registrar(qtbot, tela, tela.publicar_inscritos, "18/05/2027", erros)
        assert erros == [""]
        assert not tela.publicar_inscritos.isEnabled()
        assert tela.publicar_inscritos.toolTip().startswith("A lista de inscritos já foi publicada em 18/05/2027")
        assert "art. 11 §2º" in tela.publicar_inscritos.toolTip()
        assert processo.obter_processo(sessao_admin, p["id"])["fase"] == "analise"
        cand = tela.candidatos
        tela.abas.setCurrentWidget(cand)
        # o motivo da inscrição fechada fica na dica do botão; publicada a lista, o que se explica à vista é a
        # homologação, que espera o fim do prazo de impugnação (art. 11 §§2º e 6º)
        assert not cand.inscrever.isEnabled()
        assert "encerradas" in cand.inscrever.toolTip() and "art. 13 §1º" in cand.inscrever.toolTip()
        assert cand.motivo.isVisible() and cand.motivo.text() == cand.homologar.toolTip()
        assert "antes do fim do prazo de impugnação (23/05/2027)" in cand.motivo.text()
        assert tela.impugnacoes.prazo.text().startswith("Prazo de impugnação: de 18/05/2027 a 23/05/2027")
        assert tela.fase.text().startswith("Fase: Impugnação e análise (lista de inscritos publicada) · "
                                           "Prazo de impugnação até 23/05/2027")


def test_retificar_a_data_do_edital_pelo_calendario(qtbot, sessao_admin, proc_aberto):  # noqa: F811
    """O edital registrado em 03/04/2027 saiu de fato em 01/04: sem inscrição registrada, "Retificar a data de uma
    publicação…" (aba Calendário) corrige a data com o motivo, que vai ao diário; com a primeira inscrição, o botão
    fica desabilitado com o motivo do serviço (art. 7º §1º a) na dica."""
    import json
    import random

    from desktop.screens.conselho.dialogos_candidatura import DialogoRetificacao
    from tests.services.eleicao.conftest import inscrever_habilitado, publicar_edital

    publicar_edital(sessao_admin, proc_aberto)
    pid = proc_aberto["id"]
    with simulando_dia(date(2027, 4, 8)):
        tela = _tela(qtbot, sessao_admin)
        assert tela.retificar.isVisible() and tela.retificar.isEnabled()
        assert not tela.retificacoes.visao.isVisible() and not tela.titulo_retificacoes.isVisible()  # nenhuma ainda
        vistos: list[str] = []

        def preencher(d: DialogoRetificacao) -> None:
            vistos.append(d.qual.currentText())
            assert not d.botao_ok.isEnabled()  # sem motivo, não retifica
            d.data.edit.clear()
            qtbot.keyClicks(d.data.edit, "01/04/2027")
            qtbot.keyClicks(d.motivo, "DOM de 01/04/2027 (saiu antes do registrado)")  # keyClicks: só ASCII
            qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
            esperar_gravacao(qtbot, d)
            vistos.append(d.rotulo_erro.text())
            if d.isVisible():
                d.reject()

        quando_modal(preencher, tipo=DialogoRetificacao)
        qtbot.mouseClick(tela.retificar, Qt.MouseButton.LeftButton)
        esperar_leituras(qtbot)
    assert vistos == ["Publicação do edital (registrada em 03/04/2027)", ""]
    assert processo.obter_processo(sessao_admin, pid)["edital_publicado_em"] == "2027-04-01"
    assert "retificada" in tela.mensagem.text() and "Deixou de valer" not in tela.mensagem.text()  # nada emitido
    # a trilha na aba Calendário, do serviço: quem, quando, a data antiga → a nova e o motivo
    assert tela.retificacoes.visao.isVisible() and tela.titulo_retificacoes.text().startswith(
        "Retificações de data de publicação (1)")
    modelo = tela.retificacoes.visao.model()
    linha = [modelo.index(0, c).data() for c in range(modelo.columnCount())]
    assert modelo.rowCount() == 1 and linha[1:] == [sessao_admin.usuario.nome, "Edital", "03/04/2027 → 01/04/2027",
                                                    "DOM de 01/04/2027 (saiu antes do registrado)"]
    assert linha[0].startswith(date.today().strftime("%d/%m/%Y"))
    assert tela.retificacoes.visao.height() >= tela.retificacoes.visao.verticalHeader().length()  # a linha à vista
    depois = json.loads(sessao_admin.db.execute(
        "SELECT depois FROM diario WHERE tabela = 'eleicao_processos' AND registro_id = ? ORDER BY seq DESC LIMIT 1",
        [pid]).fetchone()[0])
    assert depois["motivo"] == "DOM de 01/04/2027 (saiu antes do registrado)"
    inscrever_habilitado(sessao_admin, processo.obter_processo(sessao_admin, pid), 11, random.Random(1))
    with simulando_dia(date(2027, 4, 20)):
        tela = _tela(qtbot, sessao_admin)
        assert not tela.retificar.isEnabled()
        assert "já há 1 inscrição(ões)" in tela.retificar.toolTip() and "art. 7º e §1º a" in tela.retificar.toolTip()


def test_na_virada_do_dia_os_botoes_seguem_o_dia_novo(qtbot, sessao_admin, proc_aberto):  # noqa: F811
    """Aberta em 12/04/2027 (edital publicado, inscrições só a partir de 13/04), a tela arma um QTimer para a
    meia-noite; quando ele dispara e o "hoje" dos serviços virou (simulando_dia, como a demonstração e os testes fazem),
    o cabeçalho e as abas são relidos fora da thread da interface: "Inscrever" abre sem outra releitura. Se dispara
    cedo (o dia não virou), só arma de novo."""
    from datetime import datetime

    from desktop.screens.conselho.eleicao import ms_ate_a_virada
    from tests.services.eleicao.conftest import publicar_edital

    assert ms_ate_a_virada(datetime(2027, 4, 12, 23, 59, 59)) == 1500  # 1 s até a meia-noite, mais a folga
    assert ms_ate_a_virada(datetime(2027, 4, 12, 0, 0)) == 86_400_500
    publicar_edital(sessao_admin, proc_aberto)
    with simulando_dia(date(2027, 4, 12)):
        tela = ProcessoEscolha(sessao_admin)
        tela.agora = lambda: datetime(2027, 4, 12, 23, 0)  # o relógio que arma a virada, sem o real
        qtbot.addWidget(tela)
        tela.resize(1366, 720)
        tela.show()
        esperar_leituras(qtbot)
        cand = tela.candidatos
        assert tela.dia == date(2027, 4, 12) and not cand.inscrever.isEnabled()
        assert "as inscrições começam em 13/04/2027" in cand.inscrever.toolTip()
        assert tela.virada.isActive() and tela.virada.isSingleShot()
        assert 3_599_000 < tela.virada.remainingTime() <= 3_601_500  # uma hora até a meia-noite (ao segundo)
        assert "A lista de inscritos só sai depois do fim das inscrições" in tela.publicar_inscritos.toolTip()

        tela.virada.timeout.emit()  # disparou cedo: o dia dos serviços não virou; nada relido, armado de novo
        esperar_leituras(qtbot)
        assert tela.candidatos is cand and not cand.inscrever.isEnabled() and tela.virada.isActive()

        with simulando_dia(date(2027, 4, 13)):
            tela.agora = lambda: datetime(2027, 4, 13, 0, 0, 1)
            tela.virada.timeout.emit()  # meia-noite
            esperar_leituras(qtbot)
            assert tela.dia == date(2027, 4, 13)
            assert tela.candidatos is cand and cand.inscrever.isEnabled()  # a mesma aba, relida
            assert tela.fase.text().startswith("Fase: Inscrições (edital publicado) · Inscrições abertas até 13/05/2027")
            assert tela.virada.isActive() and tela.virada.remainingTime() > 86_000_000  # a próxima meia-noite


def test_retificar_a_lista_diz_qual_documento_emitido_deixou_de_valer(qtbot, sessao_admin, proc):  # noqa: F811
    """Com o edital dos inscritos já emitido, retificar a data da lista pelo formulário diz, na barra, que ele deixou
    de valer (número e código) e pede a nova emissão na aba Documentos; no banco, ele está substituído."""
    import random

    from desktop.screens.conselho.dialogos_candidatura import DialogoRetificacao
    from desktop.services.eleicao import relatorios
    from desktop.store import documentos as registro
    from tests.services.eleicao.conftest import inscrever_habilitado

    inscrever_habilitado(sessao_admin, proc, 11, random.Random(5))
    p = publicar_inscritos(sessao_admin, proc)  # 18/05/2027
    antigo = relatorios.emitir_lista(sessao_admin, p["id"], habilitados=False)
    with simulando_dia(date(2027, 5, 20)):
        tela = _tela(qtbot, sessao_admin)

        def preencher(d: DialogoRetificacao) -> None:
            d.data.edit.clear()
            qtbot.keyClicks(d.data.edit, "19/05/2027")
            qtbot.keyClicks(d.motivo, "Afixada no mural so em 19/05/2027")
            qtbot.mouseClick(d.botao_ok, Qt.MouseButton.LeftButton)
            esperar_gravacao(qtbot, d)
            if d.isVisible():
                d.reject()

        quando_modal(preencher, tipo=DialogoRetificacao)
        qtbot.mouseClick(tela.retificar, Qt.MouseButton.LeftButton)
        esperar_leituras(qtbot)
    assert processo.obter_processo(sessao_admin, p["id"])["inscritos_publicados_em"] == "2027-05-19"
    assert (f"Deixou de valer (citava a data antiga): Edital — lista de inscritos nº {antigo.numero}/{antigo.ano} "
            f"(código {antigo.codigo}) — emita de novo na aba Documentos.") in tela.mensagem.text()
    assert registro.por_id(sessao_admin.db, antigo.id)["substituido_em"]
