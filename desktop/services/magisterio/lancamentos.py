"""Lançamentos do mês por escola: faltas, horas noturnas e rubricas avulsas de todos os lotados, gravados de uma vez.

``grade`` lê, para a escola e a competência, os servidores lotados no último dia do mês com as faltas
injustificadas (código FI) do dia inteiro e por hora, as horas noturnas e as rubricas avulsas já lançadas;
as faltas com outro código (justificadas) aparecem só para leitura. ``conferir`` diz, coluna por coluna, o
que está errado numa linha digitada (com o artigo), pelas mesmas validações da ficha, sem gravar nada.
``gravar_grade`` confere todas as linhas e, numa só transação com diário, acrescenta, corrige ou exclui as
faltas FI e as horas noturnas e inclui a rubrica avulsa (pelos campos de ``descontos.valores_avulsa``): um
erro em qualquer linha e nada é gravado.
Competência já fechada (``situacao`` diz o caminho): a falta é aceita e descontada na competência aberta
seguinte como diferença de mês anterior (``historicos``, com o aviso devolvido); horas noturnas e rubricas
avulsas do mês são recusadas — o que foi pago não muda sem reabrir a folha.
Ler exige ``MAGISTERIO_LER``; conferir e gravar, ``MAGISTERIO_EDITAR``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.rules.dinheiro import reais
from desktop.rules.folha.dias import ultimo_dia
from desktop.rules.magisterio import lancamento_mensal as regras
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import descontos as armazem_descontos
from desktop.store.magisterio import historicos as armazem

from ..sessao import ErroNegocio, Mudanca, Sessao
from . import cadastro, descontos, folha, historicos, validacoes
from .comum import servidor as obter_servidor
from desktop.rules import formato

CODIGO_INJUSTIFICADA = "FI"
COLUNAS = ("dias", "horas", "noturnas", "avulsa_valor", "avulsa_descricao", "avulsa_fundamento", "avulsa_incidencias")
_AVULSA = COLUNAS[3:]
ARTIGOS = {"dias": "Lei 1.613/2004, art. 34, §1º, I", "horas": "Lei 1.613/2004, art. 34, §1º, II",
           "noturnas": "Lei 1.613/2004, art. 50"}


@dataclass
class LinhaGrade:
    servidor_id: str
    nome: str
    matricula: str
    dias: list[int] = field(default_factory=list)
    horas: dict[int, int] = field(default_factory=dict)
    noturnas: Decimal | None = None
    outras: str = ""    # faltas com outro código (só leitura), p. ex. "09 (AM)"
    avulsas: str = ""   # rubricas avulsas já lançadas no mês (só leitura), p. ex. "+R$ 150,00 Abono"

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


def _mensagem_fechada(dia: date) -> str:
    return (f"A folha de {formato.competencia(dia)} já está fechada: horas noturnas e rubricas avulsas deste mês não entram mais "
            "nela (o que foi pago não muda sem reabertura). Reabra a competência em Folha mensal › Reabrir…, ou "
            "lance na próxima competência aberta. Faltas deste mês ainda são aceitas e descontadas na competência "
            "aberta seguinte como diferença de mês anterior (Lei 1.613/2004, art. 34).")


def situacao(sessao: Sessao, competencia) -> str:
    """Vazio se a competência está aberta; senão, o que a grade ainda aceita e o caminho para o resto."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = folha.mes(competencia)
    return _mensagem_fechada(dia) if folha.esta_fechada(sessao, dia) else ""


def _avulsas_lancadas(db, servidor_id: str, dia: date) -> str:
    return "; ".join(f"{'−' if a['forma'] == 'desconto' else '+'}{reais(Decimal(a['quantidade']))} {a['descricao']}"
                     for a in armazem_descontos.do_servidor_no_mes(db, servidor_id, f"{dia:%Y-%m}")
                     if a["tipo"] == "avulsa")


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
        linha.avulsas = _avulsas_lancadas(sessao.db, s["id"], dia)
        saida.append(linha)
    return saida


def _com_artigo(texto: str, coluna: str) -> str:
    artigo = ARTIGOS.get(coluna)
    return texto if artigo is None or "art." in texto else f"{texto.rstrip('.')} ({artigo})."


