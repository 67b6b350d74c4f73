"""Cadastro de servidores do magistério: pessoa pelo CPF, matrícula, cargo, desligamento, lista e diário."""
from datetime import date

import pytest

from desktop.rules.papeis import Papel, Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.services import cadastros
from desktop.services.magisterio import cadastro
from desktop.services.sessao import ErroNegocio, SemPermissao
from desktop.store import diario as diario_store

from .conftest import CPF_ANA, CPF_JOSE, com_papel, diario, maria

CA = "Escola Municipal Castro Alves"


def test_cadastrar_cria_pessoa_servidor_jornada_titulacao_e_lotacao(sessao, escolas):
    s = maria(sessao, escolas)
    pessoa = sessao.db["pessoas"].get(s["pessoa_id"])
    assert (pessoa["nome"], pessoa["cpf"], pessoa["nascimento"]) == ("Maria da Silva Souza", "52998224725", "1975-06-10")
    assert (s["matricula"], s["cargo"], s["admissao"], s["ativo"]) == ("1001", "professor", "2001-03-01", 1)
    jornadas = cadastro.itens(sessao, "jornadas", s["id"])
    assert [(j["inicio"], j["fim"], j["horas"], j["motivo"]) for j in jornadas] == [(date(2001, 3, 1), None, 20, "base")]
    tit = cadastro.itens(sessao, "titulacoes", s["id"])
    assert [(t["titulo"], t["data_requerimento"]) for t in tit] == [("licenciatura_plena", date(2001, 3, 1))]
    lot = cadastro.itens(sessao, "lotacoes", s["id"])
    assert [(x["unidade_id"], x["inicio"], x["fim"]) for x in lot] == [(escolas["castro"], date(2001, 3, 1), None)]
    # Tudo no diário, na mesma transação, e a corrente íntegra.
    assert [d["acao"] for d in diario(sessao, "magisterio_servidores")] == ["inserir"]
    assert len(diario(sessao, "pessoas")) == 1
    assert len(diario(sessao, "magisterio_jornadas")) == 1
    assert diario_store.verificar(sessao.db).ok


def test_titulo_anterior_a_admissao_vale_desde_a_admissao(sessao, escolas):
    s = maria(sessao, escolas, data_titulacao=date(1999, 12, 1))
    assert cadastro.itens(sessao, "titulacoes", s["id"])[0]["data_requerimento"] == date(2001, 3, 1)


def test_pessoa_reaproveitada_pelo_cpf_se_o_nome_confere(sessao, escolas):
    p = cadastros.cadastrar_pessoa(sessao, nome="JOSÉ CARLOS PEREIRA", cpf=CPF_JOSE)
    s = cadastro.cadastrar_servidor(sessao, nome="Jose Carlos Pereira", cpf="11144477735", matricula="2002",
                                    cargo="pedagogo", admissao=date(2010, 2, 1), jornada=40, titulo="licenciatura_plena")
    assert s["pessoa_id"] == p["id"]
    assert sessao.db.execute("SELECT count(*) FROM pessoas").fetchone()[0] == 1
    with pytest.raises(ErroNegocio, match="já está cadastrado para JOSÉ CARLOS PEREIRA"):
        cadastro.cadastrar_servidor(sessao, nome="Outra Pessoa", cpf=CPF_JOSE, matricula="2003", cargo="professor",
                                    admissao=date(2010, 2, 1), titulo="licenciatura_plena")


def test_cpf_invalido_matricula_repetida_e_faltas_de_dados(sessao, escolas):
    maria(sessao, escolas)
    base = dict(nome="Ana Lima", cpf=CPF_ANA, matricula="3003", cargo="professor", admissao=date(2012, 2, 1),
                titulo="medio_normal")
    with pytest.raises(EntradaInvalida, match="CPF inválido"):
        cadastro.cadastrar_servidor(sessao, **(base | {"cpf": "123.456.789-00"}))
    with pytest.raises(ErroNegocio, match="A matrícula 1001 já pertence a Maria da Silva Souza"):
        cadastro.cadastrar_servidor(sessao, **(base | {"matricula": "1001"}))
    with pytest.raises(EntradaInvalida, match="Informe a titulação"):
        cadastro.cadastrar_servidor(sessao, **(base | {"titulo": None}))
    with pytest.raises(ErroNegocio, match="20 ou de 40 horas"):
        cadastro.cadastrar_servidor(sessao, **(base | {"jornada": 30}))
    with pytest.raises(ErroNegocio, match="não pode estar no futuro"):
        cadastro.cadastrar_servidor(sessao, **(base | {"admissao": date(2099, 1, 1)}))
    with pytest.raises(ErroNegocio, match="'leigo' é só do auxiliar"):
        cadastro.cadastrar_servidor(sessao, **(base | {"titulo": "leigo"}))
    with pytest.raises(ErroNegocio, match="art. 14 §3º"):
        cadastro.cadastrar_servidor(sessao, **(base | {"cargo": "pedagogo"}))
    with pytest.raises(ErroNegocio, match="professor leigo"):
        cadastro.cadastrar_servidor(sessao, **(base | {"cargo": "auxiliar_ensino"}))
    # Nada ficou pela metade: nem a pessoa da tentativa.
    assert sessao.db.execute("SELECT count(*) FROM pessoas").fetchone()[0] == 1
    assert sessao.db.execute("SELECT count(*) FROM magisterio_servidores").fetchone()[0] == 1


