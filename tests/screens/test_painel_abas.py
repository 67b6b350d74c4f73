"""Painel de módulo com abas declaradas (widgets.painel): só as abas do papel, Alt+N pela posição ou o
atalho declarado, o aviso de papel sem acesso e o recarregar ao voltar a uma aba."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.rules.papeis import Permissao
from desktop.screens.widgets.painel import Aba, PainelAbas


class _Aba(QWidget):
    def __init__(self, sessao, parent=None):
        super().__init__(parent)
        self.recargas = 0

    def recarregar(self):
        self.recargas += 1


class _Sessao:
    def __init__(self, permissoes):
        self._permissoes = set(permissoes)

    def pode(self, permissao):
        return permissao in self._permissoes


ABAS = (
    Aba("um", "Um", _Aba),
    Aba("dois", "Dois", _Aba, Permissao.USUARIOS_GERENCIAR),
    Aba("tres", "Três", _Aba, lambda sessao: sessao.pode(Permissao.DIARIO_LER)),
    Aba("quatro", "Quatro", _Aba, atalho="Alt+9"),
)


def test_so_as_abas_do_papel_com_atalhos_e_recarga(qtbot):
    painel = PainelAbas(_Sessao({Permissao.DIARIO_LER}), ABAS, sem_acesso="nada", recarregar_ao_voltar=True)
    qtbot.addWidget(painel)
    with qtbot.waitActive(painel):
        painel.show()
        painel.activateWindow()
    assert [painel.abas.tabText(i) for i in range(painel.abas.count())] == ["Um", "Três", "Quatro"]
    assert painel.dois is None and painel.abas.tabToolTip(1) == "Alt+2" and painel.abas.tabToolTip(2) == "Alt+9"
    qtbot.keyClick(painel.abas, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert painel.abas.currentWidget() is painel.tres and painel.tres.recargas == 1
    qtbot.keyClick(painel.abas, Qt.Key.Key_9, Qt.KeyboardModifier.AltModifier)
    assert painel.abas.currentWidget() is painel.quatro


def test_papel_sem_nenhuma_aba_ve_o_aviso(qtbot):
    painel = PainelAbas(_Sessao(set()), ABAS[1:3], sem_acesso="O papel não dá acesso.")
    qtbot.addWidget(painel)
    assert painel.abas.count() == 0 and painel.abas.isHidden()
    assert [r.text() for r in painel.findChildren(QLabel)] == ["O papel não dá acesso."]


class _Contada(_Aba):
    montagens: list[str] = []

    def __init__(self, sessao, parent=None):
        super().__init__(sessao, parent)
        _Contada.montagens.append(type(self).__name__)


def test_montar_na_visita_monta_so_a_aba_que_aparece(qtbot):
    """Abrir o painel monta só a aba da frente; as outras, na primeira visita ou quando lidas (issue 16)."""
    _Contada.montagens = []
    abas = [Aba("", titulo, type(titulo, (_Contada,), {}), permissao) for titulo, permissao in
            (("Primeira", None), ("Vedada", Permissao.USUARIOS_GERENCIAR), ("Segunda", None), ("Terceira", None))]
    painel = PainelAbas(_Sessao(set()), abas, sem_acesso="nada", montar_na_visita=True)
    qtbot.addWidget(painel)
    with qtbot.waitActive(painel):
        painel.show()
        painel.activateWindow()
    assert _Contada.montagens == ["Primeira"]
    assert "Terceira" in painel.por_titulo and "Vedada" not in painel.por_titulo and _Contada.montagens == ["Primeira"]
    assert painel.por_titulo.get("Vedada") is None
    qtbot.keyClick(painel.abas, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # visita: monta no lugar do marcador
    segunda = painel.abas.currentWidget()
    assert _Contada.montagens == ["Primeira", "Segunda"] and type(segunda).__name__ == "Segunda"
    assert painel.abas.tabText(1) == "Segunda" and painel.abas.tabToolTip(1) == "Alt+2"
    assert painel.por_titulo["Segunda"] is segunda and segunda.recargas == 0  # voltar não recarrega (não pedido)
    terceira = painel.por_titulo["Terceira"]  # lida sem visita: monta, e a aba da frente não muda
    assert painel.abas.currentWidget() is segunda and painel.abas.widget(2) is terceira
    assert _Contada.montagens == ["Primeira", "Segunda", "Terceira"]
    painel.abas.setCurrentIndex(0)
    painel.abas.setCurrentIndex(2)
    assert _Contada.montagens == ["Primeira", "Segunda", "Terceira"]  # cada uma uma vez só


class _Grade(_Aba):
    """Aba com alterações não gravadas: ``pode_sair`` responde ``self.sair`` e guarda o ``depois``."""

    sair = False
    depois = None

    def pode_sair(self, depois=None):
        self.depois = depois
        return self.sair


montagens: list[str] = []


def _contada(nome, classe=_Aba):
    def fabrica(sessao, parent):
        montagens.append(nome)
        return classe(sessao, parent)
    return fabrica


def test_montar_na_visita_pode_sair_e_recarga_por_aba(qtbot):
    montagens.clear()
    abas = (Aba("um", "Um", _contada("um"), recarregar=True), Aba("dois", "Dois", _contada("dois")),
            Aba("grade", "Grade", _contada("grade", _Grade)),
            Aba("vedada", "Vedada", _contada("vedada"), Permissao.USUARIOS_GERENCIAR))
    painel = PainelAbas(_Sessao(set()), abas, sem_acesso="nada", montar_na_visita=True)
    qtbot.addWidget(painel)
    assert montagens == ["um"] and painel.montada("um") and not painel.montada("dois")
    assert painel.vedada is None and painel.aba("vedada") is None
    assert [painel.abas.tabToolTip(i) for i in range(3)] == ["Alt+1", "Alt+2", "Alt+3"]
    painel.abas.setCurrentIndex(1)  # primeira visita: monta, sem recarregar
    assert montagens == ["um", "dois"] and painel.abas.currentWidget() is painel.dois
    assert painel.dois.recargas == 0 and painel.abas.tabToolTip(1) == "Alt+2"
    painel.abas.setCurrentIndex(0)  # "um" recarrega ao voltar; "dois" não (recarregar não declarado)
    painel.abas.setCurrentIndex(1)
    assert painel.um.recargas == 1 and painel.dois.recargas == 0
    grade = painel.grade  # ler o atributo monta a aba, sem trocar de aba
    assert montagens == ["um", "dois", "grade"] and painel.abas.currentWidget() is painel.dois
    painel.abas.setCurrentWidget(grade)
    painel.abas.setCurrentIndex(0)  # a grade não deixa sair: continua a atual
    assert painel.abas.currentWidget() is grade and callable(grade.depois)
    grade.sair = True
    grade.depois()  # a gravação terminou: a troca pedida acontece
    assert painel.abas.currentWidget() is painel.um and painel.um.recargas == 2


def test_todo_modulo_usa_o_painel_de_abas_declaradas():
    """Uma forma por módulo (issue 18, item 3): o painel de cada módulo da janela é um ``PainelAbas`` e o módulo
    declara as suas abas como ``widgets.painel.Aba`` (título, fábrica, permissão; atalho pela posição) em
    ``ABAS`` — também o Conselho, cujas abas da operação são registradas por outro pacote."""
    import importlib

    from desktop.screens.principal.modulos import MODULOS

    importlib.import_module("desktop.screens.conselho.funcionamento.abas")  # registra as abas da operação
    vistos = set()
    for modulo in MODULOS:
        classe = modulo.classe_do_painel()
        assert issubclass(classe, PainelAbas), modulo.chave
        abas = importlib.import_module(classe.__module__).ABAS
        assert abas and all(type(a) is Aba and callable(a.fabrica) for a in abas), modulo.chave
        titulos = [a.titulo for a in abas]
        assert len(set(titulos)) == len(titulos), modulo.chave
        assert all(a.permissao is not None for a in abas), modulo.chave  # cada aba diz quem a vê
        vistos.add(modulo.chave)
    assert vistos == {"magisterio", "conselho", "certificacao", "administracao"}
