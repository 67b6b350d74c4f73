"""Papéis de usuário e as permissões de cada um (quem pode fazer o quê).

As permissões são verificadas nos serviços (desktop.services), de modo que a GUI e a CLI
obedecem às mesmas regras. O papel "consulta" é só leitura: serve, por exemplo, ao Ministério
Público e ao juízo, que leem os atendimentos do Conselho Tutelar (Lei 320/2023, art. 21 §4).

O Conselho tem dois domínios: o funcionamento (mandatos, escala, remuneração, fiscalização:
``CONSELHO_LER``/``CONSELHO_EDITAR``, que o administrador tem) e o conteúdo sigiloso dos casos
(``CONSELHO_CASOS_LER``/``CONSELHO_CASOS_EDITAR``: só ``PAPEIS_SIGILO``; ECA, arts. 17 e 100).
"""
from __future__ import annotations

from enum import StrEnum


class Papel(StrEnum):
    ADMINISTRADOR = "administrador"
    FOLHA_RH = "folha_rh"
    COMISSAO_ELEITORAL = "comissao_eleitoral"
    CONSELHEIRO_TUTELAR = "conselheiro_tutelar"
    SECRETARIA_CERTIFICACAO = "secretaria_certificacao"
    CONSULTA = "consulta"


ROTULOS: dict[Papel, str] = {
    Papel.ADMINISTRADOR: "Administrador",
    Papel.FOLHA_RH: "Folha / RH",
    Papel.COMISSAO_ELEITORAL: "Comissão eleitoral / CMDCA",
    Papel.CONSELHEIRO_TUTELAR: "Conselheiro tutelar",
    Papel.SECRETARIA_CERTIFICACAO: "Secretaria de certificação",
    Papel.CONSULTA: "Consulta (somente leitura)",
}


class Permissao(StrEnum):
    USUARIOS_GERENCIAR = "usuarios.gerenciar"
    DIARIO_LER = "diario.ler"
    PARAMETROS_LER = "parametros.ler"
    PARAMETROS_EDITAR = "parametros.editar"
    FERIADOS_EDITAR = "feriados.editar"
    BACKUP_FAZER = "backup.fazer"
    BACKUP_AUTOMATICO = "backup.automatico"
    BACKUP_CONFIGURAR = "backup.configurar"
    BACKUP_RESTAURAR = "backup.restaurar"
    DOCUMENTOS_EMITIR = "documentos.emitir"
    DOCUMENTOS_CANCELAR = "documentos.cancelar"
    DOCUMENTOS_VERIFICAR = "documentos.verificar"
    ESCRITORIO_EDITAR = "escritorio.editar"
    PESSOAS_CADASTRAR = "pessoas.cadastrar"
    MAGISTERIO_LER = "magisterio.ler"
    MAGISTERIO_EDITAR = "magisterio.editar"
    MAGISTERIO_REABRIR = "magisterio.reabrir"
    ELEICAO_LER = "eleicao.ler"
    ELEICAO_EDITAR = "eleicao.editar"
    CONSELHO_LER = "conselho.ler"
    CONSELHO_EDITAR = "conselho.editar"
    CONSELHO_MANDATOS = "conselho.mandatos"
    CONSELHO_CASOS_LER = "conselho.casos.ler"
    CONSELHO_CASOS_EDITAR = "conselho.casos.editar"
    CERTIFICACAO_LER = "certificacao.ler"
    CERTIFICACAO_EDITAR = "certificacao.editar"


_COMUNS = {Permissao.PARAMETROS_LER, Permissao.DOCUMENTOS_VERIFICAR, Permissao.BACKUP_FAZER,
           Permissao.BACKUP_AUTOMATICO}
_CASOS = {Permissao.CONSELHO_CASOS_LER, Permissao.CONSELHO_CASOS_EDITAR}

PAPEIS_SIGILO: frozenset[Papel] = frozenset({Papel.CONSELHEIRO_TUTELAR, Papel.CONSULTA})
"""Os papéis que recebem a chave do arquivo sigiloso do Conselho (conteúdo dos casos)."""

