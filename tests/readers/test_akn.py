"""The AKN reader on small hand-written documents: one behaviour per test."""

from __future__ import annotations

import datetime as dt

import pytest

import resconv
from resconv import build as b
from resconv.akn.schema import AKN_NS
from resconv.errors import InputDecodeError, StrictModeError, StructureError
from resconv.model import FootnoteRef, Heading, OperativeParagraph, plain_text
from resconv.readers.akn.reader import AknReader
from resconv.readers.akn.text import normalise, normalise_text

NS = AKN_NS


def akn(body: str, *, preamble: str = "", extra: str = "", lang: str = "eng") -> bytes:
    """A minimal resolution around `body` (the mainBody content)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{NS}">
  <statement name="resolution">
    <meta>
      <identification source="#x">
        <FRBRWork>
          <FRBRthis value="/akn/un/statement/deliberation/unga/2012-12-03/67-38/!main"/>
          <FRBRuri value="/akn/un/statement/deliberation/unga/2012-12-03/67-38"/>
          <FRBRdate date="2012-12-03" name="adoption"/>
          <FRBRauthor href="#ga"/>
          <FRBRcountry value="un"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="x"/><FRBRuri value="x"/><FRBRdate date="2012-12-03" name="x"/>
          <FRBRauthor href="#ga"/><FRBRlanguage language="{lang}"/>
        </FRBRExpression>
      </identification>
    </meta>
    <preface><p><docNumber>67/38.</docNumber> <docTitle>Title</docTitle></p></preface>
    <preamble>
      <formula name="enactingFormula"><p>The General Assembly,</p></formula>
      {preamble}
    </preamble>
    <mainBody>{body}</mainBody>
    {extra}
  </statement>
</akomaNtoso>""".encode()


def read(data: bytes, **kwargs: object) -> resconv.Result[resconv.Resolution]:
    return AknReader().read(data, **kwargs)  # type: ignore[arg-type]


class TestWhitespace:
    def test_collapses_layout_whitespace_and_strips_the_edges(self) -> None:
        assert normalise(["\n\t Having  considered\t\tthe ", "report \n"], "en") == b.inlines(
            "Having considered the report"
        )

    def test_keeps_no_break_spaces(self) -> None:
        assert normalise_text("43\u00a0647 400", "fr") == "43\u00a0647 400"

    def test_invents_no_space_between_han_characters_even_across_a_note(self) -> None:
        pieces: list[str | FootnoteRef] = ["报告", b.ref("1"), " 以及\n  有关 A/77/612 报告"]
        assert normalise(pieces, "zh") == b.inlines("报告", b.ref("1"), "以及有关 A/77/612 报告")

    def test_keeps_the_space_after_a_note_in_english(self) -> None:
        pieces: list[str | FootnoteRef] = ["Centre", b.ref("1"), " and the", b.ref("2"), " "]
        assert normalise(pieces, "en") == b.inlines("Centre", b.ref("1"), " and the", b.ref("2"))


