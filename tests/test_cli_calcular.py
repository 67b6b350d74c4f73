"""``paco calcular eleicao --entrada votos.json``: resultado em JSON sem base (docs/calculadora.md)."""
import json
from pathlib import Path

from desktop import RAIZ, cli

EXEMPLO = RAIZ / "docs" / "exemplos" / "eleicao-votos.json"


def test_exemplo_da_documentacao(capsys):
    assert cli.main(["calcular", "eleicao", "--entrada", str(EXEMPLO)]) == cli.SAIDA_OK
    d = json.loads(capsys.readouterr().out)
    assert d["titulares"] == [11, 12, 13, 15, 16]          # 14 é cônjuge de 12 (art. 15)
    assert d["suplentes"] == [14, 17, 18, 19, 20, 21]
    assert d["empates"][0]["candidatos"] == [15, 16]        # 180 votos: 15 nasceu em 1975
    assert "art. 15" in d["impedimentos"][0]
    assert d["ranking"][0] == {"posicao": 1, "numero": 11, "nome": "Ana Lúcia Ramos", "votos": 300,
                               "percentual_validos": "15.79", "situacao": "titular", "ordem": 1,
                               "impedimento": None, "sub_judice": False}
    assert d["totais"] == {"secoes": 2, "aptos": 2300, "comparecimento": 1970, "abstencao": 330,
                           "brancos": 45, "nulos": 25, "validos": 1900}


def test_entrada_errada_diz_o_artigo(tmp_path, capsys):
    dados = json.loads(EXEMPLO.read_text(encoding="utf-8"))
    dados["secoes"][0]["comparecimento"] = 991
    arq = tmp_path / "votos.json"
    arq.write_text(json.dumps(dados), encoding="utf-8")
    assert cli.main(["calcular", "eleicao", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert "diferente do comparecimento (991)" in capsys.readouterr().err
    arq.write_text("{não é json", encoding="utf-8")
    assert cli.main(["calcular", "eleicao", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert "não é um JSON válido" in capsys.readouterr().err