def test_auxiliar_de_ensino_entra_como_leigo_e_passa_a_professor_com_habilitacao(sessao, escolas):
    s = cadastro.cadastrar_servidor(sessao, nome="Ana Lima", cpf=CPF_ANA, matricula="9", cargo="auxiliar_ensino",
                                    admissao=date(1996, 3, 1), escola_id=escolas["itajuru"])
    assert cadastro.itens(sessao, "titulacoes", s["id"])[0]["titulo"] == "leigo"
    with pytest.raises(ErroNegocio, match="art. 70"):
        cadastro.alterar(sessao, s["id"], cargo="professor")
    cadastro.adicionar(sessao, "titulacoes", s["id"], titulo="medio_normal", data_requerimento=date(2005, 4, 1))
    assert cadastro.alterar(sessao, s["id"], cargo="professor")["cargo"] == "professor"
    # O título leigo antigo continua corrigível (outro campo), mas não se lança um leigo novo.
    leigo = cadastro.itens(sessao, "titulacoes", s["id"])[0]
    assert cadastro.corrigir(sessao, "titulacoes", leigo["id"], ato="Ficha de 1996")["ato"] == "Ficha de 1996"
    with pytest.raises(ErroNegocio, match="'leigo' é só do auxiliar"):
        cadastro.adicionar(sessao, "titulacoes", s["id"], titulo="leigo", data_requerimento=date(2006, 1, 2))
    with pytest.raises(ErroNegocio, match="professor leigo"):
        cadastro.cadastrar_servidor(sessao, nome="Ana Lima", cpf=CPF_ANA, matricula="10", cargo="auxiliar_ensino",
                                    admissao=date(1996, 3, 1), titulo="medio_normal")


def test_permissoes(sessao, escolas):
    s = maria(sessao, escolas)
    consulta = com_papel(sessao, Papel.CONSULTA)
    assert cadastro.ficha(consulta, s["id"]).nome == "Maria da Silva Souza"
    assert len(cadastro.listar_servidores(consulta)) == 1
    with pytest.raises(SemPermissao, match="alterar dados do Magistério"):
        cadastro.alterar(consulta, s["id"], dependentes_irrf=2)
    with pytest.raises(SemPermissao):
        cadastro.adicionar(consulta, "faltas", s["id"], data=date(2026, 3, 4))
    conselheiro = com_papel(sessao, Papel.CONSELHEIRO_TUTELAR)
    with pytest.raises(SemPermissao, match="consultar o Magistério"):
        cadastro.listar_servidores(conselheiro)
    rh = com_papel(sessao, Papel.FOLHA_RH)
    assert cadastro.alterar(rh, s["id"], dependentes_irrf=2)["dependentes_irrf"] == 2
    # O RH cadastra escolas pelo Magistério (sem precisar alterar os dados do órgão).
    assert cadastro.cadastrar_escola(rh, nome="Escola Nova", porte="pequeno", desde=date(2026, 1, 1))["tipo"] == "escola"


def test_alterar_com_diario(sessao, escolas):
    s = maria(sessao, escolas)
    depois = cadastro.alterar(sessao, s["id"], nome="Maria da Silva Souza Santos", matricula="1001-A",
                              dependentes_irrf=1)
    assert (depois["nome"], depois["matricula"], depois["dependentes_irrf"]) == ("Maria da Silva Souza Santos", "1001-A", 1)
    alteracoes = diario(sessao, "magisterio_servidores")[-1]
    assert '"matricula": "1001"' in alteracoes["antes"] and '"matricula": "1001-A"' in alteracoes["depois"]
    assert '"nome": "Maria da Silva Souza Santos"' in diario(sessao, "pessoas")[-1]["depois"]
    # Admissão digitada errado: o que começava nela acompanha a correção.
    assert cadastro.alterar(sessao, s["id"], admissao=date(2001, 2, 1))["admissao"] == date(2001, 2, 1)
    for h, campo in (("jornadas", "inicio"), ("lotacoes", "inicio"), ("titulacoes", "data_requerimento")):
        assert cadastro.itens(sessao, h, s["id"])[0][campo] == date(2001, 2, 1)
    cadastro.adicionar(sessao, "regencias", s["id"], inicio=date(2001, 3, 5), etapa="educacao_infantil")
    with pytest.raises(ErroNegocio, match="Há registro de regência em 05/03/2001, antes da nova admissão"):
        cadastro.alterar(sessao, s["id"], admissao=date(2001, 4, 1))
    with pytest.raises(ErroNegocio, match="extinção"):
        cadastro.alterar(sessao, s["id"], cargo="auxiliar_ensino")
    assert cadastro.alterar(sessao, s["id"], cargo="pedagogo")["cargo"] == "pedagogo"
    with pytest.raises(ErroNegocio, match="não se altera aqui: cpf"):
        cadastro.alterar(sessao, s["id"], cpf=CPF_JOSE)


