from .import x
