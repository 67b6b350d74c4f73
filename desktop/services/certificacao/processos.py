"""O processo de certificação nas etapas do art. 24, em ordem, com quem fez e quando; resultado e recurso."""
from __future__ import annotations

import json
from datetime import date

from desktop.rules.certificacao import elegibilidade, etapas as regras_etapas, resultado as regras_resultado
from desktop.rules.certificacao.tipos import Etapa, Resultado, TipoCertificacao
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import cadastro as armazem
from desktop.store.certificacao import processos as consultas
from desktop.store.ids import agora

from .. import emissores
from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, Recusa, data_de, iso, prazos, regras, requisitos
from .instituicao import exigir_adesao
from desktop.rules import formato


def _processo(db, processo_id: str) -> dict:
    p = consultas.processo(db, processo_id)
    if p is None:
        raise ErroNegocio("Processo não encontrado; atualize a lista.")
    return p


def _calendario(db, p: dict) -> tuple[str | None, tuple]:
    """UF e feriados municipais do emissor da unidade (ou do módulo): contam os dias úteis do prazo."""
    emissor_id = emissores.da_unidade(db, p["unidade_id"])
    try:
        return (emissores.calendario_de(db, emissor_id) if emissor_id
                else emissores.calendario_do_modulo(db, "certificacao"))
    except ErroNegocio:  # órgão ainda sem cadastro: só os feriados nacionais
        return None, ()


def _prazo(sessao: Sessao, db, p: dict):
    """Último dia do recurso contra o resultado (art. 13 XI), em dias úteis do emissor (Lei 9.784, art. 66)."""
    resultado_em = data_de(p["resultado_em"])
    return regras_resultado.prazo_recurso(resultado_em, prazos(sessao, resultado_em), *_calendario(db, p))


def verificar_elegibilidade(sessao: Sessao, db, trabalhador_id: str, ppcp: dict, data: date) -> list[str]:
    sessao.exigir(LER)
    t = armazem.trabalhador(db, trabalhador_id)
    with regras():
        return elegibilidade.verificar_elegibilidade(
            tipo=TipoCertificacao(ppcp["tipo"]), nascimento=data_de(t["nascimento"]), escolaridade=t["escolaridade"],
            comprovante=t["comprovante"], diploma_tecnico=t["diploma_tecnico"],
            escolaridade_ppcp=ppcp["escolaridade_minima"], data=data, req=requisitos(sessao, data))


def _gravar_etapa(m, processo_id: str, etapa: Etapa, realizada_em: date, dados: dict) -> dict:
    linha = m.inserir("cert_etapas", armazem_linhas.linha_nova(m.db, "cert_etapas", {
        "processo_id": processo_id, "etapa": etapa.value, "realizada_em": iso(realizada_em),
        "registrado_por": m.sessao.usuario.login, "registrado_em": agora(),
        "dados": json.dumps(dados, ensure_ascii=False, default=str)}))
    return linha


def inscrever(sessao: Sessao, *, trabalhador_id: str, oferta_id: str, inscrito_em: date | None = None,
              hoje: date | None = None) -> dict:
    """Inscrição (art. 24 I): confere adesão vigente (art. 27 §ún), idade e escolaridade (arts. 2º §ún,
    14 e 24 §3º) e registra a primeira etapa."""
    hoje = hoje or date.today()
    inscrito_em = inscrito_em or hoje
    if inscrito_em > hoje:
        raise ErroNegocio("A data da inscrição não pode estar no futuro.")
    with sessao.mudanca(EDITAR) as m:
        o = armazem.oferta(m.db, oferta_id)
        ppcp = armazem.ppcp(m.db, o["ppcp_id"])
        exigir_adesao(sessao, m.db, ppcp["unidade_id"], "inscrever em novo processo de certificação", inscrito_em)
        if consultas.inscrito_na_oferta(m.db, trabalhador_id, oferta_id):
            raise ErroNegocio("Este trabalhador já está inscrito nesta oferta.")
        fundamentos = verificar_elegibilidade(sessao, m.db, trabalhador_id, ppcp, inscrito_em)
        linha = m.inserir("cert_processos", armazem_linhas.linha_nova(m.db, "cert_processos", {
            "trabalhador_id": trabalhador_id, "oferta_id": oferta_id, "etapa": Etapa.INSCRICAO.value,
            "inscrito_em": iso(inscrito_em)}))
        _gravar_etapa(m, linha["id"], Etapa.INSCRICAO, inscrito_em, {"elegibilidade": fundamentos})
    return linha


