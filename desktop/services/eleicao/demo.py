"""Dados de demonstração da eleição: o processo de 2027 com 14 candidatos, 2 indeferidos, 1 impugnação,
25 seções apuradas por dupla digitação (uma divergência resolvida pelo supervisor), um empate e um par
de parentes entre os mais votados.

Chamado por ``desktop.services.demo`` com a sessão do administrador. Cria os usuários de digitação
``mesario1`` e ``mesario2`` (papel comissão eleitoral; senha da demonstração). Nomes e CPFs fictícios.
"""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from desktop.rules.papeis import Papel, Permissao

from .. import acesso
from ..sessao import Sessao, Usuario
from . import auditoria, candidaturas, designacoes, impugnacoes, processo, resultado, votacao
from .comum import simulando_dia

_NOMES = ["Francisca Nogueira Lins", "Raimundo Batista Cunha", "Eliane Souza Prado", "Manoel Ferreira Dias",
          "Socorro Alves Maciel", "Benedito Rocha Lima", "Conceição Pires Melo", "Antônio Castro Paiva",
          "Rosilene Farias Neto", "Sebastião Moura Reis", "Luzia Carvalho Brandão", "Jorge Amazonas Queiroz",
          "Kelly Cristina Batista Cunha", "Diego Sales Monteiro"]
# votos totais de cada habilitado (índice do candidato -> votos): 4 e 5 empatam em 5º lugar;
# 1 e 12 são irmãos declarados e ambos estão entre os cinco mais votados (art. 15).
_VOTOS = {0: 812, 1: 745, 2: 690, 12: 655, 4: 601, 5: 601, 6: 540, 7: 488, 8: 430, 9: 377, 10: 296, 11: 251}
_LOCAIS = ["E. E. Dom Paulo McHugh", "E. M. São Sebastião", "E. M. Tancredo Neves", "Comunidade Lago do Mirim",
           "Comunidade Vila Nova do Uatumã"]


def _usuario(sessao: Sessao, login: str, nome: str) -> Sessao:
    from desktop.services.demo_comum import SENHA_DEMO

    linha = acesso.criar_usuario(sessao, login=login, nome=nome, papel=Papel.COMISSAO_ELEITORAL,
                                 senha=SENHA_DEMO, trocar_senha=False)
    return Sessao(sessao.base, Usuario(linha["id"], login, nome, Papel.COMISSAO_ELEITORAL), sessao.maquina)


def _repartir(rnd: random.Random, total: int, partes: int) -> list[int]:
    pesos = [rnd.uniform(0.6, 1.4) for _ in range(partes)]
    brutos = [total * p / sum(pesos) for p in pesos]
    valores = [int(b) for b in brutos]
    for i in sorted(range(partes), key=lambda i: brutos[i] - valores[i], reverse=True)[: total - sum(valores)]:
        valores[i] += 1
    return valores


