"""A sessão de um usuário numa base aberta: quem é, o que pode, e como se grava uma mudança.

Toda mudança feita por um serviço passa por ``Sessao.mudanca()``: verifica a permissão, abre a
transação e acrescenta ao diário, na mesma transação, uma linha por registro alterado.
"""
from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import sqlite_utils

from desktop import __version__
from desktop.rules.papeis import DESCRICOES, ROTULOS, Papel, Permissao, pode
from desktop.store import ancoras, diario, sigilo, sync_registro
from desktop.store import linhas as armazem_linhas
from desktop.store.base import Base


class SemPermissao(PermissionError):
    """O papel do usuário não permite a ação; a mensagem é para o usuário."""


class ErroNegocio(ValueError):
    """Ação recusada por uma regra; a mensagem é para o usuário."""


class SessaoEncerrada(ErroNegocio):
    """Uma tarefa em segundo plano pediu a base depois de a sessão fechar (sair, trocar de usuário):
    as chaves já saíram da memória e nada mais abre a base em nome dela. Quem lia para uma tela que
    fechou junto com a sessão descarta a resposta (``widgets.leitura``)."""


def maquina_atual() -> str:
    return socket.gethostname() or "desconhecida"


@dataclass
class Usuario:
    id: str
    login: str
    nome: str
    papel: Papel
    trocar_senha: bool = False

    @property
    def rotulo_papel(self) -> str:
        return ROTULOS[self.papel]


