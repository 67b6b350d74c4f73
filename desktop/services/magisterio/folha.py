"""Competência da folha do Magistério: prévia, pendências, fechamento, reabertura e contracheques gravados.

- ``previa`` calcula o contracheque de cada servidor com vínculo no mês (Lei 1.613/2004, pelas regras
  de ``rules.magisterio.folha``) sem gravar nada; um cadastro com erro vira pendência, não derruba a folha.
- ``fechar`` recalcula dentro de UMA transação, confere as pendências (``folha_pendencias``), grava
  todos os contracheques e rubricas, marca a competência fechada com a configuração e a identidade
  dos parâmetros usados, e escreve UMA linha no diário com os totais e o SHA-256 do conteúdo (as
  rubricas não vão linha a linha ao diário: ficam imutáveis na base, pelos gatilhos da migração 0004).
- ``reabrir`` só para administrador, com motivo; apaga os contracheques gravados para recalcular.
- ``contracheques``/``contracheque`` releem o que foi gravado — exatamente o que foi impresso.
Leituras exigem ``MAGISTERIO_LER``; fechar, ``MAGISTERIO_EDITAR``; reabrir, o papel administrador.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Callable

from desktop.reports.magisterio.dados import DadosServidorContracheque, ItemFolha
from desktop.rules.folha.dias import primeiro_dia, ultimo_dia
from desktop.rules.magisterio.carreira import periodos_no_mes
from desktop.rules.magisterio.configuracao import ConfiguracaoMagisterio
from desktop.rules.magisterio.folha import calcular_contracheque, faltas_de_mes_fechado
from desktop.rules.magisterio.folha_historico import no_dia
from desktop.rules.magisterio.folha_parametros import NOMES, NOMES_OPCIONAIS, ParametrosFolhaMagisterio
from desktop.rules.magisterio.reajuste_impacto import (decimo_terceiro, diferenca_13, diferenca_reajuste,
                                                       remuneracao_bruta)
from desktop.rules.magisterio.tabelas import MatrizVencimentos
from desktop.rules.magisterio.tipos import FichaFuncional
from desktop.rules.papeis import Permissao
from desktop.rules.parametros import ValorLegal
from desktop.rules.validacao import EntradaInvalida
from desktop.store.magisterio import descontos as armazem_descontos
from desktop.store.magisterio import fichas as armazem_fichas
from desktop.store.magisterio import folha as armazem
from desktop.store.magisterio import servidores as armazem_servidores
from desktop.store.magisterio.folha import Identificacao

from .. import parametros, replicas
from ..folha_ciclo import (MOTIVO_MINIMO, CicloFolha, TotaisDaFolha,  # noqa: F401 (MOTIVO_MINIMO: as telas)
                          mes)
from ..sessao import ErroNegocio, SemPermissao, Sessao
from . import anteriores, configuracao
from .folha_pendencias import ERRO_CALCULO, Pendencia, erro, pendencias
from desktop.rules import formato

Progresso = Callable[[int, int], None]
"""``progresso(feitos, total)`` a cada servidor calculado; uma exceção levantada nele cancela (em
``fechar``, desfaz a transação inteira)."""

CICLO = CicloFolha(armazem.TABELAS, ler=Permissao.MAGISTERIO_LER, reabrir_exige=Permissao.MAGISTERIO_REABRIR,
                   grava=Permissao.MAGISTERIO_EDITAR, assunto="magisterio:competencia", nome="",
                   exemplo_motivo="falta de 12/03 lançada depois do fechamento")
PISO = "piso_magisterio"


class FechamentoRecusado(ErroNegocio):
    """O fechamento foi recusado por pendências; ``pendencias`` diz quais."""

    def __init__(self, mensagem: str, pendencias: list[Pendencia]):
        super().__init__(mensagem)
        self.pendencias = pendencias


@dataclass
class Previa(TotaisDaFolha):
    """O cálculo da competência, sem gravar: contracheques, erros por servidor e o que foi usado."""

    competencia: date
    itens: list[ItemFolha]
    erros: list[Pendencia]
    parametros: ParametrosFolhaMagisterio
    configuracao: ConfiguracaoMagisterio
    identidades: dict[str, dict]
    piso: ValorLegal | None
    fichas: dict[str, FichaFuncional] = field(repr=False, default_factory=dict)

    @property
    def fim(self) -> date:
        return ultimo_dia(self.competencia)


# -- competência e parâmetros ----------------------------------------------------------------------
def _vigentes(sessao: Sessao, dia: date) -> dict[str, object]:
    vigentes = {nome: parametros.vigente(sessao, nome, dia) for nome in NOMES}
    for nome in NOMES_OPCIONAIS:  # piso e teto: sem vigência na data, não se aplicam
        try:
            vigentes[nome] = parametros.vigente(sessao, nome, dia)
        except ErroNegocio:
            pass
    return vigentes


def parametros_da_competencia(sessao: Sessao, competencia: date | str) -> ParametrosFolhaMagisterio:
    """Os valores datados em vigor no dia 1º da competência (Anexos, gratificações, INSS, IRRF, RPPS)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = mes(competencia)
    return ParametrosFolhaMagisterio.de_vigentes(dia, _vigentes(sessao, dia))


