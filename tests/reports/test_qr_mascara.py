"""A máscara do QR escolhida por ``reports.qr_mascara`` é a do segno (ISO/IEC 18004:2015, 7.8.3): a mesma matriz,
módulo a módulo, em textos de tamanhos e alfabetos variados (versões 1 a 20) e do tamanho de um selo."""
import random
import string

import segno
from segno import encoder

from desktop.reports import layout, qr_mascara  # noqa: F401 — o layout instala a escolha rápida ao ser importado


def _do_segno(texto: str):
    """A matriz que o segno dá com a sua própria avaliação das oito máscaras."""
    atual = encoder.find_and_apply_best_mask
    encoder.find_and_apply_best_mask = atual.original
    try:
        return segno.make(texto, error="m", micro=False)
    finally:
        encoder.find_and_apply_best_mask = atual


def test_instalada_na_versao_conferida_e_uma_vez_so():
    assert segno.__version__ == qr_mascara.VERSAO_CONFERIDA, "segno mudou: confira a escolha da máscara de novo"
    assert encoder.find_and_apply_best_mask._paco
    assert not qr_mascara.instalar()  # já instalada: não embrulha de novo


def test_mesma_matriz_e_mascara_que_o_segno():
    rnd = random.Random(902)
    alfabetos = (string.ascii_letters + string.digits + "-_.:/+=", string.digits, "ABCDEFGHIJ0123456789 $%*+-./:",
                 "áéíõçÁÉ" + string.ascii_letters)
    textos = ["PACO1:" + "x" * 300, "AY58-P6AK-F5BN"]
    for tamanho in (1, 9, 30, 60, 110, 170, 240, 320, 420, 520):
        textos += ["".join(rnd.choice(a) for _ in range(tamanho)) for a in alfabetos]
    versoes = set()
    for texto in textos:
        rapida, segno_ = segno.make(texto, error="m", micro=False), _do_segno(texto)
        assert (rapida.mask, rapida.matrix) == (segno_.mask, segno_.matrix), texto
        versoes.add(rapida.version)
    assert min(versoes) == 1 and max(versoes) >= 15


def test_mascara_pedida_e_micro_qr_ficam_com_o_segno():
    assert segno.make("PACO", error="m", micro=False, mask=5).mask == 5
    assert segno.make("123", micro=True).is_micro
