import os
class A:
    def f(self):
	pass
        return 1
