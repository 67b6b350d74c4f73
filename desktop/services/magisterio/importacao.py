"""Importação de servidores do magistério de planilhas (XLSX, XLS, ODS ou CSV), em duas fases.

``analisar`` lê o arquivo e confere linha por linha — formato, tamanho e caracteres de cada célula,
colunas obrigatórias, repetições no arquivo e na base, coerência entre nível e titulação (Lei
1.613/2004, art. 14) — e ensaia o cadastro de cada linha com as mesmas validações do cadastro,
sem gravar nem abrir transação de escrita, para que o relatório aponte as linhas que o
``importar`` recusaria. ``importar`` grava todas as linhas válidas
numa só transação (tudo ou nada), com diário e progresso; o progresso pode cancelar levantando
uma exceção, e nada fica gravado. O leiaute está em docs/importacao-magisterio.md.
"""
from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from desktop.rules import csv_seguro, formato
from desktop.rules.magisterio.tipos import Cargo, Titulo
from desktop.rules.magisterio.titulacao import recusa_de_ingresso
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida, formatar_cpf
from desktop.store.ids import novo_id
from desktop.store.magisterio import escolas as armazem_escolas
from desktop.store import pagamento as armazem_pagamento
from desktop.store.magisterio import servidores as armazem

from ..pagamento import dados as dados_pagamento
from ..sessao import ErroNegocio, Sessao
from . import cadastro, planilha, validacoes
from .comum import ROTULOS_TITULO


@dataclass(frozen=True)
class ErroImportacao:
    linha: int      # linha da planilha (o cabeçalho é a 1); 0 = o arquivo todo
    coluna: str     # rótulo da coluna, ou "" quando o problema não é de uma coluna só
    mensagem: str

    def __str__(self) -> str:
        onde = [f"linha {self.linha}"] if self.linha else []
        if self.coluna:
            onde.append(f"coluna {self.coluna}")
        return f"{', '.join(onde)}: {self.mensagem}" if onde else self.mensagem


@dataclass
class LinhaImportacao:
    numero: int
    dados: dict                 # argumentos de ``cadastro.cadastrar_servidor`` já convertidos
    erros: list[ErroImportacao] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.erros


@dataclass
class RelatorioImportacao:
    arquivo: str
    linhas: list[LinhaImportacao] = field(default_factory=list)
    erros_gerais: list[ErroImportacao] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)

    @property
    def validas(self) -> list[LinhaImportacao]:
        return [x for x in self.linhas if x.ok] if not self.erros_gerais else []

    @property
    def com_erro(self) -> list[LinhaImportacao]:
        return [x for x in self.linhas if not x.ok]

    @property
    def erros(self) -> list[ErroImportacao]:
        return self.erros_gerais + [e for x in self.linhas for e in x.erros]

    def resumo(self) -> str:
        if self.erros_gerais:
            return "O arquivo não pode ser importado: " + "; ".join(str(e) for e in self.erros_gerais)
        return (f"{len(self.linhas)} linha(s) lida(s): {len(self.validas)} pronta(s) para importar, "
                f"{len(self.com_erro)} com erro.")


@dataclass(frozen=True)
class ResultadoImportacao:
    importados: int
    ids: tuple[str, ...]
    ignoradas: int  # linhas com erro, que ficaram de fora


# -- análise ----------------------------------------------------------------------------------------
def _mapear_cabecalho(cabecalho: list, relatorio: RelatorioImportacao) -> dict[str, int]:
    indices: dict[str, int] = {}
    for i, nome in enumerate(cabecalho):
        k = planilha.chave(planilha.texto(nome))
        coluna = next((c for c in planilha.COLUNAS if k in c.nomes), None)
        if coluna is None:
            if k:
                relatorio.avisos.append(f"A coluna {planilha.texto(nome)!r} não é conhecida e foi ignorada.")
        elif coluna.chave in indices:
            relatorio.erros_gerais.append(ErroImportacao(0, coluna.rotulo, "aparece mais de uma vez no cabeçalho."))
        else:
            indices[coluna.chave] = i
    for c in planilha.COLUNAS:
        if c.obrigatoria and c.chave not in indices:
            relatorio.erros_gerais.append(ErroImportacao(
                1, c.rotulo, "coluna obrigatória ausente no cabeçalho (veja o modelo em resources/modelos)."))
    return indices


