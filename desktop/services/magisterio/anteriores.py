"""Diferenças de mês anterior de registros lançados depois do fechamento (issue 13, item 3).

Um afastamento, titulação, jornada, função gratificada, lotação, regência ou férias lançado, corrigido ou
excluído quando já há competências fechadas que o registro alcança (um período, do início ao fim; a
titulação, do requerimento em diante: o nível vale dali para a frente; as férias, o mês anterior ao início,
em que o terço é pago — art. 57) é aceito com aviso: cada competência fechada alcançada fica pendente para o
servidor (migração 0029), com destino na primeira competência aberta depois dela, como as faltas (migração 0020).

Na folha dessa competência aberta, cada mês pendente é recalculado para o servidor com os fatos de hoje e
os parâmetros do próprio mês; a diferença para o contracheque gravado, menos o que já se acertou desse mês
(diferenças de mês anterior e de reajuste, em competências fechadas e em folhas complementares), é paga ou
descontada em linhas que nomeiam o mês e o artigo: do mês (069/106), do terço de férias pago nele (071/108)
e do 13º quitado nele (070/107, no grupo do 13º) — ``rules.magisterio.acerto_anterior``. Reler o já
acertado das linhas gravadas faz o acerto valer uma vez só: uma nova correção do mesmo registro só acerta
o que ainda falta, e reabrir e fechar de novo a competência do acerto não paga duas vezes.
"""
from __future__ import annotations

from datetime import date

from desktop.rules.dinheiro import ZERO
from desktop.rules.folha.regras import PrevidenciaINSS
from desktop.rules.folha.tipos import Linha
from desktop.rules.magisterio.acerto_anterior import JaAcertado, acertos_do_mes
from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.rules.magisterio.tipos import FichaFuncional
from desktop.store.magisterio import descontos as armazem_descontos
from desktop.store.magisterio import folha as armazem_folha
from desktop.store.magisterio import tabelas as armazem_tabelas
from desktop.rules import formato

from ..sessao import Mudanca, Sessao

HISTORICOS = ("afastamentos", "titulacoes", "jornadas", "funcoes", "lotacoes", "regencias", "ferias")
FUND_TITULO = "Lei 1.613/2004, art. 14 (titulação: o nível da carreira)"
_FUNDAMENTOS = {  # o artigo de cada registro que muda o pagamento (afastamentos: o do tipo, na tabela)
    "jornadas": "Lei 1.613/2004, art. 23 (jornada de trabalho)",
    "funcoes": "Lei 1.613/2004, art. 38 (função gratificada)",
    "lotacoes": "Lei 1.613/2004, arts. 42 e 49 (lotação: difícil acesso, zona rural)",
    "regencias": "Lei 1.613/2004, art. 41 (efetiva regência de classe)",
    "ferias": "Lei 1.613/2004, art. 57 (terço de férias pago na folha do mês anterior às férias)",
}
_ROTULOS = {"afastamentos": "O afastamento", "titulacoes": "A titulação", "jornadas": "A jornada",
            "funcoes": "A função gratificada", "lotacoes": "A lotação", "regencias": "A regência",
            "ferias": "O registro de férias"}
_SEM_EFEITO = {"ato", "observacao", "curso", "instituicao"}  # campos que não mudam o pagamento


def _mes(chave: str) -> date:
    return date(int(chave[:4]), int(chave[5:7]), 1)


def _seguinte_aberta(chave: str, fechadas: set[str]) -> str:
    ano, num = int(chave[:4]), int(chave[5:7])
    while f"{ano:04d}-{num:02d}" in fechadas:
        ano, num = (ano + 1, 1) if num == 12 else (ano, num + 1)
    return f"{ano:04d}-{num:02d}"


def _mes_anterior(dia: date) -> date:
    return date(dia.year - 1, 12, 1) if dia.month == 1 else date(dia.year, dia.month - 1, 1)


def _alcance(historico: str, itens: list[dict]) -> tuple[date, date | None]:
    """O primeiro e o último dia (None: em diante) que os registros (antes e depois) alcançam."""
    if historico == "titulacoes":
        return min(x["data_requerimento"] for x in itens), None
    if historico == "ferias":  # o terço é pago na folha do mês anterior ao início (art. 57)
        return (_mes_anterior(min(x["inicio"] for x in itens)),
                _mes_anterior(max(x["inicio"] for x in itens)).replace(day=28))
    fins = [x["fim"] for x in itens]
    return min(x["inicio"] for x in itens), None if any(f is None for f in fins) else max(fins)


