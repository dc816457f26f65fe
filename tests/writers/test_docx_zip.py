"""The DOCX zip writer gives the bytes the standard `zipfile` module gives, and reads back."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from resconv.writers.docx.ziparchive import zip_entries


def with_zipfile(
    entries: list[tuple[str, bytes]], date_time: tuple[int, int, int, int, int, int]
) -> bytes:
    """What the DOCX writer wrote with `zipfile` before it wrote zips itself."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


names = st.text(st.sampled_from("abcXYZ019_-./[]"), min_size=1, max_size=30)
dates = st.tuples(
    st.integers(1980, 2107),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 59).map(lambda s: s - s % 2),
)


@given(
    entries=st.lists(
        st.tuples(names, st.binary(max_size=3000)), max_size=6, unique_by=lambda e: e[0]
    ),
    date_time=dates,
)
def test_same_bytes_as_zipfile_and_readable(
    entries: list[tuple[str, bytes]], date_time: tuple[int, int, int, int, int, int]
) -> None:
    written = zip_entries(entries, date_time)
    assert written == with_zipfile(entries, date_time)
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == entries
        assert all(i.date_time == date_time for i in archive.infolist())


def test_a_large_part_is_deflated() -> None:
    text = ("<w:p><w:r><w:t>大会重申</w:t></w:r></w:p>" * 20000).encode()
    written = zip_entries([("word/document.xml", text)], (2012, 12, 3, 0, 0, 0))
    assert len(written) < len(text) // 50
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert archive.read("word/document.xml") == text
