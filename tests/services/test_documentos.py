"""Registro de documentos: emitir, numerar, verificar (código e arquivo), alterado, cancelado."""
from datetime import date, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from desktop.reports import layout
from desktop.rules.papeis import Papel
from desktop.rules.validacao import EntradaInvalida
from desktop.services import documentos as docs
from desktop.services.sessao import ErroNegocio, SemPermissao, Sessao, Usuario
from desktop.store.ids import novo_id


def _montar(texto="Declaramos que a servidora Conceição exerce a função."):
    def montar(cab, rod):
        return layout.gerar_pdf(cab, rod, rod.tipo, layout.titulo(rod.tipo) + [layout.paragrafo(texto)])
    return montar


def _emitir(sessao, tipo="magisterio_declaracao", titulo="Declaração", **kw):
    return docs.emitir(sessao, tipo=tipo, titulo=titulo, montar=_montar(), **kw)


def _outra_sessao(sessao, papel: Papel, login="outro") -> Sessao:
    """Outro usuário na mesma base aberta (a trava impede abrir a base duas vezes)."""
    return Sessao(sessao.base, Usuario(novo_id(), login, login.title(), papel))


def _pdf_simples(**metadados) -> bytes:
    saida = BytesIO()
    c = canvas.Canvas(saida)
    for chave, valor in metadados.get("info", {}).items():
        getattr(c, f"set{chave}")(valor)
    c.drawString(72, 720, metadados.get("texto", "Um PDF qualquer, feito fora do Paço."))
    c.showPage()
    c.save()
    return saida.getvalue()


