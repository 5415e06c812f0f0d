print("hello, krait")
