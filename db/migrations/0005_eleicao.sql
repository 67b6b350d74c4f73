-- Conselho Tutelar: o processo de escolha dos conselheiros (Lei 320/2023 de Itapiranga-AM, arts. 5º-16;
-- ECA arts. 132-139): processo e calendário, candidaturas com a análise de cada requisito,
-- impugnações com defesa e recurso, parentescos declarados, seções, dupla digitação dos boletins,
-- boletins apurados e a composição eleita (titulares e suplentes) lida pelo módulo do Conselho.
-- Autocontida: refere-se só a pessoas, usuarios e documentos.

CREATE TABLE eleicao_processos (
    id                      TEXT PRIMARY KEY,
    ano                     INTEGER NOT NULL UNIQUE,
    data_edital             TEXT NOT NULL,
    inscricao_inicio        TEXT NOT NULL,
    inscricao_fim           TEXT NOT NULL,
    publicacao_inscritos    TEXT NOT NULL,
    impugnacao_fim          TEXT NOT NULL,
    analise_fim             TEXT NOT NULL,
    prova                   TEXT NOT NULL,
    publicacao_habilitados  TEXT NOT NULL,
    eleicao                 TEXT NOT NULL,
    formacao                TEXT NOT NULL,
    posse                   TEXT NOT NULL,
    fim_mandato             TEXT NOT NULL,
    nota_corte              TEXT NOT NULL,             -- decimal como texto, 0 a 100
    criterio_desempate      TEXT NOT NULL DEFAULT 'idade' CHECK (criterio_desempate IN ('idade', 'nota')),
    fase                    TEXT NOT NULL DEFAULT 'inscricoes'
                            CHECK (fase IN ('inscricoes', 'analise', 'homologado', 'apuracao', 'encerrado')),
    reaberturas             INTEGER NOT NULL DEFAULT 0 CHECK (reaberturas >= 0),
    edital_documento_id     TEXT REFERENCES documentos (id),
    criado_em               TEXT NOT NULL,
    atualizado_em           TEXT NOT NULL
);

CREATE TABLE eleicao_candidaturas (
    id                  TEXT PRIMARY KEY,
    processo_id         TEXT NOT NULL REFERENCES eleicao_processos (id),
    pessoa_id           TEXT NOT NULL REFERENCES pessoas (id),
    numero              INTEGER NOT NULL CHECK (numero > 0),
    nome_urna           TEXT NOT NULL CHECK (length(trim(nome_urna)) > 0),
    inscrito_em         TEXT NOT NULL,
    residencia_desde    TEXT NOT NULL,
    experiencia_meses   INTEGER NOT NULL CHECK (experiencia_meses >= 0),
    nota_prova          TEXT,
    situacao            TEXT NOT NULL DEFAULT 'inscrito'
                        CHECK (situacao IN ('inscrito', 'indeferido', 'reprovado', 'impugnado', 'habilitado')),
    motivo              TEXT NOT NULL DEFAULT '',
    sub_judice          INTEGER NOT NULL DEFAULT 0 CHECK (sub_judice IN (0, 1)),
    criado_em           TEXT NOT NULL,
    atualizado_em       TEXT NOT NULL,
    UNIQUE (processo_id, numero),
    UNIQUE (processo_id, pessoa_id)
);

CREATE TABLE eleicao_requisitos (
    id              TEXT PRIMARY KEY,
    candidatura_id  TEXT NOT NULL REFERENCES eleicao_candidaturas (id),
    requisito       TEXT NOT NULL CHECK (requisito IN ('idoneidade', 'idade', 'residencia',
                        'direitos_politicos', 'ensino_medio', 'informatica', 'experiencia')),
    documento       TEXT NOT NULL DEFAULT '',         -- o documento apresentado (arts. 12 §§3º-8º)
    situacao        TEXT NOT NULL DEFAULT 'pendente' CHECK (situacao IN ('pendente', 'deferido', 'indeferido')),
    motivo          TEXT,
    analisado_por   TEXT REFERENCES usuarios (id),
    analisado_em    TEXT,
    CHECK (situacao <> 'indeferido' OR length(trim(coalesce(motivo, ''))) > 0),
    UNIQUE (candidatura_id, requisito)
);

