-- Descontos da folha do Magistério além dos tributos (issue 13, capacidade 2): pensão alimentícia por
-- ordem judicial (com a conta do beneficiário, que recebe crédito próprio no arquivo do banco),
-- contribuição sindical, consignações (por prioridade, dentro da margem consignável) e rubricas avulsas
-- (provento ou desconto de um mês, com descrição, fundamento e incidências informados pelo usuário).
-- Vigência por competência ('aaaa-mm'): de ``inicio`` até ``fim`` (inclusive; NULL = sem fim). Nada é
-- apagado: um desconto que acaba recebe ``fim``. Dinheiro e percentuais como texto decimal exato em
-- ``quantidade`` (R$ no valor fixo, % no percentual, número de salários mínimos).
-- As linhas gravadas do contracheque ganham ``referencia``: o lançamento que as gerou (a pensão paga
-- ao beneficiário é achada por ela na hora do arquivo do banco).
-- Migrações publicadas nunca são editadas: uma mudança de esquema é uma nova migração.
CREATE TABLE magisterio_descontos (
    id                  TEXT PRIMARY KEY,
    servidor_id         TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
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
CREATE INDEX magisterio_descontos_servidor ON magisterio_descontos (servidor_id, inicio);

CREATE TRIGGER magisterio_descontos_sem_excluir BEFORE DELETE ON magisterio_descontos
BEGIN SELECT RAISE(ABORT, 'Descontos da folha não são apagados: encerre-os (última competência).'); END;

ALTER TABLE magisterio_contracheque_linhas ADD COLUMN referencia TEXT;
