"""widgets.tabela: o que cada papel do ModeloTabela devolve (texto, alinhamento, cor, dica; nada nos outros) e o
filtro do ProxyFiltro."""
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.screens.widgets.tabela import Coluna, ModeloTabela

P = Qt.ItemDataRole


def test_papeis_da_celula(qapp):
    colunas = [Coluna("Nome", lambda r: r["nome"]),
               Coluna("Valor", lambda r: f"R$ {r['v']}", alinhamento="direita",
                      cor=lambda r: "#a00000" if r["v"] < 0 else None,
                      dica=lambda r: "negativo" if r["v"] < 0 else None),
               Coluna("Marca", lambda r: "sim", alinhamento="centro")]
    m = ModeloTabela(colunas, cor_linha=lambda r: "#555555" if r["nome"] == "Cinza" else None)
    m.definir_linhas([{"nome": "Ana", "v": -3}, {"nome": "Cinza", "v": 2}])
    a, b = m.index(0, 1), m.index(1, 1)
    assert m.data(a) == m.data(a, P.DisplayRole) == m.data(a, int(P.DisplayRole)) == "R$ -3"
    assert m.data(m.index(0, 0)) == "Ana"
    assert m.data(a, P.TextAlignmentRole) == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert m.data(m.index(0, 2), P.TextAlignmentRole) == Qt.AlignmentFlag.AlignCenter
    assert m.data(m.index(0, 0), P.TextAlignmentRole) == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    assert m.data(a, P.ForegroundRole) == QColor("#a00000")  # a cor da coluna vale antes da cor da linha
    assert m.data(b, P.ForegroundRole) == QColor("#555555")
    assert m.data(m.index(0, 0), P.ForegroundRole) is None
    assert m.data(a, P.ToolTipRole) == "negativo"
    assert m.data(b, P.ToolTipRole) is None  # a dica da coluna decide (sem dica, nada)
    assert m.data(m.index(0, 0), P.ToolTipRole) == "Ana"  # coluna sem dica: o próprio texto
    for papel in (P.FontRole, P.BackgroundRole, P.DecorationRole, P.CheckStateRole, P.UserRole):
        assert m.data(a, papel) is None
    assert m.data(QModelIndex()) is None
    assert m.headerData(1, Qt.Orientation.Horizontal, P.TextAlignmentRole) == \
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def test_filtro_sem_acento_e_o_texto_novo_depois_de_mudar(qapp):
    """O filtro procura no que se vê (todas as colunas, sem acento, todos os termos). O texto de cada linha fica
    guardado entre uma tecla e outra, e é refeito quando as linhas, as colunas ou uma coluna mudam."""
    from desktop.screens.widgets.tabela import ProxyFiltro

    situacoes = {"1": "em exercício", "2": "licença"}
    colunas = [Coluna("Nome", lambda r: r["nome"]), Coluna("Situação", lambda r: situacoes.get(r["id"], "—"))]
    m = ModeloTabela(colunas)
    proxy = ProxyFiltro(m)
    m.definir_linhas([{"id": "1", "nome": "João Araújo"}, {"id": "2", "nome": "Ana Conceição"},
                      {"id": "3", "nome": "JOAO Lima"}])

    def visiveis():
        return [proxy.linha_origem(proxy.index(i, 0))["nome"] for i in range(proxy.rowCount())]

    proxy.definir_texto("joao")
    assert visiveis() == ["João Araújo", "JOAO Lima"]
    proxy.definir_texto("joão exercicio")
    assert visiveis() == ["João Araújo"]
    situacoes["1"] = "licença"  # a coluna calculada depois (como a situação dos servidores) muda
    m.coluna_mudou(1)
    assert visiveis() == []
    proxy.definir_texto("licenca")
    assert visiveis() == ["João Araújo", "Ana Conceição"]
    m.definir_linhas([{"id": "3", "nome": "Rosa Licença"}])
    assert visiveis() == ["Rosa Licença"]
    m.definir_colunas(colunas[:1])
    proxy.definir_texto("exercicio")
    assert visiveis() == []
    proxy.definir_texto("")
    assert visiveis() == ["Rosa Licença"]


