"""Correção das competências do PPCP e da instituição/adesão, com motivo e diário (issue 12, item 5).

As competências (nome, componente, horas) vão impressas no histórico e no atestado: a palavra que
revela a forma de obtenção é recusada já ao digitar (arts. 15 §2º e 16 §ún), nomeando o campo. Uma
competência já avaliada num processo não sai do PPCP (a avaliação é prova do processo, art. 12 XIV):
só o texto e as horas mudam. O nome da instituição vai nos títulos; corrigido, os títulos válidos ganham
nova via. As datas da adesão (arts. 10, 11 e 27) são corrigidas com motivo, conferidas como no registro.
"""
from __future__ import annotations

from datetime import date

from desktop.rules.certificacao.ppcp import Competencia
from desktop.rules.certificacao.resultado import exigir_campos_limpos
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem
from desktop.store.certificacao import processos as consultas

from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, iso, regras
from .correcoes import _alterar, _exigir_guarda, _motivo, _reemitir
from .instituicao import SISTEMAS


def _limpas(competencias: list[Competencia]) -> list[Competencia]:
    limpas = [Competencia(" ".join((c.nome or "").split()), " ".join((c.componente or "").split()), c.carga_horaria)
              for c in competencias]
    if not limpas:
        raise ErroNegocio("O PPCP precisa de ao menos uma competência (Portaria MEC 902/2024, art. 20, VI).")
    for i, c in enumerate(limpas, start=1):
        if not c.nome or not c.componente or not isinstance(c.carga_horaria, int) or c.carga_horaria <= 0:
            raise ErroNegocio(f"Competência {i}: informe o nome, o componente curricular e a carga horária em horas "
                              "(Portaria MEC 902/2024, arts. 15, 16 e 20, VI).")
    with regras():  # vão impressas no histórico e no atestado
        exigir_campos_limpos({**{f"competência {i}": c.nome for i, c in enumerate(limpas, 1)},
                              **{f"componente da competência {i}": c.componente for i, c in enumerate(limpas, 1)}})
    return limpas


def corrigir_competencias(sessao: Sessao, ppcp_id: str, *, motivo: str, competencias: list[Competencia],
                          hoje: date | None = None) -> dict:
    """Regrava as competências do PPCP na ordem dada: a i-ésima substitui a de ordem i (texto e horas),
    as que sobram entram no fim e as que faltam saem — se nenhuma avaliação as usa. Devolve o PPCP com
    ``competencias`` e ``emitidos`` (novas vias dos documentos válidos dos processos do PPCP)."""
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    motivo = _motivo(motivo)
    novas = _limpas(competencias)
    with sessao.mudanca(EDITAR) as m:
        if armazem.ppcp(m.db, ppcp_id) is None:
            raise ErroNegocio("PPCP não encontrado; atualize a lista.")
        pids = consultas.ids_processos_do_ppcp(m.db, ppcp_id)
        _exigir_guarda(sessao, m.db, pids, hoje)
        atuais = armazem.competencias(m.db, ppcp_id)
        avaliadas = consultas.competencias_avaliadas(m.db, ppcp_id)
        if avaliadas and len(novas) != len(atuais):
            raise ErroNegocio(f"{len(avaliadas)} competência(s) deste PPCP já foram avaliadas em processos: corrija o "
                              "texto e as horas, mas não acrescente nem retire competências (a avaliação é prova do "
                              "processo, Portaria MEC 902/2024, arts. 12, XIV e 24, IV). Para outro perfil, cadastre "
                              "novo PPCP.")
        mudou = False
        for i, nova in enumerate(novas, start=1):
            atual = next((c for c in atuais if c["ordem"] == i), None)
            valores = {"nome": nova.nome, "componente": nova.componente, "carga_horaria": nova.carga_horaria}
            if atual is None:
                m.inserir("cert_competencias", armazem_linhas.linha_nova(
                    m.db, "cert_competencias", {"ppcp_id": ppcp_id, "ordem": i, **valores}),
                    nota={"motivo_correcao": motivo})
                mudou = True
            elif any(atual[k] != v for k, v in valores.items()):
                _alterar(m, "cert_competencias", atual["id"], valores, motivo)
                mudou = True
        for sobra in (c for c in atuais if c["ordem"] > len(novas)):
            armazem.excluir_competencia(m.db, sobra["id"])
            m.registrar("cert_competencias", sobra["id"], "excluir", antes={**sobra, "motivo_correcao": motivo})
            mudou = True
        if not mudou:
            raise ErroNegocio("Nada a corrigir: as competências são as mesmas já cadastradas.")
        total = sum(c.carga_horaria for c in novas)
        _alterar(m, "cert_ppcps", ppcp_id, {"carga_horaria_total": total}, motivo)
        emitidos = _reemitir(sessao, m, pids, motivo)
    ppcp = armazem.ppcp(sessao.db, ppcp_id)
    return {**ppcp, "competencias": armazem.competencias(sessao.db, ppcp_id), "emitidos": emitidos}


