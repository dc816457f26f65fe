"""Tables of a run: per input form × language, skips by reason, failures by kind."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .runner import GENERATED_FORMS, REAL_FORMS, Case

LANGUAGE_ORDER = ("en", "fr", "es", "ru", "ar", "zh", "de")
FORM_ORDER = (*REAL_FORMS, *GENERATED_FORMS)


FAMILIES = ("real", "reflowed", "markdown", "web", "resconv-pdf", "libreoffice-pdf")


def family(form: str) -> str:
    """ "resconv-pdf" for "resconv-pdf:pypdf", "real" for every real text."""
    head = form.partition(":")[0]
    return head if head in FAMILIES else form


def set_of(case: Case) -> str:
    """ "real", "held-out", or "shared" for the generated variants of ../shared's files."""
    return case.group if case.group in ("real", "held-out") else "shared"


def _order(key: tuple[str, str, str]) -> tuple[int, int, int]:
    sets = ("real", "shared", "held-out")
    return (
        sets.index(key[0]) if key[0] in sets else 9,
        FORM_ORDER.index(key[1]) if key[1] in FORM_ORDER else 99,
        LANGUAGE_ORDER.index(key[2]) if key[2] in LANGUAGE_ORDER else 9,
    )


def _row(cases: list[Case]) -> dict[str, Any]:
    count = len(cases)
    return {
        "cases": count,
        "exact": sum(case.exact for case in cases),
        "structure_exact": sum(case.structure_exact for case in cases),
        "mean_text_score": sum(case.text_score for case in cases) / count if count else 0.0,
    }


def summary(cases: Iterable[Case]) -> dict[str, Any]:
    compared: dict[tuple[str, str, str], list[Case]] = defaultdict(list)
    skipped: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    by_form: Counter[tuple[str, str]] = Counter()
    by_language: Counter[tuple[str, str]] = Counter()
    for case in cases:
        if case.skipped:
            skipped[(set_of(case), case.skipped)] += 1
            continue
        compared[(set_of(case), case.form, case.language)].append(case)
        if not case.exact and case.kind:
            kind = re.sub(r"\d+(?:/\d+)*", "N", case.kind)  # one kind, whatever the number
            kinds[kind] += 1
            by_form[(kind, family(case.form))] += 1
            by_language[(kind, case.language)] += 1
    rows = [
        {"set": key[0], "form": key[1], "language": key[2], **_row(compared[key])}
        for key in sorted(compared, key=_order)
    ]
    totals = {}
    for name in sorted({key[0] for key in compared}, key=lambda s: _order((s, "", ""))):
        everything = [case for key, group in compared.items() if key[0] == name for case in group]
        totals[name] = _row(everything)
    return {
        "rows": rows,
        "totals": totals,
        "skipped": [
            {"set": key[0], "reason": key[1], "count": count}
            for key, count in sorted(skipped.items())
        ],
        "failure_kinds": dict(kinds.most_common()),
        "failure_kinds_by_form": {
            kind: {f: by_form[(kind, f)] for f in FAMILIES if by_form[(kind, f)]} for kind in kinds
        },
        "failure_kinds_by_language": {
            kind: {x: by_language[(kind, x)] for x in LANGUAGE_ORDER if by_language[(kind, x)]}
            for kind in kinds
        },
    }


def _percent(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f} %)" if whole else "0"


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| set | form | lang | cases | exact | structure-exact | mean text score |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for row in report["rows"]:
        lines.append(
            f"| {row['set']} | {row['form']} | {row['language']} | {row['cases']} "
            f"| {_percent(row['exact'], row['cases'])} "
            f"| {_percent(row['structure_exact'], row['cases'])} "
            f"| {row['mean_text_score']:.4f} |"
        )
    for name, row in report["totals"].items():
        lines.append(
            f"| **{name}, all** | | | {row['cases']} | {_percent(row['exact'], row['cases'])} "
            f"| {_percent(row['structure_exact'], row['cases'])} "
            f"| {row['mean_text_score']:.4f} |"
        )
    if report["skipped"]:
        lines += ["", "Skipped (not compared):", ""]
        lines += [f"- {s['set']}: {s['count']} × {s['reason']}" for s in report["skipped"]]
    if report["failure_kinds"]:
        lines += [
            "",
            "Cases not exact, by the first field that differs (kind × form, language):",
            "",
        ]
        lines += [
            "| kind | cases | " + " | ".join(FAMILIES) + " | " + " | ".join(LANGUAGE_ORDER) + " |",
            "|---|---:|" + "---:|" * (len(FAMILIES) + len(LANGUAGE_ORDER)),
        ]
        for kind, count in report["failure_kinds"].items():
            forms = report["failure_kinds_by_form"][kind]
            languages = report["failure_kinds_by_language"][kind]
            cells = [str(forms.get(f, "")) for f in FAMILIES]
            cells += [str(languages.get(x, "")) for x in LANGUAGE_ORDER]
            lines.append(f"| {kind} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def failures(cases: Iterable[Case]) -> str:
    lines = []
    for case in sorted(cases, key=lambda c: (*_order((set_of(c), c.form, c.language)), c.source)):
        if case.skipped or case.exact:
            continue
        lines.append(
            f"{set_of(case)} {case.form} {case.language} {case.source}: {case.first_difference}"
        )
    return "\n".join(lines)


def write_json(path: Path, report: dict[str, Any], cases: list[Case], notes: list[str]) -> None:
    document = {**report, "notes": notes, "cases": [case.as_dict() for case in cases]}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n")
