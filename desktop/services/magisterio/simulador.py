"""Simulador do contracheque do magistério: "e se eu concluir a especialização?", sem gravar nada.

``simular(sessao, servidor_id, data, alteracoes)`` carrega a ficha gravada do servidor, acrescenta
numa cópia as mudanças hipotéticas (nova titulação, novo curso, jornada de 40 h ou desdobramento,
função de diretor ou vice, lotação em escola de difícil acesso ou zona rural...) e calcula o
contracheque da competência da ``data`` com os parâmetros em vigor nela e a configuração do
órgão — o mesmo cálculo da folha (Lei 1.613/2004, ``rules.magisterio.folha``). Devolve o
contracheque atual e o simulado lado a lado, no formato da calculadora (docs/calculadora.md).
Só leitura: exige ``MAGISTERIO_LER`` e nada vai à base nem ao diário.

Cada alteração é um dicionário com ``historico`` (titulacoes, cursos, jornadas, funcoes, lotacoes,
regencias, afastamentos, faltas, ferias, averbacoes) e os campos do item, como na entrada da
calculadora (datas ``date`` ou aaaa-mm-dd). Uma lotação, função ou jornada base nova encerra na
véspera a que estava em aberto, como no cadastro (``historicos._encadear``).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from desktop.rules.folha.dias import primeiro_dia
from desktop.rules.magisterio import tipos as t
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import folha as armazem_folha
from desktop.rules import formato

from ..sessao import ErroNegocio, Sessao
from . import cadastro, configuracao
from .calculadora import HISTORICOS, conferir_ficha, item_de_dados, resultado
from .comum import ROTULOS_TITULO
from .folha import parametros_da_competencia

_ENCADEADOS = ("lotacoes", "funcoes", "jornadas")
_ROTULOS = {"titulacoes": "titulação", "cursos": "curso", "jornadas": "jornada", "funcoes": "função gratificada",
            "lotacoes": "lotação", "regencias": "regência", "afastamentos": "afastamento", "faltas": "falta",
            "ferias": "férias", "averbacoes": "averbação"}


@dataclass(frozen=True)
class Simulacao:
    """Os dois contracheques (formato de ``calculadora.resultado``) e o que foi suposto."""

    data: date
    servidor: dict
    atual: dict
    simulado: dict
    alteracoes: list[str] = field(default_factory=list)

    @property
    def diferenca_liquido(self) -> Decimal:
        return Decimal(self.simulado["totais"]["liquido"]) - Decimal(self.atual["totais"]["liquido"])

    def comparacao(self) -> list[dict]:
        """Rubrica a rubrica (código e descrição): valor atual, simulado e a diferença (Decimal)."""
        chaves: dict[tuple, dict] = {}
        for lado in ("atual", "simulado"):
            for linha in getattr(self, lado)["linhas"]:
                k = (linha["codigo"], linha["descricao"])
                item = chaves.setdefault(k, {"codigo": k[0], "descricao": k[1], "natureza": linha["natureza"],
                                             "fundamento": linha["fundamento"], "atual": Decimal("0.00"),
                                             "simulado": Decimal("0.00")})
                item[lado] += Decimal(linha["valor"])
        saida = sorted(chaves.values(), key=lambda i: (i["codigo"], i["descricao"]))
        for i in saida:
            i["diferenca"] = i["simulado"] - i["atual"]
        return saida


def _inicio(item) -> date:
    return getattr(item, "inicio", None) or getattr(item, "data", None) or getattr(item, "conclusao", None) \
        or item.data_requerimento


def aplicar(ficha: t.FichaFuncional, alteracoes: list[dict]) -> tuple[t.FichaFuncional, list[str]]:
    """Uma cópia da ficha com as alterações (sem tocar a original) e a descrição de cada uma."""
    nova = copy.deepcopy(ficha)
    descricoes = []
    for n, alt in enumerate(alteracoes or [], 1):
        if not isinstance(alt, dict) or alt.get("historico") not in HISTORICOS:
            raise EntradaInvalida(f"Alteração {n}: diga o histórico ({', '.join(HISTORICOS)}).")
        historico = alt["historico"]
        dados = {k: v.isoformat() if isinstance(v, date) else v for k, v in alt.items() if k != "historico"}
        item = item_de_dados(historico, dados, f"alteração {n} ({_ROTULOS[historico]})")
        lista = getattr(nova, historico)
        if historico in _ENCADEADOS:
            base_nova = historico != "jornadas" or item.motivo is t.MotivoJornada.BASE
            mesmo = (lambda o: historico != "jornadas" or (o.motivo is t.MotivoJornada.BASE) == base_nova)
            lista[:] = [o for o in lista if not (mesmo(o) and o.inicio >= item.inicio)]  # substituídos
            for i, o in enumerate(list(lista)):
                if mesmo(o) and o.inicio < item.inicio and (o.fim is None or o.fim >= item.inicio):
                    lista[i] = replace(o, fim=item.inicio - timedelta(days=1))
                    if historico == "jornadas" and item.fim is not None and base_nova:
                        lista.append(replace(o, inicio=item.fim + timedelta(days=1), fim=o.fim))
        lista.append(item)
        descricoes.append(descrever(historico, item))
    conferir_ficha(nova, "ficha simulada")
    return nova, descricoes


def descrever(historico: str, item) -> str:
    """Uma frase para a tela e o relatório: "Curso de especialização (360 h) concedido em 01/06/2026"."""
    if isinstance(item, t.Titulacao):
        return f"Titulação {ROTULOS_TITULO[item.titulo.value]} requerida em {formato.data(item.data_requerimento)}"
    if isinstance(item, t.Curso):
        quando = f"concedido em {formato.data(item.concessao)}" if item.concessao else "sem concessão (não conta, art. 48)"
        return f"Curso de {item.tipo.value} ({item.carga_horaria} h) concluído em {formato.data(item.conclusao)}, {quando}"
    if isinstance(item, t.JornadaPeriodo):
        motivo = "" if item.motivo is t.MotivoJornada.BASE else f" ({item.motivo.value.replace('_', ' ')})"
        return f"Jornada de {item.horas} h{motivo} a partir de {formato.data(item.inicio)}"
    if isinstance(item, t.FuncaoGratificada):
        nome = "diretor(a)" if item.funcao is t.Funcao.DIRETOR else "vice-diretor(a)"
        return f"Função de {nome} em escola de porte {item.porte.rotulo} a partir de {formato.data(item.inicio)}"
    if isinstance(item, t.Lotacao):
        marcas = [m for m, sim in (("difícil acesso", item.dificil_acesso), ("zona rural", item.zona_rural)) if sim]
        return f"Lotação em {item.escola or 'escola'}{' (' + ', '.join(marcas) + ')' if marcas else ''} " \
               f"a partir de {formato.data(item.inicio)}"
    return f"{_ROTULOS[historico][:1].upper()}{_ROTULOS[historico][1:]} a partir de {formato.data(_inicio(item))}"


def conferir(sessao: Sessao, servidor_id: str, alteracoes: list[dict]) -> list[str]:
    """Confere as alterações sobre a ficha gravada (sem calcular nem gravar); devolve a descrição de cada uma."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return aplicar(cadastro.ficha(sessao, servidor_id), alteracoes)[1]


