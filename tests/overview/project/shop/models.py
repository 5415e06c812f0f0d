"""Models.

Two classes and a dataclass-like helper.
"""
import dataclasses
from decimal import Decimal


class Item:
    """One thing to sell."""

    def __init__(self, name, price):
        self.name = name
        self.price = Decimal(price)

    def label(self):
        # a comment inside a method
        if self.price > 100 and self.name:
            return f"{self.name} (premium)"
        elif self.price < 1:
            return f"{self.name} (cheap)"
        return self.name


class Basket:
    def __init__(self):
        self.items = []

    def total(self, discount=None):
        total = sum((i.price for i in self.items if i.price > 0), Decimal(0))
        match discount:
            case None:
                return total
            case int(n) | float(n) if n > 0:
                return total - n
            case _:
                raise ValueError(discount)

    async def checkout(self, session):
        async with session:
            async for event in session.events():
                try:
                    await event.confirm()
                except* TimeoutError:
                    continue
        return dataclasses.asdict(self)
