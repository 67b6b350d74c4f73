"""Importação de planilhas: relatório linha a linha, tudo ou nada, cancelamento, XLSX, Latin-1 com ';'."""
import random
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from desktop.rules.papeis import Papel, Permissao
from desktop.rules.validacao import formatar_cpf
from desktop.services import cadastros
from desktop.services.demo import cpf_ficticio
from desktop.services.magisterio import cadastro, importacao
from desktop.services.sessao import ErroNegocio, SemPermissao
from desktop.store import diario as diario_store

from .conftest import CPF_JOSE, com_papel, maria
from tests.services.magisterio.conftest import ler_csv

_RND = random.Random(1613)
CPFS = [formatar_cpf(cpf_ficticio(_RND)) for _ in range(12)]
CA = "Escola Municipal Castro Alves"

CABECALHO = "Nome,CPF,Matrícula,Cargo,Data de Admissão,Jornada,Titulação,Nível,Escola,Nascimento,Observações"
LINHAS = [
    f"Joana Prado,{CPFS[0]},5001,Professora,03/02/2010,20,Licenciatura Plena,3,{CA},12/05/1985,",  # 2 ok
    f"Carla Dias,123.456.789-00,5002,professor,03/02/2010,20,licenciatura,,{CA},,",                # 3 CPF
    f"Rita Leiga,{CPFS[1]},5003,Auxiliar de Ensino,01/03/1996,40,,,Escola Municipal Povoado de Itajuru,,",  # 4 ok
    f"Sem Matrícula,{CPFS[2]},,professor,03/02/2010,20,licenciatura plena,,,,",                    # 5
    f"Repetida,{CPFS[3]},5001,professor,03/02/2010,20,licenciatura plena,,,,",                      # 6
    f"Nível Errado,{CPFS[4]},5006,professor,03/02/2010,20,médio normal,3,,,",                       # 7
    f"Escola Errada,{CPFS[5]},5007,professor,03/02/2010,20,mestrado,4,Escola Inexistente,,",        # 8
    f"Jornada Trinta,{CPFS[6]},5008,professor,03/02/2010,30h,mestrado,,,,",                        # 9
    f"Na Base,{CPFS[7]},1001,professor,03/02/2010,20,mestrado,,,,",                                 # 10
    f"Pedagoga Sem Curso,{CPFS[8]},5010,pedagoga,03/02/2010,40,médio normal,,,,",                   # 11
    f"Do Futuro,{CPFS[9]},5011,professor,03/02/2099,20,mestrado,,,,",                               # 12
    f"José Carlos Pereira,{CPF_JOSE},5012,Pedagogo,10/02/2012,40 horas,Especialização,IV,{CA},,",   # 13 ok
]
ERROS_ESPERADOS = [
    "linha 3, coluna CPF: CPF inválido: os dígitos verificadores não conferem.",
    "linha 5, coluna Matrícula: não preenchida.",
    "linha 6, coluna Matrícula: matrícula 5001 repetida (já aparece na linha 2).",
    "linha 7, coluna Nível: o nível 3 não corresponde à titulação 'nível médio, modalidade normal', que dá o nível 1 "
    "(Lei 1.613/2004, art. 14).",
    "linha 8, coluna Escola: escola não cadastrada: 'Escola Inexistente'. Cadastre-a antes ou corrija o nome.",
    "linha 9, coluna Jornada: jornada inválida: '30h'; use 20 ou 40 (horas semanais, Lei 1.613/2004, art. 23).",
    "linha 10, coluna Matrícula: matrícula 1001 já cadastrada, de Maria da Silva Souza.",
    "linha 11: Titulação: o cargo de pedagogo exige graduação em Pedagogia ou licenciatura com pós-graduação "
    "(Lei 1.613/2004, art. 14 §3º); 'nível médio, modalidade normal' não serve.",
    "linha 12, coluna Admissão: a data 03/02/2099 está no futuro.",
]


