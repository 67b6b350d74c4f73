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
        # a rede da issue 3, item 8: umas 30 escolas e 300 servidores; 1 em cada 100 já se aposentou (2025)
        escolas = cadastro.listar_escolas(s)
        assert len(escolas) == len(demo.ESCOLAS) == 30
        assert all(e["porte"] for e in escolas) and {e["zona"] for e in escolas} == {"urbana", "rural"}
        assert {e["porte"] for e in escolas} == {"grande", "medio", "pequeno", "especial"}
        todos = cadastro.listar_servidores(s, ativo=None)
        assert len(todos) == 300
        desligados = [x for x in todos if not x["ativo"]]
        assert len(desligados) == 300 // 100
        assert {x["motivo_desligamento"] for x in desligados} == {"aposentadoria"}
        servidores = cadastro.listar_servidores(s)
        assert len(servidores) == 300 - 300 // 100
        assert {x["cargo"] for x in servidores} == {"professor", "pedagogo", "auxiliar_ensino"}
        assert {x["unidade_id"] for x in servidores} >= {e["id"] for e in escolas}  # nenhuma escola vazia
        fichas = cadastro.fichas(s)
        config = configuracao.ler(s)
        assert len(fichas) == 300
        # todos têm situação funcional: os ativos em 01/10/2026, os aposentados no último dia de exercício
        assert all(carreira.situacao_em(f, f.desligamento or date(2026, 10, 1), config, _regras(s)) for f in fichas)
    finally:
        s.fechar()


def _regras(sessao):
    from desktop.services.parametros import vigente

    return vigente(sessao, "magisterio_carreira", date(2026, 10, 1))
