"""The accuracy benchmark of the text reader: ``python benchmarks/accuracy.py --help``.

The benchmark itself is the package `benchmarks.accuracy_suite`; this file only runs it, from
the repository root or from anywhere else.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.accuracy_suite.__main__ import main

    sys.exit(main())
