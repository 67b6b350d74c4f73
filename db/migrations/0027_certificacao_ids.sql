-- Issue 15 (sincronização): a captura identifica cada linha por uma chave primária de uma coluna TEXT
-- (store/sync_registro.colunas); as turmas por curso e ano e os códigos do Sistec tinham chave composta e o
-- que se gravava nelas numa máquina não chegava às outras. Ganham um id e o par de antes continua único.
-- O id é a própria chave composta escrita como texto ('curso_id:ano', 'tipo:referencia_id' — o mesmo
-- registro_id que o diário já usava), e não um UUID aleatório: duas máquinas que gravam o mesmo curso e ano
-- (ou o mesmo código) sem se verem gravam o MESMO registro, e a junção é a de sempre, por campo — o mesmo
-- valor não é conflito, valores diferentes viram conflito para alguém decidir — em vez de duas linhas com
-- ids diferentes que colidiriam no UNIQUE ao importar. As linhas já gravadas recebem o mesmo id em toda
-- réplica (a migração roda em cada máquina). O CHECK impede que o id e o par se desencontrem.
CREATE TABLE cert_curso_turmas_nova (
    id        TEXT PRIMARY KEY CHECK (id = curso_id || ':' || ano),
    curso_id  TEXT NOT NULL REFERENCES cert_cursos (id),
    ano       INTEGER NOT NULL,
    turmas    INTEGER NOT NULL CHECK (turmas >= 0),
    UNIQUE (curso_id, ano)
);
INSERT INTO cert_curso_turmas_nova (id, curso_id, ano, turmas)
    SELECT curso_id || ':' || ano, curso_id, ano, turmas FROM cert_curso_turmas;
DROP TABLE cert_curso_turmas;
ALTER TABLE cert_curso_turmas_nova RENAME TO cert_curso_turmas;

CREATE TABLE cert_sistec_codigos_nova (
    id             TEXT PRIMARY KEY CHECK (id = tipo || ':' || referencia_id),
    tipo           TEXT NOT NULL CHECK (tipo IN ('unidade', 'curso', 'ciclo')),
    referencia_id  TEXT NOT NULL,            -- unidades.id, cert_cursos.id ou cert_ofertas.id
    codigo         TEXT NOT NULL CHECK (length(trim(codigo)) > 0),
    atualizado_em  TEXT NOT NULL,
    UNIQUE (tipo, referencia_id)
);
INSERT INTO cert_sistec_codigos_nova (id, tipo, referencia_id, codigo, atualizado_em)
    SELECT tipo || ':' || referencia_id, tipo, referencia_id, codigo, atualizado_em FROM cert_sistec_codigos;
DROP TABLE cert_sistec_codigos;
ALTER TABLE cert_sistec_codigos_nova RENAME TO cert_sistec_codigos;
