"""Escolha da máscara do QR (ISO/IEC 18004:2015, 7.8) com o mesmo resultado do segno, ~5x mais rápida.

O segno avalia as 8 máscaras módulo a módulo em Python: ~70-150 ms por QR do rodapé (o selo assinado dá um QR
versão 10-15), dois terços do tempo de um contracheque e um terço da criação da base de demonstração. Aqui a
máscara é aplicada linha a linha como inteiro (XOR) e as penalidades N1-N4 são contadas com ``bytes.find``, expressão
regular e operações de bits; as regras e os desempates são os do segno (``segno.encoder.find_and_apply_best_mask``),
de modo que a matriz — e o PDF — saem idênticos (tests/reports/test_qr_mascara.py compara os dois).

``instalar()`` troca a função do segno pela daqui só na versão conferida; noutra versão do segno, nada muda.
"""
from __future__ import annotations

import re
from functools import lru_cache

VERSAO_CONFERIDA = "1.6.6"

_CORRIDA = re.compile(rb"\x00{5,}|\x01{5,}")
_N3 = bytes((1, 0, 1, 1, 1, 0, 1))
_CONDICOES = (  # ISO/IEC 18004:2015(E), 7.8.2, tabela 10 (i = linha, j = coluna)
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)


@lru_cache(maxsize=64)
def _mascaras(n: int) -> tuple[tuple[int, ...], ...]:
    """Para o QR de lado ``n``: cada máscara como um inteiro por linha (um byte 0/1 por módulo), só na região de
    dados (fora dos padrões de localização, alinhamento, temporização e das áreas de formato e versão)."""
    from segno import encoder

    funcoes = encoder.make_matrix(n, n)
    encoder.add_finder_patterns(funcoes, n, n)
    encoder.add_alignment_patterns(funcoes, n, n)
    funcoes[-8][8] = 0x1
    return tuple(
        tuple(int.from_bytes(bytes(1 if funcoes[i][j] > 0x1 and cond(i, j) else 0 for j in range(n)), "big")
              for i in range(n))
        for cond in _CONDICOES)


def _n3(seq: bytes, n: int) -> int:
    """N3 de uma linha ou coluna, exatamente como o segno (``mask_scores``, ``n3_pattern_occurrences``)."""
    pontos = 0
    idx = seq.find(_N3)
    while idx != -1:
        fim = idx + 7
        if idx in (0, n - 7) or not any(seq[max(idx - 4, 0):min(idx, n)]) or not any(seq[max(fim, 0):min(fim + 4, n)]):
            pontos += 40
        else:
            fim = idx + 4
        idx = seq.find(_N3, fim)
    return pontos


def penalidade(linhas: list[bytes], n: int) -> int:
    """N1 + N2 + N3 + N4 (ISO/IEC 18004:2015(E), 7.8.3.1, tabela 11) da matriz já mascarada."""
    colunas = [bytes(c) for c in zip(*linhas)]
    corridas = _CORRIDA.findall(b"\xff".join((*linhas, *colunas)))  # 0xff separa: nenhuma corrida passa de uma a outra
    n1 = sum(map(len, corridas)) - 2 * len(corridas)
    n3 = sum(_n3(s, n) for s in (*linhas, *colunas))
    # N2: blocos 2x2 da mesma cor — byte j igual ao j-1 na linha e os dois iguais aos da linha de baixo
    uns = int.from_bytes(b"\x00" + b"\x01" * (n - 1), "big")
    inteiros = [int.from_bytes(s, "big") for s in linhas]
    n2 = 0
    for a, b in zip(inteiros, inteiros[1:]):
        d = a ^ b
        n2 += (~(d | (d >> 8) | (a ^ (a >> 8))) & uns).bit_count()
    escuros = sum(s.count(1) for s in linhas)
    n4 = 10 * int(abs(float(escuros) / (n ** 2) * 100 - 50) / 5)
    return n1 + 3 * n2 + n3 + n4


def melhor_mascara(matriz, width, height, proposed_mask=None, *, _original=None):
    """O mesmo contrato de ``segno.encoder.find_and_apply_best_mask``: (máscara, matriz mascarada)."""
    n = width
    if proposed_mask is not None or width != height or n < 21:  # máscara pedida ou Micro QR: a do segno
        return _original(matriz, width, height, proposed_mask)
    melhor, melhor_pontos, melhor_linhas = 0, None, None
    inteiros = [int.from_bytes(linha, "big") for linha in matriz]
    for numero, mascara in enumerate(_mascaras(n)):
        linhas = [(x ^ m).to_bytes(n, "big") for x, m in zip(inteiros, mascara)]
        pontos = penalidade(linhas, n)
        if melhor_pontos is None or pontos < melhor_pontos:
            melhor, melhor_pontos, melhor_linhas = numero, pontos, linhas
    return melhor, tuple(bytearray(linha) for linha in melhor_linhas)


def instalar() -> bool:
    """Passa o segno a escolher a máscara por aqui (só na versão conferida). Devolve se trocou."""
    import segno
    from segno import encoder

    if segno.__version__ != VERSAO_CONFERIDA or getattr(encoder.find_and_apply_best_mask, "_paco", False):
        return False
    original = encoder.find_and_apply_best_mask

    def rapida(matriz, width, height, proposed_mask=None):
        return melhor_mascara(matriz, width, height, proposed_mask, _original=original)

    rapida._paco = True
    rapida.original = original
    encoder.find_and_apply_best_mask = rapida
    return True