class _Plano:
    """O que uma linha digitada muda, conferido: ``erros`` por coluna e as ``acoes`` a gravar."""

    def __init__(self, m: Mudanca, g: LinhaGrade, dia: date, linha: dict, fechada: bool):
        self.erros: dict[str, str] = {}
        self.acoes: list[tuple] = []
        self._dia, self._fechada = dia, fechada
        self._ctx = validacoes.Contexto(m, obter_servidor(m.db, g.servidor_id))
        self._faltas(linha)
        self._noturnas(linha)
        self._avulsa(g.servidor_id, linha)

    def _erro(self, coluna: str, texto: str) -> None:
        self.erros.setdefault(coluna, _com_artigo(texto, coluna))

    def _faltas(self, linha: dict) -> None:
        dia = self._dia
        try:
            dias_ = regras.dias(linha.get("dias", ""), dia)
        except EntradaInvalida as e:
            self._erro("dias", str(e))
        try:
            horas_ = regras.horas(linha.get("horas", ""), dia)
        except EntradaInvalida as e:
            self._erro("horas", str(e))
        if self.erros:
            return
        if (d := regras.conflito(dias_, horas_)) is not None:
            self._erro("horas", f"O dia {d} já está como falta do dia inteiro; um dia tem uma falta só.")
            return
        h = armazem.HISTORICOS["faltas"]
        por_dia = {f["data"].day: f for f in _do_mes(self._ctx.outros("faltas"), dia)}
        desejado = {d: None for d in dias_} | horas_
        for d, f in por_dia.items():
            if f["codigo"] != CODIGO_INJUSTIFICADA:
                if d in desejado:
                    self._erro("dias" if desejado[d] is None else "horas",
                               f"Já há falta com o código {f['codigo'] or '(sem código)'} em {formato.data(dia.replace(day=d))}; "
                               "corrija-a na ficha.")
            elif d not in desejado:
                self.acoes.append(("excluir", f))
        for d, n in desejado.items():
            atual = por_dia.get(d)
            if atual is not None and (atual["codigo"] != CODIGO_INJUSTIFICADA or atual["horas"] == n):
                continue
            coluna = "dias" if n is None else "horas"
            campos = ({"data": date(dia.year, dia.month, d), "horas": n, "codigo": CODIGO_INJUSTIFICADA,
                       "observacao": "lançada na grade do mês"} if atual is None else
                      {c: atual[c] for c in h.nomes} | {"horas": n})
            try:
                validacoes.faltas(self._ctx, historicos.normalizar(h, campos, completo=True), atual)
            except (EntradaInvalida, ErroNegocio) as e:
                self._erro(coluna, str(e))
                continue
            self.acoes.append(("incluir_falta", campos) if atual is None else ("alterar_falta", atual, n))

    def _noturnas(self, linha: dict) -> None:
        try:
            horas = regras.noturnas(linha.get("noturnas", ""))
        except EntradaInvalida as e:
            self._erro("noturnas", str(e))
            return
        horas = None if horas == 0 else horas
        atual = next((n for n in self._ctx.outros("horas_noturnas") if n["competencia"] == self._dia), None)
        if (atual is None and horas is None) or (atual is not None and atual["horas"] == horas):
            return
        if self._fechada:
            self._erro("noturnas", _mensagem_fechada(self._dia))
            return
        if horas is None:
            self.acoes.append(("excluir", atual))
            return
        try:
            validacoes.horas_noturnas(self._ctx, {"competencia": self._dia, "horas": horas}, atual)
        except (EntradaInvalida, ErroNegocio) as e:
            self._erro("noturnas", str(e))
            return
        self.acoes.append(("incluir_noturnas", horas) if atual is None else ("alterar_noturnas", atual, horas))

    def _avulsa(self, servidor_id: str, linha: dict) -> None:
        if not any(str(linha.get(c) or "").strip() for c in _AVULSA):
            return
        if self._fechada:
            self._erro("avulsa_valor", _mensagem_fechada(self._dia))
            return
        try:
            valor = regras.avulsa(linha.get("avulsa_valor", ""))
        except EntradaInvalida as e:
            self._erro("avulsa_valor", str(e))
            return
        if valor is None:
            self._erro("avulsa_valor", "Rubrica avulsa: informe o valor (− na frente para desconto).")
            return
        try:
            prev, irrf = regras.incidencias(linha.get("avulsa_incidencias", ""))
        except EntradaInvalida as e:
            self._erro("avulsa_incidencias", str(e))
            return
        try:
            v = descontos.valores_avulsa(servidor_id, natureza=valor[0], valor=valor[1],
                                         descricao=linha.get("avulsa_descricao", ""),
                                         fundamento=linha.get("avulsa_fundamento", ""),
                                         incide_previdencia=prev, incide_irrf=irrf)
        except EntradaInvalida as e:
            texto = str(e)
            coluna = ("avulsa_fundamento" if "fundamento" in texto else
                      "avulsa_descricao" if "descrição" in texto else "avulsa_valor")
            self._erro(coluna, f"Rubrica avulsa: {texto[0].lower()}{texto[1:]}")
            return
        self.acoes.append(("incluir_avulsa", v))


def _da_grade(sessao: Sessao, escola_id: str, dia: date, servidor_id: str) -> LinhaGrade:
    for g in grade(sessao, escola_id, dia):
        if g.servidor_id == servidor_id:
            return g
    raise ErroNegocio("Servidor fora da grade desta escola no mês; atualize a grade.")


