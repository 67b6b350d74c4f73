"""O que o usuário digita para um desconto da folha, conferido e posto na forma da tabela de descontos.

Comum às folhas do Magistério e dos conselheiros tutelares (``services.magisterio.descontos`` e
``services.conselho.descontos``): cada função recusa com mensagem em português o que não serve —
número inválido, pensão sem processo, consignação sem valor, rubrica avulsa sem fundamento legal — e
devolve os campos do lançamento (sem o dono, a vigência nem os campos de gravação). Sem E/S.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from desktop.rules.dinheiro import reais
from desktop.rules.pagamento import banco as regras_banco
from desktop.rules.validacao import EntradaInvalida, cpf as validar_cpf

from . import descontos as regras
from desktop.rules import formato

TIPOS = {"pensao": "Pensão alimentícia", "sindical": "Contribuição sindical", "consignacao": "Consignação",
         "avulsa": "Rubrica avulsa"}


def decimal(valor, campo: str) -> Decimal:
    try:
        d = Decimal(str(valor).strip().replace("R$", "").replace(" ", "").replace(".", "").replace(",", ".")
                    if isinstance(valor, str) and "," in valor else str(valor).strip())
    except (InvalidOperation, ValueError):
        raise EntradaInvalida(f"{campo}: número inválido ({valor!r}).") from None
    if not d.is_finite():
        raise EntradaInvalida(f"{campo}: número inválido ({valor!r}).")
    return d


def texto(valor, campo: str, minimo: int = 1) -> str:
    t = " ".join(str(valor or "").split())
    if len(t) < minimo:
        raise EntradaInvalida(f"Informe {campo}.")
    return t


def _em_reais(v: Decimal, mensagem: str) -> Decimal:
    if v <= 0 or v != v.quantize(Decimal("0.01")):
        raise EntradaInvalida(mensagem)
    return v


def pensao(*, beneficiario: str, cpf: str, forma: str, quantidade, processo: str, banco: str = "", agencia: str = "",
           agencia_dv: str = "", conta: str = "", conta_dv: str = "", tipo_conta: str = "") -> dict:
    """Pensão alimentícia por ordem judicial, com a conta do beneficiário (dígitos conferidos) se dada."""
    q = decimal(quantidade, "Percentual, valor ou salários mínimos da pensão")
    regras.validar_pensao(forma, q)
    valores = {"tipo": "pensao", "descricao": texto(beneficiario, "o nome do beneficiário", 3), "forma": forma,
               "quantidade": str(q), "documento": texto(processo, "o número do processo ou do ofício judicial"),
               "beneficiario_cpf": validar_cpf(cpf)}
    if any(str(x or "").strip() for x in (banco, agencia, conta, tipo_conta)):
        d = regras_banco.dados_bancarios(banco, agencia, agencia_dv, conta, conta_dv, tipo_conta)
        valores |= {"banco": d.banco, "agencia": d.agencia, "agencia_dv": d.agencia_dv, "conta": d.conta,
                    "conta_dv": d.conta_dv, "tipo_conta": d.tipo_conta}
    return valores


def _digitos(texto) -> str:
    return "".join(c for c in str(texto or "") if c.isdigit())


def pensao_ao_devedor(valores: dict, *, nome: str, cpf: str, conta: dict | None) -> str:
    """Por que a pensão ``valores`` (de ``pensao``) iria ao próprio devedor, ou vazio.

    A pensão é depositada na conta do exequente indicada no ofício judicial (CPC, art. 529, §2º): beneficiário
    com o CPF de quem paga, ou conta que é a do próprio servidor (``conta``: os dados de pagamento dele),
    devolveria o desconto a quem o deve. A conta de outro servidor é aceita (a mãe do alimentando pode ser
    servidora)."""
    if _digitos(valores.get("beneficiario_cpf")) and _digitos(valores.get("beneficiario_cpf")) == _digitos(cpf):
        return (f"O CPF informado para o beneficiário da pensão ({valores['beneficiario_cpf']}) é o do próprio "
                f"{nome}, que a paga: informe o CPF do alimentando ou do seu representante legal, como no ofício "
                "judicial (CPC, art. 529, §2º).")
    if conta and valores.get("banco") and all(
            _digitos(valores.get(k)).lstrip("0") == _digitos(conta.get(k)).lstrip("0")
            for k in ("banco", "agencia", "conta")):
        return (f"A conta {valores['conta']}-{valores['conta_dv']} da agência {valores['agencia']} (banco "
                f"{valores['banco']}) informada para a pensão de {valores['descricao']} é a conta de pagamento do "
                f"próprio {nome}, que paga a pensão: o desconto voltaria a ele. Informe a conta do beneficiário ou "
                "do seu representante legal, como no ofício judicial (CPC, art. 529, §2º).")
    return ""


def sindical(*, entidade: str, forma: str, quantidade) -> dict:
    q = decimal(quantidade, "Valor ou percentual da contribuição sindical")
    regras.validar_sindical(forma, q)
    return {"tipo": "sindical", "descricao": texto(entidade, "a entidade sindical", 3), "forma": forma,
            "quantidade": str(q)}


def consignacao(*, consignataria: str, valor, prioridade, contrato: str = "") -> dict:
    v = _em_reais(decimal(valor, "Valor da parcela"), "O valor da parcela deve ser maior que zero, em reais e centavos.")
    try:
        prio = int(prioridade)
    except (TypeError, ValueError):
        raise EntradaInvalida("A prioridade é um número inteiro (1 = a primeira a ser descontada).") from None
    if prio < 1:
        raise EntradaInvalida("A prioridade é um número inteiro a partir de 1 (1 = a primeira a ser descontada).")
    return {"tipo": "consignacao", "descricao": texto(consignataria, "a consignatária", 3), "forma": "fixo",
            "quantidade": str(v), "prioridade": prio, "documento": " ".join(str(contrato or "").split())}


def avulsa(*, natureza: str, descricao: str, fundamento: str, valor, incide_previdencia: bool,
           incide_irrf: bool) -> dict:
    if natureza not in ("provento", "desconto"):
        raise EntradaInvalida("A rubrica avulsa é um provento ou um desconto.")
    v = _em_reais(decimal(valor, "Valor da rubrica"), "O valor da rubrica deve ser maior que zero, em reais e centavos.")
    fund = " ".join(str(fundamento or "").split())
    if len(fund) < 5:
        raise EntradaInvalida("Informe o fundamento legal da rubrica avulsa (a norma e o artigo, ou o ato que a "
                              "determinou): sem ele a rubrica não entra na folha.")
    return {"tipo": "avulsa", "descricao": texto(descricao, "a descrição da rubrica", 3), "forma": natureza,
            "quantidade": str(v), "fundamento": fund, "incide_previdencia": bool(incide_previdencia),
            "incide_irrf": bool(incide_irrf)}


def recusa(valores: dict, avisos: list[str], referencias: list[str], dia, liquido: Decimal | None = None) -> str | None:
    """A mensagem de recusa do lançamento ``valores`` (id 'novo') no contracheque calculado com ele, ou None:
    a consignação que não coube na margem e a pensão que passou do líquido, com os números do aviso; com o
    ``liquido`` do contracheque, também o desconto avulso que o deixa negativo (o fechamento só o aceitaria
    como pendência, e o servidor ficaria sem nada a receber e ainda devendo)."""
    if liquido is not None and liquido < 0 and valores["tipo"] == "avulsa" and valores["forma"] == "desconto":
        negativo = next((a.split(" Confira")[0] for a in avisos if a.startswith("O líquido ficou negativo")),
                        f"O líquido ficaria em {reais(liquido)}.")
        return (f"Desconto avulso recusado em {formato.competencia(dia)}: {valores['descricao']} de "
                f"{reais(Decimal(valores['quantidade']))} não cabe no mês. {negativo} Lance um valor que caiba no "
                "líquido do mês, ou divida-o em parcelas por competência.")
    if valores["tipo"] == "consignacao":
        fora = [a for a in avisos if a.startswith(f"Consignação {valores['descricao']}") and "não descontada" in a]
        if fora or "novo" not in referencias:
            motivo = fora[0] if fora else "não há margem consignável vigente no mês."
            return f"Consignação recusada em {formato.competencia(dia)}: {motivo}"
    if valores["tipo"] == "pensao":
        acima = [a for a in avisos if "passam do líquido" in a]
        if acima:
            return f"Pensão recusada em {formato.competencia(dia)}: {acima[0]}"
    return None


def texto_valor(r: dict) -> str:
    """O valor do lançamento como o usuário o lê: "30 % do líquido", "R$ 350,00", "1,5 salário(s) mínimo(s)"."""
    q = Decimal(r["quantidade"])
    if r["forma"] in ("bruto", "liquido", "percentual"):
        return f"{str(q).replace('.', ',')} % do {'líquido' if r['forma'] == 'liquido' else 'bruto'}"
    if r["forma"] == "salarios_minimos":
        return f"{str(q).replace('.', ',')} salário(s) mínimo(s)"
    return reais(q)
