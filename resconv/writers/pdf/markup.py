"""reportlab's paragraph markup read by one regular expression instead of `html.parser`.

`Paragraph` reads its markup with `html.parser`, which tests each character position
against several patterns in Python: about a tenth of the time of writing a Chinese
resolution went there. resconv's markup has only a few tags, each with constant
attributes and double-quoted values (`pdf_text`), and its text is escaped with `&amp;`,
`&lt;` and `&gt;` alone. `MarkupParser` cuts such markup into the same events
`html.parser` would produce (names in lower case, attribute values unescaped, text up to
each `<` or `&`, an entity on its own) and hands them to reportlab's own handlers, so the
fragments are those reportlab builds; markup of any other shape goes to `html.parser` as
before.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

__all__ = ["MarkupParser", "parse_markup"]

_TOKEN = re.compile(
    r'<(/?)([A-Za-z]+)((?:\s+[A-Za-z]+="[^"<>]*")*)\s*(/?)>'  # a tag
    r"|&(amp|lt|gt);"  # an entity, as `pdf_text` escapes
    r"|[^<&]+"  # text
)
_ATTRIBUTE = re.compile(r'([A-Za-z]+)="([^"]*)"')

_Event = tuple[Callable[..., None], tuple[Any, ...]]


class MarkupParser(ParaParser):  # type: ignore[misc]  # reportlab is untyped
    """reportlab's `ParaParser`, fed resconv's markup as pre-cut events."""

    def feed(self, data: str) -> None:
        events = self._events(data)
        if events is None:
            super().feed(data)  # not resconv's markup: read as reportlab reads it
            return
        for handler, arguments in events:
            handler(*arguments)

    def _events(self, data: str) -> list[_Event] | None:
        """The handler calls `html.parser` would make for `data`, or None when `data` is
        not made only of tags, entities and text as `pdf_text` writes them."""
        events: list[_Event] = []
        position = 0
        for token in _TOKEN.finditer(data):
            if token.start() != position:
                return None
            position = token.end()
            closing, tag, attributes, empty, entity = token.groups()
            if entity is not None:
                events.append((self.handle_entityref, (entity,)))
            elif tag is None:
                events.append((self.handle_data, (token.group(),)))
            elif closing:
                if attributes or empty:
                    return None
                events.append((self.handle_endtag, (tag.lower(),)))
            else:
                pairs = [
                    (name.lower(), html.unescape(value))
                    for name, value in _ATTRIBUTE.findall(attributes)
                ]
                events.append((self.handle_starttag, (tag.lower(), pairs)))
                if empty:
                    events.append((self.handle_endtag, (tag.lower(),)))
        return events if position == len(data) else None


def parse_markup(text: str, style: Any, case_sensitive: int) -> tuple[str, Any, Any, Any]:
    """What `Paragraph._setup` makes of `text` when it parses it: the cleaned text, the
    style, the fragments and the bullet's fragments (None without a bullet)."""
    text = cleanBlockQuotedText(text)
    parser = MarkupParser()
    parser.caseSensitive = case_sensitive
    style, frags, bullet_frags = parser.parse(text, style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph {text[:30]!r}")
    textTransformFrags(frags, style)
    return text, style, frags, bullet_frags
