"""Calculadora ``paco calcular certificacao``: para um trabalhador, um perfil e a avaliação, o que é devido.

Pura: sem base, sem sessão. Usa as regras da Certificação e os parâmetros padrão que acompanham
o Paço (``db/parametros/certificacao_*.toml``) vigentes na data do cálculo. Formato da entrada e
da saída em docs/calculadora.md (seção "Certificação profissional").
"""
from __future__ import annotations

from datetime import date

from desktop.rules.certificacao import elegibilidade, resultado as regras_resultado
from desktop.rules.certificacao.tipos import (DIPLOMAS, ESCOLARIDADES, FUNDAMENTO, ROTULOS_TIPO, TITULOS_DOCUMENTO,
                                              Impedimento, Prazos, Requisitos, TipoCertificacao,
                                              TipoDocumento)
from desktop.rules.validacao import EntradaInvalida, data_iso

from ..calculadoras.modelo import VERSAO_SAIDA, validar
from ..calculadoras.parametros import com_entrada, lido
from .calculadora_modelo import PARAMETROS, EntradaCertificacao
from desktop.rules import formato


_data = data_iso


def _objeto(dados: dict, chave: str) -> dict:
    v = dados.get(chave)
    if not isinstance(v, dict):
        raise EntradaInvalida(f"Informe o objeto \"{chave}\" (veja docs/calculadora.md, seção Certificação).")
    return v


def _competencias(perfil: dict) -> list[dict]:
    comps = perfil.get("competencias")
    if not isinstance(comps, list) or not comps:
        raise EntradaInvalida("Informe \"perfil.competencias\": a lista das competências do perfil "
                              f"({FUNDAMENTO}, art. 20, VI).")
    saida, nomes = [], set()
    for i, c in enumerate(comps, start=1):
        if isinstance(c, str):
            c = {"nome": c}
        nome = " ".join(str((c or {}).get("nome") or "").split())
        if not nome:
            raise EntradaInvalida(f"Entrada inválida em perfil.competencias[{i}].nome: informe o nome da competência.")
        if nome in nomes:
            raise EntradaInvalida(f"Entrada inválida em perfil.competencias[{i}].nome: a competência \"{nome}\" "
                                  "aparece duas vezes no perfil.")
        nomes.add(nome)
        try:
            horas = int(c.get("carga_horaria") or 0)
        except (TypeError, ValueError):
            raise EntradaInvalida(f"Carga horária inválida na competência \"{nome}\".") from None
        saida.append({"nome": nome, "componente": str(c.get("componente") or ""), "carga_horaria": horas})
    return saida


def _avaliacao(dados: dict, comps: list[dict]) -> dict[str, bool | None]:
    bruto = dados.get("avaliacao")
    if bruto is None:
        return {c["nome"]: None for c in comps}
    if not isinstance(bruto, dict):
        raise EntradaInvalida("\"avaliacao\" deve ser um objeto {\"nome da competência\": true ou false}.")
    nomes = {c["nome"] for c in comps}
    estranhas = [n for n in bruto if " ".join(str(n).split()) not in nomes]
    if estranhas:
        raise EntradaInvalida(f"Entrada inválida em avaliacao.{estranhas[0]}: a avaliação cita competência que não é "
                              "do perfil: " + ", ".join(map(str, estranhas)) + ".")
    normal = {" ".join(str(k).split()): v for k, v in bruto.items()}
    saida = {}
    for n in (c["nome"] for c in comps):
        v = normal.get(n)
        if v is not None and not isinstance(v, bool):
            raise EntradaInvalida(f"Avaliação de \"{n}\": use true (reconhecida) ou false (não reconhecida).")
        saida[n] = v
    return saida


