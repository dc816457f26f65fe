"""Validate an Akoma Ntoso file: the OASIS XSD, then resconv's AKN4UN resolution profile.

`validate` works on any AKN document, including the UN's own: the profile reports
defects as errors and departures from resconv's naming conventions as warnings::

    report = validate("A-RES-67-38.zh.xml")
    if not report.valid:
        print(report)        # FILE:LINE: error: [eId] message
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, cast

from lxml import etree

from resconv import _checks, xmlsafe
from resconv.akn import schema
from resconv.conversion import DEFAULT_MAX_BYTES, load_source

__all__ = ["Issue", "ValidationReport", "validate"]

_XSD_WARNINGS = frozenset({"WARNING"})
_XSD_LOCK = threading.Lock()
"""The compiled XSD is shared by the process and keeps its error log on itself, so two
threads validating at once could read each other's errors: they take turns."""

MAX_CHILDREN = 10_000
"""Widest element the XSD check accepts. lxml locates each schema error by counting the
element's preceding siblings, so errors among n siblings cost n² steps (16,000: 3 s);
with this bound the check stays linear in the document's size. The UN's 11,383 AKN
resolutions have at most 887 children to an element."""

Severity = Literal["error", "warning"]
Rule = Literal["xsd", "profile"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """One finding, located by line and by the eId of the nearest element that has one."""

    severity: Severity
    source: Rule
    """Which check found it: the OASIS "xsd" or the AKN4UN "profile"."""
    message: str
    line: int | None = None
    eid: str | None = None
    rule: str | None = None
    """The profile rule's id ("href-resolves"), for filtering; None for the XSD."""

    def format(self, filename: str) -> str:
        """``FILE:LINE: error: [eId] message`` (the place parts left out when unknown)."""
        where = filename + (f":{self.line}" if self.line is not None else "")
        eid = f"[{self.eid}] " if self.eid else ""
        return f"{where}: {self.severity}: {eid}{self.message}"


@dataclass(slots=True)
class ValidationReport:
    """What `validate` found in one document."""

    source: str
    """The file name, or "<bytes>" for data given in memory."""
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when neither the XSD nor the profile found an error (warnings allowed)."""
        return not self.errors

    @property
    def issues(self) -> list[Issue]:
        """Errors and warnings in document order."""
        return sorted(
            [*self.errors, *self.warnings],
            key=lambda issue: (issue.line if issue.line is not None else 0, issue.severity),
        )

    def __str__(self) -> str:
        return "\n".join(issue.format(self.source) for issue in self.issues)


def validate(
    source: str | os.PathLike[str] | bytes,
    *,
    profile: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ValidationReport:
    """Check `source` (a path or the bytes of a file) against the XSD and, unless
    ``profile=False``, the AKN4UN profile. A file over `max_bytes` is refused.

    Unsafe XML raises `UnsafeInputError`; XML that is not well-formed, `InputDecodeError`;
    a missing file, `InputNotFoundError`. An invalid document is not an exception: look
    at `ValidationReport.valid`.
    """
    profile = _checks.flag_argument(profile, "profile")
    max_bytes = _checks.limit_argument(max_bytes, "max_bytes")
    data, name = load_source(source, max_bytes)
    name = name or "<bytes>"
    tree = xmlsafe.parse(data, source=name)
    report = ValidationReport(source=name)
    _check_xsd(tree, report)
    if profile:
        _check_profile(tree, report)
    return report


def _line(element: etree._Element | None) -> int | None:
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) else None


class _Locator:
    """The elements named by the paths in XSD reports, found in linear time.

    Asking lxml for each path (`tree.xpath`) counts siblings anew every time: a document
    with n errors among n siblings took n² steps (32,000 errors: 11 s). Here each
    element's children are listed once, by name, and every step is a lookup.
    Understood: ``/*/*[3]`` and ``/*[local-name()='p' and namespace-uri()='…'][2]``;
    anything else goes to lxml, a bounded number of times.
    """

    _FALLBACKS = 1000

    def __init__(self, tree: etree._ElementTree) -> None:
        self.root = tree.getroot()
        self.tree = tree
        self.children: dict[etree._Element, dict[str, list[etree._Element]]] = {}
        self.fallbacks = 0
        self.eids: dict[etree._Element, str | None] = {}

    def find(self, path: str | None) -> etree._Element | None:
        if not path or not path.startswith("/"):
            return None
        steps = _STEP.findall(path)
        if "".join(whole for whole, *_ in steps) != path:
            return self._fallback(path)
        element: etree._Element | None = None
        for _whole, local, namespace, index in steps:
            key = "*" if not local else "{" + namespace + "}" + local
            position = int(index) - 1 if index else 0
            if element is None:
                candidates = [self.root] if key in ("*", self.root.tag) else []
            else:
                candidates = self._children(element).get(key, [])
            if position >= len(candidates):
                return None
            element = candidates[position]
        return element

    def _children(self, element: etree._Element) -> dict[str, list[etree._Element]]:
        known = self.children.get(element)
        if known is None:
            known = {"*": []}
            for child in element:
                if isinstance(child.tag, str):  # not a comment or processing instruction
                    known["*"].append(child)
                    known.setdefault(child.tag, []).append(child)
            self.children[element] = known
        return known

    def nearest_eid(self, element: etree._Element | None) -> str | None:
        """The eId of `element` or of its nearest ancestor that has one (memoised: an
        element with many attributes takes long to search, and many issues share one)."""
        if element is None:
            return None
        if element in self.eids:
            return self.eids[element]
        eid = element.get("eId") or self.nearest_eid(element.getparent())
        self.eids[element] = eid
        return eid

    def _fallback(self, path: str) -> etree._Element | None:
        if self.fallbacks >= self._FALLBACKS:
            return None
        self.fallbacks += 1
        try:
            found = self.tree.xpath(path)
        except etree.XPathError:
            return None
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return found[0]
        return None


_STEP_TEXT = r"(/\*(?:\[local-name\(\)='([^']*)' and namespace-uri\(\)='([^']*)'\])?(?:\[(\d+)\])?)"
_STEP = re.compile(_STEP_TEXT)


def _check_xsd(tree: etree._ElementTree, report: ValidationReport) -> None:
    widest = max(tree.getroot().iter(), key=len)
    if len(widest) > MAX_CHILDREN:
        report.errors.append(
            Issue(
                severity="error",
                source="xsd",
                message=f"not checked against the schema: <{etree.QName(widest).localname}> "
                f"has {len(widest)} children, more than the {MAX_CHILDREN} resconv validates",
                line=_line(widest),
            )
        )
        return
    xsd = schema.xsd()
    with _XSD_LOCK:  # the schema keeps the log of its last run: one run at a time
        if xsd.validate(tree):
            return
        entries = list(cast(Iterable[etree._LogEntry], xsd.error_log))
    locator = _Locator(tree)
    for entry in entries:
        element = locator.find(getattr(entry, "path", None))
        line = entry.line if isinstance(entry.line, int) and entry.line > 0 else None
        issue = Issue(
            severity="warning" if entry.level_name in _XSD_WARNINGS else "error",
            source="xsd",
            message=entry.message.replace("{" + schema.AKN_NS + "}", ""),
            line=line,
            eid=locator.nearest_eid(element),
        )
        (report.warnings if issue.severity == "warning" else report.errors).append(issue)


def _check_profile(tree: etree._ElementTree, report: ValidationReport) -> None:
    locator = _Locator(tree)
    for finding in schema.profile().check(tree):
        severity: Severity = "warning" if finding.role == "warning" else "error"
        issue = Issue(
            severity=severity,
            source="profile",
            message=finding.message,
            line=_line(finding.element),
            eid=locator.nearest_eid(finding.element),
            rule=finding.rule,
        )
        (report.warnings if severity == "warning" else report.errors).append(issue)