def _fundamento(m: Mudanca, historico: str, itens: list[dict]) -> str:
    if historico == "titulacoes":
        return FUND_TITULO
    if historico in _FUNDAMENTOS:
        return _FUNDAMENTOS[historico]
    partes = []
    for tipo in dict.fromkeys(x["tipo"] for x in itens):
        t = armazem_tabelas.tipo_afastamento(m.db, tipo) or {"descricao": tipo, "fundamento": ""}
        partes.append(f"afastamento {tipo} — {t['descricao']} ({t['fundamento']})")
    return "; ".join(partes)


def marcar_em(m: Mudanca, historico: str, servidor_id: str, antes: dict | None, depois: dict | None) -> str | None:
    """Marca as competências fechadas que o registro (``antes`` e/ou ``depois`` da mudança) alcança, para o acerto na competência aberta seguinte de cada uma; devolve o aviso (None se nenhuma)."""
    if historico not in HISTORICOS:
        return None
    itens = [x for x in (antes, depois) if x]
    if antes and depois and all(antes.get(k) == depois.get(k) for k in set(antes) | set(depois)
                                if k not in _SEM_EFEITO and k not in ("id", "atualizado_em", "criado_em")):
        return None
    fechadas = armazem_folha.fechadas(m.db)
    if not fechadas or not itens:
        return None
    inicio, fim = _alcance(historico, itens)
    de, ate = armazem_folha.chave(inicio), None if fim is None else armazem_folha.chave(fim)
    alcancadas = sorted(k for k in fechadas if k >= de and (ate is None or k <= ate))
    if not alcancadas:
        return None
    fundamento = _fundamento(m, historico, itens)
    destinos = {}
    for k in alcancadas:
        destinos[k] = _seguinte_aberta(k, fechadas)
        m.gravar("magisterio_diferencas_pendentes",
                 armazem_folha.diferenca_pendente(m.db, servidor_id, k, destinos[k], fundamento))
    meses = ", ".join(f"{k[5:]}/{k[:4]}" for k in alcancadas)
    alvo = ", ".join(sorted({f"{d[5:]}/{d[:4]}" for d in destinos.values()}))
    rotulo = _ROTULOS[historico]
    desde = f"terço pago em {formato.competencia(inicio)}" if historico == "ferias" else f"desde {formato.data(inicio)}"
    return (f"{rotulo} ({desde}) alcança competência(s) já fechada(s): {meses}. Cada uma será "
            f"recalculada e a diferença paga ou descontada como diferença de mês anterior na competência {alvo} "
            f"({fundamento}; Lei 1.613/2004, art. 35).")


def _acertos(sessao: Sessao, f: FichaFuncional, dia: date, config: ConfiguracaoMagisterio,
             pendentes: list[tuple[str, str]], meses: dict, acertado: dict, *,
             do_mes, diferencas_do_mes) -> list[Linha]:
    """As linhas de diferença do servidor na competência ``dia``: cada mês pendente recalculado, menos o gravado e
    o já acertado — do mês (069/106), do terço de férias pago nele (071/108) e do 13º quitado nele (070/107).

    ``do_mes`` (parâmetros do mês) e ``diferencas_do_mes`` (faltas acertadas no mês) vêm da folha, que usa este
    módulo: recebê-los evita o ciclo de importação (tests/test_ciclos_importacao.py)."""

    saida = []
    for k, fundamento in pendentes:
        mes_k = _mes(k)
        comp = armazem_folha.competencia(sessao.db, mes_k)
        if comp is None or comp["situacao"] != "fechada":
            continue  # reaberta: o seu novo fechamento já usa os fatos novos
        gravados = armazem_folha.contracheques(sessao.db, comp["id"], mes_k, f.id)
        if not gravados:
            continue
        _identificacao, gravado = gravados[0]
        p = do_mes(sessao, mes_k, meses)
        cc = calcular_contracheque(f, mes_k, p, config,
                                   adiantamento_13_pago=armazem_folha.adiantamentos_13(sessao.db, mes_k).get(f.id),
                                   descontos=armazem_descontos.do_mes(sessao.db, k).get(f.id),
                                   diferencas=diferencas_do_mes(sessao, f, mes_k, config, meses))
        ja = JaAcertado(*(acertado.get((f.id, parte, k), ZERO) for parte in ("mensal", "13", "terco")))
        saida += acertos_do_mes(mes_k, cc.linhas, gravado.linhas, ja, fundamento, dia,
                                terco_incide_previdencia=isinstance(p.previdencia(config), PrevidenciaINSS))
    return saida
