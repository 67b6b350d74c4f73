"""Atendimentos (SIPIA CT): registrar com tudo numa transação, ler e listar com sigilo e diário de leitura.

Sigilo: ``comum.exigir_conteudo`` (conselheiros em exercício e consulta do MP e do juízo, art. 21 §4º;
impedido ou suspeito fora, art. 44). Toda leitura — o caso aberto, a lista, a busca — entra no diário.
Registro: sem criança, com nascimento impossível, medida fora do ECA ou direito/agente desconhecido é
recusado antes de gravar; nada fica pela metade. Medida tomada no plantão vira decisão emergencial com
ratificação no primeiro dia útil (art. 21 §1º) e comunicação em 48 horas (§2º).
"""
from __future__ import annotations

from datetime import date, datetime

from desktop.rules.conselho import atendimentos as regra
from desktop.rules.conselho import prazos as regra_prazos
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import atendimentos as armazem
from desktop.store.conselho import sipia
from desktop.store.sigilo import ESQUEMA as ESQUEMA_SIGILO
from desktop.store.ids import agora, novo_id

from .. import parametros
from ..sessao import ErroNegocio, Mudanca, Sessao
from .comum import agora_local, dia_util, exigir_conteudo, iso_local, registrar_leitura

EDITAR = Permissao.CONSELHO_CASOS_EDITAR


def _data(valor, campo: str) -> date | None:
    if valor in (None, ""):
        return None
    if isinstance(valor, datetime):
        return valor.date()
    if isinstance(valor, date):
        return valor
    try:
        return date.fromisoformat(str(valor))
    except ValueError:
        raise EntradaInvalida(f"{campo}: data inválida ({valor!r}); use dd/mm/aaaa.") from None


def _momento(valor, campo: str) -> datetime:
    if isinstance(valor, datetime):
        return valor.replace(second=0, microsecond=0, tzinfo=None)
    try:
        return datetime.fromisoformat(str(valor)).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        raise EntradaInvalida(f"{campo}: data e hora inválidas ({valor!r}).") from None


def tabela_sipia():
    """A tabela de direitos violados do SIPIA CT (dado do programa, com a fonte): para as listas da tela."""
    return sipia.taxonomia()


def validar_violacao(v: dict) -> dict:
    """Direito violado pela tabela do SIPIA CT (direito específico, que diz o grupo e o direito fundamental)
    e o agente violador (ECA, art. 98); devolve a linha pronta (sem id)."""
    if not (v.get("especifico") or "").strip():
        raise EntradaInvalida("Escolha o direito violado na tabela do SIPIA CT: direito fundamental, grupo e direito "
                              "específico.")
    e = sipia.taxonomia().validar(v["especifico"])
    if v.get("agente") not in regra.AGENTES:
        raise EntradaInvalida("Agente violador desconhecido: escolha um da lista (ECA, art. 98).")
    return {"direito": e.direito, "grupo": e.grupo, "especifico": e.codigo, "agente": v["agente"],
            "descricao": (v.get("descricao") or "").strip()}


def _conferir_faixas(violacoes: list[dict], nascimentos: list[str | None], fato_em: date) -> None:
    """Cada violação cabe na faixa etária do seu grupo no SIPIA CT para ao menos uma criança do caso (idade na
    data do fato); recusa com a faixa nomeada. Nascimentos em ISO ou None (não informado)."""
    tab = sipia.taxonomia()
    idades = [regra.idade(date.fromisoformat(n), fato_em) if n else None for n in nascimentos]
    for v in violacoes:
        if v.get("especifico"):
            tab.conferir_faixa(v["especifico"], idades)


def validar_crianca(x: dict, fato_em: date) -> dict:
    """Nome, nascimento possível, sexo e a filiação (mãe, pai, responsável — ECA, art. 101 §3º, I)."""
    cr = regra.validar_crianca(regra.Crianca(x.get("nome", ""), _data(x.get("nascimento"), "Nascimento"),
                                             x.get("sexo")), fato_em)
    return {"nome": cr.nome, "nascimento": cr.nascimento.isoformat() if cr.nascimento else None, "sexo": cr.sexo,
            **{k: " ".join((x.get(k) or "").split()) for k in ("mae", "pai", "responsavel")}}


def validar_familiar(f: dict) -> dict:
    nome = " ".join((f.get("nome") or "").split())
    if len(nome) < 2:
        raise EntradaInvalida("Informe o nome do familiar.")
    return {"nome": nome, **{k: (f.get(k) or "").strip() for k in ("vinculo", "telefone", "endereco")}}


def validar_medidas(medidas: list[dict], n_criancas: int) -> list[dict]:
    saida = []
    for md in medidas or []:
        codigo = regra.validar_medida(md.get("codigo", ""))
        indice = md.get("crianca")
        if indice is not None and not (isinstance(indice, int) and 0 <= indice < n_criancas):
            raise EntradaInvalida("A medida indica uma criança que não está no registro.")
        saida.append({"codigo": codigo, "destinatario": (md.get("destinatario") or "").strip(), "crianca": indice})
    return saida


