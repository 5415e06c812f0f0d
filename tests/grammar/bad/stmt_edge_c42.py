try:
    pass
except:
    pass
else:
    pass
else:
    pass
