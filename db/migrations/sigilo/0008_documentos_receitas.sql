-- Nova via (issue 11): os dados de que cada documento de caso do Conselho foi montado (destinatário,
-- texto, medidas), para a via seguinte sair igual. São conteúdo do caso: ficam neste arquivo sigiloso.
CREATE TABLE documentos_receitas (
    documento_id  TEXT PRIMARY KEY,    -- documentos.id da base geral (sem chave estrangeira entre arquivos)
    receita       TEXT NOT NULL
);
CREATE TRIGGER documentos_receitas_sem_excluir BEFORE DELETE ON documentos_receitas
BEGIN SELECT RAISE(ABORT, 'A receita de um documento emitido não pode ser apagada.'); END;
CREATE TRIGGER documentos_receitas_sem_alterar BEFORE UPDATE ON documentos_receitas
BEGIN SELECT RAISE(ABORT, 'A receita de um documento emitido não pode ser alterada.'); END;
