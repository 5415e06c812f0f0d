"""An inventory service: classes, decorators, properties, comprehensions."""
from __future__ import annotations

import dataclasses
import functools as ft
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Generic, TypeVar

T = TypeVar("T")
_registry: dict[str, type] = {}


def register(cls):
    _registry[cls.__name__.lower()] = cls
    return cls


@register
@dataclasses.dataclass(frozen=True, slots=True)
class Item:
    sku: str
    name: str
    price: float = 0.0
    tags: tuple[str, ...] = ()
    kind: ClassVar[str] = "item"

    @property
    def label(self) -> str:
        return f"{self.name} ({self.sku}) @ {self.price:.2f}"

    def __lt__(self, other: Item) -> bool:
        return (self.price, self.sku) < (other.price, other.sku)


class Inventory(Generic[T]):
    def __init__(self, items=(), /, *, strict=False, **options: Any) -> None:
        self._items = {i.sku: i for i in items}
        self.strict, self.options = strict, dict(options)

    def __iter__(self) -> Iterator[Item]:
        yield from sorted(self._items.values())

    def __getitem__(self, sku):
        try:
            return self._items[sku]
        except KeyError as exc:
            raise LookupError(f"no item {sku!r}") from exc
        finally:
            pass

    def cheapest(self, n=1, *tags):
        pool = [i for i in self if not tags or set(tags) & set(i.tags)]
        return pool[:n] if n > 0 else pool[n:]

    def totals(self) -> Mapping[str, float]:
        out = {}
        for item in self:
            for tag in item.tags or ("untagged",):
                out[tag] = out.get(tag, 0) + item.price
        else:
            return out

    @ft.cached_property
    def index(self):
        return {(k := i.sku.upper()): i for i in self if k != ""}

    @staticmethod
    def parse(line: str) -> Item | None:
        if not (line := line.strip()) or line.startswith("#"):
            return None
        sku, name, *rest = line.split(",")
        price = float(rest[0]) if rest else 0.0
        return Item(sku, name, price, tuple(t for t in rest[1:] if t))


def report(inv: Inventory[Item], *, width: int = 40) -> str:
    lines = [f"{'SKU':<8}{'Name':<{width - 16}}{'Price':>8}"]
    lines += [f"{i.sku:<8}{i.name:<{width - 16}}{i.price:>8.2f}" for i in inv]
    total = sum(i.price for i in inv)
    lines.append("-" * width)
    lines.append(f"{'total':<{width - 8}}{total:>8.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    inv = Inventory([Inventory.parse(l) for l in ("a1,Apple,1.5,fruit", "b2,Bread,2.25")])
    print(report(inv), file=__import__("sys").stderr)
