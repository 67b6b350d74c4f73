"""Leitura de planilhas de servidores (XLSX, XLS, ODS e CSV) e conversão de cada célula, com mensagens em português.

XLSX, XLS e ODS pela python-calamine (primeira aba, só valores). CSV separado por ponto e vírgula,
vírgula ou tabulação, com a codificação reconhecida (UTF-8 com ou sem BOM, UTF-16, o Windows-1252
que o Excel em português grava). Linhas, colunas e células limitadas; caracteres de controle
recusados; texto que começa como fórmula (=, +, -, @) recusado nas colunas de texto. Cabeçalhos são
reconhecidos sem distinguir maiúsculas, acentos, espaços e sublinhados. O leiaute está em
docs/importacao-magisterio.md.
"""
from __future__ import annotations

import codecs
import csv
from functools import lru_cache
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.rules.csv_seguro import parece_formula
from desktop.rules.magisterio.tipos import Cargo, Nivel, Titulo
from desktop.rules.validacao import EntradaInvalida, cpf as validar_cpf, data_br
from desktop.store.magisterio.servidores import sem_acento
from desktop.rules import formato


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
    Coluna("banco", "Banco", False, ("banco", "codigo do banco", "cod banco")),
    Coluna("agencia", "Agência", False, ("agencia", "ag")),
    Coluna("agencia_dv", "Dígito da agência", False, ("digito da agencia", "dv agencia", "dv da agencia")),
    Coluna("conta", "Conta", False, ("conta", "numero da conta", "conta bancaria")),
    Coluna("conta_dv", "Dígito da conta", False, ("digito da conta", "dv conta", "dv da conta")),
    Coluna("tipo_conta", "Tipo de conta", False, ("tipo de conta", "tipo conta", "tipo da conta")),
    Coluna("pis", "PIS/PASEP/NIT", False, ("pis", "pasep", "nit", "pis pasep", "pis pasep nit", "pis/pasep/nit")),
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
    return _chave(str(texto or ""))


