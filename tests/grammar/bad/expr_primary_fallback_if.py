appropriate if sequences.
