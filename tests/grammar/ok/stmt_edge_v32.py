a = b = yield_ = c
