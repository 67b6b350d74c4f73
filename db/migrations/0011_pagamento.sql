-- Dados de pagamento de uma pessoa (servidor do magistério, conselheiro tutelar): conta bancária e PIS.
-- Uma linha por pessoa: o mesmo cadastro serve às duas folhas. A conta (banco, agência, conta) é
-- única: uma conta de duas pessoas é recusada pelo serviço, que diz os dois nomes, e pelo índice.
-- Migrações publicadas nunca são editadas: uma mudança de esquema é uma nova migração.
CREATE TABLE pagamento_dados (
    pessoa_id     TEXT PRIMARY KEY REFERENCES pessoas (id) ON DELETE RESTRICT,
    banco         TEXT CHECK (banco IS NULL OR banco GLOB '[0-9][0-9][0-9]'),
    agencia       TEXT CHECK (agencia IS NULL OR (agencia NOT GLOB '*[^0-9]*' AND length(agencia) BETWEEN 1 AND 5)),
    agencia_dv    TEXT NOT NULL DEFAULT '' CHECK (agencia_dv IN ('', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X')),
    conta         TEXT CHECK (conta IS NULL OR (conta NOT GLOB '*[^0-9]*' AND length(conta) BETWEEN 1 AND 12)),
    conta_dv      TEXT NOT NULL DEFAULT '' CHECK (conta_dv IN ('', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X')),
    tipo_conta    TEXT CHECK (tipo_conta IS NULL OR tipo_conta IN ('corrente', 'poupanca', 'salario')),
    pis           TEXT CHECK (pis IS NULL OR (pis NOT GLOB '*[^0-9]*' AND length(pis) = 11)),
    criado_em     TEXT NOT NULL,
    atualizado_em TEXT NOT NULL,
    CHECK ((banco IS NULL) = (agencia IS NULL) AND (banco IS NULL) = (conta IS NULL)
           AND (banco IS NULL) = (tipo_conta IS NULL))
);
CREATE UNIQUE INDEX pagamento_dados_conta ON pagamento_dados (banco, agencia, conta) WHERE banco IS NOT NULL;
CREATE UNIQUE INDEX pagamento_dados_pis ON pagamento_dados (pis) WHERE pis IS NOT NULL;
