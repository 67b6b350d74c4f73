"""Lançamentos do mês por escola: a grade de faltas e horas noturnas de todos os lotados, gravada de uma vez.

``grade`` lê, para a escola e a competência, os servidores lotados no último dia do mês com as faltas
injustificadas (código FI) do dia inteiro e por hora e as horas noturnas já lançadas; as faltas com outro
código (justificadas) aparecem só para leitura. ``gravar_grade`` recebe o que foi digitado (texto de cada
célula, conferido por ``rules.magisterio.lancamento_mensal``) e, numa só transação com diário, acrescenta,
corrige ou exclui as faltas FI do mês e as horas noturnas de cada servidor. Uma falta de competência já
fechada é aceita e vai para a competência aberta seguinte (``historicos``), com o aviso devolvido.
Ler exige ``MAGISTERIO_LER``; gravar, ``MAGISTERIO_EDITAR``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.rules.folha.dias import ultimo_dia
from desktop.rules.magisterio import lancamento_mensal as regras
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import historicos as armazem

from ..sessao import ErroNegocio, Mudanca, Sessao
from . import cadastro, folha, historicos

CODIGO_INJUSTIFICADA = "FI"


@dataclass
class LinhaGrade:
    servidor_id: str
    nome: str
    matricula: str
    dias: list[int] = field(default_factory=list)
    horas: dict[int, int] = field(default_factory=dict)
    noturnas: Decimal | None = None
    outras: str = ""   # faltas com outro código (só leitura), p. ex. "09 (AM)"

    @property
    def texto_dias(self) -> str:
        return ", ".join(str(d) for d in self.dias)

    @property
    def texto_horas(self) -> str:
        return ", ".join(f"{d}:{h}" for d, h in sorted(self.horas.items()))

    @property
    def texto_noturnas(self) -> str:
        return "" if self.noturnas is None else str(self.noturnas).replace(".", ",")


def _do_mes(itens: list[dict], competencia: date) -> list[dict]:
    return [f for f in itens if (f["data"].year, f["data"].month) == (competencia.year, competencia.month)]


def grade(sessao: Sessao, escola_id: str, competencia) -> list[LinhaGrade]:
    """Os lotados na escola no último dia da competência, com o que já foi lançado no mês."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = folha.mes(competencia)
    saida = []
    for s in cadastro.listar_servidores(sessao, escola_id=escola_id, data=ultimo_dia(dia)):
        linha = LinhaGrade(s["id"], s["nome"], s["matricula"])
        outras = []
        for f in _do_mes(historicos.itens(sessao, "faltas", s["id"]), dia):
            if f["codigo"] == CODIGO_INJUSTIFICADA:
                if f["horas"] is None:
                    linha.dias.append(f["data"].day)
                else:
                    linha.horas[f["data"].day] = f["horas"]
            else:
                outras.append(f"{f['data'].day:02d} ({f['codigo'] or 'sem código'})")
        linha.outras = ", ".join(outras)
        for n in historicos.itens(sessao, "horas_noturnas", s["id"]):
            if n["competencia"] == dia:
                linha.noturnas = n["horas"]
        saida.append(linha)
    return saida


def _excluir(m: Mudanca, item: dict) -> None:
    h = armazem.HISTORICOS["faltas"] if "data" in item else armazem.HISTORICOS["horas_noturnas"]
    armazem.excluir(m.db, h, item["id"])
    m.registrar(h.tabela, item["id"], "excluir", antes=armazem.linha(h, item))


def gravar_grade(sessao: Sessao, escola_id: str, competencia, linhas: list[dict]) -> dict:
    """Grava a grade: ``linhas`` = [{servidor_id, dias, horas, noturnas}] com o texto digitado de cada célula.

    Devolve {"alterados": n, "avisos": [...]}. Nada é gravado se alguma célula está errada (a mensagem diz
    o servidor e o problema)."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    dia = folha.mes(competencia)
    lotados = {g.servidor_id: g for g in grade(sessao, escola_id, dia)}
    pedidos = []
    for l in linhas:
        g = lotados.get(l["servidor_id"])
        if g is None:
            raise ErroNegocio("Servidor fora da grade desta escola no mês; atualize a grade.")
        try:
            dias_ = regras.dias(l.get("dias", ""), dia)
            horas_ = regras.horas(l.get("horas", ""), dia)
            noturnas = regras.noturnas(l.get("noturnas", ""))
        except EntradaInvalida as e:
            raise EntradaInvalida(f"{g.nome}: {e}") from None
        if (d := regras.conflito(dias_, horas_)) is not None:
            raise EntradaInvalida(f"{g.nome}: o dia {d} está como falta do dia inteiro e por hora; deixe só uma.")
        pedidos.append((g, dias_, horas_, noturnas))
    alterados, avisos = 0, []
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        for g, dias_, horas_, noturnas in pedidos:
            atuais = _do_mes(armazem.listar(m.db, armazem.HISTORICOS["faltas"], g.servidor_id), dia)
            por_dia = {f["data"].day: f for f in atuais}
            desejado = {d: None for d in dias_} | horas_
            for d, f in por_dia.items():
                if f["codigo"] != CODIGO_INJUSTIFICADA:
                    if d in desejado:
                        raise ErroNegocio(f"{g.nome}: já há falta com o código {f['codigo'] or '(sem código)'} em "
                                          f"{d:02d}/{dia:%m/%Y}; corrija-a na ficha.")
                    continue
                if d not in desejado:
                    _excluir(m, f)
                    alterados += 1
                elif f["horas"] != desejado[d]:
                    historicos.corrigir_em(m, "faltas", f["id"], {"horas": desejado[d]})
                    alterados += 1
            for d, h in desejado.items():
                if d in por_dia:
                    continue
                novo = historicos.adicionar_em(m, "faltas", g.servidor_id, {
                    "data": date(dia.year, dia.month, d), "horas": h, "codigo": CODIGO_INJUSTIFICADA,
                    "observacao": "lançada na grade do mês"})
                alterados += 1
                if novo.get("aviso"):
                    avisos.append(f"{g.nome}: {novo['aviso']}")
            noturnas_atuais = [n for n in armazem.listar(m.db, armazem.HISTORICOS["horas_noturnas"], g.servidor_id)
                               if n["competencia"] == dia]
            atual = noturnas_atuais[0] if noturnas_atuais else None
            if noturnas in (None, Decimal(0)):
                if atual is not None:
                    _excluir(m, atual)
                    alterados += 1
            elif atual is None:
                historicos.adicionar_em(m, "horas_noturnas", g.servidor_id, {"competencia": dia, "horas": noturnas})
                alterados += 1
            elif atual["horas"] != noturnas:
                historicos.corrigir_em(m, "horas_noturnas", atual["id"], {"horas": noturnas})
                alterados += 1
    return {"alterados": alterados, "avisos": list(dict.fromkeys(avisos))}
