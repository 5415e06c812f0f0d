while x:
	
