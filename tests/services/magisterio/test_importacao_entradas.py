"""Importação sob entradas hostis (issues 17 e 19): .ods e .xls pela python-calamine, codificações do CSV,
células enormes, caracteres de controle, fórmulas neutralizadas na entrada e no relatório, limites, progresso."""
import random
import zipfile
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook

from desktop.rules import csv_seguro
from desktop.rules.validacao import formatar_cpf
from desktop.services.demo import cpf_ficticio
from desktop.services.magisterio import cadastro, importacao, planilha

from .conftest import maria
from tests.services.magisterio.conftest import ler_csv

_RND = random.Random(17)
CPFS = [formatar_cpf(cpf_ficticio(_RND)) for _ in range(12)]
CA = "Escola Municipal Castro Alves"
CABECALHO = ["Nome", "CPF", "Matrícula", "Cargo", "Admissão", "Jornada", "Titulação", "Escola", "Telefone"]


@pytest.fixture
def base(sessao, escolas):
    maria(sessao, escolas)
    return sessao


def ods(caminho, linhas):
    """Um .ods mínimo (OpenDocument: mimetype, manifesto e content.xml), como o LibreOffice grava."""
    def celula(v):
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
    corpo = "".join("<table:table-row>" + "".join(celula(v) for v in linha) + "</table:table-row>" for linha in linhas)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="Servidores">{corpo}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifesto = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                 'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                 '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                 '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(caminho, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifesto)
        z.writestr("content.xml", content)
    return caminho


def _linha(i, nome=None, **mudar):
    d = dict(zip(CABECALHO, [nome or f"Servidora {i}", CPFS[i], str(9000 + i), "professora", "03/02/2015", "20",
                            "licenciatura plena", CA, "(73) 3525-0000"]))
    d.update(mudar)
    return [d[c] for c in CABECALHO]


def _csv(tmp_path, linhas, codificacao="utf-8", nome="s.csv"):
    texto = "\r\n".join(";".join(str(c) for c in l) for l in [CABECALHO, *linhas])
    arq = tmp_path / nome
    arq.write_bytes(texto.encode(codificacao))
    return arq


def test_ods_com_uma_linha_ruim_relatorio_por_linha(base, tmp_path):
    arq = ods(tmp_path / "servidores.ods", [CABECALHO, _linha(0), _linha(1, Jornada=30), _linha(2)])
    rel = importacao.analisar(base, arq)
    assert [str(e) for e in rel.erros] == [
        "linha 3, coluna Jornada: jornada inválida: '30'; use 20 ou 40 (horas semanais, Lei 1.613/2004, art. 23)."]
    assert [x.numero for x in rel.validas] == [2, 4]
    importacao.importar(base, rel)
    assert cadastro.listar_servidores(base, matricula="9002")[0]["nome"] == "Servidora 2"
    assert not {"view_names", "table_names"} & set(vars(base.db))  # o atalho da gravação não fica na base


