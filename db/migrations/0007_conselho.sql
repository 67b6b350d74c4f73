-- Conselho Tutelar em funcionamento (Lei 320/2023 de Itapiranga-AM, arts. 16-49; ECA arts. 98-137):
-- conselheiros e mandatos (com exercícios, afastamentos, vacâncias, funções e penalidades), escala de
-- plantão com trocas, atendimentos no modelo do SIPIA CT (crianças, família, violações, medidas,
-- decisões do colegiado com prazos, requisições, encaminhamentos, acompanhamento, impedimentos),
-- índice de busca (FTS5), rascunhos cifrados do plantão, fiscalização de entidades e contracheques.

CREATE TABLE conselho_conselheiros (
    id                  TEXT PRIMARY KEY,
    pessoa_id           TEXT NOT NULL REFERENCES pessoas (id),
    eleito_id           TEXT UNIQUE REFERENCES conselheiros_eleitos (id),
    usuario_id          TEXT UNIQUE REFERENCES usuarios (id),
    condicao            TEXT NOT NULL CHECK (condicao IN ('titular', 'suplente')),
    ordem               INTEGER NOT NULL CHECK (ordem > 0),
    inicio_mandato      TEXT NOT NULL,
    fim_mandato         TEXT NOT NULL,
    situacao            TEXT NOT NULL CHECK (situacao IN ('em_exercicio', 'disponivel', 'afastado', 'vago')),
    servidor_municipal  INTEGER NOT NULL DEFAULT 0 CHECK (servidor_municipal IN (0, 1)),
    remuneracao_cargo   TEXT,                       -- decimal em texto, só com opção do art. 41
    dependentes_irrf    INTEGER NOT NULL DEFAULT 0 CHECK (dependentes_irrf >= 0),
    criado_em           TEXT NOT NULL,
    atualizado_em       TEXT NOT NULL,
    CHECK (fim_mandato > inicio_mandato),
    UNIQUE (inicio_mandato, condicao, ordem)
);

-- Períodos de exercício remunerado (titular desde a posse; suplente convocado enquanto substitui).
CREATE TABLE conselho_exercicios (
    id              TEXT PRIMARY KEY,
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    inicio          TEXT NOT NULL,
    fim             TEXT,
    substitui_id    TEXT REFERENCES conselho_conselheiros (id),
    motivo          TEXT NOT NULL,
    criado_em       TEXT NOT NULL,
    CHECK (fim IS NULL OR fim >= inicio)
);
CREATE INDEX conselho_exercicios_conselheiro ON conselho_exercicios (conselheiro_id, inicio);

CREATE TABLE conselho_afastamentos (
    id              TEXT PRIMARY KEY,
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    tipo            TEXT NOT NULL CHECK (tipo IN ('vacancia', 'candidatura', 'licenca_maternidade',
                        'licenca_paternidade', 'ferias', 'licenca', 'liminar_disciplinar', 'suspensao')),
    causa           TEXT,                           -- vacância: renuncia, outro_cargo, destituicao, falecimento, condenacao
    inicio          TEXT NOT NULL,
    fim             TEXT,
    remunerado      INTEGER NOT NULL CHECK (remunerado IN (0, 1)),
    suplente_id     TEXT REFERENCES conselho_conselheiros (id),
    observacao      TEXT NOT NULL DEFAULT '',
    criado_em       TEXT NOT NULL,
    CHECK (tipo <> 'vacancia' OR causa IN ('renuncia', 'outro_cargo', 'destituicao', 'falecimento', 'condenacao')),
    CHECK (fim IS NULL OR fim >= inicio)
);

CREATE TABLE conselho_funcoes (
    id              TEXT PRIMARY KEY,
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    funcao          TEXT NOT NULL CHECK (funcao IN ('presidente', 'vice')),
    inicio          TEXT NOT NULL,
    fim             TEXT,
    criado_em       TEXT NOT NULL,
    CHECK (fim IS NULL OR fim >= inicio)
);

CREATE TABLE conselho_penalidades (
    id              TEXT PRIMARY KEY,
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    tipo            TEXT NOT NULL CHECK (tipo IN ('advertencia', 'suspensao', 'destituicao')),
    aplicada_em     TEXT NOT NULL,
    motivo          TEXT NOT NULL CHECK (length(trim(motivo)) >= 10),
    processo        TEXT NOT NULL CHECK (length(trim(processo)) > 0),
    inicio          TEXT,
    fim             TEXT,
    criado_em       TEXT NOT NULL
);

CREATE TABLE conselho_escalas (
    id              TEXT PRIMARY KEY,
    inicio          TEXT NOT NULL,
    fim             TEXT NOT NULL,
    criado_em       TEXT NOT NULL,
    criado_por      TEXT NOT NULL,
    CHECK (fim >= inicio)
);

