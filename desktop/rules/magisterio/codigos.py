"""Códigos das rubricas próprias da folha do magistério (catálogo: db/rubricas/magisterio.toml).

Um nome por código, definido só aqui; o catálogo dá a cada um o nome, as incidências, a natureza do
eSocial e o artigo da Lei 1.613/2004 com o seu texto.
"""
VENCIMENTO = "001"
VALORIZACAO = "002"
ATIVIDADES_COMPLEMENTARES = "003"
ESTIMULO_CLASSE = "004"
DIFICIL_ACESSO = "005"
FUNCAO_GRATIFICADA = "006"
NEE = "007"
CET = "008"
APERFEICOAMENTO = "009"
ZONA_RURAL = "010"
ADICIONAL_NOTURNO = "011"
TEMPO_SERVICO = "012"
INCORPORACAO_FG = "020"
INCORPORACAO_ESTIMULO_CLASSE = "021"
INCORPORACAO_DIFICIL_ACESSO = "022"
INCORPORACAO_NEE = "023"
INCORPORACAO_CET = "024"
INCORPORACAO_ZONA_RURAL = "025"
FALTAS_MES_ANTERIOR = "105"
DIFERENCA_REAJUSTE = "065"
DIFERENCA_REAJUSTE_RRA = "066"
DIFERENCA_13 = "067"
DIFERENCA_13_RRA = "068"
DIFERENCA_MES_ANTERIOR = "069"  # afastamento ou titulação lançados após o fechamento: a pagar
DIFERENCA_MES_ANTERIOR_DESCONTO = "106"  # idem, a descontar
DIFERENCA_13_MES_ANTERIOR = "070"  # o 13º quitado num mês alcançado, recalculado: a pagar (grupo do 13º)
DIFERENCA_13_MES_ANTERIOR_DESCONTO = "107"  # idem, a descontar
DIFERENCA_TERCO_MES_ANTERIOR = "071"  # o terço de férias pago num mês alcançado, recalculado: a pagar
DIFERENCA_TERCO_MES_ANTERIOR_DESCONTO = "108"  # idem, a descontar
