"""Situação funcional e subperíodos do mês: casos de casos/carreira.toml; linha do tempo e erros."""
from datetime import date

import pytest

from desktop.rules.magisterio import carreira
from desktop.rules.magisterio.carreira import (ForaDoVinculo, SemTitulacao, classe_em, jornada_paga_em,
                                               linha_do_tempo, nivel_em, periodos_no_mes, situacao_em,
                                               tempo_exercicio)
from desktop.rules.magisterio.tipos import Cargo, Nivel
from desktop.rules.validacao import EntradaInvalida

from ..casos_toml import casos
from .apoio_carreira import regras
from .apoio_ficha import config_de as config, ficha_de as ficha

REGRAS = regras()


@pytest.mark.parametrize("caso", [c for c in casos("magisterio/carreira") if "data" in c.values[0]])
def test_situacao(caso):
    f, cfg, dia, esperado = ficha(caso["ficha"]), config(caso.get("config")), caso["data"], caso["esperado"]
    s = situacao_em(f, dia, cfg, REGRAS)
    assert s.data == dia
    if "nivel" in esperado:
        assert s.nivel == Nivel(esperado["nivel"]) == nivel_em(f, dia, cfg, REGRAS), caso["conta"]
    if "classe" in esperado:
        assert s.classe == esperado["classe"] == classe_em(f, dia, cfg, REGRAS), caso["conta"]
    if "jornada" in esperado:
        assert s.jornada == esperado["jornada"] == jornada_paga_em(f, dia), caso["conta"]
    if "tempo" in esperado:
        assert s.tempo_exercicio_dias == esperado["tempo"] == tempo_exercicio(f, dia, cfg), caso["conta"]
    if "em_estagio" in esperado:
        assert s.em_estagio_probatorio is esperado["em_estagio"], caso["conta"]
    if "cargo" in esperado:
        assert s.cargo == Cargo(esperado["cargo"])
    nivel, classe, jornada = s.fundamentos[:3]
    assert all(m.fundamento.startswith("Lei 1.613/2004, ") for m in s.fundamentos)
    if "fundamento_classe" in esperado:
        assert esperado["fundamento_classe"] in classe.fundamento
    if "fundamento_nivel" in esperado:
        assert esperado["fundamento_nivel"] in nivel.fundamento
    assert classe.data <= dia and nivel.data <= dia and jornada.data <= dia


@pytest.mark.parametrize("caso", [c for c in casos("magisterio/carreira") if "competencia" in c.values[0]])
def test_periodos_no_mes(caso):
    f = ficha(caso["ficha"])
    periodos = periodos_no_mes(f, caso["competencia"], config(caso.get("config")), REGRAS)
    obtidos = [{"inicio": i, "fim": fim, "nivel": s.nivel.value, "classe": s.classe, "jornada": s.jornada,
                **({"em_estagio": True} if s.em_estagio_probatorio else {})} for i, fim, s in periodos]
    assert obtidos == caso["periodos"], caso["conta"]
    assert all(s.data == i for i, _, s in periodos)


def _professora(**extra):
    dados = {"cargo": "professor", "admissao": date(2010, 3, 1), "nome": "Ana Souza",
             "titulacoes": [{"titulo": "medio_normal", "data_requerimento": date(2009, 1, 10)},
                            {"titulo": "licenciatura_plena", "data_requerimento": date(2012, 6, 10),
                             "curso": "Pedagogia"},
                            {"titulo": "licenciatura_curta", "data_requerimento": date(2011, 1, 5)}],
             "jornadas": [{"inicio": date(2010, 3, 1), "horas": 20},
                          {"inicio": date(2020, 2, 1), "fim": date(2020, 12, 31), "horas": 40,
                           "motivo": "desdobramento"}],
             "funcoes": [{"inicio": date(2021, 1, 1), "fim": date(2022, 12, 31), "funcao": "diretor",
                          "porte": "grande", "escola": "EM Castro Alves"}],
             "afastamentos": [{"inicio": date(2014, 1, 1), "fim": date(2014, 1, 31), "conta_exercicio": False,
                               "remunerado": False, "tipo": "licença sem vencimentos"}]}
    dados.update(extra)
    return ficha(dados)


