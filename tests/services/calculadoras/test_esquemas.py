"""Os esquemas publicados em docs/esquemas/ são os que o código gera, e o leitor e o esquema concordam."""
import json

import pytest

from desktop.services.calculadoras import esquemas, saidas

from .apoio import APAGAR, ENTRADAS, ESQUEMAS, caminhos, exemplo, rodar, texto_do_caminho, trocar, validador

CASOS = [(c, a) for c, arquivos in ENTRADAS.items() for a in arquivos]


def test_esquemas_publicados_sao_os_gerados():
    gerados = esquemas.gerados()
    publicados = {p.name: p.read_text(encoding="utf-8") for p in ESQUEMAS.glob("*.schema.json")}
    assert set(publicados) == set(gerados), "rode: python -m desktop.services.calculadoras.esquemas"
    for nome, texto in gerados.items():
        assert publicados[nome] == texto, f"{nome} desatualizado: python -m desktop.services.calculadoras.esquemas"


def test_calculadora_md_cita_cada_esquema():
    texto = (ESQUEMAS.parent / "calculadora.md").read_text(encoding="utf-8")
    for nome in esquemas.gerados():
        assert f"esquemas/{nome}" in texto


@pytest.mark.parametrize("calculo, arquivo", CASOS)
def test_exemplo_valido_no_esquema_e_saida_conforme(calculo, arquivo):
    dados = exemplo(arquivo)
    assert list(validador(calculo, "entrada").iter_errors(dados)) == []
    codigo, out, err = rodar(calculo, dados)
    assert codigo == 0, err
    saida = json.loads(out)
    assert saida["versao"] == saidas.VERSAO_SAIDA
    assert list(validador(calculo, "saida").iter_errors(saida)) == []
    esquemas.modelos()[calculo][1].model_validate(saida)  # o modelo da saída aceita (extra="forbid")


@pytest.mark.parametrize("calculo, arquivo", CASOS)
def test_recusados_pelo_esquema_sao_recusados_pelo_leitor(calculo, arquivo):
    """Em cada caminho do exemplo, um objeto no lugar do valor, um campo inventado ao lado e o campo
    apagado: o que o esquema recusa, a calculadora recusa (código 2), nomeando o caminho."""
    base = exemplo(arquivo)
    testados = 0
    for caminho in caminhos(base):
        estragos = [(caminho, {"x": 1}), (caminho, APAGAR)]
        if not isinstance(caminho[-1], int):
            estragos.append((caminho[:-1] + ("campo_inventado",), 1))
        for onde, valor in estragos:
            d = trocar(base, onde, valor)
            if not list(validador(calculo, "entrada").iter_errors(d)):
                continue  # o esquema aceita (p. ex. apagar um campo opcional): nada a conferir aqui
            codigo, _, err = rodar(calculo, d)
            rotulo = texto_do_caminho(onde if valor is not APAGAR or not isinstance(onde[-1], int) else onde[:-1])
            assert codigo == 2 and f"Entrada inválida em {rotulo}" in err, (onde, err)
            testados += 1
    assert testados > 10
