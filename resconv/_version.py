"""resconv's version, where every layer may read it (the batch report names it)."""

__version__ = "0.1.0"
