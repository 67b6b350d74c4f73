"""Instalação, entrada (login) e usuários: criar, desativar, reativar, redefinir e trocar senha.

A senha de cada usuário abre a sua fechadura no arquivo de chaves (desktop.store.chaves); depois
de repetidas senhas erradas, o Paço faz esperar cada vez mais antes de aceitar outra tentativa.

Sigilo do Conselho: a instalação cria uma chave aleatória para o arquivo ``<base>.sigilo``. Só as
sessões dos papéis de ``PAPEIS_SIGILO`` (conselheiros, consulta do MP/juízo) anexam o arquivo. Provisório,
até a hierarquia de chaves por papel: a fechadura do administrador também guarda essa chave (sem
anexá-la: a sessão dele não lê casos) para entregá-la aos usuários do Conselho que ele cria.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.rules import validacao
from desktop.rules.papeis import PAPEIS_SIGILO, Papel, Permissao
from desktop.store.base import Base
from desktop.store.chaves import ArquivoChaves, ErroChaves, SenhaIncorreta, chave_da_base, nova_chave_recuperacao
from desktop.store.ids import agora, novo_id

from . import parametros
from .sessao import ErroNegocio, Sessao, Usuario

TENTATIVAS_LIVRES = 3
ESPERA_MAXIMA = 300  # segundos


@dataclass
class DadosEscritorio:
    nome: str
    municipio: str
    uf: str
    cnpj: str
    brasao: bytes | None = None
    brasao_tipo: str | None = None

    def validado(self) -> "DadosEscritorio":
        return DadosEscritorio(
            nome=validacao.obrigatorio(self.nome, "o nome do órgão"),
            municipio=validacao.obrigatorio(self.municipio, "o município"),
            uf=validacao.uf(self.uf),
            cnpj=validacao.cnpj(self.cnpj),
            brasao=self.brasao,
            brasao_tipo=self.brasao_tipo,
        )


class MuitasTentativas(ErroNegocio):
    def __init__(self, segundos: int):
        self.segundos = segundos
        super().__init__(
            f"Muitas tentativas com senha errada. Aguarde {segundos} s antes de tentar de novo."
        )


# -- tentativas de entrada -------------------------------------------------------------------
def _arquivo_tentativas(base: Path) -> Path:
    return Path(str(base) + ".tentativas")


def _ler_tentativas(base: Path) -> dict:
    try:
        return json.loads(_arquivo_tentativas(base).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _gravar_tentativas(base: Path, dados: dict) -> None:
    arq = _arquivo_tentativas(base)
    tmp = arq.with_name(arq.name + ".tmp")
    tmp.write_text(json.dumps(dados), encoding="utf-8")
    os.replace(tmp, arq)


def espera_apos(falhas: int) -> int:
    """Segundos de espera depois de ``falhas`` senhas erradas seguidas: 0, 0, 0, 2, 4, 8, ..."""
    if falhas < TENTATIVAS_LIVRES:
        return 0
    return min(2 ** (falhas - TENTATIVAS_LIVRES + 1), ESPERA_MAXIMA)


def espera_restante(base: Path, login: str, agora_s: float | None = None) -> int:
    t = _ler_tentativas(base).get(login)
    if not t:
        return 0
    agora_s = time.time() if agora_s is None else agora_s
    return max(0, int(t["ultima"] + espera_apos(t["falhas"]) - agora_s + 0.999))


# -- instalação e entrada --------------------------------------------------------------------
def criar_instalacao(caminho: Path, escritorio: DadosEscritorio, *, login: str, nome: str,
                     senha: str) -> tuple[Sessao, str]:
    """Cria a base cifrada, o órgão e o primeiro administrador.

    Devolve a sessão do administrador e a chave de recuperação, que deve ser mostrada uma única
    vez para ser impressa e guardada.
    """
    escritorio = escritorio.validado()
    login = validacao.login(login)
    nome = validacao.obrigatorio(nome, "o nome do administrador")
    validacao.senha(senha)
    caminho = Path(caminho)
    if caminho.exists() or ArquivoChaves.caminho_para(caminho).exists():
        raise ErroNegocio(f"Já existe uma base em {caminho}. Escolha outra pasta.")
    recuperacao = nova_chave_recuperacao()
    chave = chave_da_base(recuperacao)
    chave_sigilo = os.urandom(32)
    base = Base.criar(caminho, chave)
    sessao = None
    try:
        base.paralela(chave_sigilo=chave_sigilo).fechar()  # cria o arquivo sigiloso (vazio)
        base_id = novo_id()
        usuario = Usuario(novo_id(), login, nome, Papel.ADMINISTRADOR)
        sessao = Sessao(base, usuario)
        sessao.custodia_sigilo = chave_sigilo
        chaves = ArquivoChaves.novo(caminho, base_id)
        chaves.fechar(login, senha, chave, chave_sigilo)
        chaves.guardar_sigilo_recuperacao(recuperacao, chave_sigilo)
        with sessao.mudanca(None) as m:
            momento = agora()
            org = {"id": 1, "nome": escritorio.nome, "municipio": escritorio.municipio,
                   "uf": escritorio.uf, "cnpj": escritorio.cnpj, "brasao": escritorio.brasao,
                   "brasao_tipo": escritorio.brasao_tipo, "base_id": base_id,
                   "criado_em": momento, "atualizado_em": momento}
            m.db["escritorio"].insert(org)
            m.registrar("escritorio", "1", "inserir", depois={k: v for k, v in org.items() if k != "brasao"})
            linha = {"id": usuario.id, "login": login, "nome": nome, "papel": usuario.papel.value,
                     "ativo": 1, "trocar_senha": 0, "criado_em": momento, "atualizado_em": momento}
            m.db["usuarios"].insert(linha)
            m.registrar("usuarios", usuario.id, "inserir", depois=linha)
            chaves.gravar()
        parametros.semear_padroes(sessao)
    except BaseException:
        (sessao or base).fechar()
        for sufixo in ("", "-wal", "-shm", ".chaves", ".trava", ".sigilo", ".sigilo-wal", ".sigilo-shm"):
            Path(str(caminho) + sufixo).unlink(missing_ok=True)
        raise
    return sessao, recuperacao


def _usuario_da_base(base: Base, login: str) -> Usuario:
    linhas = list(base.db.query("SELECT * FROM usuarios WHERE login = ?", [login]))
    if not linhas or not linhas[0]["ativo"]:
        raise SenhaIncorreta("Usuário desativado ou inexistente nesta base.")
    u = linhas[0]
    return Usuario(u["id"], u["login"], u["nome"], Papel(u["papel"]), bool(u["trocar_senha"]))


def entrar(caminho: Path, login: str, senha: str) -> Sessao:
    """Abre a base com a senha do usuário. Senha errada: mensagem e espera crescente."""
    caminho = Path(caminho)
    login = (login or "").strip().lower()
    espera = espera_restante(caminho, login)
    if espera:
        raise MuitasTentativas(espera)
    chaves = ArquivoChaves.ler(caminho)
    try:
        chave, chave_sigilo = chaves.abrir_chaves(login, senha)
    except SenhaIncorreta:
        tentativas = _ler_tentativas(caminho)
        t = tentativas.get(login, {"falhas": 0})
        tentativas[login] = {"falhas": t["falhas"] + 1, "ultima": time.time()}
        _gravar_tentativas(caminho, tentativas)
        espera = espera_apos(t["falhas"] + 1)
        if espera:
            raise SenhaIncorreta(
                f"Usuário ou senha incorretos. Aguarde {espera} s antes de tentar de novo."
            ) from None
        raise
    tentativas = _ler_tentativas(caminho)
    if tentativas.pop(login, None) is not None:
        _gravar_tentativas(caminho, tentativas)
    base = Base.abrir(caminho, chave)
    sessao = None
    try:
        sessao = Sessao(base, _usuario_da_base(base, login))
        chave_sigilo = _sigilo_da_entrada(chaves, sessao, senha, chave, chave_sigilo)
        _entregar_sigilo(sessao, chave_sigilo)
        with sessao.mudanca(None) as m:
            m.registrar("sessoes", sessao.usuario.id, "evento", depois={"evento": "entrada"})
        parametros.semear_padroes(sessao)  # valores novos que uma versão mais nova traz
        return sessao
    except BaseException:
        (sessao or base).fechar()
        raise


def _sigilo_da_entrada(chaves: ArquivoChaves, sessao: Sessao, senha: str, chave: bytes,
                       chave_sigilo: bytes | None) -> bytes | None:
    """A chave do sigilo desta entrada. Numa base de antes do sigilo (nenhuma fechadura a tem), a
    primeira entrada de um administrador ou de um papel do Conselho cria-a e guarda-a na sua fechadura."""
    papel = sessao.usuario.papel
    if chave_sigilo is not None or chaves.tem_sigilo():
        return chave_sigilo
    if papel is not Papel.ADMINISTRADOR and papel not in PAPEIS_SIGILO:
        return None
    chave_sigilo = os.urandom(32)
    with sessao.mudanca(None) as m:
        chaves.fechar(sessao.usuario.login, senha, chave, chave_sigilo)
        m.registrar("usuarios", sessao.usuario.id, "evento", depois={"evento": "chave do sigilo do Conselho criada"})
        chaves.gravar()
    return chave_sigilo


def _entregar_sigilo(sessao: Sessao, chave_sigilo: bytes | None) -> None:
    """Anexa o arquivo sigiloso à sessão de um papel do Conselho; guarda a chave (sem anexar) na do
    administrador, para as fechaduras dos usuários do Conselho que ele criar."""
    if chave_sigilo is None:
        return
    if sessao.usuario.papel in PAPEIS_SIGILO:
        sessao.base.anexar_sigilo(chave_sigilo)
    elif sessao.usuario.papel is Papel.ADMINISTRADOR:
        sessao.custodia_sigilo = chave_sigilo


def outra_sessao(sessao: Sessao, login: str, senha: str) -> Sessao:
    """A sessão de outro usuário na mesma base já aberta (numa conexão própria), com a senha dele:
    a demonstração e os testes usam-na para agir como a conselheira enquanto o administrador segue
    com a base aberta. Anexa o arquivo sigiloso se o papel o recebe e a fechadura tem a chave."""
    login = (login or "").strip().lower()
    chave, chave_sigilo = ArquivoChaves.ler(sessao.base.caminho).abrir_chaves(login, senha)
    if chave != sessao.base.chave:
        raise SenhaIncorreta("A fechadura deste usuário não é desta base.")
    usuario = _usuario_da_base(sessao.base, login)
    anexar = chave_sigilo if usuario.papel in PAPEIS_SIGILO else None
    outra = Sessao(sessao.base.paralela(chave_sigilo=anexar), usuario, sessao.maquina)
    if usuario.papel is Papel.ADMINISTRADOR:
        outra.custodia_sigilo = chave_sigilo
    return outra


def entrar_com_recuperacao(caminho: Path, recuperacao: str, login_admin: str, nova_senha: str) -> Sessao:
    """Abre a base com a chave de recuperação e dá nova senha a um administrador.

    Também recria o arquivo de chaves se ele se perdeu (a base guarda o seu identificador).
    """
    validacao.senha(nova_senha)
    chave = chave_da_base(recuperacao)
    base = Base.abrir(Path(caminho), chave)
    sessao = None
    try:
        usuario = _usuario_da_base(base, (login_admin or "").strip().lower())
        if usuario.papel is not Papel.ADMINISTRADOR:
            raise ErroNegocio("A chave de recuperação só redefine a senha de um administrador.")
        try:
            chaves = ArquivoChaves.ler(base.caminho)
        except ErroChaves:
            base_id = base.db.execute("SELECT base_id FROM escritorio").fetchone()[0]
            chaves = ArquivoChaves.novo(base.caminho, base_id)
        sessao = Sessao(base, usuario)
        chave_sigilo = chaves.sigilo_pela_recuperacao(recuperacao)
        sessao.custodia_sigilo = chave_sigilo
        with sessao.mudanca(None) as m:
            chaves.fechar(usuario.login, nova_senha, chave, chave_sigilo)
            m.registrar("usuarios", usuario.id, "evento", depois={"evento": "senha redefinida com a chave de recuperação"})
            chaves.gravar()
        tentativas = _ler_tentativas(base.caminho)
        if tentativas.pop(usuario.login, None) is not None:
            _gravar_tentativas(base.caminho, tentativas)
        return sessao
    except BaseException:
        (sessao or base).fechar()
        raise


# -- usuários --------------------------------------------------------------------------------
def listar_usuarios(sessao: Sessao) -> list[dict]:
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    return list(sessao.db.query(
        "SELECT id, login, nome, papel, ativo, trocar_senha, criado_em FROM usuarios ORDER BY nome"))


def _linha_usuario(sessao: Sessao, login: str) -> dict:
    linhas = list(sessao.db.query("SELECT * FROM usuarios WHERE login = ?", [login]))
    if not linhas:
        raise ErroNegocio(f"Usuário {login} não existe.")
    return linhas[0]


def criar_usuario(sessao: Sessao, *, login: str, nome: str, papel: str, senha: str,
                  trocar_senha: bool = True) -> dict:
    """Cria um usuário; com senha provisória (o padrão), ele deverá trocá-la ao entrar."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    login = validacao.login(login)
    nome = validacao.obrigatorio(nome, "o nome")
    validacao.senha(senha)
    try:
        papel = Papel(papel)
    except ValueError:
        raise ErroNegocio(f"Papel desconhecido: {papel}.") from None
    if list(sessao.db.query("SELECT 1 FROM usuarios WHERE login = ?", [login])):
        raise ErroNegocio(f"Já existe um usuário com o login {login}.")
    chaves = ArquivoChaves.ler(sessao.base.caminho)
    momento = agora()
    linha = {"id": novo_id(), "login": login, "nome": nome, "papel": papel.value, "ativo": 1,
             "trocar_senha": int(trocar_senha), "criado_em": momento, "atualizado_em": momento}
    chave_sigilo = _sigilo_para(sessao, papel)
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        m.db["usuarios"].insert(linha)
        m.registrar("usuarios", linha["id"], "inserir", depois=linha)
        chaves.fechar(login, senha, sessao.base.chave, chave_sigilo)
        chaves.gravar()
    return linha


