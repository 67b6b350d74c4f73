-- Várias máquinas (issue 15, item 4): a réplica designada para os atos únicos do órgão pode ser escolhida.
-- designada_hlc: o relógio lógico (HLC) da designação; a designada é a réplica ativa com o maior — quem designa
-- já viu a designação anterior, então a nova sempre tem HLC maior, em toda máquina, com qualquer relógio. Sem
-- nenhuma designação, é a sede (faixa 0), como antes.
ALTER TABLE sync_replicas ADD COLUMN designada_hlc TEXT;
