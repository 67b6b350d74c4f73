-- Processo de escolha (Lei 320/2023 de Itapiranga-AM): a fase gravada segue os atos que a comissão e o CMDCA
-- de fato praticaram, não o calendário planejado. Antes, o processo nascia na fase 'inscricoes' já na criação,
-- meses antes do edital, e nada impedia inscrever candidato antes da publicação do edital (art. 7º) nem
-- impugnar antes da publicação da lista de inscritos (art. 11 §2º).
--
-- Fases, na ordem: 'preparacao' (aberto com o calendário; edital ainda não publicado), 'inscricoes' (edital
-- publicado, art. 7º; inscrição, art. 7º §1º I), 'analise' (lista de inscritos publicada: corre o prazo de
-- impugnação, art. 11 §2º, e segue a análise documental e a prova, art. 7º §1º II e III), 'homologado',
-- 'apuracao', 'encerrado' (como antes). As datas dos dois atos novos ficam gravadas.
ALTER TABLE eleicao_processos ADD COLUMN edital_publicado_em TEXT;       -- art. 7º e art. 10 I
ALTER TABLE eleicao_processos ADD COLUMN inscritos_publicados_em TEXT;   -- art. 11 §2º

-- O CHECK de 'fase' ganha 'preparacao': uma coluna nova com o CHECK novo toma o lugar da antiga (reconstruir a
-- tabela não dá dentro da transação da migração: as outras tabelas do processo apontam para ela).
ALTER TABLE eleicao_processos ADD COLUMN fase_nova TEXT NOT NULL DEFAULT 'preparacao'
    CHECK (fase_nova IN ('preparacao', 'inscricoes', 'analise', 'homologado', 'apuracao', 'encerrado'));

-- Processos já gravados: o que já aconteceu prova o ato (candidatos inscritos provam o edital; impugnação ou
-- lista homologada provam a lista de inscritos) e a data do ato é a do calendário; sem prova, o processo volta
-- a 'preparacao' e a comissão registra a publicação com a data real (docs/interpretacoes.md).
UPDATE eleicao_processos SET edital_publicado_em = data_edital
    WHERE fase <> 'inscricoes'
       OR EXISTS (SELECT 1 FROM eleicao_candidaturas c WHERE c.processo_id = eleicao_processos.id);
UPDATE eleicao_processos SET inscritos_publicados_em = publicacao_inscritos
    WHERE fase NOT IN ('inscricoes', 'analise')
       OR EXISTS (SELECT 1 FROM eleicao_impugnacoes i JOIN eleicao_candidaturas c ON c.id = i.candidatura_id
                  WHERE c.processo_id = eleicao_processos.id AND i.tipo = 'impugnacao');
UPDATE eleicao_processos SET fase_nova = CASE
    WHEN fase IN ('inscricoes', 'analise') AND edital_publicado_em IS NULL THEN 'preparacao'
    WHEN fase IN ('inscricoes', 'analise') AND inscritos_publicados_em IS NULL THEN 'inscricoes'
    WHEN fase IN ('inscricoes', 'analise') THEN 'analise'
    ELSE fase END;
ALTER TABLE eleicao_processos DROP COLUMN fase;
ALTER TABLE eleicao_processos RENAME COLUMN fase_nova TO fase;
