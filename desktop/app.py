"""Início da aplicação gráfica do Paço: opções, aparência pt-BR e o fluxo assistente → entrada → janela.

    paco-gui [--base CAMINHO] [--demo-se-vazio] [--instalar] [--versao] [--self-test]

Para abrir depressa, só o Qt e a configuração local são importados antes de a tela de entrada
aparecer; a cifra, o argon2 e a janela principal vêm depois.
"""
from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from desktop import PASTA_RECURSOS, __version__
from desktop.services import local

NOME_APP = "Paço"
ARQUIVO_ESTILO = PASTA_RECURSOS / "estilo.qss"


class _Formatador(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="uso: ")


class _Analisador(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: argumentos inválidos ({message}). Use --ajuda para ver as opções.\n")


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    p = _Analisador(prog="paco-gui", description="Paço — sistema para secretarias municipais.",
                                add_help=False, formatter_class=_Formatador)
    p.add_argument("-h", "--ajuda", action="help", help="mostra esta ajuda e sai")
    p.add_argument("--base", metavar="CAMINHO", type=Path,
                   help="abre esta base (arquivo paco.db ou a pasta que o contém)")
    p.add_argument("--demo-se-vazio", action="store_true",
                   help="sem base configurada, cria (se preciso) e abre a base de demonstração")
    p.add_argument("--instalar", action="store_true",
                   help="abre o assistente de primeira execução para criar uma nova instalação")
    p.add_argument("--versao", action="store_true", help="mostra a versão e sai")
    p.add_argument("--self-test", "--autoteste", dest="autoteste", action="store_true",
                   help="confere a instalação numa base temporária (sem tela) e sai: 0 se tudo passou")
    p.add_argument("--medir-partida", action="store_true", help=argparse.SUPPRESS)
    p._positionals.title = "argumentos"
    p._optionals.title = "opções"
    return p.parse_args(argv)


INTERVALO_GIL_S = 0.001
"""Intervalo de troca de threads do interpretador (``sys.setswitchinterval``); o padrão do Python é 5 ms."""


def configurar_aplicacao(app) -> None:
    """Nome, idioma pt-BR (também nos diálogos padrão do Qt) e a folha de estilo."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    # Comboio do GIL: enquanto uma leitura em segundo plano roda Python, cada volta da thread da interface
    # ao Python (um slot, um data() da tabela ao desenhar, um filtro de eventos) espera até o intervalo de
    # troca do interpretador (5 ms) — centenas de voltas num desenho deixavam a janela parada 100-360 ms
    # ao abrir e ao trocar de aba (benchmarks/travamentos.py --culpados, issue 16). Com 1 ms a espera cai
    # a um quinto; sem disputa pelo GIL o intervalo não custa nada.
    sys.setswitchinterval(INTERVALO_GIL_S)
    app.setApplicationName(NOME_APP)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    tradutor = QTranslator(app)
    pasta = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if tradutor.load("qtbase_pt_BR", pasta):
        app.installTranslator(tradutor)
    try:
        estilo = ARQUIVO_ESTILO.read_text(encoding="utf-8")
        app.setStyleSheet(estilo.replace("@RECURSOS@", PASTA_RECURSOS.as_posix()))
    except OSError:
        pass  # sem a folha de estilo o Paço funciona com a aparência padrão do sistema


def _caminho_da_base(base: Path) -> Path:
    base = base.expanduser()
    return base / local.NOME_BASE if base.is_dir() else base


PRECARREGAR = ("desktop.services.acesso", "desktop.services.instalacao", "desktop.services.copias",
               "desktop.screens.widgets.tarefa", "desktop.screens.principal", "desktop.screens.magisterio.painel",
               "desktop.screens.conselho.painel", "desktop.screens.conselho.funcionamento.plantao",
               "desktop.screens.conselho.funcionamento.atendimentos", "desktop.screens.conselho.eleicao",
               "desktop.screens.certificacao.painel", "desktop.screens.administracao.painel")
"""O que a entrada e a janela principal vão usar, importado enquanto a pessoa digita a senha: o painel de
cada módulo e a primeira aba de cada papel (a conselheira abre no Modo plantão, a comissão eleitoral no
Processo de escolha). Importados na thread da interface, o Processo de escolha levava ~0,3 s e a
Certificação ~0,5 s ao abrir a janela ou o módulo pela primeira vez (issue 16)."""


_FIOS: list[threading.Thread] = []
"""Threads de preparo da partida: o processo espera por elas antes de sair (uma thread ainda
importando o PySide6 quando o interpretador se desfaz derruba o processo)."""


def _esperar_fios() -> None:
    for fio in _FIOS:
        fio.join(10)


def precarregar() -> threading.Thread:
    """Importa ``PRECARREGAR`` numa thread, com a tela de entrada já visível.

    Importar é caro com o PySide6 (para cada módulo novo ele lê o código-fonte à procura de
    ``__feature__``): as telas do Magistério e o que elas usam levavam segundos na thread da
    interface ao abrir a janela principal (issue 16). Só importa: nenhum objeto Qt é criado aqui."""
    import importlib

    def _importar():
        for nome in PRECARREGAR:
            try:
                importlib.import_module(nome)
            except Exception:  # noqa: BLE001 — a importação de verdade, depois, mostra o erro
                return

    fio = threading.Thread(target=_importar, name="precarregar", daemon=True)
    fio.start()
    _FIOS.append(fio)
    return fio


class Fluxo:
    """Conduz as telas: assistente (primeira vez) ou entrada → janela principal → entrada de novo."""

    def __init__(self, app):
        self.app = app
        self.login = None
        self.assistente = None
        self.principal = None

    # -- telas ---------------------------------------------------------------------------------
    def mostrar_login(self, caminho: Path, *, gravar: bool = False, mensagem: str = "",
                      erro: bool = False):
        from desktop.screens.login import JanelaLogin

        self.login = JanelaLogin(caminho, gravar_ao_entrar=gravar)
        self.login.sig_entrou.connect(self.mostrar_principal)
        self.login.rejected.connect(self.app.quit)
        if mensagem:
            if erro:
                self.login.mostrar_erro(mensagem)
            else:
                self.login.informar(mensagem)
        self.login.show()
        return self.login

    def mostrar_assistente(self):
        from desktop.screens.assistente import Assistente

        self.assistente = Assistente()
        self.assistente.sig_concluido.connect(self.mostrar_principal)
        self.assistente.rejected.connect(self.app.quit)
        self.assistente.show()
        return self.assistente

    def mostrar_principal(self, sessao):
        from desktop.screens.principal import JanelaPrincipal

        self.principal = JanelaPrincipal(sessao)
        self.principal.sig_voltar_login.connect(self._on_voltar_login)
        self.principal.sig_trocar_usuario.connect(self._on_trocar_usuario)
        self.principal.show()
        return self.principal

    def _on_trocar_usuario(self, mensagem: str) -> None:
        self.mostrar_login(self.principal.caminho_base, mensagem=mensagem)

    def _on_voltar_login(self, mensagem: str, erro: bool) -> None:
        if not erro:
            mensagem += " Entre com a senha que valia na data da cópia."
        self.mostrar_login(self.principal.caminho_base, mensagem=mensagem, erro=erro)

    # -- base de demonstração ------------------------------------------------------------------
    def preparar_demo(self) -> None:
        """Cria a base de demonstração (se ainda não existe) e sugere o usuário de demonstração."""
        from desktop.screens.widgets.tarefa import executar
        from desktop.services import demo, instalacao

        caminho = local.caminho_base_demo()
        dica = (f"Base de demonstração, com dados fictícios: entre com o usuário "
                f"<b>{demo.LOGIN_DEMO}</b> e a senha <b>{demo.SENHA_DEMO}</b>.")

        def pronta(_resultado=None):
            self.login.setEnabled(True)
            self.login.sugerir(demo.LOGIN_DEMO, dica)

        def falhou(erro):
            self.login.setEnabled(True)
            self.login.mostrar_erro("Não foi possível criar a base de demonstração. " + instalacao.mensagem(erro))

        if caminho.exists():
            pronta()
            return
        self.login.setEnabled(False)
        tarefa = executar(self.login, "Preparando a base de demonstração…",
                          lambda _p: demo.criar_demo(caminho))
        tarefa.dialogo.setCancelButton(None)
        tarefa.sig_concluida.connect(pronta)
        tarefa.sig_falhou.connect(falhou)
        self._tarefa_demo = tarefa

    def iniciar(self, args: argparse.Namespace) -> None:
        from PySide6.QtCore import QTimer

        padrao = local.pasta_dados_padrao() / local.NOME_BASE
        if args.instalar:
            self.mostrar_assistente()
            return
        if args.base is not None:
            self.mostrar_login(_caminho_da_base(args.base))
        elif (configurada := local.base_configurada()) is not None:
            self.mostrar_login(configurada)
        elif padrao.exists():
            # a configuração se perdeu, mas a base está no lugar de sempre
            self.mostrar_login(padrao, gravar=True)
        elif args.demo_se_vazio:
            self.mostrar_login(local.caminho_base_demo())
            QTimer.singleShot(0, self.preparar_demo)
            return
        else:
            self.mostrar_assistente()
            return
        QTimer.singleShot(150, precarregar)


def _verificar_interface(caminho_base: Path) -> str:
    """Para o autoteste: a aplicação Qt (plataforma offscreen), a tradução pt_BR e a janela de entrada."""
    import os

    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # sem tela: o autoteste roda em qualquer máquina
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "paco"])
    configurar_aplicacao(app)
    pasta = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_pt_BR", pasta):
        raise RuntimeError(f"a tradução pt_BR do Qt não foi encontrada em {pasta}")
    fluxo = Fluxo(app)
    janela = fluxo.mostrar_login(caminho_base)
    app.processEvents()
    visivel = janela.isVisible()
    janela.close()
    janela.deleteLater()
    app.processEvents()
    if not visivel:
        raise RuntimeError("a janela de entrada não apareceu")
    return f"plataforma {app.platformName()}, Qt em pt_BR, janela de entrada aberta"


def _marcar_partida(app) -> None:
    """Para o benchmark de partida: avisa quando a janela de entrada está pintada e sai."""
    print("LOGIN", flush=True)
    app.quit()


def _preparar_registros() -> None:
    """Importa os módulos de registro e prepara o arquivo (pode rodar numa thread: não cria objeto Qt)."""
    from desktop.screens.widgets import falhas  # noqa: F401 — importado aqui, fora da thread da interface
    from desktop.services import registros

    try:
        registros.configurar()
    except OSError:
        pass  # sem pasta de registros gravável o Paço funciona; os avisos continuam aparecendo


def _ligar_registros() -> None:
    """Registro em arquivo e aviso em português para erros inesperados (o .exe não tem console)."""
    from desktop.screens.widgets.falhas import instalar_ganchos

    _preparar_registros()
    instalar_ganchos()


ATRASO_REGISTROS_MS = 100
"""Quanto os registros esperam depois de o laço de eventos começar. A thread que os prepara importa módulos
segurando o GIL, e a pintura da entrada passa pelo Python (os widgets foram criados por ele): começando no
primeiro giro, ela punha 2-16 ms entre o primeiro giro e a primeira pintura no X11 (Xvfb, 8 partidas; sem
ela, ~1 ms; issue 16). Com 100 ms a entrada já está pintada; a pré-carga das telas (``PRECARREGAR``)
espera 150 ms pelo mesmo motivo."""


def _ligar_registros_depois() -> threading.Thread:
    """Liga os registros com a tela de entrada já na tela: importar e preparar o registro (logging, a
    pasta, a rotação) custava ~1/3 da partida (issue 16). A preparação roda numa thread; os ganchos
    (que criam um objeto Qt) entram na thread da interface quando ela termina. Um erro antes disso
    ainda aparece no terminal, só não vai ao arquivo."""
    from PySide6.QtCore import QTimer

    fio = threading.Thread(target=_preparar_registros, name="registros", daemon=True)
    fio.start()
    _FIOS.append(fio)

    def _instalar_quando_pronto() -> None:
        if fio.is_alive():
            QTimer.singleShot(50, _instalar_quando_pronto)
            return
        from desktop.screens.widgets.falhas import instalar_ganchos

        instalar_ganchos()

    QTimer.singleShot(50, _instalar_quando_pronto)
    return fio


def main(argv: list[str] | None = None) -> int:
    args = _argumentos(sys.argv[1:] if argv is None else argv)
    if args.versao:
        print(f"{NOME_APP} {__version__}")
        return 0
    if args.autoteste:
        from desktop import autoteste

        return autoteste.main(_verificar_interface)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "paco"])
    configurar_aplicacao(app)
    fluxo = Fluxo(app)
    fluxo.iniciar(args)
    from PySide6.QtCore import QTimer

    if args.medir_partida:
        QTimer.singleShot(0, lambda: _marcar_partida(app))
    QTimer.singleShot(ATRASO_REGISTROS_MS, _ligar_registros_depois)
    codigo = app.exec()
    _esperar_fios()
    return codigo


if __name__ == "__main__":
    sys.exit(main())
