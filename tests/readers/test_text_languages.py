"""French, Spanish, Russian and Arabic text read against the UN's own Akoma Ntoso.

No PDF extraction of these resolutions is shipped, so each test lays the UN's AKN of
resolution 77/306 out as text the way a PDF extraction of it looks (cover block, hard
wraps at ~80 characters, numbers alone on their line, footnote markers glued to the
word before them, footnotes at the page foot after a rule, a running header after a
page break), or reflowed one paragraph per line with Markdown footnotes, then reads it
and compares every part with the XML it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from resconv import xmlsafe
from resconv.lang.profile import TEXT_LANGUAGES, profile
from resconv.model import Heading, Inlines, OperativeParagraph, Resolution, Text, plain_text
from resconv.readers.text import TextReader
from resconv.readers.text_decode import detect_language

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANGS = {"fr": "fra", "es": "spa", "ru": "rus", "ar": "ara"}

Piece = str | tuple[str]
"""Text, or a footnote marker as a 1-tuple."""


def _norm(text: str) -> str:
    return " ".join(text.split())


def _pieces(element: Any) -> list[Piece]:
    """Text and footnote markers of an element, in order; the bracket `sup`s around an
    Arabic marker go (the layout prints its own brackets)."""
    out: list[Piece] = [element.text or ""]
    for child in element:
        if child.tag == AKN + "authorialNote":
            out.append((child.get("marker"),))
        elif not (child.tag == AKN + "sup" and (child.text or "").strip() in "()"):
            out.extend(_pieces(child))
        out.append(child.tail or "")
    return out


def _plain(pieces: list[Piece]) -> str:
    return _norm("".join(p for p in pieces if isinstance(p, str)))


@dataclass
class Para:
    """One paragraph of the UN's file."""

    pieces: list[Piece]
    number: str | None = None
    initial: str = ""
    points: list[tuple[str, list[Piece]]] = field(default_factory=list)
    heading: bool = False


@dataclass
class Un:
    """What the UN's AKN of 77/306 says, in one language."""

    number: str
    title: str
    authority: str
    preamble: list[Para]
    body: list[Para]
    notes: dict[str, str]
    meeting: str
    date: str
    date_text: str
    cover: dict[str, str]


def _un(path: Path) -> Un:
    root = xmlsafe.parse(path.read_bytes(), source=str(path)).getroot()

    def find(xpath: str) -> Any:
        found = root.find(xpath.replace("a:", AKN))
        assert found is not None, xpath
        return found

    def text(xpath: str) -> str:
        return _norm("".join(find(xpath).itertext()))

    preamble = [
        Para(_pieces(c.find(AKN + "p")), initial=c.get("name"))
        for c in root.iter(AKN + "container")
    ]
    body: list[Para] = []
    for para in find(".//a:mainBody").iter(AKN + "paragraph"):
        num = para.findtext(AKN + "num")
        if num is None:
            sub = para.find(AKN + "subheading")
            lead = sub if sub is not None else para.find(f"{AKN}content/{AKN}p")
            body.append(Para(_pieces(lead), heading=True))
            continue
        lead = para.find(f"{AKN}content/{AKN}p")
        if lead is None:
            lead = para.find(f".//{AKN}intro/{AKN}p")
        span = _norm(lead.find(AKN + "span").text or "")
        points = [
            (p.findtext(AKN + "num"), _pieces(p.find(f"{AKN}content/{AKN}p")))
            for p in para.iter(AKN + "point")
        ]
        body.append(Para(_pieces(lead), number=num, initial=span, points=points))
    notes = {
        n.get("marker"): _norm("".join(n.find(AKN + "p").itertext()).replace("()", ""))
        for n in root.iter(AKN + "authorialNote")
    }
    return Un(
        number=find(".//a:preface//a:docNumber").text.rstrip("."),
        title=text(".//a:preface//a:docTitle"),
        authority=_plain(_pieces(find(".//a:formula/a:p"))),
        preamble=preamble,
        body=body,
        notes=notes,
        meeting=text(".//a:conclusions//a:inline"),
        date=find(".//a:conclusions//a:docDate").get("date"),
        date_text=text(".//a:conclusions//a:docDate"),
        cover={
            "organization": text(".//a:coverPage/a:p/a:span/a:docAuthority"),
            "assembly": text(".//a:coverPage/a:p/a:docAuthority"),
            "distribution": text(".//a:coverPage//a:docStatus"),
            "date": text(".//a:coverPage//a:docDate"),
            "iso_date": find(".//a:coverPage//a:docDate").get("date"),
            "session": text(".//a:coverPage//a:session"),
            "item": text(".//a:coverPage//a:inline[@name='agenda item']"),
            "item_number": find(".//a:coverPage//a:inline[@name='agenda item']").get("title"),
            "item_title": text(".//a:coverPage//a:inline[@name='agenda item name']"),
            "adopted": text(".//a:coverPage//a:docTitle"),
            "committee": text(".//a:coverPage//a:docProponent"),
            "job": text(".//a:docketNumber"),
        },
    )


