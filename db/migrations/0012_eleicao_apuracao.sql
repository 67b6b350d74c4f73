-- Processo de escolha do Conselho Tutelar, segunda parte (issue 14): decisão da comissão que
-- reverte uma reprovação automática de requisito, designação de mesários e supervisores da
-- apuração, fila de auditoria dos boletins, recontagens com trilha, a sessão de apuração da ata,
-- a publicação do resultado com o prazo de contestação e a posse (passagem ao Conselho).

-- Decisão da comissão especial que defere um requisito que as datas informadas reprovaram
-- (residência, experiência; nunca a idade: ECA art. 133 II), com a base legal e o documento.
CREATE TABLE eleicao_decisoes_requisito (
    id              TEXT PRIMARY KEY,
    requisito_id    TEXT NOT NULL REFERENCES eleicao_requisitos (id),
    decisao         TEXT NOT NULL CHECK (length(trim(decisao)) > 0),     -- ata/deliberação da comissão
    fundamento      TEXT NOT NULL CHECK (length(trim(fundamento)) > 0),  -- base legal
    documento       TEXT NOT NULL CHECK (length(trim(documento)) > 0),   -- o documento que prova
    motivo_automatico TEXT NOT NULL,                                     -- a reprovação revertida
    decidido_por    TEXT NOT NULL REFERENCES usuarios (id),
    decidido_em     TEXT NOT NULL
);

-- Mesários e supervisores da apuração designados pela comissão especial, por processo.
CREATE TABLE eleicao_designacoes (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES eleicao_processos (id),
    usuario_id      TEXT NOT NULL REFERENCES usuarios (id),
    funcao          TEXT NOT NULL CHECK (funcao IN ('mesario', 'supervisor')),
    ato             TEXT NOT NULL CHECK (length(trim(ato)) > 0),          -- resolução/portaria da comissão
    designado_por   TEXT NOT NULL REFERENCES usuarios (id),
    designado_em    TEXT NOT NULL,
    UNIQUE (processo_id, usuario_id, funcao)
);

-- Fila de auditoria (como o tally-ho): boletim de contas certas mas fora dos limites de
-- plausibilidade; só entra na apuração quando um supervisor o libera com o motivo.
CREATE TABLE eleicao_auditorias (
    id              TEXT PRIMARY KEY,
    secao_id        TEXT NOT NULL REFERENCES eleicao_secoes (id),
    alertas         TEXT NOT NULL,                   -- JSON [{"codigo", "mensagem"}]
    situacao        TEXT NOT NULL DEFAULT 'pendente' CHECK (situacao IN ('pendente', 'liberada')),
    aberta_em       TEXT NOT NULL,
    liberada_por    TEXT REFERENCES usuarios (id),
    motivo          TEXT,
    liberada_em     TEXT,
    CHECK (situacao = 'pendente' OR (liberada_por IS NOT NULL AND length(trim(coalesce(motivo, ''))) > 0))
);
CREATE INDEX eleicao_auditorias_secao ON eleicao_auditorias (secao_id, situacao);

-- Recontagens do boletim de papel: na resolução de divergência e depois de aceito o boletim.
CREATE TABLE eleicao_recontagens (
    id              TEXT PRIMARY KEY,
    secao_id        TEXT NOT NULL REFERENCES eleicao_secoes (id),
    tipo            TEXT NOT NULL CHECK (tipo IN ('divergencia', 'recontagem')),
    antes           TEXT,                            -- JSON do boletim que contava (recontagem)
    depois          TEXT NOT NULL,                   -- JSON dos números recontados
    boletim_papel   TEXT NOT NULL CHECK (length(trim(boletim_papel)) > 0),  -- o papel conferido
    motivo          TEXT NOT NULL CHECK (length(trim(motivo)) > 0),
    feita_por       TEXT NOT NULL REFERENCES usuarios (id),
    feita_em        TEXT NOT NULL
);

-- A sessão de apuração (para a ata): hora de início e fim, local e membros presentes.
ALTER TABLE eleicao_processos ADD COLUMN apuracao_inicio TEXT;
ALTER TABLE eleicao_processos ADD COLUMN apuracao_fim TEXT;
ALTER TABLE eleicao_processos ADD COLUMN apuracao_local TEXT;
ALTER TABLE eleicao_processos ADD COLUMN apuracao_membros TEXT;          -- JSON ["nome — função"]
-- Resultado publicado (art. 14 §1º) e o último dia para contestá-lo; posse dada (art. 14 §2º).
ALTER TABLE eleicao_processos ADD COLUMN resultado_publicado_em TEXT;
ALTER TABLE eleicao_processos ADD COLUMN contestacao_fim TEXT;
ALTER TABLE eleicao_processos ADD COLUMN posse_dada_em TEXT;
