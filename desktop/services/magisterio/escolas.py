"""Escolas do magistério (porte e difícil acesso datados) e as tabelas de tipos de afastamento e de
códigos de falta, com permissão e diário.

O porte define a FG do diretor e do vice e muda com a matrícula (Lei 1.613/2004, art. 38 §1º); o
difícil acesso é definido em ato do(a) Secretário(a) (art. 42 §4º). Cada mudança é uma nova
situação datada: a de antes continua valendo para as competências passadas.
"""
from __future__ import annotations

from datetime import date

from desktop.rules.magisterio.tipos import Porte
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida, obrigatorio
from desktop.store import cadastros as armazem_cadastros
from desktop.store import linhas as armazem_linhas
from desktop.store.magisterio import escolas as armazem
from desktop.store.magisterio import tabelas
from desktop.rules import formato

from .. import cadastros
from ..sessao import ErroNegocio, Sessao
from .comum import escolha


# -- escolas ----------------------------------------------------------------------------------------
def listar_escolas(sessao: Sessao, data: date | None = None, incluir_inativas: bool = False) -> list[dict]:
    """Escolas com porte, difícil acesso e zona rural em vigor na ``data`` (hoje, se None)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = data or date.today()
    situacoes = armazem.situacoes(sessao.db)
    resultado = []
    for e in armazem.escolas(sessao.db, incluir_inativas):
        s = armazem.situacao_em(situacoes.get(e["id"], []), dia)
        resultado.append(e | {"porte": s.porte if s else None, "dificil_acesso": bool(s and s.dificil_acesso),
                              "zona_rural": e["zona"] == "rural", "situacao_desde": s.inicio if s else None})
    return resultado


def situacoes_escola(sessao: Sessao, escola_id: str) -> list[dict]:
    """O histórico de porte e difícil acesso da escola (cada situação com início e fim)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    _escola(sessao, escola_id)
    return [vars(s).copy() for s in armazem.situacoes(sessao.db, escola_id).get(escola_id, [])]


def cadastrar_escola(sessao: Sessao, *, nome: str, zona: str = "urbana", bairro: str | None = None,
                     endereco: str | None = None, codigo_inep: str | None = None, porte: Porte | str | None = None,
                     dificil_acesso: bool = False, desde: date | None = None, ato: str = "") -> dict:
    """Cadastra a escola (unidade de tipo 'escola') e, se informado o porte, a situação desde ``desde``."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    if zona not in ("urbana", "rural"):
        raise EntradaInvalida("Zona da escola: use urbana ou rural.")
    if porte is None and dificil_acesso:
        raise EntradaInvalida("Informe o porte da escola junto com o difícil acesso.")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR):
        escola = cadastros.cadastrar_unidade(
            sessao, tipo="escola", nome=nome, zona=zona, bairro=bairro,
            endereco=endereco, codigo_inep=codigo_inep)
        if porte is not None:
            definir_situacao(sessao, escola["id"], inicio=desde or date.today(), porte=porte,
                             dificil_acesso=dificil_acesso, ato=ato)
    return escola


def alterar_escola(sessao: Sessao, escola_id: str, **campos) -> dict:
    """Altera nome, bairro, endereço, código INEP, zona (urbana/rural) ou ativo da escola, com diário."""
    permitidos = {"nome", "bairro", "endereco", "codigo_inep", "zona", "ativo"}
    if set(campos) - permitidos:
        raise ErroNegocio(f"Campo que não se altera aqui: {', '.join(sorted(set(campos) - permitidos))}.")
    if "zona" in campos and campos["zona"] not in ("urbana", "rural"):
        raise EntradaInvalida("Zona da escola: use urbana ou rural.")
    if "nome" in campos:
        campos["nome"] = obrigatorio(campos["nome"], "o nome da escola")
    if "ativo" in campos:
        campos["ativo"] = 1 if campos["ativo"] else 0
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        _escola(sessao, escola_id)  # recusa o id que não é de escola
        if "nome" in campos and armazem_cadastros.nome_de_unidade_em_uso(m.db, "escola", campos["nome"],
                                                                         exceto=escola_id):
            raise ErroNegocio(f"Já existe escola com o nome {campos['nome']}.")
        depois = m.alterar("unidades", escola_id, armazem_linhas.carimbado(m.db, "unidades", campos))
    return depois


def _escola(sessao: Sessao, escola_id: str) -> dict:
    u = armazem.obter_unidade(sessao.db, escola_id)
    if u is None or u["tipo"] != "escola":
        raise ErroNegocio("Escola não encontrada; atualize a lista e tente de novo.")
    return u


def definir_situacao(sessao: Sessao, escola_id: str, *, inicio: date, porte: Porte | str,
                     dificil_acesso: bool = False, ato: str = "") -> dict:
    """Porte e difícil acesso da escola a partir de ``inicio``; a mesma data corrige a situação dela."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    porte = escolha(Porte, porte, "porte")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        escola = _escola(sessao, escola_id)
        existente = armazem.situacao_no_inicio(m.db, escola_id, inicio)
        if existente:
            return m.alterar("magisterio_escolas", existente["id"],
                             armazem.campos_situacao(porte=porte, dificil_acesso=dificil_acesso, ato=ato))
        anteriores = armazem.situacoes(m.db, escola_id).get(escola_id, [])
        if not anteriores or inicio < anteriores[0].inicio:
            _funcoes_cobertas(m.db, escola, inicio)
        return m.inserir("magisterio_escolas", armazem.nova_situacao(unidade_id=escola_id, inicio=inicio, porte=porte,
                                                                      dificil_acesso=dificil_acesso, ato=ato))


