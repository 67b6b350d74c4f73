"""O caso aberto (DialogoCaso) dirigido pelos botões: decisões, plantão e colegiado, comunicação, andamento e os
quatro documentos registrados — cada passo conferido no banco, no diário e no texto do PDF."""
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from pypdf import PdfReader

from desktop.services import documentos
from desktop.services.conselho import atendimentos, decisoes
from desktop.screens.conselho.funcionamento.caso import DialogoCaso

from .apoio import br, responder, salvar_em

CASO = {"tipo": "denuncia", "recebido_em": datetime(2025, 3, 10, 22, 15), "bairro": "Centro",
        "criancas": [{"nome": "Lia Souza", "nascimento": date(2015, 1, 2)}]}


def _clicar(qtbot, caso: DialogoCaso, rotulo: str) -> None:
    """Clica e espera o caso: a gravação, a emissão e a releitura rodam fora da thread da interface."""
    qtbot.mouseClick(caso.botoes[rotulo], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not caso.ocupada, timeout=20000)


def _diario(db, tabela: str, registro_id: str, acao: str) -> int:
    return db.execute("SELECT count(*) FROM sigilo.diario WHERE tabela = ? AND registro_id = ? AND acao = ?",
                      [tabela, registro_id, acao]).fetchone()[0]


