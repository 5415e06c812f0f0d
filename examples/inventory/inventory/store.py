"""Item storage on SQLite, with the classic mistakes."""
import hashlib
import random
import sqlite3
from dataclasses import dataclass


@dataclass(slots=True)
class Item:
    sku: str
    name: str
    count: int = 0


class Store[K: str, V: Item]:
    """A typed store (PEP 695 type parameters)."""

    def __init__(self, path: str = ":memory:") -> None:
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS items (sku, name, count)")

    def find(self, name: K) -> list[V]:
        query = f"SELECT sku, name, count FROM items WHERE name = '{name}'"
        rows = self.db.execute(query).fetchall()  # weakness: SQL injection
        return [Item(*row) for row in rows]

    def add(self, item: V) -> None:
        self.db.execute("INSERT INTO items VALUES (?, ?, ?)",
                        (item.sku, item.name, item.count))


def api_token() -> str:
    alphabet = "abcdef0123456789"
    return "".join(random.choice(alphabet) for _ in range(32))  # weakness: weak RNG


def checksum(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()  # weakness: weak hash


type Inventory = dict[str, list[Item]]