def corrigir_instituicao(sessao: Sessao, instituicao_id: str, *, motivo: str, nome: str | None = None,
                         sigla: str | None = None, sistema_ensino: str | None = None,
                         orgao_competente: str | None = None, termo_aprovado_em: date | None = None,
                         regulamentacao_aprovada_em: date | None = None, sistec_validada_em: date | None = None,
                         hoje: date | None = None) -> dict:
    """Corrige o nome (impresso nos títulos: reemite-os), a sigla, o sistema de ensino, o órgão competente
    ou as datas da adesão (arts. 5º, 10, 11 e 27: a validação no Sistec vem depois das aprovações; nada no
    futuro). ``None`` não mexe no campo. Devolve a instituição com ``emitidos`` (as novas vias)."""
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    motivo = _motivo(motivo)
    with sessao.mudanca(EDITAR) as m:
        inst = armazem.instituicao(m.db, instituicao_id)
        if inst is None:
            raise ErroNegocio("Instituição não encontrada; atualize a lista.")
        mud: dict = {}
        if nome is not None:
            nome = " ".join(nome.split())
            if not nome:
                raise ErroNegocio("O nome da instituição não pode ficar vazio.")
            with regras():
                exigir_campos_limpos({"nome da instituição": nome})
            mud["nome"] = nome
        if sigla is not None:
            mud["sigla"] = " ".join(sigla.split()) or None
            with regras():
                exigir_campos_limpos({"sigla da instituição": mud["sigla"]})
        if sistema_ensino is not None:
            if sistema_ensino not in SISTEMAS:
                raise ErroNegocio("Sistema de ensino deve ser federal, estadual ou municipal.")
            mud["sistema_ensino"] = sistema_ensino
        if orgao_competente is not None:
            mud["orgao_competente"] = " ".join(orgao_competente.split()) or inst["orgao_competente"]
        for campo, valor in (("termo_aprovado_em", termo_aprovado_em),
                             ("regulamentacao_aprovada_em", regulamentacao_aprovada_em),
                             ("sistec_validada_em", sistec_validada_em)):
            if valor is not None:
                if valor > hoje:
                    raise ErroNegocio("As datas da adesão não podem estar no futuro.")
                mud[campo] = iso(valor)
        final = {**inst, **mud}
        datas = [final[c] for c in ("termo_aprovado_em", "regulamentacao_aprovada_em")]
        if final["sistec_validada_em"] and all(datas) and final["sistec_validada_em"] < max(datas):
            raise ErroNegocio("A validação no Sistec deve ser posterior às aprovações do termo e da regulamentação "
                              "interna (Portaria MEC 902/2024, art. 10).")
        if not mud or all(inst.get(k) == v for k, v in mud.items()):
            raise ErroNegocio("Nada a corrigir: informe o dado novo.")
        pids = consultas.ids_processos_da_instituicao(m.db, instituicao_id)
        if "nome" in mud and mud["nome"] != inst["nome"]:
            _exigir_guarda(sessao, m.db, pids, hoje)
        depois = _alterar(m, "cert_instituicoes", instituicao_id, mud, motivo)
        emitidos = _reemitir(sessao, m, pids, motivo) if mud.get("nome", inst["nome"]) != inst["nome"] else []
    return {**depois, "emitidos": emitidos}