def _sigilo_para(sessao: Sessao, papel: Papel) -> bytes | None:
    """A chave do sigilo que vai na fechadura de um usuário deste papel (None: papel sem sigilo).

    Recusa criar um usuário do Conselho sem a chave: ele entraria sem poder ver os casos."""
    if papel not in PAPEIS_SIGILO and papel is not Papel.ADMINISTRADOR:
        return None
    chave = sessao.custodia_sigilo or (sessao.base.chave_sigilo if sessao.tem_sigilo else None)
    if chave is None and papel in PAPEIS_SIGILO:
        raise ErroNegocio(
            "Esta sessão não tem a chave do arquivo sigiloso do Conselho Tutelar para entregar ao usuário "
            f"do papel {papel.value}. Entre com o administrador que instalou o Paço (ou redefina a sua senha "
            "com a chave de recuperação) e tente de novo.")
    return chave


def _alterar_usuario(sessao: Sessao, login: str, mudancas: dict, *, senha: str | None,
                     remover_fechadura: bool = False, permissao=Permissao.USUARIOS_GERENCIAR) -> dict:
    antes = _linha_usuario(sessao, login)
    depois = antes | mudancas | {"atualizado_em": agora()}
    chaves = ArquivoChaves.ler(sessao.base.caminho)
    with sessao.mudanca(permissao) as m:
        m.db["usuarios"].update(antes["id"], {k: depois[k] for k in (*mudancas, "atualizado_em")})
        m.registrar("usuarios", antes["id"], "alterar", antes=antes, depois=depois)
        if senha is not None:
            papel = Papel(depois["papel"])
            if login == sessao.usuario.login:  # a própria senha: a chave do sigilo que já tinha
                chave_sigilo = sessao.custodia_sigilo or (sessao.base.chave_sigilo if sessao.tem_sigilo else None)
            else:
                chave_sigilo = _sigilo_para(sessao, papel)
            chaves.fechar(login, senha, sessao.base.chave, chave_sigilo)
        if remover_fechadura:
            chaves.remover(login)
        chaves.gravar()
    return depois