def _texto(caminho) -> str:
    """O texto do PDF com os espaços e quebras de linha reduzidos a um espaço."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(caminho).pages).split())


def _abrir(qtbot, sessao, at_id) -> DialogoCaso:
    caso = DialogoCaso(sessao, at_id, None, atendimentos.obter_atendimento(sessao, at_id))
    qtbot.addWidget(caso)
    caso.show()
    return caso


def test_decisoes_plantao_colegiado_e_comunicacao(qtbot, conselheira):
    db = conselheira.db
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])

    # Sem decisão, os botões que dependem de uma dizem por quê (não abrem diálogo vazio).
    _clicar(qtbot, caso, "Comunicação ao juiz (art. 93)")
    assert "Não há acolhimento institucional" in caso.mensagem.text()
    _clicar(qtbot, caso, "Comunicação feita")
    assert "já têm a comunicação" in caso.mensagem.text()

    # Decisão do colegiado com medida do ECA (a lista de marcar chega ao serviço).
    antes = datetime.now().replace(second=0, microsecond=0)
    r = responder(qtbot, {"descricao": "Inclusão em programa de apoio", "motivacao": "Família pede ajuda",
                          "emergencial": False, "medidas": ["101-IV"]})
    _clicar(qtbot, caso, "Nova decisão")
    assert r.erro is None, r.erro
    d1 = db.execute("SELECT id, emergencial, decidida_em, comunicar_ate, ratificar_ate FROM conselho_decisoes"
                    ).fetchone()
    assert d1[1] == 0 and d1[4] is None
    decidida = datetime.fromisoformat(d1[2])
    assert antes <= decidida <= datetime.now()
    assert datetime.fromisoformat(d1[3]) >= decidida + timedelta(hours=48)  # 48 h, prorrogado se cair em não útil
    assert db.execute("SELECT codigo FROM conselho_medidas WHERE decisao_id = ?", [d1[0]]).fetchall() == [("101-IV",)]
    assert _diario(db, "conselho_decisoes", d1[0], "inserir") == 1
    assert "Nova decisão: registrado" in caso.mensagem.text()
    assert "Inclusão em programa de apoio" in caso.texto.toPlainText()
    assert "comunicar até" in caso.texto.toPlainText()

    # Decisão sem motivação: recusa no diálogo, nada gravado.
    r = responder(qtbot, {"descricao": "Sem motivo", "emergencial": False})
    _clicar(qtbot, caso, "Nova decisão")
    assert "motivação" in r.erro
    assert db.execute("SELECT count(*) FROM conselho_decisoes").fetchone()[0] == 1

    # Duas medidas de plantão: entram na fila de ratificação do painel de prazos.
    for descricao in ("Acolhimento emergencial", "Entrega à avó materna"):
        r = responder(qtbot, {"descricao": descricao, "motivacao": "Criança sozinha à noite", "emergencial": True,
                              "medidas": ["101-VII"] if descricao.startswith("Acolhimento") else ["101-I"]})
        _clicar(qtbot, caso, "Nova decisão")
        assert r.erro is None, r.erro
    emerg = {row[0]: row[1] for row in db.execute(
        "SELECT descricao, id FROM conselho_decisoes WHERE emergencial = 1 AND ratificar_ate IS NOT NULL")}
    assert set(emerg) == {"Acolhimento emergencial", "Entrega à avó materna"}
    fila = {p["registro_id"] for p in decisoes.painel_prazos(conselheira) if p["tipo"] == "ratificacao"}
    assert fila == set(emerg.values())
    assert "levar ao colegiado (ratificar) até" in caso.texto.toPlainText()

    # A ratificação não é mais feita no caso, por uma conselheira sozinha: é do colegiado, em sessão com quórum
    # (aba Colegiado, tests/screens/conselho/funcionamento/test_colegiado.py). Aqui, o acolhimento é comunicado
    # ao juiz (ECA, art. 93): só o acolhimento é oferecido; sem ofício, recusa; com ofício, grava.
    assert not [b for b in caso.botoes if "Ratificar" in b]
    r = responder(qtbot, {"decisao": emerg["Acolhimento emergencial"], "oficio": ""})
    _clicar(qtbot, caso, "Comunicação ao juiz (art. 93)")
    assert "ofício" in r.erro and len(r.opcoes["decisao"]) == 1 and "Acolhimento" in r.opcoes["decisao"][0]
    quando = datetime.now().replace(second=0, microsecond=0)
    r = responder(qtbot, {"decisao": emerg["Acolhimento emergencial"], "em": quando, "oficio": "Ofício 7/2025-CT",
                          "juizo": "Vara da Infância"})
    _clicar(qtbot, caso, "Comunicação ao juiz (art. 93)")
    assert r.erro is None, r.erro
    assert db.execute("SELECT oficio, juizo, comunicada_em FROM conselho_comunicacoes_juizo").fetchall() == [
        ("Ofício 7/2025-CT", "Vara da Infância", quando.isoformat(timespec="minutes"))]
    assert not [p for p in decisoes.painel_prazos(conselheira) if p["tipo"] == "juizo"]
    assert {p["registro_id"] for p in decisoes.painel_prazos(conselheira) if p["tipo"] == "ratificacao"} == \
        set(emerg.values())

    # Comunicação escrita (48 h) da primeira decisão.
    quando = datetime.now().replace(second=0, microsecond=0)
    r = responder(qtbot, {"decisao": d1[0], "a": "Rosa Lima (mãe)", "em": quando})
    _clicar(qtbot, caso, "Comunicação feita")
    assert r.erro is None, r.erro
    assert db.execute("SELECT comunicada_a, comunicada_em FROM conselho_decisoes WHERE id = ?", [d1[0]]).fetchone() \
        == ("Rosa Lima (mãe)", quando.isoformat(timespec="minutes"))
    assert _diario(db, "conselho_decisoes", d1[0], "alterar") == 1
    pendentes = {p["registro_id"] for p in decisoes.painel_prazos(conselheira) if p["tipo"] == "comunicacao"}
    assert d1[0] not in pendentes and pendentes == set(emerg.values())
    assert "comunicada a Rosa Lima (mãe)" in caso.texto.toPlainText()


def test_andamento_requisicao_encaminhamento_acompanhamento(qtbot, conselheira):
    db = conselheira.db
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])
    _clicar(qtbot, caso, "Resposta da requisição")
    assert "Não há requisição aguardando resposta" in caso.mensagem.text()

    hoje = date.today()
    prazo = hoje + timedelta(days=5)
    r = responder(qtbot, {"orgao": "CRAS Centro", "servico": "Atendimento psicossocial da família",
                          "emitida": hoje, "prazo": br(prazo)})
    _clicar(qtbot, caso, "Requisição")
    assert r.erro is None, r.erro
    req = db.execute("SELECT id, orgao, emitida_em, prazo, atendida_em FROM conselho_requisicoes").fetchone()
    assert req[1:] == ("CRAS Centro", hoje.isoformat(), prazo.isoformat(), None)
    assert _diario(db, "conselho_requisicoes", req[0], "inserir") == 1
    assert f"prazo {br(prazo)}" in caso.texto.toPlainText()
    # Sem prazo digitado: o padrão do parâmetro (10 dias, db/parametros/conselho_prazos.toml).
    r = responder(qtbot, {"orgao": "UBS Vila Nova", "servico": "Consulta pediátrica", "emitida": hoje})
    _clicar(qtbot, caso, "Requisição")
    assert db.execute("SELECT prazo FROM conselho_requisicoes WHERE orgao = 'UBS Vila Nova'").fetchone()[0] == \
        (hoje + timedelta(days=10)).isoformat()
    itens = {p["registro_id"]: p for p in decisoes.painel_prazos(conselheira) if p["tipo"] == "requisicao"}
    assert itens[req[0]]["limite"] == prazo.isoformat() and itens[req[0]]["situacao"] == "no_prazo"

    r = responder(qtbot, {"req": req[0], "resposta": "Família atendida em 12/03", "em": hoje})
    _clicar(qtbot, caso, "Resposta da requisição")
    assert r.erro is None and len(r.opcoes["req"]) == 2
    assert db.execute("SELECT atendida_em, resposta FROM conselho_requisicoes WHERE id = ?", [req[0]]).fetchone() == \
        (hoje.isoformat(), "Família atendida em 12/03")
    assert req[0] not in {p["registro_id"] for p in decisoes.painel_prazos(conselheira)}
    assert "respondida em" in caso.texto.toPlainText()

    r = responder(qtbot, {"destino": "CAPS Infantil", "motivo": "Avaliação psicológica", "em": hoje})
    _clicar(qtbot, caso, "Encaminhamento")
    assert r.erro is None, r.erro
    enc = db.execute("SELECT id, destino, motivo, encaminhado_em FROM conselho_encaminhamentos").fetchone()
    assert enc[1:] == ("CAPS Infantil", "Avaliação psicológica", hoje.isoformat())
    assert _diario(db, "conselho_encaminhamentos", enc[0], "inserir") == 1

    r = responder(qtbot, {"texto": ""})
    _clicar(qtbot, caso, "Acompanhamento")
    assert "Escreva o que foi feito" in r.erro
    r = responder(qtbot, {"texto": "Visita domiciliar: criança na escola."})
    _clicar(qtbot, caso, "Acompanhamento")
    assert r.erro is None
    ac = db.execute("SELECT id, texto, conselheiro_id FROM conselho_acompanhamentos").fetchone()
    assert ac[1] == "Visita domiciliar: criança na escola." and ac[2] is not None
    assert _diario(db, "conselho_acompanhamentos", ac[0], "inserir") == 1
    texto = caso.texto.toPlainText()
    assert "CAPS Infantil" in texto and "Visita domiciliar" in texto


def test_documentos_do_caso_registrados_e_autenticos(qtbot, conselheira, tmp_path, monkeypatch):
    db = conselheira.db
    salvos = salvar_em(monkeypatch, tmp_path)
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    numero = f"{at['numero']}/{at['ano']}"
    caso = _abrir(qtbot, conselheira, at["id"])
    _clicar(qtbot, caso, "Termo de medida")
    assert "Nenhuma decisão deste caso aplicou medida" in caso.mensagem.text()
    _clicar(qtbot, caso, "Requisição (PDF)")
    assert "Registre primeiro a requisição" in caso.mensagem.text()
    decisoes.registrar_decisao(conselheira, at["id"], descricao="Matrícula obrigatória", motivacao="Fora da escola",
                               medidas=[{"codigo": "101-III"}])
    decisoes.registrar_requisicao(conselheira, at["id"], orgao="Secretaria de Educação", servico="Vaga na escola",
                                  emitida_em=date(2025, 3, 11), prazo=date(2025, 3, 21))
    caso.recarregar()
    qtbot.waitUntil(lambda: not caso.ocupada, timeout=10000)  # relê fora da thread da interface
    quando = datetime(2025, 3, 14, 9, 30)
    passos = [
        ("Notificação", {"dest": "Rosa Lima", "quando": quando, "assunto": "Frequência escolar"}, "conselho_notificacao",
         ["NOTIFICADO", "Rosa Lima", "14/03/2025 às 09:30", f"atendimento nº {numero}"]),
        ("Ofício", {"dest": "Escola Municipal São José", "assunto": "Matrícula", "texto": "Solicitamos a matrícula."},
         "conselho_oficio", ["Escola Municipal São José", "Solicitamos a matrícula.", "Assunto: Matrícula"]),
        ("Requisição (PDF)", {}, "conselho_requisicao", ["REQUISITA", "Vaga na escola", "21/03/2025",
                                                         "Secretaria de Educação"]),
        ("Termo de medida", {"dest": "Rosa Lima"}, "conselho_termo_medida", ["Matrícula obrigatória", "Art. 101, III"]),
    ]
    for rotulo, valores, tipo, trechos in passos:
        r = responder(qtbot, valores)
        _clicar(qtbot, caso, rotulo)
        assert r.erro is None, (rotulo, r.erro)
        arquivo = salvos[-1]
        assert arquivo.exists(), rotulo
        codigo = db.execute("SELECT codigo FROM documentos WHERE tipo = ? ORDER BY rowid DESC", [tipo]).fetchone()[0]
        assert codigo in arquivo.name and codigo in caso.mensagem.text() and str(arquivo) in caso.mensagem.text()
        v = documentos.verificar_pdf(conselheira, arquivo)
        assert v.situacao == "autentico", (rotulo, v.mensagem())
        texto = _texto(arquivo)
        for t in trechos:
            assert t in texto, (rotulo, t)
        assert "Lia Souza" not in db.execute("SELECT referencia FROM documentos WHERE codigo = ?",
                                             [codigo]).fetchone()[0]  # o registro não leva o nome da criança
    assert len(salvos) == 4
    # Um byte mudado: a verificação acusa alteração.
    alterado = tmp_path / "alterado.pdf"
    alterado.write_bytes(salvos[0].read_bytes() + b"\n% acrescentado depois\n")
    assert documentos.verificar_pdf(conselheira, alterado).situacao == "alterado"


def test_documento_do_caso_so_vai_para_arquivo_depois_do_aviso(qtbot, conselheira, tmp_path, monkeypatch):
    """Documento de caso identifica a criança: recusado o aviso, nenhum arquivo sem cifra é gravado e o
    documento fica só na base (registrado, para abrir e imprimir de novo)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    perguntas, avisos = [], []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: perguntas.append(a) or ("", "")))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda *a, **k: avisos.append(a[2]) or QMessageBox.StandardButton.No))
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    caso = _abrir(qtbot, conselheira, at["id"])
    r = responder(qtbot, {"dest": "Escola Municipal São José", "assunto": "Matrícula", "texto": "Solicitamos."})
    _clicar(qtbot, caso, "Ofício")
    assert r.erro is None and avisos and "SEM cifra" in avisos[0]
    assert not perguntas and not list(tmp_path.rglob("*.pdf"))
    codigo = conselheira.db.execute("SELECT codigo FROM documentos WHERE tipo = 'conselho_oficio'").fetchone()[0]
    assert codigo in caso.mensagem.text() and "Não foi salvo em arquivo" in caso.mensagem.text()


