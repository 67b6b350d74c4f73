"""Livros de registro dos títulos: abrir, encerrar, registrar cada título numa folha e imprimir o livro.

Um livro por emissor e tipo de título (número, termo de abertura, folhas); cada título é um registro
(número, livro, folha, data); o histórico vai no registro do seu título; livro completo é recusado
com a mensagem. Sem livro aberto do tipo, o primeiro é aberto ao registrar (200 folhas, termo padrão).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.reports.certificacao.livro import DadosLivro, LinhaLivro, gerar_livro
from desktop.rules.certificacao import livros as regras_livros
from desktop.rules.certificacao.tipos import TITULOS_DOCUMENTO, TipoDocumento as D
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import formatar_cpf
from desktop.store import linhas as armazem_linhas
from desktop.store.certificacao import livros as consultas
from desktop.store.ids import agora

from .. import documentos, emissores, replicas
from ..sessao import ErroNegocio, Sessao
from .comum import EDITAR, LER, Recusa, data_de, iso, regras


@dataclass(frozen=True)
class Lancamento:
    """O registro de um título no livro."""

    id: str
    livro: int
    folha: int
    numero: int
    registrado_em: date


def _emissor_da_unidade(db, unidade_id: str | None):
    return emissores.resolver(db, tipo="cert_", emissor_id=emissores.da_unidade(db, unidade_id) if unidade_id else None)


def _abrir(m, emissor, tipo: D, folhas: int, termo: str | None, quando: date) -> dict:
    numero = consultas.proximo_numero_livro(m.db, emissor.id)
    linha = m.inserir("cert_livros", armazem_linhas.linha_nova(m.db, "cert_livros", {
        "emissor_id": emissor.id, "tipo_documento": tipo.value, "numero": numero, "folhas": folhas,
        "termo_abertura": " ".join((termo or "").split()) or regras_livros.termo_abertura(numero, tipo, folhas, emissor.nome),
        "aberto_em": iso(quando), "aberto_por": m.sessao.usuario.login}))
    return linha


def abrir_livro(sessao: Sessao, *, tipo_documento: str, folhas: int = regras_livros.FOLHAS_PADRAO,
                termo_abertura: str | None = None, unidade_id: str | None = None, aberto_em: date | None = None) -> dict:
    """Abre o livro seguinte do emissor da unidade (ou do módulo) para o tipo de título."""
    sessao.exigir(EDITAR)
    replicas.exigir_designada(sessao.db, "Abrir um livro de registro")
    with regras():
        tipo = regras_livros.exigir_registravel(tipo_documento)
        regras_livros.exigir_folhas(folhas)
    with sessao.mudanca(EDITAR) as m:
        emissor = _emissor_da_unidade(m.db, unidade_id)
        aberto = consultas.livro_aberto(m.db, emissor.id, tipo.value)
        if aberto:
            raise ErroNegocio(f"O livro nº {aberto['numero']} ({TITULOS_DOCUMENTO[tipo].lower()}) ainda está aberto: "
                              "encerre-o antes de abrir o seguinte.")
        return _abrir(m, emissor, tipo, folhas, termo_abertura, aberto_em or date.today())


def encerrar_livro(sessao: Sessao, livro_id: str, *, encerrado_em: date | None = None) -> dict:
    sessao.exigir(EDITAR)
    with sessao.mudanca(EDITAR) as m:
        l = consultas.livro(m.db, livro_id)
        if l is None or l["encerrado_em"]:
            raise ErroNegocio("Livro não encontrado ou já encerrado.")
        usadas = consultas.ultima_folha(m.db, livro_id)
        depois = m.alterar("cert_livros", livro_id, {
            "encerrado_em": iso(encerrado_em or date.today()),
            "termo_encerramento": regras_livros.termo_encerramento(l["numero"], usadas, l["folhas"])})
    return depois


def registrar_titulo(m, processo: dict, tipo: D, registrado_em: date) -> Lancamento:
    """Lança o título no livro aberto do emissor (dentro da transação da emissão): folha e número novos."""
    replicas.exigir_designada(m.db, "Lançar um título no livro de registro")
    emissor = _emissor_da_unidade(m.db, processo["unidade_id"])
    with regras():
        tipo = regras_livros.exigir_registravel(tipo)
    l = consultas.livro_aberto(m.db, emissor.id, tipo.value)
    if l is None:
        if consultas.ha_livro(m.db, emissor.id, tipo.value):
            raise Recusa(f"Todos os livros de registro do tipo \"{TITULOS_DOCUMENTO[tipo]}\" estão encerrados: abra o "
                         "livro seguinte antes de emitir.", regras_livros.FUNDAMENTO_LIVRO)
        l = _abrir(m, emissor, tipo, regras_livros.FOLHAS_PADRAO, None, registrado_em)
    with regras():
        folha = regras_livros.proxima_folha(consultas.ultima_folha(m.db, l["id"]), l["folhas"], l["numero"], tipo)
    linha = m.inserir("cert_registros", armazem_linhas.linha_nova(m.db, "cert_registros", {
        "livro_id": l["id"], "folha": folha, "numero": consultas.proximo_numero_registro(m.db),
        "processo_id": processo["id"], "tipo_documento": tipo.value, "registrado_em": iso(registrado_em)}))
    return Lancamento(linha["id"], l["numero"], folha, linha["numero"], registrado_em)


def listar_livros(sessao: Sessao) -> list[dict]:
    sessao.exigir(LER)
    return consultas.livros(sessao.db)


def emitir_livro(sessao: Sessao, livro_id: str) -> documentos.Emitido:
    """O livro de registro em PDF: termo de abertura, um registro por folha e termo de encerramento."""
    sessao.exigir(LER)
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    l = consultas.livro(sessao.db, livro_id)
    if l is None:
        raise ErroNegocio("Livro não encontrado.")
    regs = consultas.registros(sessao.db, livro_id)
    d = DadosLivro(numero=l["numero"], tipo=TITULOS_DOCUMENTO[D(l["tipo_documento"])], folhas=l["folhas"],
                   termo_abertura=l["termo_abertura"], aberto_em=data_de(l["aberto_em"]),
                   termo_encerramento=l["termo_encerramento"], encerrado_em=data_de(l["encerrado_em"]),
                   linhas=tuple(LinhaLivro(r["numero"], r["folha"], data_de(r["registrado_em"]), r["nome"],
                                           formatar_cpf(r["cpf"]), r["perfil"], r["curso"]) for r in regs))
    return documentos.emitir(sessao, tipo="cert_livro_registro", titulo=f"Livro de registro nº {l['numero']}",
                             montar=lambda cab, rod: gerar_livro(cab, rod, d),
                             referencia=f"Livro nº {l['numero']} — {d.tipo} ({len(regs)} registros, {agora()[:10]})",
                             emissor_id=None if l["emissor_id"] == emissores.ORGAO else l["emissor_id"])
