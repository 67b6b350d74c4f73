"""Configuração do magistério: padrões, gravação validada com diário, permissão."""
from dataclasses import replace
from decimal import Decimal

import pytest

from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.papeis import Papel
from desktop.rules.validacao import EntradaInvalida
from desktop.services.magisterio import configuracao
from desktop.services.sessao import ErroNegocio, SemPermissao

from .conftest import com_papel, diario


def test_padrao_salvar_e_ler_de_volta(sessao):
    assert configuracao.ler(sessao) == ConfiguracaoMagisterio()
    nova = replace(ConfiguracaoMagisterio(), art41_percentual=Decimal("20"), fg_fonte="anexo_iii",
                   decimo_terceiro_adiantamento_mes=7)
    configuracao.salvar(com_papel(sessao, Papel.FOLHA_RH), nova)
    lida = configuracao.ler(com_papel(sessao, Papel.CONSULTA))
    assert lida == nova and lida.art41_percentual == Decimal("20")
    (linha,) = diario(sessao, "configuracoes")
    assert linha["acao"] == "inserir" and linha["registro_id"] == "magisterio.configuracao"
    assert '"art41_percentual": "20"' in linha["depois"]
    configuracao.salvar(sessao, nova)  # sem mudança: nada no diário
    configuracao.salvar(sessao, replace(nova, previdencia="inss"))
    ultima = diario(sessao, "configuracoes")[-1]
    assert len(diario(sessao, "configuracoes")) == 2 and ultima["acao"] == "alterar"
    assert '"previdencia": "rpps"' in ultima["antes"] and '"previdencia": "inss"' in ultima["depois"]


def test_validacao_e_permissao(sessao):
    with pytest.raises(EntradaInvalida, match="entre 15 % e 30 %"):
        configuracao.salvar(sessao, replace(ConfiguracaoMagisterio(), art41_percentual=Decimal("35")))
    with pytest.raises(SemPermissao):
        configuracao.salvar(com_papel(sessao, Papel.CONSULTA), ConfiguracaoMagisterio())
    with pytest.raises(SemPermissao):
        configuracao.ler(com_papel(sessao, Papel.COMISSAO_ELEITORAL))
    with sessao.base.transacao() as db:  # gravada à mão, inválida
        db["configuracoes"].insert({"chave": "magisterio.configuracao", "valor": '{"fg_fonte": "outra"}'})
    with pytest.raises(ErroNegocio, match="configuração do magistério gravada na base é inválida"):
        configuracao.ler(sessao)
