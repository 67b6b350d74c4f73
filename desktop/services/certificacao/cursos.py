"""Cursos de referência e PPCPs: requisitos de oferta (art. 17) e conteúdo do PPCP (arts. 19, 20 e 22)."""
from __future__ import annotations

import json
from datetime import date

from desktop.rules.certificacao.curriculo import Componente, exigir_ato_limpo, verificar_matriz, verificar_minimo
from desktop.rules.certificacao.oferta import CursoReferencia, verificar_oferta
from desktop.rules.certificacao.ppcp import Competencia, MembroEquipe, verificar_ppcp
from desktop.rules.certificacao.resultado import exigir_campos_limpos
from desktop.rules.certificacao.tipos import Escolaridade, TipoCertificacao
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem

from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, data_de, iso, obrigatorio, pisos, regras, requisitos
from .instituicao import exigir_adesao


def _tipo(valor) -> TipoCertificacao:
    try:
        return TipoCertificacao(valor)
    except ValueError:
        raise ErroNegocio("Tipo inválido: use qualificacao, tecnico, especializacao ou tecnologia.") from None


def cadastrar_curso(sessao: Sessao, *, unidade_id: str, nome: str, tipo: str, implantado_em: date,
                    turmas_por_ano: dict[int, int] | None = None, certificacao_intermediaria: bool = False,
                    reconhecido: bool = False, conceito_emec: int | None = None,
                    codigo_catalogo: str | None = None, eixo: str | None = None, ato_autorizacao: str | None = None,
                    carga_horaria_minima: int | None = None, componentes: list[Componente] | None = None) -> dict:
    """Cadastra o curso de referência ofertado pela unidade certificadora (art. 5º VII), com o ato que o
    autoriza e, se já informada, a matriz curricular (componentes e horas), que não fica abaixo do mínimo
    do catálogo (CNCT/CNCST; arts. 14 e 18)."""
    sessao.exigir(EDITAR)
    if implantado_em is None or implantado_em > date.today():
        raise ErroNegocio("Informe a data de implantação do curso, que não pode estar no futuro.")
    ato_autorizacao = " ".join((ato_autorizacao or "").split()) or None
    with regras():
        exigir_campos_limpos({"nome do curso": nome, "eixo tecnológico": eixo, "código do catálogo": codigo_catalogo})
        exigir_ato_limpo(ato_autorizacao)
        verificar_minimo(_tipo(tipo), carga_horaria_minima, pisos(sessao))
        if componentes:
            exigir_campos_limpos({f"componente curricular {i}": c.nome for i, c in enumerate(componentes, 1)})
            verificar_matriz(_tipo(tipo), componentes, carga_horaria_minima, pisos(sessao))
    dados = {"unidade_id": unidade_id, "nome": obrigatorio(nome, "o nome do curso"), "tipo": _tipo(tipo).value,
             "implantado_em": iso(implantado_em), "certificacao_intermediaria": int(certificacao_intermediaria),
             "reconhecido": int(reconhecido), "conceito_emec": conceito_emec, "codigo_catalogo": codigo_catalogo,
             "eixo": eixo, "ato_autorizacao": ato_autorizacao, "carga_horaria_minima": carga_horaria_minima}
    with sessao.mudanca(EDITAR) as m:
        if armazem.instituicao_da_unidade(m.db, unidade_id) is None:
            raise ErroNegocio("Vincule a unidade a uma instituição antes de cadastrar cursos.")
        linha = m.inserir("cert_cursos", armazem_linhas.linha_nova(m.db, "cert_cursos", dados))
        for ano, n in (turmas_por_ano or {}).items():  # curso novo: as linhas são novas
            m.inserir("cert_curso_turmas", armazem.linha_turmas(linha["id"], int(ano), int(n)),
                      no_diario={"ano": ano, "turmas": n})
        for ordem, c in enumerate(componentes or [], start=1):
            m.inserir("cert_curso_componentes", armazem_linhas.linha_nova(m.db, "cert_curso_componentes", {
                "curso_id": linha["id"], "ordem": ordem, "nome": " ".join(c.nome.split()), "carga_horaria": c.carga_horaria}))
    return linha


def registrar_turmas(sessao: Sessao, curso_id: str, ano: int, turmas: int) -> None:
    """Quantas turmas o curso ofertou no ano (art. 17 I a)."""
    if turmas < 0:
        raise ErroNegocio("O número de turmas não pode ser negativo.")
    with sessao.mudanca(EDITAR) as m:
        antes = armazem.turmas(m.db, curso_id).get(ano)
        m.gravar("cert_curso_turmas", armazem.linha_turmas(curso_id, ano, turmas),
                 no_diario=(None if antes is None else {"turmas": antes}, {"ano": ano, "turmas": turmas}))


def curso_de_referencia(db, curso_id: str) -> CursoReferencia:
    c = armazem.curso(db, curso_id)
    if c is None:
        raise ErroNegocio("Curso não encontrado; atualize a lista.")
    return CursoReferencia(c["nome"], TipoCertificacao(c["tipo"]), data_de(c["implantado_em"]),
                           armazem.turmas(db, curso_id), bool(c["certificacao_intermediaria"]),
                           bool(c["reconhecido"]), c["conceito_emec"])


