"""PDFs e CSV da competência fechada: lote (uma página por servidor, autêntico), contracheque avulso, analítica, histórico."""
import csv
from datetime import date
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from pypdf import PdfReader

from desktop.services import acesso, demo, documentos
from desktop.services.magisterio import documentos as docs_magisterio
from desktop.services.magisterio import folha
from desktop.services.sessao import ErroNegocio

OUTUBRO = date(2026, 10, 1)
SERVIDORES = 40  # a rede pequena da demonstração (a padrão tem 300): todos ativos, nenhum aposentado


@pytest.fixture
def sessao_fechada(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, servidores=SERVIDORES)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    yield s
    s.fechar()


def _texto(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages]


def test_lote_uma_pagina_por_servidor_e_autentico(sessao_fechada):
    vistos = []
    e = docs_magisterio.emitir_lote(sessao_fechada, OUTUBRO, progresso=lambda f, t: vistos.append(f))
    itens = folha.contracheques(sessao_fechada, OUTUBRO)
    paginas = _texto(e.pdf)
    assert len(paginas) == len(itens) == SERVIDORES == e.paginas
    assert vistos[-1] == SERVIDORES
    for pagina, item in zip(paginas, sorted(itens, key=lambda i: i.servidor.nome)):
        assert "outubro de 2026" in pagina and e.codigo in pagina
    nomes = {i.servidor.nome for i in itens}
    assert all(any(n in p for p in paginas) for n in nomes)
    v = documentos.verificar_pdf(sessao_fechada, e.pdf)
    assert v.situacao == documentos.AUTENTICO and v.documento["tipo"] == docs_magisterio.TIPO_LOTE


def test_lote_cancelado_nao_registra(sessao_fechada):
    class Cancelado(Exception):
        pass

    def progresso(feitos, total):
        if feitos == 5:
            raise Cancelado()

    with pytest.raises(Cancelado):
        docs_magisterio.emitir_lote(sessao_fechada, OUTUBRO, progresso=progresso)
    assert documentos.listar_documentos(sessao_fechada, tipo=docs_magisterio.TIPO_LOTE) == []


def test_contracheque_avulso_mostra_rubricas_com_artigos(sessao_fechada):
    item = folha.contracheques(sessao_fechada, OUTUBRO)[7]
    e = docs_magisterio.emitir_contracheque(sessao_fechada, OUTUBRO, item.contracheque.pessoa_id)
    texto = " ".join(" ".join(_texto(e.pdf)).split())
    assert item.servidor.nome in texto and item.servidor.matricula in texto
    assert "Vencimento" in texto and "Lei 1.613/2004, art" in texto
    liquido = f"{item.contracheque.liquido:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert liquido in texto
    for l in item.contracheque.linhas:
        assert l.codigo in texto
    assert documentos.verificar_pdf(sessao_fechada, e.pdf).situacao == documentos.AUTENTICO
    assert e.codigo in texto


def test_so_competencia_fechada_imprime(sessao_fechada):
    with pytest.raises(ErroNegocio, match="não está fechada"):
        docs_magisterio.emitir_lote(sessao_fechada, date(2026, 9, 1))
    with pytest.raises(ErroNegocio, match="não está fechada"):
        docs_magisterio.exportar_csv(sessao_fechada, date(2026, 9, 1))


def test_csv_soma_os_totais_da_competencia(sessao_fechada):
    c = folha.obter_competencia(sessao_fechada, OUTUBRO)
    dados = docs_magisterio.exportar_csv(sessao_fechada, OUTUBRO)
    linhas = list(csv.DictReader(StringIO(dados.decode("utf-8-sig")), delimiter=";"))

    def soma(coluna):
        return sum((Decimal(l[coluna].replace(",", ".")) for l in linhas if l[coluna]), Decimal("0.00"))

    assert soma("Provento") == c["proventos"] and soma("Desconto") == c["descontos"]
    assert soma("Provento") - soma("Desconto") == c["liquido"]
    assert len({l["Matrícula"] for l in linhas}) == SERVIDORES
    previa = folha.previa(sessao_fechada, date(2026, 11, 1))
    assert docs_magisterio.csv_da_previa(previa, formato="colunas").startswith("\ufeff".encode())


def test_folha_analitica_e_historico(sessao_fechada):
    e = docs_magisterio.emitir_folha_analitica(sessao_fechada, OUTUBRO)
    texto = " ".join(_texto(e.pdf))
    assert "Folha analítica" in texto and "Resumo da folha" in texto
    assert documentos.verificar_pdf(sessao_fechada, e.pdf).situacao == documentos.AUTENTICO
    # a âncora do diário: impressa na folha e gravada no registro do documento
    seq, hash_ = sessao_fechada.db.execute(
        "SELECT ancora_seq, ancora_hash FROM documentos WHERE id = ?", [e.id]).fetchone()
    assert sessao_fechada.db.execute("SELECT hash FROM diario WHERE seq = ?", [seq]).fetchone()[0] == hash_
    assert f"Diário: nº {seq}, hash {hash_[:8]}…" in texto

    item = folha.contracheques(sessao_fechada, OUTUBRO)[2]
    h = docs_magisterio.emitir_historico(sessao_fechada, item.contracheque.pessoa_id, date(2026, 10, 31))
    texto = " ".join(" ".join(_texto(h.pdf)).split())
    assert "Histórico funcional" in texto and item.servidor.nome in texto
    assert "Admissão" in texto and "art. 9" in texto
    assert documentos.verificar_pdf(sessao_fechada, h.pdf).situacao == documentos.AUTENTICO
