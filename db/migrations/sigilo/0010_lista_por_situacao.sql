-- Issue 16 (100.000 casos): a lista filtrada por situação (aberto, em acompanhamento, arquivado) percorre este
-- índice na ordem da tela (busca_rowid decrescente) e para ao completar a página. Com o índice de situação antigo
-- (situação, recebimento, número), o SQLite lia todos os casos da situação (~33 mil), calculava as crianças de
-- cada um e os ordenava numa árvore temporária: 2,8 s por página, na base de 100.000 casos.
CREATE INDEX conselho_atendimentos_situacao_lista ON conselho_atendimentos (situacao, busca_rowid);
