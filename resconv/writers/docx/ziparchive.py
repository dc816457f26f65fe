"""The DOCX zip, written with `zlib` and `struct` instead of the standard `zipfile` module.

A speed trick for start-up: importing `zipfile` loads `bz2`, `lzma`, `shutil`, `threading`
and more (about 7 ms of a process that converts one document in 55), none of which a
package of a few deflated XML parts needs. The bytes are those `zipfile.ZipFile.writestr`
writes for the same entries (deflate level 6, MS-DOS attributes, no extra fields), which
`tests/writers/test_docx_zip.py` checks against `zipfile` and reads back with it.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

__all__ = ["zip_entries"]

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20
"""Version 2.0 of the format, the first with deflate (what `zipfile` writes for it)."""
_DEFLATED = 8
_MODE = 0o644 << 16
"""Unix permissions rw-r--r-- in the high bits of the external attributes."""


def zip_entries(
    entries: Iterable[tuple[str, bytes]], date_time: tuple[int, int, int, int, int, int]
) -> bytes:
    """A zip archive of `entries` (ASCII names, in order), each deflated and dated `date_time`."""
    year, month, day, hour, minute, second = date_time
    dos_time = (hour << 11) | (minute << 5) | (second // 2)
    dos_date = ((year - 1980) << 9) | (month << 5) | day
    body: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, data in entries:
        encoded = name.encode("ascii")
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        crc = zlib.crc32(data)
        fields = (_DEFLATED, dos_time, dos_date, crc, len(packed), len(data), len(encoded), 0)
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, *fields)
        directory.append(
            _CENTRAL.pack(
                b"PK\x01\x02", _VERSION, 0, _VERSION, 0, 0, *fields, 0, 0, 0, _MODE, offset
            )
            + encoded
        )
        body += (header, encoded, packed)
        offset += len(header) + len(encoded) + len(packed)
    central = b"".join(directory)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(directory), len(directory), len(central), offset, 0)
    return b"".join(body) + central + end
