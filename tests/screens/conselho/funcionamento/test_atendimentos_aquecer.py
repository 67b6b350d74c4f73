"""Aba Atendimentos: com a primeira lista na tela, a conexão das buscas é preparada (``aquecer_busca``) uma vez, numa
thread de trabalho; a busca digitada enquanto isso não espera por ela; quem não lê os casos não a prepara."""
import threading
from datetime import datetime

from PySide6.QtCore import Qt

from desktop.services.conselho import atendimentos
from desktop.screens.conselho.funcionamento.atendimentos import AbaAtendimentos
from desktop.screens.widgets import leitura
from tests.screens.apoio_janelas import digitar


def _casos(conselheira):
    for dia, nome in ((2, "Lia Souza"), (3, "Rui Lima"), (4, "Ana Lima")):
        atendimentos.registrar_atendimento(conselheira, {
            "tipo": "denuncia", "recebido_em": datetime(2025, 1, dia, 8, 0), "bairro": "Centro",
            "criancas": [{"nome": nome}]})


def _vigiar(monkeypatch, segurar: threading.Event | None = None) -> list:
    """Troca o serviço por um que anota a thread em que roda (e, com ``segurar``, espera por ele antes de aquecer)."""
    chamadas, original = [], atendimentos.aquecer_busca

    def aquecer(sessao):
        chamadas.append(threading.current_thread())
        if segurar is not None:
            segurar.wait(20)
        return original(sessao)

    monkeypatch.setattr(atendimentos, "aquecer_busca", aquecer)
    return chamadas


def _nomes(aba) -> list[str]:
    m = aba.visao.model()
    return [m.index(i, 3).data() for i in range(m.rowCount())]


def _aba(qtbot, sessao):
    aba = AbaAtendimentos(sessao)
    qtbot.addWidget(aba)
    aba.show()
    qtbot.waitUntil(lambda: not aba.carregando, timeout=10000)
    return aba


def test_aquece_uma_vez_fora_da_thread_da_interface(qtbot, monkeypatch, conselheira):
    _casos(conselheira)
    chamadas = _vigiar(monkeypatch)
    aba = _aba(qtbot, conselheira)
    assert _nomes(aba) == ["Ana Lima", "Rui Lima", "Lia Souza"]
    qtbot.waitUntil(lambda: chamadas and leitura.em_andamento() == 0, timeout=10000)
    assert chamadas[0] is not threading.main_thread()
    assert any(b.aquecida for b in conselheira._paralelas)  # e a conexão aquecida ficou com a sessão
    digitar(qtbot, aba.busca, "lima")
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not aba.carregando and _nomes(aba) == ["Ana Lima", "Rui Lima"], timeout=10000)
    assert len(chamadas) == 1  # uma vez por aba, não a cada busca


def test_a_busca_nao_espera_o_aquecimento(qtbot, monkeypatch, conselheira):
    _casos(conselheira)
    segurar = threading.Event()
    chamadas = _vigiar(monkeypatch, segurar)
    try:
        aba = _aba(qtbot, conselheira)
        qtbot.waitUntil(lambda: bool(chamadas), timeout=10000)  # aquecendo (parado no meio)
        digitar(qtbot, aba.busca, "souza")
        qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not aba.carregando and _nomes(aba) == ["Lia Souza"], timeout=10000)
        assert not segurar.is_set()  # a lista da busca chegou com o aquecimento ainda em curso
    finally:
        segurar.set()
    qtbot.waitUntil(lambda: leitura.em_andamento() == 0, timeout=10000)


def test_quem_nao_le_os_casos_nao_aquece(qtbot, monkeypatch, sessao_admin, conselheira):
    _casos(conselheira)
    chamadas = _vigiar(monkeypatch)
    aba = _aba(qtbot, sessao_admin)
    qtbot.waitUntil(lambda: leitura.em_andamento() == 0, timeout=10000)
    assert aba.modelo.rowCount() == 0 and "sigilosos" in aba.sigilo.text()
    assert chamadas == [] and not any(b.aquecida for b in sessao_admin._paralelas)


def test_gravado_um_caso_prepara_de_novo(qtbot, monkeypatch, conselheira):
    """O caso novo muda o índice: a conexão deixa de lado o vocabulário lido; a aba prepara de novo depois de gravar, e
    a busca acha o caso novo pelo vocabulário relido."""
    from desktop.screens.conselho.funcionamento import novo_caso
    from desktop.store.conselho import atendimentos as armazem

    _casos(conselheira)
    chamadas = _vigiar(monkeypatch)
    aba = _aba(qtbot, conselheira)
    qtbot.waitUntil(lambda: len(chamadas) == 1 and leitura.em_andamento() == 0, timeout=10000)
    [aquecida] = [b for b in conselheira._paralelas if b.aquecida]

    class Formulario:  # o formulário de novo caso, gravado pelo serviço como o de verdade grava
        def __init__(self, sessao, _pai):
            self.resultado = atendimentos.registrar_atendimento(sessao, {
                "tipo": "denuncia", "recebido_em": datetime(2025, 1, 9, 8, 0), "bairro": "Centro",
                "criancas": [{"nome": "Zacarias Lima"}]})

        def exec(self):
            return True

    monkeypatch.setattr(novo_caso, "DialogoNovoCaso", Formulario)
    aba._on_novo()
    qtbot.waitUntil(lambda: len(chamadas) == 2 and leitura.em_andamento() == 0, timeout=10000)
    assert aquecida.db in armazem._termos and "zacarias" in armazem._termos[aquecida.db][2]
    digitar(qtbot, aba.busca, "zac")
    qtbot.keyClick(aba.busca, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not aba.carregando and _nomes(aba) == ["Zacarias Lima"], timeout=10000)
