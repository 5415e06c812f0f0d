class C:
    def f(self):
        print "x"
