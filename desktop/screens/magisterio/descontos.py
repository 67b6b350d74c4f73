"""Descontos e rubricas avulsas de um servidor: lista dos lançamentos e os formulários de cada tipo.

Pensão alimentícia (com a conta do beneficiário), contribuição sindical, consignação (com prioridade) e
rubrica avulsa (provento ou desconto de um mês, com fundamento e incidências). Os campos são conferidos
enquanto se digita; as recusas do serviço (consignação além da margem, pensão acima do líquido,
competência fechada) aparecem no próprio formulário com os números. Sem SQL e sem regra aqui:
``desktop.services.magisterio.descontos``.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from desktop.rules import formato
from desktop.rules.pagamento import banco as regras_banco
from desktop.rules.validacao import EntradaInvalida, cpf as validar_cpf
from desktop.screens.widgets import avisos
from desktop.screens.widgets.descarte import descartar
from desktop.screens.widgets.formulario import DialogoFormulario
from desktop.screens.widgets.servicos import consulta, operacao
from desktop.screens.widgets.tabela import Coluna, ModeloTabela, ProxyFiltro, criar_visao
from desktop.screens.widgets.campos import CampoValidado
from desktop.services.magisterio import descontos


_FORMAS_PENSAO = {"bruto": "Percentual do bruto", "liquido": "Percentual do líquido (bruto − previdência − IRRF)",
                  "fixo": "Valor fixo (R$)", "salarios_minimos": "Salários mínimos"}
_FORMAS_SINDICAL = {"percentual": "Percentual do bruto", "fixo": "Valor fixo (R$)"}


def _numero(texto: str) -> str:
    t = texto.strip().replace("R$", "").replace(" ", "")
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    try:
        d = Decimal(t)
    except InvalidOperation:
        raise EntradaInvalida("Número inválido: use, por exemplo, 30 ou 1.234,56.") from None
    if not d.is_finite() or d <= 0:
        raise EntradaInvalida("Informe um número maior que zero.")
    return str(d)


def _competencia(texto: str) -> str:
    """A competência digitada (``formato.ler_competencia``), como texto mm/aaaa."""
    return f"{formato.competencia(formato.ler_competencia(texto))}"


def _texto(minimo: int, campo: str):
    def conferir(texto: str) -> str:
        t = " ".join(texto.split())
        if len(t) < minimo:
            raise EntradaInvalida(f"Informe {campo}.")
        return t
    return conferir


def _competencia_opcional(texto: str) -> str:
    return _competencia(texto) if texto.strip() else ""


class DialogoLancamento(DialogoFormulario):
    """O formulário de um tipo de lançamento (``pensao``, ``sindical``, ``consignacao`` ou ``avulsa``)."""

    # A folha dos conselheiros tutelares usa este mesmo formulário com o seu serviço e os seus textos
    # (desktop/screens/conselho/funcionamento/remuneracao_descontos.py).
    servico = descontos
    EXPLICACOES = {
        "pensao": "Por ordem judicial (CPC, art. 529). A pensão é deduzida da base do IRRF (Lei 9.250/1995, "
                  "art. 4º, II) e o beneficiário recebe na própria conta pelo arquivo do banco.",
        "sindical": "Mensalidade autorizada pelo servidor filiado (CF, art. 8º, IV; Lei 1.613/2004, art. 78).",
        "consignacao": "Parcela autorizada pelo servidor. Descontada por ordem de prioridade (1 = primeira) "
                       "enquanto couber na margem consignável; além da margem, é recusada.",
        "avulsa": "Provento ou desconto de um mês só. O fundamento legal é obrigatório e vai ao contracheque.",
    }
    ENTIDADE_PADRAO = "APLB-Sindicato"

    def __init__(self, sessao, servidor_id: str, tipo: str, competencia: str, parent: QWidget | None = None):
        titulos = {"pensao": "Pensão alimentícia", "sindical": "Contribuição sindical", "consignacao": "Consignação",
                   "avulsa": "Rubrica avulsa"}
        super().__init__(f"{titulos[tipo]} — novo lançamento", "Salvar", parent, type(self).EXPLICACOES[tipo])
        self._sessao, self._servidor_id, self.tipo = sessao, servidor_id, tipo
        self.forma = None
        if tipo == "pensao":
            self.nome = self.adicionar("&Beneficiário:", CampoValidado(_texto(3, "o nome do beneficiário"), parent=self))
            self.cpf = self.adicionar("CP&F do beneficiário:", CampoValidado(validar_cpf, placeholder="000.000.000-00",
                                                                             parent=self))
            self.forma = self._combo("&Forma:", _FORMAS_PENSAO)
            self.quantidade = self.adicionar("&Percentual, valor ou nº de mínimos:", CampoValidado(_numero, parent=self))
            self.documento = self.adicionar("Nº do &processo ou ofício:", CampoValidado(
                _texto(1, "o número do processo"), parent=self))
            self.banco = self.adicionar("Banco do beneficiário:", CampoValidado(
                regras_banco.banco, obrigatorio=False, placeholder="001, 104…", parent=self))
            self.agencia = self.adicionar("Agência:", CampoValidado(lambda t: t.strip(), obrigatorio=False, parent=self))
            self.agencia_dv = self.adicionar("Dígito da agência:", CampoValidado(lambda t: t.strip(), obrigatorio=False,
                                                                                 parent=self))
            self.conta = self.adicionar("Conta:", CampoValidado(lambda t: t.strip(), obrigatorio=False, parent=self))
            self.conta_dv = self.adicionar("Dígito da conta:", CampoValidado(lambda t: t.strip(), obrigatorio=False,
                                                                             parent=self))
            self.tipo_conta = self._combo("Tipo de conta:", regras_banco.TIPOS_CONTA)
        elif tipo == "sindical":
            self.nome = self.adicionar("&Entidade:", CampoValidado(_texto(3, "a entidade sindical"), parent=self))
            self.nome.definir_texto(type(self).ENTIDADE_PADRAO)
            self.forma = self._combo("&Forma:", _FORMAS_SINDICAL)
            self.quantidade = self.adicionar("&Percentual ou valor:", CampoValidado(_numero, parent=self))
        elif tipo == "consignacao":
            self.nome = self.adicionar("&Consignatária:", CampoValidado(_texto(3, "a consignatária"), parent=self))
            self.quantidade = self.adicionar("&Valor da parcela (R$):", CampoValidado(_numero, parent=self))
            self.prioridade = self.adicionar("P&rioridade:", CampoValidado(
                lambda t: str(int(t)) if t.strip().isdigit() and int(t) >= 1 else (_ for _ in ()).throw(
                    EntradaInvalida("Prioridade: número inteiro a partir de 1.")), parent=self))
            self.prioridade.definir_texto("1")
            self.documento = self.adicionar("Nº do &contrato:", CampoValidado(lambda t: t.strip(), obrigatorio=False,
                                                                             parent=self))
        else:
            self.forma = self._combo("&Natureza:", {"provento": "Provento", "desconto": "Desconto"})
            self.nome = self.adicionar("&Descrição:", CampoValidado(_texto(3, "a descrição"), parent=self))
            self.fundamento = self.adicionar("F&undamento legal:", CampoValidado(
                _texto(5, "o fundamento legal (norma e artigo, ou o ato)"), parent=self))
            self.quantidade = self.adicionar("&Valor (R$):", CampoValidado(_numero, parent=self))
            self.incide_prev = QCheckBox("Incide contribuição previdenciária", self)
            self.incide_irrf = QCheckBox("Incide IRRF", self)
            self.adicionar("Incidências:", self.incide_prev)
            self.adicionar("", self.incide_irrf)
        self.inicio = self.adicionar("Co&mpetência (início):" if tipo != "avulsa" else "Co&mpetência:",
                                     CampoValidado(_competencia, placeholder="mm/aaaa", parent=self))
        self.inicio.definir_texto(competencia)
        self.fim = None
        if tipo != "avulsa":
            self.fim = self.adicionar("Úl&tima competência (opcional):", CampoValidado(
                _competencia_opcional, obrigatorio=False, placeholder="mm/aaaa", parent=self))
        self.atualizar_botao()
        self.nome.setFocus()

    def _combo(self, rotulo: str, opcoes: dict) -> QComboBox:
        c = QComboBox(self)
        for chave, texto in opcoes.items():
            c.addItem(texto, chave)
        self.adicionar(rotulo, c)
        return c

    texto_andamento = "Conferindo o lançamento no contracheque…"

    def chamada(self):
        """A chamada ao serviço com os valores dos campos lidos agora (na thread da interface); o
        ``DialogoFormulario`` a executa em segundo plano (``widgets.servicos.operacao``)."""
        s, sid, sv = self._sessao, self._servidor_id, self.servico
        fim = self.fim.texto().strip() or None if self.fim is not None else None
        if self.tipo == "pensao":
            kw = dict(beneficiario=self.nome.texto(), cpf=self.cpf.texto(), forma=self.forma.currentData(),
                      quantidade=self.quantidade.texto(), processo=self.documento.texto(), inicio=self.inicio.texto(),
                      fim=fim, banco=self.banco.texto(), agencia=self.agencia.texto(),
                      agencia_dv=self.agencia_dv.texto(), conta=self.conta.texto(), conta_dv=self.conta_dv.texto(),
                      tipo_conta=self.tipo_conta.currentData() if self.banco.texto().strip() else "")
            return lambda: sv.cadastrar_pensao(s, sid, **kw)
        if self.tipo == "sindical":
            kw = dict(entidade=self.nome.texto(), forma=self.forma.currentData(), quantidade=self.quantidade.texto(),
                      inicio=self.inicio.texto(), fim=fim)
            return lambda: sv.cadastrar_sindical(s, sid, **kw)
        if self.tipo == "consignacao":
            kw = dict(consignataria=self.nome.texto(), valor=_numero(self.quantidade.texto()),
                      prioridade=int(self.prioridade.texto()), contrato=self.documento.texto(),
                      inicio=self.inicio.texto(), fim=fim)
            return lambda: sv.cadastrar_consignacao(s, sid, **kw)
        kw = dict(natureza=self.forma.currentData(), descricao=self.nome.texto(), fundamento=self.fundamento.texto(),
                  valor=_numero(self.quantidade.texto()), incide_previdencia=self.incide_prev.isChecked(),
                  incide_irrf=self.incide_irrf.isChecked(), competencia=self.inicio.texto())
        return lambda: sv.lancar_avulsa(s, sid, **kw)


def _mes(chave: str | None) -> str:
    return f"{chave[5:7]}/{chave[:4]}" if chave else "—"


_COLUNAS = [
    Coluna("Tipo", lambda r: r["tipo_nome"], largura=150),
    Coluna("Descrição", lambda r: r["descricao"], esticar=True,
           dica=lambda r: r["fundamento"] or r["documento"] or r["descricao"]),
    Coluna("Valor", lambda r: descontos.texto_valor(r), largura=190),
    Coluna("Prioridade", lambda r: str(r["prioridade"] or ""), largura=80),
    Coluna("Início", lambda r: _mes(r["inicio"]), largura=80),
    Coluna("Última", lambda r: _mes(r["fim"]), largura=80),
    Coluna("Processo / contrato / fundamento", lambda r: r["documento"] or r["fundamento"], largura=240),
]


class DialogoDescontos(QDialog):
    """Os lançamentos do servidor e os botões para cada tipo novo e para encerrar o selecionado (a folha dos
    conselheiros tutelares troca ``servico`` e ``Formulario``). Lê por ``consulta``, grava por ``operacao``."""

    servico = descontos
    Formulario = DialogoLancamento

    def __init__(self, sessao, servidor_id: str, nome: str, competencia: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._sessao, self.servidor_id, self._competencia = sessao, servidor_id, competencia
        self.setWindowTitle(f"Descontos e rubricas avulsas — {nome}")
        self.resize(1100, 460)
        self.modelo = ModeloTabela(_COLUNAS, self)
        self.tabela = criar_visao(ProxyFiltro(self.modelo, self), self, nome="Lançamentos")
        nota = QLabel("Pensões, contribuição sindical e consignações valem de uma competência em diante (até a "
                      "última, se houver); a rubrica avulsa, só no mês. Nada é apagado: encerre o lançamento "
                      "que acabou.", self)
        nota.setWordWrap(True)
        self.botoes_novos: dict[str, QPushButton] = {}
        linha = QHBoxLayout()
        for tipo, rotulo in (("pensao", "Nova &pensão…"), ("consignacao", "Nova &consignação…"),
                             ("sindical", "Contribuição &sindical…"), ("avulsa", "Rubrica &avulsa…")):
            b = QPushButton(rotulo, self)
            b.clicked.connect(lambda _c=False, t=tipo: self._on_novo(t))
            self.botoes_novos[tipo] = b
            linha.addWidget(b)
        self.botao_encerrar = QPushButton("&Encerrar o selecionado…", self)
        self.botao_encerrar.clicked.connect(self._on_encerrar)
        linha.addWidget(self.botao_encerrar)
        linha.addStretch(1)
        fechar = QDialogButtonBox(self)
        fechar.addButton("Fechar", QDialogButtonBox.ButtonRole.RejectRole)
        fechar.rejected.connect(self.reject)
        linha.addWidget(fechar)
        lay = QVBoxLayout(self)
        lay.addWidget(nota)
        lay.addWidget(self.tabela, 1)
        lay.addLayout(linha)
        self.formulario: DialogoLancamento | None = None
        self.tarefa = None
        self.recarregar()

    def recarregar(self) -> None:
        sv, sessao, ident = self.servico, self._sessao, self.servidor_id
        self.leitura = consulta(self, lambda: sv.listar(sessao, ident), self.modelo.definir_linhas,
                                titulo_erro="Descontos não lidos")

    def _on_novo(self, tipo: str) -> None:
        if self.formulario is not None:
            descartar(self.formulario)
        self.formulario = self.Formulario(self._sessao, self.servidor_id, tipo, self._competencia, self)
        self.formulario.accepted.connect(self.recarregar)
        self.formulario.open()

    def _selecionado(self) -> dict | None:
        indices = self.tabela.selectionModel().selectedRows() if self.tabela.selectionModel() else []
        if not indices:
            return None
        proxy = self.tabela.model()
        return self.modelo.linha(proxy.mapToSource(indices[0]).row())

    def _on_encerrar(self) -> None:
        r = self._selecionado()
        if r is None:
            avisos.erro(self, "Encerrar", EntradaInvalida("Selecione antes o lançamento a encerrar."))
            return
        texto, ok = QInputDialog.getText(self, "Encerrar lançamento",
                                         f"Última competência descontada de \"{r['descricao']}\" (mm/aaaa):",
                                         text=self._competencia)
        if not ok:
            return
        sv, sessao, ident = self.servico, self._sessao, r["id"]
        self.tarefa = operacao(self, "Encerrando o lançamento…", lambda _p: sv.encerrar(sessao, ident, texto),
                               lambda _r: self.recarregar(), titulo_erro="Lançamento não encerrado")
