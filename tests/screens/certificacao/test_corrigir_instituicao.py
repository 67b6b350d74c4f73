"""Correção da instituição e da adesão pela tela (issue 12, item 5): motivo obrigatório, palavra vedada e datas
da adesão fora de ordem recusadas dentro do diálogo sem gravar nada; o nome corrigido depois da emissão vai ao
diário com o motivo, substitui o diploma emitido e emite a nova via com o nome certo."""
from datetime import timedelta
from io import BytesIO

from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.screens.certificacao.painel import PainelCertificacao
from desktop.services import documentos, documentos_vias
from desktop.services.certificacao import emissao, processos
from tests.screens.apoio_janelas import digitar
from tests.services.certificacao.apoio import HOJE, ate_avaliacao, montar_cenario

ESPERA = 60_000  # o serviço roda fora da thread da interface; a máquina de testes é lenta


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def _confirmar_e_esperar_recusa(qtbot, dlg) -> str:
    qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.tarefa is None and dlg.rotulo_erro.isVisible(), timeout=ESPERA)
    assert dlg.isVisible()
    return dlg.rotulo_erro.text()


def _lida(qtbot, *telas) -> None:
    """Espera as listas lidas fora da thread da interface (comum.ler) chegarem à aba ou ao diálogo."""
    qtbot.waitUntil(lambda: not any(getattr(t, "lendo", False) for t in telas), timeout=30000)


def _trocar(qtbot, campo, texto: str) -> None:
    campo.edit.clear()
    digitar(qtbot, campo.edit, texto)


def test_corrigir_nome_e_adesao_pela_tela_substitui_o_diploma_e_emite_nova_via(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 3)
    processos.registrar_etapa(s, p["id"], "certificacao", dados={"sistec_codigo": "SISTEC-1"},
                              realizada_em=HOJE - timedelta(days=2))
    antigos = {e["tipo_documento"]: e for e in emissao.listar_emissoes(s, p["id"])}
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    painel.resize(1200, 800)
    painel.show()  # a lista chega depois do primeiro desenho: escondido, o botão ficaria com altura 0 e o clique erraria
    aba = painel.instituicao
    _lida(qtbot, aba)
    aba.lista.selecionar(c["inst"]["id"])
    assert aba.botao_corrigir.isEnabled()
    qtbot.mouseClick(aba.botao_corrigir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible())
    dlg = aba.dialogo
    assert dlg.nome.texto() == "Instituto de Teste" and dlg.orgao.texto() == "Conselho Estadual de Educação"
    assert dlg.sistec.valor() == HOJE - timedelta(days=100)

    _trocar(qtbot, dlg.nome, "Instituto Estadual de Educação Profissional")
    assert not dlg.botao_ok.isEnabled()  # sem motivo, não confirma
    digitar(qtbot, dlg.motivo.edit, "curto")
    assert not dlg.botao_ok.isEnabled()  # motivo com menos de 10 caracteres
    _trocar(qtbot, dlg.motivo, "Nome conforme o ato de criação da instituição")
    assert dlg.botao_ok.isEnabled()

    _trocar(qtbot, dlg.nome, "Instituto de Certificação Profissional")  # palavra que revela a forma de obtenção
    erro = _confirmar_e_esperar_recusa(qtbot, dlg)
    assert "nome da instituição" in erro and "certifica" in erro.lower() and "art. 15" in erro

    _trocar(qtbot, dlg.nome, "Instituto Estadual de Educação Profissional")
    _trocar(qtbot, dlg.sistec, (HOJE - timedelta(days=200)).strftime("%d/%m/%Y"))  # antes das aprovações
    erro = _confirmar_e_esperar_recusa(qtbot, dlg)
    assert "validação no Sistec deve ser posterior" in erro and "art. 10" in erro
    assert s.db["cert_instituicoes"].get(c["inst"]["id"])["nome"] == "Instituto de Teste"  # nada gravado
    assert all(documentos.verificar_codigo(s, e["codigo"]).situacao == documentos.AUTENTICO for e in antigos.values())

    _trocar(qtbot, dlg.sistec, (HOJE - timedelta(days=95)).strftime("%d/%m/%Y"))
    with qtbot.waitSignal(dlg.accepted, timeout=ESPERA):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)

    inst = s.db["cert_instituicoes"].get(c["inst"]["id"])
    assert inst["nome"] == "Instituto Estadual de Educação Profissional"
    assert inst["sistec_validada_em"] == (HOJE - timedelta(days=95)).isoformat()
    diario = s.db.execute("SELECT antes, depois FROM diario WHERE tabela = 'cert_instituicoes' AND acao = 'alterar' "
                          "ORDER BY seq DESC LIMIT 1").fetchone()
    assert "Instituto de Teste" in diario[0]
    assert "Nome conforme o ato de criação da instituição" in diario[1]
    for tipo, antigo in antigos.items():
        v = documentos.verificar_codigo(s, antigo["codigo"])
        assert v.situacao == documentos.SUBSTITUIDO, tipo
        novo = v.substituto
        t = _texto(documentos_vias.pdf_emitido(s, novo["id"]))
        assert "Instituto Estadual de Educação Profissional" in t and "Instituto de Teste" not in t
        assert "Correção do cadastro: Nome conforme o ato de criação da instituição" in t
    assert "2 documento(s) emitido(s) em nova via" in aba.situacao.text()
    _lida(qtbot, aba)
    linha = aba.lista.selecionada()
    assert linha["nome"] == "Instituto Estadual de Educação Profissional"


def test_so_a_adesao_corrigida_nao_reemite(qtbot, sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    painel = PainelCertificacao(s)
    qtbot.addWidget(painel)
    painel.resize(1200, 800)
    painel.show()  # a lista chega depois do primeiro desenho: escondido, o botão ficaria com altura 0 e o clique erraria
    aba = painel.instituicao
    _lida(qtbot, aba)
    aba.lista.selecionar(c["inst"]["id"])
    qtbot.mouseClick(aba.botao_corrigir, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: aba.dialogo is not None and aba.dialogo.isVisible())
    dlg = aba.dialogo
    digitar(qtbot, dlg.motivo.edit, "Data do termo conforme a ata do conselho")
    erro = _confirmar_e_esperar_recusa(qtbot, dlg)  # nada mudou
    assert "Nada a corrigir" in erro
    _trocar(qtbot, dlg.termo, (HOJE - timedelta(days=115)).strftime("%d/%m/%Y"))
    dlg.sistema.setCurrentIndex(dlg.sistema.findData("municipal"))
    with qtbot.waitSignal(dlg.accepted, timeout=ESPERA):
        qtbot.mouseClick(dlg.botao_ok, Qt.MouseButton.LeftButton)
    inst = s.db["cert_instituicoes"].get(c["inst"]["id"])
    assert inst["termo_aprovado_em"] == (HOJE - timedelta(days=115)).isoformat()
    assert inst["sistema_ensino"] == "municipal" and inst["nome"] == "Instituto de Teste"
    assert dlg.resultado["emitidos"] == []
    assert "correção registrada no diário." in aba.situacao.text()