def desativar_usuario(sessao: Sessao, login: str) -> dict:
    """Desativa: a fechadura do usuário é removida e ele não entra mais. O registro fica."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    if login == sessao.usuario.login:
        raise ErroNegocio("Você não pode desativar o seu próprio usuário.")
    alvo = _linha_usuario(sessao, login)
    if alvo["papel"] == Papel.ADMINISTRADOR and alvo["ativo"]:
        ativos = sessao.db.execute(
            "SELECT count(*) FROM usuarios WHERE papel = 'administrador' AND ativo = 1").fetchone()[0]
        if ativos <= 1:
            raise ErroNegocio("Não é possível desativar o único administrador ativo.")
    return _alterar_usuario(sessao, login, {"ativo": 0}, senha=None, remover_fechadura=True)


def reativar_usuario(sessao: Sessao, login: str, senha_provisoria: str) -> dict:
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    validacao.senha(senha_provisoria)
    return _alterar_usuario(sessao, login, {"ativo": 1, "trocar_senha": 1}, senha=senha_provisoria)


def redefinir_senha(sessao: Sessao, login: str, senha_provisoria: str) -> dict:
    """O administrador dá uma senha provisória; o usuário a troca ao entrar."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    validacao.senha(senha_provisoria)
    if not _linha_usuario(sessao, login)["ativo"]:
        raise ErroNegocio(f"O usuário {login} está desativado; reative-o com uma senha provisória.")
    return _alterar_usuario(sessao, login, {"trocar_senha": 1}, senha=senha_provisoria)


def trocar_propria_senha(sessao: Sessao, senha_atual: str, nova: str, confirmacao: str) -> None:
    validacao.senha(nova, confirmacao)
    chaves = ArquivoChaves.ler(sessao.base.caminho)
    chaves.abrir(sessao.usuario.login, senha_atual)  # SenhaIncorreta se errada
    if nova == senha_atual:
        raise ErroNegocio("A nova senha deve ser diferente da atual.")
    _alterar_usuario(sessao, sessao.usuario.login, {"trocar_senha": 0}, senha=nova, permissao=None)
    sessao.usuario.trocar_senha = False
