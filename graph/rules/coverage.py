"""The curator's to-do list: hits per rule, rules that never fired, and sentences no rule used."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from graph.build import extract_all
from graph.load import discover
from graph.rules.ruleset import RuleSet


def coverage_report(seeds: Path, rules: RuleSet) -> str:
    paths, _ = discover(seeds)
    skipped: list = []
    extractions, _ = extract_all(paths, rules, strict=False, skipped=skipped, jobs=1)
    hits = Counter({r.id: 0 for r in rules.all() if r.kind != "macros"})
    for x in extractions:
        hits.update(dict(x.hits))
    lines = ["hits  rule"]
    kinds = {r.id: r.kind for r in rules.all()}
    for rid, n in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0])):
        if n:
            lines.append(f"{n:>4}  {kinds.get(rid, '?')}/{rid}")
    never = sorted(rid for rid, n in hits.items() if not n)
    lines.append("")
    lines.append(f"never fired ({len(never)}): " + (", ".join(never) if never else "none"))
    lines.append("")
    todo = [(x.article.id, why, span) for x in extractions for why, span in x.unmatched]
    lines.append(f"to look at ({len(todo)}):")
    for article, why, span in todo:
        text = " ".join(span.exact.split())
        lines.append(f"  {article}[{span.start}:{span.end}] {why}: {text[:110]}{'…' if len(text) > 110 else ''}")
    for path, why in skipped:
        lines.append(f"  skipped {path}: {why}")
    return "\n".join(lines)
