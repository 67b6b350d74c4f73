-- Magistério de Jequié (Lei 1.613/2004): cadastro funcional dos servidores e seus históricos datados.
-- Um servidor é uma pessoa (tabela pessoas) com uma matrícula; uma escola é uma unidade de tipo
-- 'escola'. Períodos: inicio inclusive, fim inclusive ou NULL (em aberto). Datas ISO aaaa-mm-dd.
-- Aqui não há dinheiro: as competências da folha vêm numa migração seguinte.
-- Migrações publicadas nunca são editadas: uma mudança de esquema é uma nova migração.

-- Servidores ---------------------------------------------------------------------------------------
-- ativo espelha o desligamento (desligado = inativo), para filtrar sem repetir a regra.
-- A jornada não fica aqui: é o histórico magisterio_jornadas (a base muda pelos arts. 28, 30 e 74).
CREATE TABLE magisterio_servidores (
    id                  TEXT PRIMARY KEY,
    pessoa_id           TEXT NOT NULL REFERENCES pessoas (id) ON DELETE RESTRICT,
    matricula           TEXT NOT NULL UNIQUE CHECK (length(trim(matricula)) > 0),
    cargo               TEXT NOT NULL CHECK (cargo IN ('professor', 'pedagogo', 'auxiliar_ensino')),
    admissao            TEXT NOT NULL CHECK (admissao GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    desligamento        TEXT CHECK (desligamento IS NULL OR
                                    (desligamento GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                                     AND desligamento >= admissao)),
    motivo_desligamento TEXT CHECK (motivo_desligamento IS NULL OR motivo_desligamento IN
                                    ('exoneracao', 'demissao', 'aposentadoria', 'falecimento', 'outro')),
    ato_desligamento    TEXT,
    dependentes_irrf    INTEGER NOT NULL DEFAULT 0 CHECK (dependentes_irrf >= 0),
    ativo               INTEGER NOT NULL DEFAULT 1 CHECK (ativo = (desligamento IS NULL)),
    criado_em           TEXT NOT NULL,
    atualizado_em       TEXT NOT NULL,
    CHECK ((desligamento IS NULL) = (motivo_desligamento IS NULL))
);
CREATE INDEX magisterio_servidores_pessoa ON magisterio_servidores (pessoa_id);

CREATE TRIGGER magisterio_servidores_sem_excluir BEFORE DELETE ON magisterio_servidores
BEGIN SELECT RAISE(ABORT, 'Servidores do magistério não são apagados; registre o desligamento.'); END;

-- Escolas: porte e difícil acesso datados -----------------------------------------------------------
-- Cada linha vale de inicio até a véspera da linha seguinte da mesma escola. O porte muda a FG do
-- diretor e do vice automaticamente (art. 38 §1º); o difícil acesso é definido em ato do(a)
-- Secretário(a) (art. 42 §4º). A zona (urbana/rural) é a da tabela unidades.
CREATE TABLE magisterio_escolas (
    id              TEXT PRIMARY KEY,
    unidade_id      TEXT NOT NULL REFERENCES unidades (id) ON DELETE RESTRICT,
    inicio          TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    porte           TEXT NOT NULL CHECK (porte IN ('grande', 'medio', 'pequeno', 'especial')),
    dificil_acesso  INTEGER NOT NULL DEFAULT 0 CHECK (dificil_acesso IN (0, 1)),
    ato             TEXT,
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL,
    UNIQUE (unidade_id, inicio)
);

-- Tabelas de tipos (o órgão pode acrescentar) ---------------------------------------------------------
CREATE TABLE magisterio_tipos_afastamento (
    codigo                   TEXT PRIMARY KEY CHECK (codigo NOT GLOB '*[^A-Z0-9]*' AND length(codigo) BETWEEN 2 AND 8),
    descricao                TEXT NOT NULL CHECK (length(trim(descricao)) > 0),
    remunerado               INTEGER NOT NULL CHECK (remunerado IN (0, 1)),
    conta_exercicio          INTEGER NOT NULL CHECK (conta_exercicio IN (0, 1)),
    suspende_dificil_acesso  INTEGER NOT NULL CHECK (suspende_dificil_acesso IN (0, 1)),
    fundamento               TEXT NOT NULL,
    ativo                    INTEGER NOT NULL DEFAULT 1 CHECK (ativo IN (0, 1))
);

INSERT INTO magisterio_tipos_afastamento
    (codigo, descricao, remunerado, conta_exercicio, suspende_dificil_acesso, fundamento) VALUES
    ('LTS', 'Licença para tratamento da própria saúde', 1, 1, 0, 'Estatuto do Magistério Público Municipal de Jequié'),
    ('LAS', 'Licença por acidente em serviço', 1, 1, 0, 'Estatuto do Magistério Público Municipal de Jequié'),
    ('LMA', 'Licença-maternidade', 1, 1, 0, 'Constituição Federal, arts. 7º XVIII e 39 §3º'),
    ('LPA', 'Licença-paternidade', 1, 1, 0, 'Constituição Federal, arts. 7º XIX e 39 §3º'),
    ('LAD', 'Licença à adotante', 1, 1, 0, 'Constituição Federal, art. 227 §6º; Estatuto do Magistério'),
    ('LPF', 'Licença por motivo de doença em pessoa da família', 1, 1, 1, 'Estatuto do Magistério Público Municipal de Jequié'),
    ('LQP', 'Licença para qualificação profissional', 1, 1, 1, 'Lei 1.613/2004, art. 62'),
    ('APG', 'Afastamento para pós-graduação (especialização, mestrado, doutorado)', 1, 1, 1, 'Lei 1.613/2004, art. 63'),
    ('CED', 'Cedência com ônus para o Município', 1, 1, 1, 'Lei 1.613/2004, art. 58'),
    ('CES', 'Cedência sem ônus para o Município', 0, 1, 1, 'Lei 1.613/2004, arts. 58 e 59'),
    ('SML', 'Serviço militar obrigatório', 0, 1, 1, 'Estatuto do Magistério Público Municipal de Jequié'),
    ('LIP', 'Licença para tratar de interesses particulares', 0, 0, 1, 'Estatuto do Magistério Público Municipal de Jequié'),
    ('SUS', 'Suspensão disciplinar', 0, 0, 1, 'Estatuto do Magistério Público Municipal de Jequié');

CREATE TABLE magisterio_codigos_falta (
    codigo       TEXT PRIMARY KEY CHECK (codigo NOT GLOB '*[^A-Z0-9]*' AND length(codigo) BETWEEN 2 AND 8),
    descricao    TEXT NOT NULL CHECK (length(trim(descricao)) > 0),
    justificada  INTEGER NOT NULL CHECK (justificada IN (0, 1)),
    fundamento   TEXT NOT NULL,
    ativo        INTEGER NOT NULL DEFAULT 1 CHECK (ativo IN (0, 1))
);

INSERT INTO magisterio_codigos_falta (codigo, descricao, justificada, fundamento) VALUES
    ('FI', 'Falta injustificada', 0, 'Lei 1.613/2004, art. 34 §1º I e II'),
    ('AM', 'Atestado médico', 1, 'Lei 1.613/2004, art. 34 §1º I (motivo legal)'),
    ('LG', 'Licença gala (casamento)', 1, 'Lei 1.613/2004, art. 34 §1º I; Estatuto do Magistério'),
    ('LN', 'Licença nojo (falecimento de familiar)', 1, 'Lei 1.613/2004, art. 34 §1º I; Estatuto do Magistério'),
    ('TRE', 'Serviço à Justiça Eleitoral (folga em dobro)', 1, 'Lei 9.504/1997, art. 98'),
    ('JUR', 'Serviço do júri', 1, 'Código de Processo Penal, art. 441'),
    ('TES', 'Testemunha ou parte em juízo', 1, 'Código de Processo Civil, art. 463'),
    ('DS', 'Doação de sangue', 1, 'Lei 1.075/1950, art. 1º'),
    ('AB', 'Ausência autorizada pela chefia imediata', 1, 'Lei 1.613/2004, art. 34 §1º III');

-- Históricos datados de cada servidor -------------------------------------------------------------
-- Titulação: o nível muda a partir da data do requerimento (arts. 14 e 19 §2º).
CREATE TABLE magisterio_titulacoes (
    id                 TEXT PRIMARY KEY,
    servidor_id        TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    titulo             TEXT NOT NULL CHECK (titulo IN ('leigo', 'medio_normal', 'estudos_adicionais',
                                   'licenciatura_curta', 'licenciatura_plena', 'pos_lato_sensu',
                                   'mestrado', 'doutorado')),
    data_requerimento  TEXT NOT NULL CHECK (data_requerimento GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    curso              TEXT NOT NULL DEFAULT '',
    instituicao        TEXT NOT NULL DEFAULT '',
    carga_horaria      INTEGER CHECK (carga_horaria IS NULL OR carga_horaria > 0),
    area_educacao      INTEGER NOT NULL DEFAULT 1 CHECK (area_educacao IN (0, 1)),
    ato                TEXT NOT NULL DEFAULT '',
    criado_em          TEXT NOT NULL,
    atualizado_em      TEXT NOT NULL
);
CREATE INDEX magisterio_titulacoes_servidor ON magisterio_titulacoes (servidor_id, data_requerimento);

-- Lotação: escola (porte e difícil acesso vêm de magisterio_escolas) ou setor da SMEC (unidade de
-- tipo 'secretaria'); os fatos pessoais do art. 42 §3º e do art. 49 ficam na lotação.
CREATE TABLE magisterio_lotacoes (
    id                       TEXT PRIMARY KEY,
    servidor_id              TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    unidade_id               TEXT NOT NULL REFERENCES unidades (id) ON DELETE RESTRICT,
    inicio                   TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    fim                      TEXT CHECK (fim IS NULL OR fim >= inicio),
    reside_em_local_diverso  INTEGER NOT NULL DEFAULT 0 CHECK (reside_em_local_diverso IN (0, 1)),
    fixou_residencia_rural   INTEGER NOT NULL DEFAULT 0 CHECK (fixou_residencia_rural IN (0, 1)),
    ato                      TEXT NOT NULL DEFAULT '',
    criado_em                TEXT NOT NULL,
    atualizado_em            TEXT NOT NULL
);
CREATE INDEX magisterio_lotacoes_servidor ON magisterio_lotacoes (servidor_id, inicio);
CREATE INDEX magisterio_lotacoes_unidade ON magisterio_lotacoes (unidade_id);

-- Regência de classe (arts. 27, 41, 44).
CREATE TABLE magisterio_regencias (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    inicio         TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    fim            TEXT CHECK (fim IS NULL OR fim >= inicio),
    etapa          TEXT NOT NULL CHECK (etapa IN ('educacao_infantil', 'fundamental_iniciais',
                                                  'fundamental_finais', 'educacao_especial')),
    alunos_nee     INTEGER NOT NULL DEFAULT 0 CHECK (alunos_nee >= 0),
    ato            TEXT NOT NULL DEFAULT '',
    criado_em      TEXT NOT NULL,
    atualizado_em  TEXT NOT NULL
);
CREATE INDEX magisterio_regencias_servidor ON magisterio_regencias (servidor_id, inicio);

-- Jornada em vigor, períodos sem sobreposição: 'base' (art. 23) com 20 ou 40 h; desdobramento e
-- regime diferenciado (art. 29) e direção (art. 39) são sempre de 40 h.
CREATE TABLE magisterio_jornadas (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    inicio         TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    fim            TEXT CHECK (fim IS NULL OR fim >= inicio),
    horas          INTEGER NOT NULL CHECK (horas IN (20, 40)),
    motivo         TEXT NOT NULL CHECK (motivo IN ('base', 'desdobramento', 'regime_diferenciado', 'direcao')),
    ato            TEXT NOT NULL DEFAULT '',
    criado_em      TEXT NOT NULL,
    atualizado_em  TEXT NOT NULL,
    CHECK (motivo = 'base' OR horas = 40)
);
CREATE INDEX magisterio_jornadas_servidor ON magisterio_jornadas (servidor_id, inicio);

-- Função gratificada de diretor ou vice (art. 38, Anexo III); o porte vem da escola, na data.
CREATE TABLE magisterio_funcoes (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    unidade_id     TEXT NOT NULL REFERENCES unidades (id) ON DELETE RESTRICT,
    funcao         TEXT NOT NULL CHECK (funcao IN ('diretor', 'vice_diretor')),
    inicio         TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    fim            TEXT CHECK (fim IS NULL OR fim >= inicio),
    ato            TEXT NOT NULL DEFAULT '',
    criado_em      TEXT NOT NULL,
    atualizado_em  TEXT NOT NULL
);
CREATE INDEX magisterio_funcoes_servidor ON magisterio_funcoes (servidor_id, inicio);
CREATE INDEX magisterio_funcoes_unidade ON magisterio_funcoes (unidade_id);

-- Cursos de aperfeiçoamento (arts. 46-48).
CREATE TABLE magisterio_cursos (
    id                TEXT PRIMARY KEY,
    servidor_id       TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    tipo              TEXT NOT NULL CHECK (tipo IN ('aperfeicoamento', 'especializacao', 'mestrado', 'doutorado')),
    descricao         TEXT NOT NULL DEFAULT '',
    instituicao       TEXT NOT NULL DEFAULT '',
    conclusao         TEXT NOT NULL CHECK (conclusao GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    carga_horaria     INTEGER NOT NULL CHECK (carga_horaria > 0),
    area_educacao     INTEGER NOT NULL DEFAULT 1 CHECK (area_educacao IN (0, 1)),
    usado_para_nivel  INTEGER NOT NULL DEFAULT 0 CHECK (usado_para_nivel IN (0, 1)),
    concessao         TEXT CHECK (concessao IS NULL OR concessao >= conclusao),
    ato               TEXT NOT NULL DEFAULT '',
    criado_em         TEXT NOT NULL,
    atualizado_em     TEXT NOT NULL
);
CREATE INDEX magisterio_cursos_servidor ON magisterio_cursos (servidor_id, conclusao);

-- Licenças e afastamentos; o tipo diz se é remunerado, se conta como exercício e se suspende o
-- difícil acesso (art. 43).
CREATE TABLE magisterio_afastamentos (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    tipo           TEXT NOT NULL REFERENCES magisterio_tipos_afastamento (codigo) ON DELETE RESTRICT,
    inicio         TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    fim            TEXT CHECK (fim IS NULL OR fim >= inicio),
    ato            TEXT NOT NULL DEFAULT '',
    observacao     TEXT NOT NULL DEFAULT '',
    criado_em      TEXT NOT NULL,
    atualizado_em  TEXT NOT NULL
);
CREATE INDEX magisterio_afastamentos_servidor ON magisterio_afastamentos (servidor_id, inicio);

-- Faltas (art. 34): um registro por dia; horas NULL = o dia inteiro. Código NULL = ainda sem
-- justificativa (apontado no fechamento).
CREATE TABLE magisterio_faltas (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    data           TEXT NOT NULL CHECK (data GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    horas          INTEGER CHECK (horas IS NULL OR horas BETWEEN 1 AND 8),
    codigo         TEXT REFERENCES magisterio_codigos_falta (codigo) ON DELETE RESTRICT,
    observacao     TEXT NOT NULL DEFAULT '',
    criado_em      TEXT NOT NULL,
    atualizado_em  TEXT NOT NULL,
    UNIQUE (servidor_id, data)
);
CREATE INDEX magisterio_faltas_data ON magisterio_faltas (data);

-- Férias gozadas (arts. 54-57).
CREATE TABLE magisterio_ferias (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    inicio         TEXT NOT NULL CHECK (inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    fim            TEXT NOT NULL CHECK (fim >= inicio),
    observacao     TEXT NOT NULL DEFAULT '',
    criado_em      TEXT NOT NULL,
    atualizado_em  TEXT NOT NULL
);
CREATE INDEX magisterio_ferias_servidor ON magisterio_ferias (servidor_id, inicio);

-- Averbação de tempo de magistério em outra instituição, não paralelo (art. 53).
CREATE TABLE magisterio_averbacoes (
    id              TEXT PRIMARY KEY,
    servidor_id     TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    dias            INTEGER NOT NULL CHECK (dias > 0),
    descricao       TEXT NOT NULL CHECK (length(trim(descricao)) > 0),
    origem_inicio   TEXT CHECK (origem_inicio IS NULL OR
                                origem_inicio GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    origem_fim      TEXT CHECK (origem_fim IS NULL OR origem_fim >= origem_inicio),
    data_averbacao  TEXT CHECK (data_averbacao IS NULL OR
                                data_averbacao GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ato             TEXT NOT NULL DEFAULT '',
    criado_em       TEXT NOT NULL,
    atualizado_em   TEXT NOT NULL
);
CREATE INDEX magisterio_averbacoes_servidor ON magisterio_averbacoes (servidor_id);

-- Horas de regência após as 22 h, por competência aaaa-mm (art. 50); horas em texto decimal.
CREATE TABLE magisterio_horas_noturnas (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE RESTRICT,
    competencia    TEXT NOT NULL CHECK (competencia GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    horas          TEXT NOT NULL CHECK (horas GLOB '[0-9]*' AND horas NOT GLOB '*[^0-9.]*'
                                        AND CAST(horas AS REAL) > 0),
    criado_em      TEXT NOT NULL,
    atualizado_em  TEXT NOT NULL,
    UNIQUE (servidor_id, competencia)
);

-- A unidade certa em cada referência (a chave estrangeira não olha o tipo) ---------------------------
CREATE TRIGGER magisterio_escolas_tipo_inserir BEFORE INSERT ON magisterio_escolas
WHEN (SELECT tipo FROM unidades WHERE id = NEW.unidade_id) IS NOT 'escola'
BEGIN SELECT RAISE(ABORT, 'Porte e difícil acesso são de uma unidade de tipo escola.'); END;
CREATE TRIGGER magisterio_escolas_tipo_alterar BEFORE UPDATE OF unidade_id ON magisterio_escolas
WHEN (SELECT tipo FROM unidades WHERE id = NEW.unidade_id) IS NOT 'escola'
BEGIN SELECT RAISE(ABORT, 'Porte e difícil acesso são de uma unidade de tipo escola.'); END;

CREATE TRIGGER magisterio_lotacoes_tipo_inserir BEFORE INSERT ON magisterio_lotacoes
WHEN (SELECT tipo FROM unidades WHERE id = NEW.unidade_id) NOT IN ('escola', 'secretaria')
BEGIN SELECT RAISE(ABORT, 'A lotação é numa escola ou num setor da Secretaria de Educação.'); END;
CREATE TRIGGER magisterio_lotacoes_tipo_alterar BEFORE UPDATE OF unidade_id ON magisterio_lotacoes
WHEN (SELECT tipo FROM unidades WHERE id = NEW.unidade_id) NOT IN ('escola', 'secretaria')
BEGIN SELECT RAISE(ABORT, 'A lotação é numa escola ou num setor da Secretaria de Educação.'); END;

CREATE TRIGGER magisterio_funcoes_tipo_inserir BEFORE INSERT ON magisterio_funcoes
WHEN (SELECT tipo FROM unidades WHERE id = NEW.unidade_id) IS NOT 'escola'
BEGIN SELECT RAISE(ABORT, 'A função gratificada de diretor ou vice é numa escola.'); END;
CREATE TRIGGER magisterio_funcoes_tipo_alterar BEFORE UPDATE OF unidade_id ON magisterio_funcoes
WHEN (SELECT tipo FROM unidades WHERE id = NEW.unidade_id) IS NOT 'escola'
BEGIN SELECT RAISE(ABORT, 'A função gratificada de diretor ou vice é numa escola.'); END;
