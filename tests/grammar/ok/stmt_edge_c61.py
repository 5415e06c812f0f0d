a[1:2]: int = 3
