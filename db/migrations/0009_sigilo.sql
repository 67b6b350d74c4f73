-- Domínio sigiloso do Conselho Tutelar: o conteúdo dos casos sai desta base e vai para o arquivo
-- <base>.sigilo, com chave própria (db/migrations/sigilo/; docs/seguranca.md, "Domínio sigiloso do
-- Conselho"). Aqui as tabelas criadas vazias pela 0007 são renomeadas para legado_*: numa base nova
-- elas estão vazias e o Paço as apaga logo depois desta migração (desktop.store.sigilo); numa base
-- atualizada com casos, ficam até a primeira entrada de quem tem a chave do sigilo, que copia as
-- linhas para o arquivo sigiloso, confere as contagens e só então as apaga daqui.
-- Renomear (e não apagar) é o que garante que nada se perde se quem abrir primeiro não tiver a chave.

ALTER TABLE conselho_busca RENAME TO legado_conselho_busca;
ALTER TABLE conselho_rascunhos RENAME TO legado_conselho_rascunhos;
ALTER TABLE conselho_impedimentos RENAME TO legado_conselho_impedimentos;
ALTER TABLE conselho_acompanhamentos RENAME TO legado_conselho_acompanhamentos;
ALTER TABLE conselho_encaminhamentos RENAME TO legado_conselho_encaminhamentos;
ALTER TABLE conselho_requisicoes RENAME TO legado_conselho_requisicoes;
ALTER TABLE conselho_medidas RENAME TO legado_conselho_medidas;
ALTER TABLE conselho_decisoes RENAME TO legado_conselho_decisoes;
ALTER TABLE conselho_violacoes RENAME TO legado_conselho_violacoes;
ALTER TABLE conselho_familiares RENAME TO legado_conselho_familiares;
ALTER TABLE conselho_criancas RENAME TO legado_conselho_criancas;
ALTER TABLE conselho_atendimentos RENAME TO legado_conselho_atendimentos;

-- O arquivo sigiloso desta base: criado na instalação (ou na primeira entrada de quem tem a chave,
-- numa base atualizada). Se a linha existe e o arquivo some, o Paço recusa em vez de criar outro vazio.
CREATE TABLE sigilo_arquivo (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    arquivo_id  TEXT NOT NULL,
    criado_em   TEXT NOT NULL
);
