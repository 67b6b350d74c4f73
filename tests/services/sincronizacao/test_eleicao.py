"""Noite da eleição em três réplicas (issue 15, item 5): os mesários digitam os boletins nos seus PCs, a
dupla digitação é de usuários diferentes em máquinas diferentes; no PC da comissão (a sede, designada) as
seções que conferem entram na apuração ao chegar o pacote, a que diverge espera o supervisor, que a
resolve lá; o resultado volta aos PCs dos mesários."""
import random
from datetime import date

import pytest

from desktop.services import acesso
from desktop.services import sincronizacao as sx
from desktop.services.eleicao import designacoes, processo, resultado, votacao
from desktop.services.eleicao.comum import simulando_dia
from desktop.services.sessao import ErroNegocio

from ..eleicao.conftest import homologar, inscrever_habilitado, publicar_edital, publicar_inscritos
from .conftest import SENHA_CT, montar_orgao

VOTOS = {11: 50, 12: 40, 13: 30, 14: 20, 15: 10, 16: 9, 17: 8, 18: 7, 19: 6, 20: 5}  # 185
CERTO = dict(comparecimento=200, brancos=10, nulos=5, votos=VOTOS)
ATO = "Resolução 01/2027 da Comissão Especial"


def _preparar(admin):
    cal = processo.calendario_sugerido(admin, 2027)
    proc = publicar_edital(admin, processo.abrir_processo(admin, cal, nota_corte="60"))
    rnd = random.Random(7)
    for n in range(11, 21):
        inscrever_habilitado(admin, proc, n, rnd)
    homologar(admin, publicar_inscritos(admin, proc))
    for numero in (1, 2):
        votacao.cadastrar_secao(admin, proc["id"], numero=numero, local=f"Escola {numero}", aptos=300)
    for login in ("mesa1", "mesa2"):
        acesso.criar_usuario(admin, login=login, nome=login.title(), papel="comissao_eleitoral", senha=SENHA_CT,
                             trocar_senha=False)
        designacoes.designar(admin, proc["id"], login=login, funcao="mesario", ato=ATO)
    designacoes.designar(admin, proc["id"], login="admin", funcao="supervisor", ato=ATO)


@pytest.fixture
def eleicao(tmp_path, escritorio):
    o = montar_orgao(tmp_path / "orgao", escritorio, {"Mesa1": False, "Mesa2": False}, preparar=_preparar)
    yield o
    o.fechar()


def test_noite_da_eleicao_em_tres_maquinas(eleicao, tmp_path):
    comissao = eleicao.entrar("Sede")
    pc1, pc2 = eleicao.entrar("Mesa1", "mesa1"), eleicao.entrar("Mesa2", "mesa2")
    proc = comissao.db.execute("SELECT id, eleicao FROM eleicao_processos").fetchone()
    secoes = dict(comissao.db.execute("SELECT numero, id FROM eleicao_secoes").fetchall())
    pen = tmp_path / "pen"
    with simulando_dia(date.fromisoformat(proc[1])):
        # seção 1: os dois mesários digitam o mesmo boletim; seção 2: divergem em dois candidatos
        assert votacao.digitar(pc1, secoes[1], **CERTO).situacao == votacao.AGUARDANDO
        assert votacao.digitar(pc1, secoes[2], **CERTO).situacao == votacao.AGUARDANDO
        assert votacao.digitar(pc2, secoes[1], **CERTO).situacao == votacao.AGUARDANDO  # não viu a do pc1
        errado = {**CERTO, "votos": {**VOTOS, 11: 40, 12: 50}}
        assert votacao.digitar(pc2, secoes[2], **errado).situacao == votacao.AGUARDANDO
        with pytest.raises(ErroNegocio, match="ato único do órgão"):  # o supervisor decide só na comissão
            votacao.resolver(pc2, secoes[2], **CERTO, justificativa="conferido com o papel",
                             boletim_papel="Boletim impresso da urna")
        # os pacotes chegam ao PC da comissão (o do pc2 primeiro, e o do pc1 duas vezes)
        do_pc1 = sx.exportar(pc1, pen, "Sede")
        assert sx.importar(comissao, sx.exportar(pc2, pen, "Sede"))["boletins_conferidos"] == 0
        assert sx.importar(comissao, do_pc1)["boletins_conferidos"] == 1  # a seção 1 confere e entra
        assert sx.importar(comissao, do_pc1)["aplicadas"] == 0
        a = resultado.apurar(comissao, proc[0])
        assert a.secoes_apuradas == 1 and not a.completa
        div = votacao.divergencias(comissao, secoes[2])
        assert [(d.campo, d.primeira, d.segunda) for d in div["diferencas"]] in (
            [("candidato:11", 50, 40), ("candidato:12", 40, 50)], [("candidato:11", 40, 50), ("candidato:12", 50, 40)])
        votacao.resolver(comissao, secoes[2], **CERTO, justificativa="conferido com o boletim impresso",
                         boletim_papel="Boletim impresso da urna da seção 2")
        a = resultado.apurar(comissao, proc[0])
        assert a.completa and a.totais.votos[11] == 100
        # o resultado volta aos PCs dos mesários: as três máquinas com o mesmo conteúdo
        for nome, s in (("Mesa1", pc1), ("Mesa2", pc2)):
            sx.importar(s, sx.exportar(comissao, pen, nome))
        sx.importar(comissao, sx.exportar(pc1, pen, "Sede"))
        sx.importar(comissao, sx.exportar(pc2, pen, "Sede"))
        for nome, s in (("Mesa1", pc1), ("Mesa2", pc2)):
            sx.importar(s, sx.exportar(comissao, pen, nome))
        assert sx.conferir(comissao) == sx.conferir(pc1) == sx.conferir(pc2)
        assert resultado.apurar(pc1, proc[0]).totais.votos[11] == 100
