"""Impugnações e denúncias: prazo, defesa, decisão da comissão especial e recurso ao CMDCA (arts. 8º §§12-13 e 11 §§2º-5º)."""
from __future__ import annotations

from datetime import date

from desktop.rules import formato, validacao
from desktop.rules.eleicao import atos as regra_atos
from desktop.rules.eleicao import auditoria as regra_auditoria
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.eleicao import candidaturas as armazem
from desktop.store.ids import agora, novo_id

from .. import parametros
from ..sessao import ErroNegocio, Sessao
from .comum import calendario_de, candidatura_ou_erro, hoje, processo_ou_erro, recalcular


def _texto(valor: str, campo: str) -> str:
    return validacao.obrigatorio(" ".join((valor or "").split()), campo)


def _ou_erro(sessao: Sessao, impugnacao_id: str) -> dict:
    i = armazem.impugnacao(sessao.db, impugnacao_id)
    if i is None:
        raise ErroNegocio("Impugnação não encontrada.")
    return i


def apresentar(sessao: Sessao, candidatura_id: str, *, tipo: str, autor: str, fundamento: str,
               apresentada_em: date, prazo_defesa: date) -> dict:
    """Registra a impugnação (no prazo de cinco dias da publicação dos inscritos, art. 11 §2º) ou a
    denúncia de conduta vedada (art. 8º §12, até a eleição), com o prazo de defesa (art. 11 §3º I)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    if tipo not in ("impugnacao", "denuncia"):
        raise EntradaInvalida("Tipo: 'impugnacao' (requisitos, art. 11 §2º) ou 'denuncia' (conduta vedada, art. 8º §12).")
    cand = candidatura_ou_erro(sessao.db, candidatura_id)
    proc = processo_ou_erro(sessao.db, cand["processo_id"])
    atos = regra_atos.Atos.do_processo(proc)
    if tipo == "impugnacao" and (motivo := regra_atos.impugnacoes_fechadas(atos)):
        raise ErroNegocio(motivo)
    if motivo := regra_atos.recusa_apresentacao(atos, tipo):
        raise ErroNegocio(motivo)
    if tipo == "impugnacao" and (motivo := regra_atos.recusa_impugnacao(atos, calendario_de(proc), apresentada_em,
                                                                          hoje())):
        raise EntradaInvalida(motivo)
    if tipo == "denuncia" and apresentada_em > hoje():
        raise EntradaInvalida(f"Denúncia em {formato.data(apresentada_em)} posterior a hoje ({formato.data(hoje())}): "
                              "registre a denúncia recebida, com a data em que chegou (Lei 320/2023, art. 8º §12).")
    if tipo == "denuncia" and apresentada_em < date.fromisoformat(cand["inscrito_em"]):
        raise EntradaInvalida(f"Denúncia em {formato.data(apresentada_em)} anterior à inscrição do candidato "
                              f"({formato.data(date.fromisoformat(cand['inscrito_em']))}): só há conduta de candidato "
                              "depois da inscrição (Lei 320/2023, arts. 7º §1º I e 8º §12).")
    if tipo == "denuncia" and apresentada_em > date.fromisoformat(proc["eleicao"]):
        raise EntradaInvalida("Denúncia de conduta vedada depois do dia da eleição não cabe neste "
                              "procedimento (Lei 320/2023, art. 8º §12).")
    if prazo_defesa <= apresentada_em:
        raise EntradaInvalida("O prazo de defesa deve terminar depois da apresentação "
                              "(Lei 320/2023, art. 11 §3º I: ampla defesa e contraditório).")
    linha = {"id": novo_id(), "candidatura_id": candidatura_id, "tipo": tipo,
             "autor": _texto(autor, "quem impugna"), "fundamento": _texto(fundamento, "o fundamento e as provas"),
             "apresentada_em": apresentada_em.isoformat(), "prazo_defesa": prazo_defesa.isoformat(),
             "criado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.inserir("eleicao_impugnacoes", linha)
        recalcular(m, candidatura_id)
    return linha


def _alterar(sessao: Sessao, antes: dict, novos: dict) -> dict:
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        depois = m.alterar("eleicao_impugnacoes", antes["id"], novos)
        recalcular(m, antes["candidatura_id"])
    return depois


def defender(sessao: Sessao, impugnacao_id: str, *, defesa: str, em: date) -> dict:
    """Defesa do candidato notificado, dentro do prazo (art. 11 §3º I)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    i = _ou_erro(sessao, impugnacao_id)
    if i["decisao"]:
        raise ErroNegocio("A impugnação já foi decidida; a defesa não pode mais ser juntada.")
    if recusa := regra_atos.recusa_rito_futuro("defesa", em, hoje()):
        raise EntradaInvalida(recusa)
    prazo = date.fromisoformat(i["prazo_defesa"])
    if em > prazo or em < date.fromisoformat(i["apresentada_em"]):
        raise EntradaInvalida(f"Defesa em {formato.data(em)} fora do prazo, que vai até {formato.data(prazo)} "
                              "(Lei 320/2023, art. 11 §3º I).")
    return _alterar(sessao, i, {"defesa": _texto(defesa, "o texto da defesa"), "defesa_em": em.isoformat()})


