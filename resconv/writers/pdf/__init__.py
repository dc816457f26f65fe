"""The PDF writer: UN layout with embedded, subset fonts for every script."""

from resconv._lazyimport import deferred

with deferred(
    (
        "PIL.Image",
        "uharfbuzz",
        "inspect",
        "textwrap",
        "pickle",
        "tempfile",
        "urllib.parse",
        "ipaddress",
        "glob",
        "fnmatch",
    ),
    calls=("urllib.parse.unquote", "urllib.parse.urlparse", "glob.glob"),
):
    # What reportlab imports for images, its own shaping, its safe `eval` and its disk
    # caches, none of which resconv's documents use (resconv shapes Arabic itself and
    # imports uharfbuzz then): 60 modules fewer, about 100 ms of CPU per process with
    # `xml.sax.saxutils` left out (`pdf_text`) and `inspect` deferred for `dataclasses`.
    # Then the functions reportlab takes for reading URLs and finding files (`unquote`,
    # `urlparse`, `glob`) as stand-ins: 9 M instructions of the 627 M of a text → PDF
    # process (callgrind).
    from resconv.writers.pdf.writer import PdfWriter

__all__ = ["PdfWriter"]
