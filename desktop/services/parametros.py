"""Parâmetros legais datados e calendário do órgão: consultar, semear padrões, cadastrar.

Os valores que a lei ou o governo mudam (salário mínimo, tabelas do INSS e do IRRF, piso do
magistério) vêm de ``db/parametros`` e são semeados na base; o órgão cadastra vigências novas
(Permissao.PARAMETROS_EDITAR) e feriados municipais (Permissao.FERIADOS_EDITAR). Tudo o que é
gravado entra no diário, na mesma transação. Nada é apagado: um feriado é desativado.
"""
from __future__ import annotations

from datetime import date

from desktop.rules import calendario, formato
from desktop.rules.calendario import FeriadoMunicipal
from desktop.rules.inss import TabelaINSS
from desktop.rules.irrf import TabelaIRRF
from desktop.rules.papeis import Permissao
from desktop.rules.parametros import Parametro, SemVigencia, nova_vigencia, valor_vigente
from desktop.rules.validacao import EntradaInvalida
from desktop.store import parametros as armazem

from .sessao import ErroNegocio, Sessao


# -- padrões -----------------------------------------------------------------------------------
def semear_padroes(sessao: Sessao) -> int:
    """Grava os parâmetros padrão que faltam na base; nunca altera o que já existe.

    Idempotente e barato quando nada falta (uma consulta). Cada linha gravada vai para o diário.
    Devolve quantas linhas (definições e vigências) foram gravadas.
    """
    nomes, pares = armazem.existentes(sessao.db)
    faltam_def, faltam_vig = [], []
    for p in armazem.padroes():
        nome = p.definicao.nome
        if nome not in nomes:
            faltam_def.append(p.definicao)
        faltam_vig.extend((nome, v) for v in p.vigencias if (nome, v.inicio.isoformat()) not in pares)
    if not faltam_def and not faltam_vig:
        return 0
    with sessao.mudanca(None) as m:
        for d in faltam_def:
            m.inserir("parametros_definicao", armazem.linha_definicao(d), pk="nome")
        for nome, v in faltam_vig:
            m.inserir("parametros", armazem.linha_vigencia(nome, v, "padrao"))
    return len(faltam_def) + len(faltam_vig)


# -- consultas ---------------------------------------------------------------------------------
def listar_definicoes(sessao: Sessao) -> list[dict]:
    """Parâmetros cadastrados: nome, título, descrição, tipo, nº de vigências, início da última."""
    sessao.exigir(Permissao.PARAMETROS_LER)
    return armazem.definicoes(sessao.db)


def _parametro(sessao: Sessao, nome: str) -> Parametro:
    p = armazem.carregar(sessao.db, nome)
    if p is None:
        raise ErroNegocio(f"Parâmetro desconhecido: {nome}.")
    return p


def listar_vigencias(sessao: Sessao, nome: str) -> list[dict]:
    """Vigências do parâmetro em ordem de início (valor decodificado; dinheiro como texto)."""
    sessao.exigir(Permissao.PARAMETROS_LER)
    _parametro(sessao, nome)
    return armazem.vigencias_linhas(sessao.db, nome)


def vigente(sessao: Sessao, nome: str, data: date):
    """O valor em vigor na data, pronto para as regras — a única leitura de parâmetro dos serviços.

    ``ValorLegal`` para valores e percentuais; para as tabelas, o objeto da classe do registro
    (``rules.parametros.REGISTRO``): ``TabelaINSS``, ``TabelaIRRF`` (com a dedução por dependente
    vigente na mesma data), ``MatrizVencimentos``, ``RegrasPrazos``, ``RegrasEleicao``, ``Prazos``…
    Um parâmetro que a base ainda não tem (base de uma versão anterior, antes da semeadura) é lido
    dos padrões de ``db/parametros``.
    """
    sessao.exigir(Permissao.PARAMETROS_LER)
    return vigente_na_conexao(sessao.db, nome, data)


def vigente_na_conexao(db, nome: str, data: date):
    """``vigente`` para o trecho de um serviço que só tem a conexão (ou a ``Mudanca``) e já conferiu a
    permissão; a mesma leitura, sem conferir de novo."""
    lidos = {n: _parametro_ou_padrao(db, n) for n in ((nome, "irrf_dependente") if nome == "irrf" else (nome,))}
    try:
        return valor_vigente(lidos, nome, data)
    except SemVigencia as e:
        raise ErroNegocio(str(e)) from e


def _parametro_ou_padrao(db, nome: str) -> Parametro:
    p = armazem.carregar(db, nome)
    if p is not None:
        return p
    try:
        return armazem.padrao(nome)
    except KeyError:
        raise ErroNegocio(f"Parâmetro desconhecido: {nome}.") from None


def tabela_inss(sessao: Sessao, data: date) -> TabelaINSS:
    return vigente(sessao, "inss", data)


def tabela_irrf(sessao: Sessao, data: date) -> TabelaIRRF:
    return vigente(sessao, "irrf", data)


