"""Dados de pagamento de servidores e conselheiros: conta bancária conferida e PIS/PASEP/NIT.

Os dados ficam na pessoa (``pagamento_dados``), de modo que o servidor do magistério e o
conselheiro tutelar usam o mesmo cadastro. Escrever exige a permissão de edição do módulo de quem
se altera (``MAGISTERIO_EDITAR`` ou ``CONSELHO_EDITAR``) e vai ao diário; uma conta que já é de
outra pessoa é recusada com os dois nomes.
"""
from __future__ import annotations

from desktop.rules.pagamento import banco as regras
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import pagamento as armazem
from desktop.store.conselho import mandatos as armazem_conselho
from desktop.store.magisterio import servidores as armazem_servidores

from ..sessao import ErroNegocio, Mudanca, Sessao

CAMPOS = armazem.CAMPOS


def normalizar(valores: dict) -> dict:
    """Confere os campos (todos os da conta juntos, ou nenhum; PIS à parte) e devolve-os normalizados.

    ``EntradaInvalida`` traz a mensagem do primeiro campo com problema; ``campo`` diz qual."""
    v = {k: (str(valores.get(k) or "").strip()) for k in CAMPOS}
    saida: dict = {k: None for k in CAMPOS}
    conta = [k for k in ("banco", "agencia", "conta", "tipo_conta") if v[k]]
    if conta:
        try:
            d = regras.dados_bancarios(v["banco"], v["agencia"], v["agencia_dv"], v["conta"], v["conta_dv"],
                                       v["tipo_conta"])
        except EntradaInvalida as e:
            raise _com_campo(e, v) from None
        saida.update(banco=d.banco, agencia=d.agencia, agencia_dv=d.agencia_dv, conta=d.conta, conta_dv=d.conta_dv,
                     tipo_conta=d.tipo_conta)
    if v["pis"]:
        saida["pis"] = regras.pis(v["pis"])
    return saida


def _com_campo(e: EntradaInvalida, v: dict) -> EntradaInvalida:
    texto = str(e).lower()
    campo = ("tipo_conta" if "tipo de conta" in texto else "banco" if "banco (3" in texto
             else "agencia_dv" if "dígito da agência" in texto else "agencia" if "agência" in texto
             else "conta_dv" if "dígito da conta" in texto else "conta")
    novo = EntradaInvalida(str(e))
    novo.campo = campo
    return novo


def gravar_em(m: Mudanca, pessoa_id: str, valores: dict) -> dict:
    """Grava dentro de uma transação aberta (cadastro, importação); confere conta e PIS repetidos."""
    dados = normalizar(valores)

    def nome() -> str:
        return (armazem_servidores.obter_pessoa(m.db, pessoa_id) or {}).get("nome", "")

    if dados["banco"]:
        dono = armazem.dono_da_conta(m.db, dados["banco"], dados["agencia"], dados["conta"])
        if dono and dono["pessoa_id"] != pessoa_id:
            raise ErroNegocio(f"A conta {dados['conta']}-{dados['conta_dv']} da agência {dados['agencia']} "
                              f"(banco {dados['banco']}) já é de {dono['nome']}; não pode ser também de {nome()}. "
                              "Cada servidor recebe na própria conta.")
    if dados["pis"]:
        dono = armazem.dono_do_pis(m.db, dados["pis"])
        if dono and dono["pessoa_id"] != pessoa_id:
            raise ErroNegocio(f"O PIS/PASEP/NIT {regras.formatar_pis(dados['pis'])} já é de {dono['nome']}; "
                              f"não pode ser também de {nome()}.")
    return m.gravar("pagamento_dados", armazem.linha(pessoa_id, dados), chave="pessoa_id",
                    so_na_inclusao=armazem.SO_NA_INCLUSAO)


def _vazio() -> dict:
    return {k: None for k in CAMPOS}


def do_servidor(sessao: Sessao, servidor_id: str) -> dict:
    """Dados de pagamento do servidor do magistério (campos vazios = None)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    s = armazem_servidores.obter(sessao.db, servidor_id)
    if s is None:
        raise ErroNegocio("Servidor não encontrado; atualize a lista e tente de novo.")
    return armazem.obter(sessao.db, s["pessoa_id"]) or _vazio()


def definir_do_servidor(sessao: Sessao, servidor_id: str, **valores) -> dict:
    """Grava banco, agência, conta, tipo e PIS do servidor (campos conferidos; tudo ou nada)."""
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        s = armazem_servidores.obter(m.db, servidor_id)
        if s is None:
            raise ErroNegocio("Servidor não encontrado; atualize a lista e tente de novo.")
        return gravar_em(m, s["pessoa_id"], valores)


def do_conselheiro(sessao: Sessao, conselheiro_id: str) -> dict:
    sessao.exigir(Permissao.CONSELHO_LER)
    c = armazem_conselho.conselheiro(sessao.db, conselheiro_id)
    if c is None:
        raise ErroNegocio("Conselheiro não encontrado.")
    return armazem.obter(sessao.db, c["pessoa_id"]) or _vazio()


def definir_do_conselheiro(sessao: Sessao, conselheiro_id: str, **valores) -> dict:
    """Grava os dados de pagamento do conselheiro tutelar (os mesmos campos do servidor)."""
    with sessao.mudanca(Permissao.CONSELHO_EDITAR) as m:
        c = armazem_conselho.conselheiro(m.db, conselheiro_id)
        if c is None:
            raise ErroNegocio("Conselheiro não encontrado.")
        return gravar_em(m, c["pessoa_id"], valores)
