# PEP 695/696 type parameters, type aliases, overloads, Protocols.
from typing import Callable, Protocol, overload


type Pair[T] = tuple[T, T]
type Json = dict[str, Json] | list[Json] | str | int | float | bool | None
type Handler[**P, R = None] = Callable[P, R]


class Comparable(Protocol):
    def __lt__(self, other: "Comparable", /) -> bool: ...


class Stack[T: Comparable = int, *Ts]:
    def __init__(self) -> None:
        self.items: list[T] = []

    def push[U: (int, str)](self, item: T, tag: U | None = None) -> "Stack[T]":
        self.items.append(item)
        return self

    def pop(self) -> T:
        return self.items.pop()


@overload
def first[T](xs: list[T]) -> T: ...
@overload
def first[T](xs: tuple[T, *tuple[T, ...]]) -> T: ...
def first(xs):
    return xs[0]


def apply[*Ts, R](f: Callable[[*Ts], R], *args: *Ts) -> R:
    return f(*args)


class Node[K, V](dict[K, V], metaclass=type):
    pass


x: Pair[int] = (1, 2)
y: "Json" = {"a": [1, 2.5, "s", True, None]}
