"""Instituição de ensino, adesão à Rede Certifica e unidades certificadoras (Portaria MEC 902/2024, arts. 5º, 10, 27)."""
from __future__ import annotations

from datetime import date

from desktop.rules.certificacao import adesao
from desktop.rules.certificacao.resultado import exigir_campos_limpos
from desktop.store import cadastros as armazem_cadastros
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem

from .. import cadastros
from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, data_de, iso, obrigatorio, prazos, regras

SISTEMAS = ("federal", "estadual", "municipal")


def cadastrar_instituicao(sessao: Sessao, *, nome: str, sistema_ensino: str, orgao_competente: str,
                          sigla: str | None = None) -> dict:
    """Cadastra a instituição de ensino que adere à Rede Certifica (art. 5º I)."""
    sessao.exigir(EDITAR)
    if sistema_ensino not in SISTEMAS:
        raise ErroNegocio("Sistema de ensino deve ser federal, estadual ou municipal.")
    with regras():  # o nome vai impresso nos títulos (arts. 15 §2º e 16 §ún)
        exigir_campos_limpos({"nome da instituição": nome, "sigla da instituição": sigla})
    dados = {"nome": obrigatorio(nome, "o nome da instituição"), "sigla": sigla,
             "sistema_ensino": sistema_ensino,
             "orgao_competente": obrigatorio(orgao_competente, "o órgão competente do sistema de ensino (art. 5º IV)")}
    with sessao.mudanca(EDITAR) as m:
        linha = m.inserir("cert_instituicoes", armazem_linhas.linha_nova(m.db, "cert_instituicoes", dados))
    return linha


def registrar_adesao(sessao: Sessao, instituicao_id: str, *, termo_aprovado_em: date,
                     regulamentacao_aprovada_em: date, sistec_validada_em: date) -> dict:
    """Registra (ou renova) a adesão: termo e regulamentação aprovados pelo órgão competente
    (arts. 10 I-II, 11 I-II, 13 §ún) e a validação no Sistec (arts. 8º II, 10 III), que inicia os
    cinco anos do art. 27. A validação não pode preceder as aprovações."""
    hoje = date.today()
    for d, rotulo in ((termo_aprovado_em, "aprovação do termo"), (regulamentacao_aprovada_em, "aprovação da regulamentação"),
                      (sistec_validada_em, "validação no Sistec")):
        if d is None or d > hoje:
            raise ErroNegocio(f"Informe a data de {rotulo}, que não pode estar no futuro.")
    if sistec_validada_em < max(termo_aprovado_em, regulamentacao_aprovada_em):
        raise ErroNegocio("A validação no Sistec deve ser posterior às aprovações do termo e da "
                          "regulamentação interna (Portaria MEC 902/2024, art. 10).")
    with sessao.mudanca(EDITAR) as m:
        if armazem.instituicao(m.db, instituicao_id) is None:
            raise ErroNegocio("Instituição não encontrada; atualize a lista.")
        depois = m.alterar("cert_instituicoes", instituicao_id, armazem_linhas.carimbado(m.db, "cert_instituicoes", {
            "termo_aprovado_em": iso(termo_aprovado_em), "regulamentacao_aprovada_em": iso(regulamentacao_aprovada_em),
            "sistec_validada_em": iso(sistec_validada_em)}))
    return depois


def vincular_unidade(sessao: Sessao, instituicao_id: str, unidade_id: str) -> dict:
    """Torna a unidade (tipo unidade_certificadora) certificadora da instituição (art. 10 §ún). O nome da
    unidade vai impresso nos títulos: palavra que revela a forma de obtenção é recusada já aqui."""
    with sessao.mudanca(EDITAR) as m:
        u = armazem_cadastros.unidade(m.db, unidade_id)
        if u is None:
            raise ErroNegocio("Unidade não encontrada; atualize a lista.")
        if u["tipo"] != "unidade_certificadora":
            raise ErroNegocio(f"{u['nome']} não é uma unidade certificadora; cadastre-a com esse tipo.")
        if armazem.instituicao_da_unidade(m.db, unidade_id):
            raise ErroNegocio(f"{u['nome']} já está vinculada a uma instituição.")
        with regras():  # o nome da unidade vai impresso nos títulos (arts. 15 §2º e 16 §ún)
            exigir_campos_limpos({"nome da unidade": u["nome"]})
        linha = m.inserir("cert_unidades", armazem_linhas.linha_nova(m.db, "cert_unidades", {
            "unidade_id": unidade_id, "instituicao_id": instituicao_id}, com_id=False), pk="unidade_id")
    return linha


def cadastrar_unidade_certificadora(sessao: Sessao, instituicao_id: str, *, nome: str, **outros) -> dict:
    """Cadastra uma nova unidade certificadora (tipo ``unidade_certificadora``) e a vincula à
    instituição (art. 10 §ún), numa só transação; devolve o vínculo com o nome da unidade."""
    with sessao.mudanca(EDITAR) as m:
        if armazem.instituicao(m.db, instituicao_id) is None:
            raise ErroNegocio("Instituição não encontrada; atualize a lista.")
        u = cadastros.cadastrar_unidade(sessao, tipo="unidade_certificadora", nome=nome, **outros)
        linha = vincular_unidade(sessao, instituicao_id, u["id"])
    return {**linha, "nome": u["nome"]}


def listar_instituicoes(sessao: Sessao, hoje: date | None = None) -> list[dict]:
    """Instituições com a situação da adesão (``situacao``: SituacaoAdesao) e as suas unidades."""
    sessao.exigir(LER)
    p, hoje = prazos(sessao), hoje or date.today()
    linhas = armazem.instituicoes(sessao.db)
    for l in linhas:
        l["situacao"] = adesao.situacao_adesao(data_de(l["sistec_validada_em"]), hoje, p)
        l["unidades"] = armazem.unidades_certificadoras(sessao.db, l["id"])
    return linhas


def listar_unidades_certificadoras(sessao: Sessao) -> list[dict]:
    sessao.exigir(LER)
    return armazem.unidades_certificadoras(sessao.db)


def unidades_disponiveis(sessao: Sessao) -> list[dict]:
    """Unidades do tipo unidade_certificadora ainda sem instituição."""
    sessao.exigir(LER)
    return armazem.unidades_sem_instituicao(sessao.db)


def exigir_adesao(sessao: Sessao, db, unidade_id: str, acao: str, hoje: date | None = None) -> None:
    """Recusa a ação se a instituição da unidade não tem adesão vigente (art. 27 §ún)."""
    sessao.exigir(EDITAR)
    inst = armazem.instituicao_da_unidade(db, unidade_id)
    if inst is None:
        raise ErroNegocio("A unidade não está vinculada a uma instituição com adesão à Rede Certifica.")
    with regras():
        adesao.exigir_adesao_vigente(data_de(inst["sistec_validada_em"]), hoje or date.today(), prazos(sessao), acao)
