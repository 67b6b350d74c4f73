"""O ciclo de uma competência de folha — ler, listar e reabrir com motivo —, o mesmo para o Magistério
(``services.magisterio.folha``) e para os conselheiros tutelares (``services.conselho.folha``).

Cada módulo descreve a sua folha num ``CicloFolha`` (tabelas, permissões, assunto dos documentos) e as suas
funções públicas (``reabrir``, ``listar_competencias``, ``obter_competencia``) chamam os métodos daqui; o
que é só de cada folha (a prévia, o que o fechamento grava) continua no módulo.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules import formato
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import folha_competencias as armazem
from desktop.store import usuarios as armazem_usuarios
from desktop.store.folha_competencias import Tabelas
from desktop.store.magisterio.folha import de_centavos

from . import documentos_vias, replicas
from .sessao import ErroNegocio, Sessao

MOTIVO_MINIMO = 15


class TotaisDaFolha:
    """Os totais de uma prévia de folha (``itens``, cada um com o seu ``contracheque``): as três prévias —
    Magistério, complementar e conselheiros — somam do mesmo jeito."""

    itens: list

    @property
    def proventos(self) -> Decimal:
        return sum((i.contracheque.proventos for i in self.itens), Decimal("0.00"))

    @property
    def descontos(self) -> Decimal:
        return sum((i.contracheque.descontos for i in self.itens), Decimal("0.00"))

    @property
    def liquido(self) -> Decimal:
        return self.proventos - self.descontos


def mes(competencia: date | str) -> date:
    """Dia 1º da competência; aceita ``date``, 'aaaa-mm' ou 'mm/aaaa' (``formato.ler_competencia``)."""
    return formato.ler_competencia(competencia)


@dataclass(frozen=True)
class CicloFolha:
    tabelas: Tabelas
    ler: Permissao          # ler a competência
    reabrir_exige: Permissao  # reabrir (o papel que pode desfazer um fechamento)
    grava: Permissao        # a transação da reabertura
    assunto: str            # dos documentos da competência: "<assunto>:aaaa-mm…" ficam substituídos ao reabrir
    nome: str               # "" ou " da folha dos conselheiros", nas mensagens
    exemplo_motivo: str

    def competencia(self, sessao: Sessao, dia: date) -> dict | None:
        return armazem.competencia(self.tabelas, sessao.db, dia)

    def publica(self, linha: dict) -> dict:
        """A competência para as telas: ``competencia`` como date, totais em Decimal."""
        r = dict(linha)
        r["competencia"] = mes(r["competencia"])
        for campo in ("proventos", "descontos", "liquido"):
            r[campo] = de_centavos(r[campo])
        return r

    def listar(self, sessao: Sessao) -> list[dict]:
        sessao.exigir(self.ler)
        return [self.publica(r) for r in armazem.competencias(self.tabelas, sessao.db)]

    def obter(self, sessao: Sessao, competencia: date | str) -> dict | None:
        sessao.exigir(self.ler)
        linha = self.competencia(sessao, mes(competencia))
        if linha is None:
            return None
        return self.publica(linha) | {"reaberturas": armazem.reaberturas(self.tabelas, sessao.db, linha["id"]),
                                      "fechada_por_nome": _nome(sessao, linha["fechada_por"])}

    def reabrir(self, sessao: Sessao, competencia: date | str, motivo: str) -> dict:
        """Registra a reabertura (o fechamento desfeito, quem, quando, por quê), volta a competência a
        'aberta' e apaga os contracheques gravados, para que o próximo fechamento recalcule; os documentos
        emitidos da competência ficam "substituídos" com o motivo (os PDFs continuam guardados)."""
        sessao.exigir(self.reabrir_exige)
        motivo = " ".join((motivo or "").split())
        if len(motivo) < MOTIVO_MINIMO:
            raise EntradaInvalida(f"Explique o motivo da reabertura (pelo menos {MOTIVO_MINIMO} caracteres), por "
                                  f"exemplo: \"{self.exemplo_motivo}\".")
        dia = mes(competencia)
        replicas.exigir_designada(sessao.db, f"Reabrir a competência {formato.competencia(dia)}{self.nome}")
        t = self.tabelas
        with sessao.mudanca(self.grava) as m:
            antes = armazem.competencia(t, m.db, dia)
            if antes is None or antes["situacao"] != "fechada":
                raise ErroNegocio(f"A competência {formato.competencia(dia)}{self.nome} não está fechada: não há o que reabrir.")
            m.inserir(t.reaberturas, armazem.linha_reabertura(t, antes, por=sessao.usuario.login, motivo=motivo))
            armazem.marcar_aberta(t, m.db, antes["id"])
            substituidos = documentos_vias.substituir_assunto(
                m, f"{self.assunto}:{dia:%Y-%m}", f"competência {formato.competencia(dia)} reaberta: {motivo}")
            depois = armazem.competencia(t, m.db, dia)
            m.registrar(t.competencias, antes["id"], "alterar", antes=antes,
                        depois=depois | {"motivo_reabertura": motivo, "contracheques_apagados": antes[t.contagem],
                                         "documentos_substituidos": len(substituidos)})
        return self.publica(depois)


def _nome(sessao: Sessao, login: str | None) -> str | None:
    """O nome de quem fechou (a tela mostra a pessoa, não o login 'rh'); o login, se o usuário não existe mais aqui
    (competência vinda de outra réplica); None com a competência aberta."""
    if not login:
        return None
    usuario = armazem_usuarios.por_login(sessao.db, login)
    return usuario["nome"] if usuario else login
