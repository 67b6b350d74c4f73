"""PDFs da eleição emitidos pela demonstração de 2027: texto conferido com pypdf e verificação do registro."""
import random
from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.reports.apoio_pdf import trechos

from desktop.services import documentos
from desktop.services.eleicao import demo, relatorios, resultado, votacao
from desktop.services.sessao import ErroNegocio


def _texto(pdf: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(BytesIO(pdf)).pages)


@pytest.fixture
def demo_2027(sessao_admin):
    return demo.criar_demo_eleicao(sessao_admin, random.Random(11))


def test_listas_boletim_ata_e_resultado(sessao_admin, demo_2027):
    pid = demo_2027["id"]
    inscritos = relatorios.emitir_lista(sessao_admin, pid, habilitados=False)
    t = _texto(inscritos.pdf)
    assert "Edital — relação dos inscritos" in t and "art. 11 §2º" in t and "Diego Sales Monteiro" in t
    assert "Indeferido" in t and inscritos.codigo in t
    hab = _texto(relatorios.emitir_lista(sessao_admin, pid, habilitados=True).pdf)
    assert "Francisca Nogueira Lins" in hab and "Diego Sales Monteiro" not in hab

    secao8 = votacao.listar_secoes(sessao_admin, pid)[7]
    b = _texto(relatorios.emitir_boletim(sessao_admin, secao8["id"]).pdf)
    assert "Boletim da seção 8" in b and "supervisor" in b and "Paula Regina Tavares" in b

    a = resultado.apurar(sessao_admin, pid)
    r = relatorios.emitir_resultado(sessao_admin, pid)
    t = _texto(r.pdf)
    primeiro = a.resultado.colocados[0]
    assert "Resultado oficial do processo de escolha" in t
    assert f"{primeiro.votos}" in t and str(primeiro.percentual).replace(".", ",") in t
    assert "1º titular" in t and "1º suplente" in t and "Impedido (art. 15)" in t
    assert "Empate com 601 votos" in t and f"{a.totais.brancos}" in t
    assert "10/01/2028" in t and "09/01/2032" in t
    assert "Resultado publicado em 03/10/2027" in t and "até 08/10/2027" in t
    assert documentos.verificar_pdf(sessao_admin, r.pdf).situacao == documentos.AUTENTICO
    ata = relatorios.emitir_ata(sessao_admin, pid)
    t = _texto(ata.pdf)
    assert "Ata de apuração" in t and "dupla digitação" in t and "Seção 8: digitações divergentes" in t
    # horário, presentes, designados e a recontagem do papel que resolveu a divergência (issue 14)
    assert "03/10/2027, às 17h30" in t and "03/10/2027, às 23h40" in t
    assert "Maria do Socorro Lima — presidente da Comissão Especial" in t
    assert "Paula Regina Tavares — mesário" in t and "supervisor da apuração" in t
    assert "recontagem do papel (Boletim impresso da urna da seção 8" in t
    assert documentos.verificar_codigo(sessao_admin, ata.codigo).situacao == documentos.AUTENTICO
    # a data ao pé da ata é a da sessão de apuração e a do resultado, a da publicação — não o dia da emissão
    # (a 2ª via de uma ata não muda de data)
    assert "Jequié – BA, 3 de outubro de 2027." in t
    assert "Jequié – BA, 3 de outubro de 2027." in _texto(r.pdf)


def test_resultado_oficial_exige_todas_as_secoes(sessao_admin):
    from desktop.services.eleicao import processo

    p = processo.abrir_processo(sessao_admin, processo.calendario_sugerido(sessao_admin, 2031), nota_corte="50")
    with pytest.raises(ErroNegocio, match="seção"):
        relatorios.emitir_resultado(sessao_admin, p["id"])


def _fora_da_pagina(pdf: bytes) -> list[str]:
    """Trechos de texto que passam da borda direita da página (posição + largura pela métrica da fonte)."""
    fora = []
    for pagina, desenhados in zip(PdfReader(BytesIO(pdf)).pages, trechos(pdf)):
        largura = float(pagina.mediabox.width)
        fora += [f"{texto!r} termina em {fim:.0f} > {largura:.0f}" for texto, _x, fim, _y in desenhados
                 if fim > largura - 5]
    return fora


def test_ata_com_nomes_longos_fica_dentro_da_pagina(sessao_admin, demo_2027):
    pid = demo_2027["id"]
    sessao_admin.db.execute("UPDATE eleicao_secoes SET local = ? WHERE numero = 3",
                            ["Escola Municipal Professora Maria Auxiliadora de Souza Albuquerque, Comunidade "
                             "Nossa Senhora do Perpétuo Socorro, Rio Uatumã"])
    ata = relatorios.emitir_ata(sessao_admin, pid)
    t = _texto(ata.pdf)
    assert "Perpétuo" in t and "Rio Uatumã" in t
    assert _fora_da_pagina(ata.pdf) == []


def test_edital_dos_inscritos_so_depois_da_lista_publicada(sessao_admin):
    """O PDF "Edital — relação dos inscritos" documenta o ato que abre o prazo de impugnação: só sai depois de
    registrada a publicação da lista (Lei 320/2023, art. 11 §2º); antes, erro claro e nada registrado. A lista de
    habilitados, só depois da homologação (art. 11 §6º) — também em preparação, que antes passava."""
    from datetime import date

    p = demo.criar_demo_eleicao(sessao_admin, random.Random(11), ate=date(2027, 5, 1))  # inscrições abertas
    assert p["fase"] == "inscricoes" and p["inscritos_publicados_em"] is None
    antes = sessao_admin.db.execute("SELECT count(*) FROM documentos").fetchone()[0]
    with pytest.raises(ErroNegocio, match=r"depois de registrada a publicação da lista de inscritos.*art\. 11 §2º"):
        relatorios.emitir_lista(sessao_admin, p["id"], habilitados=False)
    with pytest.raises(ErroNegocio, match=r"depois da homologação.*art\. 11 §6º"):
        relatorios.emitir_lista(sessao_admin, p["id"], habilitados=True)
    assert sessao_admin.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == antes
