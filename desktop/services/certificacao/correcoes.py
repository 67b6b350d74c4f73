"""Correção dos cadastros que vão nos títulos (trabalhador, curso, PPCP), com motivo e diário.

Corrigido um dado depois da emissão, os documentos válidos dos processos afetados são substituídos
por uma nova via com o dado certo (``emissao.emitir_nova_via``: a anterior fica "substituída", com a
ligação à nova). Passado o prazo de guarda do processo (Portaria MEC 902/2024, art. 12 XIV), a
correção é recusada. Palavras que revelam a forma de obtenção são recusadas (arts. 15 §2º e 16 §ún).
"""
from __future__ import annotations

from datetime import date

from desktop.rules.certificacao.curriculo import (Componente, exigir_ato_limpo, normalizar_identificacao,
                                                  verificar_matriz)
from desktop.rules.certificacao.resultado import exigir_campos_limpos
from desktop.rules.certificacao.tipos import Escolaridade
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem
from desktop.store.certificacao import processos as consultas

from ..sessao import ErroNegocio, Sessao
from . import emissao
from .comum import EDITAR, Recusa, data_de, iso, pisos, prazos, regras
from desktop.rules import formato


def _motivo(motivo: str) -> str:
    t = " ".join((motivo or "").split())
    if len(t) < 10:
        raise ErroNegocio("Explique o motivo da correção (pelo menos 10 caracteres), por exemplo "
                          "\"erro de digitação no nome\".")
    with regras():
        exigir_campos_limpos({"motivo da correção": t})
    return t


def _exigir_guarda(sessao: Sessao, db, processo_ids: list[str], hoje: date) -> None:
    anos = prazos(sessao, hoje).guarda_anos
    for pid in processo_ids:
        concluido = data_de(consultas.processo_linha(db, pid)["concluido_em"])
        if concluido and date(concluido.year + anos, concluido.month, min(concluido.day, 28)) < hoje:
            raise Recusa(f"O processo foi concluído em {formato.data(concluido)}; passados os {anos} anos de guarda, "
                         "os registros não podem mais ser corrigidos.", "Portaria MEC 902/2024, art. 12, XIV")


def _reemitir(sessao: Sessao, m, processo_ids: list[str], motivo: str) -> list:
    """Nova via de cada documento válido dos processos; a anterior fica substituída por ela."""
    novas = []
    for pid in processo_ids:
        for e in consultas.emissoes(m.db, pid):
            if not e["cancelado_em"] and not e["substituido_em"]:
                novas.append(emissao.emitir_nova_via(sessao, e["id"], f"Correção do cadastro: {motivo}"))
    return novas


def _alterar(m, tabela: str, id_: str, mudancas: dict, motivo: str) -> dict:
    """Altera (com o carimbo de tempo da tabela) e leva ao diário o motivo da correção junto da linha nova."""
    return m.alterar(tabela, id_, armazem_linhas.carimbado(m.db, tabela, mudancas), nota={"motivo_correcao": motivo})


def corrigir_trabalhador(sessao: Sessao, trabalhador_id: str, *, motivo: str, nome: str | None = None,
                         nascimento: date | None = None, escolaridade: str | None = None,
                         comprovante: str | None = None, hoje: date | None = None, **identificacao) -> dict:
    """Corrige nome, nascimento, escolaridade, comprovante ou a identificação impressa no título
    (nacionalidade, naturalidade, naturalidade_uf, rg, rg_orgao); devolve ``emitidos`` (novas vias)."""
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    motivo = _motivo(motivo)
    with sessao.mudanca(EDITAR) as m:
        t = armazem.trabalhador(m.db, trabalhador_id)
        if t is None:
            raise ErroNegocio("Trabalhador não encontrado; atualize a lista.")
        pids = consultas.ids_processos_do_trabalhador(m.db, trabalhador_id)
        _exigir_guarda(sessao, m.db, pids, hoje)
        pessoa = {}
        if nome is not None:
            nome = " ".join(nome.split())
            if len(nome) < 3:
                raise ErroNegocio("Informe o nome completo.")
            with regras():
                exigir_campos_limpos({"nome do trabalhador": nome}, palavra_inteira=True)
            pessoa["nome"] = nome
        if nascimento is not None:
            if nascimento > hoje:
                raise ErroNegocio("A data de nascimento não pode estar no futuro.")
            pessoa["nascimento"] = iso(nascimento)
        if pessoa:
            _alterar(m, "pessoas", t["pessoa_id"], pessoa, motivo)
        proprio = {}
        if escolaridade is not None:
            try:
                proprio["escolaridade"] = Escolaridade(escolaridade).value
            except ValueError:
                raise ErroNegocio("Escolaridade inválida.") from None
        if comprovante is not None:
            proprio["comprovante"] = " ".join(comprovante.split()) or None
        with regras():
            ident = normalizar_identificacao(**identificacao)
        proprio.update(ident)
        if proprio:
            _alterar(m, "cert_trabalhadores", trabalhador_id, proprio, motivo)
        if not pessoa and not proprio:
            raise ErroNegocio("Nada a corrigir: informe o dado novo.")
        emitidos = _reemitir(sessao, m, pids, motivo) if pessoa or ident else []
    return {**armazem.trabalhador(sessao.db, trabalhador_id), "emitidos": emitidos}


