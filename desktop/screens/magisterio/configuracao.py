"""Aba Configuração: as escolhas que a Lei 1.613/2004 deixa ao município ou deixa ambíguas.

Cada escolha aparece com o artigo e o que cada opção significa (docs/interpretacoes.md); a
gravação é de ``desktop.services.magisterio.configuracao`` (valida e registra no diário).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.papeis import Permissao
from desktop.screens.widgets import servicos
from desktop.screens.widgets.roda import ComboSemRoda, DecimalSemRoda
from desktop.screens.widgets.situacao import reservar_linhas
from desktop.services.magisterio import configuracao

from . import comum

_MESES = {None: "tudo em dezembro"} | {i: f"1ª parcela em {comum.MESES[i - 1]}" for i in range(1, 12)}

# campo → (rótulo, tipo, opções, explicação com o artigo)
ESCOLHAS: dict[str, tuple[str, str, dict | None, str]] = {
    "art27_implantado": ("Atividades complementares (15 %)", "logico", None,
                         "Art. 27: 15 % do salário base ao professor em regência na educação infantil e nos anos "
                         "iniciais. O §1º condiciona a concessão aos estudos da comissão paritária: marque só "
                         "depois que o município a implantar."),
    "art41_percentual": ("Estímulo às atividades de classe (%)", "percentual", None,
                         "Art. 41: de 15 % a 30 % do vencimento ao professor em efetiva regência; o ponto da "
                         "faixa é definido com a comissão paritária (§ún)."),
    "art42_implantado": ("Difícil acesso (15 %)", "logico", None,
                         "Art. 42: 15 % a quem trabalha em escola de localidade de difícil acesso, definida em "
                         "ato do(a) Secretário(a) (§4º), só para quem reside em local diverso (§3º)."),
    "art49_implantado": ("Deslocamento para a zona rural (30 %)", "logico", None,
                         "Art. 49: 30 % a quem fixa residência na zona rural por interesse do ensino; concedida "
                         "a partir dos estudos da comissão paritária (§ún)."),
    "fg_fonte": ("Função gratificada de diretor e vice", "escolha",
                 {"art38": "percentuais do art. 38 sobre o Nível 3, classe A", "anexo_iii": "valores do Anexo III"},
                 "Art. 38 × Anexo III: o artigo fixa percentuais sobre o salário do Nível 3 classe A, o anexo traz "
                 "valores em reais que não batem com eles. Escolha qual dos dois a folha usa."),
    "fg_vice_fracao": ("Vice-diretor: fração do percentual do diretor", "fracao", None,
                       "Art. 38: a lei dá o percentual do diretor por porte e não o do vice; informe a fração "
                       "(0,5 = metade) usada quando a fonte é o art. 38."),
    "art51": ("Gratificação por tempo de serviço (art. 51)", "escolha",
              {"mesma_vantagem": "é o próprio avanço de classe do art. 22 (não soma)",
               "adicional": "é um adicional a mais, além da classe"},
              "Art. 51 × art. 22: o quinquênio já muda a classe (5 % cumulativos, art. 22). Decida se o art. 51 "
              "repete essa vantagem ou cria outra."),
    "probatorio_nivel": ("Nível requerido no estágio probatório", "escolha",
                         {"adiar": "vale só depois do estágio", "imediato": "vale desde o requerimento"},
                         "Art. 9º §2º: não há progressão durante o estágio probatório; a lei não diz se isso "
                         "alcança o nível por titulação (art. 19 §2º)."),
    "faltas_injustificadas_descontam_tempo": ("Faltas injustificadas descontam do tempo", "logico", None,
                                              "Arts. 16 e 34: dias de falta injustificada não são efetivo "
                                              "exercício e adiam a mudança de classe."),
    "contagem_tempo": ("Contagem do quinquênio", "escolha",
                       {"aniversario": "anos civis desde a admissão (aniversário)",
                        "dias_365": "blocos de 365 dias de efetivo exercício"},
                       "Arts. 16 e 22 §3º: a classe muda no dia seguinte ao que completa 5 anos de efetivo "
                       "exercício; escolha como contar os anos."),
    "previdencia": ("Contribuição previdenciária", "escolha",
                    {"rpps": "regime próprio (RPPS), alíquota do parâmetro rpps_aliquota",
                     "inss": "INSS pela tabela nacional"},
                    "Município com regime próprio desconta a alíquota do RPPS; sem ele, o servidor contribui ao "
                    "INSS pela tabela progressiva."),
    "decimo_terceiro_adiantamento_mes": ("13º salário", "mes", _MESES,
                                         "Lei 4.749/1965, art. 2º: a 1ª parcela pode ser paga de janeiro a "
                                         "novembro; sem adiantamento, o 13º sai inteiro em dezembro."),
}


class AbaConfiguracao(QWidget):
    def __init__(self, sessao, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao = sessao
        self.widgets: dict[str, QWidget] = {}
        self.lendo = False  # a configuração gravada vem fora da thread da interface (servicos.consulta)
        self.tarefa = None  # a gravação em andamento (servicos.operacao)
        conteudo = QWidget(self)
        lay_conteudo = QVBoxLayout(conteudo)
        intro = QLabel("Onde a Lei 1.613/2004 deixa a decisão à comissão paritária, ou é ambígua, o órgão escolhe "
                       "aqui. Os percentuais em si são parâmetros datados (Administração → Parâmetros). Cada "
                       "mudança vale para as próximas prévias e vai ao diário de auditoria.", conteudo)
        intro.setWordWrap(True)
        lay_conteudo.addWidget(intro)
        for campo, (rotulo, tipo, opcoes, explicacao) in ESCOLHAS.items():
            grupo = QGroupBox(rotulo, conteudo)
            form = QFormLayout(grupo)
            w = self._widget(tipo, opcoes, grupo)
            self.widgets[campo] = w
            texto = QLabel(explicacao, grupo)
            texto.setWordWrap(True)
            texto.setObjectName("subtitulo")
            form.addRow(w)
            form.addRow(texto)
            lay_conteudo.addWidget(grupo)
        lay_conteudo.addStretch(1)
        rolagem = self.rolagem = QScrollArea(self)
        rolagem.setWidgetResizable(True)
        rolagem.setWidget(conteudo)
        self.botao_salvar = QPushButton("&Salvar configuração", self)
        self.botao_desfazer = QPushButton("&Desfazer alterações", self)
        self.situacao = reservar_linhas(QLabel(self), 2)  # uma mensagem longa quebra; não alarga a aba
        self.situacao.setWordWrap(True)
        barra = QHBoxLayout()
        barra.addWidget(self.botao_salvar)
        barra.addWidget(self.botao_desfazer)
        barra.addWidget(self.situacao, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(rolagem, 1)
        lay.addLayout(barra)
        editar = sessao.pode(Permissao.MAGISTERIO_EDITAR)
        self.botao_salvar.setEnabled(editar)
        conteudo.setEnabled(editar)
        self.botao_salvar.clicked.connect(self._on_salvar)
        self.botao_desfazer.clicked.connect(self.recarregar)
        self.recarregar()

    @staticmethod
    def _widget(tipo: str, opcoes: dict | None, parent: QWidget) -> QWidget:
        if tipo == "logico":
            return QCheckBox("Implantado / aplicar", parent)
        if tipo in ("percentual", "fracao"):
            caixa = DecimalSemRoda(parent)  # a roda do mouse só muda o valor com foco
            caixa.setDecimals(2)
            caixa.setRange(15, 30) if tipo == "percentual" else caixa.setRange(0, 1)
            caixa.setSingleStep(1 if tipo == "percentual" else 0.05)
            caixa.setSuffix(" %" if tipo == "percentual" else "")
            return caixa
        combo = ComboSemRoda(parent)
        for valor, rotulo in (opcoes or {}).items():
            combo.addItem(rotulo, valor)
        return combo

    def recarregar(self) -> None:
        self.lendo = True
        sessao = self._sessao
        servicos.consulta(self, lambda: configuracao.ler(sessao), self._on_lida,
                          titulo_erro="Configuração do magistério",
                          ao_falhar=lambda _e: self._on_lida(ConfiguracaoMagisterio()))

    def _on_lida(self, config: ConfiguracaoMagisterio) -> None:
        self.lendo = False
        self.mostrar(config)
        self.situacao.setText("")

    def mostrar(self, config: ConfiguracaoMagisterio) -> None:
        for campo, w in self.widgets.items():
            valor = getattr(config, campo)
            if isinstance(w, QCheckBox):
                w.setChecked(bool(valor))
            elif isinstance(w, QDoubleSpinBox):
                w.setValue(float(valor))
            else:
                w.setCurrentIndex(max(w.findData(valor), 0))

    def lida(self) -> ConfiguracaoMagisterio:
        """A configuração como está na tela (Decimal a partir do texto da caixa, nunca do float). O texto
        segue o idioma da caixa: "22,50" em português, "22.50" num sistema em inglês."""
        valores = {}
        for campo, w in self.widgets.items():
            if isinstance(w, QCheckBox):
                valores[campo] = w.isChecked()
            elif isinstance(w, QDoubleSpinBox):
                local = w.locale()
                texto = w.cleanText().replace(local.groupSeparator(), "").replace(local.decimalPoint(), ".")
                valores[campo] = Decimal(texto)
            else:
                valores[campo] = w.currentData()
        return replace(ConfiguracaoMagisterio(), **valores)

    def _on_salvar(self) -> None:
        sessao, config = self._sessao, self.lida()
        servicos.gravar(self, "Salvando a configuração…", lambda: configuracao.salvar(sessao, config),
                        self._on_salva, titulo_erro="Salvar configuração")

    def _on_salva(self, _resultado) -> None:
        self.situacao.setText("Configuração salva; vale para as próximas prévias da folha.")
