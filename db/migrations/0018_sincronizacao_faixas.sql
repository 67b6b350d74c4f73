-- Várias máquinas (issue 15, item 4): cada réplica emite números (atendimentos do Conselho, documentos)
-- numa faixa só dela — de faixa·10.000 + 1 a (faixa+1)·10.000 —, e duas réplicas nunca dão o mesmo número.
-- A sede tem a faixa 0 (de 1 a 10.000, como antes); cada réplica convidada recebe a próxima.
ALTER TABLE sync_replicas ADD COLUMN faixa INTEGER NOT NULL DEFAULT 0 CHECK (faixa BETWEEN 0 AND 99);
