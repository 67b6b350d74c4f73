-- Certificação: o que o registrador precisa para assinar o título (issue 12, item 3).
-- Trabalhador: nacionalidade, naturalidade (município e UF) e documento de identidade com o órgão expedidor,
-- impressos no diploma e no certificado. Curso de referência: ato que autoriza o curso, carga horária mínima
-- do catálogo (CNCT/CNCST) e a matriz curricular (componentes e horas), de onde sai a carga horária do título
-- e o histórico do diploma (Portaria MEC 902/2024, arts. 14, 15 e 17).
ALTER TABLE cert_trabalhadores ADD COLUMN nacionalidade TEXT;
ALTER TABLE cert_trabalhadores ADD COLUMN naturalidade TEXT;                 -- município de nascimento
ALTER TABLE cert_trabalhadores ADD COLUMN naturalidade_uf TEXT CHECK (naturalidade_uf IS NULL OR length(naturalidade_uf) = 2);
ALTER TABLE cert_trabalhadores ADD COLUMN rg TEXT;                           -- número do documento de identidade
ALTER TABLE cert_trabalhadores ADD COLUMN rg_orgao TEXT;                     -- órgão expedidor e UF (ex.: SSP/BA)

ALTER TABLE cert_cursos ADD COLUMN ato_autorizacao TEXT;                     -- ato do órgão competente que autoriza o curso
ALTER TABLE cert_cursos ADD COLUMN carga_horaria_minima INTEGER CHECK (carga_horaria_minima IS NULL OR carga_horaria_minima > 0);

CREATE TABLE cert_curso_componentes (
    id             TEXT PRIMARY KEY,
    curso_id       TEXT NOT NULL REFERENCES cert_cursos (id),
    ordem          INTEGER NOT NULL CHECK (ordem >= 1),
    nome           TEXT NOT NULL CHECK (length(trim(nome)) > 0),
    carga_horaria  INTEGER NOT NULL CHECK (carga_horaria > 0),
    criado_em      TEXT NOT NULL,
    UNIQUE (curso_id, ordem)
);

-- Anexos do processo (comprovante de escolaridade, evidências da avaliação, termo de renúncia): o arquivo
-- digitalizado guardado dentro da base (domínio geral, cifrada com SQLCipher), nunca solto no disco; a
-- documentação comprobatória é guardada por dez anos (Portaria MEC 902/2024, art. 12 XIV) e não se apaga.
CREATE TABLE cert_anexos (
    id              TEXT PRIMARY KEY,
    processo_id     TEXT NOT NULL REFERENCES cert_processos (id),
    tipo            TEXT NOT NULL CHECK (tipo IN ('escolaridade', 'identidade', 'evidencia', 'renuncia', 'outro')),
    descricao       TEXT NOT NULL CHECK (length(trim(descricao)) > 0),
    nome_arquivo    TEXT NOT NULL,
    formato         TEXT NOT NULL CHECK (formato IN ('pdf', 'png', 'jpeg')),
    tamanho         INTEGER NOT NULL CHECK (tamanho > 0),
    sha256          TEXT NOT NULL,
    conteudo        BLOB NOT NULL,
    anexado_em      TEXT NOT NULL,
    anexado_por     TEXT NOT NULL
);
CREATE INDEX cert_anexos_processo ON cert_anexos (processo_id);
CREATE TRIGGER cert_anexos_guarda BEFORE DELETE ON cert_anexos
BEGIN SELECT RAISE(ABORT, 'Os anexos do processo de certificação são documentação comprobatória e não podem ser apagados (Portaria MEC 902/2024, art. 12, XIV).'); END;
CREATE TRIGGER cert_anexos_sem_alterar BEFORE UPDATE OF conteudo, sha256 ON cert_anexos
BEGIN SELECT RAISE(ABORT, 'O arquivo anexado não pode ser trocado; anexe outro com a explicação.'); END;