CREATE TABLE conselho_plantoes (
    id              TEXT PRIMARY KEY,
    escala_id       TEXT NOT NULL REFERENCES conselho_escalas (id),
    inicio          TEXT NOT NULL,                  -- aaaa-mm-ddThh:mm, hora local
    fim             TEXT NOT NULL,
    tipo            TEXT NOT NULL CHECK (tipo IN ('noite', 'dia')),
    modalidade      TEXT NOT NULL DEFAULT 'plantao' CHECK (modalidade IN ('plantao', 'sobreaviso')),
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    cumprido        INTEGER NOT NULL DEFAULT 1 CHECK (cumprido IN (0, 1)),
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL,
    CHECK (fim > inicio),
    UNIQUE (inicio, fim)
);
CREATE INDEX conselho_plantoes_conselheiro ON conselho_plantoes (conselheiro_id, inicio);

CREATE TABLE conselho_trocas (
    id              TEXT PRIMARY KEY,
    plantao_id      TEXT NOT NULL REFERENCES conselho_plantoes (id),
    de_id           TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    para_id         TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    motivo          TEXT NOT NULL,
    trocado_em      TEXT NOT NULL,
    trocado_por     TEXT NOT NULL,
    CHECK (de_id <> para_id)
);

CREATE TABLE conselho_atendimentos (
    id              TEXT PRIMARY KEY,
    numero          INTEGER NOT NULL CHECK (numero > 0),
    ano             INTEGER NOT NULL,
    tipo            TEXT NOT NULL CHECK (tipo IN ('informacao', 'denuncia', 'atendimento')),
    recebido_em     TEXT NOT NULL,                  -- aaaa-mm-ddThh:mm, hora local
    origem          TEXT NOT NULL DEFAULT '',
    relato          TEXT NOT NULL DEFAULT '',
    bairro          TEXT NOT NULL DEFAULT '',
    situacao        TEXT NOT NULL DEFAULT 'aberto' CHECK (situacao IN ('aberto', 'acompanhamento', 'arquivado')),
    plantao         INTEGER NOT NULL DEFAULT 0 CHECK (plantao IN (0, 1)),
    registrado_por  TEXT REFERENCES conselho_conselheiros (id),
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL,
    UNIQUE (ano, numero)
);
CREATE INDEX conselho_atendimentos_recebido ON conselho_atendimentos (recebido_em);

CREATE TABLE conselho_criancas (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    nome            TEXT NOT NULL CHECK (length(trim(nome)) > 1),
    nascimento      TEXT,
    sexo            TEXT CHECK (sexo IS NULL OR sexo IN ('F', 'M'))
);
CREATE INDEX conselho_criancas_atendimento ON conselho_criancas (atendimento_id);

