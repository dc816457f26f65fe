"""The canonical JSON writer (``--to json``)."""

from __future__ import annotations

from typing import ClassVar

from resconv import native
from resconv.model import Resolution

__all__ = ["JsonWriter"]


class JsonWriter:
    """resconv's own JSON form of the model, described by `schemas/resolution.schema.json`."""

    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"

    def write(self, resolution: Resolution, /) -> bytes:
        return native.dumps(resolution).encode("utf-8")