def calcular(dados: dict) -> dict:
    """O que é devido ao trabalhador (dicionário serializável em JSON), ou ``EntradaInvalida``.

    Confere a elegibilidade (arts. 2º §ún, 14 e 24 §3º), classifica a avaliação por competência
    (integral, parcial, nenhum; arts. 14 e 24 §7º), lista os documentos devidos com o artigo
    (arts. 14, 15, 16, 24 §7º), o que ainda falta para emiti-los (código Sistec do diploma de
    técnico, art. 15 §1º) e o prazo de recurso (art. 13 XI) quando há data do resultado.
    """
    m = validar(EntradaCertificacao, dados)  # tipos, limites, campos desconhecidos (calculadora_modelo.py)
    hoje = m.data or date.today()
    if m.trabalhador.nascimento > hoje:
        raise EntradaInvalida(f"Entrada inválida em trabalhador.nascimento: {formato.data(m.trabalhador.nascimento)} "
                              f"é depois da data do cálculo ({formato.data(hoje)}).")
    todos = com_entrada(PARAMETROS, dados.get("parametros"))
    trab, perfil = _objeto(dados, "trabalhador"), _objeto(dados, "perfil")
    try:
        tipo = TipoCertificacao(perfil.get("tipo"))
    except ValueError:
        raise EntradaInvalida("\"perfil.tipo\" deve ser qualificacao, tecnico, especializacao ou tecnologia.") from None
    esc_ppcp = perfil.get("escolaridade_minima") or "nenhuma"
    escolaridade = trab.get("escolaridade") or "nenhuma"
    for valor, campo in ((esc_ppcp, "perfil.escolaridade_minima"), (escolaridade, "trabalhador.escolaridade")):
        if valor not in ESCOLARIDADES:
            raise EntradaInvalida(f"\"{campo}\" deve ser um de: {', '.join(ESCOLARIDADES)}.")
    comps = _competencias(perfil)
    aval = _avaliacao(dados, comps)
    req: Requisitos = lido(todos, "certificacao_requisitos", hoje)
    prazos: Prazos = lido(todos, "certificacao_prazos", hoje)

    saida: dict = {"versao": VERSAO_SAIDA, "data": hoje.isoformat(), "tipo": tipo.value, "tipo_rotulo": ROTULOS_TIPO[tipo],
                   "perfil": perfil.get("nome") or ""}
    try:
        fundamentos = elegibilidade.verificar_elegibilidade(
            tipo=tipo, nascimento=_data(trab.get("nascimento"), "trabalhador.nascimento"), escolaridade=escolaridade,
            comprovante=trab.get("comprovante"), diploma_tecnico=trab.get("diploma_tecnico"),
            escolaridade_ppcp=esc_ppcp, data=hoje, req=req)
        saida["elegibilidade"] = {"elegivel": True, "fundamentos": fundamentos}
    except Impedimento as e:
        saida["elegibilidade"] = {"elegivel": False, "motivo": e.mensagem, "fundamento": e.fundamento}

    reconhecidas = [c for c in comps if aval[c["nome"]] is True]
    pendentes = [c["nome"] for c in comps if aval[c["nome"]] is None]
    saida["avaliacao"] = {
        "total": len(comps), "reconhecidas": [c["nome"] for c in reconhecidas],
        "nao_reconhecidas": [c["nome"] for c in comps if aval[c["nome"]] is False], "pendentes": pendentes,
        "carga_horaria_reconhecida": sum(c["carga_horaria"] for c in reconhecidas),
        "carga_horaria_total": sum(c["carga_horaria"] for c in comps)}

    if not saida["elegibilidade"]["elegivel"]:
        el = saida["elegibilidade"]
        return {**saida, "resultado": None, "documentos": [],
                "explicacao": "O trabalhador não pode participar deste processo: " + el["motivo"],
                "fundamento": el["fundamento"], "pendencias": [], "recurso": None, "primeira_via": None}
    if pendentes:
        return {**saida, "resultado": None, "documentos": [],
                "explicacao": "A avaliação ainda não terminou: avalie todas as competências do perfil antes "
                              "de definir o resultado; faltam " + ", ".join(pendentes) + ".",
                "fundamento": f"{FUNDAMENTO}, art. 24, IV", "pendencias": [], "recurso": None,
                "primeira_via": None}

    res = regras_resultado.classificar(len(reconhecidas), len(comps))
    devidos = regras_resultado.documentos_devidos(tipo, res)
    documentos, pendencias = [], []
    for doc in devidos.documentos:
        documentos.append({"tipo": doc.value, "titulo": TITULOS_DOCUMENTO[doc], "fundamento": _fund_doc(tipo, doc)})
    if TipoDocumento.DIPLOMA_TECNICO in devidos.documentos:
        try:
            regras_resultado.exigir_codigo_sistec(TipoDocumento.DIPLOMA_TECNICO, perfil.get("sistec_codigo")
                                                  or dados.get("sistec_codigo"))
        except Impedimento as e:
            pendencias.append({"motivo": e.mensagem, "fundamento": e.fundamento})
    resultado_em = _data(dados.get("resultado_em"), "resultado_em")
    recurso = None
    if resultado_em:
        recurso = {"prazo_dias": prazos.recurso_dias,  # dias úteis; sem base, só feriados nacionais
                   "ate": regras_resultado.prazo_recurso(resultado_em, prazos).isoformat(),
                   "fundamento": regras_resultado.FUNDAMENTO_PRAZO}
    return {**saida, "resultado": res.value, "documentos": documentos, "explicacao": devidos.explicacao,
            "fundamento": devidos.fundamento, "pendencias": pendencias, "recurso": recurso,
            "primeira_via": (f"{regras_resultado.verificar_nova_via(1, None)} ({FUNDAMENTO}, art. 26, §2º)"
                             if documentos else None)}


def _fund_doc(tipo: TipoCertificacao, doc: TipoDocumento) -> str:
    """O artigo de cada documento: o título (art. 14), o histórico (art. 15 ou 16), o atestado (art. 24 §7º)."""
    if doc is TipoDocumento.ATESTADO:
        return f"{FUNDAMENTO}, art. 24, §7º"
    principal = regras_resultado.DOCUMENTO_POR_TIPO[tipo]
    if doc is TipoDocumento.HISTORICO:
        return f"{FUNDAMENTO}, art. 15" if principal[0] in DIPLOMAS else f"{FUNDAMENTO}, art. 16"
    fund = principal[1]
    if doc is TipoDocumento.DIPLOMA_TECNICO:
        return f"{fund} e art. 15, §1º (código autenticador do Sistec)"
    return fund

