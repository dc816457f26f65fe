"""The Unicode bidirectional algorithm, split so that lines can be broken in between.

Levels are resolved once on the whole logical paragraph (UAX #9 rules P–I); the
reordering (rule L2) is applied to each line after the paragraph is broken into lines.
Reordering a whole paragraph first and wrapping the result puts the lines in the
wrong order, which is why `get_display` of python-bidi is not used as is.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

__all__ = ["base_direction", "levels", "visual_order"]

_STRONG = {"L": "ltr", "R": "rtl", "AL": "rtl"}


def base_direction(text: str) -> str | None:
    """ "ltr" or "rtl" from the first strong character (UAX #9 P2-P3), None without one."""
    for char in text:
        found = _STRONG.get(unicodedata.bidirectional(char))
        if found is not None:
            return found
    return None


def levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of every character of `text` in a paragraph of direction `rtl`.

    Characters the algorithm removes (rule X9: embedding controls, zero-width joiners)
    take the level of the character before them.
    """
    from bidi import algorithm

    base = 1 if rtl else 0
    if not text:
        return []
    storage: Any = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(text, storage)
    chars: list[dict[str, Any]] = storage["chars"]
    if len(chars) != len(text):  # surrogate pairs on a narrow build; not on CPython 3
        return [base] * len(text)
    for index, char in enumerate(chars):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    found: list[int | None] = [None] * len(text)
    for char in storage["chars"]:
        found[char["index"]] = int(char["level"])
    result: list[int] = []
    previous = base
    for level in found:
        previous = previous if level is None else level
        result.append(previous)
    return result


def visual_order(item_levels: Sequence[int]) -> list[int]:
    """Indices of a line's items (in logical order) in left-to-right display order (L2).

    From the highest level down to the lowest odd one, every maximal run of items at
    that level or higher is reversed.
    """
    order = list(range(len(item_levels)))
    if not order:
        return order
    highest = max(item_levels)
    lowest_odd = min(level for level in item_levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if item_levels[order[i]] >= level:
                j = i
                while j < len(order) and item_levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
