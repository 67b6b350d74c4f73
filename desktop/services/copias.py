"""Cópias de segurança (casos de uso): fazer, automáticas, listar, pasta extra e restaurar.

Onde ficam: ``<pasta da base>/copias`` e, se configurada, uma pasta extra (um pen drive, outro
disco). A pasta extra ausente na hora da cópia gera um aviso, nunca impede a cópia principal.
Em cada pasta a rotação guarda 7 diárias, 4 semanais, 12 mensais e as 10 mais recentes de cada
outro tipo (desktop.rules.rotacao).

Permissões (a matriz de docs/seguranca.md): a cópia manual exige ``BACKUP_FAZER``; escolher a pasta
extra (para onde as cópias vão) exige ``BACKUP_CONFIGURAR``, só do administrador. As automáticas
(``copia_automatica``: ao fechar e diária) exigem ``BACKUP_AUTOMATICO``, que a matriz dá a todos os
papéis — inclusive o Consulta —, porque protegem a base, vão só às pastas já escolhidas pelo
administrador e não mostram dado algum; ficam registradas no diário como as outras. Restaurar exige um
administrador *da cópia*: a senha dele abre as fechaduras do ``.chaves`` da cópia. Fluxo na tela:
o administrador confirma → o programa fecha a sessão → ``restaurar`` → volta ao login. Da tela
de entrada, com a base danificada (BaseCorrompida), ``restaurar_base_corrompida`` aceita a senha de
qualquer usuário ativo da cópia mais recente que sirva; ``restaurar_com_recuperacao`` dispensa
senhas e o ``.chaves``.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from desktop.rules.papeis import Papel, Permissao, pode
from desktop.rules.rotacao import Politica, precisa_de_diaria
from desktop.store import ancoras
from desktop.store import configuracoes as armazem_configuracoes
from desktop.store import escritorio as armazem_escritorio
from desktop.store import sync_registro
from desktop.store import usuarios as armazem_usuarios
from desktop.store import copias as armazem
from desktop.store.base import PASTA_COPIAS, Base
from desktop.store.chaves import ArquivoChaves, ErroChaves, Fechadura, SenhaIncorreta
from desktop.store.copias import ErroCopia, InfoCopia
from desktop.store.erros import ErroBase
from desktop.store.ids import agora

from . import chaveiro
from .chaveiro import ADMIN, GERAL, SIGILO
from . import tentativas
from .sessao import ErroNegocio, SemPermissao, Sessao, Usuario
from desktop.rules import formato

NOME_PASTA = PASTA_COPIAS  # pasta das cópias, ao lado da base (desktop.store.base)
CHAVE_PASTA_EXTRA = "copias.pasta_extra"
MOTIVOS_AUTOMATICOS = ("ao-fechar", "diaria")
ROTULOS_TIPO = {"manual": "Manual", "diaria": "Diária", "ao-fechar": "Ao fechar",
                "antes-de-atualizar": "Antes de atualizar"}
_TABELA_DIARIO = "copias"


@dataclass
class ResultadoCopia:
    copia: Path                        # a cópia principal
    extra: Path | None = None          # a cópia na pasta extra, se foi feita
    avisos: list[str] = field(default_factory=list)  # mostrar ao usuário, sem ser erro
    removidas: list[Path] = field(default_factory=list)  # apagadas pela rotação

    def mensagem(self) -> str:
        return descrever(self)


@dataclass
class ResultadoRestauracao:
    base: Path
    copia: Path
    guardada_em: Path | None  # onde ficou a base anterior (None se não havia)

    def mensagem(self) -> str:
        texto = f"A cópia {self.copia.name} foi restaurada."
        if self.guardada_em is not None:
            texto += f" A base anterior ficou guardada em {self.guardada_em}."
        return texto


def descrever(resultado: ResultadoCopia) -> str:
    """O resultado de uma cópia em texto para o usuário (uma informação por linha)."""
    linhas = [f"Cópia de segurança feita em {resultado.copia}."]
    if resultado.extra is not None:
        linhas.append(f"Também foi gravada em {resultado.extra}.")
    linhas += resultado.avisos
    if resultado.removidas:
        n, p, s = len(resultado.removidas), Politica(), "s" if len(resultado.removidas) > 1 else ""
        linhas.append(f"{n} cópia{s} antiga{s} apagada{s} pela rotação (ficam {p.diarias} diárias, "
                      f"{p.semanais} semanais, {p.mensais} mensais).")
    return "\n".join(linhas)


# -- pastas ------------------------------------------------------------------------------------
def pasta_copias_da_base(caminho_base: Path) -> Path:
    return Path(caminho_base).parent / NOME_PASTA


def pasta_copias(sessao: Sessao) -> Path:
    return pasta_copias_da_base(sessao.base.caminho)


def pasta_extra(sessao: Sessao) -> Path | None:
    valor = armazem_configuracoes.valor(sessao.db, CHAVE_PASTA_EXTRA)
    return Path(valor) if valor else None


def definir_pasta_extra(sessao: Sessao, pasta: Path | str | None) -> Path | None:
    """Define (ou, com None/vazio, remove) a pasta extra das cópias. Devolve a pasta gravada.

    Só o administrador (``BACKUP_CONFIGURAR``): quem muda o destino leva as cópias consigo."""
    sessao.exigir(Permissao.BACKUP_CONFIGURAR)
    nova = None
    if pasta is not None and str(pasta).strip():
        nova = Path(str(pasta).strip()).expanduser()
        _conferir_pasta_extra(sessao, nova)
    antes = pasta_extra(sessao)
    if antes == nova:
        return nova
    with sessao.mudanca(Permissao.BACKUP_CONFIGURAR) as m:
        if nova is None:
            armazem_configuracoes.apagar(m.db, CHAVE_PASTA_EXTRA)
            m.registrar("configuracoes", CHAVE_PASTA_EXTRA, "excluir",
                        antes={"chave": CHAVE_PASTA_EXTRA, "valor": str(antes)})
        else:
            m.gravar("configuracoes", {"chave": CHAVE_PASTA_EXTRA, "valor": str(nova)}, chave="chave")
    return nova


def _conferir_pasta_extra(sessao: Sessao, pasta: Path) -> None:
    if not pasta.is_absolute():
        raise ErroNegocio("Escolha a pasta extra pelo caminho completo (por exemplo, E:\\Copias).")
    if not pasta.is_dir():
        raise ErroNegocio(
            f"A pasta {pasta} não existe ou não está acessível. Conecte o pen drive (ou o disco) "
            "e escolha a pasta de novo.")
    if pasta.resolve() in (pasta_copias(sessao).resolve(), sessao.base.caminho.parent.resolve()):
        raise ErroNegocio(
            "Essa pasta já guarda as cópias principais. Escolha outra, de preferência num pen "
            "drive ou em outro disco, para que as cópias sobrevivam a uma pane deste.")
    try:
        fd, teste = tempfile.mkstemp(prefix=".paco-teste-", dir=pasta)
        os.close(fd)
        os.unlink(teste)
    except OSError as e:
        raise ErroNegocio(
            f"Não é possível gravar na pasta {pasta} ({e.strerror}). Escolha outra pasta.") from None


def _base_id(sessao: Sessao) -> str:
    return armazem_escritorio.base_id(sessao.db)


# -- fazer cópias ------------------------------------------------------------------------------
def fazer_copia(sessao: Sessao, tipo: str = "manual", *, momento: datetime | None = None,
                progresso: Callable[[int, int], None] | None = None) -> ResultadoCopia:
    """Cópia manual: exige BACKUP_FAZER. Grava na pasta principal e na extra, se houver."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    return _copiar(sessao, tipo, momento, progresso)


