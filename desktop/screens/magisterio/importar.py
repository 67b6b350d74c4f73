"""Aba Importar planilha: escolher XLSX/XLS/ODS/CSV, ver o relatório linha a linha, importar as linhas válidas.

A análise e a importação são de ``desktop.services.magisterio.importacao`` e rodam fora da thread
da interface, com progresso e Cancelar; a análise não grava nada, a importação é tudo ou nada
(cancelar desfaz). O relatório pode ser salvo em CSV.
"""
from __future__ import annotations


from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import PASTA_RECURSOS
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import arquivo, avisos, servicos
from desktop.screens.widgets.arquivo import escolher_destino
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao
from desktop.services.magisterio import importacao

from . import comum

MODELO = PASTA_RECURSOS / "modelos" / "servidores-modelo.csv"
_CORES = {"erro": "#b00020", "erro no arquivo": "#b00020", "aviso": "#8a5a00"}

_COLUNAS = [
    Coluna("Linha", lambda r: str(r["linha"] or ""), ordenar=lambda r: r["linha"] or 0, alinhamento="direita",
           largura=60),
    Coluna("Situação", lambda r: r["situacao"], largura=120, cor=lambda r: _CORES.get(r["situacao"])),
    Coluna("Coluna", lambda r: r["coluna"], largura=150),
    Coluna("Mensagem", lambda r: r["mensagem"], esticar=True),
]


def linhas_do_relatorio(rel: importacao.RelatorioImportacao) -> list[dict]:
    """Uma linha da tabela por problema (e uma por linha pronta), na ordem da planilha."""
    linhas = [{"linha": e.linha, "situacao": "erro no arquivo", "coluna": e.coluna, "mensagem": e.mensagem}
              for e in rel.erros_gerais]
    linhas += [{"linha": 0, "situacao": "aviso", "coluna": "", "mensagem": a} for a in rel.avisos]
    for x in rel.linhas:
        if x.ok:
            linhas.append({"linha": x.numero, "situacao": "pronta", "coluna": "",
                           "mensagem": f"{x.dados.get('nome', '')} — será importada"})
        linhas += [{"linha": x.numero, "situacao": "erro", "coluna": e.coluna, "mensagem": e.mensagem}
                   for e in x.erros]
    return linhas