def test_coluna_editavel_e_de_marcar(qapp):
    """``editar`` recebe o texto digitado e ``marcar`` a caixa marcada; as outras colunas não editam; só os modelos
    com coluna editável respondem aos papéis de edição (os demais continuam a devolver None já na entrada)."""
    from desktop.screens.widgets.tabela import criar_visao, ProxyFiltro

    linhas = [{"id": "a", "codigo": "", "ok": False}]
    m = ModeloTabela([Coluna("Id", lambda r: r["id"]),
                      Coluna("Código", lambda r: r["codigo"], editar=lambda r, t: r.__setitem__("codigo", t.strip())),
                      Coluna("Ok", lambda r: "", marcada=lambda r: r["ok"], marcar=lambda r, s: r.__setitem__("ok", s))])
    m.definir_linhas(linhas)
    F = Qt.ItemFlag
    assert not m.flags(m.index(0, 0)) & F.ItemIsEditable
    assert m.flags(m.index(0, 1)) & F.ItemIsEditable and m.flags(m.index(0, 2)) & F.ItemIsUserCheckable
    assert m.data(m.index(0, 2), P.CheckStateRole) == Qt.CheckState.Unchecked
    assert m.data(m.index(0, 0), P.CheckStateRole) is None and m.data(m.index(0, 0), P.EditRole) is None
    assert not m.setData(m.index(0, 0), "x")  # coluna sem editar: nada muda
    assert m.setData(m.index(0, 1), " 1023 ") and linhas[0]["codigo"] == "1023"
    assert m.data(m.index(0, 1), P.EditRole) == "1023" and m.texto_de_busca(0).startswith("a 1023")
    assert m.setData(m.index(0, 2), Qt.CheckState.Checked, P.CheckStateRole) and linhas[0]["ok"] is True
    assert m.setData(m.index(0, 2), 0, P.CheckStateRole) and linhas[0]["ok"] is False  # como int, também
    visao = criar_visao(ProxyFiltro(m))
    assert visao.editTriggers() != visao.EditTrigger.NoEditTriggers
    so_leitura = ModeloTabela([Coluna("Id", lambda r: r["id"])])
    so_leitura.definir_linhas(linhas)
    assert so_leitura.data(so_leitura.index(0, 0), P.EditRole) is None
    assert criar_visao(ProxyFiltro(so_leitura)).editTriggers() == visao.EditTrigger.NoEditTriggers


def test_lista_mantem_a_escolha_pelo_id_ao_reler(qapp):
    """``Lista.definir_linhas`` escolhe de novo a mesma linha (pelo id, mesmo se mudou de posição) sem chamar
    ``ao_mudar``; ``selecionar`` chama."""
    from desktop.screens.widgets.tabela import Lista

    mudancas = []
    lista = Lista([Coluna("Nome", lambda r: r["nome"])], ao_mudar=lambda: mudancas.append(lista.selecionada()["id"]))
    lista.definir_linhas([{"id": 1, "nome": "Bia"}, {"id": 2, "nome": "Caio"}])
    assert lista.selecionada() is None
    assert lista.selecionar(2) and mudancas == [2]
    assert lista.definir_linhas([{"id": 3, "nome": "Ana"}, {"id": 1, "nome": "Bia"}, {"id": 2, "nome": "Caio"}])
    assert lista.selecionada()["id"] == 2 and lista.visao.currentIndex().row() == 2 and mudancas == [2]
    assert not lista.definir_linhas([{"id": 1, "nome": "Bia"}]) and lista.selecionada() is None
    assert not lista.selecionar(9) and not lista.selecionar(None)


def test_coluna_que_estica_nao_some_sem_sobra(qtbot):
    """A coluna ``esticar`` ocupa a sobra, mas sem sobra fica com a sua ``largura`` (a tabela rola) — antes, no modo
    Stretch do Qt, ela ficava com poucos pixels quando as outras somavam mais que a tela (visto a 1366×768)."""
    from desktop.screens.widgets.tabela import Lista

    lista = Lista([Coluna("Código", lambda r: "x", largura=300), Coluna("Nome", lambda r: "y", esticar=True, largura=200),
                   Coluna("Data", lambda r: "z", largura=300)])
    lista.definir_linhas([{"id": 1}])
    visao = lista.visao
    qtbot.addWidget(visao)
    visao.resize(500, 200)
    visao.show()
    qtbot.waitExposed(visao)
    cab = visao.horizontalHeader()
    qtbot.waitUntil(lambda: cab.sectionSize(1) == 200)  # sem sobra: o mínimo, e a tabela rola
    assert visao.horizontalScrollBar().maximum() > 0
    visao.resize(1400, 200)
    qtbot.waitUntil(lambda: cab.sectionSize(1) == visao.viewport().width() - 600)  # com sobra: ela toda
    cab.resizeSection(0, 400)  # o usuário alarga outra coluna: a que estica cede
    assert cab.sectionSize(1) == visao.viewport().width() - 700


def test_enter_abre_a_linha_e_nao_aperta_o_botao_padrao_do_dialogo(qtbot):
    """Enter numa Lista com ``ao_abrir`` abre a linha e para ali; o duplo clique também abre. Sem parar, o Enter
    seguia para o diálogo e apertava também o botão padrão (em Anexos, o primeiro botão)."""
    from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

    from desktop.screens.widgets.tabela import Lista

    dialogo = QDialog()
    qtbot.addWidget(dialogo)
    abertos, cliques = [], []
    lista = Lista([Coluna("Nome", lambda r: r["nome"])], dialogo, ao_abrir=lambda r: abertos.append(r["id"]))
    lista.definir_linhas([{"id": 1, "nome": "Bia"}, {"id": 2, "nome": "Caio"}])
    botao = QPushButton("Anexar", dialogo)
    botao.clicked.connect(lambda: cliques.append(1))
    lay = QVBoxLayout(dialogo)
    lay.addWidget(lista.visao)
    lay.addWidget(botao)
    with qtbot.waitExposed(dialogo):
        dialogo.show()
    assert botao.isDefault()  # o Qt faz do primeiro botão o padrão do diálogo
    lista.visao.setFocus()
    qtbot.keyClick(lista.visao, Qt.Key.Key_Down)
    qtbot.keyClick(lista.visao, Qt.Key.Key_Down)
    qtbot.keyClick(lista.visao, Qt.Key.Key_Return)
    assert abertos == [2] and cliques == [] and dialogo.isVisible()
    centro = lista.visao.visualRect(lista.proxy.index(0, 0)).center()
    qtbot.mouseClick(lista.visao.viewport(), Qt.MouseButton.LeftButton, pos=centro)  # o 1º clique do duplo
    qtbot.mouseDClick(lista.visao.viewport(), Qt.MouseButton.LeftButton, pos=centro)
    assert abertos == [2, 1] and cliques == []


