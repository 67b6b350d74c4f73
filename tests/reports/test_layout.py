"""Diagramação oficial: timbre com acentos, "Página x de y", código no texto e nos metadados."""
from datetime import datetime, timezone
from io import BytesIO

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop import __version__
from desktop.reports import diario, layout, recuperacao
from desktop.store.chaves import nova_chave_recuperacao
from tests.reports import apoio_pdf
from desktop.rules import formato

CODIGO = "ABCD-EFGH-JK23"
EMITIDO = datetime(2026, 11, 22, 14, 3, tzinfo=timezone.utc)


def _cabecalho(brasao=None, nome="Secretaria Municipal de Educação"):
    return layout.Cabecalho(nome, "Jequié", "BA", "11.222.333/0001-81", brasao)


def _rodape(tipo="Declaração"):
    return layout.Rodape(CODIGO, tipo, 7, 2026, 1, EMITIDO, "admin")


def _png() -> bytes:
    saida = BytesIO()
    Image.new("RGB", (40, 48), (30, 80, 140)).save(saida, "PNG")
    return saida.getvalue()


def _ler(pdf: bytes) -> tuple[PdfReader, list[str]]:
    leitor = PdfReader(BytesIO(pdf))
    return leitor, [p.extract_text() for p in leitor.pages]


def test_duas_paginas_com_timbre_acentuado_paginacao_e_codigo():
    corpo = layout.titulo("Declaração de vínculo", "Emitida a pedido da interessada")
    corpo += [layout.paragrafo("Declaramos, para os devidos fins, que a servidora Conceição "
                               "Araújo exerce a função de coordenação pedagógica. " * 4)]
    corpo.append(layout.tabela(["Nº", "Descrição"], [[str(i), f"Linha {i} — ação"] for i in range(70)],
                               [40, 200], alinhar_direita=(0,)))
    pdf = layout.gerar_pdf(_cabecalho(), _rodape(), "Declaração de vínculo", corpo)

    leitor, textos = _ler(pdf)
    assert len(leitor.pages) == 2
    for n, texto in enumerate(textos, start=1):
        assert "Secretaria Municipal de Educação" in texto
        assert "Município de Jequié – BA" in texto
        assert "CNPJ 11.222.333/0001-81" in texto
        assert f"Página {n} de 2" in texto
        assert f"Paço › Verificar documento com o código {CODIGO}." in texto
        assert "Declaração nº 7/2026, 1ª via" in texto
    assert "Conceição Araújo exerce a função de coordenação" in textos[0].replace("\n", " ")
    assert "Linha 69 — ação" in textos[1]

    meta = leitor.metadata
    assert meta["/Keywords"] == f"paco-codigo:{CODIGO}"
    assert CODIGO in meta["/Subject"]
    assert meta["/Creator"] == f"Paço {__version__}"
    assert meta["/Author"] == "Secretaria Municipal de Educação"
    assert meta["/Title"] == "Declaração de vínculo"


def test_uma_pagina_e_brasao_como_imagem():
    pdf = layout.gerar_pdf(_cabecalho(_png()), _rodape(), "Teste", layout.titulo("Atestado"))
    leitor, textos = _ler(pdf)
    assert len(leitor.pages) == 1 and "Página 1 de 1" in textos[0]
    assert len(leitor.pages[0].images) == 1


def test_brasao_ilegivel_nao_impede_o_documento():
    pdf = layout.gerar_pdf(_cabecalho(b"isto nao e imagem"), _rodape(), "Teste",
                           layout.titulo("Atestado"))
    leitor, textos = _ler(pdf)
    assert len(leitor.pages[0].images) == 0
    assert "Secretaria Municipal de Educação" in textos[0]


def test_nome_longo_do_orgao_cabe_no_timbre():
    nome = ("Conselho Municipal dos Direitos da Criança e do Adolescente de Itapiranga — "
            "Comissão Especial do Processo de Escolha")
    pdf = layout.gerar_pdf(_cabecalho(_png(), nome), _rodape(), "Edital", layout.titulo("Edital"))
    _, textos = _ler(pdf)
    assert "Comissão Especial do Processo de Escolha" in textos[0]
    assert "Conselho Municipal dos Direitos da Criança" in textos[0]


def test_paragrafo_escapa_marcacao():
    pdf = layout.gerar_pdf(_cabecalho(), _rodape(), "Teste",
                           [layout.paragrafo("Valor <b> & R$ 1.234,56")])
    assert "Valor <b> & R$ 1.234,56" in _ler(pdf)[1][0]


def test_momento_e_dia_na_hora_local_convertem_do_utc():
    momento = datetime(2026, 3, 1, 12, 30, tzinfo=timezone.utc)
    assert formato.momento(momento.isoformat()) == momento.astimezone().strftime("%d/%m/%Y %H:%M")
    assert formato.data("2026-03-01T12:30:00+00:00", hora_local=True) == momento.astimezone().strftime("%d/%m/%Y")


