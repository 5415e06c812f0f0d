x = 1
y = f"""a
{x}
\N{foo}"""
