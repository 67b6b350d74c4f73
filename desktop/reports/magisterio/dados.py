"""Dados do servidor que os documentos do Magistério imprimem, e a formatação comum (R$, %, datas).

``DadosServidorContracheque`` é texto pronto para o papel (o serviço já escolheu a lotação e a
situação da competência); ``ItemFolha`` junta o servidor ao seu ``Contracheque``. Os valores
monetários seguem o padrão brasileiro: 1.234,56 nas colunas, R$ 1.234,56 nos totais.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple


from desktop.rules.dinheiro import centavos, reais
from desktop.rules import formato
from desktop.rules.folha.tipos import Contracheque, Linha, Natureza
from desktop.rules.magisterio.tipos import Cargo, Nivel
from desktop.rules.validacao import formatar_cpf

ROTULO_CARGO = {
    Cargo.PROFESSOR: "Professor",
    Cargo.PEDAGOGO: "Pedagogo",
    Cargo.AUXILIAR_ENSINO: "Auxiliar de Ensino",
}


@dataclass(frozen=True)
class DadosServidorContracheque:
    """Identificação do servidor no contracheque e na folha (texto simples).

    ``cpf`` com ou sem pontuação (sai formatado 000.000.000-00); ``cargo`` e ``nivel`` aceitam os
    enums de ``desktop.rules.magisterio.tipos`` ou texto; ``jornada`` em horas semanais pagas;
    ``lotacao`` é a escola ou o setor. Banco, agência e conta são opcionais.
    """

    nome: str
    cpf: str
    matricula: str
    cargo: Cargo | str
    nivel: Nivel | str
    classe: str
    jornada: int
    lotacao: str = ""
    banco: str = ""
    agencia: str = ""
    conta: str = ""
    nit: str = ""  # PIS/PASEP/NIT, quando o cadastro o tem

    @property
    def cpf_formatado(self) -> str:
        digitos = "".join(c for c in self.cpf if c.isdigit())
        return formatar_cpf(digitos) if len(digitos) == 11 else self.cpf

    @property
    def cargo_rotulo(self) -> str:
        return rotulo_cargo(self.cargo)

    @property
    def nivel_classe(self) -> str:
        """"Nível 3 · Classe B" (Lei 1.613/2004, arts. 14 e 15)."""
        partes = [rotulo_nivel(self.nivel)] if str(self.nivel) else []
        if self.classe:
            partes.append(f"Classe {self.classe}")
        return " · ".join(partes)

    @property
    def jornada_rotulo(self) -> str:
        return f"{self.jornada} horas semanais" if self.jornada else ""


class ItemFolha(NamedTuple):
    """Um servidor e o seu contracheque da competência."""

    servidor: DadosServidorContracheque
    contracheque: Contracheque


def rotulo_cargo(cargo: Cargo | str) -> str:
    try:
        return ROTULO_CARGO[Cargo(cargo)]
    except ValueError:
        return str(cargo)


def rotulo_nivel(nivel: Nivel | str) -> str:
    """"Nível 3"; o auxiliar de ensino fica no "Nível Especial" (art. 69 §ún.)."""
    texto = str(nivel.value if isinstance(nivel, Nivel) else nivel).strip()
    if texto.upper() == Nivel.NE.value:
        return "Nível Especial"
    return texto if texto.lower().startswith("nível") else f"Nível {texto}"


# -- formatação ------------------------------------------------------------------------------
def competencia_extenso(competencia: date) -> str:
    """"março de 2026" (nomes dos meses do pt_BR, pelo babel)."""
    return formato.competencia_extenso(competencia)


def competencia_curta(competencia: date) -> str:
    return competencia.strftime("%m/%Y")


def data_br(dia: date | None) -> str:
    return formato.data(dia)


def numero(valor: Decimal) -> str:
    """Dinheiro sem o símbolo, para colunas: 1.234,56."""
    return formato.valor_em_reais(valor)


def dinheiro(valor: Decimal) -> str:
    """Dinheiro com o símbolo, para totais: R$ 1.234,56."""
    return reais(valor)


def decimal_curto(valor: Decimal | None) -> str:
    """Percentual ou quantidade com vírgula e sem zeros inúteis: 15, 7,5, 0,25."""
    if valor is None:
        return ""
    texto = format(valor.normalize(), "f")
    if "." in texto:
        texto = texto.rstrip("0").rstrip(".")
    return texto.replace(".", ",")


def decimal_csv(valor: Decimal | None, casas: int | None = None) -> str:
    """Número para planilha pt-BR: vírgula decimal, sem separador de milhar (1234,56)."""
    if valor is None:
        return ""
    if casas == 2:
        return format(centavos(valor), "f").replace(".", ",")
    return decimal_curto(valor)


# -- agregados de um contracheque ------------------------------------------------------------
def eh_provento(linha: Linha) -> bool:
    return linha.natureza is Natureza.PROVENTO or linha.natureza == "P"


def chave_rubrica(linha: Linha) -> tuple[str, str, str]:
    """Identidade da rubrica na folha: (código, natureza, grupo); o 13º é somado à parte."""
    return (linha.codigo, "P" if eh_provento(linha) else "D", linha.grupo)


def descricao_neutra(linha: Linha) -> str:
    """A descrição da rubrica sem o que é de cada servidor ("Vencimento — Nível 3, classe B" →
    "Vencimento"): é a que nomeia a rubrica nos totais da folha."""
    base = linha.descricao.split(" — ")[0].strip() or linha.descricao
    if linha.grupo == "13" and "13" not in base:
        return f"{base} (13º)"
    return base


def percentual_legivel(valor: Decimal | None) -> str:
    """Percentual inteiro na coluna (até duas casas, arredondado): 63,16 em vez de 63,1578…"""
    if valor is None:
        return ""
    return decimal_curto(valor.quantize(Decimal("0.01")) if -valor.as_tuple().exponent > 2 else valor)


def descricao_rubrica(linha: Linha) -> str:
    """Descrição; as linhas do 13º que não o dizem ganham " (13º)"."""
    if linha.grupo == "13" and "13" not in linha.descricao:
        return f"{linha.descricao} (13º)"
    return linha.descricao


def ordenar_linhas(linhas: list[Linha]) -> list[Linha]:
    """Mensal antes do 13º; dentro de cada grupo, pelo código da rubrica (estável)."""
    return sorted(linhas, key=lambda l: (l.grupo == "13", l.codigo))


def bases_de_calculo(contracheque: Contracheque) -> list[tuple[str, Decimal]]:
    """As bases da previdência e do IRRF: a ``base`` de cada linha 200-299 que a traz.

    Pela convenção das rubricas, 200-299 são previdência e IRRF; a base de cada uma é a que a regra
    usou (salário de contribuição, base tributável), não um recálculo do relatório.
    """
    bases = []
    for linha in ordenar_linhas(contracheque.linhas):
        if linha.codigo[:1] == "2" and linha.base is not None:
            bases.append((f"Base — {descricao_rubrica(linha)}", linha.base))
    return bases