def _decisao(m: Mudanca, sessao: Sessao, atendimento_id: str, descricao: str, motivacao: str,
             decidida_em: datetime, emergencial: bool, conselheiro_id: str | None) -> dict:
    util = dia_util(m.db)
    dia = decidida_em.date()
    exp, prazos = (parametros.vigente(sessao, "conselho_expediente", dia),
                   parametros.vigente(sessao, "conselho_prazos", dia))
    linha = {"id": novo_id(), "atendimento_id": atendimento_id, "descricao": descricao.strip(),
             "motivacao": motivacao.strip(), "decidida_em": iso_local(decidida_em), "emergencial": int(emergencial),
             "ratificar_ate": regra_prazos.ratificar_ate(decidida_em, util, exp, prazos).isoformat() if emergencial else None,
             "colegiado_em": None, "colegiado": None, "retificacao": None,
             "comunicar_ate": iso_local(regra_prazos.comunicar_ate(decidida_em, util, exp, prazos)),
             "comunicada_em": None, "comunicada_a": None, "conselheiro_id": conselheiro_id, "criado_em": agora()}
    m.inserir("conselho_decisoes", linha)
    return linha


def _validar_decisao(descricao: str, motivacao: str) -> None:
    if not (descricao or "").strip():
        raise EntradaInvalida("Descreva a decisão do colegiado (o que foi decidido).")
    if not (motivacao or "").strip():
        raise EntradaInvalida("As decisões são motivadas (Lei 320/2023, art. 21 §2º): escreva a motivação.")


def registrar_atendimento(sessao: Sessao, dados: dict) -> dict:
    """Grava um registro completo numa transação e devolve-o lido de volta.

    ``dados``: tipo ('informacao' | 'denuncia' | 'atendimento'), recebido_em (datetime), origem, relato,
    bairro, plantao (bool), criancas [{nome, nascimento, sexo, mae, pai, responsavel}] (ao menos uma),
    familiares [{nome, vinculo, telefone, endereco}], violacoes [{especifico (código SIPIA CT), agente, descricao}], medidas [{codigo ('101-II'),
    destinatario, crianca (índice)}], decisao {descricao, motivacao} — obrigatória se houver medidas.
    """
    c = exigir_conteudo(sessao, editar=True)
    tipo = regra.validar_tipo(dados.get("tipo", ""))
    recebido = _momento(dados.get("recebido_em") or agora_local(), "Recebido em")
    if recebido.date() > date.today():
        raise EntradaInvalida("A data do registro está no futuro; confira.")
    criancas_in = dados.get("criancas") or []
    if not criancas_in:
        raise EntradaInvalida("Informe ao menos uma criança ou adolescente no registro (nome e, se souber, a data de "
                              "nascimento).")
    criancas = [validar_crianca(x, recebido.date()) for x in criancas_in]
    violacoes = [validar_violacao(v) for v in dados.get("violacoes") or []]
    _conferir_faixas(violacoes, [cr["nascimento"] for cr in criancas], recebido.date())
    medidas = validar_medidas(dados.get("medidas") or [], len(criancas))
    decisao = dados.get("decisao")
    if medidas and not decisao:
        raise EntradaInvalida("Medidas são decisões do colegiado (art. 21): informe a descrição e a motivação da decisão.")
    if decisao:
        _validar_decisao(decisao.get("descricao", ""), decisao.get("motivacao", ""))
    familiares = [validar_familiar(f) for f in dados.get("familiares") or [] if (f.get("nome") or "").strip()]
    plantao = bool(dados.get("plantao"))
    with sessao.mudanca(EDITAR) as m:
        momento = agora()
        numero = armazem.proximo_numero(m.db, recebido.year)
        at = {"id": novo_id(), "busca_rowid": armazem.chave_de_ordem(recebido, numero),
              "numero": numero, "ano": recebido.year,
              "tipo": tipo, "recebido_em": iso_local(recebido), "origem": (dados.get("origem") or "").strip(),
              "relato": (dados.get("relato") or "").strip(), "bairro": " ".join((dados.get("bairro") or "").split()),
              "situacao": "aberto", "plantao": int(plantao), "registrado_por": c["id"] if c else None,
              "criado_em": momento, "atualizado_em": momento}
        m.inserir("conselho_atendimentos", at)
        ids_criancas = []
        for cr in criancas:
            linha = {"id": novo_id(), "atendimento_id": at["id"], **cr}
            m.inserir("conselho_criancas", linha)
            ids_criancas.append(linha["id"])
        for f in familiares:
            linha = {"id": novo_id(), "atendimento_id": at["id"], **f}
            m.inserir("conselho_familiares", linha)
        for v in violacoes:
            linha = {"id": novo_id(), "atendimento_id": at["id"], **v}
            m.inserir("conselho_violacoes", linha)
        if decisao:
            d = _decisao(m, sessao, at["id"], decisao["descricao"], decisao["motivacao"], recebido, plantao,
                         c["id"] if c else None)
            inserir_medidas(m, at["id"], d["id"], medidas, ids_criancas, recebido)
        armazem.indexar_novo(m.db, at["busca_rowid"], [cr["nome"] for cr in criancas] + [f["nome"] for f in familiares],
                             at["bairro"])
    # O caso lido de volta para a tela: as filhas que um caso novo não tem sem consulta.
    return armazem.completo(sessao.db, at["id"], vazias=_VAZIAS_NUM_CASO_NOVO - (
        {"conselho_decisoes", "conselho_medidas"} if decisao else set()))


