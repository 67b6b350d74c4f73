"""Entradas inválidas do issue 3 contra os serviços reais: mensagem que nomeia o campo (e a linha, na
planilha) e nada gravado pela metade (diário, servidores e pessoas inalterados)."""
import csv
from datetime import date, timedelta

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.magisterio import cadastro, consultas, importacao, tabelas
from desktop.services.sessao import ErroNegocio

from .conftest import CPF_ANA, CPF_JOSE, CPF_MARIA, maria


def _contagens(sessao) -> tuple:
    q = lambda sql: sessao.db.execute(sql).fetchone()[0]  # noqa: E731
    return (q("SELECT count(*) FROM diario"), q("SELECT count(*) FROM magisterio_servidores"),
            q("SELECT count(*) FROM pessoas"))


@pytest.fixture
def m(sessao, escolas):
    return maria(sessao, escolas)["id"]


def test_titulacao_com_data_no_futuro(sessao, m):
    """Lei 1.613/2004, art. 19 §2º: o nível muda a partir do requerimento, que não pode estar no futuro."""
    antes = _contagens(sessao)
    amanha = date.today() + timedelta(days=1)
    with pytest.raises(ErroNegocio, match=rf"Titulação: a data do requerimento \({amanha:%d/%m/%Y}\) está no futuro"):
        cadastro.adicionar(sessao, "titulacoes", m, titulo="pos_lato_sensu", data_requerimento=amanha)
    assert _contagens(sessao) == antes
    assert [t["titulo"] for t in cadastro.itens(sessao, "titulacoes", m)] == ["licenciatura_plena"]


def test_ferias_sobrepostas(sessao, m):
    """Arts. 54 a 57: um período de férias não se sobrepõe a outro."""
    cadastro.adicionar(sessao, "ferias", m, inicio=date(2025, 7, 1), fim=date(2025, 7, 30))
    antes = _contagens(sessao)
    with pytest.raises(ErroNegocio, match=r"Férias: o período de 20/07/2025 a 05/08/2025 se sobrepõe a outro registro "
                                          r"de férias \(de 01/07/2025 a 30/07/2025\)"):
        cadastro.adicionar(sessao, "ferias", m, inicio=date(2025, 7, 20), fim=date(2025, 8, 5))
    assert _contagens(sessao) == antes


def test_mais_faltas_que_dias_no_mes(sessao, m):
    """Art. 34: uma falta por dia de exercício (nunca mais faltas que dias no mês) e, por hora, no máximo as horas
    do dia (jornada de 20 h: 4 por dia)."""
    cadastro.adicionar(sessao, "faltas", m, data=date(2025, 9, 2), codigo="FI")
    antes = _contagens(sessao)
    with pytest.raises(ErroNegocio, match=r"Falta: já há falta registrada em 02/09/2025"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2025, 9, 2), codigo="FI")
    with pytest.raises(ErroNegocio, match=r"Falta: as horas não cumpridas vão de 1 a 4"):
        cadastro.adicionar(sessao, "faltas", m, data=date(2025, 9, 3), horas=6, codigo="FI")
    with pytest.raises(EntradaInvalida, match=r"Falta, data: "):
        cadastro.adicionar(sessao, "faltas", m, data="31/09/2025", codigo="FI")
    assert _contagens(sessao) == antes
    assert len(cadastro.itens(sessao, "faltas", m)) == 1


def test_nivel_e_classe_desconhecidos(sessao):
    """Art. 10 e 15: níveis 1 a 4 (e NE, art. 69) e classes A a G; a matriz digitada não aceita outros."""
    matriz = consultas.matriz_em(sessao, date(2026, 1, 1))
    celulas = {(n.value, c, j): v for n, c, j, v in matriz.itens()}
    antes = _contagens(sessao)
    with pytest.raises(EntradaInvalida, match=r"classe inválida: H"):
        tabelas.simular_reajuste(sessao, date(2026, 1, 1), celulas=celulas | {("1", "H", 20): "9999.00"})
    with pytest.raises(EntradaInvalida, match=r"Nível desconhecido: '5'"):
        tabelas.simular_reajuste(sessao, date(2026, 1, 1), celulas=celulas | {("5", "A", 20): "9999.00"})
    assert _contagens(sessao) == antes


def test_cpf_ja_cadastrado(sessao, escolas, m):
    """O CPF identifica a pessoa: com outro nome, a recusa diz de quem é; nada fica gravado."""
    antes = _contagens(sessao)
    with pytest.raises(ErroNegocio, match=r"O CPF 529.982.247-25 já está cadastrado para Maria da Silva Souza"):
        cadastro.cadastrar_servidor(sessao, nome="Joana Prado", cpf=CPF_MARIA, matricula="2002", cargo="professor",
                                    admissao=date(2010, 2, 1), titulo="licenciatura_plena",
                                    escola_id=escolas["castro"])
    assert _contagens(sessao) == antes


def _csv(tmp_path, linhas):
    arq = tmp_path / "servidores.csv"
    with open(arq, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Nome", "CPF", "Matrícula", "Cargo", "Admissão", "Jornada", "Titulação", "Nível", "Escola"])
        w.writerows(linhas)
    return arq


def test_planilha_com_campos_faltando_cpf_repetido_e_nivel_desconhecido(sessao, escolas, m, tmp_path):
    """Cada linha com erro é apontada pela linha e pela coluna; só as válidas entram, numa transação."""
    escola = "Escola Municipal Castro Alves"
    arq = _csv(tmp_path, [
        ["José Pereira", CPF_JOSE, "3001", "professor", "01/02/2015", "20", "licenciatura plena", "3", escola],
        ["", CPF_ANA, "3002", "professor", "01/02/2016", "", "licenciatura plena", "3", escola],
        ["Joana Prado", CPF_MARIA, "3003", "professor", "01/02/2016", "20", "licenciatura plena", "3", escola],
        ["Paulo Reis", "935.411.347-80", "3004", "professor", "01/02/2016", "20", "licenciatura plena", "5", escola],
    ])
    antes = _contagens(sessao)
    rel = importacao.analisar(sessao, arq)
    assert _contagens(sessao) == antes  # a análise ensaia e desfaz
    erros = {(e.linha, e.coluna): e.mensagem for e in rel.erros}
    assert erros[(3, "Nome")] == "não preenchida."
    assert erros[(3, "Jornada")] == "não preenchida."
    assert "CPF 529.982.247-25 já cadastrado como servidor ativo (matrícula 1001)" in erros[(4, "CPF")]
    assert "nível desconhecido: '5'" in erros[(5, "Nível")]
    assert str(rel.erros[0]).startswith("linha 3, coluna Nome")
    assert [x.numero for x in rel.validas] == [2]
    r = importacao.importar(sessao, rel)
    assert (r.importados, r.ignoradas) == (1, 3)
    nomes = {s["nome"] for s in cadastro.listar_servidores(sessao, ativo=None)}
    assert nomes == {"Maria da Silva Souza", "José Pereira"}
