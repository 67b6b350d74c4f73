"""``paco sincronizar``: réplicas e pacotes de sincronização pelo terminal (issue 15, docs/sincronizacao.md)."""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from desktop.rules import formato


def configurar(c) -> None:
    """As opções do comando (uma ação por vez)."""
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--exportar", metavar="PASTA", help="grava na PASTA o pacote para a réplica de --para")
    g.add_argument("--importar", metavar="ARQ", help="confere e aplica um pacote (tudo ou nada)")
    g.add_argument("--conferir", action="store_true", help="imprime a soma (SHA-256) de cada tabela sincronizada")
    g.add_argument("--conflitos", action="store_true", help="lista os campos em conflito, com todos os valores")
    g.add_argument("--replicas", action="store_true", help="lista as máquinas (réplicas) do órgão")
    g.add_argument("--iniciar", metavar="NOME", help="faz desta base a primeira réplica (a sede)")
    g.add_argument("--convidar", metavar="NOME", help="registra uma máquina nova e grava o convite em --saida")
    g.add_argument("--juntar", metavar="CONVITE", help="nesta cópia da sede, assume a réplica do convite "
                   "(pede o código do convite ou a chave de recuperação; ou PACO_CODIGO / PACO_RECUPERACAO)")
    g.add_argument("--remover", metavar="REPLICA", help="remove uma réplica (os pacotes dela passam a ser recusados)")
    g.add_argument("--designar", metavar="REPLICA", help="passa os atos únicos do órgão à REPLICA (só na designada)")
    g.add_argument("--receber-rede", action="store_true", help="espera um pacote pela rede local: mostra a porta e "
                   "o código de uso único")
    g.add_argument("--enviar-rede", metavar="ENDERECO", help="envia pela rede local o pacote para a réplica de "
                   "--para, à recepção aberta em ENDERECO (pede o código; ou PACO_CODIGO_REDE)")
    g.add_argument("--usuarios-recebidos", action="store_true", help="lista os usuários criados noutra máquina que "
                   "aguardam o aceite do administrador desta")
    g.add_argument("--aceitar-usuario", metavar="LOGIN", help="aceita um usuário recebido de outra máquina")
    c.add_argument("--para", metavar="REPLICA", help="nome (ou id) da réplica que vai receber o pacote")
    c.add_argument("--saida", metavar="PASTA", help="pasta onde gravar o convite")
    c.add_argument("--porta", type=int, default=None, help="porta da rede local (padrão 47815)")
    c.add_argument("--sigilo", action="store_true", help="com --convidar: a máquina recebe também o conteúdo "
                   "sigiloso do Conselho (só para máquinas de conselheiros)")


def _codigo(erro) -> str:
    chave = os.environ.get("PACO_CODIGO") or os.environ.get("PACO_RECUPERACAO")
    if chave:
        return chave
    if not sys.stdin.isatty():
        raise erro("Informe o código do convite em PACO_CODIGO (ou a chave de recuperação em PACO_RECUPERACAO): "
                   "não há terminal para pedi-lo.")
    return getpass.getpass("Código do convite (ou a chave de recuperação do órgão): ")


def _codigo_rede(erro) -> str:
    codigo = os.environ.get("PACO_CODIGO_REDE")
    if codigo:
        return codigo
    if not sys.stdin.isatty():
        raise erro("Informe o código que a outra máquina mostra em PACO_CODIGO_REDE: não há terminal para pedi-lo.")
    return input("Código mostrado pela outra máquina: ")


def _resumo(r: dict) -> None:
    print(f"Pacote de {r['origem']}: {r['recebidas']} alterações recebidas, {r['aplicadas']} aplicadas; "
          f"{r['conflitos']} campo(s) em conflito nesta máquina.")
    for aviso in r.get("avisos", []):
        print(f"Aviso: {aviso}")
    aguardam = r.get("usuarios", {}).get("aguardando")
    if aguardam:
        print("Usuários criados noutra máquina aguardam o aceite do administrador daqui: " + ", ".join(aguardam))


