-- Afastamento ou titulação lançado, corrigido ou excluído depois do fechamento de competências que
-- alcança (issue 13, item 3): cada competência fechada alcançada fica pendente de acerto para o servidor
-- e é recalculada na competência aberta seguinte (``liquidar_em``, 'aaaa-mm'), que paga (rubrica 069) ou
-- desconta (rubrica 106) a diferença entre o recalculado e o gravado, menos o que já foi acertado desse
-- mês (linhas com referência 'anterior:aaaa-mm'). Uma nova mudança que alcança o mesmo mês só muda o
-- destino: o já pago é relido das linhas gravadas, nunca pago duas vezes.
-- ``id`` = 'servidor_id:aaaa-mm' (determinístico: duas réplicas que marcam o mesmo mês dão a mesma linha).
CREATE TABLE magisterio_diferencas_pendentes (
    id             TEXT PRIMARY KEY,
    servidor_id    TEXT NOT NULL REFERENCES magisterio_servidores (id) ON DELETE CASCADE,
    competencia    TEXT NOT NULL CHECK (competencia GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    liquidar_em    TEXT NOT NULL CHECK (liquidar_em GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    fundamento     TEXT NOT NULL CHECK (length(trim(fundamento)) > 0),
    atualizado_em  TEXT NOT NULL,
    UNIQUE (servidor_id, competencia)
);
CREATE INDEX magisterio_diferencas_pendentes_liquidar ON magisterio_diferencas_pendentes (liquidar_em);
