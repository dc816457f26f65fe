"""The text reader: resolutions as people have them in plain text, one pass a module."""

from resconv.readers.text.reader import TextReader

__all__ = ["TextReader"]
