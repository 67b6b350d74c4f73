"""Documentos registrados do Conselho: notificação, ofício, requisição, termo de medida e escala impressa.

Documentos de caso exigem quem pode agir no caso (``exigir_conteudo``: conselheiro em exercício, não
impedido). A referência no registro de documentos é só o número do atendimento — nunca nomes.
"""
from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, timedelta

from desktop.reports.conselho import documentos as pdf
from desktop.reports.conselho import escala as pdf_escala
from desktop.rules.conselho.atendimentos import MEDIDAS, fundamento_medida
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import atendimentos as armazem

from .. import documentos, emissores
from ..sessao import ErroNegocio, Sessao
from .comum import exigir_conteudo, feriados, registrar_leitura
from .escala import carga, listar
from desktop.rules import formato


def _municipio(sessao: Sessao) -> str:
    e = emissores.do_modulo(sessao.db, "conselho")
    return f"{e.municipio}-{e.uf}"


def _caso(sessao: Sessao, atendimento_id: str) -> tuple[dict, dict]:
    c = exigir_conteudo(sessao, atendimento_id, editar=True)
    a = armazem.completo(sessao.db, atendimento_id)
    if a is None:
        raise ErroNegocio("Atendimento não encontrado.")
    return c, a


ASSUNTO_ESCALA = "conselho:escala"
"""Assunto das escalas impressas (``conselho:escala:<início>:<fim>``): a troca de plantão as substitui."""
DOMINIO_CASO = "conselho_caso"
"""Os PDFs do caso são conteúdo sigiloso (ECA, art. 143): guardados no domínio do caso."""


def assunto_termo(atendimento_id: str, decisao_id: str | None = None) -> str:
    """O assunto (só ids, nunca conteúdo) dos termos de medida de um caso: uma emenda que muda quem o termo
    identifica (nome, filiação, crianças) marca-os substituídos (``documentos_vias.substituir_assunto``)."""
    return f"{assunto_atendimento(atendimento_id)}:termo" + (f":{decisao_id}" if decisao_id else "")


def assunto_atendimento(atendimento_id: str) -> str:
    """O prefixo do assunto de todos os documentos de um atendimento (a tela do caso os lista para reabrir e
    pedir nova via); cada documento acrescenta o seu tipo (``:notificacao``, ``:termo:<decisão>``...)."""
    return f"conselho_caso:{atendimento_id}"


def receita_caso(doc: pdf.DocumentoCaso, atendimento_id: str | None) -> dict:
    """Os dados do documento, guardados com ele (no arquivo sigiloso, se de caso) para a nova via."""
    return {"modelo": "caso", "atendimento_id": atendimento_id, "doc": asdict(doc)}


def _emitir(sessao: Sessao, doc: pdf.DocumentoCaso, registro_id: str, assunto: str | None = None, *, via: int = 1,
            original_id: str | None = None) -> documentos.Emitido:
    assunto = assunto or f"{assunto_atendimento(registro_id)}:{doc.tipo.removeprefix('conselho_')}"
    e = documentos.emitir(sessao, tipo=doc.tipo, titulo=pdf.TITULOS[doc.tipo],
                          montar=lambda cab, rod: pdf.gerar(cab, rod, doc), referencia=doc.referencia,
                          dominio=DOMINIO_CASO, assunto=assunto,
                          receita=receita_caso(doc, registro_id), via=via, original_id=original_id)
    registrar_leitura(sessao, registro_id, {"acao": "emitir", "documento": doc.tipo, "codigo": e.codigo})
    return e


def emitir_notificacao(sessao: Sessao, atendimento_id: str, destinatario: str, comparecer_em: datetime,
                       assunto: str = "") -> documentos.Emitido:
    """Notificação para comparecer à sede do Conselho (ECA, art. 136; Lei 320/2023, art. 21 §3º)."""
    c, a = _caso(sessao, atendimento_id)
    if not (destinatario or "").strip():
        raise EntradaInvalida("Informe o nome do notificado.")
    texto = (f"Fica V. Sa. NOTIFICADO(A) a comparecer à sede do Conselho Tutelar em "
             f"{formato.data(comparecer_em)} às {comparecer_em:%H:%M}, para tratar de assunto referente ao atendimento nº "
             f"{a['numero']}/{a['ano']}" + (f": {assunto.strip()}" if assunto.strip() else ".") +
             " O não comparecimento injustificado pode caracterizar a infração do ECA, art. 249.")
    doc = pdf.DocumentoCaso("conselho_notificacao", f"Atendimento nº {a['numero']}/{a['ano']}", destinatario.strip(),
                            (texto,), ("ECA (Lei 8.069/1990), art. 136, I e II", "Lei 320/2023, art. 21"),
                            _municipio(sessao), date.today(), c["nome"])
    return _emitir(sessao, doc, atendimento_id)


