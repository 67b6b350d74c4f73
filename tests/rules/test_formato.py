"""Formato pt-BR: dinheiro e números digitados, datas, meses e "1º de" (desktop.rules.formato)."""
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from desktop.rules import formato, validacao
from desktop.rules.validacao import EntradaInvalida


@pytest.mark.parametrize("digitado, reais", [
    ("1.621", "1621.00"),          # o salário mínimo como o servidor digita
    ("1.621,00", "1621.00"),
    ("1621", "1621.00"),
    ("R$ 1.621,00", "1621.00"),
    ("R$\u00a01.621,00", "1621.00"),
    ("1,5", "1.50"),
    ("0,01", "0.01"),
    (",5", "0.50"),
    ("1.234.567,89", "1234567.89"),
    ("1.518", "1518.00"),
    ("-1.234,56", "-1234.56"),
    ("  98,70 ", "98.70"),
])
def test_dinheiro_aceito(digitado, reais):
    assert formato.ler_dinheiro(digitado) == Decimal(reais)
    assert validacao.dinheiro(digitado) == Decimal(reais)  # a mesma leitura em toda parte
    assert formato.ler_dinheiro(digitado).as_tuple().exponent == -2


@pytest.mark.parametrize("digitado, trecho", [
    ("1.50", "ponto só para os milhares"),      # ambíguo: R$ 1,50 ou R$ 150?
    ("1.5", "ponto só para os milhares"),
    ("1621.00", "ponto só para os milhares"),
    ("12.34,00", "ponto só para os milhares"),
    ("1,621", "no máximo dois centavos"),       # ambíguo: 1.621 com vírgula no lugar do ponto?
    ("1,555", "no máximo dois centavos"),
    ("1 621,00", "ponto só para os milhares"),
    ("abc", "ponto só para os milhares"),
    ("1,2,3", "ponto só para os milhares"),
    ("", "Informe um valor em reais"),
    ("R$", "Informe um valor em reais"),
])
def test_dinheiro_recusado(digitado, trecho):
    with pytest.raises(EntradaInvalida, match=trecho):
        formato.ler_dinheiro(digitado)


def test_numero_digitado():
    assert formato.ler_numero("7,5") == Decimal("7.5")
    assert formato.ler_numero("0,133145") == Decimal("0.133145")
    assert formato.ler_numero("1.518") == Decimal("1518")
    assert formato.ler_numero("15%") == Decimal("15")
    for ruim in ("7.5", "1.5180", "x", ""):
        with pytest.raises(EntradaInvalida, match="vírgula para os decimais"):
            formato.ler_numero(ruim)


def test_formatar_dinheiro_e_numeros():
    assert formato.reais(Decimal("1621")) == "R$ 1.621,00"
    assert formato.reais(Decimal("0.005")) == "R$ 0,01"          # ROUND_HALF_UP
    assert formato.reais(Decimal("-1234.565")) == "-R$ 1.234,57"
    assert formato.valor_em_reais(Decimal("-5")) == "-5,00"
    assert formato.numero(Decimal("7.5")) == "7,5"
    assert formato.numero(Decimal("1518")) == "1.518"
    assert formato.numero(Decimal("1234567.125"), 2) == "1.234.567,13"
    for texto in ("1.621,00", "0,01", "1.234.567,89"):  # ida e volta
        assert formato.reais(formato.ler_dinheiro(texto)) == "R$ " + texto


