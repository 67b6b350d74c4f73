-- Várias máquinas, um só órgão (issue 15): réplicas, registro de alterações com relógio lógico
-- híbrido (HLC) e conflitos guardados. Ver docs/sincronizacao.md.

-- A identidade DESTA máquina (nunca sai num pacote): id da réplica, chaves privadas (dentro da base
-- cifrada) e o último HLC emitido ou visto.
CREATE TABLE sync_local (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    replica_id       TEXT NOT NULL,
    privada_x25519   BLOB NOT NULL,   -- abre a parte geral dos pacotes endereçados a esta réplica
    privada_ed25519  BLOB NOT NULL,   -- assina os pacotes que esta réplica exporta
    hlc              TEXT NOT NULL
);

-- As réplicas do órgão (sincronizada como qualquer tabela: uma réplica nova chega às outras).
CREATE TABLE sync_replicas (
    id                      TEXT PRIMARY KEY,
    nome                    TEXT NOT NULL,
    dominios                TEXT NOT NULL,   -- 'geral' ou 'geral,sigilo'
    publica_x25519          BLOB NOT NULL,
    publica_ed25519         BLOB NOT NULL,
    publica_sigilo_x25519   BLOB,            -- publicada na 1ª sessão com sigilo nessa réplica
    ativa                   INTEGER NOT NULL DEFAULT 1 CHECK (ativa IN (0, 1)),
    criada_em               TEXT NOT NULL,
    removida_em             TEXT
);

-- Cada alteração de registro, local ou recebida: (origem, contador) a identifica; o HLC a ordena;
-- ``valores`` traz as colunas gravadas (JSON) e ``bases`` a versão de cada coluna que ela substituiu.
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

-- Versão vencedora atual de cada campo (o que está na tabela) e as cabeças concorrentes.
CREATE TABLE sync_campos (
    tabela       TEXT NOT NULL,
    registro_id  TEXT NOT NULL,
    coluna       TEXT NOT NULL,
    versao       TEXT NOT NULL,        -- 'origem:contador' da vencedora
    hlc          TEXT NOT NULL,
    PRIMARY KEY (tabela, registro_id, coluna)
) WITHOUT ROWID;

-- Campos em conflito: duas ou mais alterações concorrentes; todas guardadas, o registro marcado.
CREATE TABLE sync_conflitos (
    tabela       TEXT NOT NULL,
    registro_id  TEXT NOT NULL,
    coluna       TEXT NOT NULL,
    cabecas      TEXT NOT NULL,        -- JSON: [{versao, hlc, origem, usuario, valor}]
    PRIMARY KEY (tabela, registro_id, coluna)
) WITHOUT ROWID;

-- O que cada réplica já confirmou ter (vetor de versões recebido nos pacotes dela).
CREATE TABLE sync_confirmadas (
    replica_id   TEXT NOT NULL,
    origem       TEXT NOT NULL,
    contador     INTEGER NOT NULL,
    PRIMARY KEY (replica_id, origem)
) WITHOUT ROWID;
