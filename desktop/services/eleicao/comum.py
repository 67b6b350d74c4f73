"""Apoio comum aos serviços da eleição: o processo, o calendário e a situação das candidaturas.

As regras vigentes (``eleicao_regras``, ``eleicao_apuracao``) são lidas pelo leitor único,
``services.parametros.vigente(sessao, nome, data)``, que devolve ``RegrasEleicao`` e ``RegrasApuracao``.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from desktop.rules.eleicao import atos as regra_atos
from desktop.rules.eleicao import situacao as regra_situacao
from desktop.rules.eleicao.atos import NOMES_FASES
from desktop.rules.eleicao.calendario import Calendario
from desktop.rules.papeis import NOMES_FUNCAO, FuncaoApuracao
from desktop.store import documentos as registro_documentos
from desktop.store.eleicao import candidaturas as armazem
from desktop.store.eleicao import designacoes as armazem_designacoes
from desktop.store.ids import agora

from ..sessao import ErroNegocio, SemPermissao

_dia_simulado: list[date] = []  # pilha; global de propósito: vale também nas threads das telas


def hoje() -> date:
    """A data de hoje para as travas de data do processo (boletins, resultado, recursos, posse)."""
    return _dia_simulado[-1] if _dia_simulado else date.today()


@contextmanager
def simulando_dia(dia: date):
    """Faz ``hoje()`` valer ``dia`` dentro do bloco: só para a demonstração e os testes, que
    percorrem o calendário inteiro de um processo futuro (nenhuma tela nem a CLI usa isto)."""
    _dia_simulado.append(dia)
    try:
        yield
    finally:
        _dia_simulado.pop()


DOCUMENTOS_COM_O_CALENDARIO = ("eleicao_inscritos",)
"""Os documentos da eleição que citam as datas das publicações (o edital da lista de inscritos traz o calendário e o
prazo de impugnação contado da lista, art. 11 §2º): retificada uma data, os já emitidos ficam substituídos."""


def assunto_do_processo(processo_id: str) -> str:
    """O prefixo do assunto (só ids) dos documentos de um processo de escolha: a retificação de uma data os procura."""
    return f"eleicao:{processo_id}"  # documentos_vias.substituir_assunto acrescenta o ":"


def assunto_documento(processo_id: str, tipo: str) -> str:
    """O assunto de um documento da eleição: o novo do mesmo tipo e assunto é ligado aos substituídos
    (``services.documentos.emitir``)."""
    return f"{assunto_do_processo(processo_id)}:{tipo.removeprefix('eleicao_')}"


def documentos_sem_assunto(db, processo: dict, tipo: str, *, validos: bool) -> list[dict]:
    """Os documentos do ``tipo`` emitidos para o processo antes de os da eleição terem assunto (referência "Processo de
    escolha <ano>", assunto vazio): os ainda válidos (``validos``), que a retificação marca substituídos, ou os já
    substituídos e ainda sem o novo, que a nova emissão cita e liga."""
    ref = f"Processo de escolha {processo['ano']}"
    return [d for d in registro_documentos.listar(db, tipo=tipo, texto=ref, cancelados=False if validos else None,
                                                  limite=100_000)
            if d["assunto"] is None and d["referencia"] == ref and (validos or (
                d["substituido_em"] and not d["substituto_id"] and not d["cancelado_em"]))]


def exigir_funcao(sessao, processo_id: str, funcao: FuncaoApuracao, acao: str) -> None:
    """Recusa quem a comissão especial não designou para a função neste processo (Lei 320/2023, art. 9º)."""
    if not armazem_designacoes.designado(sessao.db, processo_id, sessao.usuario.id, str(funcao)):
        raise SemPermissao(f"Para {acao} é preciso ser designado pela comissão especial como "
                           f"{NOMES_FUNCAO[funcao].lower()} deste processo "
                           "(Lei 320/2023, arts. 7º §1º d e 9º). Peça a designação na aba Auditoria e posse (Mesários e "
                           "supervisores da apuração).")


def processo_ou_erro(db, processo_id: str) -> dict:
    p = armazem.processo(db, processo_id)
    if p is None:
        raise ErroNegocio("Processo de escolha não encontrado.")
    return p


def calendario_de(processo: dict) -> Calendario:
    return Calendario(**{c: date.fromisoformat(processo[c]) for c in Calendario.__dataclass_fields__})


def candidatura_ou_erro(db, candidatura_id: str) -> dict:
    c = armazem.candidatura(db, candidatura_id)
    if c is None:
        raise ErroNegocio("Candidatura não encontrada.")
    return c


def exigir_fase(processo: dict, *fases: str, acao: str) -> None:
    if processo["fase"] not in fases:
        raise ErroNegocio(f"Não é possível {acao}: o processo de {processo['ano']} está na fase "
                          f"\"{NOMES_FASES[processo['fase']]}\"" + (
                              " — o edital ainda não foi publicado (Lei 320/2023, art. 7º)."
                              if processo["fase"] == "preparacao" else "."))


def exigir_apuracao(processo: dict, acao: str) -> None:
    """Recusa a escrita da apuração (``acao`` de ``rules.eleicao.atos.ACOES_APURACAO``) que a fase gravada não
    admite — no processo encerrado, nenhuma (Lei 320/2023, art. 14 §§1º e 2º) —, com o motivo e o artigo."""
    if motivo := regra_atos.recusa_apuracao(regra_atos.Atos.do_processo(processo), acao):
        raise ErroNegocio(motivo)


def recalcular(m, candidatura_id: str) -> dict:
    """Recalcula e grava (com diário) a situação da candidatura pelas regras (art. 12 e 11)."""
    db = m.db
    antes = armazem.candidatura(db, candidatura_id)
    proc = armazem.processo(db, antes["processo_id"])
    analises = {r["requisito"]: (r["situacao"], r["motivo"]) for r in armazem.requisitos(db, candidatura_id)}
    imps = [regra_situacao.Impugnacao(i["decisao"], i["recurso_decisao"], bool(i["recurso"]))
            for i in armazem.impugnacoes(db, candidatura_id=candidatura_id)]
    nota = Decimal(antes["nota_prova"]) if antes["nota_prova"] is not None else None
    s = regra_situacao.situacao(analises, nota, Decimal(proc["nota_corte"]), imps)
    novos = {"situacao": s.codigo, "motivo": s.motivo, "sub_judice": int(s.sub_judice)}
    if all(antes[k] == v for k, v in novos.items()):
        return antes
    novos["atualizado_em"] = agora()
    return m.alterar("eleicao_candidaturas", candidatura_id, novos, so_os_campos=True)
