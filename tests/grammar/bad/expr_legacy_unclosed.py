Written by someone (name@example(com).