def _identidade(valor) -> dict:
    return {"inicio": valor.inicio.isoformat(), "fundamento": valor.fundamento}


# -- prévia ----------------------------------------------------------------------------------------
def _fichas(sessao: Sessao) -> tuple[list[FichaFuncional], list[tuple[str, str]]]:
    """Todas as fichas; se a carga em bloco falha por um cadastro, carrega uma a uma e separa as que falham."""
    try:
        return armazem_fichas.carregar_fichas(sessao.db), []
    except (ValueError, KeyError) as e_bloco:
        ids = armazem_servidores.ids(sessao.db)
        boas, ruins = [], []
        for sid in ids:
            try:
                boas.append(armazem_fichas.carregar_ficha(sessao.db, sid))
            except (ValueError, KeyError) as e:
                ruins.append((sid, str(e) or str(e_bloco)))
        boas.sort(key=lambda f: (f.nome, f.matricula))
        return boas, ruins


def _com_vinculo(f: FichaFuncional, inicio: date, fim: date) -> bool:
    return f.admissao <= fim and (f.desligamento is None or f.desligamento >= inicio)


def identificacao(ficha: FichaFuncional, competencia: date, config: ConfiguracaoMagisterio,
                  p: ParametrosFolhaMagisterio, periodos: list | None = None) -> Identificacao:
    """Nome, CPF, matrícula, cargo, nível, classe, jornada e lotação no último dia de vínculo do mês.

    ``periodos``: ``periodos_no_mes`` já calculado para a ficha (a folha o calcula uma vez por servidor)."""
    if periodos is None:
        periodos = periodos_no_mes(ficha, competencia, config, p.carreira)
    _inicio, dia, s = periodos[-1]
    lotacao = no_dia(ficha.lotacoes, dia)
    if lotacao is None:
        anteriores = [x for x in ficha.lotacoes if x.inicio <= dia]
        lotacao = max(anteriores, key=lambda x: x.inicio) if anteriores else None
    return Identificacao(ficha.nome, ficha.cpf, ficha.matricula, s.cargo.value, s.nivel.value, s.classe,
                         s.jornada, lotacao.escola if lotacao else "")


def dados_servidor(ident: Identificacao) -> DadosServidorContracheque:
    return DadosServidorContracheque(ident.nome, ident.cpf, ident.matricula, ident.cargo, ident.nivel,
                                     ident.classe, ident.jornada, ident.lotacao)


