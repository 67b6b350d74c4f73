"""Leitura de planilhas de servidores (CSV e XLSX) e conversão de cada célula, com mensagens em português.

CSV separado por ponto e vírgula, vírgula ou tabulação, em UTF-8 (com ou sem BOM) ou no
Windows-1252/Latin-1 que o Excel em português grava. XLSX pela primeira aba. Cabeçalhos são
reconhecidos sem distinguir maiúsculas, acentos, espaços e sublinhados. O leiaute está em
docs/importacao-magisterio.md.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.rules.magisterio.tipos import Cargo, Nivel, Titulo
from desktop.rules.validacao import EntradaInvalida, cpf as validar_cpf, data_br
from desktop.store.magisterio.servidores import sem_acento


@dataclass(frozen=True)
class Coluna:
    chave: str
    rotulo: str
    obrigatoria: bool
    nomes: tuple[str, ...]  # cabeçalhos aceitos, já sem acento e em minúsculas


COLUNAS = (
    Coluna("nome", "Nome", True, ("nome", "nome completo", "servidor", "nome do servidor")),
    Coluna("cpf", "CPF", True, ("cpf", "cpf do servidor")),
    Coluna("matricula", "Matrícula", True, ("matricula", "mat", "no matricula", "numero da matricula")),
    Coluna("cargo", "Cargo", True, ("cargo",)),
    Coluna("admissao", "Admissão", True, ("admissao", "data de admissao", "data admissao", "dt admissao")),
    Coluna("jornada", "Jornada", True, ("jornada", "carga horaria", "ch", "regime", "horas semanais")),
    Coluna("titulacao", "Titulação", False, ("titulacao", "titulo", "formacao", "habilitacao")),
    Coluna("data_titulacao", "Data da titulação", False, ("data titulacao", "data da titulacao", "data do titulo",
                                                          "data do requerimento")),
    Coluna("nivel", "Nível", False, ("nivel",)),
    Coluna("nascimento", "Nascimento", False, ("nascimento", "data de nascimento", "data nascimento", "dt nascimento")),
    Coluna("escola", "Escola", False, ("escola", "lotacao", "unidade", "unidade escolar", "local de trabalho")),
    Coluna("data_lotacao", "Data da lotação", False, ("data lotacao", "data da lotacao", "lotado desde")),
    Coluna("dependentes_irrf", "Dependentes IRRF", False, ("dependentes irrf", "dependentes", "dependentes ir")),
    Coluna("sexo", "Sexo", False, ("sexo",)),
    Coluna("telefone", "Telefone", False, ("telefone", "fone", "celular")),
    Coluna("email", "E-mail", False, ("email", "e mail", "correio eletronico")),
)
POR_CHAVE = {c.chave: c for c in COLUNAS}

_CARGOS = {"professor": Cargo.PROFESSOR, "professora": Cargo.PROFESSOR, "prof": Cargo.PROFESSOR,
           "docente": Cargo.PROFESSOR, "pedagogo": Cargo.PEDAGOGO, "pedagoga": Cargo.PEDAGOGO,
           "auxiliar de ensino": Cargo.AUXILIAR_ENSINO, "auxiliar": Cargo.AUXILIAR_ENSINO,
           "professor leigo": Cargo.AUXILIAR_ENSINO, "auxiliar ensino": Cargo.AUXILIAR_ENSINO}
_TITULOS = {
    "leigo": Titulo.LEIGO, "sem habilitacao": Titulo.LEIGO,
    "medio normal": Titulo.MEDIO_NORMAL, "normal": Titulo.MEDIO_NORMAL, "magisterio": Titulo.MEDIO_NORMAL,
    "nivel medio": Titulo.MEDIO_NORMAL, "medio": Titulo.MEDIO_NORMAL,
    "estudos adicionais": Titulo.ESTUDOS_ADICIONAIS, "licenciatura curta": Titulo.LICENCIATURA_CURTA,
    "licenciatura plena": Titulo.LICENCIATURA_PLENA, "licenciatura": Titulo.LICENCIATURA_PLENA,
    "graduacao": Titulo.LICENCIATURA_PLENA, "superior": Titulo.LICENCIATURA_PLENA,
    "pedagogia": Titulo.LICENCIATURA_PLENA,
    "pos graduacao": Titulo.POS_LATO_SENSU, "pos lato sensu": Titulo.POS_LATO_SENSU,
    "pos graduacao lato sensu": Titulo.POS_LATO_SENSU, "especializacao lato sensu": Titulo.POS_LATO_SENSU,
    "ensino medio normal": Titulo.MEDIO_NORMAL, "normal superior": Titulo.LICENCIATURA_PLENA,
    "especializacao": Titulo.POS_LATO_SENSU, "pos": Titulo.POS_LATO_SENSU,
    "mestrado": Titulo.MESTRADO, "doutorado": Titulo.DOUTORADO,
}
_NIVEIS = {"1": Nivel.N1, "i": Nivel.N1, "2": Nivel.N2, "ii": Nivel.N2, "3": Nivel.N3, "iii": Nivel.N3,
           "4": Nivel.N4, "iv": Nivel.N4, "ne": Nivel.NE, "especial": Nivel.NE, "nivel especial": Nivel.NE}
NIVEL_DO_TITULO = {  # Lei 1.613/2004, art. 14 (e art. 69 para o auxiliar de ensino)
    Titulo.LEIGO: Nivel.NE, Titulo.MEDIO_NORMAL: Nivel.N1, Titulo.ESTUDOS_ADICIONAIS: Nivel.N2,
    Titulo.LICENCIATURA_CURTA: Nivel.N2, Titulo.LICENCIATURA_PLENA: Nivel.N3, Titulo.POS_LATO_SENSU: Nivel.N4,
    Titulo.MESTRADO: Nivel.N4, Titulo.DOUTORADO: Nivel.N4,
}


def chave(texto) -> str:
    """Forma comparável de um cabeçalho ou valor: sem acento, minúsculas, só letras e números."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", sem_acento(str(texto or ""))).split())


