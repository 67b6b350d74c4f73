"""O direito de recurso do trabalhador (Portaria MEC 902/2024, art. 13 XI; Lei 9.784/1999, arts. 51 e 66):
prazo em dias úteis do calendário do emissor, emissão suspensa até o prazo, a decisão ou a renúncia escrita."""
from datetime import date, timedelta

import pytest

from desktop.rules.calendario import FeriadoMunicipal, eh_dia_util
from desktop.rules.certificacao.resultado import prazo_recurso
from desktop.rules.certificacao.tipos import Prazos
from desktop.services import emissores
from desktop.services.certificacao import emissao, processos
from desktop.services.certificacao.comum import Recusa
from desktop.services.sessao import ErroNegocio

from .apoio import HOJE, ate_avaliacao, montar_cenario

DEZ = Prazos(adesao_validade_anos=5, adesao_aviso_dias=90, guarda_anos=10, recurso_dias=10)
CINCO = Prazos(adesao_validade_anos=5, adesao_aviso_dias=90, guarda_anos=10, recurso_dias=5)


@pytest.mark.parametrize("resultado, prazos, uf, municipais, ate", [
    # sexta 13/11/2026: 20/11 (Consciência Negra, Lei 14.759/2023) e dois fins de semana saltados
    (date(2026, 11, 13), DEZ, "BA", (), date(2026, 11, 30)),
    # o mesmo com o aniversário da cidade em 25/11: um dia útil a mais
    (date(2026, 11, 13), DEZ, "BA", (FeriadoMunicipal(date(1900, 11, 25), "Aniversário da cidade"),), date(2026, 12, 1)),
    # sexta 26/06/2026, 5 dias: na Bahia 02/07 é feriado estadual; no Amazonas não
    (date(2026, 6, 26), CINCO, "BA", (), date(2026, 7, 6)),
    (date(2026, 6, 26), CINCO, "AM", (), date(2026, 7, 3)),
    # sexta 18/12/2026: Natal e Ano-Novo caem no meio
    (date(2026, 12, 18), DEZ, "AM", (), date(2027, 1, 5)),
    # quarta 10/06/2026: em dias corridos terminaria no sábado 20/06
    (date(2026, 6, 10), DEZ, "BA", (), date(2026, 6, 24)),
])
def test_prazo_em_dias_uteis_com_fins_de_semana_e_feriados(resultado, prazos, uf, municipais, ate):
    limite = prazo_recurso(resultado, prazos, uf, municipais)
    assert limite == ate
    assert eh_dia_util(limite, uf, municipais)  # nunca termina em sábado, domingo ou feriado (art. 66 §1º)


def test_emissao_bloqueada_ate_o_fim_do_prazo(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 1, resultado_em=HOJE - timedelta(days=60))
    limite = processos.detalhar_processo(s, p["id"])["prazo_recurso"]
    assert limite.weekday() < 5 and limite > HOJE - timedelta(days=60) + timedelta(days=13)
    with pytest.raises(Recusa, match=rf"vai até {limite:%d/%m/%Y}.*renúncia escrita.*art\. 13, XI; Lei 9\.784/1999, art\. 66"):
        processos.registrar_etapa(s, p["id"], "certificacao", realizada_em=limite, dados={})
    assert emissao.listar_emissoes(s, p["id"]) == []
    with pytest.raises(Recusa, match=r"prazo de recurso terminou"):
        processos.interpor_recurso(s, p["id"], fundamentacao="Peço reavaliação da NR-10.",
                                   interposto_em=limite + timedelta(days=1))
    processos.registrar_etapa(s, p["id"], "certificacao", realizada_em=limite + timedelta(days=1), dados={})
    det = processos.detalhar_processo(s, p["id"])
    assert [e["tipo_documento"] for e in det["emissoes"]] == ["cert_atestado"]
    cert = next(e for e in det["etapas"] if e["etapa"] == "certificacao")
    assert cert["dados"]["liberacao"] == f"prazo de recurso vencido em {limite:%d/%m/%Y} sem recurso"


