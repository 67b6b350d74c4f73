"""Situação de uma candidatura a partir da análise documental, da prova e das impugnações.

Habilitado é quem tem todos os requisitos do art. 12 §2º deferidos, nota na prova eliminatória
igual ou acima do corte do edital (art. 12 §9º) e nenhuma impugnação procedente depois do recurso
ao CMDCA (arts. 8º §§12-13 e 11 §§2º-5º). Impugnação ainda sem decisão final deixa o candidato
sub judice: ele segue na lista, marcado.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .requisitos import REQUISITOS


@dataclass(frozen=True)
class Impugnacao:
    decisao: str | None          # procedente | improcedente | None (não decidida)
    recurso_decisao: str | None  # provido | desprovido | None (sem recurso ou não julgado)
    recorreu: bool = False

    @property
    def final(self) -> str | None:
        """Decisão que vale: a da comissão, invertida se o CMDCA deu provimento ao recurso."""
        if self.decisao is None or (self.recorreu and self.recurso_decisao is None):
            return None
        if self.recurso_decisao == "provido":
            return "improcedente" if self.decisao == "procedente" else "procedente"
        return self.decisao


@dataclass(frozen=True)
class Situacao:
    codigo: str  # inscrito | indeferido | reprovado | impugnado | habilitado
    motivo: str
    sub_judice: bool = False

    @property
    def habilitado(self) -> bool:
        return self.codigo == "habilitado"


def situacao(analises: dict[str, tuple[str, str | None]], nota: Decimal | None,
             corte: Decimal | None, impugnacoes: list[Impugnacao]) -> Situacao:
    """``analises``: {requisito: (situacao, motivo)}; ``nota`` e ``corte`` da prova (None: sem nota)."""
    indeferidos = [(r, analises[r.codigo][1]) for r in REQUISITOS
                   if analises.get(r.codigo, ("pendente", None))[0] == "indeferido"]
    if indeferidos:
        texto = "; ".join(f"{r.descricao}: {m or 'sem motivo'}" for r, m in indeferidos)
        return Situacao("indeferido", f"Requisito(s) não comprovado(s) — {texto}")
    if any(i.final == "procedente" for i in impugnacoes):
        return Situacao("impugnado", "Impugnação julgada procedente (Lei 320/2023, art. 11 §3º)")
    pendentes = [r.descricao for r in REQUISITOS
                 if analises.get(r.codigo, ("pendente", None))[0] == "pendente"]
    if pendentes:
        return Situacao("inscrito", "Análise documental pendente: " + ", ".join(pendentes))
    if nota is None or corte is None:
        return Situacao("inscrito", "Aguardando a prova de conhecimentos (Lei 320/2023, art. 12 §9º)")
    if nota < corte:
        return Situacao("reprovado", f"Nota {nota} abaixo do corte {corte} na prova eliminatória "
                                     "(Lei 320/2023, art. 12 §9º)")
    sub_judice = any(i.final is None for i in impugnacoes)
    motivo = "Habilitado" + (" — impugnação ainda sem decisão final (sub judice)" if sub_judice else "")
    return Situacao("habilitado", motivo, sub_judice)
