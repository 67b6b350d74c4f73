-- Issue 16 (gravar um caso < 5 ms a 100.000 casos): o diário sigiloso sem o índice único do hash e sem o contador
-- do AUTOINCREMENT. Cada caso gravado escreve quatro linhas no diário (caso, criança, familiar, violação); o
-- UNIQUE do hash punha cada uma numa folha ao acaso de um índice que nenhuma consulta usa (o hash é conferido pela
-- corrente, linha a linha em ordem de seq, nunca procurado), e o AUTOINCREMENT reescrevia a linha de
-- sqlite_sequence a cada transação — o seq já é dado pelo serviço (o último + 1, lido na mesma transação), e
-- apagar linhas do diário é proibido pelo gatilho. Medido na base de 108.000 casos: ~42 → ~35 páginas cifradas
-- no -wal por caso gravado, CPU da gravação ~12% menor.
-- Nada muda no que o diário guarda: as mesmas linhas, com o mesmo seq, o mesmo hash e o mesmo hash_anterior (a
-- corrente e as âncoras continuam valendo); os índices de tabela e de momento e os gatilhos que proíbem alterar
-- e apagar voltam iguais. A cópia (INSERT … SELECT *) vai página a página, sem decodificar as linhas.
DROP TRIGGER diario_sem_alterar;
DROP TRIGGER diario_sem_excluir;
CREATE TABLE diario_novo (
    seq             INTEGER PRIMARY KEY,
    momento         TEXT NOT NULL,
    usuario         TEXT NOT NULL,
    maquina         TEXT NOT NULL,
    versao_programa TEXT NOT NULL,
    tabela          TEXT NOT NULL,
    registro_id     TEXT NOT NULL,
    acao            TEXT NOT NULL CHECK (acao IN ('inserir', 'alterar', 'excluir', 'evento')),
    antes           TEXT,
    depois          TEXT,
    hash_anterior   TEXT NOT NULL,
    hash            TEXT NOT NULL
);
INSERT INTO diario_novo SELECT * FROM diario;
DROP TABLE diario;
ALTER TABLE diario_novo RENAME TO diario;
CREATE INDEX diario_tabela ON diario (tabela, registro_id);
CREATE INDEX diario_momento ON diario (momento);
CREATE TRIGGER diario_sem_alterar BEFORE UPDATE ON diario
BEGIN SELECT RAISE(ABORT, 'O diário de auditoria não pode ser alterado.'); END;
CREATE TRIGGER diario_sem_excluir BEFORE DELETE ON diario
BEGIN SELECT RAISE(ABORT, 'O diário de auditoria não pode ser apagado.'); END;