def test_linha_do_tempo_com_cada_mudanca_e_o_artigo():
    """Admissão, título que não conta, fim do estágio, nível adiado, classes, jornadas, função."""
    linha = linha_do_tempo(_professora(), date(2045, 12, 31), config(), REGRAS)
    resumo = [(m.data, m.descricao.split(":")[0].split(" (")[0], m.fundamento) for m in linha]
    assert resumo == [
        (date(2010, 3, 1), "Admissão como professor, Nível 1, classe A, 20 h; início do estágio probatório de 3 anos",
         "Lei 1.613/2004, arts. 8º §ún e 9º"),
        (date(2011, 1, 5), "Título de licenciatura curta não altera o nível", "Lei 1.613/2004, art. 14 §§1º e 2º"),
        (date(2013, 3, 1), "Fim do estágio probatório", "Lei 1.613/2004, art. 9º"),
        (date(2013, 3, 1), "Nível 3", "Lei 1.613/2004, arts. 14 III, 19 §2º e 9º §2º"),
        (date(2015, 4, 1), "Classe B", "Lei 1.613/2004, arts. 16 e 22 §3º"),
        (date(2020, 2, 1), "Desdobramento", "Lei 1.613/2004, arts. 29 e 37 §5º"),
        (date(2020, 4, 1), "Classe C", "Lei 1.613/2004, arts. 16 e 22 §3º"),
        (date(2021, 1, 1), "Volta à jornada de 20 h", "Lei 1.613/2004, art. 29 §2º"),
        (date(2021, 1, 1), "Início da função de diretor — EM Castro Alves", "Lei 1.613/2004, art. 38 e Anexo III"),
        (date(2023, 1, 1), "Fim da função de diretor — EM Castro Alves", "Lei 1.613/2004, art. 38"),
        (date(2025, 4, 1), "Classe D", "Lei 1.613/2004, arts. 16 e 22 §3º"),
        (date(2030, 4, 1), "Classe E", "Lei 1.613/2004, arts. 16 e 22 §3º"),
        (date(2035, 4, 1), "Classe F", "Lei 1.613/2004, arts. 16 e 22 §3º"),
        (date(2040, 4, 1), "Classe G", "Lei 1.613/2004, arts. 16 e 22 §3º"),
    ]
    # 31 dias de licença: 28/02/2015 + 31 = 31/03/2015 completa o 1º quinquênio
    assert "completado em 31/03/2015" in linha[4].descricao
    assert "requerido em 10/06/2012 durante o estágio probatório" in linha[3].descricao


def test_linha_do_tempo_para_na_data_pedida():
    linha = linha_do_tempo(_professora(), date(2015, 3, 31), config(), REGRAS)
    assert linha[-1].data == date(2013, 3, 1)
    assert all(m.data <= date(2015, 3, 31) for m in linha)


def test_linha_do_tempo_de_servidor_antigo_resume_no_enquadramento():
    """Admitida em 1995: o que veio antes da lei vira um enquadramento em 21/05/2004 (arts. 66-67)."""
    f = ficha({"cargo": "professor", "admissao": date(1995, 3, 1), "desligamento": date(2012, 7, 31),
               "titulacoes": [{"titulo": "medio_normal", "data_requerimento": date(1990, 1, 10)},
                              {"titulo": "estudos_adicionais", "data_requerimento": date(1999, 1, 10)}],
               "jornadas": [{"inicio": date(1995, 3, 1), "horas": 20}]})
    linha = linha_do_tempo(f, date(2030, 1, 1), config(), REGRAS)
    assert [(m.data, m.descricao, m.fundamento) for m in linha] == [
        (date(1995, 3, 1), "Admissão como professor, Nível 1, classe A, 20 h; início do estágio probatório de 3 anos "
         "(até 28/02/1998)", "Lei 1.613/2004, arts. 8º §ún e 9º"),
        (date(2004, 5, 21), "Enquadramento na publicação da lei: Nível 2, classe B, 20 h", "Lei 1.613/2004, arts. 66 e 67"),
        (date(2005, 3, 1), "Classe C: 2º interstício de 5 anos de efetivo exercício completado em 28/02/2005",
         "Lei 1.613/2004, arts. 16 e 22 §3º"),
        (date(2010, 3, 1), "Classe D: 3º interstício de 5 anos de efetivo exercício completado em 28/02/2010",
         "Lei 1.613/2004, arts. 16 e 22 §3º"),
        (date(2012, 7, 31), "Desligamento do cargo", "Estatuto do Magistério Público Municipal"),
    ]


def test_linha_do_tempo_do_auxiliar_que_se_habilita():
    f = ficha({"cargo": "auxiliar_ensino", "admissao": date(2005, 3, 1),
               "titulacoes": [{"titulo": "medio_normal", "data_requerimento": date(2041, 6, 1)}],
               "jornadas": [{"inicio": date(2005, 3, 1), "horas": 20}]})
    linha = linha_do_tempo(f, date(2042, 1, 1), config(), REGRAS)
    textos = [(m.data, m.descricao.split(":")[0], m.fundamento) for m in linha]
    assert textos[0][1].startswith("Admissão como auxiliar de ensino, Nível Especial, classe A")
    assert (date(2030, 3, 1), "Classe F", "Lei 1.613/2004, arts. 16 e 22 §3º") in textos
    assert (date(2035, 3, 1), "Interstício de classe cumprido, sem nova classe",
            "Lei 1.613/2004, art. 69 §ún; Anexo I, tabelas C e D") in textos
    assert textos[-2:] == [
        (date(2041, 6, 1), "Nível 1 (nível médio, modalidade normal), a partir do requerimento; com a habilitação, "
         "passa à carreira do magistério como professor", "Lei 1.613/2004, art. 70"),
        (date(2041, 6, 1), "Classe G pelo tempo de serviço, com a habilitação", "Lei 1.613/2004, art. 70"),
    ]
    s = situacao_em(f, date(2041, 6, 1), config(), REGRAS)
    assert (s.cargo, s.nivel, s.classe) == (Cargo.PROFESSOR, Nivel.N1, "G")