PERMISSOES: dict[Papel, frozenset[Permissao]] = {
    Papel.ADMINISTRADOR: frozenset(set(Permissao) - _CASOS),
    Papel.FOLHA_RH: frozenset(
        _COMUNS
        | {
            Permissao.MAGISTERIO_LER,
            Permissao.MAGISTERIO_EDITAR,
            Permissao.PESSOAS_CADASTRAR,
            Permissao.DOCUMENTOS_EMITIR,
            Permissao.FERIADOS_EDITAR,
        }
    ),
    Papel.COMISSAO_ELEITORAL: frozenset(
        _COMUNS | {Permissao.ELEICAO_LER, Permissao.ELEICAO_EDITAR, Permissao.PESSOAS_CADASTRAR,
                   Permissao.DOCUMENTOS_EMITIR}
    ),
    Papel.CONSELHEIRO_TUTELAR: frozenset(
        _COMUNS
        | {
            Permissao.CONSELHO_LER,
            Permissao.CONSELHO_EDITAR,
            Permissao.CONSELHO_CASOS_LER,
            Permissao.CONSELHO_CASOS_EDITAR,
            Permissao.DOCUMENTOS_EMITIR,
            Permissao.FERIADOS_EDITAR,
        }
    ),
    Papel.SECRETARIA_CERTIFICACAO: frozenset(
        _COMUNS
        | {Permissao.CERTIFICACAO_LER, Permissao.CERTIFICACAO_EDITAR, Permissao.PESSOAS_CADASTRAR,
           Permissao.DOCUMENTOS_EMITIR}
    ),
    Papel.CONSULTA: frozenset(
        {
            Permissao.PARAMETROS_LER,
            Permissao.DOCUMENTOS_VERIFICAR,
            Permissao.BACKUP_AUTOMATICO,
            Permissao.DIARIO_LER,
            Permissao.MAGISTERIO_LER,
            Permissao.ELEICAO_LER,
            Permissao.CONSELHO_LER,
            Permissao.CONSELHO_CASOS_LER,
            Permissao.CERTIFICACAO_LER,
        }
    ),
}

DESCRICOES: dict[Permissao, str] = {
    Permissao.USUARIOS_GERENCIAR: "gerenciar usuários",
    Permissao.DIARIO_LER: "ler o diário de auditoria",
    Permissao.PARAMETROS_LER: "consultar parâmetros legais",
    Permissao.PARAMETROS_EDITAR: "cadastrar vigências de parâmetros legais",
    Permissao.FERIADOS_EDITAR: "cadastrar feriados municipais",
    Permissao.BACKUP_FAZER: "fazer cópias de segurança",
    Permissao.BACKUP_AUTOMATICO: "fazer as cópias de segurança automáticas (ao fechar e diária)",
    Permissao.BACKUP_CONFIGURAR: "escolher onde ficam as cópias de segurança",
    Permissao.BACKUP_RESTAURAR: "restaurar cópias de segurança",
    Permissao.DOCUMENTOS_EMITIR: "emitir documentos",
    Permissao.DOCUMENTOS_CANCELAR: "cancelar documentos emitidos",
    Permissao.DOCUMENTOS_VERIFICAR: "verificar documentos",
    Permissao.ESCRITORIO_EDITAR: "alterar os dados do órgão",
    Permissao.PESSOAS_CADASTRAR: "cadastrar pessoas",
    Permissao.MAGISTERIO_LER: "consultar o Magistério",
    Permissao.MAGISTERIO_EDITAR: "alterar dados do Magistério",
    Permissao.MAGISTERIO_REABRIR: "reabrir uma competência fechada da folha",
    Permissao.ELEICAO_LER: "consultar o processo de escolha",
    Permissao.ELEICAO_EDITAR: "alterar o processo de escolha",
    Permissao.CONSELHO_LER: "consultar o Conselho Tutelar",
    Permissao.CONSELHO_EDITAR: "registrar no Conselho Tutelar",
    Permissao.CONSELHO_MANDATOS: "registrar vacância, afastamentos e penalidades e fechar, reabrir e emitir a folha "
                                 "dos conselheiros tutelares (administração municipal, Lei 320/2023, arts. 16, 40 e 49)",
    Permissao.CONSELHO_CASOS_LER: "ver o conteúdo sigiloso dos atendimentos do Conselho Tutelar",
    Permissao.CONSELHO_CASOS_EDITAR: "registrar atendimentos do Conselho Tutelar",
    Permissao.CERTIFICACAO_LER: "consultar a Certificação",
    Permissao.CERTIFICACAO_EDITAR: "alterar dados da Certificação",
}


