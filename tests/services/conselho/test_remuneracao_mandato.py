"""Folha do conselheiro com a base real: nada depois do fim do mandato (Lei 320/2023, arts. 16 §1º e 40)."""
from datetime import date
from decimal import Decimal as D

from desktop.services import parametros
from desktop.services.conselho import remuneracao


def test_mes_do_fim_do_mandato_pelos_dias_e_nada_depois(sessao_admin, conselho):
    """Mandato 10/01/2024 a 09/01/2028: janeiro de 2028 paga 9 dias; fevereiro, nada."""
    t1 = conselho[0]
    base = D(parametros.vigente(sessao_admin, "salario_minimo", date(2028, 1, 1)).valor) * 2
    jan = remuneracao.calcular_contracheque(sessao_admin, t1, date(2028, 1, 1))
    assert {l.codigo: l.valor for l in jan.linhas}["001"] == (base * 9 / 30).quantize(D("0.01"))
    fev = remuneracao.calcular_contracheque(sessao_admin, t1, date(2028, 2, 1))
    assert fev.linhas == () and fev.liquido == 0
