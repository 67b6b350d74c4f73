"""Cadastro funcional do magistério: servidores, seus históricos, escolas e a ficha funcional.

Um servidor é uma pessoa do cadastro comum (criada ou reaproveitada pelo CPF) com matrícula, cargo
e admissão; nível, lotação, jornada e o resto são históricos datados (``historicos``). Toda
escrita exige ``Permissao.MAGISTERIO_EDITAR`` e vai ao diário; leituras, ``MAGISTERIO_LER``.
Servidores não são apagados: desligam-se (exoneração, aposentadoria...).

Este módulo reúne os casos de uso do cadastro; os históricos e as escolas vêm de
``historicos`` e ``escolas`` e são reexportados aqui.
"""
from __future__ import annotations

from datetime import date

from desktop.rules import formato, validacao
from desktop.rules.magisterio.tipos import Cargo, FichaFuncional, Titulo
from desktop.rules.magisterio.titulacao import recusa_de_ingresso
from desktop.rules.papeis import Permissao
from desktop.store import cadastros as armazem_cadastros
from desktop.store import linhas as armazem_linhas
from desktop.store.magisterio import fichas as armazem_fichas
from desktop.store.magisterio import historicos as armazem_historicos
from desktop.store.magisterio import servidores as armazem

from .. import cadastros
from ..pagamento import dados as dados_pagamento
from ..sessao import ErroNegocio, Mudanca, Sessao
from .comum import ROTULOS_CARGO, escolha, servidor as obter_servidor, substituir_documentos_da_ficha
from .escolas import (  # noqa: F401 (reexportados)
    alterar_escola, cadastrar_escola, definir_situacao, excluir_situacao, listar_codigos_falta, listar_escolas,
    listar_tipos_afastamento, salvar_codigo_falta, salvar_tipo_afastamento, situacoes_escola,
)
from .historicos import NOMES as HISTORICOS, adicionar, adicionar_em, corrigir, encerrar, excluir, itens  # noqa: F401
from .historicos import alterar_item

MOTIVOS_DESLIGAMENTO = {"exoneracao": "Exoneração", "demissao": "Demissão", "aposentadoria": "Aposentadoria",
                        "falecimento": "Falecimento", "outro": "Outro"}
_CAMPOS_SERVIDOR = ("matricula", "cargo", "admissao", "dependentes_irrf")
_CAMPOS_PESSOA = armazem.CAMPOS_PESSOA


def _matricula(texto) -> str:
    m = str(texto or "").strip()
    if not m:
        raise validacao.EntradaInvalida("Informe a matrícula.")
    if len(m) > 20:
        raise validacao.EntradaInvalida("A matrícula tem no máximo 20 caracteres.")
    return m


def _dependentes(valor) -> int:
    if isinstance(valor, bool) or not str(valor).strip().isdigit():
        raise validacao.EntradaInvalida("Dependentes para o IRRF: informe um número inteiro (0 se nenhum).")
    return int(valor)


def _mesmo_nome(a: str, b: str) -> bool:
    return armazem.sem_acento(a) == armazem.sem_acento(b)


