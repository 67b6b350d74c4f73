"""CLI ``paco``: init, demo, verificar, integridade, backup e restaurar, com ajuda em português."""
import subprocess
from decimal import Decimal
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.services import acesso, demo, documentos, local

from .conftest import CNPJ_TESTE


@pytest.fixture
def senha(monkeypatch):
    monkeypatch.setenv("PACO_SENHA", "senha-da-cli")
    monkeypatch.setenv("PACO_USUARIO", "chefe")
    return "senha-da-cli"


@pytest.fixture
def base_cli(tmp_path, senha, capsys):
    caminho = tmp_path / "cli" / "paco.db"
    codigo = cli.main(["init", "--base", str(caminho), "--orgao", "Secretaria de Educação",
                       "--municipio", "Itapiranga", "--uf", "am", "--cnpj", CNPJ_TESTE,
                       "--admin-login", "chefe", "--admin-nome", "Chefe da Secretaria"])
    assert codigo == 0
    saida = capsys.readouterr().out
    recuperacao = saida.split("CHAVE DE RECUPERAÇÃO", 1)[1].split()
    chave = next(p for p in recuperacao if p.count("-") == 7)
    return caminho, chave


def test_ajuda_em_portugues():
    saida = subprocess.run([sys.executable, "-m", "desktop.cli", "--help"], capture_output=True,
                           text=True, check=True).stdout
    assert saida.startswith("uso: paco")
    for palavra in ("comandos", "init", "demo", "backup", "restaurar", "verificar", "integridade",
                    "mostra esta ajuda"):
        assert palavra in saida
    assert "usage" not in saida and "show this help" not in saida


def test_init_cria_base_configurada_e_chave_que_abre(base_cli):
    caminho, chave = base_cli
    assert local.base_configurada() == caminho
    s = acesso.entrar_com_recuperacao(caminho, chave, "chefe", "outra-senha-1")
    assert s.db.execute("SELECT municipio, uf FROM escritorio").fetchone() == ("Itapiranga", "AM")
    s.fechar()


def test_init_com_cnpj_invalido_diz_o_motivo(tmp_path, senha, capsys):
    codigo = cli.main(["init", "--base", str(tmp_path / "x.db"), "--orgao", "X", "--municipio", "Y",
                       "--uf", "BA", "--cnpj", "11.111.111/1111-11", "--admin-login", "chefe",
                       "--admin-nome", "Chefe"])
    assert codigo == cli.SAIDA_ERRO
    assert "CNPJ inválido" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


def test_senha_errada_e_base_sem_configuracao(base_cli, monkeypatch, capsys):
    monkeypatch.setenv("PACO_SENHA", "errada")
    assert cli.main(["integridade"]) == cli.SAIDA_ERRO
    assert "Usuário ou senha incorretos" in capsys.readouterr().err
    local.gravar(base="")
    assert cli.main(["integridade"]) == cli.SAIDA_ERRO
    assert "Nenhuma base configurada" in capsys.readouterr().err


def test_integridade_e_verificar(base_cli, tmp_path, capsys):
    caminho, _ = base_cli
    assert cli.main(["integridade"]) == 0
    assert "Diário íntegro" in capsys.readouterr().out

    s = acesso.entrar(caminho, "chefe", "senha-da-cli")
    emitido = documentos.emitir_relatorio_diario(s)
    s.fechar()
    pdf = tmp_path / "relatorio.pdf"
    pdf.write_bytes(emitido.pdf)
    assert cli.main(["verificar", emitido.codigo.lower()]) == 0
    assert "Documento autêntico" in capsys.readouterr().out
    assert cli.main(["verificar", str(pdf)]) == 0
    capsys.readouterr()
    pdf.write_bytes(emitido.pdf.replace(b"Relat", b"Relax", 1) if b"Relat" in emitido.pdf
                    else emitido.pdf + b"%alterado")
    assert cli.main(["verificar", str(pdf)]) == cli.SAIDA_FALHA
    assert "ALTERADO" in capsys.readouterr().out.upper()