def registrar_etapa(sessao: Sessao, processo_id: str, etapa: str, *, realizada_em: date | None = None,
                    dados: dict | None = None, avaliacoes: dict[str, bool] | None = None,
                    hoje: date | None = None) -> dict:
    """Registra a próxima etapa do art. 24 (nunca fora de ordem nem saltando uma).

    ``dados``: o que a etapa exige (``rules.certificacao.etapas.verificar_dados``). Avaliação:
    ``avaliacoes`` = {competencia_id: reconhecida} para todas as competências do PPCP; o resultado
    (integral, parcial, nenhum) é calculado. Certificação: emite na mesma transação os documentos
    devidos (diploma ou certificado com histórico, ou atestado); técnico exige ``dados['sistec_codigo']``.
    Encaminhamento conclui o processo. Devolve o processo atualizado, com ``emitidos``
    (os ``documentos.Emitido`` com o PDF, na certificação).
    """
    sessao.exigir(EDITAR)
    hoje = hoje or date.today()
    realizada_em = realizada_em or hoje
    dados = dict(dados or {})
    try:
        etapa_ = Etapa(etapa)
    except ValueError:
        raise ErroNegocio(f"Etapa desconhecida: {etapa}.") from None
    with sessao.mudanca(EDITAR) as m:
        p = _processo(m.db, processo_id)
        feitas = [e["etapa"] for e in consultas.etapas(m.db, processo_id)]
        ultima = max((data_de(e["realizada_em"]) for e in consultas.etapas(m.db, processo_id)), default=None)
        with regras():
            regras_etapas.verificar_avanco(feitas, etapa_, encerrado=p["situacao"] == "encerrado")
            regras_etapas.verificar_dados(etapa_, dados, realizada_em, hoje)
        if ultima and realizada_em < ultima:
            raise ErroNegocio(f"A data da etapa não pode ser anterior à da etapa anterior ({formato.data(ultima)}).")
        emitidos: list = []
        mudancas: dict = {"etapa": etapa_.value}
        if etapa_ is Etapa.ACOLHIMENTO and dados["decisao"] != "seguir":
            mudancas.update(situacao="encerrado", concluido_em=iso(realizada_em))
        if etapa_ is Etapa.MATRICULA:
            ppcp = armazem.ppcp(m.db, p["ppcp_id"])
            dados["elegibilidade"] = verificar_elegibilidade(sessao, m.db, p["trabalhador_id"], ppcp, realizada_em)
        if etapa_ is Etapa.AVALIACAO:
            with regras():
                regras_etapas.verificar_avaliadores(dados.get("avaliadores"),
                                                    [e["nome"] for e in armazem.equipe(m.db, p["ppcp_id"])])
            res = _gravar_avaliacoes(m, p, avaliacoes or {})
            mudancas.update(resultado=res.value, resultado_em=iso(realizada_em))
            dados["resultado"] = res.value
        if etapa_ is Etapa.CERTIFICACAO:
            from .emissao import emitir_documentos_do_processo

            with regras():
                dados["liberacao"] = regras_resultado.verificar_emissao(
                    data_de(p["resultado_em"]), realizada_em, _prazo(sessao, m.db, p),
                    [(data_de(r["interposto_em"]), data_de(r["decidido_em"])) for r in consultas.recursos(m.db, processo_id)],
                    data_de(p["renuncia_recurso_em"]))

            if TipoCertificacao(p["tipo"]) is TipoCertificacao.TECNICO and p["resultado"] == Resultado.INTEGRAL:
                with regras():
                    regras_resultado.exigir_codigo_sistec("cert_diploma_tecnico", dados.get("sistec_codigo"))
            if dados.get("sistec_codigo"):
                mudancas["sistec_codigo"] = dados["sistec_codigo"].strip()
            emitidos = emitir_documentos_do_processo(sessao, processo_id, realizada_em,
                                                     sistec_codigo=mudancas.get("sistec_codigo"))
            dados["documentos"] = [e.codigo for e in emitidos]
        if etapa_ is Etapa.ENCAMINHAMENTO:
            mudancas.update(situacao="concluido", concluido_em=iso(realizada_em))
        _gravar_etapa(m, processo_id, etapa_, realizada_em, dados)
        m.alterar("cert_processos", processo_id, armazem_linhas.carimbado(m.db, "cert_processos", mudancas))
    final = consultas.processo(sessao.db, processo_id)
    final["emitidos"] = emitidos  # documentos.Emitido (com o PDF) da etapa de certificação
    return final


