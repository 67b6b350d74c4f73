"""Arquivo do banco (CNAB 240) da competência fechada e da folha do Conselho, lido de volta por um leitor
independente (tests/services/pagamento/leitor_cnab240.py): totais e o valor de cada servidor."""
from datetime import date, datetime
from decimal import Decimal

import pytest
from validate_docbr import PIS

from desktop.rules.pagamento.banco import dv_modulo11_bb
from desktop.rules.pagamento.cnab240 import alfa
from desktop.services import acesso, demo
from desktop.services.magisterio import cadastro, folha
from desktop.services.pagamento import dados, remessa
from desktop.services.sessao import ErroNegocio
from desktop.rules.validacao import EntradaInvalida

from .leitor_cnab240 import ler

OUTUBRO = date(2026, 10, 1)
PAGAMENTO = date(2026, 11, 5)
AGORA = lambda: datetime(2026, 11, 1, 9, 30)  # noqa: E731


def contas_para_todos(s, exceto: int = 0) -> list[dict]:
    """Conta BB para uns, Caixa poupança para outros (TED); os ``exceto`` últimos ficam sem conta."""
    servidores = cadastro.listar_servidores(s, ativo=None)
    pis = PIS()
    for sv in servidores[len(servidores) - exceto:]:  # a demonstração dá conta a quase todos: estes ficam sem
        dados.definir_do_servidor(s, sv["id"], banco="", agencia="", conta="", tipo_conta="")
    for n, sv in enumerate(servidores[:len(servidores) - exceto]):
        if n % 3 == 2:
            dados.definir_do_servidor(s, sv["id"], banco="104", agencia="2345", conta=f"013{n:08d}", conta_dv="1",
                                      tipo_conta="poupanca", pis=pis.generate())
        else:
            conta = f"{100000 + n}"
            dados.definir_do_servidor(s, sv["id"], banco="001", agencia="1234", agencia_dv="3", conta=conta,
                                      conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente",
                                      pis=pis.generate())
    return servidores


@pytest.fixture
def sessao_fechada(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, servidores=40)  # a mesma base de outros arquivos (tests/conftest.py)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    folha.fechar(s, OUTUBRO, aceitar_pendencias=True)
    yield s
    s.fechar()


def _convenio(s, folha_="magisterio", banco="001"):
    if banco == "104":  # Caixa: convênio de 6 dígitos, parâmetro de transmissão e compromisso (SIACC)
        return remessa.definir_convenio(s, folha_, banco, convenio="444773", parametro_transmissao="01",
                                        tipo_compromisso="02", codigo_compromisso="17", agencia="0001", agencia_dv="",
                                        conta="00300210169", conta_dv="6")
    return remessa.definir_convenio(s, folha_, banco, convenio="000123456 0126", agencia="0001", agencia_dv="9",
                                    conta="210169", conta_dv="6")


def test_remessa_do_magisterio_lida_de_volta(sessao_fechada):
    s = sessao_fechada
    contas_para_todos(s, exceto=2)
    _convenio(s)
    conf = remessa.conferir(s, "magisterio", OUTUBRO)
    assert len(conf.sem_conta) == 2
    with pytest.raises(remessa.FaltamDadosBancarios, match="2 pessoa\\(s\\) sem conta") as e:
        remessa.gerar(s, "magisterio", OUTUBRO, banco="001", data_pagamento=PAGAMENTO, agora=AGORA)
    assert [p["nome"] for p in e.value.pessoas] == [p["nome"] for p in conf.sem_conta]
    g = remessa.gerar(s, "magisterio", OUTUBRO, banco="001", data_pagamento=PAGAMENTO,
                      deixar_de_fora_sem_conta=True, agora=AGORA)
    arq = ler(g.conteudo)
    itens = {i.servidor.nome: i.contracheque.liquido for i in folha.contracheques(s, OUTUBRO)}
    fora = {p["nome"] for p in conf.sem_conta}
    esperado = {n: v for n, v in itens.items() if n not in fora and v > 0}
    lidos = {p.nome: p.valor for p in arq.pagamentos}
    assert lidos == {alfa(n, 30).strip(): v for n, v in esperado.items()}  # cada servidor com o seu líquido
    assert arq.total == sum(esperado.values()) == g.total
    assert sum(arq.somas_lotes) == g.total
    assert {p.forma for p in arq.pagamentos} == {"01", "41"}  # BB em conta; Caixa por TED
    assert all(p.data == PAGAMENTO for p in arq.pagamentos)
    assert arq.header["nsa"] == "000001" and arq.header["inscricao"] == demo_cnpj(s)
    assert set(g.deixados_de_fora) == fora
    # o próximo arquivo tem o número seguinte
    g2 = remessa.gerar(s, "magisterio", OUTUBRO, banco="001", data_pagamento=PAGAMENTO,
                       deixar_de_fora_sem_conta=True, agora=AGORA)
    assert ler(g2.conteudo).header["nsa"] == "000002"
    eventos = list(s.db.query("SELECT * FROM diario WHERE tabela = 'pagamento_remessas'"))
    assert len(eventos) == 2