def pessoa_do_servidor(sessao: Sessao, *, nome: str, cpf: str, nascimento: date | None = None, **outros) -> str:
    """Id da pessoa com o CPF (reaproveitada se o nome confere) ou de uma pessoa nova."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    nome = validacao.obrigatorio(nome, "o nome do servidor")
    if not (cpf or "").strip():
        raise validacao.EntradaInvalida("Informe o CPF do servidor.")
    digitos = validacao.cpf(cpf)
    existente = armazem_cadastros.pessoa_por_cpf(sessao.db, digitos)
    if existente:
        if not _mesmo_nome(existente["nome"], nome):
            raise ErroNegocio(f"O CPF {validacao.formatar_cpf(digitos)} já está cadastrado para "
                              f"{existente['nome']}. Confira o CPF ou o nome.")
        return existente["id"]
    return cadastros.cadastrar_pessoa(sessao, nome=nome, cpf=digitos,
                                      nascimento=nascimento, **outros)["id"]


def cadastrar_em(m: Mudanca, *, nome: str, cpf: str, matricula: str, cargo: Cargo | str, admissao: date,
                 jornada: int = 20, titulo: Titulo | str | None = None, data_titulacao: date | None = None,
                 escola_id: str | None = None, data_lotacao: date | None = None, nascimento: date | None = None,
                 dependentes_irrf: int = 0, pagamento: dict | None = None, **outros_pessoa) -> dict:
    """Cadastra dentro de uma transação aberta (usado também pela importação).

    ``pagamento``: banco, agencia, agencia_dv, conta, conta_dv, tipo_conta e pis (``services.pagamento.dados``)."""
    sessao = m.sessao
    cargo = escolha(Cargo, cargo, "cargo")
    matricula = _matricula(matricula)
    dependentes = _dependentes(dependentes_irrf)
    if not isinstance(admissao, date):
        raise validacao.EntradaInvalida("Informe a data de admissão.")
    if admissao > date.today():
        raise ErroNegocio(f"A data de admissão ({formato.data(admissao)}) não pode estar no futuro.")
    if nascimento and nascimento >= admissao:
        raise ErroNegocio("A data de nascimento deve ser anterior à admissão.")
    if (outro := armazem.por_matricula(m.db, matricula)):
        raise ErroNegocio(f"A matrícula {matricula} já pertence a {outro['nome']}.")
    if titulo is None or titulo == "":
        if cargo != Cargo.AUXILIAR_ENSINO:
            raise validacao.EntradaInvalida("Informe a titulação (formação) do servidor: ela define o nível "
                                            "(Lei 1.613/2004, art. 14).")
        titulo = Titulo.LEIGO
    if cargo == Cargo.AUXILIAR_ENSINO and escolha(Titulo, titulo, "título") != Titulo.LEIGO:
        raise ErroNegocio("O auxiliar de ensino é o professor leigo (Lei 1.613/2004, art. 69); quem tem "
                          "habilitação entra como professor (art. 70).")
    if (recusa := recusa_de_ingresso(cargo, escolha(Titulo, titulo, "título"), admissao)):
        raise ErroNegocio(recusa)
    pessoa_id = pessoa_do_servidor(sessao, nome=nome, cpf=cpf, nascimento=nascimento, **outros_pessoa)
    linha = m.inserir("magisterio_servidores", armazem.linha_nova(
        pessoa_id=pessoa_id, matricula=matricula, cargo=cargo, admissao=admissao, dependentes_irrf=dependentes))
    adicionar_em(m, "jornadas", linha["id"], {"inicio": admissao, "horas": jornada, "motivo": "base"})
    # O título do ingresso vale desde a admissão (art. 8º §ún: nomeação no nível em que concorreu).
    inicio_titulo = max(data_titulacao or admissao, admissao)
    adicionar_em(m, "titulacoes", linha["id"], {"titulo": titulo, "data_requerimento": inicio_titulo})
    if escola_id:
        adicionar_em(m, "lotacoes", linha["id"], {"unidade_id": escola_id, "inicio": data_lotacao or admissao})
    if pagamento and any(pagamento.values()):
        dados_pagamento.gravar_em(m, pessoa_id, pagamento)
    return linha


def cadastrar_servidor(sessao: Sessao, *, nome: str, cpf: str, matricula: str, cargo: Cargo | str,
                       admissao: date, jornada: int = 20, titulo: Titulo | str | None = None,
                       data_titulacao: date | None = None, escola_id: str | None = None,
                       data_lotacao: date | None = None, nascimento: date | None = None,
                       dependentes_irrf: int = 0, pagamento: dict | None = None, **outros_pessoa) -> dict:
    """Cadastra o servidor com a jornada base, a titulação de ingresso e, se dada, a lotação.

    A pessoa é reaproveitada pelo CPF (se o nome confere) ou criada; ``outros_pessoa``: sexo,
    telefone, email, endereco, bairro, municipio, uf. Devolve a linha de ``magisterio_servidores``.
    """
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        return cadastrar_em(m, nome=nome, cpf=cpf, matricula=matricula, cargo=cargo, admissao=admissao,
                            jornada=jornada, titulo=titulo, data_titulacao=data_titulacao, escola_id=escola_id,
                            data_lotacao=data_lotacao, nascimento=nascimento, dependentes_irrf=dependentes_irrf,
                            pagamento=pagamento, **outros_pessoa)


def alterar(sessao: Sessao, servidor_id: str, **campos) -> dict:
    """Altera dados do servidor (matrícula, cargo, admissão, dependentes) e da pessoa (nome, nascimento...)."""
    desconhecidos = set(campos) - set(_CAMPOS_SERVIDOR) - set(_CAMPOS_PESSOA)
    if desconhecidos:
        raise ErroNegocio(f"Campo que não se altera aqui: {', '.join(sorted(desconhecidos))}.")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        atual = obter_servidor(m.db, servidor_id)
        mudancas = _mudancas_servidor(m, atual, campos)
        if mudancas:
            m.alterar("magisterio_servidores", servidor_id,
                      armazem_linhas.carimbado(m.db, "magisterio_servidores", mudancas))
        pessoais = {k: v for k, v in campos.items() if k in _CAMPOS_PESSOA}
        if pessoais:
            if "nome" in pessoais:
                pessoais["nome"] = validacao.obrigatorio(pessoais["nome"], "o nome do servidor")
            if pessoais.get("nascimento"):
                if pessoais["nascimento"] >= atual["admissao"]:
                    raise ErroNegocio("A data de nascimento deve ser anterior à admissão.")
                pessoais["nascimento"] = pessoais["nascimento"].isoformat()
            m.alterar("pessoas", atual["pessoa_id"], armazem_linhas.carimbado(m.db, "pessoas", pessoais))
        if mudancas or pessoais:
            substituir_documentos_da_ficha(m, servidor_id, "cadastro: " + ", ".join(sorted({*mudancas, *pessoais})))
    return armazem.obter(sessao.db, servidor_id)


def _mudancas_servidor(m: Mudanca, atual: dict, campos: dict) -> dict:
    mudancas = {}
    if "matricula" in campos:
        mat = _matricula(campos["matricula"])
        outro = armazem.por_matricula(m.db, mat)
        if outro and outro["id"] != atual["id"]:
            raise ErroNegocio(f"A matrícula {mat} já pertence a {outro['nome']}.")
        mudancas["matricula"] = mat
    if "dependentes_irrf" in campos:
        mudancas["dependentes_irrf"] = _dependentes(campos["dependentes_irrf"])
    if "cargo" in campos:
        cargo = escolha(Cargo, campos["cargo"], "cargo")
        if cargo != atual["cargo"]:
            _validar_troca_de_cargo(m, atual, cargo)
        mudancas["cargo"] = cargo
    if "admissao" in campos:
        adm = campos["admissao"]
        if adm > date.today():
            raise ErroNegocio(f"A data de admissão ({formato.data(adm)}) não pode estar no futuro.")
        if atual["desligamento"] and adm > atual["desligamento"]:
            raise ErroNegocio("A admissão não pode ser posterior ao desligamento.")
        _mover_inicios(m, atual, adm)
        _nada_antes(m, atual["id"], adm)
        mudancas["admissao"] = adm.isoformat()
    return mudancas


def _validar_troca_de_cargo(m: Mudanca, atual: dict, cargo: str) -> None:
    titulos = {t["titulo"] for t in armazem_historicos.listar(m.db, armazem_historicos.HISTORICOS["titulacoes"], atual["id"])}
    if cargo == Cargo.AUXILIAR_ENSINO:
        raise ErroNegocio("O quadro de auxiliar de ensino está em extinção (Lei 1.613/2004, arts. 14 §2º e 69): "
                          "ninguém passa a ele.")
    if cargo == Cargo.PEDAGOGO and not titulos & {"licenciatura_plena", "pos_lato_sensu", "mestrado", "doutorado"}:
        raise ErroNegocio("O cargo de pedagogo exige graduação em Pedagogia ou licenciatura com pós-graduação "
                          "(Lei 1.613/2004, art. 14 §3º); cadastre antes a titulação.")
    if atual["cargo"] == Cargo.AUXILIAR_ENSINO and titulos <= {"leigo"}:
        raise ErroNegocio("O auxiliar de ensino passa ao quadro da carreira ao adquirir a habilitação "
                          "(Lei 1.613/2004, art. 70): cadastre antes a titulação obtida.")


def _mover_inicios(m: Mudanca, atual: dict, nova: date) -> None:
    """Admissão corrigida: os períodos e a titulação que começavam na admissão antiga acompanham."""
    antiga = atual["admissao"]
    for h in armazem_historicos.HISTORICOS.values():
        campo = "inicio" if h.periodo else ("data_requerimento" if h.nome == "titulacoes" else None)
        if campo is None or nova == antiga:
            continue
        for i in armazem_historicos.listar(m.db, h, atual["id"]):
            if i[campo] != antiga:
                continue
            if h.periodo and i["fim"] is not None and i["fim"] < nova:
                raise ErroNegocio(f"O período de {h.rotulo} {formato.data(i['inicio'])} a {formato.data(i['fim'])} termina antes da "
                                  f"nova admissão ({formato.data(nova)}); corrija-o antes.")
            alterar_item(m, h, i["id"], {campo: nova})


def _nada_antes(m: Mudanca, servidor_id: str, admissao: date) -> None:
    for h in armazem_historicos.HISTORICOS.values():
        campo = "inicio" if h.periodo else {"faltas": "data", "titulacoes": "data_requerimento"}.get(h.nome)
        if campo is None:
            continue
        for i in armazem_historicos.listar(m.db, h, servidor_id):
            if i[campo] < admissao:
                raise ErroNegocio(f"Há registro de {h.rotulo} em {formato.data(i[campo])}, antes da nova admissão "
                                  f"({formato.data(admissao)}); corrija-o antes.")


def desligar(sessao: Sessao, servidor_id: str, *, data: date, motivo: str, ato: str = "") -> dict:
    """Registra o desligamento; os períodos em aberto (ou que passam da data) terminam nela."""
    sessao.exigir(Permissao.MAGISTERIO_EDITAR)
    if motivo not in MOTIVOS_DESLIGAMENTO:
        raise validacao.EntradaInvalida(f"Motivo do desligamento inválido; use um destes: {', '.join(MOTIVOS_DESLIGAMENTO)}.")
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        atual = obter_servidor(m.db, servidor_id)
        if atual["desligamento"]:
            raise ErroNegocio(f"Este servidor já foi desligado em {formato.data(atual['desligamento'])}.")
        if data < atual["admissao"]:
            raise ErroNegocio(f"O desligamento ({formato.data(data)}) não pode ser anterior à admissão ({formato.data(atual['admissao'])}).")
        for h in armazem_historicos.HISTORICOS.values():
            for i in armazem_historicos.listar(m.db, h, servidor_id):
                dia = i.get("inicio") or i.get("data") or i.get("data_requerimento")
                if isinstance(dia, date) and dia > data:
                    raise ErroNegocio(f"Há registro de {h.rotulo} em {formato.data(dia)}, depois do desligamento; "
                                      "exclua-o ou corrija-o antes.")
                if h.periodo and (i["fim"] is None or i["fim"] > data):
                    alterar_item(m, h, i["id"], {"fim": data})
        m.alterar("magisterio_servidores", servidor_id, armazem_linhas.carimbado(m.db, "magisterio_servidores", {
            "desligamento": data.isoformat(), "motivo_desligamento": motivo, "ato_desligamento": ato or None,
            "ativo": 0}))
    return armazem.obter(sessao.db, servidor_id)


def cancelar_desligamento(sessao: Sessao, servidor_id: str) -> dict:
    """Desfaz um desligamento lançado por engano (os períodos encerrados nele continuam encerrados)."""
    with sessao.mudanca(Permissao.MAGISTERIO_EDITAR) as m:
        atual = obter_servidor(m.db, servidor_id)
        if not atual["desligamento"]:
            raise ErroNegocio("Este servidor não está desligado.")
        m.alterar("magisterio_servidores", servidor_id, armazem_linhas.carimbado(m.db, "magisterio_servidores", {
            "desligamento": None, "motivo_desligamento": None, "ato_desligamento": None, "ativo": 1}))
    return armazem.obter(sessao.db, servidor_id)


def listar_servidores(sessao: Sessao, *, nome: str | None = None, cpf: str | None = None,
                      matricula: str | None = None, escola_id: str | None = None, cargo: Cargo | str | None = None,
                      ativo: bool | None = True, data: date | None = None) -> list[dict]:
    """Servidores com lotação (``unidade_id``, ``unidade_nome``) e jornada em vigor na ``data`` (hoje).

    ``nome``: parte do nome, sem distinguir maiúsculas e acentos; ``cpf`` e ``matricula``: começo;
    ``escola_id``: lotados nela na data; ``ativo`` None traz também os desligados.
    """
    sessao.exigir(Permissao.MAGISTERIO_LER)
    if cargo:
        cargo = escolha(Cargo, cargo, "cargo")
    linhas = armazem.listar(sessao.db, data=data or date.today(), nome=nome, cpf=cpf, matricula=matricula,
                            unidade_id=escola_id, cargo=cargo, ativo=ativo)
    for r in linhas:
        r["ativo"] = bool(r["ativo"])
        r["cargo_rotulo"] = ROTULOS_CARGO[r["cargo"]]
    return linhas


def obter(sessao: Sessao, servidor_id: str) -> dict:
    """Dados cadastrais do servidor (com nome, CPF e nascimento da pessoa)."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return obter_servidor(sessao.db, servidor_id)


def ficha(sessao: Sessao, servidor_id: str) -> FichaFuncional:
    """A ficha funcional completa, pronta para as regras de carreira e de folha."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    resultado = armazem_fichas.carregar_ficha(sessao.db, servidor_id)
    if resultado is None:
        raise ErroNegocio("Servidor não encontrado; atualize a lista e tente de novo.")
    return resultado


def fichas(sessao: Sessao, ids: list[str] | None = None) -> list[FichaFuncional]:
    """Fichas de vários servidores (todos, com None) num número fixo de consultas."""
    sessao.exigir(Permissao.MAGISTERIO_LER)
    return armazem_fichas.carregar_fichas(sessao.db, ids)