@dataclass
class Mudanca:
    """Uma transação em andamento; ``registrar`` escreve no diário.

    Gravar uma linha e registrá-la no diário é uma chamada só: ``inserir`` e ``alterar`` fazem o INSERT ou o
    UPDATE e a linha do diário juntos; ``gravar``, o upsert (insere ou altera, conforme a chave já exista);
    ``alterar_se``, a alteração com guarda que o store faz (só registra se gravou). Quando o diário não leva a
    linha inteira, elas dizem o que ele leva: ``sem`` (colunas que não vão: uma imagem, um anexo, chaves em
    bytes), ``nota`` (o que vai junto sem ser coluna: o motivo de uma correção, um resumo) e ``no_diario`` (o
    que vai no lugar da linha).

    ``registrar`` sozinho fica para o que não é a gravação de uma linha por estas: eventos (entrada,
    leitura, cópia, remessa gerada, pacote exportado), exclusões, e as gravações que uma função do store faz
    com lógica própria (várias linhas de uma vez, a aplicação de um pacote de sincronização) ou cujo diário tem
    outra forma. A regra, conferida por ``tests/services/test_diario_unico.py``: em ``desktop/services``,
    um ``registrar`` cuja ação é 'inserir' ou 'alterar' (ou não é um texto fixo) só nas funções listadas lá,
    cada uma com o motivo.
    """

    db: sqlite_utils.Database
    sessao: "Sessao"
    linhas: list[dict] = field(default_factory=list)
    capturas: list[tuple] = field(default_factory=list)  # para o registro de sincronização (issue 15)
    sincronizando: bool = False  # aplicando um pacote: o que chega não é alteração local
    cabecas: dict[str, dict] = field(default_factory=dict)  # esquema -> a última linha do diário que gravou

    def registrar(self, tabela: str, registro_id: str, acao: str, antes=None, depois=None, *,
                  esquema: str | None = None) -> None:
        """Uma linha no diário. Sem ``esquema``, pela tabela: as do domínio sigiloso
        (``desktop.store.sigilo.TABELAS``) vão ao diário do arquivo sigiloso, nunca ao geral — o
        diário geral não guarda conteúdo de caso; as outras, ao diário geral (``main``)."""
        if esquema is None:
            esquema = sigilo.ESQUEMA if tabela in sigilo.TABELAS else "main"
        if esquema == sigilo.ESQUEMA and not self.sessao.base.tem_sigilo:
            raise SemPermissao(sigilo.MENSAGEM_SEM_SIGILO)
        linha = diario.registrar(
            self.db, usuario=self.sessao.usuario.login, maquina=self.sessao.maquina,
            versao=__version__, tabela=tabela, registro_id=registro_id, acao=acao,
            antes=antes, depois=depois, esquema=esquema,
        )
        linha["esquema"] = esquema
        ancoras.escrita(self.sessao.base.caminho, esquema, linha["seq"])
        self.linhas.append(linha)
        self.cabecas[esquema] = linha
        self.capturas.append((esquema, tabela, str(registro_id), acao, _mudados(antes, depois)))

    def sincronizar(self, tabela: str, registro_id: str, acao: str, *, esquema: str = "main",
                    campos: tuple[str, ...] = ()) -> None:
        """Só para a sincronização (sem linha no diário): um registro gravado que deve viajar às outras
        réplicas, cuja integridade já está no diário por outro caminho (p.ex. o PDF de um documento,
        conferido pelo SHA-256 do registro do documento). Numa alteração, ``campos`` diz só as colunas que
        mudaram (sem eles, a linha inteira)."""
        self.capturas.append((esquema, tabela, str(registro_id), acao, dict.fromkeys(campos) if campos else None))

    def inserir(self, tabela: str, linha: dict, *, pk: str = "id", esquema: str | None = None,
                sem: tuple[str, ...] = (), nota: dict | None = None, no_diario: dict | None = None) -> dict:
        """INSERT da linha e a sua linha no diário ('inserir', depois = a linha), na mesma transação.

        No diário, em vez da linha inteira: ``no_diario`` no lugar dela; sem as colunas ``sem``; com ``nota``
        acrescentada. Devolve a linha gravada (inteira)."""
        armazem_linhas.inserir(self.db, tabela, linha)
        self.registrar(tabela, linha[pk], "inserir", depois=_no_diario(linha if no_diario is None else no_diario,
                                                                         sem, nota), esquema=esquema)
        return linha

    def alterar(self, tabela: str, id_: str, valores: dict, *, pk: str = "id",
                esquema: str | None = None, so_os_campos: bool = False, sem: tuple[str, ...] = (),
                nota: dict | None = None, no_diario: tuple[dict | None, dict | None] | None = None) -> dict:
        """UPDATE dos ``valores`` e a linha no diário ('alterar', antes e depois inteiros — com
        ``so_os_campos``, só os campos de ``valores``); devolve a linha nova.

        No diário, em vez das linhas inteiras: ``no_diario`` = (antes, depois) no lugar delas (a linha de antes
        nem é lida); sem as colunas ``sem``; com ``nota`` acrescentada ao depois."""
        antes = armazem_linhas.por_chave(self.db, tabela, id_, pk) if no_diario is None else None
        depois = armazem_linhas.atualizar(self.db, tabela, id_, valores, pk)
        if no_diario is not None:
            d_antes, d_depois = no_diario
        elif so_os_campos:
            d_antes, d_depois = {k: (antes or {}).get(k) for k in valores}, {k: (depois or {}).get(k) for k in valores}
        else:
            d_antes, d_depois = antes, depois
        self.registrar(tabela, id_, "alterar", antes=_no_diario(d_antes, sem), depois=_no_diario(d_depois, sem, nota),
                       esquema=esquema)
        return depois

    def gravar(self, tabela: str, linha: dict, *, chave: str = "id", esquema: str | None = None,
               so_na_inclusao: tuple[str, ...] = (), so_os_campos: bool = False, sem: tuple[str, ...] = (),
               nota: dict | None = None, no_diario: tuple[dict | None, dict | None] | None = None) -> dict:
        """Upsert: insere a linha ou, se a ``chave`` já existe, altera as outras colunas dela — e registra no
        diário o que aconteceu, como ``inserir`` ('inserir', depois = a linha) ou ``alterar`` ('alterar',
        antes e depois inteiros — com ``so_os_campos``, só os campos gravados), na mesma transação.

        Para as gravações de chave conhecida (configurações chave-valor, o emissor de um módulo, a linha de
        uma pessoa): a linha de antes é lida aqui e decide a ação. As colunas ``so_na_inclusao`` (p.ex.
        ``criado_em``) só valem na inclusão. ``sem`` e ``nota`` como em ``inserir``/``alterar``;
        ``no_diario`` = (antes, depois) no lugar das linhas (na inclusão, só o depois). Devolve a linha gravada
        (na alteração, relida)."""
        id_ = linha[chave]
        antes = armazem_linhas.por_chave(self.db, tabela, id_, chave)
        armazem_linhas.gravar(self.db, tabela, linha, chave, so_na_inclusao)
        if antes is None:
            self.registrar(tabela, id_, "inserir", depois=_no_diario(linha if no_diario is None else no_diario[1],
                                                                     sem, nota), esquema=esquema)
            return linha
        depois = armazem_linhas.por_chave(self.db, tabela, id_, chave)
        if no_diario is not None:
            d_antes, d_depois = no_diario
        elif so_os_campos:
            campos = [k for k in linha if k != chave and k not in so_na_inclusao]
            d_antes, d_depois = {k: antes.get(k) for k in campos}, {k: depois.get(k) for k in campos}
        else:
            d_antes, d_depois = antes, depois
        self.registrar(tabela, id_, "alterar", antes=_no_diario(d_antes, sem), depois=_no_diario(d_depois, sem, nota),
                       esquema=esquema)
        return depois

    def alterar_se(self, tabela: str, id_: str, gravacao: Callable[..., bool], *, pk: str = "id",
                   esquema: str | None = None, **argumentos) -> dict | None:
        """Uma alteração com guarda, feita pelo store: ``gravacao(db, id_, **argumentos)`` (p.ex. um UPDATE …
        WHERE cancelado_em IS NULL, a transição de estado de um documento) devolve se gravou. Só se gravou: a
        linha no diário ('alterar', antes e depois inteiros, lidos aqui) e a linha nova devolvida; senão, None e
        nada no diário."""
        antes = armazem_linhas.por_chave(self.db, tabela, id_, pk)
        if not gravacao(self.db, id_, **argumentos):
            return None
        depois = armazem_linhas.por_chave(self.db, tabela, id_, pk)
        self.registrar(tabela, id_, "alterar", antes=antes, depois=depois, esquema=esquema)
        return depois


