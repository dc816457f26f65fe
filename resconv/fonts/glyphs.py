"""Glyphs converted once, kept in memory and on disk, and reused by every document.

Converting a CFF glyph to TrueType, or a variable glyph to a fixed weight, is the slow
part of printing Chinese (parsing an 11 MB CJK font and converting its outlines costs
about half a second per font). A `Face` does that work once per glyph: the result is
kept in memory for the rest of the process and on disk, in buckets of 256 code points,
under the sha256 of the font file and the axis location. A document then needs only
the glyphs of its own characters, which `resconv.fonts.build` turns into a small font.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resconv.errors import FontError
from resconv.fonts.cache import DiskCache, default_cache_dir
from resconv.fonts.sources import FaceSpec, face_spec, locate

__all__ = ["Face", "FaceLibrary", "Glyph", "clear_memory", "library"]

CONVERSION_VERSION = "2"
"""Part of every cache path: bump it when the conversion's output or a file's layout changes."""

_BUCKET_SHIFT = 8
_COUNT = struct.Struct("<I")


@dataclass(frozen=True, slots=True)
class Glyph:
    """One converted glyph: TrueType `glyf` data and horizontal metrics, in font units."""

    advance: int
    lsb: int
    data: bytes
    """The compiled `glyf` entry (quadratic, no components, no hinting); empty for a blank."""


@dataclass(frozen=True, slots=True)
class FaceMetrics:
    """What a subset font needs from its source besides the glyphs."""

    units_per_em: int
    ascender: int
    descender: int
    coverage: Coverage


def _encode_bucket(glyphs: dict[int, Glyph]) -> bytes:
    """A bucket file: its keys, advances, side bearings and data offsets as columns, then
    the glyphs' data, so that reading it decodes only the glyphs asked for (`_Bucket`)."""
    keys = sorted(glyphs)
    count = len(keys)
    offsets = [0]
    for key in keys:
        offsets.append(offsets[-1] + len(glyphs[key].data))
    return b"".join(
        [
            _COUNT.pack(count),
            struct.pack(f"<{count}I", *keys),
            struct.pack(f"<{count}H", *(glyphs[key].advance for key in keys)),
            struct.pack(f"<{count}h", *(glyphs[key].lsb for key in keys)),
            struct.pack(f"<{count + 1}I", *offsets),
            *(glyphs[key].data for key in keys),
        ]
    )


class _Bucket:
    """One bucket file, its glyphs decoded one at a time when asked for.

    Speed: a bucket holds every glyph converted so far by any document; the seed (Chinese)
    uses about 450 of the 2,100 its buckets hold in a cache filled by 40 resolutions.
    Decoding every record of a bucket as it was read cost 12.5 M instructions of such a
    process's 663 M (callgrind; benchmarks/README.md). The columns are read with one
    `struct` call each and a glyph is built on its first lookup (a bisect and a slice)."""

    __slots__ = ("_advances", "_data_start", "_keys", "_lsbs", "_offsets", "_payload")

    def __init__(self, payload: bytes) -> None:
        """Raises `struct.error` or `ValueError` when `payload` is not a bucket file."""
        (count,) = _COUNT.unpack_from(payload, 0)
        offset = _COUNT.size
        if offset + 12 * count + 4 > len(payload):  # before `struct` sizes a format for it
            raise ValueError("bucket shorter than its count says")
        self._keys: tuple[int, ...] = struct.unpack_from(f"<{count}I", payload, offset)
        offset += 4 * count
        self._advances: tuple[int, ...] = struct.unpack_from(f"<{count}H", payload, offset)
        offset += 2 * count
        self._lsbs: tuple[int, ...] = struct.unpack_from(f"<{count}h", payload, offset)
        offset += 2 * count
        self._offsets: tuple[int, ...] = struct.unpack_from(f"<{count + 1}I", payload, offset)
        self._data_start = offset + 4 * (count + 1)
        if self._offsets[0] != 0 or self._data_start + self._offsets[-1] != len(payload):
            raise ValueError("bucket data do not match its offsets")
        self._payload = payload

    def get(self, key: int) -> Glyph | None:
        """The glyph stored for `key`, or None when the bucket has none (or a bad entry)."""
        index = bisect_left(self._keys, key)
        if index == len(self._keys) or self._keys[index] != key:
            return None
        start, end = self._offsets[index], self._offsets[index + 1]
        if not start <= end <= self._offsets[-1]:
            return None
        base = self._data_start
        return Glyph(
            self._advances[index], self._lsbs[index], self._payload[base + start : base + end]
        )

    def items(self) -> dict[int, Glyph]:
        """Every glyph of the bucket (to merge it with new ones before saving)."""
        found = {key: self.get(key) for key in self._keys}
        return {key: glyph for key, glyph in found.items() if glyph is not None}


