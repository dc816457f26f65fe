"""What a writer is, for type checkers and `isinstance`: kept out of `resconv.writers`,
which every start imports, because it needs `typing` (docs/dev/decisions/start-path-imports.md)."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from resconv.model import Resolution

__all__ = ["Writer"]


@runtime_checkable
class Writer(Protocol):
    """What a writer is: a name for ``--to``, a file suffix, and `write`."""

    name: ClassVar[str]
    """The value of ``--to``: "akn", "docx"."""
    suffix: ClassVar[str]
    """The output file suffix, with its dot: ".xml"."""
    media_type: ClassVar[str]

    def write(self, resolution: Resolution, /) -> bytes:
        """The whole output file for `resolution`."""
        ...