def _no_diario(linha, sem=(), nota=None):
    """A imagem de uma linha no diário: sem as colunas ``sem`` e com a ``nota`` (a mesma linha, se nenhuma)."""
    if linha is None or not (sem or nota):
        return linha
    return {**{k: v for k, v in linha.items() if k not in sem}, **(nota or {})}


def _mudados(antes, depois):
    """Para a sincronização: os campos que uma alteração mudou — com antes e depois inteiros (p.ex.
    ``Mudanca.alterar``), só os diferentes; senão, os que o depois traz. A junção é por campo: dizer que
    mudou o que não mudou criaria conflitos falsos com edições de outros campos em outra máquina."""
    if isinstance(antes, dict) and isinstance(depois, dict):
        return {k: v for k, v in depois.items() if k not in antes or antes[k] != v}
    return depois


_trava_registro = threading.Lock()
_paralelas_por_thread: dict[int, list[tuple["Sessao", Base]]] = {}
MAX_OCIOSAS = 2
"""Conexões paralelas livres que uma sessão guarda para a próxima tarefa: a busca em segundo plano
reaproveita o cache de páginas já decifradas em vez de abrir (e decifrar de novo) a cada vez."""


def liberar_thread() -> None:
    """Fim de uma tarefa em segundo plano: as conexões que a thread usou voltam a ficar livres para a
    próxima tarefa da mesma sessão (até ``MAX_OCIOSAS``) ou são fechadas."""
    with _trava_registro:
        itens = _paralelas_por_thread.pop(threading.get_ident(), [])
    for sessao, b in itens:
        sessao._devolver(b)


