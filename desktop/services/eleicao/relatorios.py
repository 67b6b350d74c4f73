"""Emissão registrada (e verificável) dos documentos do processo de escolha: listas, boletim, ata e resultado oficial."""
from __future__ import annotations

import json
from datetime import date, datetime

from desktop.reports.eleicao import documentos as pdf
from desktop.rules.eleicao import atos as regra_atos
from desktop.rules.eleicao.calendario import ETAPAS
from desktop.rules.papeis import NOMES_FUNCAO, FuncaoApuracao, Permissao
from desktop.store import usuarios as armazem_usuarios
from desktop.store.eleicao import candidaturas as armazem_cand
from desktop.store.eleicao import votacao as armazem

from .. import documentos
from ..documentos import Emitido
from ..sessao import ErroNegocio, Sessao
from desktop.store import documentos as registro_documentos

from .comum import assunto_documento, documentos_sem_assunto, processo_ou_erro
from . import designacoes
from .resultado import apurar, exigir_completa
from desktop.rules import formato

SITUACOES = {"inscrito": "Inscrito", "indeferido": "Indeferido", "reprovado": "Reprovado na prova",
             "impugnado": "Impugnado", "habilitado": "Habilitado"}


def _processo(p: dict) -> pdf.Processo:
    return pdf.Processo(p["ano"], date.fromisoformat(p["eleicao"]), date.fromisoformat(p["posse"]),
                        date.fromisoformat(p["fim_mandato"]),
                        [(rotulo.capitalize(), date.fromisoformat(p[c])) for c, rotulo in ETAPAS],
                        (date.fromisoformat(p["publicacao_inscritos"]), date.fromisoformat(p["impugnacao_fim"])))


def _linha(c: dict) -> pdf.LinhaCandidato:
    motivo = "" if c["situacao"] == "habilitado" and not c["sub_judice"] else c["motivo"]
    return pdf.LinhaCandidato(c["numero"], c["nome_urna"], SITUACOES[c["situacao"]], motivo)


def emitir_lista(sessao: Sessao, processo_id: str, *, habilitados: bool) -> Emitido:
    """Edital com a lista de inscritos (art. 11 §2º) ou a lista de habilitados homologada (art. 11 §6º)."""
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    sessao.exigir(Permissao.ELEICAO_LER)
    p = processo_ou_erro(sessao.db, processo_id)
    if motivo := regra_atos.recusa_documento_lista(regra_atos.Atos.do_processo(p), habilitados):
        raise ErroNegocio(motivo)
    cands = armazem_cand.candidaturas(sessao.db, processo_id, "habilitado" if habilitados else None)
    tipo = "eleicao_habilitados" if habilitados else "eleicao_inscritos"
    titulo = "Lista de habilitados" if habilitados else "Edital — lista de inscritos"
    assunto = assunto_documento(processo_id, tipo)
    legados = documentos_sem_assunto(sessao.db, p, tipo, validos=False)  # emitidos antes de terem assunto
    substitui = [_substituido(d) for d in [*legados, *registro_documentos.sem_substituto(sessao.db, tipo, assunto)]]
    # os do mesmo assunto e os sem assunto ficam ligados ao novo na transação da emissão (o verificador o aponta)
    return documentos.emitir(
        sessao, tipo=tipo, titulo=titulo, referencia=f"Processo de escolha {p['ano']}", assunto=assunto,
        substitui_ids=[d["id"] for d in legados],
        montar=lambda cab, rod: pdf.lista_candidatos(cab, rod, _processo(p), [_linha(c) for c in cands],
                                                     habilitados=habilitados, substitui=substitui))


def _substituido(d: dict) -> str:
    """O documento que o novo substitui, como o novo o cita: número, código, emissão e o motivo (a retificação)."""
    return (f"o {d['titulo']} nº {d['numero']}/{d['ano']} (código {d['codigo']}), emitido em "
            f"{formato.data(d['emitido_em'], hora_local=True)}, que deixou de valer em "
            f"{formato.data(d['substituido_em'], hora_local=True)}: {d['motivo_substituicao']}")


def _dados_boletim(sessao: Sessao, b: dict, nomes: dict[int, str]) -> pdf.DadosBoletim:
    ds = armazem.digitacoes(sessao.db, b["secao_id"])
    supervisor = None
    if b["resolvido_por"]:
        supervisor = armazem_usuarios.nome_por_id(sessao.db, b["resolvido_por"])
    recontagens = [f"Recontado por {r['feita_por_nome']} em {formato.momento(r['feita_em'])} ({r['boletim_papel']}): "
                   f"{r['motivo']}. Os números acima são os da recontagem (Lei 320/2023, art. 9º)."
                   for r in armazem.recontagens(sessao.db, b["processo_id"])
                   if r["secao_id"] == b["secao_id"] and r["tipo"] == "recontagem"]
    return pdf.DadosBoletim(b["secao"], b["local"], b["tipo"], b["aptos"], b["comparecimento"], b["brancos"],
                            b["nulos"], [(n, nomes.get(n, "?"), v) for n, v in sorted(b["votos"].items())],
                            b["origem"], [d["usuario_nome"] for d in ds], supervisor, b["justificativa"],
                            recontagens)


