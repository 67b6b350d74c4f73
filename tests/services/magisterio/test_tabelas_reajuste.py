"""Reajuste do Anexo I: simulação com diferenças e aviso de piso; aplicação como vigência usada pela folha."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.rules.magisterio.tipos import Nivel
from desktop.rules.papeis import Papel
from desktop.rules.validacao import EntradaInvalida
from desktop.services import acesso, demo, parametros
from desktop.services.magisterio import folha, tabelas
from desktop.services.sessao import ErroNegocio, SemPermissao

from .conftest import com_papel, diario

DEZEMBRO = date(2026, 12, 1)
SERVIDORES = 40  # a rede pequena da demonstração (a padrão tem 300): todos ativos, nenhum aposentado


@pytest.fixture
def sessao_demo(tmp_path):
    caminho = tmp_path / "demo.db"
    demo.criar_demo(caminho, servidores=SERVIDORES)
    s = acesso.entrar(caminho, demo.LOGIN_DEMO, demo.SENHA_DEMO)
    yield s
    s.fechar()


def test_simular_percentual_mostra_diferencas_e_piso(sessao_demo):
    s = tabelas.simular_reajuste(sessao_demo, DEZEMBRO, percentual="10")
    assert s.modo == "percentual" and s.atual.inicio == date(2004, 5, 21)
    assert s.nova.vencimento(Nivel.N1, "A", 20) == Decimal("330.00")  # 300,00 × 1,10 (Anexo I, tabela A)
    assert all(d.percentual == Decimal("10.00") for d in s.diferencas if d.antes and d.antes * 10 % 100 == 0)
    assert len(s.diferencas) == len(s.atual.celulas)
    assert {a.jornada for a in s.avisos_piso} == {20, 40}  # 330 e 660 seguem abaixo do piso de 2026
    assert "abaixo do piso" in s.avisos_piso[0].mensagem
    assert parametros.vigente(sessao_demo, "magisterio_anexo1", DEZEMBRO).inicio == date(2004, 5, 21)  # nada gravado


def test_simular_pela_base_no_piso_sem_aviso(sessao_demo):
    # Piso de 2026: R$ 5.130,63 (40 h); metade para 20 h: R$ 2.565,32 (arredondado para cima)
    s = tabelas.simular_reajuste(sessao_demo, DEZEMBRO, base="2565.32")
    assert s.nova.vencimento(Nivel.N1, "A", 40) == Decimal("5130.64")  # 40 h = dobro (art. 37 §4º)
    assert s.nova.vencimento(Nivel.N1, "B", 20) == Decimal("2693.59")  # × 1,05 (art. 22)
    assert s.avisos_piso == []
    assert "art. 20" in s.descricao


def test_simular_exige_uma_forma(sessao_demo):
    with pytest.raises(EntradaInvalida, match="uma só forma"):
        tabelas.simular_reajuste(sessao_demo, DEZEMBRO)
    with pytest.raises(EntradaInvalida, match="uma só forma"):
        tabelas.simular_reajuste(sessao_demo, DEZEMBRO, base="2000", percentual="5")
    with pytest.raises(EntradaInvalida):
        tabelas.simular_reajuste(sessao_demo, DEZEMBRO, percentual="-3")


def test_aplicar_cria_vigencia_e_a_folha_seguinte_a_usa(sessao_demo):
    s = tabelas.simular_reajuste(sessao_demo, DEZEMBRO, percentual="10")
    with pytest.raises(SemPermissao):
        tabelas.aplicar_reajuste(com_papel(sessao_demo, Papel.FOLHA_RH), s, "Lei Municipal 2.345/2026")
    with pytest.raises(EntradaInvalida, match="fundamento"):
        tabelas.aplicar_reajuste(sessao_demo, s, "")
    novembro = folha.previa(sessao_demo, date(2026, 11, 1))
    linha = tabelas.aplicar_reajuste(sessao_demo, s, "Lei Municipal 2.345/2026, art. 1º e Anexo")
    assert linha["inicio"] == "2026-12-01"
    assert diario(sessao_demo, "parametros")[-1]["registro_id"] == linha["id"]
    with pytest.raises(ErroNegocio):
        tabelas.aplicar_reajuste(sessao_demo, s, "Lei Municipal 2.345/2026, art. 1º e Anexo")

    dezembro = folha.previa(sessao_demo, DEZEMBRO)
    assert dezembro.identidades["magisterio_anexo1"] == {"inicio": "2026-12-01",
                                                         "fundamento": "Lei Municipal 2.345/2026, art. 1º e Anexo"}
    assert folha.previa(sessao_demo, date(2026, 11, 1)).identidades["magisterio_anexo1"]["inicio"] == "2004-05-21"
    conferidos = 0
    for item in dezembro.itens:
        venc = [l for l in item.contracheque.linhas if l.codigo == "001"]
        if len(venc) == 1 and venc[0].quantidade == 30:
            sv = item.servidor
            assert venc[0].base == s.nova.vencimento(sv.nivel, sv.classe, sv.jornada)
            assert venc[0].valor == venc[0].base
            conferidos += 1
    assert conferidos >= 20
    assert sum(i.contracheque.proventos for i in dezembro.itens) > sum(i.contracheque.proventos for i in novembro.itens)


def test_simular_avisa_competencia_fechada_depois_do_inicio(sessao_demo):
    folha.fechar(sessao_demo, date(2026, 10, 1), aceitar_pendencias=True)
    s = tabelas.simular_reajuste(sessao_demo, date(2026, 9, 1), percentual="5")
    assert s.avisos and "10/2026" in s.avisos[0]
