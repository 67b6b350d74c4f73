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
