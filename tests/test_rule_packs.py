"""Rules carry their own examples, checked on load; story rules live in packs that run only on their story."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph

from conftest import run_kg, write_article
from graph.errors import RuleError
from graph.rdf.vocab import SDO
from graph.rules.ruleset import load_rules

RULE = """
  - id: married-to-test
    relation: spouse
    pattern: '(?P<person>{NAME}),?\\s+who\\s+is\\s+married\\s+to\\s+(?P<spouse>{NAME})'
"""


def _append(rules_dir, kind, text):
    path = rules_dir / f"{kind}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    # rules go at the end of the `rules:` list, before any later top-level section
    at = next((i for i, line in enumerate(lines) if line.startswith("inferences:")), len(lines))
    path.write_text("\n".join(lines[:at] + text.strip("\n").splitlines() + lines[at:]) + "\n", encoding="utf-8")
    return path


def test_a_rule_matching_its_examples_loads(rules_copy):
    _append(rules_copy, "relations", RULE + """    examples:
      - text: Maya Lopez, who is married to Daniel Reed, spoke first.
        person: Maya Lopez
        spouse: Daniel Reed
    counter_examples:
      - Maya Lopez, who is married to her work, spoke first.
""")
    assert load_rules(rules_copy).find("married-to-test") is not None


def test_an_example_the_rule_does_not_match_is_an_error_naming_file_line_and_rule(rules_copy):
    path = _append(rules_copy, "relations", RULE + """    examples:
      - Maya Lopez married Daniel Reed.
""")
    with pytest.raises(RuleError) as err:
        load_rules(rules_copy)
    message = str(err.value)
    assert message.startswith(f"{path}:") and "rule 'married-to-test'" in message
    assert "does not match its example 'Maya Lopez married Daniel Reed.'" in message and "\n" not in message


def test_a_group_capturing_other_words_than_the_example_says_is_an_error(rules_copy):
    _append(rules_copy, "relations", RULE + """    examples:
      - text: Maya Lopez, who is married to Daniel Reed, spoke.
        spouse: Dan Reed
""")
    with pytest.raises(RuleError, match=r"group 'spouse' captures \['Daniel Reed'\], the example says \['Dan Reed'\]"):
        load_rules(rules_copy)


def test_a_counter_example_the_rule_matches_is_an_error(rules_copy):
    _append(rules_copy, "relations", RULE + """    counter_examples:
      - Maya Lopez, who is married to Daniel Reed, spoke.
""")
    with pytest.raises(RuleError, match="matches its counter-example"):
        load_rules(rules_copy)


PACK = """applies_when: [Quill]
kinds:
  harbour-reopening:
    class: schema:Event
    label: "Reopening of the harbour"
    key: organizer
rules:
  - id: harbour-reopened-test
    kind: harbour-reopening
    pattern: '(?P<organizer>{NAME})\\s+reopened\\s+the\\s+harbour'
    examples: [Mara Quill reopened the harbour.]
"""


def test_a_story_pack_runs_only_on_articles_that_name_its_story(tmp_path, rules_copy):
    (rules_copy / "events.harbour.yaml").write_text(PACK, encoding="utf-8")
    rules = load_rules(rules_copy)
    assert rules.find("harbour-reopened-test").pack == "harbour"
    articles = tmp_path / "articles"
    write_article(articles, "a.txt", " date 2024-05-02\nMara Quill said it was time. Mara Quill reopened the harbour "
                                     "on May 1, 2024.\n")
    write_article(articles, "b.txt", " date 2024-05-02\nTom Bray said it was time. Tom Bray reopened the harbour "
                                     "on May 1, 2024.\n")
    result = run_kg("build", "--seeds", articles, "--out", tmp_path / "out", "--rules", rules_copy, "--no-cache")
    assert result.returncode == 0, result.stderr
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    organizers = {str(g.value(o, SDO.name)) for e in g.subjects(RDF.type, SDO.Event) for o in g.objects(e, SDO.organizer)}
    assert organizers == {"Mara Quill"}, "the pack's rule ran on the article of another story"


def test_a_misnamed_pack_file_is_refused(rules_copy):
    (rules_copy / "macros.extra.yaml").write_text("rules: []\n", encoding="utf-8")
    with pytest.raises(RuleError, match="a pack is KIND.PACK.yaml"):
        load_rules(rules_copy)


def test_relation_rule_with_a_misspelt_group_is_refused(rules_copy):
    # `kid` for `child` was accepted and never fired
    _append(rules_copy, "relations", """
  - id: kid-test
    relation: parent
    pattern: '(?P<parent>{NAME})\\s+and\\s+her\\s+son,?\\s+(?P<kid>{NAME})'
""")
    with pytest.raises(RuleError, match="group 'kid' is not a role of relation 'parent'.*name the groups parent and child"):
        load_rules(rules_copy)


def test_an_unbalanced_parenthesis_is_reported_in_the_pattern_as_written(rules_copy):
    _append(rules_copy, "relations", """
  - id: open-paren-test
    relation: spouse
    pattern: '(?P<person>{NAME})\\s+(married\\s+(?P<spouse>{NAME})'