def emitir_boletim(sessao: Sessao, secao_id: str) -> Emitido:
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    sessao.exigir(Permissao.ELEICAO_LER)
    s = armazem.secao(sessao.db, secao_id)
    if s is None:
        raise ErroNegocio("Seção não encontrada.")
    p = processo_ou_erro(sessao.db, s["processo_id"])
    b = next((x for x in armazem.boletins(sessao.db, p["id"]) if x["secao_id"] == secao_id), None)
    if b is None:
        raise ErroNegocio(f"A seção {s['numero']} ainda não foi apurada (falta a dupla digitação ou o supervisor).")
    nomes = {c["numero"]: c["nome_urna"] for c in armazem_cand.candidaturas(sessao.db, p["id"])}
    dados = _dados_boletim(sessao, b, nomes)
    return documentos.emitir(sessao, tipo="eleicao_boletim", titulo="Boletim de seção",
                             referencia=f"Processo {p['ano']}, seção {s['numero']}",
                             assunto=f"{assunto_documento(p['id'], 'eleicao_boletim')}:{secao_id}",
                             montar=lambda cab, rod: pdf.boletim(cab, rod, _processo(p), dados))


def _dados_resultado(sessao: Sessao, processo_id: str):
    a = apurar(sessao, processo_id)
    r, t = a.resultado, a.totais
    linhas = [pdf.LinhaResultado(c.posicao, c.numero, c.nome, c.votos, str(c.percentual),
                                 f"{c.ordem}º {c.situacao}",
                                 "; ".join(x for x in (c.impedimento and "Impedido (art. 15): fica entre os suplentes",
                                                       c.sub_judice and "Sub judice") if x))
              for c in r.colocados]
    fora = [_linha(c) for c in armazem_cand.candidaturas(sessao.db, processo_id) if c["situacao"] != "habilitado"]
    p = a.processo
    dados = pdf.DadosResultado(linhas, a.secoes_apuradas, t.aptos, t.comparecimento, t.brancos, t.nulos,
                               t.validos, [e.explicacao for e in r.empates], list(r.impedimentos),
                               list(r.avisos), fora,
                               date.fromisoformat(p["resultado_publicado_em"]) if p["resultado_publicado_em"] else None,
                               date.fromisoformat(p["contestacao_fim"]) if p["contestacao_fim"] else None)
    return a, dados


def _recusa_apos_apuracao(a, acao: str, campo: str, falta: str) -> str | None:
    """Por que um documento da apuração não sai: seção não aceita (art. 14 §1º) ou o ato que ele documenta ainda não
    registrado no processo (``campo`` vazio: ``falta``, com o artigo)."""
    try:
        exigir_completa(a, acao)
    except ErroNegocio as e:
        return str(e)
    return None if a.processo[campo] else falta


def _recusa_resultado(a) -> str | None:
    return _recusa_apos_apuracao(
        a, "emitir o resultado oficial", "resultado_publicado_em",
        "Publique o resultado antes (aba Auditoria e posse › Publicar resultado): a publicação abre o prazo de "
        "contestação que o documento oficial informa (Lei 320/2023, art. 14 §1º).")


def _recusa_ata(a) -> str | None:
    return _recusa_apos_apuracao(
        a, "lavrar a ata", "apuracao_inicio",
        "Registre a sessão de apuração (início, local e membros presentes, na aba Auditoria e posse) antes de lavrar "
        "a ata: ela diz quem da comissão especial conduziu a apuração (Lei 320/2023, arts. 7º §1º d e 11).")


def por_que_sem_documento(sessao: Sessao, processo_id: str) -> dict[str, str]:
    """Para a aba Documentos, antes de oferecer os botões: por que o edital dos inscritos (art. 11 §2º), a lista de
    habilitados (art. 11 §6º), a ata e o resultado oficial (art. 14 §1º) não sairiam hoje, com o artigo — as mesmas
    recusas de quem emite; os que sairiam ficam de fora. O boletim depende da seção escolhida e é conferido ao emitir."""
    sessao.exigir(Permissao.ELEICAO_LER)
    atos = regra_atos.Atos.do_processo(processo_ou_erro(sessao.db, processo_id))
    a = apurar(sessao, processo_id)
    motivos = {"inscritos": regra_atos.recusa_documento_lista(atos, False),
               "habilitados": regra_atos.recusa_documento_lista(atos, True),
               "ata": _recusa_ata(a), "resultado": _recusa_resultado(a)}
    return {qual: motivo for qual, motivo in motivos.items() if motivo}


