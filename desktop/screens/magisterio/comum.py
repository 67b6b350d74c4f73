"""Peças comuns às telas do Magistério: rótulos em português, formatos, escolher a planilha a importar.

Salvar um arquivo e emitir um PDF: ``widgets.emissao`` (a forma de todas as telas).

Os rótulos traduzem os valores gravados (``licenciatura_plena``) para o que o usuário lê; a lei
fica nos serviços e nas regras.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.rules.dinheiro import reais
from desktop.rules import formato
from desktop.rules.validacao import EntradaInvalida, formatar_cpf
from desktop.screens.widgets.arquivo import pasta_documentos
from desktop.screens.widgets import avisos  # noqa: F401 (comum.avisos nas abas)
from desktop.services.magisterio.comum import ROTULOS_CARGO, ROTULOS_TITULO  # noqa: F401

ROTULOS_ETAPA = {"educacao_infantil": "educação infantil", "fundamental_iniciais": "fundamental, anos iniciais",
                 "fundamental_finais": "fundamental, anos finais", "educacao_especial": "educação especial"}
ROTULOS_PORTE = {"grande": "grande", "medio": "médio", "pequeno": "pequeno", "especial": "especial"}
ROTULOS_FUNCAO = {"diretor": "diretor(a)", "vice_diretor": "vice-diretor(a)"}
ROTULOS_MOTIVO_JORNADA = {"base": "jornada do cargo", "desdobramento": "desdobramento",
                          "regime_diferenciado": "regime diferenciado", "direcao": "direção (art. 39)"}
ROTULOS_CURSO = {"aperfeicoamento": "atualização / aperfeiçoamento", "especializacao": "especialização",
                 "mestrado": "mestrado", "doutorado": "doutorado"}
MESES = formato.MESES


def cpf(digitos: str | None) -> str:
    return formatar_cpf(digitos) if digitos else ""


def dinheiro(valor) -> str:
    """R$ 1.234,56 (vazio para None)."""
    return "" if valor is None else reais(valor)


def competencia_extenso(comp: date) -> str:
    """"março de 2026"."""
    return formato.competencia_extenso(comp)


def competencia(texto: str) -> date:
    """Competência digitada como mm/aaaa → primeiro dia do mês (``formato.ler_competencia``)."""
    return formato.ler_competencia(texto)


def inteiro(texto: str) -> int:
    t = (texto or "").strip()
    if not t.isdigit():
        raise EntradaInvalida("Informe um número inteiro, sem pontos nem letras.")
    return int(t)


def escolher_arquivo(parent: QWidget | None, titulo: str, filtro: str) -> Path | None:
    caminho, _ = QFileDialog.getOpenFileName(parent, titulo, pasta_documentos(), filtro)
    return Path(caminho) if caminho else None


def nome_arquivo(texto: str) -> str:
    """Parte de nome de arquivo sem caracteres problemáticos: "Maria da Silva" → "Maria-da-Silva"."""
    return re.sub(r"[^\w.-]+", "-", texto, flags=re.UNICODE).strip("-") or "documento"
