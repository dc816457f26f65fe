"""resconv's on-disk cache: small checksummed files, replaced atomically.

Several processes may convert documents at the same time. Every file is written to a
temporary name in its own directory and moved into place with `os.replace`, so a
reader sees either the old file or the new one, never half of one. Every file ends
with a checksum: a torn, truncated or edited file is treated as absent and rebuilt.
The cache only ever saves work; losing it (or a race between two writers) costs time,
never correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["CACHE_ENV", "DiskCache", "default_cache_dir"]

CACHE_ENV = "RESCONV_CACHE_DIR"
"""Environment variable naming the cache directory; "off" disables the disk cache."""

_MAGIC = b"RCC1"
_DIGEST = 16


def default_cache_dir() -> Path | None:
    """The cache directory: `RESCONV_CACHE_DIR`, else the user's cache directory."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if configured.strip().lower() in ("", "off", "none", "0"):
            return None
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("resconv", appauthor=False))


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


class DiskCache:
    """Checksummed blobs under `root`, addressed by relative paths."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get(self, name: str) -> bytes | None:
        """The blob stored as `name`, or None when it is absent, unreadable or corrupt."""
        try:
            raw = (self.root / name).read_bytes()
        except OSError:
            return None
        if len(raw) < len(_MAGIC) + _DIGEST or not raw.startswith(_MAGIC):
            return None
        payload, digest = raw[len(_MAGIC) : -_DIGEST], raw[-_DIGEST:]
        if _checksum(payload) != digest:
            return None
        return payload

    def put(self, name: str, payload: bytes) -> bool:
        """Store `payload` as `name` atomically; False when the cache cannot be written."""
        target = self.root / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + payload + _checksum(payload))
            os.replace(temp, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return False
        return True