def test_integridade_acusa_o_fim_apagado_com_o_numero_da_linha(base_cli, capsys):
    """Um atacante com a chave apaga o fim do diário e acerta o contador: a âncora o denuncia."""
    import sqlcipher3

    from tests.conftest import chave_geral

    caminho, recuperacao = base_cli
    s = acesso.entrar(caminho, "chefe", "senha-da-cli")
    documentos.emitir_relatorio_diario(s)
    fim = s.db.execute("SELECT max(seq) FROM diario").fetchone()[0]
    s.fechar()
    con = sqlcipher3.connect(str(caminho), isolation_level=None)
    con.execute(f"PRAGMA key = \"x'{chave_geral(caminho, recuperacao).hex()}'\"")
    con.execute("DROP TRIGGER diario_sem_excluir")
    con.execute("DELETE FROM diario WHERE seq > ?", [fim - 3])
    con.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'diario'", [fim - 3])
    con.close()
    capsys.readouterr()
    assert cli.main(["integridade"]) == cli.SAIDA_FALHA
    saida = capsys.readouterr().out
    assert "Diário ADULTERADO" in saida
    assert "mas a âncora no arquivo de chaves" in saida and "foram apagadas" in saida


def test_demo_cria_base_com_usuarios_de_cada_papel(tmp_path, monkeypatch, capsys):
    caminho = tmp_path / "demo" / "paco.db"
    assert cli.main(["demo", "--base", str(caminho)]) == 0
    assert demo.SENHA_DEMO in capsys.readouterr().out
    s = acesso.entrar(caminho, "mp", demo.SENHA_DEMO)
    assert s.usuario.rotulo_papel.startswith("Consulta")
    s.fechar()
    assert cli.main(["demo", "--base", str(caminho)]) == cli.SAIDA_ERRO


def test_backup_e_restaurar(base_cli, capsys):
    caminho, _ = base_cli
    assert cli.main(["backup"]) == 0
    copia = Path(capsys.readouterr().out.split("Cópia de segurança feita em ", 1)[1].split(".db")[0] + ".db")
    assert copia.exists()
    s = acesso.entrar(caminho, "chefe", "senha-da-cli")
    acesso.criar_usuario(s, login="depois", nome="Criado depois da cópia", papel="consulta", senha="provisoria1")
    s.fechar()
    assert cli.main(["restaurar", str(copia)]) == cli.SAIDA_ERRO  # sem terminal, exige --sim
    assert "--sim" in capsys.readouterr().err
    assert cli.main(["restaurar", str(copia), "--sim"]) == 0
    assert "base anterior ficou guardada" in capsys.readouterr().out
    s = acesso.entrar(caminho, "chefe", "senha-da-cli")
    assert [u["login"] for u in acesso.listar_usuarios(s)] == ["chefe"]
    s.fechar()


def test_calcular_magisterio_imprime_o_contracheque_em_json(capsys):
    import json

    exemplo = Path(__file__).parent.parent / "docs" / "exemplos" / "magisterio-professora-n1a.json"
    assert cli.main(["calcular", "magisterio", "--entrada", str(exemplo)]) == 0
    saida = json.loads(capsys.readouterr().out)
    linhas = {l["codigo"]: l for l in saida["linhas"]}
    assert linhas["001"]["fundamento"].startswith("Lei 1.613/2004")
    total = sum(Decimal(l["valor"]) * (1 if l["natureza"] == "P" else -1) for l in saida["linhas"])
    assert Decimal(saida["totais"]["liquido"]) == total


def test_calcular_com_entrada_invalida_diz_o_campo(tmp_path, capsys):
    arquivo = tmp_path / "caso.json"
    arquivo.write_text('{"competencia": "2026-03", "ficha": {"cargo": "professor"}}', encoding="utf-8")
    assert cli.main(["calcular", "magisterio", "--entrada", str(arquivo)]) == cli.SAIDA_ERRO
    assert "ficha.admissao" in capsys.readouterr().err


def test_calcular_conselheiro_presidente_2026(capsys):
    import json

    exemplo = Path(__file__).parent.parent / "docs" / "exemplos" / "conselheiro-presidente-2026.json"
    assert cli.main(["calcular", "conselheiro", "--entrada", str(exemplo)]) == 0
    saida = json.loads(capsys.readouterr().out)
    # Presidente em março de 2026, calculado à mão em tests/rules/conselho/test_remuneracao.py (saída alinhada ao magistério: totais.liquido, issue 17)
    assert saida["totais"]["liquido"] == "4592.44"
