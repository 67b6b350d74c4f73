"""Importação da planilha com as colunas de pagamento: conta e PIS conferidos, conta repetida recusada."""
from desktop.services.magisterio import importacao
from desktop.services.pagamento import dados

CAB = "Nome,CPF,Matrícula,Cargo,Admissão,Jornada,Titulação,Banco,Agência,Dígito da agência,Conta,Dígito da conta,Tipo de conta,PIS"
LINHAS = [
    "Joana Prado,529.982.247-25,5001,professor,03/02/2010,20,licenciatura plena,001,0001,9,210169,6,corrente,408.84561.36-3",
    "Rita Lima,111.444.777-35,5002,professor,03/02/2010,20,licenciatura plena,001,0001,8,123,4,corrente,",
    "Ana Costa,123.456.789-09,5003,professor,03/02/2010,20,licenciatura plena,001,0001,9,210169,6,corrente,",
    "Paulo Reis,935.411.347-80,5004,professor,03/02/2010,20,licenciatura plena,104,2345,,00100012345,7,poupança,408.84561.36-4",
]


def test_colunas_de_pagamento(sessao, tmp_path):
    arq = tmp_path / "servidores.csv"
    arq.write_text("\n".join([CAB, *LINHAS]) + "\n", encoding="utf-8")
    rel = importacao.analisar(sessao, arq)
    erros = [str(e) for e in rel.erros]
    assert sorted(erros) == sorted([
        "linha 3, coluna Dígito da agência: Dígito da agência 0001 não confere: informado 8, o cálculo do Banco do "
        "Brasil (módulo 11) dá 9.",
        "linha 5, coluna PIS/PASEP/NIT: PIS/PASEP/NIT 408.84561.36-4 inválido: o dígito verificador não confere "
        "(informado 4, o cálculo dá 3).",
        "linha 4, coluna Conta: a conta 210169-6 já aparece na linha 2, de Joana Prado; não pode ser também de "
        "Ana Costa.",
    ])
    r = importacao.importar(sessao, rel)
    assert r.importados == 1
    d = dados.do_servidor(sessao, r.ids[0])
    assert (d["banco"], d["agencia"], d["agencia_dv"], d["conta"], d["conta_dv"], d["pis"]) == (
        "001", "0001", "9", "210169", "6", "40884561363")
