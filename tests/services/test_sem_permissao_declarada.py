"""Nenhum serviço aceita uma permissão dada por quem chama: o papel vem só da sessão (issue 10, item 3)."""
import inspect

import pytest

from desktop.rules.papeis import Papel
from desktop.services import acesso, cadastros, copias, documentos
from desktop.services.sessao import SemPermissao, Sessao, Usuario

SENHA = "fivela-jabuti-moringa"


def _sessao(sessao_admin, papel: Papel, login: str) -> Sessao:
    """Um usuário de verdade (na tabela e no .chaves) na mesma base aberta (a trava impede abri-la
    duas vezes); a sessão compartilha a conexão, por isso não é fechada."""
    u = acesso.criar_usuario(sessao_admin, login=login, nome=login.upper(), papel=papel, senha=SENHA,
                             trocar_senha=False)
    return Sessao(sessao_admin.base, Usuario(u["id"], login, u["nome"], papel))


def _contar(sessao, tabela):
    return sessao.db.execute(f"SELECT count(*) FROM {tabela}").fetchone()[0]


def test_mp_nao_cadastra_pessoa_nem_emite_documento(sessao_admin):
    mp = _sessao(sessao_admin, Papel.CONSULTA, "mp")
    for funcao in (cadastros.cadastrar_pessoa, cadastros.cadastrar_unidade, documentos.emitir):
        assert "permissao" not in inspect.signature(funcao).parameters
    with pytest.raises(SemPermissao, match="cadastrar pessoas"):
        cadastros.cadastrar_pessoa(mp, nome="Pessoa Forjada")
    with pytest.raises(SemPermissao):
        cadastros.cadastrar_unidade(mp, tipo="secretaria", nome="Secretaria Forjada")
    with pytest.raises(SemPermissao):
        documentos.emitir(mp, tipo="magisterio_certidao", titulo="Certidão",
                          montar=lambda cab, rod: b"%PDF-1.4")
    assert _contar(sessao_admin, "pessoas") == 0
    assert _contar(sessao_admin, "unidades") == 0
    assert _contar(sessao_admin, "documentos") == 0


def test_unidade_exige_a_permissao_do_modulo_dono_do_tipo(sessao_admin):
    rh = _sessao(sessao_admin, Papel.FOLHA_RH, "rh")
    assert cadastros.cadastrar_unidade(rh, tipo="escola", nome="Escola Nova")["tipo"] == "escola"
    with pytest.raises(SemPermissao):
        cadastros.cadastrar_unidade(rh, tipo="unidade_certificadora", nome="Unidade Forjada")
    assert cadastros.cadastrar_pessoa(rh, nome="Maria da Silva")["nome"] == "Maria da Silva"


def test_so_o_administrador_muda_o_destino_das_copias(sessao_admin, tmp_path):
    pen = tmp_path / "pen"
    pen.mkdir()
    for i, papel in enumerate(p for p in Papel if p is not Papel.ADMINISTRADOR):
        s = _sessao(sessao_admin, papel, f"usuario{i}")
        with pytest.raises(SemPermissao, match="escolher onde ficam as cópias"):
            copias.definir_pasta_extra(s, pen)
        with pytest.raises(SemPermissao):
            copias.definir_pasta_extra(s, None)
        assert copias.copia_automatica(s, "ao-fechar") is not None  # a rotina, sim (matriz)
    assert copias.pasta_extra(sessao_admin) is None
    assert copias.definir_pasta_extra(sessao_admin, pen) == pen
