"""The canonical JSON writer (``--to json``)."""

from __future__ import annotations

from resconv import native
from resconv.model import Resolution

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import ClassVar

__all__ = ["JsonWriter"]


class JsonWriter:
    """resconv's own JSON form of the model, described by `schemas/resolution.schema.json`."""

    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"

    def write(self, resolution: Resolution, /) -> bytes:
        return native.dumps(resolution).encode("utf-8")
