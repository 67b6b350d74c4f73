"""Gravar uma linha e registrá-la no diário é uma chamada só (``Mudanca.inserir`` / ``alterar`` / ``gravar`` (upsert)
/ ``alterar_se`` (alteração com guarda do store), issue 18).

A regra conferida aqui (a mesma do docstring de ``Mudanca``): em ``desktop/services``, um ``registrar`` com a ação
'inserir' ou 'alterar' — ou com uma ação que não é um texto fixo ('alterar' if antes else 'inserir', uma variável)
— só nas funções de ``EXCECOES``, cada uma com o motivo de a gravação não caber nessas chamadas sem mudar o
comportamento (nem o diário). 'evento' (entrada, leitura, cópia, remessa…) e 'excluir' ficam livres.
"""
from __future__ import annotations

import ast
import json
from collections import Counter
from pathlib import Path

import pytest

from desktop.store import linhas as armazem_linhas
from desktop.store.ids import agora, novo_id

SERVICOS = Path(__file__).resolve().parents[2] / "desktop" / "services"

_SEMPRE_ALTERAR = ("upsert cujo diário diz sempre 'alterar', também na primeira vez (Mudanca.gravar registraria "
                   "'inserir'), e leva só o depois")
_VARIAS = "grava várias linhas (ou várias tabelas) de uma vez; o diário leva um resumo"

EXCECOES: dict[tuple[str, str], tuple[int, str]] = {
    ("certificacao/correcoes.py", "definir_matriz_curricular"): (1, _VARIAS + " (troca dos componentes)"),
    ("certificacao/processos.py", "decidir_recurso"): (1, "um UPDATE do store reconhece várias avaliações; uma "
                                                       "linha no diário por id devolvido"),
    ("conselho/escala.py", "_inserir_escala"): (1, _VARIAS + " (os plantões da escala)"),
    ("conselho/folha.py", "fechar"): (1, _VARIAS + " (competência, contracheques e fechamento)"),
    ("magisterio/folha.py", "fechar"): (1, _VARIAS + " (competência, contracheques e fechamento)"),
    ("magisterio/complementar.py", "fechar"): (1, _VARIAS + " (a complementar e os seus contracheques)"),
    ("folha_ciclo.py", "CicloFolha.reabrir"): (1, "o diário da competência vem depois das substituições de "
                                                   "documentos e conta quantas foram (a ordem do diário mudaria)"),
    ("emissores.py", "atribuir_unidade"): (1, _SEMPRE_ALTERAR),
    ("emissores.py", "instalar_certificado"): (1, _SEMPRE_ALTERAR + " (titular e validade: nunca o .pfx nem a senha)"),
    ("magisterio/historicos.py", "_falta_de_mes_fechado"): (1, "o diário leva a linha do histórico como o store a "
                                                                "monta (armazem.linha), lida de volta depois da gravação"),
    ("replicas.py", "designar"): (1, "o store calcula o HLC da designação e avança o relógio da réplica"),
    ("sincronizacao.py", "importar_dados"): (1, "aplica um pacote de outra máquina: a gravação é a do pacote "
                                                "(sync_aplicar), o diário a repete sem os bytes"),
    ("sincronizacao.py", "decidir"): (1, "grava o valor escolhido como veio (gravar_campo, sem a conversão para "
                                         "JSON de alterar) no esquema do registro (main ou sigilo)"),
}


