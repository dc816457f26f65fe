"""Start-up speed: Python's cyclic garbage collector held off while a process starts.

Importing resconv, its readers and its writers (reportlab above all) creates some
hundreds of thousands of objects that live as long as the process. Python's collector
runs every 700 new objects and walks each young object again, and now and then every
object; during a start nothing it finds is garbage. Measured on a one-document
`resconv convert` of the seed (`gc.callbacks`, CPython 3.11): 25 collections taking
about 8 ms to AKN, 36 taking about 25 ms to DOCX, 62 taking about 45 ms to PDF.

The command line (`resconv.cli.main`) holds the collector off from its start through
its first document (`hold`); the batch machinery then calls `release`, which turns it
on for the documents that follow (and before it forks its workers, which inherit it). A
one-document process never collects; its garbage is that of one document. The library
alone (`import resconv`, `convert`, `convert_many` called by a program) leaves the
program's collector as it is, and `main` gives a program that calls it (tests) its
collector back as it was. The `resconv` command ends with `freeze_for_exit`: Python
walks every object once more as it shuts down, except frozen ones (28 M instructions,
about 7 %, of a one-document PDF process, measured with callgrind).

Keeping the start-up's objects frozen for a batch's later documents was tried: 2 % of
the instructions of a batch with two workers saved, but +2.0, +4.4, +1.5 and −1.5 s of
CPU in four alternating pairs of the 265 × 3 batch (about 22 s each): no clear gain,
and a program calling `main` would be left with frozen objects. Left out.
"""

from __future__ import annotations

import gc

__all__ = ["freeze_for_exit", "held", "hold", "release"]

_held = False
"""`hold` turned the collector off and `release` has not turned it on yet."""


def hold() -> None:
    """Turn the collector off until `release` (nothing if it is off already)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """After a start and a first document: the collector on again.

    What was made meanwhile is moved to the oldest generation first (`freeze`, then
    `unfreeze`: no object walked), where it would be had the collector run: else the
    next young collection would walk all of it.
    """
    global _held
    if _held:
        gc.freeze()
        gc.unfreeze()
        gc.enable()
        _held = False


def freeze_for_exit() -> None:
    """The process ends now: spare it the collection Python runs as it shuts down."""
    gc.freeze()


class held:  # a lower-case name: used as the function it was, `with held():`
    """The collector off within the block (resconv's own imports), then as it was.

    Speed, measured on a text → AKN process (callgrind): a class, not a
    `contextlib.contextmanager`, so that nothing is imported before the block starts
    (`contextlib`, `collections` and `functools` made four collections); and what the
    block made is moved to the oldest generation as it ends. Six collections became
    two, 194.3 → 192.5 M instructions."""

    __slots__ = ("_enabled",)

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self._enabled:
            # What the block made is moved to the oldest generation, where it would be
            # had the collector run: else the first allocation after it starts a young
            # collection walking all of it (8,000 objects after `import resconv`).
            gc.freeze()
            gc.unfreeze()
            gc.enable()
