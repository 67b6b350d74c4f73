"""Telas do pagamento das folhas: dados bancários e arquivo do banco."""
