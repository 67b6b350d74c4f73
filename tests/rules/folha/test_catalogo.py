"""Catálogo de rubricas (db/rubricas): todo código usado está catalogado, com a natureza certa, e cada
artigo citado existe na lei, com o texto guardado palavra por palavra igual ao publicado."""
import re
from dataclasses import replace
from pathlib import Path

import pytest

from desktop import RAIZ
from desktop.rules.conselho import remuneracao as ct
from desktop.rules.folha import codigos as codigos_comuns, motor
from desktop.rules.legislacao import ARQUIVOS, dispositivo
from desktop.rules.magisterio import codigos
from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.store.rubricas import FOLHAS, PASTA_LEGISLACAO, catalogo, texto_da_lei

from desktop.rules.conselho.remuneracao import EntradaConselheiro

from ..conselho.test_remuneracao import _calc
from ..magisterio.apoio_ficha import config_de, ficha_de
from ..casos_toml import ler
from ..magisterio.apoio_folha import parametros

LEI_DA_FOLHA = {"magisterio": "Lei 1.613/2004", "conselho": "Lei 320/2023"}


def _constantes(modulo) -> dict[str, str]:
    """Os códigos de rubrica que o módulo nomeia: constantes em maiúsculas com texto de três dígitos."""
    return {k: v for k, v in vars(modulo).items()
            if k.isupper() and isinstance(v, str) and len(v) == 3 and v.isdigit()}


MODULOS_DE_CODIGOS = {"magisterio": (codigos_comuns, codigos), "conselho": (codigos_comuns, ct)}
"""Onde cada folha nomeia os seus códigos: o motor comum (rules.folha.codigos) e os próprios da folha."""
CODIGOS = {folha: [v for m in modulos for v in _constantes(m).values()] for folha, modulos in MODULOS_DE_CODIGOS.items()}


@pytest.mark.parametrize("folha", FOLHAS)
def test_todo_codigo_do_programa_esta_catalogado(folha):
    cat = catalogo(folha)
    faltando = [c for c in CODIGOS[folha] if c not in cat]
    assert not faltando, f"códigos sem catálogo em {folha}: {faltando}"
    assert len(set(CODIGOS[folha])) == len(CODIGOS[folha]), "dois nomes para o mesmo código"
    assert set(cat.rubricas) == set(CODIGOS[folha]), "rubrica catalogada que o programa não nomeia"


def test_motor_usa_os_nomes_dos_codigos_comuns():
    assert {motor.TERCO_FERIAS, motor.DECIMO_TERCEIRO, motor.FALTAS_DIAS, *motor.PREVIDENCIA.values(),
            *motor.IRRF.values()} <= set(_constantes(codigos_comuns).values())


PASTAS_DA_FOLHA = ("rules/folha", "rules/magisterio", "rules/conselho", "services/magisterio", "services/conselho",
                   "services/folha_ciclo.py", "services/pagamento/esocial.py", "store/magisterio", "store/conselho",
                   "store/folha_competencias.py", "reports", "autoteste.py")


def test_codigo_de_rubrica_so_pelo_nome():
    """Fora dos módulos que nomeiam os códigos, nenhum texto de três dígitos de rubrica no código da folha (nem
    no SQL): quem compara ou grava uma rubrica usa o nome (rules.folha.codigos, rules.magisterio.codigos,
    rules.conselho.remuneracao), e o catálogo diz o artigo."""
    raiz = RAIZ / "desktop"
    definem = {Path(m.__file__).resolve() for ms in MODULOS_DE_CODIGOS.values() for m in ms}
    literal = re.compile(r"""["'](\d{3})["']""")
    achados = []
    for pasta in PASTAS_DA_FOLHA:
        alvo = raiz / pasta
        for arq in ([alvo] if alvo.suffix == ".py" else sorted(alvo.rglob("*.py"))):
            for n, linha in enumerate(arq.read_text(encoding="utf-8").splitlines(), start=1):
                if arq.resolve() in definem and re.match(r"^[A-Z0-9_, ]+ = ", linha):
                    continue  # a definição do nome
                achados += [f"{arq.relative_to(raiz)}:{n}: {c}" for c in literal.findall(linha)]
    assert achados == []


def _fundamentos():
    for folha in FOLHAS:
        for r in catalogo(folha).rubricas.values():
            for f in r.fundamentos:
                yield pytest.param(f, id=f"{folha}-{r.codigo}-{f.citacao}")