def demo_cnpj(s):
    from desktop.services import emissores
    return emissores.do_modulo(s.db, "magisterio").cnpj


def test_competencia_aberta_recusada(sessao_fechada):
    with pytest.raises(ErroNegocio, match="não está fechada"):
        remessa.conferir(sessao_fechada, "magisterio", date(2026, 9, 1))


def test_sem_convenio_recusado(sessao_fechada):
    contas_para_todos(sessao_fechada)
    with pytest.raises(ErroNegocio, match="Cadastre antes o convênio"):
        remessa.gerar(sessao_fechada, "magisterio", OUTUBRO, banco="104", data_pagamento=PAGAMENTO, agora=AGORA)


def test_remessa_do_conselho(sessao_admin):
    from desktop.services.conselho import folha as folha_ct
    from desktop.services.conselho import mandatos

    s = sessao_admin
    ids = [mandatos.cadastrar_conselheiro(s, nome=n, condicao="titular", ordem=i + 1, inicio_mandato=date(2024, 1, 10),
                                          fim_mandato=date(2028, 1, 9))["id"]
           for i, n in enumerate(["Ana Beatriz Souza", "Bruno Carvalho Lima"])]
    comp = date(2026, 3, 1)
    for n, cid in enumerate(ids):
        conta = f"{500 + n}"
        dados.definir_do_conselheiro(s, cid, banco="001", agencia="1234", agencia_dv="3", conta=conta,
                                     conta_dv=dv_modulo11_bb(conta.zfill(8)), tipo_conta="corrente")
    _convenio(s, "conselho")
    with pytest.raises(ErroNegocio, match="não está fechada"):  # só da competência fechada
        remessa.gerar(s, "conselho", comp, banco="001", data_pagamento=PAGAMENTO, agora=AGORA)
    folha_ct.fechar(s, comp)
    g = remessa.gerar(s, "conselho", comp, banco="001", data_pagamento=PAGAMENTO, agora=AGORA)
    arq = ler(g.conteudo)
    liquidos = {i.identificacao["nome"].upper(): i.contracheque.liquido for i in folha_ct.contracheques(s, comp)}
    assert {p.nome: p.valor for p in arq.pagamentos} == liquidos
    assert arq.total == sum(liquidos.values()) > 0


