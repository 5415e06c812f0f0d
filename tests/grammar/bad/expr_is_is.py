a is is b
