# hygiene family: the input builtin (KR915).
import builtins
from builtins import input as ask

name = input("name? ")  # expect: KR915
builtins.input()  # expect: KR915
ask()  # expect: KR915


class Queue:
    def input(self):
        return 1


Queue().input()


def shadowed():
    input = print
    input("not the builtin")
