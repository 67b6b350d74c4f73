"""Documentos oficiais (issue 11): lote de contracheques guardado na base e assinatura PAdES por documento.

    .venv/bin/python benchmarks/documentos.py [--servidores 3000] [--assinar 200] [--pasta /tmp/x]

Cria a instalação do ``benchmarks/folha_magisterio.py`` (N servidores), fecha a competência e mede:

1. a leitura da folha gravada mais o desenho do lote (``reports.magisterio.contracheque.gerar_lote``),
   o que a emissão fazia antes de guardar o PDF, e a emissão completa (``emitir_lote``: desenho, selo
   Ed25519 do arquivo, registro e o PDF guardado na base cifrada); imprime o acréscimo em %
   (meta da issue: ≤ 15 %);
2. a assinatura PAdES (pyHanko) de um PDF por servidor, com um certificado ECDSA P-256 de uma AC
   de teste criada aqui: ms por documento (meta: ≤ 60 ms) e páginas/s, numa amostra de ``--assinar``
   servidores (0: todos).

Não é teste com tempo-limite: só imprime números.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PACO_KDF_RAPIDO", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

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
    argumentos.add_argument("--pasta", type=Path, default=None)
    opcoes = argumentos.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pasta = opcoes.pasta or Path(tmp)
        pasta.mkdir(parents=True, exist_ok=True)
        sessao = preparar(pasta, opcoes.servidores)
        try:
            fontes.registrar()
            folha.fechar(sessao, COMPETENCIA, aceitar_pendencias=True)
            t_ler, itens = _medir(folha.contracheques, sessao, COMPETENCIA)
            cab = documentos.cabecalho_do_orgao(sessao)
            from datetime import datetime

            rod = Rodape("ABCD-EFGH-JK23", relatorio.TITULO_LOTE, 1, 2026, 1, datetime.fromisoformat(agora()), "admin")
            t_desenho, pdf_puro = _medir(relatorio.gerar_lote, cab, rod, itens)
            t_emitir, emitido = _medir(docs_magisterio.emitir_lote, sessao, COMPETENCIA)
            guardado = sessao.db.execute("SELECT length(pdf) FROM documentos_pdf WHERE documento_id = ?",
                                         [emitido.id]).fetchone()[0]

            certificado = _certificado_de_teste()
            amostra = itens if opcoes.assinar <= 0 else itens[: opcoes.assinar]
            pdfs = [relatorio.gerar(cab, rod, i.servidor, i.contracheque) for i in amostra]
            pades.assinar(pdfs[0], certificado, local="Jequié-BA", caixa=CAIXA_ASSINATURA)  # aquece a chave
            inicio = time.perf_counter()
            paginas = 0
            for pdf in pdfs:
                assinado = pades.assinar(pdf, certificado, local="Jequié-BA", caixa=CAIXA_ASSINATURA)
                paginas += documentos.contar_paginas(assinado)
            t_assinar = time.perf_counter() - inicio
        finally:
            sessao.fechar()
    antes = t_ler + t_desenho  # o que a emissão fazia antes: ler a folha gravada e desenhar (+ registrar)
    acrescimo = (t_emitir - antes) / antes * 100
    print(f"contracheques: {len(itens)}  ({emitido.paginas} páginas, PDF {len(emitido.pdf) / 1e6:.1f} MB, "
          f"guardado {guardado / 1e6:.1f} MB na base)")
    print(f"lote: ler a folha gravada     {t_ler:7.2f} s")
    print(f"lote: só o desenho            {t_desenho:7.2f} s  ({emitido.paginas / t_desenho:6.0f} páginas/s)")
    print(f"lote: emitir e guardar        {t_emitir:7.2f} s  ({emitido.paginas / t_emitir:6.0f} páginas/s)")
    print(f"acréscimo de selar + guardar  {acrescimo:7.1f} %  (meta ≤ 15 %)")
    por_doc = t_assinar / len(pdfs) * 1000
    print(f"PAdES, um PDF por servidor    {por_doc:7.1f} ms/documento (meta ≤ 60 ms), {paginas / t_assinar:6.0f} "
          f"páginas/s, amostra de {len(pdfs)}; {len(itens)} servidores ≈ {por_doc * len(itens) / 1000:.0f} s")


if __name__ == "__main__":
    main()
