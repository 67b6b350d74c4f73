"""Autoteste do Paço (``paco --self-test``): confere, numa base temporária, que a instalação funciona.

Cria uma base cifrada nova numa pasta temporária (com ``PACO_CONFIG`` e ``PACO_DADOS`` apontando
para ela: a configuração e os dados reais do usuário não são tocados), confere as migrações, o
diário, calcula um contracheque do magistério com os parâmetros que vêm com o programa, emite e
verifica um PDF registrado (e uma cópia alterada dele), confere que o arquivo da base não tem
texto em claro e, se receber a função, que a interface gráfica (Qt) carrega. Imprime cada
conferência com OK ou FALHOU; ``executar`` devolve a lista, ``main`` o código de saída (0 só se
todas passaram). Não importa o Qt: a conferência da interface vem de ``desktop.app``.
"""
from __future__ import annotations

import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Callable, Iterator

from desktop import PASTA_DB, PASTA_RECURSOS, RAIZ, __version__
from desktop.ambiente import variaveis
from desktop.rules import formato

MARCADOR = "Marcador-em-claro-do-autoteste-7Q2X"
"""Texto gravado na base; se aparecer nos bytes do arquivo, a base não está cifrada."""
LOGIN, SENHA = "autoteste", "Senha-do-autoteste-2026"
COMPETENCIA = date(2026, 3, 1)
CPF_TESTE = "529.982.247-25"


@dataclass(frozen=True)
class Conferencia:
    descricao: str
    ok: bool
    detalhe: str = ""

    def linha(self) -> str:
        situacao = "OK" if self.ok else "FALHOU"
        return f"[{situacao:^6}] {self.descricao}" + (f" — {self.detalhe}" if self.detalhe else "")


class _Falhou(Exception):
    """Uma conferência não passou; a mensagem diz o que se viu."""


@contextmanager
def pastas_temporarias() -> Iterator[Path]:
    """Uma pasta temporária com PACO_CONFIG e PACO_DADOS apontando para ela; restaura ao sair."""
    with tempfile.TemporaryDirectory(prefix="paco-autoteste-") as pasta, \
            variaveis({"PACO_CONFIG": str(Path(pasta) / "config"), "PACO_DADOS": str(Path(pasta) / "dados")}):
        yield Path(pasta)


def _brl(valor) -> str:
    from desktop.rules.formato import reais

    return reais(valor)