def test_numero_sem_babel_e_com_o_mesmo_texto_do_babel(monkeypatch):
    """O número é montado pelo formato do próprio Python, com os separadores do CLDR pt-BR trocados: o mesmo texto
    que ``babel.numbers.format_decimal`` dá com o padrão #,##0.00, mas sem ele — eram ~70 µs por valor, e a tabela
    da folha, que mede a largura das colunas de dinheiro em 200 linhas cada vez que a prévia ou os gravados chegam,
    passava ~40 ms só nisso na thread da interface com 3.000 servidores (issue 16)."""
    import random

    from babel.numbers import format_decimal

    sorteio = random.Random(16)
    valores = [Decimal("0"), Decimal("-0.00"), Decimal("0.005"), Decimal("999.995"), Decimal("1E+3"),
               Decimal("0E-7"), Decimal("-1234567.891"), Decimal("123456789012345678901.5"), 7, -1518, "1621.00"]
    valores += [Decimal(sorteio.randint(-10**12, 10**12)).scaleb(sorteio.randint(-8, 4)) for _ in range(300)]
    esperado = {}
    for valor in valores:
        for casas in (None, 0, 1, 2, 3, 6):
            d = Decimal(str(valor))
            if casas is None:
                n = len(format(d, "f").partition(".")[2])
            else:
                n, d = casas, d.quantize(Decimal(1).scaleb(-casas), rounding="ROUND_HALF_UP")
            esperado[str(valor), casas] = format_decimal(d, format="#,##0" + ("." + "0" * n if n else ""),
                                                         locale="pt_BR", decimal_quantization=False)

    def _sem_babel(*_a, **_k):
        raise AssertionError("formato.numero chamou o babel para um número finito")

    monkeypatch.setattr(formato, "format_decimal", _sem_babel)
    for valor in valores:
        for casas in (None, 0, 1, 2, 3, 6):
            assert formato.numero(valor, casas) == esperado[str(valor), casas], (valor, casas)
    assert formato.reais(Decimal("-1234567.891")) == "-R$ 1.234.567,89"


def test_reais_e_valor_em_reais_montados_direto(monkeypatch):
    """``reais`` e ``valor_em_reais`` dão o texto de ``numero(abs(v), 2)`` com o sinal, sem passar por ``numero`` (que
    refazia o Decimal pelo texto e arredondava de novo): ~8 → ~2 µs por célula de dinheiro; na folha de 3.000
    servidores, o primeiro filtro (o texto de busca de cada linha) gastava ~70 ms só nisso (issue 16)."""
    import random

    sorteio = random.Random(902)
    valores = [Decimal("0"), Decimal("-0.001"), Decimal("0.005"), Decimal("-0.005"), Decimal("-1234.565"),
               Decimal("999999.995"), Decimal("1E+3"), Decimal("1.5E-1"), 7, -1518, "1621.00", "-0.5"]
    valores += [Decimal(sorteio.randint(-10**11, 10**11)).scaleb(sorteio.randint(-5, 1)) for _ in range(300)]
    esperado = {}
    for valor in valores:
        v = Decimal(str(valor)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        esperado[str(valor)] = ("-" if v < 0 else "", formato.numero(abs(v), 2))

    def _sem_numero(*_a, **_k):
        raise AssertionError("reais passou por formato.numero")

    monkeypatch.setattr(formato, "numero", _sem_numero)
    for valor in valores:
        sinal, texto = esperado[str(valor)]
        assert formato.reais(valor) == f"{sinal}R$ {texto}", valor
        assert formato.valor_em_reais(valor) == f"{sinal}{texto}", valor
    assert formato.reais(Decimal("-0.001")) == "R$ 0,00" and formato.valor_em_reais(-1518) == "-1.518,00"


def test_reais_das_regras_nao_importa_a_cada_valor(monkeypatch):
    """``dinheiro.reais`` (o das telas: ``comum.dinheiro``) não faz um ``import`` a cada valor: com o PySide6
    carregado, todo ``import`` passa pelo gancho dele em Python (``shibokensupport``), ~40 µs, e eram centenas por
    tabela."""
    import builtins

    from desktop.rules import dinheiro

    importados = []
    original = builtins.__import__
    monkeypatch.setattr(builtins, "__import__", lambda *a, **k: importados.append(a[0]) or original(*a, **k))
    assert [dinheiro.reais(Decimal(v)) for v in ("1621", "-0.5")] == ["R$ 1.621,00", "-R$ 0,50"]
    assert importados == []


def test_datas():
    assert formato.ler_data("01/03/2026") == date(2026, 3, 1)
    assert formato.ler_data("1/3/2026") == date(2026, 3, 1)
    assert formato.ler_data("2026-03-01") == date(2026, 3, 1)
    with pytest.raises(EntradaInvalida, match="Data inexistente"):
        formato.ler_data("31/02/2026")
    with pytest.raises(EntradaInvalida, match="dd/mm/aaaa"):
        formato.ler_data("01-03-2026")
    assert formato.data(date(2026, 3, 1)) == "01/03/2026"
    assert formato.data("2026-03-01") == "01/03/2026"
    assert formato.data(None) == ""
    assert formato.momento(datetime(2026, 3, 1, 9, 5)) == "01/03/2026 09:05"
    assert formato.momento(datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc), hora_local=False) == "01/03/2026 12:00"


