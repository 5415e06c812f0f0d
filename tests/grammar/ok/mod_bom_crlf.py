import os
if os:
    x = "é"
