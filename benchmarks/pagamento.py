"""Pagamento da folha do Magistério com 3.000 servidores: descontos, cálculo, fechamento, PDF, CNAB 240 e eSocial.

    .venv/bin/python benchmarks/pagamento.py [--servidores 3000] [--pasta /tmp/x]

Meta da issue 13: 3.000 servidores, 20 % com consignação e 5 % com pensão alimentícia — calcular, fechar,
lote de contracheques em PDF, CNAB e eSocial do mês em menos de 30 s ao todo (o cadastro não conta).

Cria a instalação e os servidores como ``benchmarks/folha_magisterio.py``, fecha a competência, grava
conta bancária e PIS de todos numa transação e mede, pelos serviços: a conferência de quem recebe, a
geração do arquivo CNAB 240 (Banco do Brasil, com TED para as contas da Caixa) e a dos eventos do
eSocial (S-1010, S-1202, S-1210, S-1299) validados nos XSD oficiais — sem assinatura e assinados com um
certificado A1 criado na hora. Os XSD vêm de ``PACO_ESOCIAL_XSD`` (resources/esocial/xsd/README.md).
Não é teste com tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")
# os XSD oficiais vão em resources/esocial/xsd (PACO_ESOCIAL_XSD ainda aponta outra pasta)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from folha_magisterio import preparar  # noqa: E402

from desktop.rules.pagamento.banco import dv_modulo11_bb  # noqa: E402
from desktop.rules.papeis import Permissao  # noqa: E402
from desktop.services.magisterio import documentos, folha  # noqa: E402
from desktop.store import linhas as armazem_linhas  # noqa: E402
from desktop.store.magisterio import descontos as armazem_descontos  # noqa: E402
from desktop.services.pagamento import dados, esocial, remessa  # noqa: E402
from desktop.services.sessao import ErroNegocio  # noqa: E402

COMPETENCIA = date(2026, 10, 1)


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
    argumentos.add_argument("--pasta", type=Path, default=None)
    opcoes = argumentos.parse_args()
    pagamento = date.today() + timedelta(days=3)
    with tempfile.TemporaryDirectory() as tmp:
        pasta = opcoes.pasta or Path(tmp)
        pasta.mkdir(parents=True, exist_ok=True)
        t_cadastro, sessao = _medir(preparar, pasta, opcoes.servidores)
        try:
            t_desc, (n_cons, n_pens) = _medir(descontos, sessao)
            t_previa, previa = _medir(folha.previa, sessao, COMPETENCIA)
            t_fechar, comp = _medir(folha.fechar, sessao, COMPETENCIA, aceitar_pendencias=True)
            t_pdf, lote_pdf = _medir(documentos.emitir_lote, sessao, COMPETENCIA)
            t_contas, n = _medir(contas, sessao)
            remessa.definir_convenio(sessao, "magisterio", "001", convenio="000123456 0126", agencia="0001",
                                     agencia_dv="9", conta="210169", conta_dv="6")
            t_conf, conf = _medir(remessa.conferir, sessao, "magisterio", COMPETENCIA)
            t_cnab, arq = _medir(remessa.gerar, sessao, "magisterio", COMPETENCIA, banco="001",
                                 data_pagamento=pagamento)
            try:
                t_es, lote = _medir(esocial.gerar, sessao, "magisterio", COMPETENCIA, data_pagamento=pagamento)
                pfx = certificado()
                t_es_ass, lote_ass = _medir(esocial.gerar, sessao, "magisterio", COMPETENCIA,
                                            data_pagamento=pagamento, pfx=pfx, senha="s")
            except ErroNegocio as e:  # sem os XSD oficiais nada é gerado (resources/esocial/xsd/README.md)
                t_es, lote, t_es_ass, lote_ass, sem_xsd = 0.0, None, 0.0, None, str(e)
            else:
                sem_xsd = ""
        finally:
            sessao.fechar()
    print(f"servidores: {opcoes.servidores} (cadastro {t_cadastro:.1f} s; fechar a competência {t_fechar:.1f} s, "
          f"{comp['servidores']} contracheques)")
    linhas = sum(len(i.contracheque.linhas) for i in previa.itens)
    cods = [l.codigo for i in previa.itens for l in i.contracheque.linhas]
    print(f"descontos gravados ({n_cons} consignações, {n_pens} pensões): {t_desc:7.2f} s (não conta na meta)")
    print(f"calcular (prévia, {len(previa.itens)} contracheques, {linhas} rubricas; {cods.count('180')} consignações "
          f"e {cods.count('170')} pensões descontadas): {t_previa:7.2f} s")
    print(f"fechar a competência (recalcular + gravar):   {t_fechar:7.2f} s")
    print(f"lote de contracheques em PDF ({lote_pdf.paginas} páginas): {t_pdf:7.2f} s")
    print(f"contas e PIS de {n} pessoas numa transação:      {t_contas:7.2f} s (não conta na meta)")
    print(f"conferir quem recebe ({len(conf.creditos)} créditos):          {t_conf:7.2f} s")
    print(f"CNAB 240 ({arq.creditos} créditos, {len(arq.conteudo) / 1e6:.2f} MB, R$ {arq.total}): {t_cnab:7.2f} s")
    if sem_xsd:
        print(f"eSocial: NÃO MEDIDO — {sem_xsd}")
    else:
        print(f"eSocial sem assinatura ({len(lote.eventos)} eventos validados no XSD): {t_es:7.2f} s")
        print(f"eSocial assinado A1 ({len(lote_ass.eventos)} eventos validados no XSD):   {t_es_ass:7.2f} s")
    total = t_previa + t_fechar + t_pdf + t_conf + t_cnab + t_es
    carga = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"máquina: {os.cpu_count()} núcleos, carga média (1/5/15 min) {carga} (acima do número de núcleos, "
          f"os tempos medem a máquina dividida com outros processos)")
    print(f"TOTAL calcular + fechar + PDF + conferir + CNAB + eSocial (sem assinatura): {total:7.2f} s "
          f"(meta da issue 13: < 30 s com 3.000 servidores)")


if __name__ == "__main__":
    main()