def test_coluna_curta_alarga_pelo_conteudo_e_a_que_estica_cede(qtbot):
    """Ao chegarem as linhas, a coluna que não estica alarga até caber o seu texto (as larguras fixas cortavam
    'impugna…' e '28/05/2027 (juntad…' com sobra na tabela, visto a 1366×768); a ``esticar`` cede a sobra. Texto
    mais longo que ~36 letras não alarga além disso (fica na dica); a coluna que o usuário estreitou não volta a
    alargar ao reler as mesmas linhas, só quando chega texto mais longo."""
    from desktop.screens.widgets.tabela import Lista

    longo = "muito " * 30
    lista = Lista([Coluna("Tipo", lambda r: r["tipo"], largura=40),
                   Coluna("Candidato", lambda r: "Fulana", esticar=True, largura=150),
                   Coluna("Decisão", lambda r: r["decisao"], largura=60),
                   Coluna("Obs.", lambda r: r["obs"], largura=60),
                   Coluna("Fim", lambda r: "x", largura=60)])
    visao, cab = lista.visao, lista.visao.horizontalHeader()
    qtbot.addWidget(visao)
    visao.resize(1000, 200)
    visao.show()
    qtbot.waitExposed(visao)
    linhas = [{"id": 1, "tipo": "impugnação", "decisao": "procedente em 30/05/2027", "obs": longo},
              {"id": 2, "tipo": "denúncia", "decisao": "pendente", "obs": ""}]
    lista.definir_linhas(linhas)
    fm = visao.fontMetrics()
    for coluna in (0, 2):  # o que o Qt mede para a coluna inteira sem reticências (resizeColumnToContents)
        assert visao.sizeHintForColumn(coluna) <= cab.sectionSize(coluna) < visao.sizeHintForColumn(coluna) + 3
    assert cab.sectionSize(3) < fm.horizontalAdvance(longo)  # teto: o texto longo fica cortado (e na dica)
    assert 36 * fm.averageCharWidth() <= cab.sectionSize(3) <= 36 * fm.averageCharWidth() + 30
    qtbot.waitUntil(lambda: cab.sectionSize(1) == visao.viewport().width() - sum(
        cab.sectionSize(i) for i in (0, 2, 3, 4)))  # a que estica ficou com o resto
    cab.resizeSection(2, 70)  # o usuário estreita a Decisão
    lista.definir_linhas(linhas)
    assert cab.sectionSize(2) == 70
    lista.definir_linhas(linhas + [{"id": 3, "tipo": "denúncia", "decisao": "improcedente em 30/05/2027", "obs": ""}])
    assert cab.sectionSize(2) >= visao.sizeHintForColumn(2) > fm.horizontalAdvance("improcedente em 30/05/2027")


def test_medida_pelo_conteudo_mede_cada_texto_uma_vez(qtbot, monkeypatch):
    """Numa Lista de 3.000 linhas, a largura pelo conteúdo sai só da amostra (as primeiras 200 linhas), cada texto
    diferente medido uma vez: os que se repetem (jornada, lotação) não são medidos de novo, e ao reler linhas com os
    mesmos textos (objetos novos: a folha depois do fechamento) nada é medido outra vez — eram 200 medidas por coluna
    a cada chegada, ~12 ms na thread da interface com a folha de 3.000 servidores (issue 16). As larguras são as
    mesmas de medir tudo; com outra fonte, mede de novo."""
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.screens.widgets import tabela
    from desktop.screens.widgets.tabela import Lista

    chamadas = {"mostrar": 0}

    def nome(r):
        chamadas["mostrar"] += 1
        return r["nome"]

    lista = Lista([Coluna("Nome", nome, largura=40), Coluna("Jornada", lambda r: r["jornada"], largura=30),
                   Coluna("Fim", lambda r: "x")])
    visao, cab = lista.visao, lista.visao.horizontalHeader()
    qtbot.addWidget(visao)
    visao.resize(900, 300)
    visao.show()
    qtbot.waitExposed(visao)

    def linhas():
        return [{"id": i, "nome": f"Servidora {'W' * (i % 7)} {i}", "jornada": f"{20 + 20 * (i % 2)} h"}
                for i in range(3000)]

    medidos = []
    original = QFontMetrics.horizontalAdvance
    monkeypatch.setattr(QFontMetrics, "horizontalAdvance", lambda fm, texto, *a: medidos.append(texto) or
                        original(fm, texto, *a))
    lista.definir_linhas(linhas())
    amostra = linhas()[:tabela._AMOSTRA]
    assert chamadas["mostrar"] <= tabela._AMOSTRA + 2 * 60  # a amostra (mais as células pintadas, se houver)
    distintos = {r["nome"] for r in amostra} | {r["jornada"] for r in amostra}
    assert set(medidos) >= distintos and len(medidos) <= len(distintos) + 4  # + a margem de cada coluna (_margem)
    fm = visao.fontMetrics()
    assert cab.sectionSize(0) >= max(original(fm, r["nome"]) for r in amostra)
    assert cab.sectionSize(1) >= original(fm, "40 h")
    larguras = [cab.sectionSize(i) for i in (0, 1)]

    medidos.clear()
    lista.definir_linhas(linhas())  # os mesmos textos em linhas novas: nada a medir de novo além da margem
    assert len(medidos) <= 4 and not set(medidos) & (distintos - {amostra[0]["nome"], amostra[0]["jornada"]})
    assert [cab.sectionSize(i) for i in (0, 1)] == larguras

    medidos.clear()
    fonte = QFont(visao.font())
    fonte.setPointSize(fonte.pointSize() + 6)
    visao.setFont(fonte)  # outra fonte: as larguras guardadas não valem
    lista.definir_linhas(linhas())
    assert set(medidos) >= distintos
    assert cab.sectionSize(0) > larguras[0]


