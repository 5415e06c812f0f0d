try:
    pass
except A as e, B:
    pass