def emitir_oficio(sessao: Sessao, atendimento_id: str, destinatario: str, assunto: str, texto: str) -> documentos.Emitido:
    """Ofício do Conselho (comunicação da decisão aos interessados, art. 21 §2º, ou à rede)."""
    c, a = _caso(sessao, atendimento_id)
    if not (destinatario or "").strip() or not (texto or "").strip():
        raise EntradaInvalida("Informe o destinatário e o texto do ofício.")
    doc = pdf.DocumentoCaso("conselho_oficio", f"Atendimento nº {a['numero']}/{a['ano']}", destinatario.strip(),
                            tuple(x for x in (f"Assunto: {assunto.strip()}" if assunto else "", texto.strip()) if x),
                            ("Lei 320/2023, art. 21 §2º", "ECA, art. 136"), _municipio(sessao), date.today(), c["nome"])
    return _emitir(sessao, doc, atendimento_id)


def emitir_requisicao(sessao: Sessao, requisicao_id: str) -> documentos.Emitido:
    """A requisição de serviço gravada (ECA, art. 136, III, a; Lei 320/2023, art. 37), com o prazo."""
    exigir_conteudo(sessao, editar=True)  # antes de qualquer consulta ao arquivo sigiloso
    r = armazem.linha_do_caso(sessao.db, "conselho_requisicoes", requisicao_id)
    if r is None:
        raise ErroNegocio("Requisição não encontrada.")
    c, a = _caso(sessao, r["atendimento_id"])
    texto = (f"O Conselho Tutelar, no uso da atribuição do art. 136, III, a, da Lei 8.069/1990, REQUISITA: "
             f"{r['servico']}. A requisição deve ser cumprida de forma gratuita e prioritária (Lei 320/2023, art. 37) "
             f"até {formato.data(date.fromisoformat(r['prazo']))}, com resposta por escrito a este Conselho. O "
             "descumprimento injustificado pode caracterizar o crime do ECA, art. 236.")
    doc = pdf.DocumentoCaso("conselho_requisicao", f"Atendimento nº {a['numero']}/{a['ano']}", r["orgao"], (texto,),
                            ("ECA, art. 136, III, a", "Lei 320/2023, arts. 22 e 37"), _municipio(sessao),
                            date.fromisoformat(r["emitida_em"]), c["nome"],
                            (("Prazo", formato.data(date.fromisoformat(r["prazo"]))),))
    return _emitir(sessao, doc, r["atendimento_id"])


def _filiacao(c: dict, familiares: list[dict]) -> str:
    """Mãe, pai e responsável da criança; na falta, os familiares do caso com esse vínculo (ECA, art. 101 §3º, I:
    qualificação dos pais ou do responsável, se conhecidos)."""
    partes = [f"{rot}: {c[k]}" for k, rot in (("mae", "mãe"), ("pai", "pai"), ("responsavel", "responsável"))
              if c.get(k)]
    if not partes:
        partes = [f"{(f['vinculo'] or 'familiar').strip()}: {f['nome']}" for f in familiares
                  if (f["vinculo"] or "").strip().lower() in ("mãe", "mae", "pai", "responsável", "responsavel")]
    return "; ".join(partes) or "não conhecida"


def _identificacao(medidas: list[dict], criancas: list[dict], familiares: list[dict]) -> tuple[tuple[str, str], ...]:
    """Quem a medida alcança: cada criança indicada nas medidas (ou todas as do caso, se a medida não indica uma),
    com nome, nascimento e filiação."""
    ids = {mm["crianca_id"] for mm in medidas if mm["crianca_id"]}
    alvo = [c for c in criancas if c["id"] in ids] if ids and all(mm["crianca_id"] for mm in medidas) else criancas
    linhas: list[tuple[str, str]] = []
    for c in alvo:
        nasc = formato.data(date.fromisoformat(c["nascimento"])) if c["nascimento"] else "não informado"
        linhas += [("Criança/adolescente", c["nome"]), ("Nascimento", nasc), ("Filiação", _filiacao(c, familiares))]
    return tuple(linhas)


def _situacao_colegiado(d: dict) -> str:
    """O que o termo diz da ratificação (Lei 320/2023, art. 21 §1º e art. 43 §ún., XII), conforme o que está
    gravado agora: a ratificação ou retificação só existe votada em sessão do colegiado, com quórum."""
    origem = " tomada em plantão" if d["emergencial"] else " individual"
    if d["colegiado"] in ("ratificada", "retificada"):
        texto = (f"{origem} e {d['colegiado'].upper()} pelo colegiado em "
                 f"{formato.data(datetime.fromisoformat(d['colegiado_em']))}, em sessão com quórum (Lei 320/2023, art. 21)")
        return texto + (f": {d['retificacao']}" if d["colegiado"] == "retificada" else "")
    if d["emergencial"]:
        return (f" tomada em plantão, sujeita a ratificação do colegiado até "
                f"{formato.data(date.fromisoformat(d['ratificar_ate']))} (Lei 320/2023, art. 21 §1º)")
    return " individual, sujeita a ratificação do colegiado na próxima sessão (Lei 320/2023, art. 43 §ún., XII)"