def pode(papel: Papel | str, permissao: Permissao) -> bool:
    """Diz se o papel tem a permissão."""
    return permissao in PERMISSOES[Papel(papel)]


class Dominio(StrEnum):
    """Domínios de chave (docs/seguranca.md, "Chaves e domínios")."""

    GERAL = "geral"    # o arquivo principal da base: todo papel tem
    SIGILO = "sigilo"  # conteúdo sigiloso do Conselho Tutelar (ECA arts. 17 e 100; LGPD art. 14)
    ADMIN = "admin"    # sem arquivo: autentica os registros de usuários (só administradores)


DOMINIOS: dict[Papel, frozenset[Dominio]] = {
    Papel.ADMINISTRADOR: frozenset({Dominio.GERAL, Dominio.ADMIN}),
    Papel.FOLHA_RH: frozenset({Dominio.GERAL}),
    Papel.COMISSAO_ELEITORAL: frozenset({Dominio.GERAL}),
    Papel.CONSELHEIRO_TUTELAR: frozenset({Dominio.GERAL, Dominio.SIGILO}),
    Papel.SECRETARIA_CERTIFICACAO: frozenset({Dominio.GERAL}),
    Papel.CONSULTA: frozenset({Dominio.GERAL, Dominio.SIGILO}),
}
"""Quais chaves cada papel recebe na sua fechadura. O administrador NÃO recebe a do sigilo: gerencia
usuários, mas não lê o conteúdo dos atendimentos (Lei 320/2023, art. 21 §4; ECA art. 17)."""


def dominios(papel: Papel | str) -> frozenset[Dominio]:
    return DOMINIOS[Papel(papel)]


class FuncaoApuracao(StrEnum):
    """Funções da apuração, que a comissão especial designa por processo (não são papéis de usuário).

    A comissão especial conduz o processo de escolha (Lei 320/2023, art. 7º §1º d e art. 11 §2º) e
    designa, para a apuração dos boletins (art. 9º e §ún.), quem digita e quem resolve:
    - o **mesário** digita os boletins das seções (dupla digitação: dois mesários diferentes);
    - o **supervisor** resolve as divergências (com a recontagem do boletim de papel registrada),
      libera os boletins da fila de auditoria e registra recontagens — nunca de uma seção que ele
      mesmo digitou.
    O usuário precisa do papel com ``ELEICAO_EDITAR`` e da designação no processo.
    """

    MESARIO = "mesario"
    SUPERVISOR = "supervisor"


NOMES_FUNCAO: dict[FuncaoApuracao, str] = {
    FuncaoApuracao.MESARIO: "Mesário",
    FuncaoApuracao.SUPERVISOR: "Supervisor da apuração",
}
"""O nome da função, sem o que ela faz: nas frases ("já é supervisor da apuração deste processo") e na ata."""

NOMES_CURTOS_FUNCAO: dict[FuncaoApuracao, str] = {
    FuncaoApuracao.MESARIO: "Mesário",
    FuncaoApuracao.SUPERVISOR: "Supervisor",
}
"""Onde o espaço é curto e o contexto já diz "da apuração" (a coluna e a escolha da aba Apuração), com o
rótulo inteiro na dica."""

ROTULOS_FUNCAO: dict[FuncaoApuracao, str] = {
    FuncaoApuracao.MESARIO: f"{NOMES_FUNCAO[FuncaoApuracao.MESARIO]} (digita boletins)",
    FuncaoApuracao.SUPERVISOR: f"{NOMES_FUNCAO[FuncaoApuracao.SUPERVISOR]} (resolve divergências, auditoria e recontagem)",
}
"""O rótulo por extenso: o nome e o que a função faz (a dica da aba Apuração)."""

ACOES_FUNCAO: dict[str, FuncaoApuracao] = {
    "digitar boletins": FuncaoApuracao.MESARIO,
    "resolver divergências": FuncaoApuracao.SUPERVISOR,
    "liberar boletins da auditoria": FuncaoApuracao.SUPERVISOR,
    "recontar boletins": FuncaoApuracao.SUPERVISOR,
}
"""Cada ação da apuração e a função designada que ela exige."""
