-- Issue 14 (colegiado) e issue 15 (sincronização): a captura da sincronização identifica cada linha por uma
-- chave primária de uma coluna TEXT (store/sync_registro.colunas); presenças e votos tinham chave composta e
-- não viajavam entre as réplicas (a sessão e os itens chegavam ao plantão sem quem votou). Ganham um id
-- (UUID; as linhas novas recebem UUIDv7 do serviço) e o par de antes continua único. As linhas já gravadas
-- recebem um UUID aleatório: nunca viajaram (não eram capturadas) e não se alteram depois de gravadas.
CREATE TABLE conselho_sessao_presencas_nova (
    id              TEXT PRIMARY KEY,
    sessao_id       TEXT NOT NULL REFERENCES conselho_sessoes (id),
    conselheiro_id  TEXT NOT NULL,                  -- conselho_conselheiros (base geral)
    nome            TEXT NOT NULL,                  -- como era na sessão (para a ata)
    UNIQUE (sessao_id, conselheiro_id)
);
INSERT INTO conselho_sessao_presencas_nova (id, sessao_id, conselheiro_id, nome)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                 || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-'
                 || hex(randomblob(6))),
           sessao_id, conselheiro_id, nome FROM conselho_sessao_presencas;
DROP TABLE conselho_sessao_presencas;
ALTER TABLE conselho_sessao_presencas_nova RENAME TO conselho_sessao_presencas;

CREATE TABLE conselho_sessao_votos_nova (
    id              TEXT PRIMARY KEY,
    item_id         TEXT NOT NULL REFERENCES conselho_sessao_itens (id),
    conselheiro_id  TEXT NOT NULL,                  -- conselho_conselheiros (base geral)
    voto            TEXT NOT NULL CHECK (voto IN ('ratificar', 'retificar', 'abstencao')),
    UNIQUE (item_id, conselheiro_id)
);
INSERT INTO conselho_sessao_votos_nova (id, item_id, conselheiro_id, voto)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                 || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-'
                 || hex(randomblob(6))),
           item_id, conselheiro_id, voto FROM conselho_sessao_votos;
DROP TABLE conselho_sessao_votos;
ALTER TABLE conselho_sessao_votos_nova RENAME TO conselho_sessao_votos;
