"""Pagamento da folha: dados bancários (dígitos verificadores), arquivo CNAB 240 e eventos do eSocial."""
