# ast.parse accepts what only the compiler (symtable) rejects.
break
def f():
    nonlocal x
async def f():
    pass
await f()
yield 1