@pytest.mark.parametrize("fundamento", list(_fundamentos()))
def test_artigo_citado_existe_e_o_texto_e_o_da_lei(fundamento):
    if fundamento.norma in ARQUIVOS:
        lei = texto_da_lei(ARQUIVOS[fundamento.norma])
        assert fundamento.texto == dispositivo(lei, fundamento.artigo, fundamento.paragrafo, fundamento.inciso)
    else:  # norma federal: citada pela fonte oficial
        assert fundamento.fonte and fundamento.fonte.startswith("https://www.planalto.gov.br/")


def test_dispositivo_inexistente_e_recusado():
    lei = texto_da_lei(ARQUIVOS["Lei 1.613/2004"])
    with pytest.raises(LookupError):
        dispositivo(lei, "999")
    with pytest.raises(LookupError):
        dispositivo(lei, "41", paragrafo="9")
    falso = replace(catalogo("magisterio")["004"].fundamentos[0], texto="Art. 41. Texto que a lei não tem.")
    assert falso.texto != dispositivo(lei, falso.artigo)


def _artigos(texto: str) -> set[str]:
    """Números de artigo citados num fundamento de linha: "arts. 46 e 47", "art. 38, I", "art. 40 §1º"."""
    achados = set()
    for trecho in re.findall(r"arts?\.\s*([\dº ,e]+)", texto):
        achados |= {n.rstrip("º") for n in re.findall(r"\d+º?", trecho)}
    return achados


def _confere_linhas(folha, contracheques):
    cat, lei = catalogo(folha), LEI_DA_FOLHA[folha]
    vistos = set()
    for cc in contracheques:
        for linha in cc.linhas:
            r = cat[linha.codigo]
            vistos.add(linha.codigo)
            assert r.natureza == linha.natureza.value, (folha, linha.codigo, linha.descricao)
            proprios = {f.artigo.rstrip("º") for f in r.fundamentos if f.norma == lei}
            if proprios and lei in linha.fundamento:
                assert proprios & _artigos(linha.fundamento), (linha.codigo, linha.fundamento, proprios)
    return vistos


def test_linhas_dos_contracheques_do_magisterio_apontam_para_o_catalogo():
    arquivo = ler("magisterio/folha")
    contracheques = [calcular_contracheque(ficha_de(c["ficha"]), c["competencia"],
                                           parametros(c["competencia"], arquivo["anexo1_teste"]),
                                           config_de(c.get("config")))
                     for c in arquivo["caso"]]
    vistos = _confere_linhas("magisterio", contracheques)
    assert {"001", "002", "201", "205"} <= vistos  # os casos à mão passam pelas rubricas de todo mês


def test_linhas_dos_contracheques_do_conselho_apontam_para_o_catalogo():
    from datetime import date
    from decimal import Decimal as D
    mes = date(2026, 4, 1)
    abril = ((mes, date(2026, 4, 30)),)
    casos = [
        EntradaConselheiro(mes, abril, ((mes, date(2026, 4, 30), "presidente"),), 4, 4, ferias_dias=30),
        EntradaConselheiro(date(2026, 12, 1), ((date(2026, 1, 1), date(2026, 12, 31)),),
                           decimo_terceiro="quitacao", adiantamento_13_pago=D("100.00")),
        EntradaConselheiro(mes, abril, remuneracao_cargo=D("3000.00")),
    ]
    vistos = _confere_linhas("conselho", [_calc(e) for e in casos])
    assert {ct.SUBSIDIO, ct.GRATIFICACAO_PLANTAO, ct.ACRESCIMO_FUNCAO, ct.REMUNERACAO_CARGO,
            motor.TERCO_FERIAS, motor.DECIMO_TERCEIRO} <= vistos


def test_textos_das_leis_ao_lado_do_codigo_sao_os_publicados():
    publicados = RAIZ.parent / "shared" / "legislacao"
    for arquivo in ARQUIVOS.values():
        copia = PASTA_LEGISLACAO / arquivo
        assert copia.exists(), arquivo
        original = publicados / arquivo
        if original.exists():  # na CI e nas máquinas de desenvolvimento, shared/ está ao lado
            assert copia.read_bytes() == original.read_bytes(), arquivo
