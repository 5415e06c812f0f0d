import a, 
