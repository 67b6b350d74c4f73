"""Parâmetros legais datados: definição, vigências, a vigência em vigor numa data.

Um parâmetro (salário mínimo, tabelas do INSS e do IRRF, piso do magistério...) é um nome com
vigências; cada vigência tem início, valor, fundamento (ato e artigo) e status da fonte:
V (texto do ato lido), S (fontes secundárias concordantes), NV (não verificado).

O valor guardado tem a forma do TOML de ``db/parametros`` e do JSON da base: dinheiro como texto
decimal ("1621.00"), percentual como texto em % ("7.5"), tabela como objeto. ``interpretar``
converte uma vigência no objeto que as regras usam. Aqui não há leitura de arquivo nem de base:
recebe-se o dicionário já carregado.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Iterable, Mapping

from .certificacao.tipos import PisosCargaHoraria, Prazos, Requisitos
from .conselho.colegiado import RegrasColegiado
from .conselho.parametros import (RegrasExpediente, RegrasFiscalizacao, RegrasPrazos, RegrasRelatorio,
                                  RegrasRemuneracao)
from .dinheiro import decimal_de, texto_decimal, texto_dinheiro
from . import campos, formato
from .eleicao.auditoria import RegrasApuracao
from .eleicao.regras import RegrasEleicao
from .inss import TabelaINSS
from .irrf import TabelaIRRF
from .folha.regras import RegrasFolha
from .magisterio.folha_gratificacoes import GratificacoesMagisterio
from .magisterio.tabelas import MatrizVencimentos, ParametrosCarreira, TabelaFG, Valorizacao
from .validacao import EntradaInvalida

TIPOS = ("valor", "percentual", "tabela")
STATUS = {"V": "texto do ato lido", "S": "fontes secundárias concordantes", "NV": "não verificado"}
_NOME = re.compile(r"[a-z][a-z0-9_]{1,63}")


class SemVigencia(LookupError):
    """Nenhuma vigência do parâmetro cobre a data; a mensagem é para o usuário."""


@dataclass(frozen=True)
class Definicao:
    nome: str
    titulo: str
    descricao: str
    tipo: str


@dataclass(frozen=True)
class Vigencia:
    """Um valor do parâmetro, em vigor de ``inicio`` até o início da vigência seguinte."""

    inicio: date
    valor: Any
    fundamento: str
    status: str = "V"


@dataclass(frozen=True)
class ValorLegal:
    """Valor (dinheiro ou percentual) em vigor, com seu fundamento."""

    valor: Decimal
    inicio: date
    fundamento: str
    status: str = "V"


@dataclass(frozen=True)
class Parametro:
    definicao: Definicao
    vigencias: tuple[Vigencia, ...]

    def vigente_em(self, data: date) -> Vigencia:
        return vigente_em(self.vigencias, data, self.definicao.titulo)


def vigente_em(vigencias: Iterable[Vigencia], data: date, titulo: str = "o parâmetro") -> Vigencia:
    """A vigência em vigor na data: a de maior início que não seja posterior à data."""
    ordenadas = sorted(vigencias, key=lambda v: v.inicio)
    escolhida = None
    for v in ordenadas:
        if v.inicio <= data:
            escolhida = v
    if escolhida is None:
        if not ordenadas:
            raise SemVigencia(
                f"Não há nenhum valor cadastrado para {titulo}. Cadastre uma vigência em Parâmetros."
            )
        raise SemVigencia(
            f"Não há valor de {titulo} em vigor em {formato.data(data)}: o primeiro cadastrado começa em "
            f"{formato.data(ordenadas[0].inicio)}. Cadastre a vigência anterior em Parâmetros."
        )
    return escolhida


def data_iso(valor, campo: str = "o início da vigência") -> date:
    """Data do TOML (já ``date``) ou texto aaaa-mm-dd."""
    if isinstance(valor, date) and not hasattr(valor, "hour"):
        return valor
    if isinstance(valor, str):
        try:
            return date.fromisoformat(valor.strip())
        except ValueError:
            pass
    raise EntradaInvalida(f"{campo[:1].upper()}{campo[1:]} deve ser uma data (aaaa-mm-dd): {valor!r}.")


# -- valores -----------------------------------------------------------------------------------
def _dinheiro_positivo(valor, titulo: str) -> str:
    return texto_dinheiro(campos.dinheiro(valor, f"o valor de {titulo}"))


def _percentual(valor, titulo: str) -> str:
    return texto_decimal(campos.percentual(valor, f"O percentual de {titulo}"))


def _sem_campos_a_mais(entrada, canonico, titulo: str, caminho: str = ""):
    """A forma gravada (``canonico``, devolvida pela classe) tem todos os campos que vieram: um campo
    desconhecido (p. ex. ``nivel_5_20h`` no Anexo I) é recusado em vez de sumir em silêncio."""
    if isinstance(entrada, dict) and isinstance(canonico, dict):
        for k, v in entrada.items():
            if k not in canonico:
                raise EntradaInvalida(f"O parâmetro {titulo} não tem o campo {caminho}{k}.")
            _sem_campos_a_mais(v, canonico[k], titulo, f"{caminho}{k}.")
    elif isinstance(entrada, list) and isinstance(canonico, list):
        for i, (a, b) in enumerate(zip(entrada, canonico), start=1):
            _sem_campos_a_mais(a, b, titulo, f"{caminho}{i}.")
    return canonico


@dataclass(frozen=True)
class TipoParametro:
    """Um parâmetro em tabela: a classe que as regras usam, como ela lê uma vigência e como valida um valor.

    ``ler(vigencia)`` devolve o objeto da ``classe`` (com o fundamento da vigência); ``validar(valor,
    titulo)`` recusa com ``EntradaInvalida`` e devolve a forma gravada. ``canonica``: a forma gravada é a
    que a classe devolve (``para_valor``); senão, o valor é gravado como veio (texto decimal)."""

    classe: type
    ler: Callable[[Vigencia], Any]
    canonica: bool = False

    def validar(self, valor, titulo: str):
        objeto = self.ler(Vigencia(date.min, valor, "", "V"))
        if not self.canonica:
            return valor
        return _sem_campos_a_mais(valor, objeto.para_valor(), titulo)


def _datado(objeto, inicio: date):
    """O objeto com o início da vigência, quando a classe o guarda (a folha registra de onde veio cada valor)."""
    return replace(objeto, inicio=inicio) if "inicio" in getattr(objeto, "__dataclass_fields__", {}) else objeto


def _com_fundamento(classe) -> TipoParametro:
    return TipoParametro(classe, lambda v: _datado(classe.de_valor(v.valor, v.fundamento), v.inicio))


def _irrf_sem_dependente(v: Vigencia) -> TabelaIRRF:
    # só para validar a forma: quem lê o IRRF usa ``tabela_irrf_em`` (o dependente é outro parâmetro)
    return TabelaIRRF.de_valor(v.valor, dependente=Decimal(1), inicio=v.inicio, fundamento=v.fundamento,
                               status=v.status)


REGISTRO: dict[str, TipoParametro] = {
    "inss": TipoParametro(TabelaINSS, lambda v: TabelaINSS.de_valor(
        v.valor, inicio=v.inicio, fundamento=v.fundamento, status=v.status), canonica=True),
    "irrf": TipoParametro(TabelaIRRF, _irrf_sem_dependente, canonica=True),
    # as tabelas da Lei 1.613/2004 (Anexos I, II e III e regras da carreira)
    "magisterio_anexo1": TipoParametro(MatrizVencimentos, MatrizVencimentos.de_vigencia, canonica=True),
    "magisterio_anexo2": TipoParametro(Valorizacao, Valorizacao.de_vigencia, canonica=True),
    "magisterio_anexo3": TipoParametro(TabelaFG, TabelaFG.de_vigencia, canonica=True),
    "magisterio_carreira": TipoParametro(ParametrosCarreira, ParametrosCarreira.de_vigencia, canonica=True),
    # regras da folha e gratificações do magistério
    "folha_geral": _com_fundamento(RegrasFolha),
    "magisterio_gratificacoes": _com_fundamento(GratificacoesMagisterio),
    # os números do Conselho Tutelar, da eleição e da certificação
    "conselho_remuneracao": _com_fundamento(RegrasRemuneracao),
    "conselho_prazos": _com_fundamento(RegrasPrazos),
    "conselho_expediente": _com_fundamento(RegrasExpediente),
    "conselho_relatorio": _com_fundamento(RegrasRelatorio),
    "conselho_fiscalizacao": _com_fundamento(RegrasFiscalizacao),
    "conselho_colegiado": _com_fundamento(RegrasColegiado),
    "eleicao_regras": _com_fundamento(RegrasEleicao),
    "eleicao_apuracao": _com_fundamento(RegrasApuracao),
    "certificacao_prazos": _com_fundamento(Prazos),
    "certificacao_requisitos": TipoParametro(Requisitos, lambda v: Requisitos.de_valor(v.valor)),
    "certificacao_carga_horaria": _com_fundamento(PisosCargaHoraria),
}
"""O registro dos parâmetros em tabela: uma classe para cada um, que o lê (``services.parametros.vigente``)
e valida o valor ao gravar uma vigência (a tela Parâmetros, a semeadura e a calculadora passam por aqui).
Um parâmetro em tabela fora deste registro é recusado (tests/rules/test_registro_parametros.py confere o
registro contra db/parametros)."""

VALIDADORES_TABELA = {nome: tipo.validar for nome, tipo in REGISTRO.items()}


def normalizar_valor(definicao: Definicao, valor) -> Any:
    """Valida o valor conforme o tipo do parâmetro e devolve a forma gravada (texto decimal)."""
    titulo = definicao.titulo
    if definicao.tipo == "valor":
        return _dinheiro_positivo(valor, titulo)
    if definicao.tipo == "percentual":
        return _percentual(valor, titulo)
    validador = VALIDADORES_TABELA.get(definicao.nome)
    if validador is None:
        raise EntradaInvalida(f"O parâmetro {titulo} ({definicao.nome}) não tem classe que valide o seu valor: "
                              "não pode ser gravado.")
    return validador(valor, titulo)


def nova_vigencia(definicao: Definicao, inicio, valor, fundamento: str, status: str = "V") -> Vigencia:
    """Vigência validada: início é data, fundamento obrigatório, status V/S/NV, valor conforme o tipo."""
    fundamento = (fundamento or "").strip() if isinstance(fundamento, str) else ""
    if not fundamento:
        raise EntradaInvalida(
            f"Informe o fundamento da vigência de {definicao.titulo}: o ato (lei, decreto, portaria) "
            "e, se houver, o artigo."
        )
    if status not in STATUS:
        raise EntradaInvalida("O status da fonte deve ser V (ato lido), S (fontes secundárias) ou NV.")
    return Vigencia(data_iso(inicio), normalizar_valor(definicao, valor), fundamento, status)


def interpretar(definicao: Definicao, vigencia: Vigencia, *, dependente: Decimal | None = None):
    """O objeto que as regras usam: ``ValorLegal`` para valores e percentuais; para as tabelas, o objeto
    da classe do registro (``TabelaINSS``, ``MatrizVencimentos``, ``RegrasPrazos``…).

    Para ``irrf`` informe ``dependente`` (o valor vigente do parâmetro ``irrf_dependente``).
    """
    v = vigencia
    if definicao.tipo in ("valor", "percentual"):
        return ValorLegal(decimal_de(v.valor), v.inicio, v.fundamento, v.status)
    if definicao.nome == "irrf":
        if dependente is None:
            raise ValueError("interpretar('irrf') precisa da dedução por dependente vigente.")
        return TabelaIRRF.de_valor(v.valor, dependente=dependente, inicio=v.inicio,
                                   fundamento=v.fundamento, status=v.status)
    tipo = REGISTRO.get(definicao.nome)
    if tipo is None:
        raise EntradaInvalida(f"O parâmetro {definicao.titulo} ({definicao.nome}) não tem classe que o leia.")
    return tipo.ler(v)


def tabela_irrf_em(irrf: Parametro, dependente: Parametro, data: date) -> TabelaIRRF:
    """A tabela do IRRF em vigor na data, com a dedução por dependente vigente na mesma data."""
    vig, dep = irrf.vigente_em(data), dependente.vigente_em(data)
    tabela = interpretar(irrf.definicao, vig, dependente=decimal_de(dep.valor))
    return replace(tabela, fundamento=f"{vig.fundamento}; dependente: {dep.fundamento}")


def valor_vigente(parametros: Mapping[str, Parametro], nome: str, data: date):
    """O valor de ``nome`` em vigor na data, pronto para as regras: a leitura única de um parâmetro.

    ``services.parametros.vigente`` (com a base) e as calculadoras e os testes (com os parâmetros de
    db/parametros e os da entrada) passam por aqui: ``ValorLegal`` para valores e percentuais, o objeto da
    classe do registro para as tabelas, ``TabelaIRRF`` com a dedução por dependente de ``irrf_dependente``
    vigente na mesma data. Sem vigência na data: ``SemVigencia``."""
    p = parametros[nome]
    if nome == "irrf":
        return tabela_irrf_em(p, parametros["irrf_dependente"], data)
    return interpretar(p.definicao, p.vigente_em(data))


# -- definição a partir do TOML já carregado ---------------------------------------------------
def definicao_de(dados: dict) -> Definicao:
    """A seção [definicao] de um parâmetro."""
    if not isinstance(dados, dict):
        raise EntradaInvalida("A definição do parâmetro deve ser uma seção [definicao].")
    faltam = [c for c in ("nome", "titulo", "descricao", "tipo") if not str(dados.get(c) or "").strip()]
    if faltam:
        raise EntradaInvalida(f"A definição do parâmetro está sem: {', '.join(faltam)}.")
    if not _NOME.fullmatch(dados["nome"]):
        raise EntradaInvalida(
            f"Nome de parâmetro inválido: {dados['nome']!r} (use letras minúsculas, números e _)."
        )
    if dados["tipo"] not in TIPOS:
        raise EntradaInvalida(f"Tipo de parâmetro inválido: {dados['tipo']!r} (use valor, percentual ou tabela).")
    return Definicao(dados["nome"], dados["titulo"].strip(), dados["descricao"].strip(), dados["tipo"])


def parametro_de(dados: dict) -> Parametro:
    """Um parâmetro a partir do TOML carregado: [definicao] e [[vigencia]] (inicio, valor, fundamento, status)."""
    definicao = definicao_de(dados.get("definicao"))
    vigencias, vistos = [], set()
    for n, item in enumerate(dados.get("vigencia") or [], start=1):
        if not isinstance(item, dict) or "inicio" not in item or "valor" not in item:
            raise EntradaInvalida(f"{definicao.nome}: a vigência nº {n} precisa de início e valor.")
        v = nova_vigencia(definicao, item["inicio"], item["valor"], item.get("fundamento", ""),
                          item.get("status", "V"))
        if v.inicio in vistos:
            raise EntradaInvalida(f"{definicao.nome}: há duas vigências começando em {formato.data(v.inicio)}.")
        vistos.add(v.inicio)
        vigencias.append(v)
    return Parametro(definicao, tuple(sorted(vigencias, key=lambda v: v.inicio)))
