"""Emendas a um caso já gravado: incluir ou retirar criança, familiar ou violação (com o agente), corrigir
nome e filiação, reclassificar a violação pelo SIPIA CT e dizer a hora real da chamada.

Cada emenda é uma transação: a mudança, a linha do histórico (``conselho_emendas``, com o motivo) e o
diário — tudo no arquivo sigiloso (o diário geral não recebe conteúdo de caso). Só o conselheiro em
exercício, não impedido, emenda (``exigir_conteudo(editar=True)``): a consulta do MP e do juízo só lê.
"""
from __future__ import annotations

import json
from datetime import datetime

from desktop.rules.conselho import atendimentos as regra
from desktop.rules.papeis import Permissao
from desktop.rules.validacao import EntradaInvalida
from desktop.store.conselho import atendimentos as armazem
from desktop.store.ids import agora, novo_id

from .. import documentos_vias
from ..sessao import ErroNegocio, Mudanca, Sessao
from .atendimentos import _conferir_faixas, _momento, validar_crianca, validar_familiar, validar_violacao
from .comum import agora_local, exigir_conteudo, iso_local, registrar_leitura
from .documentos import assunto_termo

EDITAR = Permissao.CONSELHO_CASOS_EDITAR
TIPOS = {"crianca_incluida": "Criança ou adolescente incluído", "familiar_incluido": "Familiar incluído",
         "violacao_incluida": "Violação (e agente) incluída", "violacao_reclassificada": "Violação reclassificada",
         "nome_corrigido": "Nome corrigido", "filiacao_corrigida": "Filiação corrigida",
         "momento_da_chamada": "Data e hora reais da chamada", "familiar_retirado": "Familiar retirado",
         "violacao_retirada": "Violação retirada", "crianca_retirada": "Criança ou adolescente retirado"}


def _motivo(motivo: str) -> str:
    return regra.motivo_emenda(motivo)


def _caso(sessao: Sessao, atendimento_id: str) -> tuple[dict | None, dict]:
    c = exigir_conteudo(sessao, atendimento_id, editar=True)
    a = armazem.atendimento(sessao.db, atendimento_id)
    if a is None:
        raise ErroNegocio("Atendimento não encontrado.")
    return c, a


def _da_linha(sessao: Sessao, tabela: str, registro_id: str) -> tuple[dict | None, dict, dict]:
    exigir_conteudo(sessao, editar=True)  # antes de qualquer consulta ao arquivo sigiloso
    r = armazem.linha_do_caso(sessao.db, tabela, registro_id)
    if r is None:
        raise ErroNegocio("Registro não encontrado neste caso.")
    c, a = _caso(sessao, r["atendimento_id"])
    return c, a, r


MUDAM_O_TERMO = ("crianca_incluida", "familiar_incluido", "nome_corrigido", "filiacao_corrigida", "familiar_retirado",
                 "crianca_retirada")
"""Emendas que mudam quem o termo de medida identifica (nome, nascimento, filiação): os termos já emitidos
do caso ficam substituídos (continuam legíveis; o novo termo os substitui)."""


def _historico(m: Mudanca, c: dict | None, atendimento_id: str, tipo: str, tabela: str, registro_id: str,
               antes, depois, motivo: str) -> None:
    linha = {"id": novo_id(), "atendimento_id": atendimento_id, "momento": agora(),
             "conselheiro_id": c["id"] if c else None, "tipo": tipo, "tabela": tabela, "registro_id": registro_id,
             "antes": json.dumps(antes, ensure_ascii=False) if antes is not None else None,
             "depois": json.dumps(depois, ensure_ascii=False) if depois is not None else None, "motivo": motivo}
    m.inserir("conselho_emendas", linha)
    m.alterar("conselho_atendimentos", atendimento_id, {"atualizado_em": linha["momento"]}, so_os_campos=True)
    if tipo in MUDAM_O_TERMO:  # o motivo do registro geral não leva conteúdo do caso: só o tipo da emenda
        documentos_vias.substituir_assunto(m, assunto_termo(atendimento_id),
                                           f"Emenda ao caso ({TIPOS[tipo].lower()}): emita o termo de novo.")