def _decode_bucket(payload: bytes) -> _Bucket | None:
    try:
        return _Bucket(payload)
    except (struct.error, ValueError):
        return None


def _ranges(codepoints: Iterable[int]) -> list[list[int]]:
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


class Coverage:
    """The code points a font has glyphs for, kept as the ranges its cache stores.

    Not a set: a CJK face covers about 45,000 code points, and building their set took
    2-3 ms per face at every process's start (8-10 ms for a Chinese document)."""

    __slots__ = ("_ranges", "_starts")

    def __init__(self, ranges: Iterable[Sequence[int]]) -> None:
        self._ranges = [(int(low), int(high)) for low, high in ranges]
        self._ranges.sort()
        self._starts = [low for low, _ in self._ranges]

    def __contains__(self, cp: object) -> bool:
        if not isinstance(cp, int):
            return False
        index = bisect_right(self._starts, cp) - 1
        return index >= 0 and cp <= self._ranges[index][1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Coverage) and self._ranges == other._ranges

    def __hash__(self) -> int:
        return hash(tuple(self._ranges))

    def ranges(self) -> list[list[int]]:
        """The covered code points as [first, last] ranges, in order."""
        return [[low, high] for low, high in self._ranges]


class Face:
    """A face of `resconv.fonts.sources.FACES`, converting glyphs on demand."""

    def __init__(self, spec: FaceSpec, cache: DiskCache | None) -> None:
        self.spec = spec
        self.path = locate(spec)
        self._cache = cache
        self._lock = threading.Lock()
        self.digest = self._file_digest()
        location = "-".join(f"{axis}{value:g}" for axis, value in spec.location) or "default"
        self._prefix = f"v{CONVERSION_VERSION}/{self.digest[:32]}"
        self._glyph_prefix = f"{self._prefix}/{location}"
        self._glyphs: dict[int, Glyph] = {}
        self._buckets: dict[int, _Bucket | None] = {}
        self._by_id: dict[int, Glyph] = {}
        self._id_buckets: dict[int, _Bucket | None] = {}
        self._source: Any = None
        self._glyphset: Any = None
        self._cmap: dict[int, str] = {}
        self.metrics = self._load_metrics()

    def covers(self, cp: int) -> bool:
        """Whether the font has a glyph for code point `cp`."""
        return cp in self.metrics.coverage

    def glyphs(self, codepoints: set[int]) -> dict[int, Glyph]:
        """The converted glyphs of `codepoints` (all of which the face must cover)."""
        with self._lock:
            wanted = sorted(codepoints)
            missing = self._from_disk(wanted, self._glyphs, self._buckets, self._glyph_prefix)
            if missing:
                self._convert(missing)
            return {cp: self._glyphs[cp] for cp in wanted}

    def glyphs_by_id(self, gids: set[int]) -> dict[int, Glyph]:
        """The converted glyphs of font glyph ids `gids`.

        Shaped text (Arabic joining forms, ligatures) uses glyphs that no code point maps
        to; they are kept like the others, in buckets of their own.
        """
        with self._lock:
            wanted = sorted(gids)
            missing = self._from_disk(
                wanted, self._by_id, self._id_buckets, f"{self._glyph_prefix}/gid"
            )
            if missing:
                order = self._open().getGlyphOrder()
                for gid in missing:
                    if not 0 <= gid < len(order):
                        raise FontError(f"glyph {gid} is not in {self.path.name}")
                    self._by_id[gid] = self._convert_glyph(order[gid])
                self._store_buckets(
                    self._by_id,
                    {gid >> _BUCKET_SHIFT for gid in missing},
                    f"{self._glyph_prefix}/gid",
                )
            return {gid: self._by_id[gid] for gid in wanted}

    def _file_digest(self) -> str:
        """sha256 of the font file, remembered per (path, size, mtime) to skip re-hashing."""
        stat = self.path.stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}:"
        index = f"index/{hashlib.sha1(str(self.path).encode()).hexdigest()}"
        if self._cache is not None:
            known = self._cache.get(index)
            if known is not None and known.startswith(stamp.encode()):
                return known[len(stamp) :].decode("ascii")
        with self.path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        if self._cache is not None:
            self._cache.put(index, (stamp + digest).encode("ascii"))
        return digest

    def _load_metrics(self) -> FaceMetrics:
        name = f"{self._prefix}/metrics.json"
        if self._cache is not None:
            payload = self._cache.get(name)
            if payload is not None:
                try:
                    data = json.loads(payload)
                    coverage = Coverage(data["coverage"])
                    return FaceMetrics(
                        int(data["units_per_em"]),
                        int(data["ascender"]),
                        int(data["descender"]),
                        coverage,
                    )
                except (ValueError, KeyError, TypeError):
                    pass  # corrupt entry: rebuilt below
        font = self._open()
        hhea = font["hhea"]
        metrics = FaceMetrics(
            font["head"].unitsPerEm, hhea.ascent, hhea.descent, Coverage(_ranges(self._cmap))
        )
        if self._cache is not None:
            record = {
                "units_per_em": metrics.units_per_em,
                "ascender": metrics.ascender,
                "descender": metrics.descender,
                "coverage": metrics.coverage.ranges(),
            }
            self._cache.put(name, json.dumps(record, separators=(",", ":")).encode())
        return metrics

    def _open(self) -> Any:
        if self._source is None:
            from fontTools.ttLib import TTFont, TTLibError

            try:
                # From memory, so that no file handle outlives the face.
                font = TTFont(io.BytesIO(self.path.read_bytes()), lazy=True)
                self._cmap = font.getBestCmap() or {}
            except (OSError, TTLibError, AssertionError, struct.error) as exc:
                raise FontError(f"cannot read font {self.path}: {exc}") from exc
            self._source = font
        return self._source

    def _read_bucket(self, name: str) -> _Bucket | None:
        if self._cache is None:
            return None
        payload = self._cache.get(name)
        return None if payload is None else _decode_bucket(payload)

    def _from_disk(
        self,
        wanted: list[int],
        known: dict[int, Glyph],
        buckets: dict[int, _Bucket | None],
        prefix: str,
    ) -> list[int]:
        """Add to `known` the glyphs of `wanted` the disk cache holds; the rest, in order."""
        missing: list[int] = []
        for key in wanted:
            if key in known:
                continue
            number = key >> _BUCKET_SHIFT
            if number not in buckets:
                buckets[number] = self._read_bucket(f"{prefix}/{number:04x}.bin")
            bucket = buckets[number]
            glyph = None if bucket is None else bucket.get(key)
            if glyph is None:
                missing.append(key)
            else:
                known[key] = glyph
        return missing

    def _convert(self, codepoints: list[int]) -> None:
        self._open()
        for cp in codepoints:
            name = self._cmap.get(cp)
            if name is None:
                raise FontError(f"U+{cp:04X} is not in {self.path.name}")
            self._glyphs[cp] = self._convert_glyph(name)
        self._store_buckets(
            self._glyphs, {cp >> _BUCKET_SHIFT for cp in codepoints}, self._glyph_prefix
        )

    def _convert_glyph(self, name: str) -> Glyph:
        from fontTools.pens.cu2quPen import Cu2QuPen
        from fontTools.pens.recordingPen import DecomposingRecordingPen
        from fontTools.pens.ttGlyphPen import TTGlyphPen

        font = self._open()
        if self._glyphset is None:
            location = dict(self.spec.location)
            self._glyphset = font.getGlyphSet(location=location or None)
        glyphset = self._glyphset
        source_glyph = glyphset[name]
        pen = TTGlyphPen(None)
        if self.spec.outlines == "cff":
            source_glyph.draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        else:
            recording = DecomposingRecordingPen(glyphset)
            source_glyph.draw(recording)
            recording.replay(pen)
        glyph = pen.glyph()
        data = glyph.compile(None) if glyph.numberOfContours else b""
        lsb = int(getattr(glyph, "xMin", 0)) if data else 0
        return Glyph(round(source_glyph.width), lsb, data)

    def _store_buckets(self, glyphs: dict[int, Glyph], buckets: set[int], prefix: str) -> None:
        if self._cache is None:
            return
        for bucket in buckets:
            name = f"{prefix}/{bucket:04x}.bin"
            # Merge what another process may have added since this one read the bucket.
            stored = self._read_bucket(name)
            merged = {} if stored is None else stored.items()
            low = bucket << _BUCKET_SHIFT
            for key in range(low, low + (1 << _BUCKET_SHIFT)):
                if key in glyphs:
                    merged.setdefault(key, glyphs[key])
            self._cache.put(name, _encode_bucket(merged))


class FaceLibrary:
    """The faces of one process, sharing one disk cache (or none)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache = DiskCache(cache_dir) if cache_dir is not None else None
        self._faces: dict[str, Face] = {}
        self._lock = threading.Lock()

    def face(self, key: str) -> Face:
        """The face called `key`, opened once."""
        with self._lock:
            found = self._faces.get(key)
            if found is None:
                found = self._faces[key] = Face(face_spec(key), self.cache)
            return found


_libraries: dict[Path | None, FaceLibrary] = {}
_libraries_lock = threading.Lock()


def library() -> FaceLibrary:
    """The process's faces for the current cache directory (`RESCONV_CACHE_DIR`)."""
    cache_dir = default_cache_dir()
    key = cache_dir.resolve() if cache_dir is not None else None
    with _libraries_lock:
        found = _libraries.get(key)
        if found is None:
            found = _libraries[key] = FaceLibrary(key)
        return found


def clear_memory() -> None:
    """Forget every face kept in memory (the disk cache stays); for tests and benchmarks."""
    with _libraries_lock:
        _libraries.clear()
