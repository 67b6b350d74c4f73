"""Transferência direta de um pacote entre duas máquinas da mesma rede local (issue 15, item 2).

O que viaja é **o mesmo pacote** do pen drive (``sync_pacote``: cifrado para a réplica destino e assinado pela
de origem — a segurança do conteúdo não depende deste canal). O canal só confere que as duas pontas são as
que as pessoas combinaram: a máquina que recebe mostra um **código de uso único** (8 caracteres, ~40 bits) e a
porta; quem envia digita o endereço e o código. Cada lado prova que conhece o código (HMAC-SHA256 sob uma chave
scrypt(código, os dois números aleatórios da conversa)) antes de qualquer pacote passar; um código errado
encerra a recepção (uma tentativa só: nada de adivinhar pela rede). O pacote chega à memória, nunca a um
arquivo, e o resultado da importação volta a quem enviou.

Conversa (cada mensagem: u32 tamanho + bytes)::

    R → E   MAGICA | 16 aleatórios (nr)
    E → R   16 aleatórios (ne) | HMAC(k, "envia" | nr | ne)
    R → E   HMAC(k, "recebe" | nr | ne)            (ou RECUSA e fecha)
    E → R   pacote | HMAC(k, "pacote" | SHA-256(pacote))
    R → E   JSON {"ok": true, "resumo": …} ou {"ok": false, "erro": "mensagem"}
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import socket
import struct
import time

MAGICA = b"PACO-LAN/1\n"
RECUSA = b"RECUSADO"
PORTA_PADRAO = 47815
LIMITE = 1 << 30  # 1 GiB: uma mensagem maior é recusada (não se aloca o que um intruso pedir)
ALFABETO = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # sem 0/O e 1/I


class FalhaNaRede(Exception):
    """A conversa não terminou bem; a mensagem é para o usuário."""


def novo_codigo() -> str:
    c = "".join(secrets.choice(ALFABETO) for _ in range(8))
    return f"{c[:4]}-{c[4:]}"


def normalizar(codigo: str) -> str:
    return "".join(ch for ch in (codigo or "").upper() if ch.isalnum())


def _chave(codigo: str, nr: bytes, ne: bytes) -> bytes:
    return hashlib.scrypt(normalizar(codigo).encode(), salt=b"paco-lan/1" + nr + ne, n=1 << 14, r=8, p=1, dklen=32)


def _mac(k: bytes, rotulo: bytes, *partes: bytes) -> bytes:
    return hmac.new(k, rotulo + b"|" + b"|".join(partes), hashlib.sha256).digest()


def enviar_msg(conexao: socket.socket, dados: bytes) -> None:
    conexao.sendall(struct.pack(">I", len(dados)) + dados)


def _exatos(conexao: socket.socket, n: int) -> bytes:
    partes, falta = [], n
    while falta:
        bloco = conexao.recv(min(falta, 1 << 20))
        if not bloco:
            raise FalhaNaRede("A outra máquina encerrou a conexão no meio da transferência.")
        partes.append(bloco)
        falta -= len(bloco)
    return b"".join(partes)


def receber_msg(conexao: socket.socket) -> bytes:
    (n,) = struct.unpack(">I", _exatos(conexao, 4))
    if n > LIMITE:
        raise FalhaNaRede("A outra máquina mandou uma mensagem grande demais: não é um Paço.")
    return _exatos(conexao, n)


def enderecos_locais() -> list[str]:
    """Os endereços IPv4 desta máquina na rede local, para mostrar a quem envia (sem mandar nada pela rede)."""
    achados: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # UDP: só escolhe a interface, nenhum pacote sai
            achados.append(s.getsockname()[0])
    except OSError:
        pass
    try:
        achados += socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        pass
    saida = [a for a in dict.fromkeys(achados) if not a.startswith("127.")]
    return saida or ["127.0.0.1"]


class Recepcao:
    """A porta aberta na máquina que recebe, com o código de uso único. ``esperar`` aceita uma conexão só."""

    def __init__(self, porta: int = PORTA_PADRAO, *, endereco: str = "0.0.0.0"):
        self.codigo = novo_codigo()
        self._servidor = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self._servidor.bind((endereco, porta))
            self._servidor.listen(1)
        except OSError as e:
            self._servidor.close()
            raise FalhaNaRede(f"Não foi possível abrir a porta {porta} nesta máquina ({e.strerror or e}). Outra "
                              "recepção já está aberta, ou o firewall não deixa.") from None
        self.porta = self._servidor.getsockname()[1]
        self.fechada = False

    def fechar(self) -> None:
        """Cancela a espera (pode ser chamada de outra thread)."""
        self.fechada = True
        try:
            self._servidor.close()
        except OSError:
            pass

    def esperar(self, aplicar, tempo: float = 600.0, cancelado=None) -> dict:
        """Espera quem envia, confere o código e entrega o pacote a ``aplicar(bytes) -> dict`` (o resumo da
        importação, que volta a quem enviou). Um código errado encerra a recepção. ``cancelado()`` (opcional),
        conferido a cada quarto de segundo, encerra a espera."""
        limite = time.monotonic() + tempo
        try:
            while True:  # em passos curtos: ``fechar`` (Cancelar, noutra thread) é visto logo
                if self.fechada or (cancelado is not None and cancelado()):
                    raise FalhaNaRede("A recepção foi cancelada.")
                if time.monotonic() > limite:
                    raise FalhaNaRede("Ninguém enviou um pacote no tempo de espera; a recepção foi encerrada.")
                try:
                    self._servidor.settimeout(0.25)
                    conexao, _origem = self._servidor.accept()
                    break
                except socket.timeout:
                    continue
                except OSError as e:
                    if self.fechada:
                        raise FalhaNaRede("A recepção foi cancelada.") from None
                    raise FalhaNaRede(f"A recepção parou ({e.strerror or e}).") from None
        finally:
            self.fechar()  # uma conexão só: o código vale uma vez
        with conexao:
            conexao.settimeout(120)
            try:
                return self._conversar(conexao, aplicar)
            except socket.timeout:
                raise FalhaNaRede("A outra máquina parou de responder no meio da transferência.") from None
            except (OSError, struct.error) as e:
                raise FalhaNaRede(f"A transferência foi interrompida ({e}).") from None

    def _conversar(self, conexao: socket.socket, aplicar) -> dict:
        nr = secrets.token_bytes(16)
        enviar_msg(conexao, MAGICA + nr)
        msg = receber_msg(conexao)
        ne, prova = msg[:16], msg[16:]
        k = _chave(self.codigo, nr, ne)
        if len(ne) != 16 or not hmac.compare_digest(prova, _mac(k, b"envia", nr, ne)):
            enviar_msg(conexao, RECUSA)
            raise FalhaNaRede("Quem tentou enviar não digitou o código desta recepção: a recepção foi encerrada e "
                              "nada foi aplicado. Abra outra recepção (código novo) e confira o código.")
        enviar_msg(conexao, _mac(k, b"recebe", nr, ne))
        msg = receber_msg(conexao)
        pacote, prova = msg[:-32], msg[-32:]
        if not hmac.compare_digest(prova, _mac(k, b"pacote", hashlib.sha256(pacote).digest())):
            raise FalhaNaRede("O pacote chegou alterado pela rede; nada foi aplicado.")
        try:
            resumo = aplicar(pacote)
        except Exception as e:
            enviar_msg(conexao, json.dumps({"ok": False, "erro": str(e)}, ensure_ascii=False).encode())
            raise
        enviar_msg(conexao, json.dumps({"ok": True, "resumo": resumo}, ensure_ascii=False, default=str).encode())
        return resumo


def enviar(endereco: str, porta: int, codigo: str, pacote: bytes, tempo: float = 60.0) -> dict:
    """Envia ``pacote`` à recepção em ``endereco:porta`` com o ``codigo`` que ela mostra. Devolve o resumo da
    importação lá; ``FalhaNaRede`` com a mensagem se o código não confere ou a outra ponta recusou."""
    try:
        conexao = socket.create_connection((endereco, int(porta)), timeout=tempo)
    except (OSError, ValueError) as e:
        raise FalhaNaRede(f"Não foi possível falar com {endereco}:{porta} ({getattr(e, 'strerror', None) or e}). "
                          "Confira o endereço e a porta que a outra máquina mostra, e se ela está esperando.") from None
    with conexao:
        try:
            msg = receber_msg(conexao)
            if not msg.startswith(MAGICA) or len(msg) != len(MAGICA) + 16:
                raise FalhaNaRede(f"{endereco}:{porta} não é uma recepção de pacotes do Paço.")
            nr, ne = msg[len(MAGICA):], secrets.token_bytes(16)
            k = _chave(codigo, nr, ne)
            enviar_msg(conexao, ne + _mac(k, b"envia", nr, ne))
            resposta = receber_msg(conexao)
            if resposta == RECUSA or not hmac.compare_digest(resposta, _mac(k, b"recebe", nr, ne)):
                raise FalhaNaRede("O código não confere com o da outra máquina: nada foi enviado. A recepção de lá "
                                  "foi encerrada; peça que abram outra e confira o código.")
            enviar_msg(conexao, pacote + _mac(k, b"pacote", hashlib.sha256(pacote).digest()))
            final = json.loads(receber_msg(conexao))
        except socket.timeout:
            raise FalhaNaRede("A outra máquina parou de responder.") from None
        except (OSError, struct.error, ValueError) as e:
            raise FalhaNaRede(f"A transferência foi interrompida ({e}).") from None
    if not final.get("ok"):
        raise FalhaNaRede(f"A outra máquina recusou o pacote: {final.get('erro')}")
    return final.get("resumo") or {}
