"""The DOCX package around the body: styles, settings, font table, core properties, the zip.

The parts come from the unzipped template in `resconv/templates/docx/`, filled in per
language and cached per process (they do not depend on the resolution). The zip is written
by hand so that the same parts always give the same bytes: fixed entry order, dates,
permissions and compression.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import cache

from lxml import etree

from resconv import _dates as _dt  # start-up speed: resconv/_dates.py
from resconv import xmlsafe
from resconv.errors import InternalError
from resconv.writers.docx.lang import KNOWN_FONTS, DocxLanguage, FontSet
from resconv.writers.docx.ziparchive import zip_entries

__all__ = [
    "PACKAGE_ORDER",
    "PPR_ORDER",
    "RPR_ORDER",
    "W",
    "content_types_xml",
    "core_xml",
    "custom_xml",
    "document_rels_xml",
    "element",
    "font_table_xml",
    "footnotes_rels_xml",
    "footnotes_root",
    "insert_ordered",
    "package_rels_xml",
    "rfonts",
    "settings_xml",
    "static_part",
    "styles_xml",
    "w",
    "zip_package",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"

_RPR = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
RPR_ORDER: tuple[str, ...] = tuple(_RPR.split())
"""Children of `w:rPr` in schema order: Word rejects a file whose elements are out of order."""

_PPR = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
)
PPR_ORDER: tuple[str, ...] = tuple(_PPR.split())
"""Children of `w:pPr` in schema order."""

PACKAGE_ORDER: tuple[str, ...] = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/footnotes.xml",
    "word/_rels/footnotes.xml.rels",
    "word/header1.xml",
    "word/header2.xml",
    "word/header3.xml",
    "word/footer1.xml",
    "word/footer2.xml",
    "word/footer3.xml",
    "docProps/custom.xml",
)
"""Every part a resconv DOCX can have, in the order they are zipped (custom.xml only when
the resolution records a vote, footnotes.xml.rels only when a note holds a link)."""

_TITLE_FACE = frozenset(
    {
        "ResolutionTitle",
        "Heading1",
        "Heading2",
        "Heading3",
        "AnnexLabel",
        "AnnexTitle",
        "MastheadAssembly",
    }
)
"""Styles set in the language's title fonts (SimHei 黑体 for Chinese)."""
_TITLE_SIZE = frozenset({"ResolutionTitle", "AnnexLabel", "AnnexTitle"})
_NOTE_SIZE = frozenset({"FootnoteText", "Header", "Footer"})
_LANGUAGE_EMPHASIS = frozenset({"InitialWords", "TableHeading"})
"""Styles set in the language's emphasis for initial words: italic, bold (zh), both (ar)."""


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: w("p") → "{…main}p"."""
    return W + tag


def element(tag: str, **attributes: str) -> etree._Element:
    """A WordprocessingML element with `w:` attributes: element("jc", val="right")."""
    made = etree.Element(W + tag)
    for key, value in attributes.items():
        made.set(W + key, value)
    return made


def insert_ordered(parent: etree._Element, child: etree._Element, order: Sequence[str]) -> None:
    """Put `child` into `parent` where the schema sequence `order` wants it."""
    name = etree.QName(child).localname
    rank = order.index(name)
    for index, sibling in enumerate(parent):
        if not isinstance(sibling.tag, str):
            continue
        sibling_name = etree.QName(sibling).localname
        if sibling_name in order and order.index(sibling_name) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def rfonts(fonts: FontSet, *, hint: str | None = None) -> etree._Element:
    """An explicit `w:rFonts` for all four slots, with no theme attribute."""
    element = etree.Element(w("rFonts"))
    element.set(w("ascii"), fonts.latin)
    element.set(w("hAnsi"), fonts.latin)
    element.set(w("eastAsia"), fonts.east_asia)
    element.set(w("cs"), fonts.complex)
    if hint is not None:
        element.set(w("hint"), hint)
    return element


def _set(parent: etree._Element, tag: str, order: Sequence[str], **attributes: str) -> None:
    """Replace or add the child `tag` of `parent` with these `w:` attributes."""
    old = parent.find(w(tag))
    if old is not None:
        parent.remove(old)
    element = etree.Element(w(tag))
    for key, value in attributes.items():
        element.set(w(key), value)
    insert_ordered(parent, element, order)


_TEMPLATES = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "templates", "docx"
)
"""`resconv/templates/docx`, found beside the package's modules: `importlib.resources`
would do the same for an installed package and cost a third of the writer's import time
(it loads `zipfile`, `tempfile`, `inspect`); resconv is never imported from a zip."""
_TEMPLATE_FILES = {"_rels/.rels": "_rels/package.rels"}
"""Template files stored under another name: package-data globs skip dot files."""


@cache
def _template(name: str) -> bytes:
    path = _TEMPLATE_FILES.get(name, name)
    try:
        with open(os.path.join(_TEMPLATES, path), "rb") as template:
            return template.read()
    except OSError as exc:  # a broken installation, not bad input
        raise InternalError(f"DOCX template part {name} is missing: {exc}") from None


def _parse_template(name: str) -> etree._Element:
    root = xmlsafe.parse(_template(name), source=f"templates/docx/{name}").getroot()
    comments = [node for node in root.iter() if isinstance(node, etree._Comment)]
    for comment in comments:
        parent = comment.getparent()
        if parent is not None:
            parent.remove(comment)
    return root


def _serialize(root: etree._Element) -> bytes:
    etree.indent(root, space="")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@cache
def static_part(name: str) -> bytes:
    """A template part written as it is (content types, relationships, app properties)."""
    return _serialize(_parse_template(name))


@cache
def styles_xml(profile: DocxLanguage) -> bytes:
    """`word/styles.xml` with explicit fonts, sizes and languages for `profile`."""
    root = _parse_template("word/styles.xml")
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    if defaults is None:
        raise InternalError("DOCX template styles.xml has no w:rPrDefault/w:rPr")
    insert_ordered(defaults, rfonts(profile.body), RPR_ORDER)
    _set(defaults, "sz", RPR_ORDER, val=str(profile.body_size))
    _set(defaults, "szCs", RPR_ORDER, val=str(profile.body_size))
    _set(
        defaults,
        "lang",
        RPR_ORDER,
        val=profile.lang_val,
        eastAsia=profile.lang_east_asia,
        bidi=profile.lang_bidi,
    )
    for style in root.iter(w("style")):
        style_id = style.get(w("styleId"), "")
        rpr = style.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(style, w("rPr"))
        face = profile.title if style_id in _TITLE_FACE else profile.body
        insert_ordered(rpr, rfonts(face), RPR_ORDER)
        size = (
            profile.title_size
            if style_id in _TITLE_SIZE
            else profile.note_size
            if style_id in _NOTE_SIZE
            else None
        )
        if size is not None:
            _set(rpr, "sz", RPR_ORDER, val=str(size))
            _set(rpr, "szCs", RPR_ORDER, val=str(size))
        if style_id in _LANGUAGE_EMPHASIS:
            for emphasis in profile.initial_words:
                tag = "b" if emphasis == "bold" else "i"
                _set(rpr, tag, RPR_ORDER)
                _set(rpr, tag + "Cs", RPR_ORDER)
        if style_id == "Normal":
            ppr = style.find(w("pPr"))
            if ppr is not None:
                _set(
                    ppr, "spacing", PPR_ORDER, after="120", line=str(profile.line), lineRule="auto"
                )
                if profile.punctuation_inside:
                    # LibreOffice reads `w:overflowPunct` on as "do not hang punctuation",
                    # the reverse of the standard (under which Word may hang it, and draws it).
                    _set(ppr, "overflowPunct", PPR_ORDER)
    return _serialize(root)


@cache
def settings_xml(profile: DocxLanguage) -> bytes:
    """`word/settings.xml` whose `themeFontLang` is the document's, not the ja-JP default."""
    root = _parse_template("word/settings.xml")
    theme_lang = root.find(w("themeFontLang"))
    if theme_lang is None:
        raise InternalError("DOCX template settings.xml has no w:themeFontLang")
    theme_lang.set(w("val"), profile.lang_val)
    theme_lang.set(w("eastAsia"), profile.lang_east_asia)
    theme_lang.set(w("bidi"), profile.lang_bidi)
    return _serialize(root)


