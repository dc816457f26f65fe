"""The Akoma Ntoso writer: AKN 3.0 in the AKN4UN profile."""

from resconv.writers.akn.writer import AknWriter

__all__ = ["AknWriter"]
