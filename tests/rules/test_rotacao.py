"""Rotação das cópias: quais ficam (7 diárias, 4 semanais, 12 mensais, 10 recentes por tipo)."""
from datetime import date, datetime, timedelta

from desktop.rules.rotacao import Politica, a_manter, escalonadas, precisa_de_diaria


def _diarias(inicio: date, dias: int, hora: int = 3) -> list[tuple[date, datetime, str]]:
    return [
        (inicio + timedelta(d), datetime.combine(inicio + timedelta(d), datetime.min.time()).replace(hour=hora), "diaria")
        for d in range(dias)
    ]


def test_quarenta_dias_de_diarias():
    # 01/01/2024 é segunda-feira; 40 dias vão até sexta 09/02/2024.
    ficam = a_manter(_diarias(date(2024, 1, 1), 40))
    # 7 diárias: 03 a 09/02. Semanas ISO: a 6 (09/02) e a 5 (04/02) já estão; a 4 dá 28/01 e a
    # 3 dá 21/01. Meses: fevereiro (09/02) já está; janeiro dá 31/01.
    esperado = {date(2024, 2, d) for d in range(3, 10)} | {
        date(2024, 1, 28), date(2024, 1, 21), date(2024, 1, 31)}
    assert ficam == esperado


def test_quatrocentos_dias_guardam_doze_meses():
    # 01/01/2023 + 399 dias = domingo 04/02/2024.
    ficam = a_manter(_diarias(date(2023, 1, 1), 400))
    diarias = {date(2024, 1, 29) + timedelta(d) for d in range(7)}  # 29/01 a 04/02
    semanais = {date(2024, 1, 28), date(2024, 1, 21), date(2024, 1, 14)}  # + 04/02 (já está)
    # Meses: fevereiro/2024 (04/02) e janeiro/2024 (31/01) já estão entre as diárias.
    mensais = {date(2023, 12, 31), date(2023, 11, 30), date(2023, 10, 31),
               date(2023, 9, 30), date(2023, 8, 31), date(2023, 7, 31), date(2023, 6, 30),
               date(2023, 5, 31), date(2023, 4, 30), date(2023, 3, 31)}
    assert ficam == diarias | semanais | mensais
    assert len(ficam) == 7 + 3 + 10
    assert not any(d < date(2023, 3, 31) for d in ficam)


def test_varias_no_mesmo_dia_fica_a_mais_nova():
    copias = [("manha", datetime(2024, 5, 10, 8), "diaria"), ("noite", datetime(2024, 5, 10, 22), "diaria")]
    assert a_manter(copias) == {"noite"}


def test_dias_sem_copia_nao_contam():
    # Computador desligado por semanas: as 7 "diárias" são os 7 últimos dias que têm cópia.
    datas = [datetime(2024, 3, 1) + timedelta(days=10 * i) for i in range(9)]  # 01/03 ... 19/05
    ficam = escalonadas([(d, d) for d in datas], Politica(semanais=0, mensais=0))
    assert ficam == set(datas[2:])


def test_outros_tipos_guardam_as_dez_mais_recentes_de_cada_tipo():
    base = datetime(2024, 6, 1, 12)
    manuais = [(f"m{i}", base + timedelta(hours=i), "manual") for i in range(15)]
    fechar = [(f"f{i}", base + timedelta(hours=i, minutes=30), "ao-fechar") for i in range(12)]
    diaria = [("d0", base, "diaria")]
    ficam = a_manter(manuais + fechar + diaria)
    assert ficam == {f"m{i}" for i in range(5, 15)} | {f"f{i}" for i in range(2, 12)} | {"d0"}


def test_nenhuma_copia():
    assert a_manter([]) == set()


def test_quando_fazer_a_diaria():
    agora = datetime(2024, 6, 10, 9, 0)
    assert precisa_de_diaria(None, agora)
    assert not precisa_de_diaria(datetime(2024, 6, 10, 0, 5), agora)  # já houve hoje
    assert precisa_de_diaria(datetime(2024, 6, 9, 23, 59), agora)  # ontem, mesmo há minutos
    assert precisa_de_diaria(datetime(2024, 5, 10, 9, 0), agora)
