-- Issue 14 (casos): emendas ao registro, classificação SIPIA CT e filiação da criança.
--
-- Direitos violados pela tabela do SIPIA CT (db/sipia/direitos_violados.toml): "direito" continua sendo o
-- direito fundamental (as cinco chaves antigas SÃO os cinco direitos fundamentais do SIPIA CT); "grupo" e
-- "especifico" são os códigos do grupo e do direito específico. Registros anteriores ficam com os dois
-- vazios (ver docs/interpretacoes.md, "Direitos violados: SIPIA CT") até um conselheiro reclassificá-los
-- por emenda.
ALTER TABLE conselho_violacoes ADD COLUMN grupo TEXT;
ALTER TABLE conselho_violacoes ADD COLUMN especifico TEXT;

-- Filiação (ECA, art. 101 §3º, I: a guia de acolhimento identifica a criança e qualifica os pais ou o
-- responsável, se conhecidos).
ALTER TABLE conselho_criancas ADD COLUMN mae TEXT NOT NULL DEFAULT '';
ALTER TABLE conselho_criancas ADD COLUMN pai TEXT NOT NULL DEFAULT '';
ALTER TABLE conselho_criancas ADD COLUMN responsavel TEXT NOT NULL DEFAULT '';

-- O histórico das emendas de cada caso: o que mudou, quando, por quem e por quê. Só cresce (o diário
-- sigiloso guarda o mesmo, em linhas de alterar/inserir); conteúdo de caso: fica neste arquivo.
CREATE TABLE conselho_emendas (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    momento         TEXT NOT NULL,
    conselheiro_id  TEXT,                           -- conselho_conselheiros (base geral)
    tipo            TEXT NOT NULL CHECK (tipo IN ('crianca_incluida', 'familiar_incluido', 'violacao_incluida',
                        'violacao_reclassificada', 'nome_corrigido', 'filiacao_corrigida',
                        'momento_da_chamada')),
    tabela          TEXT NOT NULL,
    registro_id     TEXT NOT NULL,
    antes           TEXT,                           -- JSON
    depois          TEXT,                           -- JSON
    motivo          TEXT NOT NULL CHECK (length(trim(motivo)) > 0)
);
CREATE INDEX conselho_emendas_atendimento ON conselho_emendas (atendimento_id, momento);
CREATE TRIGGER conselho_emendas_sem_alterar BEFORE UPDATE ON conselho_emendas
BEGIN SELECT RAISE(ABORT, 'O histórico de emendas não pode ser alterado.'); END;
CREATE TRIGGER conselho_emendas_sem_excluir BEFORE DELETE ON conselho_emendas
BEGIN SELECT RAISE(ABORT, 'O histórico de emendas não pode ser apagado.'); END;