def test_desligar_encerra_periodos_e_nao_apaga(sessao, escolas):
    s = maria(sessao, escolas)
    cadastro.adicionar(sessao, "regencias", s["id"], inicio=date(2020, 2, 3), etapa="fundamental_iniciais")
    cadastro.adicionar(sessao, "ferias", s["id"], inicio=date(2026, 1, 5), fim=date(2026, 2, 3))
    with pytest.raises(ErroNegocio, match="férias em 05/01/2026, depois do desligamento"):
        cadastro.desligar(sessao, s["id"], data=date(2025, 12, 31), motivo="aposentadoria")
    d = cadastro.desligar(sessao, s["id"], data=date(2026, 6, 30), motivo="aposentadoria", ato="Decreto 9/2026")
    assert (d["desligamento"], d["ativo"], d["motivo_desligamento"]) == (date(2026, 6, 30), 0, "aposentadoria")
    for h in ("lotacoes", "jornadas", "regencias"):
        assert cadastro.itens(sessao, h, s["id"])[-1]["fim"] == date(2026, 6, 30)
    assert cadastro.listar_servidores(sessao) == []
    assert [r["matricula"] for r in cadastro.listar_servidores(sessao, ativo=False)] == ["1001"]
    with pytest.raises(ErroNegocio, match="posterior ao desligamento"):
        cadastro.adicionar(sessao, "faltas", s["id"], data=date(2026, 7, 1))
    with pytest.raises(Exception, match="não são apagados"):
        with sessao.base.transacao() as db:
            db.execute("DELETE FROM magisterio_servidores WHERE id = ?", [s["id"]])
    assert cadastro.cancelar_desligamento(sessao, s["id"])["ativo"] == 1
    assert diario_store.verificar(sessao.db).ok


def test_listar_com_filtros(sessao, escolas):
    m = maria(sessao, escolas)
    j = cadastro.cadastrar_servidor(sessao, nome="José Antônio Brito", cpf=CPF_JOSE, matricula="2002",
                                    cargo="pedagogo", admissao=date(2010, 2, 1), jornada=40,
                                    titulo="licenciatura_plena", escola_id=escolas["smec"])
    cadastro.adicionar(sessao, "lotacoes", m["id"], unidade_id=escolas["itajuru"], inicio=date(2026, 2, 1))

    def mats(**filtros):
        return [r["matricula"] for r in cadastro.listar_servidores(sessao, **filtros)]

    assert mats() == ["2002", "1001"]  # ordem de nome: José, Maria
    assert mats(nome="jose antonio") == ["2002"]
    assert mats(nome="SOUZA") == ["1001"]
    assert mats(cpf="111.444") == ["2002"]
    assert mats(matricula="10") == ["1001"]
    assert mats(cargo="pedagogo") == ["2002"]
    assert mats(escola_id=escolas["itajuru"]) == ["1001"]
    assert mats(escola_id=escolas["castro"]) == []
    assert mats(escola_id=escolas["castro"], data=date(2025, 5, 5)) == ["1001"]
    linha = cadastro.listar_servidores(sessao, matricula="2002")[0]
    assert (linha["unidade_nome"], linha["jornada"], linha["cargo_rotulo"]) == ("Secretaria Municipal de Educação", 40, "Pedagogo")
    assert j["id"] == linha["id"]


