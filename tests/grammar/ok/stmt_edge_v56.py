f(a)(b)(c)
