"""Where resconv keeps its on-disk caches (glyphs, compiled start-up code).

Standard library `os` and `sys` only: the start-up code cache asks for the directory
before anything else is imported. On Linux and the BSDs the directory is computed here,
as platformdirs computes it (`$XDG_CACHE_HOME/resconv`, else `~/.cache/resconv`);
elsewhere platformdirs is asked (about 10 ms to import, so only there).
"""

from __future__ import annotations

import os
import sys

__all__ = ["CACHE_ENV", "cache_dir"]

CACHE_ENV = "RESCONV_CACHE_DIR"
"""Environment variable naming the cache directory; "off" disables the disk cache."""


def cache_dir() -> str | None:
    """The cache directory: `RESCONV_CACHE_DIR`, else the user's cache directory; None
    when caching is off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if configured.strip().lower() in ("", "off", "none", "0"):
            return None
        return configured
    if sys.platform not in ("darwin", "win32", "cygwin") and not sys.platform.startswith("ios"):
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return os.path.join(base, "resconv")
    import platformdirs

    return str(platformdirs.user_cache_dir("resconv", appauthor=False))
