"""Várias máquinas, um só órgão (issue 15): pacotes de alterações, conferência e conflitos.

As réplicas (a sede, o convite, a entrada de uma máquina nova) estão em ``replicas``.

* ``exportar`` grava um pacote para uma réplica, só com os domínios que ela recebe (uma réplica da
  folha nunca recebe conteúdo de caso) e só com o que ela ainda não confirmou; ``importar`` confere
  tudo antes de aplicar (órgão, destino, réplica conhecida e ativa, esquema, assinatura, cifra,
  relógio) e aplica numa transação só — repetido ou fora de ordem, nada muda além do que ele traz.
* ``conflitos`` e ``decidir``: edições concorrentes do mesmo campo ficam guardadas lado a lado até
  alguém com o papel decidir (no diário).

Ver docs/sincronizacao.md.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlcipher3

from desktop.rules.papeis import Permissao
from desktop.store import consultas_diario, selagem, sigilo, sync_pacote
from desktop.store import linhas as armazem_linhas
from desktop.store import sync_registro as reg
from desktop.store import sync_replicas as armazem
from desktop.store.base import versao_do_programa
from desktop.store.conselho import atendimentos as armazem_casos
from desktop.store.ids import agora, novo_id

from . import usuarios_replicas
from .replicas import _eu, _orgao, _replica
from .sessao import ErroNegocio, Sessao
from desktop.rules import formato

RELOGIO_MAXIMO = timedelta(days=1)  # adiantamento tolerado do relógio de quem gravou um pacote
_NADA = " Nada foi aplicado."
_ERROS_SQL = (sqlcipher3.dbapi2.IntegrityError,)


def _chave_sigilo_local(sessao: Sessao, eu: dict) -> bytes | None:
    """A privada X25519 do sigilo desta réplica (no arquivo sigiloso); criada, e a pública publicada, na
    primeira sessão com sigilo numa réplica que recebe o sigilo."""
    if not sessao.tem_sigilo:
        return None
    linha = armazem.identidade_sigilo(sessao.db)
    if linha and linha[0] == eu["id"]:
        return linha[1]
    minha = _replica(sessao, eu["id"])
    if not minha or "sigilo" not in minha["dominios"].split(","):
        return None
    privada, publica = sync_pacote.par_x25519()
    with sessao.mudanca(Permissao.BACKUP_FAZER) as m:
        armazem.apagar_identidade(m.db, sigilo.ESQUEMA)
        armazem.gravar_identidade_sigilo(m.db, eu["id"], privada)
        m.alterar("sync_replicas", eu["id"], {"publica_sigilo_x25519": publica},
                  no_diario=(None, {"publica_sigilo_x25519": selagem.b64(publica)}))  # a chave em base64
    return privada


def _cabecalho(sessao: Sessao, eu: dict, destino: dict, dominios: list[str]) -> dict:
    return {"formato": 1, "id": novo_id(), "orgao": _orgao(sessao), "origem": eu["id"], "destino": destino["id"],
            "esquema": versao_do_programa(), "esquema_sigilo": sigilo.versao_do_programa(),
            "dominios": dominios, "criado_em": agora()}


def exportar(sessao: Sessao, pasta: Path, replica: str) -> Path:
    """Grava em ``pasta`` o pacote para a réplica ``replica`` (id ou nome): o que ela ainda não confirmou,
    só dos domínios que ela recebe e que esta sessão lê."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    eu, destino, cab, dados, conteudo = montar(sessao, replica)
    pasta = Path(pasta)
    pasta.mkdir(parents=True, exist_ok=True)
    arquivo = pasta / f"paco-{cab['orgao'][:8]}-{eu['id'][:8]}-para-{destino['id'][:8]}-{cab['id']}{sync_pacote.EXTENSAO}"
    sync_pacote.gravar_atomico(arquivo, dados)
    registrar_envio(sessao, destino["id"], cab["id"], conteudo, len(dados))
    return arquivo