class ArquivoIlegivel(EntradaInvalida):
    """O arquivo inteiro não pôde ser lido; a mensagem diz o que fazer."""


# -- leitura ----------------------------------------------------------------------------------------
def ler(arquivo: Path) -> tuple[list, list[tuple[int, list]]]:
    """(cabeçalho, [(número da linha na planilha, células)]); linhas vazias são puladas."""
    arquivo = Path(arquivo)
    sufixo = arquivo.suffix.lower()
    if not arquivo.is_file():
        raise ArquivoIlegivel(f"O arquivo {arquivo} não foi encontrado.")
    if sufixo in (".xlsx", ".xlsm"):
        linhas = _ler_xlsx(arquivo)
    elif sufixo in (".csv", ".txt"):
        linhas = _ler_csv(arquivo)
    elif sufixo == ".xls":
        raise ArquivoIlegivel("Planilhas .xls (Excel 97-2003) não são lidas. No Excel, use Salvar como e "
                              "escolha Pasta de Trabalho do Excel (.xlsx) ou CSV.")
    else:
        raise ArquivoIlegivel("Use uma planilha .xlsx ou um arquivo .csv.")
    numeradas = [(n, cel) for n, cel in enumerate(linhas, 1) if any(str(c).strip() for c in cel if c is not None)]
    if not numeradas:
        raise ArquivoIlegivel("O arquivo está vazio.")
    (_, cabecalho), dados = numeradas[0], numeradas[1:]
    return list(cabecalho), dados


def _ler_csv(arquivo: Path) -> list[list]:
    bruto = arquivo.read_bytes()
    for codificacao in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            texto = bruto.decode(codificacao)
            break
        except UnicodeDecodeError:
            continue
    primeira = texto.split("\n", 1)[0]
    separador = max(";,\t", key=primeira.count)
    return [linha for linha in csv.reader(io.StringIO(texto, newline=""), delimiter=separador)]


def _ler_xlsx(arquivo: Path) -> list[list]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        livro = load_workbook(arquivo, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError):
        raise ArquivoIlegivel(f"Não foi possível ler {arquivo.name}: não parece uma planilha .xlsx válida. "
                              "Abra-a no Excel e salve de novo como .xlsx ou CSV.") from None
    try:
        aba = livro.worksheets[0]
        return [["" if c is None else c for c in linha] for linha in aba.iter_rows(values_only=True)]
    finally:
        livro.close()


# -- conversão de células ---------------------------------------------------------------------------
def texto(valor) -> str:
    if valor is None:
        return ""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    if isinstance(valor, datetime):
        return valor.strftime("%d/%m/%Y")
    return str(valor).strip()


def data(valor) -> date:
    if isinstance(valor, datetime):
        return valor.date()
    if isinstance(valor, date):
        return valor
    return data_br(texto(valor))


def cpf(valor) -> str:
    t = texto(valor)
    if isinstance(valor, (int, float)):
        t = t.zfill(11)  # o Excel guarda CPF como número e perde os zeros à esquerda
    return validar_cpf(t)


def cargo(valor) -> Cargo:
    c = _CARGOS.get(chave(valor))
    if c is None:
        raise EntradaInvalida(f"cargo desconhecido: {texto(valor)!r}; use professor, pedagogo ou auxiliar de ensino.")
    return c


def titulo(valor) -> Titulo:
    t = _TITULOS.get(chave(valor)) or _TITULOS.get(chave(valor).replace(" ", "_"))
    if t is None:
        try:
            return Titulo(chave(valor).replace(" ", "_"))
        except ValueError:
            raise EntradaInvalida(
                f"titulação desconhecida: {texto(valor)!r}; use leigo, médio normal, estudos adicionais, "
                "licenciatura curta, licenciatura plena, especialização, mestrado ou doutorado.") from None
    return t


def nivel(valor) -> Nivel:
    k = chave(texto(valor))
    n = _NIVEIS.get(k.removeprefix("nivel ").strip()) or _NIVEIS.get(k)
    if n is None:
        raise EntradaInvalida(f"nível desconhecido: {texto(valor)!r}; use 1, 2, 3, 4 ou NE.")
    return n


def jornada(valor) -> int:
    m = re.fullmatch(r"(\d+)\s*(h|hs|horas?)?", chave(texto(valor)))
    if not m or int(m.group(1)) not in (20, 40):
        raise EntradaInvalida(f"jornada inválida: {texto(valor)!r}; use 20 ou 40 (horas semanais, "
                              "Lei 1.613/2004, art. 23).")
    return int(m.group(1))


def inteiro(valor) -> int:
    t = texto(valor)
    if not t.isdigit():
        raise EntradaInvalida(f"informe um número inteiro (0 se nenhum), não {t!r}.")
    return int(t)


def sexo(valor) -> str:
    s = {"f": "F", "feminino": "F", "m": "M", "masculino": "M"}.get(chave(valor))
    if s is None:
        raise EntradaInvalida(f"sexo inválido: {texto(valor)!r}; use F ou M.")
    return s
