-- O colegiado do Conselho Tutelar (Lei 320/2023, art. 21 caput e §1º; art. 43 §ún., XII; art. 44) e a
-- comunicação do acolhimento emergencial ao juiz em 24 horas (ECA, art. 93). Ficam no arquivo sigiloso
-- porque a pauta e a ata citam casos (número, decisão, medidas).

-- A sessão deliberativa: quem estava presente (ids de conselho_conselheiros, base geral, conferidos
-- pelo serviço) e o quórum exigido na data. Encerrada, tem a ata emitida (documentos da base geral).
CREATE TABLE conselho_sessoes (
    id              TEXT PRIMARY KEY,
    tipo            TEXT NOT NULL CHECK (tipo IN ('ordinaria', 'extraordinaria')),
    realizada_em    TEXT NOT NULL,                  -- aaaa-mm-ddThh:mm, hora local
    local           TEXT NOT NULL DEFAULT '',
    quorum          INTEGER NOT NULL CHECK (quorum > 0),
    membros         INTEGER NOT NULL CHECK (membros > 0),
    situacao        TEXT NOT NULL DEFAULT 'aberta' CHECK (situacao IN ('aberta', 'encerrada')),
    encerrada_em    TEXT,
    ata_documento_id TEXT,                          -- documentos (base geral)
    registrada_por  TEXT NOT NULL,                  -- conselho_conselheiros (base geral)
    criado_em       TEXT NOT NULL,
    CHECK (situacao = 'aberta' OR encerrada_em IS NOT NULL)
);
CREATE INDEX conselho_sessoes_data ON conselho_sessoes (realizada_em);

CREATE TABLE conselho_sessao_presencas (
    sessao_id       TEXT NOT NULL REFERENCES conselho_sessoes (id),
    conselheiro_id  TEXT NOT NULL,                  -- conselho_conselheiros (base geral)
    nome            TEXT NOT NULL,                  -- como era na sessão (para a ata)
    PRIMARY KEY (sessao_id, conselheiro_id)
);

-- Um item da pauta deliberado: a decisão individual (de plantão ou não) levada ao colegiado.
CREATE TABLE conselho_sessao_itens (
    id              TEXT PRIMARY KEY,
    sessao_id       TEXT NOT NULL REFERENCES conselho_sessoes (id),
    decisao_id      TEXT NOT NULL REFERENCES conselho_decisoes (id),
    resultado       TEXT NOT NULL CHECK (resultado IN ('ratificada', 'retificada', 'sem_maioria')),
    retificacao     TEXT,
    apuracao        TEXT NOT NULL,
    deliberado_em   TEXT NOT NULL,
    UNIQUE (sessao_id, decisao_id)
);
CREATE INDEX conselho_sessao_itens_decisao ON conselho_sessao_itens (decisao_id);

CREATE TABLE conselho_sessao_votos (
    item_id         TEXT NOT NULL REFERENCES conselho_sessao_itens (id),
    conselheiro_id  TEXT NOT NULL,                  -- conselho_conselheiros (base geral)
    voto            TEXT NOT NULL CHECK (voto IN ('ratificar', 'retificar', 'abstencao')),
    PRIMARY KEY (item_id, conselheiro_id)
);

-- A sessão em que a decisão foi ratificada ou retificada (nula nas decisões antigas).
ALTER TABLE conselho_decisoes ADD COLUMN sessao_id TEXT REFERENCES conselho_sessoes (id);

-- ECA, art. 93: acolhimento emergencial comunicado ao juiz em até 24 horas; a comunicação feita
-- (quando e por qual ofício; o documento emitido pelo Paço, se houver).
CREATE TABLE conselho_comunicacoes_juizo (
    id              TEXT PRIMARY KEY,
    decisao_id      TEXT NOT NULL UNIQUE REFERENCES conselho_decisoes (id),
    comunicada_em   TEXT NOT NULL,                  -- aaaa-mm-ddThh:mm, hora local
    oficio          TEXT NOT NULL CHECK (length(trim(oficio)) > 0),
    juizo           TEXT NOT NULL DEFAULT '',
    documento_id    TEXT,                           -- documentos (base geral), quando emitido aqui
    registrada_por  TEXT NOT NULL,
    criado_em       TEXT NOT NULL
);
