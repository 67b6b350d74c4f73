"""Validações dos históricos da ficha funcional do magistério, uma função por histórico.

Cada função recebe o contexto (a transação, o servidor e os demais itens), os valores já
convertidos e o item atual (na correção) e levanta ``ErroNegocio`` com a mensagem em português.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.rules.magisterio.tipos import Etapa, Funcao, MotivoJornada, Titulo, TipoCurso
from desktop.store.magisterio import escolas as armazem_escolas
from desktop.store.magisterio import historicos as armazem
from desktop.store.magisterio import tabelas
from desktop.rules import formato

from .. import parametros
from ..sessao import ErroNegocio, Mudanca
from .comum import ROTULOS_TITULO, escolha, periodo

_SEM_HABILITACAO_DE_PEDAGOGO = {Titulo.LEIGO, Titulo.MEDIO_NORMAL, Titulo.ESTUDOS_ADICIONAIS, Titulo.LICENCIATURA_CURTA}


@dataclass
class Contexto:
    mudanca: Mudanca
    servidor: dict
    _feriados: dict = field(default_factory=dict)

    @property
    def db(self):
        return self.mudanca.db

    def outros(self, nome: str, atual: dict | None = None) -> list[dict]:
        """Itens do histórico ``nome`` do servidor, sem o item que está sendo corrigido."""
        excluir = atual["id"] if atual else None
        return [i for i in armazem.listar(self.db, armazem.HISTORICOS[nome], self.servidor["id"]) if i["id"] != excluir]

    def feriado(self, dia: date) -> str | None:
        if dia.year not in self._feriados:
            self._feriados[dia.year] = parametros.feriados_do_ano(self.mudanca.sessao, dia.year)
        return self._feriados[dia.year].get(dia)


def _sobrepoe(a_ini: date, a_fim: date | None, b_ini: date, b_fim: date | None) -> bool:
    return (a_fim is None or b_ini <= a_fim) and (b_fim is None or a_ini <= b_fim)


def _titulo(rotulo: str) -> str:
    return rotulo[0].upper() + rotulo[1:]


def no_vinculo(ctx: Contexto, rotulo: str, inicio: date, fim: date | None = None, *, periodo_: bool = False) -> None:
    """A data (ou o período) cabe entre a admissão e o desligamento do servidor."""
    adm, desl = ctx.servidor["admissao"], ctx.servidor["desligamento"]
    if inicio < adm:
        raise ErroNegocio(f"{_titulo(rotulo)}: a data {formato.data(inicio)} é anterior à admissão do servidor ({formato.data(adm)}).")
    if desl and inicio > desl:
        raise ErroNegocio(f"{_titulo(rotulo)}: a data {formato.data(inicio)} é posterior ao desligamento do servidor ({formato.data(desl)}).")
    if desl and periodo_ and (fim is None or fim > desl):
        raise ErroNegocio(f"{_titulo(rotulo)}: o período passa do desligamento do servidor ({formato.data(desl)}); "
                          "informe um fim até essa data.")


def _periodo(ctx: Contexto, rotulo: str, v: dict) -> None:
    if v["fim"] is not None and v["fim"] < v["inicio"]:
        raise ErroNegocio(f"{_titulo(rotulo)}: o fim ({formato.data(v['fim'])}) não pode ser anterior ao início ({formato.data(v['inicio'])}).")
    no_vinculo(ctx, rotulo, v["inicio"], v["fim"], periodo_=True)


def _sem_sobreposicao(rotulo: str, v: dict, outros: list[dict], descrever=lambda o: "") -> None:
    for o in outros:
        if _sobrepoe(v["inicio"], v["fim"], o["inicio"], o["fim"]):
            raise ErroNegocio(
                f"{_titulo(rotulo)}: o período {periodo(v['inicio'], v['fim'])} se sobrepõe a outro registro de "
                f"{rotulo} ({periodo(o['inicio'], o['fim'])}{descrever(o)}). Encerre ou corrija o outro período antes.")


def _faltas_dentro(ctx: Contexto, rotulo: str, v: dict) -> None:
    for f in ctx.outros("faltas"):
        if _sobrepoe(v["inicio"], v["fim"], f["data"], f["data"]):
            raise ErroNegocio(f"{_titulo(rotulo)}: há falta registrada em {formato.data(f['data'])}, dentro do período; "
                              "exclua ou corrija a falta antes.")


def _hoje_ou_antes(rotulo: str, dia: date | None, o_que: str) -> None:
    if dia and dia > date.today():
        raise ErroNegocio(f"{_titulo(rotulo)}: {o_que} ({formato.data(dia)}) está no futuro.")


def _unidade(ctx: Contexto, unidade_id: str, tipos: tuple[str, ...], rotulo: str, pedido: str) -> dict:
    u = armazem_escolas.obter_unidade(ctx.db, unidade_id)
    if u is None or u["tipo"] not in tipos:
        raise ErroNegocio(f"{_titulo(rotulo)}: {pedido}")
    return u


# -- um validador por histórico ---------------------------------------------------------------------
def titulacoes(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Nível pela titulação (Lei 1.613/2004, arts. 14, 19 §2º e 69)."""
    v["titulo"] = titulo = escolha(Titulo, v["titulo"], "título")
    _hoje_ou_antes("titulação", v["data_requerimento"], "a data do requerimento")
    if v["data_requerimento"] < ctx.servidor["admissao"]:
        raise ErroNegocio(
            f"Titulação: a data do requerimento ({formato.data(v['data_requerimento'])}) é anterior à admissão "
            f"({formato.data(ctx.servidor['admissao'])}). O título apresentado no ingresso vale desde a admissão: "
            "use a data de admissão.")
    no_vinculo(ctx, "titulação", v["data_requerimento"])
    if v["carga_horaria"] is not None and v["carga_horaria"] <= 0:
        raise ErroNegocio("Titulação: a carga horária deve ser maior que zero.")
    cargo = ctx.servidor["cargo"]
    if atual is not None and atual["titulo"] == titulo:
        return  # correção de outro campo de um título antigo (p. ex. o leigo de quem passou a professor)
    if titulo == Titulo.LEIGO and cargo != "auxiliar_ensino":
        raise ErroNegocio("Titulação: o título 'leigo' é só do auxiliar de ensino (Lei 1.613/2004, art. 69).")
    if cargo == "pedagogo" and titulo in _SEM_HABILITACAO_DE_PEDAGOGO:
        raise ErroNegocio(
            f"Titulação: o cargo de pedagogo exige graduação em Pedagogia ou licenciatura com pós-graduação "
            f"(Lei 1.613/2004, art. 14 §3º); '{ROTULOS_TITULO[titulo]}' não serve.")


