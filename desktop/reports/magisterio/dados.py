"""Dados do servidor que os documentos do Magistério imprimem (a formatação comum às folhas está em ``reports.folha``).

``DadosServidorContracheque`` é texto pronto para o papel (o serviço já escolheu a lotação e a
situação da competência); ``ItemFolha`` junta o servidor ao seu ``Contracheque``. Os valores
monetários seguem o padrão brasileiro: 1.234,56 nas colunas, R$ 1.234,56 nos totais.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


from desktop.rules.folha.tipos import Contracheque
from desktop.rules.magisterio.tipos import Cargo, Nivel, rotulo_cargo  # noqa: F401 (historico.py lê daqui)
from desktop.rules.validacao import formatar_cpf



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




def rotulo_nivel(nivel: Nivel | str) -> str:
    """"Nível 3"; o auxiliar de ensino fica no "Nível Especial" (art. 69 §ún.)."""
    texto = str(nivel.value if isinstance(nivel, Nivel) else nivel).strip()
    if texto.upper() == Nivel.NE.value:
        return "Nível Especial"
    return texto if texto.lower().startswith("nível") else f"Nível {texto}"
