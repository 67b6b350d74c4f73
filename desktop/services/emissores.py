"""Emissores: cada módulo e cada unidade certificadora emite com o seu timbre, CNPJ, calendário e signatários.

Uma instalação pode ter vários (o Conselho Tutelar e a Secretaria na mesma cidade). O órgão da
instalação (Configurações) é o emissor ``'orgao'``; ao atualizar, todo módulo continua emitindo
como ele. Os prazos de um módulo contam os feriados do município e da UF do emissor dele.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from desktop.reports.layout import Cabecalho
from desktop.rules import calendario
from desktop.rules.calendario import FeriadoMunicipal
from desktop.rules.papeis import Permissao
from desktop.rules import validacao
from desktop.rules.validacao import EntradaInvalida, formatar_cnpj
from desktop.store import emissores as armazem
from desktop.store.ids import agora, novo_id

from . import pades
from .sessao import ErroNegocio, Sessao

ORGAO = armazem.ORGAO
MODULOS = {"geral": "Documentos gerais (diário, chave de recuperação)", "magisterio": "Magistério",
           "eleicao": "Eleição do Conselho Tutelar", "certificacao": "Certificação profissional",
           "conselho": "Conselho Tutelar"}
_PREFIXOS = (("magisterio_", "magisterio"), ("eleicao_", "eleicao"), ("cert_", "certificacao"),
             ("conselho_", "conselho"))


def modulo_do_tipo(tipo: str) -> str:
    """O módulo de um tipo de documento, pelo prefixo (``magisterio_contracheque`` → magisterio)."""
    return next((m for prefixo, m in _PREFIXOS if tipo.startswith(prefixo)), "geral")


@dataclass(frozen=True)
class Emissor:
    id: str
    nome: str
    cnpj: str  # só dígitos
    municipio: str
    uf: str
    endereco: str = ""
    brasao: bytes | None = None

    def cabecalho(self) -> Cabecalho:
        return Cabecalho(self.nome, self.municipio, self.uf, formatar_cnpj(self.cnpj), self.brasao, self.endereco)


def _emissor(linha: dict | None) -> Emissor | None:
    if linha is None:
        return None
    return Emissor(linha["id"], linha["nome"], linha["cnpj"], linha["municipio"], linha["uf"],
                   linha.get("endereco") or "", bytes(linha["brasao"]) if linha.get("brasao") else None)


def obter(db, emissor_id: str) -> Emissor:
    e = _emissor(armazem.obter(db, emissor_id))
    if e is None:
        raise ErroNegocio("Os dados do órgão não foram cadastrados; complete-os em Configurações."
                          if emissor_id == ORGAO else "Emissor não encontrado; atualize a lista.")
    return e


def resolver(db, *, tipo: str, emissor_id: str | None = None) -> Emissor:
    """O emissor de um documento: o pedido (unidade certificadora) ou o do módulo do tipo."""
    return obter(db, emissor_id or armazem.do_modulo(db, modulo_do_tipo(tipo)))


def do_modulo(db, modulo: str) -> Emissor:
    return obter(db, armazem.do_modulo(db, modulo))


def da_unidade(db, unidade_id: str) -> str | None:
    return armazem.da_unidade(db, unidade_id)


def listar(sessao: Sessao) -> list[Emissor]:
    sessao.exigir(Permissao.DOCUMENTOS_VERIFICAR)
    return [_emissor(l) for l in armazem.listar(sessao.db)]


def criar(sessao: Sessao, *, nome: str, cnpj: str, municipio: str, uf: str, endereco: str = "",
          brasao: bytes | None = None) -> Emissor:
    """Cadastra um emissor (só o administrador: ``ESCRITORIO_EDITAR``)."""
    sessao.exigir(Permissao.ESCRITORIO_EDITAR)
    nome, municipio = " ".join((nome or "").split()), " ".join((municipio or "").split())
    if len(nome) < 3 or not municipio:
        raise EntradaInvalida("Informe o nome do emissor e o município.")
    uf, digitos = validacao.uf(uf), validacao.cnpj(cnpj)
    momento = agora()
    linha = {"id": novo_id(), "nome": nome, "cnpj": digitos, "municipio": municipio, "uf": uf,
             "endereco": " ".join((endereco or "").split()), "brasao": brasao, "criado_em": momento,
             "atualizado_em": momento}
    with sessao.mudanca(Permissao.ESCRITORIO_EDITAR) as m:
        m.inserir("emissores", linha, sem=("brasao",))  # no diário sem a imagem
    return _emissor(linha)


def atribuir_modulo(sessao: Sessao, modulo: str, emissor_id: str) -> None:
    sessao.exigir(Permissao.ESCRITORIO_EDITAR)
    if modulo not in MODULOS:
        raise EntradaInvalida(f"Módulo desconhecido: {modulo}.")
    obter(sessao.db, emissor_id)
    with sessao.mudanca(Permissao.ESCRITORIO_EDITAR) as m:
        m.gravar("emissores_modulos", {"modulo": modulo, "emissor_id": emissor_id}, chave="modulo", so_os_campos=True)


def atribuir_unidade(sessao: Sessao, unidade_id: str, emissor_id: str) -> None:
    """A unidade certificadora passa a emitir os seus certificados como ``emissor_id``."""
    sessao.exigir(Permissao.ESCRITORIO_EDITAR)
    obter(sessao.db, emissor_id)
    with sessao.mudanca(Permissao.ESCRITORIO_EDITAR) as m:
        armazem.atribuir_unidade(m.db, unidade_id, emissor_id)
        m.registrar("emissores_unidades", unidade_id, "alterar", depois={"emissor_id": emissor_id})


def adicionar_signatario(sessao: Sessao, emissor_id: str, *, nome: str, cargo: str, ato: str = "",
                         ordem: int = 0) -> dict:
    sessao.exigir(Permissao.ESCRITORIO_EDITAR)
    obter(sessao.db, emissor_id)
    if len(" ".join((nome or "").split())) < 3 or not (cargo or "").strip():
        raise EntradaInvalida("Informe o nome e o cargo do signatário.")
    linha = {"id": novo_id(), "emissor_id": emissor_id, "nome": " ".join(nome.split()), "cargo": cargo.strip(),
             "ato": (ato or "").strip(), "ordem": ordem, "ativo": 1}
    with sessao.mudanca(Permissao.ESCRITORIO_EDITAR) as m:
        m.inserir("emissores_signatarios", linha)
    return linha


def signatarios(db, emissor_id: str) -> list[dict]:
    return armazem.signatarios(db, emissor_id)


def listar_signatarios(sessao: Sessao, emissor_id: str) -> list[dict]:
    """Os signatários ativos do emissor, na ordem em que assinam (impressos nos documentos dele)."""
    sessao.exigir(Permissao.DOCUMENTOS_VERIFICAR)
    obter(sessao.db, emissor_id)
    return armazem.signatarios(sessao.db, emissor_id)


def remover_signatario(sessao: Sessao, signatario_id: str) -> dict:
    """Tira o signatário dos próximos documentos (os já emitidos continuam com o nome dele)."""
    sessao.exigir(Permissao.ESCRITORIO_EDITAR)
    antes = armazem.signatario(sessao.db, signatario_id)
    if antes is None or not antes["ativo"]:
        raise ErroNegocio("Signatário não encontrado; atualize a lista.")
    with sessao.mudanca(Permissao.ESCRITORIO_EDITAR) as m:
        depois = m.alterar("emissores_signatarios", signatario_id, {"ativo": 0})
    return depois


BRASAO_MAXIMO = 1024 * 1024
"""1 MiB: o brasão vai em toda página de todo documento (e em cada PDF guardado)."""


def definir_brasao(sessao: Sessao, emissor_id: str, imagem: bytes | None) -> Emissor:
    """O brasão (PNG ou JPEG) impresso no timbre dos documentos do emissor; ``None`` o retira.
    Devolve o emissor como ficou."""
    sessao.exigir(Permissao.ESCRITORIO_EDITAR)
    obter(sessao.db, emissor_id)
    tipo = None
    if imagem is not None:
        if len(imagem) > BRASAO_MAXIMO:
            raise EntradaInvalida(f"O brasão tem {len(imagem) // 1024} KiB; use uma imagem de até "
                                  f"{BRASAO_MAXIMO // 1024} KiB (PNG ou JPEG, por exemplo 300 × 300 pixels).")
        tipo = "png" if imagem[:8] == b"\x89PNG\r\n\x1a\n" else "jpeg" if imagem[:3] == b"\xff\xd8\xff" else None
        try:
            from reportlab.lib.utils import ImageReader

            largura, altura = ImageReader(BytesIO(imagem)).getSize()
        except Exception:  # noqa: BLE001 — arquivo que não é imagem
            largura = altura = 0
        if tipo is None or not (largura and altura):
            raise EntradaInvalida("O arquivo não é uma imagem PNG ou JPEG legível; exporte o brasão como PNG.")
    with sessao.mudanca(Permissao.ESCRITORIO_EDITAR) as m:
        momento = agora()
        depois = {"brasao_sha256": hashlib.sha256(imagem).hexdigest() if imagem else None}  # a imagem não vai ao diário
        # o diário registra a linha que muda (a do órgão é a da tabela escritorio, com o tipo da imagem; a de um
        # emissor ganha o carimbo) — senão a conferência das tabelas acusaria os campos mudados sem registro
        if emissor_id == ORGAO:
            tabela, rid, valores = "escritorio", "1", {"brasao": imagem, "brasao_tipo": tipo}
            depois["brasao_tipo"] = tipo
        else:
            tabela, rid, valores = "emissores", emissor_id, {"brasao": imagem, "atualizado_em": momento}
            depois["atualizado_em"] = momento
        m.alterar(tabela, rid, valores, no_diario=(None, depois))
        m.sincronizar(tabela, rid, "alterar", campos=("brasao",))  # a imagem viaja às outras réplicas
    return obter(sessao.db, emissor_id)


def listar_feriados(sessao: Sessao, emissor_id: str) -> list[dict]:
    """Os feriados municipais ativos do emissor (contam nos prazos dos documentos dele)."""
    sessao.exigir(Permissao.PARAMETROS_LER)
    obter(sessao.db, emissor_id)
    return armazem.feriados_ativos(sessao.db, emissor_id)


def adicionar_feriado(sessao: Sessao, emissor_id: str, dia: date, descricao: str, anual: bool = True) -> dict:
    """Feriado municipal do emissor (o do órgão continua em Configurações › Feriados)."""
    sessao.exigir(Permissao.FERIADOS_EDITAR)
    obter(sessao.db, emissor_id)
    linha = {"id": novo_id(), "data": dia.isoformat(), "descricao": " ".join((descricao or "").split()),
             "anual": int(anual), "ativo": 1, "criado_em": agora(),
             "emissor_id": None if emissor_id == ORGAO else emissor_id}
    if not linha["descricao"]:
        raise EntradaInvalida("Informe a descrição do feriado.")
    with sessao.mudanca(Permissao.FERIADOS_EDITAR) as m:
        m.inserir("feriados_municipais", linha)
    return linha


# -- calendário do emissor ---------------------------------------------------------------------
def calendario_de(db, emissor_id: str) -> tuple[str, tuple[FeriadoMunicipal, ...]]:
    """UF e feriados municipais ativos do emissor: decidem os dias úteis e os prazos dele."""
    e = obter(db, emissor_id)
    municipais = tuple(FeriadoMunicipal(date.fromisoformat(l["data"]), l["descricao"], bool(l["anual"]))
                       for l in armazem.feriados_ativos(db, emissor_id))
    return e.uf, municipais


def calendario_do_modulo(db, modulo: str) -> tuple[str, tuple[FeriadoMunicipal, ...]]:
    return calendario_de(db, armazem.do_modulo(db, modulo))


def somar_dias_uteis(db, emissor_id: str, dia: date, n: int) -> date:
    """O n-ésimo dia útil depois de ``dia`` no calendário do emissor (feriados da UF e do município dele)."""
    uf, municipais = calendario_de(db, emissor_id)
    return calendario.somar_dias_uteis(dia, n, uf, municipais)


# -- certificado A1 (PAdES) --------------------------------------------------------------------
def instalar_certificado(sessao: Sessao, emissor_id: str, pfx: bytes, senha: str) -> pades.Certificado:
    """Guarda (na base cifrada) o .pfx do emissor; daí em diante os documentos dele saem assinados.

    Senha errada ou arquivo danificado: mensagem clara e nada gravado.
    """
    sessao.exigir(Permissao.ESCRITORIO_EDITAR)
    obter(sessao.db, emissor_id)
    c = pades.ler_pfx(pfx, senha)
    linha = {"emissor_id": emissor_id, "pfx": c.pfx, "senha": c.senha, "titular": c.titular,
             "validade": c.validade, "criado_em": agora()}
    with sessao.mudanca(Permissao.ESCRITORIO_EDITAR) as m:
        armazem.gravar_certificado(m.db, linha)
        m.registrar("emissores_certificados", emissor_id, "alterar",
                    depois={"titular": c.titular, "validade": c.validade})  # nunca o .pfx nem a senha
    return c


def certificado(db, emissor_id: str) -> pades.Certificado | None:
    linha = armazem.certificado(db, emissor_id)
    return None if linha is None else pades.Certificado(linha["titular"], linha["validade"], bytes(linha["pfx"]),
                                                        linha["senha"])


def modulos(sessao: Sessao) -> dict[str, str]:
    """Módulo → emissor que assina os documentos dele."""
    sessao.exigir(Permissao.DOCUMENTOS_VERIFICAR)
    return {m: armazem.do_modulo(sessao.db, m) for m in MODULOS}
