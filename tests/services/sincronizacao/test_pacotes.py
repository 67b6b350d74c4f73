"""Pacotes entre réplicas: ida e volta, repetidos e fora de ordem, conflitos guardados e decididos, e os
pacotes ruins (cortado, alterado, de outro órgão, de réplica removida, de outra versão, relógio adiantado,
gravação interrompida) recusados com mensagem e sem aplicar nada."""
import json

import pytest

from desktop.services import acesso, auditoria, cadastros
from desktop.services import replicas, sincronizacao as sx
from desktop.services.sessao import ErroNegocio
from desktop.store import sync_pacote
from desktop.store import sync_registro as reg

from ...conftest import SENHA_ADMIN


def _editar(sessao, pessoa_id, **campos):
    with sessao.mudanca(None) as m:
        for c, v in campos.items():
            m.db.execute(f"UPDATE pessoas SET {c} = ? WHERE id = ?", [v, pessoa_id])
        m.registrar("pessoas", pessoa_id, "alterar", depois=campos)


def _pessoa(sessao, pessoa_id):
    return sessao.db.execute("SELECT nome, telefone FROM pessoas WHERE id = ?", [pessoa_id]).fetchone()


def _trocar(a, b, pasta, nome_a, nome_b):
    sx.importar(b, sx.exportar(a, pasta, nome_b))
    sx.importar(a, sx.exportar(b, pasta, nome_a))


def _estado(sessao):
    return sx.conferir(sessao), sessao.db.execute("SELECT count(*) FROM diario").fetchone()[0]


def test_ida_e_volta_e_conferencia(orgao, tmp_path):
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    p = cadastros.cadastrar_pessoa(sede, nome="Maria da Sede")
    q = cadastros.cadastrar_pessoa(note, nome="João do Notebook")
    _editar(note, p["id"], telefone="(92) 3333-0000") if _pessoa(note, p["id"]) else None
    _trocar(sede, note, tmp_path / "pen", "Sede", "Notebook")
    assert _pessoa(note, p["id"])[0] == "Maria da Sede" and _pessoa(sede, q["id"])[0] == "João do Notebook"
    _editar(note, p["id"], telefone="(92) 3333-0000")
    _trocar(sede, note, tmp_path / "pen", "Sede", "Notebook")
    assert _pessoa(sede, p["id"]) == ("Maria da Sede", "(92) 3333-0000")
    assert sx.conferir(sede) == sx.conferir(note)
    for s in (sede, note):  # os diários continuam verificáveis depois de juntar
        resultado = auditoria.verificar_integridade(s)
        assert resultado.ok, resultado.mensagem()


def test_repetido_e_fora_de_ordem_nao_mudam_nada(orgao, tmp_path):
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    p = cadastros.cadastrar_pessoa(sede, nome="Primeira")
    velho = sx.exportar(sede, tmp_path / "pen", "Notebook")
    _editar(sede, p["id"], nome="Primeira, corrigida")
    novo = sx.exportar(sede, tmp_path / "pen", "Notebook")
    sx.importar(note, novo)
    depois_do_novo = _estado(note)[0]
    assert _pessoa(note, p["id"])[0] == "Primeira, corrigida"
    assert sx.importar(note, velho)["aplicadas"] == 0  # o antigo, depois do novo: nada volta atrás
    assert sx.importar(note, novo)["aplicadas"] == 0  # o mesmo, de novo
    assert _estado(note)[0] == depois_do_novo and _pessoa(note, p["id"])[0] == "Primeira, corrigida"


def test_edicoes_concorrentes_viram_conflito_e_a_decisao_se_propaga(orgao, tmp_path):
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    p = cadastros.cadastrar_pessoa(sede, nome="Ana Souza")
    sx.importar(note, sx.exportar(sede, tmp_path / "pen", "Notebook"))
    _editar(sede, p["id"], nome="Ana Souza Lima")
    _editar(note, p["id"], nome="Ana de Souza")
    _editar(note, p["id"], telefone="(92) 1111-2222")  # campo diferente: sem conflito
    _trocar(sede, note, tmp_path / "pen", "Sede", "Notebook")
    assert sx.conferir(sede) == sx.conferir(note)
    for s in (sede, note):
        [c] = sx.conflitos(s)
        assert (c["tabela"], c["registro_id"], c["coluna"]) == ("pessoas", p["id"], "nome")
        assert sorted(h["valor"] for h in c["cabecas"]) == ["Ana Souza Lima", "Ana de Souza"]  # os dois guardados
        assert _pessoa(s, p["id"])[1] == "(92) 1111-2222"
    escolhida = next(h for h in sx.conflitos(note)[0]["cabecas"] if h["valor"] == "Ana de Souza")
    sx.decidir(note, "pessoas", p["id"], "nome", escolhida["versao"])
    assert sx.conflitos(note) == [] and _pessoa(note, p["id"])[0] == "Ana de Souza"
    _trocar(sede, note, tmp_path / "pen", "Sede", "Notebook")
    assert sx.conflitos(sede) == [] and _pessoa(sede, p["id"])[0] == "Ana de Souza"
    assert sx.conferir(sede) == sx.conferir(note)
    eventos = [json.loads(d)["evento"] for (d,) in note.db.execute(
        "SELECT depois FROM diario WHERE acao = 'evento' AND tabela = 'pessoas'")]
    assert "conflito de sincronização decidido" in eventos
    for s in (sede, note):
        assert auditoria.verificar_integridade(s).ok


