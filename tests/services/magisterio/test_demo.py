"""Demonstração do magistério sobre a base de demonstração: servidores variados e fichas legíveis."""
from collections import Counter

from desktop.services import acesso, demo
from desktop.services.magisterio import cadastro
from desktop.store import diario

SERVIDORES = 40  # a rede pequena da demonstração (a padrão tem 300): todos ativos, nenhum aposentado


def test_demo_do_magisterio(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, pessoas=5, servidores=SERVIDORES)  # a demonstração geral inclui a do magistério
    sessao = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    try:
        fichas = cadastro.fichas(sessao)
        assert len(fichas) == SERVIDORES
        assert Counter(f.cargo for f in fichas) == {"professor": 32, "pedagogo": 7, "auxiliar_ensino": 1}
        assert min(f.admissao.year for f in fichas) == 1995 and max(f.admissao.year for f in fichas) == 2024
        assert {t.titulo for f in fichas for t in f.titulacoes} >= {"leigo", "medio_normal", "licenciatura_plena",
                                                                   "pos_lato_sensu"}
        funcoes = Counter(fg.funcao for f in fichas for fg in f.funcoes)
        assert funcoes["diretor"] >= 4 and funcoes["vice_diretor"] >= 2
        assert {fg.porte for f in fichas for fg in f.funcoes} >= {"grande", "pequeno"}
        escolas = {f.lotacoes[-1].escola for f in fichas}
        assert len(escolas) == len(demo.ESCOLAS) + 1  # as 30 escolas e a Secretaria (pedagogos na SMEC)
        assert any(l.dificil_acesso for f in fichas for l in f.lotacoes)
        assert any(j.motivo == "desdobramento" for f in fichas for j in f.jornadas)
        assert any(r.alunos_nee >= 3 for f in fichas for r in f.regencias)
        assert sum(len(f.cursos) for f in fichas) >= 5
        assert all(x.data.year == 2026 for f in fichas for x in f.faltas) and sum(len(f.faltas) for f in fichas) >= 5
        assert sum(1 for f in fichas for x in f.ferias if x.inicio.year == 2026) >= 20
        assert sum(len(f.afastamentos) for f in fichas) >= 3
        assert diario.verificar(sessao.db).ok
    finally:
        sessao.fechar()
