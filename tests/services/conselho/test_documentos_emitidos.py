"""Documentos registrados e verificáveis: contracheque, escala e relatório trimestral (com dados reais)."""
from datetime import date, datetime
from decimal import Decimal as D
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.services.conselho import atendimentos, documentos, escala, folha, mandatos, relatorio, remuneracao
from desktop.services.documentos import verificar_pdf
from desktop.services.sessao import SemPermissao

from .test_atendimentos import caso


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())


def test_contracheque_registrado(sessao_admin, conselho):
    mandatos.definir_funcao(sessao_admin, conselho[0], "presidente", date(2024, 1, 10))
    escala.gerar_escala(sessao_admin, date(2026, 3, 1), date(2026, 3, 31))
    folha.fechar(sessao_admin, date(2026, 3, 1))  # o contracheque sai da competência fechada
    e = remuneracao.emitir_contracheque(sessao_admin, conselho[0], date(2026, 3, 1))
    texto = _texto(e.pdf)
    for trecho in ("Contracheque de conselheiro tutelar", "março de 2026", "Ana Beatriz Souza", "Presidente",
                   "Subsídio de conselheiro tutelar", "3.242,00", "Acréscimo de presidente", "324,20",
                   "art. 40", "Contribuição ao INSS"):
        assert trecho in texto, trecho
    assert verificar_pdf(sessao_admin, e.pdf).situacao == "autentico"
    guardado = remuneracao.contracheques_emitidos(sessao_admin, date(2026, 3, 1))
    assert guardado[0]["codigo"] == e.codigo and D(guardado[0]["proventos"]) > D("4863.00")


def test_escala_e_relatorio_trimestral(sessao_admin, conselho, entrar):
    escala.gerar_escala(sessao_admin, date(2026, 1, 1), date(2026, 3, 31))
    e = documentos.emitir_escala(sessao_admin, date(2026, 1, 1), date(2026, 3, 31))
    assert "Março de 2026" in _texto(e.pdf)
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    atendimentos.registrar_atendimento(ct, caso(recebido_em=datetime(2026, 2, 10, 9, 0)))
    atendimentos.registrar_atendimento(ct, caso(recebido_em=datetime(2026, 3, 20, 23, 0), bairro="Centro"))
    # As contagens são anônimas, mas calculadas dos casos, que ficam no arquivo sigiloso: a administração
    # não as calcula (recebe o relatório impresso); o conselho emite.
    with pytest.raises(SemPermissao, match="chave do arquivo sigiloso"):
        relatorio.estatisticas(sessao_admin, 2026, 1)
    est = relatorio.estatisticas(ct, 2026, 1)
    assert est.registros == 2 and est.criancas == 4 and est.por_medida["129-VII"] == 2
    assert dict(est.por_grupo) == {"CFC.1": 2}  # grupo do SIPIA CT (issue 14)
    assert ("Convivência familiar e comunitária › Privação ou dificuldade de convívio familiar", 2) in dict(
        est.tabelas())["Direitos violados por grupo (SIPIA CT)"]
    r = relatorio.emitir_relatorio_trimestral(ct, 2026, 1, "Falta vaga em creche.")
    texto = _texto(r.pdf)
    # dois registros num trimestre: o bairro não se publica (Centro seria 1 — issue 14, supressão)
    assert "Convivência familiar" in texto and "Centro" not in texto and "Tabela omitida" in texto
    assert "Maria" not in texto and "Conceição" not in texto and "Josefa" not in texto
    assert verificar_pdf(sessao_admin, r.pdf).situacao == "autentico"
    seq, hash_ = sessao_admin.db.execute("SELECT ancora_seq, ancora_hash FROM documentos WHERE id = ?",
                                         [r.id]).fetchone()
    assert f"Diário: nº {seq}, hash {hash_[:8]}…" in texto  # a âncora do diário, impressa
    csv = relatorio.csv_sipia(ct, 2026, 1)
    assert len(csv.strip().splitlines()) == 5 and "Maria" not in csv
