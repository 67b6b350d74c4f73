"""Descontos do servidor do Magistério: pensão alimentícia, contribuição sindical, consignações e rubricas avulsas.

Cada lançamento tem vigência por competência (a avulsa, um mês só) e entra no cálculo da folha pelas regras
de ``rules.folha.descontos``. Ao cadastrar, o serviço calcula o contracheque do servidor na primeira
competência com o lançamento novo e recusa, com os números:
- a consignação que não cabe na margem consignável (parâmetro datado ``margem_consignavel``);
- a pensão que passa do líquido depois da previdência e do IRRF;
- a rubrica avulsa sem fundamento legal, e qualquer lançamento numa competência já fechada.
A pensão leva a conta do beneficiário (dígitos conferidos), que recebe crédito próprio no arquivo do banco.
Ler exige ``MAGISTERIO_LER``; gravar, ``MAGISTERIO_EDITAR``; tudo vai ao diário. Nada é apagado: encerra-se.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.rules.folha import entrada_descontos as entrada
from desktop.rules.folha.tipos import Contracheque
from desktop.rules.magisterio.folha import calcular_contracheque
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store import pagamento as armazem_pagamento
from desktop.store.magisterio import descontos as armazem
from desktop.store.magisterio import fichas as armazem_fichas
from desktop.store.magisterio import folha as armazem_folha
from desktop.store.magisterio import servidores as armazem_servidores

from ..sessao import ErroNegocio, Sessao
from . import configuracao, folha
from desktop.rules import formato

TIPOS = entrada.TIPOS


def _servidor(sessao: Sessao, servidor_id: str) -> dict:
    r = armazem_servidores.obter(sessao.db, servidor_id)
    if r is None:
        raise ErroNegocio("Servidor não encontrado.")
    return r


def _aberta(sessao: Sessao, competencia) -> date:
    dia = folha.mes(competencia)
    if folha.esta_fechada(sessao, dia):
        raise ErroNegocio(f"A competência {formato.competencia(dia)} já está fechada: o lançamento começa na próxima competência "
                          "aberta (o que foi pago não muda sem reabertura).")
    return dia


def _contracheque(sessao: Sessao, servidor_id: str, dia: date, linhas: list[dict]) -> Contracheque:
    """O contracheque do servidor na competência com os lançamentos ``linhas`` (sem gravar nada)."""
    ficha = armazem_fichas.carregar_ficha(sessao.db, servidor_id)
    p = folha.parametros_da_competencia(sessao, dia)
    pago = armazem_folha.adiantamentos_13(sessao.db, dia).get(servidor_id)
    return calcular_contracheque(ficha, dia, p, configuracao.ler(sessao), adiantamento_13_pago=pago,
                                 descontos=armazem.como_regra(linhas))


def _conferir(sessao: Sessao, valores: dict, dia: date) -> Contracheque:
    """Calcula com o lançamento novo e recusa o que a regra não desconta inteiro (com os números)."""
    existentes = armazem.do_servidor_no_mes(sessao.db, valores["servidor_id"], f"{dia:%Y-%m}")
    novo = valores | {"id": "novo"}
    cc = _contracheque(sessao, valores["servidor_id"], dia, existentes + [novo])
    motivo = entrada.recusa(valores, cc.avisos, [l.referencia for l in cc.linhas], dia, cc.liquido)
    if motivo:
        raise EntradaInvalida(motivo)
    return cc


def conferir_na_transacao(sessao: Sessao, valores: dict, dia: date) -> None:
    """Confere um lançamento novo (campos de ``entrada_descontos``, com ``servidor_id``) no contracheque de ``dia``,
    lendo a base pela sessão — dentro de uma mudança aberta, vê o que ela já gravou (a grade do mês grava as
    faltas da linha antes da rubrica avulsa). Recusa com ``EntradaInvalida`` como o cadastro pela ficha."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    _conferir(sessao, valores, dia)


def _gravar(sessao: Sessao, valores: dict, dia: date, fim) -> dict:
    valores["inicio"] = f"{dia:%Y-%m}"
    if fim not in (None, ""):
        ultima = folha.mes(fim)
        if ultima < dia:
            raise EntradaInvalida(f"A última competência ({formato.competencia(ultima)}) é anterior à primeira ({formato.competencia(dia)}).")
        valores["fim"] = f"{ultima:%Y-%m}"
    cc = _conferir(sessao, valores, dia)
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        linha = m.inserir(*armazem.linha_nova(valores, sessao.usuario.login))
    novo = [l for l in cc.linhas if l.referencia == "novo"]
    return linha | {"valor_no_mes": sum((l.valor for l in novo), Decimal("0.00")), "liquido_no_mes": cc.liquido}


