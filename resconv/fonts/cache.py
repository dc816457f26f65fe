"""resconv's on-disk cache: small checksummed files, replaced atomically.

Several processes may convert documents at the same time. Every file is written to a
temporary name in its own directory and moved into place with `os.replace`, so a
reader sees either the old file or the new one, never half of one. Every file ends
with a checksum: a torn, truncated or edited file is treated as absent and rebuilt.
Every file also names the entry it holds, under the checksum: a whole entry found under
another name (a cache copied, synced or restored by hand) is absent too, never believed.
The cache only ever saves work; losing it (or a race between two writers) costs time,
never correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from resconv._cachedir import CACHE_ENV, cache_dir

__all__ = ["CACHE_ENV", "DiskCache", "default_cache_dir"]

_MAGIC = b"RCC2"
_DIGEST = 16
_NAME_LENGTH = 2


def default_cache_dir() -> Path | None:
    """The cache directory: `RESCONV_CACHE_DIR`, else the user's cache directory."""
    name = cache_dir()
    return None if name is None else Path(name)


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def _key(name: str) -> bytes:
    """The entry's name as stored in front of its payload."""
    encoded = name.encode("utf-8")
    return len(encoded).to_bytes(_NAME_LENGTH, "big") + encoded


class DiskCache:
    """Checksummed blobs under `root`, addressed by relative paths."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get(self, name: str) -> bytes | None:
        """The blob stored as `name`, or None when it is absent, unreadable, corrupt, or
        the entry of another name."""
        try:
            raw = (self.root / name).read_bytes()
        except OSError:
            return None
        if len(raw) < len(_MAGIC) + _NAME_LENGTH + _DIGEST or not raw.startswith(_MAGIC):
            return None
        body, digest = raw[len(_MAGIC) : -_DIGEST], raw[-_DIGEST:]
        if _checksum(body) != digest:
            return None
        key = _key(name)
        if not body.startswith(key):
            return None  # a whole entry, but another's
        return body[len(key) :]

    def put(self, name: str, payload: bytes) -> bool:
        """Store `payload` as `name` atomically; False when the cache cannot be written."""
        target = self.root / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        except OSError:
            return False
        try:
            body = _key(name) + payload
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + body + _checksum(body))
            os.replace(temp, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return False
        return True
