"""A consulta do MP e do juízo (Lei 320/2023, art. 21 §4º) só lê também abaixo da tela, nos serviços das abas
Conselheiros, Escala e Remuneração: cada ato que grava é recusado e nada muda na base nem no diário."""
from datetime import date

import pytest

from desktop.rules.papeis import Papel
from desktop.services.conselho import documentos, escala, mandatos, remuneracao
from desktop.services.pagamento import dados as dados_pagamento
from desktop.services.pagamento import esocial, remessa
from desktop.services.sessao import SemPermissao

FEV = (date(2024, 2, 5), date(2024, 2, 11))


def _contagens(db) -> tuple:
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "diario", "sigilo.diario", "documentos", "conselho_conselheiros", "conselho_afastamentos",
        "conselho_plantoes", "conselho_contracheques"))


def test_consulta_le_e_nao_grava_nas_abas_do_conselho(conselho, entrar, sessao_admin):
    escala.gerar_escala(sessao_admin, *FEV)
    turno = escala.listar(sessao_admin, *FEV)[0]
    mp = entrar("mp", Papel.CONSULTA)
    # lê: composição, escala, carga, contracheque calculado e os emitidos
    assert len(mandatos.composicao(mp)) == 7 and escala.listar(mp, *FEV) and escala.carga(mp, *FEV)
    assert remuneracao.calcular_contracheque(mp, conselho[0], date(2024, 3, 1)).liquido > 0
    assert remuneracao.contracheques_emitidos(mp) == []
    antes = _contagens(mp.db)
    c = conselho[0]
    atos = {
        "cadastrar": lambda: mandatos.cadastrar_conselheiro(mp, nome="Hugo Ramos", condicao="suplente", ordem=3,
                                                            inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9)),
        "importar": lambda: mandatos.importar_eleitos(mp, "x"),
        "funcao": lambda: mandatos.definir_funcao(mp, c, "presidente", date(2024, 3, 1)),
        "vacancia": lambda: mandatos.registrar_vacancia(mp, c, "renuncia", date(2024, 3, 1)),
        "afastar": lambda: mandatos.afastar(mp, c, "licenca_saude", date(2024, 3, 1)),
        "candidatura": lambda: mandatos.registrar_candidatura(mp, c, date(2024, 3, 1), "Vereador"),
        "encerrar": lambda: mandatos.encerrar_afastamento(mp, "x", date(2024, 3, 1)),
        "penalidade": lambda: mandatos.aplicar_penalidade(mp, c, "advertencia", "Falta", "PAD 1/2024",
                                                          date(2024, 3, 1), None, None),
        "vincular": lambda: mandatos.vincular_usuario(mp, c, "mp"),
        "pagamento": lambda: dados_pagamento.definir_do_conselheiro(mp, c, banco="001"),
        "gerar_escala": lambda: escala.gerar_escala(mp, date(2024, 3, 1), date(2024, 3, 31)),
        "refazer_escala": lambda: escala.refazer_escala(mp, date(2024, 2, 5), "teste"),
        "trocar": lambda: escala.trocar_plantao(mp, turno["id"], conselho[1], "troca"),
        "cumprimento": lambda: escala.registrar_cumprimento(mp, turno["id"], True),
        "imprimir_escala": lambda: documentos.emitir_escala(mp, *FEV),
        "contracheque": lambda: remuneracao.emitir_contracheque(mp, c, date(2024, 3, 1)),
        "banco": lambda: remessa.gerar(mp, "conselho", date(2024, 3, 1), banco="001", data_pagamento=date(2099, 1, 5)),
        "esocial": lambda: esocial.gerar(mp, "conselho", date(2024, 3, 1), data_pagamento=date(2099, 1, 5)),
    }
    recusados = {}
    for nome, ato in atos.items():
        with pytest.raises(SemPermissao) as e:
            ato()
        recusados[nome] = str(e.value)
    assert all(recusados.values()), recusados  # cada recusa diz o porquê, em português
    assert _contagens(mp.db) == antes
    assert escala.listar(sessao_admin, *FEV)[0]["conselheiro_id"] == turno["conselheiro_id"]
