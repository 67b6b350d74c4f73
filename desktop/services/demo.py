"""Base de demonstração: um órgão fictício com usuários de cada papel, escolas, conselho tutelar,
unidade certificadora e pessoas. Cada módulo acrescenta aqui os seus dados de exemplo.

Todos os nomes, CPFs e CNPJs são fictícios (gerados com dígitos verificadores válidos).
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from desktop.rules.papeis import Papel, Permissao
from desktop.store.chaves import ArquivoChaves

from . import acesso, cadastros, parametros

from .demo_comum import LOGIN_DEMO, SENHA_DEMO, cnpj_ficticio, cpf_ficticio  # noqa: F401 — testes e CLI os leem daqui

USUARIOS_DEMO = [
    ("rh", "Rita Helena Souza", Papel.FOLHA_RH),
    ("comissao", "Carlos Eduardo Lima", Papel.COMISSAO_ELEITORAL),
    ("conselheira", "Joana Batista Ferreira", Papel.CONSELHEIRO_TUTELAR),
    ("certifica", "Marcos Vinícius Rocha", Papel.SECRETARIA_CERTIFICACAO),
    ("mp", "Promotoria de Justiça (consulta)", Papel.CONSULTA),
]

ESCOLAS = [
    ("Escola Municipal Castro Alves", "Centro", "urbana"),
    ("Escola Municipal Professora Maria Quitéria", "Joaquim Romão", "urbana"),
    ("Escola Municipal Rui Barbosa", "Jequiezinho", "urbana"),
    ("Escola Municipal Anísio Teixeira", "Mandacaru", "urbana"),
    ("Escola Municipal Irmã Dulce", "São Judas Tadeu", "urbana"),
    ("Escola Municipal Dois de Julho", "KM 3", "urbana"),
    ("Escola Municipal Povoado de Itajuru", "Itajuru", "rural"),
    ("Escola Municipal Fazenda Boa Vista", "Oriente Novo", "rural"),
    ("Escola Municipal Professor Milton Santos", "Cidade Nova", "urbana"),
    ("Escola Municipal Paulo Freire", "Barro Preto", "urbana"),
    ("Escola Municipal Dom Pedro II", "Joaquim Romão", "urbana"),
    ("Escola Municipal Jorge Amado", "Pompília", "urbana"),
    ("Escola Municipal Zélia Gattai", "Curral Novo", "urbana"),
    ("Escola Municipal Cecília Meireles", "Campo do América", "urbana"),
    ("Escola Municipal Tiradentes", "Cansanção", "urbana"),
    ("Escola Municipal Carlos Drummond de Andrade", "Suíça", "urbana"),
    ("Escola Municipal Luiz Gonzaga", "Inocoop", "urbana"),
    ("Escola Municipal Monteiro Lobato", "Água Branca", "urbana"),
    ("Escola Municipal Santos Dumont", "KM 4", "urbana"),
    ("Escola Municipal Professora Aurelina Menezes", "São Luiz", "urbana"),
    ("Centro Municipal de Educação Infantil Pequeno Príncipe", "Centro", "urbana"),
    ("Centro Municipal de Educação Infantil Tia Dadá", "Jequiezinho", "urbana"),
    ("Escola Municipal do Distrito de Florestal", "Florestal", "rural"),
    ("Escola Municipal do Distrito de Boaçu", "Boaçu", "rural"),
    ("Escola Municipal do Baixão", "Baixão", "rural"),
    ("Escola Municipal Monte Branco", "Monte Branco", "rural"),
    ("Escola Municipal Fazenda Lagoa Seca", "Oriente Novo", "rural"),
    ("Escola Municipal Povoado de Barra Avenida", "Itajuru", "rural"),
    ("Escola Municipal Riacho da Onça", "Florestal", "rural"),
    ("Escola Municipal Fazenda Santa Rita", "Baixão", "rural"),
]
"""As 30 escolas da rede de demonstração (nome, bairro ou localidade, zona); o porte e o difícil acesso
de cada uma estão em ``desktop.services.magisterio.demo.SITUACAO_ESCOLAS``."""

_NOMES = ("Ana Maria Bruna Carla Daniela Eduarda Fernanda Gabriela Helena Isabel Juliana Larissa "
          "Mariana Natália Patrícia Renata Sandra Tatiane Vanessa José João Antônio Francisco "
          "Carlos Paulo Pedro Lucas Luiz Marcos Rafael Daniel Rodrigo Tiago Bruno").split()
_SOBRENOMES = ("Silva Santos Oliveira Souza Lima Pereira Ferreira Costa Rodrigues Almeida "
               "Nascimento Carvalho Araújo Ribeiro Barbosa Gomes Rocha Moreira Cardoso Teixeira").split()
_BAIRROS = ["Centro", "Joaquim Romão", "Jequiezinho", "Mandacaru", "São Judas Tadeu", "KM 3",
            "Cansanção", "Água Branca"]


def criar_demo(caminho: Path, *, pessoas: int = 60, semente: int = 2026, servidores: int = 300) -> None:
    """Cria a base de demonstração em ``caminho`` (que não pode existir).

    ``pessoas``: pessoas avulsas do cadastro comum; ``servidores``: servidores do magistério (os
    testes usam uma rede menor). Cada módulo grava os seus dados em poucas transações.
    """
    rnd = random.Random(semente)
    escritorio = acesso.DadosEscritorio(
        nome="Secretaria Municipal de Educação (DEMONSTRAÇÃO)", municipio="Jequié", uf="BA",
        cnpj=cnpj_ficticio(rnd),
    )
    sessao, recuperacao = acesso.criar_instalacao(
        caminho, escritorio, login=LOGIN_DEMO, nome="Administrador da Demonstração", senha=SENHA_DEMO
    )
    try:
        # A criação da demonstração tem todas as chaves (as da recuperação): cada usuário recebe a
        # fechadura completa do seu papel, sem sigilo pendente. A sessão é descartada ao fim.
        sessao.chaves = dict(ArquivoChaves.ler(caminho).abrir_recuperacao(recuperacao).chaves)
        for login, nome, papel in USUARIOS_DEMO:
            acesso.criar_usuario(sessao, login=login, nome=nome, papel=papel, senha=SENHA_DEMO,
                                 trocar_senha=False)
        cadastros.cadastrar_unidade(sessao, tipo="secretaria", nome="Secretaria Municipal de Educação")
        for nome, bairro, zona in ESCOLAS:
            cadastros.cadastrar_unidade(sessao, tipo="escola", nome=nome, bairro=bairro, zona=zona)
        cadastros.cadastrar_unidade(sessao, tipo="conselho_tutelar", nome="Conselho Tutelar (demonstração)")
        cadastros.cadastrar_unidade(sessao, tipo="cmdca", nome="Conselho Municipal dos Direitos da Criança e do Adolescente")
        cadastros.cadastrar_unidade(sessao, tipo="unidade_certificadora",
                                    nome="Centro Territorial de Educação Profissional (demonstração)")
        # Feriados municipais de exemplo (cadastráveis pelo órgão; tabelas-oficiais.md §6).
        parametros.adicionar_feriado_municipal(sessao, date(1897, 10, 25), "Aniversário da cidade (demonstração)")
        parametros.adicionar_feriado_municipal(sessao, date(2000, 6, 13), "Santo Antônio, padroeiro (demonstração)")
        hoje = date.today()
        for _ in range(pessoas):
            nome = f"{rnd.choice(_NOMES)} {rnd.choice(_SOBRENOMES)} {rnd.choice(_SOBRENOMES)}"
            nascimento = hoje - timedelta(days=rnd.randint(20 * 365, 60 * 365))
            cadastros.cadastrar_pessoa(
                sessao, nome=nome, cpf=cpf_ficticio(rnd),
                nascimento=nascimento, sexo=rnd.choice("FM"), bairro=rnd.choice(_BAIRROS),
                municipio="Jequié", uf="BA",
            )
        from .certificacao.demo import criar_demo_certificacao
        from .conselho.demo import criar_demo_conselho
        from .eleicao.demo import criar_demo_eleicao
        from .magisterio.demo import criar_demo_magisterio

        criar_demo_magisterio(sessao, rnd, servidores=servidores)
        criar_demo_eleicao(sessao, rnd)
        criar_demo_conselho(sessao, rnd)
        criar_demo_certificacao(sessao, rnd)
    finally:
        sessao.fechar()
