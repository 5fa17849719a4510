"""A rule's pattern runs in a faster form that matches exactly what it matches as written:
behind a guard of the characters a match can start with, its opening assertions cheapest first."""

from __future__ import annotations

import hashlib
import json

import regex

from graph.rules.guard import cheapest_first, fast_form, first_guard, opening_assertions


def test_the_guard_holds_every_character_a_match_can_start_with():
    assert first_guard(r"(?<!\bof\s)(?:Mr|Dr)\.?\s\p{Lu}\p{Ll}+") == "(?=[DM])"
    # optional parts and alternatives add their first characters; a Unicode property stays one
    assert first_guard(r"(?<![\p{L}-])(?:(?:Mrs|Ms)\.?\s+)?(?P<name>\p{Lu}\p{Ll}+|[hH]e\b)") == r"(?=[HM\p{Lu}h])"
    # a lookahead or lookbehind reads no character of the match: it adds none
    assert first_guard(r"(?=\p{Lu})(?<!the\s)[A-Z]\w+") == "(?=[A-Z])"


def test_no_guard_where_the_first_character_is_not_known_or_too_common_to_filter():
    assert first_guard(r"(?<!x)\w*said") == ""  # may match from any word character, and "said" alone
    assert first_guard(r"(?<!x).said") == ""  # any character
    assert first_guard(r"(?<!x)[^,]+said") == ""  # a negated class
    assert first_guard(r"(?<!x)(?i:mr)\s\w+") == ""  # case folding: the written letters are not all
    assert first_guard(r"(?<!x)\s+said") == ""  # a space: most positions pass
    assert first_guard(r"(?<!x)(?&_NAME)\ssaid(?(DEFINE)(?<_NAME>\p{Lu}\p{Ll}+))") == ""  # a called macro


def test_the_opening_assertions_are_read_whole_and_the_cheapest_tried_first():
    pattern = r"(?<!\bwith\s[^.;]{0,80},\s)(?<![\p{L}\])])(?!\(x\))\p{Lu}\p{Ll}+"
    spans = opening_assertions(pattern)
    assert [pattern[a:b] for a, b in spans] == [r"(?<!\bwith\s[^.;]{0,80},\s)", r"(?<![\p{L}\])])", r"(?!\(x\))"]
    order = cheapest_first(pattern)
    assert order == (1, 2, 0)  # the scan of up to 80 characters back goes last
    assert fast_form(pattern, "", order) == r"(?<![\p{L}\])])(?!\(x\))(?<!\bwith\s[^.;]{0,80},\s)\p{Lu}\p{Ll}+"
    # an assertion that captures keeps every assertion where it was written (a later capture of a name wins)
    capturing = r"(?<=(?P<kin>son|daughter)\s[^.]{0,40})(?<!x)\p{Lu}\p{Ll}+"
    assert cheapest_first(capturing) == (0, 1)
    # an order that does not reorder the pattern's own assertions (a damaged cache) is not applied
    assert fast_form(pattern, "(?=[A])", (0, 5, 1)) == "(?=[A])" + pattern


def test_the_fast_form_matches_what_the_pattern_matches_in_any_order_and_unguarded(rules):
    """On whole articles, for shipped rules of each kind of opening: the same matches, group by group,
    with the guard and without it, with the opening assertions in the order run and in reverse."""
    from pathlib import Path

    seeds = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    texts.append("In 1978, Walter Pruett, of Ely, opened a narrow bakery. Mr. and Mrs. Gregory Pardue's son, Owen "
                 "Pardue, was awarded a prize on Tuesday, and she won a full term in 2023. Harlow & Finch Ltd "
                 "bought Baird Group, whose founder, Dana Baird, who was in court with his wife, Ann, opened it.")
    checked = 0
    for rule_id in ("happening-dated-verb", "org-designator", "name-does", "name-kin-of", "child-of-named", "org-named-with-noun"):
        rule = rules.find(rule_id)
        assert rule.source.startswith("(?=[")  # guarded
        body = rule.source[rule.source.index("])") + 2:]
        spans = opening_assertions(body)
        assert len(spans) > 1
        reverse = fast_form(body, "", tuple(reversed(range(len(spans)))))
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
            for other in (body, reverse):
                assert found == [(m.span(), m.groupdict()) for m in regex.finditer(other, text)], rule_id
            checked += len(found)
    assert checked > 20


def test_a_damaged_guard_or_order_in_the_rules_cache_reads_the_rules_afresh(rules_copy, tmp_path, monkeypatch):
    import graph.rules.ruleset as ruleset
    from graph.rules.ruleset import load_rules

    monkeypatch.setenv("KG_RULES_CACHE", str(tmp_path / "cache"))
    first = load_rules(rules_copy)
    for entry in (tmp_path / "cache").glob("*.json"):
        if entry.name != ruleset.PASSED_FILE:
            entry.unlink()  # the rule set itself must be checked again, from what passed before
    passed = tmp_path / "cache" / ruleset.PASSED_FILE
    body = json.loads(json.loads(passed.read_text(encoding="utf-8"))["payload"])
    guarded = [k for k, v in body.items() if v["guard"]]
    assert guarded
    for k in guarded:
        body[k]["guard"] = "(?!)"  # would make the rule match nothing
    payload = json.dumps(body)
    passed.write_text(json.dumps({"checksum": hashlib.sha256(payload.encode()).hexdigest(), "payload": payload}),
                      encoding="utf-8")
    again = load_rules(rules_copy)
    assert [(r.id, r.source) for r in again.all()] == [(r.id, r.source) for r in first.all()]
