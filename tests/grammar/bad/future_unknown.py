"""A docstring, then future statements."""
from __future__ import annotations
from __future__ import (division,
    rested_snopes)
