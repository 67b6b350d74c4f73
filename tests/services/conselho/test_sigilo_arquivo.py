"""O conteúdo dos casos no arquivo sigiloso: fora da base geral (tabelas, diário, bytes, cópias), fora do
alcance da chave geral e do administrador; visto e buscado pelo conselho e pela consulta; cópia e
restauração dos dois arquivos juntos."""
from datetime import datetime

import pytest
import sqlcipher3

from desktop.services import acesso
from desktop.services import copias as servico_copias
from desktop.services.conselho import atendimentos, documentos, rascunhos
from desktop.services.sessao import SemPermissao
from desktop.store import copias, sigilo
from desktop.store.base import Base
from desktop.store.chaves import ArquivoChaves
from tests.conftest import chave_geral

from ...conftest import SENHA_ADMIN
from .conftest import SENHA

CRIANCA = "Yasmin Quitéria Balbino"
RELATO = "Relato sigiloso: ZZNARRATIVA vizinhos ouviram choro"
TELEFONE = "(92) 98877-6655"
MARCAS = (CRIANCA, "ZZNARRATIVA", "98877-6655", "Balbino")


def _caso():
    return {"tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "bairro": "Jardim Oriente",
            "relato": RELATO, "criancas": [{"nome": CRIANCA, "nascimento": "2016-04-02", "sexo": "F"}],
            "familiares": [{"nome": "Rosa Balbino", "vinculo": "mãe", "telefone": TELEFONE}]}


def _tem_marca(dados: bytes) -> bool:
    return any(m.encode(cod) in dados for m in MARCAS for cod in ("utf-8", "utf-16-le"))


