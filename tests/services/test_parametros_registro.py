"""Leitor único e registro dos parâmetros pela base: ``services.parametros.vigente`` devolve, para cada
parâmetro de db/parametros, o objeto da classe do registro; e o caminho da tela Parâmetros
(``adicionar_vigencia``) recusa "dois" num campo numérico de cada parâmetro, sem gravar nada."""
from datetime import date

import pytest

from desktop.rules.parametros import REGISTRO, ValorLegal
from desktop.rules.validacao import EntradaInvalida
from desktop.services import parametros as servico
from desktop.store.parametros import padroes

from tests.rules.test_registro_parametros import _casos_invalidos

PADROES = {p.definicao.nome: p for p in padroes()}


def test_o_leitor_devolve_a_classe_do_registro_para_cada_parametro(sessao_admin):
    servico.semear_padroes(sessao_admin)
    for nome, p in PADROES.items():
        dia = p.vigencias[-1].inicio
        lido = servico.vigente(sessao_admin, nome, dia)
        if p.definicao.tipo == "tabela":
            assert isinstance(lido, REGISTRO[nome].classe), nome
        else:
            assert isinstance(lido, ValorLegal), nome
        if hasattr(lido, "fundamento"):
            assert lido.fundamento, nome


def test_leitor_sem_vigencia_na_data_recusa_com_mensagem(sessao_admin):
    from desktop.services.sessao import ErroNegocio
    servico.semear_padroes(sessao_admin)
    with pytest.raises(ErroNegocio, match="Cadastre a vigência anterior"):
        servico.vigente(sessao_admin, "conselho_prazos", date(1990, 1, 1))


def test_todo_valor_invalido_recusado_pela_tela_em_todo_parametro(sessao_admin):
    """Os mesmos valores inválidos de tests/rules/test_registro_parametros ("dois" em cada campo numérico de
    cada tabela, um campo a mais, um a menos; "dois", vazio, -1 e nada nos valores simples), agora pelo
    serviço que a tela Parâmetros chama: todos recusados, nenhuma vigência gravada."""
    servico.semear_padroes(sessao_admin)
    antes = {nome: len(servico.listar_vigencias(sessao_admin, nome)) for nome in PADROES}
    aceitos, vistos = [], set()
    for caso in _casos_invalidos():
        nome, ruim = caso.values
        vistos.add(nome)
        try:
            servico.adicionar_vigencia(sessao_admin, nome, date(2031, 1, 1), ruim,
                                       "Decreto municipal de teste, art. 1º", "V")
        except EntradaInvalida:
            continue
        aceitos.append(caso.id)
    assert aceitos == []
    assert vistos == set(PADROES)
    assert {nome: len(servico.listar_vigencias(sessao_admin, nome)) for nome in PADROES} == antes


LEITORES = {"parametros.py", "calculadoras/parametros.py"}
"""Os dois lugares que leem parâmetros: com a base (services.parametros.vigente) e sem ela (as calculadoras);
os dois convertem pela leitura única de rules.parametros (valor_vigente)."""
AINDA_LENDO_A_PARTE: dict[str, str] = {}  # em limpeza: vazia desde que a calculadora do Conselho lê por lido()


def _leituras_a_parte(fonte: str) -> list[str]:
    import ast
    achados = []
    for no in ast.walk(ast.parse(fonte)):
        if isinstance(no, ast.ImportFrom) and no.module in ("desktop.store.parametros", "desktop.store") and (
                no.module == "desktop.store.parametros" or any(a.name == "parametros" for a in no.names)):
            achados.append(f"importa o store de parâmetros (linha {no.lineno})")
        elif isinstance(no, ast.Call) and isinstance(no.func, (ast.Attribute, ast.Name)):
            nome = no.func.attr if isinstance(no.func, ast.Attribute) else no.func.id
            if nome in ("de_valor", "de_vigencia", "interpretar", "tabela_irrf_em", "vigente_em"):
                achados.append(f"{nome}(…) na linha {no.lineno}")
    return achados


def test_servicos_leem_parametros_so_pelo_leitor_unico():
    """Fora dos dois leitores, nenhum serviço lê o store de parâmetros nem converte uma vigência à mão."""
    from pathlib import Path
    raiz = Path(servico.__file__).parent
    achados = {}
    for arq in sorted(raiz.rglob("*.py")):
        nome = arq.relative_to(raiz).as_posix()
        if nome in LEITORES or nome in AINDA_LENDO_A_PARTE:
            continue
        if a_parte := _leituras_a_parte(arq.read_text(encoding="utf-8")):
            achados[nome] = a_parte
    assert achados == {}
    for nome in AINDA_LENDO_A_PARTE:  # quem sair da limpeza sai também daqui
        assert _leituras_a_parte((raiz / nome).read_text(encoding="utf-8")), nome


def test_faixa_do_inss_recusada_pela_tela_cita_o_artigo(sessao_admin):
    """Pelo serviço da tela Parâmetros, 'dois' na alíquota de uma faixa do INSS é recusado com o campo e o
    artigo (os tipos de campo comuns, rules.campos), e nada é gravado."""
    from tests.rules.test_registro_parametros import _faixa

    servico.semear_padroes(sessao_admin)
    antes = len(servico.listar_vigencias(sessao_admin, "inss"))
    valor = _faixa(PADROES["inss"].vigencias[-1].valor, 2, percentual="dois")
    with pytest.raises(EntradaInvalida, match=r"^A alíquota da faixa 2 do INSS não é um número válido: 'dois' "
                                              r"\(EC 103/2019, art\. 28; faixas da portaria interministerial MPS/MF "
                                              r"do ano\)\.$"):
        servico.adicionar_vigencia(sessao_admin, "inss", date(2031, 1, 1), valor, "Portaria de teste, art. 1º", "V")
    assert len(servico.listar_vigencias(sessao_admin, "inss")) == antes
