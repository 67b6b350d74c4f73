-- Certificação profissional (Portaria MEC 902/2024, Rede Certifica): instituição e adesão,
-- cursos de referência, PPCP, ofertas, trabalhadores, processos nas etapas do art. 24,
-- avaliações, recursos e documentos emitidos. Refere-se só a pessoas, unidades, usuarios e documentos.
-- Os registros de um processo não podem ser apagados por dez anos (art. 12 XIV): gatilhos abaixo.

CREATE TABLE cert_instituicoes (
    id                         TEXT PRIMARY KEY,
    nome                       TEXT NOT NULL CHECK (length(trim(nome)) > 0),
    sigla                      TEXT,
    sistema_ensino             TEXT NOT NULL CHECK (sistema_ensino IN ('federal', 'estadual', 'municipal')),
    orgao_competente           TEXT NOT NULL,             -- art. 5º IV
    termo_aprovado_em          TEXT,                      -- art. 10 II / 11 I
    regulamentacao_aprovada_em TEXT,                      -- art. 10 I / 11 II / 13 §ún
    sistec_validada_em         TEXT,                      -- art. 8º II e 10 III: início da validade (art. 27)
    criado_em                  TEXT NOT NULL,
    atualizado_em              TEXT NOT NULL
);

CREATE TABLE cert_unidades (
    unidade_id      TEXT PRIMARY KEY REFERENCES unidades (id),
    instituicao_id  TEXT NOT NULL REFERENCES cert_instituicoes (id),
    criado_em       TEXT NOT NULL
);

CREATE TABLE cert_cursos (
    id                          TEXT PRIMARY KEY,
    unidade_id                  TEXT NOT NULL REFERENCES unidades (id),
    nome                        TEXT NOT NULL CHECK (length(trim(nome)) > 0),
    tipo                        TEXT NOT NULL CHECK (tipo IN ('qualificacao', 'tecnico', 'especializacao', 'tecnologia')),
    implantado_em               TEXT NOT NULL,
    certificacao_intermediaria  INTEGER NOT NULL DEFAULT 0 CHECK (certificacao_intermediaria IN (0, 1)),
    reconhecido                 INTEGER NOT NULL DEFAULT 0 CHECK (reconhecido IN (0, 1)),
    conceito_emec               INTEGER CHECK (conceito_emec IS NULL OR conceito_emec BETWEEN 1 AND 5),
    codigo_catalogo             TEXT,                     -- CNCT / CNCST / CBO
    eixo                        TEXT,
    criado_em                   TEXT NOT NULL,
    atualizado_em               TEXT NOT NULL,
    UNIQUE (unidade_id, nome)
);

CREATE TABLE cert_curso_turmas (
    curso_id  TEXT NOT NULL REFERENCES cert_cursos (id),
    ano       INTEGER NOT NULL,
    turmas    INTEGER NOT NULL CHECK (turmas >= 0),
    PRIMARY KEY (curso_id, ano)
);

CREATE TABLE cert_ppcps (
    id                      TEXT PRIMARY KEY,
    curso_id                TEXT NOT NULL REFERENCES cert_cursos (id),
    tipo                    TEXT NOT NULL CHECK (tipo IN ('qualificacao', 'tecnico', 'especializacao', 'tecnologia')),
    perfil                  TEXT NOT NULL CHECK (length(trim(perfil)) > 0),   -- art. 19: um PPCP por perfil
    escolaridade_minima     TEXT NOT NULL,
    carga_horaria_total     INTEGER NOT NULL DEFAULT 0,
    conteudos               TEXT NOT NULL,              -- JSON: conteúdos do art. 20 e art. 22
    aprovado_em             TEXT,                       -- art. 11 III
    sistec_em               TEXT,                       -- art. 12 IV
    criado_em               TEXT NOT NULL,
    atualizado_em           TEXT NOT NULL,
    UNIQUE (curso_id, perfil)
);

