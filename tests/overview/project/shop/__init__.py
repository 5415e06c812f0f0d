"""A small shop: the fixture of the overview golden tests."""

from .models import Item, Basket  # re-exported
