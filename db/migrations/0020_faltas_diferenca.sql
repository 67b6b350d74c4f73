-- Falta lançada depois do fechamento da sua competência (issue 13, item 3): aceita com aviso e descontada
-- como "diferença de mês anterior" (rubrica 105) na competência aberta seguinte, ``liquidar_em``
-- ('aaaa-mm'). A falta continua na ficha com a sua data: o efeito no tempo de serviço (e na mudança de
-- classe) fica. Se a competência da falta for reaberta e recalculada, a falta com ``liquidar_em`` não é
-- descontada de novo lá. Migrações publicadas nunca são editadas: uma mudança de esquema é uma nova migração.
ALTER TABLE magisterio_faltas ADD COLUMN liquidar_em TEXT
    CHECK (liquidar_em IS NULL OR liquidar_em GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]');
CREATE INDEX magisterio_faltas_liquidar ON magisterio_faltas (liquidar_em) WHERE liquidar_em IS NOT NULL;
