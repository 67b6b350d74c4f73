-- Certificação: códigos do Sistec da unidade, do curso e do ciclo (a oferta), preenchidos uma vez e usados
-- na exportação (issue 12, item 7); antes a exportação levava nomes onde o Sistec espera códigos.
CREATE TABLE cert_sistec_codigos (
    tipo           TEXT NOT NULL CHECK (tipo IN ('unidade', 'curso', 'ciclo')),
    referencia_id  TEXT NOT NULL,            -- unidades.id, cert_cursos.id ou cert_ofertas.id
    codigo         TEXT NOT NULL CHECK (length(trim(codigo)) > 0),
    atualizado_em  TEXT NOT NULL,
    PRIMARY KEY (tipo, referencia_id)
);
