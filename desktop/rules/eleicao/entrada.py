"""Entrada da calculadora ``paco calcular eleicao``: o JSON já carregado vira candidatos e boletins.

Formato em docs/calculadora.md (seção "Eleição do Conselho Tutelar"). Tudo é conferido com as
mesmas regras do módulo: contas de cada seção, votos só para habilitados, parentescos entre
candidatos da lista.
"""
from __future__ import annotations

from datetime import date

from desktop.rules.validacao import EntradaInvalida, data_iso

from . import apuracao
from .regras import RegrasEleicao
from .requisitos import nota as ler_nota
from .resultado import Candidato, Parentesco, apurar, como_dict


_data = data_iso


def calcular(dados: dict, regras: RegrasEleicao) -> dict:
    """O resultado (dicionário JSON) a partir da entrada; ``EntradaInvalida`` com o artigo se errada."""
    if not isinstance(dados, dict) or not isinstance(dados.get("candidatos"), list) or not dados["candidatos"]:
        raise EntradaInvalida("A entrada deve ser um objeto JSON com a lista \"candidatos\" "
                              "(veja docs/calculadora.md).")
    criterio = dados.get("criterio_desempate", "idade")
    titulares = apuracao.inteiro(dados.get("titulares", regras.titulares), "o número de titulares")
    brutos = dados["candidatos"]
    secoes = dados.get("secoes")
    numeros = []
    for i, c in enumerate(brutos, start=1):
        if not isinstance(c, dict) or "numero" not in c or not str(c.get("nome") or "").strip():
            raise EntradaInvalida(f"Candidato nº {i} da lista: informe \"numero\" e \"nome\".")
        numeros.append(apuracao.inteiro(c["numero"], f"o número do candidato {i}"))
    habilitados = set(numeros)
    totais = None
    if secoes is not None:
        if not isinstance(secoes, list) or not secoes:
            raise EntradaInvalida("\"secoes\" deve ser uma lista de boletins.")
        boletins, vistas = [], set()
        for s in secoes:
            b = apuracao.montar(apuracao.inteiro(s.get("secao"), "o número da seção"), s.get("aptos"),
                                s.get("comparecimento"), s.get("brancos"), s.get("nulos"),
                                s.get("votos") or {})
            if b.secao in vistas:
                raise EntradaInvalida(f"A seção {b.secao} aparece duas vezes.")
            vistas.add(b.secao)
            apuracao.exigir_certo(b, habilitados)
            boletins.append(b)
        totais = apuracao.totalizar(boletins, numeros)
    candidatos = []
    for c, n in zip(brutos, numeros):
        if totais is not None:
            votos = totais.votos.get(n, 0)
        else:
            votos = apuracao.inteiro(c.get("votos"), f"os votos do candidato {n}")
        candidatos.append(Candidato(
            n, str(c["nome"]).strip(), votos, _data(c.get("nascimento"), f"Nascimento do candidato {n}"),
            ler_nota(c["nota"]) if c.get("nota") not in (None, "") else None, bool(c.get("sub_judice"))))
    parentescos = []
    for p in dados.get("parentescos") or []:
        parentescos.append(Parentesco(apuracao.inteiro(p.get("a"), "o candidato a do parentesco"),
                                      apuracao.inteiro(p.get("b"), "o candidato b do parentesco"),
                                      str(p.get("vinculo") or "parentesco declarado")))
    resultado = apurar(candidatos, parentescos, criterio=criterio, titulares=titulares,
                       minimo_habilitados=regras.minimo_habilitados)
    saida = como_dict(resultado)
    if totais is not None:
        saida["totais"] = {"secoes": totais.secoes, "aptos": totais.aptos,
                           "comparecimento": totais.comparecimento, "abstencao": totais.abstencao,
                           "brancos": totais.brancos, "nulos": totais.nulos, "validos": totais.validos}
    return saida
