"""O rascunho do plantão no diário do sigilo: a gravação e o registro são uma chamada só (``Mudanca.inserir`` com
``no_diario``, issue 18) e o diário leva só a chave do rascunho — nunca o conteúdo, nem cifrado."""
import json

from desktop.services.conselho import rascunhos


def test_rascunho_novo_vai_ao_diario_so_com_a_chave(conselho, entrar):
    ct = entrar("ct1", "conselheiro_tutelar", conselho[0])
    rascunhos.salvar_rascunho(ct, {"crianca": "Maria José", "relato": "Gritos na casa 12"})
    rascunhos.salvar_rascunho(ct, {"crianca": "Maria José", "relato": "Gritos na casa 12, de novo"})
    rascunho_id = ct.db.execute("SELECT id FROM sigilo.conselho_rascunhos").fetchone()[0]
    linhas = ct.db.execute("SELECT registro_id, acao, antes, depois FROM sigilo.diario "
                           "WHERE tabela = 'conselho_rascunhos' ORDER BY seq").fetchall()
    assert [(r, a, x, json.loads(d)) for r, a, x, d in linhas] == [(rascunho_id, "inserir", None, {"chave": "plantao"})]
    assert not ct.db.execute("SELECT 1 FROM main.diario WHERE tabela = 'conselho_rascunhos'").fetchall()
    assert rascunhos.restaurar_rascunho(ct)["relato"] == "Gritos na casa 12, de novo"