@pytest.fixture
def base(sessao, escolas):
    maria(sessao, escolas)
    cadastros.cadastrar_pessoa(sessao, nome="José Carlos Pereira", cpf=CPF_JOSE)
    return sessao


def _csv(tmp_path, linhas, nome="servidores.csv", codificacao="utf-8", sep=","):
    arq = tmp_path / nome
    texto = "\n".join([CABECALHO, *linhas]).replace(",", sep) if sep != "," else "\n".join([CABECALHO, *linhas])
    arq.write_bytes(texto.encode(codificacao))
    return arq


def _contar(sessao, tabela):
    return sessao.db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]


def test_relatorio_aponta_exatamente_as_linhas_ruins_e_importa_as_boas(base, tmp_path, escolas):
    sessao = base
    rel = importacao.analisar(sessao, _csv(tmp_path, LINHAS))
    assert [str(e) for e in rel.erros] == ERROS_ESPERADOS
    assert [x.numero for x in rel.validas] == [2, 4, 13]
    assert rel.resumo() == "12 linha(s) lida(s): 3 pronta(s) para importar, 9 com erro."
    assert "A coluna 'Observações' não é conhecida e foi ignorada." in rel.avisos
    assert any("José Carlos Pereira já está no cadastro de pessoas" in a for a in rel.avisos)
    # A análise não grava nada (nem no diário).
    diario_antes = _contar(sessao, "diario")
    assert _contar(sessao, "magisterio_servidores") == 1

    feitos = []
    res = importacao.importar(sessao, rel, progresso=lambda f, t: feitos.append((f, t)))
    assert (res.importados, res.ignoradas, len(res.ids)) == (3, 9, 3)
    assert feitos == [(1, 3), (2, 3), (3, 3)]
    servidores = {r["matricula"]: r for r in cadastro.listar_servidores(sessao)}
    assert set(servidores) == {"1001", "5001", "5003", "5012"}
    joana = cadastro.ficha(sessao, servidores["5001"]["id"])
    assert (joana.nome, joana.admissao, joana.nascimento, joana.titulacoes[0].titulo, joana.lotacoes[0].escola) == (
        "Joana Prado", date(2010, 2, 3), date(1985, 5, 12), "licenciatura_plena", CA)
    rita = cadastro.ficha(sessao, servidores["5003"]["id"])
    assert (rita.cargo, rita.titulacoes[0].titulo, rita.jornadas[0].horas) == ("auxiliar_ensino", "leigo", 40)
    jose = servidores["5012"]
    assert jose["nome"] == "José Carlos Pereira" and _contar(sessao, "pessoas") == 4  # a pessoa foi reaproveitada
    assert cadastro.ficha(sessao, jose["id"]).titulacoes[0].titulo == "pos_lato_sensu"
    # Diário: cada registro e um evento da importação, na mesma transação.
    evento = list(sessao.db.query("SELECT * FROM diario WHERE tabela = 'magisterio_importacoes'"))
    assert len(evento) == 1 and '"importados": 3' in evento[0]["depois"] and "servidores.csv" in evento[0]["depois"]
    assert _contar(sessao, "diario") > diario_antes + 3
    assert diario_store.verificar(sessao.db).ok
    # Importar de novo o mesmo arquivo: agora as matrículas já existem.
    de_novo = importacao.analisar(sessao, _csv(tmp_path, LINHAS[:1]))
    assert [str(e) for e in de_novo.erros] == [
        "linha 2, coluna Matrícula: matrícula 5001 já cadastrada, de Joana Prado.",
        f"linha 2, coluna CPF: CPF {CPFS[0]} já cadastrado como servidor ativo (matrícula 5001). Um segundo vínculo "
        "se cadastra pela ficha."]
    with pytest.raises(ErroNegocio, match="Nenhuma linha válida"):
        importacao.importar(sessao, de_novo)


