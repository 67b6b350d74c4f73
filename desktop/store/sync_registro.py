"""Registro de alterações para a sincronização entre réplicas (issue 15): HLC, versões por campo, conflitos.

Cada alteração de um registro (local ou recebida de outra réplica) é uma linha de ``sync_alteracoes``
identificada por (origem, contador) — o contador é sequencial por réplica de origem e por arquivo
(``main`` e ``sigilo`` têm registros separados, cada um sob a sua chave) — e ordenada por um relógio
lógico híbrido (HLC): quem viu uma alteração sempre escreve com HLC maior do que ela.

Cada alteração diz, por coluna, quais versões dessa coluna ela substituiu (``bases``). As versões de
uma coluna que ninguém substituiu são as *cabeças*: uma só — o valor na tabela; duas ou mais —
alterações concorrentes, todas guardadas em ``sync_conflitos`` e o registro marcado; o valor na tabela
é o da cabeça de maior HLC (a mesma escolha em toda réplica). A exclusão é uma alteração da pseudo-coluna
``_existe`` que substitui também cada coluna do registro: uma edição concorrente com uma exclusão vira
conflito, nunca some.

Tudo aqui é SQL sobre a transação de quem chama; a permissão e o diário são do serviço.
"""
from __future__ import annotations

import base64
import hashlib
import json
import time

from .erros import ErroBase
from desktop.rules import formato

EXISTE = "_existe"
ESQUEMAS = ("main", "sigilo")
_NAO_SINCRONIZADAS = {"diario", "sync_local", "sync_alteracoes", "sync_campos",
                      "sync_conflitos", "sync_confirmadas"}
_COLUNAS: dict[tuple[str, str], tuple[str, list[str]] | None] = {}
CHAVE_COMO_ID = frozenset({"cert_curso_turmas", "cert_sistec_codigos"})
"""Tabelas cujo id é a própria chave composta (migração 0027), igual em toda réplica: uma linha gravada antes de a
tabela viajar e nunca capturada vai inteira (como inclusão) na primeira alteração; quem já a tem recebe só os
campos em que a alteração vence (``aplicar_recebida``), quem não tem a cria."""
SO_O_ULTIMO = frozenset({"atualizado_em"})
"""Colunas de controle que toda edição carimba: valem a de maior HLC, sem conflito (senão, duas máquinas que
editam campos diferentes do mesmo registro entrariam em conflito só pelo carimbo)."""


# -- valores ------------------------------------------------------------------------------------
def _para_json(valor):
    if isinstance(valor, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(valor)).decode()}
    raise TypeError(f"valor não serializável: {type(valor).__name__}")


def _de_json(obj):
    if len(obj) == 1 and "$b64" in obj:
        return base64.b64decode(obj["$b64"])
    return obj


def codificar(valor) -> str:
    return json.dumps(valor, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_para_json)


def decodificar(texto: str):
    return json.loads(texto, object_hook=_de_json)


# -- relógio lógico híbrido ---------------------------------------------------------------------
def _ms() -> int:
    return int(time.time() * 1000)


def hlc(ms: int, c: int) -> str:
    return f"{ms:013d}.{c:06d}"


def ler_hlc(texto: str) -> tuple[int, int]:
    ms, c = texto.split(".")
    return int(ms), int(c)


def avancar(anterior: str, recebido: str | None = None) -> str:
    """O próximo HLC: evento local (``recebido`` None) ou recebimento de um HLC de outra réplica."""
    l0, c0 = ler_hlc(anterior)
    agora = _ms()
    if recebido is None:
        ms = max(l0, agora)
        return hlc(ms, c0 + 1 if ms == l0 else 0)
    lr, cr = ler_hlc(recebido)
    ms = max(l0, lr, agora)
    if ms == l0 == lr:
        c = max(c0, cr) + 1
    elif ms == l0:
        c = c0 + 1
    elif ms == lr:
        c = cr + 1
    else:
        c = 0
    return hlc(ms, c)


def hlc_inicial() -> str:
    return hlc(_ms(), 0)


