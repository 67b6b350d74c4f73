"""Motor de folha de pagamento comum aos módulos (Magistério, conselheiros tutelares)."""