def test_cancelar_no_meio_nao_deixa_nada(base, tmp_path):
    sessao = base
    rel = importacao.analisar(sessao, _csv(tmp_path, LINHAS))
    antes = {t: _contar(sessao, t) for t in ("pessoas", "magisterio_servidores", "magisterio_jornadas", "diario")}

    class Cancelado(Exception):
        pass

    def progresso(feitas, total):
        if feitas == 2:
            raise Cancelado("cancelado pelo usuário")

    with pytest.raises(Cancelado):
        importacao.importar(sessao, rel, progresso=progresso)
    assert {t: _contar(sessao, t) for t in antes} == antes
    assert diario_store.verificar(sessao.db).ok


def test_xlsx_com_numeros_e_datas_do_excel(base, tmp_path):
    sessao = base
    livro = Workbook()
    aba = livro.active
    aba.append(["NOME", "cpf", "MATRICULA", "cargo", "admissao", "jornada", "titulacao", "data_titulacao", "escola"])
    cpf_zero = next(c for c in (cpf_ficticio(random.Random(n)) for n in range(500)) if c.startswith("0"))
    aba.append(["Beatriz Nunes", int(cpf_zero), 7001, "Professor", datetime(2015, 2, 2), 40, "Mestrado",
                datetime(2020, 5, 4), CA])
    aba.append(["Caio Mendes", CPFS[10], "7002", "professor", "02/02/2015", 20, "licenciatura plena", None, None])
    aba.append([None] * 9)  # linha vazia no meio: ignorada
    aba.append(["Sem CPF", None, 7003, "professor", datetime(2015, 2, 2), 20, "mestrado", None, None])
    arq = tmp_path / "servidores.xlsx"
    livro.save(arq)
    rel = importacao.analisar(sessao, arq)
    assert [str(e) for e in rel.erros] == ["linha 5, coluna CPF: não preenchida."]
    importacao.importar(sessao, rel)
    beatriz = cadastro.listar_servidores(sessao, matricula="7001")[0]
    assert beatriz["cpf"] == cpf_zero and beatriz["jornada"] == 40 and beatriz["unidade_nome"] == CA
    ficha = cadastro.ficha(sessao, beatriz["id"])
    assert (ficha.titulacoes[0].titulo, ficha.titulacoes[0].data_requerimento) == ("mestrado", date(2020, 5, 4))
    assert cadastro.listar_servidores(sessao, matricula="7002")[0]["unidade_nome"] is None


def test_csv_latin1_com_ponto_e_virgula(base, tmp_path):
    sessao = base
    linhas = [f"Conceição Araújo,{CPFS[11]},8001,Professora,01/08/2018,20,Licenciatura Plena,III,{CA},,"]
    arq = _csv(tmp_path, linhas, codificacao="latin-1", sep=";")
    assert "Matr\xedcula".encode("latin-1") in arq.read_bytes()  # de fato Latin-1
    rel = importacao.analisar(sessao, arq)
    assert rel.erros == [] and len(rel.validas) == 1
    importacao.importar(sessao, rel)
    assert cadastro.listar_servidores(sessao, matricula="8001")[0]["nome"] == "Conceição Araújo"


def test_arquivo_sem_coluna_obrigatoria_ou_ilegivel(base, tmp_path):
    sessao = base
    arq = tmp_path / "incompleto.csv"
    arq.write_text("Nome;CPF;Cargo\nFulano;111.444.777-35;professor\n", encoding="utf-8")
    rel = importacao.analisar(sessao, arq)
    assert [str(e) for e in rel.erros_gerais] == [
        f"linha 1, coluna {c}: coluna obrigatória ausente no cabeçalho (veja o modelo em resources/modelos)."
        for c in ("Matrícula", "Admissão", "Jornada")]
    with pytest.raises(ErroNegocio, match="O arquivo não pode ser importado"):
        importacao.importar(sessao, rel)
    velho = tmp_path / "antigo.xls"  # .xls agora é lido (python-calamine, issue 19); este está truncado
    velho.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "não parece uma planilha .xls válida" in str(importacao.analisar(sessao, velho).erros_gerais[0])
    falso = tmp_path / "falso.xlsx"
    falso.write_text("não sou uma planilha")
    assert "não parece uma planilha .xlsx válida" in str(importacao.analisar(sessao, falso).erros_gerais[0])
    with pytest.raises(SemPermissao):
        importacao.analisar(com_papel(sessao, Papel.CONSULTA), arq)


