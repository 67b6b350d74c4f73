"""Registro dos parâmetros: cada parâmetro de db/parametros tem a sua classe, e um valor inválido numa
vigência nova — "dois" num campo numérico, um campo a mais ou a menos — é recusado ao gravar pelo
mesmo caminho da tela Parâmetros (services.parametros.adicionar_vigencia → rules.parametros.nova_vigencia)."""
import copy
from datetime import date

import pytest

from desktop.rules.parametros import REGISTRO, VALIDADORES_TABELA, nova_vigencia
from desktop.rules.validacao import EntradaInvalida
from desktop.store.parametros import padroes

PADROES = {p.definicao.nome: p for p in padroes()}
TABELAS = sorted(n for n, p in PADROES.items() if p.definicao.tipo == "tabela")


def test_todo_parametro_em_tabela_tem_classe_e_nenhuma_classe_sobra():
    assert set(TABELAS) == set(VALIDADORES_TABELA)
    classes = [tipo.classe for tipo in REGISTRO.values()]
    assert len(set(classes)) == len(classes)  # uma classe para cada parâmetro, nenhuma servindo a dois
    simples = {n for n, p in PADROES.items() if p.definicao.tipo != "tabela"}
    assert {PADROES[n].definicao.tipo for n in simples} <= {"valor", "percentual"}  # ValorLegal, validado em campos


def _folhas(valor, caminho=()):
    """Caminhos até cada folha numérica do valor (número ou texto de número)."""
    if isinstance(valor, dict):
        for k, v in valor.items():
            yield from _folhas(v, caminho + (k,))
    elif isinstance(valor, list):
        for i, v in enumerate(valor):
            yield from _folhas(v, caminho + (i,))
    else:
        texto = str(valor).replace(".", "", 1).replace("-", "", 1)
        if not isinstance(valor, bool) and texto.isdigit():
            yield caminho


def _trocar(valor, caminho, novo):
    valor = copy.deepcopy(valor)
    alvo = valor
    for passo in caminho[:-1]:
        alvo = alvo[passo]
    alvo[caminho[-1]] = novo
    return valor


def _casos_invalidos():
    for nome in sorted(PADROES):
        p = PADROES[nome]
        ultimo = p.vigencias[-1].valor
        if p.definicao.tipo != "tabela":
            for ruim in ("dois", "", "-1", None):
                yield pytest.param(nome, ruim, id=f"{nome}-{ruim!r}")
            continue
        for caminho in _folhas(ultimo):
            rotulo = ".".join(map(str, caminho))
            yield pytest.param(nome, _trocar(ultimo, caminho, "dois"), id=f"{nome}-{rotulo}=dois")
        if isinstance(ultimo, dict):
            yield pytest.param(nome, {**ultimo, "campo_inventado": "1"}, id=f"{nome}-campo-a-mais")
            primeiro = next(iter(ultimo))
            yield pytest.param(nome, {k: v for k, v in ultimo.items() if k != primeiro}, id=f"{nome}-sem-{primeiro}")
    for caso in CASOS_DAS_FAIXAS:
        nome, valor, _ = caso.values
        yield pytest.param(nome, valor, id=caso.id)


def _faixa(valor, n: int, **troca) -> dict:
    """O valor com a faixa ``n`` (1 = a primeira; -1 = a última) trocada: campo=None tira o campo."""
    valor = copy.deepcopy(valor)
    faixa = valor["faixas"][n - 1 if n > 0 else n]
    for campo, novo in troca.items():
        if novo is None:
            faixa.pop(campo)
        else:
            faixa[campo] = novo
    return valor


