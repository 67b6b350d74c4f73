"""Fixtures da sincronização: um órgão com a sede e réplicas juntadas de verdade (convite + cópia)."""
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from desktop.services import acesso, cadastros, chaveiro
from desktop.services import replicas as servico_replicas
from desktop.services.conselho import mandatos
from desktop.services.sessao import Sessao

from ...conftest import SENHA_ADMIN

SENHA_CT = "senha-da-conselheira"


@dataclass
class Orgao:
    pasta: Path
    recuperacao: str
    caminhos: dict[str, Path]
    abertas: list[Sessao] = field(default_factory=list)
    primeiras: dict[str, Sessao] = field(default_factory=dict)

    def entrar(self, nome: str, login: str = "admin") -> Sessao:
        """Uma sessão na réplica ``nome``; a segunda na mesma base é outra conexão (a trava impede abrir
        o arquivo duas vezes), com a senha e as chaves do usuário, como em ``acesso.outra_sessao``."""
        senha = SENHA_ADMIN if login == "admin" else SENHA_CT
        if nome in self.primeiras:
            s = acesso.outra_sessao(self.primeiras[nome], login, senha)
        else:
            s = self.primeiras[nome] = acesso.entrar(self.caminhos[nome], login, senha)
        self.abertas.append(s)
        return s

    def fechar(self) -> None:
        for s in reversed(self.abertas):
            if s in self.primeiras.values():
                s.fechar()
            else:
                s.base.fechar()
        self.abertas.clear()
        self.primeiras.clear()


def copiar_base(origem: Path, destino: Path, *, com_sigilo: bool) -> None:
    """Cópia dos arquivos da base fechada (como a cópia de segurança levada no pen drive)."""
    destino.parent.mkdir(parents=True, exist_ok=True)
    for f in origem.parent.iterdir():
        if not f.is_file() or f.name.endswith(".trava") or not f.name.startswith(origem.name):
            continue
        if f.name.endswith(".sigilo") and not com_sigilo:
            continue
        shutil.copy2(f, destino.parent / f.name.replace(origem.name, destino.name, 1))


def montar_orgao(pasta: Path, escritorio, replicas: dict[str, bool], *, conselheira: bool = False,
                 pessoas: int = 0, preparar=None) -> Orgao:
    """A sede (iniciada) e as réplicas ``nome → recebe o sigilo``, cada uma juntada com o convite e a chave
    de recuperação sobre uma cópia da sede feita depois do convite."""
    sede = pasta / "Sede" / "paco.db"
    s, recuperacao = acesso.criar_instalacao(sede, escritorio, login="admin", nome="Ana", senha=SENHA_ADMIN)
    chaveiro.usar_recuperacao(s, recuperacao)
    servico_replicas.iniciar(s, "Sede")
    if conselheira:
        c = mandatos.cadastrar_conselheiro(s, nome="Conselheira Um", condicao="titular", ordem=1,
                                           inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
        acesso.criar_usuario(s, login="ct1", nome="Conselheira Um", papel="conselheiro_tutelar", senha=SENHA_CT,
                             trocar_senha=False)
        mandatos.vincular_usuario(s, c["id"], "ct1")
    if preparar:  # o que a sede tem antes das cópias (p.ex. a eleição homologada e os mesários)
        preparar(s)
    for i in range(pessoas):  # já em todas as réplicas (vão na cópia)
        cadastros.cadastrar_pessoa(s, nome=f"Pessoa comum {i + 1}")
    convites = {nome: servico_replicas.convidar(s, nome, sigilo, pasta / "convites").arquivo
                for nome, sigilo in replicas.items()}
    s.fechar()
    caminhos = {"Sede": sede}
    for nome, sigilo in replicas.items():
        caminhos[nome] = pasta / nome / "paco.db"
        copiar_base(sede, caminhos[nome], com_sigilo=sigilo)
        sb = acesso.entrar(caminhos[nome], "admin", SENHA_ADMIN)
        servico_replicas.juntar(sb, convites[nome], recuperacao)
        sb.fechar()
    return Orgao(pasta, recuperacao, caminhos)


@pytest.fixture
def orgao(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Notebook": True, "Folha": False})
    yield o
    o.fechar()