class _Autoteste:
    def __init__(self, pasta: Path, escrever: Callable[[str], None]):
        self.pasta, self.escrever = pasta, escrever
        self.caminho = pasta / "dados" / "paco.db"
        self.conferencias: list[Conferencia] = []
        self.sessao = None
        self.emitido = None

    def conferir(self, descricao: str, funcao: Callable[[], str], *, depende=()) -> bool:
        if any(d is None for d in depende):
            c = Conferencia(descricao, False, "não conferido: depende de uma conferência que falhou")
        else:
            try:
                c = Conferencia(descricao, True, funcao() or "")
            except _Falhou as e:
                c = Conferencia(descricao, False, str(e))
            except Exception as e:  # noqa: BLE001 — o autoteste relata qualquer erro, não cai
                c = Conferencia(descricao, False, f"{type(e).__name__}: {e}")
        self.conferencias.append(c)
        self.escrever(c.linha())
        return c.ok

    # -- conferências --------------------------------------------------------------------------
    def arquivos(self) -> str:
        from desktop.store.base import migracoes
        from desktop.store.parametros import padroes

        congelado = bool(getattr(sys, "frozen", False))
        if congelado and Path(getattr(sys, "_MEIPASS", "")).resolve() != RAIZ.resolve():
            raise _Falhou(f"o pacote procura arquivos fora dele ({RAIZ})")
        faltam = [str(p.relative_to(RAIZ)) for p in (
            PASTA_RECURSOS / "estilo.qss", PASTA_RECURSOS / "fonts" / "DejaVuSans.ttf",
            PASTA_RECURSOS / "fonts" / "DejaVuSans-Bold.ttf", PASTA_DB / "migrations",
            *(PASTA_RECURSOS / "demo" / f"{m}.toml" for m in ("comum", "magisterio", "eleicao", "certificacao")))
            if not p.exists()]
        if faltam:
            raise _Falhou("faltam arquivos do programa: " + ", ".join(faltam))
        onde = "pacote instalado" if congelado else "código-fonte"
        return (f"Paço {__version__} ({onde}); {len(migracoes())} migrações, {len(padroes())} parâmetros "
                f"legais, fontes e estilo em {RAIZ}")

    def criar_base(self) -> str:
        from desktop.services import acesso

        escritorio = acesso.DadosEscritorio(nome=f"Secretaria do Autoteste {MARCADOR}", municipio="Jequié",
                                            uf="BA", cnpj="11.222.333/0001-81")
        self.sessao, _ = acesso.criar_instalacao(self.caminho, escritorio, login=LOGIN,
                                                 nome="Usuário do Autoteste", senha=SENHA)
        return f"em {self.caminho}"

    def migracoes(self) -> str:
        from desktop.store.base import versao_do_programa

        versao, conhecidas = self.sessao.base.versao, versao_do_programa()
        if versao != conhecidas:
            raise _Falhou(f"esquema {versao}, esperado {conhecidas}")
        return f"esquema {versao} de {conhecidas}"

    def contracheque(self) -> str:
        from desktop.rules.magisterio import codigos
        from desktop.rules.magisterio.folha import calcular_contracheque
        from desktop.rules.magisterio.folha_parametros import NOMES, ParametrosFolhaMagisterio
        from desktop.rules.magisterio.tipos import Nivel
        from desktop.services import parametros
        from desktop.services.magisterio import cadastro, configuracao

        s = self.sessao
        servidor = cadastro.cadastrar_servidor(
            s, nome=f"Servidora {MARCADOR}", cpf=CPF_TESTE, matricula="AUTO-1", cargo="professor",
            admissao=date(2025, 2, 3), jornada=20, titulo="medio_normal")
        p = ParametrosFolhaMagisterio.de_vigentes(
            COMPETENCIA, {nome: parametros.vigente(s, nome, COMPETENCIA) for nome in NOMES})
        c = calcular_contracheque(cadastro.ficha(s, servidor["id"]), COMPETENCIA, p, configuracao.ler(s))
        vencimento = next((l for l in c.linhas if l.codigo == codigos.VENCIMENTO), None)
        esperado = p.matriz.vencimento(Nivel.N1, "A", 20)
        if vencimento is None or vencimento.valor != esperado:
            raise _Falhou(f"vencimento {vencimento and vencimento.valor}, esperado {esperado} (Anexo I)")
        if c.liquido != c.proventos - c.descontos or c.liquido <= 0:
            raise _Falhou(f"totais incoerentes: {c.proventos} − {c.descontos} ≠ {c.liquido}")
        return (f"{formato.competencia(COMPETENCIA)}, nível 1 classe A 20 h: proventos {_brl(c.proventos)}, "
                f"descontos {_brl(c.descontos)}, líquido {_brl(c.liquido)}")

    def entradas(self) -> str:
        """A leitura das calculadoras (pydantic, charset-normalizer) e das planilhas (python-calamine)
        funciona no pacote: bibliotecas compiladas que o PyInstaller pode deixar para trás."""
        import zipfile
        from decimal import Decimal

        from desktop.rules.validacao import EntradaInvalida
        from desktop.services.calculadoras.leitura import texto_utf8
        from desktop.services.conselho.calculadora import calcular
        from desktop.services.magisterio import planilha

        saida = calcular({"competencia": "2026-03-01", "exercicio": [{"inicio": "2026-01-01", "fim": "2026-12-31"}]})
        if saida["versao"] != 1 or not saida["totais"]["liquido"]:
            raise _Falhou(f"saída inesperada da calculadora: {saida}")
        try:
            calcular({"competencia": "2026-03-01", "exercicio": [], "ferias_dias": -1})
            raise _Falhou("férias negativas aceitas")
        except EntradaInvalida as e:
            if "ferias_dias" not in str(e):
                raise _Falhou(f"recusa sem o campo: {e}") from None
        try:
            texto_utf8("Matrícula".encode("cp1252"), "teste.json")
            raise _Falhou("Windows-1252 aceito como UTF-8")
        except EntradaInvalida as e:
            if "Windows-1252" not in str(e):
                raise _Falhou(f"codificação não reconhecida: {e}") from None
        ods = self.pasta / "autoteste.ods"
        celulas = "".join(f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
                          for t in ("Nome", "CPF"))
        with zipfile.ZipFile(ods, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                       'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                       '<manifest:file-entry manifest:full-path="/" '
                       'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                       '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                       '</manifest:manifest>')
            z.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                       'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
                       '<office:body><office:spreadsheet>'
                       f'<table:table table:name="A"><table:table-row>{celulas}</table:table-row>'
                       f'<table:table-row>{celulas}</table:table-row></table:table></office:spreadsheet>'
                       '</office:body></office:document-content>')
        cabecalho, linhas = planilha.ler(ods)
        if cabecalho != ["Nome", "CPF"] or len(linhas) != 1:
            raise _Falhou(f"planilha .ods lida como {cabecalho}, {linhas}")
        return f"calculadora do conselheiro: líquido {_brl(Decimal(saida['totais']['liquido']))}; planilha .ods lida"

    def calendario(self) -> str:
        from desktop.reports.folha import competencia_extenso
        from desktop.services import parametros

        mes = competencia_extenso(COMPETENCIA)
        if mes != "março de 2026":
            raise _Falhou(f"o mês em pt_BR saiu {mes!r}, esperado 'março de 2026' (dados do babel)")
        feriados = parametros.feriados_do_ano(self.sessao, 2026)
        nome = feriados.get(date(2026, 9, 7), "")
        if "Independência" not in nome:
            raise _Falhou(f"7/9/2026 saiu {nome!r}; faltam os dados de feriados (holidays) em pt_BR")
        return f"{mes}; {len(feriados)} feriados em 2026 (7/9: {nome})"

    def emitir_pdf(self) -> str:
        from pypdf import PdfReader

        from desktop.services import documentos

        self.emitido = documentos.emitir_relatorio_diario(self.sessao)
        pdf = self.emitido.pdf
        if not pdf.startswith(b"%PDF-"):
            raise _Falhou("o arquivo gerado não é um PDF")
        meta = PdfReader(BytesIO(pdf)).metadata or {}
        criador = str(meta.get("/Creator", ""))
        if __version__ not in criador:
            raise _Falhou(f"a versão {__version__} não está nos metadados do PDF (Creator: {criador!r})")
        return (f"{self.emitido.paginas} página(s), código {self.emitido.codigo}, {len(pdf) // 1024} KiB, "
                f"metadados: {criador}")

    def verificar_autentico(self) -> str:
        from desktop.services import documentos

        v = documentos.verificar_pdf(self.sessao, self.emitido.pdf)
        if v.situacao != documentos.AUTENTICO:
            raise _Falhou(f"a verificação respondeu {v.situacao!r}")
        return "o PDF emitido foi reconhecido como autêntico"

    def verificar_alterado(self) -> str:
        from desktop.services import documentos

        alterado = self.emitido.pdf + b"\n% copia alterada pelo autoteste\n"
        v = documentos.verificar_pdf(self.sessao, alterado)
        if v.situacao != documentos.ALTERADO:
            raise _Falhou(f"a verificação respondeu {v.situacao!r} para uma cópia alterada")
        return "uma cópia modificada do PDF foi apontada como alterada"

    def diario(self) -> str:
        from desktop.store import diario

        resultado = diario.verificar(self.sessao.db)
        if not resultado.ok:
            raise _Falhou(resultado.mensagem())
        versoes = {l["versao_programa"] for l in self.sessao.db.query("SELECT versao_programa FROM diario")}
        if versoes != {__version__}:
            raise _Falhou(f"versões gravadas no diário: {sorted(versoes)}; esperada {__version__}")
        return f"{resultado.linhas} registros com a corrente de hashes intacta, todos com a versão {__version__}"

    def cifrada(self) -> str:
        from desktop.store.base import CABECALHO_SQLITE

        self.sessao.fechar()
        self.sessao = None
        arquivos = [p for p in (self.caminho, Path(f"{self.caminho}-wal")) if p.exists()]
        conteudo = b"".join(p.read_bytes() for p in arquivos)
        if conteudo.startswith(CABECALHO_SQLITE):
            raise _Falhou("o arquivo começa com o cabeçalho de um SQLite comum, sem cifra")
        if MARCADOR.encode() in conteudo or MARCADOR.encode("utf-16-le") in conteudo:
            raise _Falhou("um texto gravado na base aparece em claro no arquivo")
        return f"{len(conteudo) // 1024} KiB sem nenhum texto em claro"

    def reabrir(self) -> str:
        from desktop.services import acesso

        inicio = time.perf_counter()
        sessao = acesso.entrar(self.caminho, LOGIN, SENHA)
        try:
            n = sessao.db.execute("SELECT count(*) FROM magisterio_servidores").fetchone()[0]
        finally:
            sessao.fechar()
        if n != 1:
            raise _Falhou(f"a base reaberta tem {n} servidores, esperado 1")
        return f"entrada com a senha em {(time.perf_counter() - inicio) * 1000:.0f} ms; dados conferidos"

    def fechar(self) -> None:
        if self.sessao is not None:
            try:
                self.sessao.fechar()
            except Exception:  # noqa: BLE001 — só limpeza
                pass