def test_linhas_antigas_dos_servicos_sao_soltas_noutra_thread(qtbot):
    """Trocar milhares de linhas vindas dos serviços solta as antigas noutra thread (``soltura``): desalocar a folha de
    3.000 servidores eram ~10 ms na thread da interface a cada prévia ou fechamento, e a prévia que sai, ~16 ms
    (issue 16). Linhas de outros tipos (que podem guardar objetos do Qt) e listas pequenas continuam soltas aqui."""
    import gc
    import threading
    import weakref
    from decimal import Decimal

    from desktop.rules.dinheiro import ValorFundamentado
    from desktop.screens.widgets import soltura
    from desktop.screens.widgets.tabela import Lista

    class DaTela:  # um tipo das telas: pode guardar um objeto do Qt
        def __init__(self, i):
            self.i = i

    soltas: list[tuple[str, str]] = []  # (qual, thread)
    lista = Lista([Coluna("Valor", lambda v: str(v.valor))])
    qtbot.addWidget(lista.visao)

    def linhas(qual, tipo, n):
        criadas = [tipo(Decimal(i), "art. 1") if tipo is ValorFundamentado else tipo(i) for i in range(n)]
        for linha in criadas[:3]:
            weakref.finalize(linha, lambda: soltas.append((qual, threading.current_thread().name)))
        return criadas

    lista.definir_linhas(linhas("servico", ValorFundamentado, 3000))
    lista.definir_linhas(linhas("tela", DaTela, 3000))  # as 3.000 do serviço saem
    qtbot.waitUntil(lambda: len(soltas) == 3 and soltura.pendentes() == 0)
    assert {t for q, t in soltas if q == "servico"} == {"paco-soltura"}
    qtbot.waitUntil(gc.isenabled)  # a coleta automática, desligada durante a soltura, volta (pela interface)
    lista.definir_linhas(linhas("poucas", ValorFundamentado, 10))  # as da tela saem aqui mesmo, já
    assert {t for q, t in soltas if q == "tela"} == {threading.main_thread().name}
    lista.definir_linhas([])  # poucas linhas: soltas aqui mesmo
    assert {t for q, t in soltas if q == "poucas"} == {threading.main_thread().name}
    assert lista.modelo.rowCount() == 0


def test_texto_de_busca_de_milhares_de_linhas_preparado_aos_poucos(qtbot, monkeypatch):
    """Com 3.000 linhas, o texto de busca de cada uma (o que o filtro procura) é preparado aos poucos depois que elas
    chegam, em lotes pequenos entre os eventos: a primeira tecla do filtro não monta mais as 3.000 de uma vez (~90 ms
    na thread da interface com a folha de 3.000 servidores, issue 16) e acha as linhas certas; com poucas linhas,
    nada é preparado antes da primeira tecla.

    Sem relógio: cada passo do preparo (um disparo do temporizador, uma volta do laço de eventos) é medido por dentro,
    quantas linhas ele preparou — não quantas couberam entre dois tiques de outro temporizador (sob carga, os tiques
    atrasavam e o teste acusava um lote que não existia)."""
    from desktop.screens.widgets import tabela
    from desktop.screens.widgets.tabela import Lista

    chamadas = [0]

    def nome(r):
        chamadas[0] += 1
        return r["nome"]

    passos: list[int] = []  # linhas preparadas em cada passo do preparo
    fora = [0]  # textos de busca montados fora de um passo do preparo (de uma vez, ao chegar ou numa tecla)
    no_passo = [False]
    preparar, montar = tabela.ModeloTabela._on_preparar, tabela.ModeloTabela._texto_de_busca

    def _on_preparar(modelo):
        antes, no_passo[0] = chamadas[0], True
        try:
            preparar(modelo)
        finally:
            no_passo[0] = False
        passos.append(chamadas[0] - antes)

    def _texto_de_busca(modelo, k):
        antes = chamadas[0]
        texto = montar(modelo, k)
        if not no_passo[0]:
            fora[0] += chamadas[0] - antes
        return texto

    monkeypatch.setattr(tabela.ModeloTabela, "_on_preparar", _on_preparar)
    monkeypatch.setattr(tabela.ModeloTabela, "_texto_de_busca", _texto_de_busca)
    lista = Lista([Coluna("Nome", nome), Coluna("Cargo", lambda r: "Professor")])
    qtbot.addWidget(lista.visao)
    linhas = [{"id": i, "nome": f"Conceição {i}" if i % 3 else f"Joao {i}"} for i in range(3000)]
    lista.definir_linhas(linhas)
    assert fora[0] == 0 and not lista.modelo.busca_pronta()  # nada montado ao chegar: só depois, aos poucos
    qtbot.waitUntil(lista.modelo.busca_pronta, timeout=10000)
    assert fora[0] == 0 and sum(passos) == 3000  # todas as linhas preparadas nos passos, sem tecla nenhuma…
    assert max(passos) <= tabela._PREPARAR_LOTE <= 300  # …nunca mais que um lote pequeno (~10 ms) por volta do laço
    assert len(passos) >= 3000 // tabela._PREPARAR_LOTE
    antes = chamadas[0]
    lista.proxy.definir_texto("conceicao 29")
    assert chamadas[0] == antes  # a primeira tecla acha tudo pronto
    esperadas = {i for i in range(3000) if i % 3 and "29" in str(i)}  # "Conceição …29…" (as outras são "Joao")
    assert {r["id"] for r in lista.proxy.linhas_visiveis()} == esperadas and len(esperadas) > 50
    poucas = Lista([Coluna("Nome", nome)])
    qtbot.addWidget(poucas.visao)
    poucas.definir_linhas(linhas[:10])
    assert poucas.modelo.busca_pronta()  # poucas linhas: nada a preparar antes