class TestStructure:
    def test_reads_number_symbol_title_and_authority(self) -> None:
        r = read(akn("<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"))
        value = r.value
        assert (value.number, value.symbol, value.language) == ("67/38", "A/RES/67/38", "en")
        assert value.title == b.inlines("Title")
        assert value.authority == "The General Assembly,"

    def test_takes_the_adoption_date_from_frbr_without_conclusions(self) -> None:
        r = read(akn("<paragraph><content><p>Decides.</p></content></paragraph>"))
        assert r.value.adoption is not None
        assert r.value.adoption.date == dt.date(2012, 12, 3)
        assert r.value.adoption.date_text == ""

    def test_reads_sections_as_headings_followed_by_their_paragraphs(self) -> None:
        body = """
          <section eId="sec_I"><num>I</num><heading>First</heading>
            <paragraph><num>1.</num><content><p>One.</p></content></paragraph>
            <division><heading>Sub</heading>
              <paragraph><num>2.</num><content><p>Two.</p></content></paragraph>
            </division>
          </section>
          <paragraph><num>3.</num><content><p>Three.</p></content></paragraph>"""
        blocks = read(akn(body)).value.operative
        assert [(type(b).__name__, getattr(b, "level", None)) for b in blocks] == [
            ("Heading", 1),
            ("OperativeParagraph", None),
            ("Heading", 2),
            ("OperativeParagraph", None),
            ("OperativeParagraph", None),
        ]
        first = blocks[0]
        assert isinstance(first, Heading) and first.number == "I"

    def test_reads_points_wrap_ups_and_nested_lists(self) -> None:
        body = """<paragraph><num>2.</num><list>
            <intro><p><span class="italic">Requests</span> the following:</p></intro>
            <point><num>(a)</num><content><p>first;</p></content></point>
            <point><num>(b)</num><list><intro><p>second:</p></intro>
              <point><num>(i)</num><content><p>deep;</p></content></point>
              <wrapUp><p>after deep;</p></wrapUp></list></point>
            <wrapUp><p>and so on.</p></wrapUp></list></paragraph>"""
        (paragraph,) = read(akn(body)).value.operative
        assert isinstance(paragraph, OperativeParagraph)
        assert paragraph.initial_words == "Requests"
        assert plain_text(paragraph.content) == "Requests the following:"
        a, b = paragraph.subparagraphs
        assert (a.number, plain_text(a.content)) == ("(a)", "first;")
        assert [s.number for s in b.subparagraphs] == ["(i)"]
        assert plain_text(b.wrap_up) == "after deep;"
        assert plain_text(paragraph.wrap_up) == "and so on."

    def test_reads_preambular_block_lists(self) -> None:
        preamble = """<container name="Recalling"><p><span class="italic">Recalling</span> x:</p>
          <blockList><item><num>(a)</num><p>one;</p></item>
          <item><num>(b)</num><p>two,</p></item><listWrapUp><p>end,</p></listWrapUp>
          </blockList></container>"""
        r = read(akn("<paragraph><content><p>D.</p></content></paragraph>", preamble=preamble))
        (paragraph,) = r.value.preamble
        assert paragraph.initial_words == "Recalling"
        assert [s.number for s in paragraph.subparagraphs] == ["(a)", "(b)"]
        assert plain_text(paragraph.wrap_up) == "end,"

    def test_joins_a_repeated_note_reference_to_the_first_note(self) -> None:
        body = """<paragraph><content><p>A<authorialNote marker="1" eId="n1"><p>Note.</p>
          </authorialNote> and B<noteRef marker="1" href="#n1"/>.</p></content></paragraph>"""
        r = read(akn(body))
        assert [f.text for f in r.value.footnotes] == ["Note."]
        (paragraph,) = r.value.operative
        assert isinstance(paragraph, OperativeParagraph)
        assert [p for p in paragraph.content if isinstance(p, FootnoteRef)] == [b.ref("1")] * 2

    def test_reads_both_un_conclusion_styles_and_its_own(self) -> None:
        styles = [
            '<p><inline name="adoptionMeeting">48th plenary meeting</inline><eol/>'
            '<docDate date="2012-12-03">3 December 2012</docDate></p>',
            '<p><event refersTo="#adoption"><location refersTo="#adoptionMeeting">48th plenary'
            ' meeting</location><eol/><docDate date="2012-12-03">3 December 2012</docDate>'
            "</event></p>",
            '<container name="adoption"><p><event refersTo="#m">48th plenary meeting</event>'
            '<eol/><docDate date="2012-12-03">3 December 2012</docDate></p></container>',
        ]
        for style in styles:
            extra = f"<conclusions>{style}</conclusions>"
            r = read(akn("<paragraph><content><p>D.</p></content></paragraph>", extra=extra))
            assert r.value.adoption == b.adoption(
                "3 December 2012", "48th plenary meeting", date=dt.date(2012, 12, 3), meeting=48
            )

    def test_reports_unexpected_elements_with_their_line_and_keeps_the_text(self) -> None:
        body = (
            "<paragraph><num>1.</num><content><p>Text</p></content></paragraph>\n"
            "<tblock><p>Kept</p></tblock>"
        )
        r = read(akn(body))
        assert plain_text(r.value.operative[-1].content) == "Kept"  # type: ignore[union-attr]
        (warning,) = [d for d in r.warnings if d.code == "akn-block"]
        assert warning.element == "tblock" and warning.line is not None
        with pytest.raises(StrictModeError):
            read(akn(body), strict=True)


