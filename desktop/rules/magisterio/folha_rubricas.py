"""Rubricas mensais devidas num dia ao servidor do magistério de Jequié (Lei 1.613/2004).

``Rubricas.no_dia`` devolve, para um dia e a situação funcional desse dia, o valor mensal
inteiro (mês completo, sem proporção) de cada provento fixo: vencimento (art. 37, Anexo I),
valorização (art. 36, Anexo II), atividades complementares (art. 27), estímulo às atividades de
classe (art. 41), difícil acesso (arts. 42 e 43), função gratificada (arts. 38 e 39, Anexo III),
NEE (art. 44), CET (art. 45), aperfeiçoamento (arts. 46 e 47), zona rural (art. 49), tempo de
serviço (art. 51, se configurado como adicional) e as incorporações (arts. 40 e 52). A soma é a
remuneração do art. 35 usada nas faltas (art. 34), no terço (art. 57) e no 13º.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.dinheiro import centavos, texto_decimal

from . import codigos as c
from .carreira import jornada_paga_em
from .configuracao import ConfiguracaoMagisterio
from .folha_historico import (ETAPAS_ART27, aperfeicoamento, cet, datas_incorporacao, dificil_acesso,
                              dias_de_anos, funcoes_percebidas, nee, no_dia, regencia_docente, zona_rural)
from .folha_parametros import ParametrosFolhaMagisterio
from .tabelas import nome_nivel
from .tipos import CLASSES, FichaFuncional, Funcao, MotivoJornada, Porte, Situacao

LEI = "Lei 1.613/2004"
CEM = Decimal(100)
_JORNADA = {MotivoJornada.DESDOBRAMENTO: "arts. 29 e 37 §5º",
            MotivoJornada.REGIME_DIFERENCIADO: "arts. 29 §3º e 37 §5º", MotivoJornada.DIRECAO: "art. 39"}
_ROMANOS = ("I", "II", "III", "IV", "V", "VI", "VII")
_PORTES = (Porte.GRANDE, Porte.MEDIO, Porte.PEQUENO, Porte.ESPECIAL)  # FG-D1 a D4, na ordem do Anexo III
_FUNCAO = {Funcao.DIRETOR: "diretor", Funcao.VICE_DIRETOR: "vice-diretor"}
# vantagem incorporável → (código da incorporação, código da vantagem, nome, fundamento)
INCORPORAVEIS = {
    "fg": (c.INCORPORACAO_FG, c.FUNCAO_GRATIFICADA, "função gratificada de direção", f"{LEI}, arts. 40 e 52, III"),
    "art41": (c.INCORPORACAO_ESTIMULO_CLASSE, c.ESTIMULO_CLASSE, "estímulo às atividades de classe", f"{LEI}, art. 52, I"),
    "art42": (c.INCORPORACAO_DIFICIL_ACESSO, c.DIFICIL_ACESSO, "difícil acesso", f"{LEI}, art. 52, II"),
    "art44": (c.INCORPORACAO_NEE, c.NEE, "regência com alunos com NEE", f"{LEI}, art. 52, IV"),
    "art45": (c.INCORPORACAO_CET, c.CET, "CET", f"{LEI}, art. 52, V"),
    "art49": (c.INCORPORACAO_ZONA_RURAL, c.ZONA_RURAL, "zona rural", f"{LEI}, art. 52, VI"),
}


@dataclass(frozen=True)
class Rubrica:
    """Um provento fixo com o seu valor de um mês inteiro (exato; arredonda-se na proporção)."""

    codigo: str
    descricao: str
    fundamento: str
    mensal: Decimal
    base: Decimal | None = None
    percentual: Decimal | None = None


def _pct(p: Decimal) -> str:
    return texto_decimal(p).replace(".", ",")


class Rubricas:
    """Calcula as rubricas de uma ficha numa competência (com as datas de incorporação do mês)."""

    def __init__(self, ficha: FichaFuncional, parametros: ParametrosFolhaMagisterio,
                 config: ConfiguracaoMagisterio, ate: date):
        self.ficha, self.parametros, self.config, self.gratificacoes = ficha, parametros, config, parametros.gratificacoes
        self.avisos: list[str] = []
        self.pct41, aviso = self.gratificacoes.percentual_art41(config.art41_percentual)
        if aviso:
            self.avisos.append(aviso)
        self.incorporacoes = datas_incorporacao(ficha, self.gratificacoes, config, ate)
        self.fg_incorporada = self._fg_incorporada(ate) if "fg" in self.incorporacoes else None

    # -- função gratificada (arts. 38, 39, 40) -------------------------------------------------
    def valor_fg(self, funcao: Funcao, porte: Porte, jornada: int, avisar: bool = True) -> Rubrica | None:
        """FG de ``funcao`` em escola de ``porte`` para a jornada: pelo art. 38 (percentual sobre o
        Nível 3 classe A da jornada; vice = fração configurada) ou pelo Anexo III (valor)."""
        nome = f"Função gratificada — {_FUNCAO[funcao]}, escola de porte {porte.rotulo}"
        if self.config.fg_fonte == "anexo_iii":
            valor = self.parametros.tabela_fg.valor(porte, funcao)
            return Rubrica(c.FUNCAO_GRATIFICADA, nome, f"{LEI}, art. 38 e Anexo III", valor) if valor > 0 else None
        pct = self.gratificacoes.art38_fg.get(jornada, {}).get(porte)
        if pct is None:
            if avisar:
                self.avisos.append(f"O art. 38 não tem percentual de FG para escola de porte {porte.rotulo} em "
                                   f"{jornada} h: a função não foi paga. Confira o porte e a jornada, ou use "
                                   "o Anexo III.")
            return None
        indice = _PORTES.index(porte) + (0 if jornada == max(self.gratificacoes.art38_fg) else len(_PORTES))
        inciso = _ROMANOS[indice] if indice < len(_ROMANOS) else ""
        fundamento = f"{LEI}, art. 38, {inciso} (FG-D{_PORTES.index(porte) + 1}, {jornada} h)"
        if funcao is Funcao.VICE_DIRETOR:
            pct = pct * self.config.fg_vice_fracao
            fundamento += "; vice-diretor: fração do percentual do diretor definida pelo órgão"
        nivel, classe = self.gratificacoes.art38_referencia
        base = self.parametros.matriz.vencimento(nivel, classe, jornada)
        return Rubrica(c.FUNCAO_GRATIFICADA, nome, fundamento, base * pct / CEM, base, pct) if pct > 0 else None

    def _fg_incorporada(self, ate: date) -> Rubrica | None:
        """Art. 40: a FG percebida; se variou o porte, a de maior valor percebida por ao menos
        2 anos (parágrafo único); se nenhuma chegou a 2 anos, a percebida por mais tempo."""
        tempos: dict[tuple, int] = {}
        for f, dias in funcoes_percebidas(self.ficha, self.gratificacoes, ate):
            chave = (f.funcao, f.porte, jornada_paga_em(self.ficha, f.inicio))
            tempos[chave] = tempos.get(chave, 0) + dias
        candidatos = [(self.valor_fg(*chave, avisar=False), dias) for chave, dias in tempos.items()]
        candidatos = [(r, d) for r, d in candidatos if r is not None]
        if not candidatos:
            return None
        minimo = dias_de_anos(self.ficha.admissao, self.gratificacoes.art40_maior_valor_anos, self.config)
        longos = [r for r, d in candidatos if d >= minimo]
        if longos:
            return max(longos, key=lambda r: r.mensal)
        return max(candidatos, key=lambda c: (c[1], c[0].mensal))[0]

    # -- o dia ---------------------------------------------------------------------------------
    def no_dia(self, dia: date, s: Situacao) -> list[Rubrica]:
        """Rubricas devidas no dia, pela situação ``s`` (nível, classe, jornada paga, cargo)."""
        f, g, cfg = self.ficha, self.gratificacoes, self.config
        base = self.parametros.matriz.vencimento(s.nivel, s.classe, s.jornada)
        especial = no_dia([j for j in f.jornadas if j.motivo is not MotivoJornada.BASE], dia)
        fund_venc = f"{LEI}, art. 37 e Anexo I" + (f"; jornada: {_JORNADA[especial.motivo]}" if especial else "")
        rubs = [Rubrica(c.VENCIMENTO, f"Vencimento — {nome_nivel(s.nivel)}, classe {s.classe}, {s.jornada} h",
                        fund_venc, base)]

        def pct(codigo: str, descricao: str, percentual: Decimal, fundamento: str) -> Rubrica:
            return Rubrica(codigo, f"{descricao} ({_pct(percentual)} %)", fundamento, base * percentual / CEM,
                           base, percentual)

        atuais: dict[str, Rubrica] = {}
        rubs.append(pct(c.VALORIZACAO, "Gratificação de valorização do magistério",
                        self.parametros.valorizacao.percentual(s.nivel, s.classe), f"{LEI}, art. 36 e Anexo II"))
        reg = regencia_docente(f, dia, s.cargo)
        if cfg.art27_implantado and reg and reg.etapa in ETAPAS_ART27:
            rubs.append(pct(c.ATIVIDADES_COMPLEMENTARES, "Atividades pedagógicas complementares", g.art27_atividades_complementares,
                            f"{LEI}, art. 27"))
        if reg:
            atuais["art41"] = pct(c.ESTIMULO_CLASSE, "Estímulo às atividades de classe", self.pct41, f"{LEI}, art. 41")
        if dificil_acesso(f, dia, cfg):
            atuais["art42"] = pct(c.DIFICIL_ACESSO, "Incentivo por difícil acesso", g.art42_dificil_acesso,
                                  f"{LEI}, arts. 42 e 43")
        funcao = no_dia(f.funcoes, dia)
        if funcao is not None:
            fg = self.valor_fg(funcao.funcao, funcao.porte, s.jornada)
            if fg is not None:
                atuais["fg"] = fg
        if nee(f, dia, s.cargo, g):
            atuais["art44"] = pct(c.NEE, f"Regência com {reg.alunos_nee} alunos com NEE", g.art44_nee,
                                  f"{LEI}, art. 44")
        if cet(f, dia, s.cargo):
            atuais["art45"] = pct(c.CET, "Gratificação por Condições Especiais de Trabalho (CET)", g.art45_cet,
                                  f"{LEI}, art. 45")
        ap = aperfeicoamento(f, dia, g)
        if ap.percentual > 0:
            rubs.append(pct(c.APERFEICOAMENTO, "Estímulo ao aperfeiçoamento profissional" + (" (teto)" if ap.limitado else ""),
                            ap.percentual, f"{LEI}, arts. 46 e 47" + (", §1º (teto)" if ap.limitado else "")))
        if zona_rural(f, dia, cfg):
            atuais["art49"] = pct(c.ZONA_RURAL, "Deslocamento para a zona rural", g.art49_zona_rural, f"{LEI}, art. 49")
        if cfg.art51 == "adicional":
            quinquenios = CLASSES.index(s.classe)
            percentual = min(quinquenios * self.parametros.carreira.avanco_classe_percentual,
                             self.parametros.carreira.avanco_classe_limite)
            if percentual > 0:
                rubs.append(pct(c.TEMPO_SERVICO, f"Gratificação por tempo de serviço ({quinquenios} quinquênios)", percentual,
                                f"{LEI}, art. 51 (adicional de {_pct(self.parametros.carreira.avanco_classe_percentual)} % "
                                "por quinquênio, como no art. 22; docs/interpretacoes.md)"))
        rubs += self._com_incorporacoes(dia, base, atuais)
        return rubs

    def _com_incorporacoes(self, dia: date, base: Decimal, atuais: dict[str, Rubrica]) -> list[Rubrica]:
        """Vantagem incorporada (10 anos percebida) vira rubrica de incorporação; não se paga em
        dobro: se a vantagem atual é maior que a incorporada, paga-se a atual (docs/interpretacoes.md)."""
        percentuais = {"art41": self.pct41, "art42": self.gratificacoes.art42_dificil_acesso, "art44": self.gratificacoes.art44_nee,
                       "art45": self.gratificacoes.art45_cet, "art49": self.gratificacoes.art49_zona_rural}
        saida = []
        for chave, (cod_inc, _cod, nome, fundamento) in INCORPORAVEIS.items():
            atual = atuais.get(chave)
            desde = self.incorporacoes.get(chave)
            incorporada = None
            if desde is not None and dia >= desde:
                if chave == "fg":
                    if self.fg_incorporada is not None:
                        r = self.fg_incorporada
                        funcao = r.descricao.removeprefix("Função gratificada — ")
                        incorporada = Rubrica(cod_inc, f"Incorporação — {funcao}", f"{fundamento}; {r.fundamento}",
                                              r.mensal, r.base, r.percentual)
                else:
                    p = percentuais[chave]
                    incorporada = Rubrica(cod_inc, f"Incorporação — {nome} ({_pct(p)} %)", fundamento,
                                          base * p / CEM, base, p)
            if incorporada is not None and (atual is None or incorporada.mensal >= atual.mensal):
                saida.append(incorporada)
            elif atual is not None:
                saida.append(atual)
        return saida

    def remuneracao(self, dia: date, s: Situacao) -> Decimal:
        """Remuneração mensal do art. 35 no dia: soma dos proventos fixos de um mês inteiro."""
        return sum((centavos(r.mensal) for r in self.no_dia(dia, s)), Decimal("0.00"))