def verificar_curso(sessao: Sessao, curso_id: str, tipo: str, hoje: date | None = None) -> str:
    """O fundamento do art. 17 atendido, ou ``Recusa`` com o inciso."""
    sessao.exigir(LER)
    with regras():
        return verificar_oferta(_tipo(tipo), curso_de_referencia(sessao.db, curso_id), hoje or date.today(),
                                requisitos(sessao, hoje))


def cadastrar_ppcp(sessao: Sessao, *, curso_id: str, tipo: str, perfil: str, escolaridade_minima: str,
                   conteudos: dict[str, str], competencias: list[Competencia], equipe: list[MembroEquipe],
                   aprovado_em: date | None = None, sistec_em: date | None = None,
                   hoje: date | None = None) -> dict:
    """Cadastra o PPCP do perfil (art. 19) com competências, componentes e horas (art. 20 VI) e a
    equipe (art. 20 XII). Recusa sem adesão vigente (art. 27 §ún), com curso de referência que não
    cumpre o art. 17, ou com conteúdo faltando (arts. 20 e 22). Nada é gravado se algo falhar."""
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    tipo_ = _tipo(tipo)
    try:
        esc = Escolaridade(escolaridade_minima).value
    except ValueError:
        raise ErroNegocio("Escolaridade mínima inválida.") from None
    perfil = obrigatorio(perfil, "o perfil profissional a certificar (art. 19)")
    with regras():  # perfil, competências e componentes vão impressos no título e no histórico
        exigir_campos_limpos({"perfil profissional": perfil,
                              **{f"competência {i}": c.nome for i, c in enumerate(competencias, 1)},
                              **{f"componente da competência {i}": c.componente for i, c in enumerate(competencias, 1)}})
    req = requisitos(sessao, hoje)
    with sessao.mudanca(EDITAR) as m:
        curso = armazem.curso(m.db, curso_id)
        if curso is None:
            raise ErroNegocio("Curso não encontrado; atualize a lista.")
        exigir_adesao(sessao, m.db, curso["unidade_id"], "inserir novo PPCP", hoje)
        with regras():
            fund17 = verificar_oferta(tipo_, curso_de_referencia(m.db, curso_id), hoje, req)
            verificar_ppcp(conteudos, competencias, equipe, req)
        conteudos = {**conteudos, "fundamento_oferta": fund17}
        linha = m.inserir("cert_ppcps", armazem_linhas.linha_nova(m.db, "cert_ppcps", {
            "curso_id": curso_id, "tipo": tipo_.value, "perfil": perfil, "escolaridade_minima": esc,
            "carga_horaria_total": sum(c.carga_horaria for c in competencias),
            "conteudos": json.dumps(conteudos, ensure_ascii=False), "aprovado_em": iso(aprovado_em),
            "sistec_em": iso(sistec_em)}))
        for i, c in enumerate(competencias, start=1):
            m.inserir("cert_competencias", armazem_linhas.linha_nova(m.db, "cert_competencias", {
                "ppcp_id": linha["id"], "ordem": i, "nome": c.nome, "componente": c.componente,
                "carga_horaria": c.carga_horaria}))
        for e in equipe:
            m.inserir("cert_equipe", armazem_linhas.linha_nova(m.db, "cert_equipe", {"ppcp_id": linha["id"], "nome": e.nome,
                                                                                "area": e.area}))
    return linha


def aprovar_ppcp(sessao: Sessao, ppcp_id: str, *, aprovado_em: date, sistec_em: date | None = None) -> dict:
    """Aprovação pelo órgão competente (art. 11 III) e inserção no Sistec (art. 12 IV)."""
    if aprovado_em > date.today() or (sistec_em and sistec_em < aprovado_em):
        raise ErroNegocio("A aprovação não pode estar no futuro, e a inserção no Sistec vem depois dela.")
    with sessao.mudanca(EDITAR) as m:
        if armazem.ppcp(m.db, ppcp_id) is None:
            raise ErroNegocio("PPCP não encontrado; atualize a lista.")
        depois = m.alterar("cert_ppcps", ppcp_id, armazem_linhas.carimbado(m.db, "cert_ppcps", {
            "aprovado_em": iso(aprovado_em), "sistec_em": iso(sistec_em)}))
    return depois


def listar_cursos(sessao: Sessao) -> list[dict]:
    """Os cursos com ``turmas`` por ano e a ``matriz`` curricular (componentes e horas)."""
    sessao.exigir(LER)
    linhas = armazem.cursos(sessao.db)
    for l in linhas:
        l["turmas"] = armazem.turmas(sessao.db, l["id"])
        l["matriz"] = armazem.componentes_curso(sessao.db, l["id"])
    return linhas


def listar_ppcps(sessao: Sessao) -> list[dict]:
    sessao.exigir(LER)
    return armazem.ppcps(sessao.db)


def detalhar_ppcp(sessao: Sessao, ppcp_id: str) -> dict:
    """O PPCP com ``competencias`` e ``equipe``."""
    sessao.exigir(LER)
    p = armazem.ppcp(sessao.db, ppcp_id)
    if p is None:
        raise ErroNegocio("PPCP não encontrado.")
    p["competencias"] = armazem.competencias(sessao.db, ppcp_id)
    p["equipe"] = armazem.equipe(sessao.db, ppcp_id)
    return p