def emitir_termo_medida(sessao: Sessao, decisao_id: str, destinatario: str) -> documentos.Emitido:
    """Termo das medidas aplicadas na decisão (ECA, arts. 101 e 129), com a motivação (art. 21 §2º), quem a
    medida alcança (nome, nascimento e filiação — no acolhimento, ECA, art. 101 §3º, I) e a situação da
    ratificação. Documento sigiloso: o PDF fica no arquivo do sigilo (``DOMINIO_CASO``)."""
    exigir_conteudo(sessao, editar=True)
    d = armazem.linha_do_caso(sessao.db, "conselho_decisoes", decisao_id)
    if d is None:
        raise ErroNegocio("Decisão não encontrada.")
    c, a = _caso(sessao, d["atendimento_id"])
    medidas = [mm for mm in a["medidas"] if mm["decisao_id"] == decisao_id]
    if not medidas:
        raise ErroNegocio("Esta decisão não aplicou medidas; emita um ofício para comunicá-la.")
    itens = _identificacao(medidas, a["criancas"], a["familiares"]) + tuple(
        (f"Art. {mm['codigo'].replace('-', ', ')}", MEDIDAS[mm["codigo"]]) for mm in medidas)
    texto = [f"O Conselho Tutelar, em decisão de {formato.momento(datetime.fromisoformat(d['decidida_em']), hora_local=False)}"
             + _situacao_colegiado(d)
             + f", aplica as medidas acima. Decisão: {d['descricao']}. Motivação: {d['motivacao']}.",
             "Em caso de discordância, o interessado pode pedir a revisão ao Poder Judiciário (ECA, art. 137)."]
    if any(mm["codigo"] == "101-VII" for mm in medidas):
        texto.append("Acolhimento institucional em caráter excepcional e de urgência (ECA, art. 93): a entidade "
                     "comunica o fato ao juízo da infância e da juventude em até 24 horas. A identificação da criança "
                     "ou do adolescente e a qualificação dos pais ou do responsável, se conhecidos, estão acima "
                     "(ECA, art. 101 §3º, I).")
    doc = pdf.DocumentoCaso("conselho_termo_medida", f"Atendimento nº {a['numero']}/{a['ano']}", destinatario,
                            tuple(texto), tuple(sorted({fundamento_medida(mm["codigo"]) for mm in medidas})),
                            _municipio(sessao), date.today(), c["nome"], itens)
    return _emitir(sessao, doc, d["atendimento_id"], assunto_termo(d["atendimento_id"], decisao_id))


def emitir_escala(sessao: Sessao, inicio: date, fim: date, *, via: int = 1,
                  original_id: str | None = None) -> documentos.Emitido:
    """A escala do período, impressa, com a carga de cada conselheiro (arts. 19 e 20)."""
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    sessao.exigir(Permissao.CONSELHO_LER)
    plantoes = listar(sessao, inicio, fim)
    if not plantoes:
        raise ErroNegocio("Não há escala gravada neste período.")
    nomes = {p["conselheiro_id"]: p["nome"] for p in plantoes}
    dias_feriado = feriados(sessao.db, inicio, fim + timedelta(days=1))
    linhas = [pdf_escala.LinhaEscala(datetime.fromisoformat(p["inicio"]), datetime.fromisoformat(p["fim"]), p["tipo"],
                                     p["nome"], p["modalidade"], dias_feriado.get(date.fromisoformat(p["inicio"][:10]), ""))
              for p in plantoes]
    cg = [(nomes[k], v["noites"], v["dias"], v["horas"]) for k, v in sorted(carga(sessao, inicio, fim).items(),
                                                                             key=lambda x: nomes[x[0]])]
    return documentos.emitir(sessao, tipo="conselho_escala", titulo=pdf_escala.TITULO,
                             montar=lambda cab, rod: pdf_escala.gerar(cab, rod, inicio, fim, linhas, cg),
                             referencia=f"{formato.data(inicio)} a {formato.data(fim)}",
                             assunto=f"{ASSUNTO_ESCALA}:{inicio.isoformat()}:{fim.isoformat()}",
                             receita={"modelo": "escala", "inicio": inicio.isoformat(), "fim": fim.isoformat()},
                             via=via, original_id=original_id)
