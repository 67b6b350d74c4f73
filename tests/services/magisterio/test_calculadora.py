"""Calculadora JSON do contracheque do magistério: os casos calculados à mão de
tests/rules/magisterio/casos/folha.toml dão os mesmos números pela entrada JSON, e a entrada
inválida é recusada com o caminho do campo."""
import json
from datetime import date
from pathlib import Path

import pytest

from desktop import PASTA_DB
from desktop.rules.validacao import EntradaInvalida
from desktop.services.magisterio.calculadora import calcular

from ...rules.casos_toml import ler

CASOS_FOLHA = ler("magisterio/folha")
EXEMPLOS = Path(PASTA_DB).parent / "docs" / "exemplos"


def _json(obj):
    """TOML → JSON: datas viram aaaa-mm-dd (como num arquivo de entrada)."""
    if isinstance(obj, dict):
        return {k: _json(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_json(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def _anexo1_teste() -> dict:
    a = CASOS_FOLHA["anexo1_teste"]
    return _json({"inicio": a["inicio"], "valor": a["valor"], "fundamento": a["fundamento"], "status": a["status"]})


def _entrada(caso: dict) -> dict:
    ficha = _json(caso["ficha"])
    # a ficha do TOML traz "escola" e "porte" nas lotações e funções: são campos de Lotacao/FuncaoGratificada
    return json.loads(json.dumps({"competencia": f"{caso['competencia']:%Y-%m}", "ficha": ficha,
                                  "configuracao": caso.get("config"),
                                  "parametros": _parametros(caso)}))


def _parametros(caso: dict) -> dict:
    """A matriz de teste (salvo ``anexo1 = "lei"``) e o teto de teste do caso, se houver."""
    p = {} if caso.get("anexo1") == "lei" else {"magisterio_anexo1": _anexo1_teste()}
    if "teto" in caso:
        p["teto_remuneratorio"] = {"inicio": "2026-01-01", "valor": caso["teto"],
                                   "fundamento": "Lei municipal de teste", "status": "NV"}
    return p


@pytest.mark.parametrize("caso", [pytest.param(c, id=c["descricao"]) for c in CASOS_FOLHA["caso"]])
def test_mesmos_numeros_dos_casos_da_folha(caso):
    saida = calcular(_entrada(caso))
    e = caso["esperado"]
    assert [[l["codigo"], l["valor"]] for l in saida["linhas"]] == e["linhas"], caso["conta"]
    assert saida["totais"] == {"proventos": e["proventos"], "descontos": e["descontos"], "liquido": e["liquido"]}
    assert all(l["fundamento"] for l in saida["linhas"])
    json.dumps(saida)  # tudo serializável


def test_professora_nivel_1_classe_a_linha_a_linha():
    """Lei 1.613/2004, arts. 36, 37, Anexos I e II: 3.000,00 + 11,5 % = 345,00; RPPS 14 % = 468,30."""
    caso = CASOS_FOLHA["caso"][0]
    saida = calcular(_entrada(caso))
    s = saida["situacao"]
    assert (s["data"], s["cargo"], s["nivel"], s["nivel_nome"], s["classe"], s["jornada"]) == (
        "2026-03-31", "professor", "1", "Nível 1", "A", 20)
    assert s["estagio_probatorio"] is True
    assert any("art. 23" in f["fundamento"] for f in s["fundamentos"])
    assert any("9º §2º" in f["fundamento"] for f in s["fundamentos"])
    venc, valorizacao, rpps = saida["linhas"]
    assert venc == {"codigo": "001", "descricao": "Vencimento — Nível 1, classe A, 20 h", "natureza": "P",
                    "base": "3000.00", "percentual": None, "quantidade": "30", "valor": "3000.00",
                    "fundamento": "Lei 1.613/2004, art. 37 e Anexo I", "grupo": "mensal",
                    "incide_previdencia": True, "incide_irrf": True}
    assert (valorizacao["base"], valorizacao["percentual"], valorizacao["valor"]) == ("3000.00", "11.5", "345.00")
    assert valorizacao["fundamento"] == "Lei 1.613/2004, art. 36 e Anexo II"
    assert (rpps["codigo"], rpps["natureza"], rpps["valor"]) == ("201", "D", "468.30")
    assert saida["parametros"]["magisterio_anexo1"]["inicio"] == "2026-01-01"


def test_quinquenio_no_meio_do_mes_mostra_os_dois_periodos():
    """Arts. 16 e 22 §3º: classe C a partir de 16/03/2026; a situação é a do último dia."""
    saida = calcular(_entrada(CASOS_FOLHA["caso"][1]))
    assert [(p["inicio"], p["fim"], p["classe"]) for p in saida["periodos"]] == [
        ("2026-03-01", "2026-03-15", "B"), ("2026-03-16", "2026-03-31", "C")]
    assert saida["situacao"]["classe"] == "C"
    assert any("22 §3º" in f["fundamento"] for f in saida["situacao"]["fundamentos"])
    e = _entrada(CASOS_FOLHA["caso"][1]) | {"data_situacao": "2026-03-10"}
    assert calcular(e)["situacao"]["classe"] == "B"


def test_especializacao_concedida_da_15_por_cento_do_art_47():
    """Lei 1.613/2004, art. 47, III: especialização de 360 h, 15 % do vencimento: 3.000,00 × 15 % = 450,00."""
    e = _entrada(CASOS_FOLHA["caso"][0])
    e["ficha"]["cursos"] = [{"tipo": "especializacao", "conclusao": "2026-01-20", "carga_horaria": 360,
                             "concessao": "2026-02-01"}]
    linha = next(l for l in calcular(e)["linhas"] if l["codigo"] == "009")
    assert (linha["base"], linha["percentual"], linha["valor"]) == ("3000.00", "15", "450.00")
    assert linha["fundamento"] == "Lei 1.613/2004, arts. 46 e 47"


def test_sem_parametros_usa_os_distribuidos():
    """Sem matriz na entrada vale o Anexo I distribuído (a tabela da lei, de 2004): N1 A 20 h = 300,00."""
    e = _entrada(CASOS_FOLHA["caso"][0])
    del e["parametros"]
    venc = calcular(e)["linhas"][0]
    assert venc["codigo"] == "001" and venc["valor"] == "300.00"


@pytest.mark.parametrize("arquivo", sorted(EXEMPLOS.glob("magisterio-*.json")), ids=lambda p: p.name)
def test_exemplos_da_documentacao(arquivo):
    saida = calcular(json.loads(arquivo.read_text(encoding="utf-8")))
    assert saida["linhas"] and saida["situacao"]


def _base():
    return _entrada(CASOS_FOLHA["caso"][0])


@pytest.mark.parametrize("mexer, mensagem", [
    (lambda e: e.pop("competencia"), r"em competencia: informe o campo"),
    (lambda e: e.update(competencia="março"), r"em competencia: 'março' não é uma competência"),
    (lambda e: e.update(extra=1), r"em extra: campo desconhecido"),
    (lambda e: e["ficha"].update(cargo="diretor"), r"em ficha.cargo: valor desconhecido 'diretor'"),
    (lambda e: e["ficha"].pop("admissao"), r"em ficha.admissao: informe o campo"),
    (lambda e: e["ficha"].update(admissao="01/02/2025"), r"em ficha.admissao: '01/02/2025' não é uma data"),
    (lambda e: e["ficha"]["titulacoes"][0].update(titulo="bacharel"),
     r"em ficha.titulacoes\[1\].titulo: valor desconhecido 'bacharel'"),
    (lambda e: e["ficha"]["jornadas"][0].update(horas=30), r"em ficha.jornadas\[1\].horas: a jornada é de 20 ou 40"),
    (lambda e: e["ficha"]["lotacoes"][0].update(porte="enorme"), r"em ficha.lotacoes\[1\].porte: valor desconhecido"),
    (lambda e: e["ficha"]["lotacoes"][0].update(turno="manhã"), r"em ficha.lotacoes\[1\].turno: campo desconhecido"),
    (lambda e: e["ficha"].update(cursos=[{"tipo": "especializacao", "carga_horaria": 360}]),
     r"em ficha.cursos\[1\].conclusao: informe o campo"),
    (lambda e: e["ficha"].update(ferias=[{"inicio": "2026-01-05", "fim": "2026-01-20"},
                                         {"inicio": "2026-01-15", "fim": "2026-01-30"}]),
     r"em ficha.ferias\[2\]: o período se sobrepõe às férias do item 1"),
    (lambda e: e["ficha"].update(faltas=[{"data": f"2026-02-{d:02d}"} for d in range(1, 29)]
                                 + [{"data": "2026-02-10"}]),
     r"em ficha.faltas\[29\].data: já há falta em 10/02/2026 \(item 10\)"),
    (lambda e: e["ficha"].update(faltas=[{"data": "2026-03-03", "horas": 12}]),
     r"em ficha.faltas\[1\].horas: as horas não cumpridas"),
    (lambda e: e["ficha"].update(regencias=[{"inicio": "2024-01-01", "etapa": "educacao_infantil"}]),
     r"em ficha.regencias\[1\]: a data 01/01/2024 é anterior à admissão"),
    (lambda e: e.update(configuracao={"art41_percentual": "40"}), r"art. 41 deve ficar entre 15 % e 30 %"),
    (lambda e: e.update(configuracao={"previdencia": "rgps"}), r"Configuração previdencia inválida"),
    (lambda e: e.update(configuracao={"art27_implantado": "sim"}),
     r"em configuracao.art27_implantado: use true ou false"),
    (lambda e: e["parametros"].update(anexo9={}), r"em parametros.anexo9: parâmetro desconhecido"),
    (lambda e: e["parametros"]["magisterio_anexo1"]["valor"]["nivel_1_20h"].update(H="5000.00"),
     r"em parametros.magisterio_anexo1: .*classe"),
    (lambda e: e["parametros"]["magisterio_anexo1"]["valor"].update(nivel_5_20h={"A": "1.00"}),
     r"em parametros.magisterio_anexo1.valor.nivel_5_20h: nível ou jornada desconhecido"),
])
def test_entrada_invalida_nomeia_o_campo(mexer, mensagem):
    e = _base()
    mexer(e)
    with pytest.raises(EntradaInvalida, match=mensagem):
        calcular(e)


def test_mais_faltas_que_dias_no_mes():
    """Art. 34: falta é por dia de exercício; 31 faltas de dia inteiro em fevereiro é erro de digitação."""
    from desktop.services.magisterio.calculadora import conferir_ficha, ficha_de_dados
    e = _base()
    ficha = ficha_de_dados(e["ficha"])
    from desktop.rules.magisterio.tipos import Falta
    ficha.faltas = [Falta(date(2026, 2, 1 + (i % 28))) for i in range(29)]
    with pytest.raises(EntradaInvalida, match="já há falta"):
        conferir_ficha(ficha)
