"""Processo encerrado (posse dada): a apuração não se escreve mais — boletim, sessão, resultado e posse são recusados
com o artigo (Lei 320/2023, art. 14 §§1º e 2º); a tela pergunta ao serviço o que cabe e os presentes gravados."""
import pytest

from desktop.services import acesso, demo
from desktop.services.eleicao import auditoria, designacoes, processo, resultado, votacao
from desktop.services.sessao import ErroNegocio


@pytest.fixture
def comissao_2023(tmp_path):
    """A comissão na cópia da base de demonstração da sessão de testes; o processo de 2023, encerrado com posse."""
    caminho = tmp_path / "demo" / "paco.db"
    demo.criar_demo(caminho, servidores=40)
    s = acesso.entrar(caminho, "comissao", demo.SENHA_DEMO)
    p = next(p for p in processo.listar_processos(s) if p["ano"] == 2023)
    yield s, p
    s.fechar()


def test_servico_recusa_escritas_da_apuracao_no_processo_encerrado(comissao_2023):
    s, p = comissao_2023
    assert p["fase"] == "encerrado" and p["posse_dada_em"]
    secao = votacao.listar_secoes(s, p["id"])[0]
    escritas = [
        lambda: votacao.digitar(s, secao["id"], comparecimento=1, brancos=0, nulos=0, votos={}),
        lambda: resultado.publicar_resultado(s, p["id"]),
        lambda: resultado.encerrar_e_dar_posse(s, p["id"]),
        lambda: designacoes.designar(s, p["id"], login="comissao", funcao="supervisor", ato="Resolução 9/2026"),
        lambda: auditoria.recontar(s, secao["id"], comparecimento=1, brancos=0, nulos=0, votos={},
                                   boletim_papel="boletim impresso", motivo="recontagem pedida por fiscal"),
    ]
    for escrever in escritas:
        with pytest.raises(ErroNegocio) as erro:
            escrever()
        assert "a posse já foi dada em 10/01/2024" in str(erro.value)
        assert "Lei 320/2023, art. 14 §§1º e 2º" in str(erro.value)
    assert processo.obter_processo(s, p["id"]) == p  # nada mudou


def test_situacao_da_apuracao_diz_o_que_cabe_e_os_presentes(comissao_2023):
    s, p = comissao_2023
    sit = resultado.situacao_da_apuracao(s, p["id"])
    assert set(sit["recusas"]) == {"designar", "digitar", "sessao", "publicar", "posse"}
    assert all("art. 14 §§1º e 2º" in motivo for motivo in sit["recusas"].values())
    assert sit["aviso"] == ("Posse dada em 10/01/2024: os mandatos estão no cadastro do Conselho e, encerrado o "
                            "processo, nada da apuração se grava mais (Lei 320/2023, art. 14 §§1º e 2º).")
    # os presentes gravados na sessão de apuração (resources/demo/eleicao.toml, p2023.apuracao), na ordem
    assert sit["presentes"][0] == "Maria do Socorro Lima — presidente da Comissão Especial"
    assert sit["presentes"][-1] == "Dr. Paulo Henrique Sales — Promotor de Justiça (fiscalização, art. 7º §3º)"
    assert len(sit["presentes"]) == 4
