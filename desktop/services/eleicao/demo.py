"""Dados de demonstração da eleição: o processo de 2023 inteiro (11 candidatos, 1 indeferido, 1 impugnação, 20 seções
apuradas por dupla digitação, resultado e posse dos eleitos, que são os conselheiros da demonstração do Conselho) e o
de 2027 com 14 candidatos, 2 indeferidos, 1 impugnação,
25 seções apuradas por dupla digitação (uma divergência resolvida pelo supervisor), um empate e um par
de parentes entre os mais votados. A base de demonstração leva só o que o calendário já permite na data em
que é criada (``ate``): em 12/2026, o processo aberto com o calendário.

Chamado por ``desktop.services.demo`` com a sessão do administrador. Cria os usuários de digitação
``mesario1`` e ``mesario2`` (papel comissão eleitoral; senha da demonstração). Nomes e CPFs fictícios.
Os dados (candidatos, votos, locais, textos) estão em ``resources/demo/eleicao.toml``; aqui ficam só
os passos.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from desktop.rules.papeis import Papel, Permissao

from .. import acesso
from ..demo_comum import dados_demo
from ..sessao import Sessao, Usuario
from . import auditoria, candidaturas, designacoes, impugnacoes, processo, resultado, votacao
from .comum import simulando_dia

_D = dados_demo("eleicao")
_D2023 = _D["p2023"]  # o processo de 2023, na mesma forma


def _usuario(sessao: Sessao, login: str, nome: str) -> Sessao:
    """A sessão do mesário ``login``, criado na primeira vez (os dois processos usam os mesmos)."""
    from desktop.services.demo_comum import SENHA_DEMO
    from desktop.store import usuarios as armazem_usuarios

    linha = armazem_usuarios.por_login(sessao.db, login) or acesso.criar_usuario(
        sessao, login=login, nome=nome, papel=Papel.COMISSAO_ELEITORAL, senha=SENHA_DEMO, trocar_senha=False)
    return Sessao(sessao.base, Usuario(linha["id"], login, nome, Papel.COMISSAO_ELEITORAL), sessao.maquina)


def _repartir(rnd: random.Random, total: int, partes: int) -> list[int]:
    pesos = [rnd.uniform(0.6, 1.4) for _ in range(partes)]
    brutos = [total * p / sum(pesos) for p in pesos]
    valores = [int(b) for b in brutos]
    for i in sorted(range(partes), key=lambda i: brutos[i] - valores[i], reverse=True)[: total - sum(valores)]:
        valores[i] += 1
    return valores


def _sortear(rnd: random.Random, dados: dict) -> tuple:
    """CPFs, votos de cada candidato por seção e brancos, nulos e aptos de cada seção, nesta ordem."""
    from desktop.services.demo_comum import cpf_ficticio

    cpfs = [cpf_ficticio(rnd) for _ in dados["candidatos"]]
    quantas = dados["secoes"]["quantas"]
    por_candidato = {int(i): _repartir(rnd, total, quantas) for i, total in dados["votos"].items()}
    sorteio_secoes = []
    for _ in range(quantas):
        brancos, nulos = rnd.randint(3, 15), rnd.randint(2, 12)
        sorteio_secoes.append((brancos, nulos, rnd.randint(40, 160)))
    return cpfs, por_candidato, sorteio_secoes


def criar_demo_eleicao(sessao: Sessao, rnd: random.Random, *, ate: date | None = None) -> dict:
    """Cria o processo de 2027; devolve o processo. Sem ``ate``, inteiro, até a passagem dos eleitos (os testes
    percorrem o calendário com ``simulando_dia``). Com ``ate`` (a base de demonstração passa a data de hoje), só
    o que o calendário já permite nessa data: em 12/2026 o processo está aberto com o calendário e nada mais (fase
    "preparacao": o edital sai até 03/04/2027 (Lei 320/2023, art. 7º), e só com ele registrado há inscrições), a eleição é em 03/10/2027 (art. 5º I) e a posse em
    10/01/2028 (art. 5º IV); antes, a demonstração mostrava em 2026 a eleição de 2027 encerrada.

    Os sorteios (CPFs, votos, brancos e nulos, aptos) são feitos antes, na mesma ordem de sempre: parar mais cedo
    não muda o que as demonstrações dos outros módulos sorteiam depois."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    return _processo(sessao, _D, 2027, _sortear(rnd, _D), ate=ate)


