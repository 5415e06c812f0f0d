x = 1
y = tf"x"
