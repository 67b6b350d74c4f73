"""Livros de registro (issue 12, item 1): um título por folha, numeração sem colisão entre tipos, histórico no
registro do seu título, livro completo recusado e o livro impresso com termos de abertura e encerramento."""
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.services.certificacao import emissao, livros, processos
from desktop.services.certificacao.comum import Recusa

from .apoio import ate_avaliacao, cpf_valido, montar_cenario


def _certificar(s, c, k, reconhecidas):
    p = ate_avaliacao(s, c, reconhecidas, cpf=cpf_valido(123456780 + k))
    dados = {"sistec_codigo": f"SISTEC-{k}"} if reconhecidas == 3 else {}
    processos.registrar_etapa(s, p["id"], "certificacao", dados=dados)
    return p


def test_numeracao_sem_colisao_livro_completo_e_impressao(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    livro_tec = livros.abrir_livro(s, tipo_documento="cert_diploma_tecnico", folhas=2, unidade_id=c["unidade"]["id"])
    assert livro_tec["numero"] == 1 and "2 folhas" in livro_tec["termo_abertura"]
    with pytest.raises(Exception, match="ainda está aberto"):
        livros.abrir_livro(s, tipo_documento="cert_diploma_tecnico", unidade_id=c["unidade"]["id"])
    with pytest.raises(Recusa, match="vai no registro do certificado ou diploma"):
        livros.abrir_livro(s, tipo_documento="cert_historico", unidade_id=c["unidade"]["id"])
    _certificar(s, c, 1, 3)
    _certificar(s, c, 2, 1)  # atestado: abre o livro 2 (outro tipo, outro número de livro)
    _certificar(s, c, 3, 3)
    antes = s.db.execute("SELECT count(*) FROM documentos").fetchone()[0]
    with pytest.raises(Recusa, match=r"livro nº 1 \(diploma de técnico de nível médio\) está completo: as 2 folhas"):
        _certificar(s, c, 4, 3)
    assert s.db.execute("SELECT count(*) FROM documentos").fetchone()[0] == antes  # nada pela metade
    livros.encerrar_livro(s, livro_tec["id"])
    livros.abrir_livro(s, tipo_documento="cert_diploma_tecnico", folhas=50, unidade_id=c["unidade"]["id"])
    p4 = next(p for p in processos.listar_processos(s) if p["etapa"] == "avaliacao")
    processos.registrar_etapa(s, p4["id"], "certificacao", dados={"sistec_codigo": "SISTEC-4"})

    emis = emissao.listar_emissoes(s)
    titulos = [e for e in emis if e["tipo_documento"] != "cert_historico"]
    assert len(titulos) == 4
    assert len({(e["livro"], e["folha"]) for e in titulos}) == 4  # nunca dois títulos na mesma folha do mesmo livro
    assert len({e["numero_registro"] for e in titulos}) == 4
    assert sorted((e["livro"], e["folha"]) for e in titulos) == [("1", 1), ("1", 2), ("2", 1), ("3", 1)]
    for h in (e for e in emis if e["tipo_documento"] == "cert_historico"):  # o histórico acompanha o diploma
        dip = next(e for e in titulos if e["processo_id"] == h["processo_id"])
        assert (h["livro"], h["folha"], h["numero_registro"], h["registro_id"]) == (
            dip["livro"], dip["folha"], dip["numero_registro"], dip["registro_id"])
    assert s.db.execute("SELECT count(*) FROM cert_registros").fetchone()[0] == 4

    livro1 = next(l for l in livros.listar_livros(s) if l["numero"] == 1)
    pdf = livros.emitir_livro(s, livro1["id"]).pdf
    t = " ".join(" ".join(pg.extract_text() for pg in PdfReader(BytesIO(pdf)).pages).split())
    assert "LIVRO DE REGISTRO Nº 1" in t and "Termo de abertura" in t and "Termo de encerramento" in t
    assert "Encerra-se este livro nº 1 com 2 de 2 folhas utilizadas." in t
    assert t.count("Maria José da Silva") == 2


def test_numeracao_sem_colisao_entre_todos_os_tipos(sessao_admin):
    """Issue 12, "register numbering across all types with no collision": a demonstração emite diploma de
    técnico, certificado de qualificação, diploma de tecnólogo, atestado e históricos em duas unidades; cada
    título tem um registro próprio (número único na instalação) numa folha própria de um livro do seu emissor
    e do seu tipo, e o histórico fica no registro do seu título."""
    import random

    from desktop.services import cadastros
    from desktop.services.certificacao.demo import UNIDADE_DEMO, criar_demo_certificacao

    s = sessao_admin
    cadastros.cadastrar_unidade(s, tipo="unidade_certificadora", nome=UNIDADE_DEMO)
    criar_demo_certificacao(s, random.Random(2026))
    q = lambda sql: [tuple(r.values()) for r in s.db.query(sql)]  # noqa: E731
    titulos = q("SELECT l.emissor_id, l.numero, r.folha, r.numero, l.tipo_documento, e.tipo_documento "
                "FROM cert_emissoes e JOIN cert_registros r ON r.id = e.registro_id "
                "JOIN cert_livros l ON l.id = r.livro_id WHERE e.via = 1 AND e.tipo_documento != 'cert_historico'")
    assert {t[5] for t in titulos} == {"cert_diploma_tecnico", "cert_certificado_qualificacao",
                                       "cert_diploma_tecnologo", "cert_atestado"}
    assert all(livro_tipo == tipo for *_, livro_tipo, tipo in titulos)  # cada tipo no seu livro
    assert len({(em, livro, folha) for em, livro, folha, *_ in titulos}) == len(titulos)  # nunca a mesma folha
    assert len({t[3] for t in titulos}) == len(titulos)  # número de registro único entre todos os tipos
    livros_por_emissor = q("SELECT emissor_id, numero, count(DISTINCT tipo_documento) FROM cert_livros "
                           "GROUP BY emissor_id, numero")
    assert all(n == 1 for *_, n in livros_por_emissor)  # um número de livro nunca serve a dois tipos
    historicos = q("SELECT h.registro_id, h.livro, h.folha, h.numero_registro, d.registro_id, d.livro, d.folha, "
                   "d.numero_registro FROM cert_emissoes h JOIN cert_emissoes d ON d.processo_id = h.processo_id "
                   "AND d.via = h.via AND d.tipo_documento IN ('cert_diploma_tecnico', 'cert_diploma_tecnologo') "
                   "WHERE h.tipo_documento = 'cert_historico'")
    assert historicos and all(h[:4] == h[4:] for h in historicos)
    assert q("SELECT count(*) FROM cert_registros WHERE tipo_documento = 'cert_historico'") == [(0,)]
