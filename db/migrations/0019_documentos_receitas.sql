-- Nova via (issue 11): os dados de que um documento foi montado ("receita", JSON), guardados na
-- emissão para que a via seguinte saia com o mesmo conteúdo (um ofício, um termo de medida, um
-- relatório com as observações digitadas). Documentos de caso do Conselho guardam a receita no arquivo
-- sigiloso (migração sigilo/0008), nunca aqui. Como o PDF, a receita não se altera nem se apaga.
CREATE TABLE documentos_receitas (
    documento_id  TEXT PRIMARY KEY REFERENCES documentos (id),
    receita       TEXT NOT NULL
);
CREATE TRIGGER documentos_receitas_sem_excluir BEFORE DELETE ON documentos_receitas
BEGIN SELECT RAISE(ABORT, 'A receita de um documento emitido não pode ser apagada.'); END;
CREATE TRIGGER documentos_receitas_sem_alterar BEFORE UPDATE ON documentos_receitas
BEGIN SELECT RAISE(ABORT, 'A receita de um documento emitido não pode ser alterada.'); END;