# -- laying the UN's text out as people have it ----------------------------------------


def _inline(pieces: list[Piece], lang: str, *, markdown: bool) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        elif markdown:
            out.append(f"[^{piece[0]}]")
        else:
            out.append(f"({piece[0]})" if lang == "ar" else piece[0])
    return _norm("".join(out))


_NO_BREAK_BEFORE = re.compile(r"[;:!?»؛،]")


def _wrap(text: str, width: int = 80) -> list[str]:
    """Hard-wrapped lines, never starting with punctuation (French " ;" stays put)."""
    lines: list[str] = []
    for word in text.split():
        if lines and (len(lines[-1]) + 1 + len(word) <= width or _NO_BREAK_BEFORE.fullmatch(word)):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _note_line(marker: str, text: str, lang: str) -> str:
    return f"({marker}) {text}" if lang == "ar" else f"{marker} {text}"


def _pdf_text(un: Un, lang: str) -> str:
    """The resolution as a PDF extraction gives it: two pages, footnotes at each foot."""
    cover = un.cover
    job = cover["job"].split()[0]
    number_line = f"{un.number} - {un.title}" if lang == "ar" else f"{un.number}. {un.title}"
    page: list[str] = [
        cover["organization"],
        f"A/RES/{un.number}",
        "",
        cover["assembly"],
        cover["distribution"],
        cover["date"],
        cover["job"],
        f"*{job.replace('-', '')}*",
        "",
        cover["session"],
        cover["item"],
        *_wrap(cover["item_title"]),
        "",
        *_wrap(cover["adopted"], 50),
        "",
        cover["committee"],
        "",
        *_wrap(number_line, 70),
        "",
        un.authority,
        "",
    ]
    notes_here: list[str] = []

    def paragraph(pieces: list[Piece], number: str | None = None) -> None:
        if number:
            page.append(number)
        page.extend(_wrap(_inline(pieces, lang, markdown=False)))
        page.append("")
        notes_here.extend(p[0] for p in pieces if isinstance(p, tuple))

    def foot(notes: list[str]) -> None:
        page.extend(["_______________", ""])
        for marker in notes:
            page.extend([_note_line(marker, un.notes[marker], lang), ""])
        notes.clear()

    for para in un.preamble:
        paragraph(para.pieces)
    foot(notes_here)
    page.extend([f"A/RES/{un.number}", un.title, "", job, "2/2", ""])
    for para in un.body:
        paragraph(para.pieces, para.number)
        for num, pieces in para.points:
            paragraph(pieces, num)
    page.extend([un.meeting, un.date_text, ""])
    foot(notes_here)
    return "\n".join(page)