def _fato(a: dict) -> datetime:
    return datetime.fromisoformat(a["recebido_em"])


def _nascimentos(sessao: Sessao, atendimento_id: str, sem: str | None = None) -> list[str | None]:
    """Os nascimentos das crianças do caso que não foram retiradas (menos ``sem``), para a faixa do SIPIA CT."""
    return armazem.nascimentos_vigentes(sessao.db, atendimento_id, sem)


def incluir_crianca(sessao: Sessao, atendimento_id: str, crianca: dict, motivo: str) -> dict:
    """Mais uma criança ou adolescente no registro (nome, nascimento, sexo, filiação)."""
    c, a = _caso(sessao, atendimento_id)
    motivo = _motivo(motivo)
    linha = {"id": novo_id(), "atendimento_id": atendimento_id, **validar_crianca(crianca, _fato(a).date())}
    with sessao.mudanca(EDITAR) as m:
        m.inserir("conselho_criancas", linha)
        _historico(m, c, atendimento_id, "crianca_incluida", "conselho_criancas", linha["id"], None, linha, motivo)
        armazem.indexar(m.db, atendimento_id)
    return armazem.completo(sessao.db, atendimento_id)


def incluir_familiar(sessao: Sessao, atendimento_id: str, familiar: dict, motivo: str) -> dict:
    """Mais um familiar ou responsável (nome, vínculo, telefone, endereço)."""
    c, _a = _caso(sessao, atendimento_id)
    motivo = _motivo(motivo)
    linha = {"id": novo_id(), "atendimento_id": atendimento_id, **validar_familiar(familiar)}
    with sessao.mudanca(EDITAR) as m:
        m.inserir("conselho_familiares", linha)
        _historico(m, c, atendimento_id, "familiar_incluido", "conselho_familiares", linha["id"], None, linha, motivo)
        armazem.indexar(m.db, atendimento_id)
    return armazem.completo(sessao.db, atendimento_id)


def incluir_violacao(sessao: Sessao, atendimento_id: str, violacao: dict, motivo: str) -> dict:
    """Mais um direito violado (SIPIA CT) com o seu agente violador (ECA, art. 98)."""
    c, a = _caso(sessao, atendimento_id)
    motivo = _motivo(motivo)
    linha = {"id": novo_id(), "atendimento_id": atendimento_id, **validar_violacao(violacao)}
    _conferir_faixas([linha], _nascimentos(sessao, atendimento_id), _fato(a).date())
    with sessao.mudanca(EDITAR) as m:
        m.inserir("conselho_violacoes", linha)
        _historico(m, c, atendimento_id, "violacao_incluida", "conselho_violacoes", linha["id"], None, linha, motivo)
    return armazem.completo(sessao.db, atendimento_id)


def reclassificar_violacao(sessao: Sessao, violacao_id: str, especifico: str, agente: str, motivo: str) -> dict:
    """Outro direito específico do SIPIA CT ou outro agente (p.ex. completar um registro anterior à tabela)."""
    c, a, antes = _da_linha(sessao, "conselho_violacoes", violacao_id)
    if antes["removido_em"]:
        raise ErroNegocio("Esta violação foi retirada do caso.")
    motivo = _motivo(motivo)
    v = validar_violacao({"especifico": especifico, "agente": agente, "descricao": antes["descricao"]})
    novos = {k: v[k] for k in ("direito", "grupo", "especifico", "agente")}
    if all(antes[k] == novos[k] for k in novos):
        raise EntradaInvalida("A classificação escolhida é a mesma que já está gravada.")
    _conferir_faixas([novos], _nascimentos(sessao, a["id"]), _fato(a).date())
    with sessao.mudanca(EDITAR) as m:
        depois = m.alterar("conselho_violacoes", violacao_id, novos, so_os_campos=True)
        _historico(m, c, a["id"], "violacao_reclassificada", "conselho_violacoes", violacao_id,
                   {k: antes[k] for k in novos}, novos, motivo)
    return depois