def test_conferencia_das_tabelas_contra_o_diario_fica_limpa(sessao_admin):
    """Convênio, NSA e dados de pagamento vão ao diário com a linha inteira: a verificação de integridade
    não acusa nada gravado pelo pagamento."""
    from desktop.services.conselho import folha as folha_ct
    from desktop.services.conselho import mandatos
    from desktop.store.integridade_dados import conferir_tabelas

    s = sessao_admin
    c = mandatos.cadastrar_conselheiro(s, nome="Ana Beatriz Souza", condicao="titular", ordem=1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    dados.definir_do_conselheiro(s, c["id"], banco="001", agencia="1234", agencia_dv="3", conta="500",
                                 conta_dv=dv_modulo11_bb("00000500"), tipo_conta="corrente")
    dados.definir_do_conselheiro(s, c["id"], banco="001", agencia="1234", agencia_dv="3", conta="501",
                                 conta_dv=dv_modulo11_bb("00000501"), tipo_conta="salario")
    folha_ct.fechar(s, date(2026, 3, 1))
    _convenio(s, "conselho")
    _convenio(s, "conselho")
    for _ in range(2):
        remessa.gerar(s, "conselho", date(2026, 3, 1), banco="001", data_pagamento=PAGAMENTO, agora=AGORA)
    achados, _n = conferir_tabelas(s.db)
    assert [a.mensagem for a in achados if "configuracoes" in a.mensagem or "pagamento" in a.mensagem] == []
    import json

    for chave, valor in s.db.execute("SELECT chave, valor FROM configuracoes WHERE chave LIKE 'pagamento.%'"):
        ultima = s.db.execute("SELECT depois FROM diario WHERE tabela = 'configuracoes' AND registro_id = ? "
                              "ORDER BY seq DESC LIMIT 1", [chave]).fetchone()
        assert ultima is not None and json.loads(ultima[0]) == {"chave": chave, "valor": valor}
    assert s.db.execute("SELECT valor FROM configuracoes WHERE chave = 'pagamento.nsa.conselho.001'").fetchone()[0] == "2"


def _farialimer(conteudo: bytes, provedor: str) -> tuple[list[str], list[dict]]:
    """Lê a remessa com o farialimer (PyPI, MIT): a especificação 'Folha de Pagamento' do banco (``bb``:
    BB, julho/2019; ``caixa``: Caixa, v036) e o despacho por tipo de registro e segmento do próprio pacote.
    Os valores (9(013)V02 etc.) ficam em texto e são divididos por 100 no teste: o conversor do farialimer
    0.1.0 lê 1.234,05 como 1.234,5 (perde o zero dos centavos)."""
    from importlib.resources import files

    from farialimer.parser.bb.folha_pagamento import BBFolhaPagamento
    from farialimer.parser.caixa.folha_pagamento import CaixaFolhaPagamento

    leitor = {"bb": BBFolhaPagamento, "caixa": CaixaFolhaPagamento}[provedor](provedor)
    leitor.spec_dict = {"folha": str(files("farialimer") / "specs" / provedor / "folha_pagamento.yaml")}
    especificacao = leitor.get_spec_parser("folha")
    for registro, campos in especificacao.items():
        especificacao[registro] = [c._replace(convert="string") if "V" in c.datatype else c for c in campos]
    linhas = conteudo.decode("ascii").split("\r\n")
    assert linhas[-1] == "" and all(len(l) == 240 for l in linhas[:-1])
    tipos = [leitor.get_line_register(l) for l in linhas[:-1]]
    return tipos, [leitor.parse_line(l, especificacao[t]) for l, t in zip(linhas, tipos)]


def _centavos(texto: str) -> Decimal:
    return Decimal(int(texto)) / 100


def test_remessa_lida_pelo_farialimer(sessao_fechada):
    """O arquivo do Banco do Brasil lido por um leitor mantido de fora do Paço (farialimer): cada servidor
    com o seu líquido e a data do pagamento, a soma dos lotes igual ao total, as contagens dos trailers."""
    s = sessao_fechada
    contas_para_todos(s)
    _convenio(s)
    g = remessa.gerar(s, "magisterio", OUTUBRO, banco="001", data_pagamento=PAGAMENTO, agora=AGORA)
    tipos, lidos = _farialimer(g.conteudo, "bb")
    assert tipos[0] == "0" and tipos[-1] == "9" and set(tipos) == {"0", "1", "3A", "3B", "5", "9"}
    assert lidos[0]["codigo_banco"] == 1 and lidos[0]["codigo_remessa_retorno"] == 1
    assert lidos[0]["numero_inscricao_empresa"] == int(demo_cnpj(s))
    segmentos_a = [r for r, t in zip(lidos, tipos) if t == "3A"]
    trailers = [r for r, t in zip(lidos, tipos) if t == "5"]
    esperado = {alfa(i.servidor.nome, 30).strip(): i.contracheque.liquido for i in folha.contracheques(s, OUTUBRO)
                if i.contracheque.liquido > 0}
    assert {r["nome_favorecido"]: _centavos(r["valor_pagamento"]) for r in segmentos_a} == esperado
    assert len(segmentos_a) == len(esperado) == g.creditos
    assert {r["data_pagamento"] for r in segmentos_a} == {int(f"{PAGAMENTO:%d%m%Y}")}
    assert sum(_centavos(t["somatoria_valores"]) for t in trailers) == sum(esperado.values()) == g.total
    assert sum(t["quantidade_registros"] for t in trailers) == len(tipos) - 2
    assert lidos[-1]["quantidade_lotes"] == len(trailers) and lidos[-1]["quantidade_registros"] == len(tipos)


def test_remessa_da_caixa_lida_pelo_farialimer(sessao_fechada):
    """A mesma competência paga pela Caixa (104): o arquivo lido pela especificação Folha de Pagamento da
    Caixa do farialimer e pelo leitor do manual FEBRABAN — cada servidor com o seu líquido, os créditos em
    conta da Caixa num lote e os de outros bancos (BB) por TED noutro, somas iguais ao total."""
    s = sessao_fechada
    contas_para_todos(s)
    _convenio(s, banco="104")
    g = remessa.gerar(s, "magisterio", OUTUBRO, banco="104", data_pagamento=PAGAMENTO, agora=AGORA)
    tipos, lidos = _farialimer(g.conteudo, "caixa")
    assert set(tipos) == {"0", "1", "3A", "3B", "5", "9"} and lidos[0]["codigo_banco"] == 104
    segmentos_a = [r for r, t in zip(lidos, tipos) if t == "3A"]
    trailers = [r for r, t in zip(lidos, tipos) if t == "5"]
    esperado = {alfa(i.servidor.nome, 30).strip(): i.contracheque.liquido for i in folha.contracheques(s, OUTUBRO)
                if i.contracheque.liquido > 0}
    assert {r["nome_favorecido"]: _centavos(r["valor_lancamento"]) for r in segmentos_a} == esperado
    assert len(segmentos_a) == len(esperado) == g.creditos
    assert sum(_centavos(t["somatoria_valores"]) for t in trailers) == sum(esperado.values()) == g.total
    assert sum(t["quantidade_registros"] for t in trailers) == len(tipos) - 2
    assert lidos[-1]["quantidade_lotes"] == len(trailers) == 2 and lidos[-1]["quantidade_registros"] == len(tipos)
    # os campos próprios da Caixa, como a especificação os lê
    h = lidos[0]
    assert (h["codigo_convenio"], h["parametro_transmissao"], h["ambiente_cliente"]) == (444773, 1, "P")
    assert (h["numero_versao"], h["versao_leiaute"], h["nsa"]) == (0, 80, 1)
    assert (h["agencia"], h["dv_agencia"], h["conta_corrente"], h["dv_conta"]) == (1, 0, 300210169, "6")
    assert h["numero_inscricao"] == int(demo_cnpj(s))
    for lote in (r for r, t in zip(lidos, tipos) if t == "1"):
        assert (lote["codigo_convenio"], lote["tipo_compromisso"], lote["codigo_compromisso"]) == (444773, 2, 17)
        assert (lote["parametro_transmissao"], lote["versao_leiaute_lote"], lote["tipo_servico"]) == ("01", 41, 30)
    assert [r["numero_documento_empresa"] for r in segmentos_a] == list(range(1, len(segmentos_a) + 1))
    assert {(r["quantidade_parcelas"], r["indicador_bloqueio"], r["numero_parcela"]) for r in segmentos_a} == {(1, "N", 0)}
    assert {r["data_vencimento"] for r in segmentos_a} == {int(f"{PAGAMENTO:%d%m%Y}")}
    assert {r["camara_compensacao"] for r in segmentos_a if r["banco_destino"] == 1} == {18}  # BB por TED
    # conferidos com a especificação v036 do farialimer e o leiaute v032 de RJ-SMTR/api-cct (cnab240.py):
    # tipo de conta 1 corrente (as do BB, por TED) e 2 poupança (as da Caixa); finalidade do DOC 00
    assert {(r["banco_destino"], r["tipo_conta_finalidade_ted"]) for r in segmentos_a} == {(1, "1"), (104, "2")}
    assert {r["finalidade_doc"] for r in segmentos_a} == {0}
    linhas = g.conteudo.decode("ascii").split("\r\n")
    assert {l[225:240] for l in linhas if l[7:8] == "3" and l[13:14] == "B"} == {" " * 15}  # uso FEBRABAN
    assert {l[217:220] for l in linhas if l[7:8] == "1"} == {"   "}  # complemento do CEP, alfanumérico
    arq = ler(g.conteudo)
    assert {p.nome: p.valor for p in arq.pagamentos} == esperado
    assert {p.forma for p in arq.pagamentos} == {"05", "41"}  # poupança da Caixa; BB por TED


def test_convenio_da_caixa_conferido(sessao_fechada):
    """A Caixa lê convênio e compromisso como números de tamanho fixo: o que não cabe é recusado com o
    motivo, e nada é gravado."""
    s = sessao_fechada
    base = dict(agencia="0001", agencia_dv="", conta="00300210169", conta_dv="6", parametro_transmissao="01",
                codigo_compromisso="17")
    with pytest.raises(EntradaInvalida, match="código do convênio da Caixa só tem números"):
        remessa.definir_convenio(s, "magisterio", "104", convenio="CX4477", **base)
    with pytest.raises(EntradaInvalida, match="convênio da Caixa tem 6 dígitos; 0001234560126 tem 13"):
        remessa.definir_convenio(s, "magisterio", "104", convenio="000123456 0126", **base)  # o texto livre do BB
    with pytest.raises(EntradaInvalida, match="convênio da Caixa tem 6 dígitos; 1234567 tem 7"):
        remessa.definir_convenio(s, "magisterio", "104", convenio="1234567", **base)
    with pytest.raises(EntradaInvalida, match="Informe o parâmetro de transmissão"):
        remessa.definir_convenio(s, "magisterio", "104", convenio="444773", **(base | {"parametro_transmissao": ""}))
    with pytest.raises(EntradaInvalida, match="compromisso da Caixa tem 4 dígitos"):
        remessa.definir_convenio(s, "magisterio", "104", convenio="444773", **(base | {"codigo_compromisso": "12345"}))
    assert remessa.convenio(s, "magisterio", "104") is None
    gravado = remessa.definir_convenio(s, "magisterio", "104", convenio="4773", **base)
    assert gravado == remessa.convenio(s, "magisterio", "104")
    assert (gravado["convenio"], gravado["tipo_compromisso"], gravado["codigo_compromisso"]) == ("004773", "02", "0017")


def test_convenio_da_caixa_do_leiaute_antigo_recusado(sessao_fechada):
    """Um convênio da Caixa gravado antes (texto livre, sem compromisso) não gera arquivo: pede os dados novos."""
    import json

    from desktop.store import pagamento as armazem

    s = sessao_fechada
    contas_para_todos(s)
    antigo = {"convenio": "000123456 0126", "agencia": "0001", "agencia_dv": "", "conta": "210169", "conta_dv": "6"}
    with s.mudanca(remessa.FOLHAS["magisterio"][1]) as m:
        remessa._gravar_configuracao(m, "pagamento.convenio.magisterio.104", json.dumps(antigo))
    with pytest.raises(ErroNegocio, match="leiaute antigo: informe de novo o convênio"):
        remessa.gerar(s, "magisterio", OUTUBRO, banco="104", data_pagamento=PAGAMENTO, agora=AGORA)