def test_uma_forma_de_mostrar_data():
    """``formato.data`` é o único nome que mostra dd/mm/aaaa (issue 18): aceita o que aceitavam o
    ``validacao.formatar_data`` (date) e o ``widgets.formato.data`` das telas (ISO com hora, cortado no dia),
    e as telas usam a mesma função, reexportada, não uma cópia."""
    from desktop.screens.widgets import formato as formato_telas

    assert formato_telas.data is formato.data and formato_telas.momento is formato.momento
    assert not hasattr(validacao, "formatar_data")
    for valor in (date(2026, 3, 1), datetime(2026, 3, 1, 23, 59), "2026-03-01", "2026-03-01T23:59:00",
                  "2026-03-01 23:59:00+00:00", "2026-03-01T23:59:00.123456Z", "2026-03-01 (manhã)"):
        assert formato.data(valor) == "01/03/2026", valor
    assert formato.data("") == "" == formato.data(None)
    assert formato.quando(date(2026, 3, 1)) == "01/03/2026" == formato.quando("2026-03-01")
    assert formato.quando(datetime(2026, 3, 1, 9, 5)) == "01/03/2026 09:05" == formato.quando("2026-03-01T09:05")
    assert formato.quando("2026-03-01T12:00:00+00:00", hora_local=False) == "01/03/2026 12:00"
    assert formato.quando(None) == "" and formato_telas.quando is formato.quando
    utc = datetime(2026, 3, 1, 1, 30, tzinfo=timezone.utc)
    assert formato.data(utc) == "01/03/2026" == formato.data(utc.isoformat())  # o dia como gravado
    assert formato.data(utc, hora_local=True) == f"{utc.astimezone():%d/%m/%Y}" == formato.data(utc.isoformat(), hora_local=True)
    with pytest.raises(ValueError):
        formato.data("01/03/2026")  # mostrar não é ler: texto digitado passa por ler_data


def test_meses_e_data_por_extenso_do_babel():
    assert formato.MESES[0] == "janeiro" and formato.MESES[2] == "março" and len(formato.MESES) == 12
    assert formato.competencia_extenso(date(2026, 3, 1)) == "março de 2026"
    assert formato.data_extenso(date(2026, 3, 1)) == "1º de março de 2026"
    assert formato.data_extenso(date(2026, 3, 15)) == "15 de março de 2026"


def test_data_dd_mm_aaaa_montada_num_lugar_so():
    """ISO → dd/mm/aaaa é ``formato.data`` (nas telas, ``widgets.formato.data``): nenhum módulo recorta o texto
    ISO ([8:10], [5:7], [:4]) para montar a data, e todo ``br``/``_br`` que sobra só repassa a ``formato``
    (issue 18, item 3)."""
    import ast
    import re
    from pathlib import Path

    import desktop
    raiz = Path(desktop.__file__).parent
    recorte = re.compile(r"\[8:10\]\}?/")
    achados = []
    for arq in sorted(raiz.rglob("*.py")):
        fonte, nome = arq.read_text(encoding="utf-8"), arq.relative_to(raiz).as_posix()
        achados += [f"{nome}: recorta a data ISO" for linha in fonte.splitlines() if recorte.search(linha)]
        for no in ast.walk(ast.parse(fonte)):
            if isinstance(no, ast.FunctionDef) and no.name in ("br", "_br"):
                repassa = any(isinstance(c, ast.Attribute) and isinstance(c.value, ast.Name)
                              and c.value.id == "formato" for c in ast.walk(no))
                if not repassa:
                    achados.append(f"{nome}: {no.name} monta a data à mão")
    assert achados == []
    assert formato.data("2026-03-01") == "01/03/2026" == formato.data("2026-03-01T23:59:00+00:00")


