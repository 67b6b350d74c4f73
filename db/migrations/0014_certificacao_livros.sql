-- Certificação: livros de registro dos títulos (issue 12). Cada emissor abre livros numerados (o número
-- do livro não se repete entre tipos de título), cada um com termo de abertura e número de folhas; cada
-- título ocupa um registro (número, livro, folha, data) e o histórico acompanha o registro do seu título.
CREATE TABLE cert_livros (
    id              TEXT PRIMARY KEY,
    emissor_id      TEXT NOT NULL,                     -- 'orgao' ou emissores.id
    tipo_documento  TEXT NOT NULL,                     -- cert_diploma_tecnico, cert_certificado_..., cert_atestado
    numero          INTEGER NOT NULL CHECK (numero >= 1),
    folhas          INTEGER NOT NULL CHECK (folhas >= 1),
    termo_abertura  TEXT NOT NULL,
    aberto_em       TEXT NOT NULL,
    aberto_por      TEXT NOT NULL,
    encerrado_em    TEXT,
    termo_encerramento TEXT,
    criado_em       TEXT NOT NULL,
    UNIQUE (emissor_id, numero)
);

CREATE TABLE cert_registros (
    id              TEXT PRIMARY KEY,
    livro_id        TEXT NOT NULL REFERENCES cert_livros (id),
    folha           INTEGER NOT NULL CHECK (folha >= 1),
    numero          INTEGER NOT NULL UNIQUE,            -- número do registro, único na instalação
    processo_id     TEXT NOT NULL REFERENCES cert_processos (id),
    tipo_documento  TEXT NOT NULL,
    registrado_em   TEXT NOT NULL,
    criado_em       TEXT NOT NULL,
    UNIQUE (livro_id, folha)                             -- dois títulos nunca na mesma folha do mesmo livro
);

ALTER TABLE cert_emissoes ADD COLUMN registro_id TEXT REFERENCES cert_registros (id);

CREATE TRIGGER cert_registros_guarda BEFORE DELETE ON cert_registros
BEGIN SELECT RAISE(ABORT, 'O registro de um título não pode ser apagado; o documento é cancelado ou substituído.'); END;
CREATE TRIGGER cert_livros_guarda BEFORE DELETE ON cert_livros
BEGIN SELECT RAISE(ABORT, 'Um livro de registro não pode ser apagado.'); END;
