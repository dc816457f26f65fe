"""What one reading of one AKN file keeps: the root, language, footnotes and diagnostics.

Every reading function takes a `Reading` as its first argument; the functions themselves
live in the modules named for what they read (`inline`, `blocks`, `tables`, `meta`,
`document`), each readable alone.
"""

from __future__ import annotations

from collections import Counter

from lxml.etree import _Element

from resconv.diagnostics import Diagnostics
from resconv.model import Footnote
from resconv.readers.akn.nodes import line_of, local_name

__all__ = ["Reading"]


class Reading:
    """One reading of one document (a collection's components share it)."""

    def __init__(self, root: _Element, diagnostics: Diagnostics, *, source: str | None) -> None:
        self.root = root
        self.diagnostics = diagnostics
        self.source = source
        self.language = ""
        """Set once the identification has been read."""
        self.footnotes: dict[str, Footnote] = {}
        self.counts: Counter[str] = Counter()
        """Things kept in a changed form, reported once at the end ("links in notes")."""

    def warn(self, code: str, message: str, node: _Element | None = None) -> None:
        """A warning at `node`: something kept as text, or not kept (an error with --strict)."""
        self.diagnostics.add(
            code,
            message,
            line=line_of(node),
            element=local_name(node) if node is not None else None,
        )

    def info(self, code: str, message: str, node: _Element | None = None) -> None:
        """Something the user may want to know; never an error."""
        self.diagnostics.add(
            code,
            message,
            severity="info",
            line=line_of(node),
            element=local_name(node) if node is not None else None,
        )

    def unexpected(self, node: _Element, where: str) -> None:
        """`node` has no place in `where`: its text is kept at its place."""
        self.warn(
            "akn-unexpected",
            f"<{local_name(node)}> is not expected in <{where}>; its text is kept",
            node,
        )

    def new_footnotes(self) -> dict[str, Footnote]:
        """Start the footnotes of a new component; the previous ones are returned."""
        previous, self.footnotes = self.footnotes, {}
        return previous