def _opcao(delegado, indice):
    """O que o delegado põe na célula para pintá-la."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    opcao = QStyleOptionViewItem()
    delegado.initStyleOption(opcao, indice)
    return opcao


def _celula(delegado, indice) -> tuple:
    """(texto, alinhamento, cor do texto, tem texto, tem marca, marca, fundo) como o delegado os prepara."""
    from PySide6.QtGui import QPalette

    o = _opcao(delegado, indice)
    f = o.ViewItemFeature
    return (o.text, o.displayAlignment, QColor(o.palette.color(QPalette.ColorRole.Text)), bool(o.features & f.HasDisplay),
            bool(o.features & f.HasCheckIndicator), o.checkState if o.features & f.HasCheckIndicator else None,
            o.backgroundBrush.style(), o.index == indice)


def test_a_pintura_ve_o_mesmo_que_data_com_o_proxy_ordenado_filtrado_ou_nao(qtbot):
    """A tabela só de leitura prepara cada célula lendo o modelo direto (``_DelegadoLeitura``) e as outras pedem os
    papéis de uma vez (``multiData``, sem mapear o índice quando o proxy não filtra nem ordena): o texto, o
    alinhamento, a cor e a marca que a pintura recebe são os que o delegado do Qt tiraria de ``data`` na mesma
    célula, com o proxy como está, ordenado e filtrado; a célula sem cor depois de uma com cor volta à cor comum (o
    delegado do Qt reaproveita o mesmo espaço de papéis de uma célula para a outra); a quebra de linha vira o
    separador de linha, como no Qt."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from desktop.screens.widgets.tabela import Lista, _DelegadoLeitura

    do_qt = QStyledItemDelegate()
    lista = Lista([Coluna("Nome", lambda r: r["nome"]),
                   Coluna("Valor", lambda r: f"{r['v']:,}".replace(",", "."), lambda r: r["v"], alinhamento="direita",
                          cor=lambda r: "#a00000" if r["v"] < 0 else None),
                   Coluna("Obs.", lambda r: r["obs"], alinhamento="centro")],
                  cor_linha=lambda r: "#555555" if r["nome"] == "Bia" else None)
    lista.definir_linhas([{"id": i, "nome": n, "v": v, "obs": o} for i, (n, v, o) in
                          enumerate([("Caio", 1200, ""), ("Ana", -3, "duas\nlinhas"), ("Bia", 45, "x"),
                                     ("Ana Lima", 7, "y")])])
    visao, proxy = lista.visao, lista.proxy
    qtbot.addWidget(visao)
    assert isinstance(visao.itemDelegate(), _DelegadoLeitura)
    comum = _celula(do_qt, proxy.index(0, 0))[2]

    def confere():
        for linha in range(proxy.rowCount()):
            for coluna in range(3):
                indice = proxy.index(linha, coluna)
                rapido = _celula(visao.itemDelegate(), indice)
                assert rapido == _celula(do_qt, indice)  # o do Qt, pelos papéis (multiData)
                assert rapido[0] == indice.data().replace("\n", "\u2028")
                assert rapido[1] == indice.data(P.TextAlignmentRole)
                assert rapido[2] == (indice.data(P.ForegroundRole) or comum)

    def nomes():
        return [proxy.index(i, 0).data() for i in range(proxy.rowCount())]

    confere()
    assert nomes() == ["Caio", "Ana", "Bia", "Ana Lima"]
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert nomes() == ["Ana", "Ana Lima", "Bia", "Caio"]
    confere()
    proxy.definir_texto("ana")
    assert nomes() == ["Ana", "Ana Lima"]
    confere()
    proxy.sort(-1)
    proxy.definir_texto("")
    assert nomes() == ["Caio", "Ana", "Bia", "Ana Lima"]
    confere()
    for delegado in (visao.itemDelegate(), do_qt):  # a cor de uma célula não fica para a seguinte
        assert [_celula(delegado, proxy.index(i, 1))[2] for i in range(3)] == [comum, QColor("#a00000"),
                                                                               QColor("#555555")]

    marcadas = {1}
    grade = Lista([Coluna("Sim", lambda r: "", marcada=lambda r: r["id"] in marcadas, marcar=lambda r, v: None),
                   Coluna("Nome", lambda r: r["nome"], erro=lambda r: "falta" if not r["nome"] else None)])
    grade.definir_linhas([{"id": 1, "nome": "Ana"}, {"id": 2, "nome": ""}])
    qtbot.addWidget(grade.visao)
    um, dois = (_celula(grade.visao.itemDelegate(), grade.proxy.index(i, 0)) for i in (0, 1))
    assert um[4] and um[5] == Qt.CheckState.Checked and dois[5] == Qt.CheckState.Unchecked
    assert _celula(grade.visao.itemDelegate(), grade.proxy.index(1, 1))[6] == Qt.BrushStyle.SolidPattern  # o erro
    assert _celula(grade.visao.itemDelegate(), grade.proxy.index(0, 1))[6] == Qt.BrushStyle.NoBrush


