"""Verificar integridade (Administração e ``paco integridade``): corrente, âncoras e tabelas de dados.

Recalcula a corrente de cada diário que a sessão enxerga (o geral e, numa sessão do Conselho ou da
consulta, o sigiloso), compara-a com todas as âncoras que alcança — o arquivo de chaves, o ``.chaves``
de cada cópia nas pastas de cópias e o registro de cada documento emitido — e confere as tabelas de
dados contra a última imagem de cada registro no diário. Cada achado traz o número da linha. Quando
uma âncora acusa reescrita, abre a cópia de segurança dela (com a chave da sessão) para apontar a
primeira linha que difere. Nenhum conteúdo sai daqui: só números, tabelas, registros e nomes de campos.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from desktop.rules.papeis import Permissao
from desktop.store import ancoras as armazem_ancoras
from desktop.store import copias as armazem_copias
from desktop.store import consultas_diario, diario
from desktop.store import documentos as armazem_documentos
from desktop.store import escritorio as armazem_escritorio
from desktop.store.chaves import ArquivoChaves
from desktop.store.erros import ErroBase
from desktop.store.integridade import (Achado, Ancora, conferir_ancoras, conferir_forjadas,
                                       localizar_reescrita, percorrer, primeira_diferente, rotulo)
from desktop.store.integridade_dados import conferir_tabelas

from .sessao import Sessao

_ORDEM = {"inicio": 0, "apagada": 1, "alterada": 2, "elo": 3, "reescrita": 4, "truncada": 5,
          "forjada": 6, "dados_alterada": 7, "dados_apagada": 8, "dados_voltou": 9, "dados_sem_diario": 10}


@dataclass
class RelatorioIntegridade:
    """O veredito: linhas por diário, âncoras conferidas por origem, tabelas e os achados."""

    linhas: dict[str, int] = field(default_factory=dict)  # esquema -> linhas do diário
    ancoras: dict[str, int] = field(default_factory=dict)  # origem resumida -> quantas conferidas
    tabelas: int = 0
    achados: list[Achado] = field(default_factory=list)
    omitidos: int = 0
    sem_ancora_no_arquivo: bool = False
    abandonadas: int = 0  # âncoras de antes de uma restauração (outra linha do tempo), não conferidas

    @property
    def ok(self) -> bool:
        return not self.achados and not self.omitidos

    @property
    def primeira_quebrada(self) -> int | None:
        """A menor linha acusada no diário geral (compatível com a verificação só da corrente)."""
        seqs = [a.seq for a in self.achados if a.esquema == "main" and a.seq is not None]
        return min(seqs) if seqs else None

    def achados_do_tipo(self, *tipos: str) -> list[Achado]:
        return [a for a in self.achados if a.tipo in tipos]

    def _resumo_ancoras(self) -> str:
        if not self.ancoras:
            return "nenhuma âncora encontrada fora da base"
        partes = [f"{n} {origem}" for origem, n in sorted(self.ancoras.items())]
        total = sum(self.ancoras.values())
        plural = "âncoras conferidas" if total != 1 else "âncora conferida"
        return f"{total} {plural} ({', '.join(partes)})"

    def mensagem(self) -> str:
        total = sum(self.linhas.values())
        if self.ok:
            texto = (f"Diário íntegro: {total} registros conferidos, corrente de hashes intacta; "
                     f"{self._resumo_ancoras()}; {self.tabelas} tabelas de dados conferem com o diário.")
            if self.sem_ancora_no_arquivo:
                texto += " O arquivo de chaves ainda não tinha âncora (será gravada na próxima mudança)."
            if self.abandonadas:
                texto += (f" {self.abandonadas} âncora(s) de cópias feitas antes da última restauração "
                          "(de uma base que foi substituída) não foram conferidas.")
            return texto
        n = len(self.achados) + self.omitidos
        linhas = [f"Diário ADULTERADO: {n} problema{'s' if n != 1 else ''} encontrado{'s' if n != 1 else ''} "
                  f"({total} registros, {self._resumo_ancoras()}, {self.tabelas} tabelas conferidas)."]
        for a in self.achados:
            onde = f"{rotulo(a.esquema)}, linha nº {a.seq}" if a.seq is not None else rotulo(a.esquema)
            linhas.append(f"• {onde}: {a.mensagem}.")
        if self.omitidos:
            linhas.append(f"• … e mais {self.omitidos} problemas do mesmo tipo.")
        return "\n".join(linhas)


def _ancoras_das_copias(sessao: Sessao) -> list[Ancora]:
    from . import copias  # serviço: pastas principal e extra

    base_id = armazem_escritorio.base_id(sessao.db)
    pastas = [copias.pasta_copias(sessao)]
    extra = copias.pasta_extra(sessao)
    if extra is not None and extra.is_dir():
        pastas.append(extra)
    saida = []
    for pasta in pastas:
        for c in armazem_copias.listar_copias(pasta, base_id):
            if c.base_id != base_id:
                continue
            for esquema, a in armazem_ancoras.ler(c.arquivo_chaves).items():
                saida.append(Ancora(f"cópia {c.caminho.name}", esquema, a["seq"], a["hash"], a["momento"],
                                    c.caminho if esquema == "main" else None))
    return saida


def _ancoras_dos_documentos(sessao: Sessao) -> list[Ancora]:
    saida = []
    for tipo, numero, ano, via, seq, h, seq_s, h_s in armazem_documentos.ancoras(sessao.db):
        origem = f"documento {tipo} nº {numero}/{ano}, {via}ª via"
        if seq is not None and h:
            saida.append(Ancora(origem, "main", seq, h))
        if seq_s is not None and h_s:
            saida.append(Ancora(origem, "sigilo", seq_s, h_s))
    return saida


def coletar_ancoras(sessao: Sessao) -> list[Ancora]:
    """Todas as âncoras que a sessão alcança: arquivo de chaves, cópias e documentos."""
    do_arquivo = [Ancora("arquivo de chaves", e, a["seq"], a["hash"], a["momento"])
                  for e, a in armazem_ancoras.ler(ArquivoChaves.caminho_para(sessao.base.caminho)).items()]
    return do_arquivo + _ancoras_das_copias(sessao) + _ancoras_dos_documentos(sessao)


def outra_linha_do_tempo(a: Ancora, restauracoes_: list[tuple[int, str]]) -> bool:
    """Âncora feita depois da cópia restaurada e antes da restauração: de uma base abandonada.

    Quem restaura uma cópia volta o diário ao dela (linha R-1); as cópias e o arquivo de chaves de
    antes da restauração registram linhas nº R em diante de uma história que não existe mais.
    """
    return a.esquema == "main" and bool(a.momento) and any(
        a.seq >= seq and a.momento < momento for seq, momento in restauracoes_)


def _tipo_de_origem(a: Ancora) -> str:
    return "no arquivo de chaves" if a.origem == "arquivo de chaves" else (
        "de cópias" if a.origem.startswith("cópia") else "de documentos")


def _localizar_em_copia(sessao: Sessao, esquema: str, reescritas: list[Ancora]) -> int | None:
    for a in reescritas:
        if a.copia is None:
            continue
        try:
            with armazem_copias.abrir_copia(a.copia, sessao.base.chave) as referencia:
                return primeira_diferente(sessao.db, referencia, esquema, a.seq)
        except ErroBase:
            continue  # cópia de antes de uma troca de chave, ou danificada: tenta a próxima
    return None


def verificar(sessao: Sessao, progresso: Callable[[int, int, str], None] | None = None) -> RelatorioIntegridade:
    """A verificação completa (corrente, âncoras, tabelas) de cada diário que a sessão enxerga.

    ``progresso(feito, total, texto)`` acompanha o andamento (a tela o usa; uma exceção nele cancela).
    """
    sessao.exigir(Permissao.DIARIO_LER)
    armazem_ancoras.aguardar()  # as âncoras já pedidas estão no arquivo de chaves
    db = sessao.db
    r = RelatorioIntegridade()
    todas = coletar_ancoras(sessao)
    voltas = consultas_diario.restauracoes(db)
    r_abandonadas = [a for a in todas if outra_linha_do_tempo(a, voltas)]
    todas = [a for a in todas if a not in r_abandonadas]
    lacunas = armazem_ancoras.lacunas(ArquivoChaves.caminho_para(sessao.base.caminho))
    r.abandonadas = len(r_abandonadas)
    r.sem_ancora_no_arquivo = not any(a.origem == "arquivo de chaves" and a.esquema == "main" for a in todas)
    esquemas = diario.esquemas(db)
    total = 100 * len(esquemas)
    for i, esquema in enumerate(esquemas):
        def avisar(parte: float, texto: str, _i=i) -> None:
            if progresso:
                progresso(int(100 * _i + parte), total, texto)

        avisar(0, f"{rotulo(esquema)}: conferindo a corrente de hashes…")
        minhas = [a for a in todas if a.esquema == esquema]
        c = percorrer(db, esquema, {a.seq for a in minhas},
                      lambda feitas, n, _r=rotulo(esquema): avisar(
                          40 * feitas / max(n, 1), f"{_r}: {feitas} de {n} linhas conferidas…"))
        reescritas = conferir_ancoras(c, minhas)
        conferidas = [a for a in minhas if c.hashes.get(a.seq) == a.hash]
        localizada = _localizar_em_copia(sessao, esquema, reescritas) if reescritas else None
        localizar_reescrita(c, reescritas, conferidas, localizada)
        conferir_forjadas(c, minhas)
        for lac in lacunas.get(esquema, []):
            faixa = f"a linha nº {lac['de']}" if lac["de"] == lac["ate"] else f"as linhas nº {lac['de']} a {lac['ate']}"
            c.achar("forjada", lac["de"],
                    f"{faixa} entraram no diário sem passar pelo Paço (notado em "
                    f"{str(lac.get('notada_em', ''))[:16].replace('T', ' ')}, quando a âncora era a linha nº "
                    f"{lac.get('ancora_anterior', '?')}): foram acrescentadas com a chave por fora do Paço, ou "
                    "gravadas por um Paço interrompido antes de ancorar")
        avisar(45, f"{rotulo(esquema)}: conferindo as tabelas de dados…")
        dados, n_tabelas = conferir_tabelas(db, esquema, lambda feitas, n: avisar(
            45 + 55 * feitas / max(n, 1), f"{rotulo(esquema)}: tabela {feitas + 1} de {n}…"))
        r.linhas[esquema] = c.linhas
        r.tabelas += n_tabelas
        r.achados += c.achados + dados
        r.omitidos += c.omitidos
        for a in conferidas:
            chave = _tipo_de_origem(a)
            r.ancoras[chave] = r.ancoras.get(chave, 0) + 1
    r.achados.sort(key=lambda a: (a.esquema != "main", _ORDEM.get(a.tipo, 99), a.seq or 0))
    return r