def _casos_das_faixas():
    """Tabelas progressivas (INSS e IRRF) com faixas erradas além do "dois" em cada número: (nome, valor, o que
    a recusa diz, rótulo). As faixas passam pelos tipos de campo comuns (``rules.campos``) e a recusa cita o
    artigo."""
    inss = PADROES["inss"].vigencias[-1].valor
    limites = [f["ate"] for f in inss["faixas"]]
    art_inss = r"\(EC 103/2019, art\. 28; faixas da portaria interministerial MPS/MF do ano\)"
    yield "inss", _faixa(inss, 2, percentual="dois"), r"alíquota da faixa 2 do INSS não é um número.*" + art_inss, \
        "aliquota-dois"
    yield "inss", _faixa(_faixa(inss, 2, ate=limites[2]), 3, ate=limites[1]), \
        r"limite \(até\) da faixa 3 do INSS deve ser maior que na faixa anterior.*ordem crescente " + art_inss, \
        "faixa-decrescente"
    yield "inss", _faixa(inss, -1, ate="-8475.55"), r"limite \(até\) da faixa 4 do INSS deve ser maior que zero", \
        "teto-negativo"
    yield "inss", _faixa(inss, 1, percentual="0"), r"alíquota da faixa 1 do INSS é um percentual", "aliquota-zero"
    yield "inss", _faixa(inss, 3, percentual="101"), r"alíquota da faixa 3 do INSS é um percentual", "aliquota-101"
    yield "inss", _faixa(inss, 1, ate="1621.005"), r"faixa 1 do INSS deve ter no máximo dois centavos", \
        "tres-casas"
    yield "inss", _faixa(inss, 2, ate=True), r"faixa 2 do INSS deve ser um valor em reais, não verdadeiro/falso", \
        "limite-booleano"
    yield "inss", _faixa(inss, 2, percentual=None), r"A faixa 2 da tabela do INSS precisa de: percentual", \
        "faixa-sem-aliquota"
    yield "inss", _faixa(inss, 2, teto="1"), r"A faixa 2 da tabela do INSS não tem o campo teto", "faixa-campo-a-mais"
    yield "inss", {"faixas": []}, r"tabela do INSS deve ter uma lista de faixas.*" + art_inss, "sem-faixas"
    yield "inss", {"faixas": "7.5"}, r"tabela do INSS deve ter uma lista de faixas", "faixas-texto"

    irrf = PADROES["irrf"].vigencias[-1].valor
    art_tabela = r"\(Lei 11\.482/2007, art\. 1º; Lei 7\.713/1988, art\. 7º\)"
    yield "irrf", _faixa(irrf, 3, percentual="dois"), r"alíquota da faixa 3 do IRRF não é um número.*" + art_tabela, \
        "aliquota-dois"
    yield "irrf", _faixa(irrf, 3, ate="2000.00"), r"limite \(até\) da faixa 3 do IRRF deve ser maior que na faixa", \
        "faixa-decrescente"
    yield "irrf", _faixa(irrf, 3, percentual="5"), r"alíquota da faixa 3 do IRRF deve ser maior que na faixa", \
        "aliquota-decrescente"
    yield "irrf", _faixa(irrf, -1, ate="9000.00"), r"última faixa do IRRF não tem limite", "ultima-com-limite"
    yield "irrf", _faixa(irrf, 2, ate=None), r"Faixa 2 do IRRF: só a última faixa fica sem limite", "meio-sem-limite"
    yield "irrf", _faixa(irrf, 2, deduzir="-182.16"), r"parcela a deduzir da faixa 2 do IRRF deve ser zero ou positivo", \
        "deduzir-negativo"
    yield "irrf", {**irrf, "desconto_simplificado": "0"}, \
        r"desconto simplificado deve ser maior que zero.*\(Lei 9\.250/1995, art\. 4º §1º\)", "simplificado-zero"
    yield "irrf", {**irrf, "reducao": {**irrf["reducao"], "limite_reducao": "4000.00"}}, \
        r"limite da redução deve ser maior que o limite de isenção.*art\. 3º-A", "reducao-invertida"
    yield "irrf", {**irrf, "reducao": {**irrf["reducao"], "coeficiente": "-0.133145"}}, \
        r"coeficiente da redução deve ser maior que zero", "coeficiente-negativo"


CASOS_DAS_FAIXAS = [pytest.param(nome, valor, mensagem, id=f"{nome}-{rotulo}")
                    for nome, valor, mensagem, rotulo in _casos_das_faixas()]


@pytest.mark.parametrize("nome, valor, mensagem", CASOS_DAS_FAIXAS)
def test_faixas_do_inss_e_do_irrf_recusadas_com_o_artigo(nome, valor, mensagem):
    with pytest.raises(EntradaInvalida, match=mensagem):
        nova_vigencia(PADROES[nome].definicao, date(2030, 1, 1), valor, "Portaria de teste, art. 1º")


@pytest.mark.parametrize("nome, valor", list(_casos_invalidos()))
def test_valor_invalido_e_recusado_ao_gravar(nome, valor):
    with pytest.raises(EntradaInvalida):
        nova_vigencia(PADROES[nome].definicao, date(2030, 1, 1), valor, "Decreto municipal de teste, art. 1º")


@pytest.mark.parametrize("nome", sorted(PADROES))
def test_valores_publicados_passam_pela_classe(nome):
    p = PADROES[nome]
    for v in p.vigencias:
        nova_vigencia(p.definicao, v.inicio, v.valor, v.fundamento, v.status)


def test_cadastro_pela_tela_recusa_dois_no_conselho(sessao_admin):
    """O caminho da tela Parâmetros: o serviço recusa e nada é gravado."""
    from desktop.services import parametros as servico
    servico.semear_padroes(sessao_admin)
    antes = len(servico.listar_vigencias(sessao_admin, "conselho_prazos"))
    valor = _trocar(PADROES["conselho_prazos"].vigencias[-1].valor, ("comunicacao_horas",), "dois")
    with pytest.raises(EntradaInvalida, match="(?i)comunicacao_horas"):
        servico.adicionar_vigencia(sessao_admin, "conselho_prazos", date(2030, 1, 1), valor,
                                   "Decreto municipal de teste, art. 1º", "V")
    assert len(servico.listar_vigencias(sessao_admin, "conselho_prazos")) == antes