def copia_automatica(sessao: Sessao, motivo: str, *, momento: datetime | None = None,
                     progresso: Callable[[int, int], None] | None = None) -> ResultadoCopia | None:
    """Cópia automática de qualquer usuário que entrou: ``"ao-fechar"`` ou ``"diaria"``.

    A diária só é feita se a última diária for de outro dia (ou de mais de 24 h); senão devolve
    None. A tela chama ``"diaria"`` ao entrar (e, se quiser, de hora em hora) e ``"ao-fechar"``
    antes de ``Sessao.fechar``. Se a cópia principal falhar, levanta ErroCopia (a tela avisa e
    segue: ao fechar, fecha assim mesmo).
    """
    sessao.exigir(Permissao.BACKUP_AUTOMATICO)
    if motivo not in MOTIVOS_AUTOMATICOS:
        raise ValueError(f"motivo de cópia automática desconhecido: {motivo}")
    momento = momento or datetime.now()
    if motivo == "diaria":
        diarias = [c for c in armazem.listar_copias(pasta_copias(sessao), _base_id(sessao))
                   if c.tipo == "diaria"]
        if not precisa_de_diaria(diarias[0].momento if diarias else None, momento):
            return None
    resultado = _copiar(sessao, motivo, momento, progresso)
    if motivo == "ao-fechar":
        # Sessao.fechar, logo depois, espera a âncora do registro desta cópia chegar ao arquivo de
        # chaves (a thread junta pedidos por 50 ms e faz um fsync): esperada aqui, no trabalho em
        # segundo plano, ela não trava a janela ao fechar (issue 16)
        ancoras.aguardar()
        # e o WAL passa para a base aqui também: o checkpoint que Sessao.fechar faz na thread da interface
        # levava 70 ms de disco com a janela parada (benchmarks/travamentos.py --culpados, issue 16)
        sessao.base.consolidar()
    return resultado