def test_data_br_tem_um_sentido_so():
    """``data_br`` é ler dd/mm/aaaa (``rules.validacao.data_br``: texto → data); nenhum módulo dá esse nome ao
    contrário, mostrar uma data (issue 18, item 5: antes ``reports.folha.data_br`` e o ``data_br`` das telas do
    Magistério formatavam)."""
    import ast
    from pathlib import Path

    import desktop
    raiz = Path(desktop.__file__).parent
    achados = []
    for arq in sorted(raiz.rglob("*.py")):
        for no in ast.walk(ast.parse(arq.read_text(encoding="utf-8"))):
            if isinstance(no, ast.FunctionDef) and no.name == "data_br" and arq.name != "validacao.py":
                achados.append(f"{arq.relative_to(raiz)}: define data_br")
            elif isinstance(no, ast.alias) and no.asname == "data_br":
                achados.append(f"{arq.relative_to(raiz)}: importa {no.name} como data_br")
            elif isinstance(no, ast.ImportFrom) and any(a.name == "data_br" for a in no.names) \
                    and no.module != "desktop.rules.validacao":
                achados.append(f"{arq.relative_to(raiz)}: importa data_br de {no.module}")
    assert achados == []
    assert validacao.data_br("01/03/2026") == date(2026, 3, 1)


def test_competencia_lida_num_lugar_so():
    """mm/aaaa (também m/aaaa, aaaa-mm e aaaa-mm-dd) → dia 1º: o leitor único das competências, usado pelas
    folhas (folha_ciclo.mes) e pelas telas do Magistério."""
    from desktop.screens.magisterio import comum
    from desktop.services import folha_ciclo

    for ler in (formato.ler_competencia, folha_ciclo.mes, comum.competencia):
        assert ler("03/2026") == ler("3/2026") == ler(" 2026-03 ") == ler("2026-03-15") == date(2026, 3, 1)
        assert ler(date(2026, 3, 31)) == date(2026, 3, 1)
        for ruim in ("13/2026", "0/2026", "03-2026", "março", "", "03/26"):
            with pytest.raises(EntradaInvalida, match="Competência inválida"):
                ler(ruim)


def test_competencia_digitada_nas_telas_do_magisterio_pelo_leitor_unico():
    """O campo mm/aaaa dos descontos do Magistério lê pelo mesmo leitor (e guarda o texto mm/aaaa)."""
    from desktop.screens.magisterio import descontos

    assert descontos._competencia("3/2026") == "03/2026" == descontos._competencia(" 2026-03 ")
    with pytest.raises(EntradaInvalida, match="Competência inválida"):
        descontos._competencia("13/2026")


def _datas_montadas_a_mao(fonte: str) -> list[str]:
    """Onde a fonte monta dd/mm/aaaa sem ``formato``: ``x.strftime("%d/%m/%Y…")``, ``format(x, "%d/%m/%Y")``,
    ``f"{x:%d/%m/%Y}"``, ``f"{x.day:02d}/{x.month:02d}/…"`` e ``"/".join(reversed(iso.split("-")))`` (linha: o que
    achou)."""
    import ast

    achados = []
    for no in ast.walk(ast.parse(fonte)):
        if isinstance(no, ast.Call) and ((isinstance(no.func, ast.Attribute) and no.func.attr == "strftime")
                                         or (isinstance(no.func, ast.Name) and no.func.id == "format")):
            if any(isinstance(a, ast.Constant) and isinstance(a.value, str) and "%m/%Y" in a.value
                   for a in no.args):
                achados.append(f"{no.lineno}: strftime('…%m/%Y')")
        elif (isinstance(no, ast.Call) and isinstance(no.func, ast.Attribute) and no.func.attr == "join"
              and isinstance(no.func.value, ast.Constant) and no.func.value.value == "/" and no.args
              and isinstance(no.args[0], ast.Call) and isinstance(no.args[0].func, ast.Name)
              and no.args[0].func.id == "reversed"):
            achados.append(f"{no.lineno}: '/'.join(reversed(iso.split('-')))")
        elif isinstance(no, ast.FormattedValue) and no.format_spec is not None:
            spec = "".join(v.value for v in no.format_spec.values if isinstance(v, ast.Constant))
            if "%m/%Y" in spec:
                achados.append(f"{no.lineno}: f'{{…:{spec}}}'")
        elif isinstance(no, ast.JoinedStr):
            v = no.values
            for a, barra, b in zip(v, v[1:], v[2:]):
                for antes, depois in (("day", "month"), ("month", "year")):
                    if (isinstance(a, ast.FormattedValue) and isinstance(a.value, ast.Attribute)
                            and a.value.attr == antes and isinstance(barra, ast.Constant)
                            and str(barra.value).startswith("/") and isinstance(b, ast.FormattedValue)
                            and isinstance(b.value, ast.Attribute) and b.value.attr == depois):
                        achados.append(f"{no.lineno}: f'{{….{antes}}}/{{….{depois}}}'")
    return achados


