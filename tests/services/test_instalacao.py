"""Serviço de instalação: a pasta de dados (rede, escrita, base existente) e as mensagens de erro."""
import errno

import pytest

from desktop.rules.validacao import EntradaInvalida
from desktop.services import instalacao as servico
from desktop.services import local
from desktop.services.sessao import ErroNegocio
from desktop.store.chaves import ErroChaves, SenhaIncorreta
from desktop.store.erros import BaseCorrompida, BaseEmRede, BaseEmUso


def test_pasta_nova_e_criada_e_devolve_o_arquivo_da_base(tmp_path):
    pasta = tmp_path / "novo" / "dados"
    assert servico.verificar_pasta_dados(str(pasta)) == pasta / local.NOME_BASE
    assert pasta.is_dir() and list(pasta.iterdir()) == []  # o teste de escrita não deixa sobras


def test_compartilhamento_de_rede_recusado(tmp_path):
    with pytest.raises(BaseEmRede, match="compartilhamento de rede"):
        servico.verificar_pasta_dados("//servidor/publico/paco")


@pytest.mark.parametrize("texto, trecho", [("", "Escolha a pasta"), ("relativa/dados", "caminho completo")])
def test_pasta_vazia_ou_relativa(texto, trecho):
    with pytest.raises(ErroNegocio, match=trecho):
        servico.verificar_pasta_dados(texto)


def test_pasta_em_que_nao_se_grava(tmp_path):
    arquivo = tmp_path / "arquivo.txt"
    arquivo.write_text("x")
    with pytest.raises(ErroNegocio, match="é um arquivo, não uma pasta"):
        servico.verificar_pasta_dados(arquivo)
    with pytest.raises(ErroNegocio, match=r"Não é possível gravar .*uma parte do caminho não é uma pasta"):
        servico.verificar_pasta_dados(arquivo / "sub")


def test_pasta_com_base_existente_recusada(instalacao):
    caminho, _ = instalacao
    with pytest.raises(ErroNegocio, match="Já existe uma base do Paço nesta pasta"):
        servico.verificar_pasta_dados(caminho.parent)


def test_chave_de_recuperacao_validada_como_entrada():
    assert servico.validar_chave_recuperacao("abcd efgh jkmn pqrs tuvw xyz2 3456 789a") == \
        "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A"
    with pytest.raises(EntradaInvalida, match="32 letras e números"):
        servico.validar_chave_recuperacao("ABCD-0000")


def test_classificacao_dos_erros():
    assert servico.senha_incorreta(SenhaIncorreta("x"))
    assert servico.problema_nas_chaves(ErroChaves("x"))
    assert not servico.problema_nas_chaves(SenhaIncorreta("x"))
    assert servico.oferece_restauracao(BaseCorrompida("x"))
    assert servico.oferece_restauracao(ErroChaves("x"))
    assert not servico.oferece_restauracao(BaseEmUso("x"))
    assert servico.mensagem(BaseEmUso("Feche a outra janela.")) == "Feche a outra janela."
    assert "sem permissão de escrita" in servico.mensagem(PermissionError(errno.EACCES, "Permission denied"))
    inesperado = servico.mensagem(KeyError("x"))
    assert inesperado.startswith("Ocorreu um erro inesperado (KeyError")


def test_resumo_do_orgao(sessao_admin):
    assert servico.resumo_orgao(sessao_admin) == {
        "nome": "Secretaria Municipal de Educação", "municipio": "Jequié", "uf": "BA", "modulos": {}}


def test_resumo_do_orgao_com_modulo_de_outro_orgao(sessao_admin):
    """O módulo que emite como outro órgão aparece em ``modulos`` (o rótulo ao lado dos módulos o mostra)."""
    from desktop.services import emissores

    ct = emissores.criar(sessao_admin, nome="Conselho Tutelar de Itapiranga", cnpj="11.444.777/0001-61",
                         municipio="Itapiranga", uf="AM")
    emissores.atribuir_modulo(sessao_admin, "conselho", ct.id)
    assert servico.resumo_orgao(sessao_admin)["modulos"] == {
        "conselho": {"nome": "Conselho Tutelar de Itapiranga", "municipio": "Itapiranga", "uf": "AM"}}
    emissores.atribuir_modulo(sessao_admin, "conselho", emissores.ORGAO)  # de volta ao órgão: some do resumo
    assert servico.resumo_orgao(sessao_admin)["modulos"] == {}
