def f(x,
