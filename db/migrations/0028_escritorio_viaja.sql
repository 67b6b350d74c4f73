-- Issue 15 (sincronização): a linha do órgão (tabela escritorio, uma por base) tinha chave INTEGER e não viajava:
-- o brasão do órgão trocado na sede não chegava às réplicas (os documentos impressos no notebook saíam com o
-- antigo). A chave passa a TEXT ('1', a mesma em toda réplica, que são cópias da mesma base); os ``WHERE id = 1``
-- continuam valendo (a coluna TEXT converte o 1). O base_id é o mesmo em todas as réplicas do órgão.
CREATE TABLE escritorio_nova (
    id            TEXT PRIMARY KEY CHECK (id = '1'),
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
INSERT INTO escritorio_nova (id, nome, municipio, uf, cnpj, brasao, brasao_tipo, base_id, criado_em, atualizado_em)
    SELECT '1', nome, municipio, uf, cnpj, brasao, brasao_tipo, base_id, criado_em, atualizado_em FROM escritorio;
DROP TABLE escritorio;
ALTER TABLE escritorio_nova RENAME TO escritorio;
