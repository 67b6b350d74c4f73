-- Folha mensal do Magistério (Lei 1.613/2004): competências, contracheques gravados e reaberturas.
-- Uma competência fechada é imutável NA PRÓPRIA BASE: gatilhos recusam alterar, apagar ou acrescentar
-- contracheques e linhas de competência fechada, e recusam apagar competências. Reabrir exige uma
-- linha em magisterio_reaberturas (quem, quando, motivo) para o fechamento em vigor; só então a
-- competência volta a 'aberta' e os contracheques gravados podem ser apagados para o novo cálculo.
-- Dinheiro em centavos inteiros; percentuais e quantidades como texto decimal exato.
-- Migrações publicadas nunca são editadas: uma mudança de esquema é uma nova migração.

-- Competências ---------------------------------------------------------------------------------------
-- configuracao: a ConfiguracaoMagisterio usada no fechamento (JSON de como_dict);
-- parametros: a identidade de cada parâmetro resolvido (JSON {nome: {inicio, fundamento}});
-- pendencias_aceitas: as pendências que quem fechou aceitou (JSON); conteudo_sha256: SHA-256 das
-- linhas gravadas (também no diário, que é encadeado: alteração por fora da aplicação é detectável).
CREATE TABLE magisterio_competencias (
    id                  TEXT PRIMARY KEY,
    competencia         TEXT NOT NULL UNIQUE CHECK (competencia GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    situacao            TEXT NOT NULL CHECK (situacao IN ('aberta', 'fechada')),
    configuracao        TEXT,
    parametros          TEXT,
    pendencias_aceitas  TEXT,
    servidores          INTEGER NOT NULL DEFAULT 0 CHECK (servidores >= 0),
    proventos           INTEGER NOT NULL DEFAULT 0 CHECK (proventos >= 0),
    descontos           INTEGER NOT NULL DEFAULT 0 CHECK (descontos >= 0),
    liquido             INTEGER NOT NULL DEFAULT 0,
    conteudo_sha256     TEXT,
    fechada_em          TEXT,
    fechada_por         TEXT,
    criado_em           TEXT NOT NULL,
    atualizado_em       TEXT NOT NULL,
    CHECK ((situacao = 'fechada') = (fechada_em IS NOT NULL AND fechada_por IS NOT NULL
                                     AND configuracao IS NOT NULL AND parametros IS NOT NULL
                                     AND conteudo_sha256 IS NOT NULL))
);

-- Reaberturas: o histórico de cada fechamento desfeito (o que havia, quem reabriu e por quê).
CREATE TABLE magisterio_reaberturas (
    id                TEXT PRIMARY KEY,
    competencia_id    TEXT NOT NULL REFERENCES magisterio_competencias (id) ON DELETE RESTRICT,
    fechada_em        TEXT NOT NULL,
    fechada_por       TEXT NOT NULL,
    conteudo_sha256   TEXT NOT NULL,
    servidores        INTEGER NOT NULL,
    liquido           INTEGER NOT NULL,
    reaberta_em       TEXT NOT NULL,
    reaberta_por      TEXT NOT NULL,
    motivo            TEXT NOT NULL CHECK (length(trim(motivo)) >= 15)
);
CREATE INDEX magisterio_reaberturas_competencia ON magisterio_reaberturas (competencia_id);

-- Contracheques: a identificação impressa no papel fica gravada como estava na competência.
CREATE TABLE magisterio_contracheques (
    id              TEXT PRIMARY KEY,
    competencia_id  TEXT NOT NULL REFERENCES magisterio_competencias (id) ON DELETE RESTRICT,
    servidor_id     TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    nome            TEXT NOT NULL,
    cpf             TEXT NOT NULL,
    matricula       TEXT NOT NULL,
    cargo           TEXT NOT NULL CHECK (cargo IN ('professor', 'pedagogo', 'auxiliar_ensino')),
    nivel           TEXT NOT NULL,
    classe          TEXT NOT NULL,
    jornada         INTEGER NOT NULL,
    lotacao         TEXT NOT NULL,
    proventos       INTEGER NOT NULL CHECK (proventos >= 0),
    descontos       INTEGER NOT NULL CHECK (descontos >= 0),
    liquido         INTEGER NOT NULL CHECK (liquido = proventos - descontos),
    avisos          TEXT NOT NULL DEFAULT '[]',
    UNIQUE (competencia_id, servidor_id)
);
CREATE INDEX magisterio_contracheques_servidor ON magisterio_contracheques (servidor_id);

-- Linhas (rubricas): todos os campos de desktop.rules.folha.tipos.Linha, na ordem do contracheque.
CREATE TABLE magisterio_contracheque_linhas (
    id                  TEXT PRIMARY KEY,
    contracheque_id     TEXT NOT NULL REFERENCES magisterio_contracheques (id) ON DELETE RESTRICT,
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
    UNIQUE (contracheque_id, ordem)
);

-- Imutabilidade ----------------------------------------------------------------------------------------
CREATE TRIGGER magisterio_competencias_sem_excluir BEFORE DELETE ON magisterio_competencias
BEGIN SELECT RAISE(ABORT, 'Competências da folha não são apagadas; uma competência fechada só pode ser reaberta.'); END;

CREATE TRIGGER magisterio_competencias_fechada_imutavel BEFORE UPDATE ON magisterio_competencias
WHEN OLD.situacao = 'fechada' AND NEW.situacao = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Competência fechada não pode ser alterada; reabra-a (administrador, com motivo).'); END;

CREATE TRIGGER magisterio_competencias_reabrir_registrado BEFORE UPDATE ON magisterio_competencias
WHEN OLD.situacao = 'fechada' AND NEW.situacao = 'aberta' AND NOT EXISTS (
    SELECT 1 FROM magisterio_reaberturas r WHERE r.competencia_id = OLD.id AND r.fechada_em = OLD.fechada_em)
BEGIN SELECT RAISE(ABORT, 'Reabrir uma competência exige registrar a reabertura (quem, quando e o motivo).'); END;

CREATE TRIGGER magisterio_contracheques_fechada_inserir BEFORE INSERT ON magisterio_contracheques
WHEN (SELECT situacao FROM magisterio_competencias WHERE id = NEW.competencia_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Competência fechada: não se acrescentam contracheques; reabra-a antes.'); END;

CREATE TRIGGER magisterio_contracheques_fechada_alterar BEFORE UPDATE ON magisterio_contracheques
WHEN (SELECT situacao FROM magisterio_competencias WHERE id = OLD.competencia_id) = 'fechada'
  OR (SELECT situacao FROM magisterio_competencias WHERE id = NEW.competencia_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Contracheque de competência fechada não pode ser alterado; reabra a competência.'); END;

CREATE TRIGGER magisterio_contracheques_fechada_excluir BEFORE DELETE ON magisterio_contracheques
WHEN (SELECT situacao FROM magisterio_competencias WHERE id = OLD.competencia_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Contracheque de competência fechada não pode ser apagado; reabra a competência.'); END;

CREATE TRIGGER magisterio_linhas_fechada_inserir BEFORE INSERT ON magisterio_contracheque_linhas
WHEN (SELECT k.situacao FROM magisterio_contracheques c JOIN magisterio_competencias k ON k.id = c.competencia_id
      WHERE c.id = NEW.contracheque_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Competência fechada: não se acrescentam rubricas; reabra-a antes.'); END;

CREATE TRIGGER magisterio_linhas_fechada_alterar BEFORE UPDATE ON magisterio_contracheque_linhas
WHEN (SELECT k.situacao FROM magisterio_contracheques c JOIN magisterio_competencias k ON k.id = c.competencia_id
      WHERE c.id = OLD.contracheque_id) = 'fechada'
  OR (SELECT k.situacao FROM magisterio_contracheques c JOIN magisterio_competencias k ON k.id = c.competencia_id
      WHERE c.id = NEW.contracheque_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Rubrica de competência fechada não pode ser alterada; reabra a competência.'); END;

CREATE TRIGGER magisterio_linhas_fechada_excluir BEFORE DELETE ON magisterio_contracheque_linhas
WHEN (SELECT k.situacao FROM magisterio_contracheques c JOIN magisterio_competencias k ON k.id = c.competencia_id
      WHERE c.id = OLD.contracheque_id) = 'fechada'
BEGIN SELECT RAISE(ABORT, 'Rubrica de competência fechada não pode ser apagada; reabra a competência.'); END;

-- Reaberturas são o registro do que houve: não se alteram nem se apagam.
CREATE TRIGGER magisterio_reaberturas_imutaveis BEFORE UPDATE ON magisterio_reaberturas
BEGIN SELECT RAISE(ABORT, 'O registro de reabertura não pode ser alterado.'); END;

CREATE TRIGGER magisterio_reaberturas_sem_excluir BEFORE DELETE ON magisterio_reaberturas
BEGIN SELECT RAISE(ABORT, 'O registro de reabertura não pode ser apagado.'); END;