def _texto(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def test_emitir_registra_e_verifica_por_codigo_e_por_arquivo(sessao_admin, tmp_path):
    e = _emitir(sessao_admin, referencia="Maria Conceição")
    ano = datetime.now().year
    assert (e.numero, e.ano, e.via, e.paginas) == (1, ano, 1, 1)
    assert len(e.codigo) == 14 and e.codigo.count("-") == 2
    assert e.codigo in _texto(e.pdf)
    assert PdfReader(BytesIO(e.pdf)).metadata["/Keywords"].startswith(f"paco-codigo:{e.codigo} paco-selo:PACO1.")

    linha = sessao_admin.db.execute(
        "SELECT tipo, numero, ano, sha256, paginas, emitido_por FROM documentos WHERE id = ?",
        [e.id]).fetchone()
    assert linha == ("magisterio_declaracao", 1, ano, e.sha256, 1, "admin")
    assert sessao_admin.db.execute(
        "SELECT count(*) FROM diario WHERE tabela = 'documentos' AND registro_id = ? "
        "AND acao = 'inserir'", [e.id]).fetchone()[0] == 1

    v = docs.verificar_codigo(sessao_admin, e.codigo.lower().replace("-", ""))
    assert v.situacao == "autentico" and v.documento["id"] == e.id
    assert v.mensagem().startswith(
        f"Documento autêntico: Declaração nº 1/{ano} (Maria Conceição), 1ª via, emitido em ")
    assert "por admin" in v.mensagem()

    arquivo = tmp_path / "declaracao.pdf"
    arquivo.write_bytes(e.pdf)
    v = docs.verificar_pdf(sessao_admin, arquivo)
    assert v.situacao == "autentico" and v.por_arquivo
    assert "idêntico ao que foi emitido" in v.mensagem()


def test_arquivo_alterado_ou_com_bytes_a_mais(sessao_admin):
    e = _emitir(sessao_admin)
    meio = len(e.pdf) // 2
    trecho_codigo = e.pdf.index(b"paco-codigo:")
    assert not trecho_codigo <= meio <= trecho_codigo + 30
    um_byte = bytearray(e.pdf)
    um_byte[meio] ^= 0x01
    for adulterado in (bytes(um_byte), e.pdf + b"\n% anexado\n"):
        v = docs.verificar_pdf(sessao_admin, adulterado)
        assert v.situacao == "alterado"
        assert v.codigo == e.codigo and v.documento["id"] == e.id
        assert v.mensagem().startswith("ALTERADO: o arquivo não é o documento emitido.")


def test_codigo_achado_so_no_texto_de_outro_pdf(sessao_admin):
    """Um PDF refeito (sem os metadados do Paço) que copia o texto do rodapé: alterado."""
    e = _emitir(sessao_admin)
    falso = _pdf_simples(texto=f"Código de verificação: {e.codigo}")
    assert b"paco-codigo" not in falso
    v = docs.verificar_pdf(sessao_admin, falso)
    assert (v.situacao, v.codigo) == ("alterado", e.codigo)


def test_pdf_de_fora_e_codigo_inexistente_sao_desconhecidos(sessao_admin):
    _emitir(sessao_admin)
    v = docs.verificar_pdf(sessao_admin, _pdf_simples())
    assert (v.situacao, v.codigo, v.documento) == ("desconhecido", None, None)
    assert "não foi emitido por este Paço" in v.mensagem()

    v = docs.verificar_pdf(sessao_admin, _pdf_simples(info={"Keywords": "paco-codigo:ZZZZ-ZZZZ-ZZZZ"}))
    assert (v.situacao, v.codigo) == ("desconhecido", "ZZZZ-ZZZZ-ZZZZ")
    assert "não consta no registro deste Paço" in v.mensagem()

    assert docs.verificar_pdf(sessao_admin, b"isto nem e um pdf").situacao == "desconhecido"
    v = docs.verificar_codigo(sessao_admin, "ZZZZ-ZZZZ-ZZZ2")
    assert v.situacao == "desconhecido" and "digitado corretamente" in v.mensagem()
    with pytest.raises(EntradaInvalida, match="12 letras"):
        docs.verificar_codigo(sessao_admin, "ABCD-EFGH-IJ01")


def test_arquivo_inexistente_da_mensagem_clara(sessao_admin, tmp_path):
    with pytest.raises(ErroNegocio, match="Não foi possível ler o arquivo"):
        docs.verificar_pdf(sessao_admin, tmp_path / "nao-existe.pdf")


def test_cancelar_exige_motivo_e_fica_cancelado(sessao_admin):
    e = _emitir(sessao_admin)
    with pytest.raises(EntradaInvalida, match="motivo"):
        docs.cancelar(sessao_admin, e.codigo, "  erro  ")
    with pytest.raises(ErroNegocio, match="Nenhum documento"):
        docs.cancelar(sessao_admin, "ZZZZ-ZZZZ-ZZZZ", "emitido com o mês errado")

    linha = docs.cancelar(sessao_admin, e.codigo, "emitido com o mês errado")
    assert linha["cancelado_por"] == "admin" and linha["motivo_cancelamento"] == "emitido com o mês errado"
    for v in (docs.verificar_codigo(sessao_admin, e.codigo), docs.verificar_pdf(sessao_admin, e.pdf)):
        assert v.situacao == "cancelado"
        assert v.mensagem().startswith("Documento CANCELADO: Declaração nº 1/")
        assert "Motivo: emitido com o mês errado." in v.mensagem()
    v = docs.verificar_pdf(sessao_admin, e.pdf + b" ")
    assert v.situacao == "alterado" and "foi cancelado em" in v.mensagem()

    with pytest.raises(ErroNegocio, match="já foi cancelado"):
        docs.cancelar(sessao_admin, e.codigo, "de novo, por engano")
    jornal = sessao_admin.db.execute(
        "SELECT acao, antes, depois FROM diario WHERE tabela = 'documentos' AND registro_id = ? "
        "ORDER BY seq", [e.id]).fetchall()
    assert [j[0] for j in jornal] == ["inserir", "alterar"]
    assert "emitido com o mês errado" in jornal[1][2] and "emitido com o mês errado" not in jornal[1][1]


def test_cancelar_e_emitir_exigem_permissao(sessao_admin):
    e = _emitir(sessao_admin)
    rh = _outra_sessao(sessao_admin, Papel.FOLHA_RH, "rh")
    with pytest.raises(SemPermissao, match="cancelar documentos"):
        docs.cancelar(rh, e.codigo, "emitido com o mês errado")
    assert _emitir(rh).numero == 2  # Folha/RH emite
    assert docs.verificar_codigo(rh, e.codigo).situacao == "autentico"

    consulta = _outra_sessao(sessao_admin, Papel.CONSULTA, "mp")
    with pytest.raises(SemPermissao, match="emitir documentos"):
        _emitir(consulta)
    assert docs.verificar_codigo(consulta, e.codigo).situacao == "autentico"
    assert sessao_admin.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == 2


def test_numeracao_por_tipo_e_ano_e_segunda_via(sessao_admin):
    assert [_emitir(sessao_admin).numero for _ in range(3)] == [1, 2, 3]
    assert _emitir(sessao_admin, tipo="magisterio_atestado", titulo="Atestado").numero == 1
    original = _emitir(sessao_admin, referencia="Processo 12/2026")
    assert original.numero == 4
    segunda = _emitir(sessao_admin, referencia="Processo 12/2026", via=2)
    assert (segunda.numero, segunda.ano, segunda.via) == (4, original.ano, 2)
    assert segunda.codigo != original.codigo and segunda.sha256 != original.sha256
    assert "2ª via" in _texto(segunda.pdf)
    with pytest.raises(ErroNegocio, match="já foi emitida"):
        _emitir(sessao_admin, referencia="Processo 12/2026", via=2)
    with pytest.raises(ErroNegocio, match="referência"):
        _emitir(sessao_admin, referencia="Processo inexistente", via=2)
    assert _emitir(sessao_admin).numero == 5


def test_falha_ao_montar_nao_registra_nada(sessao_admin):
    antes = sessao_admin.db.execute("SELECT count(*) FROM diario").fetchone()[0]

    def quebra(cab, rod):
        raise RuntimeError("falha na geração")

    with pytest.raises(RuntimeError):
        docs.emitir(sessao_admin, tipo="magisterio_declaracao", titulo="Declaração", montar=quebra)
    assert sessao_admin.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == 0
    assert sessao_admin.db.execute("SELECT count(*) FROM diario").fetchone()[0] == antes


def test_documento_emitido_nao_pode_ser_apagado(sessao_admin):
    e = _emitir(sessao_admin)
    with pytest.raises(Exception, match="não podem ser apagados"):
        sessao_admin.db.execute("DELETE FROM documentos WHERE id = ?", [e.id])
    assert docs.verificar_codigo(sessao_admin, e.codigo).situacao == "autentico"


def test_listar_documentos_com_filtros(sessao_admin):
    a = _emitir(sessao_admin, referencia="Maria")
    _emitir(sessao_admin, tipo="magisterio_atestado", titulo="Atestado", referencia="José")
    docs.cancelar(sessao_admin, a.codigo, "emitido com o nome errado")
    assert [d["tipo"] for d in docs.listar_documentos(sessao_admin)] == ["magisterio_atestado", "magisterio_declaracao"]
    assert [d["referencia"] for d in docs.listar_documentos(sessao_admin, tipo="magisterio_atestado")] == ["José"]
    assert [d["id"] for d in docs.listar_documentos(sessao_admin, cancelados=True)] == [a.id]
    assert [d["referencia"] for d in docs.listar_documentos(sessao_admin, texto="mar")] == ["Maria"]
    assert len(docs.listar_documentos(sessao_admin, de=date.today(), ate=date.today())) == 2
    assert docs.listar_documentos(sessao_admin, ate=date(2000, 1, 1)) == []
    consulta = _outra_sessao(sessao_admin, Papel.CONSULTA, "mp")
    assert len(docs.listar_documentos(consulta)) == 2  # o papel de consulta lê o registro


def test_folha_de_recuperacao_registrada_sem_guardar_a_chave(sessao_admin, instalacao):
    _, chave = instalacao
    with pytest.raises(ErroNegocio, match="não é a chave"):
        docs.emitir_folha_recuperacao(sessao_admin, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    e = docs.emitir_folha_recuperacao(sessao_admin, chave.lower().replace("-", ""))
    texto = _texto(e.pdf).replace(" ", "")
    grupos = chave.split("-")
    assert "-".join(grupos[:4]) in texto and "-".join(grupos[4:]) in texto
    assert docs.verificar_pdf(sessao_admin, e.pdf).situacao == "autentico"
    compacta = chave.replace("-", "")
    for tabela in ("documentos", "diario"):
        for linha in sessao_admin.db.execute(f"SELECT * FROM {tabela}").fetchall():
            conteudo = " ".join(str(c) for c in linha).replace("-", "")
            assert compacta not in conteudo


def test_tipo_desconhecido_e_papel_sem_modulo_recusados(sessao_admin):
    """Ninguém emite um tipo que o Paço não conhece (a "Certidão" forjada pelo mp), e a permissão
    vem do tipo: Folha/RH não emite documento do Conselho nem da Certificação."""
    with pytest.raises(ErroNegocio, match="não emite documentos do tipo"):
        _emitir(sessao_admin, tipo="certidao", titulo="Certidão")
    rh = _outra_sessao(sessao_admin, Papel.FOLHA_RH, "rh")
    for tipo in ("conselho_oficio", "cert_certificado_qualificacao", "eleicao_ata"):
        with pytest.raises(SemPermissao):
            _emitir(rh, tipo=tipo, titulo="Forjado")
    mp = _outra_sessao(sessao_admin, Papel.CONSULTA, "mp")
    with pytest.raises(SemPermissao):
        _emitir(mp, tipo="magisterio_certidao", titulo="Certidão")
    assert sessao_admin.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == 0
