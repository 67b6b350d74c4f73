"""Aba Servidores com a situação de hoje calculada em segundo plano e guardada enquanto a base não muda
(issue 16: voltar à aba não recalcula a carreira de todos na thread da interface)."""
import threading
from datetime import date

from desktop.screens.magisterio.painel import PainelMagisterio
from desktop.services import copias
from desktop.services.magisterio import cadastro, consultas, folha

from .conftest import SERVIDORES


def _painel(qtbot, sessao):
    p = PainelMagisterio(sessao)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    return p


def test_situacoes_fora_da_thread_da_interface_e_so_quando_a_base_muda(qtbot, sessao_demo, monkeypatch):
    threads, original = [], consultas.resumo_situacoes
    listas, listar = [], cadastro.listar_servidores

    def contar(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    def contar_listas(*args, **kwargs):
        listas.append(threading.current_thread() is threading.main_thread())
        return listar(*args, **kwargs)

    monkeypatch.setattr(consultas, "resumo_situacoes", contar)
    monkeypatch.setattr(cadastro, "listar_servidores", contar_listas)
    painel = _painel(qtbot, sessao_demo)
    aba = painel.servidores
    assert aba.carregando  # a lista e a situação vêm em segundo plano: a janela já está de pé
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    assert aba.modelo.rowCount() == SERVIDORES
    assert threads == [False] and listas == [False]  # lidas e calculadas uma vez, fora da thread da interface
    situacoes = {aba.proxy.index(i, 5).data() for i in range(aba.proxy.rowCount())}
    assert "calculando…" not in situacoes and any(s.startswith("Nível ") for s in situacoes)

    painel.abas.setCurrentWidget(painel.escolas)
    painel.abas.setCurrentWidget(painel.servidores)  # voltar à aba: nada mudou, nada recalculado
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)  # a versão dos dados é lida fora da interface
    assert threads == [False] and listas == [False]

    copias.fazer_copia(sessao_demo)  # a cópia de segurança (e a diária, ao abrir) escreve no diário...
    folha.fechar(sessao_demo, date(2026, 10, 1), aceitar_pendencias=True)  # ...e o fechamento da folha...
    painel.abas.setCurrentWidget(painel.escolas)
    painel.abas.setCurrentWidget(painel.servidores)  # ...mas não mudam servidores: nada relido (issue 16)
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    assert threads == [False] and listas == [False]

    escola = cadastro.listar_escolas(sessao_demo)[0]["id"]
    novo = cadastro.cadastrar_servidor(sessao_demo, nome="Zélia Nova", cpf="529.982.247-25", matricula="77001",
                                       cargo="professor", admissao=date(2015, 3, 2), jornada=20,
                                       titulo="licenciatura_plena", escola_id=escola)
    painel.abas.setCurrentWidget(painel.escolas)
    painel.abas.setCurrentWidget(painel.servidores)  # a base mudou: relê a lista e recalcula
    qtbot.waitUntil(lambda: not aba.carregando, timeout=15000)
    assert aba.modelo.rowCount() == SERVIDORES + 1
    assert threads == [False, False] and listas == [False, False]
    linha = next(i for i in range(aba.proxy.rowCount()) if aba.proxy.linha_origem(aba.proxy.index(i, 0))["id"] == novo["id"])
    assert aba.proxy.index(linha, 5).data().startswith("Nível 3 · classe")


def test_abas_montadas_so_na_primeira_visita(qtbot, sessao_demo):
    from desktop.screens.magisterio.folha import AbaFolha

    painel = _painel(qtbot, sessao_demo)
    assert painel.montada("servidores")  # a aba que aparece ao abrir
    assert not any(painel.montada(c) for c in ("escolas", "folha", "tabelas", "configuracao", "simulador"))
    indice = next(i for i in range(painel.abas.count()) if painel.abas.tabText(i) == "Folha mensal")
    painel.abas.setCurrentIndex(indice)  # o que Alt+N faz
    assert painel.montada("folha") and not painel.montada("escolas")
    assert isinstance(painel.abas.currentWidget(), AbaFolha)
    assert painel.abas.currentWidget() is painel.folha  # montada uma vez só
    assert painel.abas.tabToolTip(indice) == f"Alt+{indice + 1}"
    qtbot.waitUntil(lambda: not painel.servidores.carregando and not painel.folha.carregando, timeout=20000)