_CONVERSORES = {
    "nome": planilha.nome, "cpf": planilha.cpf, "matricula": planilha.texto_livre, "cargo": planilha.cargo,
    "admissao": planilha.data, "jornada": planilha.jornada, "titulacao": planilha.titulo,
    "data_titulacao": planilha.data, "nivel": planilha.nivel, "nascimento": planilha.data,
    "escola": planilha.texto_livre, "data_lotacao": planilha.data, "dependentes_irrf": planilha.inteiro,
    "sexo": planilha.sexo, "telefone": planilha.telefone, "email": planilha.texto_livre,
    **{k: planilha.texto_livre for k in dados_pagamento.CAMPOS},
}
_ROTULO_PAGAMENTO = {"banco": "Banco", "agencia": "Agência", "agencia_dv": "Dígito da agência", "conta": "Conta",
                     "conta_dv": "Dígito da conta", "tipo_conta": "Tipo de conta", "pis": "PIS/PASEP/NIT"}


def _converter_linha(numero: int, celulas: list, indices: dict[str, int], escolas: dict[str, str]) -> LinhaImportacao:
    linha = LinhaImportacao(numero, {})
    v: dict = {}
    for chave_, i in indices.items():
        bruto = celulas[i] if i < len(celulas) else ""
        col = planilha.POR_CHAVE[chave_]
        if (problema := planilha.problema_da_celula(bruto)):
            linha.erros.append(ErroImportacao(numero, col.rotulo, problema))
            continue
        if planilha.texto(bruto) == "":
            if col.obrigatoria:
                linha.erros.append(ErroImportacao(numero, col.rotulo, "não preenchida."))
            continue
        try:
            v[chave_] = _CONVERSORES[chave_](bruto)
        except EntradaInvalida as e:
            linha.erros.append(ErroImportacao(numero, col.rotulo, str(e)))
    if "escola" in v:
        escola_id = escolas.get(planilha.chave(v["escola"]))
        if escola_id is None:
            linha.erros.append(ErroImportacao(numero, "Escola", f"escola não cadastrada: {v['escola']!r}. "
                                              "Cadastre-a antes ou corrija o nome."))
        v["escola_id"] = escola_id
    _coerencia(linha, v)
    linha.dados = {k: v[k] for k in ("nome", "cpf", "matricula", "cargo", "admissao", "jornada", "nascimento",
                                     "escola_id", "data_lotacao", "sexo", "telefone", "email") if v.get(k) is not None}
    if "titulacao" in v:
        linha.dados["titulo"] = v["titulacao"]
    if "data_titulacao" in v:
        linha.dados["data_titulacao"] = v["data_titulacao"]
    linha.dados["dependentes_irrf"] = v.get("dependentes_irrf", 0)
    _pagamento(linha, v)
    return linha


def _pagamento(linha: LinhaImportacao, v: dict) -> None:
    """Conta bancária e PIS conferidos como na ficha (dígitos verificadores do banco, validate-docbr)."""
    brutos = {k: v.get(k) for k in dados_pagamento.CAMPOS if v.get(k)}
    if not brutos:
        return
    try:
        linha.dados["pagamento"] = dados_pagamento.normalizar(brutos)
    except EntradaInvalida as e:
        coluna = _ROTULO_PAGAMENTO.get(getattr(e, "campo", ""), "PIS/PASEP/NIT")
        linha.erros.append(ErroImportacao(linha.numero, coluna, str(e)))