def _varrer_tabelas(conexao) -> list[str]:
    """Todo texto de toda tabela de um arquivo (pela chave dada): onde aparece alguma marca."""
    achados = []
    tabelas = [r[0] for r in conexao.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for t in tabelas:
        for linha in conexao.execute(f"SELECT * FROM [{t}]"):
            for v in linha:
                if isinstance(v, (str, bytes)) and _tem_marca(v.encode() if isinstance(v, str) else v):
                    achados.append(t)
    return achados


@pytest.fixture
def ct(conselho, entrar):
    return entrar("ct1", "conselheiro_tutelar", conselho[0])


def test_base_geral_nao_guarda_conteudo_de_caso(instalacao, sessao_admin, ct, entrar, tmp_path):
    caminho, recuperacao = instalacao
    a = atendimentos.registrar_atendimento(ct, _caso())
    rascunhos.salvar_rascunho(ct, {"relato": RELATO})
    atendimentos.listar_atendimentos(ct, busca="Balbino")  # a busca (com o nome) vai ao diário sigiloso
    atendimentos.obter_atendimento(ct, a["id"])
    documentos.emitir_notificacao(ct, a["id"], "Rosa Balbino", datetime(2026, 3, 12, 9), "ZZNARRATIVA")
    copia_admin = servico_copias.fazer_copia(sessao_admin).copia  # sem a chave do sigilo
    copia_ct = copias.fazer_copia(ct.base, tmp_path / "copias-ct", "manual")  # com ela
    ct.fechar()
    sessao_admin.fechar()

    chave = chave_geral(caminho, recuperacao)
    con = sqlcipher3.connect(str(caminho))
    con.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
    assert _varrer_tabelas(con) == []  # nenhuma tabela da base geral, nem o diário geral
    nomes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not nomes & sigilo.TABELAS and not any(n.startswith("legado_") for n in nomes)
    con.close()
    for arq in (caminho, copia_admin, copia_ct, sigilo.caminho_para(caminho), sigilo.caminho_para(copia_admin)):
        assert arq.exists() and not _tem_marca(arq.read_bytes())  # bytes crus: cifrados
    wal = caminho.with_name(caminho.name + "-wal")
    assert not wal.exists() or not _tem_marca(wal.read_bytes())

    # O arquivo sigiloso não abre com a chave geral; com a chave do sigilo, o caso está lá.
    ruim = sqlcipher3.connect(str(sigilo.caminho_para(caminho)))
    ruim.execute(f"PRAGMA key = \"x'{chave.hex()}'\"")
    with pytest.raises(sqlcipher3.dbapi2.DatabaseError):
        ruim.execute("SELECT count(*) FROM sqlite_master").fetchone()
    ruim.close()
    chave_sigilo = ArquivoChaves.ler(caminho).abrir("ct1", SENHA).chaves["sigilo"]
    bom = sigilo.conectar(sigilo.caminho_para(caminho), chave_sigilo)
    assert "conselho_criancas" in _varrer_tabelas(bom) and "diario" in _varrer_tabelas(bom)
    bom.close()


def test_administrador_e_outros_papeis_nao_tem_a_chave(instalacao, sessao_admin, ct, entrar):
    caminho, _ = instalacao
    atendimentos.registrar_atendimento(ct, _caso())
    rh = entrar("rh", "folha_rh")
    for s in (sessao_admin, rh):
        assert not s.tem_sigilo
        with pytest.raises(SemPermissao, match="não permite ver o conteúdo"):
            atendimentos.listar_atendimentos(s, busca="Balbino")
        with pytest.raises(Exception, match="no such table"):  # nem por SQL direto na conexão dela
            s.db.execute("SELECT count(*) FROM conselho_criancas").fetchone()
    assert "sigilo" not in ArquivoChaves.ler(caminho).abrir("rh", SENHA).chaves  # a fechadura do RH não tem a chave


def test_conselho_e_consulta_veem_e_buscam(ct, entrar):
    a = atendimentos.registrar_atendimento(ct, _caso())
    mp = entrar("mp", "consulta")
    for s in (ct, mp):
        assert s.tem_sigilo
        assert [x["id"] for x in atendimentos.listar_atendimentos(s, busca="balbino")] == [a["id"]]
        assert [x["id"] for x in atendimentos.listar_atendimentos(s, busca="oriente", campo="bairro")] == [a["id"]]
        assert atendimentos.obter_atendimento(s, a["id"])["relato"] == RELATO


def test_ordem_da_tela_na_lista_e_na_busca(ct):
    """Mais recentes primeiro (recebimento, depois número), também para um caso lançado com data antiga."""
    novo = atendimentos.registrar_atendimento(ct, _caso() | {"recebido_em": datetime(2026, 3, 6, 22, 30)})
    mesmo_minuto = atendimentos.registrar_atendimento(ct, _caso() | {"recebido_em": datetime(2026, 3, 6, 22, 30)})
    antigo = atendimentos.registrar_atendimento(ct, _caso() | {"recebido_em": datetime(2025, 11, 2, 8, 0)})
    meio = atendimentos.registrar_atendimento(ct, _caso() | {"recebido_em": datetime(2026, 1, 15, 9, 45)})
    esperado = [mesmo_minuto["id"], novo["id"], meio["id"], antigo["id"]]
    assert [x["id"] for x in atendimentos.listar_atendimentos(ct)] == esperado
    assert [x["id"] for x in atendimentos.listar_atendimentos(ct, busca="balbino")] == esperado
    assert [x["id"] for x in atendimentos.listar_atendimentos(ct, busca="balbino", limite=2, deslocamento=1)] == \
        esperado[1:3]
    atendimentos.alterar_situacao(ct, antigo["id"], "arquivado")
    # O diário sigiloso tem a última imagem de cada linha de caso: a conferência não acusa nada.
    from desktop.store.integridade_dados import conferir_tabelas
    achados, conferidas = conferir_tabelas(ct.db, "sigilo")
    assert achados == [] and conferidas >= 3


def test_entrada_de_verdade_anexa_so_para_o_conselho(instalacao, sessao_admin, conselho):
    caminho, _ = instalacao
    from desktop.services.conselho import mandatos
    acesso.criar_usuario(sessao_admin, login="ct9", nome="Ct", papel="conselheiro_tutelar", senha=SENHA,
                         trocar_senha=False)
    mandatos.vincular_usuario(sessao_admin, conselho[0], "ct9")
    sessao_admin.fechar()
    s = acesso.entrar(caminho, "ct9", SENHA)
    try:
        assert s.tem_sigilo
        atendimentos.registrar_atendimento(s, _caso())
    finally:
        s.fechar()
    s = acesso.entrar(caminho, "admin", SENHA_ADMIN)
    try:
        assert not s.tem_sigilo
    finally:
        s.fechar()


def test_copia_e_restauracao_levam_os_dois_arquivos(instalacao, sessao_admin, ct, tmp_path):
    caminho, recuperacao = instalacao
    chave = chave_geral(caminho, recuperacao)
    antes = atendimentos.registrar_atendimento(ct, _caso())
    copia = copias.fazer_copia(ct.base, tmp_path / "copias", "manual")  # API de backup do arquivo sigiloso
    assert sigilo.caminho_para(copia).exists()
    depois = atendimentos.registrar_atendimento(ct, _caso() | {"bairro": "Depois"})
    copia_sem_chave = copias.fazer_copia(sessao_admin.base, tmp_path / "copias2", "manual")  # bytes cifrados
    ct.fechar()
    sessao_admin.fechar()

    guardada = copias.restaurar(caminho, copia, chave)
    assert sigilo.caminho_para(guardada).exists()  # o arquivo sigiloso anterior ficou guardado
    assert not copias_sigilo_pendente(caminho)
    s = acesso.entrar(caminho, "ct1", SENHA)
    try:
        ids = {x["id"] for x in atendimentos.listar_atendimentos(s)}
        assert ids == {antes["id"]}  # base e sigilo da mesma hora
    finally:
        s.fechar()

    copias.restaurar(caminho, copia_sem_chave, chave)  # a cópia do administrador também serve
    s = acesso.entrar(caminho, "ct1", SENHA)
    try:
        assert {x["id"] for x in atendimentos.listar_atendimentos(s)} == {antes["id"], depois["id"]}
    finally:
        s.fechar()


def copias_sigilo_pendente(caminho) -> bool:
    from desktop.store.copias_sigilo import caminho_pendencias
    return caminho_pendencias(caminho).exists()


def test_restauracao_interrompida_termina_ao_abrir(instalacao, sessao_admin, ct, tmp_path):
    """Queda de energia entre o rename do arquivo sigiloso e o da base: a próxima abertura termina."""
    from desktop.store import copias_sigilo

    caminho, recuperacao = instalacao
    chave = chave_geral(caminho, recuperacao)
    a = atendimentos.registrar_atendimento(ct, _caso())
    copia = copias.fazer_copia(ct.base, tmp_path / "copias", "manual")
    atendimentos.registrar_atendimento(ct, _caso() | {"bairro": "Depois"})
    ct.fechar()
    sessao_admin.fechar()

    reais = copias_sigilo.concluir_restauracao
    copias_sigilo.concluir_restauracao = lambda _c: False  # "a energia caiu" logo depois das pendências
    try:
        copias.restaurar(caminho, copia, chave)
    finally:
        copias_sigilo.concluir_restauracao = reais
    assert copias_sigilo.caminho_pendencias(caminho).exists()
    s = acesso.entrar(caminho, "ct1", SENHA)  # abrir termina a troca dos dois arquivos
    try:
        assert not copias_sigilo.caminho_pendencias(caminho).exists()
        assert {x["id"] for x in atendimentos.listar_atendimentos(s)} == {a["id"]}
    finally:
        s.fechar()


def test_arquivo_sigiloso_sumido_ou_trocado_e_recusado(instalacao, sessao_admin, ct, tmp_path):
    caminho, _ = instalacao
    atendimentos.registrar_atendimento(ct, _caso())
    ct.fechar()
    sessao_admin.fechar()
    arq = sigilo.caminho_para(caminho)
    arq.rename(tmp_path / "guardado.sigilo")
    with pytest.raises(Exception, match="não foi encontrado"):
        acesso.entrar(caminho, "ct1", SENHA)
    assert not arq.exists()  # nada de criar outro vazio
    (tmp_path / "guardado.sigilo").rename(arq)
    s = acesso.entrar(caminho, "ct1", SENHA)
    try:
        assert len(atendimentos.listar_atendimentos(s)) == 1
    finally:
        s.fechar()
    assert isinstance(Base, type)


def test_lista_e_busca_seguem_os_indices_na_ordem_da_tela_sem_ordenar(ct):
    """Issue 16 (100.000 casos): a busca percorre o FTS do rowid maior para o menor (o rowid é a chave de ordem
    do caso) e a lista o índice de ``busca_rowid``; nenhuma junta os achados numa árvore temporária para
    ordenar, e nenhuma procura o caso pela tabela inteira — o SQLite para ao completar a página."""
    from desktop.store.conselho import atendimentos as armazem

    atendimentos.registrar_atendimento(ct, _caso())
    ditas = []
    consultar = ct.db.query
    ct.db.query = lambda sql, args=None: (ditas.append((sql, args)), consultar(sql, args))[1]
    try:
        for pedido in ({}, {"situacao": "aberto", "excluir_de": "outro"}, {"busca": "balbino"},
                       {"busca": "orie", "campo": "bairro", "situacao": "aberto", "excluir_de": "outro"}):
            assert len(armazem.listar(ct.db, **pedido)) == 1
    finally:
        del ct.db.query
    assert len(ditas) == 4
    for sql, args in ditas:
        plano = [linha[3] for linha in ct.db.execute("EXPLAIN QUERY PLAN " + sql, args).fetchall()]
        assert not any("TEMP B-TREE" in p for p in plano), plano
        assert not any(p.startswith("SCAN a") and "INDEX" not in p for p in plano), plano
        if "MATCH" in sql:
            assert plano[0].startswith("SCAN b VIRTUAL TABLE"), plano
            assert any(p.startswith("SEARCH a USING") and "busca_rowid=?" in p for p in plano), plano
        else:  # o índice único de busca_rowid, ou o de (situação, busca_rowid) com o filtro
            assert plano[0].startswith(("SCAN a USING INDEX", "SEARCH a USING INDEX")), plano


def test_cada_indice_dos_atendimentos_serve_a_uma_consulta(ct):
    """Issue 16 (gravar um caso < 5 ms a 100.000 casos): cada índice de conselho_atendimentos custa uma folha a cada
    caso gravado, então só ficam os que as consultas usam. A lista, a lista por situação, a busca, o relatório
    trimestral, o CSV do SIPIA e o próximo número vão cada um por um índice que ficou (nenhuma varre a tabela nem
    ordena numa árvore temporária), e cada índice criado (fora os das restrições UNIQUE) é usado por uma delas — o
    de (situação, recebimento, número) saiu na migração sigilosa 0011."""
    from desktop.store.conselho import atendimentos as armazem

    atendimentos.registrar_atendimento(ct, _caso())
    criados = {r[0] for r in ct.db.execute("SELECT name FROM sigilo.sqlite_master WHERE type = 'index' "
                                           "AND tbl_name = 'conselho_atendimentos' AND sql IS NOT NULL")}
    assert criados == {"conselho_atendimentos_ordem", "conselho_atendimentos_situacao_lista"}
    consultas = {
        "lista": lambda: armazem.listar(ct.db),
        "lista por situação": lambda: armazem.listar(ct.db, situacao="aberto", excluir_de="outro"),
        "busca": lambda: armazem.listar(ct.db, busca="balbino", situacao="aberto"),
        "relatório": lambda: armazem.dados_relatorio(ct.db, "2026-01-01", "2026-04-01"),
        "SIPIA": lambda: armazem.criancas_para_sipia(ct.db, "2026-01-01", "2026-04-01"),
        "próximo número": lambda: armazem.proximo_numero(ct.db, 2026),
    }
    usados = set()
    for nome, consulta in consultas.items():
        ditas: list[str] = []
        ct.db.conn.set_trace_callback(ditas.append)
        try:
            assert consulta()
        finally:
            ct.db.conn.set_trace_callback(None)
        selects = [sql for sql in ditas if sql.lstrip().upper().startswith("SELECT") and "conselho_atendimentos" in sql]
        assert selects, nome
        for sql in selects:
            plano = [linha[3] for linha in ct.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
            do_caso = [p for p in plano if p.startswith(("SCAN a", "SEARCH a", "SCAN conselho_atendimentos",
                                                         "SEARCH conselho_atendimentos"))]
            assert do_caso and all(" INDEX " in p for p in do_caso), (nome, plano)
            assert not any("TEMP B-TREE" in p for p in plano), (nome, plano)
            usados |= {p.split(" INDEX ", 1)[1].split()[0] for p in do_caso}
    assert criados <= usados, usados


def test_gravar_e_emendar_caso_nao_varre_tabela_nem_indice_de_busca(ct):
    """Issue 16 (gravar um caso < 5 ms a 100.000 casos): nenhuma instrução que grava ao registrar um caso ou
    ao emendá-lo (o que regrava a linha dele no índice de busca) percorre uma tabela inteira — em especial o
    DELETE no FTS vai pelo rowid (a chave de ordem do caso), não por um texto sem índice. Cada instrução
    executada na conexão é conferida pelo EXPLAIN QUERY PLAN."""
    from desktop.services.conselho import emendas

    a = atendimentos.registrar_atendimento(ct, _caso())  # o primeiro do ano (cria o número) fica fora
    ditas: list[str] = []
    ct.db.conn.set_trace_callback(ditas.append)
    try:
        b = atendimentos.registrar_atendimento(ct, _caso() | {"bairro": "Santa Luzia"})
        emendas.incluir_familiar(ct, a["id"], {"nome": "Pedro Balbino", "vinculo": "pai"}, "Chegou depois.")
    finally:
        ct.db.conn.set_trace_callback(None)
    gravam = [sql for sql in ditas if sql.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert any("conselho_busca" in sql and sql.lstrip().upper().startswith("DELETE") for sql in gravam), gravam
    for sql in gravam:
        plano = [linha[3] for linha in ct.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
        varre = [p for p in plano if p.startswith("SCAN") and " USING " not in p and "VIRTUAL TABLE" not in p
                 and not p.startswith("SCAN CONSTANT ROW")]
        # FTS5 sempre diz SCAN; o idxStr diz como: "0:" sem restrição é o índice inteiro, "0:=" é pelo rowid
        varre_fts = [p for p in plano if "VIRTUAL TABLE INDEX" in p and p.rstrip().endswith(":")]
        assert not varre and not varre_fts, (sql, plano)
    assert {x["id"] for x in atendimentos.listar_atendimentos(ct, busca="Pedro")} == {a["id"]}
    assert {x["id"] for x in atendimentos.listar_atendimentos(ct, busca="Luzia", campo="bairro")} == {b["id"]}