def _calcular(sessao: Sessao, dia: date, progresso: Progresso | None, *, matriz: MatrizVencimentos | None = None,
              retroativos: bool = True) -> tuple[Previa, list[Identificacao]]:
    """A folha do mês. ``matriz``: outra matriz no lugar da vigente (simulação de reajuste);
    ``retroativos``: pagar as diferenças de reajuste de competências fechadas (não ao recalcular estas)."""
    fim = ultimo_dia(dia)
    config = configuracao.ler(sessao)
    vigentes = _vigentes(sessao, dia)
    p = ParametrosFolhaMagisterio.de_vigentes(dia, vigentes)
    if matriz is not None:
        p = replace(p, matriz=matriz)
    acertar = retroativos and matriz is None
    # afastamentos e titulações lançados depois do fechamento: os meses a recalcular nesta (069/106)
    pendentes = armazem.diferencas_pendentes(sessao.db, armazem.chave(dia)) if acertar else {}
    acertado = armazem.diferencas_retroativas_pagas(sessao.db) if pendentes else {}
    reajustes = _reajustes_retroativos(sessao, dia, excluir={(sid, k) for sid, ks in pendentes.items()
                                                              for k, _f in ks}) if acertar else {}
    identidades = {nome: _identidade(v) for nome, v in vigentes.items()}
    try:
        piso = parametros.vigente(sessao, PISO, dia)
        identidades[PISO] = _identidade(piso)
    except ErroNegocio:
        piso = None
    todas, ruins = _fichas(sessao)
    fichas = [f for f in todas if _com_vinculo(f, dia, fim)]
    pagos_13 = armazem.adiantamentos_13(sessao.db, dia)
    meses: dict[date, ParametrosFolhaMagisterio] = {}
    descontos = armazem_descontos.do_mes(sessao.db, armazem.chave(dia))
    itens, idents, erros = [], [], []
    for sid, mensagem in ruins:
        s = armazem_servidores.obter(sessao.db, sid)
        erros.append(Pendencia(ERRO_CALCULO, f"{s['nome']} (matrícula {s['matricula']}): {mensagem}", sid,
                               s["nome"], s["matricula"], aceitavel=False))
    total = len(fichas)
    for n, f in enumerate(fichas, start=1):
        try:
            periodos = periodos_no_mes(f, dia, config, p.carreira)  # a carreira, uma vez por servidor
            cc = calcular_contracheque(f, dia, p, config, adiantamento_13_pago=pagos_13.get(f.id),
                                       periodos=periodos, descontos=descontos.get(f.id),
                                       diferencas=_diferencas(sessao, f, dia, config, meses) + reajustes.get(f.id, [])
                                       + anteriores._acertos(sessao, f, dia, config, pendentes.get(f.id, []), meses,
                                                             acertado, do_mes=_do_mes, diferencas_do_mes=_diferencas))
            ident = identificacao(f, dia, config, p, periodos)
        except Exception as e:  # um cadastro com erro não derruba a folha: vira pendência
            erros.append(erro(f, str(e) if isinstance(e, EntradaInvalida) else
                              f"erro inesperado no cálculo ({type(e).__name__}: {e}). Confira o cadastro."))
        else:
            itens.append(ItemFolha(dados_servidor(ident), cc))
            idents.append(ident)
        if progresso is not None:
            progresso(n, total)
    previa_ = Previa(dia, itens, erros, p, config, identidades, piso, {f.id: f for f in fichas})
    return previa_, idents


def _diferencas(sessao: Sessao, f: FichaFuncional, dia: date, config: ConfiguracaoMagisterio,
                meses: dict[date, ParametrosFolhaMagisterio]) -> list:
    """As faltas de competências fechadas lançadas depois do fechamento, a descontar nesta (rubrica 105),
    cada uma com os parâmetros do mês da falta."""
    saida = []
    for mes_falta in sorted({primeiro_dia(x.data) for x in f.faltas if x.liquidar_em == dia}):
        saida += faltas_de_mes_fechado(f, mes_falta, _do_mes(sessao, mes_falta, meses), config, dia)
    return saida


def _do_mes(sessao: Sessao, dia: date, meses: dict[date, ParametrosFolhaMagisterio]) -> ParametrosFolhaMagisterio:
    """Os parâmetros em vigor no mês ``dia`` (guardados em ``meses``, um cálculo por mês numa folha)."""
    if dia not in meses:
        meses[dia] = ParametrosFolhaMagisterio.de_vigentes(dia, _vigentes(sessao, dia))
    return meses[dia]


def _gravados(sessao: Sessao, dia: date) -> dict[str, list]:
    """Servidor → linhas gravadas da competência fechada ``dia`` ({} se não está fechada)."""
    linha = armazem.competencia(sessao.db, dia)
    if linha is None or linha["situacao"] != "fechada":
        return {}
    return {cc.pessoa_id: cc.linhas for _i, cc in armazem.contracheques(sessao.db, linha["id"], dia)}