def _reflowed_text(un: Un, lang: str) -> str:
    """One paragraph a line, numbers inline, footnotes in Markdown after a rule."""
    sep = " - " if lang == "ar" else ". "
    out = [f"{un.number}{sep}{un.title}", un.authority]
    out += [_inline(p.pieces, lang, markdown=True) for p in un.preamble]
    for para in un.body:
        text = _inline(para.pieces, lang, markdown=True)
        out.append(f"{para.number} {text}" if para.number else text)
        out += [f"{num} {_inline(pieces, lang, markdown=True)}" for num, pieces in para.points]
    out += [un.meeting, un.date_text, "---"]
    out += [f"[^{marker}]: {text}" for marker, text in un.notes.items()]
    return "\n\n".join(out)


# -- the comparison ------------------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(LANGS))
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def un(lang: str, shared_dir: Path) -> Un:
    return _un(shared_dir / "reference" / "akn" / "ga" / f"A_RES_77_306.{LANGS[lang]}.xml")


@pytest.fixture(scope="module", params=["pdf", "reflowed"])
def layout(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def model(un: Un, lang: str, layout: str) -> Resolution:
    text = _pdf_text(un, lang) if layout == "pdf" else _reflowed_text(un, lang)
    result = TextReader().read(text.encode(), source=f"A-RES-77-306.{lang}.{layout}.txt")
    assert [d.code for d in result.diagnostics if d.code == "language-detected"]
    assert not result.warnings, [str(d) for d in result.warnings]
    return result.value


def _flat(inlines: Inlines) -> str:
    return _norm("".join(p.text if isinstance(p, Text) else "" for p in inlines))


def _markers(inlines: Inlines) -> list[str]:
    return [p.marker for p in inlines if not isinstance(p, Text)]


def test_language_number_title_and_authority(model: Resolution, un: Un, lang: str) -> None:
    assert (model.language, model.number, model.symbol) == (lang, "77/306", "A/RES/77/306")
    assert _flat(model.title) == un.title
    assert model.authority == un.authority


def test_preamble_texts_markers_and_initial_words(model: Resolution, un: Un) -> None:
    assert [_flat(p.content) for p in model.preamble] == [_plain(p.pieces) for p in un.preamble]
    assert [_markers(p.content) for p in model.preamble] == [
        [m[0] for m in p.pieces if isinstance(m, tuple)] for p in un.preamble
    ]
    assert [p.initial_words for p in model.preamble] == [p.initial for p in un.preamble]


def test_operative_numbers_texts_headings_and_subparagraphs(model: Resolution, un: Un) -> None:
    ours = [
        ("heading", _flat(b.text))
        if isinstance(b, Heading)
        else (b.number, _flat(b.content), [(s.number, _flat(s.content)) for s in b.subparagraphs])
        for b in model.operative
    ]
    theirs = [
        ("heading", _plain(p.pieces))
        if p.heading
        else (p.number, _plain(p.pieces), [(n, _plain(t)) for n, t in p.points])
        for p in un.body
    ]
    assert ours == theirs


def test_operative_initial_words_are_the_un_italics(model: Resolution, un: Un) -> None:
    ours = [b.initial_words for b in model.operative if isinstance(b, OperativeParagraph)]
    assert ours == [p.initial for p in un.body if not p.heading]


def test_footnotes_are_the_un_notes_in_order(model: Resolution, un: Un) -> None:
    assert [(f.marker, f.text) for f in model.footnotes] == list(un.notes.items())


def test_adoption_date_and_meeting(model: Resolution, un: Un) -> None:
    assert model.adoption is not None
    assert model.adoption.date == dt.date.fromisoformat(un.date)
    assert model.adoption.date_text == un.date_text
    assert model.adoption.meeting_text == un.meeting
    assert model.adoption.meeting == int(re.sub(r"\D", "", un.meeting))


def test_cover_block(model: Resolution, un: Un, layout: str) -> None:
    if layout == "reflowed":
        assert model.cover.session_text is None
        return
    cover = model.cover
    assert cover.distribution is not None and cover.distribution in un.cover["distribution"]
    assert cover.distribution_date == dt.date.fromisoformat(un.cover["iso_date"])
    assert cover.session_text == un.cover["session"]
    assert cover.agenda_item == un.cover["item_number"]
    assert cover.agenda_title == un.cover["item_title"]
    assert cover.adopted_line == un.cover["adopted"]
    assert cover.committee_line == un.cover["committee"]
    assert cover.job_number == un.cover["job"]


# -- hand-written cases (run without ../shared) -----------------------------------------

CASES = Path(__file__).resolve().parents[2] / "fixtures" / "cases"

EXPECTED: dict[str, dict[str, Any]] = {
    "fr": {
        "authority": "L’Assemblée générale,",
        "preamble": ["Rappelant", "Prenant note avec satisfaction"],
        "body": [
            ("I", "Préparatifs", 1),
            ("1.", "Décide", ["a)", "b)"], ["i)", "ii)"]),
            ("2.", "Invite également", [], []),
            ("II", "Suivi", 1),
            (None, "Questions d’organisation", 2),
            ("3.", "Salue", [], []),  # unknown verb: the fallback
            ("4.", "Prie", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "20 décembre 2024", 52, "52e séance plénière"),
        "cover": ("générale", dt.date(2025, 1, 3), "Soixante-dix-neuvième session", "72"),
        "annex": ("Annexe", "Programme de la réunion de haut niveau", ["1.", "2."]),
        "notes": ["Voir A/78/PV.50.", "Voir A/79/100."],
    },
    "es": {
        "authority": "La Asamblea General,",
        "preamble": ["Recordando", "Tomando nota con aprecio"],
        "body": [
            ("A.", "Preparativos", 1),
            ("1.", "Decide", ["a)", "b)"], ["i)", "ii)"]),
            ("2.", "Invita", [], []),
            ("B.", "Seguimiento", 1),
            ("3.", "Saluda", [], []),  # unknown verb: the fallback
            ("4.", "Decide también", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "20 de diciembre de 2024", 52, "52ª sesión plenaria"),
        "cover": ("general", dt.date(2025, 1, 3), "Septuagésimo noveno período de sesiones", "72"),
        "annex": ("Anexo", "Programa de la reunión de alto nivel", ["1.", "2."]),
        "notes": ["Véase A/78/PV.50.", "Véase A/79/100."],
    },
    "ru": {
        "authority": "Генеральная Ассамблея,",
        "preamble": ["ссылаясь", "с удовлетворением отмечая"],
        "body": [
            ("I", "Подготовка", 1),
            ("1.", "постановляет", ["а)", "б)"], ["i)", "ii)"]),
            ("2.", "предлагает", [], []),
            ("II", "Последующая деятельность", 1),
            ("3.", "приветствует", [], []),
            ("4.", "просит также", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "20 декабря 2024 года", 52, "52-е пленарное заседание"),
        "cover": ("General", dt.date(2025, 1, 3), "Семьдесят девятая сессия", "72"),
        "annex": ("Приложение", "Программа совещания высокого уровня", ["1.", "2."]),
        "notes": ["См. A/78/PV.50.", "См. A/79/100."],
    },
    "ar": {
        "authority": "إن الجمعية العامة،",
        "preamble": ["إذ تشير", "وإذ تحيط علما مع التقدير"],
        "body": [
            ("أولا", "الأعمال التحضيرية", 1),
            ("١ -", "تقرر", ["(أ)", "(ب)"], ["(1)", "(2)"]),
            ("٢ -", "تدعو", [], []),
            ("ثانيا", "المتابعة", 1),
            ("٣ -", "ترحب", [], []),
            ("٤ -", "تطلب إلى", [], []),
        ],
        "adoption": (dt.date(2024, 12, 20), "٢٠ كانون الأول/ديسمبر ٢٠٢٤", 52, "الجلسة العامة ٥٢"),
        "cover": ("General", dt.date(2025, 1, 3), "الدورة التاسعة والسبعون", "72"),
        "annex": ("المرفق", "برنامج الاجتماع الرفيع المستوى", ["١ -", "٢ -"]),
        "notes": ["انظر A/78/PV.50.", "انظر A/79/100."],
    },
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_hand_written_case(code: str) -> None:
    result = TextReader().read((CASES / f"{code}-sections-annex.txt").read_bytes())
    model, expected = result.value, EXPECTED[code]
    assert not result.warnings, [str(d) for d in result.warnings]
    assert model.language == code
    assert model.authority == expected["authority"]
    assert [p.initial_words for p in model.preamble] == expected["preamble"]
    body: list[tuple[Any, ...]] = []
    for block in model.operative:
        if isinstance(block, Heading):
            body.append((block.number, plain_text(block.text), block.level))
        else:
            subs = block.subparagraphs
            nested = [s.number for s in subs[-1].subparagraphs] if subs else []
            body.append((block.number, block.initial_words, [s.number for s in subs], nested))
            assert plain_text(block.content).startswith(block.initial_words)
    assert body == expected["body"]
    adoption = model.adoption
    assert adoption is not None
    got = (adoption.date, adoption.date_text, adoption.meeting, adoption.meeting_text)
    assert got == expected["adoption"]
    cover = model.cover
    got = (cover.distribution, cover.distribution_date, cover.session_text, cover.agenda_item)
    assert got == expected["cover"]
    [annex] = model.annexes
    label, title, numbers = expected["annex"]
    assert (annex.label, plain_text(annex.title)) == (label, title)
    assert [b.number for b in annex.body if isinstance(b, OperativeParagraph)] == numbers
    assert [f.text for f in model.footnotes] == expected["notes"]
    assert [f.marker for f in model.footnotes] == ["1", "2"]


def test_a_paragraph_runs_on_over_a_page_break_with_its_footnote_at_the_foot() -> None:
    model = TextReader().read((CASES / "es-sections-annex.txt").read_bytes()).value
    second = model.operative[2]
    assert isinstance(second, OperativeParagraph)
    assert plain_text(second.content).endswith(
        "y solicita a la Secretaría que preste el apoyo necesario;"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("80/1. Titre\n\nL’Assemblée générale,\n\nRappelant sa résolution,\n", "fr"),
        ("80/1. Título\n\nLa Asamblea General,\n\nRecordando su resolución,\n", "es"),
        ("80/1. Title\n\nThe General Assembly,\n\nRecalling its resolution,\n", "en"),
        ("80/1. Название\n\nГенеральная Ассамблея,\n\nссылаясь на резолюцию,\n", "ru"),
        ("80/1 - عنوان\n\nإن الجمعية العامة،\n\nإذ تشير إلى قرارها،\n", "ar"),
        ("80/1. 标题\n\n大会，\n\n回顾其决议，\n", "zh"),
    ],
)
def test_language_is_told_by_script_words_and_authority_line(text: str, code: str) -> None:
    assert detect_language(text, TEXT_LANGUAGES) == code


def _alternation(phrases: list[str], *, word_boundary: bool) -> re.Pattern[str]:
    """The reference: one anchored regex, longest phrase first."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    tail = r"(?![\w\-‑’'])" if word_boundary else ""
    return re.compile("(?:" + "|".join(map(re.escape, ordered)) + ")" + tail)


@pytest.mark.parametrize("code", ["zh", "fr", "es", "ru", "ar"])
def test_phrase_lookup_gives_what_a_longest_first_alternation_gives(code: str) -> None:
    # English is left out only because its 9 152-phrase alternation takes 0.4 s to compile.
    prof = profile(code)
    for phrases in (prof.preambular, prof.operative):
        expanded = list(phrases)
        reference = _alternation(expanded, word_boundary=phrases.word_boundary)
        for phrase in expanded:
            for text in (phrase, phrase + " x", phrase + "s", phrase[:-1], phrase + "-x"):
                found = reference.match(text)
                assert phrases.match(text) == (found.group() if found else ""), text
