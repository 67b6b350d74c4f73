"""Fixtures da eleição: processo de 2027 aberto, usuários da comissão para a dupla digitação."""
import random
from datetime import date, timedelta

import pytest

from desktop.rules.papeis import Papel
from desktop.services import acesso
from desktop.services.demo import cpf_ficticio
from desktop.services.eleicao import candidaturas, designacoes, processo
from desktop.services.eleicao.comum import simulando_dia
from desktop.services.sessao import Sessao, Usuario

DOCS = {"idoneidade": "Atestados PF e PC", "idade": "RG", "residencia": "Conta de luz",
        "direitos_politicos": "Certidão TRE", "ensino_medio": "Certificado", "informatica": "Certificado",
        "experiencia": "Declaração com CNPJ"}


def sessao_de(admin, login: str, papel=Papel.COMISSAO_ELEITORAL) -> Sessao:
    linha = acesso.criar_usuario(admin, login=login, nome=login.capitalize(), papel=papel,
                                 senha="senha-123456", trocar_senha=False)
    return Sessao(admin.base, Usuario(linha["id"], login, linha["nome"], papel), admin.maquina)


@pytest.fixture
def proc_aberto(sessao_admin):
    """O processo de 2027 recém-aberto com o calendário: edital ainda não publicado (fase "preparacao")."""
    cal = processo.calendario_sugerido(sessao_admin, 2027)
    return processo.abrir_processo(sessao_admin, cal, nota_corte="60")


def publicar_edital(sessao, p: dict) -> dict:
    """O CMDCA publica o edital no dia previsto no calendário (Lei 320/2023, art. 7º); o ato é registrado nesse dia."""
    dia = date.fromisoformat(p["data_edital"])
    with simulando_dia(dia):
        return processo.publicar_edital(sessao, p["id"], em=dia)


def publicar_inscritos(sessao, p: dict) -> dict:
    """A comissão publica a lista de inscritos no dia previsto (Lei 320/2023, art. 11 §2º): abre a impugnação."""
    dia = date.fromisoformat(p["publicacao_inscritos"])
    with simulando_dia(dia):
        return processo.publicar_inscritos(sessao, p["id"], em=dia)


def homologar(sessao, p: dict, **extra) -> list[dict]:
    """A comissão homologa a lista de habilitados no dia seguinte ao fim do prazo de impugnação (art. 11 §§2º e 6º)."""
    with simulando_dia(date.fromisoformat(p["impugnacao_fim"]) + timedelta(days=1)):
        return candidaturas.homologar(sessao, p["id"], **extra)


@pytest.fixture
def proc(sessao_admin):
    """O processo de 2027 com o edital publicado: as inscrições estão abertas (Lei 320/2023, art. 7º)."""
    cal = processo.calendario_sugerido(sessao_admin, 2027)
    return publicar_edital(sessao_admin, processo.abrir_processo(sessao_admin, cal, nota_corte="60"))


def inscrever_habilitado(sessao, proc, numero, rnd, *, votos_nasc=None, nota="70", **extra):
    inicio = date.fromisoformat(proc["inscricao_inicio"])
    dados = dict(nome=f"Candidato {numero}", cpf=cpf_ficticio(rnd), nascimento=votos_nasc or date(1980, 1, numero % 28 + 1),
                 residencia_desde=date(2015, 1, 1), experiencia_meses=36, numero=numero,
                 inscrito_em=inicio, documentos=DOCS)
    dados.update(extra)
    with simulando_dia(dados["inscrito_em"]):  # a inscrição é registrada no dia do pedido
        c = candidaturas.inscrever(sessao, proc["id"], **dados)
    for req in DOCS:
        c = candidaturas.analisar_requisito(sessao, c["id"], req, deferido=True)
    return candidaturas.lancar_nota(sessao, c["id"], nota)


@pytest.fixture
def homologado(sessao_admin, proc):
    rnd = random.Random(7)
    cands = [inscrever_habilitado(sessao_admin, proc, n, rnd) for n in range(11, 21)]
    homologar(sessao_admin, publicar_inscritos(sessao_admin, proc))
    return proc, cands


def designar(admin, proc_id, sessao, *funcoes):
    """A comissão designa o usuário da ``sessao`` para as funções da apuração (mesario, supervisor)."""
    for f in funcoes:
        designacoes.designar(admin, proc_id, login=sessao.usuario.login, funcao=f,
                             ato="Resolução 01/2027 da Comissão Especial")
    return sessao


@pytest.fixture
def dia_eleicao(proc):
    """O teste corre no dia da eleição de 2027 (boletins só a partir dele, art. 5º I)."""
    with simulando_dia(date.fromisoformat(proc["eleicao"])):
        yield date.fromisoformat(proc["eleicao"])