def test_caso_reabre_o_termo_emitido_e_emite_nova_via(qtbot, conselheira, tmp_path, monkeypatch):
    """Issue 11: o quadro "Documentos emitidos deste caso" reabre o PDF guardado (no arquivo sigiloso) byte a
    byte e emite a nova via com o seu PDF; a via perdida é cancelada no mesmo ato."""
    import hashlib

    from PySide6.QtGui import QDesktopServices

    abertos = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: abertos.append(url.toLocalFile()) or True))
    salvos = salvar_em(monkeypatch, tmp_path)
    db = conselheira.db
    at = atendimentos.registrar_atendimento(conselheira, CASO)
    decisoes.registrar_decisao(conselheira, at["id"], descricao="Matrícula obrigatória", motivacao="Fora da escola",
                               medidas=[{"codigo": "101-III"}])
    caso = _abrir(qtbot, conselheira, at["id"])
    quadro = caso.emitidos
    qtbot.waitUntil(lambda: not quadro.carregando, timeout=10000)  # a lista é lida fora da thread da interface
    assert quadro.documentos() == [] and not quadro.botao_abrir.isEnabled()
    r = responder(qtbot, {"dest": "Rosa Lima"})
    _clicar(qtbot, caso, "Termo de medida")
    assert r.erro is None, r.erro
    original = salvos[-1].read_bytes()
    qtbot.waitUntil(lambda: len(quadro.documentos()) == 1, timeout=10000)
    [doc] = quadro.documentos()
    assert doc["tipo"] == "conselho_termo_medida" and "1ª via · válido" in quadro.lista.currentText()
    antes = len(salvos)
    qtbot.mouseClick(quadro.botao_abrir, Qt.MouseButton.LeftButton)
    # o PDF é lido da base e gravado fora da interface
    qtbot.waitUntil(lambda: len(salvos) > antes and quadro.ultimo_arquivo == salvos[-1], timeout=10000)
    reaberto = salvos[-1]
    assert reaberto.read_bytes() == original and abertos[-1] == str(reaberto)
    sha = db.execute("SELECT sha256 FROM documentos WHERE id = ?", [doc["id"]]).fetchone()[0]
    assert hashlib.sha256(reaberto.read_bytes()).hexdigest() == sha
    qtbot.keyClicks(quadro.motivo, "a familia perdeu o termo entregue")
    quadro.perdida.setChecked(True)
    qtbot.mouseClick(quadro.botao_via, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(quadro.documentos()) == 2 and quadro.ultimo_arquivo == salvos[-1], timeout=30000)
    nova = salvos[-1]
    assert abertos[-1] == str(nova) and nova.read_bytes() != original
    texto = _texto(nova)
    assert "2ª via" in texto and "Rosa Lima" in texto and "Matrícula obrigatória" in texto
    v = documentos.verificar_pdf(conselheira, nova)
    assert v.situacao == "autentico" and v.documento["via"] == 2 and v.documento["numero"] == doc["numero"]
    assert documentos.verificar_codigo(conselheira, doc["codigo"]).situacao == "cancelado"
    assert "2ª via · válido" in quadro.lista.currentText()