def test_afastamento_sem_fim_para_a_contagem():
    f = _professora(afastamentos=[{"inicio": date(2014, 1, 1), "conta_exercicio": False, "remunerado": False,
                                   "tipo": "cedência sem ônus para cargo em comissão fora do ensino"}])
    assert tempo_exercicio(f, date(2013, 12, 31), config()) == tempo_exercicio(f, date(2030, 1, 1), config())
    assert classe_em(f, date(2030, 1, 1), config(), REGRAS) == "A"


def test_sem_titulacao_e_sem_jornada_dao_mensagem_clara():
    f = ficha({"cargo": "professor", "admissao": date(2020, 2, 3), "nome": "João Lima",
               "jornadas": [{"inicio": date(2020, 2, 3), "horas": 20}]})
    with pytest.raises(SemTitulacao, match="João Lima: não há titulação que defina o nível em 03/02/2020"):
        situacao_em(f, date(2020, 2, 3), config(), REGRAS)
    g = ficha({"cargo": "professor", "admissao": date(2020, 2, 3), "nome": "João Lima",
               "titulacoes": [{"titulo": "licenciatura_plena", "data_requerimento": date(2020, 1, 3)}]})
    with pytest.raises(EntradaInvalida, match="não há jornada cadastrada em 03/02/2020.*20 ou 40 horas"):
        situacao_em(g, date(2020, 2, 3), config(), REGRAS)
    linha = linha_do_tempo(f, date(2021, 1, 1), config(), REGRAS)
    assert "nível não definido: cadastre a titulação" in linha[0].descricao


def test_fora_do_vinculo():
    f = _professora(desligamento=date(2016, 5, 20))
    with pytest.raises(ForaDoVinculo, match="admitido em 01/03/2010"):
        situacao_em(f, date(2010, 2, 28), config(), REGRAS)
    with pytest.raises(ForaDoVinculo, match="desligado em 20/05/2016"):
        situacao_em(f, date(2016, 5, 21), config(), REGRAS)
    assert tempo_exercicio(f, date(2010, 2, 28), config()) == 0
    assert tempo_exercicio(f, date(2030, 1, 1), config()) == tempo_exercicio(f, date(2016, 5, 20), config())
    with pytest.raises(EntradaInvalida, match="anterior à admissão"):
        situacao_em(_professora(desligamento=date(2009, 1, 1)), date(2009, 1, 1), config(), REGRAS)


def test_admissao_em_29_de_fevereiro():
    """Admissão em 29/02/2012: o 5º aniversário é 01/03/2017 (2017 não tem 29/02)."""
    f = ficha({"cargo": "professor", "admissao": date(2012, 2, 29),
               "titulacoes": [{"titulo": "medio_normal", "data_requerimento": date(2011, 1, 1)}],
               "jornadas": [{"inicio": date(2012, 2, 29), "horas": 20}]})
    assert carreira.fim_estagio_probatorio(f, REGRAS) == date(2015, 2, 28)
    assert classe_em(f, date(2017, 2, 28), config(), REGRAS) == "A"
    assert classe_em(f, date(2017, 3, 1), config(), REGRAS) == "B"


def test_sem_nivel_porque_o_titulo_nao_conta_diz_qual_titulo_e_o_artigo():
    """Professor admitido em 2015 com licenciatura curta (ficha antiga, de antes da conferência do ingresso): o
    título não dá o Nível 2 a quem entrou depois da lei (art. 14 §§1º e 2º). A mensagem mandava 'cadastrar a
    formação', que estava cadastrada; agora diz qual título não conta, por quê e o artigo."""
    f = ficha({"cargo": "professor", "admissao": date(2015, 3, 2), "nome": "Caio Curta",
               "titulacoes": [{"titulo": "licenciatura_curta", "data_requerimento": date(2015, 3, 2)}],
               "jornadas": [{"inicio": date(2015, 3, 2), "horas": 20}]})
    with pytest.raises(SemTitulacao) as erro:
        situacao_em(f, date(2026, 3, 2), config(), REGRAS)
    texto = str(erro.value)
    assert texto.startswith("Caio Curta: nenhuma titulação cadastrada define o nível em 02/03/2026 (art. 14).")
    assert "Título de licenciatura curta não altera o nível: estudos adicionais e licenciatura curta só " \
           "enquadram no Nível 2 quem já os tinha na publicação da lei" in texto
    assert "(Lei 1.613/2004, art. 14 §§1º e 2º)" in texto and "Cadastre a formação" not in texto
