"""Emissores da demonstração: o Conselho Tutelar e o processo de escolha saem com o timbre de Itapiranga-AM (Lei
320/2023), o Magistério continua com o do órgão da instalação (Jequié-BA, Lei 1.613/2004).

Confere o TEXTO dos PDFs (o timbre, a linha de local e data), na cópia da base de demonstração da sessão de testes.
"""
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.services import acesso, demo, documentos, documentos_vias, emissores, instalacao
from desktop.services.eleicao import processo, relatorios
from desktop.services.magisterio import cadastro
from desktop.services.magisterio import documentos as docs_magisterio

CT = "Conselho Tutelar de Itapiranga (DEMONSTRAÇÃO)"
CMDCA = "Conselho Municipal dos Direitos da Criança e do Adolescente de Itapiranga — CMDCA (DEMONSTRAÇÃO)"


@pytest.fixture
def caminho(tmp_path):
    c = tmp_path / "demo" / "paco.db"
    demo.criar_demo(c, servidores=40)  # a cópia da base de demonstração da sessão de testes
    return c


@pytest.fixture
def entrar(caminho):
    """Entra com ``login`` (a base abre numa sessão por vez: entrar fecha a anterior)."""
    aberta = []

    def _entrar(login):
        while aberta:
            aberta.pop().fechar()
        aberta.append(acesso.entrar(caminho, login, demo.SENHA_DEMO))
        return aberta[0]

    yield _entrar
    while aberta:
        aberta.pop().fechar()


def _texto(pdf: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages)


def _itapiranga(texto: str, nome: str) -> None:
    assert nome in texto
    assert "Município de Itapiranga – AM" in texto
    assert "Jequié" not in texto and "Secretaria Municipal de Educação" not in texto


def test_cada_modulo_tem_o_seu_emissor(entrar):
    s = entrar("admin")
    por_id = {e.id: e for e in emissores.listar(s)}
    modulos = {m: por_id[e] for m, e in emissores.modulos(s).items()}
    assert modulos["conselho"].nome == CT and modulos["eleicao"].nome == CMDCA
    assert {(modulos[m].municipio, modulos[m].uf) for m in ("conselho", "eleicao")} == {("Itapiranga", "AM")}
    # o Conselho Tutelar é órgão do Município, que paga os conselheiros (arts. 4º §2º e 40); o CMDCA, também
    assert modulos["conselho"].cnpj == modulos["eleicao"].cnpj != modulos["magisterio"].cnpj
    assert modulos["magisterio"].id == modulos["geral"].id == emissores.ORGAO
    assert (modulos["magisterio"].municipio, modulos["magisterio"].uf) == ("Jequié", "BA")
    cert = modulos["certificacao"]
    assert cert.nome == "Instituto Estadual de Educação Profissional (DEMONSTRAÇÃO)"
    assert (cert.municipio, cert.uf) == ("Jequié", "BA")
    # os prazos da Certificação contam os feriados municipais de Jequié, como os do órgão
    assert ([f["data"] for f in emissores.listar_feriados(s, cert.id)]
            == [f["data"] for f in emissores.listar_feriados(s, emissores.ORGAO)] != [])
    assert emissores.listar_feriados(s, modulos["conselho"].id) == []
    # a janela mostra, ao lado dos módulos, o órgão de cada um
    resumo = instalacao.resumo_orgao(s)
    assert (resumo["nome"], resumo["municipio"], resumo["uf"]) == (
        "Secretaria Municipal de Educação (DEMONSTRAÇÃO)", "Jequié", "BA")
    assert resumo["modulos"]["conselho"] == {"nome": CT, "municipio": "Itapiranga", "uf": "AM"}
    assert resumo["modulos"]["eleicao"] == {"nome": CMDCA, "municipio": "Itapiranga", "uf": "AM"}
    assert "magisterio" not in resumo["modulos"]  # o do órgão


def test_ata_e_resultado_da_eleicao_com_o_timbre_do_cmdca_de_itapiranga(entrar):
    s = entrar("comissao")
    p = next(p for p in processo.listar_processos(s) if p["ano"] == 2023)
    ata = _texto(relatorios.emitir_ata(s, p["id"]).pdf)
    _itapiranga(ata, CMDCA)
    assert "Ata de apuração" in ata and "Itapiranga – AM, 1º de outubro de 2023" in ata
    resultado = _texto(relatorios.emitir_resultado(s, p["id"]).pdf)
    _itapiranga(resultado, CMDCA)
    assert "Resultado oficial do processo de escolha" in resultado and "Itapiranga – AM, " in resultado


def test_documentos_do_conselho_com_o_timbre_de_itapiranga_e_o_magisterio_com_o_de_jequie(entrar):
    s = entrar("admin")
    contracheques = documentos.listar_documentos(s, tipo="conselho_contracheque")
    assert len(contracheques) == 5  # os cinco titulares, no mês anterior (a demonstração do Conselho)
    cc = _texto(documentos_vias.pdf_emitido(s, contracheques[0]["id"]))
    _itapiranga(cc, CT)
    assert all(d["emissor_id"] == contracheques[0]["emissor_id"] for d in contracheques)
    relatorio = documentos.listar_documentos(s, tipo="conselho_relatorio_trimestral")
    assert len(relatorio) == 1
    _itapiranga(_texto(documentos_vias.pdf_emitido(entrar("conselheira"), relatorio[0]["id"])), CT)
    rh = entrar("rh")
    servidor = cadastro.listar_servidores(rh)[0]
    historico = _texto(docs_magisterio.emitir_historico(rh, servidor["id"]).pdf)
    assert "Secretaria Municipal de Educação (DEMONSTRAÇÃO)" in historico
    assert "Município de Jequié – BA" in historico and "Itapiranga" not in historico


def test_historico_da_certificacao_com_o_timbre_do_instituto(entrar):
    s = entrar("certifica")
    historico = documentos.listar_documentos(s, tipo="cert_historico")[0]
    texto = _texto(documentos_vias.pdf_emitido(s, historico["id"]))
    assert texto.startswith("Instituto Estadual de Educação Profissional (DEMONSTRAÇÃO) Município de Jequié – BA")
    assert "Secretaria Municipal de Educação" not in texto
