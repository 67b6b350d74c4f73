"""Os benchmarks rodam até o fim (não se mede tempo aqui): um benchmark quebrado não dá figura nenhuma.

Cada um roda com os menores parâmetros que aceita, num processo novo, com HOME, TMPDIR e as pastas XDG numa
pasta do teste e sem PACO_CONFIG, PACO_DADOS e PACO_LOGS: o teste confere que ele chega às linhas que importam
(as figuras que compara e a linha RESUMO), que não deixou nada na pasta temporária e que não escreveu na casa do
usuário (configuração, dados, registros do Paço). ``instalador.py`` fica de fora: gera dois pacotes do
PyInstaller (~3 min aqui); o pacote do Paço é conferido em tests/test_instalador.py.
"""
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import RAIZ

_FORA = ("PYTHONPATH", "PACO_CONFIG", "PACO_DADOS", "PACO_LOGS", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
         "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")


def _ambiente(tmp_path: Path) -> dict:
    casa, temporaria, execucao = tmp_path / "casa", tmp_path / "tmp", tmp_path / "execucao"
    for pasta in (casa, temporaria, execucao):
        pasta.mkdir()
    execucao.chmod(0o700)
    return {k: v for k, v in os.environ.items() if k not in _FORA} | {
        "QT_QPA_PLATFORM": "offscreen", "HOME": str(casa), "TMPDIR": str(temporaria),
        "XDG_RUNTIME_DIR": str(execucao)}


def _conferir_nada_para_tras(tmp_path: Path) -> None:
    sobras = sorted(p.name for p in (tmp_path / "tmp").iterdir())
    assert not sobras, f"ficou na pasta temporária: {sobras}"
    # o cache do fontconfig (se o do sistema estiver velho) não é do Paço; o resto da casa tem de ficar vazio
    escritos = sorted(str(p.relative_to(tmp_path / "casa")) for p in (tmp_path / "casa").rglob("*")
                      if p.is_file() and not p.relative_to(tmp_path / "casa").parts[:2] == (".cache", "fontconfig"))
    assert not escritos, f"escreveu na casa do usuário: {escritos}"


def rodar(tmp_path: Path, nome: str, *argumentos: str) -> str:
    """Roda ``benchmarks/<nome>.py`` com ``argumentos``; devolve a saída (falha se ele quebrar ou sujar algo)."""
    saida = subprocess.run([sys.executable, str(RAIZ / "benchmarks" / f"{nome}.py"), *argumentos],
                           capture_output=True, text=True, env=_ambiente(tmp_path), cwd=RAIZ, timeout=300)
    assert saida.returncode == 0, saida.stdout[-2000:] + saida.stderr[-3000:]
    _conferir_nada_para_tras(tmp_path)
    return saida.stdout


def _linhas(saida: str, padroes: list[str]) -> None:
    for padrao in padroes:
        assert re.search(padrao, saida, re.MULTILINE), f"faltou /{padrao}/ na saída:\n{saida}"


def _comparacao(rotulo: str, n: int = 1) -> str:
    """A linha de um lado medido (comparar.linha): mediana, mín, máx, IQR e n."""
    return rf"^  {re.escape(rotulo)}\s+mediana\s+[\d.]+ \S+\s+mín\s+[\d.]+\s+máx\s+[\d.]+\s+IQR\s+[\d.]+\s+\(n={n}\)"


def _resumo(a: str, b: str, pares: int = 1, meta: str | None = None) -> str:
    """A linha RESUMO de comparar.razao: a / b, a mediana das razões por par e, se houver, a meta."""
    texto = (rf"^RESUMO: {re.escape(a)} / {re.escape(b)} = [\d.]+× \(mediana das razões por par [\d.]+×, "
             rf"{pares} pares alternados\)")
    if meta is not None:
        texto += rf" — meta ≤ {re.escape(meta)}×: (atingida|NÃO atingida)$"
    return texto


def _contra_meta(rotulo: str, n: int = 1, padrao: str | None = None) -> str:
    """A linha RESUMO de comparar.contra_meta (o rótulo literal, ou ``padrao`` como expressão regular)."""
    return (rf"^RESUMO: {padrao or re.escape(rotulo)} / meta = [\d.]+× \(mediana [\d.]+ \S+, pior [\d.]+ \S+, meta [\d.]+ \S+, "
            rf"n={n}\) — (atingida|NÃO atingida)$")


