é = 1; exec(é)
if é:
	exec(é)
