-- Folha dos conselheiros tutelares com competência (Lei 320/2023 de Itapiranga, arts. 39 a 41; issue 13,
-- item 8): o mesmo ciclo da folha do Magistério (0004) — calcular, conferir a prévia, FECHAR (grava os
-- contracheques e as rubricas, imutáveis) e, só com motivo registrado, reabrir. O arquivo do banco, os
-- eventos do eSocial e os contracheques em PDF saem da competência fechada.
-- Dinheiro em centavos inteiros; percentuais e quantidades como texto decimal exato.

-- parametros: a identidade de cada parâmetro resolvido (JSON {nome: {inicio, fundamento}});
-- conteudo_sha256: SHA-256 das linhas gravadas (também no diário).
CREATE TABLE conselho_competencias (
    id                  TEXT PRIMARY KEY,
    competencia         TEXT NOT NULL UNIQUE CHECK (competencia GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    situacao            TEXT NOT NULL CHECK (situacao IN ('aberta', 'fechada')),
    parametros          TEXT,
    conselheiros        INTEGER NOT NULL DEFAULT 0 CHECK (conselheiros >= 0),
    proventos           INTEGER NOT NULL DEFAULT 0 CHECK (proventos >= 0),
    descontos           INTEGER NOT NULL DEFAULT 0 CHECK (descontos >= 0),
    liquido             INTEGER NOT NULL DEFAULT 0,
    conteudo_sha256     TEXT,
    fechada_em          TEXT,
    fechada_por         TEXT,
    criado_em           TEXT NOT NULL,
    atualizado_em       TEXT NOT NULL,
    CHECK ((situacao = 'fechada') = (fechada_em IS NOT NULL AND fechada_por IS NOT NULL
                                     AND parametros IS NOT NULL AND conteudo_sha256 IS NOT NULL))
);

CREATE TABLE conselho_reaberturas (
    id                TEXT PRIMARY KEY,
    competencia_id    TEXT NOT NULL REFERENCES conselho_competencias (id) ON DELETE RESTRICT,
    fechada_em        TEXT NOT NULL,
    fechada_por       TEXT NOT NULL,
    conteudo_sha256   TEXT NOT NULL,
    conselheiros      INTEGER NOT NULL,
    liquido           INTEGER NOT NULL,
    reaberta_em       TEXT NOT NULL,
    reaberta_por      TEXT NOT NULL,
    motivo            TEXT NOT NULL CHECK (length(trim(motivo)) >= 15)
);
CREATE INDEX conselho_reaberturas_competencia ON conselho_reaberturas (competencia_id);

-- O contracheque fechado: a identificação impressa fica gravada como estava na competência; ``opcoes``
-- guarda as opções do mês (dias de férias com o terço, 13º) com que foi calculado (JSON).
CREATE TABLE conselho_folha_contracheques (
    id              TEXT PRIMARY KEY,
    competencia_id  TEXT NOT NULL REFERENCES conselho_competencias (id) ON DELETE RESTRICT,
    conselheiro_id  TEXT NOT NULL REFERENCES conselho_conselheiros (id) ON DELETE RESTRICT,
    nome            TEXT NOT NULL,
    cpf             TEXT NOT NULL,
    condicao        TEXT NOT NULL,
    ordem           INTEGER NOT NULL,
    funcao          TEXT NOT NULL,
    mandato         TEXT NOT NULL,
    opcao_cargo     INTEGER NOT NULL CHECK (opcao_cargo IN (0, 1)),
    opcoes          TEXT NOT NULL DEFAULT '{}',
    proventos       INTEGER NOT NULL CHECK (proventos >= 0),
    descontos       INTEGER NOT NULL CHECK (descontos >= 0),
    liquido         INTEGER NOT NULL CHECK (liquido = proventos - descontos),
    avisos          TEXT NOT NULL DEFAULT '[]',
    UNIQUE (competencia_id, conselheiro_id)
);
CREATE INDEX conselho_folha_contracheques_conselheiro ON conselho_folha_contracheques (conselheiro_id);

CREATE TABLE conselho_folha_linhas (
    id                  TEXT PRIMARY KEY,
    contracheque_id     TEXT NOT NULL REFERENCES conselho_folha_contracheques (id) ON DELETE RESTRICT,
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

-- Imutabilidade, como na folha do Magistério (0004) ---------------------------------------------------
CREATE TRIGGER conselho_competencias_sem_excluir BEFORE DELETE ON conselho_competencias
BEGIN SELECT RAISE(ABORT, 'Competências da folha não são apagadas; uma competência fechada só pode ser reaberta.'); END;

CREATE TRIGGER conselho_competencias_fechada_imutavel BEFORE UPDATE ON conselho_competencias
WHEN OLD.situacao = 'fechada' AND NEW.situacao = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Competência fechada não pode ser alterada; reabra-a (com motivo).'); END;

CREATE TRIGGER conselho_competencias_reabrir_registrado BEFORE UPDATE ON conselho_competencias
WHEN OLD.situacao = 'fechada' AND NEW.situacao = 'aberta' AND NOT EXISTS (
    SELECT 1 FROM conselho_reaberturas r WHERE r.competencia_id = OLD.id AND r.fechada_em = OLD.fechada_em)
BEGIN SELECT RAISE(ABORT, 'Reabrir uma competência exige registrar a reabertura (quem, quando e o motivo).'); END;

CREATE TRIGGER conselho_folha_cc_fechada_inserir BEFORE INSERT ON conselho_folha_contracheques
WHEN (SELECT situacao FROM conselho_competencias WHERE id = NEW.competencia_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Competência fechada: não se acrescentam contracheques; reabra-a antes.'); END;

CREATE TRIGGER conselho_folha_cc_imutavel BEFORE UPDATE ON conselho_folha_contracheques
BEGIN SELECT RAISE(ABORT, 'Contracheque gravado não se altera; reabra a competência para recalcular.'); END;

CREATE TRIGGER conselho_folha_cc_fechada_excluir BEFORE DELETE ON conselho_folha_contracheques
WHEN (SELECT situacao FROM conselho_competencias WHERE id = OLD.competencia_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Contracheque de competência fechada não pode ser apagado; reabra a competência.'); END;

CREATE TRIGGER conselho_folha_linhas_fechada_inserir BEFORE INSERT ON conselho_folha_linhas
WHEN (SELECT k.situacao FROM conselho_folha_contracheques c JOIN conselho_competencias k ON k.id = c.competencia_id
      WHERE c.id = NEW.contracheque_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Competência fechada: não se acrescentam rubricas; reabra-a antes.'); END;

CREATE TRIGGER conselho_folha_linhas_imutaveis BEFORE UPDATE ON conselho_folha_linhas
BEGIN SELECT RAISE(ABORT, 'Rubrica gravada não se altera; reabra a competência para recalcular.'); END;

CREATE TRIGGER conselho_folha_linhas_fechada_excluir BEFORE DELETE ON conselho_folha_linhas
WHEN (SELECT k.situacao FROM conselho_folha_contracheques c JOIN conselho_competencias k ON k.id = c.competencia_id
      WHERE c.id = OLD.contracheque_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Rubrica de competência fechada não pode ser apagada; reabra a competência.'); END;

CREATE TRIGGER conselho_reaberturas_imutaveis BEFORE UPDATE ON conselho_reaberturas
BEGIN SELECT RAISE(ABORT, 'O registro de reabertura não pode ser alterado.'); END;

CREATE TRIGGER conselho_reaberturas_sem_excluir BEFORE DELETE ON conselho_reaberturas
BEGIN SELECT RAISE(ABORT, 'O registro de reabertura não pode ser apagado.'); END;
