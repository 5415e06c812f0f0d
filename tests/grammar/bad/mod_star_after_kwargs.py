x = 1
f(**k, *a)