def _rede(args, sessao, erro) -> None:
    from desktop.services import rede_local

    porta = args.porta if args.porta is not None else rede_local.PORTA_PADRAO
    if args.receber_rede:
        recepcao = rede_local.abrir_recepcao(sessao, porta)
        print(f"Esperando um pacote pela rede local. Na outra máquina: endereço {' ou '.join(rede_local.enderecos())}, "
              f"porta {recepcao.porta}, código {recepcao.codigo} (vale uma vez). Ctrl+C cancela.", flush=True)
        try:
            _resumo(rede_local.receber(sessao, recepcao))
        finally:
            recepcao.fechar()
        return
    if not args.para:
        raise erro("Diga para qual réplica é o pacote: --para NOME.")
    r = rede_local.enviar(sessao, args.para, args.enviar_rede, porta, _codigo_rede(erro))
    print(f"Pacote entregue pela rede a {args.para}: {r.get('aplicadas', 0)} alterações aplicadas lá, "
          f"{r.get('conflitos', 0)} campo(s) em conflito.")


def executar(args, sessao, erro) -> int:
    from desktop.services import replicas
    from desktop.services import sincronizacao as sx
    from desktop.services import usuarios_replicas

    if args.exportar:
        if not args.para:
            raise erro("Diga para qual réplica é o pacote: --para NOME.")
        arquivo = sx.exportar(sessao, Path(args.exportar), args.para)
        print(f"Pacote gravado: {arquivo} ({arquivo.stat().st_size:,} bytes).".replace(",", "."))
    elif args.importar:
        _resumo(sx.importar(sessao, Path(args.importar)))
    elif args.receber_rede or args.enviar_rede:
        _rede(args, sessao, erro)
    elif args.conferir:
        for dominio, tabela, linhas, soma in sx.conferir(sessao):
            print(f"{dominio:6} {tabela:40} {linhas:8d}  {soma}")
    elif args.conflitos:
        achados = sx.conflitos(sessao)
        for c in achados:
            valores = "; ".join(f"{'(excluído)' if h['excluido'] else repr(h['valor'])} por {h['usuario']}"
                                for h in c["cabecas"])
            print(f"{c['tabela']} {c['registro_id']} {c['coluna']}: {valores}")
        print(f"{len(achados)} conflito(s).")
    elif args.replicas:
        for r in replicas.replicas(sessao):
            situacao = ("ativa" + (", designada" if r["designada"] else "")) if r["ativa"] else \
                f"removida em {formato.data(r['removida_em'])}"
            if r["restaurada"]:
                situacao += ", cópia restaurada: junte com um convite antes de gerar pacotes"
            print(f"{r['nome']:30} {r['dominios']:14} {situacao}{'  (esta máquina)' if r['esta'] else ''}")
    elif args.iniciar:
        r = replicas.iniciar(sessao, args.iniciar)
        print(f"Esta base é agora a réplica {r['nome']} (a sede).")
    elif args.convidar:
        if not args.saida:
            raise erro("Diga onde gravar o convite: --saida PASTA.")
        convite = replicas.convidar(sessao, args.convidar, args.sigilo, Path(args.saida))
        print(f"Convite gravado: {convite.arquivo}. Leve-o à máquina nova com uma cópia de segurança feita AGORA.")
        print(f"Código do convite (anote e leve por outro caminho; não fica gravado): {convite.codigo}")
    elif args.juntar:
        r = replicas.juntar(sessao, Path(args.juntar), _codigo(erro))
        print(f"Esta máquina é agora a réplica {r['nome']} ({r['dominios']}).")
    elif args.remover:
        replicas.remover_replica(sessao, args.remover)
        print(f"Réplica {args.remover} removida: os pacotes dela passam a ser recusados.")
    elif args.designar:
        r = replicas.designar(sessao, args.designar)
        print(f"{r['nome']} é agora a máquina designada para os atos únicos (antes: {r['antes']}); ela começa a "
              "fazê-los quando importar o próximo pacote daqui.")
    elif args.usuarios_recebidos:
        for u in usuarios_replicas.recebidos(sessao):
            print(f"{u['login']:20} {u['papel']:26} {u['nome']}")
    elif args.aceitar_usuario:
        r = usuarios_replicas.aceitar(sessao, args.aceitar_usuario)
        print(f"Usuário {r['login']} aceito ({r['papel']}; chaves desta máquina: {', '.join(r['dominios'])}).")
    return 0
