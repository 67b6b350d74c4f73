"""Códigos das rubricas do motor comum da folha (catálogo: db/rubricas/comum.toml).

Um nome por código, definido só aqui e usado pelo motor, pelo piso e teto, pelos descontos e pelo RRA (e, por
eles, pelas duas folhas); o catálogo dá a cada um o nome, as incidências, a natureza do eSocial e o
fundamento. Os códigos próprios de cada folha: ``rules.magisterio.codigos`` e ``rules.conselho.remuneracao``.
"""
TERCO_FERIAS = "030"
ADIANTAMENTO_13 = "040"
DECIMO_TERCEIRO = "041"
COMPLEMENTO_MINIMO = "050"
PROVENTO_AVULSO = "060"
FALTAS_DIAS = "101"
FALTAS_HORAS = "102"
DESCONTO_ADIANTAMENTO_13 = "140"
ABATE_TETO = "150"
DESCONTO_AVULSO = "160"
PENSAO_ALIMENTICIA = "170"
CONSIGNACAO = "180"
CONTRIBUICAO_SINDICAL = "190"
PREVIDENCIA_MENSAL = "201"
IRRF_MENSAL = "205"
IRRF_RRA = "206"
PREVIDENCIA_13 = "211"
IRRF_13 = "215"
