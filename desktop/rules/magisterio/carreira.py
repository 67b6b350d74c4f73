"""Posição do servidor na carreira numa data (nível, classe, jornada, estágio) e a sua linha do tempo.

Lei 1.613/2004: nível pela titulação (arts. 14, 19 §2º, 67, 69 e 70), classe pelo tempo de efetivo
exercício (arts. 13, 16, 21, 22 §3º, 53), estágio probatório sem progressão (art. 9º), jornada
paga (arts. 23, 29, 37 §5º e 39). Toda função recebe a ficha (``FichaFuncional``), a configuração
do órgão (``ConfiguracaoMagisterio``) e as regras da carreira (``ParametrosCarreira``, do
parâmetro ``magisterio_carreira`` vigente). A contagem de tempo está em ``tempo.py``;
o nível que cada título dá, em ``titulacao.py``.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.rules.validacao import EntradaInvalida

from .configuracao import ConfiguracaoMagisterio
from .tabelas import JORNADAS, ParametrosCarreira, nome_nivel
from .tempo import ContagemTempo, somar_anos
from .tipos import CLASSES, Cargo, FichaFuncional, MotivoJornada, EventoCarreira, Nivel, Situacao, rotulo_cargo
from .titulacao import LEI, PUBLICACAO, artigos, descricao_titulo, nivel_do_titulo
from desktop.rules import formato

UM_DIA = timedelta(days=1)
_ORDEM = {Nivel.NE: 0, Nivel.N1: 1, Nivel.N2: 2, Nivel.N3: 3, Nivel.N4: 4}
_JORNADA_ESPECIAL = {
    MotivoJornada.DESDOBRAMENTO: ("Desdobramento", "arts. 29 e 37 §5º"),
    MotivoJornada.REGIME_DIFERENCIADO: ("Regime diferenciado de trabalho", "arts. 29 §3º e 37 §5º"),
    MotivoJornada.DIRECAO: ("Direção de escola com mais de um turno", "art. 39"),
}


class SemTitulacao(EntradaInvalida):
    """Professor ou pedagogo sem titulação que defina o nível na data (art. 14)."""


class ForaDoVinculo(EntradaInvalida):
    """Data antes da admissão ou depois do desligamento."""


def fim_estagio_probatorio(ficha: FichaFuncional, regras: ParametrosCarreira) -> date:
    """Último dia do estágio probatório: 3 anos ininterruptos desde a entrada em exercício (art. 9º)."""
    return somar_anos(ficha.admissao, regras.estagio_probatorio_anos) - UM_DIA


def tempo_exercicio(ficha: FichaFuncional, data: date, config: ConfiguracaoMagisterio) -> int:
    """Dias de efetivo exercício até a data, inclusive, com as averbações (arts. 21 e 53). Ver ``tempo.py``."""
    return ContagemTempo(ficha, config).dias(data)


def _jornada(ficha: FichaFuncional, dia: date) -> tuple[int, EventoCarreira]:
    """Jornada paga na data e a mudança que a fundamenta (arts. 23, 29, 37 §5º e 39)."""
    especiais = [j for j in ficha.jornadas if j.motivo is not MotivoJornada.BASE and j.contem(dia)]
    if especiais:
        j = max(especiais, key=lambda j: j.inicio)
        texto, arts = _JORNADA_ESPECIAL[j.motivo]
        return JORNADAS[-1], EventoCarreira(j.inicio, f"{texto}: paga como {JORNADAS[-1]} h", f"{LEI}, {arts}")
    base = [j for j in ficha.jornadas if j.motivo is MotivoJornada.BASE and j.contem(dia)]
    if not base:
        raise EntradaInvalida(f"{ficha.nome}: não há jornada cadastrada em {formato.data(dia)}. Cadastre a "
                              "jornada de 20 ou 40 horas (art. 23).")
    j = max(base, key=lambda j: j.inicio)
    if j.horas not in JORNADAS:
        raise EntradaInvalida(f"{ficha.nome}: jornada de {j.horas} h inválida; use 20 ou 40 horas (art. 23).")
    inciso = "I" if j.horas == JORNADAS[-1] else "II"
    return j.horas, EventoCarreira(j.inicio, f"Jornada de {j.horas} h", f"{LEI}, art. 23 {inciso}")


@dataclass(frozen=True)
class _Passo:
    inicio: date
    valor: Any
    mudanca: EventoCarreira


class _Historia:
    """A carreira de uma ficha calculada uma vez: passos de nível, quinquênios, jornada."""

    def __init__(self, ficha: FichaFuncional, config: ConfiguracaoMagisterio, regras: ParametrosCarreira):
        if ficha.desligamento is not None and ficha.desligamento < ficha.admissao:
            raise EntradaInvalida(f"{ficha.nome}: o desligamento ({formato.data(ficha.desligamento)}) é anterior "
                                  f"à admissão ({formato.data(ficha.admissao)}). Corrija as datas.")
        self.ficha, self.config, self.regras = ficha, config, regras
        self.tempo = ContagemTempo(ficha, config)
        self.fim_estagio = fim_estagio_probatorio(ficha, regras)
        self.notas: list[EventoCarreira] = []
        self.niveis = self._passos_nivel()
        self.quinquenios = self._quinquenios()

    # -- nível (arts. 14, 19, 67, 69, 70) -------------------------------------------------------
    def _passos_nivel(self) -> list[_Passo]:
        ficha, adm = self.ficha, self.ficha.admissao
        candidatos = []
        if ficha.cargo is Cargo.AUXILIAR_ENSINO:
            candidatos.append((adm, Nivel.NE, EventoCarreira(adm, "Auxiliar de ensino no Nível Especial",
                                                             f"{LEI}, art. 69 §ún")))
        for t in sorted(ficha.titulacoes, key=lambda t: t.data_requerimento):
            if ficha.desligamento is not None and t.data_requerimento > ficha.desligamento:
                continue
            nivel, arts, motivo = nivel_do_titulo(t, ficha, self.regras)
            desc = descricao_titulo(t)
            if nivel is None:
                self.notas.append(EventoCarreira(max(t.data_requerimento, adm),
                                                 f"Título de {desc} não altera o nível: {motivo}", artigos(*arts)))
                continue
            if t.data_requerimento <= adm:
                efetivo, texto = adm, f"{nome_nivel(nivel)} no ingresso ({desc})"
                fundamento = artigos("8º §ún", *arts)
            elif max(adm, t.data_requerimento) <= PUBLICACAO:
                efetivo, texto = t.data_requerimento, f"{nome_nivel(nivel)} ({desc}), título anterior à lei"
                fundamento = artigos(*arts, "66")
            elif t.data_requerimento <= self.fim_estagio and self.config.probatorio_nivel == "adiar":
                efetivo = self.fim_estagio + UM_DIA
                texto = (f"{nome_nivel(nivel)} ({desc}), requerido em {formato.data(t.data_requerimento)} durante o "
                         "estágio probatório: vale a partir do fim do estágio")
                fundamento = artigos(*arts, "19 §2º", "9º §2º")
            else:
                efetivo = t.data_requerimento
                texto = f"{nome_nivel(nivel)} ({desc}), a partir do requerimento"
                fundamento = artigos(*arts, "19 §2º")
            candidatos.append((efetivo, nivel, EventoCarreira(efetivo, texto, fundamento)))
        passos: list[_Passo] = []
        for efetivo, nivel, mudanca in sorted(candidatos, key=lambda c: (c[0], _ORDEM[c[1]])):
            atual = passos[-1].valor if passos else None
            if atual is not None and _ORDEM[nivel] <= _ORDEM[atual]:
                continue
            if ficha.cargo is Cargo.AUXILIAR_ENSINO and atual is Nivel.NE:
                mudanca = EventoCarreira(efetivo, f"{mudanca.descricao}; com a habilitação, passa à carreira do "
                                         "magistério como professor", f"{LEI}, art. 70")
            if passos and passos[-1].inicio == efetivo:
                passos.pop()
            passos.append(_Passo(efetivo, nivel, mudanca))
        return passos

    def passo_nivel(self, dia: date) -> _Passo:
        escolhido = None
        for p in self.niveis:
            if p.inicio <= dia:
                escolhido = p
        if escolhido is None:
            # os títulos cadastrados que não contam (p. ex. licenciatura curta de quem entrou depois da lei): o
            # motivo de cada um, em vez de mandar cadastrar a formação que já está cadastrada
            recusados = [f"{n.descricao} ({n.fundamento})" for n in self.notas if n.data <= dia]
            if recusados:
                raise SemTitulacao(
                    f"{self.ficha.nome}: nenhuma titulação cadastrada define o nível em {formato.data(dia)} (art. 14). "
                    + " ".join(recusados) + ". Corrija a titulação do ingresso na ficha (a com que o servidor "
                    "concorreu) ou cadastre a que dá nível, com a data do requerimento.")
            raise SemTitulacao(
                f"{self.ficha.nome}: não há titulação que defina o nível em {formato.data(dia)} (art. 14). Cadastre "
                "a formação do servidor com a data do requerimento (a do ingresso pode ser a data da admissão).")
        return escolhido

    def cargo(self, nivel: Nivel) -> Cargo:
        """O auxiliar habilitado integra a carreira como professor (art. 70)."""
        if self.ficha.cargo is Cargo.AUXILIAR_ENSINO and nivel is not Nivel.NE:
            return Cargo.PROFESSOR
        return self.ficha.cargo

    # -- classe (arts. 9º §2º, 13, 16, 22 §3º, 53) ---------------------------------------------
    def _limiar(self, k: int) -> int:
        anos = self.regras.intersticio_classe_anos * k
        if self.config.contagem_tempo == "dias_365":
            return 365 * anos
        return (somar_anos(self.ficha.admissao, anos) - self.ficha.admissao).days

    def _quinquenios(self) -> list[tuple[date, date, EventoCarreira]]:
        """Para cada interstício cumprido: (dia em que completou, dia em que a classe muda, mudança)."""
        lista = []
        for k in range(1, len(CLASSES)):
            completou = self.tempo.alcanca(self._limiar(k))
            if completou is None:
                break
            efetivo, fundamento = completou + UM_DIA, f"{LEI}, arts. 16 e 22 §3º"
            texto = (f"classe {CLASSES[k]}: {k}º interstício de {self.regras.intersticio_classe_anos} anos de efetivo "
                     f"exercício completado em {formato.data(completou)}")
            if efetivo <= self.fim_estagio:
                efetivo, fundamento = self.fim_estagio + UM_DIA, f"{LEI}, arts. 16, 22 §3º e 9º §2º"
                texto += "; a progressão espera o fim do estágio probatório"
            lista.append((completou, efetivo, EventoCarreira(efetivo, texto[:1].upper() + texto[1:], fundamento)))
        return lista

    def classe(self, dia: date, nivel: Nivel) -> tuple[str, EventoCarreira]:
        """Classe na data e a mudança que a fundamenta; o teto é a última classe do nível (G; F no NE)."""
        cumpridos = [q for q in self.quinquenios if q[1] <= dia]
        indice = min(len(cumpridos), CLASSES.index(self.regras.ultima_classe(nivel)))
        if indice == 0:
            return "A", EventoCarreira(self.ficha.admissao, "Classe A: ingresso na classe inicial", artigos("8º §ún", "16 I"))
        mudanca = cumpridos[indice - 1][2]
        if indice < len(cumpridos):
            mudanca = EventoCarreira(mudanca.data, f"{mudanca.descricao}; o {nome_nivel(nivel)} termina nesta classe",
                                     f"{LEI}, art. 69 §ún; Anexo I, tabelas C e D")
        elif self.ficha.cargo is Cargo.AUXILIAR_ENSINO and nivel is not Nivel.NE:
            habilitacao = next(p.inicio for p in self.niveis if p.valor is not Nivel.NE)
            if mudanca.data < habilitacao and indice > CLASSES.index(self.regras.ultima_classe(Nivel.NE)):
                mudanca = EventoCarreira(habilitacao, f"Classe {CLASSES[indice]} pelo tempo de serviço, com a habilitação",
                                         artigos("70"))
        return CLASSES[indice], mudanca

    def jornada(self, dia: date) -> tuple[int, EventoCarreira]:
        return _jornada(self.ficha, dia)

    # -- situação ------------------------------------------------------------------------------
    def situacao(self, dia: date) -> Situacao:
        ficha = self.ficha
        if dia < ficha.admissao:
            raise ForaDoVinculo(f"{ficha.nome} foi admitido em {formato.data(ficha.admissao)}; não há situação "
                                f"funcional em {formato.data(dia)}.")
        if ficha.desligamento is not None and dia > ficha.desligamento:
            raise ForaDoVinculo(f"{ficha.nome} foi desligado em {formato.data(ficha.desligamento)}; não há situação "
                                f"funcional em {formato.data(dia)}.")
        passo = self.passo_nivel(dia)
        classe, m_classe = self.classe(dia, passo.valor)
        horas, m_jornada = self.jornada(dia)
        em_estagio = dia <= self.fim_estagio
        fundamentos = [passo.mudanca, m_classe, m_jornada]
        if em_estagio:
            fundamentos.append(EventoCarreira(ficha.admissao, f"Em estágio probatório até {formato.data(self.fim_estagio)}: "
                                              "sem progressão funcional", f"{LEI}, art. 9º §2º"))
        return Situacao(dia, self.cargo(passo.valor), passo.valor, classe, horas, self.tempo.dias(dia), em_estagio,
                        tuple(fundamentos))

    def datas_de_mudanca(self) -> list[date]:
        """Dias em que algo da situação pode mudar (além da admissão)."""
        datas = {self.fim_estagio + UM_DIA}
        datas.update(p.inicio for p in self.niveis)
        datas.update(q[1] for q in self.quinquenios)
        for j in self.ficha.jornadas:
            datas.add(j.inicio)
            if j.fim is not None:
                datas.add(j.fim + UM_DIA)
        fim = self.ficha.desligamento
        return sorted(d for d in datas if d > self.ficha.admissao and (fim is None or d <= fim))


def _chave(s: Situacao) -> tuple:
    return (s.cargo, s.nivel, s.classe, s.jornada, s.em_estagio_probatorio)


def situacao_em(ficha: FichaFuncional, data: date, config: ConfiguracaoMagisterio,
                regras: ParametrosCarreira) -> Situacao:
    """Cargo, nível, classe, jornada paga, tempo e estágio na data, com a mudança que fundamenta cada um."""
    return _Historia(ficha, config, regras).situacao(data)


def nivel_em(ficha: FichaFuncional, data: date, config: ConfiguracaoMagisterio, regras: ParametrosCarreira) -> Nivel:
    """Nível pela maior titulação que conta (art. 14), a partir do requerimento (art. 19 §2º); no estágio
    probatório, conforme ``config.probatorio_nivel`` (art. 9º §2º)."""
    return _Historia(ficha, config, regras).passo_nivel(data).valor


def classe_em(ficha: FichaFuncional, data: date, config: ConfiguracaoMagisterio, regras: ParametrosCarreira) -> str:
    """Classe pelos interstícios de efetivo exercício (arts. 13 e 16), do dia seguinte ao que completa
    cada um (art. 22 §3º), nunca durante o estágio probatório (art. 9º §2º); G é a última, F no NE."""
    h = _Historia(ficha, config, regras)
    return h.classe(data, h.passo_nivel(data).valor)[0]


def jornada_paga_em(ficha: FichaFuncional, data: date) -> int:
    """40 h em desdobramento ou regime diferenciado (arts. 29 §3º, 37 §5º) ou na direção de escola com
    mais de um turno (art. 39); senão a jornada do cargo (art. 23)."""
    return _jornada(ficha, data)[0]


def periodos_no_mes(ficha: FichaFuncional, competencia: date, config: ConfiguracaoMagisterio,
                    regras: ParametrosCarreira) -> list[tuple[date, date, Situacao]]:
    """Subperíodos do mês com a mesma situação (cargo, nível, classe, jornada, estágio): (início, fim, situação
    no início). Só os dias de vínculo (da admissão ao desligamento); mês sem vínculo dá lista vazia."""
    h = _Historia(ficha, config, regras)
    primeiro = competencia.replace(day=1)
    ultimo = competencia.replace(day=calendar.monthrange(competencia.year, competencia.month)[1])
    inicio = max(primeiro, ficha.admissao)
    fim = min(ultimo, ficha.desligamento) if ficha.desligamento else ultimo
    if inicio > fim:
        return []
    cortes = [inicio] + [d for d in h.datas_de_mudanca() if inicio < d <= fim]
    periodos: list[list] = []
    for dia in cortes:
        s = h.situacao(dia)
        if periodos and _chave(periodos[-1][2]) == _chave(s):
            continue
        if periodos:
            periodos[-1][1] = dia - UM_DIA
        periodos.append([dia, fim, s])
    return [tuple(p) for p in periodos]


_FUNCAO = {"diretor": "diretor", "vice_diretor": "vice-diretor"}


def _admissao(h: _Historia) -> EventoCarreira:
    ficha, partes = h.ficha, []
    try:
        passo = h.passo_nivel(ficha.admissao)
        partes.append(f"como {rotulo_cargo(h.cargo(passo.valor)).lower()}, {nome_nivel(passo.valor)}, classe A")
    except SemTitulacao:
        partes.append(f"como {rotulo_cargo(ficha.cargo).lower()}, classe A (nível não definido: cadastre a titulação)")
    try:
        partes.append(f"{_jornada(ficha, ficha.admissao)[0]} h")
    except EntradaInvalida:
        partes.append("jornada não cadastrada")
    anos = h.regras.estagio_probatorio_anos
    return EventoCarreira(ficha.admissao, f"Admissão {', '.join(partes)}; início do estágio probatório de {anos} anos "
                          f"(até {formato.data(h.fim_estagio)})", f"{LEI}, arts. 8º §ún e 9º")


def linha_do_tempo(ficha: FichaFuncional, ate: date, config: ConfiguracaoMagisterio,
                   regras: ParametrosCarreira) -> list[EventoCarreira]:
    """Cada mudança da carreira da admissão até ``ate``, passadas e previstas, em ordem, com o artigo.

    Admissão, fim do estágio probatório (art. 9º), enquadramento na publicação da lei para quem já era
    servidor (arts. 66 e 67, que resume o que veio antes), cada nível com a data do requerimento
    (art. 19 §2º), cada classe com a data do interstício (art. 22 §3º), jornadas (arts. 23, 29, 37 §5º,
    39), funções de direção (art. 38), títulos que não mudam o nível, desligamento. As previstas
    supõem que nada mais mude além do que já está cadastrado (afastamentos futuros contam).
    """
    h = _Historia(ficha, config, regras)
    eventos: list[tuple[date, int, EventoCarreira]] = [(ficha.admissao, 0, _admissao(h))]
    fim = ficha.desligamento
    if fim is None or h.fim_estagio < fim:
        dia = h.fim_estagio + UM_DIA
        eventos.append((dia, 2, EventoCarreira(dia, f"Fim do estágio probatório ({regras.estagio_probatorio_anos} anos "
                                               f"completados em {formato.data(h.fim_estagio)})", f"{LEI}, art. 9º")))
    eventos += [(p.inicio, 3, p.mudanca) for p in h.niveis if p.inicio > ficha.admissao]
    eventos += [(m.data, 7, m) for m in h.notas]
    classe_antes, jornada_antes = "A", None
    try:
        jornada_antes = _jornada(ficha, ficha.admissao)
    except EntradaInvalida:
        pass
    for dia in h.datas_de_mudanca():
        try:
            classe, m = h.classe(dia, h.passo_nivel(dia).valor)
        except SemTitulacao:
            classe = classe_antes
        else:
            if classe != classe_antes:
                eventos.append((dia, 4, EventoCarreira(dia, m.descricao, m.fundamento)))
            elif any(q[1] == dia for q in h.quinquenios) and dia > h.fim_estagio:
                eventos.append((dia, 7, EventoCarreira(dia, f"Interstício de classe cumprido, sem nova classe: o "
                                                       f"{nome_nivel(h.passo_nivel(dia).valor)} termina na classe {classe}",
                                                       f"{LEI}, art. 69 §ún; Anexo I, tabelas C e D")))
        classe_antes = classe
        try:
            jornada = _jornada(ficha, dia)
        except EntradaInvalida:
            jornada = None
        if jornada is not None and (jornada_antes is None or jornada[1].descricao != jornada_antes[1].descricao):
            m = jornada[1]
            if jornada_antes is not None and not jornada_antes[1].descricao.startswith("Jornada de") \
                    and m.descricao.startswith("Jornada de"):
                m = EventoCarreira(dia, f"Volta à jornada de {jornada[0]} h", f"{LEI}, art. 29 §2º")
            eventos.append((dia, 5, EventoCarreira(dia, m.descricao, m.fundamento)))
        jornada_antes = jornada
    for f in ficha.funcoes:
        nome = f"{_FUNCAO[f.funcao.value]}" + (f" — {f.escola}" if f.escola else "") + f" (porte {f.porte.rotulo})"
        eventos.append((f.inicio, 6, EventoCarreira(f.inicio, f"Início da função de {nome}", f"{LEI}, art. 38 e Anexo III")))
        if f.fim is not None:
            eventos.append((f.fim + UM_DIA, 6, EventoCarreira(f.fim + UM_DIA, f"Fim da função de {nome}", f"{LEI}, art. 38")))
    if ficha.admissao < PUBLICACAO and (fim is None or PUBLICACAO <= fim):
        eventos = [e for e in eventos if e[0] > PUBLICACAO or e[1] in (0, 6, 7)]
        try:
            s = h.situacao(PUBLICACAO)
            texto = f"{nome_nivel(s.nivel)}, classe {s.classe}, {s.jornada} h"
        except EntradaInvalida as e:
            s, texto = None, str(e)
        arts = ("66", "67", "69 §ún") if s is not None and s.nivel is Nivel.NE else ("66", "67")
        eventos.append((PUBLICACAO, 1, EventoCarreira(PUBLICACAO, f"Enquadramento na publicação da lei: {texto}",
                                                      artigos(*arts))))
    if fim is not None:
        eventos.append((fim, 9, EventoCarreira(fim, "Desligamento do cargo", "Estatuto do Magistério Público Municipal")))
    return [m for d, _, m in sorted(eventos, key=lambda e: (e[0], e[1])) if d <= ate]