def _gravar_avaliacoes(m, p: dict, avaliacoes: dict[str, bool]) -> Resultado:
    comps = armazem.competencias(m.db, p["ppcp_id"])
    faltam = [c["nome"] for c in comps if c["id"] not in avaliacoes]
    if faltam:
        raise ErroNegocio("Registre a avaliação de todas as competências do perfil; faltam: " + ", ".join(faltam)
                          + " (Portaria MEC 902/2024, art. 24, IV).")
    for c in comps:
        m.inserir("cert_avaliacoes", armazem_linhas.linha_nova(m.db, "cert_avaliacoes", {
            "processo_id": p["id"], "competencia_id": c["id"], "reconhecida": int(bool(avaliacoes[c["id"]]))}))
    return regras_resultado.classificar(sum(1 for c in comps if avaliacoes[c["id"]]), len(comps))


def interpor_recurso(sessao: Sessao, processo_id: str, *, fundamentacao: str, interposto_em: date | None = None) -> dict:
    """Recurso contra o resultado da avaliação, no prazo da regulamentação interna (art. 13 XI)."""
    sessao.exigir(EDITAR)
    interposto_em = interposto_em or date.today()
    if len((fundamentacao or "").strip()) < 10:
        raise ErroNegocio("Descreva os motivos do recurso (pelo menos 10 caracteres).")
    with sessao.mudanca(EDITAR) as m:
        p = _processo(m.db, processo_id)
        if not p["resultado_em"]:
            raise ErroNegocio("Ainda não há resultado de avaliação para recorrer (Portaria MEC 902/2024, art. 13, XI).")
        if p["etapa"] != Etapa.AVALIACAO.value:
            raise ErroNegocio("Os documentos do resultado já foram emitidos (prazo vencido, recurso decidido ou "
                              "renúncia escrita): o recurso não cabe mais (Portaria MEC 902/2024, art. 13, XI).")
        with regras():
            regras_resultado.verificar_recurso(data_de(p["resultado_em"]), interposto_em,
                                               prazos(sessao, data_de(p["resultado_em"])), *_calendario(m.db, p),
                                               renuncia_em=data_de(p["renuncia_recurso_em"]))
        if interposto_em > date.today():
            raise ErroNegocio("A data do recurso não pode estar no futuro.")
        linha = m.inserir("cert_recursos", armazem_linhas.linha_nova(m.db, "cert_recursos", {
            "processo_id": processo_id, "interposto_em": iso(interposto_em), "fundamentacao": fundamentacao.strip()}))
    return linha


def registrar_renuncia(sessao: Sessao, processo_id: str, *, termo: str, renunciado_em: date | None = None) -> dict:
    """Registra a renúncia escrita do trabalhador ao recurso (Lei 9.784/1999, art. 51): libera a emissão
    dos documentos antes do fim do prazo (art. 13 XI) e impede recurso posterior. ``termo`` descreve o
    documento assinado e onde está guardado."""
    sessao.exigir(EDITAR)
    renunciado_em = renunciado_em or date.today()
    termo = " ".join((termo or "").split())
    if len(termo) < 10:
        raise ErroNegocio("Descreva o termo de renúncia assinado pelo trabalhador (pelo menos 10 caracteres), "
                          "por exemplo \"termo assinado em 12/03, arquivado na pasta\" (Lei 9.784/1999, art. 51).")
    with sessao.mudanca(EDITAR) as m:
        p = _processo(m.db, processo_id)
        if not p["resultado_em"] or p["etapa"] != Etapa.AVALIACAO.value:
            raise ErroNegocio("A renúncia ao recurso só cabe depois do resultado e antes da emissão dos documentos "
                              "(Portaria MEC 902/2024, art. 13, XI).")
        if p["renuncia_recurso_em"]:
            raise ErroNegocio(f"A renúncia já foi registrada em {formato.data(data_de(p['renuncia_recurso_em']))}.")
        if any(not r["decidido_em"] for r in consultas.recursos(m.db, processo_id)):
            raise ErroNegocio("Há recurso pendente de decisão: registre a decisão em vez da renúncia.")
        if renunciado_em > date.today() or renunciado_em < data_de(p["resultado_em"]):
            raise ErroNegocio("A data da renúncia não pode estar no futuro nem ser anterior ao resultado "
                              f"({formato.data(data_de(p['resultado_em']))}).")
        depois = m.alterar("cert_processos", processo_id, armazem_linhas.carimbado(m.db, "cert_processos", {
            "renuncia_recurso_em": iso(renunciado_em), "renuncia_recurso_termo": termo}))
    return depois