def test_escolas_tipos_e_codigos(sessao, escolas):
    lista = {e["nome"]: e for e in cadastro.listar_escolas(sessao)}
    ca = lista[CA]
    assert (ca["porte"], ca["dificil_acesso"], ca["zona_rural"]) == ("medio", False, False)
    assert cadastro.listar_escolas(sessao, data=date(2010, 1, 1))[0]["porte"] == "grande"
    it = lista["Escola Municipal Povoado de Itajuru"]
    assert (it["porte"], it["dificil_acesso"], it["zona_rural"]) == ("pequeno", True, True)
    cadastro.alterar_escola(sessao, escolas["castro"], zona="rural", bairro="Centro Histórico")
    assert diario(sessao, "unidades")[-1]["acao"] == "alterar"
    assert {e["nome"]: e for e in cadastro.listar_escolas(sessao)}[CA]["zona_rural"] is True
    with pytest.raises(ErroNegocio, match="Já existe escola com o nome Escola Municipal Povoado de Itajuru"):
        cadastro.alterar_escola(sessao, escolas["castro"], nome="Escola Municipal Povoado de Itajuru")
    hist = cadastro.situacoes_escola(sessao, escolas["castro"])
    assert [(h["inicio"], h["fim"], h["porte"]) for h in hist] == [
        (date(2000, 1, 1), date(2014, 12, 31), "grande"), (date(2015, 1, 1), None, "medio")]
    # Mesma data de início corrige a situação (diário: alterar).
    cadastro.definir_situacao(sessao, escolas["castro"], inicio=date(2015, 1, 1), porte="pequeno")
    assert cadastro.situacoes_escola(sessao, escolas["castro"])[-1]["porte"] == "pequeno"
    assert diario(sessao, "magisterio_escolas")[-1]["acao"] == "alterar"
    with pytest.raises(EntradaInvalida, match="Valor inválido para porte: 'enorme'. Use um destes: grande, medio, pequeno, especial"):
        cadastro.definir_situacao(sessao, escolas["castro"], inicio=date(2016, 1, 1), porte="enorme")
    tipos = {t["codigo"]: t for t in cadastro.listar_tipos_afastamento(sessao)}
    assert tipos["LIP"]["remunerado"] is False and tipos["LIP"]["conta_exercicio"] is False
    assert tipos["LQP"]["fundamento"] == "Lei 1.613/2004, art. 62"
    codigos = {c["codigo"]: c for c in cadastro.listar_codigos_falta(sessao)}
    assert set(codigos) >= {"FI", "AM", "LG", "LN", "TRE", "JUR"}
    assert codigos["FI"]["justificada"] is False and codigos["AM"]["justificada"] is True
    cadastro.salvar_codigo_falta(sessao, codigo="gr", descricao="Greve (a compensar)", justificada=False,
                                 fundamento="Decisão judicial (exemplo)")
    assert "GR" in {c["codigo"] for c in cadastro.listar_codigos_falta(sessao)}
    cadastro.salvar_tipo_afastamento(sessao, codigo="LTS", descricao="Licença para tratamento de saúde",
                                     remunerado=True, conta_exercicio=True, suspende_dificil_acesso=True,
                                     fundamento="Estatuto, art. 123 (exemplo)")
    assert {t["codigo"]: t for t in cadastro.listar_tipos_afastamento(sessao)}["LTS"]["suspende_dificil_acesso"] is True
    assert diario(sessao, "magisterio_tipos_afastamento")[-1]["acao"] == "alterar"
    with pytest.raises(EntradaInvalida, match="de 2 a 8 letras"):
        cadastro.salvar_codigo_falta(sessao, codigo="ç", descricao="x", justificada=True, fundamento="y")


def test_ingresso_depois_da_lei_nos_quadros_em_extincao_e_recusado(sessao, escolas):
    """Auxiliar de ensino admitido depois de 21/05/2004 (art. 14 §2º e art. 69) e professor admitido depois com
    estudos adicionais ou licenciatura curta (art. 14 §1º e art. 71) eram aceitos; a folha não achava nível para o
    segundo ('Erro no cálculo', fechamento travado). Agora o cadastro recusa com o artigo e nada fica gravado."""
    maria(sessao, escolas)
    base = dict(nome="Ana Lima", cpf=CPF_ANA, matricula="3003", admissao=date(2012, 2, 1))
    with pytest.raises(ErroNegocio, match=r"auxiliar de ensino está em extinção .*arts\. 14 §2º e 69"):
        cadastro.cadastrar_servidor(sessao, **(base | {"cargo": "auxiliar_ensino", "titulo": "leigo"}))
    for titulo in ("estudos_adicionais", "licenciatura_curta"):
        with pytest.raises(ErroNegocio, match=r"não serve de titulação de ingresso .*arts\. 14 §1º e 71"):
            cadastro.cadastrar_servidor(sessao, **(base | {"cargo": "professor", "titulo": titulo}))
    assert sessao.db.execute("SELECT count(*) FROM pessoas").fetchone()[0] == 1
    assert sessao.db.execute("SELECT count(*) FROM magisterio_servidores").fetchone()[0] == 1
    # quem já era do quadro na publicação continua cadastrável (enquadramento, arts. 67 e 69)
    antigo = cadastro.cadastrar_servidor(sessao, **(base | {"cargo": "professor", "titulo": "estudos_adicionais",
                                                            "admissao": date(2001, 3, 1)}))
    assert cadastro.itens(sessao, "titulacoes", antigo["id"])[0]["titulo"] == "estudos_adicionais"