def test_exclusao_concorrente_com_edicao_nao_perde_a_edicao(orgao, tmp_path):
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    p = cadastros.cadastrar_pessoa(sede, nome="Registro Duplicado")
    sx.importar(note, sx.exportar(sede, tmp_path / "pen", "Notebook"))
    with sede.mudanca(None) as m:
        m.db.execute("DELETE FROM pessoas WHERE id = ?", [p["id"]])
        m.registrar("pessoas", p["id"], "excluir", antes=p)
    _editar(note, p["id"], telefone="(92) 9999-0001")
    _trocar(sede, note, tmp_path / "pen", "Sede", "Notebook")
    for s in (sede, note):
        assert _pessoa(s, p["id"]) is None
        [c] = sx.conflitos(s)
        assert c["coluna"] == "telefone"
        assert {(h["excluido"], h["valor"]) for h in c["cabecas"]} == {(True, None), (False, "(92) 9999-0001")}
    assert sx.conferir(sede) == sx.conferir(note)


# -- pacotes ruins ------------------------------------------------------------------------------
@pytest.fixture
def par(orgao, tmp_path):
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    cadastros.cadastrar_pessoa(sede, nome="Pessoa do Pacote")
    return sede, note, sx.exportar(sede, tmp_path / "pen", "Notebook")


def _recusado(note, arquivo, trecho):
    antes = _estado(note)
    with pytest.raises(ErroNegocio, match=trecho) as erro:
        sx.importar(note, arquivo)
    assert "Nada foi aplicado" in str(erro.value)
    assert _estado(note) == antes