def test_eleicao_publica_o_resultado_com_boletins_na_fila_de_auditoria(tmp_path):
    """Com 100 seções sorteadas, um boletim passa dos limites de plausibilidade e vai à fila de auditoria: o
    benchmark o libera como o supervisor faz (antes, publicar_resultado recusava: 'seção ainda não aceita') e as
    regras e o serviço chegam à mesma classificação."""
    saida = rodar(tmp_path, "eleicao", "--secoes", "100", "--pares", "1")
    assert "1 de 100 boletins foram à fila de auditoria e o supervisor os liberou" in saida
    assert "mesma classificação pelas regras e pelo serviço: sim" in saida


def test_insercao_compara_os_dois_inserts_nas_duas_tabelas(tmp_path):
    saida = rodar(tmp_path, "insercao", "--pares", "1", "--linhas", "20")
    for titulo in ("conselho_familiares, só o INSERT", "conselho_familiares, INSERT + diário",
                   "configuracoes, só o INSERT", "configuracoes, INSERT + diário"):
        _linhas(saida, [rf"^{re.escape(titulo)}\n{_comparacao('sqlite-utils table.insert')[1:]}\n"
                        rf"{_comparacao('store.linhas.inserir')[1:]}\n{_resumo('sqlite-utils', 'linhas.inserir')[1:]}"])


def test_partida_alterna_o_paco_e_a_janela_vazia_e_chega_a_janela_principal(tmp_path):
    """--principal 1: um processo entra (argon2id de verdade), abre a janela principal e a fecha esperando as cópias."""
    saida = rodar(tmp_path, "partida", "--pares", "1", "--principal", "1")
    _linhas(saida, [_comparacao("janela PySide6 vazia"), _comparacao("Paço até a janela de entrada"),
                    r"^  Paço até a janela principal \(inclui argon2id e abrir a base; 1 processos\): \d+ ms; "
                    r"RSS depois da entrada [\d.]+ MiB$",
                    _resumo("Paço até a entrada", "janela vazia", meta="1.30")])


def test_folha_magisterio_fecha_e_desenha_o_lote_contra_o_reportlab_puro(tmp_path):
    saida = rodar(tmp_path, "folha_magisterio", "--servidores", "5", "--pares", "1")
    _linhas(saida, [r"^competência 10/2026: 5 contracheques, 0 erros, \d+ rubricas$",
                    r"^fechar \(recalcular \+ gravar\):\s+[\d.]+ s  \(5 contracheques\)$",
                    r"^lote de contracheques \(5 páginas,",
                    _comparacao("desenho do lote (contracheque.gerar_lote)"),
                    _comparacao("reportlab puro (a mesma página)"), _comparacao("emitir_lote (+ ler, selar, registrar)"),
                    _resumo("desenho do lote do Paço", "reportlab puro", meta="1.00")])


def test_documentos_emite_o_lote_e_assina_em_pades(tmp_path):
    saida = rodar(tmp_path, "documentos", "--servidores", "5", "--assinar", "2", "--pares", "1")
    _linhas(saida, [r"^contracheques: 5  \(5 páginas,", _comparacao("ler a folha gravada + desenhar o lote"),
                    _comparacao("emitir_lote (+ selar, registrar, guardar)"),
                    _comparacao("PAdES, um PDF por servidor (amostra de 2)", 2),
                    _resumo("emitir e guardar", "ler + desenhar", meta="1.15"),
                    _contra_meta("PAdES por documento", 2)])


def test_folha_pdf_confere_a_mesma_pagina_e_compara_tempo_e_memoria(tmp_path):
    saida = rodar(tmp_path, "folha_pdf", "--servidores", "5", "--pares", "1", "--analitica")
    _linhas(saida, [r"^mesma página \(texto extraído igual\): sim ", _comparacao("Paço (contracheque.gerar_lote)"),
                    _comparacao("reportlab puro (a mesma página)"), _comparacao("memória a mais — Paço"),
                    _comparacao("memória a mais — reportlab puro"),
                    _resumo("tempo Paço", "reportlab puro", meta="1.00"),
                    _resumo("memória Paço", "reportlab puro", meta="1.30"),
                    r"^folha analítica:\s+[\d.]+ s", r"^CSV da folha:\s+[\d.]+ s"])