@cache
def font_table_xml(profile: DocxLanguage) -> bytes:
    """`word/fontTable.xml` declaring every font the styles name (with 宋体/黑体 alt names)."""
    root = etree.Element(w("fonts"), nsmap={"w": W_NS})
    names: list[str] = []
    for face in (profile.body, profile.title):
        for name in (face.latin, face.east_asia, face.complex):
            if name not in names:
                names.append(name)
    for name in names:
        font = etree.SubElement(root, w("font"))
        font.set(w("name"), name)
        known = KNOWN_FONTS.get(name)
        if known is None:
            continue
        if known.alt_name:
            etree.SubElement(font, w("altName")).set(w("val"), known.alt_name)
        etree.SubElement(font, w("panose1")).set(w("val"), known.panose)
        etree.SubElement(font, w("charset")).set(w("val"), known.charset)
        etree.SubElement(font, w("family")).set(w("val"), known.family)
        etree.SubElement(font, w("pitch")).set(w("val"), known.pitch)
    return _serialize(root)


def footnotes_root() -> etree._Element:
    """A fresh `w:footnotes` holding the separator and continuation-separator notes."""
    return _parse_template("word/footnotes.xml")


_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def core_xml(*, title: str, subject: str, language: str, when: _dt.datetime) -> bytes:
    """`docProps/core.xml`: title, symbol as subject, language and fixed dates."""
    root = etree.Element(f"{{{_CORE_NS['cp']}}}coreProperties", nsmap=_CORE_NS)

    def add(prefix: str, tag: str, text: str) -> etree._Element:
        element = etree.SubElement(root, f"{{{_CORE_NS[prefix]}}}{tag}")
        element.text = text
        return element

    add("dc", "title", title)
    add("dc", "subject", subject)
    add("dc", "creator", "United Nations General Assembly")
    add("dc", "identifier", subject)
    add("dc", "language", language)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag in ("created", "modified"):
        add("dcterms", tag, stamp).set(f"{{{_CORE_NS['xsi']}}}type", "dcterms:W3CDTF")
    add("cp", "revision", "1")
    return _serialize(root)


