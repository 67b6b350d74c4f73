"""Dados de demonstração da Certificação: duas unidades, três PPCPs, 60 trabalhadores em todas as etapas e desfechos."""
import random

from desktop.services import cadastros
from desktop.services.certificacao import instituicao
from desktop.services.certificacao.demo import UNIDADE_DEMO, criar_demo_certificacao


def test_demo_cobre_etapas_e_desfechos(sessao_admin):
    s = sessao_admin
    cadastros.cadastrar_unidade(s, tipo="unidade_certificadora", nome=UNIDADE_DEMO)
    criar_demo_certificacao(s, random.Random(2026))
    q = lambda sql: [tuple(r.values()) for r in s.db.query(sql)]  # noqa: E731
    [inst] = instituicao.listar_instituicoes(s)
    assert len(inst["unidades"]) == 2 and inst["situacao"].vigente and inst["situacao"].avisar
    assert q("SELECT tipo FROM cert_ppcps ORDER BY tipo") == [("qualificacao",), ("tecnico",), ("tecnologia",)]
    assert q("SELECT count(*) FROM cert_trabalhadores") == [(60,)]
    assert {e for (e,) in q("SELECT DISTINCT etapa FROM cert_processos")} == {
        "inscricao", "acolhimento", "matricula", "avaliacao", "certificacao", "encaminhamento"}
    assert {r for (r,) in q("SELECT DISTINCT resultado FROM cert_processos WHERE resultado IS NOT NULL")} == {
        "integral", "parcial", "nenhum"}
    assert q("SELECT count(*) FROM cert_processos WHERE situacao = 'encerrado'") == [(6,)]  # decidiram no acolhimento
    assert q("SELECT count(*) FROM cert_recursos WHERE decidido_em IS NULL") == [(3,)]
    assert q("SELECT deferido, count(*) FROM cert_recursos WHERE decidido_em IS NOT NULL GROUP BY 1") == [(0, 3), (1, 3)]
    assert q("SELECT count(*) FROM cert_emissoes WHERE via = 2") == [(3,)]
    assert q("SELECT count(*) FROM cert_emissoes e JOIN documentos d ON d.id = e.documento_id "
             "WHERE d.cancelado_em IS NOT NULL") == [(1,)]
    assert {t for (t,) in q("SELECT DISTINCT tipo_documento FROM cert_emissoes")} == {
        "cert_diploma_tecnico", "cert_certificado_qualificacao", "cert_diploma_tecnologo", "cert_historico",
        "cert_atestado"}
    assert q("SELECT count(*) FROM cert_ofertas WHERE publicada_em IS NOT NULL") == [(3,)]
