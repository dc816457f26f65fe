"""The Akoma Ntoso reader: the UN's AKN4UN files and resconv's own."""

from resconv.readers.akn.reader import AknReader

__all__ = ["AknReader"]
