"""Pagamento das folhas (Magistério e Conselho Tutelar): dados bancários, arquivo do banco e eSocial."""