def registrar_envio(sessao: Sessao, destino_id: str, pacote_id: str, conteudo: dict, tamanho: int, **extra) -> None:
    """O evento do pacote enviado (arquivo ou rede) no diário: a data do último envio na aba Sincronização."""
    with sessao.mudanca(Permissao.BACKUP_FAZER) as m:
        m.registrar("sync_replicas", destino_id, "evento",
                    depois={"evento": "pacote de sincronização exportado", "pacote": pacote_id, "alteracoes": conteudo,
                            "bytes": tamanho, **extra})


def montar(sessao: Sessao, replica: str) -> tuple[dict, dict, dict, bytes, dict]:
    """(esta réplica, destino, cabeçalho, bytes do pacote, alterações por domínio) do pacote para ``replica``,
    sem gravar nada (``exportar`` grava em arquivo; ``rede_local.enviar`` manda pela rede)."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    eu = _eu(sessao)
    if (recusa := reg.mensagem_restaurada(sessao.db, "Gerar pacote")) is not None:
        raise ErroNegocio(recusa)  # os contadores daqui repetiriam os que a original já enviou
    destino = _replica(sessao, replica)
    if destino is None:
        raise ErroNegocio(f"Não há réplica chamada {replica} neste órgão.")
    if destino["id"] == eu["id"]:
        raise ErroNegocio("Esta é a própria máquina: escolha outra réplica.")
    if not destino["ativa"]:
        raise ErroNegocio(f"A réplica {destino['nome']} foi removida em {formato.data(destino['removida_em'])}: "
                          "nada é enviado a ela.")
    _chave_sigilo_local(sessao, eu)
    destino = _replica(sessao, destino["id"])
    secoes, conteudo = {}, {}
    alvo = {"geral": ("main", destino["publica_x25519"])}
    if sessao.tem_sigilo and "sigilo" in destino["dominios"].split(",") and destino["publica_sigilo_x25519"]:
        alvo["sigilo"] = (sigilo.ESQUEMA, destino["publica_sigilo_x25519"])
    for dominio, (esquema, publica) in alvo.items():
        alteracoes = reg.pendentes(sessao.db, esquema, destino["id"])
        conteudo[dominio] = len(alteracoes)
        claro = reg.codificar({"vetor": reg.vetor(sessao.db, esquema), "alteracoes": alteracoes}).encode()
        secoes[dominio] = (publica, claro)
    cab = _cabecalho(sessao, eu, destino, list(secoes))
    return eu, destino, cab, sync_pacote.montar(cab, secoes, eu["privada_ed25519"]), conteudo


def _recusar(cab: dict, sessao: Sessao, eu: dict) -> dict:
    """Confere o cabeçalho; devolve a réplica de origem. Nenhuma escrita."""
    if cab.get("formato") != 1:
        raise ErroNegocio("Este pacote é de um formato que esta versão do Paço não conhece." + _NADA)
    if cab.get("orgao") != _orgao(sessao):
        raise ErroNegocio("Este pacote é de outro órgão (outra base do Paço)." + _NADA)
    if cab.get("destino") != eu["id"]:
        dest = _replica(sessao, str(cab.get("destino")))
        raise ErroNegocio(f"Este pacote foi feito para a réplica {dest['nome'] if dest else 'desconhecida'}, não para "
                          "esta máquina." + _NADA)
    origem = _replica(sessao, str(cab.get("origem")))
    if origem is None:
        raise ErroNegocio("O pacote vem de uma réplica que esta máquina ainda não conhece: importe antes um pacote "
                          "da sede (que traz o registro das réplicas novas)." + _NADA)
    if not origem["ativa"]:
        raise ErroNegocio(f"O pacote vem da réplica {origem['nome']}, removida em {formato.data(origem['removida_em'])}." + _NADA)
    if cab.get("esquema") != versao_do_programa() or cab.get("esquema_sigilo") != sigilo.versao_do_programa():
        raise ErroNegocio(f"O pacote foi feito por um Paço de outra versão (esquema {cab.get('esquema')}; este usa o "
                          f"{versao_do_programa()}). Atualize o Paço nas duas máquinas para a mesma versão." + _NADA)
    return origem


def _conferir_relogio(origem: dict, alteracoes: list[dict]) -> None:
    if not alteracoes:
        return
    maior = max(a["hlc"] for a in alteracoes)
    limite = datetime.now(timezone.utc) + RELOGIO_MAXIMO
    momento = datetime.fromtimestamp(reg.ler_hlc(maior)[0] / 1000, timezone.utc)
    if momento > limite:
        raise ErroNegocio(f"O relógio de uma máquina do órgão estava adiantado (alterações datadas de "
                          f"{formato.momento(momento, hora_local=False)}, recebidas de {origem['nome']}). Acerte a data e a hora dela e "
                          "grave o pacote de novo." + _NADA)


def importar(sessao: Sessao, arquivo: Path) -> dict:
    """Confere e aplica um pacote, tudo ou nada. Devolve o resumo (alterações novas, repetidas, conflitos)."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    arquivo = Path(arquivo)
    if arquivo.name.endswith(".parcial"):
        raise ErroNegocio("Este arquivo é um pacote cuja gravação não terminou (pen drive retirado?)." + _NADA)
    try:
        bruto = arquivo.read_bytes()
    except OSError as e:
        raise ErroNegocio(f"Não foi possível ler o pacote {arquivo.name}: {e.strerror}." + _NADA) from None
    return importar_dados(sessao, bruto)