def excluir_situacao(sessao: Sessao, situacao_id: str) -> None:
    """Exclui uma situação lançada por engano (não pode deixar função gratificada sem porte)."""
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        atual = armazem.linha_situacao(m.db, situacao_id)
        if atual is None:
            raise ErroNegocio("Situação da escola não encontrada; atualize a lista e tente de novo.")
        escola = _escola(sessao, atual["unidade_id"])
        restantes = [s for s in armazem.situacoes(m.db, escola["id"]).get(escola["id"], []) if s.id != situacao_id]
        _funcoes_cobertas(m.db, escola, restantes[0].inicio if restantes else None)
        armazem.excluir_situacao(m.db, situacao_id)
        m.registrar("magisterio_escolas", situacao_id, "excluir", antes=atual)


def _funcoes_cobertas(db, escola: dict, primeira: date | None) -> None:
    """Nenhuma função gratificada da escola pode começar antes da primeira situação (sem porte)."""
    for f in armazem.funcoes_na_escola(db, escola["id"]):
        if primeira is None or date.fromisoformat(f["inicio"]) < primeira:
            raise ErroNegocio(
                f"A escola {escola['nome']} ficaria sem porte em {formato.data(date.fromisoformat(f['inicio']))}, quando "
                f"{f['nome']} já exerce função gratificada nela (Lei 1.613/2004, art. 38). Informe um porte que "
                "valha desde essa data.")


# -- tipos de afastamento e códigos de falta --------------------------------------------------------
def listar_tipos_afastamento(sessao: Sessao, incluir_inativos: bool = False) -> list[dict]:
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return tabelas.tipos_afastamento(sessao.db, incluir_inativos)


def listar_codigos_falta(sessao: Sessao, incluir_inativos: bool = False) -> list[dict]:
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return tabelas.codigos_falta(sessao.db, incluir_inativos)


def _codigo(texto: str) -> str:
    c = (texto or "").strip().upper()
    if not (2 <= len(c) <= 8 and c.isascii() and c.isalnum()):
        raise EntradaInvalida("O código deve ter de 2 a 8 letras maiúsculas ou números, sem acento.")
    return c


def salvar_tipo_afastamento(sessao: Sessao, *, codigo: str, descricao: str, remunerado: bool,
                            conta_exercicio: bool, suspende_dificil_acesso: bool, fundamento: str,
                            ativo: bool = True) -> dict:
    """Cadastra ou altera um tipo de afastamento (a mudança vale para todos os afastamentos do tipo)."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    valores = {"codigo": _codigo(codigo), "descricao": obrigatorio(descricao, "a descrição"),
               "remunerado": bool(remunerado), "conta_exercicio": bool(conta_exercicio),
               "suspende_dificil_acesso": bool(suspende_dificil_acesso),
               "fundamento": obrigatorio(fundamento, "o fundamento (ato e artigo)"), "ativo": bool(ativo)}
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        antes = tabelas.tipo_afastamento(m.db, valores["codigo"])
        m.gravar("magisterio_tipos_afastamento", tabelas.linha_com_logicos(valores), chave="codigo",
                 no_diario=(antes, valores))
    return valores


def salvar_codigo_falta(sessao: Sessao, *, codigo: str, descricao: str, justificada: bool, fundamento: str,
                        ativo: bool = True) -> dict:
    """Cadastra ou altera um código de justificativa de falta."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    valores = {"codigo": _codigo(codigo), "descricao": obrigatorio(descricao, "a descrição"),
               "justificada": bool(justificada), "fundamento": obrigatorio(fundamento, "o fundamento (ato e artigo)"),
               "ativo": bool(ativo)}
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        antes = tabelas.codigo_falta(m.db, valores["codigo"])
        m.gravar("magisterio_codigos_falta", tabelas.linha_com_logicos(valores), chave="codigo",
                 no_diario=(antes, valores))
    return valores
