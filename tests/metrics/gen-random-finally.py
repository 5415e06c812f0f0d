# gen-random-finally.py - random nests of try/finally/except, loops, with,
# if, match, defs and return/break/continue, with warning-raising
# expressions in between: inputs for checking warnings.c's model of how
# often CPython compiles (and warns in) a finally body.
#   python3 gen-random-finally.py FIRST_SEED COUNT OUTDIR [MAX_DEPTH (4)]
#   node warnings-oracle.mjs --dump WARN_DUMP --fixtures OUTDIR
# (300 seeds from 1: 291 identical; 3 differ only past warnings.c's
# MAX_VISITS bound, 6 exhaust CPython's own memory.) The random_*.py
# fixtures of warnings/ came from here.
import random, sys
def gen(rng, depth, in_func, in_loop, lines, ind):
    n = rng.randint(1, 3)
    for _ in range(n):
        k = rng.random()
        pad = " " * ind
        if depth > MAXDEPTH or k < 0.3:
            choice = rng.choice(["warn", "ret", "brk", "cont", "assert", "call", "sub",
                                 "lam", "comp"])
            if choice == "ret" and in_func:
                lines.append(pad + rng.choice(["return", "return x is 1", "return (1)()"]))
            elif choice == "brk" and in_loop:
                lines.append(pad + "break")
            elif choice == "cont" and in_loop:
                lines.append(pad + "continue")
            elif choice == "assert":
                lines.append(pad + "assert (x, 'm')")
            elif choice == "call":
                lines.append(pad + "(1, 2)()")
            elif choice == "sub":
                lines.append(pad + "y = [1]['a']")
            elif choice == "lam":
                lines.append(pad + "g = lambda q=(1)(): q is 'a'")
            elif choice == "comp":
                lines.append(pad + "y = [z is 1 for z in x if (2)()]")
            else:
                lines.append(pad + "x is %d" % rng.randint(0, 9))
            continue
        kind = rng.choice(["try", "tryexc", "for", "while", "if", "with", "def", "match",
                           "trystar", "class"])
        if kind in ("try", "tryexc", "trystar"):
            lines.append(pad + "try:")
            gen(rng, depth + 1, in_func, in_loop, lines, ind + 4)
            if kind == "tryexc":
                lines.append(pad + "except E:")
                gen(rng, depth + 1, in_func, in_loop, lines, ind + 4)
                lines.append(pad + "else:")
                gen(rng, depth + 1, in_func, in_loop, lines, ind + 4)
            if kind == "trystar":
                lines.append(pad + "except* E:")
                lines.append(pad + "    x is 7")
            lines.append(pad + "finally:")
            gen(rng, depth + 1, in_func, in_loop, lines, ind + 4)
        elif kind in ("for", "while"):
            lines.append(pad + ("for i in x:" if kind == "for" else "while x:"))
            gen(rng, depth + 1, in_func, True, lines, ind + 4)
            if rng.random() < 0.3:
                lines.append(pad + "else:")
                gen(rng, depth + 1, in_func, in_loop, lines, ind + 4)
        elif kind == "if":
            lines.append(pad + "if x is 2:")
            gen(rng, depth + 1, in_func, in_loop, lines, ind + 4)
        elif kind == "with":
            lines.append(pad + "with a:")
            gen(rng, depth + 1, in_func, in_loop, lines, ind + 4)
        elif kind == "match":
            lines.append(pad + "match x:")
            lines.append(pad + "    case 1 if x is 3:")
            gen(rng, depth + 2, in_func, in_loop, lines, ind + 8)
        elif kind == "class":
            lines.append(pad + "class C((3)()):")
            gen(rng, depth + 1, False, False, lines, ind + 4)
        else:
            lines.append(pad + "def f():")
            gen(rng, depth + 1, True, False, lines, ind + 4)

seed0, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
MAXDEPTH = int(sys.argv[4]) if len(sys.argv) > 4 else 4
for s in range(seed0, seed0 + count):
    rng = random.Random(s)
    lines = []
    gen(rng, 0, True, False, lines, 4)
    open("%s/r%04d.py" % (out, s), "w").write("def top():\n" + "\n".join(lines) + "\n")