def _retirar(sessao: Sessao, tabela: str, registro_id: str, tipo: str, motivo: str) -> dict:
    c, a, antes = _da_linha(sessao, tabela, registro_id)
    motivo = _motivo(motivo)
    if antes["removido_em"]:
        raise ErroNegocio("Este registro já foi retirado do caso.")
    with sessao.mudanca(EDITAR) as m:
        m.alterar(tabela, registro_id, {"removido_em": agora()}, so_os_campos=True)
        _historico(m, c, a["id"], tipo, tabela, registro_id, antes, None, motivo)
        armazem.indexar(m.db, a["id"])
    return armazem.completo(sessao.db, a["id"])


def retirar_familiar(sessao: Sessao, familiar_id: str, motivo: str) -> dict:
    """Retira do caso um familiar registrado por engano: a linha fica (marcada), o histórico guarda quem era."""
    return _retirar(sessao, "conselho_familiares", familiar_id, "familiar_retirado", motivo)


def retirar_violacao(sessao: Sessao, violacao_id: str, motivo: str) -> dict:
    """Retira do caso uma violação (e o seu agente) registrada por engano; sai das estatísticas e do CSV."""
    return _retirar(sessao, "conselho_violacoes", violacao_id, "violacao_retirada", motivo)


def retirar_crianca(sessao: Sessao, crianca_id: str, motivo: str) -> dict:
    """Retira do caso uma criança ou adolescente incluído por engano (homônimo, caso errado).

    A linha fica (marcada com ``removido_em``) e o histórico guarda quem era e o motivo; a criança sai da lista
    do caso, da busca, das estatísticas, do relatório, do CSV do SIPIA e dos documentos emitidos depois. O caso
    fica com ao menos uma criança; a criança a quem uma medida foi aplicada não sai (a medida é decisão do
    colegiado, ECA arts. 101 e 136, I) — se o erro é de identidade, corrija o nome."""
    c, a, antes = _da_linha(sessao, "conselho_criancas", crianca_id)
    motivo = _motivo(motivo)
    if antes["removido_em"]:
        raise ErroNegocio("Esta criança já foi retirada do caso.")
    restantes = _nascimentos(sessao, a["id"], sem=crianca_id)
    if not restantes:
        raise ErroNegocio("O caso precisa ter ao menos uma criança ou adolescente: inclua a criança certa antes de "
                          "retirar esta (ou corrija o nome, se o erro é só de identificação).")
    if armazem.crianca_com_medida(sessao.db, crianca_id):
        raise ErroNegocio("Há medida do ECA aplicada a esta criança (decisão do colegiado, arts. 101 e 136, I): ela "
                          "não pode ser retirada do caso. Se o erro é de identificação, corrija o nome.")
    vigentes = armazem.violacoes_vigentes(sessao.db, a["id"])
    try:
        _conferir_faixas(vigentes, restantes, _fato(a).date())
    except EntradaInvalida as e:
        raise ErroNegocio(f"Sem esta criança, uma violação do caso fica fora da faixa etária do SIPIA CT: {e} "
                          "Reclassifique ou retire a violação antes.") from None
    return _retirar(sessao, "conselho_criancas", crianca_id, "crianca_retirada", motivo)


def corrigir_nome(sessao: Sessao, registro_id: str, nome: str, motivo: str) -> dict:
    """Corrige o nome de uma criança ou de um familiar do caso (o antigo fica no histórico)."""
    exigir_conteudo(sessao, editar=True)
    tabela = next((t for t in ("conselho_criancas", "conselho_familiares")
                   if armazem.linha_do_caso(sessao.db, t, registro_id)), None)
    if tabela is None:
        raise ErroNegocio("Pessoa não encontrada neste caso.")
    c, a, antes = _da_linha(sessao, tabela, registro_id)
    if antes.get("removido_em"):
        raise ErroNegocio("Esta pessoa foi retirada do caso.")
    motivo = _motivo(motivo)
    novo = regra.nome_pessoa(nome)
    if novo == antes["nome"]:
        raise EntradaInvalida("O nome corrigido é igual ao gravado.")
    with sessao.mudanca(EDITAR) as m:
        depois = m.alterar(tabela, registro_id, {"nome": novo}, so_os_campos=True)
        _historico(m, c, a["id"], "nome_corrigido", tabela, registro_id, {"nome": antes["nome"]}, {"nome": novo},
                   motivo)
        armazem.indexar(m.db, a["id"])
    return depois


