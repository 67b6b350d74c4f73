-- Fundação: órgão, usuários, diário encadeado, parâmetros datados, feriados, documentos emitidos.
-- Migrações publicadas nunca são editadas: uma mudança de esquema é uma nova migração.

CREATE TABLE escritorio (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    nome          TEXT NOT NULL,
    municipio     TEXT NOT NULL,
    uf            TEXT NOT NULL CHECK (length(uf) = 2),
    cnpj          TEXT NOT NULL CHECK (length(cnpj) = 14),
    brasao        BLOB,
    brasao_tipo   TEXT,
    base_id       TEXT NOT NULL,
    criado_em     TEXT NOT NULL,
    atualizado_em TEXT NOT NULL
);

CREATE TABLE usuarios (
    id            TEXT PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    nome          TEXT NOT NULL,
    papel         TEXT NOT NULL CHECK (papel IN ('administrador', 'folha_rh', 'comissao_eleitoral',
                                                 'conselheiro_tutelar', 'secretaria_certificacao',
                                                 'consulta')),
    ativo         INTEGER NOT NULL DEFAULT 1 CHECK (ativo IN (0, 1)),
    trocar_senha  INTEGER NOT NULL DEFAULT 0 CHECK (trocar_senha IN (0, 1)),
    criado_em     TEXT NOT NULL,
    atualizado_em TEXT NOT NULL
);

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

-- O diário só cresce.
CREATE TRIGGER diario_sem_alterar BEFORE UPDATE ON diario
BEGIN SELECT RAISE(ABORT, 'O diário de auditoria não pode ser alterado.'); END;
CREATE TRIGGER diario_sem_excluir BEFORE DELETE ON diario
BEGIN SELECT RAISE(ABORT, 'O diário de auditoria não pode ser apagado.'); END;

CREATE TABLE parametros_definicao (
    nome       TEXT PRIMARY KEY,
    titulo     TEXT NOT NULL,
    descricao  TEXT NOT NULL,
    tipo       TEXT NOT NULL CHECK (tipo IN ('valor', 'percentual', 'tabela'))
);

CREATE TABLE parametros (
    id          TEXT PRIMARY KEY,
    nome        TEXT NOT NULL REFERENCES parametros_definicao (nome),
    inicio      TEXT NOT NULL,               -- início da vigência, ISO aaaa-mm-dd
    valor       TEXT NOT NULL,               -- JSON; dinheiro como texto decimal "1621.00"
    fundamento  TEXT NOT NULL,               -- ato e artigo
    status      TEXT NOT NULL DEFAULT 'V' CHECK (status IN ('V', 'S', 'NV')),
    origem      TEXT NOT NULL CHECK (origem IN ('padrao', 'usuario')),
    criado_em   TEXT NOT NULL,
    UNIQUE (nome, inicio)
);

CREATE TABLE feriados_municipais (
    id          TEXT PRIMARY KEY,
    data        TEXT NOT NULL,               -- ISO; se anual, o ano é o do primeiro ano
    descricao   TEXT NOT NULL,
    anual       INTEGER NOT NULL DEFAULT 1 CHECK (anual IN (0, 1)),
    ativo       INTEGER NOT NULL DEFAULT 1 CHECK (ativo IN (0, 1)),
    criado_em   TEXT NOT NULL
);

CREATE TABLE documentos (
    id                  TEXT PRIMARY KEY,
    tipo                TEXT NOT NULL,
    numero              INTEGER NOT NULL,
    ano                 INTEGER NOT NULL,
    via                 INTEGER NOT NULL DEFAULT 1 CHECK (via >= 1),
    titulo              TEXT NOT NULL,
    referencia          TEXT,
    emitido_em          TEXT NOT NULL,
    emitido_por         TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    codigo              TEXT NOT NULL UNIQUE,
    paginas             INTEGER NOT NULL,
    cancelado_em        TEXT,
    cancelado_por       TEXT,
    motivo_cancelamento TEXT,
    UNIQUE (tipo, ano, numero, via)
);
CREATE INDEX documentos_sha ON documentos (sha256);
CREATE TRIGGER documentos_sem_excluir BEFORE DELETE ON documentos
BEGIN SELECT RAISE(ABORT, 'Documentos emitidos não podem ser apagados; cancele-os.'); END;

CREATE TABLE configuracoes (
    chave  TEXT PRIMARY KEY,
    valor  TEXT NOT NULL
);
