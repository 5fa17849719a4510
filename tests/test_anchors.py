"""A rule runs only where the words every match needs occur: its anchor sets, read from the pattern."""

from __future__ import annotations

import json

import pytest

from graph.load import parse_article
from graph.match.context import Context
from graph.rules.anchors import anchors


def test_every_set_of_required_words_is_found_the_one_to_look_up_first():
    # "the" is looked up (of the shortest words, the fewest); "daughter"/"son" must occur as well
    assert anchors(r"\w+\sis\sthe\s(?:daughter|son)\sof\s\w+") == (("the",), ("daughter", "son"))


def test_a_lookahead_requires_its_words_a_lookbehind_never():
    # a lookahead cannot see past the end of the sentence the matcher gives it; a lookbehind can
    # see the sentence before, so its words may lie outside the stretch searched
    assert anchors(r"\w+\shas\srun(?=\s+since\s+\d+)") == (("run",), ("since",), ("has",))
    # ... but is never the word looked up: it may lie in the next sentence (a name, then "Reporter"
    # on the line below), where the match is not
    assert anchors(r"\w+(?=\s+since\s+\d+)") is None
    assert anchors(r"(?<=since\s)\d+") is None
    assert anchors(r"\w+(?!\s+since)") is None


def test_an_alternation_whose_common_start_the_parser_factors_out_keeps_its_words():
    # "has|have" is parsed as "ha" then "s" or "ve": too short alone, the two words are required together
    assert anchors(r"\w+\s+(?:has|have)\s+\w+") == (("has", "have"),)
    # "told|tells" is "t" then "old" or "ells": the whole words are looked up; a class of letters after a
    # run is each of its words ("sta[ry]" is "star" or "stay")
    assert anchors(r"\w+\s(?:told|tells)\s\w+")[0] == ("tells", "told")
    assert anchors(r"\w+\ssta[ry]\s\w+") == (("star", "stay"),)
    # an optional ending adds no word: "son" is needed, "sons" is not
    assert anchors(r"\w+\s+sons?\s") == (("son",),)


def test_a_set_implied_by_another_is_left_out():
    # every match holding "said" holds one of "said"/"told"
    assert anchors(r"said\b.*\b(?:said|told)") == (("said",),)


def test_optional_words_and_words_too_short_to_help_are_no_anchor():
    assert anchors(r"\w+(?:\ssaid)?\sto") is None
    assert anchors(r"(?i:said) \w+") is None


def _context(rules, body: str) -> Context:
    raw = f" date 2025-03-14\nA headline\n\n{body}\n".encode()
    return Context.of(parse_article(raw, "x.txt", "x"), rules)


def test_a_rule_runs_only_in_sentences_holding_a_word_of_every_set(rules):
    body = ("The cat slept in the sun. A dog barked. Mia Cole is the daughter of Ann Cole. "
            "Rain fell. The dog barked. Her son is Tom.")
    ctx = _context(rules, body)
    windows = ctx.windows((("the",), ("daughter", "son")))
    assert [ctx.text[a:b] for a, b in windows] == ["Mia Cole is the daughter of Ann Cole."]
    # the first set alone: every sentence holding "the"
    assert len(ctx.windows((("the",),))) == 2  # "The dog barked." has no lower-case "the"
    assert ctx.windows(None) == [(0, len(ctx.text))]


def test_a_rule_called_on_words_lacking_a_set_is_not_run(rules):
    ctx = _context(rules, "Mia Cole is the daughter of Ann Cole.")
    rule = next(r for r in rules.all() if r.anchors and len(r.anchors) > 1)
    assert ctx.run(rule, "search", "nothing to see here") is None
    assert rule.id not in ctx.spent


