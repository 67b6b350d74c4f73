-- Âncoras do diário no registro de documentos emitidos: a cabeça da corrente (seq e hash) no
-- momento da emissão, do diário geral e, quando a sessão o tinha, do diário sigiloso do Conselho.
-- A verificação de integridade compara a corrente com cada uma (docs/seguranca.md, "Diário e âncoras").
ALTER TABLE documentos ADD COLUMN ancora_seq INTEGER;
ALTER TABLE documentos ADD COLUMN ancora_hash TEXT;
ALTER TABLE documentos ADD COLUMN ancora_sigilo_seq INTEGER;
ALTER TABLE documentos ADD COLUMN ancora_sigilo_hash TEXT;
