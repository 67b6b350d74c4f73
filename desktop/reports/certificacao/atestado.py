"""Atestado de reconhecimento de conhecimentos e competências profissionais (Portaria MEC 902/2024, art. 24 §7º)."""
from __future__ import annotations

from reportlab.platypus import Spacer

from ..layout import Cabecalho, LARGURA_UTIL, Rodape, gerar_pdf, paragrafo, quadro, tabela, titulo
from .dados import DadosAtestado
from .pecas import assinaturas, celula, local_e_data, por_extenso
from desktop.rules import formato

TITULO = "Atestado de reconhecimento de conhecimentos e competências profissionais"


def gerar_atestado(cab: Cabecalho, rod: Rodape, d: DadosAtestado) -> bytes:
    """Confirma a participação e registra as competências reconhecidas, insuficientes para o
    certificado ou diploma, mas aproveitáveis na continuidade dos estudos (art. 24 §7º)."""
    n = len(d.reconhecidas)
    horas = sum(l.carga_horaria for l in d.reconhecidas)
    itens = [*titulo("ATESTADO DE RECONHECIMENTO", "de conhecimentos e competências profissionais"),
             paragrafo(f"{d.instituicao}, por meio de {d.unidade}, atesta que {d.nome}, CPF {d.cpf}, participou "
                       f"do processo de certificação profissional do perfil {d.perfil}, referente ao {d.curso}, e teve "
                       f"reconhecidas {n} das {d.total_competencias} competências profissionais do perfil, em "
                       f"{por_extenso(d.data_resultado)}, relacionadas abaixo."),
             paragrafo("Competências reconhecidas", "secao"),
             tabela(["Competência profissional", "Unidade curricular / módulo", "Carga horária (h)"],
                    [(celula(l.competencia), celula(l.componente), str(l.carga_horaria)) for l in d.reconhecidas],
                    [LARGURA_UTIL * 0.48, LARGURA_UTIL * 0.32, LARGURA_UTIL * 0.2], alinhar_direita=(2,), tamanho=9),
             Spacer(1, 4),
             paragrafo(f"Carga horária das competências reconhecidas: {horas} horas."),
             Spacer(1, 4),
             paragrafo("As competências reconhecidas são insuficientes para a obtenção do certificado ou diploma, "
                       "mas este atestado pode ser utilizado para aproveitamento em caso de continuidade de estudos, "
                       "de acordo com o regulamento institucional (Portaria MEC 902/2024, art. 24, §7º)."),
             Spacer(1, 8), local_e_data(d.unidade, rod.emitido_em.date()),
             assinaturas("Dirigente da unidade certificadora", "Secretaria acadêmica"),
             Spacer(1, 20),
             quadro([paragrafo(f"Registro nº {d.registro.numero}, livro {d.registro.livro}, folha {d.registro.folha}"
                               + (f", em {formato.data(d.registro.registrado_em)}." if d.registro.registrado_em else "."),
                               "pequeno"), paragrafo(d.registro.observacao_via, "pequeno")])]
    return gerar_pdf(cab, rod, TITULO, itens)