def simular(sessao: Sessao, servidor_id: str, data: date, alteracoes: list[dict]) -> Simulacao:
    """O contracheque da competência de ``data`` como está e com as ``alteracoes``; nada é gravado.

    A situação (nível, classe, jornada) é a da ``data``; os parâmetros, os em vigor no dia 1º do mês.
    Recusa (``ErroNegocio``) se o servidor não tem vínculo na data; alteração inválida, ``EntradaInvalida``.
    """
    sessao.exigir(Permissao.MAGISTERIO_LER)
    if not isinstance(data, date):
        raise EntradaInvalida("Informe a data da simulação (dd/mm/aaaa).")
    ficha = cadastro.ficha(sessao, servidor_id)
    if data < ficha.admissao or (ficha.desligamento is not None and data > ficha.desligamento):
        raise ErroNegocio(f"{ficha.nome} não tem vínculo em {formato.data(data)} (admissão em {formato.data(ficha.admissao)}"
                          + (f", desligamento em {formato.data(ficha.desligamento)}" if ficha.desligamento else "") + ").")
    mes = primeiro_dia(data)
    p = parametros_da_competencia(sessao, mes)
    config = configuracao.ler(sessao)
    pago_13 = armazem_folha.adiantamentos_13(sessao.db, mes).get(ficha.id)
    hipotetica, descricoes = aplicar(ficha, alteracoes)
    try:
        atual = resultado(ficha, mes, p, config, data_situacao=data, adiantamento_13_pago=pago_13)
    except EntradaInvalida as e:
        raise ErroNegocio(f"O cadastro atual de {ficha.nome} não permite calcular: {e}") from None
    simulado = resultado(hipotetica, mes, p, config, data_situacao=data, adiantamento_13_pago=pago_13)
    return Simulacao(data, {"id": ficha.id, "nome": ficha.nome, "matricula": ficha.matricula}, atual, simulado,
                     descricoes)
