if x: pass;
while y: a; b;
