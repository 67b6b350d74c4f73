"""Histórico funcional do Magistério: identificação, linha do tempo da carreira com artigos e os históricos.

A linha do tempo lista, em ordem de data, cada mudança (nível, classe, jornada, função...) com o
artigo da Lei 1.613/2004 que a produz; as mudanças posteriores à data de referência aparecem
como previstas. Seguem as tabelas de titulações, lotações, funções gratificadas, afastamentos e
férias (sempre) e, quando houver, jornadas, regências, cursos e averbações.
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

from reportlab.platypus import Flowable, Spacer

from desktop.reports import assinaturas
from desktop.reports.layout import COR_SECUNDARIA, Cabecalho, Rodape, gerar_pdf
from desktop.rules.magisterio.tipos import (Etapa, FichaFuncional, Funcao, MotivoJornada, EventoCarreira,
                                            Porte, Situacao, TipoCurso, Titulo)

from desktop.rules import formato
from desktop.rules.validacao import formatar_cpf


from .dados import rotulo_cargo, rotulo_nivel
from desktop.reports.grade import Campos, Coluna, Faixa, Grade, Nota
from desktop.reports.grade import Titulo as TituloDoc

TITULO = "Histórico funcional"

ROTULO_TITULO = {
    Titulo.LEIGO: "Sem habilitação (auxiliar de ensino)",
    Titulo.MEDIO_NORMAL: "Nível médio, modalidade normal",
    Titulo.ESTUDOS_ADICIONAIS: "Normal com estudos adicionais",
    Titulo.LICENCIATURA_CURTA: "Licenciatura curta",
    Titulo.LICENCIATURA_PLENA: "Licenciatura plena",
    Titulo.POS_LATO_SENSU: "Pós-graduação lato sensu",
    Titulo.MESTRADO: "Mestrado",
    Titulo.DOUTORADO: "Doutorado",
}
ROTULO_PORTE = {Porte.GRANDE: "Grande", Porte.MEDIO: "Médio", Porte.PEQUENO: "Pequeno",
                Porte.ESPECIAL: "Especial"}
ROTULO_FUNCAO = {Funcao.DIRETOR: "Diretor(a)", Funcao.VICE_DIRETOR: "Vice-diretor(a)"}
ROTULO_ETAPA = {
    Etapa.EDUCACAO_INFANTIL: "Educação infantil",
    Etapa.FUNDAMENTAL_INICIAIS: "Ensino fundamental — anos iniciais",
    Etapa.FUNDAMENTAL_FINAIS: "Ensino fundamental — anos finais",
    Etapa.EDUCACAO_ESPECIAL: "Educação especial",
}
ROTULO_MOTIVO = {
    MotivoJornada.BASE: "Jornada do cargo (art. 23)",
    MotivoJornada.DESDOBRAMENTO: "Desdobramento (arts. 29 e 37 §5º)",
    MotivoJornada.REGIME_DIFERENCIADO: "Regime diferenciado (arts. 29 e 37 §5º)",
    MotivoJornada.DIRECAO: "Direção com mais de um turno (art. 39)",
}
ROTULO_CURSO = {
    TipoCurso.APERFEICOAMENTO: "Aperfeiçoamento ou atualização",
    TipoCurso.ESPECIALIZACAO: "Especialização",
    TipoCurso.MESTRADO: "Mestrado",
    TipoCurso.DOUTORADO: "Doutorado",
}


def _rotulo(tabela: dict, valor) -> str:
    if valor is None:
        return ""
    return tabela.get(valor, str(getattr(valor, "value", valor)))


def _sim(valor: bool) -> str:
    return "Sim" if valor else "Não"


def _fim(d: date | None) -> str:
    return formato.data(d) if d else "em aberto"


def _dias(n: int) -> str:
    return formato.numero(n) + (" dia" if n == 1 else " dias")


def _identificacao(ficha: FichaFuncional, situacao: Situacao | None, referencia: date) -> Campos:
    linhas = [
        [("Nome", ficha.nome, 0.72), ("CPF", _cpf(ficha.cpf), 0.28)],
        [("Matrícula", ficha.matricula, 0.22), ("Cargo", rotulo_cargo(ficha.cargo), 0.28),
         ("Admissão", formato.data(ficha.admissao), 0.25),
         ("Desligamento" if ficha.desligamento else "Nascimento",
          formato.data(ficha.desligamento or ficha.nascimento), 0.25)],
    ]
    if situacao is not None:
        linhas.append([
            (f"Situação em {formato.data(situacao.data)}", f"{rotulo_nivel(situacao.nivel)} · Classe {situacao.classe}", 0.36),
            ("Jornada paga", f"{situacao.jornada} horas semanais", 0.22),
            ("Tempo de efetivo exercício", _dias(situacao.tempo_exercicio_dias), 0.24),
            ("Estágio probatório", "Em curso (art. 9º)" if situacao.em_estagio_probatorio else "Cumprido", 0.18),
        ])
    return Campos(linhas)


def _cpf(cpf: str) -> str:
    digitos = "".join(c for c in cpf if c.isdigit())
    return formatar_cpf(digitos) if len(digitos) == 11 else cpf


def _linha_do_tempo(eventos: Sequence[EventoCarreira], referencia: date) -> Grade:
    g = Grade((Coluna("Data", 58, "C"), Coluna("Acontecimento", 255, quebrar=True),
               Coluna("Fundamento legal", 180, quebrar=True, tamanho=7, cor=COR_SECUNDARIA)),
              continuacao="Linha do tempo da carreira — continuação")
    ordenados = sorted(eventos, key=lambda m: m.data)  # estável: a ordem dada vale no mesmo dia
    futuras = False
    for m in ordenados:
        if m.data > referencia and not futuras:
            futuras = True
            g.grupo(f"Mudanças previstas (posteriores a {formato.data(referencia)})")
        g.dado([formato.data(m.data), m.descricao, m.fundamento])
    return g


def _secao(titulo: str, colunas, linhas: list[list[str]], sempre: bool = True) -> list[Flowable]:
    if not linhas and not sempre:
        return []
    itens: list[Flowable] = [Spacer(1, 6), Faixa(titulo)]
    if not linhas:
        itens.append(Nota("Nenhum registro.", 8))
        return itens
    g = Grade(colunas, continuacao=f"{titulo} — continuação")
    for linha in linhas:
        g.dado(linha)
    itens.append(g)
    return itens


def _historicos(f: FichaFuncional) -> list[Flowable]:
    E = Coluna  # abreviação local
    periodo = (E("Início", 52, "C"), E("Fim", 52, "C"))
    itens: list[Flowable] = []
    itens += _secao("Titulações (arts. 14, 19 e 67)", (
        E("Requerimento", 60, "C"), E("Título", 120, quebrar=True), E("Curso", 130, quebrar=True),
        E("Instituição", 105, quebrar=True), E("Carga h.", 40, "D"), E("Educação", 38, "C")),
        [[formato.data(t.data_requerimento), _rotulo(ROTULO_TITULO, t.titulo), t.curso, t.instituicao,
          str(t.carga_horaria or ""), _sim(t.area_educacao)]
         for t in sorted(f.titulacoes, key=lambda t: t.data_requerimento)])
    itens += _secao("Lotações (arts. 38, 42 e 49)", periodo + (
        E("Escola ou setor", 185, quebrar=True), E("Porte", 50), E("Condições", 154, quebrar=True)),
        [[formato.data(l.inicio), _fim(l.fim), l.escola, _rotulo(ROTULO_PORTE, l.porte), _condicoes(l)]
         for l in sorted(f.lotacoes, key=lambda l: l.inicio)])
    itens += _secao("Funções gratificadas (art. 38 e Anexo III)", periodo + (
        E("Função", 90), E("Escola", 239, quebrar=True), E("Porte", 60)),
        [[formato.data(x.inicio), _fim(x.fim), _rotulo(ROTULO_FUNCAO, x.funcao), x.escola,
          _rotulo(ROTULO_PORTE, x.porte)] for x in sorted(f.funcoes, key=lambda x: x.inicio)])
    itens += _secao("Afastamentos e licenças", periodo + (
        E("Tipo", 209, quebrar=True), E("Remunerado", 60, "C"), E("Conta exercício", 60, "C"),
        E("Suspende art. 42", 60, "C")),
        [[formato.data(a.inicio), _fim(a.fim), a.tipo, _sim(a.remunerado), _sim(a.conta_exercicio),
          _sim(a.suspende_dificil_acesso)] for a in sorted(f.afastamentos, key=lambda a: a.inicio)])
    itens += _secao("Férias (arts. 54 a 57)", (E("Início", 80, "C"), E("Fim", 80, "C"), E("Dias", 60, "D")),
                    [[formato.data(x.inicio), _fim(x.fim), str((x.fim - x.inicio).days + 1) if x.fim else ""]
                     for x in sorted(f.ferias, key=lambda x: x.inicio)])
    itens += _secao("Jornadas (arts. 23, 29, 37 e 39)", periodo + (
        E("Horas semanais", 80, "D"), E("Motivo", 309)),
        [[formato.data(j.inicio), _fim(j.fim), str(j.horas), _rotulo(ROTULO_MOTIVO, j.motivo)]
         for j in sorted(f.jornadas, key=lambda j: j.inicio)], sempre=False)
    itens += _secao("Regências (arts. 27, 41 e 44)", periodo + (
        E("Etapa", 269), E("Alunos com NEE", 120, "D")),
        [[formato.data(r.inicio), _fim(r.fim), _rotulo(ROTULO_ETAPA, r.etapa), str(r.alunos_nee)]
         for r in sorted(f.regencias, key=lambda r: r.inicio)], sempre=False)
    itens += _secao("Cursos de aperfeiçoamento (arts. 46 a 48)", (
        E("Conclusão", 55, "C"), E("Tipo", 105, quebrar=True), E("Descrição", 160, quebrar=True), E("Carga h.", 45, "D"),
        E("Concessão", 60, "C"), E("Usado p/ nível", 68, "C")),
        [[formato.data(c.conclusao), _rotulo(ROTULO_CURSO, c.tipo), c.descricao, str(c.carga_horaria),
          formato.data(c.concessao) or "não concedida", _sim(c.usado_para_nivel)]
         for c in sorted(f.cursos, key=lambda c: c.conclusao)], sempre=False)
    itens += _secao("Averbações de tempo (art. 53)", (
        E("Averbação", 60, "C"), E("Descrição", 353, quebrar=True), E("Dias", 80, "D")),
        [[formato.data(a.data_averbacao), a.descricao, _dias(a.dias)] for a in f.averbacoes], sempre=False)
    return itens


def _condicoes(l) -> str:
    partes = []
    if l.dificil_acesso:
        partes.append("difícil acesso" + (" (reside em local diverso)" if l.reside_em_local_diverso else ""))
    if l.zona_rural:
        partes.append("zona rural" + (" (fixou residência)" if l.fixou_residencia_rural else ""))
    if l.unidade_tecnica_smec:
        partes.append("unidade técnica da SMEC")
    return "; ".join(partes)


def gerar(cabecalho: Cabecalho, rodape: Rodape, ficha: FichaFuncional, eventos: Sequence[EventoCarreira],
          *, situacao: Situacao | None = None, referencia: date | None = None) -> bytes:
    """O histórico funcional do servidor.

    ``eventos``: a linha do tempo (``EventoCarreira`` com data, descrição e artigo), em qualquer ordem;
    ``referencia``: a data do "hoje" do documento (as mudanças depois dela saem como previstas;
    padrão: a data da ``situacao`` ou a de hoje); ``situacao``: nível, classe e jornada nessa data.
    """
    referencia = referencia or (situacao.data if situacao else date.today())
    fluxo: list[Flowable] = [
        TituloDoc(TITULO, f"Magistério Público Municipal — Lei nº 1.613/2004 · posição em {formato.data(referencia)}"),
        _identificacao(ficha, situacao, referencia),
        Spacer(1, 4), Faixa("Linha do tempo da carreira"),
    ]
    if eventos:
        fluxo.append(_linha_do_tempo(eventos, referencia))
    else:
        fluxo.append(Nota("Nenhuma mudança registrada.", 8))
    fluxo += _historicos(ficha)
    fluxo += assinaturas.bloco(cabecalho)
    return gerar_pdf(cabecalho, rodape, f"{TITULO} — {ficha.nome}", fluxo)