def test_importacao_analisa_e_grava_a_planilha(tmp_path):
    saida = rodar(tmp_path, "importacao", "--linhas", "50", "--repeticoes", "1", "--gravar")
    # 1 % das linhas com erro (jornada de 30 h, art. 23): das 50, a de índice 7
    _linhas(saida, [_comparacao("analisar CSV (Windows-1252, ;)"), _comparacao("analisar XLSX"),
                    r"\(n=1\)  49 válidas, 1 com erro$", r"^importar \(gravar\) CSV, uma transação",
                    _contra_meta("", padrao=r"analisar (CSV \(Windows-1252, ;\)|XLSX) \(o formato mais lento\)")])


def test_pagamento_roda_a_competencia_inteira(tmp_path):
    saida = rodar(tmp_path, "pagamento", "--servidores", "5", "--repeticoes", "1")
    _linhas(saida, [r"^  calcular \(prévia, 5 contracheques, \d+ rubricas\)", _comparacao("fechar (recalcular + gravar 5)"),
                    r"^  lote de contracheques em PDF \(5 páginas\)", r"^  CNAB 240 \(\d+ créditos",
                    r"^  eSocial sem assinatura \(\d+ eventos, XSD\)", r"^  eSocial assinado A1 \(\d+ eventos validados no XSD\)",
                    _comparacao("TOTAL de uma rodada (sem o cadastro)"),
                    _contra_meta("calcular + fechar + PDF + conferir + CNAB + eSocial (sem assinatura)")])


def test_rotacao_troca_as_chaves_de_cada_jeito(tmp_path):
    saida = rodar(tmp_path, "rotacao", "--servidores", "5", "--casos", "20", "--repeticoes", "1")
    _linhas(saida, [r"^Base: 5 servidores, 20 atendimentos;",
                    r"^  Desativar um usuário \(chave geral: recifra a base\)\s+mediana",
                    r"^  Redefinir a senha de outro \(idem\)\s+mediana",
                    r"^  Desativar um conselheiro \(geral; sigilo fica pendente\)\s+mediana",
                    _comparacao("Entrada do conselheiro: troca pendente do sigilo"),
                    _comparacao("Entrar de novo com a chave nova"),
                    r"^RESUMO: .+ \(a troca mais lenta\) / meta = [\d.]+× .+ — (atingida|NÃO atingida)$"])


@pytest.mark.parametrize("modo, argumentos, rotulo, iguais", [
    ("alteracoes", ["--alteracoes", "20"], "20 alterações",
     "somas de pessoas iguais nas duas máquinas depois de cada rodada: sim"),
    ("conselho", ["--conselho", "--casos", "3", "--notas", "5"], "semana do conselho",
     "as duas máquinas iguais depois de cada semana: sim"),
    ("folha", ["--folha", "--servidores", "5"], "mês da folha", "as duas máquinas iguais: sim"),
])
def test_sincronizacao_aplica_o_pacote_e_as_maquinas_ficam_iguais(tmp_path, modo, argumentos, rotulo, iguais):
    saida = rodar(tmp_path, "sincronizacao", *argumentos, "--repeticoes", "1")
    assert iguais in saida
    _linhas(saida, [_comparacao("exportar"), _comparacao("importar e aplicar"), _comparacao("exportar + aplicar"),
                    _contra_meta(f"{rotulo}: exportar + aplicar")])


def test_conselho_busca_grava_e_lista(tmp_path):
    saida = rodar(tmp_path, "conselho", "--casos", "200", "--consultas", "8", "--gravacoes", "4")
    _linhas(saida, [r"^Abrir a lista \(1ª página, 200 casos\)\s+[\d.]+ ms$",
                    r"^Lista: página 50 pela chave \(apos, como a tela ao rolar\)\s+[\d.]+ ms$",
                    r"^  todas\s+n=8\s+mediana", r"leituras no diário sigiloso: 16 de 16 buscas \(todas\)$",
                    r"^  registrar_atendimento \(total\)\s+n=4\s+mediana", r"^  fsync de 4 KiB neste disco \(piso\)",
                    r"^  decomposição pelas marcas do SQLite", r"^CSV do trimestre para o SIPIA\s+[\d.]+ ms$",
                    r"^RESUMO: busca p95 [\d.]+ ms / meta 20 ms = [\d.]+× .+; 200 casos, 8 consultas;"])


def test_conselho_compara_a_gravacao_do_codigo_antigo_e_do_novo(tmp_path):
    """--comparar troca funções do Paço pelas de antes (_codigo_antigo): quebra se alguma mudar de nome."""
    saida = rodar(tmp_path, "conselho", "--casos", "50", "--gravacoes", "2", "--repeticoes", "2", "--comparar",
                  "--replica")
    _linhas(saida, [r"^  bloco 1: antes: mediana [\d.]+ p95", r"^  bloco 2: antes: mediana [\d.]+ p95",
                    r"^  antes   mediana", r"^  depois  mediana",
                    r"^RESUMO: p95 da gravação \(mediana dos 2 blocos; .+ antes [\d.]+ ms → depois [\d.]+ ms"])