def _copiar(sessao: Sessao, tipo: str, momento: datetime | None,
            progresso: Callable[[int, int], None] | None) -> ResultadoCopia:
    if tipo not in armazem.TIPOS:
        raise ErroNegocio(f"Tipo de cópia desconhecido: {tipo}.")
    momento = momento or datetime.now()
    base_id = _base_id(sessao)
    principal = pasta_copias(sessao)
    extra = pasta_extra(sessao)
    # A sequência (não o relógio) diz qual cópia é a mais nova: a mesma nas duas pastas.
    sequencia = armazem.proxima_sequencia(principal, *([extra] if extra is not None else []))
    copia = armazem.fazer_copia(sessao.base, principal, tipo, momento=momento, progresso=progresso,
                                sequencia=sequencia)
    resultado = ResultadoCopia(copia)
    atrasada = armazem.relogio_atrasado(principal, base_id, copia)
    if atrasada is not None:
        resultado.avisos.append(
            f"O relógio deste computador parece atrasado: esta cópia ficou com data "
            f"{formato.momento(momento, hora_local=False)}, anterior à de uma cópia feita antes dela "
            f"({formato.momento(atrasada.momento, hora_local=False)}). Nenhuma cópia antiga foi apagada desta vez. "
            "Acerte a data e a hora do computador (e confira a bateria do relógio).")
    else:
        resultado.removidas += armazem.girar(principal, base_id)

    if extra is not None:
        if not extra.is_dir():
            resultado.avisos.append(
                f"A pasta extra de cópias {extra} não está acessível (o pen drive está "
                f"conectado?). A cópia principal foi feita em {principal}. Conecte o pen drive "
                "e faça uma cópia manual para ter também a cópia fora deste computador.")
        else:
            try:
                resultado.extra = armazem.fazer_copia(sessao.base, extra, tipo, momento=momento,
                                                      sequencia=sequencia)
                if atrasada is None:
                    resultado.removidas += armazem.girar(extra, base_id)
            except ErroBase as e:
                resultado.avisos.append(
                    f"A cópia principal foi feita em {principal}, mas a da pasta extra falhou: {e}")

    with sessao.mudanca(None) as m:
        m.registrar(_TABELA_DIARIO, copia.name, "evento", depois={
            "evento": "cópia de segurança", "tipo": tipo, "arquivo": str(copia),
            "extra": None if resultado.extra is None else str(resultado.extra),
            "avisos": resultado.avisos, "removidas": [p.name for p in resultado.removidas],
        })
    return resultado