def corrigir_filiacao(sessao: Sessao, crianca_id: str, *, mae: str = "", pai: str = "", responsavel: str = "",
                      motivo: str) -> dict:
    """Mãe, pai e responsável da criança (ECA, art. 101 §3º, I: qualificação dos pais, se conhecidos)."""
    c, a, antes = _da_linha(sessao, "conselho_criancas", crianca_id)
    if antes["removido_em"]:
        raise ErroNegocio("Esta criança foi retirada do caso.")
    motivo = _motivo(motivo)
    novos = {k: " ".join((v or "").split()) for k, v in (("mae", mae), ("pai", pai), ("responsavel", responsavel))}
    velhos = {k: antes[k] for k in novos}
    if novos == velhos:
        raise EntradaInvalida("A filiação informada é igual à gravada.")
    with sessao.mudanca(EDITAR) as m:
        depois = m.alterar("conselho_criancas", crianca_id, novos, so_os_campos=True)
        _historico(m, c, a["id"], "filiacao_corrigida", "conselho_criancas", crianca_id, velhos, novos, motivo)
    return depois


def gravado_em_local(a: dict) -> datetime:
    """O momento em que o caso foi gravado (UTC na base), na hora local sem fuso, como ``recebido_em``."""
    return datetime.fromisoformat(a["criado_em"]).astimezone().replace(tzinfo=None, second=0, microsecond=0)


def definir_momento_da_chamada(sessao: Sessao, atendimento_id: str, momento: datetime, motivo: str) -> dict:
    """A data e a hora reais da chamada ou da denúncia (distintas da hora em que o caso foi gravado).

    Não pode ser depois da gravação nem no futuro. A ordem da lista e o índice de busca seguem a hora nova;
    o número do caso não muda. O momento anterior fica no histórico."""
    c, a = _caso(sessao, atendimento_id)
    motivo = _motivo(motivo)
    novo = _momento(momento, "Data e hora da chamada")
    regra.validar_momento_chamada(novo, gravado_em_local(a), agora_local())
    if iso_local(novo) == a["recebido_em"]:
        raise EntradaInvalida("A data e a hora informadas são as já gravadas.")
    rowid = armazem.chave_de_ordem(novo, a["numero"])
    if armazem.ordem_ocupada(sessao.db, rowid, atendimento_id):
        raise ErroNegocio("Outro caso já ocupa esta data e hora na ordem da lista; ajuste um minuto.")
    novos = {"recebido_em": iso_local(novo), "busca_rowid": rowid}
    with sessao.mudanca(EDITAR) as m:
        armazem.tirar_da_busca(m.db, a["busca_rowid"])
        m.alterar("conselho_atendimentos", atendimento_id, novos, so_os_campos=True)
        _historico(m, c, atendimento_id, "momento_da_chamada", "conselho_atendimentos", atendimento_id,
                   {"recebido_em": a["recebido_em"]}, {"recebido_em": novos["recebido_em"]}, motivo)
        armazem.indexar(m.db, atendimento_id)
    return armazem.completo(sessao.db, atendimento_id)


def historico(sessao: Sessao, atendimento_id: str) -> list[dict]:
    """As emendas do caso, da mais antiga à mais recente, com antes/depois já lidos. Leitura no diário."""
    exigir_conteudo(sessao, atendimento_id)
    linhas = armazem.emendas(sessao.db, atendimento_id)
    for l in linhas:
        l["antes"] = json.loads(l["antes"]) if l["antes"] else None
        l["depois"] = json.loads(l["depois"]) if l["depois"] else None
        l["rotulo"] = TIPOS[l["tipo"]]
    registrar_leitura(sessao, atendimento_id, {"acao": "historico_emendas", "emendas": len(linhas)})
    return linhas

