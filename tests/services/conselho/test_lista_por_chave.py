"""A lista de atendimentos página a página pela chave da última linha vista (``apos``): a página seguinte traz
exatamente as linhas seguintes — sem repetir nem pular, também com casos recebidos no mesmo minuto —, na lista, na
busca por nome e por bairro, com o filtro de situação e para o conselheiro impedido; cada página vai ao diário de
leitura e as permissões são as da lista."""
from datetime import datetime

import pytest

from desktop.services.conselho import atendimentos, decisoes
from desktop.services.sessao import SemPermissao

from .test_atendimentos import _leituras, caso

# (recebido em, bairro, nome): três no mesmo minuto, dois noutro minuto igual — a ordem entre eles é o número do
# ano (o maior, mais recente primeiro)
RECEBIDOS = [
    (datetime(2026, 3, 2, 8, 0), "Centro", "Ana Paula Lima"),
    (datetime(2026, 3, 2, 8, 0), "São João", "Bruna Lima"),
    (datetime(2026, 3, 2, 8, 0), "Centro", "Carla Lima"),
    (datetime(2026, 3, 3, 14, 30), "Centro", "Davi Souza"),
    (datetime(2026, 3, 1, 21, 15), "São João", "Edu Lima"),
    (datetime(2026, 3, 3, 14, 30), "Centro", "Fábio Lima"),
    (datetime(2026, 3, 4, 9, 45), "Centro", "Gabi Lima"),
]


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


@pytest.fixture
def casos(ct):
    feitos = []
    for recebido, bairro, nome in RECEBIDOS:
        feitos.append(atendimentos.registrar_atendimento(ct, caso(
            recebido_em=recebido, bairro=bairro, plantao=False, criancas=[{"nome": nome, "nascimento": "2015-05-05"}],
            familiares=[{"nome": "Rosa Tavares", "vinculo": "mãe"}])))
    return feitos


def _por_paginas(sessao, tamanho: int, **filtro) -> list[list[str]]:
    """As páginas de ``tamanho`` pedidas uma depois da outra, cada uma depois da última linha da anterior."""
    paginas, apos = [], None
    for _ in range(len(RECEBIDOS) + 1):  # uma página que não andasse repetiria para sempre
        pagina = atendimentos.listar_atendimentos(sessao, limite=tamanho, apos=apos, **filtro)
        if not pagina:
            return paginas
        paginas.append([l["id"] for l in pagina])
        apos = pagina[-1]["ordem"]
    raise AssertionError(f"as páginas não acabam: {paginas}")


def test_pagina_seguinte_sem_repetir_nem_pular_com_empates_de_data(ct, casos):
    ids = {a["criancas"][0]["nome"]: a["id"] for a in casos}
    tudo = atendimentos.listar_atendimentos(ct)
    # mais recentes primeiro; no mesmo minuto, o número maior (registrado depois) primeiro
    esperada = [ids[n] for n in ("Gabi Lima", "Fábio Lima", "Davi Souza", "Carla Lima", "Bruna Lima",
                                 "Ana Paula Lima", "Edu Lima")]
    assert [l["id"] for l in tudo] == esperada
    for tamanho in (1, 2, 3, 4, 7):
        paginas = _por_paginas(ct, tamanho)
        assert sum(paginas, []) == esperada, tamanho
        assert all(len(p) == tamanho for p in paginas[:-1])
    # a página que começa no meio dos três do mesmo minuto: os dois restantes e o mais antigo
    carla = next(l for l in tudo if l["id"] == ids["Carla Lima"])
    assert [l["id"] for l in atendimentos.listar_atendimentos(ct, apos=carla["ordem"])] == esperada[4:]
    # o mesmo que o deslocamento dá (o jeito antigo), página a página
    assert [l["id"] for l in atendimentos.listar_atendimentos(ct, limite=2, deslocamento=4)] == \
        [l["id"] for l in atendimentos.listar_atendimentos(ct, limite=2, apos=tudo[3]["ordem"])]


