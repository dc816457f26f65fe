"""Fonts from pip packages: discovery, glyph conversion, the disk cache, subset fonts."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resconv.errors import FontError
from resconv.fonts import (
    FACES,
    DiskCache,
    FaceLibrary,
    FaceSpec,
    build_font,
    default_cache_dir,
    locate,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "大会，回顾《宪章》2001年56/24T“”"


def test_every_face_is_found_in_its_package() -> None:
    for spec in FACES.values():
        assert locate(spec).is_file()


def test_a_missing_package_is_a_font_error_naming_the_fix() -> None:
    spec = FaceSpec(
        key="nothing",
        package="resconv_no_such_font_package",
        path="x.ttf",
        outlines="glyf",
        postscript_name="X",
        family="X",
        script="latin",
    )
    with pytest.raises(FontError, match="reinstall resconv"):
        locate(spec)


def test_the_cache_directory_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RESCONV_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.setenv("RESCONV_CACHE_DIR", "off")
    assert default_cache_dir() is None


def test_a_cache_entry_round_trips(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    assert cache.put("a/b.bin", b"payload")
    assert cache.get("a/b.bin") == b"payload"
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["b.bin"]  # no temp file left


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-1],
        lambda raw: raw[:5],
        lambda raw: raw[:6] + b"X" + raw[7:],
        lambda _: b"",
    ],
    ids=["truncated", "torn", "flipped", "empty"],
)
def test_a_damaged_cache_entry_reads_as_absent(tmp_path: Path, damage: object) -> None:
    cache = DiskCache(tmp_path)
    cache.put("entry", b"payload bytes")
    path = tmp_path / "entry"
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cache.get("entry") is None


def test_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = DiskCache(blocker)
    assert cache.put("x", b"y") is False
    assert cache.get("x") is None


def _glyph_data(library: FaceLibrary, key: str, text: str) -> dict[int, bytes]:
    face = library.face(key)
    wanted = {ord(c) for c in text if face.covers(ord(c))}
    return {cp: glyph.data for cp, glyph in face.glyphs(wanted).items()}


@pytest.mark.parametrize("key", ["song", "hei", "serif"])
def test_cached_glyphs_equal_freshly_converted_ones(key: str, tmp_path: Path) -> None:
    fresh = _glyph_data(FaceLibrary(None), key, SAMPLE)
    first = _glyph_data(FaceLibrary(tmp_path), key, SAMPLE)
    again = _glyph_data(FaceLibrary(tmp_path), key, SAMPLE)  # from disk only
    assert fresh == first == again
    assert all(fresh.values())  # every sampled character has an outline


def test_a_corrupt_glyph_bucket_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    expected = _glyph_data(FaceLibrary(tmp_path), "song", SAMPLE)
    buckets = sorted(tmp_path.rglob("*.bin"))
    assert buckets
    for bucket in buckets:
        bucket.write_bytes(bucket.read_bytes()[:-3] + b"\x00\x00\x00")
    assert _glyph_data(FaceLibrary(tmp_path), "song", SAMPLE) == expected
    cache = DiskCache(tmp_path)
    assert all(cache.get(str(b.relative_to(tmp_path))) is not None for b in buckets)


def test_two_processes_filling_one_cache_at_once_leave_it_valid(tmp_path: Path) -> None:
    script = (
        "import sys; from resconv.fonts import FaceLibrary; from pathlib import Path; "
        "f = FaceLibrary(Path(sys.argv[1])).face('song'); "
        "f.glyphs({ord(c) for c in sys.argv[2]})"
    )
    texts = ["大会回顾宪章决议裁军", "回顾宪章和平安全国际"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), text], env=env)
        for text in texts
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert not list(tmp_path.rglob(".tmp-*"))
    cache = DiskCache(tmp_path)
    for bucket in tmp_path.rglob("*.bin"):
        assert cache.get(str(bucket.relative_to(tmp_path))) is not None
    every = "".join(texts)
    assert _glyph_data(FaceLibrary(tmp_path), "song", every) == _glyph_data(
        FaceLibrary(None), "song", every
    )


def test_a_document_font_holds_exactly_its_glyphs_and_reportlab_reads_it(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont as FontToolsFont
    from reportlab.pdfbase.ttfonts import TTFont

    face = FaceLibrary(tmp_path).face("song")
    wanted = {ord(c) for c in "大会，回顾"}
    data = build_font(face, face.glyphs(wanted))
    font = FontToolsFont(io.BytesIO(data))
    assert set(font.getBestCmap()) == wanted
    assert "glyf" in font and "CFF " not in font
    assert font["OS/2"].fsType == 0
    assert font["name"].getDebugName(6) == "NotoSerifSC-Regular"
    assert build_font(face, face.glyphs(wanted)) == data  # same glyphs, same bytes
    rl_font = TTFont("fonts-test", io.BytesIO(data))
    assert rl_font.stringWidth("大会", 10) == pytest.approx(20.0)


def test_a_character_outside_the_face_is_a_font_error(tmp_path: Path) -> None:
    face = FaceLibrary(tmp_path).face("serif")
    assert not face.covers(ord("大"))
    with pytest.raises(FontError, match="U\\+5927"):
        face.glyphs({ord("大")})


def test_the_title_face_is_bold_not_the_variable_fonts_thin_default(tmp_path: Path) -> None:
    from fontTools.pens.areaPen import AreaPen
    from fontTools.ttLib import TTFont as FontToolsFont
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    bold = Glyph(FaceLibrary(tmp_path).face("hei").glyphs({ord("会")})[ord("会")].data)
    bold.expand(None)
    bold_area = AreaPen()
    bold.draw(bold_area, None)
    # The same character at the variable font's default location (Thin).
    source = FontToolsFont(io.BytesIO(locate(FACES["hei"]).read_bytes()), lazy=True)
    glyphs = source.getGlyphSet()
    thin_area = AreaPen(glyphs)
    glyphs[source.getBestCmap()[ord("会")]].draw(thin_area)
    assert abs(bold_area.value) > 2 * abs(thin_area.value)


def test_a_valid_entry_under_another_entrys_name_is_treated_as_absent(tmp_path: Path) -> None:
    """A whole, checksummed entry copied over another's name (a synced or restored cache)
    must not be believed: the Han face told it covers only Latin refused every document."""
    latin, han = FaceLibrary(tmp_path).face("serif"), FaceLibrary(tmp_path).face("song")
    assert han.covers(ord("国"))
    metrics = sorted(tmp_path.rglob("metrics.json"))
    assert len(metrics) == 2
    latin_metrics = next(p for p in metrics if latin.digest[:32] in str(p))
    han_metrics = next(p for p in metrics if han.digest[:32] in str(p))
    han_metrics.write_bytes(latin_metrics.read_bytes())
    buckets = sorted(p for p in tmp_path.rglob("*.bin") if han.digest[:32] in str(p))
    for run in range(2):  # the wrong entry is replaced, not read again on the next run
        reopened = FaceLibrary(tmp_path).face("song")
        assert reopened.covers(ord("国")), run
        assert _glyph_data(FaceLibrary(tmp_path), "song", SAMPLE)
    assert DiskCache(tmp_path).get(str(han_metrics.relative_to(tmp_path))) is not None
    assert not buckets or all(p.exists() for p in buckets)


def test_a_glyph_bucket_of_another_face_under_this_faces_name_is_not_believed(
    tmp_path: Path,
) -> None:
    expected = _glyph_data(FaceLibrary(tmp_path), "song", SAMPLE)
    other = _glyph_data(FaceLibrary(tmp_path), "hei", SAMPLE)
    assert other != expected
    song, hei = FaceLibrary(tmp_path).face("song"), FaceLibrary(tmp_path).face("hei")
    replaced = 0
    for bucket in tmp_path.rglob("*.bin"):
        if song.digest[:32] in str(bucket):
            twin = [p for p in tmp_path.rglob(bucket.name) if hei.digest[:32] in str(p)]
            if twin:
                bucket.write_bytes(twin[0].read_bytes())
                replaced += 1
    assert replaced
    assert _glyph_data(FaceLibrary(tmp_path), "song", SAMPLE) == expected


@given(st.frozensets(st.integers(min_value=0, max_value=0x10FFFF), max_size=200))
def test_a_face_coverage_holds_exactly_its_code_points(codepoints: frozenset[int]) -> None:
    from resconv.fonts.glyphs import Coverage, _ranges

    coverage = Coverage(_ranges(codepoints))
    probes = {cp + d for cp in codepoints for d in (-1, 0, 1)} | {0, 0x10FFFF}
    assert {cp for cp in probes if cp in coverage} == codepoints
    assert Coverage(coverage.ranges()) == coverage  # as the disk cache stores it


def test_a_face_reading_its_cache_decodes_only_the_glyphs_asked_for(tmp_path: Path) -> None:
    """A bucket holds up to 256 glyphs; a document asks for a few of each."""
    every = _glyph_data(FaceLibrary(tmp_path), "song", SAMPLE)
    face = FaceLibrary(tmp_path).face("song")
    one = ord("宪")
    assert {cp: g.data for cp, g in face.glyphs({one}).items()} == {one: every[one]}
    assert list(face._glyphs) == [one]  # its bucket's neighbours (会, 大, ...) stay encoded
    assert _glyph_data(FaceLibrary(tmp_path), "song", SAMPLE) == every


def test_a_glyph_bucket_round_trips_and_a_foreign_layout_reads_as_absent(tmp_path: Path) -> None:
    import struct

    from resconv.fonts.glyphs import Glyph, _decode_bucket, _encode_bucket

    glyphs = {0x4E00 + i: Glyph(1000 - i, i - 3, bytes([i]) * i) for i in range(0, 12, 3)}
    bucket = _decode_bucket(_encode_bucket(glyphs))
    assert bucket is not None
    assert bucket.items() == glyphs
    assert bucket.get(0x4E01) is None  # not stored: converted by the face
    # A file of the layout before this one: one record (code point, advance, lsb, size) per glyph.
    records = b"".join(
        struct.pack("<IHhI", cp, g.advance, g.lsb, len(g.data)) + g.data for cp, g in glyphs.items()
    )
    assert _decode_bucket(records) is None
    assert _decode_bucket(b"") is None
    assert _decode_bucket(b"\xff\xff\xff\xff" + bytes(64)) is None  # a count it cannot hold
    assert _decode_bucket(_encode_bucket(glyphs)[:-1]) is None