def _reajustes_retroativos(sessao: Sessao, dia: date, excluir: set[tuple[str, str]] = frozenset()) -> dict[str, list]:
    """Diferenças de reajuste das competências fechadas antes de ``dia`` que uma vigência do Anexo I
    cadastrada depois do fechamento alcançou: devido (recalculado) − gravado − já pago, por servidor e mês.

    Do mês: rubrica 065 (mesmo ano) ou 066 (ano anterior: RRA, Lei 7.713/1988, art. 12-A). Do 13º quitado
    num mês alcançado (a remuneração do 13º é a do mês da quitação): 067 (mesmo ano) ou 068 (RRA).
    ``excluir``: (servidor, 'aaaa-mm') cuja diferença do mês esta folha já acerta como diferença de mês
    anterior (``anteriores``: 069/106 do mês, 070/107 do 13º, 071/108 do terço), que também recalcula o mês
    inteiro, com o 13º quitado nele: não se paga duas vezes."""
    meses = [k for k in armazem.reajustadas_depois_do_fechamento(sessao.db) if k < armazem.chave(dia)]
    if not meses:
        return {}
    pagos = armazem.diferencas_retroativas_pagas(sessao.db)
    zero = Decimal("0.00")
    saida: dict[str, list] = {}
    for k in meses:
        mes_k = mes(k)
        rra = mes_k.year < dia.year
        pago = _gravados(sessao, mes_k)
        recalculo, _ = _calcular(sessao, mes_k, None, retroativos=False)
        for item in recalculo.itens:
            sid = item.contracheque.pessoa_id
            if sid not in pago:
                continue
            linhas = item.contracheque.linhas
            mensal = (sid, k) not in excluir
            novas = [mensal and diferenca_reajuste(mes_k, remuneracao_bruta(linhas), remuneracao_bruta(pago[sid]),
                                                   pagos.get((sid, "mensal", k), zero), rra=rra),
                     mensal and diferenca_13(mes_k, decimo_terceiro(linhas), decimo_terceiro(pago[sid]),
                                             pagos.get((sid, "13", k), zero), rra=rra)]
            saida.setdefault(sid, []).extend(l for l in novas if l)
    return {sid: ls for sid, ls in saida.items() if ls}


def previa(sessao: Sessao, competencia: date | str, progresso: Progresso | None = None) -> Previa:
    """Calcula a competência de todos os servidores com vínculo no mês, sem gravar.

    A 1ª parcela do 13º já paga vem das competências fechadas do mesmo ano (rubrica 040); sem
    elas, o cálculo a estima pela configuração (``rules.magisterio.folha``).
    """
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return _calcular(sessao, mes(competencia), progresso)[0]


# -- fechamento ------------------------------------------------------------------------------------
def fechar(sessao: Sessao, competencia: date | str, progresso: Progresso | None = None, *,
           aceitar_pendencias: bool = False) -> dict:
    """Recalcula, confere e grava a competência inteira numa só transação; devolve a competência fechada.

    Recusa (``FechamentoRecusado``): erro de cálculo em algum servidor (sempre); outras pendências sem
    ``aceitar_pendencias=True``. Uma exceção de ``progresso`` desfaz tudo.
    """
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    dia = mes(competencia)
    replicas.exigir_designada(sessao.db, f"Fechar a competência {formato.competencia(dia)}")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        antes = armazem.competencia(m.db, dia)
        if antes is not None and antes["situacao"] == "fechada":
            raise ErroNegocio(f"A competência {formato.competencia(dia)} já está fechada (em {formato.data(antes['fechada_em'])}, por "
                              f"{antes['fechada_por']}). Para recalculá-la, um administrador deve reabri-la.")
        p, idents = _calcular(sessao, dia, progresso)
        lista = pendencias(p)
        impedem = [x for x in lista if not x.aceitavel]
        if impedem:
            raise FechamentoRecusado(f"A competência {formato.competencia(dia)} não pode ser fechada: corrija o cadastro de "
                                     f"{len(impedem)} servidor(es). {formato.numa_frase([x.mensagem for x in impedem])}", lista)
        if lista and not aceitar_pendencias:
            raise FechamentoRecusado(f"Há {len(lista)} pendência(s) na competência {formato.competencia(dia)}. Corrija-as ou "
                                     f"confirme que as aceita. {formato.numa_frase([x.mensagem for x in lista])}", lista)
        if not p.itens:
            raise ErroNegocio(f"Nenhum servidor tem vínculo em {formato.competencia(dia)}: não há folha para fechar.")
        linha = antes or armazem.criar_competencia(m.db, dia)
        sha = armazem.gravar_contracheques(m.db, linha["id"], zip(idents, (i.contracheque for i in p.itens)))
        armazem.marcar_fechada(
            m.db, linha["id"], por=sessao.usuario.login, configuracao=p.configuracao.como_dict(),
            parametros=p.identidades, pendencias_aceitas=[x.como_dict() for x in lista],
            servidores=len(p.itens), proventos=p.proventos, descontos=p.descontos, liquido=p.liquido,
            conteudo_sha256=sha)
        depois = armazem.competencia(m.db, dia)
        m.registrar("magisterio_competencias", linha["id"], "alterar" if antes else "inserir",
                    antes=antes, depois=depois)
    return CICLO.publica(depois)