def importar_dados(sessao: Sessao, bruto: bytes) -> dict:
    """``importar`` dos bytes de um pacote (lido de um arquivo ou recebido pela rede local)."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    eu = _eu(sessao)
    try:
        lido = sync_pacote.ler(bruto)
    except sync_pacote.PacoteInvalido as e:
        raise ErroNegocio(str(e)) from None
    origem = _recusar(lido.cabecalho, sessao, eu)
    if not lido.assinatura_confere(origem["publica_ed25519"]):
        raise ErroNegocio(f"A assinatura do pacote não confere com a da réplica {origem['nome']}: ele foi alterado ou "
                          "forjado." + _NADA)
    partes, avisos = {}, []
    try:
        partes["main"] = reg.decodificar(lido.abrir("geral", eu["privada_x25519"]).decode())
        if "sigilo" in lido.secoes:
            privada = _chave_sigilo_local(sessao, eu)
            if privada is None:
                avisos.append("A parte sigilosa do Conselho não foi aplicada: esta sessão não tem a chave do sigilo. "
                              "Importe o mesmo pacote numa sessão de conselheiro.")
            else:
                partes[sigilo.ESQUEMA] = reg.decodificar(lido.abrir("sigilo", privada).decode())
    except sync_pacote.PacoteInvalido as e:
        raise ErroNegocio(str(e)) from None
    for parte in partes.values():
        _conferir_relogio(origem, parte["alteracoes"])
    resumo = {"origem": origem["nome"], "aplicadas": 0, "avisos": avisos}
    tocadas: set[str] = set()
    with sessao.mudanca(Permissao.BACKUP_FAZER) as m:
        m.sincronizando = True
        armazem_linhas.adiar_chaves_estrangeiras(m.db)
        relogio = reg.local(m.db)[1]
        for esquema, parte in partes.items():
            casos: set[str] = set()
            for alt in parte["alteracoes"]:
                usuarios_replicas.conferir_autor(m.db, alt)
                try:
                    mudou = reg.aplicar_recebida(m.db, esquema, alt)
                except ValueError as e:
                    raise ErroNegocio(f"O pacote traz uma alteração que esta versão não aplica ({e})." + _NADA) from None
                except _ERROS_SQL as e:
                    raise ErroNegocio(_colisao(alt, e)) from None
                if mudou is None:
                    continue
                resumo["aplicadas"] += 1
                tocadas.add(alt["tabela"])
                acao, antes, depois = mudou
                blobs = armazem_linhas.colunas_blob(m.db, alt["tabela"], esquema=esquema)
                m.registrar(alt["tabela"], alt["registro_id"], acao, antes=_sem_bytes(antes, blobs),
                            depois=_sem_bytes(depois, blobs))
                if esquema == sigilo.ESQUEMA:
                    casos.add(_caso_de(m.db, alt, antes))
            for caso in casos - {None}:  # o índice de busca (FTS) não viaja: é refeito aqui
                if armazem_casos.existe(m.db, caso):
                    armazem_casos.indexar(m.db, caso)
            relogio = max([relogio] + [a["hlc"] for a in parte["alteracoes"]])
            reg.confirmar(m.db, esquema, origem["id"], parte["vetor"])
        reg.gravar_hlc(m.db, reg.avancar(reg.local(m.db)[1], relogio))
        m.registrar("sync_replicas", origem["id"], "evento", depois={"evento": "pacote de sincronização importado",
                                                                    "pacote": lido.cabecalho["id"],
                                                                      "aplicadas": resumo["aplicadas"]})
    if tocadas & set(usuarios_replicas.TABELAS):  # revogações e senhas de outra máquina valem aqui
        resumo["usuarios"] = usuarios_replicas.conciliar(sessao)
    if "eleicao_digitacoes" in tocadas and sessao.pode(Permissao.ELEICAO_EDITAR):
        from .eleicao import votacao  # noite da eleição: no PC da comissão, as seções conferidas entram
        resumo["boletins_conferidos"] = votacao.conferir_recebidas(sessao)
    total = sum(len(p["alteracoes"]) for p in partes.values())
    resumo["conflitos"] = len(_todos_conflitos(sessao))
    resumo["recebidas"] = total
    return resumo


def _colisao(alt: dict, erro: Exception) -> str:
    return (f"O pacote traz um registro da tabela {alt['tabela']} que colide com um desta máquina ({erro}). "
            "Isso acontece quando duas máquinas dão o mesmo número a coisas diferentes (ver "
            "docs/sincronizacao.md, limites)." + _NADA)


def _caso_de(db, alt: dict, antes: dict | None) -> str | None:
    """O atendimento cujo índice de busca uma alteração do sigilo muda (caso, criança ou familiar)."""
    if alt["tabela"] == "conselho_atendimentos":
        return alt["registro_id"]
    if alt["tabela"] in ("conselho_criancas", "conselho_familiares"):
        caso = armazem_casos.atendimento_da_filha(db, alt["tabela"], alt["registro_id"])
        return caso if caso is not None else (antes or {}).get("atendimento_id")
    return None


def _sem_bytes(imagem: dict | None, blobs: frozenset[str] = frozenset()) -> dict | None:
    """Para o diário (JSON): colunas em bytes (chaves públicas, PDFs, brasões) ficam de fora, como nos serviços
    que gravam essas tabelas — a conferência das tabelas só compara os campos que a imagem traz. As colunas BLOB
    (``blobs``) ficam de fora mesmo vazias: um brasão nulo na inclusão e trocado depois (a troca sai sem os bytes)
    deixaria no diário uma imagem velha que a conferência acusaria."""
    if imagem is None:
        return None
    return {k: v for k, v in imagem.items() if not isinstance(v, (bytes, bytearray)) and k not in blobs}


def conferir(sessao: Sessao) -> list[tuple[str, str, int, str]]:
    """(domínio, tabela, linhas, SHA-256) de cada tabela sincronizada que esta sessão lê: duas réplicas
    depois de uma troca completa imprimem o mesmo."""
    saida = []
    for esquema, dominio in (("main", "geral"), (sigilo.ESQUEMA, "sigilo")):
        if esquema == sigilo.ESQUEMA and not sessao.tem_sigilo:
            continue
        saida += [(dominio, t, n, h) for t, n, h in reg.somas(sessao.db, esquema)]
    return saida


_EVENTOS_TROCA = {"pacote de sincronização exportado": "enviado", "pacote de sincronização importado": "recebido"}


def trocas(sessao: Sessao) -> dict[str, dict[str, str]]:
    """Por réplica (id): o momento do último pacote enviado a ela e do último recebido dela, segundo o
    diário desta máquina (``{"enviado": momento, "recebido": momento}``; a chave falta se nunca houve)."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    saida: dict[str, dict[str, str]] = {}
    for replica_id, evento, momento in consultas_diario.ultimos_eventos(sessao.db, "sync_replicas"):
        if evento in _EVENTOS_TROCA:
            saida.setdefault(replica_id, {})[_EVENTOS_TROCA[evento]] = momento
    return saida


