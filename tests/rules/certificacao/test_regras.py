"""Regras da Portaria MEC 902/2024 com casos feitos à mão."""
from datetime import date

import pytest

from desktop.rules.certificacao.adesao import situacao_adesao
from desktop.rules.certificacao.elegibilidade import verificar_elegibilidade
from desktop.rules.certificacao.etapas import verificar_avanco
from desktop.rules.certificacao.oferta import CursoReferencia, verificar_oferta
from desktop.rules.certificacao.ppcp import MembroEquipe, verificar_equipe
from desktop.rules.certificacao.resultado import (classificar, documentos_devidos, verificar_cancelamento_via,
                                                  verificar_nova_via)
from desktop.rules.certificacao.tipos import Impedimento, Prazos, Requisitos, TipoCertificacao as T, TipoDocumento as D
from tests.rules.casos_toml import casos, vigente_padrao

REQ: Requisitos = vigente_padrao("certificacao_requisitos")
PRAZOS: Prazos = vigente_padrao("certificacao_prazos")
HOJE = date(2026, 6, 15)


def test_parametros_padrao():
    assert (REQ.idade_minima, REQ.conceito_minimo_emec, PRAZOS.adesao_validade_anos, PRAZOS.adesao_aviso_dias,
            PRAZOS.guarda_anos) == (18, 3, 5, 90, 10)


@pytest.mark.parametrize("validada, vigente, avisar", [
    (date(2021, 6, 16), True, True),     # vence 16/06/2026: 1 dia
    (date(2021, 9, 13), True, True),     # vence 13/09/2026: 90 dias → avisa
    (date(2021, 9, 14), True, False),    # 91 dias → não avisa
    (date(2021, 6, 15), False, False),   # venceu hoje
])
def test_adesao_cinco_anos_e_aviso_de_90_dias(validada, vigente, avisar):
    s = situacao_adesao(validada, HOJE, PRAZOS)
    assert (s.vigente, s.avisar) == (vigente, avisar)
    assert "art. 27" in s.fundamento


def curso(tipo, implantado, **kw):
    return CursoReferencia("Curso", tipo, implantado, **kw)


@pytest.mark.parametrize("tipo, c, fund", [
    (T.QUALIFICACAO, curso(T.QUALIFICACAO, date(2023, 6, 15), turmas_por_ano={2023: 1, 2024: 1, 2025: 1}), "I, a"),
    (T.QUALIFICACAO, curso(T.TECNICO, date(2023, 6, 15), certificacao_intermediaria=True), "I, b"),
    (T.TECNICO, curso(T.TECNICO, date(2023, 6, 15)), "II, a"),
    (T.ESPECIALIZACAO, curso(T.ESPECIALIZACAO, date(2025, 6, 15)), "III, a"),
    (T.ESPECIALIZACAO, curso(T.TECNICO, date(2023, 6, 1)), "III, b"),
    (T.TECNOLOGIA, curso(T.TECNOLOGIA, date(2024, 1, 1), reconhecido=True, conceito_emec=3), "IV"),
])
def test_oferta_atende(tipo, c, fund):
    assert verificar_oferta(tipo, c, HOJE, REQ).endswith(f"art. 17, {fund}")


@pytest.mark.parametrize("tipo, c, fund", [
    (T.QUALIFICACAO, curso(T.QUALIFICACAO, date(2023, 6, 15), turmas_por_ano={2023: 1, 2025: 1}), "I, a"),
    (T.QUALIFICACAO, curso(T.TECNICO, date(2020, 1, 1)), "I"),
    (T.TECNICO, curso(T.TECNICO, date(2023, 6, 16)), "II, a"),       # 2 anos e 364 dias
    (T.TECNICO, curso(T.QUALIFICACAO, date(2010, 1, 1)), "II"),
    (T.ESPECIALIZACAO, curso(T.ESPECIALIZACAO, date(2025, 6, 16)), "III, a"),
    (T.TECNOLOGIA, curso(T.TECNOLOGIA, date(2010, 1, 1), reconhecido=True, conceito_emec=2), "IV"),
    (T.TECNOLOGIA, curso(T.TECNOLOGIA, date(2010, 1, 1), conceito_emec=4), "IV"),
])
def test_oferta_recusada_com_inciso(tipo, c, fund):
    with pytest.raises(Impedimento) as e:
        verificar_oferta(tipo, c, HOJE, REQ)
    assert e.value.fundamento.endswith(f"art. 17, {fund}")


