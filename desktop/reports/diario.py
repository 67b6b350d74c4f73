"""Relatório do diário de auditoria: as linhas filtradas do diário e o veredito de integridade.

Recebe dados simples (uma lista de dicts com ``seq``, ``momento`` ISO, ``usuario``, ``maquina``,
``acao``, ``tabela``, ``registro_id`` e ``hash``, e o texto do veredito) e devolve o PDF. Só
metadados: o conteúdo antes/depois de cada linha nunca entra no relatório.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Spacer

from .fontes import MONO, NORMAL
from .layout import (Cabecalho, Rodape, caber, gerar_pdf, marcado, paragrafo,
                     quadro, tabela, titulo)
from desktop.rules import formato

TITULO = "Relatório do diário de auditoria"

ACOES = {"inserir": "inclusão", "alterar": "alteração", "excluir": "exclusão", "evento": "evento"}

_COLUNAS = ("Nº", "Momento", "Usuário", "Máquina", "Ação", "Tabela", "Registro", "Hash")
_LARGURAS = (28, 68, 50, 52, 40, 62, 151, 42)
_HASH_CURTO = 8  # caracteres do hash mostrados (o bastante para conferir com a tela)
_TAMANHO = 7.5


def _linha(d: dict) -> list[str]:
    def cabe(valor, coluna: int) -> str:
        return caber(str(valor or ""), _LARGURAS[coluna] - 6, NORMAL, _TAMANHO)

    return [
        str(d["seq"]),
        formato.momento(d["momento"]),
        cabe(d["usuario"], 2),
        cabe(d["maquina"], 3),
        ACOES.get(d["acao"], d["acao"]),
        cabe(d["tabela"], 5),
        caber(str(d["registro_id"]), _LARGURAS[6] - 6, MONO, 6.5),
        f"{str(d.get('hash') or '')[:_HASH_CURTO]}…",
    ]


def gerar(cabecalho: Cabecalho, rodape: Rodape, *, linhas: list[dict], veredito: str,
          integro: bool, filtros: str, total: int | None = None) -> bytes:
    """O relatório em PDF.

    ``filtros`` descreve a seleção ("nenhum" para o diário inteiro); ``total`` é o número de
    linhas que os filtros encontraram, quando maior que as listadas (limite do relatório).
    """
    total = len(linhas) if total is None else total
    itens = titulo(TITULO, f"Filtros: {filtros}")

    if integro:
        cor_fundo, cor_borda = colors.HexColor("#eaf5ec"), colors.HexColor("#2e7d32")
    else:
        cor_fundo, cor_borda = colors.HexColor("#fdecea"), colors.HexColor("#c62828")
    itens.append(quadro([
        marcado("<b>Verificação de integridade: corrente de hashes, âncoras e tabelas de dados</b>", "corpo"),
        *(paragrafo(linha, "corpo") for linha in veredito.splitlines() if linha.strip()),
    ], fundo=cor_fundo, borda=cor_borda))
    itens.append(Spacer(1, 8))

    if total > len(linhas):
        resumo = (f"Registros listados: {len(linhas)} de {total} encontrados (limite do relatório). "
                  "Refine os filtros para listar os demais.")
    elif linhas:
        resumo = f"Registros listados: {len(linhas)}, em ordem cronológica. Horários locais."
    else:
        resumo = "Nenhum registro do diário atende aos filtros."
    itens.append(paragrafo(resumo, "pequeno"))

    if linhas:
        itens.append(tabela(
            _COLUNAS, (_linha(d) for d in linhas), _LARGURAS, alinhar_direita=(0,),
            tamanho=_TAMANHO, extra=[("FONT", (6, 1), (7, -1), MONO, 6.5)],
        ))
    return gerar_pdf(cabecalho, rodape, TITULO, itens)
