a = f"{x:\N{BULLET}>10}"
b = f"{x:{y}{{z}}}"
c = f"a{{b}}c\N{EN DASH}d{x}"
d = t"{x:\N{BULLET}}"
