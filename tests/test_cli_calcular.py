"""``paco calcular eleicao --entrada votos.json``: resultado em JSON sem base (docs/calculadora.md)."""
import json
from pathlib import Path

import pytest

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


# -- leitura do arquivo (issue 17): codificação, tamanho, aninhamento, cano fechado ----------------------
def test_utf8_com_bom_como_o_bloco_de_notas_grava(tmp_path, capsys):
    arq = tmp_path / "votos.json"
    arq.write_bytes(b"\xef\xbb\xbf" + EXEMPLO.read_bytes())
    assert cli.main(["calcular", "eleicao", "--entrada", str(arq)]) == cli.SAIDA_OK
    assert json.loads(capsys.readouterr().out)["titulares"] == [11, 12, 13, 15, 16]


@pytest.mark.parametrize("codificacao, nome", [("latin-1", "Windows-1252"), ("cp1252", "Windows-1252"),
                                               ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16")])
def test_outra_codificacao_recusada_com_o_nome_e_como_salvar(tmp_path, capsys, codificacao, nome):
    arq = tmp_path / "votos.json"
    arq.write_bytes(EXEMPLO.read_text(encoding="utf-8").encode(codificacao))
    assert cli.main(["calcular", "eleicao", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    err = capsys.readouterr().err
    assert "não está em UTF-8" in err and nome in err and "Salvar como" in err and "Traceback" not in err


def test_arquivo_grande_demais_recusado_antes_de_ler(tmp_path, capsys):
    from desktop.services.calculadoras.leitura import TAMANHO_MAXIMO
    arq = tmp_path / "enorme.json"
    with open(arq, "wb") as f:
        f.truncate(TAMANHO_MAXIMO + 1)  # esparso: nada a interpretar
    assert cli.main(["calcular", "conselheiro", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert "passa de 2048 KiB" in capsys.readouterr().err


def test_aninhamento_fundo_e_numeros_absurdos(tmp_path, capsys):
    arq = tmp_path / "fundo.json"
    arq.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    assert cli.main(["calcular", "certificacao", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert "aninhados em 100000 níveis; o máximo é 12" in capsys.readouterr().err
    arq.write_text('{"competencia": "2026-03-01", "exercicio": [], "adiantamento_13_pago": 1e999}', encoding="utf-8")
    assert cli.main(["calcular", "conselheiro", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert "em adiantamento_13_pago: use um valor em reais" in capsys.readouterr().err  # 1e999 vira inf
    arq.write_text('{"competencia": "2026-03-01", "exercicio": [], "adiantamento_13_pago": "1e30"}', encoding="utf-8")
    assert cli.main(["calcular", "conselheiro", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert "em adiantamento_13_pago: use um valor em reais" in capsys.readouterr().err


def test_data_fora_dos_parametros_diz_o_periodo_e_como_informar(tmp_path, capsys):
    dados = json.loads((RAIZ / "docs" / "exemplos" / "conselheiro-presidente-2026.json").read_text(encoding="utf-8"))
    dados["competencia"] = "2010-03-01"
    arq = tmp_path / "c.json"
    arq.write_text(json.dumps(dados), encoding="utf-8")
    assert cli.main(["calcular", "conselheiro", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    err = capsys.readouterr().err
    assert "em vigor em 01/03/2010" in err and "em diante" in err and '"parametros"' in err
    assert "Parâmetros." not in err  # não manda o usuário do terminal a uma tela


def test_saida_para_um_cano_fechado_termina_em_silencio(tmp_path):
    """``paco calcular … | head -1``: sem BrokenPipeError nem rastro do Python (saída de ~300 KB,
    maior que o buffer do cano, para que o cano feche de fato antes do fim da escrita)."""
    import subprocess
    import sys
    candidatos = [{"numero": n, "nome": f"Candidato {n}", "nascimento": "1980-01-01", "votos": n}
                  for n in range(1, 1001)]
    arq = tmp_path / "mil.json"
    arq.write_text(json.dumps({"candidatos": candidatos}), encoding="utf-8")
    comando = f"{sys.executable} -m desktop.cli calcular eleicao --entrada {arq} | head -1"
    r = subprocess.run(["bash", "-o", "pipefail", "-c", comando], capture_output=True, text=True, cwd=RAIZ)
    assert (r.returncode, r.stdout, r.stderr) == (0, "{\n", "")


def test_verificar_recusa_arquivo_enorme_antes_de_ler(tmp_path, capsys):
    """``paco verificar`` com um arquivo maior que qualquer documento do Paço: recusado sem lê-lo nem pedir senha."""
    from desktop.services.documentos import PDF_TAMANHO_MAXIMO
    arq = tmp_path / "enorme.pdf"
    with open(arq, "wb") as f:
        f.truncate(PDF_TAMANHO_MAXIMO + 1)
    assert cli.main(["verificar", str(arq), "--base", str(tmp_path / "nao-existe.db")]) == cli.SAIDA_ERRO
    assert "não é um documento do Paço" in capsys.readouterr().err


def test_com_parametros_na_entrada_a_data_recusada_e_calculada(tmp_path, capsys):
    """O caminho que a recusa ensina funciona: as vigências em "parametros" cobrem 2010."""
    from desktop.services.conselho.calculadora_modelo import PARAMETROS
    from desktop.store.parametros import padrao
    dados = {"competencia": "2010-03-01", "exercicio": [{"inicio": "2010-01-01", "fim": "2010-12-31"}],
             "plantoes_escalados": 8, "plantoes_cumpridos": 8,
             "parametros": {n: {"inicio": "2010-01-01", "fundamento": "ato de teste",
                                "valor": json.loads(json.dumps(padrao(n).vigencias[-1].valor, default=str))}
                            for n in PARAMETROS}}
    arq = tmp_path / "c.json"
    arq.write_text(json.dumps(dados), encoding="utf-8")
    assert cli.main(["calcular", "conselheiro", "--entrada", str(arq)]) == cli.SAIDA_OK
    saida = json.loads(capsys.readouterr().out)
    from decimal import Decimal
    t = saida["totais"]
    assert saida["competencia"] == "2010-03-01"
    assert Decimal(saida["salario_minimo"]) == Decimal(str(dados["parametros"]["salario_minimo"]["valor"]))
    assert Decimal(t["proventos"]) - Decimal(t["descontos"]) == Decimal(t["liquido"]) > 0
    dados["parametros"]["salario_minimo"]["valorr"] = 1
    arq.write_text(json.dumps(dados), encoding="utf-8")
    assert cli.main(["calcular", "conselheiro", "--entrada", str(arq)]) == cli.SAIDA_ERRO
    assert 'em parametros.salario_minimo.valorr: campo desconhecido. Você quis dizer "valor"?' in capsys.readouterr().err
