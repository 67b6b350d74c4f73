"""Leitor único e registro dos parâmetros pela base: ``services.parametros.vigente`` devolve, para cada
parâmetro de db/parametros, o objeto da classe do registro; e o caminho da tela Parâmetros
(``adicionar_vigencia``) recusa "dois" num campo numérico de cada parâmetro, sem gravar nada."""
from datetime import date

import pytest

from desktop.rules.parametros import REGISTRO, ValorLegal
from desktop.rules.validacao import EntradaInvalida
from desktop.services import parametros as servico
from desktop.store.parametros import padroes

from tests.rules.test_registro_parametros import _folhas, _trocar

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


def test_dois_recusado_pela_tela_em_todo_parametro(sessao_admin):
    servico.semear_padroes(sessao_admin)
    for nome, p in sorted(PADROES.items()):
        ultimo = p.vigencias[-1].valor
        caminho = next(_folhas(ultimo), None) if p.definicao.tipo == "tabela" else None
        ruim = _trocar(ultimo, caminho, "dois") if caminho else "dois"  # sem campo numérico: a tabela toda
        antes = len(servico.listar_vigencias(sessao_admin, nome))
        with pytest.raises(EntradaInvalida):
            servico.adicionar_vigencia(sessao_admin, nome, date(2031, 1, 1), ruim,
                                       "Decreto municipal de teste, art. 1º", "V")
        assert len(servico.listar_vigencias(sessao_admin, nome)) == antes, nome
