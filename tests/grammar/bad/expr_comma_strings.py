x = ("abc"
     "def"
     foo)
