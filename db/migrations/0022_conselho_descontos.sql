-- Descontos da folha dos conselheiros tutelares (issue 13, capacidade 8; Lei 320/2023 de Itapiranga,
-- arts. 16, 39 a 41): pensão alimentícia por ordem judicial, contribuição sindical, consignações dentro
-- da margem consignável e rubricas avulsas — as mesmas regras da folha do Magistério
-- (desktop/rules/folha/descontos.py) e as mesmas colunas de ``magisterio_descontos`` (migração 0016).
-- Tabela própria só porque o dono é outro: a chave estrangeira aponta para ``conselho_conselheiros``
-- (o conselheiro não é servidor do quadro, art. 39), e o SQLite não tem chave estrangeira condicional.
-- O código que lê e grava é o mesmo (desktop/store/magisterio/descontos.py, com ``folha='conselho'``).
-- Vigência por competência ('aaaa-mm'); nada é apagado: um desconto que acaba recebe ``fim``.
-- Migrações publicadas nunca são editadas: uma mudança de esquema é uma nova migração.
CREATE TABLE conselho_descontos (
    id                  TEXT PRIMARY KEY,
    conselheiro_id      TEXT NOT NULL REFERENCES conselho_conselheiros (id) ON DELETE RESTRICT,
    tipo                TEXT NOT NULL CHECK (tipo IN ('pensao', 'sindical', 'consignacao', 'avulsa')),
    descricao           TEXT NOT NULL CHECK (length(trim(descricao)) > 0),
    forma               TEXT NOT NULL CHECK (forma IN ('bruto', 'liquido', 'fixo', 'salarios_minimos', 'percentual',
                                                       'provento', 'desconto')),
    quantidade          TEXT NOT NULL,
    prioridade          INTEGER CHECK (prioridade IS NULL OR prioridade >= 1),
    documento           TEXT NOT NULL DEFAULT '',
    fundamento          TEXT NOT NULL DEFAULT '',
    incide_previdencia  INTEGER NOT NULL DEFAULT 0 CHECK (incide_previdencia IN (0, 1)),
    incide_irrf         INTEGER NOT NULL DEFAULT 0 CHECK (incide_irrf IN (0, 1)),
    inicio              TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    fim                 TEXT CHECK (fim IS NULL OR (fim GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND fim >= inicio)),
    beneficiario_cpf    TEXT,
    banco               TEXT CHECK (banco IS NULL OR banco GLOB '[0-9][0-9][0-9]'),
    agencia             TEXT,
    agencia_dv          TEXT NOT NULL DEFAULT '',
    conta               TEXT,
    conta_dv            TEXT NOT NULL DEFAULT '',
    tipo_conta          TEXT CHECK (tipo_conta IS NULL OR tipo_conta IN ('corrente', 'poupanca', 'salario')),
    criado_por          TEXT NOT NULL,
    criado_em           TEXT NOT NULL,
    atualizado_em       TEXT NOT NULL,
    CHECK (tipo != 'avulsa' OR (fim = inicio AND length(trim(fundamento)) > 0)),
    CHECK (tipo != 'consignacao' OR prioridade IS NOT NULL),
    CHECK ((banco IS NULL) = (conta IS NULL))
);
CREATE INDEX conselho_descontos_conselheiro ON conselho_descontos (conselheiro_id, inicio);

CREATE TRIGGER conselho_descontos_sem_excluir BEFORE DELETE ON conselho_descontos
BEGIN SELECT RAISE(ABORT, 'Descontos da folha não são apagados: encerre-os (última competência).'); END;