def limpar_sobras(sessao: Sessao) -> list[Path]:
    """Apaga os temporários de cópias e restaurações interrompidas (apagão, programa fechado à
    força) ao lado da base, na pasta de cópias e na pasta extra. Chamada na entrada, com a base
    travada: nenhuma cópia desta base está em andamento."""
    sessao.exigir(Permissao.BACKUP_AUTOMATICO)
    pastas = [sessao.base.caminho.parent, pasta_copias(sessao)]
    extra = pasta_extra(sessao)
    if extra is not None and extra.is_dir():
        pastas.append(extra)
    return [p for pasta in pastas for p in armazem.remover_temporarios(pasta)]


def listar_copias(sessao: Sessao) -> list[InfoCopia]:
    """As cópias desta base na pasta principal e na extra (se acessível), da mais nova à mais
    antiga. Ler a lista não exige permissão; restaurar exige um administrador."""
    base_id = _base_id(sessao)
    pastas = [pasta_copias(sessao)]
    extra = pasta_extra(sessao)
    if extra is not None and extra.is_dir():
        pastas.append(extra)
    todas = [c for p in pastas for c in armazem.listar_copias(p, base_id)]
    todas.sort(key=armazem.ordem_cronologica, reverse=True)
    return todas


# -- restaurar ---------------------------------------------------------------------------------
def _chave_da_copia(copia: Path, login: str, senha: str) -> Fechadura:
    try:
        chaves = ArquivoChaves.ler(copia)
    except ErroChaves:
        raise ErroChaves(
            f"O arquivo de chaves da cópia ({copia.name}.chaves) falta ao lado dela ou está "
            "danificado, então a senha não a abre. Restaure-a com a chave de recuperação.") from None
    return chaves.abrir(login, senha)


def _usuario_da_copia(copia: Path, chave: bytes, login: str) -> Usuario:
    with armazem.abrir_copia(copia, chave) as db:
        u = armazem_usuarios.por_login(db, login)
    if not u or not u["ativo"]:
        raise SenhaIncorreta(f"O usuário {login} não existe ou está desativado na cópia {copia.name}.")
    return Usuario(u["id"], u["login"], u["nome"], Papel(u["papel"]), bool(u["trocar_senha"]))


def _restaurar(caminho_base: Path, copia: Path, fech: Fechadura, usuario: Usuario,
               evento: str) -> ResultadoRestauracao:
    """Restaura e troca as chaves da base restaurada (com as credenciais válidas na cópia): as
    fechaduras antigas continuam abrindo só as cópias antigas, nunca a base restaurada."""
    guardada = armazem.restaurar(caminho_base, copia, fech.chaves[GERAL])
    tentativas._garantir(caminho_base)  # computador novo: o contador nasce com a base restaurada
    base = chaveiro.abrir_base(caminho_base, fech)
    try:
        sessao = Sessao(base, usuario)
        sessao.chaves = dict(fech.chaves)
        with sessao.mudanca(None) as m:
            m.registrar(_TABELA_DIARIO, copia.name, "evento", depois={
                "evento": evento, "copia": str(copia),
                "base_anterior_guardada_em": None if guardada is None else str(guardada),
            })
            # réplica de um órgão com outras máquinas: até juntar com um convite, não exporta, não numera e não
            # faz atos únicos (a original pode tê-lo feito depois da cópia; docs/sincronizacao.md)
            sync_registro.marcar_restaurada(m.db, agora())
        if ArquivoChaves.caminho_para(caminho_base).exists():
            arquivo = ArquivoChaves.ler(caminho_base)
            if SIGILO not in fech.chaves and any(SIGILO in arquivo.dominios_de(u) for u in arquivo.usuarios()):
                chaveiro.marcar_rotacao_sigilo(arquivo, "restauração de cópia")
                arquivo.gravar()
            # a restauração já conferiu quem pode fazê-la (administrador, ou qualquer usuário ativo
            # quando a base está danificada): a troca de chaves faz parte dela
            chaveiro._trocar(sessao, "restauração de cópia de segurança", trocar_admin=ADMIN in fech.chaves)
    finally:
        base.fechar()
    return ResultadoRestauracao(Path(caminho_base), Path(copia), guardada)