def decidir(sessao: Sessao, impugnacao_id: str, *, procedente: bool, motivo: str, em: date) -> dict:
    """Decisão da comissão especial em reunião (art. 11 §3º II), depois da defesa ou do fim do prazo."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    i = _ou_erro(sessao, impugnacao_id)
    if i["decisao"]:
        raise ErroNegocio("A impugnação já foi decidida; cabe recurso ao CMDCA (art. 11 §5º).")
    if recusa := regra_atos.recusa_rito_futuro("decisao", em, hoje()):
        raise EntradaInvalida(recusa)
    if not i["defesa"] and em <= date.fromisoformat(i["prazo_defesa"]):
        raise ErroNegocio(f"Aguarde a defesa ou o fim do prazo ({formato.data(date.fromisoformat(i['prazo_defesa']))}) "
                          "para decidir (Lei 320/2023, art. 11 §3º).")
    desde = max(date.fromisoformat(i["apresentada_em"]), date.fromisoformat(i["defesa_em"] or i["apresentada_em"]))
    if em < desde:
        raise EntradaInvalida(f"Decisão em {formato.data(em)} anterior à {'defesa' if i['defesa'] else 'impugnação'} "
                              f"({formato.data(desde)}); confira a data (Lei 320/2023, art. 11 §3º).")
    return _alterar(sessao, i, {"decisao": "procedente" if procedente else "improcedente",
                                "decisao_motivo": _texto(motivo, "o fundamento da decisão"),
                                "decidida_em": em.isoformat()})


def recorrer(sessao: Sessao, impugnacao_id: str, *, razoes: str, em: date) -> dict:
    """Recurso da decisão da comissão à plenária do CMDCA (arts. 8º §13 e 11 §5º)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    i = _ou_erro(sessao, impugnacao_id)
    if not i["decisao"]:
        raise ErroNegocio("Só cabe recurso depois da decisão da comissão especial (Lei 320/2023, art. 11 §5º).")
    if i["recurso"]:
        raise ErroNegocio("Já há recurso registrado contra esta decisão.")
    if recusa := regra_atos.recusa_rito_futuro("recurso", em, hoje()):
        raise EntradaInvalida(recusa)
    if em < date.fromisoformat(i["decidida_em"]):
        raise EntradaInvalida(f"O recurso em {formato.data(em)} não pode ser anterior à decisão da comissão "
                              f"({formato.data(date.fromisoformat(i['decidida_em']))}) (Lei 320/2023, art. 11 §5º).")
    cand = candidatura_ou_erro(sessao.db, i["candidatura_id"])
    proc = processo_ou_erro(sessao.db, cand["processo_id"])
    regras = parametros.vigente(sessao, "eleicao_apuracao", date.fromisoformat(proc["eleicao"]))
    limite = regra_auditoria.fim_recurso(date.fromisoformat(i["decidida_em"]), regras)
    if em > limite:
        raise EntradaInvalida(
            f"Recurso em {formato.data(em)} fora do prazo: a decisão da comissão é de "
            f"{formato.data(date.fromisoformat(i['decidida_em']))} e o prazo de {regras.prazo_recurso_dias} dias "
            f"terminou em {formato.data(limite)} (Lei 320/2023, arts. 8º §13 e 11 §5º; prazo do edital, art. 7º §1º a).")
    return _alterar(sessao, i, {"recurso": _texto(razoes, "as razões do recurso"), "recurso_em": em.isoformat()})


def julgar_recurso(sessao: Sessao, impugnacao_id: str, *, provido: bool, motivo: str, em: date) -> dict:
    """Julgamento do recurso pela plenária do CMDCA (art. 11 §5º)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    i = _ou_erro(sessao, impugnacao_id)
    if not i["recurso"] or i["recurso_decisao"]:
        raise ErroNegocio("Não há recurso pendente de julgamento nesta impugnação.")
    if recusa := regra_atos.recusa_rito_futuro("julgamento", em, hoje()):
        raise EntradaInvalida(recusa)
    if em < date.fromisoformat(i["recurso_em"]):
        raise EntradaInvalida(f"Julgamento em {formato.data(em)} anterior ao recurso "
                              f"({formato.data(date.fromisoformat(i['recurso_em']))}) (Lei 320/2023, art. 11 §5º).")
    return _alterar(sessao, i, {"recurso_decisao": "provido" if provido else "desprovido",
                                "recurso_motivo": _texto(motivo, "o fundamento do julgamento"),
                                "recurso_julgado_em": em.isoformat()})


def listar(sessao: Sessao, processo_id: str) -> list[dict]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.impugnacoes(sessao.db, processo_id=processo_id)


ETAPAS = {"defesa": "Defesa do candidato (art. 11 §3º I)", "decisao": "Decisão da comissão especial (art. 11 §3º II)",
          "recurso": "Recurso ao CMDCA (art. 11 §5º)", "julgamento": "Julgamento do recurso pelo CMDCA (art. 11 §5º)"}


def etapas_possiveis(i: dict) -> list[str]:
    """O que ainda se pode registrar na impugnação, na ordem do rito (chaves de ``ETAPAS``)."""
    if not i["decisao"]:
        return (["defesa"] if not i["defesa"] else []) + ["decisao"]
    if not i["recurso"]:
        return ["recurso"]
    return [] if i["recurso_decisao"] else ["julgamento"]