class TestBadInput:
    def test_refuses_a_document_that_is_not_akoma_ntoso(self) -> None:
        with pytest.raises(StructureError, match="akomaNtoso"):
            read(b"<html><body/></html>")

    def test_reads_a_document_without_main_body_and_says_so(self) -> None:
        data = akn("").replace(b"<mainBody></mainBody>", b"")
        assert b"<mainBody" not in data
        result = AknReader().read(data)
        assert result.value.operative == ()
        assert result.value.authority  # the preamble is still read
        assert [d.code for d in result.warnings] == ["akn-no-body"]
        with pytest.raises(StrictModeError, match="mainBody"):
            read(data, strict=True)

    def test_reads_german_and_refuses_a_language_resconv_does_not_know(self) -> None:
        german = read(akn("<paragraph><content><p>D.</p></content></paragraph>", lang="deu"))
        assert german.value.language == "de"
        with pytest.raises(StructureError, match="nld"):
            read(akn("<paragraph><content><p>D.</p></content></paragraph>", lang="nld"))

    def test_refuses_xml_that_is_not_well_formed(self) -> None:
        with pytest.raises(InputDecodeError):
            read(b"<akomaNtoso><statement></akomaNtoso>")

    def test_reads_what_format_detection_sends_it(self) -> None:
        data = akn("<paragraph><content><p>D.</p></content></paragraph>")
        assert resconv.read(data).value.number == "67/38"


class TestStructures:
    """Small hand-written files for each new mapping; the UN's own are in test_akn_structures."""

    def test_a_letter_under_the_title_joins_the_number_and_its_note_ends_the_title(self) -> None:
        data = akn("<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>")
        data = data.replace(
            b"</p></preface>",
            b'</p><p><docNumber><span class="bold">B</span></docNumber>'
            b'<authorialNote marker="1"><p>Resolution 67/38 becomes 67/38 A.</p>'
            b"</authorialNote></p></preface>",
        )
        result = read(data)
        assert result.value.number == "67/38 B"
        assert result.value.title == (b.text("Title"), b.ref("1"))
        assert result.value.footnotes == (b.footnote("1", "Resolution 67/38 becomes 67/38 A."),)
        assert not result.warnings

    def test_links_and_emphasis_nest_and_keep_their_text(self) -> None:
        body = (
            '<paragraph><num>1.</num><content><p><span class="italic">Recalls</span> its '
            '<b>resolution <a href="https://undocs.org/A/RES/67/38">67/38</a></b> and '
            '<span class="bold italic">the report</span> <a href="#x">A/80/1</a>.</p>'
            "</content></paragraph>"
        )
        paragraph = read(akn(body)).value.operative[0]
        assert isinstance(paragraph, OperativeParagraph)
        assert paragraph.initial_words == "Recalls"
        assert paragraph.content == b.inlines(
            "Recalls its ",
            b.emphasis(
                "resolution ",
                b.reference("67/38", target="https://undocs.org/A/RES/67/38", kind="resolution"),
                bold=True,
            ),
            " and ",
            b.emphasis("the report", bold=True, italic=True),
            " ",
            b.reference("A/80/1", kind="document"),
            ".",
        )

    def test_a_table_in_a_paragraph_stands_after_it_with_spans_and_alignment(self) -> None:
        body = (
            "<paragraph><num>1.</num><content><p>Approves:</p><table>"
            "<tr><th><p>Year</p></th><th><p>Amount</p></th></tr>"
            '<tr><td rowspan="2"><p>2026</p></td>'
            '<td class="right"><p>1,000</p><p>(net)</p></td></tr>'
            "</table></content></paragraph>"
        )
        blocks = read(akn(body)).value.operative
        assert isinstance(blocks[0], OperativeParagraph)
        assert blocks[1] == b.table(
            b.row("Year", "Amount", header=True),
            b.row(b.cell("2026", row_span=2), b.cell("1,000", "(net)", align="right")),
        )

    def test_a_section_with_its_own_preamble_is_a_part_and_writes_back_as_one(self) -> None:
        body = (
            "<section><subheading>II</subheading><subheading>Budget</subheading>"
            '<crossHeading refersTo="#preamble"><span class="italic">Recalling</span> '
            "its resolution,</crossHeading>"
            "<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph></section>"
        )
        model = read(akn(body)).value
        assert model.parts == (
            b.part(
                "II",
                "Budget",
                preamble=[b.preambular("Recalling its resolution,", initial_words="Recalling")],
                operative=[b.operative("Decides.", number="1.")],
            ),
        )
        again = read(resconv.write(model, "akn")).value
        assert again.parts == model.parts

    def test_text_the_model_cannot_place_stays_with_a_warning_and_strict_refuses_it(
        self,
    ) -> None:
        body = "<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
        body += "<foo>Kept <i>text</i></foo>"
        result = read(akn(body))
        assert result.value.operative[-1] == b.paragraph("Kept ", b.emphasis("text", italic=True))
        assert [d.code for d in result.warnings] == ["akn-unexpected"]
        with pytest.raises(StrictModeError):
            read(akn(body), strict=True)