def test_pintar_uma_pagina_le_cada_celula_uma_vez(qtbot):
    """Pintar uma página de 200 linhas lê cada célula à vista uma vez (o texto de ``mostrar``), direto no modelo
    (``_DelegadoLeitura``): nenhuma chamada a ``data``, ``rowCount`` ou ``columnCount`` por célula — o delegado do Qt
    pedia sete papéis por célula a ``data``, e o proxy, para cada um, um índice ao modelo (rowCount e columnCount):
    ~24 voltas ao Python por célula, ~3.000 por pintura da aba Atendimentos (issue 16). Ordenada, o texto também uma
    vez por célula."""
    from collections import Counter

    from desktop.screens.widgets.tabela import ProxyFiltro, criar_visao

    chamadas: Counter = Counter()

    class Contado(ModeloTabela):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            chamadas["data"] += 1
            return super().data(index, role)

        def rowCount(self, parent=QModelIndex()):  # noqa: N802
            chamadas["rowCount"] += 1
            return super().rowCount(parent)

        def columnCount(self, parent=QModelIndex()):  # noqa: N802
            chamadas["columnCount"] += 1
            return super().columnCount(parent)

    def mostrar(r, t):
        chamadas["mostrar"] += 1
        return f"{t} {r['n']}"

    colunas = [Coluna(t, lambda r, t=t: mostrar(r, t), lambda r: r["n"], largura=90) for t in ("Nº", "Data", "Tipo")]
    modelo = Contado(colunas)
    proxy = ProxyFiltro(modelo)
    visao = criar_visao(proxy)
    qtbot.addWidget(visao)
    visao.resize(600, 400)
    visao.show()
    qtbot.waitExposed(visao)
    modelo.definir_linhas([{"n": i} for i in range(200)])
    for ordem in (None, Qt.SortOrder.DescendingOrder):
        if ordem is not None:
            proxy.sort(0, ordem)
            assert proxy.index(0, 0).data() == "Nº 199"
        qtbot.wait(10)
        chamadas.clear()
        visao.viewport().repaint()
        visiveis = sum(1 for i in range(200) if not visao.visualRect(proxy.index(i, 0)).intersected(
            visao.viewport().rect()).isEmpty())
        assert visiveis >= 5
        assert chamadas["mostrar"] == visiveis * len(colunas)  # uma vez por célula pintada
        assert chamadas["data"] == 0
        # sem ordem, nenhuma por célula; ordenada, o mapeamento do proxy pede um índice ao modelo (hasIndex: as duas)
        # para o texto e outro para as flags da célula — eram 16 por célula
        assert chamadas["rowCount"] + chamadas["columnCount"] <= (10 if ordem is None else 4 * visiveis * len(colunas))


