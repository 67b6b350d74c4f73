"""Contracheque avulso e em lote: texto real do PDF (pypdf), totais em R$, progresso e cancelamento."""
from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.reports.magisterio import contracheque
from desktop.reports.magisterio.dados import DadosServidorContracheque, ItemFolha
from desktop.rules.dinheiro import reais
from desktop.rules.folha.tipos import Contracheque, Linha
from desktop.rules.magisterio.tipos import Cargo, Nivel

from . import amostras as a


def _textos(pdf: bytes) -> list[str]:
    """Texto de cada página, com as quebras de linha das células desfeitas."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]


def test_contracheque_mostra_servidor_rubricas_com_artigo_e_totais():
    cc = a.contracheque_maria()
    pdf = contracheque.gerar(a.cabecalho(), a.rodape(), a.servidora(), cc)
    textos = _textos(pdf)
    assert len(textos) == 1
    t = textos[0]
    assert "Contracheque — competência março de 2026" in t
    assert "Secretaria Municipal de Educação" in t and "Município de Jequié – BA" in t
    # servidor: CPF completo formatado, nível e classe, jornada, lotação e banco
    for trecho in ("Maria da Conceição Araújo", "529.982.247-25", "004512", "Professor",
                   "Nível 3 · Classe B", "40 horas semanais", "Escola Municipal Joaquim Nabuco",
                   "Banco do Brasil", "1234-5", "67.890-1"):
        assert trecho in t, trecho
    # cada rubrica com código, descrição e fundamento
    for linha in cc.linhas:
        assert linha.codigo in t
        assert linha.descricao in t, linha.descricao
        assert linha.fundamento in t, linha.fundamento
    assert "Lei 1.613/2004, art. 36 e Anexo II" in t and "Lei 1.613/2004, art. 42 §§ 1º a 4º" in t
    # valores no padrão brasileiro; percentuais e quantidades sem zeros inúteis
    assert "3.364,52" in t and "1.121,51" in t and "27,5" in t
    # totais calculados à mão: 3.364,52 + 3 × 504,68 + 1.121,51; 112,15 + 536,80 + 712,46
    assert cc.proventos == D("6000.07") and cc.descontos == D("1361.41")
    assert "Total de proventos R$ 6.000,07" in t
    assert "Total de descontos R$ 1.361,41" in t
    assert "Líquido a receber R$ 4.638,66" in t
    assert "Totais 6.000,07 1.361,41" in t
    # bases da previdência e do IRRF (as das linhas 2xx); os avisos do cálculo ficam na prévia, não no
    # contracheque oficial (issue 11: "no calculation warnings on closed payslips")
    assert "Base — Contribuição previdenciária (RPPS) R$ 4.766,41" in t
    assert "Base — Imposto de renda retido na fonte R$ 5.226,72" in t
    assert "Avisos do cálculo" not in t and "férias de 01/04/2026 a 30/04/2026" not in t
    assert "Página 1 de 1" in t and a.CODIGO in t
    meta = PdfReader(BytesIO(pdf)).metadata
    assert meta["/Title"] == "Contracheque — competência março de 2026"
    assert meta["/Keywords"] == f"paco-codigo:{a.CODIGO}"


@pytest.mark.parametrize("competencia, extenso", [
    (date(2026, 1, 1), "janeiro de 2026"), (date(2026, 2, 1), "fevereiro de 2026"),
    (date(2025, 12, 1), "dezembro de 2025"), (date(2026, 6, 1), "junho de 2026"),
])
def test_competencia_por_extenso_em_portugues(competencia, extenso):
    pdf = contracheque.gerar(a.cabecalho(), a.rodape(), a.servidora(), a.contracheque_simples(0, competencia))
    assert f"Contracheque — competência {extenso}" in _textos(pdf)[0]


def test_sem_banco_e_auxiliar_de_ensino_no_nivel_especial():
    s = a.servidora(cargo=Cargo.AUXILIAR_ENSINO, nivel=Nivel.NE, classe="C", jornada=20,
                    banco="", agencia="", conta="")
    t = _textos(contracheque.gerar(a.cabecalho(), a.rodape(), s, a.contracheque_simples(1)))[0]
    assert "Auxiliar de Ensino" in t and "Nível Especial · Classe C" in t and "20 horas semanais" in t
    assert "BANCO" not in t and "AGÊNCIA" not in t


def test_decimo_terceiro_sai_em_grupo_proprio():
    cc = a.contracheque_simples(0, date(2026, 12, 1))
    cc = replace(cc, linhas=[
        *cc.linhas,
        Linha("070", "13º salário", a.P, D("1621.00"), "CF, art. 7º VIII; Lei 4.090/1962", grupo="13"),
        Linha("202", "Contribuição previdenciária (RPPS)", a.DESC, D("226.94"), "Lei municipal do RPPS",
              base=D("1621.00"), percentual=D("14"), grupo="13"),
    ])
    t = _textos(contracheque.gerar(a.cabecalho(), a.rodape(), a.servidora(), cc))[0]
    assert t.index("Remuneração do mês") < t.index("Vencimento") < t.index("13º salário")
    assert "Contribuição previdenciária (RPPS) (13º)" in t  # linha do 13º que não o diz
    assert "Base — Contribuição previdenciária (RPPS) (13º) R$ 1.621,00" in t
    # 1.621,00 + 1.621,00 de proventos; 226,94 + 226,94 de descontos
    assert "Líquido a receber R$ 2.788,12" in t


def test_rubricas_demais_continuam_na_pagina_seguinte_com_o_nome():
    linhas = [Linha(f"{n:03d}", f"Rubrica de teste número {n}", a.P, D("10.00"), f"Lei 1.613/2004, art. {n}")
              for n in range(1, 71)]
    cc = Contracheque(date(2026, 3, 1), "p", linhas)
    textos = _textos(contracheque.gerar(a.cabecalho(), a.rodape(), a.servidora(), cc))
    assert len(textos) == 2
    assert "Contracheque de Maria da Conceição Araújo (matrícula 004512) — continuação" in textos[1]
    junto = " ".join(textos)
    for n in range(1, 71):
        assert f"Rubrica de teste número {n} Lei 1.613/2004, art. {n} " in junto
    assert "Líquido a receber R$ 700,00" in textos[1]
    assert "Página 2 de 2" in textos[1]
    # a 2ª página repete a identificação no alto: nome, matrícula, CPF e competência
    for t in textos:
        assert "Maria da Conceição Araújo · matrícula 004512 · CPF " in t
        assert "competência março de 2026" in t


def _lote(n: int) -> list[ItemFolha]:
    return [ItemFolha(a.servidora(nome=f"Servidora Número {i} Ávila", matricula=f"{i:05d}"),
                      a.contracheque_simples(i)) for i in range(1, n + 1)]


def test_lote_de_50_tem_50_paginas_um_codigo_e_progresso_a_cada_servidor():
    chamadas = []
    pdf = contracheque.gerar_lote(a.cabecalho(), a.rodape("Contracheques da folha"), _lote(50),
                                  progresso=lambda feitos, total: chamadas.append((feitos, total)))
    assert chamadas == [(i, 50) for i in range(1, 51)]
    textos = _textos(pdf)
    assert len(textos) == 50
    for i, t in enumerate(textos, start=1):
        assert f"Servidora Número {i} Ávila" in t and f"{i:05d}" in t
        assert f"Servidora Número {i + 1} Ávila" not in t
        assert "Página 1 de 1" in t and f"folha {i} de 50 do lote" in t  # numeração de cada contracheque
        assert f"Código de verificação: {a.CODIGO}" in t
        assert "Contracheque — competência março de 2026" in t
        venc = D("1621.00") + i
        prev = (venc * D("0.14")).quantize(D("0.01"))
        assert f"Líquido a receber {reais(venc - prev)}" in t
    meta = PdfReader(BytesIO(pdf)).metadata
    assert meta["/Title"] == "Contracheques da folha — competência março de 2026"
    assert meta["/Keywords"] == f"paco-codigo:{a.CODIGO}"


def test_lote_cancelado_pelo_progresso_nao_devolve_pdf():
    class Cancelado(Exception):
        pass

    chamadas = []

    def progresso(feitos, total):
        chamadas.append(feitos)
        if feitos == 10:
            raise Cancelado("cancelado pelo usuário")

    resultado = None
    with pytest.raises(Cancelado):
        resultado = contracheque.gerar_lote(a.cabecalho(), a.rodape(), _lote(50), progresso)
    assert resultado is None
    assert chamadas == list(range(1, 11))


def test_lote_sem_progresso_e_lote_vazio():
    assert len(_textos(contracheque.gerar_lote(a.cabecalho(), a.rodape(), _lote(3)))) == 3
    with pytest.raises(ValueError, match="vazio"):
        contracheque.gerar_lote(a.cabecalho(), a.rodape(), [])


def test_dados_do_servidor_aceitam_texto_e_cpf_sem_pontuacao():
    s = DadosServidorContracheque("José", "529.982.247-25", "1", "Coordenador", "4", "G", 40)
    assert s.cargo_rotulo == "Coordenador" and s.nivel_classe == "Nível 4 · Classe G"
    assert s.cpf_formatado == "529.982.247-25"
    assert a.servidora().cpf_formatado == "529.982.247-25"


def test_lote_com_contracheque_de_duas_paginas_numera_por_documento():
    longas = [Linha(f"{n:03d}", f"Rubrica de teste número {n}", a.P, D("10.00"), f"Lei 1.613/2004, art. {n}")
              for n in range(1, 71)]
    itens = [ItemFolha(a.servidora(nome="Ana Ávila", matricula="00001"), a.contracheque_simples(1)),
             ItemFolha(a.servidora(nome="Bruno Brandão", matricula="00002"), Contracheque(date(2026, 3, 1), "p", longas)),
             ItemFolha(a.servidora(nome="Célia Câmara", matricula="00003"), a.contracheque_simples(3))]
    textos = _textos(contracheque.gerar_lote(a.cabecalho(), a.rodape("Contracheques da folha"), itens))
    assert len(textos) == 4
    esperado = [("Ana Ávila", 1, 1), ("Bruno Brandão", 1, 2), ("Bruno Brandão", 2, 2), ("Célia Câmara", 1, 1)]
    for n, (t, (nome, pagina, total)) in enumerate(zip(textos, esperado), start=1):
        assert f"{nome} · matrícula" in t and "competência março de 2026" in t
        assert f"Página {pagina} de {total}" in t and f"folha {n} de 4 do lote" in t
    assert "Ana Ávila" not in textos[2] and "Célia Câmara" not in textos[2]
