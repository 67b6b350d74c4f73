"""Validador de inteiro dos formulários (widgets.campos.inteiro): um só para a eleição e a Certificação (issue 18)."""
import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.screens.certificacao import dialogos_cadastro, dialogos_processo
from desktop.screens.conselho import dialogos_candidatura, dialogos_impugnacao
from desktop.screens.widgets import campos


def test_inteiro_dos_formularios_e_um_so():
    """O validador de inteiro com faixa (widgets.campos.inteiro) é o mesmo na eleição e na Certificação."""
    for modulo in (dialogos_cadastro, dialogos_processo, dialogos_candidatura, dialogos_impugnacao):
        assert modulo.inteiro is campos.inteiro, modulo.__name__
    validar = campos.inteiro("As vagas", 1, 40, "art. 1º")
    assert validar(" 12 ") == 12
    with pytest.raises(EntradaInvalida, match=r"As vagas: informe um número inteiro, só com algarismos \(art\. 1º\)"):
        validar("doze")
    with pytest.raises(EntradaInvalida, match=r"As vagas deve ser um número inteiro de 1 a 40 \(art\. 1º\)"):
        validar("41")
