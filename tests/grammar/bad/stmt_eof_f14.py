try:
    pass
except: