"""Instalação, entrada (login) e usuários: criar, desativar, reativar, redefinir e trocar senha.

A senha de cada usuário abre a sua fechadura no arquivo de chaves (desktop.store.chaves); depois
de repetidas senhas erradas, o Paço faz esperar cada vez mais antes de aceitar outra tentativa.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.rules import validacao
from desktop.rules.papeis import DOMINIOS, Papel, Permissao
from desktop.store import selagem
from desktop.store import usuarios as armazem_usuarios
from desktop.store.base import Base
from desktop.store.chaves import (ArquivoChaves, ErroChaves, SenhaIncorreta, nova_chave_recuperacao,
                                  par_da_recuperacao)
from desktop.store.ids import agora, novo_id

from . import chaveiro, copias, parametros, tentativas, usuarios_replicas
from .chaveiro import ADMIN, GERAL, SIGILO
from .sessao import ErroNegocio, Sessao, Usuario
from .tentativas import ESPERA_MAXIMA, TENTATIVAS_LIVRES, MuitasTentativas, espera_apos, espera_restante  # noqa: F401



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
    todas = {d: selagem.nova_chave() for d in (GERAL, SIGILO, ADMIN)}
    base = chaveiro.criar_base(caminho, todas)
    sessao = None
    try:
        base_id = novo_id()
        usuario = Usuario(novo_id(), login, nome, Papel.ADMINISTRADOR)
        sessao = Sessao(base, usuario)
        chaves = ArquivoChaves.novo(caminho, base_id, par_da_recuperacao(recuperacao)[1])
        for d, k in todas.items():
            chaves.dados["versoes"][d] = 1
            chaves.selar_recuperacao(d, k)
        chaves.fixar_admin(selagem.publica_de_assinatura(todas[ADMIN]), todas)
        meus = {d: todas[d] for d in DOMINIOS[Papel.ADMINISTRADOR]}
        chaves.definir_usuario(login, Papel.ADMINISTRADOR.value, senha, meus)
        sessao.chaves = meus
        with sessao.mudanca(None) as m:
            momento = agora()
            org = {"id": 1, "nome": escritorio.nome, "municipio": escritorio.municipio,
                   "uf": escritorio.uf, "cnpj": escritorio.cnpj, "brasao": escritorio.brasao,
                   "brasao_tipo": escritorio.brasao_tipo, "base_id": base_id,
                   "criado_em": momento, "atualizado_em": momento}
            m.inserir("escritorio", org, sem=("brasao",))  # no diário sem o brasão (imagem)
            linha = {"id": usuario.id, "login": login, "nome": nome, "papel": usuario.papel.value,
                     "ativo": 1, "trocar_senha": 0, "criado_em": momento, "atualizado_em": momento}
            chaveiro.assinar_linha(chaves, todas[ADMIN], linha)
            m.inserir("usuarios", linha)
            chaves.gravar()
        tentativas._criar(caminho)  # o contador nasce com a base: se sumir, a entrada espera
        parametros.semear_padroes(sessao)
    except BaseException:
        (sessao or base).fechar()
        for sufixo in ("", "-wal", "-shm", ".chaves", ".trava", ".sigilo", ".sigilo-wal", ".sigilo-shm", ".tentativas"):
            Path(str(caminho) + sufixo).unlink(missing_ok=True)
        raise
    return sessao, recuperacao


def _usuario_da_base(base: Base, login: str) -> Usuario:
    u = armazem_usuarios.por_login(base.db, login)
    if not u or not u["ativo"]:
        raise SenhaIncorreta("Usuário desativado ou inexistente nesta base.")
    return Usuario(u["id"], u["login"], u["nome"], Papel(u["papel"]), bool(u["trocar_senha"]))


def entrar(caminho: Path, login: str, senha: str) -> Sessao:
    """Abre a base com a senha do usuário. Senha errada: mensagem e espera crescente."""
    caminho = Path(caminho)
    login = (login or "").strip().lower()
    chaves = ArquivoChaves.ler(caminho)
    with tentativas._tentativa(caminho, login):  # espera crescente; conta a senha errada
        fech = chaves.abrir(login, senha)
    base = chaveiro.abrir_base(caminho, fech)
    sessao = None
    try:
        usuario, alertas = chaveiro.conferir_entrada(base, chaves, fech)
        sessao = Sessao(base, usuario)
        sessao.chaves, sessao.alertas = dict(fech.chaves), alertas
        with sessao.mudanca(None) as m:
            m.registrar("sessoes", sessao.usuario.id, "evento", depois={"evento": "entrada"})
        if fech.anteriores:  # uma troca de chave caiu no meio: a base abriu, conclui o arquivo
            for d in list(fech.anteriores):
                chaves.concluir_giro(d)
            chaves.gravar()
        chaveiro.ao_entrar(sessao)
        usuarios_replicas.ao_entrar(sessao)  # réplica: revogados por pacote, usuários recebidos
        parametros.semear_padroes(sessao)  # valores novos que uma versão mais nova traz
        copias.limpar_sobras(sessao)  # temporários de uma cópia interrompida na vez anterior
        return sessao
    except BaseException:
        (sessao or base).fechar()
        raise


def outra_sessao(sessao: Sessao, login: str, senha: str) -> Sessao:
    """A sessão de outro usuário na mesma base já aberta (numa conexão própria), com a senha dele:
    a demonstração e os testes usam-na para agir como a conselheira enquanto o administrador segue
    com a base aberta. Confere a entrada como ``entrar`` e anexa o sigilo se a fechadura o traz."""
    login = (login or "").strip().lower()
    arquivo = ArquivoChaves.ler(sessao.base.caminho)
    fech = arquivo.abrir(login, senha)
    if fech.chaves.get(GERAL) != sessao.base.chave:
        raise SenhaIncorreta("A fechadura deste usuário não é desta base.")
    usuario, alertas = chaveiro.conferir_entrada(sessao.base, arquivo, fech)
    outra = Sessao(sessao.base.paralela(chave_sigilo=fech.chaves.get(SIGILO)), usuario, sessao.maquina)
    outra.chaves, outra.alertas = dict(fech.chaves), alertas
    return outra


def entrar_com_recuperacao(caminho: Path, recuperacao: str, login_admin: str, nova_senha: str) -> Sessao:
    """Abre a base com a chave de recuperação e dá nova senha (e nova fechadura) a um
    administrador. A recuperação abre os envelopes dela no arquivo de chaves; sem o arquivo, uma
    cópia de segurança ao lado da base (a mais recente cujo arquivo de chaves abre a base) serve.
    """
    validacao.senha(nova_senha)
    caminho = Path(caminho)
    from . import chaves_v1

    if chaves_v1.precisa_atualizar(caminho):  # formato antigo: esta entrada o atualiza
        return chaves_v1.atualizar_chaves(caminho, login_admin, None, recuperacao, nova_senha=nova_senha)
    chaves = _chaves_para_recuperacao(caminho, recuperacao)
    fech = chaves.abrir_recuperacao(recuperacao)
    base = chaveiro.abrir_base(caminho, fech)
    sessao = None
    try:
        usuario = _usuario_da_base(base, (login_admin or "").strip().lower())
        if usuario.papel is not Papel.ADMINISTRADOR:
            raise ErroNegocio("A chave de recuperação só redefine a senha de um administrador.")
        meus = {d: fech.chaves[d] for d in DOMINIOS[Papel.ADMINISTRADOR]}
        sessao = Sessao(base, usuario)
        sessao.chaves = meus
        _refazer_fechadura(sessao, chaves, usuario.login, nova_senha, {"trocar_senha": 0},
                           evento="senha redefinida com a chave de recuperação", permissao=None)
        for d in list(fech.anteriores):
            chaves.concluir_giro(d)
        chaves.gravar()
        tentativas._limpar(base.caminho, usuario.login)  # a chave de recuperação vale pela senha
        return sessao
    except BaseException:
        (sessao or base).fechar()
        raise


def _chaves_para_recuperacao(caminho: Path, recuperacao: str) -> ArquivoChaves:
    try:
        return ArquivoChaves.ler(caminho)
    except ErroChaves as e:
        perdido = e
    from desktop.store import copias as armazem  # só neste caso raro

    for info in armazem.listar_copias(caminho.parent / "copias"):
        try:
            arquivo = ArquivoChaves.ler(info.caminho)
            fech = arquivo.abrir_recuperacao(recuperacao)
            chaveiro.abrir_base(caminho, fech).fechar()
        except Exception:  # noqa: BLE001 - cópia que não serve: tenta a próxima
            continue
        arquivo.caminho = ArquivoChaves.caminho_para(caminho)
        return arquivo
    raise ErroChaves(f"{perdido} E nenhuma cópia de segurança na pasta das cópias tem um arquivo "
                     "de chaves que abra a base atual com esta chave de recuperação. Restaure "
                     "uma cópia (com o arquivo .chaves ao lado) usando a chave de recuperação.") from None


# -- usuários --------------------------------------------------------------------------------
def listar_usuarios(sessao: Sessao) -> list[dict]:
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    return armazem_usuarios.para_listagem(sessao.db)


def _linha_usuario(sessao: Sessao, login: str) -> dict:
    linha = armazem_usuarios.por_login(sessao.db, login)
    if not linha:
        raise ErroNegocio(f"Usuário {login} não existe.")
    return linha


def criar_usuario(sessao: Sessao, *, login: str, nome: str, papel: str, senha: str,
                  trocar_senha: bool = True) -> dict:
    """Cria um usuário; com senha provisória (o padrão), ele deverá trocá-la ao entrar.

    A fechadura recebe as chaves do papel que esta sessão tem; o sigilo, que o administrador não
    tem, é liberado na próxima entrada de quem o tem (chaveiro.ao_entrar)."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    login = validacao.login(login)
    nome = validacao.obrigatorio(nome, "o nome")
    validacao.senha(senha)
    try:
        papel = Papel(papel)
    except ValueError:
        raise ErroNegocio(f"Papel desconhecido: {papel}.") from None
    chave_admin = chaveiro.exigir_admin(sessao)
    if armazem_usuarios.login_existe(sessao.db, login):
        raise ErroNegocio(f"Já existe um usuário com o login {login}.")
    chaves = ArquivoChaves.ler(sessao.base.caminho)
    momento = agora()
    chaves.definir_usuario(login, papel.value, senha, _chaves_do_papel(sessao, papel))
    linha = {"id": novo_id(), "login": login, "nome": nome, "papel": papel.value, "ativo": 1,
             "trocar_senha": int(trocar_senha), "criado_em": momento, "atualizado_em": momento}
    chaveiro.assinar_linha(chaves, chave_admin, linha)
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        m.inserir("usuarios", linha)
        usuarios_replicas.gravar_fechadura(m, chaves, linha["id"], login)
        chaves.gravar()
    return linha


def _chaves_do_papel(sessao: Sessao, papel: Papel) -> dict[str, bytes]:
    return {d: k for d, k in sessao.chaves.items() if d in DOMINIOS[papel]}


def _refazer_fechadura(sessao: Sessao, chaves: ArquivoChaves, login: str, senha: str | None,
                       mudancas: dict, *, evento: str | None = None, remover: bool = False,
                       permissao=Permissao.USUARIOS_GERENCIAR) -> dict:
    """Muda o registro do usuário, refaz (ou remove) a fechadura e reassina o registro."""
    antes = _linha_usuario(sessao, login)
    depois = antes | mudancas | {"atualizado_em": agora()}
    if remover:
        chaves.remover(login)
    if senha is not None:
        chaves.definir_usuario(login, antes["papel"], senha, _chaves_do_papel(sessao, Papel(antes["papel"])))
    chaveiro.assinar_linha(chaves, chaveiro.exigir_admin(sessao), depois)
    with sessao.mudanca(permissao) as m:
        campos = (*mudancas, "atualizado_em")
        m.alterar("usuarios", antes["id"], {k: depois[k] for k in campos})
        if evento:
            m.registrar("usuarios", antes["id"], "evento", depois={"evento": evento})
        usuarios_replicas.gravar_fechadura(m, chaves, antes["id"], login)
        chaves.gravar()
    return depois


def _revogar(sessao: Sessao, login: str, mudancas: dict, senha: str | None, motivo: str, *,
             remover: bool, progresso=None) -> dict:
    """Muda o usuário e troca as chaves: a fechadura antiga (em cópias, pen drives) não abre mais
    a base atual nem as cópias feitas depois. O sigilo, se o administrador não o tem, fica com a
    troca pendente para a próxima entrada de quem o tem."""
    chaves = ArquivoChaves.ler(sessao.base.caminho)
    tinha = chaves.dominios_de(login)
    depois = _refazer_fechadura(sessao, chaves, login, senha, mudancas, remover=remover)
    admin = Papel(depois["papel"]) is Papel.ADMINISTRADOR
    if SIGILO in tinha and SIGILO not in sessao.chaves:
        chaveiro.marcar_rotacao_sigilo(chaves, motivo)
        chaves.gravar()
    chaveiro.trocar_chaves(sessao, motivo, trocar_admin=admin, progresso=progresso)
    return depois


def desativar_usuario(sessao: Sessao, login: str, progresso=None) -> dict:
    """Desativa: a fechadura é removida e as chaves trocadas (revogação). O registro fica."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    if login == sessao.usuario.login:
        raise ErroNegocio("Você não pode desativar o seu próprio usuário.")
    alvo = _linha_usuario(sessao, login)
    if alvo["papel"] == Papel.ADMINISTRADOR and alvo["ativo"]:
        if armazem_usuarios.administradores_ativos(sessao.db) <= 1:
            raise ErroNegocio("Não é possível desativar o único administrador ativo.")
    return _revogar(sessao, login, {"ativo": 0}, None, f"desativação de {login}", remover=True,
                    progresso=progresso)


def reativar_usuario(sessao: Sessao, login: str, senha_provisoria: str) -> dict:
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    validacao.senha(senha_provisoria)
    chaves = ArquivoChaves.ler(sessao.base.caminho)
    linha = _refazer_fechadura(sessao, chaves, login, senha_provisoria, {"ativo": 1, "trocar_senha": 1})
    tentativas.zerar(sessao, login)
    return linha


def redefinir_senha(sessao: Sessao, login: str, senha_provisoria: str, progresso=None) -> dict:
    """O administrador dá uma senha provisória (fechadura nova) e as chaves são trocadas."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    validacao.senha(senha_provisoria)
    if not _linha_usuario(sessao, login)["ativo"]:
        raise ErroNegocio(f"O usuário {login} está desativado; reative-o com uma senha provisória.")
    linha = _revogar(sessao, login, {"trocar_senha": 1}, senha_provisoria,
                    f"senha de {login} redefinida", remover=True, progresso=progresso)
    tentativas.zerar(sessao, login)  # a redefinição libera quem esperava
    return linha


def trocar_propria_senha(sessao: Sessao, senha_atual: str, nova: str, confirmacao: str) -> None:
    """Reembrulha a chave privada da fechadura sob a nova senha (as chaves não mudam: para
    revogar uma senha vazada, o administrador a redefine)."""
    validacao.senha(nova, confirmacao)
    chaves = ArquivoChaves.ler(sessao.base.caminho)
    with tentativas._tentativa(sessao.base.caminho, sessao.usuario.login):  # conta como as outras
        chaves.trocar_senha(sessao.usuario.login, senha_atual, nova)  # SenhaIncorreta se errada
    if nova == senha_atual:
        raise ErroNegocio("A nova senha deve ser diferente da atual.")
    antes = _linha_usuario(sessao, sessao.usuario.login)
    with sessao.mudanca(None) as m:
        m.alterar("usuarios", antes["id"], {"trocar_senha": 0, "atualizado_em": agora()})
        usuarios_replicas.gravar_fechadura(m, chaves, antes["id"], antes["login"])
        chaves.gravar()
    sessao.usuario.trocar_senha = False