def test_relatorio_exportado_em_csv(base, tmp_path):
    rel = importacao.analisar(base, _csv(tmp_path, LINHAS))
    linhas = ler_csv(importacao.relatorio_csv(rel))
    assert linhas[0] == ["Linha", "Situação", "Coluna", "Mensagem"]
    erros = [x for x in linhas if x[1] == "erro"]
    assert [(x[0], x[2]) for x in erros][:3] == [("3", "CPF"), ("5", "Matrícula"), ("6", "Matrícula")]
    assert len(erros) == 9
    assert ["2", "pronta", "", "Joana Prado"] in linhas
    assert ["", "aviso", "", "A coluna 'Observações' não é conhecida e foi ignorada."] in linhas


def test_modelo_distribuido_e_importavel(sessao):
    """O modelo em resources/modelos (documentado em docs/importacao-magisterio.md) entra sem erros."""
    from desktop import PASTA_RECURSOS
    from desktop.services.demo import ESCOLAS

    for nome, bairro, zona in ESCOLAS:
        cadastro.cadastrar_escola(sessao, nome=nome, bairro=bairro, zona=zona)
    rel = importacao.analisar(sessao, PASTA_RECURSOS / "modelos" / "servidores-modelo.csv")
    assert rel.erros == [] and len(rel.validas) == 5
    assert rel.avisos == [
        "linha 3: a titulação vale de 14/06/2012 em diante; o nível de 05/02/2007 até lá fica sem registro. Se "
        "precisar do histórico, cadastre na ficha a titulação do ingresso.",
        "linha 6: a titulação vale de 20/05/2021 em diante; o nível de 03/02/2015 até lá fica sem registro. Se "
        "precisar do histórico, cadastre na ficha a titulação do ingresso."]
    importacao.importar(sessao, rel)
    joao = cadastro.ficha(sessao, cadastro.listar_servidores(sessao, matricula="10877")[0]["id"])
    assert [(t.titulo, t.data_requerimento) for t in joao.titulacoes] == [("licenciatura_plena", date(2012, 6, 14))]
    assert (joao.lotacoes[0].inicio, joao.lotacoes[0].escola) == (date(2014, 2, 3), "Escola Municipal Rui Barbosa")



def test_ingresso_depois_da_lei_nos_quadros_em_extincao_e_apontado_na_linha(base, tmp_path):
    """Na planilha, o auxiliar admitido depois de 21/05/2004 (arts. 14 §2º e 69) e o professor admitido depois com
    licenciatura curta (arts. 14 §1º e 71) saem no relatório com o artigo e não são importados; o de 1996 entra."""
    sessao = base
    linhas = [f"Rita Nova,{CPFS[1]},9001,Auxiliar de Ensino,01/03/2010,20,,,,,",
              f"Caio Curta,{CPFS[2]},9002,professor,01/03/2010,20,licenciatura curta,,,,",
              f"Lia Antiga,{CPFS[3]},9003,Auxiliar de Ensino,01/03/1996,20,,,,,"]
    rel = importacao.analisar(sessao, _csv(tmp_path, linhas))
    mensagens = [str(e) for e in rel.erros]
    assert len(mensagens) == 2 and len(rel.validas) == 1
    assert mensagens[0].startswith("linha 2") and "arts. 14 §2º e 69" in mensagens[0]
    assert mensagens[1].startswith("linha 3") and "arts. 14 §1º e 71" in mensagens[1]
    importacao.importar(sessao, rel)
    assert cadastro.listar_servidores(sessao, matricula="9001") == []
    assert cadastro.listar_servidores(sessao, matricula="9002") == []
    assert cadastro.listar_servidores(sessao, matricula="9003")[0]["nome"] == "Lia Antiga"
