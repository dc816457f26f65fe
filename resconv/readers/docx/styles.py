"""What a run looks like and how a paragraph is numbered, as Word resolves them.

A run is italic, bold or superscript through its own properties, its character style,
its paragraph's style or the document defaults, each style possibly based on another.
Automatic numbers come from `numbering.xml`: a counter per list and level, formatted by
the level's pattern ("%1.", "(%2)").
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from resconv.akn.eid import roman

__all__ = ["Look", "Numbering", "Styles"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off", "none")
_MAX_DEPTH = 20
"""Styles based on styles: a chain longer than this (or a loop) stops there."""


@dataclass(frozen=True, slots=True)
class Look:
    italic: bool = False
    bold: bool = False
    superscript: bool = False


def _toggles(rpr: etree._Element | None) -> dict[str, bool]:
    found: dict[str, bool] = {}
    if rpr is None:
        return found
    for name, tags in (("italic", ("i", "iCs")), ("bold", ("b", "bCs"))):
        for tag in tags:
            element = rpr.find(f"{W}{tag}")
            if element is not None:
                found[name] = element.get(f"{W}val", "1").lower() not in _OFF
                break
    vertical = rpr.find(f"{W}vertAlign")
    if vertical is not None:
        found["superscript"] = vertical.get(f"{W}val") == "superscript"
    return found


class Styles:
    """The document's styles, resolved along their `basedOn` chains."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self.defaults: dict[str, bool] = {}
        self._cache: dict[str | None, dict[str, bool]] = {}
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id:
                self.styles[style_id] = style
                if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in (
                    "1",
                    "true",
                ):
                    self.default_paragraph = style_id
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults = _toggles(defaults)

    def paragraph_style(self, paragraph: etree._Element) -> str | None:
        element = paragraph.find(f"{W}pPr/{W}pStyle")
        if element is not None:
            return element.get(f"{W}val")
        return self.default_paragraph

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and those it is based on, nearest first."""
        out: list[etree._Element] = []
        while style_id and style_id in self.styles and len(out) < _MAX_DEPTH:
            style = self.styles[style_id]
            if any(style is seen for seen in out):
                break
            out.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return out

    def _style_toggles(self, style_id: str | None) -> dict[str, bool]:
        if style_id not in self._cache:
            found: dict[str, bool] = {}
            for style in reversed(self.chain(style_id)):
                found.update(_toggles(style.find(f"{W}rPr")))
            self._cache[style_id] = found
        return self._cache[style_id]

    def run_look(self, run: etree._Element, paragraph_style: str | None) -> Look:
        found = dict(self.defaults)
        found.update(self._style_toggles(paragraph_style))
        character = run.find(f"{W}rPr/{W}rStyle")
        if character is not None:
            found.update(self._style_toggles(character.get(f"{W}val")))
        found.update(_toggles(run.find(f"{W}rPr")))
        return Look(
            italic=found.get("italic", False),
            bold=found.get("bold", False),
            superscript=found.get("superscript", False),
        )

    def running_text(self, paragraph: etree._Element, style_id: str | None) -> bool:
        """Whether the paragraph is set as running text: its first line indented, and
        neither centred nor at an outline level (a heading's marks)."""
        chain = self.chain(style_id)
        found = [paragraph.find(f"{W}pPr"), *(style.find(f"{W}pPr") for style in chain)]
        properties = [element for element in found if element is not None]
        if any(element.find(f"{W}outlineLvl") is not None for element in properties):
            return False
        alignment = _nearest(properties, "jc", "val")
        indent = _nearest(properties, "ind", "firstLine", "firstLineChars", "hanging")
        return alignment != "center" and indent is not None and indent[0] not in "0-"

    def numbering_of(self, style_id: str | None) -> etree._Element | None:
        for style in self.chain(style_id):
            found = style.find(f"{W}pPr/{W}numPr")
            if found is not None:
                return found
        return None


def _nearest(properties: list[etree._Element], tag: str, *names: str) -> str | None:
    """The value of the first of `names` set on `tag` in the nearest properties that set
    any of them (a "hanging" indent reads as a negative first-line one)."""
    for element in properties:
        found = element.find(f"{W}{tag}")
        if found is None:
            continue
        for name in names:
            value = found.get(f"{W}{name}")
            if value is not None:
                return "-" + value if name == "hanging" else value
    return None


def _letter(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letter(number)
    if fmt == "upperLetter":
        return _letter(number).upper()
    if fmt == "lowerRoman":
        return roman(number)
    if fmt == "upperRoman":
        return roman(number).upper()
    if fmt == "arabicAbjad":
        return "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"[(number - 1) % 28]
    return str(number)


class Numbering:
    """Word's automatic numbers, counted in document order."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        """The last number given, by abstract numbering and level."""
        self.restarted: set[tuple[str, int]] = set()
        """The lists and levels whose start override has been applied."""
        if root is None:
            return
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for level in abstract.iter(f"{W}lvl"):
                index = int(level.get(f"{W}ilvl", "0") or 0)
                fmt = level.find(f"{W}numFmt")
                text = level.find(f"{W}lvlText")
                start = level.find(f"{W}start")
                levels[index] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    int(start.get(f"{W}val", "1") or 1) if start is not None else 1,
                )
            self.abstract[abstract.get(f"{W}abstractNumId") or ""] = levels
        for num in root.iter(f"{W}num"):
            abstract_id = num.find(f"{W}abstractNumId")
            overrides: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{W}ilvl", "0") or 0)] = int(
                        start.get(f"{W}val", "1") or 1
                    )
            self.nums[num.get(f"{W}numId") or ""] = (
                abstract_id.get(f"{W}val", "") if abstract_id is not None else "",
                overrides,
            )

    def label(self, paragraph: etree._Element, style: str | None) -> str:
        """The number Word prints before `paragraph`, or "" when it has none."""
        numbering = paragraph.find(f"{W}pPr/{W}numPr")
        if numbering is None:
            numbering = self.styles.numbering_of(style)
        if numbering is None:
            return ""
        num = numbering.find(f"{W}numId")
        level_element = numbering.find(f"{W}ilvl")
        num_id = num.get(f"{W}val", "") if num is not None else ""
        level = int(level_element.get(f"{W}val", "0") or 0) if level_element is not None else 0
        if num_id in ("", "0") or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if level not in levels:
            return ""
        fmt, pattern, start = levels[level]
        # The lists of one abstract numbering count on together (LibreOffice numbers a
        # list's first paragraph with one list and the rest with another); a list that
        # overrides the start restarts the count where it is first used.
        key = (abstract_id, level)
        if level in overrides and (num_id, level) not in self.restarted:
            self.restarted.add((num_id, level))
            self.counters.pop(key, None)
        self.counters[key] = self.counters.get(key, overrides.get(level, start) - 1) + 1
        for deeper in [k for k in self.counters if k[0] == abstract_id and k[1] > level]:
            del self.counters[deeper]
        if fmt in ("bullet", "none"):
            return ""
        label = pattern
        for index in range(level + 1):
            value = self.counters.get((abstract_id, index))
            if value is None:
                lfmt, _, lstart = levels.get(index, ("decimal", "", 1))
                value = overrides.get(index, lstart)
            else:
                lfmt = levels.get(index, ("decimal", "", 1))[0]
            label = label.replace(f"%{index + 1}", _format(value, lfmt))
        return label.strip()
