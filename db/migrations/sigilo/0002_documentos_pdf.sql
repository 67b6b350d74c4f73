-- Documentos oficiais (issue 11): o PDF de cada documento de caso do Conselho (notificação, ofício,
-- requisição, termo de medida) fica neste arquivo sigiloso, não na base geral; o registro (tipo,
-- número, código, SHA-256) continua na tabela documentos da base geral, sem conteúdo do caso.
CREATE TABLE documentos_pdf (
    documento_id  TEXT PRIMARY KEY,    -- documentos.id da base geral (sem chave estrangeira entre arquivos)
    dominio       TEXT NOT NULL,
    pdf           BLOB NOT NULL
);
CREATE TRIGGER documentos_pdf_sem_excluir BEFORE DELETE ON documentos_pdf
BEGIN SELECT RAISE(ABORT, 'O PDF de um documento emitido não pode ser apagado.'); END;
CREATE TRIGGER documentos_pdf_sem_alterar BEFORE UPDATE ON documentos_pdf
BEGIN SELECT RAISE(ABORT, 'O PDF de um documento emitido não pode ser alterado.'); END;
