try:
    pass
except:
    pass
try:
    pass
except E:
    pass
try:
    pass
except E as e:
    pass
except (A, B) as e:
    pass
except (A, B):
    pass
except A, B:
    pass
except A, B, C,:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (A, B) as e:
    pass
except* A, B:
    pass
else:
    pass
finally:
    pass
try:
    x
except E as e: pass
except F: pass
