# hygiene family: homoglyph identifiers.
import builtins

pаssword = "x"  # expect: KR914
print(pаssword)  # expect: KR914
сору = 1  # expect: KR914
ℯ𝓍ℯ𝒸 = builtins.print  # expect: KR914


def gеt(x):  # expect: KR914
    return x


привет = 1
ρ = 1.2
café = 2
λ_max = 3
Δt = 0.1
