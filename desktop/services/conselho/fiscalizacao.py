"""Fiscalização das entidades de atendimento (ECA, arts. 90 e 95; Lei 320/2023, art. 34).

Plano semestral (uma visita prevista por entidade ativa em cada semestre: periodicidade semestral
mínima, art. 34 §ún.), registro da visita e comunicação das irregularidades ao CMDCA e ao Ministério
Público (art. 34 caput; ECA, art. 191) por ofício registrado.
"""
from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from desktop.reports.conselho import documentos as pdf
from desktop.rules.conselho import fiscalizacao as regra
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import fiscalizacao as armazem
from desktop.store.ids import agora, novo_id

from .. import documentos, emissores, parametros
from ..sessao import ErroNegocio, Sessao
from desktop.rules import formato

EDITAR, LER = Permissao.CONSELHO_EDITAR, Permissao.CONSELHO_LER
ASSUNTO = "conselho:fiscalizacao"
"""Assunto dos ofícios de fiscalização (``conselho:fiscalizacao:<visita>``): a aba os lista para reabrir."""
REGIMES = {
    "orientacao_apoio_sociofamiliar": "Orientação e apoio sociofamiliar (ECA, art. 90, I)",
    "apoio_socioeducativo_meio_aberto": "Apoio socioeducativo em meio aberto (art. 90, II)",
    "colocacao_familiar": "Colocação familiar (art. 90, III)",
    "acolhimento_institucional": "Acolhimento institucional (art. 90, IV)",
    "prestacao_servicos_comunidade": "Prestação de serviços à comunidade (art. 90, V)",
    "liberdade_assistida": "Liberdade assistida (art. 90, VI)",
    "semiliberdade": "Semiliberdade (art. 90, VII)",
    "internacao": "Internação (art. 90, VIII)",
}


def _semestre(texto: str) -> tuple[int, int]:
    try:
        ano, n = texto.split("-")
        ano, n = int(ano), int(n)
    except ValueError:
        raise EntradaInvalida("Semestre no formato aaaa-1 ou aaaa-2, por exemplo 2026-1.") from None
    if n not in (1, 2):
        raise EntradaInvalida("Semestre no formato aaaa-1 ou aaaa-2, por exemplo 2026-1.")
    return ano, n


def cadastrar_entidade(sessao: Sessao, nome: str, regime: str, endereco: str = "", bairro: str = "") -> dict:
    sessao.exigir(EDITAR)
    if not (nome or "").strip():
        raise EntradaInvalida("Informe o nome da entidade.")
    if regime not in REGIMES:
        raise EntradaInvalida("Regime de atendimento desconhecido: escolha um do ECA, art. 90.")
    if armazem.entidade_com_nome(sessao.db, nome.strip()):
        raise ErroNegocio(f"A entidade {nome.strip()} já está cadastrada.")
    linha = {"id": novo_id(), "nome": nome.strip(), "regime": regime, "endereco": endereco.strip(),
             "bairro": bairro.strip(), "ativo": 1, "criado_em": agora()}
    with sessao.mudanca(EDITAR) as m:
        m.inserir("conselho_entidades", linha)
    return linha


def entidades(sessao: Sessao) -> list[dict]:
    sessao.exigir(LER)
    return armazem.entidades_ativas(sessao.db)


def planejar_semestre(sessao: Sessao, semestre: str, datas: dict[str, date]) -> list[dict]:
    """O plano do semestre: ``datas`` {entidade_id: data prevista}; toda entidade ativa precisa de uma
    visita no semestre (art. 34 §ún.). Recusa plano incompleto ou data fora do semestre."""
    sessao.exigir(EDITAR)
    ano, n = _semestre(semestre)
    inicio, fim = date(ano, 1 if n == 1 else 7, 1), date(ano, 6, 30) if n == 1 else date(ano, 12, 31)
    ativas = {e["id"]: e["nome"] for e in entidades(sessao)}
    faltam = [nome for i, nome in ativas.items() if i not in datas]
    if faltam:
        raise EntradaInvalida(f"O plano do semestre precisa de uma visita a cada entidade (art. 34 §ún.). Faltam: "
                              f"{', '.join(sorted(faltam))}.")
    for i, d in datas.items():
        if i not in ativas:
            raise EntradaInvalida("O plano tem uma entidade que não está cadastrada ou está inativa.")
        if not inicio <= d <= fim:
            raise EntradaInvalida(f"A visita à {ativas[i]} em {formato.data(d)} está fora do semestre {semestre}.")
    if armazem.contar_visitas_do_semestre(sessao.db, semestre):
        raise ErroNegocio(f"O plano do semestre {semestre} já foi gravado.")
    linhas = [{"id": novo_id(), "entidade_id": i, "semestre": semestre, "prevista_para": d.isoformat(),
               "realizada_em": None, "conselheiros": "", "relato": "", "irregularidades": "", "comunicada_em": None,
               "documento_id": None, "criado_em": agora()} for i, d in datas.items()]
    with sessao.mudanca(EDITAR) as m:
        for l in linhas:
            m.inserir("conselho_visitas", l)
    return plano(sessao, semestre)


def plano(sessao: Sessao, semestre: str) -> list[dict]:
    sessao.exigir(LER)
    return armazem.plano(sessao.db, semestre)


