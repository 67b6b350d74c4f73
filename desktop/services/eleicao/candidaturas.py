"""Candidaturas: inscrição individual, análise documental por requisito, prova, parentesco e homologação (arts. 5º II, 12, 13 e 15)."""
from __future__ import annotations

from datetime import date

from desktop.rules import validacao
from desktop.rules import formato
from desktop.rules.eleicao import atos as regra_atos
from desktop.rules.eleicao import requisitos as regra_requisitos
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import cadastros as armazem_cadastros
from desktop.store.eleicao import candidaturas as armazem
from desktop.store.ids import agora, novo_id

from .. import cadastros, parametros
from ..sessao import ErroNegocio, Sessao
from .comum import calendario_de, candidatura_ou_erro, hoje, processo_ou_erro, recalcular


def inscrever(sessao: Sessao, processo_id: str, *, nome: str, cpf: str, nascimento: date,
              residencia_desde: date, experiencia_meses: int, numero: int, inscrito_em: date,
              nome_urna: str | None = None, documentos: dict[str, str] | None = None) -> dict:
    """Inscreve uma pessoa (candidatura individual, art. 5º II) com o checklist do art. 12 §2º.

    ``documentos``: {requisito: documento apresentado}. Idade, residência e experiência já
    reprovadas pelas datas informadas são indeferidas na hora, com o artigo no motivo.
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    if motivo := regra_atos.inscricoes_fechadas(regra_atos.Atos.do_processo(proc)):  # antes de tudo: o edital
        raise ErroNegocio(motivo)
    nome = validacao.obrigatorio(nome, "o nome")
    cpf = validacao.cpf(cpf)
    if not isinstance(numero, int) or isinstance(numero, bool) or not 1 <= numero <= 99999:
        raise EntradaInvalida("O número do candidato deve ser um inteiro de 1 a 99999 (Lei 320/2023, art. 5º II).")
    if not isinstance(experiencia_meses, int) or isinstance(experiencia_meses, bool) or experiencia_meses < 0:
        raise EntradaInvalida("A experiência deve ser informada em meses (inteiro, zero ou mais) "
                              "(Lei 320/2023, art. 12 §2º VII e §8º).")
    if motivo := regra_atos.recusa_inscricao(regra_atos.Atos.do_processo(proc), calendario_de(proc), inscrito_em,
                                             hoje()):
        raise EntradaInvalida(motivo)
    if nascimento >= inscrito_em or residencia_desde > inscrito_em:
        raise EntradaInvalida("Nascimento e início da residência devem ser anteriores à data da inscrição "
                              "(Lei 320/2023, art. 12 §2º II e III).")
    documentos = documentos or {}
    for codigo in documentos:
        regra_requisitos.requisito(codigo)
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    reprovados = regra_requisitos.conferencias_objetivas(
        nascimento=nascimento, residencia_desde=residencia_desde, experiencia_meses=experiencia_meses,
        referencia=inscrito_em, regras=regras)
    db = sessao.db
    pessoa = armazem_cadastros.pessoa_por_cpf(db, cpf)
    if pessoa and armazem.inscrito_no_processo(db, processo_id, pessoa["id"]):
        raise ErroNegocio(f"{pessoa['nome']} já está inscrito(a) neste processo: a candidatura é "
                          "individual e única (Lei 320/2023, art. 5º II).")
    if armazem.numero_em_uso(db, processo_id, numero):
        raise ErroNegocio(f"O número {numero} já é de outro candidato deste processo.")
    momento = agora()
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        if pessoa is None:  # mesma transação (savepoint): sem candidatura, sem pessoa
            pessoa = cadastros.cadastrar_pessoa(sessao, nome=nome, cpf=cpf,
                                                nascimento=nascimento)
        elif pessoa["nascimento"] != nascimento.isoformat():
            raise ErroNegocio(f"O CPF {validacao.formatar_cpf(cpf)} já está cadastrado com outra data de "
                              f"nascimento ({formato.data(pessoa['nascimento'])}); confira os dados.")
        linha = {"id": novo_id(), "processo_id": processo_id, "pessoa_id": pessoa["id"], "numero": numero,
                 "nome_urna": (nome_urna or nome).strip(), "inscrito_em": inscrito_em.isoformat(),
                 "residencia_desde": residencia_desde.isoformat(), "experiencia_meses": experiencia_meses,
                 "situacao": "inscrito", "motivo": "Análise documental pendente", "sub_judice": 0,
                 "criado_em": momento, "atualizado_em": momento}
        m.inserir("eleicao_candidaturas", linha)
        for r in regra_requisitos.REQUISITOS:
            motivo = reprovados.get(r.codigo)
            req = {"id": novo_id(), "candidatura_id": linha["id"], "requisito": r.codigo,
                   "documento": (documentos.get(r.codigo) or "").strip(),
                   "situacao": "indeferido" if motivo else "pendente", "motivo": motivo,
                   "analisado_por": sessao.usuario.id if motivo else None,
                   "analisado_em": momento if motivo else None}
            m.inserir("eleicao_requisitos", req)
        return recalcular(m, linha["id"])


def pessoa_por_cpf(sessao: Sessao, cpf: str) -> dict | None:
    """A pessoa já cadastrada com o CPF (para a inscrição reaproveitar nome e nascimento)."""
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem_cadastros.pessoa_por_cpf(sessao.db, validacao.cpf(cpf))


def requisitos_da_lei() -> list[dict]:
    """O checklist do art. 12 §2º (e ECA art. 133): código, descrição, documento exigido e artigo."""
    return [{"codigo": r.codigo, "descricao": r.descricao, "documento": r.documento, "artigo": r.artigo}
            for r in regra_requisitos.REQUISITOS]


def previa_requisitos(sessao: Sessao, processo_id: str, *, nascimento: date | None, residencia_desde: date | None,
                      experiencia_meses: int | None, inscrito_em: date) -> dict[str, str]:
    """O que as datas informadas já reprovam, antes de gravar: {requisito: motivo com o artigo}."""
    sessao.exigir(Permissao.ELEICAO_LER)
    proc = processo_ou_erro(sessao.db, processo_id)
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    motivos = {
        "idade": nascimento and regra_requisitos.conferir_idade(nascimento, inscrito_em, regras),
        "residencia": residencia_desde and regra_requisitos.conferir_residencia(residencia_desde, inscrito_em, regras),
        "experiencia": experiencia_meses is not None and regra_requisitos.conferir_experiencia(experiencia_meses, regras),
    }
    return {k: v for k, v in motivos.items() if v}


def ler_nota(texto: str):
    """A nota digitada (0 a 100, até duas casas; vírgula ou ponto), ou ``EntradaInvalida`` (art. 12 §9º)."""
    return regra_requisitos.nota(texto)


def _reprovacao_automatica(sessao: Sessao, cand: dict, proc: dict) -> dict[str, str]:
    """O que as datas da candidatura reprovam (idade, residência, experiência), pela regra vigente."""
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    return regra_requisitos.conferencias_objetivas(
        nascimento=date.fromisoformat(cand["nascimento"]), residencia_desde=date.fromisoformat(cand["residencia_desde"]),
        experiencia_meses=cand["experiencia_meses"], referencia=date.fromisoformat(cand["inscrito_em"]),
        regras=regras)


def analisar_requisito(sessao: Sessao, candidatura_id: str, requisito: str, *, deferido: bool,
                       motivo: str | None = None, documento: str | None = None,
                       decisao_comissao: str | None = None, fundamento_decisao: str | None = None) -> dict:
    """Análise documental de um requisito (art. 7º §1º II): deferido, ou indeferido com o motivo.

    Requisito que as datas informadas reprovam (residência, experiência) só se defere com a decisão
    da comissão especial registrada (``decisao_comissao``: a ata/deliberação), a sua base legal
    (``fundamento_decisao``) e o documento que prova o requisito. A idade nunca: ter mais de 21 anos
    é requisito da lei federal que nenhuma decisão supre (ECA art. 133 II; Lei 320/2023, art. 12 §2º II).
    """
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    r = regra_requisitos.requisito(requisito)
    cand = candidatura_ou_erro(sessao.db, candidatura_id)
    proc = processo_ou_erro(sessao.db, cand["processo_id"])
    if recusa := regra_atos.recusa_analise(regra_atos.Atos.do_processo(proc), "analisar"):
        raise ErroNegocio(recusa)
    falha = _reprovacao_automatica(sessao, cand, proc).get(requisito) if deferido else None
    if falha and requisito == "idade":
        raise ErroNegocio(f"A idade não pode ser deferida: {falha} Nenhuma decisão da comissão supre a idade "
                          "mínima da lei federal; corrija a data de nascimento se ela foi digitada errada.")
    decisao = None
    if falha:
        decisao_comissao = " ".join((decisao_comissao or "").split())
        fundamento_decisao = " ".join((fundamento_decisao or "").split())
        if len(decisao_comissao) < 10 or len(fundamento_decisao) < 5:
            raise ErroNegocio(f"\"{r.descricao}\" foi reprovado pelas datas informadas: {falha} Só a comissão "
                              "especial pode reverter, com a decisão registrada (ata ou deliberação), a base "
                              "legal e o documento que prova o requisito (Lei 320/2023, arts. 7º §1º b e 11 §3º II).")
    motivo = " ".join((motivo or "").split()) or None
    if not deferido and not motivo:
        raise EntradaInvalida(f"Diga o motivo do indeferimento de \"{r.descricao}\" ({r.artigo}).")
    antes = armazem.requisito(sessao.db, candidatura_id, requisito)
    doc = (documento if documento is not None else antes["documento"]).strip()
    if deferido and not doc:
        raise EntradaInvalida(f"Para deferir \"{r.descricao}\", registre o documento apresentado: "
                              f"{r.documento} ({r.artigo}).")
    if falha and documento is None:
        raise ErroNegocio(f"Para reverter a reprovação de \"{r.descricao}\", informe o documento que prova o "
                          f"requisito ({r.documento}) junto com a decisão da comissão ({r.artigo}).")
    if falha:
        decisao = {"id": novo_id(), "requisito_id": antes["id"], "decisao": decisao_comissao,
                   "fundamento": fundamento_decisao, "documento": doc, "motivo_automatico": falha,
                   "decidido_por": sessao.usuario.id, "decidido_em": agora()}
    novos = {"situacao": "deferido" if deferido else "indeferido", "motivo": None if deferido else motivo,
             "documento": doc, "analisado_por": sessao.usuario.id, "analisado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.alterar("eleicao_requisitos", antes["id"], novos)
        if decisao:
            m.inserir("eleicao_decisoes_requisito", decisao)
        return recalcular(m, candidatura_id)


def decisoes_da_comissao(sessao: Sessao, candidatura_id: str) -> list[dict]:
    """As decisões da comissão que reverteram reprovações automáticas desta candidatura."""
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.decisoes_da_comissao(sessao.db, candidatura_id)


def lancar_nota(sessao: Sessao, candidatura_id: str, nota) -> dict:
    """Nota da prova eliminatória (art. 12 §9º); abaixo do corte do edital, o candidato é eliminado."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    valor = regra_requisitos.nota(nota)
    cand = candidatura_ou_erro(sessao.db, candidatura_id)
    if motivo := regra_atos.recusa_analise(regra_atos.Atos.do_processo(processo_ou_erro(sessao.db, cand["processo_id"])),
                                           "nota"):
        raise ErroNegocio(motivo)
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.alterar("eleicao_candidaturas", candidatura_id, {"nota_prova": str(valor)}, so_os_campos=True)
        return recalcular(m, candidatura_id)


