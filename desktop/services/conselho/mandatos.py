"""Conselheiros e mandatos: cadastro (à mão ou dos eleitos), funções, vacância, afastamentos, suplentes, penalidades.

Lei 320/2023: art. 16 (vacância e afastamento chamam o próximo suplente na ordem; alerta com dois ou
menos; escolha indireta nos dois últimos anos; candidatura afasta), art. 40 §1º (presidente e vice),
art. 45 (causas de vacância e candidatura), arts. 46-49 (penalidades). Tudo com diário.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from desktop.rules import formato, validacao
from desktop.rules.conselho import mandatos as regra
from desktop.rules.conselho.remuneracao import FUNCOES
from desktop.rules.papeis import Papel, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import cadastros as armazem_cadastros
from desktop.store import usuarios as armazem_usuarios
from desktop.store.conselho import mandatos as armazem
from desktop.store.ids import agora, novo_id

from .. import parametros
from ..sessao import ErroNegocio, Mudanca, Sessao
from . import escala as servico_escala, exercicio
from .exercicio import periodos  # noqa: F401 — quem lia mandatos.periodos

EDITAR = Permissao.CONSELHO_EDITAR
MANDATO = Permissao.CONSELHO_MANDATOS  # vacância, afastamentos, penalidades: administração municipal (arts. 16 e 49)


def _conselheiro(db, conselheiro_id: str) -> dict:
    c = armazem.conselheiro(db, conselheiro_id)
    if c is None:
        raise ErroNegocio("Conselheiro não encontrado.")
    return c


# -- cadastro -------------------------------------------------------------------------------------
def cadastrar_conselheiro(sessao: Sessao, *, nome: str, condicao: str, ordem: int, inicio_mandato: date,
                          fim_mandato: date, cpf: str | None = None, nascimento: date | None = None,
                          pessoa_id: str | None = None, eleito_id: str | None = None,
                          servidor_municipal: bool = False, remuneracao_cargo: Decimal | None = None,
                          dependentes_irrf: int = 0) -> dict:
    """Cadastra um conselheiro à mão (ou a partir de um eleito). Titular entra em exercício na posse;
    suplente fica disponível na ordem de classificação (art. 16 §1º)."""
    sessao.exigir(EDITAR)
    if condicao not in ("titular", "suplente"):
        raise EntradaInvalida("Condição deve ser titular ou suplente.")
    if not isinstance(ordem, int) or ordem < 1:
        raise EntradaInvalida("A ordem de classificação deve ser um número inteiro a partir de 1.")
    if fim_mandato <= inicio_mandato:
        raise EntradaInvalida("O fim do mandato deve ser depois do início.")
    if remuneracao_cargo is not None and not servidor_municipal:
        raise EntradaInvalida("Só o servidor público municipal pode optar pela remuneração do cargo (art. 41).")
    if remuneracao_cargo is not None and Decimal(remuneracao_cargo) <= 0:
        raise EntradaInvalida("Informe a remuneração do cargo municipal, maior que zero (art. 41).")
    if armazem.vaga_ocupada(sessao.db, inicio_mandato.isoformat(), condicao, ordem):
        raise ErroNegocio(f"Já há {condicao} nº {ordem} neste mandato.")
    momento = agora()
    with sessao.mudanca(EDITAR) as m:
        if pessoa_id is None:
            nome = validacao.obrigatorio(nome, "o nome do conselheiro")
            cpf_ok = validacao.cpf(cpf) if cpf else None
            if cpf_ok:
                achada = armazem_cadastros.pessoa_por_cpf(m.db, cpf_ok)
                pessoa_id = achada["id"] if achada else None
            if pessoa_id is None:
                pessoa = {"id": novo_id(), "nome": nome, "cpf": cpf_ok,
                          "nascimento": nascimento.isoformat() if nascimento else None,
                          "criado_em": momento, "atualizado_em": momento}
                m.inserir("pessoas", pessoa)
                pessoa_id = pessoa["id"]
        linha = _gravar_conselheiro(m, pessoa_id=pessoa_id, eleito_id=eleito_id, condicao=condicao, ordem=ordem,
                                    inicio_mandato=inicio_mandato, fim_mandato=fim_mandato,
                                    servidor_municipal=servidor_municipal, remuneracao_cargo=remuneracao_cargo,
                                    dependentes_irrf=dependentes_irrf)
    return armazem.conselheiro(sessao.db, linha["id"])


def _gravar_conselheiro(m: Mudanca, *, pessoa_id: str, eleito_id: str | None, condicao: str, ordem: int,
                        inicio_mandato: date, fim_mandato: date, servidor_municipal: bool = False,
                        remuneracao_cargo: Decimal | None = None, dependentes_irrf: int = 0) -> dict:
    """Grava o conselheiro (e, se titular, o exercício desde a posse) na transação ``m``."""
    momento = agora()
    linha = {"id": novo_id(), "pessoa_id": pessoa_id, "eleito_id": eleito_id, "usuario_id": None,
             "condicao": condicao, "ordem": ordem, "inicio_mandato": inicio_mandato.isoformat(),
             "fim_mandato": fim_mandato.isoformat(),
             "situacao": "em_exercicio" if condicao == "titular" else "disponivel",
             "servidor_municipal": int(bool(servidor_municipal)),
             "remuneracao_cargo": str(Decimal(remuneracao_cargo).quantize(Decimal("0.01"))) if remuneracao_cargo else None,
             "dependentes_irrf": int(dependentes_irrf), "criado_em": momento, "atualizado_em": momento}
    m.inserir("conselho_conselheiros", linha)
    if condicao == "titular":
        m.inserir("conselho_exercicios", {"id": novo_id(), "conselheiro_id": linha["id"],
                                            "inicio": inicio_mandato.isoformat(), "fim": None, "substitui_id": None,
                                            "motivo": "Posse (titular)", "criado_em": momento})
    return linha


def posse_dos_eleitos(m: Mudanca, processo_id: str) -> list[dict]:
    """Cria no Conselho os mandatos da composição eleita, na transação ``m`` de quem dá a posse.

    Gancho do "Encerrar e dar posse" do processo de escolha (services.eleicao.resultado): a comissão
    especial/administração conferiu a permissão do processo de escolha antes; aqui só se grava. Os
    eleitos já cadastrados (por ``importar_eleitos``) são pulados. Devolve os conselheiros criados.
    """
    eleitos = armazem.eleitos(m.db, processo_id)
    feitos = []
    for e in eleitos:
        if armazem.eleito_cadastrado(m.db, e["id"]):
            continue
        if armazem.vaga_ocupada(m.db, e["inicio_mandato"], e["condicao"], e["ordem"]):
            raise ErroNegocio(f"Já há {e['condicao']} nº {e['ordem']} cadastrado à mão no mandato que começa em "
                              f"{formato.data(date.fromisoformat(e['inicio_mandato']))}; confira o cadastro do Conselho.")
        feitos.append(_gravar_conselheiro(
            m, pessoa_id=e["pessoa_id"], eleito_id=e["id"], condicao=e["condicao"], ordem=e["ordem"],
            inicio_mandato=date.fromisoformat(e["inicio_mandato"]), fim_mandato=date.fromisoformat(e["fim_mandato"])))
    return feitos


def importar_eleitos(sessao: Sessao, processo_id: str) -> list[dict]:
    """Cadastra a composição entregue pelo processo de escolha (tabela ``conselheiros_eleitos``).

    Todos entram, na sua condição e ordem: quem tem impedimento do art. 15 (parente titular) fica entre
    os suplentes na sua ordem de votação e é passado para trás na convocação enquanto o parente ocupar
    o mandato (ver ``_convocar``); o texto do impedimento segue no eleito e aparece no cadastro.
    Devolve os conselheiros cadastrados.
    """
    sessao.exigir(EDITAR)
    eleitos = armazem.eleitos(sessao.db, processo_id, com_nome=True)
    if not eleitos:
        raise ErroNegocio("Este processo de escolha ainda não entregou os eleitos ao Conselho.")
    feitos = []
    for e in eleitos:
        if armazem.eleito_cadastrado(sessao.db, e["id"]):
            continue
        feitos.append(cadastrar_conselheiro(
            sessao, nome=e["nome"], condicao=e["condicao"], ordem=e["ordem"], pessoa_id=e["pessoa_id"],
            eleito_id=e["id"], inicio_mandato=date.fromisoformat(e["inicio_mandato"]),
            fim_mandato=date.fromisoformat(e["fim_mandato"])))
    return feitos


def vincular_usuario(sessao: Sessao, conselheiro_id: str, login: str) -> dict:
    """Liga o usuário (papel conselheiro tutelar) ao conselheiro: é assim que ele vê os casos."""
    sessao.exigir(Permissao.USUARIOS_GERENCIAR)
    c = _conselheiro(sessao.db, conselheiro_id)
    u = armazem_usuarios.por_login(sessao.db, login)
    if u is None or u["papel"] != Papel.CONSELHEIRO_TUTELAR:
        raise ErroNegocio(f"O usuário {login} não existe ou não tem o papel de conselheiro tutelar.")
    with sessao.mudanca(Permissao.USUARIOS_GERENCIAR) as m:
        m.alterar("conselho_conselheiros", c["id"], {"usuario_id": u["id"], "atualizado_em": agora()})
    return armazem.conselheiro(sessao.db, conselheiro_id)


def definir_funcao(sessao: Sessao, conselheiro_id: str, funcao: str, inicio: date) -> dict:
    """Presidente ou vice a partir de ``inicio`` (art. 40 §1º); encerra a função do anterior na véspera."""
    sessao.exigir(EDITAR)
    if funcao not in FUNCOES:
        raise EntradaInvalida("Função deve ser presidente ou vice.")
    c = _conselheiro(sessao.db, conselheiro_id)
    if c["situacao"] != "em_exercicio":
        raise ErroNegocio(f"{c['nome']} não está em exercício e não pode assumir a função de {FUNCOES[funcao].lower()}.")
    with sessao.mudanca(EDITAR) as m:
        for f in armazem.funcoes_abertas(m.db, funcao=funcao, conselheiro_id=conselheiro_id):
            m.alterar("conselho_funcoes", f["id"], {"fim": max(date.fromisoformat(f["inicio"]),
                                                                  inicio - timedelta(days=1)).isoformat()})
        return m.inserir("conselho_funcoes", {"id": novo_id(), "conselheiro_id": conselheiro_id, "funcao": funcao,
                                                "inicio": inicio.isoformat(), "fim": None, "criado_em": agora()})


# -- suplência ------------------------------------------------------------------------------------
def _suplentes(db, inicio_mandato: str) -> list[regra.Suplente]:
    """Os suplentes do mandato, cada um com os parentes declarados no processo de escolha (art. 15)."""
    todos = {c["id"]: c for c in armazem.conselheiros(db, inicio_mandato)}
    parentes: dict[str, list[regra.Parente]] = {}
    for p in armazem.parentescos(db, inicio_mandato):
        for eu, outro in ((p["a_id"], p["b_id"]), (p["b_id"], p["a_id"])):
            o = todos[outro]
            parentes.setdefault(eu, []).append(
                regra.Parente(o["nome"], p["vinculo"], o["situacao"] in regra.SITUACOES_NO_MANDATO))
    return [regra.Suplente(c["id"], c["nome"], c["ordem"], c["situacao"] == "disponivel", tuple(parentes.get(c["id"], ())))
            for c in todos.values() if c["condicao"] == "suplente"]


def _convocar(m: Mudanca, titular: dict, inicio: date, motivo: str) -> tuple[dict | None, list[str]]:
    """Convoca o próximo suplente convocável (art. 16 §1º); quem tem parente no mandato é passado para
    trás (art. 15), com o motivo no diário e no exercício do convocado. Devolve o convocado e os motivos."""
    suplentes = _suplentes(m.db, titular["inicio_mandato"])
    s = regra.proximo_suplente(suplentes)
    pulados = regra.pulados(suplentes)
    for p, texto in pulados:
        m.registrar("conselho_conselheiros", p.id, "evento",
                    depois={"evento": "convocação passada (art. 15)", "vaga_de": titular["id"],
                            "data": inicio.isoformat(), "motivo": texto})
    textos = [texto for _, texto in pulados]
    if s is None:
        return None, textos
    m.alterar("conselho_conselheiros", s.id, {"situacao": "em_exercicio", "atualizado_em": agora()})
    m.inserir("conselho_exercicios", {"id": novo_id(), "conselheiro_id": s.id, "inicio": inicio.isoformat(),
                                        "fim": None, "substitui_id": titular["id"],
                                        "motivo": f"Convocado(a) na vaga de {titular['nome']}: {motivo}"
                                                  + "".join(f". {t}" for t in textos),
                                        "criado_em": agora()})
    return armazem.conselheiro(m.db, s.id), textos


def situacao_suplencia(sessao: Sessao, inicio_mandato: date, data: date | None = None) -> dict:
    """Suplentes convocáveis, alerta do art. 16 §2º e se o suplementar pode ser indireto (§3º).

    Só conta quem pode ser chamado agora: o suplente com parente no mandato (art. 15) não conta e
    aparece em ``impedidos`` com o motivo.
    """
    sessao.exigir(Permissao.CONSELHO_LER)
    data = data or date.today()
    regras = parametros.vigente(sessao, "conselho_prazos", data)
    conselheiros = armazem.conselheiros(sessao.db, inicio_mandato.isoformat())
    if not conselheiros:
        raise ErroNegocio("Não há conselheiros cadastrados neste mandato.")
    suplentes = _suplentes(sessao.db, inicio_mandato.isoformat())
    disponiveis = regra.convocaveis(suplentes)
    impedidos = [t for s in sorted(suplentes, key=lambda s: s.ordem) if s.disponivel and (t := regra.impedimento_atual(s))]
    fim = date.fromisoformat(conselheiros[0]["fim_mandato"])
    alerta = regra.alerta_suplentes(len(disponiveis), regras)
    indireta = regra.escolha_indireta_permitida(data, fim, regras)
    return {"disponiveis": [s.nome for s in disponiveis], "quantidade": len(disponiveis), "impedidos": impedidos,
            "alerta": alerta, "indireta_permitida": indireta,
            "fundamento": "Lei 320/2023, art. 16 §§2º e 3º" + (" — nos dois últimos anos do mandato o processo "
                                                             "suplementar pode ser indireto" if indireta else "")}


def registrar_vacancia(sessao: Sessao, conselheiro_id: str, causa: str, data: date, observacao: str = "") -> dict:
    """Vacância (art. 45): encerra o exercício na data, a função e convoca o próximo suplente no dia seguinte;
    a escala gravada é refeita a partir do dia seguinte, sem quem saiu. Ato da administração municipal
    (art. 16 caput: o Poder Executivo convoca o suplente; art. 49: disciplina)."""
    sessao.exigir(MANDATO)
    if causa not in regra.CAUSAS_VACANCIA:
        raise EntradaInvalida("Causa de vacância desconhecida: use uma das do art. 45.")
    c = _conselheiro(sessao.db, conselheiro_id)
    if c["situacao"] == "vago":
        raise ErroNegocio(f"A vaga de {c['nome']} já foi registrada.")
    with sessao.mudanca(MANDATO) as m:
        exercicio.sincronizar(m, date.today())
        suplente = _encerrar_exercicio(m, c, data, "vago")
        m.inserir("conselho_afastamentos", {"id": novo_id(), "conselheiro_id": c["id"], "tipo": "vacancia",
                                              "causa": causa, "inicio": data.isoformat(), "fim": data.isoformat(),
                                              "remunerado": 0, "suplente_id": None, "observacao": observacao,
                                              "criado_em": agora()})
        novo, pulados = suplente, []  # o suplente que já estava na vaga passa a ocupá-la em definitivo
        if not suplente and c["situacao"] in ("em_exercicio", "afastado"):
            novo, pulados = _convocar(m, c, data + timedelta(days=1), regra.CAUSAS_VACANCIA[causa])
        escala = servico_escala.refazer_na_transacao(m, data + timedelta(days=1), f"vacância de {c['nome']} em {formato.data(data)}")
    return {"convocado": novo, "pulados": pulados, "escala": escala,
            **situacao_suplencia(sessao, date.fromisoformat(c["inicio_mandato"]), data)}


def _encerrar_exercicio(m: Mudanca, c: dict, data: date, situacao: str) -> dict | None:
    ex = armazem.exercicio_aberto(m.db, c["id"])
    if ex:
        m.alterar("conselho_exercicios", ex["id"], {"fim": max(data, date.fromisoformat(ex["inicio"])).isoformat()})
    for f in armazem.funcoes_abertas(m.db, conselheiro_id=c["id"]):
        m.alterar("conselho_funcoes", f["id"], {"fim": data.isoformat()})
    m.alterar("conselho_conselheiros", c["id"], {"situacao": situacao, "atualizado_em": agora()})
    sub = armazem.substituto_de(m.db, c["id"]) or armazem.substituicao_ate(m.db, c["id"], data.isoformat())
    if sub and sub["fim"]:  # cobria um afastamento com fim marcado: com a vaga, segue no exercício
        m.alterar("conselho_exercicios", sub["id"], {"fim": None})
    return armazem.conselheiro(m.db, sub["conselheiro_id"]) if sub else None


def afastar(sessao: Sessao, conselheiro_id: str, tipo: str, inicio: date, fim: date | None = None,
            observacao: str = "", convocar: bool = True) -> dict:
    """Afastamento (férias, licenças, candidatura — art. 16 §4º e 45 §ún. —, liminar, suspensão).

    Convoca o próximo suplente a partir do início (art. 16 caput), passando quem tem parente no mandato
    (art. 15). Candidatura e licenças mantêm a remuneração; a suspensão não. Com ``fim`` (férias de 30
    dias, por exemplo), o exercício do suplente termina nesse dia: depois dele não é pago nem escalado, e o
    titular volta no dia seguinte. A escala gravada é refeita desde o início. Devolve o afastamento, o
    suplente convocado, os motivos dos passados (``pulados``), a escala refeita e o alerta de suplência.
    """
    sessao.exigir(MANDATO)
    if tipo not in regra.TIPOS_AFASTAMENTO:
        raise EntradaInvalida("Tipo de afastamento desconhecido.")
    if fim is not None and fim < inicio:
        raise EntradaInvalida("O fim do afastamento é anterior ao início.")
    c = _conselheiro(sessao.db, conselheiro_id)
    if c["situacao"] != "em_exercicio" and exercicio.situacao_em(sessao.db, c, inicio) != "em_exercicio":
        raise ErroNegocio(f"{c['nome']} não está em exercício; não há o que afastar.")
    t = regra.TIPOS_AFASTAMENTO[tipo]
    with sessao.mudanca(MANDATO) as m:
        exercicio.sincronizar(m, date.today())
        m.alterar("conselho_conselheiros", c["id"], {"situacao": "afastado", "atualizado_em": agora()})
        suplente, pulados = _convocar(m, c, inicio, t.rotulo) if convocar else (None, [])
        afast = m.inserir("conselho_afastamentos", {
            "id": novo_id(), "conselheiro_id": c["id"], "tipo": tipo, "causa": None, "inicio": inicio.isoformat(),
            "fim": fim.isoformat() if fim else None, "remunerado": int(t.remunerado),
            "suplente_id": suplente["id"] if suplente else None, "observacao": observacao, "criado_em": agora()})
        if fim is not None:
            exercicio.fechar_suplencia(m, afast, fim, date.today())
        escala = servico_escala.refazer_na_transacao(m, inicio, f"{t.rotulo} de {c['nome']} desde {formato.data(inicio)}")
    return {"afastamento": afast, "convocado": suplente, "pulados": pulados, "escala": escala,
            **situacao_suplencia(sessao, date.fromisoformat(c["inicio_mandato"]), inicio)}


def registrar_candidatura(sessao: Sessao, conselheiro_id: str, homologada_em: date, cargo: str,
                          fim: date | None = None) -> dict:
    """Candidatura homologada a outro cargo eletivo: afastamento remunerado desde a homologação, com
    convocação do suplente (art. 16 §4º e art. 45 §ún.); não é renúncia."""
    if not (cargo or "").strip():
        raise EntradaInvalida("Informe o cargo eletivo a que o conselheiro concorre.")
    return afastar(sessao, conselheiro_id, "candidatura", homologada_em, fim,
                   observacao=f"Candidatura a {cargo.strip()} homologada")


def encerrar_afastamento(sessao: Sessao, afastamento_id: str, fim: date) -> dict:
    """O titular volta no dia seguinte a ``fim``; o suplente convocado deixa o exercício em ``fim`` e
    volta à lista de disponíveis na mesma ordem. A escala é refeita a partir do retorno."""
    sessao.exigir(MANDATO)
    a = armazem.afastamento(sessao.db, afastamento_id)
    if a is None or a["tipo"] == "vacancia":
        raise ErroNegocio("Afastamento não encontrado.")
    if fim < date.fromisoformat(a["inicio"]):
        raise EntradaInvalida("O fim do afastamento é anterior ao início.")
    with sessao.mudanca(MANDATO) as m:
        depois = m.alterar("conselho_afastamentos", a["id"], {"fim": fim.isoformat()})
        m.alterar("conselho_conselheiros", a["conselheiro_id"], {"situacao": "em_exercicio", "atualizado_em": agora()})
        if a["suplente_id"]:
            ex = exercicio.exercicio_do_suplente(m.db, a)
            if ex:
                m.alterar("conselho_exercicios", ex["id"], {"fim": max(fim, date.fromisoformat(ex["inicio"])).isoformat()})
                if armazem.exercicio_aberto(m.db, a["suplente_id"]) is None:
                    m.alterar("conselho_conselheiros", a["suplente_id"],
                             {"situacao": "disponivel", "atualizado_em": agora()})
        servico_escala.refazer_na_transacao(m, fim + timedelta(days=1), f"retorno de afastamento em {formato.data(fim + timedelta(days=1))}")
    return depois


def aplicar_penalidade(sessao: Sessao, conselheiro_id: str, tipo: str, motivo: str, processo: str,
                       aplicada_em: date, inicio: date | None = None, fim: date | None = None) -> dict:
    """Penalidade (arts. 46-49). Suspensão afasta sem remuneração no período; destituição gera vacância.
    Só a administração municipal aplica (art. 49 §§1º e 3º: processo por membros do serviço público
    municipal); um conselheiro não pune um colega."""
    sessao.exigir(MANDATO)
    regra.validar_penalidade(tipo, motivo, processo, inicio, fim)
    c = _conselheiro(sessao.db, conselheiro_id)
    with sessao.mudanca(MANDATO) as m:
        linha = m.inserir("conselho_penalidades", {
            "id": novo_id(), "conselheiro_id": c["id"], "tipo": tipo, "aplicada_em": aplicada_em.isoformat(),
            "motivo": motivo.strip(), "processo": processo.strip(), "inicio": inicio.isoformat() if inicio else None,
            "fim": fim.isoformat() if fim else None, "criado_em": agora()})
        if tipo == "suspensao":
            afastar(sessao, c["id"], "suspensao", inicio, fim, observacao=f"Processo {processo}")
        elif tipo == "destituicao":
            registrar_vacancia(sessao, c["id"], "destituicao", aplicada_em, f"Processo {processo}")
    return linha


# -- consultas ------------------------------------------------------------------------------------
def composicao(sessao: Sessao, inicio_mandato: date | None = None, data: date | None = None) -> list[dict]:
    """Os conselheiros (titulares, depois suplentes) com situação e função na data; ``situacao`` é a do último
    ato e ``situacao_na_data`` a dos períodos gravados (férias registradas com fim, por exemplo)."""
    sessao.exigir(Permissao.CONSELHO_LER)
    data = (data or date.today()).isoformat()
    saida = []
    for c in armazem.conselheiros(sessao.db, inicio_mandato.isoformat() if inicio_mandato else None):
        f = [x["funcao"] for x in armazem.funcoes(sessao.db, c["id"])
             if x["inicio"] <= data and (x["fim"] is None or x["fim"] >= data)]
        saida.append({**c, "funcao": f[0] if f else None, "remuneracao_cargo": c["remuneracao_cargo"],
                      "situacao_na_data": exercicio.situacao_em(sessao.db, c, date.fromisoformat(data))})
    return saida


def historico(sessao: Sessao, conselheiro_id: str) -> dict:
    """Exercícios, afastamentos, funções e penalidades do conselheiro."""
    sessao.exigir(Permissao.CONSELHO_LER)
    c = _conselheiro(sessao.db, conselheiro_id)
    return {"conselheiro": c, "exercicios": armazem.exercicios(sessao.db, c["id"]),
            "afastamentos": armazem.afastamentos(sessao.db, c["id"]), "funcoes": armazem.funcoes(sessao.db, c["id"]),
            "penalidades": armazem.penalidades(sessao.db, c["id"])}

