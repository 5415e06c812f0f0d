match x
y = )