def declarar_parentesco(sessao: Sessao, candidatura_a: str, candidatura_b: str, vinculo: str) -> dict:
    """Registra o parentesco declarado entre dois candidatos do mesmo processo (art. 15)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    vinculo = validacao.obrigatorio(vinculo, "o vínculo (por exemplo, \"irmãos\", \"cônjuges\")")
    a, b = candidatura_ou_erro(sessao.db, candidatura_a), candidatura_ou_erro(sessao.db, candidatura_b)
    if a["id"] == b["id"] or a["processo_id"] != b["processo_id"]:
        raise ErroNegocio("O parentesco do art. 15 é entre dois candidatos diferentes do mesmo processo.")
    proc = processo_ou_erro(sessao.db, a["processo_id"])  # publicado o resultado, a classificação é a oficial
    if motivo := regra_atos.recusa_parentesco(regra_atos.Atos.do_processo(proc),
                                              len(armazem.candidaturas(sessao.db, proc["id"]))):
        raise ErroNegocio(motivo)
    a, b = sorted((a, b), key=lambda c: c["numero"])
    if armazem.parentesco_registrado(sessao.db, a["id"], b["id"]):
        raise ErroNegocio(f"O parentesco entre {a['numero']} e {b['numero']} já está registrado.")
    linha = {"id": novo_id(), "processo_id": a["processo_id"], "candidatura_a": a["id"],
             "candidatura_b": b["id"], "vinculo": vinculo, "declarado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.inserir("eleicao_parentescos", linha)
    return linha


def listar_candidaturas(sessao: Sessao, processo_id: str, situacao: str | None = None) -> list[dict]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.candidaturas(sessao.db, processo_id, situacao)


def checklist(sessao: Sessao, candidatura_id: str) -> list[dict]:
    """Os requisitos da candidatura com descrição, documento exigido e artigo."""
    sessao.exigir(Permissao.ELEICAO_LER)
    linhas = armazem.requisitos(sessao.db, candidatura_id)
    for l in linhas:
        r = regra_requisitos.POR_CODIGO[l["requisito"]]
        l.update(descricao=r.descricao, exigido=r.documento, artigo=r.artigo)
    return linhas


def listar_parentescos(sessao: Sessao, processo_id: str) -> list[dict]:
    sessao.exigir(Permissao.ELEICAO_LER)
    return armazem.parentescos(sessao.db, processo_id)


def homologar(sessao: Sessao, processo_id: str, *, justificativa_minimo: str | None = None) -> list[dict]:
    """Homologa a lista de habilitados (art. 11 §6º). Recusa análise pendente; com menos de dez
    habilitados, recusa (art. 13) salvo decisão do CMDCA de prosseguir, com justificativa."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proc = processo_ou_erro(sessao.db, processo_id)
    if motivo := regra_atos.recusa_homologacao(regra_atos.Atos.do_processo(proc), calendario_de(proc), hoje()):
        raise ErroNegocio(motivo)
    todos = armazem.candidaturas(sessao.db, processo_id)
    pendentes = [c for c in todos if c["situacao"] == "inscrito"]
    if pendentes:
        raise ErroNegocio("Há candidaturas sem análise concluída: " + ", ".join(
            f"{c['numero']} ({c['motivo']})" for c in pendentes[:5]) + ". Conclua-as antes de homologar.")
    habilitados = [c for c in todos if c["situacao"] == "habilitado"]
    sem_idade = [(c, f) for c in habilitados if (f := _reprovacao_automatica(sessao, c, proc).get("idade"))]
    if sem_idade:  # defesa em profundidade: a idade nunca se defere (ECA art. 133 II)
        c, f = sem_idade[0]
        raise ErroNegocio(f"O candidato {c['numero']} ({c['nome_urna']}) não pode ser homologado: {f}")
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    justificativa = " ".join((justificativa_minimo or "").split())
    if len(habilitados) < regras.minimo_habilitados and len(justificativa) < 10:
        raise ErroNegocio(
            f"Só {len(habilitados)} habilitados; o processo ocorre com no mínimo {regras.minimo_habilitados} "
            "(Lei 320/2023, art. 13). Reabra as inscrições (art. 13 §1º) ou registre a decisão do CMDCA "
            "de prosseguir, com justificativa.")
    novos = {"fase": "homologado", "atualizado_em": agora()}
    with sessao.mudanca(Permissao.ELEICAO_EDITAR) as m:
        m.alterar("eleicao_processos", processo_id, novos, no_diario=(
            {"fase": proc["fase"]},
            {"fase": "homologado", "atualizado_em": novos["atualizado_em"], "habilitados": [c["numero"] for c in habilitados],
             "justificativa_minimo": justificativa or None}))
    return habilitados


