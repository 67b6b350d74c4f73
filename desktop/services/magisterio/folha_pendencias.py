"""Pendências da prévia da folha do Magistério: o que o fechamento confere antes de gravar.

Tipos (ver docs/interpretacoes.md, "Folha: fechamento da competência"):
- ``erro_calculo``: o contracheque não pôde ser calculado (cadastro incompleto, célula fora das
  tabelas). **Impede** o fechamento: não há contracheque para gravar, e ninguém fica sem folha.
- ``liquido_negativo``: descontos maiores que os proventos (faltas, adiantamento do 13º).
- ``sem_remuneracao``: servidor com vínculo no mês e contracheque vazio ou sem proventos.
- ``abaixo_do_piso``: vencimento inicial da matriz abaixo do piso nacional (Lei 11.738/2008, art. 2º).
- ``falta_sem_codigo``: falta no mês sem código de justificativa, descontada como injustificada
  (Lei 1.613/2004, art. 34).
Os quatro últimos **exigem aceite**: a competência só fecha com ``aceitar_pendencias=True``, e as
pendências aceitas ficam gravadas na competência e no diário, com quem fechou.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop.rules.dinheiro import reais
from desktop.rules.magisterio import reajuste
from desktop.rules import formato

ERRO_CALCULO = "erro_calculo"
LIQUIDO_NEGATIVO = "liquido_negativo"
SEM_REMUNERACAO = "sem_remuneracao"
ABAIXO_DO_PISO = "abaixo_do_piso"
FALTA_SEM_CODIGO = "falta_sem_codigo"

ROTULOS = {
    ERRO_CALCULO: "Erro no cálculo",
    LIQUIDO_NEGATIVO: "Líquido negativo",
    SEM_REMUNERACAO: "Sem remuneração",
    ABAIXO_DO_PISO: "Abaixo do piso nacional",
    FALTA_SEM_CODIGO: "Falta sem código de justificativa",
}


@dataclass(frozen=True)
class Pendencia:
    """Uma conferência que falhou. ``aceitavel`` False = impede o fechamento."""

    tipo: str
    mensagem: str
    servidor_id: str | None = None
    nome: str = ""
    matricula: str = ""
    aceitavel: bool = True
    fundamento: str = ""

    @property
    def rotulo(self) -> str:
        return ROTULOS[self.tipo]

    def como_dict(self) -> dict:
        return asdict(self)


def erro(ficha, mensagem: str) -> Pendencia:
    return Pendencia(ERRO_CALCULO, f"{ficha.nome} (matrícula {ficha.matricula}): {mensagem}", ficha.id,
                     ficha.nome, ficha.matricula, aceitavel=False)


def pendencias(previa) -> list[Pendencia]:
    """As pendências da prévia, na ordem: erros de cálculo, conferências por servidor, piso da matriz."""
    lista = list(previa.erros)
    mes, fim = previa.competencia, previa.fim
    for item in previa.itens:
        cc, s = item.contracheque, item.servidor
        ficha = previa.fichas[cc.pessoa_id]
        quem = f"{s.nome} (matrícula {s.matricula})"
        ident = dict(servidor_id=cc.pessoa_id, nome=s.nome, matricula=s.matricula)
        if not cc.linhas or cc.proventos <= 0:
            lista.append(Pendencia(SEM_REMUNERACAO, f"{quem} tem vínculo em {formato.competencia(mes)} mas nenhum provento. "
                                   "Confira afastamentos não remunerados, jornada e lotação.", **ident))
        if cc.liquido < 0:
            lista.append(Pendencia(LIQUIDO_NEGATIVO, f"{quem}: líquido negativo ({_reais(cc.liquido)}). Confira "
                                   "faltas, afastamentos e adiantamentos; se estiver certo, a diferença é "
                                   "cobrada por reposição, fora da folha.", **ident))
        sem_codigo = sorted(f.data for f in ficha.faltas if f.codigo is None and mes <= f.data <= fim)
        if sem_codigo:
            dias = ", ".join(formato.data(d) for d in sem_codigo)
            lista.append(Pendencia(FALTA_SEM_CODIGO, f"{quem}: falta sem código de justificativa em {dias}, "
                                   "descontada como injustificada. Informe o código (FI, AM...) ou aceite.",
                                   fundamento="Lei 1.613/2004, art. 34", **ident))
    if previa.piso is not None:
        for aviso in reajuste.abaixo_do_piso(previa.parametros.matriz, previa.piso):
            lista.append(Pendencia(ABAIXO_DO_PISO, aviso.mensagem.replace("Reveja a matriz antes de aplicá-la.",
                                                                          "Cadastre o reajuste da matriz (Anexo I)."),
                                   fundamento=aviso.fundamento))
    return lista


def _reais(valor) -> str:
    return reais(valor)
