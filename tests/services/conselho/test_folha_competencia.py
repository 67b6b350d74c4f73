"""Competência da folha dos conselheiros (issue 13, item 8): prévia, fechamento gravado e imutável, reabertura só
com motivo, contracheque em PDF só da competência fechada e substituído quando ela é reaberta."""
import json
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services.conselho import folha, remuneracao
from desktop.services.sessao import ErroNegocio, SemPermissao

MARCO = date(2026, 3, 1)


def _diario(s, tabela):
    return [dict(r) for r in s.db.query("SELECT acao, depois FROM diario WHERE tabela = ? ORDER BY seq", [tabela])]


def test_fechar_grava_a_previa_e_reabrir_exige_motivo(sessao_admin, conselho):
    s = sessao_admin
    with pytest.raises(ErroNegocio, match="não está fechada"):
        remuneracao.emitir_contracheque(s, conselho[0], MARCO)
    opcoes = {conselho[1]: {"ferias_dias": 30}}
    p = folha.previa(s, MARCO, opcoes)
    assert not p.erros and len(p.itens) == 5  # os cinco titulares em exercício; os suplentes não
    sem_ferias = folha.previa(s, MARCO)
    assert p.itens[1].contracheque.proventos > sem_ferias.itens[1].contracheque.proventos  # o terço de férias
    k = folha.fechar(s, MARCO, opcoes)
    assert k["situacao"] == "fechada" and k["conselheiros"] == 5
    assert k["liquido"] == p.liquido == sum((i.contracheque.liquido for i in p.itens), Decimal("0"))
    # o gravado é o calculado, linha a linha, com as opções do mês
    gravados = folha.contracheques(s, MARCO)
    assert [(i.identificacao["nome"], i.contracheque.linhas) for i in gravados] == \
        [(i.identificacao["nome"], i.contracheque.linhas) for i in p.itens]
    assert gravados[1].identificacao["opcoes"] == {"ferias_dias": 30}
    assert s.db.execute("SELECT count(*) FROM conselho_folha_linhas").fetchone()[0] == \
        sum(len(i.contracheque.linhas) for i in p.itens)
    assert [d["acao"] for d in _diario(s, "conselho_competencias")] == ["inserir"]
    with pytest.raises(ErroNegocio, match="já está fechada"):
        folha.fechar(s, MARCO)
    with pytest.raises(Exception, match="Rubrica gravada não se altera"):  # a base recusa mudar o gravado
        s.db.execute("UPDATE conselho_folha_linhas SET valor = 1")
    # o PDF sai do gravado
    e = remuneracao.emitir_contracheque(s, conselho[1], MARCO)
    assert Decimal(remuneracao.contracheques_emitidos(s, MARCO)[0]["liquido"]) == gravados[1].contracheque.liquido
    with pytest.raises(EntradaInvalida, match="motivo"):
        folha.reabrir(s, MARCO, "corrigir")
    k = folha.reabrir(s, MARCO, "afastamento de março lançado depois")
    assert k["situacao"] == "aberta" and k["conselheiros"] == 0
    assert s.db.execute("SELECT count(*) FROM conselho_folha_contracheques").fetchone()[0] == 0
    assert [r["motivo"] for r in folha.obter_competencia(s, MARCO)["reaberturas"]] == \
        ["afastamento de março lançado depois"]
    motivo = s.db.execute("SELECT motivo_substituicao FROM documentos WHERE id = ?", [e.id]).fetchone()[0]
    assert "competência 03/2026 reaberta" in motivo  # o PDF emitido fica substituído, guardado
    assert [d["acao"] for d in _diario(s, "conselho_reaberturas")] == ["inserir"]
    ultima = json.loads(_diario(s, "conselho_competencias")[-1]["depois"])
    assert ultima["motivo_reabertura"] == "afastamento de março lançado depois" and ultima["documentos_substituidos"] == 1
    with pytest.raises(ErroNegocio, match="não está fechada"):
        folha.contracheques(s, MARCO)
    assert folha.fechar(s, MARCO)["liquido"] == sem_ferias.liquido  # fechada de novo, sem as férias
    from desktop.store.integridade_dados import conferir_tabelas

    achados, _n = conferir_tabelas(s.db)  # competência e reabertura no diário com a linha inteira
    assert [a.mensagem for a in achados if "conselho_" in a.mensagem] == []


def test_conselheiro_le_so_o_proprio_e_nao_fecha(sessao_admin, conselho, entrar):
    folha.fechar(sessao_admin, MARCO)
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    assert [i.contracheque.pessoa_id for i in folha.contracheques(ct, MARCO)] == [conselho[0]]
    with pytest.raises(SemPermissao):
        folha.contracheque(ct, MARCO, conselho[1])
    with pytest.raises(SemPermissao):
        folha.reabrir(ct, MARCO, "motivo suficientemente longo")


def test_quitacao_do_13_desconta_a_1a_parcela_das_competencias_fechadas(sessao_admin, conselho):
    """Como no Magistério: a 1ª parcela do 13º (rubrica 040) paga numa competência fechada do ano é
    descontada na quitação (140) sem ser informada de novo."""
    s = sessao_admin
    folha.fechar(s, date(2026, 7, 1), {conselho[0]: {"decimo_terceiro": "adiantamento"}})
    (julho,) = [i for i in folha.contracheques(s, date(2026, 7, 1)) if i.contracheque.pessoa_id == conselho[0]]
    primeira = next(l.valor for l in julho.contracheque.linhas if l.codigo == "040")
    p = folha.previa(s, date(2026, 12, 1), {conselho[0]: {"decimo_terceiro": "quitacao"},
                                            conselho[1]: {"decimo_terceiro": "quitacao"}})
    dela, dele = (next(i for i in p.itens if i.contracheque.pessoa_id == c) for c in conselho[:2])
    assert [l.valor for l in dela.contracheque.linhas if l.codigo == "140"] == [primeira] and primeira > 0
    assert [l for l in dele.contracheque.linhas if l.codigo == "140"] == []  # ele não recebeu a 1ª parcela


def test_fechamento_guarda_a_identidade_dos_parametros(sessao_admin, conselho):
    """Como no Magistério, a competência fechada guarda de cada parâmetro usado a vigência e o fundamento."""
    from desktop.services import parametros

    k = folha.fechar(sessao_admin, MARCO)
    for nome in ("conselho_remuneracao", "salario_minimo", "inss", "irrf"):
        vigencias = [v for v in parametros.listar_vigencias(sessao_admin, nome) if str(v["inicio"]) <= "2026-03-01"]
        assert k["parametros"][nome] == {"inicio": str(vigencias[-1]["inicio"]), "fundamento": vigencias[-1]["fundamento"]}
    assert k["parametros"]["salario_minimo"]["inicio"] == "2026-01-01"