@pytest.mark.parametrize("codificacao", ["utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
def test_csv_em_qualquer_codificacao_comum(base, tmp_path, codificacao):
    arq = _csv(tmp_path, [_linha(0, "Conceição Araújo"), _linha(1, "João Sá")], codificacao)
    rel = importacao.analisar(base, arq)
    assert rel.erros == [] and [x.dados["nome"] for x in rel.validas] == ["Conceição Araújo", "João Sá"]


def test_celulas_hostis_recusadas_na_linha(base, tmp_path):
    linhas = [_linha(0, "=HYPERLINK(\"http://x\",\"clique\")"), _linha(1, "Ana\x00Maria"), _linha(2, "A" * 5000),
              _linha(3, Escola="@SUM(1+1)"), _linha(4, Telefone="=1+1"), _linha(5, "+Bruno"), _linha(6, "-Carla"),
              _linha(7, Matrícula="=cmd|' /C calc'!A0"), _linha(8, "B" * 201), _linha(9)]
    rel = importacao.analisar(base, _csv(tmp_path, linhas))
    por_linha = {e.linha: (e.coluna, e.mensagem) for e in rel.erros}
    assert por_linha[2][0] == "Nome" and "como uma fórmula de planilha" in por_linha[2][1]
    assert por_linha[3] == ("Nome", "caractere de controle (código U+0000) na célula; apague-o na planilha "
                                    "(costuma vir de texto colado de outro sistema).")
    assert por_linha[4] == ("Nome", "texto longo demais (5.000 caracteres; no máximo 1.000).")
    assert por_linha[5][0] == "Escola" and "fórmula" in por_linha[5][1]
    assert por_linha[6][0] == "Telefone" and "telefone inválido" in por_linha[6][1]
    assert "fórmula" in por_linha[7][1] and "fórmula" in por_linha[8][1] and por_linha[9][0] == "Matrícula"
    assert por_linha[10] == ("Nome", "nome longo demais (201 caracteres; no máximo 200).")
    assert [x.numero for x in rel.validas] == [11]
    importacao.importar(base, rel)
    nomes = [r["nome"] for r in base.db.query("SELECT nome FROM pessoas")]
    assert not any(csv_seguro.parece_formula(n) or "\x00" in n for n in nomes)


def test_formula_ida_e_volta_no_relatorio_csv(base, tmp_path):
    """A célula perigosa entra no relatório (na mensagem e numa mensagem que começa com ela) e sai neutralizada."""
    rel = importacao.analisar(base, _csv(tmp_path, [_linha(0, Escola="=HYPERLINK(\"http://x\")"), _linha(1)]))
    rel.avisos.append("=1+1 aviso que começa como fórmula")
    rel.erros_gerais.append(importacao.ErroImportacao(0, "@coluna", "-2+3"))
    celulas = [c for linha in ler_csv(importacao.relatorio_csv(rel)) for c in linha]
    assert not [c for c in celulas if c[:1] in ("=", "+", "-", "@")]
    assert "'=1+1 aviso que começa como fórmula" in celulas and "'@coluna" in celulas and "'-2+3" in celulas
    assert any("=HYPERLINK" in c for c in celulas)  # o texto fica legível, só não executa


def test_arquivos_quebrados_e_grandes_sem_rastro(base, tmp_path):
    grande = _csv(tmp_path, [_linha(0, "X" * 200_000)], nome="celula.csv")   # > 128 KiB: limite do módulo csv
    assert "passa de 128 KiB" in importacao.analisar(base, grande).resumo()
    livro = Workbook()
    livro.active.append(CABECALHO)
    livro.active.append(_linha(0))
    inteiro = tmp_path / "inteiro.xlsx"
    livro.save(inteiro)
    truncado = tmp_path / "truncado.xlsx"
    truncado.write_bytes(inteiro.read_bytes()[:1500])
    assert "não parece uma planilha .xlsx válida" in importacao.analisar(base, truncado).resumo()
    lixo = tmp_path / "lixo.ods"
    lixo.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    assert "não parece uma planilha .ods válida" in importacao.analisar(base, lixo).resumo()
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert "Use uma planilha .xlsx, .xls ou .ods, ou um arquivo .csv." in importacao.analisar(base, pdf).resumo()


def test_limite_de_linhas(base, tmp_path, monkeypatch):
    monkeypatch.setattr(planilha, "LINHAS_MAXIMAS", 5)
    rel = importacao.analisar(base, _csv(tmp_path, [_linha(i % 10) for i in range(7)]))
    assert "mais de 5 linhas" in rel.resumo()


def test_analise_com_progresso_e_cancelamento_sem_transacao(base, tmp_path):
    linhas = [_linha(i % 10, f"Pessoa {i}", **{"Matrícula": str(20000 + i)}) for i in range(1200)]
    arq = _csv(tmp_path, linhas)
    vistos = []
    antes = base.db.execute("SELECT count(*) FROM diario").fetchone()[0]
    rel = importacao.analisar(base, arq, progresso=lambda f, t: vistos.append((f, t)))
    assert vistos[0] == (500, 2400) and vistos[-1] == (2400, 2400) and len(rel.linhas) == 1200
    assert base.db.execute("SELECT count(*) FROM diario").fetchone()[0] == antes
    assert not base.db.conn.in_transaction  # a análise não deixou transação aberta

    class Cancelado(Exception):
        pass

    def cancelar(f, t):
        if f >= 1000:
            raise Cancelado

    with pytest.raises(Cancelado):
        importacao.analisar(base, arq, progresso=cancelar)