def test_equipe_minima():
    verificar_equipe([MembroEquipe("a", "educacao"), MembroEquipe("b", "especifica"), MembroEquipe("c", "especifica")], REQ)
    with pytest.raises(Impedimento, match="art. 20, XII"):
        verificar_equipe([MembroEquipe("a", "especifica"), MembroEquipe("b", "especifica")], REQ)


def eleg(tipo, nascimento=date(1990, 1, 1), escolaridade="medio", comprovante="certificado", diploma=None, ppcp="fundamental"):
    return verificar_elegibilidade(tipo=tipo, nascimento=nascimento, escolaridade=escolaridade, comprovante=comprovante,
                                   diploma_tecnico=diploma, escolaridade_ppcp=ppcp, data=HOJE, req=REQ)


def test_elegibilidade():
    eleg(T.TECNICO, nascimento=date(2008, 6, 15))  # faz 18 anos hoje
    with pytest.raises(Impedimento, match="17 anos.*art. 2º"):
        eleg(T.TECNICO, nascimento=date(2008, 6, 16))
    with pytest.raises(Impedimento, match=r"art\. 24, §3º"):
        eleg(T.TECNOLOGIA, escolaridade="medio_incompleto")
    with pytest.raises(Impedimento, match=r"art\. 14, III"):
        eleg(T.ESPECIALIZACAO)
    eleg(T.ESPECIALIZACAO, diploma="Técnico em Eletrotécnica")
    eleg(T.QUALIFICACAO, escolaridade="fundamental")
    with pytest.raises(Impedimento, match=r"arts\. 14, I"):
        eleg(T.QUALIFICACAO, escolaridade="fundamental_incompleto")
    with pytest.raises(Impedimento, match="comprovante"):
        eleg(T.TECNICO, comprovante="")


def test_etapas_em_ordem():
    verificar_avanco([], "inscricao")
    verificar_avanco(["inscricao", "acolhimento"], "matricula")
    with pytest.raises(Impedimento, match="antes é preciso registrar Matrícula"):
        verificar_avanco(["inscricao", "acolhimento"], "avaliacao")
    with pytest.raises(Impedimento, match="já foi registrada"):
        verificar_avanco(["inscricao"], "inscricao")
    with pytest.raises(Impedimento, match="§2º"):
        verificar_avanco(["inscricao", "acolhimento"], "matricula", encerrado=True)


@pytest.mark.parametrize("caso", casos("certificacao/resultado"))
def test_resultado_e_documentos(caso):
    resultado = classificar(caso["reconhecidas"], caso["total"])
    e = caso["esperado"]
    assert resultado.value == e["resultado"], caso["conta"]
    d = documentos_devidos(T(caso["tipo"]), resultado)
    assert [doc.value for doc in d.documentos] == e["documentos"], caso["conta"]
    for trecho in e["fundamento_cita"]:
        assert trecho in d.fundamento, (trecho, d.fundamento)


def test_vias():
    # a observação vai impressa no título: sem citar a Portaria (arts. 15 §2º e 16 §ún; issue 12)
    assert verificar_nova_via(1, None) == "1ª via, sem cobrança de taxa."
    with pytest.raises(Impedimento):
        verificar_nova_via(2, "curto")
    with pytest.raises(Impedimento, match=r"motivo da via.*encontrado: reconhecimento, saberes, modalidade, ead"):
        verificar_nova_via(2, "reconhecimento de saberes na modalidade EaD")
    verificar_cancelamento_via(3, [1, 2, 3])
    with pytest.raises(Impedimento, match="mais recente"):
        verificar_cancelamento_via(2, [1, 2, 3])
