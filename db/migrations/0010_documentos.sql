-- Documentos oficiais (issue 11): o PDF de cada documento emitido guardado na base (reimpressão
-- idêntica), a substituição quando os fatos mudam, as chaves Ed25519 que assinam o selo do QR e os
-- emissores (cada módulo e cada unidade certificadora emite com o seu timbre, CNPJ e calendário).
-- Documentos emitidos antes desta migração continuam válidos; só não têm o PDF guardado.

CREATE TABLE documentos_pdf (
    documento_id  TEXT PRIMARY KEY REFERENCES documentos (id),
    dominio       TEXT NOT NULL,   -- 'geral' ou o domínio que guarda à parte (p. ex. 'conselho_caso')
    pdf           BLOB NOT NULL
);
CREATE TRIGGER documentos_pdf_sem_excluir BEFORE DELETE ON documentos_pdf
BEGIN SELECT RAISE(ABORT, 'O PDF de um documento emitido não pode ser apagado.'); END;
CREATE TRIGGER documentos_pdf_sem_alterar BEFORE UPDATE ON documentos_pdf
BEGIN SELECT RAISE(ABORT, 'O PDF de um documento emitido não pode ser alterado.'); END;

-- assunto: os fatos de que o documento depende (p. ex. 'magisterio:competencia:2026-03');
-- quando eles mudam, os documentos válidos do assunto são marcados substituídos.
ALTER TABLE documentos ADD COLUMN assunto TEXT;
ALTER TABLE documentos ADD COLUMN dominio TEXT;   -- onde está o PDF: 'geral' (esta base) ou 'conselho_caso' (.sigilo)
ALTER TABLE documentos ADD COLUMN substituido_em TEXT;
ALTER TABLE documentos ADD COLUMN substituido_por TEXT;
ALTER TABLE documentos ADD COLUMN motivo_substituicao TEXT;
ALTER TABLE documentos ADD COLUMN substituto_id TEXT REFERENCES documentos (id);
CREATE INDEX documentos_assunto ON documentos (assunto);

-- Chave Ed25519 do emissor: a privada fica só na base cifrada; a pública é exportável.
CREATE TABLE documentos_chaves (
    id          TEXT PRIMARY KEY,
    emissor_id  TEXT NOT NULL DEFAULT 'orgao',
    impressao   TEXT NOT NULL UNIQUE,   -- 16 hexadecimais do SHA-256 da chave pública
    publica     BLOB NOT NULL,
    privada     BLOB NOT NULL,
    criada_em   TEXT NOT NULL
);

-- Emissores. 'orgao' é o órgão da instalação (tabela escritorio, editado em Configurações); os
-- demais são registros desta tabela. A atualização mantém tudo como era: todo módulo emite como o órgão.
CREATE TABLE emissores (
    id            TEXT PRIMARY KEY CHECK (id <> 'orgao'),
    nome          TEXT NOT NULL,
    cnpj          TEXT NOT NULL CHECK (length(cnpj) = 14),
    municipio     TEXT NOT NULL,
    uf            TEXT NOT NULL CHECK (length(uf) = 2),
    endereco      TEXT NOT NULL DEFAULT '',
    brasao        BLOB,
    criado_em     TEXT NOT NULL,
    atualizado_em TEXT NOT NULL
);
CREATE TABLE emissores_signatarios (
    id          TEXT PRIMARY KEY,
    emissor_id  TEXT NOT NULL,          -- 'orgao' ou emissores.id
    nome        TEXT NOT NULL,
    cargo       TEXT NOT NULL,
    ato         TEXT NOT NULL DEFAULT '',  -- ato de designação (portaria, decreto)
    ordem       INTEGER NOT NULL DEFAULT 0,
    ativo       INTEGER NOT NULL DEFAULT 1 CHECK (ativo IN (0, 1))
);
CREATE TABLE emissores_modulos (
    modulo      TEXT PRIMARY KEY,
    emissor_id  TEXT NOT NULL
);
CREATE TABLE emissores_unidades (       -- unidade certificadora (cert_unidades) → emissor
    unidade_id  TEXT PRIMARY KEY,
    emissor_id  TEXT NOT NULL
);
INSERT INTO emissores_modulos (modulo, emissor_id) VALUES
    ('geral', 'orgao'), ('magisterio', 'orgao'), ('eleicao', 'orgao'), ('certificacao', 'orgao'),
    ('conselho', 'orgao');
ALTER TABLE documentos ADD COLUMN emissor_id TEXT;             -- NULL: o órgão (emitidos antes)
ALTER TABLE feriados_municipais ADD COLUMN emissor_id TEXT;    -- NULL: feriado do órgão

-- Certificado A1 (ICP-Brasil, .pfx) do emissor para a assinatura PAdES: só na base cifrada.
CREATE TABLE emissores_certificados (
    emissor_id  TEXT PRIMARY KEY,
    pfx         BLOB NOT NULL,
    senha       TEXT NOT NULL,
    titular     TEXT NOT NULL,
    validade    TEXT NOT NULL,
    criado_em   TEXT NOT NULL
);