class TestNumberPrintedInText:
    """Some sessions' UN files print the operative number inside the paragraph's text."""

    def test_a_number_before_a_tab_becomes_the_number_and_the_initial_words_follow(
        self,
    ) -> None:
        body = (
            '<paragraph><content><p>\t1 -\t<span class="bold italic">تعرب</span> عن تقديرها؛'
            "</p></content></paragraph>"
            '<paragraph><content><p>\t2 -<span class="bold italic">\tتطلب</span> إلى اللجنة.'
            "</p></content></paragraph>"
        )
        r = read(akn(body, lang="ara"))
        first, second = r.value.operative
        assert isinstance(first, OperativeParagraph) and isinstance(second, OperativeParagraph)
        assert (first.number, first.initial_words) == ("1 -", "تعرب")
        assert plain_text(first.content) == "تعرب عن تقديرها؛"
        assert (second.number, second.initial_words) == ("2 -", "تطلب")
        assert plain_text(second.content) == "تطلب إلى اللجنة."
        assert [d.code for d in r.diagnostics].count("akn-num-in-text") == 2

    @pytest.mark.parametrize(
        "text", ["3.5 million people are affected.", "15 States have ratified it.", "2021 Plan"]
    )
    def test_a_figure_opening_the_text_stays_text(self, text: str) -> None:
        r = read(akn(f"<paragraph><content><p>{text}</p></content></paragraph>"))
        (paragraph,) = r.value.operative
        assert isinstance(paragraph, OperativeParagraph)
        assert (paragraph.number, plain_text(paragraph.content)) == (None, text)
        assert "akn-num-in-text" not in [d.code for d in r.diagnostics]

    def test_a_paragraph_with_its_num_is_left_as_it_is(self) -> None:
        body = "<paragraph><num>1.</num><content><p>2\tDecides.</p></content></paragraph>"
        (paragraph,) = read(akn(body)).value.operative
        assert isinstance(paragraph, OperativeParagraph)
        assert (paragraph.number, plain_text(paragraph.content)) == ("1.", "2 Decides.")

    def test_the_dash_opening_a_title_is_kept_as_the_source_has_it(self) -> None:
        # "74/10. -\tTitle": the separator is no part of the title, but it is the
        # source's text, and a short file would lose more than 0.5 % without it.
        data = akn("<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>")
        data = data.replace(b"<docTitle>Title", "<docTitle>-\tالعنوان".encode())
        assert read(data).value.title == b.inlines("- العنوان")