def criar_demo_eleicao(sessao: Sessao, rnd: random.Random) -> dict:
    """Cria o processo de 2027 inteiro, até a passagem dos eleitos; devolve o processo."""
    sessao.exigir(Permissao.ELEICAO_EDITAR)
    from desktop.services.demo_comum import cpf_ficticio

    cal = processo.calendario_sugerido(sessao, 2027)
    proc = processo.abrir_processo(sessao, cal, nota_corte="60", criterio_desempate="idade")
    pid = proc["id"]
    ids = []
    for i, nome in enumerate(_NOMES):
        nascimento = date(1965 + (i * 3) % 30, 1 + i % 12, 5 + i)
        if i == 4:
            nascimento = date(1970, 3, 8)   # empate com o 5: o mais velho fica à frente
        if i == 5:
            nascimento = date(1984, 9, 21)
        if i == 13:
            nascimento = date(2007, 2, 1)   # menos de 21 anos na inscrição: indeferido (art. 12 §2º II)
        c = candidaturas.inscrever(
            sessao, pid, nome=nome, cpf=cpf_ficticio(rnd), nascimento=nascimento,
            residencia_desde=date(2010 + i % 8, 3, 1), experiencia_meses=24 + 6 * i, numero=101 + i,
            inscrito_em=cal.inscricao_inicio + timedelta(days=i),
            documentos={"idoneidade": "Atestados da Polícia Federal e da Polícia Civil do AM",
                        "idade": "RG original", "residencia": "Conta de energia de 2024 e de 2027",
                        "direitos_politicos": "Certidão de quitação eleitoral (TRE-AM)",
                        "ensino_medio": "Certificado e histórico escolar", "informatica": "Certificado de 40 h",
                        "experiencia": "Declaração do CMDCA com CNPJ"})
        ids.append(c["id"])
    for i, cid in enumerate(ids):
        if i == 13:
            continue
        for req in ("idoneidade", "idade", "residencia", "direitos_politicos", "informatica", "experiencia"):
            candidaturas.analisar_requisito(sessao, cid, req, deferido=True)
        if i == 3:
            candidaturas.analisar_requisito(
                sessao, cid, "ensino_medio", deferido=False,
                motivo="Apresentou só declaração de matrícula no 3º ano, sem certificado de conclusão "
                       "(Lei 320/2023, art. 12 §6º)")
        else:
            candidaturas.analisar_requisito(sessao, cid, "ensino_medio", deferido=True)
    imp = impugnacoes.apresentar(
        sessao, ids[6], tipo="impugnacao", autor="Associação de Moradores do Bairro Centro",
        fundamento="Alega que a declaração de experiência não especifica as atividades (art. 12 §8º).",
        apresentada_em=cal.publicacao_inscritos + timedelta(days=2),
        prazo_defesa=cal.impugnacao_fim + timedelta(days=5))
    impugnacoes.defender(sessao, imp["id"], defesa="Junta declaração complementar com as atividades e o CNPJ.",
                         em=cal.impugnacao_fim + timedelta(days=3))
    impugnacoes.decidir(sessao, imp["id"], procedente=False, em=cal.impugnacao_fim + timedelta(days=7),
                        motivo="A declaração complementar atende ao art. 12 §8º.")
    impugnacoes.recorrer(sessao, imp["id"], razoes="O impugnante insiste na insuficiência da prova.",
                         em=cal.impugnacao_fim + timedelta(days=9))
    impugnacoes.julgar_recurso(sessao, imp["id"], provido=False, em=cal.impugnacao_fim + timedelta(days=12),
                               motivo="Plenária do CMDCA mantém a decisão da comissão especial.")
    for i, cid in enumerate(ids):
        if i not in (3, 13):
            candidaturas.lancar_nota(sessao, cid, f"{62 + (i * 7) % 35}.5")
    candidaturas.declarar_parentesco(sessao, ids[1], ids[12], "irmãos (colateral, 2º grau)")
    candidaturas.homologar(sessao, pid)

    por_candidato = {i: _repartir(rnd, total, 25) for i, total in _VOTOS.items()}
    boletins = []
    for k in range(25):
        votos = {101 + i: por_candidato[i][k] for i in _VOTOS}
        brancos, nulos = rnd.randint(3, 15), rnd.randint(2, 12)
        comparecimento = sum(votos.values()) + brancos + nulos
        s = votacao.cadastrar_secao(sessao, pid, numero=k + 1, local=_LOCAIS[k % len(_LOCAIS)],
                                    aptos=comparecimento + rnd.randint(40, 160),
                                    tipo="manual" if k >= 22 else "urna")
        boletins.append((s, dict(comparecimento=comparecimento, brancos=brancos, nulos=nulos, votos=votos)))
    m1 = _usuario(sessao, "mesario1", "Paula Regina Tavares")
    m2 = _usuario(sessao, "mesario2", "Otávio Lins Cordeiro")
    ato = "Resolução 03/2027 da Comissão Especial (designação da apuração)"
    designacoes.designar(sessao, pid, login="mesario1", funcao="mesario", ato=ato)
    designacoes.designar(sessao, pid, login="mesario2", funcao="mesario", ato=ato)
    designacoes.designar(sessao, pid, login=sessao.usuario.login, funcao="supervisor", ato=ato)
    with simulando_dia(cal.eleicao):  # a demonstração percorre o dia da eleição de 2027
        resultado.registrar_sessao_apuracao(
            sessao, pid, inicio=datetime.combine(cal.eleicao, time(17, 30)),
            fim=datetime.combine(cal.eleicao, time(23, 40)), local="Escola Municipal São José, Centro",
            membros=["Maria do Socorro Lima — presidente da Comissão Especial",
                     "João Batista Freitas — membro da Comissão Especial",
                     "Ana Cláudia Moura — membro da Comissão Especial",
                     "Dr. Paulo Henrique Sales — Promotor de Justiça (fiscalização, art. 7º §3º)"])
        for k, (s, dados) in enumerate(boletins):
            votacao.digitar(m1, s["id"], **dados)
            if k == 7:  # segunda digitação passa 5 votos de 102 para 101 (erro de digitação): vai ao supervisor
                errado = dict(dados["votos"])
                errado[101], errado[102] = errado[101] + 5, errado[102] - 5
                votacao.digitar(m2, s["id"], **{**dados, "votos": errado})
                votacao.resolver(sessao, s["id"], **dados,
                                 justificativa="Conferido com o boletim impresso da urna da seção.",
                                 boletim_papel="Boletim impresso da urna da seção 8, via da comissão")
            else:
                votacao.digitar(m2, s["id"], **dados)
        for item in auditoria.fila(sessao, pid, pendentes=True):
            auditoria.liberar(sessao, item["id"], motivo="Conferido com o boletim de papel e a lista de "
                                                         "votação assinada da seção.")
        publicado = resultado.publicar_resultado(sessao, pid)
    with simulando_dia(date.fromisoformat(publicado["contestacao_fim"]) + timedelta(days=1)):
        resultado.registrar_eleitos(sessao, pid)
    return processo.obter_processo(sessao, pid)
