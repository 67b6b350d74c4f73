-- Issue 14 (casos): a criança ou o adolescente incluído por engano sai do caso por emenda, sem apagar nada,
-- como o familiar e a violação (0006): a linha fica, marcada com o momento da retirada, e a emenda com o
-- motivo fica no histórico. Retirada: fora da lista do caso, da busca, das estatísticas, do relatório, do CSV
-- do SIPIA e dos documentos emitidos depois.
ALTER TABLE conselho_criancas ADD COLUMN removido_em TEXT;

-- O histórico ganha o tipo de emenda novo (a CHECK não se altera no SQLite: a tabela é refeita com as mesmas
-- linhas; os gatilhos que a protegem são recriados).
CREATE TABLE conselho_emendas_nova (
    id              TEXT PRIMARY KEY,
    atendimento_id  TEXT NOT NULL REFERENCES conselho_atendimentos (id),
    momento         TEXT NOT NULL,
    conselheiro_id  TEXT,
    tipo            TEXT NOT NULL CHECK (tipo IN ('crianca_incluida', 'familiar_incluido', 'violacao_incluida',
                        'violacao_reclassificada', 'nome_corrigido', 'filiacao_corrigida',
                        'momento_da_chamada', 'familiar_retirado', 'violacao_retirada', 'crianca_retirada')),
    tabela          TEXT NOT NULL,
    registro_id     TEXT NOT NULL,
    antes           TEXT,
    depois          TEXT,
    motivo          TEXT NOT NULL CHECK (length(trim(motivo)) > 0)
);
INSERT INTO conselho_emendas_nova SELECT id, atendimento_id, momento, conselheiro_id, tipo, tabela, registro_id,
    antes, depois, motivo FROM conselho_emendas;
DROP TRIGGER conselho_emendas_sem_alterar;
DROP TRIGGER conselho_emendas_sem_excluir;
DROP INDEX conselho_emendas_atendimento;
DROP TABLE conselho_emendas;
ALTER TABLE conselho_emendas_nova RENAME TO conselho_emendas;
CREATE INDEX conselho_emendas_atendimento ON conselho_emendas (atendimento_id, momento);
CREATE TRIGGER conselho_emendas_sem_alterar BEFORE UPDATE ON conselho_emendas
BEGIN SELECT RAISE(ABORT, 'O histórico de emendas não pode ser alterado.'); END;
CREATE TRIGGER conselho_emendas_sem_excluir BEFORE DELETE ON conselho_emendas
BEGIN SELECT RAISE(ABORT, 'O histórico de emendas não pode ser apagado.'); END;