@lru_cache(maxsize=8192)
def _chave(texto: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", sem_acento(texto)).split())


class ArquivoIlegivel(EntradaInvalida):
    """O arquivo inteiro não pôde ser lido; a mensagem diz o que fazer."""


# -- leitura ----------------------------------------------------------------------------------------
TAMANHO_MAXIMO = 50 * 1024 * 1024
"""50 MiB: 50.000 servidores em CSV ocupam cerca de 8 MiB."""
LINHAS_MAXIMAS = 100_000
"""Linhas de dados (fora o cabeçalho); uma rede municipal tem alguns milhares de servidores."""
COLUNAS_MAXIMAS = 200
CELULA_MAXIMA = 1_000
"""Caracteres de uma célula lida; o nome vai até 200 (``NOME_MAXIMO``)."""
NOME_MAXIMO = 200
SUFIXOS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")
_CONTROLE = re.compile(r"[\x00-\x1f\x7f]")


def ler(arquivo: Path) -> tuple[list, list[tuple[int, list]]]:
    """(cabeçalho, [(número da linha na planilha, células)]); linhas vazias são puladas.

    .xlsx, .xls e .ods pela python-calamine (primeira aba, só valores: fórmulas não são calculadas);
    .csv com o separador e a codificação reconhecidos. Recusa arquivo acima de ``TAMANHO_MAXIMO``,
    mais de ``LINHAS_MAXIMAS`` linhas ou ``COLUNAS_MAXIMAS`` colunas.
    """
    arquivo = Path(arquivo)
    sufixo = arquivo.suffix.lower()
    if not arquivo.is_file():
        raise ArquivoIlegivel(f"O arquivo {arquivo} não foi encontrado.")
    if sufixo not in SUFIXOS:
        raise ArquivoIlegivel("Use uma planilha .xlsx, .xls ou .ods, ou um arquivo .csv.")
    if arquivo.stat().st_size > TAMANHO_MAXIMO:
        raise ArquivoIlegivel(f"{arquivo.name} passa de {TAMANHO_MAXIMO // (1024 * 1024)} MiB; divida a planilha "
                              "em arquivos menores.")
    linhas = _ler_csv(arquivo) if sufixo in (".csv", ".txt") else _ler_calamine(arquivo)
    numeradas = []
    for n, cel in enumerate(linhas, 1):
        if any(c not in (None, "") and str(c).strip() for c in cel):
            if len(numeradas) > LINHAS_MAXIMAS:
                raise ArquivoIlegivel(f"A planilha tem mais de {LINHAS_MAXIMAS:,} linhas de servidores; divida-a "
                                      "em arquivos menores.".replace(",", "."))
            if len(cel) > COLUNAS_MAXIMAS and any(str(c).strip() for c in cel[COLUNAS_MAXIMAS:]):
                raise ArquivoIlegivel(f"A linha {n} tem mais de {COLUNAS_MAXIMAS} colunas preenchidas; o modelo "
                                      "tem 16.")
            numeradas.append((n, cel[:COLUNAS_MAXIMAS]))
    if not numeradas:
        raise ArquivoIlegivel("O arquivo está vazio.")
    (_, cabecalho), dados = numeradas[0], numeradas[1:]
    return list(cabecalho), dados


def decodificar(bruto: bytes) -> str:
    """O texto de um CSV: pelo BOM (UTF-8, UTF-16, UTF-32); sem BOM, UTF-8 e depois o Windows-1252 que o
    Excel em português grava ("CSV (separado por vírgulas)"); com NULs (UTF-16 sem BOM), o que o
    charset-normalizer reconhecer."""
    for bom, cod in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if bruto.startswith(bom):
            try:
                return bruto.decode(cod)
            except UnicodeDecodeError:
                raise ArquivoIlegivel(f"O CSV começa como {cod.upper()} mas não está nessa codificação. "
                                      + _COMO_SALVAR) from None
    amostra = bruto[:65536]
    if amostra.count(0) * 10 < len(amostra):  # UTF-16 sem BOM teria um NUL a cada dois bytes de texto latino
        for cod in ("utf-8", "cp1252"):
            try:
                return bruto.decode(cod)
            except UnicodeDecodeError:
                pass
    from charset_normalizer import from_bytes

    melhor = from_bytes(bruto[:1_000_000]).best()
    if melhor is not None:
        try:
            return bruto.decode(melhor.encoding)
        except UnicodeDecodeError:
            pass
    raise ArquivoIlegivel("Não foi possível reconhecer a codificação do CSV. " + _COMO_SALVAR)


_COMO_SALVAR = "No Excel, use Salvar como › \"CSV UTF-8 (delimitado por vírgulas)\"; no LibreOffice, Unicode (UTF-8)."


def _ler_csv(arquivo: Path) -> list[list]:
    texto = decodificar(arquivo.read_bytes())
    primeira = texto.split("\n", 1)[0]
    separador = max(";,\t", key=primeira.count)
    leitor = csv.reader(io.StringIO(texto, newline=""), delimiter=separador)
    try:
        return list(leitor)
    except csv.Error:
        raise ArquivoIlegivel(f"Linha {leitor.line_num} do CSV: uma célula passa de {csv.field_size_limit() // 1024} "
                              "KiB ou tem aspas sem fechamento; corrija-a na planilha.") from None


def _ler_calamine(arquivo: Path) -> list[list]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        livro = CalamineWorkbook.from_path(str(arquivo))
        try:
            return livro.get_sheet_by_index(0).to_python(skip_empty_area=False)
        finally:
            livro.close()
    except (CalamineError, OSError, ValueError, IndexError):
        raise ArquivoIlegivel(f"Não foi possível ler {arquivo.name}: não parece uma planilha {arquivo.suffix} válida "
                              "(ou está protegida por senha). Abra-a no Excel ou no LibreOffice e salve de novo "
                              "como .xlsx, .ods ou CSV.") from None


def problema_da_celula(valor) -> str | None:
    """O que impede de ler a célula como texto: tamanho, caractere de controle (NUL etc.)."""
    if not isinstance(valor, str):
        return None
    if len(valor) > CELULA_MAXIMA:
        return f"texto longo demais ({len(valor):,} caracteres; no máximo {CELULA_MAXIMA:,}).".replace(",", ".")
    if (m := _CONTROLE.search(valor.strip())):
        return (f"caractere de controle (código U+{ord(m.group()):04X}) na célula; apague-o na planilha "
                "(costuma vir de texto colado de outro sistema).")
    return None


# -- conversão de células ---------------------------------------------------------------------------
def texto(valor) -> str:
    if valor is None:
        return ""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    if isinstance(valor, datetime):
        return formato.data(valor)
    return str(valor).strip()


def data(valor) -> date:
    if isinstance(valor, datetime):
        return valor.date()
    if isinstance(valor, date):
        return valor
    return data_br(texto(valor))


def texto_livre(valor) -> str:
    """Texto de uma coluna livre (matrícula, escola, e-mail): não pode começar como fórmula de planilha."""
    t = texto(valor)
    if parece_formula(t):
        raise EntradaInvalida(f"o texto {t[:40]!r} começa com {t[0]!r}, como uma fórmula de planilha; apague o "
                              "sinal (se a célula é uma fórmula, copie e cole só o valor).")
    return t


def nome(valor) -> str:
    t = " ".join(texto_livre(valor).split())
    if len(t) > NOME_MAXIMO:
        raise EntradaInvalida(f"nome longo demais ({len(t)} caracteres; no máximo {NOME_MAXIMO}).")
    return t


def telefone(valor) -> str:
    t = texto(valor)
    if not re.fullmatch(r"\+?[0-9 ().\-]{8,25}", t):
        raise EntradaInvalida(f"telefone inválido: {t[:30]!r}; use só algarismos, espaços, parênteses, hífen e "
                              "o + do código do país.")
    return t


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
