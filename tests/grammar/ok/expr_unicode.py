é = 1
ﬁ = 2
x = é + ﬁ
s = 'é'; t = "日本"
f(日本=1)
def g(ℌ): pass
lambda μ: μ