def _coerencia(linha: LinhaImportacao, v: dict) -> None:
    """Conferências entre colunas da mesma linha."""
    n, hoje = linha.numero, date.today()
    cargo, titulo = v.get("cargo"), v.get("titulacao")
    if cargo and cargo != Cargo.AUXILIAR_ENSINO and "titulacao" not in v and not any(
            e.coluna == "Titulação" for e in linha.erros):
        linha.erros.append(ErroImportacao(n, "Titulação", "informe a titulação: ela define o nível "
                                          "(Lei 1.613/2004, art. 14)."))
    if titulo and "nivel" in v and planilha.NIVEL_DO_TITULO[titulo] != v["nivel"]:
        linha.erros.append(ErroImportacao(
            n, "Nível", f"o nível {v['nivel'].value} não corresponde à titulação '{ROTULOS_TITULO[titulo]}', que "
            f"dá o nível {planilha.NIVEL_DO_TITULO[titulo].value} (Lei 1.613/2004, art. 14)."))
    if cargo == Cargo.AUXILIAR_ENSINO and titulo and titulo != Titulo.LEIGO:
        linha.erros.append(ErroImportacao(n, "Cargo", "auxiliar de ensino é o professor leigo (art. 69); com "
                                          "habilitação, o cargo é professor (art. 70)."))
    if "admissao" in v:
        adm = v["admissao"]
        if adm > hoje:
            linha.erros.append(ErroImportacao(n, "Admissão", f"a data {formato.data(adm)} está no futuro."))
        if v.get("nascimento") and v["nascimento"] >= adm:
            linha.erros.append(ErroImportacao(n, "Nascimento", "deve ser anterior à admissão."))
        if v.get("data_lotacao") and v["data_lotacao"] < adm:
            linha.erros.append(ErroImportacao(n, "Data da lotação", f"anterior à admissão ({formato.data(adm)})."))
    if v.get("data_titulacao") and v["data_titulacao"] > hoje:
        linha.erros.append(ErroImportacao(n, "Data da titulação", f"a data {formato.data(v['data_titulacao'])} está no futuro."))
    elif v.get("data_titulacao") and v.get("admissao") and v["data_titulacao"] > v["admissao"]:
        linha.avisos.append(f"linha {n}: a titulação vale de {formato.data(v['data_titulacao'])} em diante; o nível de "
                            f"{formato.data(v['admissao'])} até lá fica sem registro. Se precisar do histórico, cadastre na "
                            "ficha a titulação do ingresso.")


def _repeticoes(relatorio: RelatorioImportacao, sessao: Sessao) -> None:
    """Matrícula e CPF repetidos no arquivo ou já na base."""
    matriculas = armazem.matriculas_existentes(sessao.db)
    cpfs = armazem.cpfs_existentes(sessao.db)
    vistas_mat: dict[str, int] = {}
    vistos_cpf: dict[str, int] = {}
    vistas_contas: dict[tuple, tuple[int, str]] = {}
    for x in relatorio.linhas:
        d, n = x.dados, x.numero
        if (mat := d.get("matricula")):
            if mat in vistas_mat:
                x.erros.append(ErroImportacao(n, "Matrícula", f"matrícula {mat} repetida (já aparece na linha {vistas_mat[mat]})."))
            elif mat in matriculas:
                x.erros.append(ErroImportacao(n, "Matrícula", f"matrícula {mat} já cadastrada, de {matriculas[mat]}."))
            vistas_mat.setdefault(mat, n)
        if (c := d.get("cpf")):
            fmt = formatar_cpf(c)
            if c in vistos_cpf:
                x.erros.append(ErroImportacao(n, "CPF", f"CPF {fmt} repetido (já aparece na linha {vistos_cpf[c]})."))
            elif c in cpfs:
                existente = cpfs[c]
                if existente["matricula"]:
                    x.erros.append(ErroImportacao(n, "CPF", f"CPF {fmt} já cadastrado como servidor ativo (matrícula "
                                                  f"{existente['matricula']}). Um segundo vínculo se cadastra pela ficha."))
                elif d.get("nome") and armazem.sem_acento(existente["nome"]) != armazem.sem_acento(d["nome"]):
                    x.erros.append(ErroImportacao(n, "CPF", f"CPF {fmt} já cadastrado para {existente['nome']}; "
                                                  "confira o CPF ou o nome."))
                else:
                    x.avisos.append(f"linha {n}: {existente['nome']} já está no cadastro de pessoas; o servidor "
                                    "será ligado a essa pessoa.")
            vistos_cpf.setdefault(c, n)
        _conta_repetida(x, d.get("pagamento"), vistas_contas, sessao)