class TestLabelPrintedInText:
    """Some UN files print points as paragraphs without ``num``, their label in the text."""

    def test_labelled_paragraphs_become_the_subparagraphs_of_the_paragraph_before(
        self,
    ) -> None:
        body = (
            "<paragraph><num>1.</num><content><p>Decides:</p></content></paragraph>"
            "<paragraph><content><p>\t(a)\tTo meet;</p></content></paragraph>"
            "<paragraph><content><p>\t(i)\tOnce;</p></content></paragraph>"
            "<paragraph><content><p>\t(b)\tTo report.</p></content></paragraph>"
            "<paragraph><num>2.</num><content><p>Requests.</p></content></paragraph>"
        )
        r = read(akn(body))
        first, second = r.value.operative
        assert isinstance(first, OperativeParagraph) and isinstance(second, OperativeParagraph)
        assert [(s.number, plain_text(s.content)) for s in first.subparagraphs] == [
            ("(a)", "To meet;"),
            ("(b)", "To report."),
        ]
        (nested,) = first.subparagraphs[0].subparagraphs
        assert (nested.number, plain_text(nested.content)) == ("(i)", "Once;")
        assert second.number == "2."
        assert [d.code for d in r.diagnostics].count("akn-label-in-text") == 3

    def test_without_a_paragraph_before_the_label_stays_in_the_text(self) -> None:
        r = read(akn("<paragraph><content><p>\t(a)\tTo meet;</p></content></paragraph>"))
        (paragraph,) = r.value.operative
        assert isinstance(paragraph, OperativeParagraph)
        assert plain_text(paragraph.content) == "(a) To meet;"


class TestPrintedOrderOverMarkUp:
    """What the UN's mark-up sets apart from the printed resolution, read as printed."""

    def test_comma_ended_paragraphs_heading_the_body_are_preambular(self) -> None:
        body = (
            '<paragraph><content><p><span class="italic">Noting</span> the report,</p>'
            "</content></paragraph>"
            '<paragraph><content><p><span class="italic">Having considered</span> the note,'
            "</p></content></paragraph>"
            "<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
        )
        preamble = (
            '<container name="Recalling"><p><span class="italic">Recalling</span> its '
            "resolution 66/1,</p></container>"
        )
        r = read(akn(body, preamble=preamble))
        assert [p.initial_words for p in r.value.preamble] == [
            "Recalling",
            "Noting",
            "Having considered",
        ]
        [operative] = r.value.operative
        assert isinstance(operative, OperativeParagraph) and operative.number == "1."
        assert "akn-preamble-in-body" in [d.code for d in r.diagnostics]

    def test_an_unnumbered_operative_opening_stays_in_the_body(self) -> None:
        body = (
            "<paragraph><content><p>Decides, in accordance with Article 96, to request:</p>"
            "</content></paragraph>"
            "<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
        )
        preamble = '<container name="Recalling"><p>Recalling its resolution 66/1,</p></container>'
        r = read(akn(body, preamble=preamble))
        assert len(r.value.preamble) == 1
        assert len(r.value.operative) == 2

    def test_without_conclusions_the_adoption_date_is_the_one_the_cover_prints(self) -> None:
        cover = (
            "<coverPage><p><docTitle>Resolution adopted by the General Assembly on "
            "30 November 2012</docTitle></p></coverPage><preface>"
        )
        data = akn("<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>")
        r = read(data.replace(b"<preface>", cover.encode(), 1))
        assert r.value.adoption is not None
        assert r.value.adoption.date == dt.date(2012, 11, 30)  # FRBRWork says 3 December
