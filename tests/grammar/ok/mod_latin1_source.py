# -*- coding: latin-1 -*-
name = "café"
b = b"\xe9"