def lotacoes(ctx: Contexto, v: dict, atual: dict | None) -> None:
    _unidade(ctx, v["unidade_id"], ("escola", "secretaria"), "lotação",
             "escolha uma escola ou um setor da Secretaria de Educação.")
    _periodo(ctx, "lotação", v)
    nomes = armazem_escolas.unidades(ctx.db)
    _sem_sobreposicao("lotação", v, ctx.outros("lotacoes", atual), lambda o: f", {nomes[o['unidade_id']]['nome']}")


def regencias(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Regência de classe (Lei 1.613/2004, arts. 27, 41 e 44): do professor, não do pedagogo."""
    v["etapa"] = escolha(Etapa, v["etapa"], "etapa")
    if ctx.servidor["cargo"] == "pedagogo":
        raise ErroNegocio("Regência: o pedagogo exerce suporte pedagógico, não regência de classe "
                          "(Lei 1.613/2004, art. 3º IV).")
    if v["alunos_nee"] is None or v["alunos_nee"] < 0:
        raise ErroNegocio("Regência: o número de alunos com necessidades especiais não pode ser negativo.")
    _periodo(ctx, "regência", v)
    mesma_etapa = [o for o in ctx.outros("regencias", atual) if o["etapa"] == v["etapa"]]
    _sem_sobreposicao("regência", v, mesma_etapa)


def jornadas(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Jornada de 20 ou 40 h (art. 23); desdobramento e regime diferenciado (art. 29) e direção (art. 39)."""
    v["motivo"] = motivo = escolha(MotivoJornada, v["motivo"] or "base", "motivo da jornada")
    if v["horas"] is None and motivo != MotivoJornada.BASE:
        v["horas"] = 40
    if v["horas"] is None:
        raise ErroNegocio("Jornada: informe as horas semanais, 20 ou 40 (Lei 1.613/2004, art. 23).")
    if v["horas"] not in (20, 40):
        raise ErroNegocio("Jornada: a jornada é de 20 ou de 40 horas semanais (Lei 1.613/2004, art. 23).")
    if motivo != MotivoJornada.BASE and v["horas"] != 40:
        raise ErroNegocio("Jornada: desdobramento, regime diferenciado e direção são de 40 horas semanais "
                          "(Lei 1.613/2004, arts. 29 e 39).")
    _periodo(ctx, "jornada", v)
    outras = ctx.outros("jornadas", atual)
    if motivo in (MotivoJornada.DESDOBRAMENTO, MotivoJornada.REGIME_DIFERENCIADO):
        vespera = v["inicio"] - timedelta(days=1)
        for o in outras:
            if o["motivo"] == "base" and _sobrepoe(o["inicio"], o["fim"], vespera, v["inicio"]) and o["horas"] != 20:
                raise ErroNegocio("Jornada: desdobramento e regime diferenciado são do servidor de 20 horas "
                                  "(Lei 1.613/2004, art. 29); este já tem jornada de 40 horas.")
    if motivo == MotivoJornada.DIRECAO:
        diretor = [f for f in ctx.outros("funcoes") if f["funcao"] == Funcao.DIRETOR
                   and _sobrepoe(f["inicio"], f["fim"], v["inicio"], v["inicio"])]
        if not diretor:
            raise ErroNegocio("Jornada: a ampliação para 40 horas do art. 39 é do diretor de escola; cadastre "
                              "antes a função de diretor que começa até essa data.")
    _sem_sobreposicao("jornada", v, outras, lambda o: f", {o['horas']} h")


def funcoes(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Função gratificada de diretor ou vice (Lei 1.613/2004, art. 38): depende do porte da escola."""
    v["funcao"] = escolha(Funcao, v["funcao"], "função")
    escola = _unidade(ctx, v["unidade_id"], ("escola",), "função gratificada", "escolha a escola da função.")
    _periodo(ctx, "função gratificada", v)
    situacoes = armazem_escolas.situacoes(ctx.db, v["unidade_id"]).get(v["unidade_id"], [])
    if not situacoes or situacoes[0].inicio > v["inicio"]:
        raise ErroNegocio(f"Função gratificada: a escola {escola['nome']} não tem porte cadastrado em "
                          f"{formato.data(v['inicio'])}. Cadastre o porte da escola antes: a FG depende dele "
                          "(Lei 1.613/2004, art. 38).")
    _sem_sobreposicao("função gratificada", v, ctx.outros("funcoes", atual))
    if v["funcao"] == Funcao.DIRETOR:
        for f in armazem_escolas.funcoes_na_escola(ctx.db, v["unidade_id"]):
            if (f["funcao"] == "diretor" and f["servidor_id"] != ctx.servidor["id"]
                    and _sobrepoe(v["inicio"], v["fim"], date.fromisoformat(f["inicio"]),
                                  date.fromisoformat(f["fim"]) if f["fim"] else None)):
                raise ErroNegocio(
                    f"Função gratificada: a escola {escola['nome']} já tem diretor(a) nesse período: {f['nome']} "
                    f"({periodo(date.fromisoformat(f['inicio']), date.fromisoformat(f['fim']) if f['fim'] else None)}). "
                    "Encerre aquela função antes.")


def cursos(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Cursos da gratificação de aperfeiçoamento (Lei 1.613/2004, arts. 46 a 48)."""
    v["tipo"] = escolha(TipoCurso, v["tipo"], "tipo de curso")
    if v["carga_horaria"] is None or v["carga_horaria"] <= 0:
        raise ErroNegocio("Curso: a carga horária deve ser maior que zero.")
    _hoje_ou_antes("curso", v["conclusao"], "a data de conclusão")
    if v["concessao"] is not None:
        if v["concessao"] < v["conclusao"]:
            raise ErroNegocio("Curso: a concessão da gratificação não pode ser anterior à conclusão do curso.")
        _hoje_ou_antes("curso", v["concessao"], "a data da concessão")
        no_vinculo(ctx, "curso (concessão)", v["concessao"])


def afastamentos(ctx: Contexto, v: dict, atual: dict | None) -> None:
    v["tipo"] = (v["tipo"] or "").upper()
    tipo = tabelas.tipo_afastamento(ctx.db, v["tipo"])
    if tipo is None or (not tipo["ativo"] and (atual is None or atual["tipo"] != v["tipo"])):
        raise ErroNegocio(f"Afastamento: tipo desconhecido ou desativado: {v['tipo']!r}. Escolha um dos tipos cadastrados.")
    _periodo(ctx, "afastamento", v)
    _sem_sobreposicao("afastamento", v, ctx.outros("afastamentos", atual), lambda o: f", {o['tipo']}")
    for f in ctx.outros("ferias"):
        if _sobrepoe(v["inicio"], v["fim"], f["inicio"], f["fim"]):
            raise ErroNegocio(f"Afastamento: o período coincide com férias ({periodo(f['inicio'], f['fim'])}); "
                              "corrija as férias antes.")
    _faltas_dentro(ctx, "afastamento", v)


def faltas(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Falta por dia ou por hora (Lei 1.613/2004, art. 34), só em dia de exercício."""
    dia = v["data"]
    v["codigo"] = v["codigo"].upper() if v["codigo"] else None
    _hoje_ou_antes("falta", dia, "a data")
    no_vinculo(ctx, "falta", dia)
    if dia.weekday() == 6:
        raise ErroNegocio(f"Falta: {formato.data(dia)} é domingo, dia sem expediente.")
    if (nome := ctx.feriado(dia)):
        raise ErroNegocio(f"Falta: {formato.data(dia)} é feriado ({nome}), dia sem expediente.")
    for a in ctx.outros("afastamentos"):
        if _sobrepoe(a["inicio"], a["fim"], dia, dia):
            raise ErroNegocio(f"Falta: em {formato.data(dia)} o servidor está afastado ({a['tipo']}, "
                              f"{periodo(a['inicio'], a['fim'])}); não há exercício nesse dia.")
    for f in ctx.outros("ferias"):
        if _sobrepoe(f["inicio"], f["fim"], dia, dia):
            raise ErroNegocio(f"Falta: em {formato.data(dia)} o servidor está de férias ({periodo(f['inicio'], f['fim'])}).")
    if any(f["data"] == dia for f in ctx.outros("faltas", atual)):
        raise ErroNegocio(f"Falta: já há falta registrada em {formato.data(dia)} para este servidor; corrija-a em vez de "
                          "lançar outra.")
    if v["horas"] is not None:
        jornada = next((j for j in ctx.outros("jornadas") if _sobrepoe(j["inicio"], j["fim"], dia, dia)), None)
        semanais = 40 if jornada is None or jornada["motivo"] != "base" else jornada["horas"]
        diarias = semanais // 5  # jornada de 4 ou 8 horas nos 5 dias da semana (art. 32)
        if not 1 <= v["horas"] <= diarias:
            raise ErroNegocio(f"Falta: as horas não cumpridas vão de 1 a {diarias} num dia de jornada de "
                              f"{semanais} horas semanais; para o dia inteiro, deixe as horas em branco.")
    if v["codigo"]:
        codigo = tabelas.codigo_falta(ctx.db, v["codigo"])
        if codigo is None or (not codigo["ativo"] and (atual is None or atual["codigo"] != v["codigo"])):
            raise ErroNegocio(f"Falta: código de justificativa desconhecido: {v['codigo']!r}. "
                              "Escolha um dos códigos cadastrados ou deixe em branco.")


def ferias(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Férias gozadas (Lei 1.613/2004, arts. 54 a 57), sem sobreposição."""
    _periodo(ctx, "férias", v)
    _sem_sobreposicao("férias", v, ctx.outros("ferias", atual))
    for a in ctx.outros("afastamentos"):
        if _sobrepoe(v["inicio"], v["fim"], a["inicio"], a["fim"]):
            raise ErroNegocio(f"Férias: o período coincide com um afastamento ({a['tipo']}, "
                              f"{periodo(a['inicio'], a['fim'])}).")
    _faltas_dentro(ctx, "férias", v)


def averbacoes(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Averbação de tempo de magistério não paralelo (Lei 1.613/2004, art. 53)."""
    if v["dias"] is None or v["dias"] <= 0:
        raise ErroNegocio("Averbação: informe os dias averbados (maior que zero).")
    ini, fim = v["origem_inicio"], v["origem_fim"]
    if (ini is None) != (fim is None):
        raise ErroNegocio("Averbação: informe o início e o fim do tempo averbado, ou nenhum dos dois.")
    if ini is not None:
        if fim < ini:
            raise ErroNegocio("Averbação: o fim do tempo averbado não pode ser anterior ao início.")
        adm, desl = ctx.servidor["admissao"], ctx.servidor["desligamento"]
        if _sobrepoe(ini, fim, adm, desl):
            raise ErroNegocio(f"Averbação: o tempo averbado ({periodo(ini, fim)}) é paralelo ao exercício no "
                              f"Município, desde {formato.data(adm)}; só se averba tempo não paralelo (Lei 1.613/2004, art. 53).")
        if v["dias"] > (fim - ini).days + 1:
            raise ErroNegocio(f"Averbação: {v['dias']} dias é mais do que o período de origem "
                              f"({(fim - ini).days + 1} dias).")
    if v["data_averbacao"] is not None:
        _hoje_ou_antes("averbação", v["data_averbacao"], "a data da averbação")
        no_vinculo(ctx, "averbação", v["data_averbacao"])


def horas_noturnas(ctx: Contexto, v: dict, atual: dict | None) -> None:
    """Horas de regência após as 22 h no mês (Lei 1.613/2004, art. 50)."""
    comp = v["competencia"]
    hoje = date.today()
    if comp > date(hoje.year, hoje.month, 1):
        raise ErroNegocio(f"Horas noturnas: a competência {formato.competencia(comp)} está no futuro.")
    adm = ctx.servidor["admissao"]
    if comp < date(adm.year, adm.month, 1):
        raise ErroNegocio(f"Horas noturnas: a competência {formato.competencia(comp)} é anterior à admissão ({formato.data(adm)}).")
    if v["horas"] <= 0:
        raise ErroNegocio("Horas noturnas: as horas devem ser maiores que zero.")
    if any(o["competencia"] == comp for o in ctx.outros("horas_noturnas", atual)):
        raise ErroNegocio(f"Horas noturnas: já há horas lançadas em {formato.competencia(comp)}; corrija aquele lançamento.")
    fim_mes = (comp.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if not any(_sobrepoe(r["inicio"], r["fim"], comp, fim_mes) for r in ctx.outros("regencias")):
        raise ErroNegocio(f"Horas noturnas: não há regência de classe em {formato.competencia(comp)}; o adicional noturno é de "
                          "quem está em efetiva regência (Lei 1.613/2004, art. 50).")


VALIDADORES = {
    "titulacoes": titulacoes, "lotacoes": lotacoes, "regencias": regencias, "jornadas": jornadas,
    "funcoes": funcoes, "cursos": cursos, "afastamentos": afastamentos, "faltas": faltas, "ferias": ferias,
    "averbacoes": averbacoes, "horas_noturnas": horas_noturnas,
}
