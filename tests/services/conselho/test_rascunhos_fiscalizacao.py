"""Rascunho do plantão que sobrevive à morte do processo; fiscalização de entidades (art. 34)."""
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services import acesso, chaveiro
from desktop.services.conselho import fiscalizacao, mandatos, rascunhos
from desktop.services.sessao import ErroNegocio

from .conftest import SENHA


def test_rascunho_sobrevive_a_processo_morto(instalacao, tmp_path):
    caminho, recuperacao = instalacao
    admin = acesso.entrar(caminho, "admin", "senha-do-admin")
    chaveiro.usar_recuperacao(admin, recuperacao)  # o primeiro conselheiro recebe o sigilo já
    c = mandatos.cadastrar_conselheiro(admin, nome="Ana Beatriz Souza", condicao="titular", ordem=1,
                                       inicio_mandato=date(2024, 1, 10), fim_mandato=date(2028, 1, 9))
    acesso.criar_usuario(admin, login="ct1", nome="Ana", papel="conselheiro_tutelar", senha=SENHA, trocar_senha=False)
    mandatos.vincular_usuario(admin, c["id"], "ct1")
    admin.fechar()
    codigo = textwrap.dedent(f"""
        import os
        os.environ["PACO_KDF_RAPIDO"] = "1"
        from desktop.services import acesso
        from desktop.services.conselho import rascunhos
        s = acesso.entrar({str(caminho)!r}, "ct1", {SENHA!r})
        rascunhos.salvar_rascunho(s, {{"crianca": "Maria José", "relato": "Gritos na casa 12"}})
        os._exit(9)  # bateria acabou: sem fechar nada
    """)
    r = subprocess.run([sys.executable, "-c", codigo], cwd=str(tmp_path), capture_output=True, text=True,
                       env={**__import__("os").environ, "PYTHONPATH": str(__import__("pathlib").Path.cwd())})
    assert r.returncode == 9, r.stderr
    s = acesso.entrar(caminho, "ct1", SENHA)
    try:
        assert rascunhos.restaurar_rascunho(s) == {"crianca": "Maria José", "relato": "Gritos na casa 12"}
        blob = s.db.execute("SELECT conteudo FROM conselho_rascunhos").fetchone()[0]
        assert b"Maria" not in blob and b"Gritos" not in blob  # cifrado também dentro da base
        assert [r["chave"] for r in rascunhos.rascunhos(s)] == ["plantao"]
        assert rascunhos.descartar_rascunho(s) is True
        assert rascunhos.restaurar_rascunho(s) is None
    finally:
        s.fechar()


def test_plano_visita_e_comunicacao(sessao_admin):
    a = fiscalizacao.cadastrar_entidade(sessao_admin, "Casa de Acolhimento Esperança", "acolhimento_institucional")
    b = fiscalizacao.cadastrar_entidade(sessao_admin, "Projeto Crescer", "apoio_socioeducativo_meio_aberto")
    with pytest.raises(EntradaInvalida, match="Faltam: Projeto Crescer"):
        fiscalizacao.planejar_semestre(sessao_admin, "2026-1", {a["id"]: date(2026, 3, 10)})
    with pytest.raises(EntradaInvalida, match="fora do semestre"):
        fiscalizacao.planejar_semestre(sessao_admin, "2026-1", {a["id"]: date(2026, 3, 10), b["id"]: date(2026, 8, 1)})
    plano = fiscalizacao.planejar_semestre(sessao_admin, "2026-1", {a["id"]: date(2026, 3, 10), b["id"]: date(2026, 5, 5)})
    assert [v["nome"] for v in plano] == ["Casa de Acolhimento Esperança", "Projeto Crescer"]
    v = plano[0]
    with pytest.raises(ErroNegocio, match="visita já registrada"):
        fiscalizacao.comunicar_irregularidades(sessao_admin, v["id"], "Ana Beatriz Souza")
    fiscalizacao.registrar_visita(sessao_admin, v["id"], date(2026, 3, 10), "Ana e Bruno", "Visita às instalações",
                                  "Extintores vencidos; quartos sem ventilação.")
    e = fiscalizacao.comunicar_irregularidades(sessao_admin, v["id"], "Ana Beatriz Souza")
    assert e.pdf.startswith(b"%PDF") and fiscalizacao.plano(sessao_admin, "2026-1")[0]["documento_id"] == e.id
    with pytest.raises(ErroNegocio, match="já foram comunicadas"):
        fiscalizacao.comunicar_irregularidades(sessao_admin, v["id"], "Ana Beatriz Souza")