class AbaImportar(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.relatorio: importacao.RelatorioImportacao | None = None
        self.resultado: importacao.ResultadoImportacao | None = None
        self.tarefa = None
        explicacao = QLabel(
            "Traga os servidores de uma planilha (XLSX, XLS, ODS ou CSV; primeira aba). Cada linha é conferida antes: "
            "CPF, datas, matrícula e CPF repetidos, escola cadastrada, nível × titulação (Lei 1.613/2004, art. 14). "
            "Só as linhas sem erro são importadas, todas de uma vez. Baixe o modelo para ver as colunas.", self)
        explicacao.setWordWrap(True)
        self.botao_modelo = QPushButton("&Baixar modelo…", self)
        self.botao_escolher = QPushButton("&Escolher planilha…", self)
        self.botao_importar = QPushButton("&Importar", self)
        self.botao_salvar = QPushButton("&Salvar relatório (CSV)…", self)
        self.resumo = QLabel("Nenhuma planilha analisada.", self)
        self.resumo.setWordWrap(True)
        self.modelo = ModeloTabela(_COLUNAS, self)
        self.tabela = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Relatório da importação")
        topo = QHBoxLayout()
        for b in (self.botao_escolher, self.botao_modelo):
            topo.addWidget(b)
        topo.addStretch(1)
        barra = QHBoxLayout()
        barra.addWidget(self.botao_importar)
        barra.addWidget(self.botao_salvar)
        barra.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(explicacao)
        lay.addLayout(topo)
        lay.addWidget(self.resumo)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(barra)
        self.botao_modelo.clicked.connect(self._on_modelo)
        self.botao_escolher.clicked.connect(self._on_escolher)
        self.botao_importar.clicked.connect(self._on_importar)
        self.botao_salvar.clicked.connect(self._on_salvar)
        self.botao_escolher.setEnabled(sessao.pode(Permissao.MAGISTERIO_EDITAR))
        self._atualizar_botoes()

    def _atualizar_botoes(self) -> None:
        validas = len(self.relatorio.validas) if self.relatorio else 0
        self.botao_importar.setText(f"&Importar {validas} linha(s) válida(s)")
        self.botao_importar.setEnabled(validas > 0 and self.resultado is None)
        self.botao_salvar.setEnabled(self.relatorio is not None)

    # -- slots -------------------------------------------------------------------------------
    def _on_modelo(self) -> None:
        destino = escolher_destino(self, MODELO.name, titulo="Salvar modelo de planilha", filtro="CSV (*.csv)")
        if destino is None:
            return
        # o modelo tem poucas centenas de bytes; a gravação, fora da thread da interface e inteira ou nada
        arquivo.gravar(self, destino, MODELO.read_bytes(),
                       lambda caminho: self.resumo.setText(f"Modelo salvo em {caminho}. Preencha uma linha por "
                                                           "servidor e escolha a planilha."), titulo_erro="Baixar modelo")

    def _on_escolher(self) -> None:
        arquivo = comum.escolher_arquivo(self, "Escolher planilha de servidores",
                                         "Planilhas (*.xlsx *.xls *.ods *.csv);;Excel (*.xlsx *.xls);;"
                                         "LibreOffice (*.ods);;CSV (*.csv)")
        if arquivo is not None:
            self.analisar(arquivo)

    def analisar(self, arquivo) -> None:
        self.resultado = None

        def _trabalho(progresso):
            rel = importacao.analisar(self._sessao, arquivo, progresso=lambda f, t: progresso.informar(
                f, t, f"Conferindo a planilha… {100 * f // max(t, 1)} %"))
            return rel, linhas_do_relatorio(rel)  # as linhas da tabela também fora da tela (50.000 linhas)

        self.tarefa = servicos.operacao(self, "Conferindo a planilha…", _trabalho, self._on_analisada,
                                        titulo_erro="Importar planilha", ao_cancelar=self._on_analise_cancelada)
        self.tarefa.sig_falhou.connect(self._on_falhou)

    def _on_analisada(self, resultado: tuple[importacao.RelatorioImportacao, list[dict]]) -> None:
        self.tarefa = None
        relatorio, linhas = resultado
        self.relatorio = relatorio
        self.modelo.definir_linhas(linhas)
        self.resumo.setText(f"<b>{relatorio.arquivo}</b>: {relatorio.resumo()}")
        self._atualizar_botoes()

    def _on_analise_cancelada(self) -> None:
        self.tarefa = None
        self.resumo.setText("Análise cancelada: nada foi gravado. Escolha a planilha de novo quando quiser.")

    def _on_importar(self) -> None:
        rel = self.relatorio
        if not rel or not rel.validas:
            return
        if not avisos.confirmar(self, "Importar servidores",
                                f"Importar {len(rel.validas)} servidor(es) de {rel.arquivo}?", sim="Importar",
                                detalhe=f"{len(rel.com_erro)} linha(s) com erro ficam de fora; corrija-as na "
                                        "planilha e importe depois. A importação vai ao diário de auditoria."):
            return

        def _trabalho(progresso):
            return importacao.importar(self._sessao, rel, progresso=lambda f, t: progresso.informar(
                f, t, f"Importando servidor {f} de {t}…"))

        self.tarefa = servicos.operacao(self, "Importando servidores…", _trabalho, self._on_importado,
                                        titulo_erro="Importar planilha", ao_cancelar=self._on_cancelado)
        self.tarefa.sig_falhou.connect(self._on_falhou)

    def _on_falhou(self, *_args) -> None:
        self.tarefa = None  # recusada (o aviso já apareceu): a aba volta a aceitar pedidos

    def _on_importado(self, resultado: importacao.ResultadoImportacao) -> None:
        self.tarefa = None
        self.resultado = resultado
        self.resumo.setText(f"<b>{resultado.importados} servidor(es) importado(s).</b> "
                            f"{resultado.ignoradas} linha(s) com erro ficaram de fora.")
        self._atualizar_botoes()

    def _on_cancelado(self) -> None:
        self.tarefa = None
        self.resumo.setText("Importação cancelada: nenhum servidor foi gravado.")

    def _on_salvar(self) -> None:
        if not self.relatorio:
            return
        destino = escolher_destino(self, f"relatorio-{comum.nome_arquivo(self.relatorio.arquivo)}.csv",
                                   titulo="Salvar relatório da importação", filtro="CSV (*.csv)")
        if destino is None:
            return
        relatorio = self.relatorio

        def _montado(conteudo: bytes) -> None:  # uma linha por problema: até 50.000, montadas e gravadas fora da tela
            arquivo.gravar(self, destino, conteudo,
                           lambda caminho: self.resumo.setText(self.resumo.text() + f"<br>Relatório salvo em {caminho}."),
                           titulo_erro="Salvar relatório")

        servicos.consulta(self, lambda: importacao.relatorio_csv(relatorio), _montado, titulo_erro="Salvar relatório")