""")
    with pytest.raises(RuleError) as err:
        load_rules(rules_copy)
    message = str(err.value)
    assert "rule 'open-paren-test': invalid regex: missing )" in message
    assert "position 1353" not in message and "of the pattern:" in message


def test_a_bad_tense_marker_is_refused_on_load_not_mid_build(rules_copy):
    path = rules_copy / "dates.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  future: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + "  future: '(?:will'" + text[end:], encoding="utf-8")
    with pytest.raises(RuleError, match=r"dates.yaml:\d+: rule 'tense.future': invalid regex: missing \)"):
        load_rules(rules_copy)


def test_checked_rules_are_kept_and_reread_as_data(rules_copy, tmp_path, monkeypatch):
    import graph.rules.ruleset as ruleset

    monkeypatch.setenv("KG_RULES_CACHE", str(tmp_path / "cache"))
    first = load_rules(rules_copy)
    entries = [e for e in (tmp_path / "cache").glob("*.json") if e.name != ruleset.PASSED_FILE]
    assert len(entries) == 1
    monkeypatch.setattr(ruleset, "_load_checked", lambda *a: pytest.fail("the checked rules were checked again"))
    again = load_rules(rules_copy)
    assert [(r.id, r.fields, r.source, r.pack) for r in again.all()] == [(r.id, r.fields, r.source, r.pack)
                                                                         for r in first.all()]
    assert again.settings == first.settings and again.digest == first.digest


def test_after_an_edit_only_the_rules_not_checked_before_are_compiled(rules_copy, tmp_path, monkeypatch):
    """A curator who edits one rule waits for that rule's checks, not for every pattern to compile."""
    import graph.rules.ruleset as ruleset

    monkeypatch.setenv("KG_RULES_CACHE", str(tmp_path / "cache"))
    first = load_rules(rules_copy)
    _append(rules_copy, "relations", RULE + """    examples:
      - Maya Lopez, who is married to Daniel Reed, spoke first.
""")
    compiled = []
    real = ruleset._compile
    monkeypatch.setattr(ruleset, "_compile", lambda pattern, path, line, rid: compiled.append(rid) or real(pattern, path, line, rid))
    again = load_rules(rules_copy)
    assert set(compiled) & {r.id for r in first.all() if r.kind != "macros"} == set()  # (macros: each compiled alone, small)
    assert "married-to-test" in compiled
    # the rules not compiled again are the very rules first loaded, and compile when used
    before = {r.id: (r.source, r.anchors) for r in first.all()}
    assert all(before[r.id] == (r.source, r.anchors) for r in again.all() if r.id != "married-to-test")
    assert again.find("married-to-test").pattern.search("Maya Lopez, who is married to Daniel Reed, spoke")


def test_an_edited_rule_file_is_checked_again_and_a_damaged_entry_ignored(rules_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_RULES_CACHE", str(tmp_path / "cache"))
    load_rules(rules_copy)
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert len(load_rules(rules_copy).all()) > 100  # read afresh from the files
    _append(rules_copy, "relations", RULE + """    examples:
      - Maya Lopez married Daniel Reed.
""")
    with pytest.raises(RuleError, match="does not match its example"):
        load_rules(rules_copy)


def test_an_unknown_inference_is_refused_on_load(rules_copy):
    path = rules_copy / "relations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("infer: sibling-from-shared-parent",
                                                            "infer: cousins-from-anything"), encoding="utf-8")
    with pytest.raises(RuleError, match="unknown inference 'cousins-from-anything'"):
        load_rules(rules_copy)


def test_cached_rules_read_from_another_folder_name_that_folder(rules_copy, tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("KG_RULES_CACHE", str(tmp_path / "cache"))
    load_rules(rules_copy)
    moved = tmp_path / "moved"
    shutil.copytree(rules_copy, moved)
    again = load_rules(moved)
    assert all(r.path.startswith(str(moved)) for r in again.all())


def test_a_shared_macro_matches_what_it_would_match_written_in_full():
    """A shared macro is defined once per pattern and called; the matches are the same as with
    the macro written out, a shared macro inside another is defined once, and the definitions'
    groups are no roles of the rule."""
    import regex

    from graph.rules.ruleset import Macros, roles_of

    patterns = {"STOPW": "(?:The|Then|Mr)", "WORD": r"(?!{STOPW}\b)\p{Lu}\p{Ll}+", "PAIR": r"{WORD}\s{WORD}",
                "OUTER": r"(?:{PAIR}|{WORD})"}
    written = Macros(patterns)
    shared = Macros(patterns, frozenset({"STOPW", "PAIR"}))
    rule = r"(?P<person>{OUTER})\s+said"
    full = written.compiled_source(rule, "macros.yaml", 1, "t")
    called = shared.compiled_source(rule, "macros.yaml", 1, "t")
    assert "(?&_STOPW)" in called and called.count("(?<_STOPW>") == 1 and "(?<_PAIR>" in called
    text = "Then Dana Reyes said it. Mr Tom said no. The Otis said so. Ann Lee said yes, Then Lee said."
    want = ["Dana Reyes", "Tom", "Otis", "Ann Lee", "Lee"]
    assert [m.group("person") for m in regex.finditer(full, text)] == want
    assert [m.span("person") for m in regex.finditer(called, text)] == \
           [m.span("person") for m in regex.finditer(full, text)]
    assert roles_of(regex.compile(called)) == ["person"]
    # the anchor analysis reads a stand-in for the shared macro, never its words
    assert "Then" not in shared.for_analysis(rule, "macros.yaml", 1, "t")


def test_a_shared_flag_that_is_no_boolean_is_refused(rules_copy):
    path = rules_copy / "macros.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    shared: true\n", "    shared: yes please\n", 1),
                    encoding="utf-8")
    with pytest.raises(RuleError, match=r"macros\.yaml:\d+.*rule 'STOP'.*'shared' is true or false, got 'yes please'"):
        load_rules(rules_copy)