CREATE TABLE cert_competencias (
    id              TEXT PRIMARY KEY,
    ppcp_id         TEXT NOT NULL REFERENCES cert_ppcps (id),
    ordem           INTEGER NOT NULL,
    nome            TEXT NOT NULL CHECK (length(trim(nome)) > 0),
    componente      TEXT NOT NULL,
    carga_horaria   INTEGER NOT NULL CHECK (carga_horaria > 0),
    UNIQUE (ppcp_id, ordem)
);

CREATE TABLE cert_equipe (
    id          TEXT PRIMARY KEY,
    ppcp_id     TEXT NOT NULL REFERENCES cert_ppcps (id),
    nome        TEXT NOT NULL,
    area        TEXT NOT NULL CHECK (area IN ('educacao', 'especifica')),
    formacao    TEXT
);

CREATE TABLE cert_ofertas (
    id              TEXT PRIMARY KEY,
    ppcp_id         TEXT NOT NULL REFERENCES cert_ppcps (id),
    titulo          TEXT NOT NULL,
    conteudos       TEXT NOT NULL,                      -- JSON: o que o art. 23 manda publicar
    inscricoes_de   TEXT NOT NULL,
    inscricoes_ate  TEXT NOT NULL,
    vagas           INTEGER,
    publicada_em    TEXT,
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL
);

CREATE TABLE cert_trabalhadores (
    id                   TEXT PRIMARY KEY,
    pessoa_id            TEXT NOT NULL UNIQUE REFERENCES pessoas (id),
    escolaridade         TEXT NOT NULL CHECK (escolaridade IN ('nenhuma', 'fundamental_incompleto', 'fundamental',
                                                                'medio_incompleto', 'medio', 'superior')),
    comprovante          TEXT,
    diploma_tecnico      TEXT,                          -- art. 14 III
    acessibilidade       TEXT,                          -- art. 22 e 12 XIII
    criado_em            TEXT NOT NULL,
    atualizado_em        TEXT NOT NULL
);

CREATE TABLE cert_processos (
    id              TEXT PRIMARY KEY,
    trabalhador_id  TEXT NOT NULL REFERENCES cert_trabalhadores (id),
    oferta_id       TEXT NOT NULL REFERENCES cert_ofertas (id),
    etapa           TEXT NOT NULL CHECK (etapa IN ('inscricao', 'acolhimento', 'matricula', 'avaliacao',
                                                   'certificacao', 'encaminhamento')),
    situacao        TEXT NOT NULL DEFAULT 'andamento' CHECK (situacao IN ('andamento', 'encerrado', 'concluido')),
    resultado       TEXT CHECK (resultado IS NULL OR resultado IN ('integral', 'parcial', 'nenhum')),
    resultado_em    TEXT,
    sistec_codigo   TEXT,                               -- art. 15 §1º
    inscrito_em     TEXT NOT NULL,
    concluido_em    TEXT,                               -- início da guarda de dez anos (art. 12 XIV)
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL,
    UNIQUE (trabalhador_id, oferta_id)
);
CREATE INDEX cert_processos_etapa ON cert_processos (etapa, situacao);

CREATE TABLE cert_etapas (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES cert_processos (id),
    etapa           TEXT NOT NULL,
    realizada_em    TEXT NOT NULL,
    registrado_por  TEXT NOT NULL,                      -- login (usuarios.login)
    registrado_em   TEXT NOT NULL,
    dados           TEXT NOT NULL,                      -- JSON do que a etapa registra (art. 24)
    UNIQUE (processo_id, etapa)
);

CREATE TABLE cert_avaliacoes (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES cert_processos (id),
    competencia_id  TEXT NOT NULL REFERENCES cert_competencias (id),
    reconhecida     INTEGER NOT NULL CHECK (reconhecida IN (0, 1)),
    observacao      TEXT,
    UNIQUE (processo_id, competencia_id)
);

CREATE TABLE cert_recursos (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES cert_processos (id),
    interposto_em   TEXT NOT NULL,
    fundamentacao   TEXT NOT NULL,
    decidido_em     TEXT,
    deferido        INTEGER CHECK (deferido IS NULL OR deferido IN (0, 1)),
    decisao         TEXT,
    criado_em       TEXT NOT NULL
);