# -- cadastro de vigências ---------------------------------------------------------------------
def adicionar_vigencia(sessao: Sessao, nome: str, inicio: date, valor, fundamento: str,
                       status: str = "V") -> dict:
    """Cadastra um novo valor do parâmetro a partir de ``inicio`` (origem 'usuario').

    Recusa: fundamento vazio, início já cadastrado, valor fora da forma do parâmetro (dinheiro
    maior que zero; tabela com faixas em ordem crescente). Devolve a linha gravada.
    """
    sessao.exigir(Permissao.PARAMETROS_EDITAR)
    if not isinstance(inicio, date):
        raise EntradaInvalida("Informe a data de início da vigência (dd/mm/aaaa).")
    p = _parametro(sessao, nome)
    if any(v.inicio == inicio for v in p.vigencias):
        raise ErroNegocio(
            f"Já existe uma vigência de {p.definicao.titulo} começando em {formato.data(inicio)}. "
            "Escolha outra data de início."
        )
    vig = nova_vigencia(p.definicao, inicio, valor, fundamento, status)
    with sessao.mudanca(Permissao.PARAMETROS_EDITAR) as m:
        linha = m.inserir("parametros", armazem.linha_vigencia(nome, vig, "usuario"))
    return linha


# -- feriados municipais -----------------------------------------------------------------------
def listar_feriados_municipais(sessao: Sessao, incluir_inativos: bool = False) -> list[dict]:
    sessao.exigir(Permissao.PARAMETROS_LER)
    return armazem.feriados_linhas(sessao.db, incluir_inativos=incluir_inativos)


def adicionar_feriado_municipal(sessao: Sessao, data: date, descricao: str, anual: bool = True) -> dict:
    """Cadastra um feriado municipal (anual: repete a partir do ano de ``data``)."""
    sessao.exigir(Permissao.FERIADOS_EDITAR)
    if not isinstance(data, date):
        raise EntradaInvalida("Informe a data do feriado (dd/mm/aaaa).")
    descricao = (descricao or "").strip()
    if not descricao:
        raise EntradaInvalida("Informe a descrição do feriado, por exemplo: Aniversário da cidade.")
    novo = FeriadoMunicipal(data, descricao, bool(anual))
    for f in armazem.feriados_ativos(sessao.db):
        if novo.coincide_com(f):
            raise ErroNegocio(
                f"Já há um feriado municipal em {formato.data(data)}: {f.descricao}. "
                "Desative-o antes de cadastrar outro no mesmo dia."
            )
    with sessao.mudanca(Permissao.FERIADOS_EDITAR) as m:
        linha = m.inserir("feriados_municipais", armazem.linha_feriado(novo))
    return linha


def desativar_feriado_municipal(sessao: Sessao, feriado_id: str) -> dict:
    """Desativa (não apaga) um feriado municipal; ele deixa de contar nos dias úteis."""
    sessao.exigir(Permissao.FERIADOS_EDITAR)
    antes = armazem.feriado_linha(sessao.db, feriado_id)
    if antes is None:
        raise ErroNegocio("Feriado municipal não encontrado.")
    if not antes["ativo"]:
        raise ErroNegocio(f"O feriado {antes['descricao']} já está desativado.")
    with sessao.mudanca(Permissao.FERIADOS_EDITAR) as m:
        depois = antes | {"ativo": 0}
        m.alterar("feriados_municipais", feriado_id, {"ativo": 0}, no_diario=(antes, depois))
    return depois


# -- calendário do órgão -----------------------------------------------------------------------
def _calendario(sessao: Sessao) -> tuple[str, tuple[FeriadoMunicipal, ...]]:
    uf = armazem.uf_do_escritorio(sessao.db)
    if not uf:
        raise ErroNegocio("Cadastre os dados do órgão (com a UF) antes de usar o calendário.")
    return uf, armazem.feriados_ativos(sessao.db)


def feriados_do_ano(sessao: Sessao, ano: int) -> dict[date, str]:
    """Feriados nacionais, da UF do órgão e municipais ativos do ano."""
    uf, municipais = _calendario(sessao)
    return calendario.feriados(ano, uf, municipais)


def eh_dia_util(sessao: Sessao, data: date) -> bool:
    uf, municipais = _calendario(sessao)
    return calendario.eh_dia_util(data, uf, municipais)


def somar_dias_uteis(sessao: Sessao, data: date, n: int) -> date:
    """O n-ésimo dia útil depois de ``data`` no calendário do órgão (n negativo volta)."""
    uf, municipais = _calendario(sessao)
    return calendario.somar_dias_uteis(data, n, uf, municipais)


def dias_uteis_entre(sessao: Sessao, inicio: date, fim: date) -> int:
    """Dias úteis de ``inicio`` a ``fim`` (as duas datas contam) no calendário do órgão."""
    uf, municipais = _calendario(sessao)
    return calendario.dias_uteis_entre(inicio, fim, uf, municipais)
