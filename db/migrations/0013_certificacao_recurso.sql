-- Certificação: renúncia escrita ao recurso contra o resultado (Portaria MEC 902/2024, art. 13 XI;
-- Lei 9.784/1999, art. 51). Sem recurso decidido, sem prazo vencido e sem renúncia, os documentos
-- do resultado não são emitidos.
ALTER TABLE cert_processos ADD COLUMN renuncia_recurso_em TEXT;
ALTER TABLE cert_processos ADD COLUMN renuncia_recurso_termo TEXT;   -- descrição do termo assinado
