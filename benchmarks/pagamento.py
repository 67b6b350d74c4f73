"""Pagamento da folha do Magistério com 3.000 servidores: descontos, cálculo, fechamento, PDF, CNAB 240 e eSocial.

    .venv/bin/python benchmarks/pagamento.py [--servidores 3000] [--repeticoes 5] [--pasta /tmp/x]

Meta da issue 13: 3.000 servidores, 20 % com consignação e 5 % com pensão alimentícia — calcular, fechar,
lote de contracheques em PDF, CNAB e eSocial do mês em menos de 30 s ao todo (o cadastro não conta).

Cria a instalação e os servidores como ``benchmarks/folha_magisterio.py``, fecha a competência, grava
conta bancária e PIS de todos numa transação e mede, pelos serviços: a conferência de quem recebe, a
geração do arquivo CNAB 240 (Banco do Brasil, com TED para as contas da Caixa) e a dos eventos do
eSocial (S-1010, S-1202, S-1210, S-1299) validados nos XSD oficiais — sem assinatura e assinados com um
certificado A1 criado na hora. Os XSD vêm de ``PACO_ESOCIAL_XSD`` (resources/esocial/xsd/README.md).
Cada etapa da meta roda ``--repeticoes`` vezes (≥ 5) sobre a mesma competência, reaberta entre as rodadas
(a reabertura não conta); imprime mediana e dispersão de cada etapa e do total da rodada e a linha de
resumo com a razão total / meta. Não é teste com tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")
# os XSD oficiais vão em resources/esocial/xsd (PACO_ESOCIAL_XSD ainda aponta outra pasta)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from comparar import contra_meta, linha, pasta_de_trabalho  # noqa: E402
from folha_magisterio import preparar  # noqa: E402

from desktop.rules.pagamento.banco import dv_modulo11_bb  # noqa: E402
from desktop.rules.papeis import Permissao  # noqa: E402
from desktop.services.magisterio import documentos, folha  # noqa: E402
from desktop.store import linhas as armazem_linhas  # noqa: E402
from desktop.store.magisterio import descontos as armazem_descontos  # noqa: E402
from desktop.services.pagamento import dados, esocial, remessa  # noqa: E402
from desktop.services.sessao import ErroNegocio  # noqa: E402

COMPETENCIA = date(2026, 10, 1)
ETAPAS = ("previa", "fechar", "pdf", "conferir", "cnab", "esocial")


def _medir(funcao, *args, **kwargs):
    inicio = time.perf_counter()
    resultado = funcao(*args, **kwargs)
    return time.perf_counter() - inicio, resultado


def contas(sessao) -> int:
    from validate_docbr import PIS

    pis = PIS()
    pessoas = [r["pessoa_id"] for r in sessao.db.query("SELECT pessoa_id FROM magisterio_servidores ORDER BY matricula")]
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        for n, p in enumerate(pessoas):
            if n % 4 == 3:
                dados.gravar_em(m, p, {"banco": "104", "agencia": "2345", "conta": f"013{n:08d}", "conta_dv": "1",
                                       "tipo_conta": "poupanca", "pis": pis.generate()})
            else:
                c = f"{200000 + n}"
                dados.gravar_em(m, p, {"banco": "001", "agencia": "1234", "agencia_dv": "3", "conta": c,
                                       "conta_dv": dv_modulo11_bb(c.zfill(8)), "tipo_conta": "corrente",
                                       "pis": pis.generate()})
    return len(pessoas)


def descontos(sessao) -> tuple[int, int]:
    """20 % dos servidores com uma consignação e 5 % com pensão alimentícia (15 % do líquido, com a conta do
    beneficiário, que recebe crédito próprio no CNAB), numa transação."""
    ids = [r["id"] for r in sessao.db.query("SELECT id FROM magisterio_servidores ORDER BY matricula")]
    comp = f"{COMPETENCIA:%Y-%m}"
    n_c = n_p = 0
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        for n, sid in enumerate(ids):
            if n % 5 == 0:
                _lancar(m.db, {"servidor_id": sid, "tipo": "consignacao", "descricao": "Banco Popular",
                               "forma": "fixo", "quantidade": "150.00", "prioridade": 1,
                               "documento": f"CT-{n}", "inicio": comp})
                n_c += 1
            if n % 20 == 1:
                _lancar(m.db, {"servidor_id": sid, "tipo": "pensao", "descricao": "Beneficiário",
                               "forma": "liquido", "quantidade": "15", "documento": f"Proc. {n}",
                               "beneficiario_cpf": "52998224725", "inicio": comp, "banco": "001",
                               "agencia": "1234", "agencia_dv": "3", "conta": f"{900000 + n}",
                               "conta_dv": dv_modulo11_bb(f"{900000 + n}".zfill(8)),
                               "tipo_conta": "corrente"})
                n_p += 1
    return n_c, n_p



def _lancar(db, valores: dict) -> None:
    """Um lançamento direto na tabela (carga do benchmark, sem diário)."""
    armazem_linhas.inserir(db, *armazem_descontos.linha_nova(valores, "benchmark"))

def certificado() -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    chave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nome = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "BENCHMARK")])
    agora = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(nome).issuer_name(nome).public_key(chave.public_key())
            .serial_number(1).not_valid_before(agora - timedelta(days=1)).not_valid_after(agora + timedelta(days=9))
            .sign(chave, hashes.SHA256()))
    return pkcs12.serialize_key_and_certificates(b"b", chave, cert, None, serialization.BestAvailableEncryption(b"s"))


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--servidores", type=int, default=3000)
    argumentos.add_argument("--repeticoes", type=int, default=5, help="rodadas da competência (≥ 5)")
    argumentos.add_argument("--pasta", type=Path, default=None)
    opcoes = argumentos.parse_args()
    pagamento = date.today() + timedelta(days=3)
    with pasta_de_trabalho("paco-pagamento-", opcoes.pasta) as pasta:
        t_cadastro, sessao = _medir(preparar, pasta, opcoes.servidores)
        try:
            t_desc, (n_cons, n_pens) = _medir(descontos, sessao)
            t_contas, n = _medir(contas, sessao)
            remessa.definir_convenio(sessao, "magisterio", "001", convenio="000123456 0126", agencia="0001",
                                     agencia_dv="9", conta="210169", conta_dv="6")
            tempos: dict[str, list[float]] = {k: [] for k in ETAPAS}
            sem_xsd = ""
            for rodada in range(opcoes.repeticoes):  # a mesma competência, reaberta entre as rodadas (fora da conta)
                if rodada:
                    folha.reabrir(sessao, COMPETENCIA, "Rodada seguinte do benchmark de pagamento.")
                t, previa = _medir(folha.previa, sessao, COMPETENCIA)
                tempos["previa"].append(t)
                t, comp = _medir(folha.fechar, sessao, COMPETENCIA, aceitar_pendencias=True)
                tempos["fechar"].append(t)
                t, lote_pdf = _medir(documentos.emitir_lote, sessao, COMPETENCIA)
                tempos["pdf"].append(t)
                t, conf = _medir(remessa.conferir, sessao, "magisterio", COMPETENCIA)
                tempos["conferir"].append(t)
                t, arq = _medir(remessa.gerar, sessao, "magisterio", COMPETENCIA, banco="001", data_pagamento=pagamento)
                tempos["cnab"].append(t)
                if not sem_xsd:
                    try:
                        t, lote = _medir(esocial.gerar, sessao, "magisterio", COMPETENCIA, data_pagamento=pagamento)
                    except ErroNegocio as e:  # sem os XSD oficiais nada é gerado (resources/esocial/xsd/README.md)
                        sem_xsd = str(e)
                    else:
                        tempos["esocial"].append(t)
            if not sem_xsd:
                t_es_ass, lote_ass = _medir(esocial.gerar, sessao, "magisterio", COMPETENCIA,
                                            data_pagamento=pagamento, pfx=certificado(), senha="s")
        finally:
            sessao.fechar()
    print(f"servidores: {opcoes.servidores} (cadastro {t_cadastro:.1f} s, não conta na meta); "
          f"{opcoes.repeticoes} rodadas da mesma competência (reaberta entre elas)")
    linhas = sum(len(i.contracheque.linhas) for i in previa.itens)
    cods = [l.codigo for i in previa.itens for l in i.contracheque.linhas]
    print(f"descontos gravados ({n_cons} consignações, {n_pens} pensões): {t_desc:7.2f} s (não conta na meta)")
    print(f"contas e PIS de {n} pessoas numa transação:      {t_contas:7.2f} s (não conta na meta)")
    print(linha(f"calcular (prévia, {len(previa.itens)} contracheques, {linhas} rubricas)", tempos["previa"], "s", 1))
    print(f"    ({cods.count('180')} consignações e {cods.count('170')} pensões descontadas)")
    print(linha(f"fechar (recalcular + gravar {comp['servidores']})", tempos["fechar"], "s", 1))
    print(linha(f"lote de contracheques em PDF ({lote_pdf.paginas} páginas)", tempos["pdf"], "s", 1))
    print(linha(f"conferir quem recebe ({len(conf.creditos)} créditos)", tempos["conferir"], "s", 1))
    print(linha(f"CNAB 240 ({arq.creditos} créditos, {len(arq.conteudo) / 1e6:.2f} MB)", tempos["cnab"], "s", 1))
    if sem_xsd:
        print(f"eSocial: NÃO MEDIDO — {sem_xsd}")
    else:
        print(linha(f"eSocial sem assinatura ({len(lote.eventos)} eventos, XSD)", tempos["esocial"], "s", 1))
        print(f"  eSocial assinado A1 ({len(lote_ass.eventos)} eventos validados no XSD), uma vez: {t_es_ass:7.2f} s")
    rodadas = [sum(v[r] for v in tempos.values() if v) for r in range(opcoes.repeticoes)]
    print(linha("TOTAL de uma rodada (sem o cadastro)", rodadas, "s", 1))
    carga = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"máquina: {os.cpu_count()} núcleos, carga média (1/5/15 min) {carga} (acima do número de núcleos, "
          f"os tempos medem a máquina dividida com outros processos)")
    print(contra_meta("calcular + fechar + PDF + conferir + CNAB + eSocial (sem assinatura)"
                      + ("" if not sem_xsd else ", SEM o eSocial"), rodadas, 30.0))

if __name__ == "__main__":
    main()
