"""Emendas ao caso aberto: incluir ou retirar criança, familiar ou violação, corrigir nome e filiação,
reclassificar a violação pelo SIPIA CT e informar a hora real da chamada.

Cada diálogo valida enquanto se digita (nome, data, data e hora, motivo) e chama ``services.conselho.emendas``;
a recusa do serviço aparece no próprio diálogo. Sem a permissão de editar casos (a consulta do MP e do
juízo), os botões nascem desligados.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLineEdit

from desktop.rules.conselho import atendimentos as regra
from desktop.rules.conselho.atendimentos import AGENTES
from desktop.rules.validacao import EntradaInvalida
from desktop.services.conselho import emendas
from desktop.screens.widgets.campos import CampoValidado

from .comum import campo_data, combo, combo_sipia
from desktop.screens.widgets import formato

SEXOS = [("F", "Feminino"), ("M", "Masculino")]


def campo_nome(texto: str = "", placeholder: str = "Nome completo") -> CampoValidado:
    c = CampoValidado(regra.nome_pessoa, placeholder=placeholder)
    c.definir_texto(texto)
    return c


def campo_nome_opcional(texto: str = "", placeholder: str = "") -> CampoValidado:
    c = CampoValidado(regra.nome_pessoa, placeholder=placeholder, obrigatorio=False)
    c.definir_texto(texto)
    return c


def campo_motivo() -> CampoValidado:
    return CampoValidado(regra.motivo_emenda, placeholder="Por que a emenda (fica no histórico do caso)")


def campo_momento_chamada(caso: dict) -> CampoValidado:
    """Data e hora da chamada, conferidas enquanto se digita (formato, futuro, depois da gravação)."""
    gravado = emendas.gravado_em_local(caso)

    def validar(texto: str) -> datetime:
        return regra.validar_momento_chamada(regra.momento_br(texto), gravado, datetime.now())

    c = CampoValidado(validar, placeholder="dd/mm/aaaa hh:mm")
    c.definir_texto(formato.quando(caso["recebido_em"], hora_local=False))
    return c


def _pessoas(caso: dict) -> list[tuple[str, str]]:
    return ([(c["id"], f"Criança/adolescente: {c['nome']}") for c in caso["criancas"]]
            + [(f["id"], f"Familiar: {f['nome']} ({f['vinculo'] or '—'})") for f in caso["familiares"]])


def _violacoes(caso: dict, rotulo) -> list[tuple[str, str]]:
    return [(v["id"], rotulo(v)) for v in caso["violacoes"]]


ACOES = ("Incluir criança", "Incluir familiar", "Incluir violação e agente", "Corrigir nome", "Filiação",
         "Reclassificar violação", "Hora real da chamada", "Retirar criança", "Retirar familiar", "Retirar violação")


def abrir(dlg, acao: str) -> bool:
    """Abre o diálogo da emenda ``acao`` sobre o caso do ``dlg`` (DialogoCaso); True se gravou."""
    s, caso, aid = dlg._sessao, dlg.caso, dlg._id
    if acao == "Incluir criança":
        return dlg._dialogo("Incluir criança ou adolescente", "Incluir", [
            ("nome", "Nome", campo_nome()), ("nascimento", "Nascimento", campo_data(obrigatorio=False)),
            ("sexo", "Sexo", combo(SEXOS, vazio="Não informado")),
            ("mae", "Mãe", campo_nome_opcional(placeholder="se conhecida")),
            ("pai", "Pai", campo_nome_opcional(placeholder="se conhecido")),
            ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.incluir_crianca(s, aid, {k: v[k] for k in ("nome", "nascimento", "sexo", "mae", "pai")},
                                              v["motivo"]))
    if acao == "Incluir familiar":
        return dlg._dialogo("Incluir familiar ou responsável", "Incluir", [
            ("nome", "Nome", campo_nome()), ("vinculo", "Vínculo", QLineEdit(placeholderText="mãe, avó, tio...")),
            ("telefone", "Telefone", QLineEdit()), ("endereco", "Endereço", QLineEdit()),
            ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.incluir_familiar(s, aid, v, v["motivo"]))
    if acao == "Incluir violação e agente":
        return dlg._dialogo("Incluir direito violado e agente", "Incluir", [
            ("especifico", "Direito violado", combo_sipia()), ("agente", "Agente violador", combo(AGENTES)),
            ("descricao", "Quem / observação", QLineEdit()), ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.incluir_violacao(s, aid, v, v["motivo"]),
            "Direito fundamental › grupo › direito específico, pela tabela do SIPIA CT; digite parte do nome para "
            "filtrar.")
    if acao == "Corrigir nome":
        pessoas = combo(_pessoas(caso))
        novo = campo_nome()
        pessoas.currentIndexChanged.connect(
            lambda _i: novo.definir_texto(pessoas.currentText().split(": ", 1)[-1].split(" (")[0]))
        novo.definir_texto(pessoas.currentText().split(": ", 1)[-1].split(" (")[0])
        return dlg._dialogo("Corrigir nome", "Corrigir", [
            ("pessoa", "Pessoa", pessoas), ("nome", "Nome correto", novo), ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.corrigir_nome(s, v["pessoa"] or "", v["nome"], v["motivo"]),
            "O nome anterior fica no histórico de emendas do caso.")
    if acao == "Filiação":
        criancas = {c["id"]: c for c in caso["criancas"]}
        escolha = combo([(i, c["nome"]) for i, c in criancas.items()])
        mae, pai, resp = campo_nome_opcional(), campo_nome_opcional(), campo_nome_opcional()

        def preencher(_i=0):
            c = criancas.get(escolha.currentData()) or {}
            for w, k in ((mae, "mae"), (pai, "pai"), (resp, "responsavel")):
                w.definir_texto(c.get(k) or "")
        escolha.currentIndexChanged.connect(preencher)
        preencher()
        return dlg._dialogo("Filiação da criança ou do adolescente", "Gravar", [
            ("crianca", "Criança/adolescente", escolha), ("mae", "Mãe", mae), ("pai", "Pai", pai),
            ("responsavel", "Responsável", resp), ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.corrigir_filiacao(s, v["crianca"] or "", mae=v["mae"] or "", pai=v["pai"] or "",
                                                responsavel=v["responsavel"] or "", motivo=v["motivo"]),
            "A guia de acolhimento identifica a criança e qualifica os pais ou o responsável, se conhecidos "
            "(ECA, art. 101 §3º, I).")
    if acao == "Reclassificar violação":
        from desktop.services.conselho.atendimentos import tabela_sipia

        tab = tabela_sipia()
        vs = combo(_violacoes(caso, lambda v: tab.rotulo(v["direito"], v.get("grupo"), v.get("especifico"))))
        return dlg._dialogo("Reclassificar violação (SIPIA CT)", "Reclassificar", [
            ("violacao", "Violação gravada", vs), ("especifico", "Direito específico", combo_sipia()),
            ("agente", "Agente violador", combo(AGENTES)), ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.reclassificar_violacao(s, v["violacao"] or "", v["especifico"] or "", v["agente"],
                                                     v["motivo"]))
    if acao == "Hora real da chamada":
        return dlg._dialogo("Data e hora reais da chamada", "Gravar", [
            ("momento", "Chamada recebida em", campo_momento_chamada(caso)), ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.definir_momento_da_chamada(s, aid, v["momento"], v["motivo"]),
            f"O caso foi gravado em {formato.quando(emendas.gravado_em_local(caso).isoformat(timespec='minutes'), hora_local=False)}. Informe "
            "quando a chamada ou a denúncia chegou de fato; o número do caso não muda.")
    if acao == "Retirar criança":
        return dlg._dialogo("Retirar criança ou adolescente incluído por engano", "Retirar", [
            ("crianca", "Criança/adolescente", combo([(c["id"], f"{c['nome']} — nasc. {formato.quando(c['nascimento'], hora_local=False) or '—'}")
                                                      for c in caso["criancas"]])),
            ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.retirar_crianca(s, v["crianca"] or "", v["motivo"]),
            "Nada se apaga: a criança sai do caso, da busca, das estatísticas, do CSV do SIPIA e dos documentos "
            "emitidos depois; o histórico guarda quem era e o motivo. O caso fica com ao menos uma criança.")
    if acao == "Retirar familiar":
        return dlg._dialogo("Retirar familiar registrado por engano", "Retirar", [
            ("familiar", "Familiar", combo([(f["id"], f"{f['nome']} ({f['vinculo'] or '—'})")
                                            for f in caso["familiares"]])), ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.retirar_familiar(s, v["familiar"] or "", v["motivo"]),
            "Nada se apaga: o familiar sai do caso e da busca, e o histórico guarda quem era e o motivo.")
    if acao == "Retirar violação":
        from desktop.services.conselho.atendimentos import tabela_sipia

        tab = tabela_sipia()
        return dlg._dialogo("Retirar violação registrada por engano", "Retirar", [
            ("violacao", "Violação", combo(_violacoes(caso, lambda v: tab.rotulo(v["direito"], v.get("grupo"),
                                                                                  v.get("especifico"))))),
            ("motivo", "Motivo", campo_motivo())],
            lambda v: emendas.retirar_violacao(s, v["violacao"] or "", v["motivo"]),
            "A violação sai do caso, das estatísticas e do CSV; o histórico guarda o que era e o motivo.")
    raise EntradaInvalida(f"Emenda desconhecida: {acao}")


def historico_html(caso: dict, e) -> str:
    """O histórico de emendas no resumo do caso (o que mudou, quando e por quê)."""
    if not caso.get("emendas"):
        return ""
    itens = []
    for x in caso["emendas"]:
        itens.append(f"<li>{formato.momento(x['momento'])} — {e(emendas.TIPOS[x['tipo']])}: "
                     f"{e(x['motivo'])}</li>")
    return "<h3>Histórico de emendas</h3><ul>" + "".join(itens) + "</ul>"