# -- consultas ---------------------------------------------------------------------------------------
def listar(sessao: Sessao, servidor_id: str) -> list[dict]:
    """Os lançamentos do servidor (vigentes e encerrados), com o nome do tipo."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return [r | {"tipo_nome": TIPOS[r["tipo"]]} for r in armazem.do_servidor(sessao.db, servidor_id)]


# -- cadastros ---------------------------------------------------------------------------------------
def cadastrar_pensao(sessao: Sessao, servidor_id: str, *, beneficiario: str, cpf: str, forma: str, quantidade,
                     processo: str, inicio, fim=None, banco: str = "", agencia: str = "", agencia_dv: str = "",
                     conta: str = "", conta_dv: str = "", tipo_conta: str = "") -> dict:
    """Pensão alimentícia por ordem judicial: ``forma`` bruto | liquido (percentual), fixo (R$) ou
    salarios_minimos (quantos); a conta do beneficiário é conferida (sem conta, fica de fora do arquivo
    do banco, como o servidor sem conta). Recusa a pensão que passa do líquido do mês."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    s = _servidor(sessao, servidor_id)
    valores = {"servidor_id": servidor_id} | entrada.pensao(
        beneficiario=beneficiario, cpf=cpf, forma=forma, quantidade=quantidade, processo=processo, banco=banco,
        agencia=agencia, agencia_dv=agencia_dv, conta=conta, conta_dv=conta_dv, tipo_conta=tipo_conta)
    motivo = entrada.pensao_ao_devedor(valores, nome=f"servidor {s['nome']}", cpf=s["cpf"],
                                       conta=armazem_pagamento.obter(sessao.db, s["pessoa_id"]))
    if motivo:
        raise EntradaInvalida(f"Pensão recusada: {motivo}")
    return _gravar(sessao, valores, _aberta(sessao, inicio), fim)


def cadastrar_sindical(sessao: Sessao, servidor_id: str, *, entidade: str, forma: str, quantidade, inicio,
                       fim=None) -> dict:
    """Mensalidade sindical autorizada (CF, art. 8º, IV; Lei 1.613/2004, art. 78): fixo (R$) ou percentual do bruto."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    _servidor(sessao, servidor_id)
    valores = {"servidor_id": servidor_id} | entrada.sindical(entidade=entidade, forma=forma, quantidade=quantidade)
    return _gravar(sessao, valores, _aberta(sessao, inicio), fim)


def cadastrar_consignacao(sessao: Sessao, servidor_id: str, *, consignataria: str, valor, prioridade: int,
                          contrato: str = "", inicio, fim=None) -> dict:
    """Consignação (parcela mensal) com prioridade (1 = primeira). Recusada, com os números, se na primeira
    competência ela não cabe na margem consignável que sobra depois das de prioridade igual ou maior."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    _servidor(sessao, servidor_id)
    valores = {"servidor_id": servidor_id} | entrada.consignacao(consignataria=consignataria, valor=valor,
                                                                 prioridade=prioridade, contrato=contrato)
    return _gravar(sessao, valores, _aberta(sessao, inicio), fim)


def lancar_avulsa(sessao: Sessao, servidor_id: str, *, natureza: str, descricao: str, fundamento: str, valor,
                  incide_previdencia: bool, incide_irrf: bool, competencia) -> dict:
    """Provento ou desconto de um mês só, com descrição, fundamento legal (obrigatório) e incidências."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    _servidor(sessao, servidor_id)
    valores = valores_avulsa(servidor_id, natureza=natureza, descricao=descricao, fundamento=fundamento, valor=valor,
                             incide_previdencia=incide_previdencia, incide_irrf=incide_irrf)
    dia = _aberta(sessao, competencia)
    return _gravar(sessao, valores, dia, dia)


def valores_avulsa(servidor_id: str, *, natureza: str, descricao: str, fundamento: str, valor,
                   incide_previdencia: bool, incide_irrf: bool) -> dict:
    """Os campos da rubrica avulsa conferidos, sem ler nem gravar a base (usado também pela grade do mês)."""
    return {"servidor_id": servidor_id} | entrada.avulsa(
        natureza=natureza, descricao=descricao, fundamento=fundamento, valor=valor,
        incide_previdencia=incide_previdencia, incide_irrf=incide_irrf)


def encerrar(sessao: Sessao, desconto_id: str, ultima_competencia) -> dict:
    """Põe fim a um lançamento (pensão revogada, contrato quitado): a última competência descontada."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    antes = armazem.obter(sessao.db, desconto_id)
    if antes is None:
        raise ErroNegocio("Lançamento não encontrado.")
    ultima = folha.mes(ultima_competencia)
    if f"{ultima:%Y-%m}" < antes["inicio"]:
        raise EntradaInvalida(f"A última competência ({formato.competencia(ultima)}) é anterior ao início do lançamento.")
    if folha.esta_fechada(sessao, folha.mes(date(ultima.year + ultima.month // 12, ultima.month % 12 + 1, 1))):
        raise ErroNegocio(f"A competência seguinte a {formato.competencia(ultima)} já está fechada com o desconto: encerre numa "
                          "competência ainda aberta.")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        depois = m.alterar("magisterio_descontos", desconto_id, armazem.encerramento(f"{ultima:%Y-%m}"))
    return depois


def texto_valor(r: dict) -> str:
    """O valor do lançamento como o usuário o lê: "30 % do líquido", "R$ 350,00", "1,5 salário(s) mínimo(s)"."""
    return entrada.texto_valor(r)