class Sessao:
    """A sessão de um usuário. A thread principal usa a conexão principal; cada outra thread
    (tarefa em segundo plano) recebe uma conexão paralela só sua enquanto a tarefa dura — uma livre
    da tarefa anterior, se houver, ou uma nova —, devolvida por ``liberar_thread`` ao fim da tarefa
    e fechada por ``fechar``."""

    def __init__(self, base: Base, usuario: Usuario, maquina: str | None = None):
        self._base = base
        self._locais = threading.local()
        self._paralelas: dict[Base, threading.Thread | None] = {}  # None: livre para a próxima tarefa
        self._fechada = False
        self._escritor = None  # gravações pedidas com ``depois`` (criado no primeiro pedido)
        self._em_curso: dict[Base, Mudanca] = {}  # a mudança de fora em andamento em cada conexão
        self.usuario = usuario
        self.maquina = maquina or maquina_atual()
        self.chaves: dict[str, bytes] = {}  # chaves dos domínios que a fechadura abriu (acesso.entrar)
        self.alertas: list[str] = []  # avisos da entrada (p.ex. usuário alterado fora do Paço)

    @property
    def encerrada(self) -> bool:
        """Se ``fechar`` já foi chamada (sair, trocar de usuário): quem espera noutra thread para."""
        return self._fechada

    @property
    def base_principal(self) -> Base:
        """A conexão principal, de qualquer thread: só para a troca de chave (a tela espera)."""
        return self._base

    def renovar_paralelas(self) -> None:
        """Depois de trocar a chave: fecha as conexões paralelas livres e a da thread atual (estão
        na chave antiga); as de outras tarefas em andamento são fechadas ao serem devolvidas
        (``_devolver`` e ``base`` não reaproveitam conexão de outra chave)."""
        atual = threading.current_thread()
        with _trava_registro:
            fechar = [b for b, t in self._paralelas.items() if t is None or t is atual or not t.is_alive()]
            for b in fechar:
                self._paralelas.pop(b, None)
        for b in fechar:
            b.fechar()
        self._locais = threading.local()

    def _mesma_chave(self, base: Base) -> bool:
        return base.chave == self._base.chave and \
            getattr(base, "_chave_sigilo", None) == getattr(self._base, "_chave_sigilo", None)

    @property
    def base(self) -> Base:
        if threading.current_thread() is threading.main_thread():
            return self._base
        base = getattr(self._locais, "base", None)
        if base is None or base.fechada:
            atual = threading.current_thread()
            with _trava_registro:  # a mesma trava de ``fechar``: as chaves não somem no meio
                if self._fechada:
                    raise SessaoEncerrada("A sessão foi encerrada; entre de novo para continuar.")
                livres = [b for b, t in self._paralelas.items()
                          if t is None and not b.fechada and self._mesma_chave(b)]
                # a aquecida primeiro (a busca a quer: as páginas dela já estão decifradas); depois, a devolvida por
                # último (a de cache mais quente)
                base = max(reversed(livres), key=lambda b: b.aquecida) if livres else None
                if base is None:
                    base = self._base.paralela()
                self._paralelas[base] = atual
            self._locais.base = base
            with _trava_registro:
                _paralelas_por_thread.setdefault(threading.get_ident(), []).append((self, base))
        return base

    def _devolver(self, base: Base) -> None:
        """Chamado na própria thread ao fim da tarefa: a conexão fica livre (ou é fechada)."""
        if getattr(self._locais, "base", None) is base:
            self._locais.base = None
        with _trava_registro:
            self._paralelas.pop(base, None)
            fechar = [base] if (self._fechada or base.fechada or base.conexao.in_transaction
                                or not self._mesma_chave(base)) else []
            if not fechar:
                # a devolvida vai para o fim: a próxima tarefa (``base``: a última livre) pega a de cache mais quente;
                # passadas MAX_OCIOSAS livres, fecha-se a que está livre há mais tempo — nunca a aquecida, se há outra
                livres = [b for b, t in self._paralelas.items() if t is None]
                livres.sort(key=lambda b: b.aquecida)  # estável: entre as outras, a ordem em que foram devolvidas
                fechar = livres[:max(0, len(livres) + 1 - MAX_OCIOSAS)]
                for b in fechar:
                    self._paralelas.pop(b, None)
                self._paralelas[base] = None
        for b in fechar:
            b.fechar()
            if self._fechada:
                b.esquecer_chaves()

    @property
    def db(self) -> sqlite_utils.Database:
        return self.base.db

    @property
    def tem_sigilo(self) -> bool:
        """Se esta sessão tem a chave do conteúdo dos casos do Conselho (arquivo sigiloso anexado)."""
        return self._base.tem_sigilo

    def pode(self, permissao: Permissao) -> bool:
        return pode(self.usuario.papel, permissao)

    def exigir(self, permissao: Permissao) -> None:
        if not self.pode(permissao):
            raise SemPermissao(
                f"O papel {self.usuario.rotulo_papel} não permite {DESCRICOES[permissao]}."
            )

    @contextmanager
    def mudanca(self, permissao: Permissao | None) -> Iterator[Mudanca]:
        """Transação com diário. ``permissao`` None só para eventos que todo usuário registra.

        Depois que a transação de fora confirma, a cabeça de cada diário que ela tocou é ancorada
        no arquivo de chaves (uma vez por transação; ver ``ancoras.ancorar_base``): a última linha que a
        transação gravou em cada diário, sem reler a cabeça. Ela é a cabeça: a transação começa com
        BEGIN IMMEDIATE e cada linha encadeia na anterior lida dentro dela. Uma mudança aninhada (um
        savepoint) passa as suas à de fora só se confirmar; se voltar atrás, as linhas dela não existem e
        não podem ser ancoradas.
        """
        if permissao is not None:
            self.exigir(permissao)
        base = self.base
        externa = not base.conexao.in_transaction
        fora = None if externa else self._em_curso.get(base)
        with base.transacao() as db:
            m = Mudanca(db, self)
            self._em_curso[base] = m
            try:
                yield m
                if m.capturas and not m.sincronizando:
                    sync_registro.capturar(db, m.capturas, self.usuario.login)
            finally:
                if fora is None:
                    self._em_curso.pop(base, None)
                else:
                    self._em_curso[base] = fora
        if fora is not None:  # o savepoint confirmou: as linhas valem para a transação de fora
            fora.cabecas.update(m.cabecas)
        if externa:
            ancoras.ancorar_base(base, m.cabecas)

    def depois(self, gravacao) -> None:
        """Pede ``gravacao()`` (uma transação da sessão, p.ex. o registro de uma leitura no diário) à
        thread de gravações da sessão e volta já; ``fechar`` espera as pedidas (ver ``escritor``)."""
        if self._fechada:
            raise ErroNegocio("A sessão já foi encerrada.")
        if self._escritor is None:
            from .escritor import Escritor

            self._escritor = Escritor("paco-gravacoes", liberar_thread, lambda: self.mudanca(None))
        self._escritor.pedir(gravacao)

    def aguardar_gravacoes(self) -> None:
        """Espera as gravações pedidas com ``depois`` chegarem à base."""
        if self._escritor is not None:
            self._escritor.aguardar()

    def fechar(self) -> None:
        """Fecha a conexão principal e as paralelas de threads que já terminaram.

        A conexão de uma tarefa ainda em andamento não é fechada aqui (fechar uma conexão SQLite
        no meio de uma consulta de outra thread derruba o processo): ``liberar_thread`` a fecha
        quando a tarefa termina. As chaves saem da memória da sessão e das conexões fechadas
        (``Base.esquecer_chaves``): depois de uma troca de usuário, nada da sessão anterior abre a base.
        """
        if self._escritor is not None:  # o que ``depois`` pediu chega à base antes de ela fechar
            self._escritor.encerrar()
        ancoras.aguardar()  # as âncoras pedidas por esta sessão chegam ao arquivo de chaves
        atual = threading.current_thread()
        with _trava_registro:
            self._fechada = True
            paralelas = dict(self._paralelas)
            em_uso = {b for b, t in paralelas.items() if t is not None and t is not atual and t.is_alive()}
            self._paralelas = {b: t for b, t in paralelas.items() if b in em_uso}
        for b in paralelas:
            if b not in em_uso:
                b.fechar()
                b.esquecer_chaves()
        self._base.fechar()
        self._base.esquecer_chaves()
        self.chaves.clear()  # as chaves dos domínios que a senha abriu saem da sessão (troca de usuário)
