-- Várias máquinas (issue 15): o registro de alterações do conteúdo sigiloso fica no próprio arquivo
-- sigiloso, com a chave do sigilo; a chave privada X25519 do sigilo desta réplica também.
CREATE TABLE sync_local (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    replica_id       TEXT NOT NULL,
    privada_x25519   BLOB NOT NULL
);
CREATE TABLE sync_alteracoes (
    origem       TEXT NOT NULL,
    contador     INTEGER NOT NULL,
    hlc          TEXT NOT NULL,
    tabela       TEXT NOT NULL,
    registro_id  TEXT NOT NULL,
    acao         TEXT NOT NULL CHECK (acao IN ('inserir', 'alterar', 'excluir', 'decidir')),
    valores      TEXT NOT NULL,
    bases        TEXT NOT NULL,
    usuario      TEXT NOT NULL,
    PRIMARY KEY (origem, contador)
) WITHOUT ROWID;
CREATE INDEX sync_alteracoes_registro ON sync_alteracoes (tabela, registro_id);
CREATE TABLE sync_campos (
    tabela       TEXT NOT NULL,
    registro_id  TEXT NOT NULL,
    coluna       TEXT NOT NULL,
    versao       TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    PRIMARY KEY (tabela, registro_id, coluna)
) WITHOUT ROWID;
CREATE TABLE sync_conflitos (
    tabela       TEXT NOT NULL,
    registro_id  TEXT NOT NULL,
    coluna       TEXT NOT NULL,
    cabecas      TEXT NOT NULL,
    PRIMARY KEY (tabela, registro_id, coluna)
) WITHOUT ROWID;
CREATE TABLE sync_confirmadas (
    replica_id   TEXT NOT NULL,
    origem       TEXT NOT NULL,
    contador     INTEGER NOT NULL,
    PRIMARY KEY (replica_id, origem)
) WITHOUT ROWID;