def test_atestado_no_dia_do_resultado_so_com_renuncia_escrita(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 1, resultado_em=HOJE)
    with pytest.raises(Recusa, match=r"art\. 13, XI"):
        processos.registrar_etapa(s, p["id"], "certificacao", dados={})
    with pytest.raises(ErroNegocio, match=r"termo de renúncia.*art\. 51"):
        processos.registrar_renuncia(s, p["id"], termo="assinou")
    assert processos.detalhar_processo(s, p["id"])["renuncia_recurso_em"] is None
    processos.registrar_renuncia(s, p["id"], termo="Termo de renúncia assinado pela trabalhadora, arquivado na pasta.")
    with pytest.raises(Recusa, match=rf"renunciou por escrito ao recurso em {HOJE:%d/%m/%Y}.*art\. 51"):
        processos.interpor_recurso(s, p["id"], fundamentacao="Mudei de ideia, peço reavaliação.")
    processos.registrar_etapa(s, p["id"], "certificacao", dados={})
    det = processos.detalhar_processo(s, p["id"])
    assert [e["tipo_documento"] for e in det["emissoes"]] == ["cert_atestado"]
    assert next(e for e in det["etapas"] if e["etapa"] == "certificacao")["dados"]["liberacao"].startswith("renúncia")
    diario = list(s.db.query("SELECT depois FROM diario WHERE tabela = 'cert_processos' AND acao = 'alterar' "
                             "AND depois LIKE '%renuncia_recurso_termo%arquivado%' AND antes NOT LIKE '%arquivado%'"))
    assert len(diario) == 1


def test_recurso_no_prazo_suspende_a_emissao_ate_a_decisao(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    resultado = HOJE - timedelta(days=60)
    p = ate_avaliacao(s, c, 1, resultado_em=resultado)
    limite = processos.detalhar_processo(s, p["id"])["prazo_recurso"]
    r = processos.interpor_recurso(s, p["id"], fundamentacao="Peço reavaliação da NR-10.", interposto_em=limite)
    with pytest.raises(Recusa, match=rf"interposto em {limite:%d/%m/%Y}, ainda sem decisão.*suspensa"):
        processos.registrar_etapa(s, p["id"], "certificacao", realizada_em=limite + timedelta(days=5), dados={})
    with pytest.raises(ErroNegocio, match="recurso pendente"):
        processos.registrar_renuncia(s, p["id"], termo="Termo de renúncia assinado pela trabalhadora.")
    processos.decidir_recurso(s, r["id"], deferido=False, decisao="Indeferido: avaliação mantida.",
                              decidido_em=limite + timedelta(days=3))
    with pytest.raises(Recusa, match="anterior à decisão do recurso"):
        processos.registrar_etapa(s, p["id"], "certificacao", realizada_em=limite + timedelta(days=2), dados={})
    processos.registrar_etapa(s, p["id"], "certificacao", realizada_em=limite + timedelta(days=3), dados={})
    assert [e["tipo_documento"] for e in emissao.listar_emissoes(s, p["id"])] == ["cert_atestado"]
    with pytest.raises(ErroNegocio, match="o recurso não cabe mais"):
        processos.interpor_recurso(s, p["id"], fundamentacao="Novo recurso depois da emissão.")


def test_feriado_municipal_do_emissor_estende_o_prazo(sessao_admin):
    s = sessao_admin
    c = montar_cenario(s)
    resultado = HOJE - timedelta(days=60)
    p = ate_avaliacao(s, c, 1, resultado_em=resultado)
    instituto = emissores.criar(s, nome="Instituto Federal de Teste — Campus Jequié", cnpj="34.028.316/0001-03",
                                municipio="Jequié", uf="BA")
    emissores.atribuir_unidade(s, p["unidade_id"], instituto.id)
    antes = processos.detalhar_processo(s, p["id"])["prazo_recurso"]
    dia = resultado + timedelta(days=1)
    while not eh_dia_util(dia, "BA"):
        dia += timedelta(days=1)
    emissores.adicionar_feriado(s, instituto.id, dia, "Dia do padroeiro", anual=False)
    depois = processos.detalhar_processo(s, p["id"])["prazo_recurso"]
    seguinte = antes + timedelta(days=1)
    while not eh_dia_util(seguinte, "BA"):
        seguinte += timedelta(days=1)
    assert depois == seguinte


def test_comunicado_do_resultado_diz_o_prazo(sessao_admin):
    from io import BytesIO

    from pypdf import PdfReader

    from desktop.services import documentos
    from desktop.services.certificacao.comunicado import emitir_comunicado

    s = sessao_admin
    c = montar_cenario(s)
    p = ate_avaliacao(s, c, 1, resultado_em=HOJE)
    limite = processos.detalhar_processo(s, p["id"])["prazo_recurso"]
    e = emitir_comunicado(s, p["id"])
    texto = " ".join(pg.extract_text() for pg in PdfReader(BytesIO(e.pdf)).pages)
    texto = " ".join(texto.split())
    assert f"Prazo de recurso: até" in texto and f"({limite:%d/%m/%Y}), 10 dias úteis" in texto
    assert "art. 13, XI" in texto and "renúncia escrita" in texto
    assert "parte das competências do perfil foi reconhecida" in texto
    assert documentos.verificar_codigo(s, e.codigo).situacao == documentos.AUTENTICO