def criar_demo_eleicao_2023(sessao: Sessao, rnd: random.Random) -> dict:
    """Cria o processo de 2023 inteiro, cada ato no seu dia: edital, inscrições, lista de inscritos, impugnação
    julgada em duas instâncias, homologação, seções, apuração com dupla digitação (uma divergência resolvida pelo
    supervisor), resultado, eleitos e a posse de 10/01/2024 (Lei 320/2023, arts. 5º I e IV, 7º, 11, 14), que cria
    no Conselho os mandatos de 2024-2028. Sorteia com um gerador próprio, derivado do estado de ``rnd`` sem
    consumi-lo: o que as demonstrações seguintes sorteiam não muda. Devolve o processo.

    Ficção da demonstração: a Lei 320/2023 foi sancionada em 28/04/2023, e o edital de 2023, seis meses antes do
    pleito (art. 7º), sairia antes dela; aqui o processo de 2023 corre inteiro pelas regras da lei (o parâmetro
    ``eleicao_regras`` vigente na data da eleição, como o serviço as lê)."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    proprio = random.Random("eleicao-2023:" + repr(rnd.getstate()[1][:8]))
    pid = _processo(sessao, _D2023, 2023, _sortear(proprio, _D2023), ate=None)["id"]
    cal = processo.calendario(sessao, pid)
    with simulando_dia(cal.posse):
        resultado.encerrar_e_dar_posse(sessao, pid)
    return processo.obter_processo(sessao, pid)


def _processo(sessao: Sessao, dados: dict, ano: int, sorteios: tuple, *, ate: date | None) -> dict:
    """Os passos de um processo de escolha com os ``dados`` de demonstração, até ``ate`` (ou inteiro, até a
    passagem dos eleitos), cada ato registrado no seu dia (``simulando_dia``)."""
    cpfs, por_candidato, sorteio_secoes = sorteios
    nomes, locais = dados["candidatos"], dados["secoes"]["locais"]
    secoes, ap, div = dados["secoes"], dados["apuracao"], dados["divergencia"]
    cal = processo.calendario_sugerido(sessao, ano)
    proc = processo.abrir_processo(sessao, cal, nota_corte=dados["nota_corte"],
                                   criterio_desempate=dados["criterio_desempate"])
    pid = proc["id"]

    def chegou(dia: date) -> bool:
        return ate is None or dia <= ate

    if not chegou(cal.data_edital):  # o edital ainda vai sair: o processo fica em preparação (art. 7º)
        return processo.obter_processo(sessao, pid)
    with simulando_dia(cal.data_edital):  # o ato é registrado no dia em que sai, nunca antes
        processo.publicar_edital(sessao, pid, em=cal.data_edital)
    nascimentos = {int(i): d for i, d in dados["nascimentos"].items()}
    ids = []
    for i, nome in enumerate(nomes):
        inscrito_em = cal.inscricao_inicio + timedelta(days=i)
        if not chegou(inscrito_em):
            break
        with simulando_dia(inscrito_em):  # o pedido é registrado no dia em que é feito
            c = candidaturas.inscrever(
                sessao, pid, nome=nome, cpf=cpfs[i],
                nascimento=nascimentos.get(i, date(1965 + (i * 3) % 30, 1 + i % 12, 5 + i)),
                residencia_desde=date(2010 + i % 8, 3, 1), experiencia_meses=24 + 6 * i, numero=101 + i,
                inscrito_em=inscrito_em, documentos=dict(dados["documentos"]))
        ids.append(c["id"])
    im = dados["impugnacao"]
    if not chegou(cal.publicacao_inscritos):
        return processo.obter_processo(sessao, pid)
    with simulando_dia(cal.publicacao_inscritos):  # a lista abre o prazo de impugnação (art. 11 §2º)
        processo.publicar_inscritos(sessao, pid, em=cal.publicacao_inscritos)
    if not chegou(max(cal.inscricao_fim, cal.impugnacao_fim + timedelta(days=12))):  # o recurso julgado (abaixo)
        return processo.obter_processo(sessao, pid)
    indef = dados["indeferimento"]
    jovem = indef.get("por_idade")
    for i, cid in enumerate(ids):
        if i == jovem:  # indeferido pela idade: nem se analisam os outros requisitos
            continue
        for req in (r for r in dados["documentos"] if r != indef["requisito"]):
            candidaturas.analisar_requisito(sessao, cid, req, deferido=True)
        if i == indef["candidato"]:
            candidaturas.analisar_requisito(sessao, cid, indef["requisito"], deferido=False, motivo=indef["motivo"])
        else:
            candidaturas.analisar_requisito(sessao, cid, indef["requisito"], deferido=True)
    with simulando_dia(cal.publicacao_inscritos + timedelta(days=2)):
        imp = impugnacoes.apresentar(
            sessao, ids[im["candidato"]], tipo="impugnacao", autor=im["autor"], fundamento=im["fundamento"],
            apresentada_em=cal.publicacao_inscritos + timedelta(days=2),
            prazo_defesa=cal.impugnacao_fim + timedelta(days=5))
    # defesa, decisão e recurso registrados no dia de cada um (art. 11 §§3º a 5º)
    for dias, passo in ((3, lambda em: impugnacoes.defender(sessao, imp["id"], defesa=im["defesa"], em=em)),
                        (7, lambda em: impugnacoes.decidir(sessao, imp["id"], procedente=False, em=em,
                                                           motivo=im["decisao"])),
                        (9, lambda em: impugnacoes.recorrer(sessao, imp["id"], razoes=im["razoes_recurso"], em=em)),
                        (12, lambda em: impugnacoes.julgar_recurso(sessao, imp["id"], provido=False, em=em,
                                                                   motivo=im["decisao_recurso"]))):
        with simulando_dia(cal.impugnacao_fim + timedelta(days=dias)):
            passo(cal.impugnacao_fim + timedelta(days=dias))
    if not chegou(cal.prova):
        return processo.obter_processo(sessao, pid)
    for i, cid in enumerate(ids):
        if i not in (indef["candidato"], jovem):
            candidaturas.lancar_nota(sessao, cid, f"{62 + (i * 7) % 35}.5")
    if not chegou(cal.publicacao_habilitados):
        return processo.obter_processo(sessao, pid)
    if par := dados.get("parentesco"):
        candidaturas.declarar_parentesco(sessao, ids[par["candidatos"][0]], ids[par["candidatos"][1]], par["grau"])
    with simulando_dia(cal.publicacao_habilitados):  # esgotada a fase de impugnação e recursos (art. 11 §6º)
        candidaturas.homologar(sessao, pid)

    boletins = []
    for k in range(secoes["quantas"]):
        votos = {101 + i: por_candidato[i][k] for i in por_candidato}
        brancos, nulos, sobra = sorteio_secoes[k]
        comparecimento = sum(votos.values()) + brancos + nulos
        s = votacao.cadastrar_secao(sessao, pid, numero=k + 1, local=locais[k % len(locais)],
                                    aptos=comparecimento + sobra,
                                    tipo="manual" if k >= secoes["manuais_a_partir_de"] else "urna")
        boletins.append((s, dict(comparecimento=comparecimento, brancos=brancos, nulos=nulos, votos=votos)))
    m1, m2 = (_usuario(sessao, login, nome) for login, nome in ap["mesarios"])
    for login, _nome in ap["mesarios"]:
        designacoes.designar(sessao, pid, login=login, funcao="mesario", ato=ap["ato"])
    designacoes.designar(sessao, pid, login=sessao.usuario.login, funcao="supervisor", ato=ap["ato"])
    if not chegou(cal.eleicao):
        return processo.obter_processo(sessao, pid)
    with simulando_dia(cal.eleicao):  # os testes percorrem o dia da eleição (sem ``ate``)
        resultado.registrar_sessao_apuracao(
            sessao, pid, inicio=datetime.combine(cal.eleicao, ap["inicio"]),
            fim=datetime.combine(cal.eleicao, ap["fim"]), local=ap["local"], membros=list(ap["membros"]))
        for k, (s, boletim) in enumerate(boletins):
            votacao.digitar(m1, s["id"], **boletim)
            if k == div["secao"]:  # a segunda digitação erra votos entre dois candidatos: vai ao supervisor
                errado = dict(boletim["votos"])
                errado[div["para"]] += div["votos"]
                errado[div["de"]] -= div["votos"]
                votacao.digitar(m2, s["id"], **{**boletim, "votos": errado})
                votacao.resolver(sessao, s["id"], **boletim, justificativa=div["justificativa"],
                                 boletim_papel=div["boletim_papel"])
            else:
                votacao.digitar(m2, s["id"], **boletim)
        for item in auditoria.fila(sessao, pid, pendentes=True):
            auditoria.liberar(sessao, item["id"], motivo=dados["auditoria"]["motivo"])
        publicado = resultado.publicar_resultado(sessao, pid)
    eleitos_em = date.fromisoformat(publicado["contestacao_fim"]) + timedelta(days=1)
    if not chegou(eleitos_em):
        return processo.obter_processo(sessao, pid)
    with simulando_dia(eleitos_em):
        resultado.registrar_eleitos(sessao, pid)
    return processo.obter_processo(sessao, pid)
