"""Selo assinado (Ed25519) dos documentos: a chave do emissor, o selo do QR, a assinatura do PDF e a
verificação sem base e sem login, contra as chaves públicas importadas.

A chave privada fica só na base cifrada (``documentos_chaves``); a pública é exportada num arquivo
pequeno (``.pacochave``, JSON) que qualquer instalação importa para o seu chaveiro local
(``<pasta de dados>/chaves_publicas``), fora da base: conferir não exige login. O esquema está em
``rules.selo`` e em docs/verificador.md.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.rules import formato
from desktop.rules import selo as regras
from desktop.rules.validacao import formatar_cnpj
from desktop.store import documentos as registro
from desktop.store import emissores as armazem_emissores
from desktop.store.ids import agora, novo_id

from . import local

FORMATO_CHAVE = "paco-chave-publica"
EXTENSAO = ".pacochave"

AUTENTICO, ALTERADO, CHAVE_DESCONHECIDA, SEM_SELO = "autentico", "alterado", "chave_desconhecida", "sem_selo"


class ErroChavePublica(ValueError):
    """Arquivo de chave pública ilegível."""


# -- chave do emissor (na base) ----------------------------------------------------------------
@dataclass(frozen=True)
class ChaveEmissor:
    privada: Ed25519PrivateKey
    publica: bytes
    impressao: str

    def assinar(self, mensagem: bytes) -> bytes:
        return self.privada.sign(mensagem)


def chave_do_emissor(m, emissor_id: str = "orgao") -> ChaveEmissor:
    """A chave Ed25519 desta base; criada na primeira emissão, na transação ``m`` (vai ao diário, sem a
    chave privada)."""
    db = m.db
    linha = registro.chave_atual(db, emissor_id)
    if linha is None:
        privada = Ed25519PrivateKey.generate()
        publica = privada.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        bruta = privada.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                      serialization.NoEncryption())
        linha = {"id": novo_id(), "emissor_id": emissor_id, "impressao": regras.impressao(publica), "publica": publica,
                 "privada": bruta, "criada_em": agora()}
        m.inserir("documentos_chaves", linha,  # no diário, nunca a chave privada
                  no_diario={"emissor_id": emissor_id, "impressao": linha["impressao"], "algoritmo": "Ed25519",
                             "criada_em": linha["criada_em"]})
    privada = Ed25519PrivateKey.from_private_bytes(bytes(linha["privada"]))
    return ChaveEmissor(privada, bytes(linha["publica"]), linha["impressao"])


def arquivo_chave_publica(db: sqlite_utils.Database, emissor_id: str = "orgao") -> bytes:
    """O arquivo .pacochave do emissor (JSON com o emissor e a chave pública)."""
    chave = registro.chave_atual(db, emissor_id)
    if chave is None:
        raise ValueError("Este emissor ainda não tem chave de assinatura.")
    o = armazem_emissores.obter(db, emissor_id) or {}
    dados = {"formato": FORMATO_CHAVE, "versao": 1, "emissor": o.get("nome", ""),
             "cnpj": formatar_cnpj(o["cnpj"]) if o.get("cnpj") else "", "municipio": o.get("municipio", ""),
             "uf": o.get("uf", ""), "algoritmo": "Ed25519", "chave": base64.b64encode(bytes(chave["publica"])).decode(),
             "impressao": chave["impressao"]}
    return json.dumps(dados, ensure_ascii=False, indent=1).encode()


# -- chaveiro local (fora da base) ------------------------------------------------------------
def pasta_chaveiro() -> Path:
    return local.pasta_dados_padrao() / "chaves_publicas"


def ler_chave_publica(dados: bytes) -> dict:
    """Confere e devolve o conteúdo de um arquivo .pacochave."""
    try:
        d = json.loads(dados)
        publica = base64.b64decode(d["chave"], validate=True)
        ok = d.get("formato") == FORMATO_CHAVE and len(publica) == 32
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise ErroChavePublica("O arquivo não é uma chave pública do Paço (.pacochave) ou está danificado.")
    if d.get("impressao") != regras.impressao(publica):
        raise ErroChavePublica("A impressão digital do arquivo não confere com a chave: o arquivo foi alterado.")
    return d | {"publica": publica}


def importar_chave(dados: bytes) -> dict:
    """Guarda a chave pública no chaveiro local; devolve o conteúdo (emissor, impressão)."""
    d = ler_chave_publica(dados)
    pasta = pasta_chaveiro()
    pasta.mkdir(parents=True, exist_ok=True)
    (pasta / f"{d['impressao']}{EXTENSAO}").write_bytes(dados)
    return d


def chaveiro(extras: list[bytes] = ()) -> dict[str, dict]:
    """Chaves públicas conhecidas, por impressão: as importadas e as ``extras`` (arquivos lidos)."""
    chaves: dict[str, dict] = {}
    pasta = pasta_chaveiro()
    arquivos = [a.read_bytes() for a in sorted(pasta.glob(f"*{EXTENSAO}"))] if pasta.is_dir() else []
    for dados in [*arquivos, *extras]:
        try:
            d = ler_chave_publica(dados)
        except ErroChavePublica:
            continue
        chaves[d["impressao"]] = d
    return chaves


# -- verificação sem base ----------------------------------------------------------------------
@dataclass(frozen=True)
class Conferencia:
    situacao: str  # autentico | alterado | chave_desconhecida | sem_selo
    dados: dict | None = None  # o que o selo declara
    emissor: dict | None = None  # a chave que confere
    acrescimos: int = 0
    assinatura_digital: str = ""  # titular do certificado da assinatura PAdES válida, se houver

    def descricao(self) -> str:
        d = self.dados or {}
        titular = f", em nome de {d['h']}" if d.get("h") else ""
        cpf = f" (CPF {d['p']})" if d.get("p") else ""
        return (f"{d.get('t', 'Documento')} nº {d.get('n')}/{d.get('a')}, {d.get('w')}ª via{titular}{cpf}, "
                f"emitido em {self.emitido_em()}, código {d.get('c')}")

    def emitido_em(self) -> str:
        """A data de emissão que o selo declara, dd/mm/aaaa (``formato.data``); o texto como veio se não for
        uma data aaaa-mm-dd (selo adulterado ou de outra versão: mostra-se o que ele diz)."""
        texto = str((self.dados or {}).get("d", ""))
        try:
            return formato.data(texto)
        except ValueError:
            return texto

    def mensagem(self, por_arquivo: bool = True) -> str:
        e = self.emissor or {}
        quem = f"{e.get('emissor', '')} (CNPJ {e.get('cnpj', '')}, chave {regras.impressao_legivel(e.get('impressao', ''))})"
        if self.situacao == AUTENTICO and por_arquivo:
            pades = (f" Assinatura digital PAdES válida, de {self.assinatura_digital} (confira a cadeia "
                     "ICP-Brasil num leitor de PDF)." if self.assinatura_digital else "")
            return (f"Documento autêntico e inalterado: {self.descricao()}. Assinado por {quem}.{pades} "
                    "Cancelamento ou substituição só quem emitiu pode informar.")
        if self.situacao == AUTENTICO:
            return (f"Selo autêntico: {self.descricao()}. Assinado por {quem}. Confira se o papel diz o mesmo.")
        if self.situacao == ALTERADO:
            if self.acrescimos:
                return (f"ALTERADO: o arquivo tem {self.acrescimos} bytes acrescentados depois da emissão "
                        f"({self.descricao()}, assinado por {quem}). Peça o documento a quem o emitiu.")
            return ("ALTERADO: a assinatura não confere com o conteúdo"
                    + (f" ({self.descricao()}, chave de {quem})" if self.dados else "")
                    + ". O documento foi modificado depois de emitido; peça-o de novo a quem o emitiu.")
        if self.situacao == CHAVE_DESCONHECIDA:
            imp = regras.impressao_legivel(str(d.get("k", ""))) if (d := self.dados) else ""
            return (f"Assinado por uma chave desconhecida ({imp}): importe a chave pública do emissor "
                    f"(arquivo {EXTENSAO}) para conferir. O selo declara: {self.descricao()}.")
        return ("O arquivo não traz o selo assinado do Paço (documento emitido antes da assinatura, ou "
                "não emitido pelo Paço). Se foi emitido por esta instalação, confira-o pelo código.")


def _chave(dados: dict, chaves: dict[str, dict]) -> dict | None:
    return chaves.get(str(dados.get("k", "")))


def conferir_selo(texto: str, chaves: dict[str, dict]) -> Conferencia:
    """Confere o texto do QR. ``rules.selo.SeloInvalido`` se não for um selo legível."""
    s = regras.ler_selo(texto)
    chave = _chave(s.dados, chaves)
    if chave is None:
        return Conferencia(CHAVE_DESCONHECIDA, s.dados)
    ok = regras.confere(chave["publica"], s.assinatura, s.mensagem)
    return Conferencia(AUTENTICO if ok else ALTERADO, s.dados if ok else None, chave)


def conferir_pdf(pdf: bytes, chaves: dict[str, dict]) -> Conferencia:
    """Confere o arquivo: selo e assinatura do conteúdo, contra as chaves conhecidas."""
    try:
        s = regras.ler_selo_pdf(pdf)
    except regras.SeloInvalido:
        return Conferencia(ALTERADO)
    if s is None:
        return Conferencia(SEM_SELO)
    chave = _chave(s.selo.dados, chaves)
    if chave is None:
        return Conferencia(CHAVE_DESCONHECIDA, s.selo.dados)
    ok = (s.sha256 and regras.confere(chave["publica"], s.selo.assinatura, s.selo.mensagem)
          and regras.confere(chave["publica"], s.assinatura, regras.mensagem_pdf(s.selo.dados_b64, s.sha256)))
    if ok and s.acrescimos:
        from . import pades  # bytes depois do emitido: só valem se forem a assinatura PAdES do arquivo inteiro

        valida, titular = pades.validar(pdf)
        if valida:
            return Conferencia(AUTENTICO, s.selo.dados, chave, s.acrescimos, titular)
        return Conferencia(ALTERADO, s.selo.dados, chave, s.acrescimos)
    return Conferencia(AUTENTICO if ok else ALTERADO, s.selo.dados if ok else None, chave)