def recusas(sessao: Sessao, processo_id: str) -> dict[str, str]:
    """Para a aba dos candidatos, antes de oferecer os botões: o motivo, com o artigo, de cada ato que o serviço
    recusaria hoje pela fase, pelas datas ou pela contagem — ``"inscrever"`` (art. 7º e §1º a; art. 11 §2º),
    ``"homologar"`` (art. 11 §§2º e 6º), ``"reabrir"`` (art. 13 §1º), ``"parentesco"`` (arts. 14 §1º e 15) e a
    análise documental e a nota de uma candidatura, ``"analisar"`` e ``"nota"`` (arts. 7º §1º II e III e 11 §6º); os
    atos que cabem ficam de fora. A ordem das chaves é a da importância (``rules.eleicao.atos.ordem_dos_motivos``):
    o primeiro é o do próximo passo do processo, o motivo que a aba mostra quando nenhum botão está em foco. O que
    depende do que se digita (datas da reabertura, o par de candidatos) continua conferido por quem grava."""
    sessao.exigir(Permissao.ELEICAO_LER)
    proc = processo_ou_erro(sessao.db, processo_id)
    atos = regra_atos.Atos.do_processo(proc)
    todos = armazem.candidaturas(sessao.db, processo_id)
    habilitados = sum(1 for c in todos if c["situacao"] == "habilitado")
    regras = parametros.vigente(sessao, "eleicao_regras", date.fromisoformat(proc["eleicao"]))
    dia, cal = hoje(), calendario_de(proc)
    motivos = {"inscrever": regra_atos.inscricoes_fechadas(atos, cal, dia),
               "homologar": regra_atos.recusa_homologacao(atos, cal, dia),
               "reabrir": regra_atos.recusa_reabertura(atos, habilitados, regras.minimo_habilitados),
               "parentesco": regra_atos.recusa_parentesco(atos, len(todos)),
               "analisar": regra_atos.recusa_analise(atos, "analisar"), "nota": regra_atos.recusa_analise(atos, "nota")}
    return {acao: motivos[acao] for acao in regra_atos.ordem_dos_motivos(atos) if motivos[acao]}