def _registros_com_gravacao(raiz: Path = SERVICOS) -> Counter:
    """(arquivo, função) → quantos ``.registrar(...)`` com ação 'inserir'/'alterar' ou não fixa ela tem."""
    achados: Counter = Counter()
    for caminho in sorted(raiz.rglob("*.py")):
        relativo = caminho.relative_to(raiz).as_posix()
        if relativo == "sessao.py":  # a própria Mudanca
            continue

        def visitar(no, nomes):
            for filho in ast.iter_child_nodes(no):
                if isinstance(filho, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    visitar(filho, nomes + [filho.name])
                    continue
                if (isinstance(filho, ast.Call) and isinstance(filho.func, ast.Attribute)
                        and filho.func.attr == "registrar"):
                    acao = filho.args[2] if len(filho.args) > 2 else next(
                        (k.value for k in filho.keywords if k.arg == "acao"), None)
                    if not (isinstance(acao, ast.Constant) and acao.value in ("evento", "excluir")):
                        achados[(relativo, ".".join(nomes))] += 1
                visitar(filho, nomes)

        visitar(ast.parse(caminho.read_text(encoding="utf-8")), [])
    return achados


def test_gravacao_e_diario_numa_chamada_so():
    achados = _registros_com_gravacao()
    novos = {k: n for k, n in achados.items() if k not in EXCECOES or n > EXCECOES[k][0]}
    assert not novos, (
        "registrar('inserir'/'alterar') depois de gravar a linha: use Mudanca.inserir/alterar (com sem=, nota= ou "
        f"no_diario= quando o diário não leva a linha inteira), ou ponha a função em EXCECOES com o motivo: {novos}")
    velhas = {k for k, (n, _) in EXCECOES.items() if achados.get(k, 0) < n}
    assert not velhas, f"EXCECOES que já não têm esse registrar (tire-as ou corrija a contagem): {velhas}"


def test_a_regra_pega_o_padrao(tmp_path):
    """A conferência acusa o par gravação + registrar (e aceita eventos e exclusões)."""
    pasta = tmp_path / "services"
    pasta.mkdir()
    (pasta / "novo.py").write_text(
        "def gravar(m, linha):\n"
        "    armazem_linhas.inserir(m.db, 't', linha)\n"
        "    m.registrar('t', linha['id'], 'inserir', depois=linha)\n"
        "def trocar(m, antes):\n"
        "    m.registrar('t', '1', 'alterar' if antes else 'inserir', depois={})\n"
        "def evento(m):\n"
        "    m.registrar('t', '1', 'evento', depois={})\n"
        "    m.registrar('t', '1', acao='excluir', antes={})\n", encoding="utf-8")
    assert _registros_com_gravacao(pasta) == Counter({("novo.py", "gravar"): 1, ("novo.py", "trocar"): 1})


# -- o que inserir/alterar levam ao diário ---------------------------------------------------------------------

def _ultima(sessao, tabela):
    linha = sessao.db.execute("SELECT registro_id, acao, antes, depois FROM diario WHERE tabela = ? "
                              "ORDER BY seq DESC LIMIT 1", [tabela]).fetchone()
    return linha[0], linha[1], linha[2] and json.loads(linha[2]), linha[3] and json.loads(linha[3])


def _emissor():
    momento = agora()
    return {"id": novo_id(), "nome": "Conselho Tutelar", "cnpj": "11222333000181", "municipio": "Itapiranga",
            "uf": "AM", "endereco": "", "brasao": b"\x89PNG imagem", "criado_em": momento, "atualizado_em": momento}


def test_inserir_sem_colunas_com_nota_e_no_lugar(sessao_admin):
    linha = _emissor()
    with sessao_admin.mudanca(None) as m:
        m.inserir("emissores", linha, sem=("brasao",), nota={"motivo": "teste"})
    assert armazem_linhas.por_chave(sessao_admin.db, "emissores", linha["id"])["brasao"] == b"\x89PNG imagem"
    esperado = {k: v for k, v in linha.items() if k != "brasao"} | {"motivo": "teste"}
    assert _ultima(sessao_admin, "emissores") == (linha["id"], "inserir", None, esperado)

    outra = _emissor()
    with sessao_admin.mudanca(None) as m:
        m.inserir("emissores", outra, no_diario={"nome": outra["nome"]})
    assert _ultima(sessao_admin, "emissores") == (outra["id"], "inserir", None, {"nome": "Conselho Tutelar"})


def test_alterar_com_nota_sem_colunas_e_no_lugar(sessao_admin):
    linha = _emissor()
    with sessao_admin.mudanca(None) as m:
        m.inserir("emissores", linha)
        depois = m.alterar("emissores", linha["id"], {"nome": "Conselho Tutelar de Itapiranga"},
                           sem=("brasao",), nota={"motivo_correcao": "nome incompleto"})
    assert depois["nome"] == "Conselho Tutelar de Itapiranga" and depois["brasao"] == b"\x89PNG imagem"
    sem_brasao = {k: v for k, v in linha.items() if k != "brasao"}
    assert _ultima(sessao_admin, "emissores") == (
        linha["id"], "alterar", sem_brasao,
        sem_brasao | {"nome": "Conselho Tutelar de Itapiranga", "motivo_correcao": "nome incompleto"})

    with sessao_admin.mudanca(None) as m:
        m.alterar("emissores", linha["id"], {"municipio": "Itapiranga-AM"},
                  no_diario=(None, {"municipio": "Itapiranga-AM", "resumo": 1}))
    assert _ultima(sessao_admin, "emissores") == (linha["id"], "alterar", None,
                                                  {"municipio": "Itapiranga-AM", "resumo": 1})
    assert armazem_linhas.por_chave(sessao_admin.db, "emissores", linha["id"])["municipio"] == "Itapiranga-AM"


@pytest.mark.parametrize("so_os_campos", [False, True])
def test_alterar_sem_opcoes_continua_igual(sessao_admin, so_os_campos):
    linha = _emissor() | {"brasao": None}
    with sessao_admin.mudanca(None) as m:
        m.inserir("emissores", linha)
        m.alterar("emissores", linha["id"], {"uf": "BA"}, so_os_campos=so_os_campos)
    antes, depois = (({"uf": "AM"}, {"uf": "BA"}) if so_os_campos else (linha, linha | {"uf": "BA"}))
    assert _ultima(sessao_admin, "emissores") == (linha["id"], "alterar", antes, depois)


def test_competencia_acrescentada_na_correcao_leva_o_motivo_ao_diario(sessao_admin):
    """``correcoes_ppcp.corrigir_competencias`` (sem outro teste): a competência nova vai ao diário inteira, com o
    motivo da correção, como antes de virar ``Mudanca.inserir(..., nota=)``; a carga do PPCP, com o motivo."""
    from desktop.rules.certificacao.ppcp import Competencia
    from desktop.services.certificacao import correcoes_ppcp

    from .certificacao.apoio import COMPETENCIAS, montar_cenario

    s = sessao_admin
    ppcp_id = montar_cenario(s)["ppcp"]["id"]
    motivo = "Competência que faltava no PPCP aprovado"
    correcoes_ppcp.corrigir_competencias(s, ppcp_id, motivo=motivo, competencias=[
        *COMPETENCIAS, Competencia("Manter instalações elétricas", "Manutenção elétrica", 40)])
    nova = armazem_linhas.um(s.db, "SELECT * FROM cert_competencias WHERE ppcp_id = ? AND ordem = 4", [ppcp_id])
    linha = s.db.execute("SELECT registro_id, antes, depois FROM diario WHERE tabela = 'cert_competencias' "
                         "AND acao = 'inserir' ORDER BY seq DESC LIMIT 1").fetchone()
    depois = json.loads(linha[2])
    assert (linha[0], linha[1]) == (nova["id"], None)
    assert {"id", "ppcp_id", "ordem", "nome", "componente", "carga_horaria"} <= set(depois)
    assert depois == {**{k: v for k, v in nova.items() if k in depois}, "motivo_correcao": motivo}
    registro_id, acao, antes, depois = _ultima(s, "cert_ppcps")
    assert (registro_id, acao, depois["carga_horaria_total"], depois["motivo_correcao"]) == (ppcp_id, "alterar", 260, motivo)
    assert antes["carga_horaria_total"] == 220 and "motivo_correcao" not in antes


# -- gravar (upsert) e alterar_se (alteração com guarda do store) ------------------------------------------------

def _linhas_do_diario(sessao) -> int:
    return sessao.db.execute("SELECT count(*) FROM diario").fetchone()[0]


def test_gravar_insere_e_depois_altera_com_o_diario_de_inserir_e_alterar(sessao_admin):
    """A primeira gravação de uma chave é uma inclusão ('inserir', a linha inteira, como ``inserir``); a seguinte,
    uma alteração ('alterar', as linhas de antes e de depois inteiras, como ``alterar``) — e a tabela fica com a
    última."""
    s = sessao_admin
    with s.mudanca(None) as m:
        assert m.gravar("configuracoes", {"chave": "teste.gravar", "valor": "1"}, chave="chave") == \
            {"chave": "teste.gravar", "valor": "1"}
    assert _ultima(s, "configuracoes") == ("teste.gravar", "inserir", None, {"chave": "teste.gravar", "valor": "1"})
    with s.mudanca(None) as m:
        m.gravar("configuracoes", {"chave": "teste.gravar", "valor": "2"}, chave="chave")
    assert _ultima(s, "configuracoes") == ("teste.gravar", "alterar", {"chave": "teste.gravar", "valor": "1"},
                                           {"chave": "teste.gravar", "valor": "2"})
    assert s.db.execute("SELECT valor FROM configuracoes WHERE chave = 'teste.gravar'").fetchall() == [("2",)]


def test_gravar_so_na_inclusao_sem_e_nota(sessao_admin):
    """Numa alteração, as colunas ``so_na_inclusao`` ficam como estavam (o ``criado_em`` da inclusão); o diário sai
    sem as colunas ``sem`` e com a ``nota``, e o depois é a linha relida."""
    s = sessao_admin
    linha = _emissor()
    with s.mudanca(None) as m:
        m.gravar("emissores", linha, so_na_inclusao=("criado_em",), sem=("brasao",))
    sem_brasao = {k: v for k, v in linha.items() if k != "brasao"}
    assert _ultima(s, "emissores") == (linha["id"], "inserir", None, sem_brasao)
    nova = linha | {"nome": "Conselho Tutelar de Itapiranga", "criado_em": "2099-01-01T00:00:00+00:00",
                    "atualizado_em": "2030-05-06T07:08:09+00:00"}
    with s.mudanca(None) as m:
        depois = m.gravar("emissores", nova, so_na_inclusao=("criado_em",), sem=("brasao",), nota={"motivo": "nome"})
    assert depois["criado_em"] == linha["criado_em"] and depois["brasao"] == b"\x89PNG imagem"
    assert depois["nome"] == "Conselho Tutelar de Itapiranga"
    assert _ultima(s, "emissores") == (
        linha["id"], "alterar", sem_brasao,
        sem_brasao | {"nome": "Conselho Tutelar de Itapiranga", "atualizado_em": "2030-05-06T07:08:09+00:00",
                      "motivo": "nome"})


def test_gravar_so_os_campos_e_no_diario(sessao_admin):
    """``so_os_campos``: o diário da alteração só com as colunas gravadas (fora a chave); ``no_diario``: (antes,
    depois) no lugar das linhas — numa inclusão, só o depois."""
    s = sessao_admin
    emissor = _emissor()
    with s.mudanca(None) as m:
        m.inserir("emissores", emissor)
        m.gravar("emissores_modulos", {"modulo": "conselho", "emissor_id": emissor["id"]}, chave="modulo",
                 so_os_campos=True)
    assert _ultima(s, "emissores_modulos") == ("conselho", "alterar", {"emissor_id": "orgao"},
                                               {"emissor_id": emissor["id"]})
    with s.mudanca(None) as m:
        m.gravar("configuracoes", {"chave": "teste.json", "valor": '{"a": 1}'}, chave="chave",
                 no_diario=({"ignorado": True}, {"a": 1}))
    assert _ultima(s, "configuracoes") == ("teste.json", "inserir", None, {"a": 1})
    with s.mudanca(None) as m:
        m.gravar("configuracoes", {"chave": "teste.json", "valor": '{"a": 2}'}, chave="chave",
                 no_diario=({"a": 1}, {"a": 2}))
    assert _ultima(s, "configuracoes") == ("teste.json", "alterar", {"a": 1}, {"a": 2})


def test_alterar_se_so_registra_quando_o_store_grava(sessao_admin):
    """Cancelar um documento emitido de verdade pela guarda do store (UPDATE … WHERE cancelado_em IS NULL): a
    primeira vez grava e registra 'alterar' com as linhas inteiras; a segunda não grava, devolve None e não põe
    nada no diário."""
    from desktop.services import documentos
    from desktop.store import documentos as registro

    s = sessao_admin
    emitido = documentos.emitir_relatorio_diario(s)
    antes = registro.por_id(s.db, emitido.id)
    with s.mudanca(None) as m:
        depois = m.alterar_se("documentos", emitido.id, registro.marcar_cancelado, momento="2030-01-02T03:04:05+00:00",
                              por="admin", motivo="emitido para o teste")
    assert depois == antes | {"cancelado_em": "2030-01-02T03:04:05+00:00", "cancelado_por": "admin",
                              "motivo_cancelamento": "emitido para o teste"}
    assert _ultima(s, "documentos") == (emitido.id, "alterar", antes, depois)
    n = _linhas_do_diario(s)
    with s.mudanca(None) as m:
        assert m.alterar_se("documentos", emitido.id, registro.marcar_cancelado, momento="2031-01-01T00:00:00+00:00",
                            por="admin", motivo="de novo") is None
    assert _linhas_do_diario(s) == n
    assert registro.por_id(s.db, emitido.id) == depois
