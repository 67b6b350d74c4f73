"""Contracheque mensal do magistério de Jequié (Lei 1.613/2004): proventos, faltas, férias, 13º e tributos.

``calcular_contracheque(ficha, competencia, parametros, config)`` divide o mês em subperíodos de
situação e fatos constantes (nível, classe e jornada de ``carreira.periodos_no_mes``; lotação,
regência, função, afastamentos, cursos e incorporações), paga cada provento fixo proporcional aos
dias do mês comercial (``folha_rubricas``), desconta as faltas (art. 34), paga o terço de férias
na folha do mês anterior (art. 57), o adicional noturno (art. 50) e o 13º, e fecha com a
previdência (RPPS ou INSS, conforme a configuração) e o IRRF pelo motor comum (``rules.folha``).
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import chain
from typing import NamedTuple

from desktop.rules.dinheiro import centavos
from desktop.rules.folha import motor, piso_teto
from desktop.rules.folha.descontos import Descontos
from desktop.rules.folha.dias import (avos_no_ano, dias_comerciais, mes_seguinte, primeiro_dia, proporcional,
                                      ultimo_dia)
from desktop.rules.folha.tipos import Contracheque, Linha, Natureza

from . import codigos
from .carreira import periodos_no_mes
from .configuracao import ConfiguracaoMagisterio
from .folha_historico import menos, regencia_docente, remunerado_no_dia, vigencias_cursos
from .folha_parametros import ParametrosFolhaMagisterio
from .folha_rubricas import LEI, Rubricas
from .tipos import FichaFuncional, Situacao
from desktop.rules import formato

UM_DIA = timedelta(days=1)
class Pedaco(NamedTuple):
    """Um trecho do mês com os mesmos fatos da ficha: do ``inicio`` ao ``fim`` (inclusive), na ``situacao``."""
    inicio: date
    fim: date
    situacao: Situacao


def calcular_contracheque(ficha: FichaFuncional, competencia: date, parametros: ParametrosFolhaMagisterio,
                          config: ConfiguracaoMagisterio, *,
                          adiantamento_13_pago: Decimal | None = None,
                          periodos: list[Pedaco] | None = None,
                          descontos: Descontos | None = None,
                          diferencas: list[Linha] = ()) -> Contracheque:
    """O contracheque da ficha na competência (mês de ``competencia``), com o fundamento de cada linha.

    ``parametros``: os valores datados em vigor no dia 1º da competência. ``adiantamento_13_pago``:
    o valor da 1ª parcela do 13º já paga no ano, a descontar na quitação; se None e houver mês de
    adiantamento configurado anterior, é recalculado com a remuneração da quitação.
    Erros de cadastro (sem titulação, sem jornada, célula fora das tabelas) levantam
    ``EntradaInvalida`` com mensagem para o usuário. ``periodos``: o resultado de
    ``carreira.periodos_no_mes`` para esta ficha e competência, se quem chama já o calculou (a folha
    o usa também na identificação do servidor: a carreira é montada uma vez por servidor).
    ``descontos``: pensões, sindical, consignações e rubricas avulsas do mês (``rules.folha.descontos``).
    ``diferencas``: linhas de meses anteriores a acertar neste mês (``faltas_de_mes_fechado``).
    """
    return _Folha(ficha, competencia, parametros, config.validada(), periodos).contracheque(adiantamento_13_pago,
                                                                                             descontos, list(diferencas))


def faltas_de_mes_fechado(ficha: FichaFuncional, mes_da_falta: date, parametros: ParametrosFolhaMagisterio,
                          config: ConfiguracaoMagisterio, liquidar_em: date) -> list[Linha]:
    """As faltas de ``mes_da_falta`` (competência já fechada quando foram lançadas) a descontar na competência
    ``liquidar_em``: rubrica 105, pelo art. 34, §1º, com a remuneração e os ``parametros`` do mês da falta
    (o que teria sido descontado se a falta tivesse sido lançada a tempo)."""
    folha = _Folha(ficha, primeiro_dia(mes_da_falta), parametros, config.validada())
    return folha.diferenca_faltas(primeiro_dia(liquidar_em)) if folha.periodos else []


class _Folha:
    def __init__(self, ficha: FichaFuncional, competencia: date, parametros: ParametrosFolhaMagisterio,
                 config: ConfiguracaoMagisterio, periodos: list[Pedaco] | None = None):
        self.ficha, self.parametros, self.config = ficha, parametros, config
        self.gratificacoes, self.regras = parametros.gratificacoes, parametros.regras
        self.previdencia = parametros.previdencia(config)
        self.mes, self.fim = primeiro_dia(competencia), ultimo_dia(competencia)
        self.periodos = (periodos if periodos is not None else
                         periodos_no_mes(ficha, self.mes, config, parametros.carreira))
        self.rubricas = Rubricas(ficha, parametros, config, self.fim)
        self.avisos: list[str] = []
        self.pagos = [pedaco for pedaco in self._pedacos() if remunerado_no_dia(ficha, pedaco.inicio)]

    # -- subperíodos ---------------------------------------------------------------------------
    def _pedacos(self) -> list[Pedaco]:
        """Os subperíodos de ``periodos_no_mes`` cortados onde muda algum fato da ficha."""
        f = self.ficha
        cortes = set(self.rubricas.incorporacoes.values()) | {d for d, _ in vigencias_cursos(f, self.gratificacoes)}
        for p in chain(f.lotacoes, f.regencias, f.funcoes, f.afastamentos, f.jornadas):
            cortes.add(p.inicio)
            if p.fim is not None:
                cortes.add(p.fim + UM_DIA)
        pedacos = []
        for inicio, fim, s in self.periodos:
            pontos = sorted({inicio} | {d for d in cortes if inicio < d <= fim})
            for k, a in enumerate(pontos):
                b = pontos[k + 1] - UM_DIA if k + 1 < len(pontos) else fim
                pedacos.append(Pedaco(a, b, s))
        return pedacos

    def _pago_no_dia(self, dia: date) -> Pedaco | None:
        return next((pedaco for pedaco in self.pagos if pedaco.inicio <= dia <= pedaco.fim), None)

    def _referencia(self) -> Decimal:
        """Remuneração mensal (art. 35) no último dia pago do mês, ou no último dia de vínculo."""
        if self.pagos:
            a, _b, s = self.pagos[-1]
        else:
            a, _b, s = self._pedacos()[-1]
        return self.rubricas.remuneracao(a, s)

    # -- proventos fixos -----------------------------------------------------------------------
    def _proventos(self) -> list[Linha | None]:
        """Cada rubrica proporcional aos dias do mês comercial em que foi devida (mesma base e
        percentual somam os dias; mudou o valor, nova linha)."""
        dias_por: dict[tuple, int] = {}
        for a, b, s in self.pagos:
            dias = dias_comerciais(a, b, self.regras)
            if dias == 0:
                continue
            for r in self.rubricas.no_dia(a, s):
                chave = (r.codigo, r.descricao, r.fundamento, r.mensal, r.base, r.percentual)
                dias_por[chave] = dias_por.get(chave, 0) + dias
        return [motor.linha(cod, desc, Natureza.PROVENTO, proporcional(mensal, dias, self.regras), fund,
                            base=centavos(base if base is not None else mensal), percentual=pct,
                            quantidade=Decimal(dias))
                for (cod, desc, fund, mensal, base, pct), dias in dias_por.items()]

    def _noturno(self) -> Linha | None:
        """Art. 50: 20 % sobre as horas após as 22 h, em efetiva regência; hora = vencimento /
        (jornada × semanas do mês) (docs/interpretacoes.md)."""
        horas = sum((h for d, h in self.ficha.horas_noturnas.items()
                     if (d.year, d.month) == (self.mes.year, self.mes.month)), Decimal(0))
        if horas <= 0:
            return None
        com_regencia = [pedaco for pedaco in self.pagos if regencia_docente(self.ficha, pedaco.inicio, pedaco.situacao.cargo)]
        if not com_regencia:
            self.avisos.append(f"Há {horas} horas noturnas lançadas, mas o servidor não estava em efetiva regência "
                               "no mês: o adicional noturno não foi pago (art. 50).")
            return None
        s = com_regencia[-1].situacao
        hora = self.parametros.matriz.vencimento(s.nivel, s.classe, s.jornada) / (s.jornada * self.gratificacoes.art50_semanas_mes)
        return motor.linha(codigos.ADICIONAL_NOTURNO, f"Adicional noturno ({horas} h após as 22 h)", Natureza.PROVENTO,
                           horas * hora * self.gratificacoes.art50_noturno / 100,
                           f"{LEI}, art. 50; hora = vencimento / (jornada × semanas do mês)",
                           base=centavos(hora), percentual=self.gratificacoes.art50_noturno, quantidade=horas)

    # -- faltas (art. 34) ----------------------------------------------------------------------
    def _faltas(self, liquidar_em: date | None = None) -> list[Linha | None]:
        """As faltas do mês; com ``liquidar_em``, só as lançadas depois do fechamento e a descontar
        nessa competência (as demais com ``liquidar_em`` nunca se descontam no próprio mês)."""
        dias: dict[Decimal, int] = {}
        horas: dict[Decimal, Decimal] = {}
        for falta in sorted(self.ficha.faltas, key=lambda x: x.data):
            if not self.mes <= falta.data <= self.fim or falta.liquidar_em != liquidar_em:
                continue
            quando = formato.data(falta.data)
            pedaco = self._pago_no_dia(falta.data)
            if pedaco is None:
                self.avisos.append(f"Falta de {quando} em dia sem remuneração (fora do vínculo ou em afastamento "
                                   "não remunerado): não descontada. Confira o lançamento.")
                continue
            if falta.justificada:
                continue
            if not falta.codigo:
                self.avisos.append(f"Falta de {quando} sem código de justificativa: descontada como injustificada. "
                                   "Informe o código antes de fechar a competência.")
            rem = self.rubricas.remuneracao(falta.data, pedaco.situacao)
            if falta.horas is None:
                dias[rem] = dias.get(rem, 0) + 1
            else:
                horas[rem] = horas.get(rem, Decimal(0)) + Decimal(falta.horas)
        if sum(dias.values()) > sum(dias_comerciais(a, b, self.regras) for a, b, _ in self.pagos):
            self.avisos.append("Há mais dias de falta que dias pagos no mês. Confira as faltas lançadas.")
        fund_dia = (f"{LEI}, art. 34, §1º, I (remuneração do dia = remuneração mensal / "
                    f"{self.gratificacoes.art34_divisor_dia})")
        fund_hora = f"{LEI}, art. 34, §1º, II (1/{self.gratificacoes.art34_divisor_hora} da remuneração mensal por hora)"
        return ([motor.linha_faltas_dias(rem, n, self.gratificacoes.art34_divisor_dia, fund_dia) for rem, n in dias.items()]
                + [motor.linha_faltas_horas(rem, h, self.gratificacoes.art34_divisor_hora, fund_hora,
                                            "Faltas por hora-aula/hora-atividade não cumprida")
                   for rem, h in horas.items()])

    def diferenca_faltas(self, liquidar_em: date) -> list[Linha]:
        """As faltas deste mês lançadas depois do fechamento, como rubrica 105 da competência ``liquidar_em``."""
        saida = []
        for l in self._faltas(liquidar_em):
            if l is None:
                continue
            unidade = "dia(s)" if l.codigo == motor.FALTAS_DIAS else "hora(s)"
            saida.append(Linha(codigos.FALTAS_MES_ANTERIOR,
                               f"Diferença de mês anterior: faltas de {formato.competencia(self.mes)} lançadas após o fechamento "
                               f"({l.quantidade} {unidade})", Natureza.DESCONTO, l.valor,
                               f"{l.fundamento}; desconto na competência seguinte aberta ({formato.competencia(liquidar_em)})",
                               base=l.base, quantidade=l.quantidade))
        return saida

    # -- férias (art. 57) ----------------------------------------------------------------------
    def _terco(self) -> list[Linha | None]:
        """Terço das férias que começam no mês seguinte, pago nesta folha (art. 57)."""
        proximo = mes_seguinte(self.mes)
        linhas = []
        for fe in self.ficha.ferias:
            if (fe.inicio.year, fe.inicio.month) != (proximo.year, proximo.month):
                continue
            if self.ficha.desligamento is not None and self.ficha.desligamento < fe.inicio:
                continue
            dias = (fe.fim - fe.inicio).days + 1 if fe.fim else self.regras.dias_mes
            periodo = (f"{formato.data(fe.inicio)} a {formato.data(fe.fim)}" if fe.fim
                       else f"a partir de {formato.data(fe.inicio)}")
            linhas.append(motor.linha_terco_ferias(
                self._referencia(), dias, self.regras, f"{LEI}, art. 57 (pago na folha do mês anterior às férias)",
                f"Terço constitucional de férias (férias de {periodo})", previdencia=self.previdencia))
        return linhas

    # -- 13º salário ---------------------------------------------------------------------------
    def _servico(self, ano: int, ate: date) -> list[tuple[date, date]]:
        """Dias do ano com vínculo e remuneração (sem afastamentos não remunerados) até ``ate``."""
        inicio, fim = max(self.ficha.admissao, date(ano, 1, 1)), min(ate, date(ano, 12, 31))
        if inicio > fim:
            return []
        sem = [(a.inicio, a.fim or fim) for a in self.ficha.afastamentos if not a.remunerado]
        return menos([(inicio, fim)], sem)

    def _decimo_terceiro(self, adiantamento_pago: Decimal | None) -> list[Linha | None]:
        """Quitação em dezembro ou no mês do desligamento (Lei 4.090/1962, art. 1º; Lei 4.749/1965,
        art. 1º); 1ª parcela no mês configurado (Lei 4.749/1965, art. 2º)."""
        ano, mes_num = self.mes.year, self.mes.month
        deslig = self.ficha.desligamento
        desliga_agora = deslig is not None and self.mes <= deslig <= self.fim
        mes_adiant = self.config.decimo_terceiro_adiantamento_mes
        if desliga_agora or mes_num == 12:
            avos = avos_no_ano(self._servico(ano, deslig or self.fim), ano, self.regras, ate_mes=mes_num)
            if avos == 0:
                return []
            rem = self._referencia()
            if adiantamento_pago is None:
                adiantamento_pago = Decimal("0.00")
                if (mes_adiant is not None and mes_adiant < mes_num
                        and self.ficha.admissao <= ultimo_dia(date(ano, mes_adiant, 1))):
                    projetados = avos_no_ano(self._servico(ano, date(ano, 12, 31)), ano, self.regras)
                    adiantamento_pago = motor.valor_adiantamento_13(rem, projetados, self.regras)
            return motor.linhas_decimo_terceiro(rem, avos, self.regras, adiantamento_pago)
        if mes_adiant == mes_num:
            projetados = avos_no_ano(self._servico(ano, date(ano, 12, 31)), ano, self.regras)
            return [motor.linha_adiantamento_13(self._referencia(), projetados, self.regras)]
        return []

    # -- o contracheque ------------------------------------------------------------------------
    def contracheque(self, adiantamento_13_pago: Decimal | None, descontos: Descontos | None = None,
                     diferencas: list[Linha] = ()) -> Contracheque:
        if not self.periodos:
            return Contracheque(self.mes, self.ficha.id, avisos=[
                f"{self.ficha.nome} não tem vínculo em {formato.competencia(self.mes)}: nada a pagar."])
        linhas = (self._proventos() + [self._noturno()] + self._faltas() + self._terco()
                  + self._decimo_terceiro(adiantamento_13_pago))
        dias_pagos = sum(dias_comerciais(a, b, self.regras) for a, b, _ in self.pagos)
        linhas.append(piso_teto.complemento_minimo(linhas, self.parametros.salario_minimo, dias_pagos, self.regras.dias_mes))
        linhas.append(piso_teto.abate_teto(linhas, self.parametros.teto_remuneratorio))
        linhas += diferencas
        avisos = list(dict.fromkeys(self.rubricas.avisos + self.avisos))
        return motor.fechar(self.mes, self.ficha.id, linhas, self.previdencia, self.parametros.irrf,
                            self.ficha.dependentes_irrf, avisos, descontos_=descontos,
                            salario_minimo=self.parametros.salario_minimo, margem=self.parametros.margem_consignavel)
