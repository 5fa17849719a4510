"""Render an evaluation Report as an aligned text table or as deterministic JSON."""

from __future__ import annotations

import json

from graph.evaluate.score import CATEGORIES, DEFINITIONS, Difference, Evidence, Report, RuleStat, Score

_SENTENCE_CHARS = 200


def below(report: Report, min_f1: float) -> list[str]:
    """The categories whose overall F1 is under `min_f1`, in CATEGORIES order."""
    return [c for c in CATEGORIES if report.overall[c].f1 < min_f1]


# ---------------------------------------------------------------- text


def format_text(report: Report) -> str:
    """Overall P/R/F1 by category, F1 per article, the differences with evidence, the rule table."""
    out: list[str] = []
    n_in = sum(a.in_graph for a in report.articles)
    out.append(f"kg eval: {len(report.articles)} gold article{'s' if len(report.articles) != 1 else ''}, "
               f"{n_in} in the graph")
    for w in report.warnings:
        out.append(f"warning: {w}")
    out.append("")
    out.append("Overall (micro-averaged over articles)")
    rows = [["category", "P", "R", "F1", "tp", "fp", "fn"]]
    for c in CATEGORIES:
        s = report.overall[c]
        rows.append([c, _f(s.precision), _f(s.recall), _f(s.f1), str(s.tp), str(s.fp), str(s.fn)])
    out += _table(rows)
    fit, matched = report.event_kinds
    if matched:
        out.append(f"event kinds: {fit} of {matched} matched events have a class that fits the gold kind")
    orgs, places = report.people_as
    out.append(f"people that are gold organisations: {orgs}; gold places: {places}")
    out.append("")

    out.append('Per article (F1; "-" where neither gold nor graph has anything to count)')
    rows = [["article", *CATEGORIES]]
    for a in report.articles:
        name = a.article if a.in_graph else f"{a.article} (not in graph)"
        rows.append([name, *("-" if a.scores[c].empty else _f(a.scores[c].f1) for c in CATEGORIES)])
    out += _table(rows)
    out.append("")

    out.append("Differences")
    if not report.differences:
        out.append("  none")
    article = category = None
    for d in report.differences:
        if d.article != article:
            article, category = d.article, None
            out.append(f"{d.article}")
        if d.category != category:
            category = d.category
            out.append(f"  {d.category}")
        out += _difference(d)
    out.append("")

    out.append("Rules (facts scored above: correct, wrong, precision)")
    if not report.rules:
        out.append("  none")
    else:
        # worst first, as a rule to fix is what the table is read for
        ranked = sorted(report.rules, key=lambda r: (-r.wrong, r.precision, r.rule))
        rows = [["rule", "facts", "correct", "wrong", "precision", "categories"]]
        rows += [[r.rule, str(r.facts), str(r.correct), str(r.wrong), _f(r.precision), ", ".join(r.categories)]
                 for r in ranked]
        out += _table(rows, left=(0, 5))
    out.append("")
    out.append("Definitions")
    for c in CATEGORIES:
        out.append(f"  {c}: {DEFINITIONS[c]}")
    return "\n".join(out) + "\n"


def _difference(d: Difference) -> list[str]:
    where = f" (gold line {d.gold_line})" if d.gold_line else ""
    lines = [f"    {d.status:<9} {d.item}{where}: {d.detail}"]
    pad = " " * 14
    shown, said = set(), set()
    for ev in d.evidence:
        line = _evidence(ev)
        if line in said:  # both directions of a tie: one line
            continue
        said.add(line)
        lines.append(f"{pad}{line}")
        if ev.sentence and ev.sentence not in shown:  # both directions of a tie share one
            lines.append(f"{pad}  in \"{_clip(ev.sentence)}\"")
            shown.add(ev.sentence)
    if d.sentence and not any(d.sentence in s or s in d.sentence for s in shown):
        lines.append(f"{pad}sentence: \"{_clip(d.sentence)}\"")
    return lines


def _evidence(ev: Evidence) -> str:
    rule = ev.rule or "(no rule)"
    words = f" “{_clip(ev.exact, 80)}”" if ev.exact else ""
    at = f" at {ev.start}-{ev.end}" if ev.start is not None else ""
    return f"rule {rule}:{words}{at}"


def _clip(text: str, n: int = _SENTENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _f(x: float) -> str:
    return f"{x:.3f}"


def _table(rows: list[list[str]], left: tuple[int, ...] = (0,)) -> list[str]:
    """Rows aligned in columns: columns `left` left-aligned (text), the others right-aligned (numbers)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))]
        out.append("  " + "  ".join(cells).rstrip())
    return out


# ---------------------------------------------------------------- JSON


def format_json(report: Report) -> str:
    """The report as JSON: sorted keys, figures rounded to 4 places, lists in report order."""
    return json.dumps(to_dict(report), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def to_dict(report: Report) -> dict:
    """The report as plain data (what format_json writes)."""
    return {
        "categories": list(CATEGORIES),
        "definitions": dict(DEFINITIONS),
        "overall": {c: _score(report.overall[c]) for c in CATEGORIES},
        "event_kinds": {"fitting": report.event_kinds[0], "matched": report.event_kinds[1]},
        "people_as": {"organizations": report.people_as[0], "places": report.people_as[1]},
        "articles": [
            {"article": a.article, "genre": a.genre, "in_graph": a.in_graph,
             "scores": {c: _score(a.scores[c]) for c in CATEGORIES},
             "event_kinds": {"fitting": a.event_kinds[0], "matched": a.event_kinds[1]}}
            for a in report.articles
        ],
        "differences": [_diff(d) for d in report.differences],
        "rules": [_rule(r) for r in report.rules],
        "warnings": list(report.warnings),
    }


def _score(s: Score) -> dict:
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
            "recall": round(s.recall, 4), "f1": round(s.f1, 4)}


def _diff(d: Difference) -> dict:
    return {"article": d.article, "category": d.category, "status": d.status, "item": d.item,
            "detail": d.detail, "gold_line": d.gold_line, "node": d.node, "sentence": d.sentence,
            "evidence": [{"fact": e.fact, "rule": e.rule, "exact": e.exact, "sentence": e.sentence,
                          "start": e.start, "end": e.end} for e in d.evidence]}


def _rule(r: RuleStat) -> dict:
    return {"rule": r.rule, "facts": r.facts, "correct": r.correct, "wrong": r.wrong,
            "precision": round(r.precision, 4), "categories": list(r.categories)}