CREATE TABLE eleicao_impugnacoes (
    id                  TEXT PRIMARY KEY,
    candidatura_id      TEXT NOT NULL REFERENCES eleicao_candidaturas (id),
    tipo                TEXT NOT NULL CHECK (tipo IN ('impugnacao', 'denuncia')),
    autor               TEXT NOT NULL,
    fundamento          TEXT NOT NULL,
    apresentada_em      TEXT NOT NULL,
    prazo_defesa        TEXT NOT NULL,
    defesa              TEXT,
    defesa_em           TEXT,
    decisao             TEXT CHECK (decisao IS NULL OR decisao IN ('procedente', 'improcedente')),
    decisao_motivo      TEXT,
    decidida_em         TEXT,
    recurso             TEXT,
    recurso_em          TEXT,
    recurso_decisao     TEXT CHECK (recurso_decisao IS NULL OR recurso_decisao IN ('provido', 'desprovido')),
    recurso_motivo      TEXT,
    recurso_julgado_em  TEXT,
    criado_em           TEXT NOT NULL
);

CREATE TABLE eleicao_parentescos (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES eleicao_processos (id),
    candidatura_a   TEXT NOT NULL REFERENCES eleicao_candidaturas (id),
    candidatura_b   TEXT NOT NULL REFERENCES eleicao_candidaturas (id),
    vinculo         TEXT NOT NULL,
    declarado_em    TEXT NOT NULL,
    CHECK (candidatura_a <> candidatura_b),
    UNIQUE (candidatura_a, candidatura_b)
);

CREATE TABLE eleicao_secoes (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES eleicao_processos (id),
    numero          INTEGER NOT NULL CHECK (numero > 0),
    local           TEXT NOT NULL,
    aptos           INTEGER NOT NULL CHECK (aptos >= 0),
    tipo            TEXT NOT NULL DEFAULT 'urna' CHECK (tipo IN ('urna', 'manual')),
    criado_em       TEXT NOT NULL,
    UNIQUE (processo_id, numero)
);

-- Cada boletim é digitado por dois usuários diferentes (dupla digitação).
CREATE TABLE eleicao_digitacoes (
    id              TEXT PRIMARY KEY,
    secao_id        TEXT NOT NULL REFERENCES eleicao_secoes (id),
    usuario_id      TEXT NOT NULL REFERENCES usuarios (id),
    comparecimento  INTEGER NOT NULL CHECK (comparecimento >= 0),
    brancos         INTEGER NOT NULL CHECK (brancos >= 0),
    nulos           INTEGER NOT NULL CHECK (nulos >= 0),
    votos           TEXT NOT NULL,                   -- JSON {"numero": votos}
    digitado_em     TEXT NOT NULL,
    UNIQUE (secao_id, usuario_id)
);

-- O boletim que conta na apuração: as duas digitações iguais, ou a decisão do supervisor.
CREATE TABLE eleicao_boletins (
    secao_id        TEXT PRIMARY KEY REFERENCES eleicao_secoes (id),
    comparecimento  INTEGER NOT NULL CHECK (comparecimento >= 0),
    brancos         INTEGER NOT NULL CHECK (brancos >= 0),
    nulos           INTEGER NOT NULL CHECK (nulos >= 0),
    votos           TEXT NOT NULL,
    origem          TEXT NOT NULL CHECK (origem IN ('conferido', 'supervisor')),
    resolvido_por   TEXT REFERENCES usuarios (id),
    justificativa   TEXT,
    apurado_em      TEXT NOT NULL
);

-- Passagem ao módulo do Conselho Tutelar: os eleitos, com mandato, e os suplentes em ordem.
CREATE TABLE conselheiros_eleitos (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES eleicao_processos (id),
    candidatura_id  TEXT NOT NULL UNIQUE REFERENCES eleicao_candidaturas (id),
    pessoa_id       TEXT NOT NULL REFERENCES pessoas (id),
    condicao        TEXT NOT NULL CHECK (condicao IN ('titular', 'suplente')),
    ordem           INTEGER NOT NULL CHECK (ordem > 0),   -- 1º titular...; 1º suplente...
    votos           INTEGER NOT NULL CHECK (votos >= 0),
    inicio_mandato  TEXT NOT NULL,
    fim_mandato     TEXT NOT NULL,
    impedimento     TEXT,
    sub_judice      INTEGER NOT NULL DEFAULT 0 CHECK (sub_judice IN (0, 1)),
    resultado_documento_id TEXT REFERENCES documentos (id),
    criado_em       TEXT NOT NULL,
    UNIQUE (processo_id, condicao, ordem)
);
CREATE INDEX conselheiros_eleitos_mandato ON conselheiros_eleitos (inicio_mandato, fim_mandato);
