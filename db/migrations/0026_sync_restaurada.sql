-- Várias máquinas (issue 15): uma base de réplica restaurada de uma cópia de segurança não sabe o que a máquina
-- original fez depois da cópia (alterações já enviadas com os mesmos contadores, números já emitidos da faixa,
-- atos únicos). restaurada_em: quando foi restaurada; enquanto não for NULL a base não exporta pacotes, não
-- numera pela faixa e não faz atos únicos — até ser juntada com um convite (juntar grava a identidade nova).
ALTER TABLE sync_local ADD COLUMN restaurada_em TEXT;
