"""``paco calcular eleicao`` (issue 14, item 8): chave desconhecida, ``sub_judice`` não booleano e
``titulares`` menor que 1 são recusados pelo leitor pydantic comum, com o caminho e a sugestão."""
import json

import pytest

from desktop import RAIZ, cli
from desktop.rules.validacao import EntradaInvalida
from desktop.services.eleicao.calculadora import calcular

EXEMPLO = json.loads((RAIZ / "docs" / "exemplos" / "eleicao-votos.json").read_text(encoding="utf-8"))


def _com(**mudancas):
    dados = json.loads(json.dumps(EXEMPLO))
    dados.update(mudancas)
    return dados


def test_criterio_mal_escrito_e_recusado_em_vez_de_cair_na_idade():
    dados = _com(criterio="nota")
    with pytest.raises(EntradaInvalida, match=r'criterio: campo desconhecido\. Você quis dizer "criterio_desempate"'):
        calcular(dados)
    assert calcular(_com(criterio_desempate="nota"))["criterio_desempate"] == "nota"  # bem escrito, vale


@pytest.mark.parametrize("valor", ["sim", "true", 1, 0, None, "false"])
def test_sub_judice_so_verdadeiro_ou_falso(valor):
    dados = _com()
    dados["candidatos"][0]["sub_judice"] = valor
    with pytest.raises(EntradaInvalida, match=r"candidatos\[1\]\.sub_judice: use true ou false"):
        calcular(dados)


def test_sub_judice_mal_escrito_no_candidato():
    dados = _com()
    dados["candidatos"][0]["sub_judise"] = True
    with pytest.raises(EntradaInvalida, match=r'candidatos\[1\]\.sub_judise: campo desconhecido.*"sub_judice"'):
        calcular(dados)


@pytest.mark.parametrize("valor, trecho", [(0, "menor que 1"), (-2, "menor que 1"), (True, "número inteiro"),
                                           ("5", "número inteiro"), (2.5, "inteiro")])
def test_titulares_ao_menos_um(valor, trecho):
    with pytest.raises(EntradaInvalida, match=f"titulares: .*{trecho}"):
        calcular(_com(titulares=valor))
    assert calcular(_com(titulares=1))["titulares"] == [11]


def test_cli_sai_com_erro_e_mensagem(tmp_path, capsys):
    arq = tmp_path / "votos.json"
    arq.write_text(json.dumps(_com(criterio="nota")), encoding="utf-8")
    assert cli.main(["calcular", "eleicao", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert "criterio: campo desconhecido" in capsys.readouterr().err
