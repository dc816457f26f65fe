"""The DOCX writer: a Word package built from an unzipped template."""

from resconv._lazyimport import deferred

with deferred(("inspect",), calls=("inspect.getfullargspec",)):
    # lxml takes `inspect.getfullargspec` as it imports and never calls it while writing
    # a DOCX: `inspect` with `ast`, `dis`, `tokenize` and `linecache` is imported only if
    # it is called. 21 M instructions of the 305 M of a text → DOCX process (callgrind).
    from resconv.writers.docx.writer import DocxWriter

__all__ = ["DocxWriter"]
