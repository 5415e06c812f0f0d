for a b: pass
