café = 1
αβ = café
Ａ = 2
_ℌ = 3
print(ℌ)