def corrigir_curso(sessao: Sessao, curso_id: str, *, motivo: str, nome: str | None = None, eixo: str | None = None,
                   codigo_catalogo: str | None = None, hoje: date | None = None) -> dict:
    """Corrige o nome, o eixo ou o código do catálogo do curso de referência; reemite os títulos dele."""
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    motivo = _motivo(motivo)
    mud = {k: " ".join(v.split()) for k, v in (("nome", nome), ("eixo", eixo), ("codigo_catalogo", codigo_catalogo))
           if v is not None}
    if not mud or mud.get("nome") == "":
        raise ErroNegocio("Informe o dado novo do curso (o nome não pode ficar vazio).")
    with regras():
        exigir_campos_limpos({"nome do curso": mud.get("nome"), "eixo tecnológico": mud.get("eixo"),
                              "código do catálogo": mud.get("codigo_catalogo")})
    with sessao.mudanca(EDITAR) as m:
        if armazem.curso(m.db, curso_id) is None:
            raise ErroNegocio("Curso não encontrado; atualize a lista.")
        pids = consultas.ids_processos_do_curso(m.db, curso_id)
        _exigir_guarda(sessao, m.db, pids, hoje)
        depois = _alterar(m, "cert_cursos", curso_id, mud, motivo)
        emitidos = _reemitir(sessao, m, pids, motivo)
    return {**depois, "emitidos": emitidos}


def corrigir_ppcp(sessao: Sessao, ppcp_id: str, *, motivo: str, perfil: str, hoje: date | None = None) -> dict:
    """Corrige o perfil profissional (a habilitação impressa no título); reemite os títulos do PPCP."""
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    motivo = _motivo(motivo)
    perfil = " ".join((perfil or "").split())
    if not perfil:
        raise ErroNegocio("Informe o perfil profissional (art. 19).")
    with regras():
        exigir_campos_limpos({"perfil profissional": perfil})
    with sessao.mudanca(EDITAR) as m:
        if armazem.ppcp(m.db, ppcp_id) is None:
            raise ErroNegocio("PPCP não encontrado; atualize a lista.")
        pids = consultas.ids_processos_do_ppcp(m.db, ppcp_id)
        _exigir_guarda(sessao, m.db, pids, hoje)
        depois = _alterar(m, "cert_ppcps", ppcp_id, {"perfil": perfil}, motivo)
        emitidos = _reemitir(sessao, m, pids, motivo)
    return {**depois, "emitidos": emitidos}


def _com_titulos(db, processo_ids: list[str]) -> bool:
    return any(not e["cancelado_em"] and not e["substituido_em"] and e["tipo_documento"] != "cert_atestado"
               for pid in processo_ids for e in consultas.emissoes(db, pid))


def definir_matriz_curricular(sessao: Sessao, curso_id: str, *, componentes: list[Componente],
                              carga_horaria_minima: int | None, ato_autorizacao: str | None = None,
                              motivo: str | None = None, hoje: date | None = None) -> dict:
    """Grava a matriz curricular do curso de referência (componentes e horas), o mínimo do catálogo e o ato
    de autorização, de onde saem a carga horária do título e o histórico do diploma (arts. 14, 15 e 18).
    Abaixo do mínimo do CNCT/CNCST, recusa com os números. Se o curso já tem títulos válidos, é uma
    correção: exige o motivo, respeita a guarda (art. 12 XIV) e reemite os títulos em nova via."""
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    ato = " ".join((ato_autorizacao or "").split()) or None
    limpos = [Componente(" ".join((c.nome or "").split()), c.carga_horaria) for c in componentes]
    with sessao.mudanca(EDITAR) as m:
        curso = armazem.curso(m.db, curso_id)
        if curso is None:
            raise ErroNegocio("Curso não encontrado; atualize a lista.")
        with regras():
            exigir_campos_limpos({f"componente curricular {i}": c.nome for i, c in enumerate(limpos, 1)})
            exigir_ato_limpo(ato)
            total = verificar_matriz(curso["tipo"], limpos, carga_horaria_minima, pisos(sessao, hoje))
        pids = consultas.ids_processos_do_curso(m.db, curso_id)
        reemitir = _com_titulos(m.db, pids)
        if reemitir:
            motivo = _motivo(motivo)
            _exigir_guarda(sessao, m.db, pids, hoje)
        antes = armazem.componentes_curso(m.db, curso_id)
        novas = armazem.trocar_componentes_curso(m.db, curso_id, [(c.nome, c.carga_horaria) for c in limpos])
        m.registrar("cert_curso_componentes", curso_id, "alterar" if antes else "inserir",
                    antes={"componentes": antes} if antes else None,
                    depois={"componentes": novas, **({"motivo_correcao": motivo} if reemitir else {})})
        depois = _alterar(m, "cert_cursos", curso_id, {"carga_horaria_minima": carga_horaria_minima,
                                                       "ato_autorizacao": ato}, motivo or "matriz curricular")
        emitidos = _reemitir(sessao, m, pids, motivo) if reemitir else []
    return {**depois, "matriz": novas, "carga_horaria": total, "emitidos": emitidos}