def _todos_conflitos(sessao: Sessao) -> list[dict]:
    saida = reg.conflitos(sessao.db, "main")
    if sessao.tem_sigilo:
        saida += reg.conflitos(sessao.db, sigilo.ESQUEMA)
    return saida


def conflitos(sessao: Sessao) -> list[dict]:
    """Os campos em conflito (edições concorrentes em máquinas diferentes), com todos os valores."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    return _todos_conflitos(sessao)


_PERMISSAO_DA_TABELA = (("mag_", Permissao.MAGISTERIO_EDITAR), ("magisterio", Permissao.MAGISTERIO_EDITAR),
                        ("eleicao", Permissao.ELEICAO_EDITAR), ("cert_", Permissao.CERTIFICACAO_EDITAR),
                        ("conselho", Permissao.CONSELHO_EDITAR), ("pessoas", Permissao.PESSOAS_CADASTRAR))


def decidir(sessao: Sessao, tabela: str, registro_id: str, coluna: str, versao: str) -> dict:
    """Decide um conflito ficando com o valor da versão ``versao`` (uma das cabeças). Exige, além de
    trocar pacotes, a permissão de editar o módulo da tabela. No diário; propaga-se às outras réplicas."""
    sessao.exigir(Permissao.BACKUP_FAZER)
    esquema = sigilo.ESQUEMA if tabela in sigilo.TABELAS else "main"
    if esquema == sigilo.ESQUEMA:
        sessao.exigir(Permissao.CONSELHO_CASOS_EDITAR)
    else:
        sessao.exigir(next((p for prefixo, p in _PERMISSAO_DA_TABELA if tabela.startswith(prefixo)),
                           Permissao.ESCRITORIO_EDITAR))
    achado = next((c for c in _todos_conflitos(sessao) if (c["tabela"], c["registro_id"], c["coluna"])
                   == (tabela, registro_id, coluna)), None)
    if achado is None:
        raise ErroNegocio("Este conflito não existe mais (já foi decidido aqui ou chegou a decisão de outra máquina).")
    escolhida = next((c for c in achado["cabecas"] if c["versao"] == versao), None)
    if escolhida is None:
        raise ErroNegocio("A versão escolhida não é uma das que estão em conflito.")
    pk, _cols = reg.colunas(sessao.db, esquema, tabela)
    existe = armazem_linhas.existe(sessao.db, tabela, registro_id, pk, esquema=esquema)
    if not escolhida["excluido"] and not existe:
        raise ErroNegocio("O registro foi excluído em outra máquina; restaurá-lo pela tela de conflitos ainda não é "
                          "possível. Escolha manter a exclusão ou recadastre o registro.")
    with sessao.mudanca(Permissao.BACKUP_FAZER) as m:
        m.sincronizando = True
        reg.registrar_decisao(m.db, esquema, tabela, registro_id, coluna, escolhida, achado["cabecas"],
                              sessao.usuario.login)
        if existe and not escolhida["excluido"]:
            armazem_linhas.gravar_campo(m.db, tabela, registro_id, coluna, escolhida["valor"], pk,
                                        esquema=esquema)
            m.registrar(tabela, registro_id, "alterar", depois=_sem_bytes({coluna: escolhida["valor"]}))
        m.registrar(tabela, registro_id, "evento",
                    depois={"evento": "conflito de sincronização decidido", "coluna": coluna, "versao": versao, "outras": [c["versao"] for c in achado["cabecas"]]})
    return escolhida