def test_a_pintura_da_tabela_de_leitura_e_a_do_qt_ponto_a_ponto(qtbot, qapp):
    """``_DelegadoLeitura`` pinta a célula com o texto preparado uma vez (``QStaticText``) em vez de o estilo do Qt
    montá-lo a cada pintura (issue 16, meta 3): com a folha de estilo do Paço, a tabela sai igual, ponto a ponto, à
    pintada pelo delegado do Qt — linhas alternadas, a linha escolhida, cor por célula e por linha, alinhamentos à
    direita e ao centro, texto longo com reticências, célula vazia, quebra de linha —, também ordenada e filtrada;
    e depois de a fonte mudar (os textos preparados com a fonte antiga não valem)."""
    from PySide6.QtGui import QFont, QPalette
    from PySide6.QtWidgets import QStyledItemDelegate

    from desktop import app as paco
    from desktop.screens.widgets.tabela import Lista, _DelegadoLeitura

    anterior = qapp.styleSheet()
    paco.configurar_aplicacao(qapp)
    try:
        lista = Lista([Coluna("Nº", lambda r: str(r["n"]), lambda r: r["n"], alinhamento="direita", largura=50),
                       Coluna("Nome", lambda r: r["nome"], largura=120),
                       Coluna("Valor", lambda r: f"{r['v']:,}".replace(",", "."), lambda r: r["v"], alinhamento="direita",
                              cor=lambda r: "#a00000" if r["v"] < 0 else None, largura=90),
                       Coluna("Obs.", lambda r: r["obs"], alinhamento="centro", esticar=True)],
                      cor_linha=lambda r: "#555555" if r["nome"] == "Bia" else None)
        lista.definir_linhas([{"id": i, "n": i, "nome": n, "v": v, "obs": o} for i, (n, v, o) in enumerate([
            ("Caio", 1200, ""), ("Ana", -3, "duas\nlinhas"), ("Bia", 45, "x"),
            ("Maria Aparecida da Conceição Albuquerque", 7, "y"), ("", 0, "São João")] * 3)])
        visao = lista.visao
        qtbot.addWidget(visao)
        visao.resize(520, 330)
        visao.show()
        qtbot.waitExposed(visao)
        visao.selectRow(2)
        assert isinstance(visao.itemDelegate(), _DelegadoLeitura)
        do_qt = QStyledItemDelegate(visao)

        def comparar():
            rapida = visao.viewport().grab().toImage()
            nosso = visao.itemDelegate()
            visao.setItemDelegate(do_qt)
            try:
                assert visao.viewport().grab().toImage() == rapida
            finally:
                visao.setItemDelegate(nosso)

        comparar()
        lista.proxy.sort(2, Qt.SortOrder.DescendingOrder)
        comparar()
        lista.proxy.definir_texto("a")
        comparar()
        visao.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # reticências no meio (Servidores, Diário): os textos
        comparar()  # preparados com as reticências no fim não valem
        visao.setTextElideMode(Qt.TextElideMode.ElideRight)
        paleta = visao.palette()  # outras cores (o delegado as lê uma vez por pintura)
        paleta.setColor(QPalette.ColorRole.Text, QColor("#2a7a2a"))
        paleta.setColor(QPalette.ColorRole.Highlight, QColor("#7a2a2a"))
        visao.setPalette(paleta)
        comparar()
        fonte = QFont(visao.font())
        fonte.setPointSize(fonte.pointSize() + 3)
        visao.setFont(fonte)
        comparar()
        lista.proxy.definir_texto("")
        visao.setWordWrap(True)  # a tabela que quebra o texto em linhas (Certificação › Instituição)
        visao.resizeRowsToContents()
        assert visao.rowHeight(lista.proxy.rowCount() - 1) > visao.rowHeight(0)  # o nome longo em duas linhas
        comparar()
    finally:
        qapp.setStyleSheet(anterior)


def test_tabela_de_leitura_pinta_sem_ler_as_flags_da_coluna(qtbot, monkeypatch):
    """A tabela pede ``flags`` a cada célula que pinta (duas vezes). Com o modelo só de leitura, quem responde é o Qt
    (o ``flags`` dele: selecionável e habilitada), sem perguntar à coluna (``flags_celula``) — eram oito voltas ao
    Python por célula com a conversão do ``enum``, mais da metade das da pintura de uma página dos Atendimentos
    (issue 16, meta 3). Filtrada, as mesmas; trocadas as colunas por uma editável, o modelo volta a responder,
    célula a célula, e a edição segue."""
    from desktop.screens.widgets.tabela import ProxyFiltro, criar_visao

    chamadas = {"flags_celula": 0}
    original = ModeloTabela.flags_celula

    def contada(self, linha, coluna):
        chamadas["flags_celula"] += 1
        return original(self, linha, coluna)

    monkeypatch.setattr(ModeloTabela, "flags_celula", contada)
    F = Qt.ItemFlag
    colunas = [Coluna("Nº", lambda r: str(r["n"]), largura=60), Coluna("Nome", lambda r: r["nome"], esticar=True)]
    modelo = ModeloTabela(colunas)
    proxy = ProxyFiltro(modelo)
    visao = criar_visao(proxy)
    qtbot.addWidget(visao)
    visao.resize(500, 300)
    visao.show()
    qtbot.waitExposed(visao)
    modelo.definir_linhas([{"n": i, "nome": f"Ana {i}"} for i in range(40)])
    qtbot.wait(10)
    visao.selectRow(1)
    visao.viewport().repaint()
    assert chamadas["flags_celula"] == 0
    leitura = F.ItemIsSelectable | F.ItemIsEnabled | F.ItemNeverHasChildren  # as do QAbstractTableModel
    assert proxy.flags(proxy.index(1, 1)) == leitura == modelo.flags(modelo.index(1, 1))
    assert proxy.flags(QModelIndex()) == F.NoItemFlags == modelo.flags(QModelIndex())
    assert visao.selectionModel().isSelected(proxy.index(1, 1))
    proxy.definir_texto("ana 3")
    assert proxy.rowCount() == 13  # 3, 13, 23 e 30-39
    assert proxy.flags(proxy.index(0, 0)) == leitura
    proxy.definir_texto("")

    nomes = {}
    modelo.definir_colunas(colunas + [Coluna("Apelido", lambda r: nomes.get(r["n"], ""),
                                             editar=lambda r, v: nomes.__setitem__(r["n"], v))])
    modelo.definir_linhas([{"n": i, "nome": f"Ana {i}"} for i in range(40)])
    assert proxy.flags(proxy.index(2, 2)) & F.ItemIsEditable and not proxy.flags(proxy.index(2, 0)) & F.ItemIsEditable
    assert chamadas["flags_celula"] >= 2
    assert proxy.setData(proxy.index(2, 2), "Aninha") and proxy.index(2, 2).data() == "Aninha"


