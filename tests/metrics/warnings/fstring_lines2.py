x = (f"\d"
     "a")
y = (f"""a
""" f"\d" "b"
     "c")
e2 = f"""{x:
\w} and {y:{z}
\q}
"""
e3 = f"""{x:
\r\w}
"""
e4 = f"{x}\d{y
}"
e5 = (f"{x}\d" f"""
\k"""
)
e6 = f"""a
\d""" f"""
b"""
