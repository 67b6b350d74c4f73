"""Documentos oficiais (issue 11): lote de contracheques guardado na base e assinatura PAdES por documento.

    .venv/bin/python benchmarks/documentos.py [--servidores 3000] [--assinar 200] [--pares 5] [--pasta /tmp/x]

Cria a instalação do ``benchmarks/folha_magisterio.py`` (N servidores), fecha a competência e mede:

1. a leitura da folha gravada mais o desenho do lote (``reports.magisterio.contracheque.gerar_lote``),
   o que a emissão fazia antes de guardar o PDF, e a emissão completa (``emitir_lote``: leitura, desenho,
   selo Ed25519 do arquivo, registro e o PDF guardado na base cifrada), os dois lados alternados par a
   par (``--pares``, ≥ 5); imprime mediana e dispersão e a razão (meta da issue: ≤ 1,15×, +15 %);
2. a assinatura PAdES (pyHanko) de um PDF por servidor, com um certificado ECDSA P-256 de uma AC
   de teste criada aqui: cada documento medido (mediana e dispersão; meta: ≤ 60 ms) e páginas/s, numa
   amostra de ``--assinar`` servidores (0: todos).

Não é teste com tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from comparar import alternar, contra_meta, linha, pasta_de_trabalho, razao  # noqa: E402
from folha_magisterio import COMPETENCIA, preparar  # noqa: E402

from desktop.reports import fontes  # noqa: E402
from desktop.reports.layout import CAIXA_ASSINATURA, Rodape  # noqa: E402
from desktop.reports.magisterio import contracheque as relatorio  # noqa: E402
from desktop.services import documentos, pades  # noqa: E402
from desktop.services.magisterio import documentos as docs_magisterio  # noqa: E402
from desktop.services.magisterio import folha  # noqa: E402
from desktop.store.ids import agora  # noqa: E402


def _certificado_de_teste() -> pades.Certificado:
    from datetime import datetime, timedelta, timezone

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    def nome(cn):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    t = datetime.now(timezone.utc)
    k_ac, k = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ac = (x509.CertificateBuilder().subject_name(nome("AC Teste")).issuer_name(nome("AC Teste"))
          .public_key(k_ac.public_key()).serial_number(1).not_valid_before(t - timedelta(days=1))
          .not_valid_after(t + timedelta(days=30)).add_extension(x509.BasicConstraints(True, None), True)
          .sign(k_ac, hashes.SHA256()))
    cert = (x509.CertificateBuilder().subject_name(nome("SECRETARIA:11222333000181")).issuer_name(ac.subject)
            .public_key(k.public_key()).serial_number(2).not_valid_before(t - timedelta(days=1))
            .not_valid_after(t + timedelta(days=30)).sign(k_ac, hashes.SHA256()))
    pfx = pkcs12.serialize_key_and_certificates(b"a1", k, cert, [ac], BestAvailableEncryption(b"senha"))
    return pades.ler_pfx(pfx, "senha")


def _medir(funcao, *args, **kwargs):
    inicio = time.perf_counter()
    resultado = funcao(*args, **kwargs)
    return time.perf_counter() - inicio, resultado


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--servidores", type=int, default=3000)
    argumentos.add_argument("--assinar", type=int, default=200, help="amostra da assinatura por servidor (0: todos)")
    argumentos.add_argument("--pares", type=int, default=5)
    argumentos.add_argument("--pasta", type=Path, default=None)
    opcoes = argumentos.parse_args()
    with pasta_de_trabalho("paco-documentos-", opcoes.pasta) as pasta:
        sessao = preparar(pasta, opcoes.servidores)
        try:
            fontes.registrar()
            folha.fechar(sessao, COMPETENCIA, aceitar_pendencias=True)
            cab = documentos.cabecalho_do_orgao(sessao)
            from datetime import datetime

            rod = Rodape("ABCD-EFGH-JK23", relatorio.TITULO_LOTE, 1, 2026, 1, datetime.fromisoformat(agora()), "admin")
            feitos: dict = {}

            def antes():  # o que a emissão fazia antes de guardar o PDF: ler a folha gravada e desenhar o lote
                inicio = time.perf_counter()
                feitos["itens"] = folha.contracheques(sessao, COMPETENCIA)
                feitos["desenho"] = relatorio.gerar_lote(cab, rod, feitos["itens"])
                return time.perf_counter() - inicio

            def emitir():  # a emissão completa: ler, desenhar, selar, registrar e guardar na base cifrada
                t, feitos["emitido"] = _medir(docs_magisterio.emitir_lote, sessao, COMPETENCIA)
                return t

            t_emitir, t_antes = alternar(emitir, antes, opcoes.pares)
            itens, emitido = feitos["itens"], feitos["emitido"]
            guardado = sessao.db.execute("SELECT length(pdf) FROM documentos_pdf WHERE documento_id = ?",
                                         [emitido.id]).fetchone()[0]

            certificado = _certificado_de_teste()
            amostra = itens if opcoes.assinar <= 0 else itens[: opcoes.assinar]
            pdfs = [relatorio.gerar(cab, rod, i.servidor, i.contracheque) for i in amostra]
            pades.assinar(pdfs[0], certificado, local="Jequié-BA", caixa=CAIXA_ASSINATURA)  # aquece a chave
            por_documento, paginas = [], 0
            for pdf in pdfs:
                t, assinado = _medir(pades.assinar, pdf, certificado, local="Jequié-BA", caixa=CAIXA_ASSINATURA)
                por_documento.append(t)
                paginas += documentos.contar_paginas(assinado)
        finally:
            sessao.fechar()
    print(f"contracheques: {len(itens)}  ({emitido.paginas} páginas, PDF {len(emitido.pdf) / 1e6:.1f} MB, "
          f"guardado {guardado / 1e6:.1f} MB na base); {opcoes.pares} pares alternados:")
    print(linha("ler a folha gravada + desenhar o lote", t_antes, "s", 1))
    print(linha("emitir_lote (+ selar, registrar, guardar)", t_emitir, "s", 1))
    print(linha(f"PAdES, um PDF por servidor (amostra de {len(pdfs)})", por_documento))
    total = sum(por_documento)
    print(f"  PAdES: {paginas / total:.0f} páginas/s; {len(itens)} servidores ≈ "
          f"{statistics.median(por_documento) * len(itens):.0f} s")
    print(razao("emitir e guardar", t_emitir, "ler + desenhar", t_antes, meta=1.15))
    print(contra_meta("PAdES por documento", por_documento, 0.060, "ms", 1000))

if __name__ == "__main__":
    main()
