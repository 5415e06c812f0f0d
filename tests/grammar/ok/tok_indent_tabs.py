if a:
	if b:
		x = 1
	else:
		y = 2

  	# odd comment
	z = 3