FASES_TRAVAMENTOS = (
    "abrir a janela principal (Servidores)", "cópia de segurança diária (ao abrir)", "cópia de segurança manual",
    "trocar de aba e voltar a Servidores", "abrir a aba Folha mensal", "prévia da folha (10/2026)",
    "ordenar a folha por Nome (clique no cabeçalho)", "ordenar a folha por Líquido (clique no cabeçalho)",
    "prévia da folha ordenada por Líquido (10/2026)", "fechar a competência", "lote de contracheques em PDF", "fechar a janela (cópia ao fechar)",
    "Conselho: abrir a janela principal (20 casos)", "Conselho: cópia diária (ao abrir, com o sigilo)",
    "Conselho: ir à aba Atendimentos", "Conselho: 4 buscas digitadas (nomes e bairros)",
    "Conselho: cópia de segurança manual (com o sigilo)", "Conselho: fechar a janela (cópia ao fechar)",
)


def test_ordenacao_compara_os_quatro_jeitos_de_ordenar(tmp_path):
    saida = rodar(tmp_path, "ordenacao", "--linhas", "30", "--repeticoes", "1")
    _linhas(saida, [r"^  fase\s+lessThan\s+posto\s+permutação\s+modelo$",
                    *[rf"^  {re.escape(fase)}(\s+[\d.]+ \(\d+–\d+\)){{4}}$" for fase in (  # mediana (mín–máx)
                        "clicar no cabeçalho (Nome)", "inverter (Nome decrescente)", "ordenar por Líquido",
                        "receber as linhas ordenada (prévia)", "pintar a página ordenada")],
                    _contra_meta("modelo: ordenar e receber ordenada (sem a pintura)", n=4)])


def test_travamentos_passa_por_todas_as_fases_nas_telas_reais(tmp_path):
    """As telas de verdade do Magistério e do Conselho, com o vigia das pilhas (culpados.py); nenhum aviso de erro
    pode aparecer (o benchmark o anotaria e seguiria medindo uma tela que falhou)."""
    saida = rodar(tmp_path, "travamentos", "--servidores", "5", "--casos", "20", "--repeticoes", "1",
                  "--buscas", "4", "--culpados")
    assert "avisos mostrados durante a medida" not in saida, saida
    _linhas(saida, [rf"^  {re.escape(fase)}\s+maior intervalo\s+\d+ ms" for fase in FASES_TRAVAMENTOS])
    _linhas(saida, [r"^    do Enter à lista pintada na tela .+ \(4 buscas;",
                    r"^      do Enter à resposta na interface .+; da resposta à lista pintada .+ p95 [\d.]+ ms$",
                    r"^RESUMO \(1 repetições\): maior intervalo \d+ ms .+ \(meta ≤ 100 ms: (atingida|NÃO atingida)\)$",
                    r"^RESUMO sem a fila da CPU \(o que a carga da máquina não explica\): maior intervalo \d+ ms"])


def test_pasta_de_trabalho_e_apagada_quando_o_benchmark_e_morto_com_sigterm(tmp_path):
    """``kill PID`` e ``timeout`` mandam SIGTERM, que matava o processo sem rodar os ``finally``: a pasta
    temporária ficava em /tmp. Agora ela é apagada e o processo morre do mesmo jeito (código -SIGTERM)."""
    codigo = ("import sys, time; sys.path.insert(0, sys.argv[1]); from comparar import pasta_de_trabalho\n"
              "with pasta_de_trabalho('paco-sinal-') as p:\n"
              "    (p / 'base.db').write_bytes(b'x'); print(p, flush=True)\n"
              "    while True: time.sleep(0.05)\n")
    proc = subprocess.Popen([sys.executable, "-c", codigo, str(RAIZ / "benchmarks")], stdout=subprocess.PIPE,
                            text=True, env=_ambiente(tmp_path), cwd=RAIZ)
    try:
        pasta = Path(proc.stdout.readline().strip())
        assert pasta.parent == tmp_path / "tmp" and (pasta / "base.db").exists()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == -signal.SIGTERM
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not pasta.exists()
    _conferir_nada_para_tras(tmp_path)