def test_pacote_cortado_em_qualquer_ponto(par, tmp_path):
    _sede, note, arquivo = par
    dados = arquivo.read_bytes()
    for corte in sorted({1, 10, 20, len(dados) // 3, len(dados) // 2, len(dados) - 65, len(dados) - 1}):
        cortado = tmp_path / f"cortado-{corte}.pacosync"
        cortado.write_bytes(dados[:corte])
        _recusado(note, cortado, "incompleto|não é um pacote|assinatura")


def test_pacote_alterado_ou_forjado(par, tmp_path):
    _sede, note, arquivo = par
    dados = bytearray(arquivo.read_bytes())
    for pos in (len(dados) // 2, len(dados) - 100, 30):
        alterado = tmp_path / f"alterado-{pos}.pacosync"
        mudado = bytearray(dados)
        mudado[pos] ^= 0x01
        alterado.write_bytes(bytes(mudado))
        with pytest.raises(ErroNegocio, match="assinatura|incompleto|outro órgão|outra réplica|outra versão"):
            sx.importar(note, alterado)
    assert sx.importar(note, arquivo)["aplicadas"] >= 1  # o verdadeiro continua valendo


def test_gravacao_interrompida_deixa_so_o_parcial(par, tmp_path, monkeypatch):
    sede, note, _arquivo = par

    def cai(fd):
        raise OSError(5, "pen drive retirado")

    monkeypatch.setattr("desktop.store.sync_pacote.os.fsync", cai)
    with pytest.raises(OSError):
        sx.exportar(sede, tmp_path / "pen2", "Notebook")
    monkeypatch.undo()
    arquivos = list((tmp_path / "pen2").iterdir())
    assert [a.suffix for a in arquivos] == [".parcial"]  # nenhum pacote "válido" pela metade
    _recusado(note, arquivos[0], "gravação não terminou")


def test_pacote_para_outra_replica_de_outro_orgao_e_de_replica_removida(orgao, par, tmp_path, escritorio):
    sede, note, arquivo = par
    folha = orgao.entrar("Folha")
    _recusado(folha, arquivo, "feito para a réplica Notebook")
    # outro órgão: outra instalação com a sua própria sede
    s, _ = acesso.criar_instalacao(tmp_path / "outro" / "paco.db", escritorio, login="admin", nome="Outra",
                                   senha=SENHA_ADMIN)
    orgao.abertas.append(s)
    replicas.iniciar(s, "Sede")
    replicas.convidar(s, "Notebook", True, tmp_path / "outro-convites")
    outro = sx.exportar(s, tmp_path / "outro-pen", "Notebook")
    _recusado(note, outro, "outro órgão")
    # réplica removida: a sede remove o notebook; os pacotes dele passam a ser recusados
    do_note = sx.exportar(note, tmp_path / "pen", "Sede")
    replicas.remover_replica(sede, "Notebook")
    _recusado(sede, do_note, "removida")
    with pytest.raises(ErroNegocio, match="removida"):
        sx.exportar(sede, tmp_path / "pen", "Notebook")


def test_versao_diferente_e_relogio_adiantado(par, tmp_path, monkeypatch):
    sede, note, _ = par
    eu = sede.db.execute("SELECT replica_id, privada_ed25519 FROM sync_local").fetchone()
    destino = note.db.execute("SELECT replica_id, privada_x25519 FROM sync_local").fetchone()
    publica = sede.db.execute("SELECT publica_x25519 FROM sync_replicas WHERE id = ?", [destino[0]]).fetchone()[0]
    cab = sx._cabecalho(sede, {"id": eu[0]}, {"id": destino[0]}, ["geral"]) | {"esquema": 999}
    claro = reg.codificar({"vetor": {}, "alteracoes": []}).encode()
    outra_versao = tmp_path / "v999.pacosync"
    outra_versao.write_bytes(sync_pacote.montar(cab, {"geral": (publica, claro)}, eu[1]))
    _recusado(note, outra_versao, "outra versão")

    monkeypatch.setattr(reg, "_ms", lambda: 4102444800000)  # o relógio da sede em 2100
    p = cadastros.cadastrar_pessoa(sede, nome="Do Futuro")
    monkeypatch.undo()
    adiantado = sx.exportar(sede, tmp_path / "pen", "Notebook")
    _recusado(note, adiantado, "relógio")
    assert note.db.execute("SELECT 1 FROM pessoas WHERE id = ?", [p["id"]]).fetchone() is None


def test_duas_maquinas_numeram_atendimentos_e_documentos_sem_colidir(tmp_path, escritorio):
    """Item 4: cada réplica numera na sua faixa; casos e documentos feitos ao mesmo tempo na sede e no
    plantão juntam-se sem colisão (antes, o mesmo nº do ano travaria a importação)."""
    from datetime import datetime

    from desktop.reports import layout
    from desktop.services import documentos
    from desktop.services.conselho import atendimentos

    from .conftest import montar_orgao

    o = montar_orgao(tmp_path / "orgao", escritorio, {"Plantao": True}, conselheira=True)
    try:
        sede, plantao = o.entrar("Sede", "ct1"), o.entrar("Plantao", "ct1")
        sx.importar(sede, sx.exportar(plantao, tmp_path / "pen", "Sede"))  # chave do sigilo do plantão
        caso = {"tipo": "denuncia", "recebido_em": datetime(2026, 3, 6, 22, 30), "relato": "Relato",
                "criancas": [{"nome": "Criança Um", "nascimento": "2016-04-02", "sexo": "F"}]}
        a1 = atendimentos.registrar_atendimento(sede, caso)
        a2 = atendimentos.registrar_atendimento(plantao, caso)
        assert (a1["numero"], a2["numero"]) == (1, 10001)
        def montar(cab, rod):
            return layout.gerar_pdf(cab, rod, rod.tipo, layout.titulo(rod.tipo) + [layout.paragrafo("Ofício.")])

        d1 = documentos.emitir(sede, tipo="conselho_oficio_teste", titulo="Ofício", montar=montar)
        d2 = documentos.emitir(plantao, tipo="conselho_oficio_teste", titulo="Ofício", montar=montar)
        assert (d1.numero, d2.numero) == (1, 1_000_001)
        _trocar(sede, plantao, tmp_path / "pen", "Sede", "Plantao")
        numeros = sorted(n for (n,) in plantao.db.execute("SELECT numero FROM conselho_atendimentos"))
        assert numeros == [1, 10001]
        assert sx.conferir(sede) == sx.conferir(plantao)
    finally:
        o.fechar()


def test_atos_unicos_so_na_replica_designada(orgao):
    """Item 4: fechar/reabrir a folha, publicar o resultado e dar posse, abrir livro de registro — só na
    sede; noutra réplica, recusados com o motivo antes de tocar em qualquer coisa."""
    from desktop.services.certificacao import livros
    from desktop.services.eleicao import resultado
    from desktop.services.magisterio import folha

    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    atos = [lambda s: folha.fechar(s, "2026-03"),
            lambda s: folha.reabrir(s, "2026-03", "falta lançada depois do fechamento"),
            lambda s: resultado.publicar_resultado(s, "01900000-0000-7000-8000-000000000000"),
            lambda s: resultado.encerrar_e_dar_posse(s, "01900000-0000-7000-8000-000000000000"),
            lambda s: livros.abrir_livro(s, tipo_documento="certificado")]
    for ato in atos:
        antes = _estado(note)
        with pytest.raises(ErroNegocio, match="ato único do órgão: só a máquina designada \\(Sede\\)"):
            ato(note)
        assert _estado(note) == antes
        try:  # na sede o ato segue (e pode ser recusado por outro motivo, nunca por este)
            ato(sede)
        except Exception as e:  # noqa: BLE001
            assert "ato único" not in str(e)


def test_maquina_juntada_tem_chaves_proprias(orgao):
    """Item 1: ao juntar, a máquina troca as chaves da cópia: o arquivo de chaves da sede não abre a base
    do notebook; a recuperação do órgão abre as duas; a do sigilo fica para o 1º conselheiro que entrar lá."""
    from desktop.services import chaveiro
    from desktop.store.chaves import ArquivoChaves
    from tests.conftest import chave_geral

    sede, note = orgao.caminhos["Sede"], orgao.caminhos["Notebook"]
    assert chave_geral(sede, orgao.recuperacao) != chave_geral(note, orgao.recuperacao)
    assert chaveiro.rotacao_pendente(note)
    chave_sede = ArquivoChaves.ler(sede).abrir("admin", SENHA_ADMIN).chaves["geral"]
    assert chave_sede != ArquivoChaves.ler(note).abrir("admin", SENHA_ADMIN).chaves["geral"]
    s = orgao.entrar("Notebook")  # a senha do administrador continua valendo na máquina nova
    assert [r["nome"] for r in replicas.replicas(s) if r["esta"]] == ["Notebook"]


def test_juntar_com_o_codigo_do_convite_ou_a_recuperacao(orgao, tmp_path):
    """A aprovação do administrador (o convite) abre com o código de uso único dele — sem digitar a chave de
    recuperação na máquina nova — ou com a recuperação; um código errado ou de outro convite é recusado."""
    from .conftest import copiar_base

    sede = orgao.entrar("Sede")
    tablet = replicas.convidar(sede, "Tablet", False, tmp_path / "convites")
    outro = replicas.convidar(sede, "Outro", False, tmp_path / "convites")
    assert tablet.codigo.encode() not in tablet.arquivo.read_bytes()
    orgao.fechar()
    copiar_base(orgao.caminhos["Sede"], tmp_path / "tablet" / "paco.db", com_sigilo=False)
    s = acesso.entrar(tmp_path / "tablet" / "paco.db", "admin", SENHA_ADMIN)
    try:
        for errado in (outro.codigo, "AAAA-BBBB-CCCC-DDDD", ""):
            with pytest.raises(ErroNegocio, match="nada foi feito"):
                replicas.juntar(s, tablet.arquivo, errado)
        assert reg.local(s.db)[0] != tablet.arquivo.stem.removeprefix("convite-")
        assert replicas.juntar(s, tablet.arquivo, tablet.codigo)["nome"] == "Tablet"
        assert [r["nome"] for r in replicas.replicas(s) if r["esta"]] == ["Tablet"]
    finally:
        s.fechar()


def test_alteracao_com_a_linha_inteira_so_conta_os_campos_mudados(orgao, tmp_path):
    """Mudanca.alterar grava no diário o antes e o depois inteiros; a junção continua por campo: nome
    mudado numa máquina e telefone na outra não viram conflito."""
    sede, note = orgao.entrar("Sede"), orgao.entrar("Notebook")
    p = cadastros.cadastrar_pessoa(sede, nome="Pessoa Inteira")
    sx.importar(note, sx.exportar(sede, tmp_path / "pen", "Notebook"))
    with sede.mudanca(None) as m:  # cada edição carimba atualizado_em: não vira conflito
        m.alterar("pessoas", p["id"], {"nome": "Pessoa Inteira Silva", "atualizado_em": "2026-03-02T10:00:00"})
    with note.mudanca(None) as m:
        m.alterar("pessoas", p["id"], {"telefone": "(92) 3232-0000", "atualizado_em": "2026-03-02T10:05:00"})
    _trocar(sede, note, tmp_path / "pen", "Sede", "Notebook")
    assert sx.conflitos(sede) == [] == sx.conflitos(note)
    for s in (sede, note):
        assert _pessoa(s, p["id"]) == ("Pessoa Inteira Silva", "(92) 3232-0000")
