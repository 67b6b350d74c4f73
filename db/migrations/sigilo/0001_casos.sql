-- Domínio sigiloso do Conselho Tutelar (ECA arts. 17 e 100; LGPD art. 14; Lei 320/2023, art. 21 §4º):
-- o conteúdo dos casos, num arquivo SQLCipher próprio (<base>.sigilo) com chave própria, anexado à
-- conexão como esquema "sigilo" só nas sessões que têm essa chave (conselheiros e consulta do MP/juízo).
-- Chaves estrangeiras para tabelas da base geral (conselheiros, usuários) não existem entre arquivos:
-- os serviços conferem. Migrações deste arquivo são numeradas à parte (user_version deste arquivo).

-- Identidade do arquivo: o mesmo arquivo_id fica na base geral (sigilo_arquivo); um .sigilo de outra
-- base, ou de outra cópia, é recusado.
CREATE TABLE sigilo_identidade (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    arquivo_id  TEXT NOT NULL,
    criado_em   TEXT NOT NULL
);
INSERT INTO sigilo_identidade (id, arquivo_id, criado_em)
VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- O diário deste domínio: mesma forma do diário geral (0001), só cresce; toda mudança nas tabelas
-- abaixo e toda leitura de caso vão para cá, nunca para o diário geral.
CREATE TABLE diario (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    momento         TEXT NOT NULL,
    usuario         TEXT NOT NULL,
    maquina         TEXT NOT NULL,
    versao_programa TEXT NOT NULL,
    tabela          TEXT NOT NULL,
    registro_id     TEXT NOT NULL,
    acao            TEXT NOT NULL CHECK (acao IN ('inserir', 'alterar', 'excluir', 'evento')),
    antes           TEXT,
    depois          TEXT,
    hash_anterior   TEXT NOT NULL,
    hash            TEXT NOT NULL UNIQUE
);
CREATE INDEX diario_tabela ON diario (tabela, registro_id);
CREATE INDEX diario_momento ON diario (momento);
CREATE TRIGGER diario_sem_alterar BEFORE UPDATE ON diario
BEGIN SELECT RAISE(ABORT, 'O diário de auditoria não pode ser alterado.'); END;
CREATE TRIGGER diario_sem_excluir BEFORE DELETE ON diario
BEGIN SELECT RAISE(ABORT, 'O diário de auditoria não pode ser apagado.'); END;

-- ``busca_rowid``: a ordem da lista como inteiro estável (minuto do recebimento << 20 + número; não
-- muda no VACUUM) e o rowid da linha do caso em conselho_busca: a busca percorre o FTS na ordem da tela
-- e para na página; regravar o índice de um caso é DELETE ... WHERE rowid = ? (sem varredura).
CREATE TABLE conselho_atendimentos (
    id              TEXT PRIMARY KEY,
    busca_rowid     INTEGER NOT NULL UNIQUE,
    numero          INTEGER NOT NULL CHECK (numero > 0),
    ano             INTEGER NOT NULL,
    tipo            TEXT NOT NULL CHECK (tipo IN ('informacao', 'denuncia', 'atendimento')),
    recebido_em     TEXT NOT NULL,                  -- aaaa-mm-ddThh:mm, hora local
    origem          TEXT NOT NULL DEFAULT '',
    relato          TEXT NOT NULL DEFAULT '',
    bairro          TEXT NOT NULL DEFAULT '',
    situacao        TEXT NOT NULL DEFAULT 'aberto' CHECK (situacao IN ('aberto', 'acompanhamento', 'arquivado')),
    plantao         INTEGER NOT NULL DEFAULT 0 CHECK (plantao IN (0, 1)),
    registrado_por  TEXT,                           -- conselho_conselheiros (base geral)
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL,
    UNIQUE (ano, numero)
);
-- A lista (e a busca) na ordem em que aparece na tela: mais recentes primeiro.
CREATE INDEX conselho_atendimentos_ordem ON conselho_atendimentos (recebido_em, numero, busca_rowid);
CREATE INDEX conselho_atendimentos_situacao ON conselho_atendimentos (situacao, recebido_em, numero);

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
    decidida_em     TEXT NOT NULL,
    emergencial     INTEGER NOT NULL DEFAULT 0 CHECK (emergencial IN (0, 1)),
    ratificar_ate   TEXT,
    colegiado_em    TEXT,
    colegiado       TEXT CHECK (colegiado IS NULL OR colegiado IN ('ratificada', 'retificada')),
    retificacao     TEXT,
    comunicar_ate   TEXT NOT NULL,
    comunicada_em   TEXT,
    comunicada_a    TEXT,
    conselheiro_id  TEXT,                           -- conselho_conselheiros (base geral)
    criado_em       TEXT NOT NULL,
    CHECK (emergencial = 0 OR ratificar_ate IS NOT NULL)
);
CREATE INDEX conselho_decisoes_prazos ON conselho_decisoes (comunicada_em, comunicar_ate);
CREATE INDEX conselho_decisoes_atendimento ON conselho_decisoes (atendimento_id);

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
CREATE INDEX conselho_requisicoes_atendimento ON conselho_requisicoes (atendimento_id);

CREATE TABLE conselho_encaminhamentos (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    destino         TEXT NOT NULL CHECK (length(trim(destino)) > 0),
    motivo          TEXT NOT NULL DEFAULT '',
    encaminhado_em  TEXT NOT NULL
);
CREATE INDEX conselho_encaminhamentos_atendimento ON conselho_encaminhamentos (atendimento_id);

CREATE TABLE conselho_acompanhamentos (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    registrado_em   TEXT NOT NULL,
    texto           TEXT NOT NULL CHECK (length(trim(texto)) > 0),
    conselheiro_id  TEXT                            -- conselho_conselheiros (base geral)
);
CREATE INDEX conselho_acompanhamentos_atendimento ON conselho_acompanhamentos (atendimento_id);

-- Art. 44: o conselheiro impedido ou suspeito não vê nem age no caso.
CREATE TABLE conselho_impedimentos (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    conselheiro_id  TEXT NOT NULL,                  -- conselho_conselheiros (base geral)
    tipo            TEXT NOT NULL CHECK (tipo IN ('impedimento', 'suspeicao')),
    motivo          TEXT NOT NULL,
    declarado_em    TEXT NOT NULL,
    UNIQUE (atendimento_id, conselheiro_id)
);
CREATE INDEX conselho_impedimentos_conselheiro ON conselho_impedimentos (conselheiro_id, atendimento_id);

-- Busca por nome (criança, família) e bairro. rowid = conselho_atendimentos.busca_rowid.
CREATE VIRTUAL TABLE conselho_busca USING fts5(
    nomes, bairro, tokenize = 'unicode61 remove_diacritics 2'
);

-- Rascunhos do plantão: conteúdo cifrado (AES-GCM) com chave derivada da chave deste arquivo.
CREATE TABLE conselho_rascunhos (
    id              TEXT PRIMARY KEY,
    usuario_id      TEXT NOT NULL,                  -- usuarios (base geral)
    chave           TEXT NOT NULL,
    conteudo        BLOB NOT NULL,
    atualizado_em   TEXT NOT NULL,
    UNIQUE (usuario_id, chave)
);
