"""Rodar uma função numa thread de trabalho, como a tela roda as leituras (``widgets.leitura``): a conexão paralela da
sessão é devolvida no fim (``liberar_thread``) e a exceção da thread sobe aqui."""
import threading

from desktop.services.sessao import liberar_thread


def numa_thread(funcao):
    caixa = {}

    def alvo():
        try:
            caixa["r"] = funcao()
        except BaseException as e:  # noqa: BLE001 — volta para quem chamou
            caixa["e"] = e
        finally:
            liberar_thread()

    t = threading.Thread(target=alvo)
    t.start()
    t.join()
    if "e" in caixa:
        raise caixa["e"]
    return caixa["r"]
