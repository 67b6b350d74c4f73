"""A base de demonstração: órgão, usuários de cada papel, unidades, pessoas e o Magistério."""
from datetime import date

from desktop.rules.magisterio import carreira
from desktop.services import acesso, cadastros, demo
from desktop.services.magisterio import cadastro, configuracao


def test_demo_completa_e_calculavel(tmp_path):
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho)
    s = acesso.entrar(caminho, "rh", demo.SENHA_DEMO)
    try:
        tipos = {u["tipo"] for u in cadastros.listar_unidades(s)}
        assert tipos == {"secretaria", "escola", "conselho_tutelar", "cmdca", "unidade_certificadora"}
        assert cadastros.contar_pessoas(s) >= 60
        servidores = cadastro.listar_servidores(s)
        assert len(servidores) == 40
        assert {x["cargo"] for x in servidores} == {"professor", "pedagogo", "auxiliar_ensino"}
        fichas = cadastro.fichas(s)
        config = configuracao.ler(s)
        assert all(carreira.situacao_em(f, date(2026, 10, 1), config, _regras(s)) for f in fichas)
    finally:
        s.fechar()


def _regras(sessao):
    from desktop.rules.magisterio.tabelas import ParametrosCarreira
    from desktop.services.parametros import vigente

    return ParametrosCarreira.de_vigencia(vigente(sessao, "magisterio_carreira", date(2026, 10, 1)))
