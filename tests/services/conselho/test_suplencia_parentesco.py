"""Suplente com parente no mandato (Lei 320/2023, art. 15) na demonstração do processo de escolha:
importada na sua ordem, passada na convocação enquanto o irmão ocupa o mandato, chamada depois da
vacância dele; o alerta do art. 16 §2º conta só quem pode ser chamado."""
import json
import random
from datetime import date, timedelta

from desktop.services.conselho import mandatos
from desktop.services.eleicao.demo import criar_demo_eleicao


def _por_nome(sessao, inicio):
    return {c["nome"]: c for c in mandatos.composicao(sessao, inicio)}


def test_suplente_impedida_por_parentesco_na_demo(sessao_admin):
    db = sessao_admin.db
    proc = criar_demo_eleicao(sessao_admin, random.Random(3))
    posse = date.fromisoformat(proc["posse"])
    mandatos.importar_eleitos(sessao_admin, proc["id"])
    c = _por_nome(sessao_admin, posse)
    kelly, raimundo = c["Kelly Cristina Batista Cunha"], c["Raimundo Batista Cunha"]
    conceicao = c["Conceição Pires Melo"]
    # Importada como suplente nº 1, com o texto do impedimento no cadastro.
    assert (kelly["condicao"], kelly["ordem"], kelly["situacao"]) == ("suplente", 1, "disponivel")
    assert "fica entre os suplentes na sua ordem de votação" in kelly["impedimento"]
    assert (raimundo["condicao"], raimundo["ordem"], raimundo["impedimento"]) == ("titular", 2, None)
    assert (conceicao["condicao"], conceicao["ordem"]) == ("suplente", 2)

    # 7 suplentes, 6 convocáveis: Kelly não conta enquanto o irmão ocupa o mandato.
    s = mandatos.situacao_suplencia(sessao_admin, posse, posse)
    assert s["quantidade"] == 6 and "Kelly Cristina Batista Cunha" not in s["disponiveis"]
    assert len(s["impedidos"]) == 1 and "Raimundo Batista Cunha" in s["impedidos"][0]

    # Raimundo de férias: continua no mandato (art. 15 é servir junto) → Kelly é passada, vem a nº 2.
    inicio = posse + timedelta(days=30)
    r = mandatos.afastar(sessao_admin, raimundo["id"], "ferias", inicio)
    assert r["convocado"]["id"] == conceicao["id"]
    assert r["pulados"] == [
        "Kelly Cristina Batista Cunha (suplente nº 1) não foi convocado(a): Raimundo Batista Cunha (irmãos "
        "(colateral, 2º grau)) ocupa o mandato, e parentes não podem servir juntos no Conselho Tutelar "
        "(Lei 320/2023, art. 15). Volta a ser chamado(a), na sua ordem, quando o parente deixar o mandato."]
    assert r["quantidade"] == 5 and r["alerta"] is None
    ex = db.execute("SELECT motivo FROM conselho_exercicios WHERE conselheiro_id = ?", [conceicao["id"]]).fetchone()[0]
    assert ex.startswith("Convocado(a) na vaga de Raimundo Batista Cunha: Férias. Kelly Cristina")
    ev = db.execute("SELECT depois FROM diario WHERE tabela = 'conselho_conselheiros' AND registro_id = ? "
                    "AND acao = 'evento'", [kelly["id"]]).fetchall()
    assert len(ev) == 1
    assert json.loads(ev[0][0]) == {"evento": "convocação passada (art. 15)", "vaga_de": raimundo["id"],
                                    "data": inicio.isoformat(), "motivo": r["pulados"][0]}
    assert _por_nome(sessao_admin, posse)["Kelly Cristina Batista Cunha"]["situacao"] == "disponivel"

    # Volta de Raimundo: Conceição volta à lista; de novo 6 convocáveis.
    a = r["afastamento"]
    mandatos.encerrar_afastamento(sessao_admin, a["id"], inicio + timedelta(days=29))
    assert mandatos.situacao_suplencia(sessao_admin, posse, posse)["quantidade"] == 6

    # Renúncia de Raimundo: ele deixa o mandato, o impedimento cessa e Kelly é chamada na ordem dela.
    saida = inicio + timedelta(days=60)
    r = mandatos.registrar_vacancia(sessao_admin, raimundo["id"], "renuncia", saida)
    assert r["convocado"]["id"] == kelly["id"] and r["pulados"] == []
    assert r["quantidade"] == 6 and r["impedidos"] == []  # Conceição e os nºs 3 a 7
    assert db.execute("SELECT inicio, substitui_id FROM conselho_exercicios WHERE conselheiro_id = ?",
                      [kelly["id"]]).fetchone() == ((saida + timedelta(days=1)).isoformat(), raimundo["id"])


def test_cadastro_a_mao_nao_tem_parentesco(sessao_admin, conselho):
    """Sem candidatura não há parentesco declarado: convocação e contagem como antes."""
    s = mandatos.situacao_suplencia(sessao_admin, date(2024, 1, 10), date(2024, 2, 1))
    assert s["quantidade"] == 2 and s["impedidos"] == [] and s["alerta"]
    r = mandatos.afastar(sessao_admin, conselho[0], "ferias", date(2024, 3, 1))
    assert r["convocado"]["id"] == conselho[5] and r["pulados"] == [] and r["quantidade"] == 1
