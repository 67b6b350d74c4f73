"""Relatório trimestral (Lei 320/2023, art. 23 §1º): estatísticas anônimas, PDF registrado e CSV para o SIPIA.

As estatísticas não trazem identidade (art. 36), mas são calculadas dos casos, que ficam no arquivo
sigiloso: só uma sessão com ele anexado (conselheiros, consulta do MP e do juízo) as calcula e emite o
relatório, que depois circula impresso (CMDCA, administração). O CSV tem uma linha por criança em cada registro, sem nomes, mas é dado de caso: só para
quem vê conteúdo de caso (``exigir_conteudo``), e a exportação vai ao diário.
"""
from __future__ import annotations

from datetime import date, timedelta

from desktop.reports.conselho import relatorio as pdf
from desktop.rules.conselho import relatorio as regra
from desktop.rules.conselho.atendimentos import faixa_etaria
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import atendimentos as armazem
from desktop.store.conselho import sipia

from .. import documentos, parametros
from ..sessao import Sessao
from .comum import exigir_conteudo, exigir_sigilo, registrar_leitura

TIPO_DOCUMENTO = "conselho_relatorio_trimestral"
ASSUNTO = "conselho:relatorio"
"""Assunto dos relatórios emitidos (``conselho:relatorio:2026-T1``): a aba os lista para reabrir e nova via."""


def _registros(db, inicio: date, fim: date) -> list[regra.Registro]:
    saida = []
    for r in armazem.dados_relatorio(db, inicio.isoformat(), (fim + timedelta(days=1)).isoformat()):
        nasc = tuple(None if n == "-" else date.fromisoformat(n) for n in (r["nasc"] or "").split(",") if n)
        sexos = tuple(None if s == "-" else s for s in (r["sexos"] or "").split(",") if s)
        saida.append(regra.Registro(date.fromisoformat(r["dia"]), r["tipo"], r["bairro"], nasc,
                                    tuple((r["direitos"] or "").split(",")) if r["direitos"] else (),
                                    tuple((r["agentes"] or "").split(",")) if r["agentes"] else (),
                                    tuple((r["medidas"] or "").split(",")) if r["medidas"] else (), sexos,
                                    tuple(None if g == "-" else g for g in (r["grupos"] or "").split(",") if g)))
    return saida


def estatisticas(sessao: Sessao, ano: int, trimestre: int) -> regra.Estatisticas:
    """As contagens anônimas do trimestre (por tipo, direito, agente, medida, faixa etária, bairro, mês)."""
    sessao.exigir(Permissao.CONSELHO_LER)
    exigir_sigilo(sessao)
    inicio, fim = regra.trimestre(ano, trimestre)
    tab = sipia.taxonomia()
    rotulos = {g.codigo: f"{d.nome} › {g.nome}" for d in tab.direitos for g in d.grupos}
    saida = regra.agregar(_registros(sessao.db, inicio, fim), inicio, fim, rotulos)
    registrar_leitura(sessao, "relatorio", {"acao": "estatisticas", "ano": ano, "trimestre": trimestre})
    return saida


def limiar_supressao(sessao: Sessao, ano: int, trimestre: int) -> int:
    """O limiar de supressão vigente no fim do trimestre (parâmetro datado ``conselho_relatorio``)."""
    sessao.exigir(Permissao.CONSELHO_LER)
    return parametros.vigente(sessao, "conselho_relatorio", regra.trimestre(ano, trimestre)[1]).limiar_supressao


def publicacao(sessao: Sessao, ano: int, trimestre: int) -> tuple[regra.Estatisticas, list[regra.TabelaPublicada], int]:
    """As estatísticas do trimestre e as tabelas como se publicam (contagens pequenas suprimidas; só
    marginais, nenhum cruzamento de bairro, data, idade e sexo — Lei 320/2023, art. 36)."""
    e = estatisticas(sessao, ano, trimestre)
    limiar = limiar_supressao(sessao, ano, trimestre)
    return e, regra.publicar(e, limiar), limiar


def emitir_relatorio_trimestral(sessao: Sessao, ano: int, trimestre: int, observacoes: str = "", *, via: int = 1,
                                original_id: str | None = None) -> documentos.Emitido:
    """O PDF do trimestre com gráficos, registrado e verificável, para o CMDCA, o MP e o juízo, com as contagens
    pequenas suprimidas. ``observacoes``: as demandas e deficiências das políticas públicas (art. 23 §1º)."""
    sessao.exigir(Permissao.DOCUMENTOS_EMITIR)
    e, _tabelas, limiar = publicacao(sessao, ano, trimestre)
    return documentos.emitir(sessao, tipo=TIPO_DOCUMENTO, titulo=pdf.TITULO,
                             montar=lambda cab, rod: pdf.gerar(cab, rod, e, observacoes, limiar),
                             referencia=f"{trimestre}º trimestre de {ano}",
                             assunto=f"{ASSUNTO}:{ano}-T{trimestre}", via=via, original_id=original_id,
                             receita={"modelo": "relatorio", "ano": ano, "trimestre": trimestre,
                                      "observacoes": observacoes})


def _especifico(codigo_ou_direito: str) -> str:
    """'Grupo › direito específico' do SIPIA CT (ou o aviso do registro anterior à tabela)."""
    tab = sipia.taxonomia()
    try:
        e = tab.especifico(codigo_ou_direito)
    except EntradaInvalida:  # registro anterior à tabela: só o direito fundamental
        return tab.rotulo(codigo_ou_direito, None, None)
    return tab.rotulo(e.direito, e.grupo, e.codigo).split(" › ", 1)[-1]


def csv_sipia(sessao: Sessao, ano: int, trimestre: int) -> str:
    """O CSV do trimestre para a digitação no SIPIA (uma linha por criança; sem nomes). Vai ao diário."""
    c = exigir_conteudo(sessao)
    inicio, fim = regra.trimestre(ano, trimestre)
    impedidos = armazem.impedidos(sessao.db, c["id"]) if c else set()
    linhas = []
    for r in armazem.criancas_para_sipia(sessao.db, inicio.isoformat(), (fim + timedelta(days=1)).isoformat()):
        if r["id"] in impedidos:
            continue
        nasc = date.fromisoformat(r["nascimento"]) if r["nascimento"] else None
        especificos = "|".join(_especifico(x) for x in (r["especificos"] or "").split("|") if x)
        linhas.append({**r, "direito_especifico": especificos,
                       "faixa_etaria": faixa_etaria(nasc, date.fromisoformat(r["data"])),
                       "sexo": r["sexo"] or "", "plantao": "sim" if r["plantao"] else "não",
                       "direito": r["direito"] or "", "agente": r["agente"] or "", "medidas": r["medidas"] or ""})
    registrar_leitura(sessao, "exportacao", {"acao": "csv_sipia", "ano": ano, "trimestre": trimestre,
                                             "linhas": len(linhas)})
    return pdf.csv_sipia(linhas)
