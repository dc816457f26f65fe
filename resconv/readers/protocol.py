"""What a reader is, for type checkers and `isinstance`: kept out of `resconv.readers`,
which every start imports, because it needs `typing` (docs/dev/decisions/start-path-imports.md)."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from resconv.diagnostics import Result
from resconv.model import Resolution

__all__ = ["Reader"]


@runtime_checkable
class Reader(Protocol):
    """What a reader is: a name for ``--from`` and `read`."""

    name: ClassVar[str]

    def read(
        self,
        data: bytes,
        /,
        *,
        source: str | None = None,
        lang: str | None = None,
        strict: bool = False,
    ) -> Result[Resolution]:
        """The resolution in `data`; `source` names the input in messages."""
        ...
