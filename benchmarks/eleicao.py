"""Apuração do processo de escolha com 1.000 seções × 30 candidatos: totalizar, classificar e o resultado oficial em PDF.

    .venv/bin/python benchmarks/eleicao.py [--secoes 1000] [--candidatos 30] [--pasta /tmp/x]

Dois caminhos, como na issue 4:
1. só as regras (``rules.eleicao``): boletins gerados em memória, conferidos um a um, totalizados e
   classificados (desempate e parentesco incluídos);
2. pelos serviços, numa base real cifrada: processo de 2027, N candidatos habilitados (pela
   inscrição, análise documental e prova), M seções com os boletins gravados pela dupla digitação de
   dois usuários — cada digitação na sua transação, como a tela de apuração faz (o tempo de uma
   digitação, com o seu commit, é medido); mede-se ``resultado.apurar`` (lê e totaliza os boletins gravados e classifica), a
   emissão registrada do resultado oficial e da ata de apuração (uma linha por seção).
Regras e serviço se alternam par a par (≥ 5 pares); imprime mediana e dispersão e a razão
serviço / regras. Não é teste com tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as time_
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")  # a derivação da senha não é o que se mede aqui
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from comparar import alternar, linha, pasta_de_trabalho, razao  # noqa: E402

from desktop.reports import fontes  # noqa: E402
from desktop.rules.eleicao import apuracao  # noqa: E402
from desktop.rules.eleicao.resultado import Candidato, Parentesco, apurar  # noqa: E402
from desktop.rules.papeis import Papel  # noqa: E402
from desktop.services import acesso  # noqa: E402
from desktop.services.demo import cpf_ficticio  # noqa: E402
from desktop.services.eleicao import auditoria, candidaturas, designacoes, processo, relatorios, resultado, votacao  # noqa: E402
from desktop.services.eleicao.comum import simulando_dia  # noqa: E402
from desktop.services.sessao import Sessao, Usuario  # noqa: E402

REQUISITOS = ("idoneidade", "idade", "residencia", "direitos_politicos", "ensino_medio", "informatica",
              "experiencia")


def _medir(funcao, *args, **kwargs):
    inicio = time.perf_counter()
    r = funcao(*args, **kwargs)
    return time.perf_counter() - inicio, r


def gerar_boletins(rnd: random.Random, secoes: int, numeros: list[int]) -> list[dict]:
    """Boletins com contas certas: votos por candidato, brancos, nulos, comparecimento ≤ aptos."""
    pesos = {n: rnd.uniform(0.3, 3.0) for n in numeros}
    boletins = []
    for s in range(1, secoes + 1):
        votos = {n: int(rnd.random() * 10 * pesos[n]) for n in numeros}
        brancos, nulos = rnd.randint(0, 12), rnd.randint(0, 10)
        comparecimento = sum(votos.values()) + brancos + nulos
        boletins.append(dict(secao=s, aptos=comparecimento + rnd.randint(20, 150),
                             comparecimento=comparecimento, brancos=brancos, nulos=nulos, votos=votos))
    return boletins


def so_regras(boletins: list[dict], numeros: list[int]):
    """O caminho puro: montar e conferir cada boletim, totalizar, classificar."""
    habilitados = set(numeros)
    bs = []
    for b in boletins:
        bol = apuracao.montar(b["secao"], b["aptos"], b["comparecimento"], b["brancos"], b["nulos"], b["votos"])
        apuracao.exigir_certo(bol, habilitados)
        bs.append(bol)
    totais = apuracao.totalizar(bs, numeros)
    cands = [Candidato(n, f"Candidato {n}", totais.votos[n], date(1960 + n % 30, 1 + n % 12, 1 + n % 28))
             for n in numeros]
    return apurar(cands, [Parentesco(numeros[0], numeros[1], "irmãos")], minimo_habilitados=10)


def _usuario(admin: Sessao, login: str) -> Sessao:
    linha = acesso.criar_usuario(admin, login=login, nome=login.capitalize(), papel=Papel.COMISSAO_ELEITORAL,
                                 senha="senha-do-benchmark", trocar_senha=False)
    return Sessao(admin.base, Usuario(linha["id"], login, linha["nome"], Papel.COMISSAO_ELEITORAL), admin.maquina)


def preparar(pasta: Path, numeros: list[int], boletins: list[dict], rnd: random.Random):
    """Base real: processo, candidatos habilitados, seções e as duas digitações de cada boletim."""
    escritorio = acesso.DadosEscritorio(nome="Conselho Municipal dos Direitos da Criança e do Adolescente",
                                        municipio="Itapiranga", uf="AM", cnpj="11.222.333/0001-81")
    sessao, _ = acesso.criar_instalacao(pasta / "paco.db", escritorio, login="admin", nome="Administrador",
                                        senha="senha-do-benchmark")
    cal = processo.calendario_sugerido(sessao, 2027)
    proc = processo.abrir_processo(sessao, cal, nota_corte="60")
    docs = {r: "Documento apresentado" for r in REQUISITOS}
    # cada ato no seu dia, na ordem da lei: o edital abre as inscrições (Lei 320/2023, art. 7º), a lista de inscritos
    # abre a impugnação (art. 11 §2º) e a homologação vem esgotado o prazo dela (art. 11 §6º)
    with simulando_dia(cal.data_edital):
        processo.publicar_edital(sessao, proc["id"], em=cal.data_edital)
    with sessao.base.transacao():
        ids = []
        for n in numeros:
            inscrito_em = cal.inscricao_inicio + timedelta(days=n % 20)
            with simulando_dia(inscrito_em):
                c = candidaturas.inscrever(
                    sessao, proc["id"], nome=f"Candidato {n}", cpf=cpf_ficticio(rnd),
                    nascimento=date(1960 + n % 30, 1 + n % 12, 1 + n % 28), residencia_desde=date(2010, 1, 1),
                    experiencia_meses=36, numero=n, inscrito_em=inscrito_em, documentos=docs)
                for r in REQUISITOS:
                    candidaturas.analisar_requisito(sessao, c["id"], r, deferido=True)
                candidaturas.lancar_nota(sessao, c["id"], "75")
            ids.append(c["id"])
        candidaturas.declarar_parentesco(sessao, ids[0], ids[1], "irmãos")
    with simulando_dia(cal.publicacao_inscritos):
        proc = processo.publicar_inscritos(sessao, proc["id"], em=cal.publicacao_inscritos)
    with simulando_dia(date.fromisoformat(proc["impugnacao_fim"]) + timedelta(days=1)), sessao.base.transacao():
        candidaturas.homologar(sessao, proc["id"])
        secoes = [votacao.cadastrar_secao(sessao, proc["id"], numero=b["secao"], local=f"Local {b['secao'] % 40 + 1}",
                                          aptos=b["aptos"]) for b in boletins]
    m1, m2 = _usuario(sessao, "mesario1"), _usuario(sessao, "mesario2")
    for mesario in (m1, m2):  # só quem a comissão designou digita boletins (Lei 320/2023, art. 7º §1º d)
        designacoes.designar(sessao, proc["id"], login=mesario.usuario.login, funcao="mesario",
                             ato="Resolução CMDCA 1/2027 (benchmark)")
    designacoes.designar(sessao, proc["id"], login="admin", funcao="supervisor", ato="Resolução CMDCA 1/2027 (benchmark)")
    por_digitacao = []
    with simulando_dia(date.fromisoformat(proc["eleicao"])):  # boletins só no dia da eleição (Lei 320/2023, art. 9º)
        for s, b in zip(secoes, boletins):  # como a tela de apuração: cada digitação é uma transação (um commit)
            dados = {k: b[k] for k in ("comparecimento", "brancos", "nulos", "votos")}
            for mesario in (m1, m2):
                inicio = time.perf_counter()
                votacao.digitar(mesario, s["id"], **dados)
                por_digitacao.append(time.perf_counter() - inicio)
        # ~3% dos boletins sorteados passam dos limites de plausibilidade (rules/eleicao/auditoria) e vão à fila: o
        # supervisor os libera, como na apuração real — sem isso só os aceitos contariam e o resultado não se publica.
        fila = auditoria.fila(sessao, proc["id"], pendentes=True)
        for item in fila:
            auditoria.liberar(sessao, item["id"], motivo="Conferido com o boletim de papel (benchmark)")
    print(f"{len(fila)} de {len(boletins)} boletins foram à fila de auditoria e o supervisor os liberou")
    return sessao, proc, por_digitacao


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--secoes", type=int, default=1000)
    argumentos.add_argument("--candidatos", type=int, default=30)
    argumentos.add_argument("--pares", type=int, default=5)
    argumentos.add_argument("--pasta", type=Path, default=None, help="onde criar a base (padrão: temporária)")
    opcoes = argumentos.parse_args()
    rnd = random.Random(2027)
    numeros = list(range(10, 10 + opcoes.candidatos))
    boletins = gerar_boletins(rnd, opcoes.secoes, numeros)
    with pasta_de_trabalho("paco-eleicao-", opcoes.pasta) as pasta:
        t_preparo, (sessao, proc, digitacoes) = _medir(preparar, pasta, numeros, boletins, rnd)
        try:
            fontes.registrar()
            resultados = {}

            def regras():
                t, resultados["regras"] = _medir(so_regras, boletins, numeros)
                return t

            def servico():
                t, resultados["servico"] = _medir(resultado.apurar, sessao, proc["id"])
                return t

            t_servico, t_regras = alternar(servico, regras, opcoes.pares)
            pdfs, atas = [], []
            dia = date.fromisoformat(proc["eleicao"])
            with simulando_dia(dia):  # a sessão pública de apuração (para a ata) e o resultado publicado no dia
                resultado.registrar_sessao_apuracao(
                    sessao, proc["id"], inicio=datetime.combine(dia, time_(17, 30)),
                    fim=datetime.combine(dia, time_(23, 10)), local="Câmara Municipal",
                    membros=["Presidente da comissão especial", "Secretária da comissão especial"])
                resultado.publicar_resultado(sessao, proc["id"])
            for _ in range(opcoes.pares):
                t_pdf, emitido = _medir(relatorios.emitir_resultado, sessao, proc["id"])
                t_ata, ata = _medir(relatorios.emitir_ata, sessao, proc["id"])
                pdfs.append(t_pdf)
                atas.append(t_ata)
        finally:
            sessao.fechar()
    a, r_regras = resultados["servico"], resultados["regras"]
    assert [c.numero for c in a.resultado.colocados] == [c.numero for c in r_regras.colocados]
    print(f"seções: {opcoes.secoes}  candidatos: {opcoes.candidatos}  votos válidos: {a.totais.validos:,}".replace(",", "."))
    print(f"base: preparo total {t_preparo:.1f} s; dupla digitação como na tela (um commit por digitação):")
    print(linha(f"uma digitação ({len(digitacoes)} no total)", digitacoes))
    print(f"Apuração, {opcoes.pares} pares alternados:")
    print(linha("regras: conferir + totalizar + classificar", t_regras))
    print(linha("serviço: ler boletins gravados + apurar", t_servico))
    print(linha(f"resultado oficial em PDF ({emitido.paginas} pág.)", pdfs))
    print(linha(f"ata de apuração em PDF ({ata.paginas} pág.)", atas))
    print("mesma classificação pelas regras e pelo serviço: sim")
    print(razao("serviço (ler + apurar)", t_servico, "só as regras", t_regras))


if __name__ == "__main__":
    main()
