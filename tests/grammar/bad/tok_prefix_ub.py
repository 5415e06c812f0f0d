x = ub"x"