_CUSTOM_PART = "/docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
"""The format id Word gives every user-defined document property."""


@cache
def content_types_xml(*, custom: bool) -> bytes:
    """`[Content_Types].xml`, with the custom-properties override when that part is written."""
    root = _parse_template("[Content_Types].xml")
    if custom:
        override = etree.SubElement(root, f"{{{root.nsmap[None]}}}Override")
        override.set("PartName", _CUSTOM_PART)
        override.set("ContentType", _CUSTOM_TYPE)
    return _serialize(root)


@cache
def package_rels_xml(*, custom: bool) -> bytes:
    """`_rels/.rels`, with the custom-properties relationship when that part is written."""
    root = _parse_template("_rels/.rels")
    if custom:
        relationship = etree.SubElement(root, f"{{{_RELATIONSHIPS_NS}}}Relationship")
        relationship.set("Id", f"rId{len(root)}")
        relationship.set("Type", _CUSTOM_REL)
        relationship.set("Target", _CUSTOM_PART.lstrip("/"))
    return _serialize(root)


_HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def document_rels_xml(links: tuple[tuple[str, str], ...]) -> bytes:
    """`word/_rels/document.xml.rels`: the template's parts, then one external relationship
    per hyperlink target, given as (target, relationship id)."""
    if not links:
        return static_part("word/_rels/document.xml.rels")
    root = _parse_template("word/_rels/document.xml.rels")
    _add_hyperlinks(root, links)
    return _serialize(root)


def footnotes_rels_xml(links: tuple[tuple[str, str], ...]) -> bytes:
    """`word/_rels/footnotes.xml.rels`: the hyperlinks of the notes (a part's relationships
    are its own, so a link in a note cannot use the document's)."""
    empty = f'<Relationships xmlns="{_RELATIONSHIPS_NS}"/>'.encode()
    root = xmlsafe.parse(empty, source="word/_rels/footnotes.xml.rels").getroot()
    _add_hyperlinks(root, links)
    return _serialize(root)


_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _add_hyperlinks(root: etree._Element, links: tuple[tuple[str, str], ...]) -> None:
    for target, rid in links:
        relationship = etree.SubElement(root, f"{{{_RELATIONSHIPS_NS}}}Relationship")
        relationship.set("Id", rid)
        relationship.set("Type", _HYPERLINK_REL)
        relationship.set("Target", target)
        relationship.set("TargetMode", "External")


def custom_xml(properties: Sequence[tuple[str, str | int]]) -> bytes:
    """`docProps/custom.xml`: named text (`vt:lpwstr`) and whole-number (`vt:i4`) properties."""
    empty = f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}"/>'.encode()
    root = xmlsafe.parse(empty, source="docProps/custom.xml").getroot()  # default namespace
    for pid, (name, value) in enumerate(properties, start=2):  # Word starts at 2
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property")
        prop.set("fmtid", _CUSTOM_FMTID)
        prop.set("pid", str(pid))
        prop.set("name", name)
        kind = "i4" if isinstance(value, int) else "lpwstr"
        etree.SubElement(prop, f"{{{_VT_NS}}}{kind}").text = str(value)
    return _serialize(root)


def zip_package(parts: Iterable[tuple[str, bytes]], when: _dt.datetime) -> bytes:
    """The parts zipped in the order given, every entry with the same date and mode."""
    # A zip entry's date is 1980–2107; an adoption date outside that (a typo in the
    # source, "8372") must not stop the document being written.
    stamp = min(
        max(when, _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)),
        _dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=_dt.UTC),
    )
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    return zip_entries(parts, date_time)
