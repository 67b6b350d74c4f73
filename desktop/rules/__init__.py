"""A lei como código: dataclasses e funções puras. Sem Qt, sem SQL, sem E/S."""
