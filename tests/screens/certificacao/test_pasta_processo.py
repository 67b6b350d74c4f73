"""Tela do processo: cada etapa com o que foi registrado (entrevista, memorial, avaliadores, resultado por
competência, datas reais) e a lista buscável por nome, CPF, curso e situação (issue 12, item 6)."""
from datetime import timedelta

from desktop.screens.certificacao.painel import PainelCertificacao
from desktop.services.certificacao import processos
from tests.screens.apoio_tabelas import dica, textos
from tests.services.certificacao.apoio import (ENCAMINHAMENTO, HOJE, ate_avaliacao, cpf_valido, montar_cenario)


def test_processo_mostra_o_que_cada_etapa_registrou_e_a_busca(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 2, resultado_em=HOJE - timedelta(days=40))
    processos.registrar_etapa(s, p["id"], "certificacao", dados={}, realizada_em=HOJE - timedelta(days=10))
    processos.registrar_etapa(s, p["id"], "encaminhamento", dados=ENCAMINHAMENTO, realizada_em=HOJE - timedelta(days=9))
    outro = ate_avaliacao(s, c, 3, cpf=cpf_valido(987654321))
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ap = painel.processos
    ap.selecionar(p["id"])
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    linhas = {t[0]: t for t in textos(ap.etapas.visao)}
    assert sorted(t[3] for t in textos(ap.lista.visao)) == ["concluído · parcial", "em andamento · integral"]
    assert linhas["Acolhimento"][1] == (HOJE - timedelta(days=42)).strftime("%d/%m/%Y")  # a data real da etapa
    assert ("Entrevista diagnóstica: Eletricista há 10 anos; Memorial socioprofissional: Memorial registrado; "
            in linhas["Acolhimento"][3])  # o ponto final de cada resposta não vira ".;"
    assert "Decisão do trabalhador: seguir para a matrícula" in linhas["Acolhimento"][3]
    assert "Avaliadores: Paulo; Sérgio" in linhas["Avaliação"][3]
    assert "Resultado: Atestado (parcial)" in linhas["Avaliação"][3]  # o rótulo, não o código da base ("parcial")
    assert "Competências reconhecidas (2 de 3): Interpretar projetos elétricos, Executar instalações" in linhas["Avaliação"][3]
    assert "Não reconhecidas: Aplicar normas de segurança (NR-10)" in linhas["Avaliação"][3]
    assert "Documentos emitidos:" in linhas["Certificação"][3] and "prazo de recurso vencido" in linhas["Certificação"][3]
    assert dica(ap.etapas.visao, 3, 3) == linhas["Avaliação"][3]  # o texto inteiro na dica
    assert linhas["Avaliação"][2] == s.usuario.login  # quem registrou; quando (hoje, com a hora), na dica
    assert dica(ap.etapas.visao, 3, 2).startswith(f"Registrada por {s.usuario.login} em {HOJE:%d/%m/%Y} ")  # e a hora
    # busca: CPF com pontos, curso, situação (a lista é relida fora da thread da interface; vale a última)
    def relida():
        qtbot.waitUntil(lambda: not ap.lendo, timeout=30000)

    relida()
    assert ap.lista.modelo.rowCount() == 2
    qtbot.keyClicks(ap.busca, cpf_valido(987654321))
    relida()
    assert ap.lista.modelo.rowCount() == 1 and ap._processos[0]["id"] == outro["id"]
    ap.busca.clear()
    qtbot.keyClicks(ap.busca, "Eletrot")  # parte do nome do curso
    relida()
    assert ap.lista.modelo.rowCount() == 2
    ap.filtro_situacao.setCurrentIndex(ap.filtro_situacao.findData("concluido"))
    relida()
    assert ap.lista.modelo.rowCount() == 1 and ap._processos[0]["id"] == p["id"]
    ap.busca.clear()
    qtbot.keyClicks(ap.busca, "Fulano Inexistente")
    relida()
    assert ap.lista.modelo.rowCount() == 0


def test_pasta_do_processo_impressa_pela_tela(qtbot, sessao_admin, tmp_path, monkeypatch):
    """Emitida e salva como todo documento (widgets.emissao): pergunta onde salvar; o arquivo é o registrado."""
    import hashlib
    from io import BytesIO

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog
    from pypdf import PdfReader

    from desktop.services.certificacao.comunicado import emitir_pasta

    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 2, resultado_em=HOJE)
    processos.interpor_recurso(s, p["id"], fundamentacao="Peço reavaliação da NR-10.")
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    ap = painel.processos
    ap.selecionar(p["id"])
    qtbot.waitUntil(lambda: (ap.detalhe or {}).get("id") == p["id"], timeout=30000)  # lido fora da interface
    sugeridos = []

    def _salvar_como(_parent, _titulo, sugerido, _filtro):
        sugeridos.append(sugerido)
        return str(tmp_path / "pasta.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(_salvar_como))
    qtbot.mouseClick(ap.botao_pasta, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ap.tarefa is None and not ap.lendo, timeout=60_000)  # grava e relê fora da interface
    assert "Pasta do processo emitida" in ap.situacao.text() and f"Salvo em {tmp_path / 'pasta.pdf'}" in ap.situacao.text()
    [codigo] = [c for (c,) in s.db.execute("SELECT codigo FROM documentos WHERE tipo = 'cert_pasta_processo'")] or [None]
    assert codigo and sugeridos[0].endswith(f"pasta-do-processo-{codigo}.pdf")
    sha = s.db.execute("SELECT sha256 FROM documentos WHERE codigo = ?", [codigo]).fetchone()[0]
    assert hashlib.sha256((tmp_path / "pasta.pdf").read_bytes()).hexdigest() == sha
    t = " ".join(" ".join(pg.extract_text() for pg in PdfReader(BytesIO(emitir_pasta(s, p["id"]).pdf)).pages).split())
    assert "PASTA DO PROCESSO" in t and "Maria José da Silva" in t
    assert "Entrevista diagnóstica: Eletricista há 10 anos; Memorial" in t and "Avaliadores: Paulo; Sérgio" in t
    assert "Situação em andamento" in t and "Resultado Atestado (parcial)" in t  # rótulos, não os códigos da base
    assert "Resultado: Atestado (parcial)" in t and "Resultado: parcial" not in t  # também no resumo da Avaliação
    assert "Peço reavaliação da NR-10. Sem decisão." in t and "Nenhum documento emitido." in t
