"""Comandos de terminal do Paço (``paco``): os mesmos serviços da interface gráfica, sem janela.

A senha é pedida no terminal ou lida da variável de ambiente PACO_SENHA (para scripts); o
usuário vem de --usuario ou de PACO_USUARIO. Nenhum comando importa o Qt.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

# Mensagens do argparse em português.
_TRADUCOES = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opções",
    "show this help message and exit": "mostra esta ajuda e sai",
    "the following arguments are required: %s": "faltam os argumentos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "opção inválida: %(value)r (escolha entre %(choices)s)",
    "unrecognized arguments: %s": "argumentos não reconhecidos: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: erro: %(message)s\n",
    "expected one argument": "esperava um valor",
    "show program's version number and exit": "mostra a versão e sai",
}
argparse._ = lambda texto: _TRADUCOES.get(texto, texto)

SAIDA_OK, SAIDA_FALHA, SAIDA_ERRO, SAIDA_INTERNA = 0, 1, 2, 3


class ErroCli(Exception):
    pass


def _senha(confirmar: bool = False) -> str:
    senha = os.environ.get("PACO_SENHA")
    if senha:
        return senha
    if not sys.stdin.isatty():
        raise ErroCli("Informe a senha na variável de ambiente PACO_SENHA (não há terminal para pedi-la).")
    senha = getpass.getpass("Senha: ")
    if confirmar and getpass.getpass("Repita a senha: ") != senha:
        raise ErroCli("As senhas digitadas não são iguais.")
    return senha


def _caminho_base(args) -> Path:
    from desktop.services import local

    caminho = Path(args.base) if args.base else local.base_configurada()
    if caminho is None:
        raise ErroCli("Nenhuma base configurada. Informe --base CAMINHO ou crie uma com 'paco init'.")
    return caminho


def _usuario(args) -> str:
    login = args.usuario or os.environ.get("PACO_USUARIO")
    if not login:
        if not sys.stdin.isatty():
            raise ErroCli("Informe o usuário com --usuario ou na variável PACO_USUARIO.")
        login = input("Usuário: ")
    return login


def _sessao(args):
    from desktop.services import acesso

    return acesso.entrar(_caminho_base(args), _usuario(args), _senha())


# -- comandos ---------------------------------------------------------------------------------
def cmd_init(args) -> int:
    from desktop.services import acesso, local

    def pedir(valor, rotulo):
        if valor:
            return valor
        if not sys.stdin.isatty():
            raise ErroCli(f"Informe {rotulo} (opção de linha de comando).")
        return input(f"{rotulo}: ")

    caminho = Path(args.base) if args.base else local.pasta_dados_padrao() / local.NOME_BASE
    escritorio = acesso.DadosEscritorio(
        nome=pedir(args.orgao, "Nome do órgão"), municipio=pedir(args.municipio, "Município"),
        uf=pedir(args.uf, "UF"), cnpj=pedir(args.cnpj, "CNPJ"),
    )
    login = pedir(args.admin_login, "Login do administrador")
    nome = pedir(args.admin_nome, "Nome do administrador")
    sessao, recuperacao = acesso.criar_instalacao(caminho, escritorio, login=login, nome=nome,
                                                  senha=_senha(confirmar=True))
    sessao.fechar()
    local.gravar(base=str(caminho))
    print(f"Base criada em {caminho}.")
    print("\nCHAVE DE RECUPERAÇÃO (mostrada só esta vez; imprima ou anote e guarde em local seguro):")
    print(f"\n    {recuperacao}\n")
    print("Sem ela, se todas as senhas de administrador se perderem, os dados não podem ser abertos.")
    return SAIDA_OK


def cmd_demo(args) -> int:
    from desktop.services import demo, local

    caminho = Path(args.base) if args.base else local.caminho_base_demo()
    if caminho.exists():
        raise ErroCli(f"Já existe uma base em {caminho}.")
    demo.criar_demo(caminho)
    print(f"Base de demonstração criada em {caminho}.")
    print(f"Entre com o usuário '{demo.LOGIN_DEMO}' e a senha '{demo.SENHA_DEMO}'.")
    print("Outros usuários (mesma senha): " + ", ".join(u[0] for u in demo.USUARIOS_DEMO) + ".")
    return SAIDA_OK


def cmd_backup(args) -> int:
    from desktop.services import copias

    sessao = _sessao(args)
    try:
        resultado = copias.fazer_copia(sessao)
    finally:
        sessao.fechar()
    print(copias.descrever(resultado))
    return SAIDA_OK


def cmd_restaurar(args) -> int:
    from desktop.services import copias

    caminho = _caminho_base(args)
    copia = Path(args.copia)
    if not args.sim:
        if not sys.stdin.isatty():
            raise ErroCli("Para restaurar sem terminal, confirme com --sim.")
        resposta = input(f"A base atual será guardada à parte e substituída por {copia.name}. Continuar? [s/N] ")
        if resposta.strip().lower() not in ("s", "sim"):
            print("Nada foi alterado.")
            return SAIDA_FALHA
    resultado = copias.restaurar(caminho, copia, login=_usuario(args), senha=_senha())
    print(resultado.mensagem())
    return SAIDA_OK


def _ler_chaves(caminhos) -> list[bytes]:
    dados = []
    for c in caminhos or []:
        try:
            dados.append(Path(c).read_bytes())
        except OSError as e:
            raise ErroCli(f"Não foi possível ler a chave {c}: {e.strerror or e}.") from None
    return dados


def cmd_verificar(args) -> int:
    """Confere com a base (se houver base e usuário) e, sem ela, pelo selo assinado e as chaves importadas."""
    from desktop.services import documentos, local, verificacao

    alvo = args.documento
    if Path(alvo).is_file():
        documentos.conferir_tamanho_pdf(alvo)  # antes de pedir a senha e de ler o arquivo
    extras = _ler_chaves(args.chave)
    usar_base = not args.sem_base and bool(args.usuario or os.environ.get("PACO_USUARIO")) and bool(
        args.base or local.base_configurada())
    sessao = _sessao(args) if usar_base else None
    try:
        if alvo.lower().endswith(".pdf") or Path(alvo).is_file():
            resultado = verificacao.verificar_pdf(sessao, Path(alvo), chaves_extras=extras)
        else:
            resultado = verificacao.verificar_codigo(sessao, alvo, chaves_extras=extras)
    finally:
        if sessao is not None:
            sessao.fechar()
    print(resultado.mensagem())
    return SAIDA_OK if resultado.situacao == "autentico" else SAIDA_FALHA


def cmd_chave(args) -> int:
    """Exporta a chave pública desta base (com login) ou importa a de outro órgão (sem login)."""
    from desktop.services import documentos, selo

    if args.acao == "importar":
        try:
            d = selo.importar_chave(Path(args.arquivo).read_bytes())
        except OSError as e:
            raise ErroCli(f"Não foi possível ler {args.arquivo}: {e.strerror or e}.") from None
        except selo.ErroChavePublica as e:
            raise ErroCli(str(e)) from None
        from desktop.rules.selo import impressao_legivel

        print(f"Chave de {d.get('emissor', '')} (CNPJ {d.get('cnpj', '')}) importada: {impressao_legivel(d['impressao'])}.")
        return SAIDA_OK
    sessao = _sessao(args)
    try:
        dados = documentos.exportar_chave_publica(sessao)
    finally:
        sessao.fechar()
    Path(args.arquivo).write_bytes(dados)
    print(f"Chave pública exportada em {args.arquivo}.")
    return SAIDA_OK


def cmd_integridade(args) -> int:
    from desktop.services import auditoria

    sessao = _sessao(args)
    try:
        resultado = auditoria.verificar_integridade(sessao)
        fisica = sessao.base.verificar_integridade_sqlite()
    finally:
        sessao.fechar()
    print(resultado.mensagem())
    print("Arquivo da base: " + ("íntegro." if fisica == "ok" else f"PROBLEMA: {fisica}"))
    return SAIDA_OK if resultado.ok and fisica == "ok" else SAIDA_FALHA


def cmd_sincronizar(args) -> int:
    from desktop import cli_sincronizar

    sessao = _sessao(args)
    try:
        return cli_sincronizar.executar(args, sessao, ErroCli)
    finally:
        sessao.fechar()


# Calculadoras puras (JSON entra, JSON sai, sem base): nome → "módulo:função" (docs/calculadora.md).
CALCULADORAS = {
    "eleicao": ("resultado da eleição do Conselho Tutelar", "desktop.services.eleicao.calculadora:calcular"),
    "magisterio": ("contracheque de um servidor do magistério", "desktop.services.magisterio.calculadora:calcular"),
    "certificacao": ("documentos devidos a um trabalhador na certificação",
                     "desktop.services.certificacao.calculadora:calcular"),
    "conselheiro": ("contracheque de um conselheiro tutelar", "desktop.services.conselho.calculadora:calcular"),
}


def cmd_calcular(args) -> int:
    """Roda a calculadora escolhida sobre o arquivo JSON de entrada e imprime o JSON de saída.

    Entrada errada: mensagem em português e código 2. Um erro que não seja da entrada (defeito do
    Paço) não mostra o rastro do Python: diz o que houve e sai com o código 3.
    """
    import importlib
    import json

    from desktop.rules.validacao import EntradaInvalida
    from desktop.services.calculadoras.leitura import ler_json

    dados = ler_json(args.entrada)
    modulo, funcao = CALCULADORAS[args.calculo][1].split(":")
    try:
        saida = getattr(importlib.import_module(modulo), funcao)(dados)
    except EntradaInvalida:
        raise
    except Exception as e:  # noqa: BLE001 - nenhuma falha interna chega ao usuário como rastro do Python
        print(f"paco: erro interno da calculadora {args.calculo} ({type(e).__name__}). A entrada não foi "
              "calculada; envie o arquivo de entrada ao suporte do Paço.", file=sys.stderr)
        return SAIDA_INTERNA
    sys.stdout.write(json.dumps(saida, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()  # um cano fechado (``| head``) aparece aqui, dentro do tratamento de main
    return SAIDA_OK


def montar_parser() -> argparse.ArgumentParser:
    from desktop import __version__

    p = argparse.ArgumentParser(
        prog="paco",
        description="Paço — sistema offline para secretarias municipais. Comandos de terminal.",
        epilog="A senha vem de PACO_SENHA ou é pedida no terminal; o usuário, de --usuario ou PACO_USUARIO.",
    )
    p.add_argument("--versao", action="version", version=f"Paço {__version__}",
                   help="mostra a versão e sai")
    sub = p.add_subparsers(dest="comando", metavar="COMANDO", title="comandos")

    def comando(nome, ajuda, funcao, *, base=True, usuario=True):
        c = sub.add_parser(nome, help=ajuda, description=ajuda)
        if base:
            c.add_argument("--base", metavar="CAMINHO", help="arquivo da base (padrão: a configurada)")
        if usuario:
            c.add_argument("--usuario", metavar="LOGIN", help="login do usuário (ou PACO_USUARIO)")
        c.set_defaults(funcao=funcao)
        return c

    c = comando("init", "cria uma nova instalação (base cifrada e primeiro administrador)", cmd_init, usuario=False)
    c.add_argument("--orgao", help="nome do órgão")
    c.add_argument("--municipio", help="município")
    c.add_argument("--uf", help="sigla do estado, ex.: BA")
    c.add_argument("--cnpj", help="CNPJ do órgão")
    c.add_argument("--admin-login", help="login do primeiro administrador")
    c.add_argument("--admin-nome", help="nome do primeiro administrador")
    comando("demo", "cria uma base de demonstração com dados fictícios", cmd_demo, usuario=False)
    comando("backup", "faz uma cópia de segurança agora", cmd_backup)
    c = comando("restaurar", "restaura uma cópia de segurança (a base atual é guardada à parte)", cmd_restaurar)
    c.add_argument("copia", metavar="COPIA", help="arquivo da cópia (.db)")
    c.add_argument("--sim", action="store_true", help="não pergunta confirmação")
    c = comando("verificar", "verifica se um documento do Paço é autêntico e não foi alterado (com ou sem a base)",
                cmd_verificar)
    c.add_argument("documento", metavar="CODIGO_QR_OU_PDF",
                   help="código de verificação, texto lido do QR (PACO1.…) ou arquivo PDF")
    c.add_argument("--chave", action="append", metavar="ARQ.pacochave",
                   help="chave pública do emissor a usar além das importadas (pode repetir)")
    c.add_argument("--sem-base", action="store_true",
                   help="não abre a base: confere só o selo assinado (qualquer instalação, sem login)")
    c = comando("chave", "exporta a chave pública deste órgão ou importa a de outro (para verificar sem a base)",
                cmd_chave)
    c.add_argument("acao", choices=["exportar", "importar"], help="exportar (pede login) ou importar (sem login)")
    c.add_argument("arquivo", metavar="ARQ.pacochave", help="arquivo da chave pública")
    comando("integridade", "confere a corrente do diário de auditoria e o arquivo da base", cmd_integridade)
    from desktop import cli_sincronizar

    cli_sincronizar.configurar(comando(
        "sincronizar", "troca pacotes de alterações com as outras máquinas do órgão (réplicas)", cmd_sincronizar))
    c = comando("calcular", "calculadoras sem base: " + "; ".join(d for d, _ in CALCULADORAS.values()),
                cmd_calcular, base=False, usuario=False)
    c.add_argument("calculo", choices=list(CALCULADORAS), help="o que calcular")
    c.add_argument("--entrada", required=True, metavar="ARQUIVO.json", help="arquivo de entrada (docs/calculadora.md)")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = montar_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "funcao", None):
        parser.print_help()
        return SAIDA_ERRO
    from desktop.rules.validacao import EntradaInvalida
    from desktop.services.sessao import ErroNegocio, SemPermissao
    from desktop.store.chaves import ErroChaves
    from desktop.store.erros import ErroBase

    try:
        return args.funcao(args)
    except (ErroCli, EntradaInvalida, ErroNegocio, SemPermissao, ErroChaves, ErroBase) as e:
        print(f"paco: {e}", file=sys.stderr)
        return SAIDA_ERRO
    except KeyboardInterrupt:
        print("\nInterrompido; nada foi alterado pela operação em curso.", file=sys.stderr)
        return SAIDA_ERRO
    except BrokenPipeError:
        # ``paco calcular … | head``: quem lia a saída fechou o cano; nada a dizer. O stdout passa a
        # apontar para o nulo para que o Python não reclame ao fechar.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return SAIDA_OK


if __name__ == "__main__":
    sys.exit(main())
