"""The text reader on the Chinese seed, on hand-made cases and on hostile bytes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from resconv import native
from resconv.errors import (
    InputDecodeError,
    StrictModeError,
    StructureError,
    UsageError,
)
from resconv.model import (
    FootnoteRef,
    Heading,
    Inlines,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Text,
    iter_leaves,
    plain_text,
)
from resconv.readers import get_reader
from resconv.readers.text.reader import TextReader
from resconv.writers.akn.writer import AknWriter

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CASES = FIXTURES / "cases"


def read(data: bytes, **kwargs: object) -> Resolution:
    return TextReader().read(data, **kwargs).value  # type: ignore[arg-type]


def _flat(inlines: Inlines) -> str:
    """Text with each footnote marker where it was printed."""
    return "".join(p.text if isinstance(p, Text) else p.marker for p in iter_leaves(inlines))


def _document_text(model: Resolution) -> str:
    """Every text of the model in document order, markers included."""
    out = [f"{model.number}.", _flat(model.title), model.authority]
    out += [_flat(p.content) for p in model.preamble]
    for block in model.operative:
        assert isinstance(block, OperativeParagraph)
        out += [block.number or "", _flat(block.content)]
        out += [s.number + _flat(s.content) for s in block.subparagraphs]
    assert model.adoption is not None
    out += [model.adoption.date_text, model.adoption.meeting_text]
    return "".join(out)


# -- the seed: resolution 67/38 in Chinese ---------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_bytes: bytes) -> Resolution:
    return read(seed_bytes, source="A-RES-67-38.zh.txt")


def test_seed_identity(seed: Resolution) -> None:
    assert (seed.number, seed.symbol, seed.language) == ("67/38", "A/RES/67/38", "zh")
    assert plain_text(seed.title) == "促进裁军和不扩散领域的多边主义"
    assert seed.authority == "大会，"


def test_seed_has_14_preambular_and_9_operative_paragraphs(seed: Resolution) -> None:
    assert len(seed.preamble) == 14
    numbers = [b.number for b in seed.operative if isinstance(b, OperativeParagraph)]
    assert numbers == [f"{n}." for n in range(1, 10)]


def test_seed_loses_adds_or_reorders_no_character(seed: Resolution, seed_bytes: bytes) -> None:
    expected = re.sub(r"\s", "", seed_bytes.decode("utf-8"))
    assert re.sub(r"\s", "", _document_text(seed)) == expected


def test_seed_footnote_markers_follow_the_text_that_carries_them(seed: Resolution) -> None:
    carriers = {}
    for para in [*seed.preamble, *seed.operative]:
        assert not isinstance(para, Heading)
        for index, piece in enumerate(para.content):
            if isinstance(piece, FootnoteRef):
                before = plain_text(para.content[:index])
                after = plain_text(para.content[index + 1 :])
                carriers[piece.marker] = (before, after)
    assert carriers["1"][0].endswith("还回顾《联合国千年宣言》，")
    assert carriers["1"][1].startswith("其中特别指出")
    assert carriers["2"][0].endswith("多边主义的第66/32号决议，")
    assert carriers["2"][1].startswith("并强调按照《宪章》")
    assert carriers["3"][0].endswith("依照第66/32号决议提出的报告，")
    assert carriers["3"][1].startswith("其中载有会员国")
    assert list(carriers) == ["1", "2", "3"]


def test_seed_footnotes_have_no_invented_text_and_are_warned(seed_bytes: bytes) -> None:
    result = TextReader().read(seed_bytes)
    assert [(f.marker, f.text) for f in result.value.footnotes] == [
        ("1", None),
        ("2", None),
        ("3", None),
    ]
    codes = [d.code for d in result.warnings]
    assert codes.count("footnote-without-body") == 3
    assert all(d.line for d in result.warnings)


def test_seed_adoption_is_normalised(seed: Resolution) -> None:
    assert seed.adoption is not None
    assert seed.adoption.date == dt.date(2012, 12, 3)
    assert seed.adoption.date_text == "2012年12月3日"
    assert (seed.adoption.meeting, seed.adoption.meeting_text) == (48, "第48次全体会议")


def test_seed_stray_spaces_between_han_and_digits_are_removed(seed: Resolution) -> None:
    recalling = plain_text(seed.preamble[1].content)
    assert "的2001年11月29日第56/24T号决议" in recalling
    assert "第65/54号和2011年12月2日第66/32号决议" in recalling


def test_seed_initial_words_are_the_longest_known_phrase(seed: Resolution) -> None:
    assert [p.initial_words for p in seed.preamble] == [
        "决心",
        "回顾",
        "又回顾",
        "还回顾",
        "深信",
        "铭记",
        "意识到",
        "确认",
        "又确认",
        "考虑到",
        "强调",
        "关切",
        "注意到",
        "重申",
    ]
    operative = [b for b in seed.operative if isinstance(b, OperativeParagraph)]
    assert [b.initial_words for b in operative] == [
        "重申",
        "又重申",
        "敦促",
        "强调",
        "再次呼吁",
        "请",
        "表示注意到",
        "请",
        "决定",
    ]
    paragraphs: list[OperativeParagraph | PreambularParagraph] = [*seed.preamble, *operative]
    for para in paragraphs:
        assert plain_text(para.content).startswith(para.initial_words)


def test_golden_model_json(seed: Resolution) -> None:
    golden = (FIXTURES / "A-RES-67-38.zh" / "model.json").read_text(encoding="utf-8")
    assert native.dumps(seed) == golden


def test_registry_gives_the_text_reader() -> None:
    assert isinstance(get_reader("text"), TextReader)


def test_strict_mode_turns_the_first_warning_into_an_error(seed_bytes: bytes) -> None:
    with pytest.raises(StrictModeError, match="footnote-without-body"):
        TextReader().read(seed_bytes, strict=True)


# -- encodings and newlines --------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("gb18030", b""),
        ("gb18030", b"\x84\x31\x95\x33"),
    ],
)
def test_other_encodings_read_to_the_same_model(
    seed: Resolution, seed_bytes: bytes, encoding: str, bom: bytes
) -> None:
    data = bom + seed_bytes.decode("utf-8").encode(encoding)
    assert read(data) == seed


def test_gb18030_can_be_forced_with_lang(seed: Resolution, seed_bytes: bytes) -> None:
    result = TextReader().read(seed_bytes.decode("utf-8").encode("gb18030"), lang="zh")
    assert result.value == seed
    assert "decoded-gb18030" in [d.code for d in result.diagnostics]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_newline_styles_do_not_change_the_result(
    seed: Resolution, seed_bytes: bytes, newline: str
) -> None:
    text = seed_bytes.decode("utf-8").replace("\n", newline)
    assert read(text.encode("utf-8")) == seed


def test_undecidable_bytes_name_the_offset() -> None:
    data = "Résolution 1/1. Title\n".encode("cp1252")
    with pytest.raises(InputDecodeError, match=r"byte offset 1\b"):
        read(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n...", "looks like a PDF; extract its text first"),
        (b"PK\x03\x04\x14\x00", "DOCX or other zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "OLE"),
        (b"67/38. Title\x00\x00", "NUL byte at byte offset 12"),
    ],
)
def test_binary_files_are_refused_with_what_they_are(data: bytes, message: str) -> None:
    with pytest.raises(InputDecodeError, match=re.escape(message)):
        read(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", b"\xef\xbb\xbf \n"])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(StructureError, match="empty input"):
        read(data)


def test_control_characters_are_stripped_with_a_count(seed: Resolution, seed_bytes: bytes) -> None:
    dirty = seed_bytes.replace("决心".encode(), "决\x01心\x1f".encode(), 1)
    result = TextReader().read(dirty)
    assert result.value == seed
    [warning] = [d for d in result.warnings if d.code == "illegal-characters-removed"]
    assert "2 character(s)" in warning.message


def test_vertical_tab_is_a_line_break(seed: Resolution, seed_bytes: bytes) -> None:
    assert read(seed_bytes.replace(b"\n", b"\x0b")) == seed


# -- what cannot be a resolution ------------------------------------------------------------


def test_missing_number_and_title() -> None:
    with pytest.raises(StructureError, match="missing number and title"):
        read("大会，\n\n 回顾其决议，\n\n2012 年 12 月 3 日\n".encode())


@pytest.mark.parametrize(
    "after",
    ["大会，", " 1. 重申多边主义；", " 回顾其决议，"],
)
def test_a_number_without_title_is_refused_naming_the_title(seed_bytes: bytes, after: str) -> None:
    text = seed_bytes.decode().replace("67/38. 促进裁军和不扩散领域的多边主义", "67/38.")
    text = text.replace(" 大会，", after, 1)
    with pytest.raises(StructureError, match="missing title after the number 67/38") as error:
        read(text.encode())
    assert error.value.line == 1


@pytest.mark.parametrize(
    "head",
    [
        " 67/38. 促进裁军和不扩散\n\n领域的多边主义 \n\n 大会，",  # wrapped
        " 67/38.\n\n 促进裁军和不扩散领域的多边主义 \n\n 大会，",  # title on its own line
        " 67/38.\n 促进裁军和不扩散\n领域的多边主义 \n 大会，",  # both
    ],
)
def test_a_title_on_the_next_lines_is_still_read(
    seed: Resolution, seed_bytes: bytes, head: str
) -> None:
    text = seed_bytes.decode()
    text = head + text[text.index(" 大会，") + len(" 大会，") :]
    result = TextReader().read(text.encode())
    assert result.value == seed
    assert not [d for d in result.warnings if d.code != "footnote-without-body"]


def test_an_english_number_without_title_is_refused() -> None:
    text = b"80/1.\n\nThe General Assembly,\n\n1. Decides to act.\n\n3rd plenary meeting\n"
    with pytest.raises(StructureError, match="missing title after the number 80/1"):
        read(text + b"19 September 2025\n")


def test_missing_adoption_date() -> None:
    with pytest.raises(StructureError, match="missing adoption date"):
        read(b"80/1. A title\n\nThe General Assembly,\n\n1. Decides to act.\n")


def test_unknown_language_is_a_usage_error(seed_bytes: bytes) -> None:
    with pytest.raises(UsageError, match="does not know language 'ja'"):
        read(seed_bytes, lang="ja")


def test_language_is_detected() -> None:
    text = (CASES / "en-sections-annex.txt").read_bytes()
    assert read(text).language == "en"


# -- numbering ---------------------------------------------------------------------------


def test_numbering_gaps_and_duplicates_are_kept_and_warned() -> None:
    text = (
        "80/2. A title\n\nThe General Assembly,\n\n1. Decides to act;\n\n3. Requests a report;\n\n"
        "3. Urges all States to act.\n\n5th plenary meeting\n1 October 2025\n"
    )
    result = TextReader().read(text.encode())
    numbers = [b.number for b in result.value.operative if isinstance(b, OperativeParagraph)]
    assert numbers == ["1.", "3.", "3."]
    found = {(d.code, d.line) for d in result.warnings}
    assert ("numbering-gap", 7) in found
    assert ("numbering-duplicate", 9) in found


# -- hand-made cases ---------------------------------------------------------------------


def test_chinese_sections_subparagraphs_page_break_and_annex() -> None:
    result = TextReader().read((CASES / "zh-sections-subparagraphs-annex.txt").read_bytes())
    model = result.value
    assert model.symbol == "A/RES/79/999"
    assert model.cover.job_number == "24-99999 (C)"
    assert model.cover.session_text == "第七十九届会议"
    assert model.cover.agenda_item == "139"
    assert model.cover.distribution_date == dt.date(2024, 12, 30)
    assert model.cover.adopted_line == "2024年12月24日大会决议"
    assert [p.initial_words for p in model.preamble] == ["回顾", "审议了"]
    kinds = [
        (b.number, plain_text(b.text)) if isinstance(b, Heading) else b.number
        for b in model.operative
    ]
    assert kinds == [("一", "意外及非常费用"), "1.", "2.", ("二", "维持和平行动"), "3."]
    first = model.operative[1]
    assert isinstance(first, OperativeParagraph)
    assert [s.number for s in first.subparagraphs] == ["(a)", "(b)", "(c)"]
    assert [s.number for s in first.subparagraphs[1].subparagraphs] == ["㈠", "㈡"]
    assert "总额不超过100 000美元" in plain_text(first.subparagraphs[1].subparagraphs[0].content)
    second = model.operative[2]
    assert isinstance(second, OperativeParagraph)
    assert plain_text(second.content).endswith("一切款项及其事由；")  # across the page break
    assert [(f.marker, f.text) for f in model.footnotes] == [("1", "A/79/555。")]
    [annex] = model.annexes
    assert (annex.label, plain_text(annex.title)) == ("附件", "维持和平行动的组织安排")
    assert [b.number for b in annex.body if isinstance(b, OperativeParagraph)] == ["1.", "2."]
    dropped = {d.code for d in result.diagnostics if d.severity == "info"}
    assert {
        "dropped-running-header",
        "dropped-running-title",
        "dropped-job-number",
        "dropped-page-number",
    } <= dropped
    assert not result.warnings


def test_english_sections_nested_subparagraphs_and_annex() -> None:
    result = TextReader().read((CASES / "en-sections-annex.txt").read_bytes())
    model = result.value
    assert plain_text(model.title) == "Arrangements for the high-level meeting on the oceans"
    assert model.cover.session_text == "Seventy-ninth session"
    headings = [
        (b.number, plain_text(b.text), b.level) for b in model.operative if isinstance(b, Heading)
    ]
    assert headings == [
        ("I", "Preparations", 1),
        ("II", "Follow-up", 1),
        (None, "Organizational matters", 2),
    ]
    decides = model.operative[1]
    assert isinstance(decides, OperativeParagraph)
    assert [s.number for s in decides.subparagraphs[1].subparagraphs] == ["(i)", "(ii)"]
    salutes = [b for b in model.operative if isinstance(b, OperativeParagraph)][2]
    assert salutes.initial_words == "Salutes"  # unknown verb: the fallback
    assert isinstance(salutes.content[-1], FootnoteRef)
    [annex] = model.annexes
    assert plain_text(annex.title) == "Programme of the high-level meeting"
    assert [f.text for f in model.footnotes] == ["See A/78/PV.50.", "See A/79/100."]
    assert not result.warnings


def test_form_feed_is_a_page_boundary(seed: Resolution, seed_bytes: bytes) -> None:
    text = seed_bytes.decode("utf-8").replace("\n\n 铭记", "\n\fA/RES/67/38\n2/3\n\n 铭记", 1)
    result = TextReader().read(text.encode())
    assert result.value == seed


def test_body_without_marker_is_warned_and_not_invented() -> None:
    text = (
        "80/3. A title\n\nThe General Assembly,\n\n1. Decides to act.\n\n"
        "5th plenary meeting\n1 October 2025\n\n_______________\n\n7 See A/80/1.\n"
    )
    result = TextReader().read(text.encode())
    assert result.value.footnotes == ()
    assert [d.code for d in result.warnings] == ["footnote-body-without-marker"]
    assert "See A/80/1." in result.warnings[0].message


def test_huge_input_reads_in_linear_time() -> None:
    # A megabyte of one repeated line must finish (pytest-timeout guards against a hang).
    body = "Recalling its resolution 1/1 of 1 January 2000, and " * 20000
    text = f"80/4. A title\n\nThe General Assembly,\n\n{body},\n\n1. Decides.\n\n1 October 2025\n"
    model = read(text.encode())
    assert len(model.preamble) == 1


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_reflowed_chinese_reads_like_the_seed(seed: Resolution, separator: str) -> None:
    paragraphs = [f"{seed.number}. {plain_text(seed.title)}", seed.authority]
    paragraphs += [_flat(p.content) for p in seed.preamble]
    paragraphs += [
        f"{b.number} {_flat(b.content)}"
        for b in seed.operative
        if isinstance(b, OperativeParagraph)
    ]
    assert seed.adoption is not None
    paragraphs += [seed.adoption.date_text, seed.adoption.meeting_text]
    # Markers glued after the punctuation that carries them ("宣言》，1其中") need bodies.
    notes = "\n\n---\n\n" + "\n\n".join(f"[^{n}]: 注{n}。" for n in "123")
    model = read((separator.join(paragraphs) + notes).encode())
    assert model.preamble == seed.preamble
    assert model.operative == seed.operative
    assert [f.text for f in model.footnotes] == ["注1。", "注2。", "注3。"]


# -- text that closes a list of subparagraphs (AKN wrapUp) ---------------------------------


def _outline(blocks: tuple[object, ...]) -> list[tuple[object, ...]]:
    """Numbers, subparagraph numbers and wrap-up texts, nested."""

    def subs(items: tuple[Subparagraph, ...]) -> list[tuple[object, ...]]:
        return [(s.number, subs(s.subparagraphs), plain_text(s.wrap_up)) for s in items]

    return [
        (
            b.number if isinstance(b, OperativeParagraph) else None,
            subs(b.subparagraphs),
            plain_text(b.wrap_up),
        )
        for b in blocks
        if isinstance(b, OperativeParagraph | PreambularParagraph)
    ]


@pytest.mark.parametrize(
    ("name", "preamble", "operative"),
    [
        (
            "en-wrap-up.txt",
            "and determined to close that gap through predictable and flexible funding,",
            [
                (
                    "1.",
                    [
                        ("(a)", [], ""),
                        (
                            "(b)",
                            [("(i)", [], ""), ("(ii)", [], "")],
                            "and to consult Member States, the specialized agencies and other "
                            "humanitarian organizations before finalizing those recommendations;",
                        ),
                        ("(c)", [], ""),
                    ],
                    "and to report thereon to the General Assembly at its eighty-first session;",
                ),
                ("2.", [], ""),
            ],
        ),
        (
            "zh-wrap-up.txt",
            "",
            [
                (
                    "1.",
                    [
                        ("(a)", [], ""),
                        (
                            "(b)",
                            [("㈠", [], ""), ("㈡", [], "")],
                            "以便会员国在审议这些建议时能够参考专门机构和其他人道主义组织的意见；",
                        ),
                        ("(c)", [], ""),
                    ],
                    "从而确保报告能够反映所有利益攸关方的意见；",
                ),
                ("2.", [], ""),
            ],
        ),
    ],
)
def test_text_after_subparagraphs_that_continues_their_sentence_is_a_wrap_up(
    name: str, preamble: str, operative: list[tuple[object, ...]]
) -> None:
    result = TextReader().read((CASES / name).read_bytes())
    model = result.value
    assert not result.warnings, [str(d) for d in result.warnings]
    assert _outline(model.operative) == operative
    assert [plain_text(p.wrap_up) for p in model.preamble if p.subparagraphs] == (
        [preamble] if preamble else []
    )
    if name.startswith("en"):
        assert [f.marker for f in model.footnotes] == ["1"]  # the marker in (a) is kept


def test_a_wrap_up_reaches_akn_as_wrap_up() -> None:
    model = read((CASES / "en-wrap-up.txt").read_bytes())
    xml = AknWriter().write(model).decode()
    assert len(re.findall(r"<(?:wrapUp|listWrapUp)\b", xml)) == 3  # listWrapUp: preamble


@pytest.mark.parametrize(
    ("lines", "closing"),
    [
        (
            [
                "80/9. Titre",
                "L’Assemblée générale,",
                "1. Décide :",
                "a) d’agir ;",
                "b) de suivre ;",
            ],
            "et prie le Secrétaire général de faire rapport ;",
        ),
        (
            ["80/9. Título", "La Asamblea General,", "1. Decide:", "a) actuar;", "b) seguir;"],
            "y solicita al Secretario General que informe;",
        ),
        (
            ["80/9. Название", "Генеральная Ассамблея,", "1. постановляет:", "а) x;", "б) y;"],
            "и просит Генерального секретаря представить доклад;",
        ),
    ],
    ids=["fr", "es", "ru"],
)
def test_wrap_ups_in_french_spanish_and_russian(lines: list[str], closing: str) -> None:
    date = {
        "Titre": "52e séance plénière\n\n1er décembre 2025",
        "Título": "52ª sesión plenaria\n\n1 de diciembre de 2025",
        "Название": "52-е пленарное заседание\n\n1 декабря 2025 года",
    }[lines[0].split()[1]]
    text = "\n\n".join([*lines, closing, "2. " + lines[2][3:].rstrip(" :") + " x.", date])
    [one, two] = read(text.encode()).operative
    assert isinstance(one, OperativeParagraph) and isinstance(two, OperativeParagraph)
    assert [s.number for s in one.subparagraphs] == [lines[3][:2], lines[4][:2]]
    assert (plain_text(one.wrap_up), two.number) == (closing, "2.")


@pytest.mark.parametrize(
    "closing",
    [
        "Decides also to remain seized of the matter;",  # known initial words: a paragraph
        "Welcomes the report.",  # a capital: a new sentence
    ],
)
def test_a_new_sentence_after_subparagraphs_stays_a_paragraph(closing: str) -> None:
    text = (
        "80/9. A title\n\nThe General Assembly,\n\n1. Requests the Secretary-General:\n\n"
        f"(a) To act;\n\n(b) To report;\n\n{closing}\n\n5th plenary meeting\n1 October 2025\n"
    )
    model = read(text.encode())
    [one, two] = model.operative
    assert isinstance(one, OperativeParagraph) and isinstance(two, OperativeParagraph)
    assert one.wrap_up == ()
    assert (two.number, plain_text(two.content)) == (None, closing)


def test_lower_case_text_after_a_finished_list_is_not_a_wrap_up() -> None:
    text = (
        "80/9. A title\n\nThe General Assembly,\n\n1. Requests the Secretary-General:\n\n"
        "(a) To act;\n\n(b) To report.\n\nand decides to act;\n\n"
        "5th plenary meeting\n1 October 2025\n"
    )
    [one, two] = read(text.encode()).operative
    assert isinstance(one, OperativeParagraph) and one.wrap_up == ()
    assert isinstance(two, OperativeParagraph) and two.number is None
