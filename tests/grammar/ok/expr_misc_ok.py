f(a=1,)
a is (not b)
print >>f, x
print (x)
*a
return *a
x = (1, 2)(3)
