

# c
   
	
x = 1
    # indented comment

