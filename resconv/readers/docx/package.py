"""A Word file's parts, taken out of the zip with limits on every one.

A DOCX is a zip; a hostile one can claim small sizes and inflate to gigabytes, hold
thousands of entries, or nest XML bombs. Every part is read in bounded chunks whatever
its header says, the compression ratio of large parts is capped, and XML is parsed
only through `resconv.xmlsafe`.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

from resconv import xmlsafe
from resconv.errors import InputDecodeError

__all__ = ["LIMITS", "Limits", "Package", "is_docx", "open_package"]

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of a Word file resconv will unpack; beyond them the file is refused."""

    file_bytes: int = 64 * 1024 * 1024
    entries: int = 2_000
    part_bytes: int = 32 * 1024 * 1024
    total_bytes: int = 128 * 1024 * 1024
    ratio: int = 100
    """Largest uncompressed / compressed size for a part over `ratio_floor` bytes."""
    ratio_floor: int = 1024 * 1024


LIMITS = Limits()


def is_docx(data: bytes) -> bool:
    """Whether `data` is a zip holding a Word document (by content, not by name)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist()[: LIMITS.entries])
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "word/document.xml" in names or (
        "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    )


class Package:
    """The parts of one Word file, read on demand within the limits."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits, source: str | None) -> None:
        self.archive = archive
        self.limits = limits
        self.source = source
        self.read_bytes = 0
        self.names = set(archive.namelist())

    def bytes(self, name: str) -> bytes | None:
        """The part's bytes, or None when the package has no such part."""
        if name not in self.names:
            return None
        info = self.archive.getinfo(name)
        limit = min(self.limits.part_bytes, self.limits.total_bytes - self.read_bytes)
        chunks = []
        size = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(65536):
                    size += len(chunk)
                    if size > limit:
                        raise self._refuse(f"part {name} unpacks to more than {limit:,} bytes")
                    if size > self.limits.ratio_floor and size > self.limits.ratio * max(
                        info.compress_size, 1
                    ):
                        raise self._refuse(
                            f"part {name} is compressed more than {self.limits.ratio}:1 "
                            "(a zip bomb?)"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
            raise self._refuse(f"part {name} cannot be unpacked ({exc})") from None
        self.read_bytes += size
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element | None:
        """The part parsed safely, or None when absent."""
        data = self.bytes(name)
        if data is None:
            return None
        return xmlsafe.parse(data, source=f"{self.source or '<docx>'}!{name}").getroot()

    def main_part(self) -> str:
        """The name of the main document part, from the package relationships."""
        rels = self.xml("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(f"{_RELS}Relationship"):
                if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                    target = (rel.get("Target") or "").lstrip("/")
                    if target in self.names:
                        return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise self._refuse("not a Word document (no main document part)")

    def related(self, part: str) -> dict[str, str]:
        """Relationship ids of `part` → the parts they point to inside the package."""
        folder, name = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found: dict[str, str] = {}
        if rels is None:
            return found
        for rel in rels.iter(f"{_RELS}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target") or ""))
            if target in self.names:
                found[rel.get("Id") or ""] = target
        return found

    def _refuse(self, message: str) -> InputDecodeError:
        return InputDecodeError(message, source=self.source)


def open_package(data: bytes, *, source: str | None, limits: Limits = LIMITS) -> Package:
    """The Word package in `data`; refuses what is not a zip or is too big to open."""
    if len(data) > limits.file_bytes:
        raise InputDecodeError(
            f"DOCX of {len(data):,} bytes is over the {limits.file_bytes:,}-byte limit",
            source=source,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputDecodeError("not a readable DOCX (damaged zip)", source=source) from None
    if len(archive.infolist()) > limits.entries:
        raise InputDecodeError(
            f"DOCX with {len(archive.infolist()):,} entries is over the {limits.entries:,} limit",
            source=source,
        )
    return Package(archive, limits, source)
