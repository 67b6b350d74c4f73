"""Calculadora da Certificação (``paco calcular certificacao``): casos feitos à mão para cada tipo do art. 14."""
import json
from pathlib import Path

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.certificacao.calculadora import calcular

COMPS = [{"nome": "Interpretar projetos", "componente": "Desenho técnico", "carga_horaria": 60},
         {"nome": "Executar instalações", "componente": "Instalações elétricas", "carga_horaria": 120},
         {"nome": "Aplicar a NR-10", "componente": "Segurança do trabalho", "carga_horaria": 40}]


def caso(tipo="tecnico", reconhecidas=(True, True, True), **trab):
    t = {"nascimento": "1980-05-01", "escolaridade": "medio", "comprovante": "Certificado do ensino médio", **trab}
    aval = None if reconhecidas is None else {c["nome"]: r for c, r in zip(COMPS, reconhecidas)}
    return {"data": "2026-06-15", "trabalhador": t, "avaliacao": aval,
            "perfil": {"nome": "Perfil", "tipo": tipo, "escolaridade_minima": "fundamental",
                       "sistec_codigo": "SISTEC-1", "competencias": COMPS}}


@pytest.mark.parametrize("tipo, doc, art_doc, art_hist", [
    ("qualificacao", "cert_certificado_qualificacao", "art. 14, I", "art. 16"),
    ("tecnico", "cert_diploma_tecnico", "art. 14, II", "art. 15"),
    ("especializacao", "cert_certificado_especialista", "art. 14, III", "art. 16"),
    ("tecnologia", "cert_diploma_tecnologo", "art. 14, IV", "art. 15"),
])
def test_integral_da_o_titulo_do_tipo_com_historico(tipo, doc, art_doc, art_hist):
    extra = {"diploma_tecnico": "Técnico em Eletrotécnica"} if tipo == "especializacao" else {}
    r = calcular(caso(tipo, **extra))
    assert r["elegibilidade"]["elegivel"] and r["resultado"] == "integral"
    assert [d["tipo"] for d in r["documentos"]] == [doc, "cert_historico"]
    assert art_doc in r["documentos"][0]["fundamento"]
    assert r["documentos"][1]["fundamento"].endswith(art_hist)
    assert r["avaliacao"]["carga_horaria_reconhecida"] == 220 and r["pendencias"] == []
    assert "art. 26, §2º" in r["primeira_via"]
    json.dumps(r)  # serializável


@pytest.mark.parametrize("tipo", ["qualificacao", "tecnico", "especializacao", "tecnologia"])
def test_parcial_da_atestado_e_nenhum_nada(tipo):
    extra = {"diploma_tecnico": "Técnico"} if tipo == "especializacao" else {}
    p = calcular(caso(tipo, (True, False, True), **extra))
    assert p["resultado"] == "parcial" and [d["tipo"] for d in p["documentos"]] == ["cert_atestado"]
    assert p["documentos"][0]["fundamento"].endswith("art. 24, §7º")
    assert p["avaliacao"]["reconhecidas"] == ["Interpretar projetos", "Aplicar a NR-10"]
    assert p["avaliacao"]["carga_horaria_reconhecida"] == 100
    n = calcular(caso(tipo, (False, False, False), **extra))
    assert n["resultado"] == "nenhum" and n["documentos"] == [] and n["primeira_via"] is None
    assert "art. 24, V" in n["fundamento"]


def test_menor_de_18_sem_medio_e_sem_diploma_tecnico():
    r = calcular(caso(nascimento="2008-06-16"))  # faz 18 anos só amanhã
    assert r["elegibilidade"] == {"elegivel": False, "fundamento": "Portaria MEC 902/2024, art. 2º, parágrafo único",
                                  "motivo": "O trabalhador tem 17 anos; só participam maiores de 18 anos."}
    assert r["resultado"] is None and r["documentos"] == []
    assert calcular(caso(nascimento="2008-06-15"))["elegibilidade"]["elegivel"]  # 18 anos hoje
    r = calcular(caso("tecnologia", escolaridade="medio_incompleto"))
    assert r["fundamento"] == "Portaria MEC 902/2024, art. 24, §3º" and r["documentos"] == []
    r = calcular(caso("especializacao"))
    assert r["fundamento"] == "Portaria MEC 902/2024, art. 14, III"
    r = calcular(caso("qualificacao", escolaridade="fundamental_incompleto"))
    assert "arts. 14, I" in r["fundamento"]


def test_diploma_de_tecnico_sem_sistec_fica_pendente():
    d = caso()
    del d["perfil"]["sistec_codigo"]
    r = calcular(d)
    assert r["resultado"] == "integral"
    assert r["pendencias"] == [{"fundamento": "Portaria MEC 902/2024, art. 15, §1º",
                                "motivo": "Informe o código autenticador do registro do diploma no Sistec antes de emiti-lo."}]


def test_avaliacao_incompleta_e_prazo_de_recurso():
    r = calcular(caso(reconhecidas=None))
    assert r["resultado"] is None and r["avaliacao"]["pendentes"] == [c["nome"] for c in COMPS]
    assert r["fundamento"].endswith("art. 24, IV")
    d = caso(reconhecidas=(True, False, False))
    d["resultado_em"] = "2026-06-10"
    # 10 dias úteis (Lei 9.784/1999, art. 66; issue 12): de 11/06 (quinta, Corpus Christi é só ponto
    # facultativo) a 24/06 (quarta); contado em dias corridos terminaria no sábado 20/06.
    assert calcular(d)["recurso"] == {"prazo_dias": 10, "ate": "2026-06-24",
                                      "fundamento": "Portaria MEC 902/2024, art. 13, XI; Lei 9.784/1999, art. 66"}


@pytest.mark.parametrize("mexer, msg", [
    (lambda d: d.pop("perfil"), "perfil"),
    (lambda d: d["perfil"].update(tipo="doutorado"), "perfil.tipo"),
    (lambda d: d["perfil"].update(competencias=[]), "art. 20, VI"),
    (lambda d: d["trabalhador"].update(nascimento="01/05/1980"), "aaaa-mm-dd"),
    (lambda d: d["trabalhador"].update(escolaridade="mestrado"), "trabalhador.escolaridade"),
    (lambda d: d["avaliacao"].update({"Soldar": True}), "não é do perfil"),
    (lambda d: d["avaliacao"].update({"Aplicar a NR-10": "sim"}), "true"),
])
def test_entrada_invalida(mexer, msg):
    d = caso()
    mexer(d)
    with pytest.raises(EntradaInvalida, match=msg):
        calcular(d)


def test_exemplo_da_documentacao():
    exemplo = Path(__file__).parents[3] / "docs" / "exemplos" / "certificacao.json"
    r = calcular(json.loads(exemplo.read_text(encoding="utf-8")))
    assert r["resultado"] == "integral" and r["recurso"]["ate"] == "2026-06-24"  # 10 dias úteis (art. 66 da Lei 9.784)
    assert [d["titulo"] for d in r["documentos"]] == ["Diploma de técnico de nível médio", "Histórico escolar"]
