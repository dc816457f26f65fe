"""Reads resconv's own canonical JSON back into the model."""

from __future__ import annotations

from typing import ClassVar

from resconv import native
from resconv.diagnostics import Result
from resconv.errors import InputDecodeError
from resconv.model import Resolution

__all__ = ["JsonReader"]


class JsonReader:
    """The inverse of `JsonWriter`: ``read(write(r)) == r``."""

    name: ClassVar[str] = "json"

    def read(
        self,
        data: bytes,
        /,
        *,
        source: str | None = None,
        lang: str | None = None,
        strict: bool = False,
    ) -> Result[Resolution]:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputDecodeError(
                f"JSON is not UTF-8 (byte offset {exc.start})", source=source
            ) from None
        return Result(native.loads(text, source=source))