CREATE TABLE conselho_familiares (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    nome            TEXT NOT NULL,
    vinculo         TEXT NOT NULL DEFAULT '',
    telefone        TEXT NOT NULL DEFAULT '',
    endereco        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conselho_familiares_atendimento ON conselho_familiares (atendimento_id);

CREATE TABLE conselho_violacoes (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    direito         TEXT NOT NULL CHECK (direito IN ('vida_saude', 'liberdade_respeito_dignidade',
                        'convivencia_familiar', 'educacao_cultura_esporte_lazer', 'profissionalizacao_trabalho')),
    agente          TEXT NOT NULL CHECK (agente IN ('pais_responsaveis', 'familiares', 'estado', 'sociedade',
                        'proprio', 'desconhecido')),
    descricao       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conselho_violacoes_atendimento ON conselho_violacoes (atendimento_id);

CREATE TABLE conselho_decisoes (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    descricao       TEXT NOT NULL CHECK (length(trim(descricao)) > 0),
    motivacao       TEXT NOT NULL CHECK (length(trim(motivacao)) > 0),
    decidida_em     TEXT NOT NULL,                  -- hora local
    emergencial     INTEGER NOT NULL DEFAULT 0 CHECK (emergencial IN (0, 1)),
    ratificar_ate   TEXT,                           -- dia útil (art. 21 §1º), só emergencial
    colegiado_em    TEXT,
    colegiado       TEXT CHECK (colegiado IS NULL OR colegiado IN ('ratificada', 'retificada')),
    retificacao     TEXT,
    comunicar_ate   TEXT NOT NULL,                  -- art. 21 §2º
    comunicada_em   TEXT,
    comunicada_a    TEXT,
    conselheiro_id  TEXT REFERENCES conselho_conselheiros (id),
    criado_em       TEXT NOT NULL,
    CHECK (emergencial = 0 OR ratificar_ate IS NOT NULL)
);
CREATE INDEX conselho_decisoes_prazos ON conselho_decisoes (comunicada_em, comunicar_ate);

CREATE TABLE conselho_medidas (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    decisao_id      TEXT REFERENCES conselho_decisoes (id),
    crianca_id      TEXT REFERENCES conselho_criancas (id),
    codigo          TEXT NOT NULL CHECK (codigo IN ('101-I', '101-II', '101-III', '101-IV', '101-V', '101-VI',
                        '101-VII', '129-I', '129-II', '129-III', '129-IV', '129-V', '129-VI', '129-VII')),
    destinatario    TEXT NOT NULL DEFAULT '',
    aplicada_em     TEXT NOT NULL
);
CREATE INDEX conselho_medidas_atendimento ON conselho_medidas (atendimento_id);

CREATE TABLE conselho_requisicoes (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    orgao           TEXT NOT NULL CHECK (length(trim(orgao)) > 0),
    servico         TEXT NOT NULL CHECK (length(trim(servico)) > 0),
    emitida_em      TEXT NOT NULL,
    prazo           TEXT NOT NULL,
    atendida_em     TEXT,
    resposta        TEXT,
    criado_em       TEXT NOT NULL
);

CREATE TABLE conselho_encaminhamentos (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    destino         TEXT NOT NULL CHECK (length(trim(destino)) > 0),
    motivo          TEXT NOT NULL DEFAULT '',
    encaminhado_em  TEXT NOT NULL
);

CREATE TABLE conselho_acompanhamentos (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    registrado_em   TEXT NOT NULL,
    texto           TEXT NOT NULL CHECK (length(trim(texto)) > 0),
    conselheiro_id  TEXT REFERENCES conselho_conselheiros (id)
);

-- Art. 44: o conselheiro impedido ou suspeito não vê nem age no caso.
CREATE TABLE conselho_impedimentos (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    tipo            TEXT NOT NULL CHECK (tipo IN ('impedimento', 'suspeicao')),
    motivo          TEXT NOT NULL,
    declarado_em    TEXT NOT NULL,
    UNIQUE (atendimento_id, conselheiro_id)
);

-- Busca por nome (criança, família) e bairro; o texto fica dentro da base cifrada.
CREATE VIRTUAL TABLE conselho_busca USING fts5(
    atendimento_id UNINDEXED, nomes, bairro, tokenize = 'unicode61 remove_diacritics 2'
);

-- Rascunhos do plantão: conteúdo cifrado (AES-GCM) com chave derivada da chave da base.
CREATE TABLE conselho_rascunhos (
    id              TEXT PRIMARY KEY,
    usuario_id      TEXT NOT NULL REFERENCES usuarios (id),
    chave           TEXT NOT NULL,
    conteudo        BLOB NOT NULL,
    atualizado_em   TEXT NOT NULL,
    UNIQUE (usuario_id, chave)
);

CREATE TABLE conselho_entidades (
    id              TEXT PRIMARY KEY,
    nome            TEXT NOT NULL UNIQUE CHECK (length(trim(nome)) > 0),
    regime          TEXT NOT NULL,                  -- ECA, art. 90
    endereco        TEXT NOT NULL DEFAULT '',
    bairro          TEXT NOT NULL DEFAULT '',
    ativo           INTEGER NOT NULL DEFAULT 1 CHECK (ativo IN (0, 1)),
    criado_em       TEXT NOT NULL
);

CREATE TABLE conselho_visitas (
    id                  TEXT PRIMARY KEY,
    entidade_id         TEXT NOT NULL REFERENCES conselho_entidades (id),
    semestre            TEXT NOT NULL CHECK (semestre GLOB '[0-9][0-9][0-9][0-9]-[12]'),
    prevista_para       TEXT NOT NULL,
    realizada_em        TEXT,
    conselheiros        TEXT NOT NULL DEFAULT '',
    relato              TEXT NOT NULL DEFAULT '',
    irregularidades     TEXT NOT NULL DEFAULT '',
    comunicada_em       TEXT,                       -- ao CMDCA e ao MP (art. 34)
    documento_id        TEXT REFERENCES documentos (id),
    criado_em           TEXT NOT NULL,
    UNIQUE (entidade_id, semestre)
);

CREATE TABLE conselho_contracheques (
    id              TEXT PRIMARY KEY,
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id),
    competencia     TEXT NOT NULL,
    linhas          TEXT NOT NULL,                  -- JSON
    proventos       TEXT NOT NULL,
    descontos       TEXT NOT NULL,
    liquido         TEXT NOT NULL,
    documento_id    TEXT NOT NULL REFERENCES documentos (id),
    criado_em       TEXT NOT NULL
);
CREATE INDEX conselho_contracheques_competencia ON conselho_contracheques (competencia, conselheiro_id);
