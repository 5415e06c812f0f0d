raise
raise x from y
