for lambda: x in y: pass
