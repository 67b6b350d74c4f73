"""Base de demonstração: um órgão fictício com usuários de cada papel, escolas, conselho tutelar,
unidade certificadora e pessoas. Cada módulo acrescenta aqui os seus dados de exemplo.

Todos os nomes, CPFs e CNPJs são fictícios (gerados com dígitos verificadores válidos). Os dados
(órgão, usuários, unidades, escolas, feriados, nomes) estão em ``resources/demo/comum.toml`` e nos
arquivos de cada módulo ao lado dele; aqui ficam só os passos.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from desktop.rules.papeis import Papel, Permissao
from desktop.store.chaves import ArquivoChaves

from . import acesso, cadastros, emissores, parametros

from .demo_comum import LOGIN_DEMO, SENHA_DEMO, cnpj_ficticio, cpf_ficticio  # noqa: F401 — testes e CLI os leem daqui
from .demo_comum import dados_demo

_D = dados_demo("comum")
USUARIOS_DEMO = [(login, nome, Papel(papel)) for login, nome, papel in _D["usuarios"]]
ESCOLAS = [tuple(e) for e in _D["escolas"]]
"""As 30 escolas da rede de demonstração (nome, bairro ou localidade, zona); o porte e o difícil acesso
de cada uma estão em ``resources/demo/magisterio.toml``."""


def criar_demo(caminho: Path, *, pessoas: int = 60, semente: int = 2026, servidores: int = 300) -> None:
    """Cria a base de demonstração em ``caminho`` (que não pode existir).

    ``pessoas``: pessoas avulsas do cadastro comum; ``servidores``: servidores do magistério (os
    testes usam uma rede menor). Cada módulo grava os seus dados em poucas transações.
    """
    rnd = random.Random(semente)
    escritorio = acesso.DadosEscritorio(**_D["escritorio"], cnpj=cnpj_ficticio(rnd))
    sessao, recuperacao = acesso.criar_instalacao(
        caminho, escritorio, login=LOGIN_DEMO, nome=_D["administrador"]["nome"], senha=SENHA_DEMO
    )
    try:
        # A criação da demonstração tem todas as chaves (as da recuperação): cada usuário recebe a
        # fechadura completa do seu papel, sem sigilo pendente. A sessão é descartada ao fim.
        sessao.chaves = dict(ArquivoChaves.ler(caminho).abrir_recuperacao(recuperacao).chaves)
        for login, nome, papel in USUARIOS_DEMO:
            acesso.criar_usuario(sessao, login=login, nome=nome, papel=papel, senha=SENHA_DEMO,
                                 trocar_senha=False)
        unidades = _D["unidades"]
        cadastros.cadastrar_unidade(sessao, tipo="secretaria", nome=unidades["secretaria"])
        for nome, bairro, zona in ESCOLAS:
            cadastros.cadastrar_unidade(sessao, tipo="escola", nome=nome, bairro=bairro, zona=zona)
        for tipo in ("conselho_tutelar", "cmdca", "unidade_certificadora"):
            cadastros.cadastrar_unidade(sessao, tipo=tipo, nome=unidades[tipo])
        for dia, descricao in _D["feriados"]:  # feriados municipais de exemplo (tabelas-oficiais.md §6)
            parametros.adicionar_feriado_municipal(sessao, dia, descricao)
        _criar_emissores(sessao, semente)  # antes de qualquer documento: cada módulo já emite com o seu timbre
        hoje, p = date.today(), _D["pessoas"]
        for _ in range(pessoas):
            nome = f"{rnd.choice(p['nomes'])} {rnd.choice(p['sobrenomes'])} {rnd.choice(p['sobrenomes'])}"
            nascimento = hoje - timedelta(days=rnd.randint(20 * 365, 60 * 365))
            cadastros.cadastrar_pessoa(
                sessao, nome=nome, cpf=cpf_ficticio(rnd),
                nascimento=nascimento, sexo=rnd.choice("FM"), bairro=rnd.choice(p["bairros"]),
                municipio=p["municipio"], uf=p["uf"],
            )
        from .certificacao.demo import criar_demo_certificacao
        from .conselho.demo import criar_demo_conselho
        from .eleicao.demo import criar_demo_eleicao, criar_demo_eleicao_2023
        from .magisterio.demo import criar_demo_magisterio

        criar_demo_magisterio(sessao, rnd, servidores=servidores)
        criar_demo_eleicao_2023(sessao, rnd)  # inteiro, com a posse dos conselheiros de 2024-2028; Random próprio
        criar_demo_eleicao(sessao, rnd, ate=hoje)  # o processo de 2027 só até onde o calendário chegou hoje
        criar_demo_conselho(sessao, rnd)
        criar_demo_certificacao(sessao, rnd)
    finally:
        sessao.fechar()


def _criar_emissores(sessao, semente: int) -> None:
    """Os emissores dos módulos que não são do órgão da instalação (``[[emissores]]`` de comum.toml): o Conselho
    Tutelar e o CMDCA de Itapiranga-AM, o instituto da Certificação. Os CNPJs vêm de um sorteio à parte, para não
    mudar o resto da demonstração (que sai do sorteio principal)."""
    rnd = random.Random(f"{semente}:emissores")
    cnpjs: dict[str, str] = {}
    for e in _D["emissores"]:
        cnpj = cnpjs.setdefault(e["cnpj"], cnpj_ficticio(rnd))
        criado = emissores.criar(sessao, nome=e["nome"], cnpj=cnpj, municipio=e["municipio"], uf=e["uf"])
        for modulo in e["modulos"]:
            emissores.atribuir_modulo(sessao, modulo, criado.id)
        for dia, descricao in (_D["feriados"] if e.get("feriados") else ()):
            emissores.adicionar_feriado(sessao, criado.id, dia, descricao)