def reabrir(sessao: Sessao, competencia: date | str, motivo: str) -> dict:
    """Desfaz o fechamento, só o administrador (matriz em docs/seguranca.md), com motivo (≥ 15 caracteres).

    Registra a reabertura, volta a competência a 'aberta' e apaga os contracheques gravados, para que o
    próximo ``fechar`` recalcule; os documentos emitidos da competência (contracheques, lotes, folha
    analítica) ficam "substituídos" com o motivo e os novos ligam-se a eles (``services.folha_ciclo``).
    """
    return CICLO.reabrir(sessao, competencia, motivo)


# -- consultas -------------------------------------------------------------------------------------
def listar_competencias(sessao: Sessao) -> list[dict]:
    """Competências gravadas (fechadas ou reabertas), da mais recente: situação, totais, quem fechou."""
    return CICLO.listar(sessao)


def obter_competencia(sessao: Sessao, competencia: date | str) -> dict | None:
    """A competência gravada (None se nunca foi fechada), com as reaberturas."""
    return CICLO.obter(sessao, competencia)


def esta_fechada(sessao: Sessao, competencia: date | str) -> bool:
    linha = obter_competencia(sessao, competencia)
    return linha is not None and linha["situacao"] == "fechada"


def _fechada(sessao: Sessao, dia: date) -> dict:
    linha = armazem.competencia(sessao.db, dia)
    if linha is None or linha["situacao"] != "fechada":
        raise ErroNegocio(f"A competência {formato.competencia(dia)} não está fechada: confira a prévia e feche a competência "
                          "antes de consultar ou imprimir os contracheques.")
    return linha


def contracheques(sessao: Sessao, competencia: date | str) -> list[ItemFolha]:
    """Os contracheques gravados da competência fechada, como foram impressos (ordem de nome)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = mes(competencia)
    linha = _fechada(sessao, dia)
    return [ItemFolha(dados_servidor(i), cc) for i, cc in armazem.contracheques(sessao.db, linha["id"], dia)]


def contracheque(sessao: Sessao, competencia: date | str, servidor_id: str) -> ItemFolha:
    """O contracheque gravado de um servidor numa competência fechada."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    dia = mes(competencia)
    linha = _fechada(sessao, dia)
    achados = armazem.contracheques(sessao.db, linha["id"], dia, servidor_id)
    if not achados:
        raise ErroNegocio(f"O servidor não tem contracheque na competência {formato.competencia(dia)} (sem vínculo no mês).")
    i, cc = achados[0]
    return ItemFolha(dados_servidor(i), cc)


def contracheques_do_servidor(sessao: Sessao, servidor_id: str) -> list[dict]:
    """Competências fechadas em que o servidor tem contracheque: competência e totais (mais recente primeiro)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return [CICLO.publica(r) for r in armazem.do_servidor(sessao.db, servidor_id)]
