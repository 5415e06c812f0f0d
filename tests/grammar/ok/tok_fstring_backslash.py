a = f"\{x}" rf"\{x}" f"\N{BULLET} {x}" f"\\{x}" rf"\N{x}"
