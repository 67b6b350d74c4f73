"""Como as telas chamam os serviços (widgets.servicos): a leitura e a operação rodam fora da thread da
interface, o resultado volta num callback na thread da interface, a recusa prevista vira aviso em
português e a aba fica travada enquanto a operação trabalha."""
import threading

from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from desktop.screens.widgets import avisos, servicos
from desktop.services.sessao import ErroNegocio


def _aba(qtbot):
    aba = QWidget()
    botao = QPushButton("Gravar", aba)
    qtbot.addWidget(aba)
    return aba, botao


def test_consulta_roda_fora_da_interface_e_entrega_o_resultado(qtbot):
    aba, _ = _aba(qtbot)
    interface = threading.get_ident()
    recebido = []
    servicos.consulta(aba, lambda: ("lido", threading.get_ident()), recebido.append, titulo_erro="Ler")
    qtbot.waitUntil(lambda: bool(recebido), timeout=10000)
    valor, thread = recebido[0]
    assert valor == "lido" and thread != interface


def test_consulta_recusada_vira_aviso_e_chama_ao_falhar(qtbot, monkeypatch):
    aba, _ = _aba(qtbot)
    mostrados, falhas = [], []
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))

    def recusa():
        raise ErroNegocio("Processo de escolha não encontrado.")

    servicos.consulta(aba, recusa, lambda r: None, titulo_erro="Abrir processo", ao_falhar=falhas.append)
    qtbot.waitUntil(lambda: bool(falhas), timeout=10000)
    assert mostrados == [("Abrir processo", "Processo de escolha não encontrado.")]


def test_consulta_com_chave_descarta_a_resposta_velha(qtbot):
    """Duas leituras da mesma lista: a primeira responde por último e é descartada; ``carregando`` fica
    True até a mais nova chegar. Outra chave não interfere."""
    from desktop.screens.widgets.leitura import em_andamento

    aba, _ = _aba(qtbot)
    soltar_velha = threading.Event()
    recebido = []

    def velha():
        soltar_velha.wait(10)
        return "velha"

    servicos.consulta(aba, velha, recebido.append, titulo_erro="Ler", chave="lista")
    servicos.consulta(aba, lambda: "nova", recebido.append, titulo_erro="Ler", chave="lista")
    servicos.consulta(aba, lambda: "outra", recebido.append, titulo_erro="Ler", chave="detalhe")
    assert aba.carregando
    qtbot.waitUntil(lambda: sorted(recebido) == ["nova", "outra"], timeout=10000)
    assert not aba.carregando
    soltar_velha.set()
    qtbot.waitUntil(lambda: em_andamento() == 0, timeout=10000)
    qtbot.wait(50)  # o sinal da velha chega à interface e é descartado
    assert sorted(recebido) == ["nova", "outra"] and not aba.carregando


def test_operacao_trava_a_aba_e_devolve_o_resultado(qtbot):
    aba, botao = _aba(qtbot)
    liberar = threading.Event()
    recebido = []

    def gravar(progresso):
        progresso.informar(1, 2, "Gravando…")
        liberar.wait(10)
        return 42

    servicos.operacao(aba, "Gravando…", gravar, recebido.append, titulo_erro="Gravar")
    assert not botao.isEnabled()  # nenhum outro clique usa a base enquanto a operação trabalha
    liberar.set()
    qtbot.waitUntil(lambda: bool(recebido), timeout=10000)
    assert recebido == [42] and botao.isEnabled()


def test_gravar_uma_por_vez_e_aba_tarefa_volta_a_none(qtbot):
    aba, _ = _aba(qtbot)
    aba.tarefa = None
    liberar = threading.Event()
    gravados, recusas = [], []

    def gravar():
        liberar.wait(10)
        return "gravado"

    assert servicos.gravar(aba, "Gravando…", gravar, gravados.append, titulo_erro="Gravar") is not None
    assert aba.tarefa is not None
    assert servicos.gravar(aba, "Gravando…", gravar, gravados.append, titulo_erro="Gravar") is None  # ignorado
    liberar.set()
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=10000)
    assert gravados == ["gravado"]

    def recusa():
        raise ErroNegocio("Seção já apurada.")

    servicos.gravar(aba, "Gravando…", recusa, gravados.append, titulo_erro="Gravar", ao_recusar=recusas.append)
    qtbot.waitUntil(lambda: aba.tarefa is None, timeout=10000)
    assert [str(e) for e in recusas] == ["Seção já apurada."] and gravados == ["gravado"]


def test_leitura_interrompida_pela_sessao_encerrada_e_descartada_sem_erro(qtbot, monkeypatch, sessao_admin):
    """Uma aba pede uma leitura e o usuário sai (ou troca de usuário) antes de ela abrir a base: a
    leitura não abre a base com a chave que já saiu da memória; a resposta é descartada sem aviso e
    sem erro no laço de eventos (antes: AttributeError de ``chave.hex()`` em ``Base.paralela``)."""
    from desktop.services import acesso
    from desktop.screens.widgets.leitura import em_andamento

    aba, _ = _aba(qtbot)
    mostrados, recebidos, falhas = [], [], []
    monkeypatch.setattr(avisos, "erro", lambda parent, titulo, erro: mostrados.append((titulo, str(erro))))
    pode_ler = threading.Event()

    def ler_usuarios():
        pode_ler.wait(10)
        return acesso.listar_usuarios(sessao_admin)

    servicos.consulta(aba, ler_usuarios, recebidos.append, titulo_erro="Usuários", ao_falhar=falhas.append)
    sessao_admin.fechar()  # sair: a leitura ainda não pediu a conexão dela
    pode_ler.set()
    qtbot.waitUntil(lambda: em_andamento() == 0, timeout=10000)
    qtbot.wait(50)  # o sinal da thread chega à interface
    assert recebidos == [] and falhas == [] and mostrados == []


def test_gravar_sozinho_nao_trava_nem_avisa_e_entrega_a_recusa(qtbot, monkeypatch):
    """O rascunho salvo enquanto se digita: fora da interface, sem diálogo nem campo travado; a recusa
    prevista vai só ao ``ao_falhar`` (nenhuma caixa de aviso)."""
    aba, botao = _aba(qtbot)
    interface = threading.get_ident()
    mostrados, gravados, falhas = [], [], []
    monkeypatch.setattr(avisos, "erro", lambda *args: mostrados.append(args))
    soltar = threading.Event()

    def grava():
        soltar.wait(10)
        return threading.get_ident()

    servicos.gravar_sozinho(aba, grava, gravados.append, ao_falhar=falhas.append)
    assert botao.isEnabled() and aba.findChildren(QProgressDialog) == []
    soltar.set()
    qtbot.waitUntil(lambda: bool(gravados), timeout=10000)
    assert gravados[0] != interface

    def recusa():
        raise ErroNegocio("Sem base aberta.")

    servicos.gravar_sozinho(aba, recusa, gravados.append, ao_falhar=falhas.append)
    qtbot.waitUntil(lambda: bool(falhas), timeout=10000)
    assert str(falhas[0]) == "Sem base aberta." and mostrados == [] and len(gravados) == 1