# -- tabelas ------------------------------------------------------------------------------------
def colunas(db, esquema: str, tabela: str) -> tuple[str, list[str]] | None:
    """(coluna da chave, colunas) de uma tabela sincronizável; None se não se sincroniza (chave que não
    é uma coluna TEXT só, tabela do sistema ou do diário)."""
    chave = (esquema, tabela)
    if chave not in _COLUNAS:
        info = None
        if tabela not in _NAO_SINCRONIZADAS and tabela.isidentifier():
            linhas = db.execute(f'PRAGMA {esquema}.table_info("{tabela}")').fetchall()
            pks = [l for l in linhas if l[5]]
            if len(pks) == 1 and (pks[0][2] or "").upper() == "TEXT":
                info = (pks[0][1], [l[1] for l in linhas])
        _COLUNAS[chave] = info
    return _COLUNAS[chave]


def sincronizaveis(db, esquema: str) -> list[str]:
    nomes = [r[0] for r in db.execute(
        f"SELECT name FROM {esquema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [n for n in nomes if colunas(db, esquema, n)]


# -- a réplica desta máquina --------------------------------------------------------------------
def local(db) -> tuple[str, str] | None:
    """(replica_id, hlc) desta máquina, ou None se a base não é uma réplica.

    O relógio é o maior entre o de ``main.sync_local`` e o da última alteração desta réplica no arquivo
    sigiloso, se anexado: uma transação que só grava no sigilo (um caso do Conselho) guarda o relógio lá,
    na própria alteração, sem tocar a base geral (ver ``capturar``)."""
    linha = db.execute("SELECT replica_id, hlc FROM main.sync_local WHERE id = 1").fetchone()
    if not linha:
        return None
    replica, relogio = linha
    try:
        ultima = db.execute("SELECT hlc FROM sigilo.sync_alteracoes WHERE origem = ? ORDER BY contador DESC "
                            "LIMIT 1", [replica]).fetchone()
    except Exception as e:  # sigilo não anexado (sessão sem a chave): só o relógio da base geral
        if "no such table" not in str(e):
            raise
        ultima = None
    if ultima and ultima[0] > relogio:  # HLC de largura fixa: a ordem do texto é a do relógio
        relogio = ultima[0]
    return replica, relogio


def faixa_de_numeros(db, tamanho: int) -> tuple[int, int]:
    """(primeiro, último) número que esta base pode emitir numa série: a réplica de faixa k emite de
    k·tamanho + 1 a (k+1)·tamanho, e duas réplicas nunca dão o mesmo número (issue 15, item 4); fora de
    uma réplica, sem limite."""
    linha = db.execute("SELECT r.faixa FROM main.sync_local l JOIN main.sync_replicas r ON r.id = l.replica_id"
                       ).fetchone()
    if linha is None:
        return 1, 1 << 62
    return linha[0] * tamanho + 1, (linha[0] + 1) * tamanho


def marcar_restaurada(db, momento: str) -> bool:
    """Marca esta réplica como restaurada de uma cópia de segurança, se o órgão tem outra réplica ativa (sozinha,
    ninguém mais tem os contadores nem os números dela). Devolve se marcou. SQL na transação de quem chama."""
    linha = db.execute("SELECT replica_id FROM main.sync_local WHERE id = 1").fetchone()
    if linha is None or not db.execute("SELECT 1 FROM main.sync_replicas WHERE ativa = 1 AND id <> ?",
                                       [linha[0]]).fetchone():
        return False
    db.execute("UPDATE main.sync_local SET restaurada_em = ? WHERE id = 1", [momento])
    return True


def restaurada(db) -> tuple[str, str] | None:
    """(nome desta réplica, quando foi restaurada) se esta base é a restauração de uma cópia de uma réplica e
    ainda não foi juntada com um convite; senão None."""
    linha = db.execute("SELECT coalesce(r.nome, l.replica_id), l.restaurada_em FROM main.sync_local l "
                       "LEFT JOIN main.sync_replicas r ON r.id = l.replica_id "
                       "WHERE l.id = 1 AND l.restaurada_em IS NOT NULL").fetchone()
    return (linha[0], linha[1]) if linha else None


def mensagem_restaurada(db, ato: str) -> str | None:
    """A recusa de ``ato`` numa réplica restaurada e ainda não juntada (None se não é o caso)."""
    quem = restaurada(db)
    if quem is None:
        return None
    return (f"{ato}: esta base é uma cópia de segurança da réplica {quem[0]} restaurada em {formato.data(quem[1])}, e não "
            "sabe o que a máquina original fez depois da cópia (pacotes enviados, números emitidos, atos únicos). "
            "Antes de trocar pacotes, numerar ou fazer atos únicos, um administrador junta esta máquina com um "
            "convite (Administração › Sincronização › Juntar esta máquina com um convite…). Se ela substitui a "
            f"máquina original, remova {quem[0]} numa outra réplica (Remover réplica) e convide esta.")


def proximo_da_faixa(db, tabela: str, onde: str, params: list, rotulo: str, *, tamanho: int) -> int:
    """O próximo número da série (``onde``) dentro da faixa desta réplica (recusado numa réplica restaurada e
    ainda não juntada: a original pode ter emitido os números seguintes depois da cópia)."""
    if (recusa := mensagem_restaurada(db, f"Numerar {rotulo}")) is not None:
        raise ErroBase(recusa)
    primeiro, ultimo = faixa_de_numeros(db, tamanho)
    n = db.execute(f"SELECT coalesce(max(numero), ?) + 1 FROM {tabela} WHERE {onde} AND numero BETWEEN ? AND ?",
                   [primeiro - 1, *params, primeiro, ultimo]).fetchone()[0]
    if n > ultimo:
        raise ErroBase(f"Esta máquina já emitiu todos os números da sua faixa para {rotulo} "
                       f"({primeiro} a {ultimo}); peça à sede uma faixa nova.")
    return n


def replica_designada(db) -> tuple[str, str] | None:
    """(id, nome) da réplica designada para os atos únicos: a designada por último (maior ``designada_hlc``);
    sem designação, ou se a designada foi removida, a sede (faixa 0) — ou, se a sede também foi removida, a
    réplica ativa de menor faixa (a mesma em toda máquina). None fora de uma réplica."""
    linha = db.execute("SELECT id, nome, ativa FROM main.sync_replicas WHERE designada_hlc IS NOT NULL "
                       "ORDER BY designada_hlc DESC, id DESC LIMIT 1").fetchone()
    if linha is None or not linha[2]:  # nenhuma designação, ou a designada foi removida: volta à sede
        linha = db.execute("SELECT id, nome FROM main.sync_replicas WHERE ativa = 1 ORDER BY faixa, criada_em "
                           "LIMIT 1").fetchone()
    return (linha[0], linha[1]) if linha else None


def designada(db) -> tuple[str, str] | None:
    """None se esta base pode fazer os atos únicos do órgão (não é réplica, ou é a designada); senão (nome da
    designada, nome desta réplica)."""
    linha = db.execute("SELECT r.id, r.nome FROM main.sync_local l JOIN main.sync_replicas r ON r.id = l.replica_id"
                       ).fetchone()
    if linha is None:
        return None
    quem = replica_designada(db)
    if quem is not None and quem[0] == linha[0]:
        return None
    return (quem[1] if quem else "a sede"), linha[1]


def designar(db, replica_id: str) -> str:
    """Marca ``replica_id`` como a designada, com o próximo HLC desta máquina (maior que o de toda designação
    que ela já viu). Devolve o HLC gravado. SQL na transação de quem chama (o serviço registra no diário)."""
    valor = avancar(local(db)[1])
    db.execute("UPDATE main.sync_replicas SET designada_hlc = ? WHERE id = ?", [valor, replica_id])
    gravar_hlc(db, valor)
    return valor


def gravar_hlc(db, valor: str) -> None:
    db.execute("UPDATE main.sync_local SET hlc = ? WHERE id = 1 AND hlc < ?", [valor, valor])


def _proximo_contador(db, esquema: str, origem: str) -> int:
    linha = db.execute(f"SELECT max(contador) FROM {esquema}.sync_alteracoes WHERE origem = ?", [origem]).fetchone()
    return (linha[0] or 0) + 1


# -- versões por campo --------------------------------------------------------------------------
def _valor_da(alteracao: dict, coluna: str) -> dict:
    """O valor que uma alteração dá a uma coluna (a exclusão dá "excluído")."""
    if alteracao["acao"] == "excluir" and coluna != EXISTE:
        return {"excluido": True, "valor": None}
    return {"excluido": False, "valor": alteracao["valores"].get(coluna)}


def _detalhe(db, esquema: str, versao: str, coluna: str) -> dict:
    origem, contador = versao.rsplit(":", 1)
    linha = db.execute(f"SELECT hlc, acao, valores, usuario FROM {esquema}.sync_alteracoes "
                       "WHERE origem = ? AND contador = ?", [origem, int(contador)]).fetchone()
    alt = {"acao": linha[1], "valores": decodificar(linha[2])}
    return {"versao": versao, "hlc": linha[0], "origem": origem, "usuario": linha[3], **_valor_da(alt, coluna)}


def versoes_atuais(db, esquema: str, tabela: str, registro_id: str) -> dict[str, str]:
    return dict(db.execute(f"SELECT coluna, versao FROM {esquema}.sync_campos WHERE tabela = ? AND registro_id = ?",
                           [tabela, registro_id]).fetchall())


def _iguais(cabecas: list[dict]) -> bool:
    """Cabeças concorrentes que gravaram o mesmo valor: não há o que decidir (não aparece como conflito)."""
    return len({codificar([c["excluido"], c["valor"]]) for c in cabecas}) == 1


def bases_locais(db, esquema: str, tabela: str, registro_id: str) -> dict[str, list[str]]:
    """O que uma escrita local substitui, por coluna: a versão vencedora; se a coluna tem várias cabeças
    com o mesmo valor, todas (ninguém precisa decidir); se tem um conflito de verdade, só a vencedora —
    editar o valor mostrado não decide o conflito em silêncio."""
    bases = {c: [v] for c, v in versoes_atuais(db, esquema, tabela, registro_id).items()}
    for coluna, cabecas in db.execute(f"SELECT coluna, cabecas FROM {esquema}.sync_conflitos "
                                      "WHERE tabela = ? AND registro_id = ?", [tabela, registro_id]).fetchall():
        cabecas = json.loads(cabecas)
        if _iguais(cabecas):
            bases[coluna] = [c["versao"] for c in cabecas]
    return bases


def aplicar_versoes(db, esquema: str, alt: dict) -> set[str]:
    """Põe a alteração ``alt`` nas cabeças de cada coluna que ela toca; devolve as colunas em que ela é
    agora a vencedora (o valor que a tabela deve ter). Atualiza ``sync_campos`` e ``sync_conflitos``."""
    versao = f"{alt['origem']}:{alt['contador']}"
    tabela, rid = alt["tabela"], alt["registro_id"]
    atuais = {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT coluna, versao, hlc FROM {esquema}.sync_campos WHERE tabela = ? AND registro_id = ?", [tabela, rid])}
    conflitos = {r[0]: json.loads(r[1]) for r in db.execute(
        f"SELECT coluna, cabecas FROM {esquema}.sync_conflitos WHERE tabela = ? AND registro_id = ?", [tabela, rid])}
    ganhou: set[str] = set()
    for coluna, bases in alt["bases"].items():
        if coluna in conflitos:
            cabecas = conflitos[coluna]
        elif coluna in atuais:
            cabecas = [{"versao": atuais[coluna][0], "hlc": atuais[coluna][1]}]
        else:
            cabecas = []
        minha = {"versao": versao, "hlc": alt["hlc"], "origem": alt["origem"], "usuario": alt["usuario"],
                 **_valor_da(alt, coluna)}
        novas = [c for c in cabecas if c["versao"] not in bases] + [minha]
        vencedora = max(novas, key=lambda c: (c["hlc"], c["versao"]))
        if vencedora is minha:
            ganhou.add(coluna)
        db.execute(f"INSERT INTO {esquema}.sync_campos (tabela, registro_id, coluna, versao, hlc) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT (tabela, registro_id, coluna) DO UPDATE SET versao = excluded.versao, hlc = excluded.hlc",
                   [tabela, rid, coluna, vencedora["versao"], vencedora["hlc"]])
        if coluna in SO_O_ULTIMO:
            novas = [vencedora]  # carimbo de controle: o maior HLC vale, sem conflito (o máximo não depende da ordem)
        if len(novas) > 1:  # todas guardadas (mesmo com valores iguais: o conjunto não depende da ordem)
            novas = [c if "valor" in c else _detalhe(db, esquema, c["versao"], coluna) for c in novas]
            novas.sort(key=lambda c: (c["hlc"], c["versao"]))
            db.execute(f"INSERT INTO {esquema}.sync_conflitos (tabela, registro_id, coluna, cabecas) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (tabela, registro_id, coluna) DO UPDATE SET cabecas = excluded.cabecas",
                       [tabela, rid, coluna, codificar(novas)])
        elif coluna in conflitos:
            db.execute(f"DELETE FROM {esquema}.sync_conflitos WHERE tabela = ? AND registro_id = ? AND coluna = ?",
                       [tabela, rid, coluna])
    return ganhou


def gravar_alteracao(db, esquema: str, alt: dict) -> bool:
    """Guarda a alteração no registro; False se ela já estava lá (pacote repetido)."""
    cur = db.execute(
        f"INSERT OR IGNORE INTO {esquema}.sync_alteracoes (origem, contador, hlc, tabela, registro_id, acao, valores, "
        "bases, usuario) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [alt["origem"], alt["contador"], alt["hlc"], alt["tabela"], alt["registro_id"], alt["acao"],
         codificar(alt["valores"]), codificar(alt["bases"]), alt["usuario"]])
    return cur.rowcount == 1


# -- captura das alterações locais (chamada por Sessao.mudanca, dentro da transação) -------------
def capturar(db, capturas: list[tuple[str, str, str, str, object]], usuario: str) -> None:
    """Registra as alterações locais da transação: ``capturas`` são (esquema, tabela, registro_id, acao,
    depois) na ordem do diário. Os valores são lidos da própria tabela (o diário pode resumir)."""
    eu = local(db)
    if eu is None or not capturas:
        return
    replica, relogio = eu
    juntas: dict[tuple[str, str, str], list] = {}
    for esquema, tabela, rid, acao, depois in capturas:
        if acao not in ("inserir", "alterar", "excluir") or colunas(db, esquema, tabela) is None:
            continue
        chave = (esquema, tabela, rid)
        campos = set(depois) if isinstance(depois, dict) and acao == "alterar" else None
        if chave not in juntas:
            juntas[chave] = [acao, campos]
            continue
        anterior = juntas[chave]
        if acao == "excluir":
            anterior[:] = [None, None] if anterior[0] == "inserir" else ["excluir", None]
        elif anterior[0] == "alterar" and acao == "alterar":
            anterior[1] = None if anterior[1] is None or campos is None else anterior[1] | campos
        elif anterior[0] is None or anterior[0] == "excluir":
            anterior[:] = [acao, campos]
    contadores: dict[str, int] = {}
    for (esquema, tabela, rid), (acao, campos) in juntas.items():
        if acao is None:
            continue
        pk, cols = colunas(db, esquema, tabela)
        linha = db.execute(f'SELECT * FROM {esquema}."{tabela}" WHERE "{pk}" = ?', [rid]).fetchone()
        versoes = bases_locais(db, esquema, tabela, rid)
        if acao == "excluir" or linha is None:
            if linha is not None:
                continue  # excluída e reposta na mesma transação: fica como está
            acao, valores = "excluir", {EXISTE: 0}
            tocadas = [EXISTE] + [c for c in cols if c != pk]
        else:
            atual = dict(zip(cols, linha))
            if EXISTE not in versoes and (acao == "inserir" or tabela in CHAVE_COMO_ID):
                valores = {**atual, EXISTE: 1}
            else:
                acao = "alterar"
                escolhidas = (campos & set(cols)) if campos else set(cols)
                valores = {c: atual[c] for c in sorted(escolhidas - {pk})}
                if not valores:
                    continue
            tocadas = list(valores)
        bases = {c: versoes.get(c, []) for c in tocadas}
        relogio = avancar(relogio)
        if esquema not in contadores:
            contadores[esquema] = _proximo_contador(db, esquema, replica)
        alt = {"origem": replica, "contador": contadores[esquema], "hlc": relogio, "tabela": tabela,
               "registro_id": rid, "acao": acao, "valores": valores, "bases": bases, "usuario": usuario}
        contadores[esquema] += 1
        gravar_alteracao(db, esquema, alt)
        aplicar_versoes(db, esquema, alt)
    if "main" in contadores:
        # Só com alteração na base geral: numa transação só do sigilo, o relógio fica na última alteração
        # gravada lá (``local`` o lê), e a base geral não entra no commit — um arquivo, um fsync, e nada
        # de transação em dois arquivos (no WAL, atômica em cada um, não nos dois juntos).
        gravar_hlc(db, relogio)


def registrar_decisao(db, esquema: str, tabela: str, rid: str, coluna: str, escolhida: dict,
                      cabecas: list[dict], usuario: str) -> dict:
    """A decisão de um conflito: uma alteração local que substitui todas as cabeças da coluna pelo
    valor escolhido (ou, escolhida a exclusão, que exclui de novo). Propaga-se como as outras."""
    replica, relogio = local(db)
    relogio = avancar(relogio)
    bases = {coluna: [c["versao"] for c in cabecas]}
    if escolhida["excluido"]:
        acao, valores = "excluir", {EXISTE: 0}
        bases[EXISTE] = bases_locais(db, esquema, tabela, rid).get(EXISTE, [])
    else:
        acao, valores = "decidir", {coluna: escolhida["valor"]}
    alt = {"origem": replica, "contador": _proximo_contador(db, esquema, replica), "hlc": relogio,
           "tabela": tabela, "registro_id": rid, "acao": acao, "valores": valores, "bases": bases,
           "usuario": usuario}
    gravar_alteracao(db, esquema, alt)
    aplicar_versoes(db, esquema, alt)
    gravar_hlc(db, relogio)
    return alt


# -- vetores de versões -------------------------------------------------------------------------
def vetor(db, esquema: str) -> dict[str, int]:
    """Para cada réplica de origem, até que contador esta réplica tem as alterações (prefixo contínuo)."""
    return dict(db.execute(f"SELECT origem, max(contador) FROM {esquema}.sync_alteracoes GROUP BY origem").fetchall())


def confirmadas(db, esquema: str, replica: str) -> dict[str, int]:
    return dict(db.execute(f"SELECT origem, contador FROM {esquema}.sync_confirmadas WHERE replica_id = ?",
                           [replica]).fetchall())


def confirmar(db, esquema: str, replica: str, vet: dict[str, int]) -> None:
    for origem, contador in vet.items():
        db.execute(f"INSERT INTO {esquema}.sync_confirmadas (replica_id, origem, contador) VALUES (?, ?, ?) "
                   "ON CONFLICT (replica_id, origem) DO UPDATE SET contador = max(contador, excluded.contador)",
                   [replica, origem, int(contador)])


def pendentes(db, esquema: str, replica: str) -> list[dict]:
    """As alterações que a réplica ``replica`` ainda não confirmou, em ordem de HLC."""
    ja = confirmadas(db, esquema, replica)
    saida = []
    for origem in vetor(db, esquema):
        for r in db.execute(f"SELECT origem, contador, hlc, tabela, registro_id, acao, valores, bases, usuario "
                            f"FROM {esquema}.sync_alteracoes WHERE origem = ? AND contador > ?", [origem, ja.get(origem, 0)]):
            saida.append({"origem": r[0], "contador": r[1], "hlc": r[2], "tabela": r[3], "registro_id": r[4],
                          "acao": r[5], "valores": decodificar(r[6]), "bases": decodificar(r[7]), "usuario": r[8]})
    saida.sort(key=lambda a: (a["hlc"], a["origem"], a["contador"]))
    return saida


# -- aplicar uma alteração recebida -------------------------------------------------------------
def aplicar_recebida(db, esquema: str, alt: dict) -> tuple[str, dict | None, dict | None] | None:
    """Guarda e aplica uma alteração de outra réplica. Devolve (acao, antes, depois) do que mudou na
    tabela — para o diário desta réplica — ou None (repetida, ou perdeu para outra versão)."""
    info = colunas(db, esquema, alt["tabela"])
    if info is None:
        raise ValueError(f"tabela {alt['tabela']} não se sincroniza nesta versão")
    if not gravar_alteracao(db, esquema, alt):
        return None
    pk, cols = info
    ganhou = aplicar_versoes(db, esquema, alt)
    if not ganhou:
        return None
    tabela, rid = f'{esquema}."{alt["tabela"]}"', alt["registro_id"]
    linha = db.execute(f'SELECT * FROM {tabela} WHERE "{pk}" = ?', [rid]).fetchone()
    antes = dict(zip(cols, linha)) if linha else None
    if EXISTE in ganhou:
        if alt["valores"][EXISTE] == 0:
            if linha is not None:
                db.execute(f'DELETE FROM {tabela} WHERE "{pk}" = ?', [rid])
                return "excluir", antes, None
            return None
        valores = {c: v for c, v in alt["valores"].items() if c in cols}
        if linha is not None:
            # Inclusão concorrente do MESMO id nas duas máquinas (tabelas cujo id é a chave composta, migração
            # 0027): a linha já existe aqui; a recebida vence só nos campos em que vence, como numa edição.
            mudar = {c: valores[c] for c in ganhou if c in valores and c != pk}
            if not mudar:
                return None
            db.execute(f'UPDATE {tabela} SET {", ".join(chr(34) + c + chr(34) + " = ?" for c in mudar)} '
                       f'WHERE "{pk}" = ?', [*mudar.values(), rid])
            return "alterar", {c: antes[c] for c in mudar}, mudar
        nomes = list(valores)
        db.execute(f'INSERT INTO {tabela} ({", ".join(chr(34) + n + chr(34) for n in nomes)}) '
                   f'VALUES ({", ".join("?" for _ in nomes)})', [valores[n] for n in nomes])
        return "inserir", None, valores
    if linha is None:
        return None  # o registro está excluído aqui: a edição fica guardada (e no conflito, se houver)
    mudar = {c: alt["valores"][c] for c in ganhou if c in alt["valores"] and c in cols}
    if not mudar:
        return None
    db.execute(f'UPDATE {tabela} SET {", ".join(chr(34) + c + chr(34) + " = ?" for c in mudar)} WHERE "{pk}" = ?',
               [*mudar.values(), rid])
    return "alterar", {c: antes[c] for c in mudar}, mudar


# -- conferência --------------------------------------------------------------------------------
def somas(db, esquema: str) -> list[tuple[str, int, str]]:
    """(tabela, linhas, SHA-256) de cada tabela sincronizável e dos conflitos, para comparar réplicas."""
    saida = []
    for tabela in sincronizaveis(db, esquema) + ["sync_conflitos"]:
        pk = colunas(db, esquema, tabela)[0] if tabela != "sync_conflitos" else "tabela, registro_id, coluna"
        h, n = hashlib.sha256(), 0
        for linha in db.execute(f'SELECT * FROM {esquema}."{tabela}" ORDER BY {pk}'):
            h.update(codificar(list(linha)).encode())
            n += 1
        saida.append((tabela, n, h.hexdigest()))
    return saida


def conflitos(db, esquema: str) -> list[dict]:
    """Os conflitos de verdade: colunas com cabeças concorrentes de valores diferentes."""
    saida = [{"esquema": esquema, "tabela": r[0], "registro_id": r[1], "coluna": r[2], "cabecas": decodificar(r[3])}
             for r in db.execute(f"SELECT tabela, registro_id, coluna, cabecas FROM {esquema}.sync_conflitos "
                                 "ORDER BY tabela, registro_id, coluna")]
    return [c for c in saida if not _iguais(c["cabecas"])]