def registrar_visita(sessao: Sessao, visita_id: str, realizada_em: date, conselheiros: str, relato: str,
                     irregularidades: str = "") -> dict:
    sessao.exigir(EDITAR)
    v = armazem.visita(sessao.db, visita_id)
    if v is None:
        raise ErroNegocio("Visita não encontrada no plano.")
    if not (conselheiros or "").strip() or not (relato or "").strip():
        raise EntradaInvalida("Informe os conselheiros que visitaram e o relato da visita.")
    with sessao.mudanca(EDITAR) as m:
        depois = m.alterar("conselho_visitas", visita_id, {
            "realizada_em": realizada_em.isoformat(), "conselheiros": conselheiros.strip(), "relato": relato.strip(),
            "irregularidades": (irregularidades or "").strip()})
    return depois


def comunicar_irregularidades(sessao: Sessao, visita_id: str, assinante: str) -> documentos.Emitido:
    """Ofício ao CMDCA e ao Ministério Público com as irregularidades da visita (art. 34; ECA, art. 191)."""
    sessao.exigir(EDITAR)
    v = armazem.visita_com_entidade(sessao.db, visita_id)
    if v is None:
        raise ErroNegocio("Visita não encontrada no plano.")
    if not v["realizada_em"] or not v["irregularidades"]:
        raise ErroNegocio("Só se comunica irregularidade constatada numa visita já registrada.")
    if v["comunicada_em"]:
        raise ErroNegocio("As irregularidades desta visita já foram comunicadas.")
    e = emissores.do_modulo(sessao.db, "conselho")
    o = {"municipio": e.municipio, "uf": e.uf}
    doc = pdf.DocumentoCaso(
        "conselho_oficio", f"Fiscalização {v['semestre']} — {v['nome']}",
        "Conselho Municipal dos Direitos da Criança e do Adolescente e Ministério Público",
        (f"Em visita de fiscalização realizada em {formato.data(date.fromisoformat(v['realizada_em']))} à entidade "
         f"{v['nome']} (conselheiros: {v['conselheiros']}), o Conselho Tutelar constatou as irregularidades a seguir.",
         v["irregularidades"]),
        ("Lei 320/2023, art. 34", "ECA, arts. 95 e 191"), f"{o['municipio']}-{o['uf']}", date.today(), assinante)
    with sessao.mudanca(EDITAR) as m:
        e = documentos.emitir(sessao, tipo=doc.tipo, titulo=pdf.TITULOS[doc.tipo],
                              montar=lambda cab, rod: pdf.gerar(cab, rod, doc), referencia=doc.referencia,
                              assunto=f"{ASSUNTO}:{visita_id}",
                              receita={"modelo": "caso", "atendimento_id": None, "doc": asdict(doc)})
        m.alterar("conselho_visitas", visita_id, {"comunicada_em": agora(), "documento_id": e.id})
    return e


def alertas(sessao: Sessao, hoje: date | None = None) -> dict:
    """Visitas de fiscalização atrasadas ou vencidas e irregularidades não comunicadas no prazo (art. 34),
    com as contagens; e se falta o plano do semestre corrente. Sem conteúdo de caso (base geral)."""
    sessao.exigir(LER)
    hoje = hoje or date.today()
    regras = parametros.vigente(sessao, "conselho_fiscalizacao", hoje)
    itens = []
    for v in armazem.visitas(sessao.db):
        realizada = date.fromisoformat(v["realizada_em"]) if v["realizada_em"] else None
        sv = regra.situacao_visita(date.fromisoformat(v["prevista_para"]), v["semestre"], realizada, hoje,
                                   regras.visita_tolerancia_dias)
        if sv:
            itens.append({"tipo": "visita", "situacao": sv, "visita_id": v["id"], "entidade": v["nome"],
                          "limite": v["prevista_para"] if sv == regra.ATRASADA
                          else regra.limites_do_semestre(v["semestre"])[1].isoformat(),
                          "descricao": (f"Visita à {v['nome']} prevista para "
                                        f"{formato.data(date.fromisoformat(v['prevista_para']))} não registrada"
                                        + (" — o semestre acabou (art. 34 §ún.)" if sv == regra.VENCIDA else ""))})
        comunicada = (datetime.fromisoformat(v["comunicada_em"]).astimezone().replace(tzinfo=None)
                      if v["comunicada_em"] else None)
        sc = regra.situacao_comunicacao(realizada, v["irregularidades"], comunicada, hoje,
                                        regras.comunicacao_irregularidade_horas)
        if sc:
            limite = regra.limite_comunicacao(realizada, regras.comunicacao_irregularidade_horas)
            itens.append({"tipo": "comunicacao", "situacao": sc, "visita_id": v["id"], "entidade": v["nome"],
                          "limite": limite.isoformat(),
                          "descricao": (f"Irregularidade na {v['nome']} (visita de {formato.data(realizada)}) "
                                        + ("ainda não comunicada ao CMDCA e ao Ministério Público (art. 34)"
                                           if sc == regra.ATRASADA else "comunicada depois do prazo"))})
    ativas = armazem.contar_entidades_ativas(sessao.db)
    semestre = regra.semestre_de(hoje)
    sem_plano = bool(ativas) and not armazem.contar_visitas_do_semestre(sessao.db, semestre)
    return {"itens": itens, "sem_plano": sem_plano, "semestre": semestre,
            "visitas_atrasadas": sum(1 for i in itens if i["tipo"] == "visita"),
            "comunicacoes_atrasadas": sum(1 for i in itens if i["tipo"] == "comunicacao"
                                          and i["situacao"] == regra.ATRASADA),
            "comunicadas_fora_do_prazo": sum(1 for i in itens if i["situacao"] == regra.FORA_DO_PRAZO),
            "fundamento": regras.fundamento}