def test_relatorio_do_diario_lista_linhas_e_veredito():
    linhas = [
        {"seq": 1, "momento": "2026-11-22T14:03:00.000+00:00", "usuario": "admin",
         "maquina": "SECRETARIA-01", "acao": "inserir", "tabela": "usuarios",
         "registro_id": "0193a8f2-7c4e-7b21-9f3a-1c2d3e4f5a6b"},
        {"seq": 2, "momento": "2026-11-22T14:05:00.000+00:00", "usuario": "joão",
         "maquina": "SECRETARIA-01", "acao": "alterar", "tabela": "documentos", "registro_id": "x"},
    ]
    pdf = diario.gerar(_cabecalho(), _rodape(diario.TITULO), linhas=linhas,
                       veredito="Diário íntegro: 2 registros conferidos, corrente de hashes intacta.",
                       integro=True, filtros="usuário admin", total=5)
    texto = _ler(pdf)[1][0]
    assert "Relatório do diário de auditoria" in texto
    assert "Filtros: usuário admin" in texto
    assert "Diário íntegro: 2 registros conferidos" in texto
    assert "Registros listados: 2 de 5 encontrados" in texto
    assert "0193a8f2-7c4e-7b21-9f3a-1c2d3e4f5a6b" in texto
    assert "inclusão" in texto and "alteração" in texto and "joão" in texto
    assert formato.momento(linhas[0]["momento"]) in texto


def test_folha_de_recuperacao_mostra_a_chave():
    chave = nova_chave_recuperacao()
    pdf = recuperacao.gerar(_cabecalho(), _rodape(recuperacao.TITULO), chave)
    leitor, textos = _ler(pdf)
    texto = textos[0].replace(" ", "")
    grupos = chave.split("-")
    assert "-".join(grupos[:4]) in texto and "-".join(grupos[4:]) in texto
    assert "Ondeecomoguardar" in texto
    assert len(leitor.pages) == 1


@pytest.mark.parametrize("texto, largura", [("curto", 100), ("um texto bem comprido demais", 40)])
def test_caber_corta_com_reticencias(texto, largura):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.reports import fontes

    fontes.registrar()
    cortado = layout.caber(texto, largura)
    assert stringWidth(cortado, fontes.NORMAL, 7.5) <= largura
    assert cortado == texto or cortado.endswith("…")


def test_timbre_e_rodape_desenhados_uma_vez_e_referenciados_em_cada_pagina():
    """Issue 16: o que se repete (timbre, QR e texto fixo do rodapé) é um Form XObject só, referenciado
    por todas as páginas; só o "Página x de y" é próprio de cada página."""
    corpo = [layout.paragrafo(f"Parágrafo {i} do documento longo, com acentuação: ação, mês, três. " * 6)
             for i in range(40)]
    pdf = layout.gerar_pdf(_cabecalho(), _rodape(), "Longo", corpo)
    leitor, textos = _ler(pdf)
    n = len(leitor.pages)
    assert n >= 3
    comuns = None
    for i, pagina in enumerate(leitor.pages, start=1):
        formularios = {nome: ref.idnum for nome, ref in pagina["/Resources"]["/XObject"].items()}
        fixos = {k: v for k, v in formularios.items() if "pacoTimbre" in k or "pacoRodape" in k}
        assert len(fixos) == 2
        comuns = comuns or fixos
        assert fixos == comuns  # os mesmos objetos em todas as páginas
        assert sum("pacoPagina" in k for k in formularios) == 1  # e o número, próprio da página
        assert f"Página {i} de {n}" in textos[i - 1] and CODIGO in textos[i - 1]
        assert "Secretaria Municipal de Educação" in textos[i - 1]


def test_titulo_de_coluna_que_nao_cabe_quebra_em_vez_de_invadir_o_vizinho():
    """A pasta do processo da Certificação desenhava "Registrada por" por cima de "O que foi registrado" (coluna de
    13 % da largura, título em negrito 8 pt): o título que não cabe quebra em linhas dentro da sua coluna."""
    larguras = [layout.LARGURA_UTIL * x for x in (0.15, 0.12, 0.13, 0.6)]
    corpo = [layout.tabela(["Etapa", "Data", "Registrada por", "O que foi registrado"],
                           [("Inscrição", "30/11/2026", "admin", "—")], larguras, tamanho=8)]
    trechos = apoio_pdf.trechos(layout.gerar_pdf(_cabecalho(), _rodape(), "Pasta", corpo))[0]
    vizinho = next(x for t, x, _, _ in trechos if t.startswith("O que foi"))
    do_titulo = [(t, fim) for t, _, fim, _ in trechos if t in ("Registrada por", "Registrada", "por")]
    assert do_titulo and all(fim <= vizinho for _, fim in do_titulo), (do_titulo, vizinho)
    assert {t for t, _ in do_titulo} == {"Registrada", "por"}  # quebrou em duas linhas, nada cortado
    assert "Data" in [t for t, *_ in trechos] and "Etapa" in [t for t, *_ in trechos]  # os que cabem ficam iguais
