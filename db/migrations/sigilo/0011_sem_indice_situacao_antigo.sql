-- Issue 16 (gravar um caso < 5 ms a 100.000 casos): o índice (situação, recebimento, número) de 0001 não serve a
-- nenhuma consulta desde 0010 — a lista por situação percorre (situação, busca_rowid); o relatório trimestral e o
-- CSV do SIPIA, que filtram pelo período do recebimento, vão pelo índice de ordem (recebimento, número,
-- busca_rowid), tão rápidos quanto (o SQLite ainda escolhia este por "skip-scan", ~1,0 s nos dois, medido na base
-- de 108.000 casos). Cada caso gravado ainda inseria uma entrada nele: uma folha a mais por gravação, lida,
-- decifrada, cifrada e escrita no -wal.
DROP INDEX IF EXISTS conselho_atendimentos_situacao;