def test_pagina_seguinte_na_busca_e_no_filtro_de_situacao(ct, casos):
    ids = {a["criancas"][0]["nome"]: a["id"] for a in casos}
    lima = [ids[n] for n in ("Gabi Lima", "Fábio Lima", "Carla Lima", "Bruna Lima", "Ana Paula Lima", "Edu Lima")]
    assert [l["id"] for l in atendimentos.listar_atendimentos(ct, busca="lima")] == lima
    assert sum(_por_paginas(ct, 2, busca="lima"), []) == lima
    assert sum(_por_paginas(ct, 4, busca="lim"), []) == lima  # prefixo (FTS) começando do rowid pedido
    centro = [ids[n] for n in ("Gabi Lima", "Fábio Lima", "Davi Souza", "Carla Lima", "Ana Paula Lima")]
    assert sum(_por_paginas(ct, 2, busca="centro", campo="bairro"), []) == centro
    atendimentos.alterar_situacao(ct, ids["Fábio Lima"], "arquivado")
    atendimentos.alterar_situacao(ct, ids["Bruna Lima"], "arquivado")
    atendimentos.alterar_situacao(ct, ids["Edu Lima"], "arquivado")
    arquivados = [ids["Fábio Lima"], ids["Bruna Lima"], ids["Edu Lima"]]
    assert sum(_por_paginas(ct, 1, situacao="arquivado"), []) == arquivados
    assert sum(_por_paginas(ct, 2, situacao="arquivado", busca="lima"), []) == arquivados
    abertos = [i for i in lima if i not in arquivados]
    assert sum(_por_paginas(ct, 2, situacao="aberto", busca="lima"), []) == abertos
    # a última página vista era a do fim: nada depois
    ultimo = atendimentos.listar_atendimentos(ct)[-1]
    assert atendimentos.listar_atendimentos(ct, apos=ultimo["ordem"]) == []


def test_impedido_nao_ve_nas_paginas_seguintes(ct, casos, conselho, entrar):
    ct2 = entrar("ct2", "conselheiro_tutelar", conselho[1])
    ids = {a["criancas"][0]["nome"]: a["id"] for a in casos}
    decisoes.declarar_impedimento(ct2, ids["Carla Lima"], "impedimento", "A mãe é prima do conselheiro (art. 44, I)")
    visto = sum(_por_paginas(ct2, 2), [])
    assert ids["Carla Lima"] not in visto and len(visto) == len(RECEBIDOS) - 1
    assert visto == [i for i in sum(_por_paginas(ct, 3), []) if i != ids["Carla Lima"]]


def test_cada_pagina_vai_ao_diario_e_as_permissoes_sao_as_da_lista(ct, casos, sessao_admin, entrar):
    primeira = atendimentos.listar_atendimentos(ct, limite=3, busca="lima")
    antes = _leituras(ct.db)
    atendimentos.listar_atendimentos(ct, limite=3, busca="lima", apos=primeira[-1]["ordem"])
    atendimentos.listar_atendimentos(ct, limite=3, busca="lima", apos=primeira[-1]["ordem"], diario_depois=True)
    ct.aguardar_gravacoes()
    assert _leituras(ct.db) == antes + 2
    detalhe = ct.db.execute("SELECT depois FROM sigilo.diario WHERE tabela = 'conselho_atendimentos' "
                            "AND acao = 'evento' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert f'"apos": {primeira[-1]["ordem"]}' in detalhe and '"busca": "lima"' in detalhe
    folha = entrar("rh", "folha_rh")
    consulta = entrar("mp", "consulta")
    for s in (sessao_admin, folha):  # administrador e folha: nunca, nem a página seguinte
        with pytest.raises(SemPermissao):
            atendimentos.listar_atendimentos(s, apos=primeira[-1]["ordem"])
    assert [l["id"] for l in atendimentos.listar_atendimentos(consulta, apos=primeira[-1]["ordem"])] == \
        [l["id"] for l in atendimentos.listar_atendimentos(ct, apos=primeira[-1]["ordem"])]
