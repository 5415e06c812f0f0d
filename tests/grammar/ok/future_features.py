"""Docstring first."""
from __future__ import annotations
from __future__ import (generator_stop,
                        nested_scopes as ns)
import os
from __future__ import not_checked_after_other_statements
