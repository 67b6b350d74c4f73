"""Dados de pagamento de um servidor: banco, agência, conta com dígitos verificadores, tipo da conta e PIS.

Dígitos verificadores publicados:
- Banco do Brasil (001): agência de 4 dígitos e conta de até 8 dígitos, módulo 11 com pesos
  decrescentes da direita para a esquerda a partir de 2 (agência 5-4-3-2; conta 9-8-7-6-5-4-3-2);
  DV = 11 - (soma mod 11); resto que dá 10 vira 'X' e 11 vira '0'.
- Caixa (104): a Caixa não publica a regra do dígito da conta nem usa dígito na agência; aqui se
  confere o formato (agência de 4 dígitos; conta com a operação de 3 dígitos e o número, até 12
  dígitos, e um dígito verificador numérico). Ver docs/interpretacoes.md, "Dados bancários".
- Outros bancos: só o formato (agência até 5 dígitos, conta até 12, DV de 1 caractere).
O PIS/PASEP/NIT é conferido pela validate-docbr.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from validate_docbr import PIS

from desktop.rules.validacao import EntradaInvalida

BANCOS = {"001": "Banco do Brasil", "104": "Caixa Econômica Federal"}
TIPOS_CONTA = {"corrente": "conta-corrente", "poupanca": "conta-poupança", "salario": "conta-salário"}
_PIS = PIS()


@dataclass(frozen=True)
class DadosBancarios:
    banco: str          # código de 3 dígitos (001, 104, ...)
    agencia: str        # só dígitos
    agencia_dv: str     # '' quando o banco não usa
    conta: str          # só dígitos (na Caixa, com a operação na frente)
    conta_dv: str
    tipo_conta: str     # chave de TIPOS_CONTA

    @property
    def descricao(self) -> str:
        ag = self.agencia + (f"-{self.agencia_dv}" if self.agencia_dv else "")
        return (f"{BANCOS.get(self.banco, 'banco ' + self.banco)}, agência {ag}, {TIPOS_CONTA[self.tipo_conta]} "
                f"{self.conta}-{self.conta_dv}")


def dv_modulo11_bb(numero: str) -> str:
    """Dígito do Banco do Brasil (módulo 11, pesos 2, 3, 4... da direita para a esquerda; 10 → 'X', 11 → '0')."""
    soma = sum(int(d) * p for d, p in zip(reversed(numero), range(2, 2 + len(numero))))
    dv = 11 - soma % 11
    return "X" if dv == 10 else "0" if dv == 11 else str(dv)


def _digitos(texto, rotulo: str, maximo: int, minimo: int = 1) -> str:
    t = re.sub(r"[\s.]", "", str(texto or ""))
    if not t:
        raise EntradaInvalida(f"Informe {rotulo}.")
    if not t.isdigit():
        raise EntradaInvalida(f"{rotulo[0].upper()}{rotulo[1:]} só tem números (o dígito verificador vai em campo próprio).")
    if not minimo <= len(t) <= maximo:
        tamanho = f"{maximo} dígitos" if minimo == maximo else f"de {minimo} a {maximo} dígitos"
        raise EntradaInvalida(f"{rotulo[0].upper()}{rotulo[1:]} deve ter {tamanho}.")
    return t


def banco(texto) -> str:
    t = re.sub(r"\D", "", str(texto or ""))
    if not t or len(t) > 3:
        raise EntradaInvalida("Informe o código do banco (3 dígitos: 001 Banco do Brasil, 104 Caixa).")
    return t.zfill(3)


def tipo_conta(texto) -> str:
    t = str(texto or "").strip().lower()
    t = {"poupança": "poupanca", "salário": "salario", "cc": "corrente", "conta-corrente": "corrente",
         "conta corrente": "corrente", "conta-poupança": "poupanca", "conta poupança": "poupanca",
         "conta-salário": "salario", "conta salário": "salario"}.get(t, t)
    if t not in TIPOS_CONTA:
        raise EntradaInvalida("Tipo de conta inválido: use corrente, poupança ou salário.")
    return t


def agencia(cod_banco: str, numero, dv) -> tuple[str, str]:
    """Agência e DV conferidos para o banco; devolve (agência, dv)."""
    dv = str(dv or "").strip().upper()
    if cod_banco == "001":
        ag = _digitos(numero, "o número da agência", 4).zfill(4)
        if len(ag) != 4:
            raise EntradaInvalida("A agência do Banco do Brasil tem 4 dígitos.")
        certo = dv_modulo11_bb(ag)
        if not dv:
            raise EntradaInvalida(f"Informe o dígito da agência (Banco do Brasil: para {ag} é {certo}).")
        if dv != certo:
            raise EntradaInvalida(f"Dígito da agência {ag} não confere: informado {dv}, o cálculo do Banco do "
                                  f"Brasil (módulo 11) dá {certo}.")
        return ag, dv
    if cod_banco == "104":
        ag = _digitos(numero, "o número da agência", 4).zfill(4)
        if dv and dv != "0":
            raise EntradaInvalida("A agência da Caixa não tem dígito verificador: deixe o dígito em branco.")
        return ag, ""
    ag = _digitos(numero, "o número da agência", 5)
    if dv and not re.fullmatch(r"[0-9X]", dv):
        raise EntradaInvalida("O dígito da agência é um número ou X.")
    return ag, dv


def conta(cod_banco: str, numero, dv) -> tuple[str, str]:
    """Conta e DV conferidos para o banco; devolve (conta, dv)."""
    dv = str(dv or "").strip().upper()
    if not dv:
        raise EntradaInvalida("Informe o dígito da conta.")
    if cod_banco == "001":
        c = _digitos(numero, "o número da conta", 8).lstrip("0") or "0"
        certo = dv_modulo11_bb(c.zfill(8))
        if dv != certo:
            raise EntradaInvalida(f"Dígito da conta {c} não confere: informado {dv}, o cálculo do Banco do Brasil "
                                  f"(módulo 11) dá {certo}.")
        return c, dv
    if cod_banco == "104":
        c = _digitos(numero, "o número da conta (com a operação na frente, p. ex. 001 ou 013)", 12, 4)
        if not dv.isdigit():
            raise EntradaInvalida("O dígito da conta da Caixa é um número de 0 a 9.")
        return c, dv
    c = _digitos(numero, "o número da conta", 12)
    if not re.fullmatch(r"[0-9X]", dv):
        raise EntradaInvalida("O dígito da conta é um número ou X.")
    return c, dv


def dados_bancarios(cod_banco, ag, ag_dv, cc, cc_dv, tipo) -> DadosBancarios:
    """Todos os campos conferidos; a primeira falha levanta ``EntradaInvalida`` com a mensagem do campo."""
    b = banco(cod_banco)
    a, adv = agencia(b, ag, ag_dv)
    c, cdv = conta(b, cc, cc_dv)
    return DadosBancarios(b, a, adv, c, cdv, tipo_conta(tipo))


def pis(texto) -> str:
    """PIS/PASEP/NIT com 11 dígitos e dígito verificador correto (validate-docbr); devolve só os dígitos."""
    d = re.sub(r"\D", "", str(texto or ""))
    if len(d) != 11:
        raise EntradaInvalida("PIS/PASEP/NIT deve ter 11 dígitos.")
    if len(set(d)) == 1:
        raise EntradaInvalida(f"PIS/PASEP/NIT {formatar_pis(d)} inválido: número com todos os dígitos iguais.")
    if not _PIS.validate(d):
        # o dígito certo pela própria validate-docbr (o único dos dez que a validação aceita), para a mensagem
        certo = next((c for c in "0123456789" if _PIS.validate(d[:10] + c)), "?")
        raise EntradaInvalida(f"PIS/PASEP/NIT {formatar_pis(d)} inválido: o dígito verificador não confere "
                              f"(informado {d[10]}, o cálculo dá {certo}).")
    return d


def formatar_pis(d: str) -> str:
    return f"{d[:3]}.{d[3:8]}.{d[8:10]}-{d[10]}" if len(d) == 11 else d