def conferir(sessao: Sessao, escola_id: str, competencia, linha: dict) -> dict[str, str]:
    """Os erros de uma linha digitada, por coluna (vazio = tudo certo), sem gravar nada.

    ``linha`` = {servidor_id, dias, horas, noturnas, avulsa_valor, avulsa_descricao, avulsa_fundamento,
    avulsa_incidencias}, com o texto de cada célula."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    dia = folha.mes(competencia)
    g = _da_grade(sessao, escola_id, dia, linha["servidor_id"])
    return _Plano(Mudanca(sessao.db, sessao), g, dia, linha, folha.esta_fechada(sessao, dia)).erros


def _excluir(m: Mudanca, item: dict) -> None:
    h = armazem.HISTORICOS["faltas"] if "data" in item else armazem.HISTORICOS["horas_noturnas"]
    armazem.excluir(m.db, h, item["id"])
    m.registrar(h.tabela, item["id"], "excluir", antes=armazem.linha(h, item))


def _executar(m: Mudanca, servidor_id: str, dia: date, acoes: list[tuple]) -> list[str]:
    """Grava as ações de uma linha; devolve os avisos (falta de mês fechado descontada na competência seguinte)."""
    avisos = []
    for acao, *dados in acoes:
        if acao == "excluir":
            _excluir(m, dados[0])
        elif acao == "incluir_falta":
            novo = historicos.adicionar_em(m, "faltas", servidor_id, dados[0])
            if novo.get("aviso"):
                avisos.append(novo["aviso"])
        elif acao == "alterar_falta":
            historicos.corrigir_em(m, "faltas", dados[0]["id"], {"horas": dados[1]})
        elif acao == "incluir_noturnas":
            historicos.adicionar_em(m, "horas_noturnas", servidor_id, {"competencia": dia, "horas": dados[0]})
        elif acao == "alterar_noturnas":
            historicos.corrigir_em(m, "horas_noturnas", dados[0]["id"], {"horas": dados[1]})
        elif acao == "incluir_avulsa":
            # conferida como no cadastro da ficha (desconto que deixa o líquido negativo é recusado), já com as
            # faltas desta linha gravadas na transação; a recusa desfaz a grade inteira
            descontos.conferir_na_transacao(m.sessao, dados[0], dia)
            valores = dados[0] | {"inicio": f"{dia:%Y-%m}", "fim": f"{dia:%Y-%m}"}
            m.inserir(*armazem_descontos.linha_nova(valores, m.sessao.usuario.login))
    return avisos


def _tipo(acao: tuple) -> str:
    if acao[0] == "excluir":
        return "faltas" if "data" in acao[1] else "horas_noturnas"
    return "faltas" if "falta" in acao[0] else "horas_noturnas" if "noturnas" in acao[0] else "avulsas"


def gravar_grade(sessao: Sessao, escola_id: str, competencia, linhas: list[dict]) -> dict:
    """Grava a grade: ``linhas`` como em ``conferir``, com o texto digitado de cada célula (coluna ausente =
    em branco). Tudo ou nada: se alguma linha tem erro, nada é gravado e a mensagem diz o servidor, a coluna
    e o motivo. Devolve {"alterados", "faltas", "horas_noturnas", "avulsas", "avisos"}."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    dia = folha.mes(competencia)
    lotados = {g.servidor_id: g for g in grade(sessao, escola_id, dia)}
    fechada = folha.esta_fechada(sessao, dia)
    contagem = {"faltas": 0, "horas_noturnas": 0, "avulsas": 0}
    avisos: list[str] = []
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        planos, problemas = [], []
        for linha in linhas:
            g = lotados.get(linha["servidor_id"])
            if g is None:
                raise ErroNegocio("Servidor fora da grade desta escola no mês; atualize a grade.")
            plano = _Plano(m, g, dia, linha, fechada)
            problemas += [f"{g.nome}: {msg}" for msg in plano.erros.values()]
            planos.append((g, plano))
        if problemas:
            raise EntradaInvalida(("Nada foi gravado; corrija: " if len(problemas) > 1 else "Nada foi gravado. ")
                                  + " · ".join(problemas))
        for g, plano in planos:
            try:
                avisos += [f"{g.nome}: {a}" for a in _executar(m, g.servidor_id, dia, plano.acoes)]
            except (EntradaInvalida, ErroNegocio) as e:  # desfaz a transação inteira
                raise type(e)(f"Nada foi gravado. {g.nome}: {e}") from None
            for acao in plano.acoes:
                contagem[_tipo(acao)] += 1
    return {"alterados": sum(contagem.values()), **contagem, "avisos": list(dict.fromkeys(avisos))}