def _conta_repetida(x: LinhaImportacao, pag: dict | None, vistas: dict, sessao: Sessao) -> None:
    """Uma conta bancária em duas linhas, ou já de outra pessoa na base, é recusada com os dois nomes."""
    if not pag or not pag.get("banco"):
        return
    chave = (pag["banco"], pag["agencia"], pag["conta"])
    nome = x.dados.get("nome", "")
    if chave in vistas:
        linha_antes, nome_antes = vistas[chave]
        x.erros.append(ErroImportacao(x.numero, "Conta", f"a conta {pag['conta']}-{pag['conta_dv']} já aparece na "
                                      f"linha {linha_antes}, de {nome_antes}; não pode ser também de {nome}."))
        return
    vistas[chave] = (x.numero, nome)
    dono = armazem_pagamento.dono_da_conta(sessao.db, *chave)
    if dono and armazem.sem_acento(dono["nome"]) != armazem.sem_acento(nome):
        x.erros.append(ErroImportacao(x.numero, "Conta", f"a conta {pag['conta']}-{pag['conta_dv']} já é de "
                                      f"{dono['nome']}; não pode ser também de {nome}."))


class _ContextoEnsaio:
    """O contexto das validações dos históricos (``validacoes``) para um servidor ainda não gravado:
    sem histórico anterior e sem transação."""

    def __init__(self, sessao: Sessao, servidor: dict):
        self.sessao, self.servidor, self.db = sessao, servidor, sessao.db

    def outros(self, nome: str, atual: dict | None = None) -> list[dict]:
        return []

    def feriado(self, dia: date) -> str | None:  # pragma: no cover - não usado por jornada, titulação, lotação
        return None


def _ensaiar_linha(sessao: Sessao, d: dict) -> None:
    """As validações que ``cadastro.cadastrar_em`` faria, sem gravar: matrícula, dependentes, jornada
    base (art. 23), titulação de ingresso (arts. 14, 69) e o período da lotação."""
    matricula = cadastro._matricula(d.get("matricula"))
    cadastro._dependentes(d.get("dependentes_irrf", 0))
    admissao = d["admissao"]
    ctx = _ContextoEnsaio(sessao, {"id": None, "matricula": matricula, "cargo": d["cargo"].value,
                                   "admissao": admissao, "desligamento": None})
    titulo = d.get("titulo") or Titulo.LEIGO
    if (recusa := recusa_de_ingresso(d["cargo"], titulo, admissao)):  # arts. 14 §§1º e 2º, 69 e 71
        raise ErroNegocio(recusa)
    # Os valores já vêm convertidos pela planilha: os dicionários têm a forma que ``historicos.normalizar``
    # daria (sem convertê-los de novo, que custa metade da análise de 50.000 linhas).
    validacoes.jornadas(ctx, {"inicio": admissao, "fim": None, "horas": d.get("jornada", 20), "motivo": "base"},
                        None)
    validacoes.titulacoes(ctx, {"titulo": titulo, "data_requerimento": max(d.get("data_titulacao") or admissao,
                                                                           admissao),
                                "carga_horaria": None, "curso": "", "instituicao": "", "area_educacao": True}, None)
    if d.get("escola_id"):
        validacoes._periodo(ctx, "lotação", {"inicio": d.get("data_lotacao") or admissao, "fim": None})


def _ensaiar(sessao: Sessao, relatorio: RelatorioImportacao, progresso=None, inicio: int = 0, total: int = 0) -> None:
    """Confere cada linha ainda válida como o cadastro conferiria, sem abrir transação de escrita."""
    for n, x in enumerate(relatorio.validas, 1):
        try:
            _ensaiar_linha(sessao, x.dados)
        except (ErroNegocio, EntradaInvalida) as e:
            x.erros.append(ErroImportacao(x.numero, "", str(e)))
        if progresso is not None and n % 500 == 0:
            progresso(inicio + n, total)