def test_damaged_anchor_sets_in_the_rules_cache_read_the_rules_afresh(rules_copy, tmp_path, monkeypatch):
    import hashlib

    import graph.rules.ruleset as ruleset
    from graph.rules.ruleset import load_rules

    monkeypatch.setenv("KG_RULES_CACHE", str(tmp_path / "cache"))
    first = load_rules(rules_copy)
    (entry,) = [e for e in (tmp_path / "cache").glob("*.json") if e.name != ruleset.PASSED_FILE]
    body = json.loads(json.loads(entry.read_text(encoding="utf-8"))["payload"])
    damaged = 0
    for rules_of_kind in body["by_kind"].values():
        for r in rules_of_kind:
            if r["anchors"]:
                r["anchors"] = ["said"]  # words, not sets of words: read as letters, it would anchor on "s"
                damaged += 1
    assert damaged
    payload = json.dumps(body)
    entry.write_text(json.dumps({"checksum": hashlib.sha256(payload.encode()).hexdigest(), "payload": payload}),
                     encoding="utf-8")
    again = load_rules(rules_copy)
    assert [(r.id, r.anchors) for r in again.all()] == [(r.id, r.anchors) for r in first.all()]


@pytest.mark.parametrize("rule_id", ["is-child-of-named", "couple-have-child"])
def test_shipped_rules_with_a_common_first_word_are_held_to_their_rarer_words(rules, rule_id):
    rule = rules.find(rule_id)
    assert rule.anchors and len(rule.anchors) > 1
    assert all(min(map(len, words)) >= 3 for words in rule.anchors)


def test_alternatives_some_of_them_two_letters_long_are_anchors_one_short_word_alone_is_not():
    # an organisation's last word: "Co" is too short alone, but the set narrows the sentences searched
    assert anchors(r"\p{Lu}\p{Ll}+\s(?:Systems|Holdings|Co)\b") == (("Co", "Holdings", "Systems"),)
    assert anchors(r"\b(?:19|20)\d\d\b") == (("19", "20"),)
    # where a longer required word exists it is the one looked up
    assert anchors(r"(?:FM|AM)\s+radio\s+\w+") == (("radio",),)
    assert anchors(r"\w+\sto\s\w+") is None


def test_a_rule_anchored_on_short_alternatives_finds_what_a_scan_of_the_whole_text_finds(rules):
    import regex

    pattern = regex.compile(r"\p{Lu}\p{Ll}+\s(?:Systems|Holdings|Co)\b")
    found = anchors(pattern.pattern)
    body = ("Vela Systems hired Ana Ruiz. Nobody else came. The deal with Marsh Co closed. "
            "Rain fell on the town. Brant Holdings said nothing.")
    ctx = _context(rules, body)
    whole = [m.group(0) for m in pattern.finditer(ctx.text)]
    windowed = [m.group(0) for a, b in ctx.windows(found) for m in pattern.finditer(ctx.text, a, b)]
    assert windowed == whole == ["Vela Systems", "Marsh Co", "Brant Holdings"]
    assert len(ctx.windows(found)) == 3  # the two sentences without any of the words are not searched


def test_anchor_occurrences_agree_with_a_search_of_the_text_overlapping_ones_included():
    from hypothesis import given, settings, strategies as st

    from graph.rules.anchors import Occurrences, finder

    words = ["daughter", "daughters", "aught", "son", "sons", "on", "“Mum", "中文", "😀x"]
    automaton = finder(words)
    alphabet = st.sampled_from(["daughters", "son", "on", " ", "“", "Mum", "中文", "😀", "x", "a", "ught"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(alphabet, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 40))
    def agree(text, a, b):
        at = Occurrences(automaton, text)
        for word in [*words, "unknown", "ugh"]:  # the last two the automaton was not made with
            starts, pos = [], text.find(word)
            while pos != -1:
                starts.append(pos)
                pos = text.find(word, pos + 1)
            assert at.of(word) == starts
            assert at.within(word, a, b) == (text.find(word, a, b) >= 0)

    agree()


def test_rules_without_anchor_words_make_no_automaton():
    from graph.rules.anchors import Occurrences, finder

    assert finder([]) is None
    assert Occurrences(None, "Mia said so").of("said") == [4]