def test_busca_cujos_textos_cabem_nao_mede_margem_nem_muda_colunas(qtbot, monkeypatch):
    """A margem que a célula soma ao texto (``_PeloConteudo._margem``) é medida uma vez por coluna: a cada busca dos
    Atendimentos (``substituir_linhas``) ela era medida de novo, pedindo ao delegado o tamanho de uma célula por coluna
    (``sizeHintForIndex``, com o ``initStyleOption`` em Python; issue 16, meta 3). Uma busca cujos textos cabem não
    muda a largura de coluna alguma nem pede tamanho de célula; com outra fonte, a margem é medida de novo."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QTableView

    from desktop.screens.widgets.tabela import Lista

    lista = Lista([Coluna("Nº", lambda r: str(r["n"]), largura=40), Coluna("Nome", lambda r: r["nome"], esticar=True),
                   Coluna("Bairro", lambda r: r["bairro"], largura=60), Coluna("Fim", lambda r: "x", largura=40)])
    visao, cab = lista.visao, lista.visao.horizontalHeader()
    qtbot.addWidget(visao)
    visao.resize(800, 300)
    visao.show()
    qtbot.waitExposed(visao)

    def linhas(bairro, n=30):
        return [{"id": i, "n": i, "nome": f"Caso {i}", "bairro": bairro} for i in range(n)]

    lista.modelo.substituir_linhas(linhas("Jequiezinho de Cima"))
    qtbot.wait(10)
    larguras = [cab.sectionSize(i) for i in range(4)]
    fm = visao.fontMetrics()
    assert cab.sectionSize(2) >= fm.horizontalAdvance("Jequiezinho de Cima") + 4  # alargou pelo texto, com margem

    pedidos = []
    original = QTableView.sizeHintForIndex
    monkeypatch.setattr(QTableView, "sizeHintForIndex",
                        lambda self, indice: pedidos.append(indice.column()) or original(self, indice))
    for bairro, n in (("Centro", 30), ("KM 3", 4), ("São Judas", 12)):  # cabem na coluna já larga
        lista.modelo.substituir_linhas(linhas(bairro, n))
        assert [cab.sectionSize(i) for i in range(4)] == larguras
    assert pedidos == []

    lista.modelo.substituir_linhas(linhas("Jequiezinho de Cima e de Baixo"))  # não cabe: alarga, com a mesma margem
    assert cab.sectionSize(2) - fm.horizontalAdvance("Jequiezinho de Cima e de Baixo") == \
        larguras[2] - fm.horizontalAdvance("Jequiezinho de Cima")
    assert pedidos == []

    fonte = QFont(visao.font())
    fonte.setPointSize(fonte.pointSize() + 6)
    visao.setFont(fonte)  # outra fonte: a margem é medida de novo
    lista.modelo.substituir_linhas(linhas("Centro"))
    assert pedidos


def test_pintar_uma_celula_de_leitura_custa_poucas_voltas_ao_python(qtbot):
    """A pintura de uma página dos Atendimentos é quase toda chamadas do Qt ao Python, ~15 µs por célula (issue 16,
    meta 3). Por célula pintada (sem cor própria, sem filtro, também a linha escolhida) restam: o ``paint`` do delegado,
    o ``mostrar`` da coluna, o ``enum`` do estado da célula que o PySide monta (dois) e o índice que o proxy pede ao
    modelo para as ``flags`` de cada uma das duas vezes que a tabela as pede (``ModeloTabela.index``) — seis; eram
    dezessete (``flags`` do proxy e ``flags_celula`` com a conversão do ``enum``, duas vezes; ``_celula``; a cor pelo
    ``_dado``; o ``value`` do estado). Mais umas dezenas por pintura (o quadro do delegado, as cores da paleta)."""
    import sys

    from desktop.screens.widgets.tabela import Lista

    lista = Lista([Coluna(t, lambda r, t=t: f"{t} {r['n']}", largura=90) for t in ("Nº", "Data", "Tipo", "Bairro")])
    visao = lista.visao
    qtbot.addWidget(visao)
    visao.resize(600, 400)
    visao.show()
    qtbot.waitExposed(visao)
    lista.definir_linhas([{"id": i, "n": i} for i in range(200)])
    visao.selectRow(3)
    qtbot.wait(10)
    chamadas = {"paint": 0, "todas": 0}

    def contar(frame, evento, _arg):
        if evento == "call":
            chamadas["todas"] += 1
            if frame.f_code.co_name == "paint":
                chamadas["paint"] += 1

    sys.setprofile(contar)
    try:
        visao.viewport().repaint()
    finally:
        sys.setprofile(None)
    celulas = chamadas["paint"]
    assert celulas >= 5 * 4
    assert chamadas["todas"] <= 6 * celulas + 80, chamadas
