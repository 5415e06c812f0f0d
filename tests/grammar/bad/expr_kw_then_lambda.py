f(
    a=1, lambda
    b=2,
)