def restaurar(caminho_base: Path, copia: Path, *, login: str, senha: str) -> ResultadoRestauracao:
    """Restaura ``copia`` no lugar da base (que deve estar fechada), por um administrador.

    A senha é conferida nas fechaduras da cópia (o ``.chaves`` ao lado dela) e o usuário tem de
    ser administrador ativo na cópia. A base anterior fica guardada ao lado (ver o resultado).
    """
    caminho_base, copia = Path(caminho_base), Path(copia)
    login = (login or "").strip().lower()
    with tentativas._tentativa(caminho_base, login):  # a mesma espera da entrada
        fech = _chave_da_copia(copia, login, senha)
    usuario = _usuario_da_copia(copia, fech.chaves[GERAL], login)
    if not pode(usuario.papel, Permissao.BACKUP_RESTAURAR):
        raise SemPermissao(
            f"O papel {usuario.rotulo_papel} não permite restaurar cópias de segurança; peça a um "
            "administrador.")
    return _restaurar(caminho_base, copia, fech, usuario, "restauração de cópia de segurança")


def restaurar_com_recuperacao(caminho_base: Path, copia: Path, recuperacao: str) -> ResultadoRestauracao:
    """Restaura com a chave de recuperação impressa na instalação: ela abre os envelopes da
    recuperação no ``.chaves`` da cópia (ou no da base, se a cópia não tem o seu)."""
    caminho_base, copia = Path(caminho_base), Path(copia)
    fech = None
    for origem in (copia, caminho_base):
        try:
            fech = ArquivoChaves.ler(origem).abrir_recuperacao(recuperacao)
        except ErroChaves:
            continue
        try:
            armazem.verificar_copia(copia, fech.chaves[GERAL])
            break
        except ErroBase:
            fech = None
    if fech is None:
        raise ErroChaves(
            f"A chave de recuperação não abre a cópia {copia.name}: o arquivo de chaves dela "
            f"({copia.name}.chaves) falta ou não confere, e o da base atual não abre esta cópia. "
            "Copie o .chaves que acompanha a cópia para a mesma pasta e tente de novo.")
    usuario = Usuario("chave-de-recuperacao", "chave-de-recuperacao", "Chave de recuperação",
                      Papel.ADMINISTRADOR)
    return _restaurar(caminho_base, copia, fech, usuario,
                      "restauração de cópia de segurança com a chave de recuperação")


def copia_mais_recente(caminho_base: Path) -> InfoCopia | None:
    """A cópia mais recente na pasta de cópias da base, para a tela de entrada oferecer."""
    copias = armazem.listar_copias(pasta_copias_da_base(caminho_base), _base_id_do_arquivo(caminho_base))
    return copias[0] if copias else None


def _base_id_do_arquivo(caminho_base: Path) -> str | None:
    try:
        return ArquivoChaves.ler(Path(caminho_base)).base_id
    except ErroChaves:
        return None