def decidir_recurso(sessao: Sessao, recurso_id: str, *, deferido: bool, decisao: str,
                    reconhecer: list[str] = (), decidido_em: date | None = None) -> dict:
    """Decisão do recurso; deferido, as competências em ``reconhecer`` passam a reconhecidas e o
    resultado é recalculado (a etapa de certificação ainda não foi feita)."""
    sessao.exigir(EDITAR)
    if len((decisao or "").strip()) < 10:
        raise ErroNegocio("Escreva a decisão fundamentada (pelo menos 10 caracteres).")
    with sessao.mudanca(EDITAR) as m:
        r = consultas.recurso(m.db, recurso_id)
        if r is None:
            raise ErroNegocio("Recurso não encontrado; atualize a lista.")
        if r["decidido_em"]:
            raise ErroNegocio("Este recurso já foi decidido.")
        quando = decidido_em or date.today()
        if quando > date.today() or quando < data_de(r["interposto_em"]):
            raise ErroNegocio("A data da decisão não pode estar no futuro nem ser anterior ao recurso "
                              f"({formato.data(data_de(r['interposto_em']))}).")
        p = _processo(m.db, r["processo_id"])
        if p["etapa"] != Etapa.AVALIACAO.value:
            raise ErroNegocio("O processo já passou da avaliação; o recurso não pode mais alterar o resultado.")
        depois = m.alterar("cert_recursos", recurso_id, armazem_linhas.carimbado(m.db, "cert_recursos", {
            "decidido_em": iso(quando), "deferido": int(deferido), "decisao": decisao.strip()}))
        if deferido and reconhecer:
            for cid in reconhecer:
                # uma linha do diário por registro alterado, pelo seu id
                for aid in consultas.reconhecer_competencia(m.db, p["id"], cid):
                    m.registrar("cert_avaliacoes", aid, "alterar", depois={"reconhecida": 1})
            aval = consultas.avaliacoes(m.db, p["id"])
            res = regras_resultado.classificar(sum(1 for a in aval if a["reconhecida"]), len(aval))
            m.alterar("cert_processos", p["id"], armazem_linhas.carimbado(m.db, "cert_processos", {"resultado": res.value}))
    return depois


def listar_processos(sessao: Sessao, *, etapa: str | None = None, texto: str | None = None,
                     situacao: str | None = None) -> list[dict]:
    """Busca por nome, CPF, curso ou perfil (``texto``), etapa e situação (andamento, encerrado, concluido)."""
    sessao.exigir(LER)
    return consultas.processos(sessao.db, etapa=etapa, texto=texto, situacao=situacao)


def detalhar_processo(sessao: Sessao, processo_id: str) -> dict:
    """O processo com ``etapas`` (quem, quando, o quê), ``avaliacoes``, ``recursos``, ``emissoes``,
    ``equipe`` do PPCP, ``proxima`` etapa e ``prazo_recurso``."""
    sessao.exigir(LER)
    p = _processo(sessao.db, processo_id)
    p["etapas"] = consultas.etapas(sessao.db, processo_id)
    p["avaliacoes"] = consultas.avaliacoes(sessao.db, processo_id)
    for e in p["etapas"]:  # o que cada etapa registrou, legível (entrevista, memorial, avaliadores, resultados)
        e["resumo"] = regras_etapas.resumo(e["etapa"], e["dados"], p["avaliacoes"] if e["etapa"] == "avaliacao" else ())
    p["recursos"] = consultas.recursos(sessao.db, processo_id)
    p["emissoes"] = consultas.emissoes(sessao.db, processo_id)
    p["equipe"] = armazem.equipe(sessao.db, p["ppcp_id"])  # de onde vêm os avaliadores (art. 24 §1º)
    p["proxima"] = None if p["situacao"] != "andamento" else regras_etapas.proxima_etapa([e["etapa"] for e in p["etapas"]])
    p["prazo_recurso"] = _prazo(sessao, sessao.db, p) if p["resultado_em"] else None
    return p
