import os


def run(code):
    exec(code)
    exec(code)  # nosec
    assert code