def executar(escrever: Callable[[str], None] = print,
             verificar_interface: Callable[[Path], str] | None = None) -> list[Conferencia]:
    """Roda todas as conferências numa pasta temporária; devolve-as na ordem em que rodaram.

    ``verificar_interface(caminho_base)`` (de ``desktop.app``) cria a aplicação Qt e uma janela;
    devolve um detalhe ou levanta uma exceção.
    """
    with pastas_temporarias() as pasta:
        t = _Autoteste(pasta, escrever)
        try:
            t.conferir("Arquivos do programa", t.arquivos)
            criada = t.conferir("Base cifrada nova criada", t.criar_base)
            base = t.sessao if criada else None
            t.conferir("Migrações aplicadas", t.migracoes, depende=[base])
            t.conferir("Contracheque do magistério calculado", t.contracheque, depende=[base])
            t.conferir("Calculadoras e planilhas: entradas conferidas", t.entradas)
            t.conferir("Datas e feriados em pt_BR", t.calendario, depende=[base])
            emitido = t.conferir("PDF registrado emitido", t.emitir_pdf, depende=[base]) or None
            t.conferir("Verificação do PDF: autêntico", t.verificar_autentico, depende=[base, emitido])
            t.conferir("Verificação de cópia alterada: alterado", t.verificar_alterado, depende=[base, emitido])
            t.conferir("Diário de auditoria íntegro", t.diario, depende=[base])
            fechada = t.conferir("Arquivo da base cifrado", t.cifrada, depende=[base]) or None
            t.conferir("Base reaberta com a senha", t.reabrir, depende=[fechada])
            if verificar_interface is not None:
                t.conferir("Interface gráfica (Qt)", lambda: verificar_interface(t.caminho),
                           depende=[fechada])
        finally:
            t.fechar()
    return t.conferencias


def main(verificar_interface: Callable[[Path], str] | None = None) -> int:
    """Imprime as conferências e um resumo; 0 se todas passaram, 1 se alguma falhou."""
    print(f"Autoteste do Paço {__version__}", flush=True)
    inicio = time.perf_counter()
    conferencias = executar(lambda linha: print(linha, flush=True), verificar_interface)
    falhas = [c for c in conferencias if not c.ok]
    duracao = time.perf_counter() - inicio
    if falhas:
        print(f"Autoteste: FALHOU — {len(falhas)} de {len(conferencias)} conferências falharam "
              f"({duracao:.1f} s). Reinstale o Paço; se persistir, procure o suporte com esta saída.",
              flush=True)
        return 1
    print(f"Autoteste: OK — {len(conferencias)} conferências passaram ({duracao:.1f} s).", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
