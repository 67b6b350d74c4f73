-- Cadastros comuns aos módulos: pessoas (servidores, candidatos, conselheiros, trabalhadores,
-- crianças e famílias) e unidades (escolas, conselho tutelar, unidades certificadoras).
-- Cada módulo acrescenta as suas tabelas referindo-se a estas.

CREATE TABLE pessoas (
    id              TEXT PRIMARY KEY,
    nome            TEXT NOT NULL CHECK (length(trim(nome)) > 0),
    cpf             TEXT UNIQUE CHECK (cpf IS NULL OR length(cpf) = 11),
    nascimento      TEXT,                      -- ISO aaaa-mm-dd
    sexo            TEXT CHECK (sexo IS NULL OR sexo IN ('F', 'M')),
    telefone        TEXT,
    email           TEXT,
    endereco        TEXT,
    bairro          TEXT,
    municipio       TEXT,
    uf              TEXT CHECK (uf IS NULL OR length(uf) = 2),
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL
);
CREATE INDEX pessoas_nome ON pessoas (nome);

CREATE TABLE unidades (
    id              TEXT PRIMARY KEY,
    tipo            TEXT NOT NULL CHECK (tipo IN ('escola', 'conselho_tutelar', 'cmdca',
                                                  'unidade_certificadora', 'secretaria')),
    nome            TEXT NOT NULL CHECK (length(trim(nome)) > 0),
    codigo_inep     TEXT,
    endereco        TEXT,
    bairro          TEXT,
    zona            TEXT CHECK (zona IS NULL OR zona IN ('urbana', 'rural')),
    ativo           INTEGER NOT NULL DEFAULT 1 CHECK (ativo IN (0, 1)),
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL,
    UNIQUE (tipo, nome)
);
