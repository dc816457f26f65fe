"""Warnings that readers and writers report instead of failing on the first oddity."""

from __future__ import annotations

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py
from resconv.errors import StrictModeError

__all__ = ["Diagnostic", "Diagnostics", "Result"]

TYPE_CHECKING = False  # typing only for type checkers: docs/dev/decisions/start-path-imports.md
if TYPE_CHECKING:
    from typing import Generic, Literal, TypeVar

    T = TypeVar("T")
    Severity = Literal["info", "warning"]
else:
    from types import GenericAlias

    class Generic:
        """`typing.Generic` as far as run time needs it (`Result[X]` is an alias), so that
        no start imports `typing` for it (docs/dev/decisions/start-path-imports.md)."""

        __slots__ = ()
        __class_getitem__ = classmethod(GenericAlias)

    T = "T"


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One thing a reader or writer wants the user to know."""

    code: str
    """A stable identifier, e.g. "footnote-without-body", "dropped-running-header"."""
    message: str
    severity: Severity = "warning"
    line: int | None = None
    """1-based line of the input, when the diagnostic is about one place."""
    element: str | None = None
    """The XML element (or eId) concerned, for readers of XML."""

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        what = f"<{self.element}>: " if self.element else ""
        return f"{self.severity}: {where}{what}{self.message} [{self.code}]"


class Diagnostics:
    """A collector that readers append to; `strict` turns the first warning into an error."""

    def __init__(self, *, strict: bool = False, source: str | None = None) -> None:
        self.strict = strict
        self.source = source
        self.items: list[Diagnostic] = []

    def add(
        self,
        code: str,
        message: str,
        *,
        severity: Severity = "warning",
        line: int | None = None,
        element: str | None = None,
    ) -> None:
        diagnostic = Diagnostic(
            code=code, message=message, severity=severity, line=line, element=element
        )
        if self.strict and severity == "warning":
            raise StrictModeError(f"{message} [{code}] (--strict)", source=self.source, line=line)
        self.items.append(diagnostic)

    def info(self, code: str, message: str, *, line: int | None = None) -> None:
        self.add(code, message, severity="info", line=line)

    def freeze(self) -> tuple[Diagnostic, ...]:
        return tuple(self.items)


@dataclass(frozen=True, slots=True)
class Result(Generic[T]):
    """A value with the diagnostics produced while making it."""

    value: T
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "warning")
