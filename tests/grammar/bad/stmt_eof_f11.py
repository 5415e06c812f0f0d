with a:
  