def emitir_resultado(sessao: Sessao, processo_id: str) -> Emitido:
    """Resultado oficial (art. 14 §1º): exige todas as seções aceitas e o resultado publicado (com o prazo de contestação)."""
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    sessao.exigir(Permissao.ELEICAO_LER)
    a, dados = _dados_resultado(sessao, processo_id)
    if motivo := _recusa_resultado(a):
        raise ErroNegocio(motivo)
    p = a.processo
    return documentos.emitir(sessao, tipo="eleicao_resultado", titulo="Resultado oficial do processo de escolha",
                             referencia=f"Processo de escolha {p['ano']}",
                             assunto=assunto_documento(processo_id, "eleicao_resultado"),
                             montar=lambda cab, rod: pdf.resultado_oficial(cab, rod, _processo(p), dados))


def _hora(iso: str | None) -> str | None:
    if not iso:
        return None
    d = datetime.fromisoformat(iso)
    return f"{formato.data(d)}, às {d:%H}h{d:%M}"


def _sessao_apuracao(sessao: Sessao, p: dict) -> pdf.DadosSessaoApuracao:
    db = sessao.db
    designados = [f"{d['nome']} — {NOMES_FUNCAO[FuncaoApuracao(d['funcao'])].lower()} ({d['ato']})"
                  for d in designacoes.listar(sessao, p["id"])]
    ocorrencias = []
    for b in armazem.boletins(db, p["id"]):
        if b["origem"] == "supervisor":
            sup = armazem_usuarios.nome_por_id(db, b["resolvido_por"])
            ocorrencias.append(f"Seção {b['secao']}: digitações divergentes; o supervisor {sup} decidiu os "
                               f"valores: {b['justificativa']}")
    for r in armazem.recontagens(db, p["id"]):
        quando = formato.momento(r["feita_em"])  # gravado em UTC; na ata, a hora local
        if r["tipo"] == "divergencia":
            ocorrencias.append(f"Seção {r['secao']}: recontagem do papel ({r['boletim_papel']}) por "
                               f"{r['feita_por_nome']} em {quando}, para resolver a divergência.")
        else:
            ocorrencias.append(f"Seção {r['secao']}: boletim aceito recontado por {r['feita_por_nome']} em {quando} "
                               f"({r['boletim_papel']}): {r['motivo']}. Comparecimento {r['antes']['comparecimento']} → "
                               f"{r['depois']['comparecimento']}; votos antes {r['antes']['votos']}, depois "
                               f"{r['depois']['votos']}.")
    for i in armazem.auditorias(db, p["id"]):
        alertas = "; ".join(x["mensagem"] for x in i["alertas"])
        decisao = (f"liberado por {i['liberada_por_nome']}: {i['motivo']}" if i["situacao"] == "liberada"
                   else "ainda pendente")
        ocorrencias.append(f"Seção {i['secao']} na fila de auditoria ({alertas}); {decisao}.")
    data = datetime.fromisoformat(p["apuracao_fim"] or p["apuracao_inicio"]).date()
    return pdf.DadosSessaoApuracao(data, _hora(p["apuracao_inicio"]), _hora(p["apuracao_fim"]), p["apuracao_local"],
                                   json.loads(p["apuracao_membros"]), designados, ocorrencias)


def emitir_ata(sessao: Sessao, processo_id: str) -> Emitido:
    """Ata da apuração: exige as seções todas aceitas e a sessão de apuração registrada (hora, local, presentes)."""
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    sessao.exigir(Permissao.ELEICAO_LER)
    a, dados = _dados_resultado(sessao, processo_id)
    if motivo := _recusa_ata(a):
        raise ErroNegocio(motivo)
    p = a.processo
    nomes = {c["numero"]: c["nome_urna"] for c in armazem_cand.candidaturas(sessao.db, processo_id)}
    boletins = [_dados_boletim(sessao, b, nomes) for b in armazem.boletins(sessao.db, processo_id)]
    dados_sessao = _sessao_apuracao(sessao, p)
    return documentos.emitir(sessao, tipo="eleicao_ata", titulo="Ata de apuração",
                             referencia=f"Processo de escolha {p['ano']}",
                             assunto=assunto_documento(processo_id, "eleicao_ata"),
                             montar=lambda cab, rod: pdf.ata_apuracao(cab, rod, _processo(p), dados, boletins,
                                                                      dados_sessao))
