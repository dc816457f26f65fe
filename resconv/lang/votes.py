"""How each language labels the sides of a recorded vote, as the UN's meeting records do."""

from __future__ import annotations

from resconv._dataclass import dataclass  # start-up speed: resconv/_dataclass.py

__all__ = ["VOTE_WORDS", "VoteWords", "vote_words"]


@dataclass(frozen=True, slots=True, kw_only=True)
class VoteWords:
    """The labels of the three sides of a recorded vote, and how names are separated."""

    in_favour: str
    against: str
    abstaining: str
    separator: str = ", "
    """Between two States' names: ", ", "、", "، "."""


VOTE_WORDS: dict[str, VoteWords] = {
    "en": VoteWords(in_favour="In favour:", against="Against:", abstaining="Abstaining:"),
    "fr": VoteWords(
        in_favour="Ont voté pour :", against="Ont voté contre :", abstaining="Se sont abstenus :"
    ),
    "es": VoteWords(
        in_favour="Votos a favor:", against="Votos en contra:", abstaining="Abstenciones:"
    ),
    "ru": VoteWords(
        in_favour="Голосовали за:", against="Голосовали против:", abstaining="Воздержались:"
    ),
    "zh": VoteWords(in_favour="赞成：", against="反对：", abstaining="弃权：", separator="、"),
    "ar": VoteWords(
        in_favour="المؤيدون:", against="المعارضون:", abstaining="الممتنعون:", separator="، "
    ),
    "de": VoteWords(in_favour="Dafür:", against="Dagegen:", abstaining="Enthaltungen:"),
}


def vote_words(code: str) -> VoteWords:
    """The vote labels of language `code`; English for a language without its own."""
    return VOTE_WORDS.get(code, VOTE_WORDS["en"])