def analisar(sessao: Sessao, arquivo: Path | str,
             progresso: Callable[[int, int], None] | None = None) -> RelatorioImportacao:
    """Lê e confere a planilha inteira; nada é gravado e nenhuma transação de escrita é aberta.

    ``progresso(feitas, total)`` é chamado a cada 500 linhas (duas passagens: conversão e ensaio do
    cadastro, ``total`` = 2 × linhas); se levantar uma exceção (cancelar), ela é repassada."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    relatorio = RelatorioImportacao(Path(arquivo).name)
    try:
        cabecalho, linhas = planilha.ler(Path(arquivo))
    except planilha.ArquivoIlegivel as e:
        relatorio.erros_gerais.append(ErroImportacao(0, "", str(e)))
        return relatorio
    indices = _mapear_cabecalho(cabecalho, relatorio)
    if relatorio.erros_gerais:
        return relatorio
    escolas = {planilha.chave(u["nome"]): u["id"] for u in armazem_escolas.escolas(sessao.db)}
    total = 2 * len(linhas)
    for n, (numero, celulas) in enumerate(linhas, 1):
        relatorio.linhas.append(_converter_linha(numero, celulas, indices, escolas))
        if progresso is not None and n % 500 == 0:
            progresso(n, total)
    if not relatorio.linhas:
        relatorio.erros_gerais.append(ErroImportacao(0, "", "O arquivo só tem o cabeçalho; não há servidores."))
        return relatorio
    _repeticoes(relatorio, sessao)
    _ensaiar(sessao, relatorio, progresso, len(linhas), total)
    if progresso is not None:
        progresso(total, total)
    relatorio.avisos.extend(a for x in relatorio.linhas if x.ok for a in x.avisos)
    return relatorio


# -- importação -------------------------------------------------------------------------------------
@contextmanager
def _esquema_fixo(db):
    """Durante a importação nenhuma tabela é criada: o sqlite-utils não precisa perguntar ao
    ``sqlite_master`` se cada tabela existe e se é uma visão a cada inserção (três consultas por
    registro, quase metade do tempo de gravar 50.000 servidores)."""
    vistas, tabelas = db.view_names(), db.table_names()
    db.view_names = lambda: vistas
    db.table_names = lambda *a, **k: tabelas
    try:
        yield
    finally:
        del db.view_names, db.table_names


def importar(sessao: Sessao, relatorio: RelatorioImportacao,
             progresso: Callable[[int, int], None] | None = None) -> ResultadoImportacao:
    """Grava todas as linhas válidas numa só transação; um erro ou o cancelamento desfaz tudo.

    ``progresso(feitas, total)`` é chamado após cada linha; se levantar uma exceção (p. ex. o
    usuário cancelou), ela é repassada e nada fica gravado.
    """
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    if relatorio.erros_gerais:
        raise ErroNegocio(relatorio.resumo())
    validas = relatorio.validas
    if not validas:
        raise ErroNegocio("Nenhuma linha válida para importar; corrija a planilha e analise de novo.")
    total, ids = len(validas), []
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m, _esquema_fixo(m.db):
        for feitas, x in enumerate(validas, 1):
            try:
                ids.append(cadastro.cadastrar_em(m, **x.dados)["id"])
            except (ErroNegocio, EntradaInvalida) as e:
                raise ErroNegocio(f"Linha {x.numero}: {e} Nada foi importado; analise o arquivo de novo.") from e
            if progresso is not None:
                progresso(feitas, total)
        m.registrar("magisterio_importacoes", novo_id(), "evento",
                    depois={"arquivo": relatorio.arquivo, "importados": total,
                            "linhas_com_erro": [x.numero for x in relatorio.com_erro]})
    return ResultadoImportacao(total, tuple(ids), len(relatorio.com_erro))


def relatorio_csv(relatorio: RelatorioImportacao) -> bytes:
    """O relatório em CSV (;, UTF-8 com BOM, abre direto no Excel): uma linha por problema.

    Cada célula passa por ``rules.csv_seguro``: texto que começa com =, +, -, @ ganha um apóstrofo
    e não é executado como fórmula pela planilha que abrir o relatório."""
    f = io.StringIO(newline="")
    w = csv_seguro.escritor(f, delimiter=";")
    w.writerow(["Linha", "Situação", "Coluna", "Mensagem"])
    for e in relatorio.erros_gerais:
        w.writerow([e.linha or "", "erro no arquivo", e.coluna, e.mensagem])
    for aviso in relatorio.avisos:
        w.writerow(["", "aviso", "", aviso])
    for x in relatorio.linhas:
        if x.ok:
            w.writerow([x.numero, "pronta", "", x.dados.get("nome", "")])
        for e in x.erros:
            w.writerow([x.numero, "erro", e.coluna, e.mensagem])
    return f.getvalue().encode("utf-8-sig")
