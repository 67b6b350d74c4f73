-- Várias máquinas (issue 15): os usuários e as suas fechaduras viajam entre as réplicas.
-- Uma linha por usuário cuja fechadura foi feita (criado, senha redefinida, reativado, senha trocada) numa base
-- que é réplica: a pública X25519 dele e a privada cifrada sob a senha dele (argon2id + AES-GCM, o mesmo
-- embrulho do arquivo de chaves, com dados associados que valem em toda réplica do órgão). Nenhuma chave de
-- domínio viaja: cada máquina sela as suas para a pública (o administrador dela aceita o usuário recebido).
CREATE TABLE sync_fechaduras (
    id            TEXT PRIMARY KEY REFERENCES usuarios (id),
    login         TEXT NOT NULL,
    papel         TEXT NOT NULL,
    publica       TEXT NOT NULL,
    privada       TEXT NOT NULL,  -- JSON do embrulho da privada (o campo "privada" da fechadura)
    atualizado_em TEXT NOT NULL
);