def _chave_atual(caminho_base: Path, login: str, senha: str) -> bytes | None:
    """A chave da base atual pela fechadura atual do usuário (None se o arquivo de chaves
    falta ou está danificado). Uma senha que não vale mais na base atual (revogada) é recusada:
    uma fechadura antiga não serve para trocar a base atual por uma cópia antiga."""
    try:
        arquivo = ArquivoChaves.ler(caminho_base)
    except ErroChaves:
        return None
    if arquivo.usuario(login) is None and not Path(caminho_base).exists():
        return None
    return arquivo.abrir(login, senha).chaves.get(GERAL)  # SenhaIncorreta se revogada


def restaurar_base_corrompida(caminho_base: Path, *, login: str, senha: str) -> ResultadoRestauracao:
    """Da tela de entrada, quando a base não abre (BaseCorrompida): restaura a cópia mais recente.

    Qualquer usuário ativo da cópia pode fazê-lo, porque a base atual já não serve e fica
    guardada ao lado; mas só se ela estiver mesmo danificada ou ausente — se abrir e passar na
    conferência, recusa. A senha é conferida nas fechaduras de cada cópia, da mais nova para a
    mais antiga; uma cópia que também esteja danificada é pulada.
    """
    caminho_base = Path(caminho_base)
    login = (login or "").strip().lower()
    with tentativas._tentativa(caminho_base, login):  # a mesma espera da entrada; conta uma vez
        return _restaurar_base_corrompida(caminho_base, login, senha)


def _restaurar_base_corrompida(caminho_base: Path, login: str, senha: str) -> ResultadoRestauracao:
    pasta = pasta_copias_da_base(caminho_base)
    candidatas = armazem.listar_copias(pasta, _base_id_do_arquivo(caminho_base))
    if not candidatas:
        raise ErroCopia(
            f"Não há cópias de segurança em {pasta}. Se houver uma num pen drive, use "
            "\"Restaurar de um arquivo\" com a senha de um administrador ou a chave de recuperação.")
    senha_conferida, base_conferida, problemas = False, False, []
    for info in candidatas:
        try:
            fech = _chave_da_copia(info.caminho, login, senha)
        except ErroChaves:
            continue
        chave = fech.chaves[GERAL]
        senha_conferida = True
        if not base_conferida:
            atual = _chave_atual(caminho_base, login, senha)
            if atual is not None and not armazem.base_danificada(caminho_base, atual):
                raise ErroNegocio(
                    "A base abre normalmente e passou na conferência: não há o que restaurar. "
                    "Para voltar a uma cópia, um administrador usa Cópias de segurança → Restaurar.")
            base_conferida = True
        try:
            usuario = _usuario_da_copia(info.caminho, chave, login)
        except (ErroCopia, SenhaIncorreta) as e:
            problemas.append(str(e))
            continue
        return _restaurar(caminho_base, info.caminho, fech, usuario,
                          "restauração da cópia mais recente (base danificada)")
    if not senha_conferida:
        raise SenhaIncorreta("Usuário ou senha incorretos (conferidos nas cópias de segurança).")
    raise ErroCopia("Nenhuma cópia de segurança pôde ser restaurada: " + " ".join(problemas))


def restaurar_com_credenciais(caminho_base: Path, copia: Path | None, *, login: str = "",
                              senha: str = "", chave: str = "") -> ResultadoRestauracao:
    """Restaura pela chave de recuperação (se dada) ou pela senha; sem ``copia``, a mais recente.

    Sem cópia escolhida e com senha, vale a regra da base danificada (qualquer usuário ativo).
    """
    if chave:
        if copia is None:
            info = copia_mais_recente(caminho_base)
            if info is None:
                raise ErroNegocio("Não há cópia para restaurar: escolha o arquivo da cópia.")
            copia = info.caminho
        return restaurar_com_recuperacao(caminho_base, copia, chave)
    if copia is None:
        return restaurar_base_corrompida(caminho_base, login=login, senha=senha)
    return restaurar(caminho_base, copia, login=login, senha=senha)
