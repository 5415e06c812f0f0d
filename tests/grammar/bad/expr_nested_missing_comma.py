x = [(a b)]
