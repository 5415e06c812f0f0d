"""inventory: a deliberately weak example service (see README.md)."""
from .config import SETTINGS

__all__ = ["SETTINGS"]
__version__ = "0.3.0"
