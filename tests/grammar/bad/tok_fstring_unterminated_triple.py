y = f"""abc{x}

