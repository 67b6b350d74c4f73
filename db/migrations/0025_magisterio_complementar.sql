-- Folha complementar do Magistério (issue 13, item 3): as diferenças de reajuste de competências já
-- fechadas pagas numa folha à parte, da competência fechada escolhida, com os seus contracheques, o seu
-- fechamento, o seu arquivo do banco. Nasce fechada (a prévia não grava nada) e é imutável: gatilhos
-- recusam alterar ou apagar. Uma por competência. Dinheiro em centavos inteiros.
CREATE TABLE magisterio_complementares (
    id               TEXT PRIMARY KEY,
    competencia      TEXT NOT NULL UNIQUE CHECK (competencia GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    servidores       INTEGER NOT NULL CHECK (servidores > 0),
    proventos        INTEGER NOT NULL CHECK (proventos >= 0),
    descontos        INTEGER NOT NULL CHECK (descontos >= 0),
    liquido          INTEGER NOT NULL,
    parametros       TEXT NOT NULL,
    conteudo_sha256  TEXT NOT NULL,
    fechada_em       TEXT NOT NULL,
    fechada_por      TEXT NOT NULL
);

CREATE TABLE magisterio_complementar_contracheques (
    id               TEXT PRIMARY KEY,
    complementar_id  TEXT NOT NULL REFERENCES magisterio_complementares (id) ON DELETE RESTRICT,
    servidor_id      TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    nome             TEXT NOT NULL,
    cpf              TEXT NOT NULL,
    matricula        TEXT NOT NULL,
    cargo            TEXT NOT NULL,
    nivel            TEXT NOT NULL,
    classe           TEXT NOT NULL,
    jornada          INTEGER NOT NULL,
    lotacao          TEXT NOT NULL,
    proventos        INTEGER NOT NULL CHECK (proventos >= 0),
    descontos        INTEGER NOT NULL CHECK (descontos >= 0),
    liquido          INTEGER NOT NULL CHECK (liquido = proventos - descontos),
    avisos           TEXT NOT NULL DEFAULT '[]',
    UNIQUE (complementar_id, servidor_id)
);
CREATE INDEX magisterio_complementar_contracheques_servidor ON magisterio_complementar_contracheques (servidor_id);

CREATE TABLE magisterio_complementar_linhas (
    id                  TEXT PRIMARY KEY,
    contracheque_id     TEXT NOT NULL REFERENCES magisterio_complementar_contracheques (id) ON DELETE RESTRICT,
    ordem               INTEGER NOT NULL CHECK (ordem >= 0),
    codigo              TEXT NOT NULL CHECK (codigo GLOB '[0-9][0-9][0-9]'),
    descricao           TEXT NOT NULL,
    natureza            TEXT NOT NULL CHECK (natureza IN ('P', 'D')),
    valor               INTEGER NOT NULL CHECK (valor >= 0),
    fundamento          TEXT NOT NULL,
    base                INTEGER,
    percentual          TEXT,
    quantidade          TEXT,
    incide_previdencia  INTEGER NOT NULL CHECK (incide_previdencia IN (0, 1)),
    incide_irrf         INTEGER NOT NULL CHECK (incide_irrf IN (0, 1)),
    grupo               TEXT NOT NULL CHECK (grupo IN ('mensal', '13')),
    referencia          TEXT,
    UNIQUE (contracheque_id, ordem)
);

CREATE TRIGGER magisterio_complementares_imutaveis BEFORE UPDATE ON magisterio_complementares
BEGIN SELECT RAISE(ABORT, 'Folha complementar fechada não pode ser alterada.'); END;
CREATE TRIGGER magisterio_complementares_sem_excluir BEFORE DELETE ON magisterio_complementares
BEGIN SELECT RAISE(ABORT, 'Folha complementar não é apagada.'); END;
CREATE TRIGGER magisterio_complementar_cc_imutaveis BEFORE UPDATE ON magisterio_complementar_contracheques
BEGIN SELECT RAISE(ABORT, 'Contracheque de folha complementar não pode ser alterado.'); END;
CREATE TRIGGER magisterio_complementar_cc_sem_excluir BEFORE DELETE ON magisterio_complementar_contracheques
BEGIN SELECT RAISE(ABORT, 'Contracheque de folha complementar não é apagado.'); END;
CREATE TRIGGER magisterio_complementar_linhas_imutaveis BEFORE UPDATE ON magisterio_complementar_linhas
BEGIN SELECT RAISE(ABORT, 'Rubrica de folha complementar não pode ser alterada.'); END;
CREATE TRIGGER magisterio_complementar_linhas_sem_excluir BEFORE DELETE ON magisterio_complementar_linhas
BEGIN SELECT RAISE(ABORT, 'Rubrica de folha complementar não é apagada.'); END;