def test_detector_de_data_montada_a_mao():
    """O detector do teste abaixo pega as formas que existiam (e não o que não é montar dd/mm/aaaa)."""
    for montada in ('x = d.strftime("%d/%m/%Y")', "x = d.strftime('%d/%m/%Y %H:%M')", 'x = format(d, "%d/%m/%Y")',
                    'x = f"em {d:%d/%m/%Y}."', "x = f\"em {date.fromisoformat(r['p']):%d/%m/%Y às %H:%M}\"",
                    'x = f"{d.day:02d}/{d.month:02d}/{d.year}"', 'x = f"{d.day}/{d.month}/{d.year}"',
                    'x = "/".join(reversed(d.get("d", "").split("-")))', 'x = f"{c.month:02d}/{c.year}"',
                    'x = c.strftime("%m/%Y")', 'x = f"folha de {c:%m/%Y}"'):
        assert _datas_montadas_a_mao(montada), montada
    for outra in ('x = datetime.strptime(t, "%d/%m/%Y %H:%M")', 'x = d.strftime("%d%m%Y")', 'x = f"{d:%H:%M}"',
                  'x = f"{c.year:04d}-{c.month:02d}"', 'x = f"em {formato.data(d)}"', 'P(timestamp_format="%d/%m/%Y")'):
        assert not _datas_montadas_a_mao(outra), outra


def test_nenhum_modulo_monta_dd_mm_aaaa_a_mao():
    """Mensagens, documentos e telas mostram datas por ``formato.data`` / ``formato.momento`` e competências por
    ``formato.competencia`` (issue 18): fora de rules/formato.py nenhum módulo de desktop/ formata dd/mm/aaaa ou
    mm/aaaa com strftime, especificação de f-string ou dia/mês/ano montados à mão."""
    from pathlib import Path

    import desktop
    raiz = Path(desktop.__file__).parent
    achados = [f"{arq.relative_to(raiz).as_posix()}:{achado}"
               for arq in sorted(raiz.rglob("*.py")) if arq != raiz / "rules" / "formato.py"
               for achado in _datas_montadas_a_mao(arq.read_text(encoding="utf-8"))]
    assert achados == []
    assert formato.momento(datetime(2026, 3, 1, 9, 5, 7), segundos=True) == "01/03/2026 09:05:07"
    assert formato.competencia(date(2026, 3, 1)) == "03/2026" == formato.competencia(datetime(2026, 3, 31, 23, 59))


def test_nenhum_segundo_nome_para_mostrar_data():
    """Nenhum módulo de desktop/ define uma função que só repassa a ``formato.data``/``momento``/``quando`` (os
    antigos ``formatar_data``, ``dma``, ``_br``, ``br``): quem mostra uma data chama ``formato`` direto. Só o
    ``_br`` dos documentos da eleição fica, porque põe o travessão no lugar da data que não há."""
    import ast
    from pathlib import Path

    import desktop
    raiz = Path(desktop.__file__).parent
    achados = []
    for arq in sorted(raiz.rglob("*.py")):
        nome = arq.relative_to(raiz).as_posix()
        for no in ast.walk(ast.parse(arq.read_text(encoding="utf-8"))):
            if not isinstance(no, ast.FunctionDef) or nome == "rules/formato.py":
                continue
            corpo = [c for c in no.body if not (isinstance(c, ast.Expr) and isinstance(c.value, ast.Constant))]
            if len(corpo) == 1 and isinstance(corpo[0], ast.Return) and isinstance(corpo[0].value, ast.Call):
                f = corpo[0].value.func
                if isinstance(f, ast.Attribute) and f.attr in ("data", "momento", "quando") \
                        and isinstance(f.value, ast.Name) and f.value.id == "formato":
                    achados.append(f"{nome}: {no.name} só repassa a formato.{f.attr}")
    assert achados == []


def test_numa_frase_junta_as_mensagens_sem_ponto_antes_do_ponto_e_virgula():
    assert formato.numa_frase([]) == ""
    assert formato.numa_frase(["Sem nível (art. 14)."]) == "Sem nível (art. 14)."
    assert formato.numa_frase(["A falta.", "B sem conta ", "C (art. 34)."]) == "A falta; B sem conta; C (art. 34)."
    assert formato.numa_frase([f"M{i}." for i in range(7)], limite=5) == "M0; M1; M2; M3; M4; e mais 2."