CREATE TABLE cert_emissoes (
    id               TEXT PRIMARY KEY,
    processo_id      TEXT NOT NULL REFERENCES cert_processos (id),
    documento_id     TEXT NOT NULL UNIQUE REFERENCES documentos (id),
    tipo_documento   TEXT NOT NULL,
    livro            TEXT NOT NULL,
    folha            INTEGER NOT NULL,
    numero_registro  INTEGER NOT NULL,
    via              INTEGER NOT NULL CHECK (via >= 1),
    observacao_via   TEXT NOT NULL,                     -- 1ª via gratuita (art. 26 §2º) ou motivo da nova via
    referencia       TEXT NOT NULL,
    criado_em        TEXT NOT NULL,
    UNIQUE (tipo_documento, numero_registro, via)
);

-- Guarda de dez anos (art. 12 XIV): o prazo vem do parâmetro certificacao_prazos (guarda_anos).
CREATE VIEW cert_guarda AS
SELECT p.id AS processo_id,
       CASE WHEN p.concluido_em IS NULL THEN 1
            WHEN date(p.concluido_em, '+' || coalesce(
                 (SELECT CAST(json_extract(valor, '$.guarda_anos') AS INTEGER) FROM parametros
                   WHERE nome = 'certificacao_prazos' AND inicio <= date('now')
                   ORDER BY inicio DESC LIMIT 1), 10) || ' years') > date('now') THEN 1
            ELSE 0 END AS protegido
  FROM cert_processos p;

CREATE TRIGGER cert_processos_guarda BEFORE DELETE ON cert_processos
WHEN (SELECT protegido FROM cert_guarda WHERE processo_id = OLD.id) = 1
BEGIN SELECT RAISE(ABORT, 'Os registros do processo de certificação devem ser guardados por dez anos e não podem ser apagados (Portaria MEC 902/2024, art. 12, XIV).'); END;
CREATE TRIGGER cert_etapas_guarda BEFORE DELETE ON cert_etapas
WHEN (SELECT protegido FROM cert_guarda WHERE processo_id = OLD.processo_id) = 1
BEGIN SELECT RAISE(ABORT, 'Os registros do processo de certificação devem ser guardados por dez anos e não podem ser apagados (Portaria MEC 902/2024, art. 12, XIV).'); END;
CREATE TRIGGER cert_avaliacoes_guarda BEFORE DELETE ON cert_avaliacoes
WHEN (SELECT protegido FROM cert_guarda WHERE processo_id = OLD.processo_id) = 1
BEGIN SELECT RAISE(ABORT, 'Os registros do processo de certificação devem ser guardados por dez anos e não podem ser apagados (Portaria MEC 902/2024, art. 12, XIV).'); END;
CREATE TRIGGER cert_recursos_guarda BEFORE DELETE ON cert_recursos
WHEN (SELECT protegido FROM cert_guarda WHERE processo_id = OLD.processo_id) = 1
BEGIN SELECT RAISE(ABORT, 'Os registros do processo de certificação devem ser guardados por dez anos e não podem ser apagados (Portaria MEC 902/2024, art. 12, XIV).'); END;
CREATE TRIGGER cert_emissoes_guarda BEFORE DELETE ON cert_emissoes
WHEN (SELECT protegido FROM cert_guarda WHERE processo_id = OLD.processo_id) = 1
BEGIN SELECT RAISE(ABORT, 'Os registros do processo de certificação devem ser guardados por dez anos e não podem ser apagados (Portaria MEC 902/2024, art. 12, XIV).'); END;
-- Uma etapa registrada não se reescreve: o histórico de quem fez e quando é a prova do processo.
CREATE TRIGGER cert_etapas_sem_alterar BEFORE UPDATE ON cert_etapas
BEGIN SELECT RAISE(ABORT, 'Uma etapa registrada não pode ser alterada (Portaria MEC 902/2024, art. 12, XIV).'); END;