_VAZIAS_NUM_CASO_NOVO = frozenset(armazem.FILHAS) - {"conselho_criancas", "conselho_familiares", "conselho_violacoes"}


def inserir_medidas(m: Mudanca, atendimento_id: str, decisao_id: str, medidas: list[dict], ids_criancas: list[str],
                    momento: datetime) -> None:
    for md in medidas:
        linha = {"id": novo_id(), "atendimento_id": atendimento_id, "decisao_id": decisao_id,
                 "crianca_id": ids_criancas[md["crianca"]] if md["crianca"] is not None else None,
                 "codigo": md["codigo"], "destinatario": md["destinatario"], "aplicada_em": iso_local(momento)}
        m.inserir("conselho_medidas", linha)


def obter_atendimento(sessao: Sessao, atendimento_id: str) -> dict:
    """O caso completo (crianças, família, violações, decisões, medidas, requisições...). Leitura no diário."""
    exigir_conteudo(sessao, atendimento_id)
    a = armazem.completo(sessao.db, atendimento_id)
    if a is None:
        raise ErroNegocio("Atendimento não encontrado.")
    registrar_leitura(sessao, atendimento_id, {"acao": "abrir", "numero": f"{a['numero']}/{a['ano']}"})
    return a


def listar_atendimentos(sessao: Sessao, *, busca: str | None = None, campo: str = "nomes",
                        situacao: str | None = None, limite: int = 200, deslocamento: int = 0,
                        apos: int | None = None, diario_depois: bool = False) -> list[dict]:
    """Página da lista de casos (mais recentes primeiro), com busca por nome ou bairro (``campo``).
    O impedido não vê os casos em que declarou impedimento. Cada linha traz ``ordem``; a página seguinte é a
    pedida com ``apos`` = a ``ordem`` da última linha vista (por chave: tão rápida longe do topo quanto no topo;
    ``deslocamento`` conta as linhas de antes). A consulta vai ao diário, cada página; com ``diario_depois`` (a
    busca da tela), pela thread de gravações da sessão, sem esperar o disco."""
    c = exigir_conteudo(sessao)
    if campo not in ("nomes", "bairro"):
        raise EntradaInvalida("A busca é por nome ou por bairro.")
    linhas = armazem.listar(sessao.db, busca=busca, campo=campo, situacao=situacao, excluir_de=c["id"] if c else None,
                            limite=limite, deslocamento=deslocamento, apos=apos)
    detalhe = {"acao": "listar", "busca": busca, "campo": campo, "situacao": situacao,
               "deslocamento": deslocamento, "resultados": len(linhas)}
    if apos is not None:
        detalhe["apos"] = apos
    registrar_leitura(sessao, "lista", detalhe, depois=diario_depois)
    return linhas


def aquecer_busca(sessao: Sessao) -> int:
    """Prepara a conexão de trabalho desta thread para as buscas: lê e decifra de uma vez as páginas que a lista e a
    busca percorrem (``store.conselho.atendimentos.aquecer``). Chamado em segundo plano quando a aba Atendimentos
    mostra a primeira página; a conexão volta à sessão ao fim e a busca seguinte a recebe (``Sessao.base``: a
    devolvida por último), já com as páginas no cache. Só para quem pode ler os casos (a mesma permissão da
    lista); não devolve conteúdo — só o cache (KiB) da conexão — e não vai ao diário: nada de caso chega a
    ninguém."""
    exigir_conteudo(sessao)
    base = sessao.base
    kib = armazem.aquecer(base.db, ESQUEMA_SIGILO)
    base.aquecida = base is not sessao.base_principal  # a principal (a thread da interface) não vai a tarefa alguma
    return kib


def alterar_situacao(sessao: Sessao, atendimento_id: str, situacao: str) -> dict:
    """Aberto, em acompanhamento ou arquivado."""
    exigir_conteudo(sessao, atendimento_id, editar=True)
    if situacao not in regra.SITUACOES:
        raise EntradaInvalida("Situação deve ser aberto, em acompanhamento ou arquivado.")
    if not armazem.existe(sessao.db, atendimento_id):
        raise ErroNegocio("Atendimento não encontrado.")
    with sessao.mudanca(EDITAR) as m:
        m.alterar("conselho_atendimentos", atendimento_id, {"situacao": situacao, "atualizado_em": agora()},
                  so_os_campos=True)
    return armazem.completo(sessao.db, atendimento_id)
