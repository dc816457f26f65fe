"""Coverage-guided fuzzing of the text and AKN readers (atheris).

Any input must give a `Resolution` (whose AKN, JSON, DOCX and PDF outputs can be written)
or one of resconv's own errors; anything else is a crash worth a regression test.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_readers.py text fuzz/corpus/text -max_total_time=1800 -timeout=10
    python fuzz/fuzz_readers.py akn  fuzz/corpus/akn  -max_total_time=1800 -timeout=10

`fuzz/seed_corpus.py` fills the corpus folders from the project's fixtures and the shared
corpus. Set RESCONV_FUZZ_WRITERS=akn,json (default) to choose which writers each input goes
through; docx and pdf are slower but fuzz the writers too.
"""

from __future__ import annotations

import contextlib
import os
import sys

import atheris

with atheris.instrument_imports():
    # Readers and writers are imported on first use by resconv; import them here so that
    # atheris instruments them and coverage guides the search.
    import resconv
    import resconv.akn.eid
    import resconv.akn.frbr
    import resconv.lang.ar
    import resconv.lang.en
    import resconv.lang.es
    import resconv.lang.fr
    import resconv.lang.ru
    import resconv.lang.zh
    import resconv.native
    import resconv.readers.akn.blocks
    import resconv.readers.akn.inline
    import resconv.readers.akn.meta
    import resconv.readers.akn.nodes
    import resconv.readers.akn.reader
    import resconv.readers.akn.text
    import resconv.readers.text.cover
    import resconv.readers.text.decode
    import resconv.readers.text.footnotes
    import resconv.readers.text.layout
    import resconv.readers.text.paragraphs
    import resconv.readers.text.reader
    import resconv.writers.akn.writer
    import resconv.writers.json
    import resconv.xmlsafe
    from resconv.errors import ResconvError

READER = sys.argv.pop(1) if len(sys.argv) > 1 and sys.argv[1] in ("text", "akn") else "text"
WRITERS = [w for w in os.environ.get("RESCONV_FUZZ_WRITERS", "akn,json").split(",") if w]


def one_input(data: bytes) -> None:
    try:
        result = resconv.read_bytes(data, format=READER, source="<fuzz>")
    except ResconvError:
        return
    for name in WRITERS:
        # A model the reader accepted but a writer refuses (no adoption date for AKN,
        # a glyph in no font for PDF) is a documented refusal, not a crash.
        with contextlib.suppress(ResconvError):
            resconv.write(result.value, name)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
